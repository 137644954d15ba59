//! `check --summary`: what a release would publish and hold back, for sign-off.

use practice_press::report::release_summary;

use crate::support::check::Site;

fn site() -> Site {
    let mut site = Site::new();
    for file in [
        "stories/kitchen-table.md",
        "stories/home-first.md",
        "stories/life-story-box.md",
        "stories/group-supervision.md",
        "stories/skatepark.md",
        "stories/interview-panel.md",
        "stories/hoarding.md",
        "nominations/duty-worker.md",
        "nominations/practice-educator.md",
        "pages/about.md",
    ] {
        site = site.fixture(&format!("summary/{file}"));
    }
    site
}

#[test]
fn the_summary_lists_every_council_and_service_and_every_exception() {
    let output = site().run(&["--summary"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    insta::assert_snapshot!(text, @r#"
    Release summary: Practice stories from Anytown
    Checked as at 2026-01-15T12:00:00Z

    Ready to publish: no errors.

    Would be published: 3 stories, 2 nominations, 1 page; held back: 4.
    Next change by itself: 2026-03-02 09:00 UTC: the embargo on content/stories/skatepark.md lifts.

      Council           Service      Stories  Nominations  Held back
      ----------------  -----------  -------  -----------  ---------
      (not given)       (not given)        0            1          0
      Anytown Council   adults             1            0          1
      Anytown Council   children           1            1          1
      Bramford Council  adults             0            0          1
      Bramford Council  children           1            0          1
      Total                                3            2          4

    Held back (4):
      File                                  Council           Why
      ------------------------------------  ----------------  ------------------------------------
      content/stories/group-supervision.md  Bramford Council  draft
      content/stories/hoarding.md           Anytown Council   consent expired on 2025-12-31
      content/stories/interview-panel.md    Bramford Council  consent withdrawn (or not given)
      content/stories/skatepark.md          Anytown Council   embargoed until 2026-03-02T09:00:00Z

    Personal data allowed by `allow_personal_data` (2); check each is meant to be public:
      File                                Allowed text     In this release
      ----------------------------------  ---------------  ----------------------
      content/stories/hoarding.md:9       "0800 123 4567"  held back, used 1 time
      content/stories/kitchen-table.md:9  "01632 960000"   published, used 1 time
    "#);
}

#[test]
fn the_summary_says_when_errors_stop_the_release() {
    let site = site().write(
        "content/stories/broken.md",
        "---\ntitle: Broken\n---\n\nNo date.\n",
    );
    let summary = release_summary(&site.check()).unwrap();
    assert!(!summary.ready);
    assert_eq!(summary.files_with_errors, ["content/stories/broken.md"]);
    assert!(summary.to_text().contains(
        "NOT READY: 6 errors in 1 file must be fixed first; nothing is published until then:\n  content/stories/broken.md\n"
    ), "{}", summary.to_text());
}

#[test]
fn the_json_summary_keeps_the_diagnostics_beside_it() {
    let site = site().write("content/stories/broken.md", "");
    let output = site.run(&["--summary", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "PP0013");
    assert_eq!(json["summary"]["totals"]["stories"], 3);
    assert_eq!(json["summary"]["held_back"][3]["why"]["reason"], "embargo");
    assert_eq!(
        json["summary"]["held_back"][3]["why"]["until"],
        "2026-03-02T09:00:00Z"
    );
    assert_eq!(
        json["summary"]["personal_data_exceptions"][1]["text"],
        "01632 960000"
    );
}
