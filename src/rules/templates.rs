//! The blank files offered to writers, and the guidance notes inside every new file.
//!
//! `new` writes the same notes into the file it makes, and the submit pages publish the
//! blank templates, so both read them from here.

use super::template_words::Words;
use super::{NominationRules, Vocabulary};
use crate::names::NameMatcher;

/// The words for `language`: Welsh for `cy` (and `cy-GB`), English for any other.
fn words(language: &str) -> &'static Words {
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    if primary.eq_ignore_ascii_case("cy") {
        &super::templates_cy::WELSH
    } else {
        &ENGLISH
    }
}

const ENGLISH: Words = Words {
    notes_are_private: "Notes like this one are for you. They are never published, do not count as words, and you can delete them.",
    no_contact_details: "Do not write anyone's telephone number, e-mail address or postcode, or a real name that someone has not agreed to.",
    draft_story: "This story is a draft because consent is not recorded yet. When everyone identifiable has agreed, change recorded: false to recorded: true, add the date, and delete the draft: true line.",
    story: [
        "Write your story below, in your own words, as you would tell it to a colleague. Aim for 400 to 700 words.",
        "What was the situation? What were people worried about, and what had been tried before?",
        "What did you do? Be specific: what you did, how often, and why.",
        "What changed, for the person, the family or your team?",
        "What did you learn? What would you tell a colleague facing the same thing?",
    ],
    nomination_length: "Write between {min} and {max} words below about your colleague.",
    nomination: [
        "Say who they are, what they did, and what difference it made. One real example is worth more than a list of qualities.",
        "If someone asked to be anonymous, call them by their role, for example my team manager.",
    ],
    intro: TEMPLATE_INTRO,
    story_fields: STORY_FIELDS,
    story_people: STORY_PEOPLE,
    nomination_fields: NOMINATION_FIELDS,
    one_of: "one of",
    optional_list: "optional: a list like [supervision, advocacy] from",
    optional_one_of: "optional: one of",
};

pub(crate) fn story_guidance(draft: bool) -> Vec<&'static str> {
    story_guidance_in(draft, "en-GB")
}

/// The notes in a new story, in `language`.
pub(crate) fn story_guidance_in(draft: bool, language: &str) -> Vec<&'static str> {
    let words = words(language);
    let mut lines = Vec::new();
    if draft {
        lines.push(words.draft_story);
    }
    lines.push(words.notes_are_private);
    lines.extend(words.story);
    lines.push(words.no_contact_details);
    lines
}

pub(crate) fn nomination_guidance(rules: &NominationRules) -> Vec<String> {
    nomination_guidance_in(rules, "en-GB")
}

/// The notes in a new nomination, in `language`.
pub(crate) fn nomination_guidance_in(rules: &NominationRules, language: &str) -> Vec<String> {
    let words = words(language);
    let mut lines = vec![
        words.notes_are_private.to_string(),
        words
            .nomination_length
            .replace("{min}", &rules.min_words.to_string())
            .replace("{max}", &rules.max_words.to_string()),
    ];
    lines.extend(words.nomination.iter().map(|line| line.to_string()));
    lines.push(words.no_contact_details.to_string());
    lines
}

/// Guidance comments, one line each so a nomination's summary (taken from its first
/// lines) skips them, leaving out any line that holds an anonymous person's name part:
/// `check` searches notes too, and a writer's "Will" must not meet the word "Will".
pub(crate) fn comments(lines: &[impl AsRef<str>], hidden: &[String]) -> String {
    let matchers: Vec<NameMatcher> = hidden.iter().map(|n| NameMatcher::new(n)).collect();
    lines
        .iter()
        .map(AsRef::as_ref)
        .filter(|line| matchers.iter().all(|m| m.find_in(line).is_empty()))
        .map(|line| format!("<!-- {} -->\n", line.replace("--", "–")))
        .collect()
}

/// Explains the file to someone who has never seen YAML.
const TEMPLATE_INTRO: &str = r#"# Fill in each line after the colon and the space. Keep the spaces at the start of
# indented lines as they are. If a value has a colon (:) or starts with a quotation
# mark, put the whole value in double quotation marks: title: "Family time: what worked"
# Text after a # is a note for you and is ignored.
"#;

const STORY_FIELDS: &str = r#"title:            # a short title, at most 120 characters
date:             # today's date, like 2026-03-02
summary:          # one or two sentences, at most 300 characters
council:          # the council or organisation the story comes from
"#;

const STORY_PEOPLE: &str = r#"tags: []          # optional: other key words, like [fathers, court]
authors:
  - name:            # your full name (never published if you are anonymous)
    role:            # your job title, shown with the story
    anonymous: false # true to be shown by your role only
consent:
  recorded: false    # true once everyone identifiable has agreed to publication
  by:                # who recorded it, like Team manager (never published)
  date:              # the date consent was recorded, like 2026-03-02
draft: true          # delete this line once consent is recorded
"#;

const NOMINATION_FIELDS: &str = r#"title:            # a short title, at most 120 characters
date:             # today's date, like 2026-03-02
nominee:
  name:           # your colleague's full name (never published if anonymous)
  role:           # their job title, shown on the website
  organisation:   # their council or organisation
  anonymous: false  # true if they want to be shown by role only
nominator:
  name:           # your full name (never published if anonymous)
  role:           # your job title
  organisation:   # your council or organisation
  anonymous: false  # true if you want to be shown by role only
council:          # optional: the council to list it under
"#;

/// A blank story file to download and fill in by hand, with every field explained.
/// Values are left empty so `check` names each one still to fill in.
/// The notes are in `language` (Welsh for `cy`, else English).
pub(crate) fn blank_story_template(vocab: &Vocabulary, language: &str) -> String {
    let words = words(language);
    let mut text = format!("---\n{}{}", words.intro, words.story_fields);
    text.push_str(&choice_line("service", &vocab.services, words.one_of));
    text.push_str(&choice_line(
        "practice_areas",
        &vocab.practice_areas,
        words.optional_list,
    ));
    text.push_str(words.story_people);
    text.push_str("---\n\n");
    text.push_str(&comments(&story_guidance_in(false, language), &[]));
    text
}

/// A blank nomination file to download and fill in by hand.
pub(crate) fn blank_nomination_template(vocab: &Vocabulary, language: &str) -> String {
    let words = words(language);
    let mut text = format!("---\n{}{}", words.intro, words.nomination_fields);
    text.push_str(&choice_line(
        "service",
        &vocab.services,
        words.optional_one_of,
    ));
    text.push_str("---\n\n");
    text.push_str(&comments(
        &nomination_guidance_in(&vocab.nominations, language),
        &[],
    ));
    text
}

/// `service:  # one of children, adults` as one comment line, whatever the values hold.
fn choice_line(key: &str, options: &[String], words: &str) -> String {
    let list: Vec<String> = options
        .iter()
        .map(|o| o.replace(['\n', '\r'], " "))
        .collect();
    format!("{key}:  # {words} {}\n", list.join(", "))
}
