//! Drafts and embargoed entries are absent from every output file until their time.

use crate::support::build::TestSite;

const DRAFT: &str = "Unfinished draft about respite";
const EMBARGOED: &str = "Embargoed launch of the carers hub";

fn mentions(site: &TestSite, needle: &str) -> Vec<String> {
    site.all_files()
        .into_iter()
        .filter(|(path, bytes)| {
            path.contains("draft-story")
                || path.contains("embargoed-story")
                || String::from_utf8_lossy(bytes).contains(needle)
        })
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn drafts_and_embargoes_are_absent_everywhere() {
    let site = TestSite::fixture("basic");
    let report = site.build();
    assert!(
        mentions(&site, DRAFT).is_empty(),
        "{:?}",
        mentions(&site, DRAFT)
    );
    assert!(
        mentions(&site, EMBARGOED).is_empty(),
        "{:?}",
        mentions(&site, EMBARGOED)
    );
    assert!(!site.read("sitemap.xml").contains("embargoed-story"));
    assert!(!site.read("years/2026/index.html").contains("Embargoed"));
    assert_eq!(report.held_back.len(), 2);
    // The 2026 year page counts only published entries.
    assert!(
        site.read("years/index.html").contains("(2<span"),
        "{}",
        site.read("years/index.html")
    );
}

#[test]
fn an_embargo_lifts_when_now_passes_its_time() {
    let site = TestSite::fixture("basic");
    site.build_at("2026-03-02T08:59:59Z", false).expect("build");
    assert!(!site.exists("stories/embargoed-story/index.html"));
    site.build_at("2026-03-02T09:00:00Z", false).expect("build");
    assert!(site.exists("stories/embargoed-story/index.html"));
    assert!(site.read("stories/index.html").contains(EMBARGOED));
    assert!(!site.exists("stories/draft-story/index.html"));
}

#[test]
fn drafts_appear_only_with_the_drafts_flag_and_are_marked() {
    let site = TestSite::fixture("basic");
    site.build_at("2026-03-01T12:00:00Z", true).expect("build");
    let html = site.read("stories/draft-story/index.html");
    assert!(html.contains("Draft preview."));
    assert!(
        !site.exists("stories/embargoed-story/index.html"),
        "--drafts does not lift embargoes"
    );
}

#[test]
fn withdrawn_or_expired_consent_takes_a_story_off_the_site() {
    let site = TestSite::fixture("basic");
    let path = "content/stories/supervision-that-helps.md";
    let text = std::fs::read_to_string(site.root().join(path)).expect("read");
    site.write(
        path,
        &text.replace(
            "date: 2025-05-01 }",
            "date: 2025-05-01, expires: 2026-02-01 }",
        ),
    );
    site.build();
    assert!(!site.exists("stories/supervision-that-helps/index.html"));
    assert!(mentions(&site, "Supervision that helps").is_empty());
}
