//! SARIF 2.1.0, the OASIS format that GitHub code scanning, Azure DevOps and many
//! editors read.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{json, Value};

use super::{full_message, is_error, locate, Located};
use crate::diagnostic::Diagnostic;

/// The name under which a result's own fingerprint is given in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "practicePress/v1";

/// One SARIF log with one run. Columns are counted in characters, as everywhere in
/// practice-press, which SARIF calls `unicodeCodePoints`; paths are relative to the
/// repository root (`%SRCROOT%`).
pub(crate) fn render_sarif(
    diagnostics: &[Diagnostic],
    site_prefix: &Path,
    source_of: &dyn Fn(&Path) -> Option<String>,
) -> String {
    let located = locate(diagnostics, site_prefix, source_of);
    let codes: Vec<&str> = located
        .iter()
        .map(|l| l.diagnostic.code)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rules: Vec<Value> = codes.iter().map(|code| json!({ "id": code })).collect();
    let results: Vec<Value> = located.iter().map(|l| result(l, &codes)).collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "practice-press",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "The repository root." } } },
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_else(|_| String::from("{}"))
}

fn result(located: &Located<'_>, codes: &[&str]) -> Value {
    let d = located.diagnostic;
    let mut physical = json!({
        "artifactLocation": { "uri": uri_path(&located.path), "uriBaseId": "%SRCROOT%" },
    });
    if d.line > 0 {
        physical["region"] = json!({
            "startLine": d.line,
            "startColumn": d.column.max(1),
            "endColumn": d.column.max(1) + d.length.max(1),
        });
    }
    json!({
        "ruleId": d.code,
        "ruleIndex": codes.iter().position(|c| *c == d.code).unwrap_or(0),
        "level": if is_error(d) { "error" } else { "warning" },
        "message": { "text": full_message(d) },
        "locations": [{ "physicalLocation": physical }],
        "partialFingerprints": { FINGERPRINT_KEY: located.fingerprint },
    })
}

/// A relative path as a URI reference: anything but unreserved characters and `/` is
/// percent-encoded, so a file named `what we did #2.md` stays one path.
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_spaces_and_hashes() {
        assert_eq!(
            uri_path("content/stories/what we did #2.md"),
            "content/stories/what%20we%20did%20%232.md"
        );
        assert_eq!(uri_path("content/é.md"), "content/%C3%A9.md");
    }
}
