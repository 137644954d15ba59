//! Files that would run code in a reader's browser if published.
//!
//! The media folder is served from the site's own address, so a web page or an SVG with
//! a script in it, opened directly, runs with the site's authority, and the pages'
//! Content-Security-Policy does not cover it (it is a meta tag in each page, not a
//! header). A `.js` file there would also be a "script from this site" that the policy
//! allows. So such files are refused with a clear reason, not cleaned: a sanitised
//! drawing that looks different would be a surprise, and a refusal can be acted on.
//!
//! Decision: refuse by extension the types browsers run or render as documents, and
//! servers may execute (`.php`); refuse any other file whose first bytes make a browser
//! treat it as HTML or XML when the server sends no type; refuse SVGs holding scripts,
//! event handlers, script URLs, embedded web content, entity declarations or XSLT.
//! The SVG check reads text, not a parse tree, so it errs towards refusing: it looks
//! through character references, case and whitespace, the usual hiding places.

use std::sync::LazyLock;

use regex::Regex;

/// Extensions of files a browser runs, renders as a page, or a web server executes.
pub(crate) const ACTIVE_EXTENSIONS: &[&str] = &[
    "html",
    "htm",
    "xhtml",
    "xht",
    "shtml",
    "mht",
    "mhtml",
    "xml",
    "xsl",
    "xslt",
    "svgz",
    "js",
    "mjs",
    "cjs",
    "wasm",
    "css",
    "swf",
    "hta",
    "htc",
    "php",
    "phtml",
    "asp",
    "aspx",
    "jsp",
    "cgi",
    "appcache",
    "webmanifest",
];

/// Why a file other than a photo or drawing must not be published, if it must not:
/// what a browser would make of it when the server does not say what it is.
pub(crate) fn looks_like_a_page(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(512)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = String::from_utf8_lossy(&head[start..]).to_ascii_lowercase();
    // The HTML and XML signatures of the WHATWG MIME sniffing standard, plus SVG.
    const SIGNATURES: &[&str] = &[
        "<!doctype html",
        "<html",
        "<head",
        "<script",
        "<iframe",
        "<h1",
        "<div",
        "<font",
        "<table",
        "<a",
        "<style",
        "<title",
        "<b",
        "<body",
        "<br",
        "<p",
        "<!--",
        "<?xml",
        "<svg",
    ];
    SIGNATURES.iter().find_map(|signature| {
        let rest = head.strip_prefix(signature)?;
        let ends_tag = signature.starts_with("<!--")
            || signature.starts_with("<?")
            || rest.is_empty()
            || rest.starts_with([' ', '>', '\t', '\n', '\r', '/']);
        ends_tag.then_some("it starts like a web page, which a browser may open as one")
    })
}

/// Why an SVG drawing must not be published, if it holds anything that can run.
pub(crate) fn svg_active_content(bytes: &[u8]) -> Option<&'static str> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some("it is not saved as UTF-8 text, so it could not be checked for scripts");
    };
    let lower = text.to_ascii_lowercase();
    static ELEMENTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"<\s*([a-z0-9_.-]+:)?(script|foreignobject|iframe|embed|object|handler|listener)\b",
        )
        .expect("valid pattern")
    });
    static HANDLERS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(^|[\s"'/])on[a-z]+\s*="#).expect("valid pattern"));
    if ELEMENTS.is_match(&lower) {
        return Some("it contains a script or embedded web content");
    }
    if HANDLERS.is_match(&lower) {
        return Some("it contains an event handler (an on… attribute) that runs a script");
    }
    if lower.contains("<!entity") {
        return Some("it declares entities, which can hide a script address");
    }
    if lower.contains("<?xml-stylesheet") {
        return Some("it asks for a style sheet transformation, which can add scripts");
    }
    let squashed: String = decode_references(&lower)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "livescript:"]
        .iter()
        .any(|scheme| squashed.contains(scheme))
    {
        return Some("it contains a link or address that runs a script");
    }
    if squashed.contains("attributename=\"on") || squashed.contains("attributename='on") {
        return Some("it animates an event handler, which runs a script");
    }
    let mut rest = squashed.as_str();
    while let Some(at) = rest.find("data:") {
        rest = &rest[at + 5..];
        let picture = [
            "image/png",
            "image/jpeg",
            "image/jpg",
            "image/gif",
            "image/webp",
        ]
        .iter()
        .any(|kind| rest.starts_with(kind));
        if !picture {
            return Some("it embeds a data: address that is not a picture");
        }
    }
    None
}

/// `&#106;`, `&#x6A;` (with or without the `;`) and the five XML entities as the
/// characters they stand for, as a browser reads an attribute.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let named = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&apos;", '\''),
            ("&colon;", ':'),
            ("&tab;", '\t'),
            ("&newline;", '\n'),
        ];
        if let Some((entity, ch)) = named.iter().find(|(e, _)| rest.starts_with(e)) {
            out.push(*ch);
            rest = &rest[entity.len()..];
            continue;
        }
        let (digits, radix) = if let Some(hex) = rest.strip_prefix("&#x") {
            (hex, 16)
        } else if let Some(dec) = rest.strip_prefix("&#") {
            (dec, 10)
        } else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        let value = u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32);
        match value {
            Some(ch) if len > 0 => {
                out.push(ch);
                let after = &digits[len..];
                rest = after.strip_prefix(';').unwrap_or(after);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_drawings_pass() {
        let svg = br##"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A house</title><style>.a{fill:#c00}</style><rect class="a" width="10" height="10"/><image href="data:image/png;base64,iVBORw0KGgo="/><a href="https://example.org/">x</a><text>Take the bus on Monday = fine</text></svg>"##;
        assert_eq!(svg_active_content(svg), None);
    }

    #[test]
    fn scripts_in_every_disguise_are_found() {
        for svg in [
            "<svg><script>alert(1)</script></svg>",
            "<svg><SCRIPT>alert(1)</SCRIPT></svg>",
            "<svg><svg:script>alert(1)</svg:script></svg>",
            "<svg onload=\"alert(1)\"/>",
            "<svg\nONLOAD = 'alert(1)'/>",
            "<svg title=\">\" onclick=\"alert(1)\"/>",
            "<svg><a href=\"javascript:alert(1)\">x</a></svg>",
            "<svg><a xlink:href=\"&#106;avascript:alert(1)\">x</a></svg>",
            "<svg><a href=\"&#x6A&#x61vascript:alert(1)\">x</a></svg>",
            "<svg><a href=\"jav&#x09;ascript:alert(1)\">x</a></svg>",
            "<svg><a href=\" JaVa\tScRiPt:alert(1)\">x</a></svg>",
            "<svg><foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"/></foreignObject></svg>",
            "<!DOCTYPE svg [<!ENTITY x \"javascript:\">]><svg/>",
            "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg/>",
            "<svg><a href=\"data:text/html,x\">x</a></svg>",
            "<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
            "<svg><animate attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
        ] {
            assert!(svg_active_content(svg.as_bytes()).is_some(), "{svg}");
        }
        assert!(svg_active_content(b"<svg>\xff</svg>").is_some());
    }

    #[test]
    fn pages_are_recognised_by_their_first_bytes() {
        for page in [
            &b"<!DOCTYPE html><p>x"[..],
            b"\xef\xbb\xbf  <HTML>",
            b"\n<script>alert(1)</script>",
            b"<svg onload=alert(1)>",
            b"<?xml version='1.0'?><x/>",
            b"<p>",
        ] {
            assert!(looks_like_a_page(page).is_some(), "{page:?}");
        }
        for other in [
            &b"ID3\x03"[..],
            b"%PDF-1.7",
            b"",
            b"<pre-recorded",
            b"Hello",
        ] {
            assert!(looks_like_a_page(other).is_none(), "{other:?}");
        }
    }
}
