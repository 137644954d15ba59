//! Anonymity, personal data and sensitive terms: each leak at its line and column.

use crate::support::check::{problems_of, read, Site, FIXTURES};

const LEAK: &str = "this is the name of a person who asked to be anonymous";

#[test]
fn an_anonymous_nominee_is_found_everywhere_it_is_published() {
    let site = Site::with("privacy/nominations/anonymous_nominee.md");
    let places: Vec<String> = [
        "2:8",   // title: "Will, the duty worker"
        "4:10",  // summary: the full name with a curly apostrophe
        "12:38", // another person's field: the nominator's role
        "16:1",  // body: possessive "Will's"
        "17:22", // body: the full name in capitals
        "17:39", // body: "O’Brien’s", curly apostrophes
    ]
    .iter()
    .map(|place| format!("content/nominations/anonymous_nominee.md:{place}: error[PP0401]: {LEAK}"))
    .collect();
    // Not reported: the `name:` line itself, "will" and "so will" (an ordinary word in
    // small letters), "willpower" and "Willow" (other words).
    assert_eq!(site.problems(), places);
    assert!(site.rendered().contains(
        "16 | Will's calm voice kept everyone together. We will always remember it, and so will the\n   | ^^^^\n"
    ));
}

#[test]
fn a_part_of_a_hyphenated_name_is_found_and_a_common_word_is_not() {
    // "grace" in small letters is an ordinary word; "Adeyemi-Lewis" and "Lewis's" are
    // the name. Who recorded consent is never published, so it may name them.
    assert_eq!(
        problems_of("privacy/stories/anonymous_author.md"),
        [
            format!("content/stories/anonymous_author.md:19:57: error[PP0401]: {LEAK}"),
            format!("content/stories/anonymous_author.md:20:19: error[PP0401]: {LEAK}"),
        ]
    );
}

#[test]
fn an_anonymous_name_in_the_file_name_is_reported() {
    let site = Site::with("privacy/stories/name_in_file_name_adeyemi.md");
    assert_eq!(
        site.problems(),
        ["content/stories/name_in_file_name_adeyemi.md:0:0: error[PP0401]: the page address /name-in-file-name-adeyemi/ contains the name of a person who asked to be anonymous"]
    );
    assert!(
        site.hints()[0].contains("for example `name-in-file-name.md`"),
        "{:?}",
        site.hints()
    );
}

#[test]
fn an_everyday_word_of_a_name_alone_in_the_file_name_is_not_the_name() {
    // "grace" in small letters is a word ("a moment of grace"); the rule for everyday
    // words is the same in addresses as in prose.
    let text =
        read(&std::path::Path::new(FIXTURES).join("privacy/stories/name_in_file_name_adeyemi.md"));
    let site = Site::new().write("content/stories/a-moment-of-grace.md", text);
    assert_eq!(site.problems(), Vec::<String>::new());
}

#[test]
fn personal_data_in_a_story() {
    let file = "content/stories/personal_data.md";
    assert_eq!(
        problems_of("privacy/stories/personal_data.md"),
        [
            format!("{file}:11:10: error[PP0402]: the story text contains an e-mail address"),
            format!("{file}:11:44: error[PP0402]: the story text contains a telephone number"),
            format!("{file}:11:58: error[PP0402]: the story text contains a telephone number"),
            format!("{file}:12:1: error[PP0402]: the story text contains a telephone number"),
            format!("{file}:12:39: error[PP0402]: the story text contains a postcode"),
            format!("{file}:12:65: error[PP0402]: the story text contains an NHS number"),
            format!(
                "{file}:13:50: error[PP0402]: the story text contains a National Insurance number"
            ),
        ]
    );
}

#[test]
fn allow_personal_data_lets_exactly_the_listed_text_through() {
    let site = Site::with("privacy/stories/allowed_personal_data.md");
    assert_eq!(
        site.problems(),
        ["content/stories/allowed_personal_data.md:13:19: error[PP0402]: the story text contains a telephone number"]
    );
    assert_eq!(
        site.hints(),
        ["remove it: contact details belong in `media_contact`, and details of the people written about must not be published; if this exact text must stay (for example a public helpline), add `allow_personal_data: [\"07700 900456\"]` to the front matter"]
    );
}

#[test]
fn personal_data_in_a_nomination() {
    let site = Site::with("privacy/nominations/personal_data.md");
    assert_eq!(
        site.problems(),
        ["content/nominations/personal_data.md:13:12: error[PP0402]: the nomination text contains a telephone number"]
    );
    // Nominations have no `media_contact` to move it to.
    assert!(
        !site.hints()[0].contains("media_contact"),
        "{}",
        site.hints()[0]
    );
}

#[test]
fn sensitive_terms_in_any_case_and_across_a_line_break() {
    let term = "this word is listed in `sensitive_terms`, so it must not be published";
    assert_eq!(
        problems_of("privacy/stories/sensitive_terms.md"),
        [
            format!("content/stories/sensitive_terms.md:2:8: error[PP0403]: {term}"),
            format!("content/stories/sensitive_terms.md:12:1: error[PP0403]: {term}"),
            format!("content/stories/sensitive_terms.md:12:39: error[PP0403]: {term}"),
            format!("content/stories/sensitive_terms.md:13:25: error[PP0403]: {term}"),
        ]
    );
}

#[test]
fn a_person_without_a_name_does_not_hide_a_leak() {
    // The nominee has no name (reported), and the anonymous nominator's name is in the
    // text; an empty name must not count as "a named person" covering every place.
    let site = Site::new().write(
        "content/nominations/no-name.md",
        "---\ntitle: Thank you\ndate: 2025-06-02\nnominee: { role: Duty social worker }\nnominator: { name: Chris Lowe, role: Team manager, anonymous: true }\n---\n\nChris says thank you.\n",
    );
    let problems = site.problems();
    assert!(
        problems.contains(&format!(
            "content/nominations/no-name.md:8:1: error[PP0401]: {LEAK}"
        )),
        "{problems:#?}"
    );
}
