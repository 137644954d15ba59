//! Feeds as links: `<link rel="alternate">` in page heads, and the feeds page's list.

use serde::Serialize;

use super::scope::{feed_info, FeedFormat, FeedScope, FEED_TAXONOMIES};
use crate::i18n::Strings;
use crate::model::EntryKind;
use crate::resolve::Site;

/// A feed as a `<link rel="alternate">` or a link on the feeds page.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(crate) struct FeedLink {
    /// "Stories and nominations from Northmoor Council (Atom)".
    pub(crate) title: String,
    /// The format alone: "Atom", "RSS", "JSON Feed".
    pub(crate) format: &'static str,
    /// With the base path, e.g. `/sub/feeds/atom.xml`.
    pub(crate) url: String,
    pub(crate) mime: &'static str,
}

/// The three formats of a feed as links, named in the language of `strings` (empty for
/// a term that does not exist).
pub(crate) fn feed_links(site: &Site, strings: &Strings, scope: FeedScope) -> Vec<FeedLink> {
    let Some(info) = feed_info(site, strings, scope) else {
        return Vec::new();
    };
    FeedFormat::ALL
        .iter()
        .map(|format| FeedLink {
            title: strings.say_with(
                "feed-link-title",
                &[
                    ("name", info.name.as_str().into()),
                    ("format", format.label().into()),
                ],
            ),
            format: format.label(),
            url: site.settings.site_url(&info.file(*format)),
            mime: format.mime(),
        })
        .collect()
}

/// A heading on the feeds page with its feeds.
#[derive(Serialize, Debug)]
pub(crate) struct FeedGroup {
    pub(crate) heading: String,
    pub(crate) feeds: Vec<FeedRow>,
}

/// One feed on the feeds page: what it follows and its three formats.
#[derive(Serialize, Debug)]
pub(crate) struct FeedRow {
    pub(crate) name: String,
    /// The page the feed follows, with the base path.
    pub(crate) page_url: String,
    /// How many published entries it follows (the feed holds at most [`FEED_LIMIT`]).
    pub(crate) count: usize,
    pub(crate) links: Vec<FeedLink>,
}

/// Every feed, grouped for the feeds page; groups with no feeds are left out.
pub(crate) fn feed_directory(site: &Site, strings: &Strings) -> Vec<FeedGroup> {
    let row = |scope: FeedScope, name: String, count: usize| {
        feed_info(site, strings, scope).map(|info| FeedRow {
            name,
            page_url: site.settings.site_url(&info.page),
            count,
            links: feed_links(site, strings, scope),
        })
    };
    let mut everything = vec![row(
        FeedScope::All,
        strings.say("feeds-all"),
        site.entries.len(),
    )];
    for kind in [EntryKind::Story, EntryKind::Nomination] {
        let count = site.entries_of(kind).count();
        everything.push(row(
            FeedScope::Section(kind),
            strings.say(section_title(kind)),
            count,
        ));
    }
    let mut groups = vec![FeedGroup {
        heading: strings.say("feeds-group-everything"),
        feeds: everything.into_iter().flatten().collect(),
    }];
    for kind in FEED_TAXONOMIES {
        let heading = strings.say_with(
            "stats-heading",
            &[("kind", crate::render::stats::id_of(kind).into())],
        );
        let feeds: Vec<FeedRow> = site
            .taxonomy(kind)
            .terms
            .iter()
            .enumerate()
            .filter_map(|(term, t)| {
                row(
                    FeedScope::Term { kind, term },
                    t.label.clone(),
                    t.entries.len(),
                )
            })
            .collect();
        if !feeds.is_empty() {
            groups.push(FeedGroup { heading, feeds });
        }
    }
    groups
}

/// The message naming a section's listing, and its feed on the feeds page.
pub(crate) fn section_title(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => "listing-stories-title",
        EntryKind::Nomination => "listing-nominations-title",
    }
}
