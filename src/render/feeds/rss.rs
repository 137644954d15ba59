//! RSS 2.0, with Atom's self link, Dublin Core creators and Media RSS images.

use jiff::Timestamp;

use super::item::{Head, Item};
use super::scope::FeedFormat;
use super::xml::{feed_buffer, media_content, Xml, ATOM_NS, MEDIA_NS};
use crate::util::xml_escape;

/// RFC 822 dates for RSS; None only for years RFC 822 cannot write (before year 0).
fn rfc822(time: Timestamp) -> Option<String> {
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&time)
        .ok()
}

pub(super) fn rss(head: &Head, items: &[Item]) -> String {
    let settings = &head.site.settings;
    let self_url = head.file_url(FeedFormat::Rss);
    let mut x = feed_buffer(items);
    x.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", ATOM_NS),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:media", MEDIA_NS),
        ],
    );
    x.open("channel", &[]);
    x.leaf("title", &[], &head.title);
    x.leaf("link", &[], &head.page_url);
    x.leaf("description", &[], head.description);
    x.leaf("language", &[], &settings.language);
    if let Some(date) = rfc822(head.updated) {
        x.leaf("lastBuildDate", &[], &date);
    }
    x.leaf("generator", &[], "practice-press");
    x.leaf("docs", &[], "https://www.rssboard.org/rss-specification");
    x.empty(
        "atom:link",
        &[
            ("href", &self_url),
            ("rel", "self"),
            ("type", FeedFormat::Rss.mime()),
        ],
    );
    for item in items {
        rss_item(&mut x, item);
    }
    x.close("channel");
    x.close("rss");
    x.finish()
}

fn rss_item(x: &mut Xml, item: &Item) {
    x.open("item", &[]);
    // Plain text, like Atom's `type="text"`: escaped once, so "<" stays a character.
    x.leaf("title", &[], &item.entry.title);
    x.leaf("link", &[], &item.url);
    x.leaf("guid", &[("isPermaLink", "true")], &item.url);
    if let Some(date) = rfc822(item.published) {
        x.leaf("pubDate", &[], &date);
    }
    if let Some(modified) = item.modified {
        x.leaf("atom:updated", &[], &modified.to_string());
    }
    // RSS's <author> must be an e-mail address; Dublin Core carries a name.
    for person in &item.authors {
        x.leaf("dc:creator", &[], &person.public_name);
    }
    for category in &item.categories {
        x.leaf("category", &[("domain", &category.scheme)], &category.label);
    }
    // Readers treat RSS descriptions as HTML, so the plain summary is escaped as HTML first.
    x.leaf("description", &[], &xml_escape(&item.entry.summary));
    x.leaf_escaped("content:encoded", &[], &item.content_xml);
    if let Some(image) = &item.image {
        media_content(x, image);
    }
    x.close("item");
}
