//! Fingerprints that survive unrelated edits.
//!
//! A fingerprint is made from the file's repository path, the problem's code and the
//! text of the line it is on (or its message, for a problem about the whole file), never
//! from the line number: adding a paragraph above a problem moves it down but leaves its
//! fingerprint alone, so GitLab and code scanning do not report it as fixed and new
//! again. The same problem on two identical lines of one file is told apart by counting
//! them in order.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;

/// Hands out fingerprints, counting repeats of the same problem on the same text.
#[derive(Default)]
pub(crate) struct Fingerprints {
    seen: HashMap<u128, u32>,
}

impl Fingerprints {
    pub(crate) fn next(
        &mut self,
        path: &str,
        diagnostic: &Diagnostic,
        text: Option<&str>,
    ) -> String {
        let anchor = line_text(text, diagnostic.line).unwrap_or(&diagnostic.message);
        let key = stable_hash(&[path, diagnostic.code, anchor.trim()]);
        let count = self.seen.entry(key).or_insert(0);
        *count += 1;
        format!(
            "{:032x}",
            stable_hash(&[&key.to_string(), &count.to_string()])
        )
    }
}

/// The text of a 1-based line, after any byte-order mark; None for line 0 or past the end.
fn line_text(text: Option<&str>, line: usize) -> Option<&str> {
    let text = text?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    line.checked_sub(1).and_then(|i| text.lines().nth(i))
}

/// 128-bit FNV-1a over the parts with a separator between them. Written out rather than
/// taken from `std::hash`, whose output may change between Rust releases: a fingerprint
/// must be the same next year as today.
fn stable_hash(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash ^= 0x1f;
            hash = hash.wrapping_mul(PRIME);
        }
        for byte in part.bytes() {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(line: usize) -> Diagnostic {
        Diagnostic::error("PP0301", "content/stories/a.md", "a telephone number").at(line, 3, 5)
    }

    #[test]
    fn moving_a_line_keeps_its_fingerprint() {
        let before = "---\ntitle: A\n---\nCall 01632 960000.\n";
        let after = "---\ntitle: A\n---\nA new paragraph.\n\nCall 01632 960000.\n";
        let a = Fingerprints::default().next("a.md", &problem(4), Some(before));
        let b = Fingerprints::default().next("a.md", &problem(6), Some(after));
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn repeats_differ_and_other_files_differ() {
        let text = "x\nsame\nsame\n";
        let mut prints = Fingerprints::default();
        let first = prints.next("a.md", &problem(2), Some(text));
        let second = prints.next("a.md", &problem(3), Some(text));
        assert_ne!(first, second);
        let other = Fingerprints::default().next("b.md", &problem(2), Some(text));
        assert_ne!(first, other);
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        // The published FNV-1a 128-bit value of the empty input is its offset basis.
        assert_eq!(stable_hash(&[""]), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(stable_hash(&["a"]), 0xd228cb696f1a8caf78912b704e4a8964);
    }
}
