//! What a feed follows (everything, a section, one council, service or practice area),
//! its formats, and where each feed's files live.

use crate::i18n::Strings;
use crate::model::EntryKind;
use crate::resolve::{Site, TaxonomyKind};

/// The most entries a feed holds; readers keep older ones they have already seen.
pub(crate) const FEED_LIMIT: usize = 50;

/// The taxonomies that have their own feeds.
pub(crate) const FEED_TAXONOMIES: [TaxonomyKind; 3] = [
    TaxonomyKind::Council,
    TaxonomyKind::Service,
    TaxonomyKind::PracticeArea,
];

/// What a feed follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedScope {
    All,
    Section(EntryKind),
    /// A council, service or practice area: `term` indexes the taxonomy's terms.
    Term {
        kind: TaxonomyKind,
        term: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FeedFormat {
    Atom,
    Rss,
    Json,
}

impl FeedFormat {
    pub(crate) const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json];

    pub(crate) fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "atom.xml",
            FeedFormat::Rss => "rss.xml",
            FeedFormat::Json => "feed.json",
        }
    }

    pub(crate) fn mime(self) -> &'static str {
        match self {
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Json => "application/feed+json",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            FeedFormat::Atom => "Atom",
            FeedFormat::Rss => "RSS",
            FeedFormat::Json => "JSON Feed",
        }
    }
}

/// Every feed of a site: everything, each section, then each term of [`FEED_TAXONOMIES`].
pub(crate) fn all_scopes(site: &Site) -> Vec<FeedScope> {
    let mut scopes = vec![
        FeedScope::All,
        FeedScope::Section(EntryKind::Story),
        FeedScope::Section(EntryKind::Nomination),
    ];
    for kind in FEED_TAXONOMIES {
        let terms = site.taxonomy(kind).terms.len();
        scopes.extend((0..terms).map(|term| FeedScope::Term { kind, term }));
    }
    scopes
}

/// A feed's title, where its files live, the page it follows and what it holds.
#[derive(Debug, Clone)]
pub(crate) struct FeedInfo {
    /// What the feed follows, e.g. "Stories and nominations from Northmoor Council".
    pub(crate) name: String,
    pub(crate) description: String,
    /// Folder of the feed files below the site root, e.g. `/feeds/councils/northmoor/`.
    pub(crate) dir: String,
    /// The page the feed follows, e.g. `/councils/northmoor/`.
    pub(crate) page: String,
    /// Indices into [`Site::entries`], newest first, at most [`FEED_LIMIT`].
    pub(crate) entries: Vec<usize>,
}

impl FeedInfo {
    /// The site path of one format's file, e.g. `/feeds/stories/rss.xml`.
    pub(crate) fn file(&self, format: FeedFormat) -> String {
        format!("{}{}", self.dir, format.file_name())
    }
}

/// Describes a feed in the language of `strings`, or None for a term that does not
/// exist.
pub(crate) fn feed_info(site: &Site, strings: &Strings, scope: FeedScope) -> Option<FeedInfo> {
    let info = match scope {
        FeedScope::All => FeedInfo {
            name: strings.say("feed-all-name"),
            description: if site.settings.description.is_empty() {
                strings.say_with(
                    "feed-all-description",
                    &[("site", site.settings.title.as_str().into())],
                )
            } else {
                site.settings.description.clone()
            },
            dir: "/feeds/".into(),
            page: "/".into(),
            entries: (0..site.entries.len())
                .filter(|&i| in_language(site, i))
                .take(FEED_LIMIT)
                .collect(),
        },
        FeedScope::Section(kind) => FeedInfo {
            name: strings.say(section_name(kind)),
            description: strings.say(section_description(kind)),
            dir: format!("/feeds/{}/", kind.section()),
            page: format!("/{}/", kind.section()),
            entries: site
                .entries_of(kind)
                .map(|(i, _)| i)
                .filter(|&i| in_language(site, i))
                .take(FEED_LIMIT)
                .collect(),
        },
        FeedScope::Term { kind, term } => {
            let t = site.taxonomy(kind).terms.get(term)?;
            let name = term_feed_name(strings, kind, &t.label);
            FeedInfo {
                description: strings
                    .say_with("feed-term-description", &[("name", name.as_str().into())]),
                name,
                dir: format!("/feeds/{}/{}/", kind.section(), t.slug),
                page: format!("/{}/{}/", kind.section(), t.slug),
                entries: t
                    .entries
                    .iter()
                    .copied()
                    .filter(|&i| in_language(site, i))
                    .take(FEED_LIMIT)
                    .collect(),
            }
        }
    };
    Some(info)
}

/// Whether entry `index` is written in the feed's language: a language's feeds carry
/// its own entries only; one not yet translated is in the original language's feeds.
fn in_language(site: &Site, index: usize) -> bool {
    site.entries[index].text_language.is_none()
}

/// The message naming a section's feed.
fn section_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => "feed-stories-name",
        EntryKind::Nomination => "feed-nominations-name",
    }
}

fn section_description(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => "feed-stories-description",
        EntryKind::Nomination => "feed-nominations-description",
    }
}

/// "Stories and nominations from Northmoor Council", "Kinship care: stories and
/// nominations", in the language of `strings`.
fn term_feed_name(strings: &Strings, kind: TaxonomyKind, label: &str) -> String {
    strings.say_with(
        "feed-term-name",
        &[
            ("kind", crate::render::stats::id_of(kind).into()),
            ("label", label.into()),
        ],
    )
}

/// The feed of a term page, found by its taxonomy and slug.
pub(crate) fn term_scope(site: &Site, kind: TaxonomyKind, slug: &str) -> Option<FeedScope> {
    if !FEED_TAXONOMIES.contains(&kind) {
        return None;
    }
    let term = site
        .taxonomy(kind)
        .terms
        .iter()
        .position(|t| t.slug == slug)?;
    Some(FeedScope::Term { kind, term })
}
