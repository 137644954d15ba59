//! Helpers: copy a fixture site to a temporary folder, build it, read the output.

pub use super::copy_tree;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use practice_press::build::{build_to_disk, BuildError, BuildOptions, BuildReport};
use practice_press::render::NoProgress;
use practice_press::resolve::PublishOptions;

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build");

/// A site in a temporary folder, removed when dropped.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/fixtures/build/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&Path::new(FIXTURES).join(name), dir.path());
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.root().join(relative)).expect("remove");
    }

    pub fn options(&self, now: &str, drafts: bool) -> BuildOptions {
        BuildOptions {
            site_root: self.root().to_path_buf(),
            publish: PublishOptions {
                now: now.parse::<Timestamp>().expect("time"),
                include_drafts: drafts,
            },
            deny_warnings: false,
            search: true,
        }
    }

    pub fn build_at(&self, now: &str, drafts: bool) -> Result<BuildReport, BuildError> {
        build_to_disk(&self.options(now, drafts), &self.output(), &NoProgress)
    }

    /// Builds at a fixed "now" (2026-03-01 noon UTC) and panics on failure.
    pub fn build(&self) -> BuildReport {
        match self.build_at("2026-03-01T12:00:00Z", false) {
            Ok(report) => report,
            Err(BuildError::Content(problems)) => panic!("build failed: {problems:#?}"),
            Err(err) => panic!("build failed: {err}"),
        }
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.output().join(relative))
            .unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.output().join(relative).exists()
    }

    /// Every output file and its bytes.
    pub fn all_files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(self.output())
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file() {
                let relative = entry
                    .path()
                    .strip_prefix(self.output())
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, std::fs::read(entry.path()).expect("read"));
            }
        }
        files
    }
}

/// The text of the first element matching a CSS selector.
pub fn select_text(html: &str, selector: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).expect("selector");
    document
        .select(&selector)
        .next()
        .map(|e| e.text().collect::<String>().trim().to_string())
        .unwrap_or_default()
}

/// Every value of an attribute on elements matching a selector.
pub fn select_attr(html: &str, selector: &str, attr: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).expect("selector");
    document
        .select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// A story file with the given slug and date, valid for the basic fixture's settings.
pub fn story(title: &str, date: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nsummary: Summary of {title}.\ncouncil: Northmoor Council\nservice: children\nauthors:\n  - name: Tamsin Okonjo\n    role: Social worker\nconsent: {{ recorded: true, by: Team manager, date: 2025-01-01 }}\n---\n\nBody of {title}.\n"
    )
}
