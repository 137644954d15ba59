//! "Did you mean …?" suggestions for misspelt field names and vocabulary words.
//!
//! Validation calls this when a front-matter key or a value such as a practice area is
//! not one it knows, so the error can name the word the writer most likely meant.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
///
/// Closeness is the Damerau–Levenshtein distance (optimal string alignment: insert,
/// delete, substitute, or swap two neighbouring letters), compared without regard to
/// case. A candidate is close enough when the distance is at most a third of the
/// word's length (and at least 1), so `titel` → `title` and `practise_areas` →
/// `practice_areas`, but `zzz` suggests nothing. On a tie the earlier candidate wins,
/// so callers can list their candidates in order of preference.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word: Vec<char> = word.trim().chars().flat_map(char::to_lowercase).collect();
    if word.is_empty() {
        return None;
    }
    let threshold = (word.len().max(3) / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for &candidate in candidates {
        let folded: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
        // The length gap is a lower bound on the distance, so far-off candidates are
        // skipped before the quadratic table is built (a pasted paragraph stays cheap).
        if folded.len().abs_diff(word.len()) > threshold {
            continue;
        }
        let distance = osa_distance(&word, &folded);
        if distance <= threshold && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance, keeping only the three rows the recurrence needs.
fn osa_distance(a: &[char], b: &[char]) -> usize {
    let mut before_previous: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before_previous[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY_FIELDS: &[&str] = &[
        "title",
        "date",
        "summary",
        "council",
        "service",
        "practice_areas",
        "tags",
        "authors",
        "consent",
        "image",
        "media_contact",
        "embargo",
        "draft",
        "sensitive_terms",
        "slug",
        "aliases",
    ];

    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa_distance(&a, &b)
    }

    #[test]
    fn swapped_letters_suggest_the_field() {
        assert_eq!(did_you_mean("titel", STORY_FIELDS), Some("title"));
    }

    #[test]
    fn a_missing_letter_suggests_the_field() {
        assert_eq!(did_you_mean("sumary", STORY_FIELDS), Some("summary"));
    }

    #[test]
    fn british_verb_spelling_suggests_the_noun_field() {
        assert_eq!(
            did_you_mean("practise_areas", STORY_FIELDS),
            Some("practice_areas")
        );
    }

    #[test]
    fn an_extra_letter_suggests_the_service() {
        let services = ["children", "adults", "mental-health", "leaving-care"];
        assert_eq!(did_you_mean("childrens", &services), Some("children"));
    }

    #[test]
    fn case_is_ignored() {
        assert_eq!(did_you_mean("Title", STORY_FIELDS), Some("title"));
        assert_eq!(did_you_mean("SUMARY", STORY_FIELDS), Some("summary"));
    }

    #[test]
    fn surrounding_spaces_are_ignored() {
        assert_eq!(did_you_mean("  titel ", STORY_FIELDS), Some("title"));
    }

    #[test]
    fn nonsense_suggests_nothing() {
        assert_eq!(did_you_mean("zzz", STORY_FIELDS), None);
        assert_eq!(did_you_mean("photographer", STORY_FIELDS), None);
    }

    #[test]
    fn empty_word_or_candidates_suggest_nothing() {
        assert_eq!(did_you_mean("", STORY_FIELDS), None);
        assert_eq!(did_you_mean("   ", STORY_FIELDS), None);
        assert_eq!(did_you_mean("title", &[]), None);
    }

    #[test]
    fn short_words_allow_only_one_edit() {
        assert_eq!(did_you_mean("tgs", STORY_FIELDS), Some("tags"));
        assert_eq!(did_you_mean("tx", STORY_FIELDS), None);
    }

    #[test]
    fn the_closest_candidate_wins_and_ties_go_to_the_first() {
        assert_eq!(did_you_mean("dat", &["data", "date"]), Some("data"));
        assert_eq!(did_you_mean("dat", &["date", "data"]), Some("date"));
        assert_eq!(did_you_mean("draf", &["date", "draft"]), Some("draft"));
    }

    #[test]
    fn non_ascii_words_are_compared_by_character() {
        assert_eq!(did_you_mean("ZOE", &["zoë", "zara"]), Some("zoë"));
        assert_eq!(distance("zoë", "zoe"), 1);
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance("titel", "title"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(word in "\\PC*", candidate in "\\PC*") {
            let _ = did_you_mean(&word, &[candidate.as_str(), "title"]);
        }
    }
}
