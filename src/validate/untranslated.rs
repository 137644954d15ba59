//! Text a translation has left as it is in the original: a title, summary or body that
//! says exactly what the original says. Only a warning: a translation is often saved half
//! done, and a name may rightly be the same in both languages.

use crate::diagnostic::Diagnostic;
use crate::load::{locate, Translation};
use crate::rules::english_name;
use crate::util::LineIndex;

/// The original's own words, as a translation is compared with them.
pub(super) struct OriginalText<'a> {
    pub(super) path: &'a std::path::Path,
    pub(super) title: &'a str,
    pub(super) summary: &'a str,
    pub(super) body: &'a str,
}

/// A PP1006 warning for each of title, summary and body left as in the original.
pub(super) fn untranslated_text(
    translation: &Translation,
    original: &OriginalText,
) -> Vec<Diagnostic> {
    let same = |ours: &str, theirs: &str| !ours.trim().is_empty() && ours.trim() == theirs.trim();
    let mut problems = Vec::new();
    for (field, ours, theirs) in [
        ("title", &translation.title, original.title),
        ("summary", &translation.summary, original.summary),
    ] {
        if same(ours, theirs) {
            let (line, column) = field_position(translation, field);
            problems.push(
                warning(translation, original, format!("`{field}` here"), field).at(
                    line,
                    column,
                    field.chars().count(),
                ),
            );
        }
    }
    if same(&translation.body, original.body) {
        let line = translation.body_line + leading_blank_lines(&translation.body);
        problems
            .push(warning(translation, original, "the text here".into(), "text").at(line, 1, 1));
    }
    problems
}

fn warning(
    translation: &Translation,
    original: &OriginalText,
    what: String,
    field: &str,
) -> Diagnostic {
    let language = english_name(&translation.language);
    Diagnostic::warning(
        "PP1006",
        &translation.source.path,
        format!(
            "{what} is word for word the same as in the original {}, so the {language} page shows it untranslated",
            original.path.display()
        ),
    )
    .with_hint(format!(
        "write the {field} in {language}; if it is rightly the same in both languages (a name, say), leave it: this is only a warning"
    ))
}

fn field_position(translation: &Translation, field: &str) -> (usize, usize) {
    let text = &translation.source.text;
    let parts = &translation.parts;
    locate::key_offset(parts.yaml(text), &[field]).map_or((parts.yaml_first_line, 1), |offset| {
        LineIndex::new(text).position(parts.yaml_start + offset)
    })
}

fn leading_blank_lines(body: &str) -> usize {
    body.lines()
        .take_while(|line| line.trim().is_empty())
        .count()
}
