//! The copy-ready plain-text version of a story, published beside its page as
//! `story.txt`, for journalists who paste a story into their own systems.
//!
//! It says what the page says and nothing more: the same public fields, people by their
//! public name, and the same body with its markup turned into plain text. Links keep
//! their address as "text (https://…)", because a pasted story loses its hyperlinks.
//! Lines are wrapped at [`WIDTH`] columns so the text reads well in e-mail too.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::links::resolve_link;
use super::links::safe_url;
use crate::i18n::Strings;
use crate::model::{Contact, Entry, People, Person};
use crate::resolve::{term_label, Site, TaxonomyKind};

/// Lines are wrapped to this many characters; a single longer word (a URL) keeps its own line.
pub(crate) const WIDTH: usize = 78;

/// The file name beside a story's `index.html`.
pub(crate) const FILE_NAME: &str = "story.txt";

/// The whole plain-text file. It starts with a byte-order mark: many web servers send
/// `.txt` files without a character set, and the mark makes browsers read UTF-8.
pub(crate) fn story_text(site: &Site, strings: &Strings, entry: &Entry) -> String {
    let settings = &site.settings;
    let url = settings.absolute_url(&entry.path());
    let mut doc = Doc::default();
    doc.heading(&entry.title, '=');
    doc.paragraph(&entry.summary);
    let say = |id: &str| strings.say(id);
    doc.field(&say("entry-published"), &strings.date(entry.date));
    if let Some(updated) = entry.updated {
        doc.field(&say("entry-updated"), &strings.date(updated));
    }
    if let Some(council) = &entry.council {
        doc.field(&say("entry-council"), council);
    }
    if let Some(service) = &entry.service {
        doc.field(
            &say("entry-service"),
            &term_label(&settings.labels, TaxonomyKind::Service, service),
        );
    }
    for (relation, person) in people(entry) {
        doc.field(&say(relation), &person_text(person));
    }
    doc.field(&say("text-web-address"), &url);
    doc.rule();
    doc.lines
        .extend(body_text(&entry.body, &settings.root_path, &url));
    doc.rule();
    if let Some(image) = &entry.image {
        if !image.decorative && !image.alt.is_empty() {
            doc.field(&say("text-image"), &image.alt);
        }
        if !image.credit.is_empty() {
            doc.field(&say("text-image-credit"), &image.credit);
        }
    }
    let contact = entry
        .media_contact
        .as_ref()
        .or(settings.press_office.as_ref());
    if let Some(contact) = contact {
        doc.field(&say("text-media-contact"), &contact_text(contact));
    }
    doc.field(&say("text-web-address"), &url);
    doc.field(&say("text-published-by"), publisher(site));
    file_text(&doc.lines)
}

/// The lines as the file holds them: after a byte-order mark, joined, without control
/// characters, trailing space trimmed, ending in one line break. Written into one
/// buffer, since every story has a copy.
fn file_text(lines: &[String]) -> String {
    let size: usize = lines.iter().map(|line| line.len() + 1).sum();
    let mut text = String::with_capacity(size + 4);
    text.push('\u{feff}');
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        // Control characters (a pasted NUL, a bell) mean nothing in a text file and
        // break some tools that journalists paste into; tabs and line breaks stay.
        if line.chars().any(char::is_control) {
            text.extend(
                line.chars()
                    .filter(|c| !c.is_control() || matches!(c, '\n' | '\t')),
            );
        } else {
            text.push_str(line);
        }
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

fn publisher(site: &Site) -> &str {
    if site.settings.organisation.is_empty() {
        &site.settings.title
    } else {
        &site.settings.organisation
    }
}

fn people(entry: &Entry) -> Vec<(&'static str, &Person)> {
    match &entry.people {
        People::Story { authors } => authors.iter().map(|a| ("person-written-by", a)).collect(),
        People::Nomination { nominee, nominator } => vec![
            ("person-nominee", nominee),
            ("person-nominated-by", nominator),
        ],
    }
}

/// As on the page: the public name, then role and organisation for named people only
/// (an anonymous person's label already is their role and organisation).
fn person_text(person: &Person) -> String {
    let mut parts = vec![person.public_name.as_str()];
    if !person.anonymous {
        parts.extend(
            [person.role.as_str(), person.organisation.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty()),
        );
    }
    parts.join(", ")
}

/// "Anytown press office, press@anytown.gov.uk, 01632 960000".
pub(crate) fn contact_text(contact: &Contact) -> String {
    [
        contact.name.as_str(),
        contact.email.as_str(),
        contact.phone.as_str(),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// Lines of text separated by single blank lines.
#[derive(Default)]
struct Doc {
    lines: Vec<String>,
}

impl Doc {
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn heading(&mut self, text: &str, underline: char) {
        let lines = wrap(text, "", "");
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        self.lines.extend(lines);
        self.lines.push(underline.to_string().repeat(width));
        self.blank();
    }

    fn paragraph(&mut self, text: &str) {
        self.lines.extend(wrap(text, "", ""));
        self.blank();
    }

    /// "Label: value", wrapped with the value's later lines lined up under its first.
    fn field(&mut self, label: &str, value: &str) {
        let first = format!("{label}: ");
        let rest = " ".repeat(first.chars().count());
        self.lines.extend(wrap(value, &first, &rest));
    }

    fn rule(&mut self) {
        self.blank();
        self.lines.push("-".repeat(WIDTH));
        self.lines.push(String::new());
    }
}

/// Wraps text at [`WIDTH`]. `\n` forces a line break (markdown hard breaks); any other
/// whitespace run is one space.
pub(crate) fn wrap(text: &str, first_prefix: &str, rest_prefix: &str) -> Vec<String> {
    let rest_width = rest_prefix.chars().count();
    let mut lines = Vec::new();
    let mut line = new_line(first_prefix);
    // Counted as words are added: counting the line again for every word made wrapping
    // a tenth of a large build.
    let mut width = first_prefix.chars().count();
    let mut has_word = false;
    for (n, segment) in text.split('\n').enumerate() {
        if n > 0 && has_word {
            lines.push(std::mem::replace(&mut line, new_line(rest_prefix)));
            width = rest_width;
            has_word = false;
        }
        for word in segment.split_whitespace() {
            let word_width = word.chars().count();
            if has_word && width + 1 + word_width > WIDTH {
                lines.push(std::mem::replace(&mut line, new_line(rest_prefix)));
                width = rest_width;
                has_word = false;
            }
            if has_word {
                line.push(' ');
                width += 1;
            }
            line.push_str(word);
            width += word_width;
            has_word = true;
        }
    }
    if has_word {
        lines.push(line);
    }
    lines
}

/// An empty line starting with `prefix`, with room for a full line, so adding it word by
/// word does not reallocate it again and again.
fn new_line(prefix: &str) -> String {
    let mut line = String::with_capacity(prefix.len() + WIDTH + 2);
    line.push_str(prefix);
    line
}

/// A markdown body as wrapped plain-text lines. `page_url` (absolute) resolves links.
pub(crate) fn body_text(markdown: &str, base_path: &str, page_url: &str) -> Vec<String> {
    let mut writer = TextWriter {
        base_path,
        page_url,
        ..TextWriter::default()
    };
    for event in Parser::new_ext(markdown, crate::rules::markdown::options()) {
        writer.event(event);
    }
    writer.flush(true);
    writer.doc.lines
}

#[derive(Default)]
struct TextWriter<'a> {
    base_path: &'a str,
    page_url: &'a str,
    doc: Doc,
    /// Text of the block being read.
    inline: String,
    /// One per open list: the next number of an ordered list, None for bullets.
    lists: Vec<Option<u64>>,
    /// A list item's bullet or a footnote's label, put before the block's first line.
    marker: Option<String>,
    quote_depth: usize,
    /// Open links and images: their absolute address and where their text starts.
    links: Vec<(Option<String>, usize)>,
    in_code: bool,
    /// Raw HTML of the block being read, turned into text at its end.
    html: Option<String>,
    /// Inside inline `<script>` or `<style>`, whose content the page does not show.
    hidden_depth: usize,
}

impl TextWriter<'_> {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text)
            }
            Event::Html(html) => self.html.get_or_insert_with(String::new).push_str(&html),
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::FootnoteReference(label) => self.inline.push_str(&format!("[{label}]")),
            Event::SoftBreak => self.inline.push(' '),
            Event::HardBreak => self.inline.push('\n'),
            Event::Rule => {
                self.flush(true);
                self.doc.lines.push("* * *".into());
                self.doc.blank();
            }
            Event::TaskListMarker(done) => self.inline.push_str(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn text(&mut self, text: &str) {
        if self.hidden_depth > 0 {
            return;
        }
        match &mut self.html {
            Some(html) => html.push_str(text),
            None => self.inline.push_str(text),
        }
    }

    fn inline_html(&mut self, html: &str) {
        let lower = html.trim_start().to_ascii_lowercase();
        if lower.starts_with("<script") || lower.starts_with("<style") {
            self.hidden_depth += 1;
        } else if lower.starts_with("</script") || lower.starts_with("</style") {
            self.hidden_depth = self.hidden_depth.saturating_sub(1);
        } else if lower.starts_with("<br") {
            self.inline.push('\n');
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { .. } | Tag::Table(_) | Tag::HtmlBlock => self.flush(true),
            Tag::BlockQuote(_) => {
                self.flush(true);
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush(true);
                self.in_code = true;
            }
            Tag::List(start) => {
                self.flush(false);
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush(false);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                self.marker = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.flush(true);
                self.marker = Some(format!("[{label}] "));
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let url = self.absolute(&dest_url);
                self.links.push((url, self.inline.len()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow => {
                let blank = self.lists.is_empty() && tag == TagEnd::Paragraph;
                self.flush(blank);
            }
            TagEnd::Heading(_) => self.heading(),
            TagEnd::BlockQuote(_) => {
                self.flush(true);
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => self.code_block(),
            TagEnd::List(_) => {
                self.flush(false);
                self.lists.pop();
                if self.lists.is_empty() {
                    self.doc.blank();
                }
            }
            TagEnd::Table | TagEnd::FootnoteDefinition => self.flush(true),
            TagEnd::TableCell => self.inline.push_str(" | "),
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.inline.push_str(&html_to_text(&html));
                }
                self.flush(true);
            }
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            _ => {}
        }
    }

    /// The link target as an absolute URL, or None for one the page does not link
    /// (`javascript:` and the like).
    fn absolute(&self, dest: &str) -> Option<String> {
        let safe = safe_url(dest, self.base_path);
        (safe != "#").then(|| resolve_link(&safe, self.page_url))
    }

    fn end_link(&mut self) {
        let Some((url, start)) = self.links.pop() else {
            return;
        };
        let Some(url) = url else { return };
        let text = self.inline.get(start..).unwrap_or("").trim();
        let says_it = [
            url.as_str(),
            url.trim_start_matches("mailto:"),
            url.trim_start_matches("tel:"),
        ]
        .contains(&text);
        if !says_it {
            self.inline.push_str(&format!(" ({url})"));
        }
    }

    fn end_image(&mut self) {
        let Some((url, start)) = self.links.pop() else {
            return;
        };
        let alt = self.inline.get(start..).unwrap_or("").trim().to_string();
        self.inline.truncate(start);
        let described = match (alt.is_empty(), url) {
            (false, Some(url)) => format!("[Image: {alt} ({url})]"),
            (false, None) => format!("[Image: {alt}]"),
            (true, Some(url)) => format!("[Image ({url})]"),
            (true, None) => String::new(),
        };
        self.inline.push_str(&described);
    }

    fn heading(&mut self) {
        let text = std::mem::take(&mut self.inline);
        let prefix = self.quote_prefix();
        let lines = wrap(&text, &prefix, &prefix);
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        self.doc.lines.extend(lines);
        if width > prefix.chars().count() {
            let underline = "-".repeat(width - prefix.chars().count());
            self.doc.lines.push(format!("{prefix}{underline}"));
        }
        self.doc.blank();
    }

    fn code_block(&mut self) {
        self.in_code = false;
        let code = std::mem::take(&mut self.inline);
        let prefix = format!("{}{}    ", self.quote_prefix(), self.list_indent());
        for line in code.trim_end_matches('\n').lines() {
            self.doc
                .lines
                .push(format!("{prefix}{line}").trim_end().to_string());
        }
        self.doc.blank();
    }

    fn quote_prefix(&self) -> String {
        "> ".repeat(self.quote_depth)
    }

    fn list_indent(&self) -> String {
        "  ".repeat(self.lists.len().saturating_sub(1))
    }

    /// Writes the block read so far; `blank` leaves an empty line after it.
    fn flush(&mut self, blank: bool) {
        if self.in_code {
            return;
        }
        let text = std::mem::take(&mut self.inline);
        let text = text.trim_end().trim_end_matches(" |");
        let marker = self.marker.take();
        if !text.trim().is_empty() {
            let base = format!("{}{}", self.quote_prefix(), self.list_indent());
            let (first, rest) = match marker {
                Some(marker) => (
                    format!("{base}{marker}"),
                    format!("{base}{}", " ".repeat(marker.chars().count())),
                ),
                None if !self.lists.is_empty() => (format!("{base}  "), format!("{base}  ")),
                None => (base.clone(), base),
            };
            self.doc.lines.extend(wrap(text, &first, &rest));
        } else if let Some(marker) = marker {
            // An item whose text comes in a later block keeps its bullet for that block.
            self.marker = Some(marker);
        }
        if blank {
            self.doc.blank();
        }
    }
}

static HTML_TEXT: LazyLock<ammonia::Builder<'static>> = LazyLock::new(ammonia::Builder::empty);

/// The text of a raw HTML block as the page shows it: tags and comments gone, and
/// `<script>`/`<style>` content dropped, exactly as the page's sanitiser drops it.
fn html_to_text(html: &str) -> String {
    let cleaned = HTML_TEXT.clean(html).to_string();
    cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://example.org/sub/stories/a/";

    #[test]
    fn the_file_drops_control_characters_and_trailing_space() {
        let lines: Vec<String> = ["Title\u{7}", "", "a\tb\u{0}c", "Bell\u{85}", "  ", ""]
            .map(String::from)
            .into();
        assert_eq!(file_text(&lines), "\u{feff}Title\n\na\tbc\nBell\n");
        // Trailing space is trimmed after control characters are taken out.
        let ends_with_a_bell: Vec<String> = vec!["Text \u{7}".into()];
        assert_eq!(file_text(&ends_with_a_bell), "\u{feff}Text\n");
        assert_eq!(file_text(&[]), "\u{feff}\n");
    }

    fn text(markdown: &str) -> String {
        body_text(markdown, "/sub/", PAGE).join("\n")
    }

    /// The text with line breaks as spaces, for phrases that may wrap.
    fn flat(markdown: &str) -> String {
        text(markdown).replace('\n', " ")
    }

    #[test]
    fn links_keep_their_absolute_address() {
        let out = flat(
            "See [the about page](/about/), [a note](notes/) and <https://e.org/x>. \
             Mail [press@e.org](mailto:press@e.org). [Bad](javascript:alert(1))",
        );
        assert!(
            out.contains("the about page (https://example.org/sub/about/)"),
            "{out}"
        );
        assert!(
            out.contains("a note (https://example.org/sub/stories/a/notes/)"),
            "{out}"
        );
        assert!(out.contains("https://e.org/x."), "{out}");
        assert!(!out.contains("https://e.org/x (https"), "{out}");
        assert!(out.contains("Mail press@e.org."), "{out}");
        assert!(!out.contains("javascript"), "{out}");
    }

    #[test]
    fn lines_are_wrapped_at_78_columns() {
        let long = "word ".repeat(60);
        let out = text(&format!("{long}\n\n- {long}\n\n> {long}"));
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH, "{line:?}");
        }
        assert!(out.contains("\n- word"), "{out}");
        assert!(out.contains("\n  word"), "{out}");
        assert!(out.contains("\n> word"), "{out}");
    }

    #[test]
    fn long_urls_keep_a_line_of_their_own() {
        let url = format!("https://example.org/{}", "x".repeat(90));
        let lines = wrap(&format!("see {url} now"), "", "");
        assert_eq!(lines, vec!["see".to_string(), url, "now".to_string()]);
    }

    #[test]
    fn html_is_turned_into_text_without_hidden_content() {
        let out = text(
            "<div class=\"box\">\n<p>Shown &amp; kept</p>\n<script>\nalert(1)\n</script>\n<!-- secret -->\n</div>\n\nInline <script>bad()</script>ok <mark>marked</mark>.",
        );
        assert!(out.contains("Shown & kept"), "{out}");
        for hidden in ["alert", "secret", "bad()", "<"] {
            assert!(!out.contains(hidden), "{hidden} in {out}");
        }
        assert!(out.contains("Inline ok marked."), "{out}");
    }

    #[test]
    fn headings_lists_and_footnotes_read_as_text() {
        let out =
            text("## What we did\n\n1. First\n2. Second\n\nA claim[^1].\n\n[^1]: The source.\n");
        assert!(out.contains("What we did\n-----------"), "{out}");
        assert!(out.contains("1. First\n2. Second"), "{out}");
        assert!(out.contains("A claim[1]."), "{out}");
        assert!(out.contains("[1] The source."), "{out}");
    }
}
