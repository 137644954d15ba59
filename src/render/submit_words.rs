//! The words `static/submit.js` shows (error messages, the word count, warnings), taken
//! from the translation files and handed to the script in the form's settings, so the
//! script has no English of its own.
//!
//! Each message is sent with its values as `{name}` for the script to fill in. A message
//! whose words depend on a number of words is sent once per plural category (zero, one,
//! two, few, many, other), and the script picks one with `Intl.PluralRules` for the
//! page's language.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use serde_json::Value;

use crate::i18n::Strings;

/// Messages whose words follow `$words`, the number of words written.
const COUNTED: [&str; 6] = [
    "js-nomination-too-short",
    "js-nomination-too-long",
    "js-word-count",
    "js-word-count-short",
    "js-word-count-long",
    "js-word-count-within",
];

/// Every other message the script shows, without the `js-` prefix of its id.
const PLAIN: &[&str] = &[
    "error-prefix",
    "please-check",
    "enter-author-name",
    "enter-author-role",
    "enter-title",
    "enter-summary",
    "enter-council",
    "choose-service",
    "write-story",
    "consent-choose",
    "enter-consent-by",
    "enter-nominee-name",
    "enter-nominee-role",
    "enter-nominee-organisation",
    "enter-nominator-name",
    "enter-nominator-role",
    "enter-date",
    "invalid-date",
    "enter-consent-date",
    "invalid-consent-date",
    "invalid-consent-expires",
    "too-long-title",
    "too-long-summary",
    "leak-own",
    "leak-colleague",
    "leak-term",
    "personal-data",
    "data-email",
    "data-phone",
    "data-postcode",
    "data-nhs",
    "data-ni",
    "field-body",
    "field-title",
    "field-summary",
    "field-council",
    "field-tags",
    "field-author-name",
    "field-author-role",
    "field-nominee-name",
    "field-nominee-role",
    "field-nominee-organisation",
    "field-nominator-name",
    "field-nominator-role",
    "field-nominator-organisation",
    "email-subject-story",
    "email-subject-nomination",
    "email-intro",
];

/// The values messages may hold, each written `{name}` for the script to fill in.
const VALUES: [&str; 9] = [
    "field", "term", "kind", "text", "max", "length", "min", "over", "file",
];

/// A number of each plural category, in every language the theme speaks.
const SAMPLES: [(&str, i64); 6] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("few", 3),
    ("many", 6),
    ("other", 20),
];

/// The script's words, by id without the `js-` prefix.
pub(crate) fn script_words(strings: &Strings) -> BTreeMap<&'static str, Value> {
    let mut words = BTreeMap::new();
    for id in PLAIN {
        let text = strings.say_with(&format!("js-{id}"), &slots_for_the_script(None));
        words.insert(*id, Value::from(text));
    }
    for id in COUNTED {
        let forms: serde_json::Map<String, Value> = SAMPLES
            .iter()
            .map(|(category, n)| {
                let text = strings.say_with(id, &slots_for_the_script(Some(*n)));
                (category.to_string(), Value::from(number_to_slot(&text, *n)))
            })
            .collect();
        words.insert(id.trim_start_matches("js-"), Value::Object(forms));
    }
    words
}

fn slots_for_the_script(words: Option<i64>) -> Vec<(&'static str, FluentValue<'static>)> {
    let mut values: Vec<(&'static str, FluentValue<'static>)> = VALUES
        .iter()
        .map(|name| (*name, FluentValue::from(format!("{{{name}}}"))))
        .collect();
    values.push((
        "words",
        words.map_or_else(|| FluentValue::from("{words}"), FluentValue::from),
    ));
    values
}

/// `text` with the number `n` (written as a whole number) turned back into the `{words}` slot the script fills.
fn number_to_slot(text: &str, n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(at) = rest.find(&digits) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + digits.len()..].chars().next();
        let whole = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        out.push_str(&rest[..at]);
        out.push_str(if whole { "{words}" } else { &digits });
        rest = &rest[at + digits.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(language: &str) -> Strings {
        Strings::load(language, None).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_script_gets_every_message_with_its_slots_to_fill() {
        let words = script_words(&load("en-GB"));
        assert_eq!(
            words["too-long-title"],
            "The title must be {max} characters or fewer; it is {length}"
        );
        assert_eq!(words["word-count"]["one"], "You have {words} word.");
        assert_eq!(words["word-count"]["other"], "You have {words} words.");
        assert_eq!(words["word-count"]["zero"], "You have {words} words.");
        assert_eq!(words.len(), PLAIN.len() + COUNTED.len());
        for (id, text) in &words {
            assert!(!text.to_string().contains("js-"), "{id} is missing: {text}");
        }
    }

    #[test]
    fn welsh_word_counts_take_every_plural_form() {
        let words = script_words(&load("cy"));
        let forms: Vec<String> = ["zero", "one", "two", "few", "many", "other"]
            .iter()
            .map(|c| {
                words["word-count"][c]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(
            forms,
            [
                "Mae gennych {words} geiriau.",
                "Mae gennych {words} gair.",
                "Mae gennych {words} air.",
                "Mae gennych {words} gair.",
                "Mae gennych {words} gair.",
                "Mae gennych {words} o eiriau.",
            ]
        );
    }
}
