//! One arbitrary story or nomination taken through the whole pipeline (load, validate,
//! resolve, render with the default theme) into memory, whatever validation says:
//! every page it produces must pass the integration tests' script checks, so every
//! front matter value is escaped in every place a template puts it.

#![no_main]

#[path = "../../tests/testsuite/hostile/checks.rs"]
#[allow(dead_code)]
mod checks;
#[path = "common.rs"]
mod common;

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use practice_press::config::Settings;
use practice_press::load::source::SourceFile;
use practice_press::load::{parse_document, Library, ParsedItem};
use practice_press::render::{render, NoProgress, Theme};
use practice_press::render::pages::all_jobs;
use practice_press::resolve::{resolve, PublishOptions};
use practice_press::write::MemorySink;

fn setup() -> &'static (Settings, Theme) {
    static SETUP: OnceLock<(Settings, Theme)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let settings = common::settings();
        let theme = Theme::load(&settings).expect("the default theme loads");
        (settings, theme)
    })
}

fuzz_target!(|data: &[u8]| {
    let (kind, path) = common::kind_of(data);
    let Ok(source) = SourceFile::from_bytes(Path::new(path), data.get(1..).unwrap_or_default().to_vec()) else {
        return;
    };
    let (settings, theme) = setup();
    let mut library = Library::default();
    match parse_document(kind, &source).0 {
        Some(ParsedItem::Entry(document)) => library.documents.push(*document),
        Some(ParsedItem::Page(page)) => library.pages.push(page),
        None => return,
    }
    let options = PublishOptions {
        now: "2030-01-01T00:00:00Z".parse().unwrap(),
        include_drafts: true,
    };
    let site = resolve(settings, &library, options).site;
    let sink = MemorySink::new();
    // Render errors (a path the sink refuses) are fine; what was rendered is checked.
    let _ = render(&site, theme, &all_jobs(&site), &sink, &NoProgress, None);
    let policy = checks::ScriptPolicy {
        static_prefix: "/sub/static/",
    };
    for (name, bytes) in sink.files() {
        if name.ends_with(".html") {
            let html = String::from_utf8_lossy(&bytes);
            let problems = checks::check_html(&name, &html, &policy);
            assert!(problems.is_empty(), "{problems:?}");
        }
    }
});
