//! Shared by the fuzz targets: one site's settings and the file kinds to try.

use std::path::Path;

use practice_press::config::Settings;
use practice_press::load::FileKind;

/// A site that exists nowhere on disk: media and link checks simply find nothing.
pub const SITE_YAML: &str = "title: Fuzz site\nbase_url: https://stories.example/sub\nservices: [children, adults]\npractice_areas: [advocacy, supervision]\npage_size: 2\n";

pub fn settings() -> Settings {
    Settings::parse(Path::new("/nonexistent-fuzz-site"), SITE_YAML).expect("valid settings")
}

/// The kind to load the input as, taken from its first byte so the fuzzer can choose,
/// and the path the file would have.
pub fn kind_of(data: &[u8]) -> (FileKind, &'static str) {
    match data.first().map(|b| b % 3) {
        Some(0) => (FileKind::Story, "content/stories/fuzz.md"),
        Some(1) => (FileKind::Nomination, "content/nominations/fuzz.md"),
        _ => (FileKind::Page, "content/pages/fuzz.md"),
    }
}
