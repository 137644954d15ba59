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
    let originals = originals(library);
    library
        .translations
        .par_iter()
        .flat_map_iter(|translation| check_translation(settings, &originals, translation))
        .collect()
}

/// The problems of each translation `chosen` picks, keyed by the translation's path: what
/// a translation's rules find depends only on it, its original and the settings, so the
/// preview checks again only the translations a save touched.
pub(crate) fn check_chosen_translations(
    settings: &Settings,
    library: &Library,
    chosen: &(dyn Fn(&Translation) -> bool + Sync),
) -> Vec<(std::path::PathBuf, Vec<Diagnostic>)> {
    let originals = originals(library);
    library
        .translations
        .par_iter()
        .filter(|translation| chosen(translation))
        .map(|translation| {
            let problems = check_translation(settings, &originals, translation);
            (translation.source.path.clone(), problems)
        })
        .collect()
}

/// Each original in the library by its path, looked up once per translation: a scan each
/// time would cost the square of the site's size.
fn originals(library: &Library) -> HashMap<&Path, Original<'_>> {
    let mut originals: HashMap<&Path, Original> = HashMap::new();
    for page in &library.pages {
        originals.insert(&page.source.path, Original::Page(page));
    }
    for document in library.documents.iter().chain(&library.incomplete) {
        originals.insert(&document.source.path, Original::Entry(document));
    }
    originals
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
        problems.extend(alt_of_a_decorative_photo(document, translation));
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
        if PEOPLE_FIELDS.contains(&name) {
            if let Some(found) = people_contradictions(translation, original, name, value, theirs) {
                problems.extend(found);
                continue;
            }
        }
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

/// The fields that list people, whose `role` a translation may give in its language.
const PEOPLE_FIELDS: [&str; 3] = ["authors", "nominee", "nominator"];

/// The people a translation repeats: the same people in the same order, each field but
/// `role` as the original gives it. None when the two are not both people of the same
/// shape (a list of as many authors, or one person), which is a plain contradiction.
fn people_contradictions(
    translation: &Translation,
    original: &crate::load::source::SourceFile,
    field: &str,
    ours: &serde_yaml::Value,
    theirs: Option<&serde_yaml::Value>,
) -> Option<Vec<Diagnostic>> {
    let pairs: Vec<(&serde_yaml::Mapping, &serde_yaml::Mapping)> = match (ours, theirs?) {
        (serde_yaml::Value::Sequence(ours), serde_yaml::Value::Sequence(theirs)) => {
            if ours.len() != theirs.len() {
                return Some(vec![people_count_differs(
                    translation,
                    original,
                    ours.len(),
                    theirs.len(),
                )]);
            }
            ours.iter()
                .zip(theirs)
                .map(|(a, b)| Some((a.as_mapping()?, b.as_mapping()?)))
                .collect::<Option<_>>()?
        }
        (ours, theirs) => vec![(ours.as_mapping()?, theirs.as_mapping()?)],
    };
    let text = &translation.source.text;
    let yaml = translation.parts.yaml(text);
    let index = LineIndex::new(text);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (ours, theirs) in pairs {
        for (key, value) in ours {
            let Some(name) = key.as_str() else {
                continue;
            };
            let nth = seen.entry(name).or_default();
            let place = locate::nth_key_offset(yaml, &[field, name], *nth)
                .map_or((translation.parts.yaml_first_line, 1), |offset| {
                    index.position(translation.parts.yaml_start + offset)
                });
            *nth += 1;
            let their_value = theirs.get(key);
            if name == "role" || their_value == Some(value) {
                continue;
            }
            let hint = "delete the line: a translation is about the same people as its original, and only their `role` is its own";
            if name == "name" {
                // Never quoted: it may be a name the public must not see.
                problems.push(
                    Diagnostic::error(
                        "PP1001",
                        &translation.source.path,
                        format!(
                            "`{field}.name` here is not the name the original {} gives",
                            original.path.display()
                        ),
                    )
                    .at(place.0, place.1, name.len())
                    .with_hint(hint),
                );
                continue;
            }
            problems.push(contradiction(
                translation,
                original,
                Contradicted {
                    field: name,
                    shown_as: format!("{field}.{name}"),
                    ours: value,
                    theirs: their_value,
                },
                place,
                hint,
            ));
        }
    }
    Some(problems)
}

/// A translation's `authors` listing more or fewer people than its original's.
fn people_count_differs(
    translation: &Translation,
    original: &crate::load::source::SourceFile,
    ours: usize,
    theirs: usize,
) -> Diagnostic {
    let text = &translation.source.text;
    let (line, column) = locate::key_offset(translation.parts.yaml(text), &["authors"])
        .map_or((translation.parts.yaml_first_line, 1), |offset| {
            LineIndex::new(text).position(translation.parts.yaml_start + offset)
        });
    Diagnostic::error(
        "PP1001",
        &translation.source.path,
        format!(
            "`authors` here lists {ours} {}, but the original {} lists {theirs}",
            if ours == 1 { "person" } else { "people" },
            original.path.display()
        ),
    )
    .at(line, column, "authors".len())
    .with_hint(format!(
        "list the original's {theirs} authors in the same order, each with only `role:` in this file's language (e.g. `- role: Rheolwr tîm`), or delete `authors:` to show the original's roles"
    ))
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

/// A translation describing a photo its original marks decorative: no page shows a
/// decorative photo's description, in any language, so its words would be lost unseen.
fn alt_of_a_decorative_photo(document: &Document, translation: &Translation) -> Option<Diagnostic> {
    translation.image_alt.as_ref()?;
    document.entry.image.as_ref().filter(|i| i.decorative)?;
    let text = &translation.source.text;
    let (line, column) = locate::key_offset(translation.parts.yaml(text), &["image", "alt"])
        .map_or((translation.parts.yaml_first_line, 1), |offset| {
            LineIndex::new(text).position(translation.parts.yaml_start + offset)
        });
    Some(
        Diagnostic::warning(
            "PP1007",
            &translation.source.path,
            format!(
                "`image.alt` here describes the photo, but the original {} marks it `decorative: true`, so no page shows this description",
                document.source.path.display()
            ),
        )
        .at(line, column, 3)
        .with_hint("delete `alt:` here if the photo is only decoration; if it shows something readers need, delete `decorative: true` from the original and describe the photo there with `alt:`, and this description is then shown on this language's page"),
    )
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
