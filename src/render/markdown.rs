//! Markdown → safe HTML.
//!
//! pulldown-cmark escapes text, but not link targets, raw HTML or heading attributes
//! (`# Title {onclick=…}`). Link targets are filtered here (no `javascript:` or `data:`),
//! and every body is passed through ammonia, whatever it contains: markdown alone can
//! produce attributes. Headings get ids and start at h2, so each page keeps one h1.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::links::safe_url;
use super::picture::{ImageRef, Pictures};
use super::raw_images::replace_img_tags;
use crate::rules::markdown::{nesting_depth, options, MAX_NESTING};
use crate::util::slugify;

/// The rendered body and its plain text (for search and the copy-ready text version).
#[derive(Debug, Clone, Default)]
pub struct RenderedBody {
    /// The body as HTML.
    pub html: String,
    /// The body as plain text.
    pub text: String,
}

/// Renders a markdown body. `base_path` ("/" or "/sub/") prefixes site-absolute links.
/// Images stay plain `<img>` elements: for feeds and other places without the site's
/// stylesheet.
pub fn render_markdown(markdown: &str, base_path: &str) -> RenderedBody {
    render(markdown, base_path, None)
}

/// Renders a page's body with its images as responsive `<picture>`s (see
/// [`super::picture`]). `image_above` says the page already shows an image before the
/// body, so none in the body is the page's first.
pub(crate) fn render_body(markdown: &str, pictures: &Pictures, image_above: bool) -> RenderedBody {
    render(markdown, pictures.base_path, Some((pictures, image_above)))
}

fn render(markdown: &str, base_path: &str, pictures: Option<(&Pictures, bool)>) -> RenderedBody {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    shift_headings(&mut events);
    add_heading_ids(&mut events);
    if let Some((pictures, image_above)) = pictures {
        events = with_pictures(events, pictures, image_above);
    }
    for event in &mut events {
        rewrite_link(event, base_path);
    }
    let text = plain_text(&events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if nesting_depth(&html) > MAX_NESTING {
        html = paragraphs_of(&text);
    }
    let html = SANITISER.clean(&html).to_string();
    RenderedBody { html, text }
}

/// A body too deeply nested to parse quickly, shown as its plain text.
fn paragraphs_of(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 64);
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        html.push_str("<p>");
        for ch in paragraph.chars() {
            match ch {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '"' => html.push_str("&quot;"),
                c => html.push(c),
            }
        }
        html.push_str("</p>\n");
    }
    html
}

/// Plain text of inline markdown (titles may use *emphasis*; previews need none).
pub fn plain_text_of(markdown: &str) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    plain_text(&events).trim().to_string()
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::BlockQuote(_),
            ) => text.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Replaces each image (its start, alt text and end events), and each `<img>` written
/// as raw HTML, with its `<picture>`, in the order they appear.
fn with_pictures<'a>(
    events: Vec<Event<'a>>,
    pictures: &Pictures,
    image_above: bool,
) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut first = !image_above;
    let mut picture = |src: &str, alt: &str, title: Option<&str>| {
        let html = pictures.html(&ImageRef {
            lang: None,
            src,
            alt,
            title,
            first,
        });
        first = false;
        html
    };
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let alt = alt_text(&mut events);
                let html = picture(&dest_url, &alt, Some(title.as_ref()));
                out.push(Event::InlineHtml(CowStr::from(html)));
            }
            Event::Html(block) => {
                // A block of HTML comes a line at a time, and a tag may span lines.
                let mut block = block.into_string();
                while let Some(Event::Html(line)) = events.peek() {
                    block.push_str(line);
                    events.next();
                }
                let html = with_raw_pictures(&block, &mut picture).into_owned();
                out.push(Event::Html(CowStr::from(html)));
            }
            Event::InlineHtml(tag) => {
                let html = with_raw_pictures(&tag, &mut picture).into_owned();
                out.push(Event::InlineHtml(CowStr::from(html)));
            }
            other => out.push(other),
        }
    }
    out
}

/// The alt text of an image whose start event was just read, up to its end event.
fn alt_text<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> String {
    let mut alt = String::new();
    let mut depth = 0usize;
    for inner in events {
        match inner {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) if depth == 0 => break,
            Event::End(TagEnd::Image) => depth -= 1,
            Event::Text(t) | Event::Code(t) => alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}

/// Raw HTML with each `<img>` in it made a picture like a Markdown image.
fn with_raw_pictures<'h>(
    html: &'h str,
    picture: &mut impl FnMut(&str, &str, Option<&str>) -> String,
) -> std::borrow::Cow<'h, str> {
    replace_img_tags(html, |tag| {
        picture(&tag.src, &tag.alt, tag.title.as_deref())
    })
}

/// Body headings start at h2: the page title is the only h1.
fn shift_headings(events: &mut [Event]) {
    let shallowest = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min();
    let Some(shallowest) = shallowest else { return };
    let shift = 2usize.saturating_sub(shallowest);
    if shift == 0 {
        return;
    }
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => *level = deeper(*level, shift),
            Event::End(TagEnd::Heading(level)) => *level = deeper(*level, shift),
            _ => {}
        }
    }
}

fn deeper(level: HeadingLevel, by: usize) -> HeadingLevel {
    match (level as usize + by).min(6) {
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn add_heading_ids(events: &mut [Event]) {
    let mut used = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let text: String = events[i + 1..]
                .iter()
                .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let base = match slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 1;
            while !used.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        }
        i += 1;
    }
}

fn rewrite_link(event: &mut Event, base_path: &str) {
    let dest = match event {
        Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
            dest_url
        }
        _ => return,
    };
    let safe = safe_url(dest, base_path);
    *dest = CowStr::from(safe);
}

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags([
            "figure",
            "figcaption",
            "section",
            "details",
            "summary",
            "mark",
        ])
        .add_tags(["picture", "source"])
        .add_tag_attributes("source", ["type", "srcset", "sizes", "width", "height"])
        .add_tag_attributes(
            "img",
            ["srcset", "sizes", "loading", "decoding", "fetchpriority"],
        )
        .attribute_filter(|_, attribute, value| match attribute {
            // ammonia checks `src` but knows nothing of `srcset`: its addresses get
            // the same rule here, and a list holding any other address is dropped.
            "srcset" if !srcset_is_safe(value) => None,
            _ => Some(value.into()),
        })
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("td", ["style"])
        .rm_tag_attributes("td", ["style"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Every address of a `srcset` is a site path or a web address.
fn srcset_is_safe(srcset: &str) -> bool {
    srcset.split(',').all(|candidate| {
        let url = candidate.split_whitespace().next().unwrap_or("");
        let lower = url.to_ascii_lowercase();
        match lower.split_once(':') {
            Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
                scheme == "http" || scheme == "https"
            }
            _ => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_footnotes_and_smart_quotes() {
        let body = render_markdown(
            "It's \"good\"[^1].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: Note.\n",
            "/",
        );
        assert!(body.html.contains("<table>"), "{}", body.html);
        assert!(body.html.contains('’'));
        assert!(body.html.contains("footnote"));
    }

    #[test]
    fn headings_start_at_h2_with_ids() {
        let body = render_markdown("# Top\n\n## Next\n\n# Top\n", "/");
        assert!(
            body.html.contains("<h2 id=\"top\">Top</h2>"),
            "{}",
            body.html
        );
        assert!(body.html.contains("<h3 id=\"next\">"), "{}", body.html);
        assert!(body.html.contains("<h2 id=\"top-2\">"), "{}", body.html);
        assert!(!body.html.contains("<h1"));
    }

    #[test]
    fn scripts_and_javascript_links_are_removed() {
        let body = render_markdown(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<iframe src=\"https://e.org\"></iframe>",
            "/",
        );
        for bad in ["<script", "javascript:", "onerror", "<iframe"] {
            assert!(!body.html.contains(bad), "{bad} in {}", body.html);
        }
        let data = render_markdown("[x](data:text/html;base64,PHNjcmlwdD4=)", "/");
        assert!(!data.html.contains("data:"), "{}", data.html);
    }

    #[test]
    fn heading_attributes_cannot_add_event_handlers() {
        // No raw HTML here, so nothing looks like a tag to a filter that waits for one.
        let body = render_markdown(
            "# Hi {onclick=alert(1) style=color:red #top .lead}\n\nText.\n",
            "/",
        );
        assert!(!body.html.contains("onclick"), "{}", body.html);
        assert!(!body.html.contains("style"), "{}", body.html);
        assert!(body.html.contains("id=\"top\""), "{}", body.html);
    }

    #[test]
    fn nesting_is_counted_like_a_parser_keeps_its_stack() {
        assert_eq!(nesting_depth("<p>a</p><p>b</p>"), 1);
        assert_eq!(nesting_depth("<div><p>a<br><img src=x></p></div>"), 2);
        assert_eq!(nesting_depth("<div></span><div></span><div>"), 3);
        assert_eq!(nesting_depth("<ul><li><ul><li>x</li></ul></li></ul>"), 4);
        assert_eq!(nesting_depth("a < b and 1<2 <!-- x -->"), 0);
        assert!(nesting_depth(&"<div>".repeat(10_000)) <= MAX_NESTING + 1);
    }

    #[test]
    fn deeply_nested_bodies_render_quickly_as_text() {
        let body = render_markdown(&format!("{}<script>x</script>", ">".repeat(5000)), "/");
        assert!(!body.html.contains("<blockquote"), "{}", &body.html[..200]);
        assert!(!body.html.contains("<script"));
        let body = render_markdown(&"<div>".repeat(5000), "/");
        assert!(!body.html.contains("<div"));
    }

    #[test]
    fn site_links_get_the_base_path() {
        let body = render_markdown(
            "[about](/about/) [ext](https://e.org/) [rel](other/)",
            "/sub/",
        );
        assert!(body.html.contains("href=\"/sub/about/\""), "{}", body.html);
        assert!(body.html.contains("href=\"https://e.org/\""));
        assert!(body.html.contains("href=\"other/\""));
    }
}
