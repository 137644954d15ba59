//! Translations: `kitchen-table.cy.md` beside `kitchen-table.md`. A translation holds its
//! own title, summary and body; everything about publishing comes from its original,
//! which validation checks it does not contradict.

use std::path::{Path, PathBuf};

use super::front_matter::parse_any;
use super::source::{Parts, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::util::LineIndex;

/// The fields a translation has of its own; any other it repeats must equal the original's.
pub(crate) const OWN_FIELDS: [&str; 3] = ["title", "summary", "draft"];

/// One translation file, read and parsed.
#[derive(Debug, Clone)]
pub(crate) struct Translation {
    pub(crate) source: SourceFile,
    pub(crate) parts: Parts,
    /// The language code from the file name (`cy` in `a.cy.md`).
    pub(crate) language: String,
    /// The original's path as the user sees it (`content/stories/a.md`).
    pub(crate) original: PathBuf,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) draft: bool,
    /// Its own description of the original's photo (`image: { alt: … }`), if it gives one.
    pub(crate) image_alt: Option<String>,
    /// Its own words for the people's roles (`nominee: { role: … }`), where it gives them.
    pub(crate) roles: Roles,
    /// Every field of the front matter, for comparing with the original's.
    pub(crate) fields: serde_yaml::Mapping,
    /// Shared with the translated entry the site shows, not copied into it.
    pub(crate) body: std::sync::Arc<str>,
    pub(crate) body_line: usize,
}

/// The language a file name marks, and the original it translates: `a.cy.md` →
/// (`cy`, `a.md`). None for a file that is not named as a translation.
pub(crate) fn translation_of(path: &Path) -> Option<(String, PathBuf)> {
    let stem = path.file_stem()?.to_str()?;
    let (base, code) = stem.rsplit_once('.')?;
    if base.is_empty() || !crate::rules::is_language_tag(code) {
        return None;
    }
    Some((code.to_string(), path.with_file_name(format!("{base}.md"))))
}

/// Parses a translation file. Problems with its own fields are reported here; how it
/// compares with its original is validation's.
pub(super) fn parse_translation(
    source: &SourceFile,
    parts: Parts,
    language: String,
    original: PathBuf,
) -> (Option<Translation>, Vec<Diagnostic>) {
    let (mapping, mut problems) = parse_any(source, &parts);
    let Some(fields) = mapping else {
        return (None, problems);
    };
    let index = LineIndex::new(&source.text);
    let place = |key: &str| -> (usize, usize) {
        let yaml = parts.yaml(&source.text);
        super::locate::key_offset(yaml, &[key]).map_or((parts.yaml_first_line, 1), |offset| {
            index.position(parts.yaml_start + offset)
        })
    };
    let mut text_field = |key: &str, example: &str| -> String {
        match fields.get(key) {
            Some(serde_yaml::Value::String(text)) if !text.trim().is_empty() => {
                text.trim().to_string()
            }
            Some(_) => {
                let (line, column) = place(key);
                problems.push(
                    Diagnostic::error(
                        "PP1005",
                        &source.path,
                        format!("`{key}` in a translation must be text in its language"),
                    )
                    .at(line, column, key.chars().count())
                    .with_hint(format!(
                        "write the translated {key} after `{key}:`, e.g. `{key}: {example}`"
                    )),
                );
                String::new()
            }
            None => String::new(),
        }
    };
    let title = text_field("title", "Bwrdd y gegin");
    let summary = text_field("summary", "Sut y gwnaeth grŵp bach wahaniaeth mawr.");
    if title.is_empty() && !fields.contains_key("title") {
        problems.push(
            Diagnostic::error("PP1005", &source.path, "this translation has no `title`")
                .at(parts.yaml_first_line, 1, 1)
                .with_hint("add the title in this file's language, e.g. `title: Bwrdd y gegin`"),
        );
    }
    let draft = match fields.get("draft") {
        None => false,
        Some(serde_yaml::Value::Bool(draft)) => *draft,
        Some(_) => {
            let (line, column) = place("draft");
            problems.push(
                Diagnostic::error(
                    "PP1005",
                    &source.path,
                    "`draft` must be `true` or `false`",
                )
                .at(line, column, 5)
                .with_hint("write `draft: true` while the translation is not ready, or delete the line"),
            );
            true
        }
    };
    let image_alt = own_alt(&fields, &source.path, &mut problems, |path| {
        let yaml = parts.yaml(&source.text);
        super::locate::key_offset(yaml, path).map_or((parts.yaml_first_line, 1), |offset| {
            index.position(parts.yaml_start + offset)
        })
    });
    let roles = own_roles(&fields, &source.path, &mut problems, |path, nth| {
        let yaml = parts.yaml(&source.text);
        super::locate::nth_key_offset(yaml, path, nth)
            .map_or((parts.yaml_first_line, 1), |offset| {
                index.position(parts.yaml_start + offset)
            })
    });
    let body = std::sync::Arc::from(parts.body(&source.text));
    let body_line = source.text[..parts.body_start].matches('\n').count() + 1;
    let translation = Translation {
        source: source.clone(),
        parts,
        language,
        original,
        title,
        summary,
        draft,
        image_alt,
        roles,
        fields,
        body,
        body_line,
    };
    (Some(translation), problems)
}

/// The translation's own `image.alt`: its words for the original's photo. Anything
/// else under `image` is the original's, and validation compares it (PP1001); an `alt`
/// that is not text is reported here, at its line.
fn own_alt(
    fields: &serde_yaml::Mapping,
    file: &Path,
    problems: &mut Vec<Diagnostic>,
    place: impl Fn(&[&str]) -> (usize, usize),
) -> Option<String> {
    let alt = fields
        .get("image")
        .and_then(serde_yaml::Value::as_mapping)?
        .get("alt")?;
    match alt.as_str().map(str::trim) {
        Some(text) if !text.is_empty() => Some(text.to_string()),
        _ => {
            let (line, column) = place(&["image", "alt"]);
            problems.push(
                Diagnostic::error(
                    "PP1005",
                    file,
                    "`alt` under `image` in a translation must describe the photo in words, in this file's language",
                )
                .at(line, column, 3)
                .with_hint("write what the photo shows after `alt:`, e.g. `alt: Dau fwg ar fwrdd y gegin`, or delete `image:` to show the original's description"),
            );
            None
        }
    }
}

/// A translation's roles for the original's people, each in the translation's language:
/// by the author's place in `authors`, and for a nomination's two people. None where the
/// translation gives no role, and the original's is shown.
#[derive(Debug, Clone, Default)]
pub(crate) struct Roles {
    pub(crate) authors: Vec<Option<String>>,
    pub(crate) nominee: Option<String>,
    pub(crate) nominator: Option<String>,
}

/// The roles a translation gives under `authors`, `nominee` and `nominator`. Anything else
/// it writes about a person is the original's, which validation compares (PP1001); a
/// role that is not text is reported here, at its line. `place` finds the `nth` key at a
/// path, for the role of a later author.
fn own_roles(
    fields: &serde_yaml::Mapping,
    file: &Path,
    problems: &mut Vec<Diagnostic>,
    place: impl Fn(&[&str], usize) -> (usize, usize),
) -> Roles {
    let mut written = 0;
    let mut role_of = |key: &str, person: &serde_yaml::Value| -> Option<String> {
        let role = person.as_mapping()?.get("role")?;
        let nth = written;
        written += usize::from(key == "authors");
        match role.as_str().map(str::trim) {
            Some(text) if !text.is_empty() => Some(text.to_string()),
            _ => {
                let (line, column) = place(&[key, "role"], if key == "authors" { nth } else { 0 });
                problems.push(
                    Diagnostic::error(
                        "PP1005",
                        file,
                        format!("`role` under `{key}` in a translation must be the person's role in words, in this file's language"),
                    )
                    .at(line, column, 4)
                    .with_hint("write the role after `role:`, e.g. `role: Rheolwr tîm`, or delete the line to show the original's"),
                );
                None
            }
        }
    };
    let authors = match fields.get("authors") {
        Some(serde_yaml::Value::Sequence(people)) => {
            people.iter().map(|p| role_of("authors", p)).collect()
        }
        _ => Vec::new(),
    };
    let nominee = fields.get("nominee").and_then(|p| role_of("nominee", p));
    let nominator = fields
        .get("nominator")
        .and_then(|p| role_of("nominator", p));
    Roles {
        authors,
        nominee,
        nominator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_before_the_extension_marks_a_translation() {
        assert_eq!(
            translation_of(Path::new("content/stories/kitchen-table.cy.md")),
            Some((
                "cy".into(),
                PathBuf::from("content/stories/kitchen-table.md")
            ))
        );
        assert_eq!(
            translation_of(Path::new("content/stories/a.b.en-GB.md")),
            Some(("en-GB".into(), PathBuf::from("content/stories/a.b.md")))
        );
        assert_eq!(
            translation_of(Path::new("content/stories/kitchen-table.md")),
            None
        );
        assert_eq!(translation_of(Path::new("content/stories/v1.2.md")), None);
        assert_eq!(
            translation_of(Path::new("content/stories/notes.final.md")),
            None
        );
        assert_eq!(translation_of(Path::new("content/stories/.cy.md")), None);
    }
}
