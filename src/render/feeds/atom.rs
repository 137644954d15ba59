//! Atom 1.0.

use super::item::{Head, Item};
use super::scope::FeedFormat;
use super::xml::{feed_buffer, media_content, Xml, ATOM_NS, MEDIA_NS};

pub(super) fn atom(head: &Head, items: &[Item]) -> String {
    let settings = &head.site.settings;
    let self_url = head.file_url(FeedFormat::Atom);
    let mut x = feed_buffer(items);
    x.open(
        "feed",
        &[
            ("xmlns", ATOM_NS),
            ("xmlns:media", MEDIA_NS),
            ("xml:lang", &settings.language),
        ],
    );
    x.leaf("title", &[("type", "text")], &head.title);
    if !head.description.is_empty() {
        x.leaf("subtitle", &[("type", "text")], head.description);
    }
    x.leaf("id", &[], &self_url);
    x.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", FeedFormat::Atom.mime()),
            ("href", &self_url),
        ],
    );
    x.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &head.page_url),
        ],
    );
    x.leaf("updated", &[], &head.updated.to_string());
    x.open("author", &[]);
    x.leaf("name", &[], head.publisher);
    x.leaf("uri", &[], &settings.absolute_url("/"));
    x.close("author");
    x.leaf("generator", &[], "practice-press");
    for item in items {
        atom_entry(&mut x, item);
    }
    x.close("feed");
    x.finish()
}

fn atom_entry(x: &mut Xml, item: &Item) {
    x.open("entry", &[]);
    x.leaf("title", &[("type", "text")], &item.entry.title);
    x.leaf("id", &[], &item.url);
    x.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &item.url),
        ],
    );
    x.leaf("published", &[], &item.published.to_string());
    x.leaf("updated", &[], &item.updated.to_string());
    for person in &item.authors {
        x.open("author", &[]);
        x.leaf("name", &[], &person.public_name);
        x.close("author");
    }
    for category in &item.categories {
        x.empty(
            "category",
            &[
                ("term", &category.term),
                ("scheme", &category.scheme),
                ("label", &category.label),
            ],
        );
    }
    x.leaf("summary", &[("type", "text")], &item.entry.summary);
    x.leaf_escaped("content", &[("type", "html")], &item.content_xml);
    if let Some(image) = &item.image {
        media_content(x, image);
    }
    x.close("entry");
}
