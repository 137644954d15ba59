//! A tiny XML writer for the Atom and RSS feeds, and the Media RSS element both carry.

use super::item::{Item, ItemImage};
use crate::util::xml_escape;

pub(super) const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
pub(super) const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";

/// A tiny XML writer: every text and attribute value goes through [`xml_escape`].
pub(super) struct Xml {
    out: String,
    depth: usize,
}

pub(super) type Attrs<'a> = &'a [(&'a str, &'a str)];

impl Xml {
    pub(super) fn new() -> Self {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            depth: 0,
        }
    }

    fn start_tag(&mut self, name: &str, attrs: Attrs) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&xml_escape(value));
            self.out.push('"');
        }
    }

    pub(super) fn open(&mut self, name: &str, attrs: Attrs) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    pub(super) fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub(super) fn empty(&mut self, name: &str, attrs: Attrs) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding text only; no whitespace is added inside it.
    pub(super) fn leaf(&mut self, name: &str, attrs: Attrs, text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&xml_escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Makes room for `bytes` more at once: a feed of whole stories is large, and
    /// growing by doubling copies it again and again.
    pub(super) fn reserve(&mut self, bytes: usize) {
        self.out.reserve(bytes);
    }

    /// [`Xml::leaf`] for text already passed through [`xml_escape`].
    pub(super) fn leaf_escaped(&mut self, name: &str, attrs: Attrs, escaped: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(escaped);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub(super) fn finish(self) -> String {
        self.out
    }
}

/// Media RSS, in both XML formats: it carries the image's alt text and credit.
pub(super) fn media_content(x: &mut Xml, image: &ItemImage) {
    let mut attrs = vec![("url", image.url.as_str()), ("medium", "image")];
    if let Some(mime) = image.mime {
        attrs.push(("type", mime));
    }
    x.open("media:content", &attrs);
    if !image.alt.is_empty() {
        match image.alt_language {
            Some(language) => x.leaf(
                "media:description",
                &[("type", "plain"), ("xml:lang", language)],
                image.alt,
            ),
            None => x.leaf("media:description", &[("type", "plain")], image.alt),
        }
    }
    if !image.credit.is_empty() {
        x.leaf("media:credit", &[], image.credit);
    }
    x.close("media:content");
}

/// An XML buffer with room for every item's content, escaped, and its surroundings, so
/// a feed of full stories is written without growing the buffer again and again.
pub(super) fn feed_buffer(items: &[Item]) -> Xml {
    let mut x = Xml::new();
    x.reserve(
        items
            .iter()
            .map(|item| 2 * item.content_xml.len() + 2048)
            .sum(),
    );
    x
}
