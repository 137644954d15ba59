//! Renders diagnostics for people (compiler-style, with the source line and a marker)
//! and for tools (JSON).
//!
//! `check`, `build` and `serve` all print through here, so a writer sees the same
//! message, place and hint whichever command found the problem.

use std::collections::BTreeSet;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Severity};

/// Renders `diagnostics` as a person reads them, sorted by file, line and column, with a
/// summary line at the end; the empty string when there are none.
///
/// Each diagnostic reads:
///
/// ```text
/// error[PP0301]: the body contains a telephone number
///  --> content/stories/visit.md:7:12
///   |
/// 7 | Call me on 01632 960000 any time.
///   |            ^^^^^^^^^^^^
///   |
///   = help: put contact details in `media_contact` instead
/// ```
///
/// `source_of` returns a file's text for the snippet; when it returns `None`, or the
/// line is past the end of the text, the place is printed without the snippet. A
/// diagnostic with line 0 concerns the whole file and names only the file. Columns are
/// counted in characters from the start of the line, as [`crate::util::LineIndex`]
/// does, after any byte-order mark at the start of the file.
pub fn render_human(
    diagnostics: &[Diagnostic],
    source_of: &dyn Fn(&Path) -> Option<String>,
    color: bool,
) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let sorted = sorted(diagnostics);

    let mut out = String::new();
    let mut source: Option<(&Path, Option<String>)> = None;
    for diagnostic in &sorted {
        // Sorted by file, so each file's text is read once.
        if source
            .as_ref()
            .is_none_or(|(path, _)| *path != diagnostic.file)
        {
            source = Some((&diagnostic.file, source_of(&diagnostic.file)));
        }
        let text = source.as_ref().and_then(|(_, text)| text.as_deref());
        out.push_str(&renderer.render(&[group(diagnostic, text)]));
        out.push_str("\n\n");
    }
    out.push_str(&renderer.render(&[summary(&sorted)]));
    out.push('\n');
    out
}

/// Renders `diagnostics` as a JSON array for editors and CI, sorted as [`render_human`]
/// sorts them. Each element has `file` (with `/` between folders on every system),
/// `line`, `column` (both 0 for a whole-file problem), `severity` (`"error"` or
/// `"warning"`), `code`, `message` and `hint` (`null` when there is none).
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    // Serialising strings and numbers cannot fail; an empty array is the safe answer if
    // it ever did.
    serde_json::to_string_pretty(&json_items(diagnostics)).unwrap_or_else(|_| String::from("[]"))
}

/// The array [`render_json`] prints, as a value, for output that wraps it in an object
/// (`check --format json --summary`).
pub(crate) fn json_value(diagnostics: &[Diagnostic]) -> serde_json::Value {
    serde_json::to_value(json_items(diagnostics))
        .unwrap_or_else(|_| serde_json::Value::Array(Vec::new()))
}

fn json_items(diagnostics: &[Diagnostic]) -> Vec<JsonDiagnostic<'_>> {
    sorted(diagnostics)
        .into_iter()
        .map(|d| JsonDiagnostic {
            file: display_path(&d.file),
            line: d.line,
            column: d.column,
            severity: d.severity,
            code: d.code,
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect()
}

/// Whether to colour output: never when `NO_COLOR` is set to a non-empty value
/// (<https://no-color.org>), otherwise only when the stream is a terminal.
pub(crate) fn color_wanted(stream_is_terminal: bool) -> bool {
    color_wanted_with(std::env::var_os("NO_COLOR").as_deref(), stream_is_terminal)
}

/// [`color_wanted`] with the value of `NO_COLOR` passed in, so it can be tested without
/// changing the process environment.
pub(crate) fn color_wanted_with(
    no_color: Option<&std::ffi::OsStr>,
    stream_is_terminal: bool,
) -> bool {
    let no_color = no_color.is_some_and(|value| !value.is_empty());
    stream_is_terminal && !no_color
}

#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: usize,
    column: usize,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
}

/// By file, then line, then column; problems at the same place keep their order.
fn sorted(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    sorted
}

/// The report for one diagnostic: title, place (with the source line when it can be
/// shown) and hint.
fn group<'a>(diagnostic: &'a Diagnostic, source: Option<&'a str>) -> Group<'a> {
    let level = level_of(diagnostic.severity);
    let path = display_path(&diagnostic.file);
    let title = level
        .clone()
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code);

    let column = diagnostic.column.max(1);
    // A column past the end of the line (a stale place) is printed as given, without a
    // snippet, rather than moved to where a marker could go.
    let line_text = source
        .and_then(|text| nth_line(text, diagnostic.line))
        .filter(|line_text| column <= line_text.chars().count() + 1);
    let mut group = match line_text {
        Some(line_text) => {
            let span = char_span(line_text, column, diagnostic.length);
            title.element(
                Snippet::source(line_text)
                    .line_start(diagnostic.line)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        _ => {
            let mut origin = Origin::path(path);
            if diagnostic.line > 0 {
                origin = origin.line(diagnostic.line).char_column(column);
            }
            title.element(origin)
        }
    };
    if let Some(hint) = &diagnostic.hint {
        group = group.element(Level::HELP.message(hint.as_str()));
    }
    group
}

/// The closing line: how many problems, in how many files, of which kinds.
fn summary<'a>(sorted: &[&Diagnostic]) -> Group<'a> {
    let errors = sorted.iter().filter(|d| d.is_error()).count();
    let warnings = sorted.len() - errors;
    let files = sorted
        .iter()
        .map(|d| &d.file)
        .collect::<BTreeSet<_>>()
        .len();
    let text = format!(
        "{} in {} ({}, {})",
        counted(sorted.len(), "problem", "problems"),
        counted(files, "file", "files"),
        counted(errors, "error", "errors"),
        counted(warnings, "warning", "warnings"),
    );
    let level = if errors > 0 {
        Level::ERROR
    } else {
        Level::WARNING
    };
    Group::with_title(level.primary_title(text))
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn level_of(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

/// A path as the user would type it, with `/` between folders on every system.
fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// The 1-based `line` of `text` without its line ending, ignoring a byte-order mark;
/// `None` for line 0 (the whole file) and past the end of the text.
fn nth_line(text: &str, line: usize) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw = text.split('\n').nth(line.checked_sub(1)?)?;
    Some(raw.strip_suffix('\r').unwrap_or(raw))
}

/// The byte range of `length` characters from the 1-based character `column`, clamped
/// to the end of the line so an underline never runs past it.
fn char_span(line: &str, column: usize, length: usize) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(index, _)| index)
    };
    let start = byte_at(column.saturating_sub(1));
    let end = byte_at(column.saturating_sub(1) + length.max(1));
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn sources(files: &[(&str, &str)]) -> impl Fn(&Path) -> Option<String> {
        let files: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), text.to_string()))
            .collect();
        move |path: &Path| {
            files
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, text)| text.clone())
        }
    }

    fn story_error() -> Diagnostic {
        Diagnostic::error(
            "PP0301",
            "content/stories/visit.md",
            "the body contains a telephone number",
        )
        .at(3, 12, 12)
        .with_hint("put contact details in `media_contact` instead")
    }

    const STORY: &str = "title: A visit\n\nCall me on 01632 960000 any time.\n";

    #[test]
    fn single_line_error_with_a_hint() {
        let out = render_human(
            &[story_error()],
            &sources(&[("content/stories/visit.md", STORY)]),
            false,
        );
        assert_eq!(
            out,
            "\
error[PP0301]: the body contains a telephone number
 --> content/stories/visit.md:3:12
  |
3 | Call me on 01632 960000 any time.
  |            ^^^^^^^^^^^^
  |
  = help: put contact details in `media_contact` instead

error: 1 problem in 1 file (1 error, 0 warnings)
"
        );
    }

    #[test]
    fn warning_with_no_place() {
        let warning = Diagnostic::warning(
            "PP0401",
            "content/stories/visit.md",
            "the story has no image, so social previews will show the site logo",
        );
        let out = render_human(
            &[warning],
            &sources(&[("content/stories/visit.md", STORY)]),
            false,
        );
        assert_eq!(
            out,
            "\
warning[PP0401]: the story has no image, so social previews will show the site logo
--> content/stories/visit.md

warning: 1 problem in 1 file (0 errors, 1 warning)
"
        );
    }

    #[test]
    fn whole_file_problem_with_a_hint() {
        let warning = Diagnostic::warning("PP0402", "content/pages/about.md", "the page is empty")
            .with_hint("write the page or delete the file");
        let out = render_human(&[warning], &sources(&[]), false);
        assert_eq!(
            out,
            "\
warning[PP0402]: the page is empty
--> content/pages/about.md
 = help: write the page or delete the file

warning: 1 problem in 1 file (0 errors, 1 warning)
"
        );
    }

    #[test]
    fn multi_byte_characters_and_a_tab_before_the_place() {
        let text = "---\nsummary: Zoë\tthanked Will for the visit\n---\n";
        // "Will" is the 22nd character: Z-o-ë count as three, the tab as one.
        let leak = Diagnostic::error(
            "PP0201",
            "content/nominations/zoe.md",
            "the anonymous nominee's name appears in `summary`",
        )
        .at(2, 22, 4)
        .with_hint("write their role instead, e.g. \"a team manager\"");
        let out = render_human(
            &[leak],
            &sources(&[("content/nominations/zoe.md", text)]),
            false,
        );
        assert_eq!(
            out,
            "\
error[PP0201]: the anonymous nominee's name appears in `summary`
 --> content/nominations/zoe.md:2:22
  |
2 | summary: Zoë    thanked Will for the visit
  |                         ^^^^
  |
  = help: write their role instead, e.g. \"a team manager\"

error: 1 problem in 1 file (1 error, 0 warnings)
"
        );
    }

    #[test]
    fn two_files_sorted_by_file_line_and_column() {
        let nomination = "Sam is brilliant.\nRing 07700 900123.\n";
        let diagnostics = [
            story_error(),
            Diagnostic::error(
                "PP0301",
                "content/nominations/sam.md",
                "the body contains a telephone number",
            )
            .at(2, 6, 12),
            Diagnostic::warning(
                "PP0501",
                "content/nominations/sam.md",
                "the nomination has 3 words; nominations have at least 100",
            )
            .at(1, 1, 3),
        ];
        let out = render_human(
            &diagnostics,
            &sources(&[
                ("content/stories/visit.md", STORY),
                ("content/nominations/sam.md", nomination),
            ]),
            false,
        );
        assert_eq!(
            out,
            "\
warning[PP0501]: the nomination has 3 words; nominations have at least 100
 --> content/nominations/sam.md:1:1
  |
1 | Sam is brilliant.
  | ^^^

error[PP0301]: the body contains a telephone number
 --> content/nominations/sam.md:2:6
  |
2 | Ring 07700 900123.
  |      ^^^^^^^^^^^^

error[PP0301]: the body contains a telephone number
 --> content/stories/visit.md:3:12
  |
3 | Call me on 01632 960000 any time.
  |            ^^^^^^^^^^^^
  |
  = help: put contact details in `media_contact` instead

error: 3 problems in 2 files (2 errors, 1 warning)
"
        );
    }

    #[test]
    fn each_file_is_read_once() {
        let reads = std::cell::Cell::new(0);
        let source_of = |_: &Path| {
            reads.set(reads.get() + 1);
            Some(STORY.to_string())
        };
        let diagnostics = [story_error(), story_error().at(1, 1, 5), story_error()];
        render_human(&diagnostics, &source_of, false);
        assert_eq!(reads.get(), 1);
    }

    #[test]
    fn place_without_source_names_line_and_column() {
        let out = render_human(&[story_error()], &sources(&[]), false);
        assert!(out.starts_with(
            "error[PP0301]: the body contains a telephone number\n\
             --> content/stories/visit.md:3:12\n \
             = help: put contact details in `media_contact` instead\n"
        ));
    }

    #[test]
    fn place_past_the_end_of_the_file_or_line_keeps_its_numbers() {
        let past_file = story_error().at(30, 2, 1);
        let past_line = story_error().at(1, 40, 1);
        let out = render_human(
            &[past_file, past_line],
            &sources(&[("content/stories/visit.md", STORY)]),
            false,
        );
        assert!(
            out.contains("\n--> content/stories/visit.md:30:2\n"),
            "{out}"
        );
        assert!(
            out.contains("\n--> content/stories/visit.md:1:40\n"),
            "{out}"
        );
    }

    #[test]
    fn place_at_the_end_of_a_line_and_an_overlong_underline() {
        let at_end = story_error().at(1, 15, 1);
        let overlong = story_error().at(3, 30, 50);
        let out = render_human(
            &[at_end, overlong],
            &sources(&[("content/stories/visit.md", STORY)]),
            false,
        );
        assert!(
            out.contains(":1:15\n  |\n1 | title: A visit\n  |               ^\n"),
            "{out}"
        );
        assert!(
            out.contains(":3:30\n  |\n3 | Call me on 01632 960000 any time.\n  |                              ^^^^\n"),
            "{out}"
        );
    }

    #[test]
    fn long_paragraph_is_cut_around_the_place() {
        let paragraph = format!("{}Will {}", "word ".repeat(60), "more ".repeat(60));
        let leak = Diagnostic::error("PP0201", "a.md", "leak").at(1, 301, 4);
        let out = render_human(&[leak], &|_: &Path| Some(paragraph.clone()), false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], " --> a.md:1:301");
        assert!(
            lines[3].starts_with("1 | ...") && lines[3].ends_with("..."),
            "{out}"
        );
        assert!(lines[3].chars().count() <= 140, "{out}");
        let will = lines[3].find("Will").unwrap_or(0);
        assert_eq!(lines[4].find("^^^^"), Some(will), "{out}");
    }

    #[test]
    fn crlf_line_endings_and_byte_order_mark_are_not_shown() {
        let text = "\u{feff}title: A visit\r\nsummary: Hi\r\n";
        let diagnostic = story_error().at(1, 1, 5);
        let out = render_human(
            &[diagnostic],
            &sources(&[("content/stories/visit.md", text)]),
            false,
        );
        assert!(out.contains("\n1 | title: A visit\n  | ^^^^^\n"), "{out}");
    }

    #[test]
    fn no_diagnostics_render_nothing() {
        assert_eq!(render_human(&[], &sources(&[]), false), "");
        assert_eq!(render_json(&[]), "[]");
    }

    #[test]
    fn colour_is_used_only_when_asked() {
        let source_of = sources(&[("content/stories/visit.md", STORY)]);
        assert!(render_human(&[story_error()], &source_of, true).contains('\u{1b}'));
        assert!(!render_human(&[story_error()], &source_of, false).contains('\u{1b}'));
    }

    #[test]
    fn json_lists_every_field() {
        let whole_file = Diagnostic::warning("PP0401", "content/stories/visit.md", "no image");
        assert_eq!(
            render_json(&[story_error(), whole_file]),
            r#"[
  {
    "file": "content/stories/visit.md",
    "line": 0,
    "column": 0,
    "severity": "warning",
    "code": "PP0401",
    "message": "no image",
    "hint": null
  },
  {
    "file": "content/stories/visit.md",
    "line": 3,
    "column": 12,
    "severity": "error",
    "code": "PP0301",
    "message": "the body contains a telephone number",
    "hint": "put contact details in `media_contact` instead"
  }
]"#
        );
    }

    #[test]
    fn json_escapes_quotes_and_keeps_non_ascii() {
        let diagnostic = Diagnostic::error("PP0201", "content/zoë.md", "name \"Zoë\" appears");
        let json: serde_json::Value =
            serde_json::from_str(&render_json(&[diagnostic])).unwrap_or(serde_json::Value::Null);
        assert_eq!(json[0]["file"], "content/zoë.md");
        assert_eq!(json[0]["message"], "name \"Zoë\" appears");
    }

    #[test]
    fn paths_use_forward_slashes() {
        assert_eq!(
            display_path(Path::new("content/stories/2024/visit.md")),
            "content/stories/2024/visit.md"
        );
        let native: PathBuf = ["content", "stories", "visit.md"].iter().collect();
        assert_eq!(display_path(&native), "content/stories/visit.md");
    }

    #[test]
    fn no_color_wins_when_set_and_not_empty() {
        use std::ffi::OsStr;
        assert!(color_wanted_with(None, true));
        assert!(!color_wanted_with(None, false));
        assert!(!color_wanted_with(Some(OsStr::new("1")), true));
        assert!(!color_wanted_with(Some(OsStr::new("false")), true));
        assert!(color_wanted_with(Some(OsStr::new("")), true));
        assert!(!color_wanted_with(Some(OsStr::new("")), false));
    }

    #[test]
    fn char_spans_count_characters() {
        assert_eq!(char_span("Zoë saw", 5, 3), 5..8);
        assert_eq!(char_span("Zoë", 3, 1), 2..4);
        assert_eq!(char_span("abc", 4, 1), 3..3);
        assert_eq!(char_span("abc", 2, 0), 1..2);
    }

    #[test]
    fn lines_are_found_without_their_endings() {
        assert_eq!(nth_line("a\r\nb\n", 2), Some("b"));
        assert_eq!(nth_line("\u{feff}a\nb", 1), Some("a"));
        assert_eq!(nth_line("a", 0), None);
        assert_eq!(nth_line("a", 3), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(
            text in "\\PC*",
            line in 0usize..6,
            column in 0usize..40,
            length in 0usize..40,
            message in "\\PC*",
        ) {
            let diagnostic = Diagnostic::error("PP0001", "a.md", message).at(line, column, length);
            let source_of = |_: &Path| Some(text.clone());
            let _ = render_human(std::slice::from_ref(&diagnostic), &source_of, false);
            let _ = render_json(&[diagnostic]);
        }
    }
}
