//! Finding where a key or value sits in front matter text.
//!
//! serde_yaml reports some errors (a missing field, a wrong type from `from_value`) with no
//! place or at 1:1. Social workers need the line, so we look the key up in the text.

/// A position inside a YAML text: 0-based byte offset.
pub type Offset = usize;

/// The byte offset of a key, following a path of nested keys (`["consent", "date"]`).
/// List items (`- name: x`) are searched too.
pub fn key_offset(yaml: &str, path: &[&str]) -> Option<Offset> {
    let mut search_from = 0;
    let mut min_indent = 0;
    let mut block_end = yaml.len();
    let mut found = None;
    for key in path {
        let (offset, indent) = find_key_in(yaml, key, search_from, block_end, min_indent)?;
        found = Some(offset);
        search_from = line_end(yaml, offset);
        min_indent = indent + 1;
        block_end = block_end_after(yaml, search_from, indent);
    }
    found
}

/// The byte range of a key's whole block (the key line and every more-indented line after it).
pub fn key_block(yaml: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let start = key_offset(yaml, &[key])?;
    let line_start = yaml[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    let end = block_end_after(yaml, line_end(yaml, start), indent);
    Some(line_start..end)
}

/// The byte offset of the first occurrence of `value` inside a top-level key's block.
pub fn value_offset(yaml: &str, key: &str, value: &str) -> Option<Offset> {
    let block = key_block(yaml, key)?;
    let key_len = key.len() + 1;
    let search_start = (block.start + key_len).min(block.end);
    yaml[search_start..block.end]
        .find(value)
        .map(|i| search_start + i)
}

/// Every byte offset where a top-level key is written more than once (the later ones).
pub fn duplicate_top_level_keys(yaml: &str) -> Vec<(String, Offset)> {
    let mut seen = std::collections::HashSet::new();
    let mut duplicates = Vec::new();
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        if let Some(key) = top_level_key(line) {
            if !seen.insert(key.to_string()) {
                duplicates.push((key.to_string(), offset));
            }
        }
        offset += line.len();
    }
    duplicates
}

fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    plain.then_some(key)
}

fn find_key_in(
    yaml: &str,
    key: &str,
    from: usize,
    to: usize,
    min_indent: usize,
) -> Option<(Offset, usize)> {
    let mut offset = from;
    for line in yaml[from..to].split_inclusive('\n') {
        let content = line.trim_start_matches([' ', '-']);
        let indent = line.len() - content.len();
        if indent >= min_indent {
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
    fn reports_the_second_occurrence_of_a_duplicate_key() {
        let yaml = "title: A\nsummary: B\ntitle: C\n";
        assert_eq!(
            duplicate_top_level_keys(yaml),
            vec![("title".to_string(), 20)]
        );
    }
}
