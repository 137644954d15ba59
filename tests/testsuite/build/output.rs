//! The output folder is replaced atomically, and never if practice-press did not make it.

use std::process::Command;

use crate::support::build::TestSite;

#[test]
fn a_failed_build_leaves_the_previous_site_byte_identical() {
    let site = TestSite::fixture("basic");
    site.build();
    let before = site.all_files();
    site.write("content/stories/broken.md", "---\ntitle: [unclosed\n---\n");
    assert!(site.build_at("2026-03-01T12:00:00Z", false).is_err());
    assert_eq!(site.all_files(), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_template_error_also_leaves_the_previous_site() {
    let site = TestSite::fixture("basic");
    site.build();
    let before = site.all_files();
    site.write(
        "themes/default/templates/home.html",
        "{% extends \"base.html\" %}{% block main %}{{ broken( }}{% endblock main %}",
    );
    assert!(site.build_at("2026-03-01T12:00:00Z", false).is_err());
    assert_eq!(site.all_files(), before);
}

#[test]
fn a_folder_of_someone_elses_files_is_refused_and_kept() {
    let site = TestSite::fixture("basic");
    let foreign = site.root().join("public");
    std::fs::create_dir_all(&foreign).expect("mkdir");
    std::fs::write(foreign.join("annual-report.docx"), b"precious").expect("write");
    let run = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(["build", "--site"])
        .arg(site.root())
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("did not write"), "{stderr}");
    assert_eq!(
        std::fs::read(foreign.join("annual-report.docx")).expect("still there"),
        b"precious"
    );
}

#[test]
fn the_site_folder_and_root_are_never_an_output() {
    let site = TestSite::fixture("basic");
    for output in [
        site.root().to_path_buf(),
        site.root().join("content"),
        "/".into(),
    ] {
        let run = Command::new(env!("CARGO_BIN_EXE_practice-press"))
            .args(["build", "--site"])
            .arg(site.root())
            .arg("--output")
            .arg(&output)
            .output()
            .expect("run");
        assert_eq!(run.status.code(), Some(1), "{output:?}");
        assert!(
            String::from_utf8_lossy(&run.stderr).contains("refusing"),
            "{output:?}"
        );
    }
    assert!(site
        .root()
        .join("content/stories/kitchen-table.md")
        .exists());
}

#[test]
fn a_rebuild_replaces_a_folder_it_made() {
    let site = TestSite::fixture("basic");
    site.build();
    site.remove("content/stories/supervision-that-helps.md");
    site.build();
    assert!(!site.exists("stories/supervision-that-helps/index.html"));
    assert!(site.exists(".practice-press-output"));
}
