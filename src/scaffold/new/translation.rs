//! `new story|nomination --lang cy --translation-of FILE`: a translation started from its
//! original, beside it (`kitchen-table.md` → `kitchen-table.cy.md`).
//!
//! The file holds only what a translation may hold: the original's title and summary to
//! translate, `draft: true` so nothing is published before the writer is done, and the
//! original's text under a note asking for it to be translated. Everything about
//! publishing (date, council, people, consent, embargo) comes from the original.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::NewError;
use crate::load::source::{split_front_matter, SourceFile};
use crate::model::EntryKind;
use crate::util::FsError;

/// A translation file to write: where it goes and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationFile {
    /// The original's path with the language before `.md`.
    pub path: PathBuf,
    pub text: String,
}

/// What a translation's front matter holds.
#[derive(Serialize)]
struct Front<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    draft: bool,
}

/// The translation of `original` (a story or nomination of `kind`) into `language`, for
/// a site whose own language is `site_language`. Refuses, with the reason in plain
/// English, whatever would give a wrong file: no original, an original that is itself a
/// translation or of the other kind, a translation that already exists.
pub fn translation_file(
    original: &Path,
    kind: EntryKind,
    language: &str,
    site_language: &str,
) -> Result<TranslationFile, NewError> {
    let refuse = |reason: String| Err(NewError::Refused(reason));
    if !crate::rules::is_language_tag(language) {
        return refuse(format!(
            "--lang {language:?} is not a language code: use a code such as cy (Welsh) or en-GB (English)"
        ));
    }
    if language.eq_ignore_ascii_case(site_language) {
        return refuse(format!(
            "the site is written in {site_language} already: --lang names the language to translate into, such as cy for Welsh"
        ));
    }
    let shown = original.display();
    let Some(stem) = original
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".md"))
    else {
        return refuse(format!(
            "{shown} is not a story or nomination file: those end in .md, like content/stories/2026/kitchen-table.md"
        ));
    };
    if let Some((base, code)) = stem.rsplit_once('.') {
        if crate::rules::is_language_tag(code) {
            return refuse(format!(
                "{shown} is itself a translation (into {code}): give the original, {base}.md"
            ));
        }
    }
    if !original.is_file() {
        return refuse(format!(
            "{shown} does not exist, so there is nothing to translate: give the path of the original, like content/stories/2026/kitchen-table.md"
        ));
    }
    let path = original.with_file_name(format!("{stem}.{language}.md"));
    if path.exists() {
        return refuse(format!(
            "{} already exists; nothing was written. Open it to carry on translating, or delete it to start again",
            path.display()
        ));
    }
    let bytes = std::fs::read(original).map_err(|e| FsError::new("cannot read", original, e))?;
    let source = SourceFile::from_bytes(original, bytes).map_err(|d| unreadable(original, &d))?;
    let parts = split_front_matter(&source).map_err(|d| unreadable(original, &d))?;
    let front: serde_yaml::Mapping =
        serde_yaml::from_str(parts.yaml(&source.text)).map_err(|e| unreadable(original, &e))?;
    let text_of = |key: &str| front.get(key).and_then(serde_yaml::Value::as_str);
    let is_nomination = front.contains_key("nominee");
    if is_nomination != (kind == EntryKind::Nomination) {
        let (is, other) = if is_nomination {
            ("a nomination", "nomination")
        } else {
            ("a story", "story")
        };
        return refuse(format!(
            "{shown} is {is}: start its translation with `practice-press new {other} --lang {language} --translation-of {shown}`"
        ));
    }
    let Some(title) = text_of("title") else {
        return refuse(format!(
            "{shown} has no title to translate: run `practice-press check` and fix the original first"
        ));
    };
    let yaml = serde_yaml::to_string(&Front {
        title,
        summary: text_of("summary"),
        draft: true,
    })
    .map_err(|e| unreadable(original, &e))?;
    let name = language_name(language);
    let original_name = original
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = format!(
        "---\n\
# The {name} translation of {original_name}.\n\
# Translate the title{summary} into {name}, then the text below the notes.\n\
# The date, council, people, consent and pictures come from the original: do not add them here,\n\
# except each person's role in {name}: repeat `authors:` (or `nominee:` and `nominator:`) with only `role:` under each person.\n\
# When the translation is ready to publish, delete the line `draft: true`.\n\
{yaml}---\n\n\
<!-- Translate the text below into {name}, writing over the original's words. -->\n\
<!-- Keep headings, lists and links as they are, and translate the words in them. -->\n\n\
{body}",
        summary = if text_of("summary").is_some() {
            " and the summary"
        } else {
            ""
        },
        body = parts.body(&source.text).trim_start_matches('\n'),
    );
    Ok(TranslationFile { path, text })
}

/// Writes the translation without ever replacing a file: it is written whole under a
/// temporary name, then linked to its own name, which fails if that name was taken.
pub fn write_translation(file: &TranslationFile) -> Result<(), NewError> {
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = file
        .path
        .with_file_name(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut out| {
            out.write_all(file.text.as_bytes())?;
            out.sync_all()
        })
        .map_err(|e| FsError::new("cannot write", &temporary, e).into())
        .and_then(|()| match std::fs::hard_link(&temporary, &file.path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(NewError::Refused(format!(
                    "{} already exists; nothing was written. Open it to carry on translating, or delete it to start again",
                    file.path.display()
                )))
            }
            Err(e) => Err(FsError::new("cannot write", &file.path, e).into()),
        });
    // The temporary name is never the result, whatever happened above.
    let _ = std::fs::remove_file(&temporary);
    written
}

fn unreadable(original: &Path, reason: &dyn std::fmt::Display) -> NewError {
    NewError::Refused(format!(
        "{}: its details cannot be read ({reason}): run `practice-press check` and fix the original first",
        original.display()
    ))
}

/// The language's name in English, for the notes in the file.
fn language_name(language: &str) -> String {
    let primary = language.split('-').next().unwrap_or(language);
    match primary.to_ascii_lowercase().as_str() {
        "cy" => "Welsh".to_string(),
        "en" => "English".to_string(),
        "ga" => "Irish".to_string(),
        "gd" => "Scottish Gaelic".to_string(),
        _ => format!("`{language}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        (dir, path)
    }

    #[test]
    fn a_story_translation_holds_title_summary_draft_and_the_body_to_translate() {
        let (_dir, original) = site_with(
            "kitchen-table.md",
            "---\ntitle: \"Kinship care: the kitchen table\"\ndate: 2026-02-10\nsummary: A grandmother plans.\ncouncil: Northmoor Council\nauthors: [{ name: Tamsin Okonjo, role: Social worker }]\n---\n\nWe sat at the kitchen table.\n",
        );
        let file = translation_file(&original, EntryKind::Story, "cy", "en-GB")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.path, original.with_file_name("kitchen-table.cy.md"));
        let (_, front, body) = {
            let mut parts = file.text.splitn(3, "---\n");
            (
                parts.next(),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            )
        };
        let yaml: serde_yaml::Mapping =
            serde_yaml::from_str(front).unwrap_or_else(|e| panic!("{e}"));
        let keys: Vec<&str> = yaml.keys().filter_map(|k| k.as_str()).collect();
        assert_eq!(keys, ["title", "summary", "draft"]);
        assert_eq!(
            yaml["title"].as_str(),
            Some("Kinship care: the kitchen table")
        );
        assert_eq!(yaml["draft"].as_bool(), Some(true));
        assert!(front.contains("# The Welsh translation of kitchen-table.md."));
        assert!(body.contains("<!-- Translate the text below into Welsh"));
        assert!(body.ends_with("We sat at the kitchen table.\n"));
    }

    #[test]
    fn a_translation_of_a_translation_or_of_the_wrong_kind_is_refused() {
        let (_dir, translation) = site_with("x.cy.md", "---\ntitle: X\n---\n");
        let err = translation_file(&translation, EntryKind::Story, "cy", "en-GB")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("is itself a translation (into cy): give the original, x.md"),
            "{err}"
        );
        let (_dir, nomination) = site_with(
            "calm.md",
            "---\ntitle: A calm manager\nnominee: { name: A B, role: Manager }\n---\n",
        );
        let err = translation_file(&nomination, EntryKind::Story, "cy", "en-GB")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("is a nomination: start its translation with `practice-press new nomination --lang cy"), "{err}");
    }

    #[test]
    fn the_site_language_and_non_codes_are_refused() {
        let (_dir, original) = site_with("x.md", "---\ntitle: X\n---\n");
        for (language, expected) in [
            ("en-GB", "the site is written in en-GB already"),
            ("Welsh please", "is not a language code"),
        ] {
            let err = translation_file(&original, EntryKind::Story, language, "en-GB")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains(expected), "{err}");
        }
    }
}
