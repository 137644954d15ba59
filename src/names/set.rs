//! Many people's full names at once, each in every writing (see [`super::skeleton`]):
//! for the output guard, which reads every output byte, and for media file names.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::skeleton::{fold, skeleton, standing_match, MIN_SKELETON};

/// A search for many full names; each found name is given by its index in the list
/// the set was made from.
pub struct NameSet {
    matcher: Option<AhoCorasick>,
    /// For each pattern, the index of its name.
    owners: Vec<usize>,
}

impl NameSet {
    /// Names shorter than three letters are left out: two letters turn up by chance in
    /// any long text or image. An error if the automaton cannot be built.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<NameSet, String> {
        let mut skeletons: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        for (index, name) in names.into_iter().enumerate() {
            // Addresses write "Siobhán" as "siobhan".
            let ascii = skeleton(&crate::util::slugify(name));
            for letters in [skeleton(name), ascii] {
                if letters.chars().count() >= MIN_SKELETON && !skeletons.contains(&letters) {
                    skeletons.push(letters);
                    owners.push(index);
                }
            }
        }
        if skeletons.is_empty() {
            return Ok(NameSet {
                matcher: None,
                owners,
            });
        }
        // The builder picks the fastest automaton the pattern count allows (a DFA for
        // a few thousand names, an NFA beyond).
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&skeletons)
            .map_err(|err| err.to_string())?;
        Ok(NameSet {
            matcher: Some(matcher),
            owners,
        })
    }

    /// The first name that stands as a word in `bytes`: its index, and where.
    pub fn find(&self, bytes: &[u8]) -> Option<(usize, Range<usize>)> {
        let matcher = self.matcher.as_ref()?;
        let folded = fold(bytes, None);
        // Almost every file holds no name; a plain search says so several times faster
        // than the overlapping one, which is needed only to judge each match.
        if !matcher.is_match(&folded) {
            return None;
        }
        let mut origins = Vec::with_capacity(folded.len());
        let folded = fold(bytes, Some(&mut origins));
        matcher.find_overlapping_iter(&folded).find_map(|m| {
            standing_match(bytes, &origins, m.start(), m.len())
                .map(|range| (self.owners[m.pattern().as_usize()], range))
        })
    }
}
