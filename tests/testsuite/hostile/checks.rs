//! What "no script from content" means, as checks over published files.
//!
//! Shared by the integration tests and the fuzz targets (`fuzz/` includes this file by
//! path), so a fuzzer finding and a test failure use the same definition. Each check
//! returns readable problems instead of panicking, so one run lists all of them.
//!
//! HTML is parsed with html5ever (through scraper), the parser browsers' algorithm is
//! specified by: a string search would be fooled by exactly the tricks attackers use
//! (`<scr<script>ipt>`, entities, case, stray whitespace).

use scraper::{Html, Node};

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "cite",
    "background",
    "ping",
    "xlink:href",
    "codebase",
    "manifest",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "itemtype",
];

/// Elements that load or run active content, or restyle the page; none belongs in what
/// content can produce and the theme uses none of them.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "style",
    "base",
    "portal",
    "fencedframe",
    "template",
    "foreignobject",
    "handler",
    "listener",
];

/// Schemes a browser may follow from a published page.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// How a page's scripts are allowed to look: only the theme's own files by `src`
/// (under `static_prefix`, e.g. `/static/` or `/sub/static/`) and JSON-LD data blocks.
pub struct ScriptPolicy<'a> {
    pub static_prefix: &'a str,
}

/// Every problem in one HTML document.
pub fn check_html(name: &str, html: &str, policy: &ScriptPolicy) -> Vec<String> {
    let mut problems = Vec::new();
    let document = Html::parse_document(html);
    for node in document.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let tag = element.name().to_ascii_lowercase();
        if FORBIDDEN_ELEMENTS.contains(&tag.as_str()) {
            problems.push(format!("{name}: a <{tag}> element"));
        }
        if tag == "script" {
            let text: String = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            problems.extend(check_script(name, element, &text, policy));
        }
        if tag == "meta" {
            if let Some(refresh) = element.attr("http-equiv") {
                if refresh.eq_ignore_ascii_case("refresh") {
                    let content = element.attr("content").unwrap_or("");
                    let target = content
                        .split_once(';')
                        .map(|(_, rest)| rest.trim())
                        .map(|rest| {
                            rest.strip_prefix("url=")
                                .or_else(|| rest.strip_prefix("URL="))
                                .unwrap_or(rest)
                        })
                        .unwrap_or("");
                    if let Some(problem) = unsafe_url(target) {
                        problems.push(format!("{name}: a refresh to {problem}"));
                    }
                }
            }
        }
        for (attribute, value) in element.attrs() {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                problems.push(format!(
                    "{name}: <{tag}> has an event handler {attribute}={value:?}"
                ));
            }
            if attribute == "style" {
                problems.push(format!("{name}: <{tag}> has a style attribute"));
            }
            if URL_ATTRIBUTES.contains(&attribute.as_str()) {
                if let Some(problem) = unsafe_url(value) {
                    problems.push(format!("{name}: <{tag} {attribute}> is {problem}"));
                }
            }
            if attribute == "srcset" || attribute == "imagesrcset" {
                for candidate in value.split(',') {
                    let url = candidate.split_whitespace().next().unwrap_or("");
                    if let Some(problem) = unsafe_url(url) {
                        problems.push(format!("{name}: <{tag} {attribute}> has {problem}"));
                    }
                }
            }
        }
    }
    problems
}

fn check_script(
    name: &str,
    element: &scraper::node::Element,
    text: &str,
    policy: &ScriptPolicy,
) -> Vec<String> {
    let kind = element
        .attr("type")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if kind == "application/ld+json" {
        if element.attr("src").is_some() {
            return vec![format!("{name}: a JSON-LD block with a src")];
        }
        return check_json_ld(name, text);
    }
    match element.attr("src") {
        Some(src) if src.starts_with(policy.static_prefix) && !src.contains("..") => {
            if text.trim().is_empty() {
                Vec::new()
            } else {
                vec![format!(
                    "{name}: the theme script {src} also has inline text"
                )]
            }
        }
        Some(src) => vec![format!("{name}: a script from {src:?}, not the theme")],
        None => vec![format!(
            "{name}: an inline script: {:?}",
            text.chars().take(80).collect::<String>()
        )],
    }
}

/// A JSON-LD block must be data: valid JSON, and with no `<` at all, so neither
/// `</script>` nor `<!--` can change how the HTML parser reads the block.
pub fn check_json_ld(name: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if text.contains('<') {
        problems.push(format!("{name}: a JSON-LD block with a raw '<'"));
    }
    if let Err(err) = serde_json::from_str::<serde_json::Value>(text) {
        problems.push(format!("{name}: a JSON-LD block that is not JSON ({err})"));
    }
    problems
}

/// The scheme a browser would see in a URL attribute, after the clean-ups the URL
/// standard makes: leading and trailing C0 controls and spaces removed, tabs and
/// newlines removed anywhere. None for a relative URL.
pub fn url_scheme(value: &str) -> Option<String> {
    let cleaned: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| scheme.to_ascii_lowercase())
}

/// Why a URL may not appear in a page, if it may not.
pub fn unsafe_url(value: &str) -> Option<String> {
    let scheme = url_scheme(value)?;
    (!SAFE_SCHEMES.contains(&scheme.as_str())).then(|| format!("a {scheme}: URL {value:?}"))
}

/// Raw-text checks for files that are not HTML but may be read by one: XML feeds and
/// sitemaps, JSON, plain text. None may hold a NUL or other C0 control (XML 1.0 cannot
/// carry them at all, and they hide text from reviewers).
pub fn check_text_file(name: &str, bytes: &[u8]) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec![format!("{name}: not UTF-8")];
    };
    if let Some(c) = text
        .chars()
        .find(|c| (*c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t'))
    {
        problems.push(format!("{name}: a control character U+{:04X}", c as u32));
    }
    problems
}
