//! Translations against their originals: a language the site publishes, an original
//! beside it, no field that contradicts the original, not a draft while the original is
//! published, the original's privacy rules over the translation's own words, and text
//! left untranslated.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::translation::OWN_FIELDS;
use crate::load::{locate, Document, Library, Translation};
use crate::rules::english_name;
use crate::util::LineIndex;

use super::untranslated::{untranslated_text, OriginalText};

/// Every problem of every translation in the library.
pub(crate) fn check_translations(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    if library.translations.is_empty() {
        return Vec::new();
    }
    // Looked up once per translation: a scan each time would cost the square of the
    // site's size.
    let mut originals: HashMap<&Path, Original> = HashMap::new();
    for page in &library.pages {
        originals.insert(&page.source.path, Original::Page(page));
    }
    for document in library.documents.iter().chain(&library.incomplete) {
        originals.insert(&document.source.path, Original::Entry(document));
    }
    library
        .translations
        .par_iter()
        .flat_map_iter(|translation| check_translation(settings, &originals, translation))
        .collect()
}

/// What a translation's original is: a story or nomination (with what validation knows
/// of it) or a plain page.
#[derive(Clone, Copy)]
enum Original<'a> {
    Entry(&'a Document),
    Page(&'a crate::load::PageDocument),
}

fn check_translation(
    settings: &Settings,
    originals: &HashMap<&Path, Original>,
    translation: &Translation,
) -> Vec<Diagnostic> {
    if let Some(problem) = language_problem(settings, translation) {
        return vec![problem];
    }
    let Some(&original) = originals.get(translation.original.as_path()) else {
        return vec![no_original(translation)];
    };
    let mut problems = match original {
        Original::Entry(document) => contradictions(translation, &document.source, &document.parts),
        Original::Page(page) => match crate::load::source::split_front_matter(&page.source) {
            Ok(parts) => contradictions(translation, &page.source, &parts),
            Err(_) => Vec::new(),
        },
    };
    let text = match original {
        Original::Entry(document) => OriginalText {
            path: &document.source.path,
            title: &document.entry.title,
            summary: &document.entry.summary,
            body: &document.entry.body,
        },
        Original::Page(page) => OriginalText {
            path: &page.source.path,
            title: &page.page.title,
            summary: &page.page.summary,
            body: &page.page.body,
        },
    };
    problems.extend(untranslated_text(translation, &text));
    if let Original::Entry(document) = original {
        if translation.draft && !document.entry.draft {
            problems.push(draft_behind(document, translation));
        }
        problems.extend(super::privacy::check_translated(&as_document(
            document,
            translation,
        )));
    }
    problems
}

/// The file's language must be one of the site's other languages.
fn language_problem(settings: &Settings, translation: &Translation) -> Option<Diagnostic> {
    let code = &translation.language;
    let others: Vec<&str> = settings.languages[1..]
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    if others.contains(&code.as_str()) {
        return None;
    }
    let name = translation
        .source
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let message = format!(
        "`{name}` is named as a translation into {}, which is not one of the site's other languages",
        english_name(code)
    );
    let default = &settings.language;
    let hint = if *code == *default {
        format!(
            "{default} is the site's main language, so the original itself is in it: rename the file without `.{code}` if it is an entry of its own"
        )
    } else if others.is_empty() {
        format!(
            "to publish it, replace `language: {default}` in site.yaml with `languages: [{default}, {code}]`; if it is an entry of its own, rename the file without `.{code}`"
        )
    } else {
        format!(
            "to publish it, add `{code}` to `languages:` in site.yaml; if it is an entry of its own, rename the file without `.{code}`"
        )
    };
    Some(
        Diagnostic::error("PP1003", &translation.source.path, message)
            .at(1, 1, 1)
            .with_hint(hint),
    )
}

fn no_original(translation: &Translation) -> Diagnostic {
    let original = translation.original.display();
    Diagnostic::error(
        "PP1002",
        &translation.source.path,
        format!("this translation has no original: there is no {original}"),
    )
    .at(1, 1, 1)
    .with_hint(format!(
        "a translation sits beside its original with the language before `.md`: add {original}, or rename this file after the original it translates"
    ))
}

/// Every field the translation repeats that says something other than the original.
fn contradictions(
    translation: &Translation,
    original: &crate::load::source::SourceFile,
    original_parts: &crate::load::source::Parts,
) -> Vec<Diagnostic> {
    let shared = |key: &serde_yaml::Value| key.as_str().is_some_and(|n| !OWN_FIELDS.contains(&n));
    // Most translations give only their own fields: reading the original's front matter
    // again for each would cost as much as loading it did.
    if !translation.fields.keys().any(shared) {
        return Vec::new();
    }
    let original_fields: serde_yaml::Mapping =
        serde_yaml::from_str(original_parts.yaml(&original.text)).unwrap_or_default();
    let text = &translation.source.text;
    let yaml = translation.parts.yaml(text);
    let index = LineIndex::new(text);
    let mut problems = Vec::new();
    for (key, value) in &translation.fields {
        let Some(name) = key.as_str() else {
            continue;
        };
        if OWN_FIELDS.contains(&name) {
            continue;
        }
        let theirs = original_fields.get(key);
        if theirs == Some(value) {
            continue;
        }
        let place = |path: &[&str]| {
            locate::key_offset(yaml, path)
                .map_or((translation.parts.yaml_first_line, 1), |offset| {
                    index.position(translation.parts.yaml_start + offset)
                })
        };
        if let (Some(ours), Some(theirs)) = (
            value.as_mapping().filter(|_| name == "image"),
            theirs.and_then(serde_yaml::Value::as_mapping),
        ) {
            problems.extend(image_contradictions(
                translation,
                original,
                ours,
                theirs,
                &place,
            ));
            continue;
        }
        problems.push(contradiction(
            translation,
            original,
            Contradicted {
                field: name,
                shown_as: name.to_string(),
                ours: value,
                theirs,
            },
            place(&[name]),
            "delete the line: a translation takes it from the original",
        ));
    }
    problems
}

/// A field a translation gives that its original does not say the same.
struct Contradicted<'a> {
    /// The key as written on its line, which the caret underlines.
    field: &'a str,
    /// The field as the message names it: `title`, `image.src`.
    shown_as: String,
    ours: &'a serde_yaml::Value,
    theirs: Option<&'a serde_yaml::Value>,
}

/// PP1001 at the contradicting field's line, naming both values (or the original's
/// silence).
fn contradiction(
    translation: &Translation,
    original: &crate::load::source::SourceFile,
    field: Contradicted,
    (line, column): (usize, usize),
    hint: &str,
) -> Diagnostic {
    let shown_as = &field.shown_as;
    let message = match field.theirs {
        Some(theirs) => format!(
            "`{shown_as}` here says {}, but the original {} says {}",
            shown(field.ours),
            original.path.display(),
            shown(theirs)
        ),
        None => format!(
            "`{shown_as}` is here, but the original {} has no `{shown_as}`",
            original.path.display()
        ),
    };
    Diagnostic::error("PP1001", &translation.source.path, message)
        .at(line, column, field.field.chars().count())
        .with_hint(hint)
}

/// The translation's `image`, of which only `alt` is its own: every other field it
/// gives must equal the original's photo's.
fn image_contradictions(
    translation: &Translation,
    original: &crate::load::source::SourceFile,
    ours: &serde_yaml::Mapping,
    theirs: &serde_yaml::Mapping,
    place: &dyn Fn(&[&str]) -> (usize, usize),
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (key, value) in ours {
        let Some(name) = key.as_str() else {
            continue;
        };
        let their_value = theirs.get(key);
        if name == "alt" || their_value == Some(value) {
            continue;
        }
        problems.push(contradiction(
            translation,
            original,
            Contradicted {
                field: name,
                shown_as: format!("image.{name}"),
                ours: value,
                theirs: their_value,
            },
            place(&["image", name]),
            "delete the line: a translation shows the original's photo, and only its description (`alt`) is its own",
        ));
    }
    problems
}

/// A value as a message can quote it: plain values as written, anything with parts
/// (people, consent) described only, so no name is repeated on the screen.
fn shown(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::String(text) => {
            let short: String = text.chars().take(60).collect();
            format!("“{short}”")
        }
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::Null => "nothing".into(),
        _ => "something different".into(),
    }
}

/// An original published while its translation is still a draft: its page in that
/// language shows the original's words meanwhile.
fn draft_behind(document: &Document, translation: &Translation) -> Diagnostic {
    let language = english_name(&translation.language);
    let what = document.entry.kind.label().to_lowercase();
    Diagnostic::warning(
        "PP1004",
        &document.source.path,
        format!(
            "this {what} is published, but its {language} translation {} is a draft, so there is no {language} page for it yet",
            translation.source.path.display()
        ),
    )
    .at(1, 1, 1)
    .with_hint(format!(
        "finish the translation and delete `draft: true` from it; meanwhile the {language} listings show this {what} in its own language"
    ))
}

/// The original as privacy sees it, with the translation's file and words in place.
fn as_document(original: &Document, translation: &Translation) -> Document {
    // Built field by field: cloning the whole original would copy its file's text only
    // to replace it, once for every translation of a large site.
    let mut entry = original.entry.clone();
    entry.title = translation.title.clone();
    entry.summary = translation.summary.clone();
    entry.body = translation.body.clone();
    entry.body_line = translation.body_line;
    Document {
        source: translation.source.clone(),
        parts: translation.parts,
        entry,
        private: original.private.clone(),
    }
}
