//! A throw-away site to check: the fixture site.yaml plus whatever files a test adds.

pub use super::repo_root;
use std::path::Path;
use std::process::{Command, Output};

use practice_press::build::{check, BuildOptions, Checked};
use practice_press::diagnostic::render::render_human;
use practice_press::diagnostic::Diagnostic;
use practice_press::resolve::PublishOptions;

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");

/// "Now" for every check, so embargoes and consent expiry do not drift with the clock.
pub const NOW: &str = "2026-01-15T12:00:00Z";

pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// An empty folder.
    pub fn bare() -> Site {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a temp dir: {e}"));
        Site { dir }
    }

    /// A site with the fixture settings, a photo and a voice note, and no content yet.
    pub fn new() -> Site {
        let site = Site::bare();
        let settings = read(&Path::new(FIXTURES).join("site.yaml"));
        let photo = read(&Path::new(FIXTURES).join("../media/progressive.jpg"));
        site.write("site.yaml", settings)
            .write("content/media/images/kitchen-table.jpg", photo)
            .write(
                "content/media/audio/thank-you.mp3",
                b"ID3 not really a recording",
            )
    }

    /// A site holding one fixture.
    pub fn with(fixture: &str) -> Site {
        Site::new().fixture(fixture)
    }

    /// Copies `family/<kind>/<name>` from the fixtures to `content/<kind>/<name>`.
    pub fn fixture(self, fixture: &str) -> Site {
        let bytes = read(&Path::new(FIXTURES).join(fixture));
        let (_, inside) = fixture
            .split_once('/')
            .unwrap_or_else(|| panic!("fixture {fixture} is not in a family folder"));
        self.write(&format!("content/{inside}"), bytes)
    }

    pub fn write(self, relative: &str, contents: impl AsRef<[u8]>) -> Site {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{parent:?}: {e}"));
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn check(&self) -> Checked {
        check(&options(self.root()))
    }

    /// Every diagnostic as `file:line:column: severity[code]: message`.
    pub fn problems(&self) -> Vec<String> {
        self.check().diagnostics.iter().map(one_line).collect()
    }

    /// Every diagnostic's hint, in the same order as [`Site::problems`].
    pub fn hints(&self) -> Vec<String> {
        self.check()
            .diagnostics
            .iter()
            .map(|d| d.hint.clone().unwrap_or_default())
            .collect()
    }

    /// What `check` prints on a terminal without colour.
    pub fn rendered(&self) -> String {
        let checked = self.check();
        let root = self.root().to_path_buf();
        let source_of = move |file: &Path| std::fs::read_to_string(root.join(file)).ok();
        render_human(&checked.diagnostics, &source_of, false)
    }

    /// Runs the real binary on this site with `args` after `check --site <dir> --now <NOW>`.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args, &[])
    }
}

pub fn options(root: &Path) -> BuildOptions {
    let mut options = BuildOptions::new(root);
    options.publish = PublishOptions {
        now: NOW.parse().unwrap_or_else(|e| panic!("{NOW}: {e}")),
        include_drafts: false,
    };
    options
}

/// Runs `practice-press check --site <root> --now <NOW> <args>` with extra environment.
pub fn run_in(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_practice-press"));
    command
        .arg("check")
        .arg("--site")
        .arg(root)
        .args(["--now", NOW])
        .args(args)
        .env_remove("NO_COLOR")
        // The summary gives local times too; UTC unless a test says otherwise.
        .env("TZ", "UTC");
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run practice-press: {e}"))
}

/// The problems one fixture has on its own.
pub fn problems_of(fixture: &str) -> Vec<String> {
    Site::with(fixture).problems()
}

pub fn one_line(d: &Diagnostic) -> String {
    let severity = if d.is_error() { "error" } else { "warning" };
    format!(
        "{}:{}:{}: {severity}[{}]: {}",
        d.file.to_string_lossy().replace('\\', "/"),
        d.line,
        d.column,
        d.code,
        d.message
    )
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
