//! A GitLab Code Quality report: the JSON array GitLab shows in a merge request's
//! widget and on the changed lines of its diff.

use std::path::Path;

use serde_json::{json, Value};

use super::{full_message, is_error, locate};
use crate::diagnostic::Diagnostic;

/// The report as pretty JSON. Errors are `major` and warnings `minor`, GitLab's words
/// for a problem that must be fixed and one worth a look.
pub(crate) fn render_gitlab(
    diagnostics: &[Diagnostic],
    site_prefix: &Path,
    source_of: &dyn Fn(&Path) -> Option<String>,
) -> String {
    let issues: Vec<Value> = locate(diagnostics, site_prefix, source_of)
        .into_iter()
        .map(|located| {
            let d = located.diagnostic;
            json!({
                "type": "issue",
                "description": full_message(d),
                "check_name": d.code,
                "fingerprint": located.fingerprint,
                "severity": if is_error(d) { "major" } else { "minor" },
                "categories": ["Style"],
                "location": {
                    "path": located.path,
                    // GitLab counts lines from 1; a problem about the whole file shows on its first.
                    "lines": { "begin": d.line.max(1) },
                },
            })
        })
        .collect();
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| String::from("[]"))
}
