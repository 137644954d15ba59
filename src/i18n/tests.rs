use std::collections::BTreeSet;

use fluent_bundle::{FluentResource, FluentValue};
use fluent_syntax::ast::Entry;

use super::*;

fn message_ids(text: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(text.to_string())
        .unwrap_or_else(|(_, errors)| panic!("the theme's strings do not parse: {errors:?}"));
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_theme_language_parses_and_has_every_english_message_once() {
    let english = message_ids(THEME_LANGUAGES[0].1);
    for (language, text) in THEME_LANGUAGES {
        let ids = message_ids(text);
        let count = FluentResource::try_new(text.to_string())
            .map(|r| {
                r.entries()
                    .filter(|e| matches!(e, Entry::Message(_)))
                    .count()
            })
            .unwrap_or(0);
        assert_eq!(count, ids.len(), "{language} defines a message twice");
        let missing: Vec<&String> = english.difference(&ids).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        let extra: Vec<&String> = ids.difference(&english).collect();
        assert!(
            extra.is_empty(),
            "{language} has messages English lacks: {extra:?}"
        );
    }
}

#[test]
fn welsh_counts_use_all_six_plural_forms() {
    let welsh = Strings::load("cy", None).unwrap_or_else(|e| panic!("{e:?}"));
    let forms: Vec<(i64, String)> = [0, 1, 2, 3, 4, 6, 20]
        .into_iter()
        .map(|n| (n, welsh.count("count-councils", n).unwrap_or_default()))
        .collect();
    assert_eq!(
        forms,
        [
            (0, "o gynghorau a phartneriaid".to_string()),
            (1, "cyngor a phartner".to_string()),
            (2, "gyngor a phartner".to_string()),
            (3, "chyngor a phartner".to_string()),
            (4, "o gynghorau a phartneriaid".to_string()),
            (6, "chyngor a phartner".to_string()),
            (20, "o gynghorau a phartneriaid".to_string()),
        ]
    );
    assert_eq!(welsh.count("count-stories", 2).unwrap_or_default(), "stori");
    assert_eq!(
        welsh.count("count-stories", 20).unwrap_or_default(),
        "o straeon"
    );
}

#[test]
fn english_counts_have_two_forms() {
    let english = Strings::load("en-GB", None).unwrap_or_else(|e| panic!("{e:?}"));
    let words: Vec<String> = [0, 1, 2, 3, 6]
        .into_iter()
        .map(|n| english.count("count-stories", n).unwrap_or_default())
        .collect();
    assert_eq!(words, ["stories", "story", "stories", "stories", "stories"]);
}

#[test]
fn dates_are_written_in_the_interface_language() {
    let date = jiff::civil::date(2026, 12, 7);
    let english = Strings::load("en-GB", None).unwrap_or_else(|e| panic!("{e:?}"));
    let welsh = Strings::load("cy-GB", None).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        long_date(&english, date).unwrap_or_default(),
        "7 December 2026"
    );
    assert_eq!(
        long_date(&welsh, date).unwrap_or_default(),
        "7 Rhagfyr 2026"
    );
    assert_eq!(
        long_date(&welsh, jiff::civil::date(2027, 2, 1)).unwrap_or_default(),
        "1 Chwefror 2027"
    );
}

#[test]
fn a_language_the_theme_lacks_falls_back_to_english() {
    let french = Strings::load("fr", None).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(french.text("search-button").unwrap_or_default(), "Search");
}

#[test]
fn a_site_translation_replaces_messages_and_english_fills_the_rest() {
    let path = std::path::Path::new("themes/anytown/i18n/cy.ftl");
    let welsh = Strings::load("cy", Some((path, "search-button = Chwilia\n")))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(welsh.text("search-button").unwrap_or_default(), "Chwilia");
    assert_eq!(
        welsh.text("nav-label").unwrap_or_default(),
        "Prif ddewislen"
    );
    assert!(welsh.text("no-such-message").is_err());
}

#[test]
fn a_mistake_in_a_site_translation_is_reported_at_its_line() {
    let path = std::path::Path::new("themes/anytown/i18n/cy.ftl");
    let problems = Strings::load(
        "cy",
        Some((path, "search-button = Chwilia\nthis line is wrong\n")),
    )
    .err()
    .unwrap_or_default();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, "PP0604");
    assert_eq!(problems[0].line, 2);
    assert_eq!(problems[0].file, path);
}

#[test]
fn no_isolation_marks_reach_the_page() {
    let english = Strings::load("en-GB", None).unwrap_or_else(|e| panic!("{e:?}"));
    let mut args = FluentArgs::new();
    args.set("first", FluentValue::from(1));
    args.set("last", FluentValue::from(20));
    args.set("total", FluentValue::from(214));
    assert_eq!(
        english.format("listing-range", &args).unwrap_or_default(),
        "Showing 1 to 20 of 214"
    );
}
