//! The last line of the privacy promise: every output file, its bytes and its path, is
//! scanned for anonymous people's names and for addresses of held-back entries before
//! it is written. The data model should make a leak impossible; this catches the day it
//! fails.
//!
//! Names are found with the same matcher `check` uses for a full name
//! ([`crate::names::skeleton`]): in any case, with its words joined by spaces, hyphens,
//! underscores, dots or slashes or run together, in HTML and JSON escapes too. Single
//! parts of a name are not searched here: "Brennan" alone may be a named colleague's
//! surname on another page, and only the file that makes a person anonymous can say
//! which of their words identify them; `check` refuses those.

use std::path::PathBuf;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::diagnostic::Diagnostic;
use crate::names::set::NameSet;

/// An anonymous person's name and where it is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GuardName {
    pub(crate) name: String,
    /// The file that marks them anonymous, relative to the site.
    pub(crate) source: PathBuf,
    /// The line of that file that gives the name, when it could be found.
    pub(crate) line: Option<usize>,
}

/// What must never appear in any output file, and why.
pub struct LeakGuard {
    names: Option<NameSet>,
    name_sources: Vec<GuardName>,
    /// Searches raw bytes for held-back addresses, in any ASCII case.
    addresses: Option<AhoCorasick>,
    address_reasons: Vec<(String, PathBuf)>,
    /// Why the search could not be prepared, if it could not.
    broken: Option<String>,
}

impl LeakGuard {
    /// `names` are the anonymous people; `held_back` are (site URL path with base path,
    /// file) of drafts and embargoed entries.
    pub(crate) fn new(names: &[GuardName], held_back: &[(String, PathBuf)]) -> LeakGuard {
        // If a search cannot be built the guard fails closed: every file is refused
        // rather than any file let through unchecked.
        let mut broken = None;
        let name_set = NameSet::new(names.iter().map(|n| n.name.as_str()))
            .map_err(|err| broken = Some(err))
            .ok();
        let addresses = (!held_back.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(held_back.iter().map(|(p, _)| p.as_bytes()))
                    .map_err(|err| broken = Some(err.to_string()))
                    .ok()
            })
            .flatten();
        LeakGuard {
            names: name_set,
            name_sources: names.to_vec(),
            addresses,
            address_reasons: held_back.to_vec(),
            broken,
        }
    }

    /// A guard that forbids nothing (for tests and tools that render fragments).
    pub fn none() -> LeakGuard {
        LeakGuard::new(&[], &[])
    }

    /// An error if the output file at `path`, or `bytes` (its contents), contains
    /// anything forbidden.
    pub(crate) fn scan(&self, path: &str, bytes: &[u8]) -> Option<Diagnostic> {
        if let Some(why) = &self.broken {
            return Some(
                Diagnostic::error("PP0404", "site.yaml", format!("the safety check for anonymous names could not be prepared ({why}), so {path} and every other file were held back; nothing was published"))
                    .with_hint("report this problem; it is not caused by your files"),
            );
        }
        if let Some((name, found)) = self.find_name(path.as_bytes()) {
            let masked = format!("{}…{}", &path[..found.start], &path[found.end..]);
            return Some(name_stop(name, format!("the output file name {masked} would contain the name of a person marked anonymous (where … stands)")));
        }
        if let Some(name) = self.find_name(bytes).map(|(name, _)| name) {
            return Some(name_stop(
                name,
                format!(
                    "the output file {path} would contain the name of a person marked anonymous"
                ),
            ));
        }
        self.find_address(bytes).map(|(address, source)| {
            Diagnostic::error("PP0404", source, format!("the output file {path} would contain a link to {address}, which is not published yet; nothing was published"))
                .with_hint("this is a safety stop: remove the link, or publish the entry it points to first; report it if the content looks right")
        })
    }

    /// The first anonymous name that stands as a word in `bytes`, and where.
    fn find_name(&self, bytes: &[u8]) -> Option<(&GuardName, std::ops::Range<usize>)> {
        let (index, range) = self.names.as_ref()?.find(bytes)?;
        Some((self.name_sources.get(index)?, range))
    }

    fn find_address(&self, bytes: &[u8]) -> Option<(&str, &std::path::Path)> {
        let matcher = self.addresses.as_ref()?;
        let found = matcher.find(bytes)?;
        let (address, source) = &self.address_reasons[found.pattern().as_usize()];
        Some((address.as_str(), source.as_path()))
    }
}

/// The stop for a name, at the line that makes the person anonymous. The message never
/// holds the name itself, which would put it in logs.
fn name_stop(name: &GuardName, what: String) -> Diagnostic {
    let given = name.line.map_or(String::new(), |line| {
        format!(" (their name is given at line {line})")
    });
    Diagnostic::error("PP0404", &name.source, format!("{what}{given}; nothing was published"))
        .with_hint("this is a safety stop: check this file and the other files that mention the same person for their name (in any case, joined with hyphens or run together), and report it if the content looks right")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn name(name: &str) -> GuardName {
        GuardName {
            name: name.into(),
            source: PathBuf::from("n.md"),
            line: Some(7),
        }
    }

    fn guard() -> LeakGuard {
        LeakGuard::new(
            &[name("Siobhán O'Neill")],
            &[("/stories/secret/".into(), PathBuf::from("s.md"))],
        )
    }

    #[test]
    fn thousands_of_names_are_all_still_guarded() {
        // Too many for a DFA: the guard must still catch each name, not give up.
        let names: Vec<GuardName> = (0..30_000)
            .map(|i| name(&format!("Person Number{i:05} Example")))
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
            "#SiobhanONeill",
            "siobhán_o'neill.jpg",
            "siobhánoneill",
            r#"{"n":"Siobhán O\u0027Neill"}"#,
        ] {
            assert!(g.scan("x.html", text.as_bytes()).is_some(), "{text}");
        }
        assert!(g.scan("x.html", b"nothing here").is_none());
        assert!(g.scan("x.html", "Siobhánoneills".as_bytes()).is_none());
    }

    #[test]
    fn output_paths_are_scanned_and_not_printed() {
        let g = LeakGuard::new(&[name("Alex Brennan")], &[]);
        for path in [
            "tags/alex-brennan/index.html",
            "media/images/alex_brennan_award.jpg",
            "alexbrennan/index.html",
        ] {
            let stop = g
                .scan(path, b"<p>fine</p>")
                .unwrap_or_else(|| panic!("{path}"));
            assert!(
                !stop.message.to_lowercase().contains("brennan"),
                "{}",
                stop.message
            );
            assert!(stop.message.contains("line 7"), "{}", stop.message);
            assert_eq!(stop.file, PathBuf::from("n.md"));
        }
        assert!(g.scan("tags/brennan-family/index.html", b"").is_none());
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
