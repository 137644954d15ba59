//! Links made absolute, for places read far from the site: feed readers and the
//! plain-text copy of a story.

use crate::util::xml_escape;

/// Makes every `href` and `src` in rendered HTML absolute against the page's URL, so feed
/// content works in a reader far from the site. Only attributes inside tags are touched;
/// the HTML comes from pulldown-cmark or ammonia, which always double-quote attributes.
pub(crate) fn absolute_links(html: &str, page_url: &str) -> String {
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
pub(crate) fn resolve_link(reference: &str, page_url: &str) -> String {
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

/// Keeps web, mail and telephone links and site paths; anything else becomes `#`.
pub(crate) fn safe_url(url: &str, base_path: &str) -> String {
    let trimmed = url.trim();
    if let Some(path) = trimmed.strip_prefix('/') {
        if !trimmed.starts_with("//") {
            return format!("{base_path}{path}");
        }
    }
    let scheme_end = trimmed.find(':');
    let path_like = trimmed.find(['/', '?', '#']);
    let has_scheme = matches!((scheme_end, path_like), (Some(c), Some(p)) if c < p)
        || (scheme_end.is_some() && path_like.is_none());
    if !has_scheme {
        return trimmed.to_string();
    }
    let scheme = trimmed[..scheme_end.unwrap_or(0)].to_ascii_lowercase();
    if ["http", "https", "mailto", "tel"].contains(&scheme.as_str()) {
        trimmed.to_string()
    } else {
        "#".to_string()
    }
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
