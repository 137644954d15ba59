//! The blank files offered to writers, and the guidance notes inside every new file.
//!
//! `new` writes the same notes into the file it makes, and the submit pages publish the
//! blank templates, so both read them from here.

use super::{NominationRules, Vocabulary};
use crate::names::NameMatcher;

const NOTES_ARE_PRIVATE: &str =
    "Notes like this one are for you. They are never published, do not count as words, and you can delete them.";

const NO_CONTACT_DETAILS: &str =
    "Do not write anyone's telephone number, e-mail address or postcode, or a real name that someone has not agreed to.";

pub(crate) fn story_guidance(draft: bool) -> Vec<&'static str> {
    let mut lines = Vec::new();
    if draft {
        lines.push("This story is a draft because consent is not recorded yet. When everyone identifiable has agreed, change recorded: false to recorded: true, add the date, and delete the draft: true line.");
    }
    lines.extend([
        NOTES_ARE_PRIVATE,
        "Write your story below, in your own words, as you would tell it to a colleague. Aim for 400 to 700 words.",
        "What was the situation? What were people worried about, and what had been tried before?",
        "What did you do? Be specific: what you did, how often, and why.",
        "What changed, for the person, the family or your team?",
        "What did you learn? What would you tell a colleague facing the same thing?",
        NO_CONTACT_DETAILS,
    ]);
    lines
}

pub(crate) fn nomination_guidance(rules: &NominationRules) -> Vec<String> {
    vec![
        NOTES_ARE_PRIVATE.to_string(),
        format!(
            "Write between {} and {} words below about your colleague.",
            rules.min_words, rules.max_words
        ),
        "Say who they are, what they did, and what difference it made. One real example is worth more than a list of qualities.".to_string(),
        "If someone asked to be anonymous, call them by their role, for example my team manager.".to_string(),
        NO_CONTACT_DETAILS.to_string(),
    ]
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
pub(crate) fn blank_story_template(vocab: &Vocabulary) -> String {
    let mut text = format!("---\n{TEMPLATE_INTRO}{STORY_FIELDS}");
    text.push_str(&choice_line("service", &vocab.services, "one of"));
    text.push_str(&choice_line(
        "practice_areas",
        &vocab.practice_areas,
        "optional: a list like [supervision, advocacy] from",
    ));
    text.push_str(STORY_PEOPLE);
    text.push_str("---\n\n");
    text.push_str(&comments(&story_guidance(false), &[]));
    text
}

/// A blank nomination file to download and fill in by hand.
pub(crate) fn blank_nomination_template(vocab: &Vocabulary) -> String {
    let mut text = format!("---\n{TEMPLATE_INTRO}{NOMINATION_FIELDS}");
    text.push_str(&choice_line("service", &vocab.services, "optional: one of"));
    text.push_str("---\n\n");
    text.push_str(&comments(&nomination_guidance(&vocab.nominations), &[]));
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
