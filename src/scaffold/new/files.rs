//! A new file as serde_yaml writes it (so quoting is never the writer's problem), and
//! its name, which never carries a part of an anonymous person's name.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::rules::{comments, nomination_guidance, story_guidance, NominationRules};
use crate::util::slugify;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct PersonFile {
    pub(crate) name: String,
    pub(crate) role: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) organisation: String,
    pub(crate) anonymous: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct ConsentFile {
    pub(crate) recorded: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) expires: Option<String>,
}

/// A story's front matter, in the order the conventions list the fields.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct StoryFile {
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) summary: String,
    pub(crate) council: String,
    pub(crate) service: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) practice_areas: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) tags: Vec<String>,
    pub(crate) authors: Vec<PersonFile>,
    pub(crate) consent: ConsentFile,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) draft: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) sensitive_terms: Vec<String>,
}

/// A nomination's front matter.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct NominationFile {
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) nominee: PersonFile,
    pub(crate) nominator: PersonFile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) council: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) service: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) sensitive_terms: Vec<String>,
}

/// A new file ready to write: where it goes and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewFile {
    /// The folder below the site root, e.g. `content/stories/2026`.
    pub(crate) folder: PathBuf,
    pub(crate) slug: String,
    pub(crate) text: String,
    /// Notes for the writer, e.g. why the file is a draft.
    pub(crate) notes: Vec<String>,
}

/// Front matter between `---` lines, then the body.
fn document(front_matter: &impl Serialize, body: &str) -> String {
    // Serialising plain structs of strings, bools and lists cannot fail; an empty block
    // is still a file `check` explains rather than a panic.
    let yaml = serde_yaml::to_string(front_matter).unwrap_or_default();
    format!("---\n{yaml}---\n\n{body}")
}

/// The story file for `file`.
pub(crate) fn story_file(
    file: &StoryFile,
    hidden: &[String],
    date: Date,
    notes: Vec<String>,
) -> NewFile {
    let body = comments(&story_guidance(file.draft), hidden);
    NewFile {
        folder: Path::new("content/stories").join(date.year().to_string()),
        slug: safe_slug(&file.title, hidden, "story", date),
        text: document(file, &body),
        notes,
    }
}

/// The nomination file for `file`.
pub(crate) fn nomination_file(
    file: &NominationFile,
    hidden: &[String],
    date: Date,
    rules: &NominationRules,
) -> NewFile {
    let body = comments(&nomination_guidance(rules), hidden);
    NewFile {
        folder: PathBuf::from("content/nominations"),
        slug: safe_slug(&file.title, hidden, "nomination", date),
        text: document(file, &body),
        notes: Vec::new(),
    }
}

/// The file name from the title, without any word that is part of an anonymous
/// person's name: `check` refuses an address that carries one, even in small letters
/// ("the-colleague-who-will-listen" for someone called Will).
pub(crate) fn safe_slug(title: &str, hidden: &[String], kind: &str, date: Date) -> String {
    let forbidden: Vec<String> = hidden
        .iter()
        .flat_map(|name| {
            name.split(|c: char| !c.is_alphanumeric())
                .map(slugify)
                .collect::<Vec<_>>()
        })
        .filter(|part| part.chars().count() >= 3)
        .collect();
    let slug = slugify(title)
        .split('-')
        .filter(|word| !forbidden.iter().any(|f| f == word))
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("{kind}-{date}")
    } else {
        slug
    }
}
