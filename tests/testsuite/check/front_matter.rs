//! Front matter mistakes: each is reported at the line and column of the `.md` file
//! where the mistake is, not where the YAML parser noticed it.

use crate::support::check::{problems_of, Site};

#[test]
fn a_valid_story_has_no_problems() {
    assert_eq!(
        problems_of("front_matter/stories/valid.md"),
        Vec::<String>::new()
    );
}

#[test]
fn a_tab_is_reported_where_it_is() {
    assert_eq!(
        problems_of("front_matter/stories/tab.md"),
        ["content/stories/tab.md:8:1: error[PP0101]: this line is indented with a tab; the front matter must be indented with spaces"]
    );
}

#[test]
fn a_field_indented_by_mistake_is_reported_at_its_name() {
    assert_eq!(
        problems_of("front_matter/stories/indentation.md"),
        ["content/stories/indentation.md:5:3: error[PP0101]: `council` is indented more than the line above it"]
    );
}

#[test]
fn an_unclosed_quote_is_reported_at_the_opening_quote() {
    let site = Site::with("front_matter/stories/unclosed_quote.md");
    assert_eq!(
        site.problems(),
        ["content/stories/unclosed_quote.md:4:10: error[PP0101]: this quotation mark is never closed"]
    );
    insta::assert_snapshot!(site.rendered(), @r#"
    error[PP0101]: this quotation mark is never closed
     --> content/stories/unclosed_quote.md:4:10
      |
    4 | summary: "How a kinship care group grew.
      |          ^
      |
      = help: add the matching quotation mark at the end of the value; if the value has an apostrophe in it, put it in double quotes ("it's")

    error: 1 problem in 1 file (1 error, 0 warnings)
    "#);
}

#[test]
fn a_colon_in_a_value_is_reported_with_the_quoted_fix() {
    let site = Site::with("front_matter/stories/colon_in_value.md");
    assert_eq!(
        site.problems(),
        ["content/stories/colon_in_value.md:2:20: error[PP0101]: the value of `title` has a colon followed by a space, which marks the start of a new detail"]
    );
    assert_eq!(
        site.hints(),
        ["put the whole value in double quotes: `title: \"Kinship care: the kitchen table\"`"]
    );
}

#[test]
fn a_missing_closing_line_is_reported_at_the_opening_one() {
    assert_eq!(
        problems_of("front_matter/stories/no_closing_dashes.md"),
        ["content/stories/no_closing_dashes.md:1:1: error[PP0015]: the front matter is never closed: there is no second --- line"]
    );
}

#[test]
fn wrong_types_and_impossible_dates_are_reported_at_their_lines() {
    assert_eq!(
        problems_of("front_matter/stories/wrong_types.md"),
        [
            "content/stories/wrong_types.md:2:8: error[PP0104]: `title` should be text, but it is a list",
            "content/stories/wrong_types.md:3:7: error[PP0203]: `2024-13-01` is not a real date: there is no month 13",
            "content/stories/wrong_types.md:7:8: error[PP0104]: `draft` should be true or false, but it is the text \"maybe\"",
            "content/stories/wrong_types.md:12:9: error[PP0203]: `2025-02-30` is not a real date: day 30 does not exist in that month",
        ]
    );
}

#[test]
fn missing_fields_are_reported_at_the_opening_line() {
    let site = Site::with("front_matter/stories/missing_fields.md");
    assert_eq!(
        site.problems(),
        [
            "content/stories/missing_fields.md:1:1: error[PP0103]: the required field `date` is missing",
            "content/stories/missing_fields.md:1:1: error[PP0103]: the required field `council` is missing",
            "content/stories/missing_fields.md:1:1: error[PP0103]: the required field `authors` is missing",
            "content/stories/missing_fields.md:1:1: error[PP0103]: the required field `consent` is missing",
        ]
    );
    assert_eq!(
        site.hints()[0],
        "add a line such as `date: 2026-03-02` between the --- lines"
    );
}

#[test]
fn a_field_with_no_value_is_reported_at_its_line() {
    assert_eq!(
        problems_of("front_matter/stories/empty_field.md"),
        ["content/stories/empty_field.md:2:1: error[PP0210]: `title` is empty"]
    );
}

#[test]
fn unknown_fields_suggest_the_field_meant() {
    let site = Site::with("front_matter/stories/unknown_field.md");
    assert_eq!(
        site.problems(),
        [
            "content/stories/unknown_field.md:2:1: error[PP0102]: `titel` is not a field this kind of file can have",
            "content/stories/unknown_field.md:9:1: error[PP0102]: `colour` is not a field this kind of file can have",
        ]
    );
    let hints = site.hints();
    assert_eq!(hints[0], "did you mean `title`?");
    assert!(
        hints[1].starts_with("the fields allowed here are: title, date, updated, summary,"),
        "{}",
        hints[1]
    );
}

#[test]
fn values_outside_the_vocabulary_list_the_allowed_ones() {
    let site = Site::with("front_matter/stories/vocabulary.md");
    assert_eq!(
        site.problems(),
        [
            "content/stories/vocabulary.md:6:10: error[PP0204]: `child` is not one of this site's services",
            "content/stories/vocabulary.md:7:32: error[PP0205]: `supervison` is not one of this site's practice areas",
        ]
    );
    assert_eq!(
        site.hints(),
        [
            "the allowed values (from site.yaml) are: children, adults, mental-health",
            "did you mean `supervision`? the allowed values (from site.yaml) are: supervision, kinship-care, advocacy",
        ]
    );
}

#[test]
fn duplicate_keys_are_reported_at_the_second_one_at_any_depth() {
    assert_eq!(
        problems_of("front_matter/stories/duplicate_key.md"),
        [
            "content/stories/duplicate_key.md:7:1: error[PP0105]: `title` is written twice in the front matter",
            "content/stories/duplicate_key.md:13:3: error[PP0105]: `by` is written twice under `consent`",
        ]
    );
}

#[test]
fn front_matter_that_is_a_list_is_reported() {
    assert_eq!(
        problems_of("front_matter/stories/not_a_mapping.md"),
        ["content/stories/not_a_mapping.md:2:1: error[PP0106]: the front matter must be a list of `name: value` lines"]
    );
}

#[test]
fn a_byte_order_mark_and_windows_line_endings_keep_lines_and_columns() {
    let text = std::str::from_utf8(&crate::support::check::read(
        &std::path::Path::new(crate::support::check::FIXTURES)
            .join("front_matter/stories/wrong_types.md"),
    ))
    .unwrap()
    .replace('\n', "\r\n");
    let site = Site::new().write("content/stories/wrong_types.md", format!("\u{feff}{text}"));
    let problems = site.problems();
    assert_eq!(
        problems[1],
        "content/stories/wrong_types.md:3:7: error[PP0203]: `2024-13-01` is not a real date: there is no month 13"
    );
    assert!(site
        .rendered()
        .contains("3 | date: 2024-13-01\n  |       ^^^^^^^^^^\n"));
}

#[test]
fn mistakes_inside_a_group_are_reported_at_the_nested_field() {
    let site = Site::with("front_matter/stories/nested_errors.md");
    assert_eq!(
        site.problems(),
        [
            "content/stories/nested_errors.md:10:5: error[PP0104]: `anonymus` is not a field `authors` can have",
            "content/stories/nested_errors.md:13:64: error[PP0104]: `expire` is not a field `consent` can have",
        ]
    );
    assert_eq!(
        site.hints(),
        ["did you mean `anonymous`?", "did you mean `expires`?"]
    );
}
