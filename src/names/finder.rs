//! Finds an anonymous person's name, or a file's `sensitive_terms`, in published text.
//!
//! The rule (written for users in `docs/anonymity.md`):
//! - the full name, and any two or more of its parts next to each other in order, in
//!   any case, written with spaces, line breaks, hyphens, underscores, dots or slashes
//!   between them or run together: `Alex Brennan`, `alex-brennan`, `alex_brennan`,
//!   `AlexBrennan`, `#alexbrennan`, `/alex/brennan/` (see [`super::skeleton`]). This
//!   holds for a one-word name too (`Grace` finds `grace`): noisy for such a name, but
//!   a leak is worse;
//! - a part of the name of three letters or more (split at spaces and hyphens) that is
//!   not an everyday English word (`Brennan`, `Okafor`), in any case: `brennan` in a
//!   tag, a file name or a link is the name;
//! - a part that is an everyday word (`Rose`, `May`, `Green`, `Will`) **written with its
//!   capital**: `Will` and `WILL` are caught, `will` is not. A part written in small
//!   letters in the name itself (`van` in "Lotte van Dijk") is also only caught with its
//!   capital, since it is ordinary text;
//! - as a whole word: not next to a letter or combining accent, so `Willow` and
//!   `Annabel` do not contain `Will` and `Anna`, but `Will's`, `_Will_`, `(Will)`,
//!   `brennan2024` and `photoOfBrennan` (a capital after a small letter) do;
//! - straight and curly apostrophes are the same character, so `O'Brien` in the front
//!   matter finds `O’Brien` in the body and the reverse, and `obrien` in an address.
//!
//! Letters are compared one by one with Unicode case folding, so `Łukasz`, `Siobhán` and
//! `Zoë` work; a name typed with a separate combining accent (`Zoe` + U+0308) is not
//! the same text as one typed with the accented letter, so callers that may see both
//! should normalise text and names to NFC first.

use std::ops::Range;

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use super::common::is_common_word;
use super::skeleton::{first_longest, is_combining_mark, skeleton, stands_alone, Skeletons};

/// Characters people and word processors use as an apostrophe.
const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{2bc}'];

/// Characters written between the parts of a hyphenated name.
const HYPHENS: [char; 4] = ['-', '\u{2010}', '\u{2011}', '\u{2013}'];

/// Finds one anonymous person's name in text. Build it once per person and reuse it
/// for every field of the file.
#[derive(Debug)]
pub(crate) struct NameMatcher {
    /// The full name and runs of its parts, in any case and any joining.
    runs: Skeletons,
    full_skeleton: String,
    runs_ascii_full: String,
    parts: Vec<Finder>,
}

impl NameMatcher {
    /// A matcher for `full_name` as written in the front matter, e.g. `"Will O'Brien"`.
    pub(crate) fn new(full_name: &str) -> Self {
        let parts = name_parts(full_name);
        let full_skeleton = skeleton(full_name);
        // Addresses write "Siobhán" as "siobhan".
        let mut runs = vec![
            full_skeleton.clone(),
            skeleton(&crate::util::slugify(full_name)),
        ];
        for from in 0..parts.len() {
            for to in from + 2..=parts.len() {
                runs.push(parts[from..to].iter().map(|p| skeleton(p)).collect());
            }
        }
        let mut finders: Vec<Finder> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for part in &parts {
            let lower = part.to_lowercase();
            if letter_count(part) < 3 || seen.contains(&lower) {
                continue;
            }
            seen.push(lower);
            if is_common_word(part) || starts_small(part) {
                finders.push(Finder::capitalised(part));
            } else {
                finders.push(Finder::whole(part));
                if part.contains(APOSTROPHES) {
                    // Addresses and file names drop the apostrophe: `obrien`.
                    finders.push(Finder::whole(&part.replace(APOSTROPHES, "")));
                }
            }
        }
        NameMatcher {
            runs: Skeletons::new(runs, 1),
            runs_ascii_full: skeleton(&crate::util::slugify(full_name)),
            full_skeleton,
            parts: finders,
        }
    }

    /// Every place the name appears in `text`, as byte ranges in order, not overlapping.
    ///
    /// Where the full name and a part both match, the longer range is kept, so
    /// "Will Smith" is one leak, not two.
    pub(crate) fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = self.runs.find_in(text);
        ranges.extend(
            self.parts
                .iter()
                .flat_map(|finder| finder.find_whole_words(text)),
        );
        first_longest(ranges)
    }

    /// Whether `found` (a text this matcher found) is the whole name, in any writing.
    pub(crate) fn is_full_name(&self, found: &str) -> bool {
        let found = skeleton(found);
        !self.full_skeleton.is_empty()
            && (found == self.full_skeleton || found == self.runs_ascii_full)
    }
}

/// The parts of `full_name` that are matched alone in any case (not everyday words, at
/// least three letters), with the apostrophe-free writing addresses use (`obrien`).
pub(crate) fn uncommon_parts(full_name: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for part in name_parts(full_name) {
        if letter_count(part) < 3 || is_common_word(part) || starts_small(part) {
            continue;
        }
        for writing in [part.to_string(), part.replace(APOSTROPHES, "")] {
            if !found.contains(&writing) {
                found.push(writing);
            }
        }
    }
    found
}

/// The parts of a name: its words, and each hyphenated word's pieces, without
/// apostrophes at their ends.
fn name_parts(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .flat_map(|word| word.split(HYPHENS))
        .map(trim_apostrophes)
        .filter(|part| part.chars().any(char::is_alphanumeric))
        .collect()
}

/// A part the name itself writes in small letters (`van`): ordinary text.
fn starts_small(part: &str) -> bool {
    part.chars().next().is_some_and(char::is_lowercase)
}

/// Every place one of `terms` (a file's `sensitive_terms`) appears in `text`, as the
/// term's index in `terms` and a byte range, in order of position.
///
/// Terms match in any case, as whole words, with straight and curly apostrophes alike
/// and any run of white space between their words. Blank terms match nothing. Terms
/// that overlap each other (`Oak` and `Little Oak`) are each reported.
pub(crate) fn find_terms(text: &str, terms: &[String]) -> Vec<(usize, Range<usize>)> {
    let mut found: Vec<(usize, Range<usize>)> = terms
        .iter()
        .enumerate()
        .filter(|(_, term)| !term.trim().is_empty())
        .flat_map(|(index, term)| {
            Finder::whole(term)
                .find_whole_words(text)
                .into_iter()
                .map(move |range| (index, range))
        })
        .collect();
    found.sort_by_key(|(index, range)| (range.start, range.end, *index));
    found
}

/// A search for one name, part or term. The regex is compiled only when a text could
/// hold a match: most texts do not mention most names, and compiling a case-insensitive
/// Unicode pattern costs more than reading a story for one run of its letters.
#[derive(Debug)]
struct Finder {
    pattern: String,
    text: String,
    /// The longest run of ASCII letters and digits in the text, lowercased: every match
    /// holds it (in any case), whatever apostrophes, hyphens and spaces surround it.
    needle: Option<Vec<u8>>,
    compiled: OnceLock<Compiled>,
}

#[derive(Debug)]
enum Compiled {
    Pattern(Regex),
    /// Only if the pattern is too large for the regex engine (a name thousands of
    /// characters long): an exact search still keeps the promise for the text as written.
    Literal(String),
}

impl Finder {
    /// The text in any case, with its apostrophes, hyphens and white space loosened.
    fn whole(text: &str) -> Self {
        let text = text.trim();
        Finder::new(format!("(?i){}", loose_pattern(text)), text)
    }

    /// A part of a name: its first letter as a capital, the rest in any case.
    fn capitalised(part: &str) -> Self {
        let mut chars = part.chars();
        let Some(first) = chars.next() else {
            return Finder::new(String::new(), "");
        };
        let capital = capital_pattern(first);
        Finder::new(
            format!("{capital}(?i:{})", loose_pattern(chars.as_str())),
            part,
        )
    }

    fn new(pattern: String, text: &str) -> Self {
        Finder {
            pattern,
            text: text.to_string(),
            needle: ascii_needle(text),
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            if self.pattern.is_empty() {
                return Compiled::Literal(String::new());
            }
            RegexBuilder::new(&self.pattern)
                .size_limit(64 << 20)
                .build()
                .map_or_else(|_| Compiled::Literal(self.text.clone()), Compiled::Pattern)
        })
    }

    /// Matches with word boundaries on both sides. After a match that is not a whole
    /// word the search goes on from the end of the word it started in, so "Annanna Anna"
    /// still finds the second "Anna", and a long run of letters stays linear.
    fn find_whole_words(&self, text: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if self
            .needle
            .as_ref()
            .is_some_and(|needle| !may_hold(text, needle))
        {
            return found;
        }
        let mut from = 0;
        while from <= text.len() {
            let Some(range) = self.find_at(text, from) else {
                break;
            };
            if range.is_empty() {
                break;
            }
            if is_whole_word(text, &range) {
                from = range.end;
                found.push(range);
            } else {
                from = after_word(text, range.start);
            }
        }
        found
    }

    fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
        match self.compiled() {
            Compiled::Pattern(regex) => regex.find_at(text, from).map(|m| m.range()),
            Compiled::Literal(literal) if literal.is_empty() => None,
            Compiled::Literal(literal) => text
                .get(from..)?
                .find(literal.as_str())
                .map(|i| from + i..from + i + literal.len()),
        }
    }
}

/// See [`Finder::needle`]; None when the text has no run of three such characters, and
/// then the regex is always used.
fn ascii_needle(text: &str) -> Option<Vec<u8>> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .max_by_key(|run| run.len())
        .filter(|run| run.len() >= 3)
        .map(|run| run.to_ascii_lowercase().into_bytes())
}

/// Whether `text` could hold `needle` (lowercase ASCII) with case ignored the way the
/// regex ignores it. Unicode case folding also makes the Kelvin sign match `k` and the
/// long s match `s`, so those are read as the letters they fold to; no other non-ASCII
/// character folds to an ASCII letter or digit.
fn may_hold(text: &str, needle: &[u8]) -> bool {
    let folded: Vec<u8> = text
        .chars()
        .map(|c| match c {
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            '\u{212A}' => b'k',
            '\u{17F}' => b's',
            _ => 0xFF,
        })
        .collect();
    memchr::memmem::find(&folded, needle).is_some()
}

/// A regex for `text` where any apostrophe matches any apostrophe, a run of white space
/// matches any run of white space, and a hyphen matches any hyphen or en dash with
/// optional white space (a line may wrap after it).
fn loose_pattern(text: &str) -> String {
    let apostrophe_class = format!("[{}]", APOSTROPHES.iter().collect::<String>());
    let hyphen_class = format!(r"\s*[{}]\s*", HYPHENS.iter().collect::<String>());
    let mut pattern = String::with_capacity(text.len() * 2);
    let mut in_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !in_space {
                pattern.push_str(r"\s+");
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if APOSTROPHES.contains(&ch) {
            pattern.push_str(&apostrophe_class);
        } else if HYPHENS.contains(&ch) {
            pattern.push_str(&hyphen_class);
        } else {
            pattern.push_str(&regex::escape(ch.encode_utf8(&mut [0; 4])));
        }
    }
    pattern
}

/// A case-sensitive pattern for the capital of `first`, whether the name wrote it as a
/// capital or not.
fn capital_pattern(first: char) -> String {
    let mut upper = first.to_uppercase();
    let capital = match (upper.next(), upper.next()) {
        (Some(single), None) => single,
        // A letter whose capital is two letters (ß → SS) is not a name's first letter;
        // keep it as written rather than guess.
        _ => first,
    };
    regex::escape(capital.encode_utf8(&mut [0; 4]))
}

fn trim_apostrophes(text: &str) -> &str {
    text.trim_matches(APOSTROPHES.as_slice())
}

fn letter_count(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `range` of `text` stands as a word (see [`stands_alone`]).
fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|t| t.chars().next_back());
    let after = text.get(range.end..).and_then(|t| t.chars().next());
    let found = text.get(range.clone()).unwrap_or("");
    stands_alone(
        before,
        found.chars().next(),
        found.chars().next_back(),
        after,
    )
}

/// The first place after `start` that does not follow a word character: no whole word
/// can start before it.
fn after_word(text: &str, start: usize) -> usize {
    let mut end = start;
    for c in text[start..].chars() {
        end += c.len_utf8();
        if !is_word_char(c) {
            break;
        }
    }
    end
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matched texts, for readable assertions.
    fn leaks<'t>(name: &str, text: &'t str) -> Vec<&'t str> {
        NameMatcher::new(name)
            .find_in(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    fn terms(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    // --- full name --------------------------------------------------------------------

    #[test]
    fn letters_that_fold_to_ascii_are_still_found() {
        // Case folding makes the Kelvin sign a k and the long s an s; the quick check
        // that skips texts without the name must agree.
        assert_eq!(
            leaks("Kate Smith", "by \u{212A}ate smith today"),
            ["\u{212A}ate smith"]
        );
        assert_eq!(leaks("Ros Smith", "ro\u{17F} smith"), ["ro\u{17F} smith"]);
        assert_eq!(leaks("Ros Smith", "no one here"), Vec::<&str>::new());
    }

    #[test]
    fn texts_without_the_name_are_not_searched() {
        let matcher = NameMatcher::new("Priya Ramanathan");
        assert!(matcher.find_in("A visit to the family home.").is_empty());
        assert!(matcher.parts.iter().all(|f| f.compiled.get().is_none()));
        assert_eq!(matcher.find_in("PRIYA came").len(), 1);
    }

    #[test]
    fn full_name_range_is_exact() {
        let text = "Thanks to Will Smith for everything.";
        assert_eq!(NameMatcher::new("Will Smith").find_in(text), vec![10..20]);
    }

    #[test]
    fn full_name_in_any_case() {
        assert_eq!(leaks("Will Smith", "will smith helped"), vec!["will smith"]);
        assert_eq!(leaks("Will Smith", "WILL SMITH helped"), vec!["WILL SMITH"]);
        assert_eq!(leaks("will smith", "Will Smith helped"), vec!["Will Smith"]);
    }

    #[test]
    fn full_name_across_a_line_break_and_extra_spaces() {
        assert_eq!(
            leaks("Will Smith", "thanks to will\n   smith today"),
            vec!["will\n   smith"]
        );
        assert_eq!(
            leaks("Will  Smith", "thanks to will smith"),
            vec!["will smith"]
        );
    }

    #[test]
    fn full_name_is_one_leak_not_two() {
        assert_eq!(leaks("Will Smith", "Will Smith"), vec!["Will Smith"]);
    }

    #[test]
    fn full_name_inside_a_longer_word_is_not_a_leak_but_its_part_is() {
        assert_eq!(leaks("Will Smith", "Will Smithson came"), vec!["Will"]);
    }

    // --- parts ------------------------------------------------------------------------

    #[test]
    fn a_rare_part_is_the_name_in_any_case() {
        let name = "Alex Brennan";
        assert_eq!(leaks(name, "tags: [brennan]"), vec!["brennan"]);
        assert_eq!(
            leaks(name, "/media/images/brennan-award.jpg"),
            vec!["brennan"]
        );
        assert_eq!(leaks(name, "photoOfBrennan.jpg"), vec!["Brennan"]);
        assert_eq!(leaks(name, "brennan2024.jpg"), vec!["brennan"]);
        assert_eq!(leaks(name, "ask alex"), vec!["alex"]);
        assert_eq!(
            leaks(name, "the brennans and alexander"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn an_everyday_word_part_needs_its_capital_or_another_part() {
        let name = "Rose Hall";
        assert_eq!(
            leaks(name, "a rose by the hall; may the green"),
            Vec::<&str>::new()
        );
        assert_eq!(leaks(name, "Rose came"), vec!["Rose"]);
        assert_eq!(
            leaks(name, "tags: [rose-hall, rosehall]"),
            vec!["rose-hall", "rosehall"]
        );
        assert_eq!(leaks(name, "#RoseHall"), vec!["RoseHall"]);
        assert_eq!(
            leaks("Mary Rose Green", "a rose green dress"),
            vec!["rose green"]
        );
    }

    #[test]
    fn an_apostrophe_name_without_its_apostrophe() {
        assert_eq!(leaks("Siobhan O'Brien", "/people/obrien/"), vec!["obrien"]);
    }

    #[test]
    fn part_with_its_capital_is_a_leak() {
        let text = "Then Will said hello.";
        assert_eq!(NameMatcher::new("Will Smith").find_in(text), vec![5..9]);
    }

    #[test]
    fn part_without_its_capital_is_not_a_leak() {
        assert_eq!(
            leaks("Will Smith", "We will help the smith."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn part_in_capitals_is_a_leak() {
        assert_eq!(
            leaks("Will Smith", "WILL said SMITH"),
            vec!["WILL", "SMITH"]
        );
    }

    #[test]
    fn part_with_odd_inner_case_is_a_leak() {
        assert_eq!(leaks("Sam McDonald", "Mr Mcdonald came"), vec!["Mcdonald"]);
    }

    #[test]
    fn part_written_small_in_the_name_needs_a_capital_in_the_text() {
        assert_eq!(
            leaks(
                "Lotte van Dijk",
                "a van arrived; Van rang; Dijk rang; van dijk rang"
            ),
            vec!["Van", "Dijk", "van dijk"]
        );
    }

    #[test]
    fn parts_shorter_than_three_letters_are_not_leaks() {
        assert_eq!(leaks("Jo Li", "Jo and Li came"), Vec::<&str>::new());
        assert_eq!(leaks("Jo Li", "then jo li came"), vec!["jo li"]);
    }

    #[test]
    fn part_inside_a_longer_word_is_not_a_leak() {
        assert_eq!(
            leaks("Will Anna", "Willow, Annabel and SWill came"),
            Vec::<&str>::new()
        );
        // A digit does not make a longer word: `Will2` and `brennan2024.jpg` hold a name.
        assert_eq!(leaks("Will Anna", "Will2 came"), vec!["Will"]);
    }

    #[test]
    fn a_rejected_candidate_does_not_hide_the_next() {
        assert_eq!(
            NameMatcher::new("Anna Jones").find_in("Annanna Anna"),
            vec![8..12]
        );
    }

    #[test]
    fn possessives_are_leaks_with_either_apostrophe() {
        assert_eq!(
            leaks("Will Smith", "Will's plan and Will’s notes"),
            vec!["Will", "Will"]
        );
    }

    #[test]
    fn markdown_around_a_name_does_not_hide_it() {
        assert_eq!(
            leaks("Will Smith", "**Will** and _Will_ and [Will](x) and (Will)"),
            vec!["Will", "Will", "Will", "Will"]
        );
    }

    // --- apostrophes and hyphens ------------------------------------------------------

    #[test]
    fn straight_apostrophe_in_name_finds_curly_in_text() {
        assert_eq!(leaks("Siobhan O'Brien", "Ms O’Brien rang"), vec!["O’Brien"]);
        assert_eq!(
            leaks("Siobhan O'Brien", "siobhan o’brien rang"),
            vec!["siobhan o’brien"]
        );
    }

    #[test]
    fn curly_apostrophe_in_name_finds_straight_in_text() {
        assert_eq!(leaks("Siobhan O’Brien", "Ms O'Brien rang"), vec!["O'Brien"]);
    }

    #[test]
    fn hyphenated_name_whole_and_in_parts() {
        let name = "Amy Smith-Jones";
        assert_eq!(leaks(name, "Ms Smith-Jones came"), vec!["Smith-Jones"]);
        assert_eq!(
            leaks(name, "Smith came, then Jones"),
            vec!["Smith", "Jones"]
        );
        assert_eq!(leaks(name, "amy smith-jones came"), vec!["amy smith-jones"]);
        assert_eq!(leaks(name, "amy smith–jones came"), vec!["amy smith–jones"]);
        assert_eq!(
            leaks(name, "amy smith-\njones came"),
            vec!["amy smith-\njones"]
        );
    }

    #[test]
    fn hyphenated_first_name_parts() {
        assert_eq!(
            leaks("Anne-Marie Lee", "Anne came, then Marie, then Anne-Marie"),
            vec!["Anne", "Marie", "Anne-Marie"]
        );
    }

    // --- non-ASCII names --------------------------------------------------------------

    #[test]
    fn accented_names_in_any_case_and_with_capital() {
        // "Zoë" is not an everyday word, so it is the name in small letters too.
        let text = "Zoë rang; ZOË ADEYEMI wrote; zoë did too.";
        let ranges = NameMatcher::new("Zoë Adeyemi").find_in(text);
        assert_eq!(ranges, vec![0..4, 11..23, 31..35]);
        assert_eq!(&text[11..23], "ZOË ADEYEMI");
    }

    #[test]
    fn polish_and_irish_names() {
        assert_eq!(
            leaks("Łukasz Nowak", "ŁUKASZ and Łukasz, and łukasz"),
            vec!["ŁUKASZ", "Łukasz", "łukasz"]
        );
        assert_eq!(
            leaks("Siobhán Kelly", "siobhán kelly"),
            vec!["siobhán kelly"]
        );
        assert_eq!(leaks("Siobhán Kelly", "Siobhán's team"), vec!["Siobhán"]);
    }

    #[test]
    fn accented_letter_next_to_a_name_keeps_it_inside_a_word() {
        assert_eq!(leaks("Zoe Smith", "Zoë came"), Vec::<&str>::new());
        assert_eq!(leaks("Zoe Smith", "Zoe\u{308} came"), Vec::<&str>::new());
        assert_eq!(leaks("Ana Smith", "Anaïs came"), Vec::<&str>::new());
    }

    #[test]
    fn one_word_name_is_a_full_name_in_any_case() {
        assert_eq!(leaks("Grace", "by grace, Grace"), vec!["grace", "Grace"]);
        assert_eq!(leaks("Jo", "Jo and jo"), vec!["Jo", "jo"]);
    }

    #[test]
    fn blank_name_finds_nothing() {
        assert_eq!(leaks("", "anything at all"), Vec::<&str>::new());
        assert_eq!(leaks("   ", "anything at all"), Vec::<&str>::new());
    }

    #[test]
    fn regex_characters_in_a_name_are_literal() {
        assert_eq!(
            leaks("A.J. Bell", "AxJx Bell and A.J. Bell"),
            vec!["Bell", "A.J. Bell"]
        );
    }

    // --- sensitive terms --------------------------------------------------------------

    #[test]
    fn terms_in_any_case_with_their_index() {
        let text = "Little Oak School and ROSEHILL and rosehill";
        assert_eq!(
            find_terms(text, &terms(&["Rosehill", "little oak school"])),
            vec![(1, 0..17), (0, 22..30), (0, 35..43)]
        );
    }

    #[test]
    fn terms_are_whole_words() {
        assert_eq!(
            find_terms("Rosehills and ARosehill", &terms(&["Rosehill"])),
            vec![]
        );
    }

    #[test]
    fn terms_fold_apostrophes_and_white_space() {
        let text = "at St Mary’s\nSchool";
        assert_eq!(
            find_terms(text, &terms(&["St Mary's School"])),
            vec![(0, 3..21)]
        );
    }

    #[test]
    fn terms_with_accents() {
        let text = "Łódź and ŁÓDŹ";
        assert_eq!(
            find_terms(text, &terms(&["łódź"])),
            vec![(0, 0..7), (0, 12..19)]
        );
    }

    #[test]
    fn overlapping_terms_are_each_reported() {
        let text = "Little Oak";
        assert_eq!(
            find_terms(text, &terms(&["Oak", "Little Oak"])),
            vec![(1, 0..10), (0, 7..10)]
        );
    }

    #[test]
    fn blank_terms_match_nothing() {
        assert_eq!(find_terms("some text", &terms(&["", "  "])), vec![]);
        assert_eq!(find_terms("some text", &[]), vec![]);
    }

    #[test]
    fn literal_fallback_finds_exact_text() {
        let finder = Finder::new(String::new(), "Bell");
        let _ = finder.compiled.set(Compiled::Literal("Bell".to_string()));
        assert_eq!(finder.find_whole_words("Bells Bell"), vec![6..10]);
    }

    proptest::proptest! {
        #[test]
        fn name_matcher_never_panics(name in "\\PC*", text in "\\PC*") {
            for range in NameMatcher::new(&name).find_in(&text) {
                proptest::prop_assert!(text.get(range).is_some());
            }
        }

        #[test]
        fn find_terms_never_panics(term in "\\PC*", text in "\\PC*") {
            for (index, range) in find_terms(&text, &[term.clone(), "a".to_string()]) {
                proptest::prop_assert!(index < 2);
                proptest::prop_assert!(text.get(range).is_some());
            }
        }

        #[test]
        fn a_name_is_found_in_a_sentence(first in "[A-Z][a-z]{2,8}", last in "[A-Z][a-z]{2,8}") {
            let text = format!("We thank {first} {last}.");
            let ranges = NameMatcher::new(&format!("{first} {last}")).find_in(&text);
            proptest::prop_assert_eq!(ranges, vec![9..text.len() - 1]);
        }
    }
}
