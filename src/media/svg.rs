//! SVG drawings: removing what the drawing program recorded about its user, without
//! changing what is drawn.
//!
//! SVG is text, and editors write into it things nobody sees on the page: Inkscape
//! stores the drawing's own file name (`sodipodi:docname`) and the full path it was last
//! exported to (`inkscape:export-filename`, often `/home/<user>/...` or a case folder
//! name), and most editors add a `<metadata>` block with the author's name and
//! licence details. Comments can hold notes meant for colleagues.
//!
//! Decision: remove `<metadata>` elements (whatever their namespace prefix), XML
//! comments, and those two Inkscape attributes; keep everything else, including
//! `<title>` and `<desc>`, which screen readers announce. None of these are drawn, so
//! the picture is unchanged.
//!
//! This is a small, careful scanner, not a full XML parser (the crate has none as a
//! dependency). It understands quoted attribute values, comments, CDATA sections,
//! processing instructions and a DOCTYPE with an internal subset. Whenever the text does
//! not follow that shape (an unterminated comment, a `<metadata>` with no end tag, text
//! that is not UTF-8) the file is returned exactly as it was: a left-over author name is
//! a smaller harm than a drawing that no longer opens.

use std::borrow::Cow;

/// Attributes that record file names and folders on the author's computer.
const DROPPED_ATTRIBUTES: &[&str] = &["sodipodi:docname", "inkscape:export-filename"];

/// Returns the SVG with its `<metadata>` elements, comments and editor file-name
/// attributes removed, or the bytes unchanged when the file cannot be read safely.
pub fn strip_svg_metadata(bytes: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(bytes).ok().and_then(clean_svg) {
        Some(clean) => clean.into_bytes(),
        None => bytes.to_vec(),
    }
}

/// The size an SVG drawing is shown at, in whole CSS pixels (from its `width` and
/// `height`, or its `viewBox`), for the `width` and `height` of its `<img>`. None for a
/// drawing that cannot be read or has no size.
pub(crate) fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let tree = resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default()).ok()?;
    let size = tree.size();
    let round = |value: f32| -> Option<u32> {
        let rounded = value.round();
        (1.0..=100_000.0)
            .contains(&rounded)
            .then_some(rounded as u32)
    };
    Some((round(size.width())?, round(size.height())?))
}

fn clean_svg(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    // how many `<metadata>` elements we are inside; their contents are all dropped
    let mut dropping = 0usize;
    let mut pos = 0;
    while let Some(offset) = text[pos..].find('<') {
        let start = pos + offset;
        if dropping == 0 {
            out.push_str(&text[pos..start]);
        }
        let rest = &text[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            pos = start + 4 + comment.find("-->")? + 3;
        } else if rest.starts_with("<![CDATA[") {
            let end = start + rest.find("]]>")? + 3;
            if dropping == 0 {
                out.push_str(&text[start..end]);
            }
            pos = end;
        } else if rest.starts_with("<?") {
            let end = start + rest.find("?>")? + 2;
            if dropping == 0 {
                out.push_str(&text[start..end]);
            }
            pos = end;
        } else if rest.starts_with("<!") {
            let end = declaration_end(text, start)? + 1;
            if dropping == 0 {
                out.push_str(&text[start..end]);
            }
            pos = end;
        } else if rest.starts_with("</") {
            let end = start + rest.find('>')? + 1;
            if dropping > 0 {
                if is_metadata(tag_name(&text[start + 2..end])) {
                    dropping -= 1;
                }
            } else {
                out.push_str(&text[start..end]);
            }
            pos = end;
        } else {
            let end = tag_end(text, start)? + 1;
            let tag = &text[start..end];
            let self_closing = tag[..tag.len() - 1].trim_end().ends_with('/');
            if is_metadata(tag_name(&tag[1..])) {
                if !self_closing {
                    dropping += 1;
                }
            } else if dropping == 0 {
                out.push_str(&clean_attributes(tag));
            }
            pos = end;
        }
    }
    if dropping > 0 {
        return None;
    }
    out.push_str(&text[pos..]);
    Some(out)
}

/// The name at the start of a tag's text (after `<` or `</`).
fn tag_name(after_bracket: &str) -> &str {
    let end = after_bracket
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(after_bracket.len());
    &after_bracket[..end]
}

fn is_metadata(name: &str) -> bool {
    name.rsplit(':').next() == Some("metadata")
}

/// The index of the `>` closing the tag that starts at `start`, skipping quoted values.
fn tag_end(text: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, byte) in text.bytes().enumerate().skip(start + 1) {
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return Some(i),
            (None, b'<') => return None,
            (None, _) => {}
        }
    }
    None
}

/// The index of the `>` closing a `<!DOCTYPE …>` declaration, past any `[…]` subset.
fn declaration_end(text: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    let mut depth = 0usize;
    for (i, byte) in text.bytes().enumerate().skip(start + 2) {
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'[') => depth += 1,
            (None, b']') => depth = depth.checked_sub(1)?,
            (None, b'>') if depth == 0 => return Some(i),
            (None, _) => {}
        }
    }
    None
}

/// The start tag without [`DROPPED_ATTRIBUTES`]; unchanged if it has none of them or
/// its attributes are not in the usual `name="value"` shape.
fn clean_attributes(tag: &str) -> Cow<'_, str> {
    if !DROPPED_ATTRIBUTES.iter().any(|name| tag.contains(name)) {
        return Cow::Borrowed(tag);
    }
    let bytes = tag.as_bytes();
    let mut pos = 1 + tag_name(&tag[1..]).len();
    let mut out = String::from(&tag[..pos]);
    loop {
        let gap_start = pos;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        match bytes.get(pos) {
            Some(b'>' | b'/') => {
                out.push_str(&tag[gap_start..]);
                return Cow::Owned(out);
            }
            None => return Cow::Borrowed(tag),
            Some(_) => {}
        }
        let name_start = pos;
        while bytes
            .get(pos)
            .is_some_and(|&b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
        {
            pos += 1;
        }
        let name = &tag[name_start..pos];
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        if bytes.get(pos) != Some(&b'=') {
            return Cow::Borrowed(tag);
        }
        pos += 1;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(pos) else {
            return Cow::Borrowed(tag);
        };
        let Some(value_len) = tag[pos + 1..].find(char::from(quote)) else {
            return Cow::Borrowed(tag);
        };
        pos += 1 + value_len + 1;
        if !DROPPED_ATTRIBUTES.contains(&name) {
            out.push_str(&tag[gap_start..pos]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        String::from_utf8(strip_svg_metadata(text.as_bytes())).unwrap()
    }

    #[test]
    fn removes_metadata_comments_and_file_names() {
        let svg = concat!(
            "<?xml version=\"1.0\"?>\n<!-- Created by Jane for the Smith case -->\n",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" sodipodi:docname=\"smith family.svg\" ",
            "width=\"10\" inkscape:export-filename='/home/jane/cases/smith.png'>",
            "<title>A house</title><metadata id=\"m\"><rdf:RDF><cc:Work>",
            "<dc:creator>Jane</dc:creator><metadata/></cc:Work></rdf:RDF></metadata>",
            "<rect width=\"10\" height=\"10\" data-x=\"a>b\"/></svg>\n"
        );
        assert_eq!(
            clean(svg),
            concat!(
                "<?xml version=\"1.0\"?>\n\n",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\">",
                "<title>A house</title>",
                "<rect width=\"10\" height=\"10\" data-x=\"a>b\"/></svg>\n"
            )
        );
    }

    #[test]
    fn prefixed_and_self_closing_metadata() {
        assert_eq!(
            clean("<svg><svg:metadata>x</svg:metadata><metadata /><g/></svg>"),
            "<svg><g/></svg>"
        );
    }

    #[test]
    fn keeps_cdata_doctype_and_styles() {
        let svg = concat!(
            "<!DOCTYPE svg [ <!ENTITY a \"<metadata>\"> ]>",
            "<svg><style><![CDATA[ a > b { fill: red } <metadata> ]]></style></svg>"
        );
        assert_eq!(clean(svg), svg);
    }

    #[test]
    fn odd_files_are_left_alone() {
        for text in [
            "<svg><!-- never closed",
            "<svg><metadata>never closed</svg>",
            "<svg width=\"10></svg>",
            "not xml at all",
        ] {
            assert_eq!(clean(text), text);
        }
        let not_utf8 = b"<svg>\xff</svg>";
        assert_eq!(strip_svg_metadata(not_utf8), not_utf8);
    }

    #[test]
    fn unusual_attribute_shapes_keep_the_tag() {
        let tag = "<svg sodipodi:docname=unquoted>";
        assert_eq!(clean_attributes(tag), tag);
        assert_eq!(
            clean_attributes("<svg  sodipodi:docname = \"Zoë.svg\"\n id=\"ü\" />"),
            "<svg\n id=\"ü\" />"
        );
    }
}
