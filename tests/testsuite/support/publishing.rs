//! Throw-away copies of the fixture sites, and the real binary to run on them.

pub use super::{bin, copy_tree, stderr, stdout, tempdir};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/publishing");

/// A git repository (a folder with `.git`) holding a copy of the fixture site `name`
/// at `sites/anytown`. Returns the repository and the site folder.
pub fn site_in_repository(name: &str) -> (tempfile::TempDir, PathBuf) {
    let repository = tempdir();
    std::fs::create_dir_all(repository.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    let site = repository.path().join("sites/anytown");
    copy_tree(&Path::new(FIXTURES).join(name), &site);
    (repository, site)
}

/// Runs the binary in `dir` with `args` and `env` (TZ is UTC unless `env` says otherwise).
pub fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(bin());
    command
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env("TZ", "UTC");
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run practice-press: {e}"))
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}
