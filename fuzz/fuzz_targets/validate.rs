//! A library made of one arbitrary file, validated with every rule: the privacy rules
//! (names, personal data, sensitive terms), word counts, links and vocabularies must
//! never panic on what a file can hold.

#![no_main]

#[path = "common.rs"]
mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use practice_press::diagnostic::render::render_human;
use practice_press::load::source::SourceFile;
use practice_press::load::{parse_document, Library, ParsedItem};
use practice_press::validate::validate;

fuzz_target!(|data: &[u8]| {
    let (kind, path) = common::kind_of(data);
    let Ok(source) = SourceFile::from_bytes(Path::new(path), data.get(1..).unwrap_or_default().to_vec()) else {
        return;
    };
    let settings = common::settings();
    let mut library = Library::default();
    let (item, mut diagnostics) = parse_document(kind, &source);
    match item {
        Some(ParsedItem::Entry(document)) => library.documents.push(*document),
        Some(ParsedItem::Page(page)) => library.pages.push(page),
        None => {}
    }
    library.sources.push(source.clone());
    diagnostics.extend(validate(&settings, &library));
    let text = source.text.clone();
    let _ = render_human(&diagnostics, &|_: &Path| Some(text.clone()), false);
});
