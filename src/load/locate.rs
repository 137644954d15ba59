//! Finding where a key or value sits in front matter text.
//!
//! serde_yaml reports some errors (a missing field, a wrong type from `from_value`) with no
//! place or at 1:1. Social workers need the line, so we look the key up in the text.

/// A position inside a YAML text: 0-based byte offset.
pub(crate) type Offset = usize;

/// The byte offset of a key, following a path of nested keys (`["consent", "date"]`).
/// List items (`- name: x`) are searched too.
pub(crate) fn key_offset(yaml: &str, path: &[&str]) -> Option<Offset> {
    let mut search_from = 0;
    let mut min_indent = 0;
    let mut block_end = yaml.len();
    let mut found = None;
    for (depth, key) in path.iter().enumerate() {
        // A top-level key is one at the front matter's own indent: `date:` must not be
        // found inside `consent:` when the top-level `date:` comes later.
        let exact = (depth == 0).then(|| top_level_indent(yaml));
        let (offset, indent) = find_key_in(yaml, key, search_from, block_end, min_indent, exact)?;
        found = Some(offset);
        search_from = line_end(yaml, offset);
        min_indent = indent + 1;
        block_end = block_end_after(yaml, search_from, indent);
    }
    found
}

/// The byte range of a key's whole block (the key line and every more-indented line after it).
pub(crate) fn key_block(yaml: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let start = key_offset(yaml, &[key])?;
    let line_start = yaml[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    let end = block_end_after(yaml, line_end(yaml, start), indent);
    Some(line_start..end)
}

/// The byte offset of the `nth` (from 0) `last:` key written on its own line in the
/// block of the top-level key `path[0]`: the role of a later author in a list. Falls back
/// to the top-level key itself when it is not found (a list written `[{…}, {…}]`).
pub(crate) fn nth_key_offset(yaml: &str, path: &[&str], nth: usize) -> Option<Offset> {
    let (first, last) = (path.first()?, path.last()?);
    if nth == 0 {
        if let Some(found) = key_offset(yaml, path) {
            return Some(found);
        }
    }
    let block = key_block(yaml, first)?;
    let mut offset = block.start;
    let mut seen = 0;
    for line in yaml[block.clone()].split_inclusive('\n') {
        let content = line.trim_start_matches([' ', '-']);
        let at = offset + (line.len() - content.len());
        offset += line.len();
        if content
            .strip_prefix(last)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            if seen == nth {
                return Some(at);
            }
            seen += 1;
        }
    }
    key_offset(yaml, &[first])
}

/// The byte offset of the first occurrence of `value` inside a top-level key's block.
pub(crate) fn value_offset(yaml: &str, key: &str, value: &str) -> Option<Offset> {
    let block = key_block(yaml, key)?;
    let key_len = key.len() + 1;
    let search_start = (block.start + key_len).min(block.end);
    yaml[search_start..block.end]
        .find(value)
        .map(|i| search_start + i)
}

/// The byte range of the value written on a key's own line (`date: 2024-13-01` →
/// `2024-13-01`), without quotes or a trailing comment; None when the value is on later
/// lines or missing.
pub(crate) fn value_on_key_line(yaml: &str, path: &[&str]) -> Option<std::ops::Range<usize>> {
    let key = key_offset(yaml, path)?;
    let end = yaml[key..].find('\n').map_or(yaml.len(), |i| key + i);
    let colon = key + yaml[key..end].find(':')?;
    let rest = &yaml[colon + 1..end];
    let rest = match rest.find(" #") {
        Some(comment) => &rest[..comment],
        None => rest,
    };
    let value = rest.trim().trim_matches(['"', '\'']);
    if value.is_empty() {
        return None;
    }
    let start = colon + 1 + rest.find(value)?;
    Some(start..start + value.len())
}

/// The later occurrence of a key written twice in one mapping, given where the mapping
/// starts (serde_yaml reports a duplicate at the start of its mapping, not at either
/// occurrence). Returns the byte range of the whole block of that later occurrence: its
/// line and every more-indented line after it.
pub(crate) fn later_duplicate(
    yaml: &str,
    key: &str,
    mapping_start: Offset,
) -> Option<(Offset, std::ops::Range<usize>)> {
    let mut mapping_start = mapping_start.min(yaml.len());
    while !yaml.is_char_boundary(mapping_start) {
        mapping_start -= 1;
    }
    let first_line_start = yaml[..mapping_start].rfind('\n').map_or(0, |i| i + 1);
    let mut column = mapping_start - first_line_start;
    let mut column_known = !yaml[mapping_start..]
        .split('\n')
        .next()
        .is_none_or(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'));
    let mut seen = 0;
    let mut offset = first_line_start;
    let mut found: Option<Offset> = None;
    for line in yaml[first_line_start..].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = if line_start == first_line_start {
            column
        } else {
            content.len() - content.trim_start_matches(' ').len()
        };
        let rest = content.get(indent..).unwrap_or("");
        if rest.trim().is_empty() || rest.starts_with('#') {
            continue;
        }
        if !column_known {
            column = indent;
            column_known = true;
        }
        if let Some(start) = found {
            if indent <= column {
                return Some((start, line_start_of(yaml, start)..line_start));
            }
            continue;
        }
        if indent < column {
            return None;
        }
        if indent > column {
            continue;
        }
        let written = rest.split(':').next().unwrap_or("").trim();
        if rest.contains(':') && written.trim_matches(['"', '\'']) == key {
            seen += 1;
            if seen == 2 {
                found = Some(line_start + indent);
            }
        }
    }
    found.map(|start| (start, line_start_of(yaml, start)..yaml.len()))
}

fn line_start_of(yaml: &str, offset: Offset) -> Offset {
    yaml[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The indent of the first line that holds a key: where top-level keys start.
fn top_level_indent(yaml: &str) -> usize {
    yaml.lines()
        .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map_or(0, |line| line.len() - line.trim_start_matches(' ').len())
}

fn find_key_in(
    yaml: &str,
    key: &str,
    from: usize,
    to: usize,
    min_indent: usize,
    exact_indent: Option<usize>,
) -> Option<(Offset, usize)> {
    let mut offset = from;
    for line in yaml[from..to].split_inclusive('\n') {
        let content = line.trim_start_matches([' ', '-']);
        let indent = line.len() - content.len();
        if indent >= min_indent && exact_indent.is_none_or(|exact| exact == indent) {
            if let Some(rest) = content.strip_prefix(key) {
                let rest = rest.trim_start_matches([' ', '"', '\'']);
                let quoted_key = content.starts_with(['"', '\'']);
                if rest.starts_with(':') && !quoted_key {
                    return Some((offset + indent, indent));
                }
            }
        }
        offset += line.len();
    }
    None
}

fn line_end(yaml: &str, offset: usize) -> usize {
    yaml[offset..]
        .find('\n')
        .map_or(yaml.len(), |i| offset + i + 1)
}

/// Where the block of a key at `indent` ends: the first later non-blank line indented
/// no deeper than the key (a list item `- ` at the same indent still belongs to it).
fn block_end_after(yaml: &str, from: usize, indent: usize) -> usize {
    let mut offset = from;
    for line in yaml[from..].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let line_indent = line.len() - trimmed.len();
        let blank = trimmed.trim().is_empty() || trimmed.starts_with('#');
        if !blank && line_indent <= indent && !(line_indent == indent && trimmed.starts_with('-')) {
            return offset;
        }
        offset += line.len();
    }
    yaml.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "title: A\nconsent:\n  recorded: true\n  date: 2024-13-01\nauthors:\n  - name: Sam Jones\n    role: Social worker\nsummary: S\n";

    #[test]
    fn finds_top_level_and_nested_keys() {
        assert_eq!(key_offset(YAML, &["title"]), Some(0));
        let date = key_offset(YAML, &["consent", "date"]).unwrap();
        assert!(YAML[date..].starts_with("date: 2024-13-01"));
        let role = key_offset(YAML, &["authors", "role"]).unwrap();
        assert!(YAML[role..].starts_with("role: Social"));
        assert_eq!(key_offset(YAML, &["consent", "role"]), None);
    }

    #[test]
    fn finds_values_inside_a_block() {
        let at = value_offset(YAML, "authors", "Sam Jones").unwrap();
        assert!(YAML[at..].starts_with("Sam Jones"));
        let block = key_block(YAML, "authors").unwrap();
        assert!(YAML[block.clone()].ends_with("role: Social worker\n"));
        assert!(!YAML[block].contains("summary"));
    }

    #[test]
    fn a_top_level_key_is_not_found_inside_another() {
        let yaml = "consent:\n  date: 2024-13-01\ndate: 2025-99-01\n";
        let at = key_offset(yaml, &["date"]).unwrap();
        assert!(yaml[at..].starts_with("date: 2025"));
    }

    #[test]
    fn values_on_the_key_line() {
        let yaml = "date: \"2024-13-01\" # oops\nconsent:\n  date: 2023-02-29\nsummary:\n  x\n";
        let value = value_on_key_line(yaml, &["date"]).unwrap();
        assert_eq!(&yaml[value], "2024-13-01");
        let nested = value_on_key_line(yaml, &["consent", "date"]).unwrap();
        assert_eq!(&yaml[nested], "2023-02-29");
        assert_eq!(value_on_key_line(yaml, &["summary"]), None);
    }

    #[test]
    fn later_duplicates_at_any_depth() {
        let yaml = "title: a\nsummary: b\ntitle: c\n  more\ndate: d\n";
        let (at, block) = later_duplicate(yaml, "title", 0).unwrap();
        assert!(yaml[at..].starts_with("title: c"));
        assert_eq!(&yaml[block], "title: c\n  more\n");

        let yaml = "consent:\n  date: 1\n  by: x\n  date: 2\ntitle: t\n";
        let start = yaml.find("date").unwrap();
        let (at, block) = later_duplicate(yaml, "date", start).unwrap();
        assert!(yaml[at..].starts_with("date: 2"));
        assert_eq!(&yaml[block], "  date: 2\n");

        let yaml = "authors:\n  - name: A\n    name: B\n  - name: C\n";
        let start = yaml.find("name").unwrap();
        let (at, _) = later_duplicate(yaml, "name", start).unwrap();
        assert!(yaml[at..].starts_with("name: B"));
        assert_eq!(later_duplicate("a: 1\nb: 2\n", "a", 0), None);
    }
}
