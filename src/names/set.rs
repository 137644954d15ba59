//! Many people's full names at once, each in every writing (see [`super::skeleton`]):
//! for the output guard, which reads every output byte, and for media file names.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::skeleton::{fold, may_join, skeleton, standing_match, MIN_SKELETON};

/// A search for many full names; each found name is given by its index in the list
/// the set was made from.
pub(crate) struct NameSet {
    /// Says quickly that a text cannot hold any name, so most texts are never folded.
    prefilter: Option<Prefilter>,
    matcher: Option<AhoCorasick>,
    /// For each pattern, the index of its name.
    owners: Vec<usize>,
}

/// A name can only be in a text that holds, as written, the longest plain run of ASCII
/// letters of each of its parts (`alex` and `brennan`), in any case.
struct Prefilter {
    needles: AhoCorasick,
    /// For each needle, the name it belongs to and which part it is (None for the
    /// invisible characters, which send every text that holds one to the full search).
    owners: Vec<Option<(usize, u32)>>,
    /// For each name, the bits of the parts that must all be seen.
    wanted: Vec<u64>,
}

impl NameSet {
    /// Names shorter than three letters are left out: two letters turn up by chance in
    /// any long text or image. An error if the automaton cannot be built.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<NameSet, String> {
        let names: Vec<&str> = names.into_iter().collect();
        let mut skeletons: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        let mut seen = HashSet::new();
        for (index, name) in names.iter().enumerate() {
            // Addresses write "Siobhán" as "siobhan".
            let ascii = skeleton(&crate::util::slugify(name));
            for letters in [skeleton(name), ascii] {
                if letters.chars().count() >= MIN_SKELETON && seen.insert(letters.clone()) {
                    skeletons.push(letters);
                    owners.push(index);
                }
            }
        }
        if skeletons.is_empty() {
            return Ok(NameSet {
                prefilter: None,
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
            prefilter: Prefilter::new(&names)?,
            matcher: Some(matcher),
            owners,
        })
    }

    /// The first name that stands as a word in `bytes`: its index, and where.
    pub(crate) fn find(&self, bytes: &[u8]) -> Option<(usize, Range<usize>)> {
        let matcher = self.matcher.as_ref()?;
        let Some(prefilter) = &self.prefilter else {
            return self.find_in_span(matcher, bytes, 0..bytes.len());
        };
        match prefilter.places(bytes)? {
            Places::Everywhere => self.find_in_span(matcher, bytes, 0..bytes.len()),
            // Only the runs of text around a part of a name can hold the name, so the
            // rest of the file (most of it) is never folded.
            Places::Around(hits) => {
                let mut done = 0;
                hits.into_iter().find_map(|hit| {
                    if hit.start < done {
                        return None;
                    }
                    let span = span_around(bytes, hit);
                    done = span.end;
                    self.find_in_span(matcher, bytes, span)
                })
            }
        }
    }

    fn find_in_span(
        &self,
        matcher: &AhoCorasick,
        bytes: &[u8],
        span: Range<usize>,
    ) -> Option<(usize, Range<usize>)> {
        let part = bytes.get(span.clone())?;
        // Almost every text holds no name; a plain search says so several times faster
        // than the overlapping one, which is needed only to judge each match.
        if !matcher.is_match(&fold(part, None)) {
            return None;
        }
        let mut origins = Vec::with_capacity(part.len());
        let folded = fold(part, Some(&mut origins));
        let offset = u32::try_from(span.start).ok()?;
        for origin in &mut origins {
            *origin += offset;
        }
        matcher.find_overlapping_iter(&folded).find_map(|m| {
            standing_match(bytes, &origins, m.start(), m.len())
                .map(|range| (self.owners[m.pattern().as_usize()], range))
        })
    }
}

/// The run of bytes around `hit` that a folded match through it could cover.
fn span_around(bytes: &[u8], hit: Range<usize>) -> Range<usize> {
    let mut start = hit.start.min(bytes.len());
    while start > 0 && may_join(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = hit.end.min(bytes.len());
    while end < bytes.len() && may_join(bytes[end]) {
        end += 1;
    }
    start..end
}

/// Where a name may be in a text.
enum Places {
    /// An invisible character may hide a name anywhere.
    Everywhere,
    /// Only around these places, where a part of a name that is wholly present is.
    Around(Vec<Range<usize>>),
}

impl Prefilter {
    /// None when some name has no part to look for, or too many: then every text is
    /// folded and searched.
    fn new(names: &[&str]) -> Result<Option<Prefilter>, String> {
        let mut needles: Vec<String> = INVISIBLE.iter().map(|s| s.to_string()).collect();
        let mut owners: Vec<Option<(usize, u32)>> = vec![None; needles.len()];
        let mut wanted = Vec::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let parts: Vec<String> = name.split_whitespace().filter_map(needle).collect();
            if parts.is_empty() || parts.len() > 64 {
                return Ok(None);
            }
            wanted.push(u64::MAX >> (64 - parts.len()));
            for (bit, part) in (0u32..).zip(parts) {
                needles.push(part);
                owners.push(Some((index, bit)));
            }
        }
        let needles = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&needles)
            .map_err(|err| err.to_string())?;
        Ok(Some(Prefilter {
            needles,
            owners,
            wanted,
        }))
    }

    /// None when `bytes` cannot hold a name: it does not hold every part of any one
    /// name. Otherwise where the parts of the names it holds wholly are.
    fn places(&self, bytes: &[u8]) -> Option<Places> {
        let mut seen: HashMap<usize, (u64, Vec<Range<usize>>)> = HashMap::new();
        for found in self.needles.find_overlapping_iter(bytes) {
            let Some((name, bit)) = self.owners[found.pattern().as_usize()] else {
                return Some(Places::Everywhere);
            };
            let (parts, places) = seen.entry(name).or_default();
            *parts |= 1 << bit;
            places.push(found.range());
        }
        let mut hits: Vec<Range<usize>> = seen
            .into_iter()
            .filter(|(name, (parts, _))| *parts == self.wanted[*name])
            .flat_map(|(_, (_, places))| places)
            .collect();
        if hits.is_empty() {
            return None;
        }
        hits.sort_by_key(|r| r.start);
        Some(Places::Around(hits))
    }
}

/// Characters that can hide inside a word without showing, and letters that fold to
/// ASCII letters (the Kelvin sign, the long s): a text holding one is always folded,
/// since a name's plain letters may then not appear in it as written.
const INVISIBLE: [&str; 10] = [
    "\u{ad}", "&shy;", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{212a}",
    "\u{17f}", "\\u00ad",
];

/// The longest run of ASCII letters in one word of a name, which every writing of the
/// name holds as written unless the word is split inside (`Bren-nan`), a form that is
/// not the name as anyone writes it; None when no run has three letters.
fn needle(word: &str) -> Option<String> {
    word.split(|c: char| !c.is_ascii_alphabetic())
        .max_by_key(|run| run.len())
        .filter(|run| run.len() >= MIN_SKELETON)
        .map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_with_the_prefilter_and_without_it() {
        let set = NameSet::new(["Alex Brennan", "Zo Ñúñ"]).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            set.prefilter.is_none(),
            "no part has a plain run of three letters"
        );
        let set = NameSet::new(["Alex Brennan"]).unwrap_or_else(|e| panic!("{e}"));
        assert!(set.prefilter.is_some());
        for text in [
            "#AlexBrennan",
            "alex_brennan.jpg",
            "alex\u{ad}bren\u{ad}nan",
            "ALEX&shy;BRENNAN",
        ] {
            assert_eq!(set.find(text.as_bytes()).map(|(i, _)| i), Some(0), "{text}");
        }
        assert!(set.find(b"the alexbrennans").is_none());
        assert!(set.find(b"Alex met Brennan").is_none());
        assert!(set.find(b"Alex and Sam Brennan").is_none());
        let page = format!(
            "{}<p>Thanks, Alex-Brennan!</p>{}",
            "<p>Alex, Brennan.</p>".repeat(50),
            "x".repeat(500)
        );
        let at = page.find("Alex-Brennan").unwrap_or_default();
        assert_eq!(set.find(page.as_bytes()), Some((0, at..at + 12)));
    }
}
