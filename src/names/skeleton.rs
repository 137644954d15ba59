//! Names written as one run of letters: `alex-brennan`, `alex_brennan`, `Alex.Brennan`,
//! `alex/brennan`, `AlexBrennan`, `#alexbrennan`, `ALEX BRENNAN`, `O&#x27;Brien`.
//!
//! A text is *folded*: letters and digits are kept in small letters, the characters
//! people and software put between or inside the words of a name (white space, hyphens,
//! underscores, dots, slashes, apostrophes, invisible characters, and their HTML and
//! JSON escapes) are dropped, and everything else becomes a break. A name's skeleton
//! (its letters, in small letters) is then found in the folded text, and a match counts
//! when, in the original text, it does not continue a word on either side; a change
//! from a small letter to a capital (`photoOfAlexBrennan`) is a word edge too.
//!
//! The validator and the output guard both use this, so a form `check` refuses is a
//! form the guard refuses.

use std::ops::Range;

/// Stands in the folded text for a character that is neither a letter nor a joiner.
const BREAK: u8 = 0;

/// HTML and JSON escapes of joiners, dropped like the characters they stand for.
const ESCAPED_JOINERS: [&[u8]; 16] = [
    b"&#39;",
    b"&#x27;",
    b"&#X27;",
    b"&apos;",
    b"&rsquo;",
    b"&lsquo;",
    b"&#8217;",
    b"&#x2019;",
    b"&nbsp;",
    b"&#160;",
    b"&#xa0;",
    b"&shy;",
    b"\\u0027",
    b"\\u2019",
    b"\\u00a0",
    b"\\/",
];

/// Names whose skeleton is shorter than this are not searched for in every output
/// file, since two letters turn up by chance in any long text or image.
pub(crate) const MIN_SKELETON: usize = 3;

/// The letters, digits and accents of `text`, in small letters (`"O'Brien-Smith"` → `obriensmith`).
pub(crate) fn skeleton(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || is_combining_mark(*c))
        .flat_map(small_letters)
        .collect()
}

/// `c` in small letters, as case folding compares it: the long s is an s.
fn small_letters(c: char) -> std::char::ToLowercase {
    if c == '\u{17F}' { 's' } else { c }.to_lowercase()
}

/// `bytes` folded; `origins` (when asked for) holds, for each folded byte, where the
/// character that made it starts in `bytes`. A run of breaks is folded to one break.
pub(crate) fn fold(bytes: &[u8], origins: Option<&mut Vec<u32>>) -> Vec<u8> {
    match origins {
        None => fold_plain(bytes),
        Some(origins) => {
            let mut out = Traced {
                bytes: Vec::with_capacity(bytes.len()),
                origins,
            };
            fold_into(bytes, &mut out);
            out.bytes
        }
    }
}

/// [`fold`] without origins, the guard's path over every output byte: ASCII bytes are
/// written without branching on what they fold to, which is most of an HTML page. The
/// result may start with a break, which changes no match.
fn fold_plain(bytes: &[u8]) -> Vec<u8> {
    let mut out = Slots {
        bytes: vec![BREAK; bytes.len() + 1],
        // `bytes[0]` is a break already there, so a leading break is not doubled.
        len: 1,
    };
    let mut at = 0;
    while at < bytes.len() {
        let folded = TABLE[bytes[at] as usize];
        if folded == SPECIAL {
            at += fold_special(bytes, at, &mut out);
            continue;
        }
        let len = out.len;
        if len == out.bytes.len() {
            out.bytes.push(BREAK);
        }
        out.bytes[len] = folded;
        let keep = folded != SKIP && (folded != BREAK || out.bytes[len - 1] != BREAK);
        out.len += usize::from(keep);
        at += 1;
    }
    out.bytes.truncate(out.len);
    out.bytes
}

/// A buffer written by position, grown only when a character folds to more bytes than
/// it takes (`İ` → `i̇`).
struct Slots {
    bytes: Vec<u8>,
    len: usize,
}

impl Out for Slots {
    fn push(&mut self, byte: u8, _at: usize) {
        if self.len == self.bytes.len() {
            self.bytes.push(byte);
        } else {
            self.bytes[self.len] = byte;
        }
        self.len += 1;
    }
    fn last(&self) -> Option<u8> {
        self.len.checked_sub(1).map(|i| self.bytes[i])
    }
}

/// What an ASCII byte folds to: itself in small letters, nothing, a break, or a look at
/// the bytes after it (an escape, or a character beyond ASCII).
const SKIP: u8 = 0xFF;
const SPECIAL: u8 = 0xFE;
static TABLE: [u8; 256] = fold_table();

const fn fold_table() -> [u8; 256] {
    let mut table = [BREAK; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else if matches!(
            b,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'-' | b'_' | b'.' | b'/' | b'\''
        ) {
            SKIP
        } else if b == b'&' || b == b'\\' || b >= 0x80 {
            SPECIAL
        } else {
            BREAK
        };
        i += 1;
    }
    table
}

/// Whether a byte can be inside a folded match: a letter, a digit, a joiner, part of
/// an escape (`&#x27;`) or of a character beyond ASCII. A match never crosses any other.
pub(crate) fn may_join(byte: u8) -> bool {
    TABLE[byte as usize] != BREAK || byte == b'#' || byte == b';'
}

trait Out {
    fn push(&mut self, byte: u8, at: usize);
    fn last(&self) -> Option<u8>;
}

struct Traced<'a> {
    bytes: Vec<u8>,
    origins: &'a mut Vec<u32>,
}

impl Out for Traced<'_> {
    fn push(&mut self, byte: u8, at: usize) {
        self.bytes.push(byte);
        self.origins.push(u32::try_from(at).unwrap_or(u32::MAX));
    }
    fn last(&self) -> Option<u8> {
        self.bytes.last().copied()
    }
}

fn push_break(out: &mut impl Out, at: usize) {
    if out.last() != Some(BREAK) {
        out.push(BREAK, at);
    }
}

fn fold_into(bytes: &[u8], out: &mut impl Out) {
    let mut at = 0;
    while at < bytes.len() {
        match TABLE[bytes[at] as usize] {
            SKIP => at += 1,
            BREAK => {
                push_break(out, at);
                at += 1;
            }
            SPECIAL => at += fold_special(bytes, at, out),
            letter => {
                out.push(letter, at);
                at += 1;
            }
        }
    }
}

/// Folds the escape or non-ASCII character at `at`; returns how many bytes it took.
fn fold_special(bytes: &[u8], at: usize, out: &mut impl Out) -> usize {
    if bytes[at].is_ascii() {
        return match ESCAPED_JOINERS.iter().find(|e| bytes[at..].starts_with(e)) {
            Some(escape) => escape.len(),
            None => {
                push_break(out, at);
                1
            }
        };
    }
    let Some((c, len)) = decode(bytes, at) else {
        push_break(out, at);
        return 1;
    };
    if is_joiner(c) {
    } else if c.is_alphanumeric() || is_combining_mark(c) {
        let mut buf = [0u8; 4];
        for lower in small_letters(c) {
            for b in lower.encode_utf8(&mut buf).bytes() {
                out.push(b, at);
            }
        }
    } else {
        push_break(out, at);
    }
    len
}

/// The character starting at `at`, if the bytes there are valid UTF-8.
fn decode(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let end = (at + 4).min(bytes.len());
    let chunk = &bytes[at..end];
    let valid = match std::str::from_utf8(chunk) {
        Ok(text) => text,
        Err(err) => std::str::from_utf8(&chunk[..err.valid_up_to()]).ok()?,
    };
    let c = valid.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Characters written between or inside the words of a name that do not end it.
fn is_joiner(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{2010}'..='\u{2013}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{2bc}'
                | '\u{ad}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'
                | '\u{feff}'
        )
}

/// The combining accent blocks: a letter followed by one of these is another letter
/// (`Zoe` + U+0308 is "Zoë"), so they continue a word.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Whether the letters `before` and `after` a match (None at either end of the text)
/// leave it a word of its own. Digits do not join a name (`brennan2024.jpg`), and a
/// capital after a small letter starts a new word (`photoOfAlexBrennan`).
pub(crate) fn stands_alone(
    before: Option<char>,
    first: Option<char>,
    last: Option<char>,
    after: Option<char>,
) -> bool {
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() || is_combining_mark(c));
    let camel_before =
        before.is_some_and(char::is_lowercase) && first.is_some_and(char::is_uppercase);
    let camel_after = last.is_some_and(char::is_lowercase) && after.is_some_and(char::is_uppercase);
    (!joins(before) || camel_before) && (!joins(after) || camel_after)
}

/// Byte ranges in `bytes` where `skeleton` (from [`skeleton`]) stands as a word, given
/// the text already folded with its origins.
pub(crate) fn find_folded(
    bytes: &[u8],
    folded: &[u8],
    origins: &[u32],
    skeleton: &[u8],
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if skeleton.is_empty() {
        return found;
    }
    for at in memchr::memmem::find_iter(folded, skeleton) {
        if let Some(range) = standing_match(bytes, origins, at, skeleton.len()) {
            if found
                .last()
                .is_none_or(|r: &Range<usize>| range.start >= r.end)
            {
                found.push(range);
            }
        }
    }
    found
}

/// The byte range in `bytes` of the `len` folded bytes found at `at`, if it stands as
/// a word there.
pub(crate) fn standing_match(
    bytes: &[u8],
    origins: &[u32],
    at: usize,
    len: usize,
) -> Option<Range<usize>> {
    let start = *origins.get(at)? as usize;
    let last_start = *origins.get(at + len.checked_sub(1)?)? as usize;
    let end = last_start + decode(bytes, last_start).map_or(1, |(_, len)| len);
    let first = decode(bytes, start).map(|(c, _)| c);
    let last = decode(bytes, last_start).map(|(c, _)| c);
    stands_alone(
        char_before(bytes, start),
        first,
        last,
        char_after(bytes, end),
    )
    .then_some(start..end)
}

/// The character that ends just before `at`, skipping back over combining marks is
/// not needed: a mark is itself a word character.
fn char_before(bytes: &[u8], at: usize) -> Option<char> {
    let from = at.saturating_sub(4);
    (from..at).find_map(|start| match decode(bytes, start) {
        Some((c, len)) if start + len == at => Some(c),
        _ => None,
    })
}

fn char_after(bytes: &[u8], at: usize) -> Option<char> {
    (at < bytes.len()).then(|| decode(bytes, at).map(|(c, _)| c))?
}

/// Finds one or more skeletons (the full name, runs of its parts) in a text.
#[derive(Debug, Clone)]
pub(crate) struct Skeletons {
    skeletons: Vec<Vec<u8>>,
}

impl Skeletons {
    /// Skeletons of fewer than `min_letters` letters are left out.
    pub(crate) fn new(skeletons: impl IntoIterator<Item = String>, min_letters: usize) -> Self {
        let mut skeletons: Vec<Vec<u8>> = skeletons
            .into_iter()
            .filter(|s| !s.is_empty() && s.chars().count() >= min_letters)
            .map(String::into_bytes)
            .collect();
        skeletons.sort();
        skeletons.dedup();
        Skeletons { skeletons }
    }

    /// Every place any skeleton stands as a word in `text`, in order, not overlapping
    /// (the longest wins where two start at once).
    pub(crate) fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        if self.skeletons.is_empty() {
            return Vec::new();
        }
        let bytes = text.as_bytes();
        let mut origins = Vec::with_capacity(bytes.len());
        let folded = fold(bytes, Some(&mut origins));
        let ranges: Vec<Range<usize>> = self
            .skeletons
            .iter()
            .flat_map(|s| find_folded(bytes, &folded, &origins, s))
            .collect();
        first_longest(ranges)
    }
}

/// `ranges` in order with overlaps removed, the longer kept where two start together, so
/// "Will Smith" found as the name and as "Smith" is one place, not two.
pub(crate) fn first_longest(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        if kept.last().is_none_or(|last| range.start >= last.end) {
            kept.push(range);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(name: &str, text: &'t str) -> Vec<&'t str> {
        Skeletons::new([skeleton(name)], 1)
            .find_in(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn every_way_of_running_a_name_together() {
        let name = "Alex Brennan";
        for (text, leak) in [
            ("by alex-brennan.", "alex-brennan"),
            ("alex_brennan_2024.jpg", "alex_brennan"),
            ("see Alex.Brennan here", "Alex.Brennan"),
            ("/people/alex/brennan/", "alex/brennan"),
            ("#AlexBrennan rocks", "AlexBrennan"),
            ("#alexbrennan", "alexbrennan"),
            ("photoOfAlexBrennanAtWork", "AlexBrennan"),
            ("ALEX  BRENNAN", "ALEX  BRENNAN"),
            ("alex\n brennan", "alex\n brennan"),
            ("Alex Brennan’s", "Alex Brennan"),
            ("alex&nbsp;brennan", "alex&nbsp;brennan"),
            ("alex\u{ad}bren\u{200b}nan", "alex\u{ad}bren\u{200b}nan"),
        ] {
            assert_eq!(found(name, text), [leak], "{text}");
        }
    }

    #[test]
    fn a_longer_word_is_not_the_name() {
        let name = "Alex Brennan";
        for text in [
            "alexbrennanx",
            "salexbrennan",
            "Alex Brennans",
            "xalex brennan",
        ] {
            assert_eq!(found(name, text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn escaped_apostrophes_and_accents() {
        assert_eq!(
            found("Siobhán O'Neill", "SIOBHÁN O&#x27;NEILL"),
            ["SIOBHÁN O&#x27;NEILL"]
        );
        assert_eq!(found("Zoe Smith", "zoe\u{308}smith"), Vec::<&str>::new());
    }

    #[test]
    fn binary_bytes_are_breaks() {
        let bytes = b"\xff\xfealexbrennan\xff";
        let mut origins = Vec::new();
        let folded = fold(bytes, Some(&mut origins));
        let ranges = find_folded(bytes, &folded, &origins, b"alexbrennan");
        assert_eq!(ranges, vec![Range { start: 2, end: 13 }]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_ranges_are_in_the_text(name in "\\PC*", text in "\\PC*") {
            for range in Skeletons::new([skeleton(&name)], 1).find_in(&text) {
                proptest::prop_assert!(text.get(range).is_some());
            }
        }
    }
}
