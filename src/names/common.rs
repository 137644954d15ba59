//! Whether a name part is an everyday English word, which decides how strictly it is
//! matched: "Rose" or "Hall" written alone in small letters is the ordinary word.

use std::collections::HashSet;
use std::sync::OnceLock;

/// SCOWL size 35, British spelling, small-letter entries only (see
/// `data/common-words/README.md` for where it comes from and its licence).
const WORDS: &str = include_str!("../../data/common-words/british-english-small.txt");

fn words() -> &'static HashSet<&'static str> {
    static WORDS_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS_SET.get_or_init(|| WORDS.lines().map(str::trim).collect())
}

/// Whether `part` (any case, apostrophes and accents as written) is a common word.
pub(crate) fn is_common_word(part: &str) -> bool {
    let lower = part.to_lowercase();
    words().contains(lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_are_common_and_rarer_surnames_are_not() {
        for word in ["Rose", "may", "GREEN", "Hall", "will", "grace"] {
            assert!(is_common_word(word), "{word}");
        }
        for name in ["Brennan", "alex", "Okafor", "Siobhán", "Priya"] {
            assert!(!is_common_word(name), "{name}");
        }
    }
}
