//! Links made absolute, for places read far from the site: feed readers and the
//! plain-text copy of a story; and links in a translation led to the pages of its
//! language.

use std::collections::HashSet;
use std::sync::Arc;

use crate::resolve::Site;
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

/// The pages a language other than the default has, to lead links written in its
/// translations to them: a translator writes `/how-to-submit/` (or copies `../other/`
/// from the original), and the reader wants the page in the language they are reading.
pub(crate) struct LanguageLinks {
    /// Every page address of the site (`/stories/a/`), in any language.
    pages: HashSet<String>,
    /// The addresses this language has no page for.
    missing: Arc<HashSet<String>>,
    root_path: String,
    base_path: String,
    default_language: String,
    /// `/cy/` for every language but the default: links already written to one are
    /// left as they are.
    prefixes: Vec<String>,
}

impl LanguageLinks {
    /// What the pages of `site` need, or None for the default language, whose links
    /// stay exactly as written.
    pub(crate) fn of(site: &Site) -> Option<LanguageLinks> {
        let languages = &site.languages;
        let current = languages.all.get(languages.current)?;
        if languages.current == 0 {
            return None;
        }
        let mut pages: HashSet<String> = crate::model::SITE_PAGES
            .iter()
            .map(|p| p.to_string())
            .collect();
        pages.extend(site.entries.iter().map(|e| e.path()));
        pages.extend(site.pages.iter().map(|p| p.path()));
        pages.extend(languages.untranslated_pages.iter().map(|p| p.path.clone()));
        for taxonomy in &site.taxonomies {
            let section = taxonomy.kind.section();
            pages.insert(format!("/{section}/"));
            pages.extend(
                taxonomy
                    .terms
                    .iter()
                    .map(|t| format!("/{section}/{}/", t.slug)),
            );
        }
        let root_path = site.settings.root_path.clone();
        Some(LanguageLinks {
            pages,
            missing: Arc::clone(&current.missing),
            prefixes: languages.all[1..]
                .iter()
                .map(|l| {
                    format!(
                        "/{}",
                        l.base_path.strip_prefix(root_path.as_str()).unwrap_or("")
                    )
                })
                .collect(),
            base_path: current.base_path.clone(),
            default_language: languages.all[0].code.clone(),
            root_path,
        })
    }

    /// Where a link written on the page at `page_path` (`/stories/a/`) should lead, and
    /// the language of what it leads to when that is not the page's. None: leave it.
    fn target(&self, href: &str, page_path: &str) -> Option<(String, Option<&str>)> {
        if href.is_empty()
            || href.starts_with(['#', '?'])
            || href.starts_with("//")
            || has_scheme(href)
        {
            return None;
        }
        let relative = !href.starts_with('/');
        let site_path = if relative {
            let dir = &page_path[..page_path.rfind('/').map_or(0, |i| i + 1)];
            remove_dot_segments(&format!("{dir}{href}"))
        } else {
            format!("/{}", href.strip_prefix(self.root_path.as_str())?)
        };
        let split = site_path.find(['?', '#']).unwrap_or(site_path.len());
        let (path, suffix) = site_path.split_at(split);
        if self.prefixes.iter().any(|p| path.starts_with(p.as_str())) {
            return None;
        }
        let path = page_address(path);
        if !self.pages.contains(unpaginated(&path)) {
            // Not a page (a photo, a document, a feed): the same file in every language.
            // A relative link would climb from below the language's folder, so it is
            // written from the site's root, where the file is.
            return relative.then(|| (format!("{}{}{suffix}", self.root_path, &path[1..]), None));
        }
        if self.missing.contains(unpaginated(&path)) {
            let english = format!("{}{}{suffix}", self.root_path, &path[1..]);
            return Some((english, Some(self.default_language.as_str())));
        }
        Some((format!("{}{}{suffix}", self.base_path, &path[1..]), None))
    }
}

/// `/about` and `/about/index.html` are the page `/about/`; a file (`/media/a.pdf`) is
/// left as it is.
fn page_address(path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let last = path.rsplit('/').next().unwrap_or_default();
    if path.ends_with('/') || last.contains('.') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// `/stories/page/2/` is a page of `/stories/`.
fn unpaginated(path: &str) -> &str {
    let Some(rest) = path.strip_suffix('/') else {
        return path;
    };
    match rest.rsplit_once("/page/") {
        Some((listing, number))
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            &path[..listing.len() + 1]
        }
        _ => path,
    }
}

/// Leads the links of a translation's rendered body (`html`, from the sanitiser, whose
/// attributes are always double-quoted) to this language's pages, or to the default
/// language's page, marked with `hreflang`, where this language has none.
pub(crate) fn localise_links(html: &str, page_path: &str, links: &LanguageLinks) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find("<a ") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tag_end(tail);
        out.push_str(&localise_tag(&tail[..end], page_path, links));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn localise_tag(tag: &str, page_path: &str, links: &LanguageLinks) -> String {
    let Some(start) = tag.find(" href=\"").map(|i| i + " href=\"".len()) else {
        return tag.to_string();
    };
    let Some(len) = tag[start..].find('"') else {
        return tag.to_string();
    };
    let Some((href, language)) = links.target(&tag[start..start + len], page_path) else {
        return tag.to_string();
    };
    let mut out = format!("{}{href}{}", &tag[..start], &tag[start + len..]);
    if let Some(language) = language.filter(|_| !tag.contains(" hreflang=")) {
        let close = out.len() - usize::from(out.ends_with('>'));
        out.insert_str(close, &format!(" hreflang=\"{language}\""));
    }
    out
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

    fn welsh(root: &str) -> LanguageLinks {
        let pages = [
            "/",
            "/stories/",
            "/stories/a/",
            "/stories/b/",
            "/how-to-submit/",
            "/about/",
        ];
        LanguageLinks {
            pages: pages.iter().map(|p| p.to_string()).collect(),
            missing: Arc::new(["/stories/b/".to_string(), "/about/".to_string()].into()),
            root_path: root.into(),
            base_path: format!("{root}cy/"),
            default_language: "en-GB".into(),
            prefixes: vec!["/cy/".into()],
        }
    }

    #[test]
    fn translation_links_lead_to_the_welsh_page_or_the_marked_english_one() {
        let links = welsh("/");
        let out = |html: &str| localise_links(html, "/stories/a/", &links);
        assert_eq!(
            out("<a href=\"/how-to-submit/\">x</a>"),
            "<a href=\"/cy/how-to-submit/\">x</a>"
        );
        assert_eq!(
            out("<a href=\"/how-to-submit\">x</a>"),
            "<a href=\"/cy/how-to-submit/\">x</a>"
        );
        assert_eq!(
            out("<a href=\"/about/#team\" rel=\"noopener noreferrer\">x</a>"),
            "<a href=\"/about/#team\" rel=\"noopener noreferrer\" hreflang=\"en-GB\">x</a>"
        );
        assert_eq!(
            out("<a href=\"../b/\">x</a>"),
            "<a href=\"/stories/b/\" hreflang=\"en-GB\">x</a>"
        );
        assert_eq!(
            out("<a href=\"../\">x</a>"),
            "<a href=\"/cy/stories/\">x</a>"
        );
        assert_eq!(
            out("<a href=\"/stories/page/2/\">x</a>"),
            "<a href=\"/cy/stories/page/2/\">x</a>"
        );
        // Written to the Welsh page already, on the same page, elsewhere, or not a page.
        for same in [
            "<a href=\"/cy/stories/b/\">x</a>",
            "<a href=\"#fn-1\">1</a>",
            "<a href=\"https://socialcare.wales/\">x</a>",
            "<a href=\"mailto:a@b.example\">x</a>",
            "<a href=\"/media/leaflet.pdf\">x</a>",
            "<a href=\"/feeds/atom.xml\">x</a>",
            "<a href=\"/no-such-page/\">x</a>",
            "<p>href=\"/about/\"</p>",
        ] {
            assert_eq!(out(same), same);
        }
        // A relative link to a file climbs from below /cy/: it is written from the root.
        assert_eq!(
            out("<a href=\"../../media/a.pdf\">x</a>"),
            "<a href=\"/media/a.pdf\">x</a>"
        );
    }

    #[test]
    fn translation_links_keep_the_sites_own_folder() {
        let links = welsh("/sub/");
        let out = |html: &str| localise_links(html, "/stories/a/", &links);
        assert_eq!(
            out("<a href=\"/sub/how-to-submit/\">x</a>"),
            "<a href=\"/sub/cy/how-to-submit/\">x</a>"
        );
        assert_eq!(
            out("<a href=\"/sub/about/\">x</a>"),
            "<a href=\"/sub/about/\" hreflang=\"en-GB\">x</a>"
        );
        assert_eq!(
            out("<a href=\"/sub/cy/about/\">x</a>"),
            "<a href=\"/sub/cy/about/\">x</a>"
        );
        assert_eq!(
            out("<a href=\"/elsewhere/\">x</a>"),
            "<a href=\"/elsewhere/\">x</a>"
        );
    }
}
