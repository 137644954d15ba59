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

/// `init --languages LIST` into a fresh folder: (exit code, stderr, site.yaml if written).
fn init_in_languages(list: &str) -> (Option<i32>, String, Option<serde_yaml::Value>) {
    let dir = tempfile::tempdir().expect("temp");
    let site = dir.path().join("my-site");
    let output = practice_press()
        .arg("init")
        .arg(&site)
        .args(["--languages", list])
        .output()
        .expect("run");
    let settings = std::fs::read_to_string(site.join("site.yaml"))
        .ok()
        .map(|text| serde_yaml::from_str(&text).expect("site.yaml is YAML"));
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        settings,
    )
}

#[test]
fn init_with_two_languages_writes_the_bilingual_settings_with_welsh_sentences() {
    let (code, said, settings) = init_in_languages("en-GB,cy");
    assert_eq!(code, Some(0), "{said}");
    let settings = settings.expect("site.yaml written");
    assert!(
        settings.get("language").is_none(),
        "`languages` replaces `language`"
    );
    assert_eq!(
        settings["languages"],
        serde_yaml::from_str::<serde_yaml::Value>("[en-GB, cy]").expect("yaml")
    );
    assert_eq!(
        settings["title"].as_str(),
        Some("Practice stories from Anytown")
    );
    let welsh = &settings["translations"]["cy"];
    assert_eq!(welsh["prefix"].as_str(), Some("cy"));
    assert_eq!(welsh["title"].as_str(), Some("Straeon ymarfer o Anytown"));
    assert_eq!(
        welsh["description"].as_str(),
        Some("Ymarfer da a chydweithwyr gwych ym maes gofal cymdeithasol yn Anytown.")
    );
    assert_eq!(welsh["organisation"].as_str(), Some("Cyngor Anytown"));
    assert_eq!(
        welsh["press_office"]["name"].as_str(),
        Some("Swyddfa’r wasg Anytown")
    );
    // Every service and practice area has its Welsh name, under the same slug.
    for (list, labels) in [
        ("services", "services"),
        ("practice_areas", "practice_areas"),
    ] {
        let slugs: Vec<&str> = settings[list]
            .as_sequence()
            .expect("a list")
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        let named: Vec<&str> = welsh["labels"][labels]
            .as_mapping()
            .expect("labels")
            .keys()
            .filter_map(|k| k.as_str())
            .collect();
        assert_eq!(slugs, named, "{list}");
    }
    assert_eq!(
        welsh["labels"]["services"]["children"].as_str(),
        Some("Gwasanaethau plant")
    );
    let text = serde_yaml::to_string(&settings).expect("yaml");
    assert!(!text.to_lowercase().contains("todo"));
}

#[test]
fn init_with_welsh_first_makes_welsh_the_default_and_english_the_translation() {
    let (code, said, settings) = init_in_languages("cy, en-GB");
    assert_eq!(code, Some(0), "{said}");
    let settings = settings.expect("site.yaml written");
    assert_eq!(
        settings["title"].as_str(),
        Some("Straeon ymarfer o Anytown")
    );
    assert_eq!(
        settings["labels"]["practice_areas"]["advocacy"].as_str(),
        Some("Eiriolaeth")
    );
    let english = &settings["translations"]["en-GB"];
    assert_eq!(
        english["title"].as_str(),
        Some("Practice stories from Anytown")
    );
    assert_eq!(english["prefix"].as_str(), Some("en-gb"));
}

#[test]
fn init_refuses_languages_the_theme_cannot_speak_and_writes_nothing() {
    for (list, expected) in [
        (
            "en-GB,fr",
            "the default theme has no words in fr yet: it speaks en-GB (English) and cy (Welsh)",
        ),
        ("en-GB,cy,cy", "cy is named twice in --languages"),
        ("English", "\"English\" is not a language code"),
    ] {
        let (code, said, settings) = init_in_languages(list);
        assert_eq!(code, Some(2), "{list}: {said}");
        assert!(said.contains(expected), "{list}: {said}");
        assert!(said.contains("nothing was written"), "{said}");
        assert!(settings.is_none(), "{list}: no site.yaml");
    }
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
