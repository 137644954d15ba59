//! YAML syntax errors in front matter, explained in words a social worker knows and
//! placed where the mistake is rather than where the parser gave up.
//!
//! The parser reports the place it noticed a problem, which is often later than the
//! mistake: an unclosed quotation mark is noticed at the end of the front matter, a
//! tab at the start of the line after it. Its message keeps the earlier place (the
//! "context", e.g. "while scanning a quoted scalar at line 2 column 10"), and that is
//! usually the place to show.

use std::sync::LazyLock;

use regex::Regex;

/// A syntax error ready to become a diagnostic: where it is in the YAML text and what
/// to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Explained {
    /// Byte offset into the YAML text.
    pub(crate) offset: usize,
    /// Characters to underline.
    pub(crate) length: usize,
    pub(crate) message: String,
    pub(crate) hint: String,
}

const DEFAULT_HINT: &str =
    "check the spelling, indentation and quotation marks on this line of the front matter";

/// Explains a serde_yaml error about `yaml`.
pub(crate) fn explain(yaml: &str, err: &serde_yaml::Error) -> Explained {
    let full = err.to_string();
    let marks = marks(&full);
    let problem_offset = err
        .location()
        .map(|l| l.index())
        .or_else(|| marks.first().and_then(|&(l, c)| offset_of(yaml, l, c)))
        .unwrap_or(0);
    let problem_offset = floor(yaml, problem_offset.min(yaml.len()));
    let context_offset = marks.get(1).and_then(|&(l, c)| offset_of(yaml, l, c));
    let core = full.split(" at line ").next().unwrap_or(&full).trim();
    explain_core(yaml, core, problem_offset, context_offset)
}

fn explain_core(yaml: &str, core: &str, problem: usize, context: Option<usize>) -> Explained {
    let line = line_at(yaml, problem);
    if let Some(tab) = leading_tab(yaml, problem) {
        return Explained {
            offset: tab,
            length: 1,
            message:
                "this line is indented with a tab; the front matter must be indented with spaces"
                    .into(),
            hint:
                "replace the tab at the start of the line with spaces (two spaces for each level)"
                    .into(),
        };
    }
    if core.contains("while scanning a quoted scalar") || core.ends_with("unexpected end of stream")
    {
        if let Some(open) =
            context.filter(|&c| matches!(yaml[c..].chars().next(), Some('"' | '\'')))
        {
            return Explained {
                offset: open,
                length: 1,
                message: "this quotation mark is never closed".into(),
                hint: "add the matching quotation mark at the end of the value; if the value has an apostrophe in it, put it in double quotes (\"it's\")"
                    .into(),
            };
        }
    }
    if core.starts_with("mapping values are not allowed") {
        return colon_problem(yaml, problem);
    }
    if core.starts_with("did not find expected ',' or ']'") {
        return unclosed_bracket(context.unwrap_or(problem), '[', ']', "list");
    }
    if core.starts_with("did not find expected ',' or '}'") {
        return unclosed_bracket(context.unwrap_or(problem), '{', '}', "group");
    }
    if core.starts_with("did not find expected '-' indicator") {
        let start = first_non_space(yaml, problem);
        return Explained {
            offset: start,
            length: 1,
            message: "this line does not line up with the list above it".into(),
            hint: "indent it by exactly as many spaces as the line above, so each detail of a list item starts in the same column"
                .into(),
        };
    }
    if core.starts_with("did not find expected key") {
        let before = &yaml[line.start..problem];
        if before.trim_end().ends_with(['"', '\'']) && before.contains(':') {
            return Explained {
                offset: problem,
                length: 1,
                message: "there is more text after the closing quotation mark".into(),
                hint: "put the whole value inside the quotation marks; if it has an apostrophe in it, use double quotes (\"it's\")"
                    .into(),
            };
        }
        return Explained {
            offset: first_non_space(yaml, problem),
            length: 1,
            message: "this line is not a `name: value` line".into(),
            hint: "write each detail as `name: value` at the start of a line; if the line belongs to the one above, put that value in quotes on one line"
                .into(),
        };
    }
    if core.starts_with("found character that cannot start any token") {
        if let Some(c @ ('@' | '`' | '%')) = yaml[problem..].chars().next() {
            return Explained {
                offset: problem,
                length: 1,
                message: format!("a value cannot start with `{c}`"),
                hint: "put the whole value in double quotes".into(),
            };
        }
    }
    if core.starts_with("unknown anchor") {
        return Explained {
            offset: problem,
            length: 1,
            message: "a value cannot start with `*`".into(),
            hint: "put the whole value in double quotes".into(),
        };
    }
    Explained {
        offset: problem,
        length: 1,
        message: format!("the front matter cannot be read here ({core})"),
        hint: DEFAULT_HINT.into(),
    }
}

/// "mapping values are not allowed in this context": a `name:` where it cannot be.
/// Either the line is indented under a field that has a value already, or the value
/// itself contains `: `.
fn colon_problem(yaml: &str, colon: usize) -> Explained {
    let line = line_at(yaml, colon);
    let text = &yaml[line.start..line.end];
    let indent = text.len() - text.trim_start_matches(' ').len();
    let first_colon = text.find(':').map(|i| line.start + i);
    let key_text = text.get(indent..colon.saturating_sub(line.start));
    if let (true, Some(key_text)) = (indent > 0 && first_colon == Some(colon), key_text) {
        let key = key_text.trim();
        return Explained {
            offset: line.start + indent,
            length: key.chars().count().max(1),
            message: format!("`{key}` is indented more than the line above it"),
            hint: format!("remove the spaces before `{key}:` so it starts in the same column as the other details"),
        };
    }
    let key = text
        .split(':')
        .next()
        .unwrap_or("")
        .trim()
        .trim_start_matches("- ");
    let value = first_colon
        .map(|c| yaml[c + 1..line.end].trim())
        .unwrap_or_default();
    Explained {
        offset: colon,
        length: 1,
        message: format!("the value of `{key}` has a colon followed by a space, which marks the start of a new detail"),
        hint: format!("put the whole value in double quotes: `{key}: \"{}\"`", value.replace('"', "'")),
    }
}

fn unclosed_bracket(open: usize, opening: char, closing: char, what: &str) -> Explained {
    Explained {
        offset: open,
        length: 1,
        message: format!("the {what} that starts with `{opening}` here is never closed with `{closing}`"),
        hint: format!("add `{closing}` at the end of the {what}, on the same line, e.g. `tags: [kinship care, courts]`; put any value with a comma in quotes"),
    }
}

/// The line containing `offset` as a byte range without its line ending.
fn line_at(yaml: &str, offset: usize) -> std::ops::Range<usize> {
    let offset = floor(yaml, offset.min(yaml.len()));
    let start = yaml[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = yaml[offset..].find('\n').map_or(yaml.len(), |i| offset + i);
    start..end
}

/// The first tab in the white space at the start of the line containing `offset`.
fn leading_tab(yaml: &str, offset: usize) -> Option<usize> {
    let line = line_at(yaml, offset);
    let text = &yaml[line.clone()];
    let lead = text.len() - text.trim_start_matches([' ', '\t']).len();
    text[..lead].find('\t').map(|i| line.start + i)
}

fn first_non_space(yaml: &str, offset: usize) -> usize {
    let line = line_at(yaml, offset);
    let text = &yaml[line.clone()];
    line.start + (text.len() - text.trim_start().len())
}

/// Every "at line L column C" in a serde_yaml message: the problem, then the context.
fn marks(message: &str) -> Vec<(usize, usize)> {
    static MARK: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"at line (\d+) column (\d+)").ok());
    let Some(mark) = MARK.as_ref() else {
        return Vec::new();
    };
    mark.captures_iter(message)
        .filter_map(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)))
        .collect()
}

/// The byte offset of a 1-based line and character column.
fn offset_of(yaml: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        yaml.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &yaml[start..];
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(start + within)
}

fn floor(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(yaml: &str) -> (String, String) {
        let err = serde_yaml::from_str::<serde_yaml::Value>(yaml)
            .err()
            .map(|e| explain(yaml, &e));
        let Some(e) = err else {
            return ("parsed".into(), String::new());
        };
        (yaml[e.offset..].chars().take(8).collect(), e.message)
    }

    #[test]
    fn unclosed_quote_points_at_the_opening_quote() {
        let (at, message) = explained("title: A\nsummary: \"unclosed\ncouncil: x\n");
        assert_eq!(at, "\"unclose");
        assert_eq!(message, "this quotation mark is never closed");
    }

    #[test]
    fn tab_indentation_points_at_the_tab() {
        let (at, message) = explained("title: a\ntags:\n\t- x\n");
        assert_eq!(at, "\t- x\n");
        assert!(message.contains("tab"), "{message}");
        let (at, _) = explained("title: a\nsummary: b\n  \tcouncil: c\n");
        assert_eq!(at, "\tcouncil");
    }

    #[test]
    fn indented_field_points_at_its_name() {
        let (at, message) = explained("title: a\nsummary: b\n  council: c\n");
        assert_eq!(at, "council:");
        assert_eq!(message, "`council` is indented more than the line above it");
    }

    #[test]
    fn colon_in_a_value_points_at_the_colon() {
        let (at, message) = explained("title: Zoë: the sequel\n");
        assert_eq!(at, ": the se");
        assert!(message.contains("`title`"), "{message}");
    }

    #[test]
    fn unclosed_list_points_at_the_bracket() {
        let (at, message) = explained("title: a\ntags: [a, b\nsummary: x\n");
        assert_eq!(at, "[a, b\nsu");
        assert!(message.contains("never closed with `]`"), "{message}");
    }

    #[test]
    fn text_after_a_closing_quote() {
        let (at, message) = explained("title: a\nsummary: 'it's fine'\n");
        assert_eq!(at, "s fine'\n");
        assert_eq!(
            message,
            "there is more text after the closing quotation mark"
        );
    }

    #[test]
    fn misaligned_list_detail() {
        let (at, message) = explained("authors:\n  - name: A\n   role: b\n");
        assert_eq!(at, "role: b\n");
        assert_eq!(message, "this line does not line up with the list above it");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_stays_inside_the_text(yaml in "(\\PC|[\t\n:\"'\\[\\]{}#&*@-]){0,80}") {
            if let Err(err) = serde_yaml::from_str::<serde_yaml::Value>(&yaml) {
                let explained = explain(&yaml, &err);
                proptest::prop_assert!(explained.offset <= yaml.len());
                proptest::prop_assert!(yaml.is_char_boundary(explained.offset));
            }
        }
    }

    #[test]
    fn marks_are_read_from_the_message() {
        assert_eq!(
            marks("x at line 5 column 1, while scanning a quoted scalar at line 2 column 10"),
            vec![(5, 1), (2, 10)]
        );
        assert_eq!(offset_of("ab\nZoë x\n", 2, 5), Some(8));
        assert_eq!(offset_of("ab", 9, 1), None);
    }
}
