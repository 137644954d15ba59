//! When the site next changes by itself: the earliest embargo lift or consent expiry,
//! in UTC and local time, from `check --summary` (text and JSON) and `build`, in several
//! time zones and on the days the UK's clocks change (29 March and 25 October 2026).

use std::path::Path;

use serde_json::Value;

use crate::support::publishing::{json, run, stderr, stdout, tempdir, FIXTURES};

fn site() -> String {
    Path::new(FIXTURES)
        .join("schedule")
        .to_string_lossy()
        .into_owned()
}

/// `check --format json --summary` at `now` in the time zone `tz`: the next change.
fn next(now: &str, tz: &str) -> Value {
    let site = site();
    let output = run(
        Path::new(FIXTURES),
        &[
            "check",
            "--site",
            &site,
            "--now",
            now,
            "--format",
            "json",
            "--summary",
        ],
        &[("TZ", tz)],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    json(&stdout(&output))["summary"]["next_change"].clone()
}

#[test]
fn consent_expiry_comes_first_and_drafts_are_not_waiting_for_a_time() {
    // The draft's embargo (1 March, 08:00) would be earlier, but a draft waits for a
    // person, not a time.
    let change = next("2026-03-01T00:00:00Z", "Europe/London");
    assert_eq!(change["at"], "2026-03-29T00:00:00Z");
    assert_eq!(change["at_local"], "2026-03-29T00:00:00+00:00");
    assert_eq!(change["time_zone"], "Europe/London");
    assert_eq!(change["file"], "content/stories/memory-cafe.md");
    assert_eq!(change["cause"], "consent_expires");
    assert_eq!(
        change["text"],
        "2026-03-29 00:00 UTC (00:00 GMT in Europe/London): consent for content/stories/memory-cafe.md expires and it comes down"
    );
}

#[test]
fn an_embargo_on_the_day_the_clocks_go_forward_in_many_zones() {
    let cases = [
        ("Europe/London", "2026-03-29T10:00:00+01:00", "10:00 BST"),
        ("America/New_York", "2026-03-29T05:00:00-04:00", "05:00 EDT"),
        (
            "America/Los_Angeles",
            "2026-03-29T02:00:00-07:00",
            "02:00 PDT",
        ),
        ("Asia/Kolkata", "2026-03-29T14:30:00+05:30", "14:30 IST"),
        (
            "Australia/Sydney",
            "2026-03-29T20:00:00+11:00",
            "20:00 AEDT",
        ),
        (
            "Pacific/Auckland",
            "2026-03-29T22:00:00+13:00",
            "22:00 NZDT",
        ),
    ];
    for (zone, local, shown) in cases {
        let change = next("2026-03-29T00:00:00Z", zone);
        assert_eq!(change["at"], "2026-03-29T09:00:00Z", "{zone}");
        assert_eq!(change["at_local"], local, "{zone}");
        assert_eq!(change["cause"], "embargo_lifts");
        assert_eq!(
            change["text"],
            format!("2026-03-29 09:00 UTC ({shown} in {zone}): the embargo on content/stories/carers-breakfast.md lifts"),
        );
    }
}

#[test]
fn the_local_date_is_given_when_it_differs_from_utc() {
    let change = next("2026-03-01T00:00:00Z", "America/New_York");
    assert_eq!(change["at_local"], "2026-03-28T20:00:00-04:00");
    assert!(
        change["text"]
            .as_str()
            .is_some_and(|t| t
                .starts_with("2026-03-29 00:00 UTC (2026-03-28 20:00 EDT in America/New_York)")),
        "{change}"
    );
    let utc = next("2026-03-01T00:00:00Z", "UTC");
    assert!(
        utc["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("2026-03-29 00:00 UTC: ")),
        "{utc}"
    );
}

#[test]
fn the_day_the_clocks_go_back() {
    // Consent ending on 24 October runs to midnight UTC, which is still 01:00 BST.
    let change = next("2026-06-01T00:00:00Z", "Europe/London");
    assert_eq!(change["at"], "2026-10-25T00:00:00Z");
    assert_eq!(change["at_local"], "2026-10-25T01:00:00+01:00");
    assert_eq!(change["file"], "content/stories/lunch-club.md");
    // An hour and a half later the clocks have gone back: 01:30 UTC is 01:30 GMT. The
    // duty-desk story's embargo lifts at 00:30, but its consent ended at midnight, so
    // that is no change to the site.
    let change = next("2026-10-25T00:00:00Z", "Europe/London");
    assert_eq!(change["at"], "2026-10-25T01:30:00Z");
    assert_eq!(change["at_local"], "2026-10-25T01:30:00+00:00");
    assert_eq!(change["file"], "content/stories/allotment.md");
    assert!(change["text"]
        .as_str()
        .is_some_and(|t| t.contains("(01:30 GMT in Europe/London)")));
}

#[test]
fn nothing_waiting_is_null_in_json_and_said_in_words() {
    assert_eq!(next("2026-11-01T00:00:00Z", "Europe/London"), Value::Null);
    let site = site();
    let output = run(
        Path::new(FIXTURES),
        &[
            "check",
            "--site",
            &site,
            "--now",
            "2026-11-01T00:00:00Z",
            "--summary",
        ],
        &[],
    );
    assert!(stdout(&output)
        .contains("Next change by itself: none (no embargo or consent expiry to come)."));
}

#[test]
fn the_text_summary_and_build_say_when_to_build_again() {
    let site = site();
    let output = run(
        Path::new(FIXTURES),
        &[
            "check",
            "--site",
            &site,
            "--now",
            "2026-03-29T00:00:00Z",
            "--summary",
        ],
        &[("TZ", "Europe/London")],
    );
    assert!(
        stdout(&output).contains("Next change by itself: 2026-03-29 09:00 UTC (10:00 BST in Europe/London): the embargo on content/stories/carers-breakfast.md lifts."),
        "{}",
        stdout(&output)
    );
    let folder = tempdir();
    let out = folder.path().join("site").to_string_lossy().into_owned();
    let output = run(
        Path::new(FIXTURES),
        &[
            "build",
            "--site",
            &site,
            "--now",
            "2026-03-29T00:00:00Z",
            "--no-search",
            "--output",
            &out,
        ],
        &[("TZ", "Europe/London")],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Next change by itself: 2026-03-29 09:00 UTC (10:00 BST in Europe/London): the embargo on content/stories/carers-breakfast.md lifts. Build again then."),
        "{}",
        stderr(&output)
    );
}
