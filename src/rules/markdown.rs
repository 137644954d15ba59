//! The Markdown dialect: the extensions every reader of a body uses (the page, the
//! plain-text copy, the nesting check), so what `check` measures is what is rendered.

use pulldown_cmark::{Options, Parser};

/// The markdown extensions every renderer of a body uses, so all outputs agree.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// How deeply a body's elements may sit inside each other. html5ever, under ammonia,
/// checks the open elements at every tag, so time grows with length × depth: a 1 MB
/// story of `>>>>…` or `<div><div>…` took minutes. Real stories nest a dozen levels;
/// Chromium's own parser stops at 512.
pub(crate) const MAX_NESTING: usize = 256;

/// How deeply the elements of `markdown`'s HTML nest (quotes, lists and raw HTML alike).
pub(crate) fn markdown_nesting(markdown: &str) -> usize {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    nesting_depth(&html)
}

/// The most elements open at once in `html`, found in one pass the way a parser keeps
/// its stack: an end tag closes up to the same name when open and is ignored otherwise.
/// Stops counting past [`MAX_NESTING`], so it stays linear.
pub(crate) fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param",
    ];
    let mut open: Vec<String> = Vec::new();
    let mut deepest = 0;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        if closing {
            if let Some(position) = open.iter().rposition(|n| *n == name) {
                open.truncate(position);
            }
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
            deepest = deepest.max(open.len());
            if deepest > MAX_NESTING {
                return deepest;
            }
        }
    }
    deepest
}
