//! Small helpers shared by the stages: text positions, YAML error placement, slugs,
//! and file-system calls that name the path in their errors.

use std::path::{Path, PathBuf};
use std::time::Instant;

/// Converts byte offsets in a text into 1-based (line, character column) pairs.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }

    /// The byte offset where a 1-based line starts.
    pub(crate) fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The 1-based (line, column) of a top-level `key:` in a YAML text, if present.
pub(crate) fn find_key(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        rest.trim_start().starts_with(':').then_some((i + 1, 1))
    })
}

/// How many flow collections (`[`, `{`) one block of YAML may hold. libyaml, under
/// serde_yaml, looks through every open collection at each token, so deep nesting takes
/// time that grows with the square of the text: 200,000 `{a: ` took eight minutes. Real
/// front matter and settings use a handful.
pub(crate) const MAX_YAML_FLOW_COLLECTIONS: usize = 256;

/// The byte offset of the first `[` or `{` past [`MAX_YAML_FLOW_COLLECTIONS`], counted
/// everywhere (quotes and comments too), so no way of writing can hide one.
pub(crate) fn too_many_flow_collections(yaml: &str) -> Option<usize> {
    yaml.match_indices(['[', '{'])
        .nth(MAX_YAML_FLOW_COLLECTIONS)
        .map(|(i, _)| i)
}

/// A URL slug: lower case ASCII letters, digits and single hyphens.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars().flat_map(fold_to_ascii) {
        if ch.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(ch.to_ascii_lowercase());
        } else if ch != '\'' && ch != '\u{2019}' {
            pending_hyphen = true;
        }
    }
    slug
}

/// Common accented letters folded to ASCII, so "Zoë" slugs as "zoe".
fn fold_to_ascii(ch: char) -> impl Iterator<Item = char> {
    let folded: &[char] = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => &['a'],
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => &['A'],
        'ç' | 'ć' | 'č' => &['c'],
        'è' | 'é' | 'ê' | 'ë' | 'ē' => &['e'],
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => &['E'],
        'ì' | 'í' | 'î' | 'ï' | 'ī' => &['i'],
        'ñ' | 'ń' => &['n'],
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => &['o'],
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => &['O'],
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => &['u'],
        'ý' | 'ÿ' => &['y'],
        'ß' => &['s', 's'],
        '&' => &['a', 'n', 'd'],
        _ => return FoldIter::One(Some(ch)),
    };
    FoldIter::Many(folded.iter())
}

enum FoldIter {
    One(Option<char>),
    Many(std::slice::Iter<'static, char>),
}

impl Iterator for FoldIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            FoldIter::One(ch) => ch.take(),
            FoldIter::Many(iter) => iter.next().copied(),
        }
    }
}

/// A file-system error that names the path it happened on.
#[derive(Debug, thiserror::Error)]
#[error("{action} {path}: {source}")]
pub struct FsError {
    pub(crate) action: &'static str,
    pub(crate) path: PathBuf,
    #[source]
    pub(crate) source: std::io::Error,
}

impl FsError {
    pub(crate) fn new(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        FsError {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// With `PRACTICE_PRESS_TIMINGS=1` in the environment, prints how long each stage of a
/// build took, for benchmarks and for anyone asking why their build is slow.
pub(crate) struct PhaseClock {
    enabled: bool,
    last: std::cell::Cell<Instant>,
}

impl PhaseClock {
    pub(crate) fn start() -> Self {
        PhaseClock {
            enabled: std::env::var_os("PRACTICE_PRESS_TIMINGS").is_some_and(|v| v == "1"),
            last: std::cell::Cell::new(Instant::now()),
        }
    }

    pub(crate) fn lap(&self, stage: &str) {
        if self.enabled {
            let now = Instant::now();
            eprintln!(
                "timing: {stage:<16} {:>8.1} ms",
                (now - self.last.get()).as_secs_f64() * 1000.0
            );
            self.last.set(now);
        }
    }
}

/// Decodes `%XX` escapes in an address; None when an escape is broken or the result is
/// not UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Escapes text for XML element content and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    // Feeds escape whole rendered stories, markup and all: copying the runs between
    // special bytes, into room for some entities, keeps that a small part of a build.
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            b'\n' | b'\r' | b'\t' => continue,
            byte if byte < 0x20 => "",
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters in XML 1.0
            // either; a parser would reject the whole file.
            0xEF if bytes.get(at + 1) == Some(&0xBF)
                && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)) =>
            {
                out.push_str(&text[copied..at]);
                copied = at + 3;
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escape_replaces_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            xml_escape("<a href=\"x?a=1&b='2'\">Zoë</a>"),
            "&lt;a href=&quot;x?a=1&amp;b=&apos;2&apos;&quot;&gt;Zoë&lt;/a&gt;"
        );
        assert_eq!(xml_escape("a\u{0}b\u{7}\tc\r\nd\u{1f}"), "ab\tc\r\nd");
        assert_eq!(
            xml_escape("\u{FFFE}x\u{FFFF}<\u{FFFD}\u{EFFF}"),
            "x&lt;\u{FFFD}\u{EFFF}"
        );
        assert_eq!(xml_escape(""), "");
        assert_eq!(xml_escape("plain"), "plain");
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let index = LineIndex::new("ab\nZoë x\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        let x = "ab\nZoë x\n".find('x').unwrap();
        assert_eq!(index.position(x), (2, 5));
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slugify("Kingston upon Hull"), "kingston-upon-hull");
        assert_eq!(
            slugify("Zoë's kinship care & more!"),
            "zoes-kinship-care-and-more"
        );
        assert_eq!(slugify("  --Hello--  "), "hello");
    }
}
