//! Arbitrary bytes as a content file of each kind: decoding, splitting the front
//! matter, parsing YAML and converting it must never panic, and every diagnostic must
//! render against the file's own text (line and column inside it).

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use practice_press::diagnostic::render::{render_human, render_json};
use practice_press::load::source::SourceFile;
use practice_press::load::{parse_document, FileKind};

fuzz_target!(|data: &[u8]| {
    for (kind, path) in [
        (FileKind::Story, "content/stories/fuzz.md"),
        (FileKind::Nomination, "content/nominations/fuzz.md"),
        (FileKind::Page, "content/pages/fuzz.md"),
    ] {
        let path = Path::new(path);
        let (text, diagnostics) = match SourceFile::from_bytes(path, data.to_vec()) {
            Ok(source) => {
                let (_, diagnostics) = parse_document(kind, &source);
                (Some(source.text), diagnostics)
            }
            Err(diagnostic) => (None, vec![diagnostic]),
        };
        let source_of = |_: &Path| text.clone();
        let _ = render_human(&diagnostics, &source_of, false);
        let _ = render_json(&diagnostics);
    }
});
