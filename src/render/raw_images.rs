//! `<img>` tags written as raw HTML in a story's body (`<figure><img src="/media/…">`),
//! found so each can be given the same `<picture>` markup as a Markdown image.
//!
//! Attributes are read the way a browser reads a start tag: names up to `=`, space,
//! `/` or `>`, values quoted with `"` or `'` or unquoted up to a space or `>`, and
//! character references in values decoded. Only `src`, `alt` and `title` are kept: the
//! markup is made anew, and the whole body still passes the sanitiser afterwards.

use std::borrow::Cow;

/// What a written `<img>` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImgTag {
    pub(crate) src: String,
    pub(crate) alt: String,
    pub(crate) title: Option<String>,
}

/// `html` with every `<img>` that has a `src` replaced by what `picture` makes of it;
/// anything else, and an `<img>` cut off before its `>`, left as written.
pub(crate) fn replace_img_tags<'a>(
    html: &'a str,
    mut picture: impl FnMut(&ImgTag) -> String,
) -> Cow<'a, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(start) = find_img(html, from) {
        let Some((tag, end)) = read_tag(html, start + 4) else {
            break;
        };
        from = end;
        // An address that is not plain (a scheme other than http or https, or a
        // character reference left undecoded) is left as written, for the sanitiser.
        let Some(tag) = tag.filter(|tag| is_plain_address(&tag.src)) else {
            continue;
        };
        out.push_str(&html[copied..start]);
        out.push_str(&picture(&tag));
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// A path, or an http(s) address, with no `&` or control character left in it.
fn is_plain_address(src: &str) -> bool {
    if src.contains('&') || src.chars().any(char::is_control) {
        return false;
    }
    match src.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
        _ => true,
    }
}

/// Where the next `<img` start tag is, at or after `from`.
fn find_img(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let name = bytes.get(start + 1..start + 4);
        let after = bytes.get(start + 4).copied();
        if name.is_some_and(|n| n.eq_ignore_ascii_case(b"img"))
            && matches!(
                after,
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
            )
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Reads the attributes from `at` to the tag's `>`: the tag (None without a `src`) and
/// where it ends, or None when no `>` ends it.
fn read_tag(html: &str, mut at: usize) -> Option<(Option<ImgTag>, usize)> {
    let bytes = html.as_bytes();
    let (mut src, mut alt, mut title) = (None, None, None);
    loop {
        while bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => break,
            _ => {
                let name_end = at
                    + bytes[at..]
                        .iter()
                        .position(|b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
                        .unwrap_or(bytes.len() - at);
                // The first character of a name may be `=`, as browsers allow.
                let name_end = name_end.max(at + 1);
                let name = html[at..name_end].to_ascii_lowercase();
                at = name_end;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                let mut value = String::new();
                if bytes.get(at) == Some(&b'=') {
                    at += 1;
                    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                        at += 1;
                    }
                    let (raw, next) = read_value(html, at)?;
                    value = decode_references(raw);
                    at = next;
                }
                // The first of two attributes of one name counts, as in a browser.
                let slot = match name.as_str() {
                    "src" => &mut src,
                    "alt" => &mut alt,
                    "title" => &mut title,
                    _ => continue,
                };
                slot.get_or_insert(value);
            }
        }
    }
    let tag = src.map(|src| ImgTag {
        src,
        alt: alt.unwrap_or_default(),
        title,
    });
    Some((tag, at + 1))
}

/// One attribute value from `at`, and where reading goes on after it; None when the
/// tag is cut off inside a quoted value.
fn read_value(html: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = html.as_bytes();
    match bytes.get(at)? {
        quote @ (b'"' | b'\'') => {
            let close = memchr::memchr(*quote, &bytes[at + 1..])?;
            Some((&html[at + 1..at + 1 + close], at + close + 2))
        }
        _ => {
            let end = at
                + bytes[at..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == b'>')
                    .unwrap_or(bytes.len() - at);
            Some((&html[at..end], end))
        }
    }
}

/// Decodes the character references a writer is likely to use in an attribute; any
/// other `&` is kept as written.
fn decode_references(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => numeric_reference(name),
            };
            ch.map(|ch| (ch, semi + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `#39` or `#x27` as a character; None for anything else or a code that is not one.
fn numeric_reference(name: &str) -> Option<char> {
    let digits = name.strip_prefix('#')?;
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(code).filter(|c| *c != '\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(html: &str) -> (String, Vec<ImgTag>) {
        let mut found = Vec::new();
        let out = replace_img_tags(html, |tag| {
            found.push(tag.clone());
            "[picture]".to_string()
        });
        (out.into_owned(), found)
    }

    #[test]
    fn quoted_unquoted_and_encoded_attributes_are_read_as_a_browser_reads_them() {
        let (out, found) = tags(
            "<figure>\n<IMG alt='Tea &amp; &quot;toast&quot;' SRC=/media/a.jpg title=\"Kitchen\" width=10/>\n<figcaption>x</figcaption></figure>",
        );
        assert_eq!(
            out,
            "<figure>\n[picture]\n<figcaption>x</figcaption></figure>"
        );
        assert_eq!(
            found,
            vec![ImgTag {
                src: "/media/a.jpg".into(),
                alt: "Tea & \"toast\"".into(),
                title: Some("Kitchen".into()),
            }]
        );
    }

    #[test]
    fn a_right_angle_inside_quotes_does_not_end_the_tag() {
        let (out, found) = tags("a <img src=\"/m/b.png\" alt=\"1 > 0\"> b <img src=c.jpg>");
        assert_eq!(out, "a [picture] b [picture]");
        assert_eq!(found[0].alt, "1 > 0");
        assert_eq!(found[1].src, "c.jpg");
        assert_eq!(found[1].alt, "");
    }

    #[test]
    fn other_tags_an_img_without_src_and_a_cut_off_tag_are_left_as_written() {
        for html in [
            "<imgx src=a.jpg> <image src=a.jpg>",
            "<img alt=\"no address\">",
            "<img src=\"/media/a.jpg",
            "<img src=/media/a.jpg alt=\"never closed>",
        ] {
            let (out, found) = tags(html);
            assert_eq!(out, html);
            assert!(found.is_empty(), "{html}");
        }
    }

    #[test]
    fn addresses_that_are_not_plain_are_left_for_the_sanitiser() {
        for html in [
            "<IMG SRC=&#x6A&#x61&#x76&#x61>",
            "<img src=\"javascript:alert(1)\">",
            "<IMG SRC=\"jav&#x09;ascript:alert('x');\">",
        ] {
            assert_eq!(tags(html).1, Vec::new(), "{html}");
        }
        assert_eq!(tags("<img src=\"https://e.org/a.png\">").1.len(), 1);
        assert_eq!(tags("<img src=\"/media/a.png\">").1.len(), 1);
    }

    #[test]
    fn references_that_are_not_known_stay_as_written() {
        assert_eq!(
            decode_references("a &copy; b &#39;c&#x27; &#0; &"),
            "a &copy; b 'c' &#0; &"
        );
    }
}
