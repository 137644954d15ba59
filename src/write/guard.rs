//! The last line of the privacy promise: every output file is scanned, byte for byte,
//! for anonymous people's names and for addresses of held-back entries before it is
//! written. The data model should make a leak impossible; this catches the day it fails.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::diagnostic::Diagnostic;

/// What must never appear in any output file, and why.
pub struct LeakGuard {
    matcher: Option<AhoCorasick>,
    reasons: Vec<Forbidden>,
    /// Why the search could not be prepared, if it could not.
    broken: Option<String>,
}

#[derive(Debug, Clone)]
struct Forbidden {
    /// Shown to the user: never the name itself, which would put it in logs.
    what: String,
    /// Names must stand as whole words ("Sam Lee" is not in "Sam Leeds"); addresses start
    /// with `/` and must be caught inside absolute URLs too.
    whole_word: bool,
    source: std::path::PathBuf,
}

impl LeakGuard {
    /// `names` are (full name, file that marks it anonymous); `held_back` are
    /// (site URL path with base path, file) of drafts and embargoed entries.
    pub fn new(
        names: &[(String, std::path::PathBuf)],
        held_back: &[(String, std::path::PathBuf)],
    ) -> LeakGuard {
        let mut patterns = Vec::new();
        let mut reasons = Vec::new();
        for (name, source) in names {
            for variant in name_variants(name) {
                patterns.push(variant);
                reasons.push(Forbidden {
                    what: "the name of a person marked anonymous".into(),
                    whole_word: true,
                    source: source.clone(),
                });
            }
        }
        for (path, source) in held_back {
            patterns.push(path.clone());
            reasons.push(Forbidden {
                what: format!("a link to {path}, which is not published yet"),
                whole_word: false,
                source: source.clone(),
            });
        }
        // The builder picks the fastest automaton the pattern count allows (a DFA for
        // a few thousand names, an NFA beyond). If none can be built the guard fails
        // closed: every file is refused rather than any file let through unchecked.
        let (matcher, broken) = if patterns.is_empty() {
            (None, None)
        } else {
            match AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&patterns)
            {
                Ok(matcher) => (Some(matcher), None),
                Err(err) => (None, Some(err.to_string())),
            }
        };
        LeakGuard {
            matcher,
            reasons,
            broken,
        }
    }

    /// A guard that forbids nothing (for tests and tools that render fragments).
    pub fn none() -> LeakGuard {
        LeakGuard {
            matcher: None,
            reasons: Vec::new(),
            broken: None,
        }
    }

    /// An error if `bytes` (the output file at `path`) contains anything forbidden.
    pub fn scan(&self, path: &str, bytes: &[u8]) -> Option<Diagnostic> {
        if let Some(why) = &self.broken {
            return Some(
                Diagnostic::error("PP0404", "site.yaml", format!("the safety check for anonymous names could not be prepared ({why}), so {path} and every other file were held back; nothing was published"))
                    .with_hint("report this problem; it is not caused by your files"),
            );
        }
        let matcher = self.matcher.as_ref()?;
        // Almost every file holds nothing forbidden; a plain search says so several times
        // faster than the overlapping one, which is needed only to judge each match.
        if !matcher.is_match(bytes) {
            return None;
        }
        let reason = matcher.find_overlapping_iter(bytes).find_map(|m| {
            let reason = &self.reasons[m.pattern().as_usize()];
            (!reason.whole_word || is_whole_word(bytes, m.start(), m.end())).then_some(reason)
        })?;
        Some(
            Diagnostic::error("PP0404", &reason.source, format!("the output file {path} would contain {}; nothing was published", reason.what))
                .with_hint("this is a safety stop: check the file for the name or link, and check other files that mention the same person; report it if the content looks right"),
        )
    }
}

fn is_whole_word(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let after = bytes.get(end).copied();
    let is_word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
    !is_word(before) && !is_word(after)
}

/// The ways a name can be written in HTML, XML, JSON and URLs.
fn name_variants(name: &str) -> Vec<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() < 3 {
        return Vec::new();
    }
    // ASCII letters match in any case; other letters (á, Ł) need their cased forms listed.
    let mut bases = vec![name.clone()];
    if !name.is_ascii() {
        bases.extend([name.to_lowercase(), name.to_uppercase()]);
    }
    if name.contains('&') {
        bases.extend(bases.clone().iter().map(|b| b.replace('&', "&amp;")));
    }
    let mut variants = Vec::new();
    for base in bases {
        if base.contains(['\'', '’']) {
            for apostrophe in ["'", "’", "&#x27;", "&#39;", "&apos;", "\\u0027", "&rsquo;"] {
                variants.push(base.replace(['\'', '’'], apostrophe));
            }
        } else {
            variants.push(base);
        }
    }
    let slug = crate::util::slugify(&name);
    if slug.contains('-') {
        variants.push(slug);
    }
    variants.sort();
    variants.dedup();
    variants
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn guard() -> LeakGuard {
        LeakGuard::new(
            &[("Siobhán O'Neill".into(), PathBuf::from("n.md"))],
            &[("/stories/secret/".into(), PathBuf::from("s.md"))],
        )
    }

    #[test]
    fn thousands_of_names_are_all_still_guarded() {
        // Too many for a DFA: the guard must still catch each name, not give up.
        let names: Vec<(String, PathBuf)> = (0..30_000)
            .map(|i| {
                (
                    format!("Person Number{i:05} Example"),
                    PathBuf::from("n.md"),
                )
            })
            .collect();
        let guard = LeakGuard::new(&names, &[]);
        for i in [0, 12_345, 29_999] {
            let page = format!("<p>Thanks to Person Number{i:05} Example.</p>");
            assert!(guard.scan("a/index.html", page.as_bytes()).is_some(), "{i}");
        }
        assert!(guard
            .scan("a/index.html", b"<p>Thanks to the team.</p>")
            .is_none());
    }

    #[test]
    fn finds_names_in_any_escaping() {
        let g = guard();
        for text in [
            "by Siobhán O'Neill.",
            "SIOBHÁN O&#x27;NEILL",
            "/nominations/siobhan-oneill/",
            "Siobhán O’Neill",
        ] {
            assert!(g.scan("x.html", text.as_bytes()).is_some(), "{text}");
        }
        assert!(g.scan("x.html", b"nothing here").is_none());
    }

    #[test]
    fn finds_links_to_held_back_entries_and_never_prints_the_name() {
        let g = guard();
        let found = g
            .scan("index.html", b"<a href=\"/stories/secret/\">")
            .unwrap();
        assert!(found.message.contains("/stories/secret/"));
        assert!(g
            .scan(
                "feed.xml",
                b"<link href=\"https://example.org/stories/secret/\"/>"
            )
            .is_some());
        let name = g.scan("a.html", b"Siobh\xc3\xa1n O'Neill").unwrap();
        assert!(!name.message.contains("Neill"));
    }
}
