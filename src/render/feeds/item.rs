//! What the three formats share: the feed's head and each entry, computed once per feed.

use jiff::Timestamp;

use super::scope::{FeedFormat, FeedInfo};
use crate::i18n::Strings;
use crate::model::{Entry, People, Person};
use crate::render::links::absolute_links;
use crate::render::markdown::render_markdown;
use crate::render::metadata::{image_mime, image_url, modified_time, published_time};
use crate::resolve::{Site, TaxonomyKind};
use crate::util::{slugify, xml_escape};

/// Feed-level values shared by the three formats.
pub(super) struct Head<'a> {
    pub(super) site: &'a Site,
    pub(super) info: &'a FeedInfo,
    pub(super) title: String,
    pub(super) description: &'a str,
    pub(super) page_url: String,
    pub(super) updated: Timestamp,
    pub(super) publisher: &'a str,
}

impl<'a> Head<'a> {
    pub(super) fn new(
        site: &'a Site,
        strings: &Strings,
        info: &'a FeedInfo,
        items: &[Item],
    ) -> Self {
        let settings = &site.settings;
        let title = match info.page.as_str() {
            "/" => settings.title.clone(),
            _ => strings.say_with(
                "feed-title",
                &[
                    ("name", info.name.as_str().into()),
                    ("site", settings.title.as_str().into()),
                ],
            ),
        };
        // The newest change to anything in the feed; an empty feed has only the build time.
        let updated = items
            .iter()
            .map(|item| item.updated)
            .max()
            .unwrap_or(site.now);
        Head {
            site,
            title,
            description: &info.description,
            page_url: settings.absolute_url(&info.page),
            info,
            updated,
            publisher: if settings.organisation.is_empty() {
                &settings.title
            } else {
                &settings.organisation
            },
        }
    }

    pub(super) fn file_url(&self, format: FeedFormat) -> String {
        self.site.settings.absolute_url(&self.info.file(format))
    }
}

/// A category in a feed: a council, service, practice area or tag of an entry.
pub(super) struct Category {
    /// The slug, stable as the label's wording changes.
    pub(super) term: String,
    pub(super) label: String,
    /// The taxonomy's index page, e.g. `https://e.org/councils/`.
    pub(super) scheme: String,
}

pub(super) struct ItemImage<'a> {
    pub(super) url: String,
    pub(super) mime: Option<&'static str>,
    pub(super) alt: &'a str,
    /// The language of `alt` when it is not the feed's (a translation showing the
    /// original's description).
    pub(super) alt_language: Option<&'a str>,
    pub(super) credit: &'a str,
}

/// One entry as every format needs it, computed once per feed.
pub(super) struct Item<'a> {
    pub(super) entry: &'a Entry,
    pub(super) url: String,
    pub(super) published: Timestamp,
    pub(super) updated: Timestamp,
    pub(super) modified: Option<Timestamp>,
    pub(super) content_html: String,
    /// `content_html` escaped for XML once, for both Atom and RSS.
    pub(super) content_xml: String,
    pub(super) authors: Vec<&'a Person>,
    pub(super) categories: Vec<Category>,
    pub(super) image: Option<ItemImage<'a>>,
}

impl<'a> Item<'a> {
    pub(super) fn new(site: &Site, entry: &'a Entry) -> Self {
        let settings = &site.settings;
        let url = settings.absolute_url(&entry.path());
        let body = render_markdown(&entry.body, &settings.root_path);
        let content_html = absolute_links(&body.html, &url);
        let published = published_time(entry);
        let modified = modified_time(entry);
        Item {
            entry,
            content_xml: xml_escape(&content_html),
            content_html,
            url,
            published,
            updated: modified.unwrap_or(published),
            modified,
            authors: match &entry.people {
                People::Story { authors } => authors.iter().collect(),
                People::Nomination { nominator, .. } => vec![nominator],
            },
            categories: categories(site, entry),
            image: entry.image.as_ref().map(|image| ItemImage {
                url: image_url(settings, image),
                mime: image_mime(&image.src),
                alt: &image.alt,
                alt_language: image.alt_language.as_deref(),
                credit: &image.credit,
            }),
        }
    }
}

fn categories(site: &Site, entry: &Entry) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    for kind in [
        TaxonomyKind::Council,
        TaxonomyKind::Service,
        TaxonomyKind::PracticeArea,
        TaxonomyKind::Tag,
    ] {
        for name in kind.values_of(entry) {
            let term = slugify(&name);
            if term.is_empty() {
                continue;
            }
            out.push(Category {
                term,
                label: crate::resolve::term_label(&site.settings.labels, kind, &name),
                scheme: site.settings.absolute_url(&format!("/{}/", kind.section())),
            });
        }
    }
    out
}
