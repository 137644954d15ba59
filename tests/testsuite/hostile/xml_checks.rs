//! Checks for XML outputs (feeds, the sitemap) and SVG drawings: well-formed, and no
//! element or attribute that would run script when the file is opened on its own.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::hostile::checks::unsafe_url;

/// Elements that run or embed active content inside XML (SVG script, XHTML in SVG).
const ACTIVE_ELEMENTS: &[&str] = &[
    "script",
    "foreignobject",
    "iframe",
    "object",
    "embed",
    "handler",
    "listener",
];

pub fn check_xml(name: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(element)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                problems.extend(check_element(name, &element));
            }
            Ok(Event::Empty(element)) => {
                if depth == 0 {
                    roots += 1;
                }
                problems.extend(check_element(name, &element));
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::DocType(doctype)) => {
                let text = String::from_utf8_lossy(&doctype).to_ascii_lowercase();
                if text.contains("<!entity") {
                    problems.push(format!("{name}: a DOCTYPE that declares entities"));
                }
            }
            Ok(_) => {}
            Err(err) => {
                problems.push(format!(
                    "{name}: not well-formed XML at byte {}: {err}",
                    reader.error_position()
                ));
                break;
            }
        }
    }
    if depth != 0 {
        problems.push(format!("{name}: {depth} element(s) never closed"));
    }
    if roots != 1 && problems.is_empty() {
        problems.push(format!("{name}: {roots} root elements"));
    }
    problems
}

fn check_element(name: &str, element: &BytesStart) -> Vec<String> {
    let mut problems = Vec::new();
    let tag = String::from_utf8_lossy(element.local_name().as_ref()).to_ascii_lowercase();
    if ACTIVE_ELEMENTS.contains(&tag.as_str()) {
        problems.push(format!("{name}: a <{tag}> element"));
    }
    for attribute in element.attributes() {
        let attribute = match attribute {
            Ok(attribute) => attribute,
            Err(err) => {
                problems.push(format!("{name}: a broken attribute on <{tag}>: {err}"));
                continue;
            }
        };
        let key = String::from_utf8_lossy(attribute.key.local_name().as_ref()).to_ascii_lowercase();
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(&attribute.value).into_owned());
        if key.starts_with("on") {
            problems.push(format!("{name}: <{tag}> has an event handler {key}"));
        }
        if matches!(key.as_str(), "href" | "src") {
            if let Some(problem) = unsafe_url(&value) {
                problems.push(format!("{name}: <{tag} {key}> is {problem}"));
            }
        }
    }
    problems
}
