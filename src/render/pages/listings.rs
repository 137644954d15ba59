//! Listings: the story and nomination sections, each taxonomy's index and each term's
//! pages, paginated.

use serde::Serialize;

use super::renderer::Renderer;
use crate::diagnostic::Diagnostic;
use crate::model::EntryKind;
use crate::render::feeds::{self, FeedLink, FeedScope};
use crate::render::output::Output;
use crate::render::stats::id_of;
use crate::render::views::{card, pagination, Link};
use crate::resolve::TaxonomyKind;

/// Listings always have a first page, even when empty.
pub(crate) fn page_count(items: usize, page_size: usize) -> usize {
    items.div_ceil(page_size.max(1)).max(1)
}

pub(super) fn section(
    r: &Renderer,
    kind: EntryKind,
    page: usize,
) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let title = r.say(feeds::section_title(kind));
    let intro = r.say(if kind == EntryKind::Story {
        "listing-stories-intro"
    } else {
        "listing-nominations-intro"
    });
    let indices: Vec<usize> = site.entries_of(kind).map(|(i, _)| i).collect();
    let path = format!("/{}/", kind.section());
    let feeds = feeds::feed_links(site, r.strings, FeedScope::Section(kind));
    let links = ListingLinks {
        crumbs: vec![r.home_crumb()],
        feeds,
    };
    listing(r, &path, &title, &intro, &indices, page, links)
}

/// A listing's breadcrumbs and the feeds it advertises.
struct ListingLinks {
    crumbs: Vec<Link>,
    feeds: Vec<FeedLink>,
}

fn listing(
    r: &Renderer,
    path: &str,
    title: &str,
    intro: &str,
    indices: &[usize],
    page: usize,
    links: ListingLinks,
) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let size = site.settings.page_size;
    let total = page_count(indices.len(), size);
    let cards: Vec<_> = indices
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .map(|&i| card(site, r.strings, &site.entries[i]))
        .collect();
    let first_url = site.settings.site_url(path);
    let pages = pagination(&first_url, page, total);
    let page_path = if page == 1 {
        path.to_string()
    } else {
        format!("{path}page/{page}/")
    };
    let heading = if page == 1 {
        title.to_string()
    } else {
        r.strings.say_with(
            "listing-page-of",
            &[
                ("title", title.into()),
                ("page", page.into()),
                ("total", total.into()),
            ],
        )
    };
    let mut meta = r.meta(&heading, intro, &page_path, "listing", links.crumbs);
    meta.feeds = links.feeds;
    let first = (page - 1) * size + 1;
    let range = Range {
        first,
        last: first + cards.len().saturating_sub(1),
        of: indices.len(),
    };
    r.html(&page_path, "listing.html", &meta, |c| {
        c.insert("heading", title);
        c.insert("intro", intro);
        c.insert("entries", &cards);
        c.insert("pagination", &pages);
        c.insert("range", &range);
    })
}

#[derive(Serialize)]
struct Range {
    first: usize,
    last: usize,
    of: usize,
}

#[derive(Serialize)]
struct TermView {
    label: String,
    url: String,
    count: usize,
}

pub(super) fn taxonomy_index(r: &Renderer, kind: TaxonomyKind) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let taxonomy = site.taxonomy(kind);
    let terms: Vec<TermView> = taxonomy
        .terms
        .iter()
        .map(|t| TermView {
            label: t.label.clone(),
            url: site
                .settings
                .site_url(&format!("/{}/{}/", kind.section(), t.slug)),
            count: t.entries.len(),
        })
        .collect();
    let path = format!("/{}/", kind.section());
    let key = [("kind", id_of(kind).into())];
    let title = r.strings.say_with("taxonomy-title", &key);
    let description = r.strings.say_with("taxonomy-description", &key);
    let meta = r.meta(&title, &description, &path, "terms", vec![r.home_crumb()]);
    r.html(&path, "terms.html", &meta, |c| {
        c.insert("heading", &title);
        c.insert("terms", &terms);
    })
}

pub(super) fn term_page(
    r: &Renderer,
    kind: TaxonomyKind,
    term: usize,
    page: usize,
) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let Some(t) = site.taxonomy(kind).terms.get(term) else {
        return Ok(Vec::new());
    };
    let path = format!("/{}/{}/", kind.section(), t.slug);
    let values = [
        ("kind", id_of(kind).into()),
        ("label", t.label.as_str().into()),
        ("count", t.entries.len().into()),
    ];
    let title = r.strings.say_with("term-title", &values);
    let intro = r.strings.say_with("term-intro", &values);
    let crumbs = vec![
        r.home_crumb(),
        r.crumb(
            &r.strings.say_with("taxonomy-title", &values[..1]),
            &format!("/{}/", kind.section()),
        ),
    ];
    let feeds = if feeds::FEED_TAXONOMIES.contains(&kind) {
        feeds::feed_links(site, r.strings, FeedScope::Term { kind, term })
    } else {
        Vec::new()
    };
    let links = ListingLinks { crumbs, feeds };
    listing(r, &path, &title, &intro, &t.entries, page, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_listings_still_have_a_page() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(41, 20), 3);
    }
}
