//! Words as the index sees them. Every decision about a word (folding, splitting,
//! stemming) is made here, at build time; the browser only looks written forms up in
//! the dictionary this produces, so the two sides can never disagree about a stem.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};
#[cfg(test)]
use unicode_normalization::UnicodeNormalization;

/// Longer "words" are URLs or noise: nobody types them, and they would bloat the
/// dictionary.
const MAX_WORD_CHARS: usize = 40;

/// Lowercase, compatibility-decomposed and without accents: "Zoë" and "ZOE" fold to
/// "zoe", "ﬁle" to "file". `search-engine.js` folds a query the same way with
/// `normalize('NFKD')`, so a typed word meets the form the build stored.
#[cfg(test)]
pub(crate) fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The written forms of `text` in order. Apostrophes inside a word are dropped
/// ("colleague's" is "colleagues", "don't" is "dont"), every other character that is
/// not a letter or digit separates words ("decision-making" is two words).
#[cfg(test)]
pub(crate) fn words(text: &str) -> Vec<String> {
    let clean = searchable(text);
    word_slices(&clean).map(str::to_string).collect()
}

/// `text` folded, with apostrophes inside words removed: ready for [`word_slices`].
///
/// The same as [`fold`] then dropping apostrophes, one character at a time: NFKD
/// only reorders combining marks, which are dropped anyway, so each character can be
/// decomposed on its own, and ASCII (most text) needs no decomposition at all.
pub(crate) fn searchable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_word = false;
    let mut push = |c: char| {
        if is_apostrophe(c) && in_word {
            // Joins the letters either side.
            return;
        }
        in_word = c.is_alphanumeric();
        out.push(c);
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
            continue;
        }
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                d.to_lowercase().for_each(&mut push);
            }
        });
    }
    out
}

/// The words of a [`searchable`] text, without copying them.
pub(crate) fn word_slices(clean: &str) -> impl Iterator<Item = &str> {
    clean
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// English Snowball stemming for written forms.
pub(crate) struct Stems {
    stemmer: Stemmer,
}

impl Stems {
    pub(crate) fn english() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The stem of a folded form. Numbers are kept as written: "2024" is not a word
    /// to stem, and "1s" must not meet "1".
    pub(crate) fn stem(&self, form: &str) -> String {
        if form.chars().any(|c| c.is_numeric()) {
            return form.to_string();
        }
        self.stemmer.stem(form).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_compatibility_forms() {
        assert_eq!(fold("Zoë BRONTË"), "zoe bronte");
        assert_eq!(fold("Ångström café"), "angstrom cafe");
        assert_eq!(fold("ﬁle"), "file");
    }

    #[test]
    fn splits_on_punctuation_and_joins_apostrophes() {
        assert_eq!(
            words("A colleague's \"decision-making\", don’t—2024!"),
            ["a", "colleagues", "decision", "making", "dont", "2024"]
        );
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words("'quoted'"), ["quoted"]);
    }

    #[test]
    fn searchable_text_is_the_folded_text_without_inner_apostrophes() {
        for text in [
            "Zoë BRONTË's café, ﬁle ＡＢＣ",
            "e\u{301}\u{323} o\u{323}\u{302} Ⅻ ½ Straße İstanbul",
            "don’t ʼtis colleague's 'quoted'",
        ] {
            let mut expected = String::new();
            let mut in_word = false;
            for c in fold(text).chars() {
                if is_apostrophe(c) && in_word {
                    continue;
                }
                in_word = c.is_alphanumeric();
                expected.push(c);
            }
            assert_eq!(searchable(text), expected, "{text}");
        }
    }

    #[test]
    fn drops_words_nobody_types() {
        let long = "a".repeat(41);
        assert_eq!(words(&format!("short {long} end")), ["short", "end"]);
    }

    #[test]
    fn stems_english_but_not_numbers() {
        let stems = Stems::english();
        assert_eq!(stems.stem("fostering"), stems.stem("fostered"));
        assert_eq!(stems.stem("studies"), stems.stem("study"));
        assert_eq!(stems.stem("2024"), "2024");
        assert_eq!(stems.stem("covid19s"), "covid19s");
    }
}
