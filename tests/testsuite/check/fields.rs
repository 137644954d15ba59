//! The field rules of CONVENTIONS.md: lengths, dates, consent, images, slugs, people.

use crate::support::check::{problems_of, Site};

#[test]
fn title_and_summary_lengths() {
    assert_eq!(
        problems_of("fields/stories/too_long.md"),
        [
            "content/stories/too_long.md:2:1: error[PP0201]: the title is 121 characters long; the limit is 120",
            "content/stories/too_long.md:4:1: error[PP0202]: the summary is 344 characters long; the limit is 300",
        ]
    );
}

#[test]
fn impossible_dates_and_an_embargo_without_a_time_zone() {
    let site = Site::with("fields/stories/dates.md");
    assert_eq!(
        site.problems(),
        [
            "content/stories/dates.md:10:10: error[PP0203]: `2025-6-31` is not a real date: day 31 does not exist in that month",
            "content/stories/dates.md:11:10: error[PP0209]: `embargo` must be a date and time with its time zone, but it is `2026-03-02T09:00:00`",
            "content/stories/dates.md:16:12: error[PP0203]: `2027-02-29` is not a real date: day 29 does not exist in that month",
        ]
    );
    assert_eq!(
        site.hints()[1],
        "write it like `embargo: 2026-03-02T09:00:00+00:00` (09:00 UK winter time); use +01:00 in British Summer Time"
    );
}

#[test]
fn a_story_needs_consent_unless_it_is_a_draft() {
    assert_eq!(
        problems_of("fields/stories/no_consent.md"),
        ["content/stories/no_consent.md:1:1: error[PP0103]: the required field `consent` is missing"]
    );
    assert_eq!(
        problems_of("fields/stories/draft_without_consent.md"),
        Vec::<String>::new()
    );
}

#[test]
fn consent_must_be_recorded_with_who_and_when() {
    assert_eq!(
        problems_of("fields/stories/consent_not_recorded.md"),
        [
            "content/stories/consent_not_recorded.md:10:1: error[PP0206]: `consent` does not say who recorded it",
            "content/stories/consent_not_recorded.md:10:1: error[PP0206]: `consent` has no date",
            "content/stories/consent_not_recorded.md:11:3: error[PP0206]: consent to publish has not been recorded",
        ]
    );
}

#[test]
fn an_image_needs_alt_text_and_a_credit() {
    let site = Site::with("fields/stories/image_without_alt_or_credit.md");
    assert_eq!(
        site.problems(),
        [
            "content/stories/image_without_alt_or_credit.md:14:1: error[PP0208]: the image has no alternative text (`alt`)",
            "content/stories/image_without_alt_or_credit.md:14:1: error[PP0208]: the image has no `credit`",
        ]
    );
    insta::assert_snapshot!(site.rendered(), @r#"
    error[PP0208]: the image has no alternative text (`alt`)
      --> content/stories/image_without_alt_or_credit.md:14:1
       |
    14 | image:
       | ^^^^^
       |
       = help: describe what the picture shows for people who cannot see it, e.g. `alt: Two mugs of tea on a kitchen table`; only if it is pure decoration write `alt: ""` and `decorative: true`

    error[PP0208]: the image has no `credit`
      --> content/stories/image_without_alt_or_credit.md:14:1
       |
    14 | image:
       | ^^^^^
       |
       = help: say who took or made the picture, e.g. `credit: Photo by Anytown Council`; journalists need it to reuse the image

    error: 2 problems in 1 file (2 errors, 0 warnings)
    "#);
}

#[test]
fn a_decorative_image_may_have_empty_alt_text() {
    assert_eq!(
        problems_of("fields/stories/decorative_image.md"),
        Vec::<String>::new()
    );
}

#[test]
fn an_image_must_exist_in_the_media_folder() {
    assert_eq!(
        problems_of("fields/stories/image_missing_file.md"),
        ["content/stories/image_missing_file.md:15:8: error[PP0502]: the file `/media/images/no-such-photo.jpg` does not exist"]
    );
    assert_eq!(
        problems_of("fields/stories/image_elsewhere.md"),
        ["content/stories/image_elsewhere.md:15:8: error[PP0503]: `https://example.org/photo.jpg` is not in the site's media folder"]
    );
}

#[test]
fn an_author_needs_a_name_and_a_role() {
    assert_eq!(
        problems_of("fields/stories/author_without_name_or_role.md"),
        [
            "content/stories/author_without_name_or_role.md:7:1: error[PP0103]: `authors` has no `name`",
            "content/stories/author_without_name_or_role.md:7:1: error[PP0103]: `authors` has no `role`",
        ]
    );
}

#[test]
fn a_slug_must_be_lower_case_with_hyphens() {
    let site = Site::with("fields/stories/bad_slug.md");
    assert_eq!(
        site.problems(),
        ["content/stories/bad_slug.md:14:1: error[PP0211]: the slug `Kitchen Table` can only use lower-case letters, digits and hyphens"]
    );
    assert_eq!(site.hints(), ["use `slug: kitchen-table`"]);
}

#[test]
fn a_story_of_guidance_notes_only_is_pointed_at_its_first_note() {
    let story = String::from_utf8(crate::support::check::read(
        &std::path::Path::new(crate::support::check::FIXTURES)
            .join("front_matter/stories/valid.md"),
    ))
    .unwrap()
    .replace(
        "The group met every Tuesday.\n",
        "<!-- Write your story here. -->\n",
    );
    let site = Site::new().write("content/stories/notes-only.md", story);
    assert_eq!(
        site.problems(),
        ["content/stories/notes-only.md:16:1: warning[PP0213]: the story has no text yet"]
    );
}
