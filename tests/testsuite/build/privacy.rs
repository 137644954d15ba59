//! Anonymous people's names never reach any output byte.

use crate::support::build::TestSite;

const ANONYMOUS: [&str; 3] = [
    "Eberhardt Quillfeather",
    "Philippa Vandersloot",
    "Octavian Brightwater",
];

fn assert_no_name_anywhere(site: &TestSite) {
    for (path, bytes) in site.all_files() {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for name in ANONYMOUS {
            for part in std::iter::once(name).chain(name.split(' ')) {
                assert!(
                    !text.contains(&part.to_lowercase()),
                    "{part} found in {path}"
                );
            }
        }
        assert!(
            !path.to_lowercase().contains("vandersloot"),
            "name in file name {path}"
        );
    }
}

#[test]
fn anonymous_authors_nominees_and_nominators_appear_only_by_role() {
    let site = TestSite::fixture("basic");
    site.build();
    assert_no_name_anywhere(&site);
    let nomination = site.read("nominations/calm-duty-manager/index.html");
    assert!(nomination.contains("A duty manager at Northmoor Council"));
    assert!(nomination.contains("A social worker at Northmoor Council"));
    let story = site.read("stories/kitchen-table/index.html");
    assert!(story.contains("A team manager at Northmoor Council"));
    assert!(story.contains("Tamsin Okonjo"), "named authors are shown");
}

#[test]
fn drafts_with_drafts_flag_still_hide_names() {
    let site = TestSite::fixture("basic");
    site.build_at("2027-01-01T00:00:00Z", true).expect("build");
    assert_no_name_anywhere(&site);
}

#[test]
fn a_leaked_name_stops_the_build_with_its_place() {
    let site = TestSite::fixture("basic");
    site.build();
    let before = site.all_files();
    let path = "content/nominations/calm-duty-manager.md";
    let text = std::fs::read_to_string(site.root().join(path)).expect("read");
    site.write(
        path,
        &text.replace("Our duty manager keeps", "Philippa keeps"),
    );
    let problems = match site.build_at("2026-03-01T12:00:00Z", false) {
        Err(practice_press::build::BuildError::Content(problems)) => problems,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let leak = problems
        .iter()
        .find(|p| p.code == "PP0401")
        .expect("PP0401");
    assert_eq!(leak.file, std::path::Path::new(path));
    assert_eq!((leak.line, leak.column), (18, 1));
    assert_eq!(site.all_files(), before, "the previous site is untouched");
}

#[test]
fn a_shared_first_name_inside_a_named_persons_name_is_not_a_leak() {
    let site = TestSite::fixture("basic");
    let path = "content/nominations/calm-duty-manager.md";
    let text = std::fs::read_to_string(site.root().join(path)).expect("read");
    let text = text
        .replace("name: Octavian Brightwater", "name: Philippa Okafor")
        .replace("  anonymous: true\n---", "  anonymous: false\n---")
        .replace(
            "Our duty manager keeps",
            "Philippa Okafor says our duty manager keeps",
        );
    site.write(path, &text);
    site.build();
    let html = site.read("nominations/calm-duty-manager/index.html");
    assert!(html.contains("Philippa Okafor"));
    assert!(!html.contains("Vandersloot"));
}
