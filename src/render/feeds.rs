//! Feeds in Atom 1.0, RSS 2.0 and JSON Feed 1.1 for the whole site, each section, and
//! each council, service and practice area, so a reporter can follow just one of them.
//!
//! The XML is written by hand: the three formats need a few dozen elements between
//! them, and every text and attribute passes through one escaping function
//! ([`xml_escape`]), which is easier to audit than a writer crate's configuration. The
//! JSON Feed is a serde_json value. Entries come only from the public [`Site`], so drafts
//! and embargoed entries cannot appear, and people only by their public name.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::markdown::render_markdown;
use super::metadata::{image_mime, image_url, modified_time, published_time};
use super::Output;
use crate::model::{Entry, EntryKind, People, Person};
use crate::resolve::{Site, TaxonomyKind};
use crate::util::slugify;
use crate::util::xml_escape;

/// The most entries a feed holds; readers keep older ones they have already seen.
pub const FEED_LIMIT: usize = 50;

/// The taxonomies that have their own feeds.
pub const FEED_TAXONOMIES: [TaxonomyKind; 3] = [
    TaxonomyKind::Council,
    TaxonomyKind::Service,
    TaxonomyKind::PracticeArea,
];

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";

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
pub enum FeedFormat {
    Atom,
    Rss,
    Json,
}

impl FeedFormat {
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json];

    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "atom.xml",
            FeedFormat::Rss => "rss.xml",
            FeedFormat::Json => "feed.json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Json => "application/feed+json",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FeedFormat::Atom => "Atom",
            FeedFormat::Rss => "RSS",
            FeedFormat::Json => "JSON Feed",
        }
    }
}

/// Every feed of a site: everything, each section, then each term of [`FEED_TAXONOMIES`].
pub fn all_scopes(site: &Site) -> Vec<FeedScope> {
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
pub struct FeedInfo {
    /// What the feed follows, e.g. "Stories and nominations from Northmoor Council".
    pub name: String,
    pub description: String,
    /// Folder of the feed files below the site root, e.g. `/feeds/councils/northmoor/`.
    pub dir: String,
    /// The page the feed follows, e.g. `/councils/northmoor/`.
    pub page: String,
    /// Indices into [`Site::entries`], newest first, at most [`FEED_LIMIT`].
    pub entries: Vec<usize>,
}

impl FeedInfo {
    /// The site path of one format's file, e.g. `/feeds/stories/rss.xml`.
    pub fn file(&self, format: FeedFormat) -> String {
        format!("{}{}", self.dir, format.file_name())
    }
}

/// Describes a feed, or None for a term that does not exist.
pub fn feed_info(site: &Site, scope: FeedScope) -> Option<FeedInfo> {
    let info = match scope {
        FeedScope::All => FeedInfo {
            name: "All stories and nominations".into(),
            description: if site.settings.description.is_empty() {
                format!("Every story and nomination from {}.", site.settings.title)
            } else {
                site.settings.description.clone()
            },
            dir: "/feeds/".into(),
            page: "/".into(),
            entries: (0..site.entries.len().min(FEED_LIMIT)).collect(),
        },
        FeedScope::Section(kind) => FeedInfo {
            name: section_name(kind).into(),
            description: section_description(kind).into(),
            dir: format!("/feeds/{}/", kind.section()),
            page: format!("/{}/", kind.section()),
            entries: site
                .entries_of(kind)
                .map(|(i, _)| i)
                .take(FEED_LIMIT)
                .collect(),
        },
        FeedScope::Term { kind, term } => {
            let t = site.taxonomy(kind).terms.get(term)?;
            let name = term_feed_name(kind, &t.label);
            FeedInfo {
                description: format!("{name}, newest first."),
                name,
                dir: format!("/feeds/{}/{}/", kind.section(), t.slug),
                page: format!("/{}/{}/", kind.section(), t.slug),
                entries: t.entries.iter().copied().take(FEED_LIMIT).collect(),
            }
        }
    };
    Some(info)
}

fn section_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => "Good-practice stories",
        EntryKind::Nomination => "My Brilliant Colleague nominations",
    }
}

fn section_description(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => {
            "Social workers describe practice that made a difference, in their own words."
        }
        EntryKind::Nomination => {
            "Colleagues tell us about someone whose work deserves recognition."
        }
    }
}

/// "Stories and nominations from Northmoor Council", "Kinship care: stories and nominations".
pub fn term_feed_name(kind: TaxonomyKind, label: &str) -> String {
    match kind {
        TaxonomyKind::Council => format!("Stories and nominations from {label}"),
        _ => format!("{label}: stories and nominations"),
    }
}

/// A feed as a `<link rel="alternate">` or a link on the feeds page.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct FeedLink {
    /// "Stories and nominations from Northmoor Council (Atom)".
    pub title: String,
    /// The format alone: "Atom", "RSS", "JSON Feed".
    pub format: &'static str,
    /// With the base path, e.g. `/sub/feeds/atom.xml`.
    pub url: String,
    pub mime: &'static str,
}

/// The three formats of a feed as links (empty for a term that does not exist).
pub fn feed_links(site: &Site, scope: FeedScope) -> Vec<FeedLink> {
    let Some(info) = feed_info(site, scope) else {
        return Vec::new();
    };
    FeedFormat::ALL
        .iter()
        .map(|format| FeedLink {
            title: format!("{} ({})", info.name, format.label()),
            format: format.label(),
            url: site.settings.site_url(&info.file(*format)),
            mime: format.mime(),
        })
        .collect()
}

/// The feed of a term page, found by its taxonomy and slug.
pub fn term_scope(site: &Site, kind: TaxonomyKind, slug: &str) -> Option<FeedScope> {
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

/// A heading on the feeds page with its feeds.
#[derive(Serialize, Debug)]
pub struct FeedGroup {
    pub heading: &'static str,
    pub feeds: Vec<FeedRow>,
}

/// One feed on the feeds page: what it follows and its three formats.
#[derive(Serialize, Debug)]
pub struct FeedRow {
    pub name: String,
    /// The page the feed follows, with the base path.
    pub page_url: String,
    /// How many published entries it follows (the feed holds at most [`FEED_LIMIT`]).
    pub count: usize,
    pub links: Vec<FeedLink>,
}

/// Every feed, grouped for the feeds page; groups with no feeds are left out.
pub fn feed_directory(site: &Site) -> Vec<FeedGroup> {
    let row = |scope: FeedScope, name: String, count: usize| {
        feed_info(site, scope).map(|info| FeedRow {
            name,
            page_url: site.settings.site_url(&info.page),
            count,
            links: feed_links(site, scope),
        })
    };
    let mut everything = vec![row(
        FeedScope::All,
        "All stories and nominations".into(),
        site.entries.len(),
    )];
    for kind in [EntryKind::Story, EntryKind::Nomination] {
        let count = site.entries_of(kind).count();
        everything.push(row(
            FeedScope::Section(kind),
            section_name(kind).into(),
            count,
        ));
    }
    let mut groups = vec![FeedGroup {
        heading: "Everything",
        feeds: everything.into_iter().flatten().collect(),
    }];
    for (kind, heading) in
        FEED_TAXONOMIES
            .into_iter()
            .zip(["By council", "By service", "By practice area"])
    {
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

/// Renders one feed in all three formats.
pub fn render_feed(site: &Site, scope: FeedScope) -> Vec<Output> {
    let Some(info) = feed_info(site, scope) else {
        return Vec::new();
    };
    let items: Vec<Item> = info
        .entries
        .iter()
        .filter_map(|&i| site.entries.get(i))
        .map(|entry| Item::new(site, entry))
        .collect();
    let head = Head::new(site, &info, &items);
    let output = |format: FeedFormat, text: String| {
        Output::new(info.file(format).trim_start_matches('/'), text)
    };
    vec![
        output(FeedFormat::Atom, atom(&head, &items)),
        output(FeedFormat::Rss, rss(&head, &items)),
        output(FeedFormat::Json, json_feed(&head, &items)),
    ]
}

/// Feed-level values shared by the three formats.
struct Head<'a> {
    site: &'a Site,
    info: &'a FeedInfo,
    title: String,
    description: &'a str,
    page_url: String,
    updated: Timestamp,
    publisher: &'a str,
}

impl<'a> Head<'a> {
    fn new(site: &'a Site, info: &'a FeedInfo, items: &[Item]) -> Self {
        let settings = &site.settings;
        let title = match info.page.as_str() {
            "/" => settings.title.clone(),
            _ => format!("{} – {}", info.name, settings.title),
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

    fn file_url(&self, format: FeedFormat) -> String {
        self.site.settings.absolute_url(&self.info.file(format))
    }
}

/// A category in a feed: a council, service, practice area or tag of an entry.
struct Category {
    /// The slug, stable as the label's wording changes.
    term: String,
    label: String,
    /// The taxonomy's index page, e.g. `https://e.org/councils/`.
    scheme: String,
}

struct ItemImage<'a> {
    url: String,
    mime: Option<&'static str>,
    alt: &'a str,
    credit: &'a str,
}

/// One entry as every format needs it, computed once per feed.
struct Item<'a> {
    entry: &'a Entry,
    url: String,
    published: Timestamp,
    updated: Timestamp,
    modified: Option<Timestamp>,
    content_html: String,
    authors: Vec<&'a Person>,
    categories: Vec<Category>,
    image: Option<ItemImage<'a>>,
}

impl<'a> Item<'a> {
    fn new(site: &Site, entry: &'a Entry) -> Self {
        let settings = &site.settings;
        let url = settings.absolute_url(&entry.path());
        let body = render_markdown(&entry.body, &settings.base_path);
        let published = published_time(entry);
        let modified = modified_time(entry);
        Item {
            entry,
            content_html: absolute_links(&body.html, &url),
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
                label: crate::resolve::term_label(kind, &name),
                scheme: site.settings.absolute_url(&format!("/{}/", kind.section())),
            });
        }
    }
    out
}

/// A tiny XML writer: every text and attribute value goes through [`xml_escape`].
struct Xml {
    out: String,
    depth: usize,
}

type Attrs<'a> = &'a [(&'a str, &'a str)];

impl Xml {
    fn new() -> Self {
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

    fn open(&mut self, name: &str, attrs: Attrs) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn empty(&mut self, name: &str, attrs: Attrs) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding text only; no whitespace is added inside it.
    fn leaf(&mut self, name: &str, attrs: Attrs, text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&xml_escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn finish(self) -> String {
        self.out
    }
}

fn atom(head: &Head, items: &[Item]) -> String {
    let settings = &head.site.settings;
    let self_url = head.file_url(FeedFormat::Atom);
    let mut x = Xml::new();
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
    x.leaf("content", &[("type", "html")], &item.content_html);
    if let Some(image) = &item.image {
        media_content(x, image);
    }
    x.close("entry");
}

/// Media RSS, in both XML formats: it carries the image's alt text and credit.
fn media_content(x: &mut Xml, image: &ItemImage) {
    let mut attrs = vec![("url", image.url.as_str()), ("medium", "image")];
    if let Some(mime) = image.mime {
        attrs.push(("type", mime));
    }
    x.open("media:content", &attrs);
    if !image.alt.is_empty() {
        x.leaf("media:description", &[("type", "plain")], image.alt);
    }
    if !image.credit.is_empty() {
        x.leaf("media:credit", &[], image.credit);
    }
    x.close("media:content");
}

/// RFC 822 dates for RSS; None only for years RFC 822 cannot write (before year 0).
fn rfc822(time: Timestamp) -> Option<String> {
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&time)
        .ok()
}

fn rss(head: &Head, items: &[Item]) -> String {
    let settings = &head.site.settings;
    let self_url = head.file_url(FeedFormat::Rss);
    let mut x = Xml::new();
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
    x.leaf("content:encoded", &[], &item.content_html);
    if let Some(image) = &item.image {
        media_content(x, image);
    }
    x.close("item");
}

fn json_feed(head: &Head, items: &[Item]) -> String {
    let settings = &head.site.settings;
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": head.title,
        "home_page_url": head.page_url,
        "feed_url": head.file_url(FeedFormat::Json),
        "description": head.description,
        "language": settings.language,
        "authors": [{ "name": head.publisher, "url": settings.absolute_url("/") }],
        "items": items.iter().map(|item| json_item(item, &settings.language)).collect::<Vec<_>>(),
    });
    format!("{feed:#}\n")
}

fn json_item(item: &Item, language: &str) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(item.url));
    object.insert("url".into(), json!(item.url));
    object.insert("title".into(), json!(item.entry.title));
    object.insert("summary".into(), json!(item.entry.summary));
    object.insert("content_html".into(), json!(item.content_html));
    object.insert("date_published".into(), json!(item.published.to_string()));
    if let Some(modified) = item.modified {
        object.insert("date_modified".into(), json!(modified.to_string()));
    }
    let authors: Vec<Value> = item
        .authors
        .iter()
        .map(|p| json!({ "name": p.public_name }))
        .collect();
    object.insert("authors".into(), Value::Array(authors));
    let mut tags: Vec<&str> = Vec::new();
    for category in &item.categories {
        if !tags.contains(&category.label.as_str()) {
            tags.push(&category.label);
        }
    }
    object.insert("tags".into(), json!(tags));
    object.insert("language".into(), json!(language));
    if let Some(image) = &item.image {
        object.insert("image".into(), json!(image.url));
        // JSON Feed has no place for alt text or credit; `_` marks an extension.
        object.insert(
            "_practice_press".into(),
            json!({ "image_alt": image.alt, "image_credit": image.credit }),
        );
    }
    Value::Object(object)
}

/// Makes every `href` and `src` in rendered HTML absolute against the page's URL, so feed
/// content works in a reader far from the site. Only attributes inside tags are touched;
/// the HTML comes from pulldown-cmark or ammonia, which always double-quote attributes.
pub fn absolute_links(html: &str, page_url: &str) -> String {
    let base = xml_escape(page_url);
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tag_end(tail);
        out.push_str(&rewrite_tag(&tail[..end], &base));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag at the start of `text`, up to and including its `>`.
fn tag_end(text: &str) -> usize {
    let mut quote = None;
    for (i, ch) in text.char_indices() {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    text.len()
}

fn rewrite_tag(tag: &str, base: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 64);
    let mut quote = None;
    let mut i = 0;
    while i < tag.len() {
        let rest = &tag[i..];
        let after_space = tag[..i].ends_with(char::is_whitespace);
        if quote.is_none() && after_space {
            if let Some(name) = ["href=\"", "src=\""].iter().find(|n| rest.starts_with(**n)) {
                let value_start = i + name.len();
                let value_len = tag[value_start..]
                    .find('"')
                    .unwrap_or(tag.len() - value_start);
                let value = &tag[value_start..value_start + value_len];
                out.push_str(name);
                out.push_str(&resolve_link(value, base));
                let close = value_start + value_len;
                if close < tag.len() {
                    out.push('"');
                }
                i = close + 1;
                continue;
            }
        }
        let Some(ch) = rest.chars().next() else { break };
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Resolves a link written on the page at `page_url` (absolute, ending in `/`) to an
/// absolute URL. Links with a scheme (`https:`, `mailto:`) are returned unchanged.
pub fn resolve_link(reference: &str, page_url: &str) -> String {
    let reference = reference.trim();
    if has_scheme(reference) {
        return reference.to_string();
    }
    let scheme_end = page_url.find("://").map_or(0, |i| i + 3);
    let origin_end = page_url[scheme_end..]
        .find('/')
        .map_or(page_url.len(), |i| scheme_end + i);
    let origin = &page_url[..origin_end];
    let page_path = &page_url[origin_end..];
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{}//{rest}", &page_url[..scheme_end.saturating_sub(2)]);
    }
    if reference.is_empty() || reference.starts_with(['#', '?']) {
        return format!("{page_url}{reference}");
    }
    let joined = if reference.starts_with('/') {
        reference.to_string()
    } else {
        let dir = &page_path[..page_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{reference}")
    };
    format!("{origin}{}", remove_dot_segments(&joined))
}

fn has_scheme(reference: &str) -> bool {
    let Some(colon) = reference.find(':') else {
        return false;
    };
    let scheme = &reference[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `/a/b/../c/./d` → `/a/c/d`; a path can never climb above the origin.
fn remove_dot_segments(path: &str) -> String {
    let split = path.find(['?', '#']).unwrap_or(path.len());
    let (path_part, suffix) = path.split_at(split);
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path_part.split('/').collect();
    for (n, segment) in parts.iter().enumerate() {
        let last = n + 1 == parts.len();
        match *segment {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            s => segments.push(s),
        }
    }
    format!("{}{suffix}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://example.org/sub/stories/a/";

    #[test]
    fn links_resolve_against_the_page() {
        assert_eq!(
            resolve_link("/sub/about/", PAGE),
            "https://example.org/sub/about/"
        );
        assert_eq!(
            resolve_link("other/", PAGE),
            "https://example.org/sub/stories/a/other/"
        );
        assert_eq!(
            resolve_link("../b/#x", PAGE),
            "https://example.org/sub/stories/b/#x"
        );
        assert_eq!(
            resolve_link("#fn-1", PAGE),
            "https://example.org/sub/stories/a/#fn-1"
        );
        assert_eq!(
            resolve_link("../../../../../etc", PAGE),
            "https://example.org/etc"
        );
        assert_eq!(
            resolve_link("//cdn.example/x", PAGE),
            "https://cdn.example/x"
        );
        assert_eq!(resolve_link("mailto:a@b.org", PAGE), "mailto:a@b.org");
        assert_eq!(
            resolve_link("https://e.org/?a=1", PAGE),
            "https://e.org/?a=1"
        );
    }

    #[test]
    fn only_attributes_inside_tags_are_rewritten() {
        let html = "<p>Write <code>href=\"x\"</code> and src=\"y\"</p>\n<p><a href=\"/sub/about/\" title=\"a src=&quot;z\">About</a> <img src=\"pic.jpg\" alt=\"x\"></p>";
        let out = absolute_links(html, PAGE);
        assert!(
            out.contains("<code>href=\"x\"</code> and src=\"y\""),
            "{out}"
        );
        assert!(
            out.contains("href=\"https://example.org/sub/about/\""),
            "{out}"
        );
        assert!(out.contains("title=\"a src=&quot;z\""), "{out}");
        assert!(
            out.contains("src=\"https://example.org/sub/stories/a/pic.jpg\""),
            "{out}"
        );
    }

    #[test]
    fn single_quoted_values_are_left_alone() {
        let out = absolute_links("<a title='x href=\"y\"' href=\"z/\">z</a>", PAGE);
        assert_eq!(
            out,
            "<a title='x href=\"y\"' href=\"https://example.org/sub/stories/a/z/\">z</a>"
        );
    }
}
