//! The real binary: exit codes, output streams, colour and JSON.

use std::process::Command;

use crate::support::check::{repo_root, run_in, Site, NOW};

fn clean() -> Site {
    Site::with("front_matter/stories/valid.md")
}

fn broken() -> Site {
    Site::with("front_matter/stories/wrong_types.md")
}

/// A site whose only problem is a warning: a markdown file outside the content folders.
fn warning_only() -> Site {
    clean().write("content/notes.md", "# Ideas\n")
}

#[test]
fn exit_0_when_clean_and_say_so() {
    let output = clean().run(&[]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "No problems found in 1 file.\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn exit_1_when_there_is_an_error_with_every_problem_on_stderr() {
    let output = broken().run(&[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error[PP0104]: `title` should be text, but it is a list\n --> content/stories/wrong_types.md:2:8\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: 4 problems in 1 file (4 errors, 0 warnings)\n"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn exit_2_for_usage_errors() {
    let output = clean().run(&["--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    let output = clean().run(&["--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    let output = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(["check", "--now", "next tuesday"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a time"));
}

#[test]
fn warnings_fail_only_when_denied() {
    let site = warning_only();
    let output = site.run(&[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("warning[PP0016]"));
    let output = site.run(&["--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_missing_site_yaml_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_in(dir.path(), &[], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("error[PP0001]"));
}

#[test]
fn json_is_an_array_of_located_problems_on_stdout() {
    let output = broken().run(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &json[0];
    assert_eq!(
        *first,
        serde_json::json!({
            "file": "content/stories/wrong_types.md",
            "line": 2,
            "column": 8,
            "severity": "error",
            "code": "PP0104",
            "message": "`title` should be text, but it is a list",
            "hint": "write it on one line, like `title: Some words`",
        })
    );
    assert_eq!(json.as_array().map(Vec::len), Some(4));

    let clean = clean().run(&["--format", "json"]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&clean.stdout), "[]\n");
}

#[test]
fn no_colour_when_not_a_terminal() {
    let output = broken().run(&[]);
    assert!(!output.stderr.contains(&0x1b));
}

/// Runs the command in a pseudo-terminal with `script`, so colour is wanted unless
/// NO_COLOR says otherwise. Returns None where `script` is not installed.
fn on_a_terminal(site: &Site, no_color: Option<&str>) -> Option<Vec<u8>> {
    let binary = env!("CARGO_BIN_EXE_practice-press");
    let command = format!(
        "{binary} check --site '{}' --now {NOW}",
        site.root().display()
    );
    let mut script = Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env_remove("NO_COLOR");
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    script.output().ok().map(|o| o.stdout)
}

#[test]
fn colour_on_a_terminal_unless_no_color_is_set() {
    let site = broken();
    let Some(coloured) = on_a_terminal(&site, None) else {
        eprintln!("`script` is not installed; colour on a terminal not tested");
        return;
    };
    assert!(
        coloured.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&coloured)
    );
    let plain = on_a_terminal(&site, Some("1")).unwrap_or_default();
    assert!(!plain.is_empty());
    assert!(
        !plain.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&plain)
    );
}

#[test]
fn the_example_site_passes_with_no_problems_at_all() {
    let checked = practice_press::build::check(&crate::support::check::options(&repo_root()));
    let problems: Vec<String> = checked
        .diagnostics
        .iter()
        .map(crate::support::check::one_line)
        .collect();
    assert_eq!(problems, Vec::<String>::new());
    assert!(checked.library.documents.len() >= 20);
    let output = run_in(&repo_root(), &["--deny-warnings"], &[]);
    assert_eq!(output.status.code(), Some(0));
}
