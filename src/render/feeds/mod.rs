//! Feeds in Atom 1.0, RSS 2.0 and JSON Feed 1.1 for the whole site, each section, and
//! each council, service and practice area, so a reporter can follow just one of them.
//!
//! The XML is written by hand: the three formats need a few dozen elements between
//! them, and every text and attribute passes through one escaping function
//! (`xml_escape`), which is easier to audit than a writer crate's configuration. The
//! JSON Feed is a serde_json value. Entries come only from the public [`Site`], so drafts
//! and embargoed entries cannot appear, and people only by their public name.

mod atom;
mod directory;
mod item;
mod json;
mod rss;
mod scope;
mod xml;

pub(crate) use directory::section_title;
pub(crate) use directory::{feed_directory, feed_links, FeedLink};
pub(crate) use scope::{
    all_scopes, feed_info, term_scope, FeedFormat, FeedScope, FEED_LIMIT, FEED_TAXONOMIES,
};

use super::output::Output;
use crate::i18n::Strings;
use crate::resolve::Site;
use item::{Head, Item};

/// Renders one feed in all three formats, named in the language of `strings`.
pub(crate) fn render_feed(site: &Site, strings: &Strings, scope: FeedScope) -> Vec<Output> {
    let Some(info) = feed_info(site, strings, scope) else {
        return Vec::new();
    };
    let items: Vec<Item> = info
        .entries
        .iter()
        .filter_map(|&i| site.entries.get(i))
        .map(|entry| Item::new(site, entry))
        .collect();
    let head = Head::new(site, strings, &info, &items);
    let output = |format: FeedFormat, text: String| {
        Output::new(info.file(format).trim_start_matches('/'), text)
    };
    vec![
        output(FeedFormat::Atom, atom::atom(&head, &items)),
        output(FeedFormat::Rss, rss::rss(&head, &items)),
        output(FeedFormat::Json, json::json_feed(&head, &items)),
    ]
}
