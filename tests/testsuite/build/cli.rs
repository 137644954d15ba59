//! The command line: init, build's summary line and exit codes.

use std::process::Command;

fn practice_press() -> Command {
    Command::new(env!("CARGO_BIN_EXE_practice-press"))
}

#[test]
fn init_makes_a_site_that_checks_and_builds() {
    let dir = tempfile::tempdir().expect("temp");
    let site = dir.path().join("my-site");
    assert!(practice_press()
        .arg("init")
        .arg(&site)
        .status()
        .expect("run")
        .success());
    let check = practice_press()
        .args(["check", "--site"])
        .arg(&site)
        .output()
        .expect("run");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let build = practice_press()
        .args(["build", "--site"])
        .arg(&site)
        .output()
        .expect("run");
    assert!(build.status.success());
    let summary = String::from_utf8_lossy(&build.stderr);
    assert!(summary.contains("Built 1 story, 1 nomination"), "{summary}");
    assert!(site.join("public/index.html").exists());
    // The build's cache of social cards is there, and the .gitignore init wrote keeps
    // it (and the published site) out of git.
    assert!(site.join(".practice-press-cache/cards").is_dir());
    let ignored = std::fs::read_to_string(site.join(".gitignore")).expect(".gitignore");
    for line in ["/.practice-press-cache/", "/public/"] {
        assert!(
            ignored.lines().any(|l| l == line),
            "{line} not in {ignored}"
        );
    }
    let again = practice_press()
        .arg("init")
        .arg(&site)
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(1), "init never overwrites a site");
}

#[test]
fn the_summary_names_what_was_held_back_and_quiet_prints_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    crate::support::build::copy_tree(
        std::path::Path::new(crate::support::build::FIXTURES)
            .join("basic")
            .as_path(),
        dir.path(),
    );
    let build = practice_press()
        .args(["build", "--now", "2026-03-01T12:00:00Z", "--site"])
        .arg(dir.path())
        .output()
        .expect("run");
    let summary = String::from_utf8_lossy(&build.stderr);
    assert!(
        summary.contains("held back: 1 draft, 1 embargoed item (until 2026-03-02T09:00:00Z)"),
        "{summary}"
    );
    let quiet = practice_press()
        .args(["build", "--quiet", "--site"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(quiet.status.success());
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let run = practice_press()
        .args(["build", "--no-such-flag"])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2));
    let run = practice_press()
        .args(["build", "--now", "yesterday"])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2));
}
