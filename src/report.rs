//! The release summary behind `check --summary`: what a build would publish now, what
//! it holds back and why, and every personal-data exception, so a communications
//! manager can sign off a release without reading every file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::build::Checked;
use crate::load::{locate, Document};
use crate::model::EntryKind;
use crate::resolve::next_change::{Cause, NextChange};
use crate::resolve::HeldBack;
use crate::util::LineIndex;
use crate::validate::personal_data::{allowed, find_personal_data};
use jiff::tz::TimeZone;

/// Shown where a nomination names no council or service.
pub(crate) const NOT_GIVEN: &str = "(not given)";

/// Everything a release sign-off needs, for one "now".
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseSummary {
    pub(crate) site: String,
    /// The time embargoes and consent expiry were judged at (RFC 3339).
    pub(crate) now: String,
    /// No errors: a build now would publish exactly what this summary lists.
    pub ready: bool,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    /// Files with at least one error; nothing is published while any remain.
    pub files_with_errors: Vec<String>,
    /// One row per council and service that has anything published or held back.
    pub(crate) groups: Vec<Group>,
    pub(crate) totals: Totals,
    pub(crate) held_back: Vec<HeldBackItem>,
    pub(crate) personal_data_exceptions: Vec<Exception>,
    /// When the published site next changes by itself, so a build is due then.
    pub(crate) next_change: Option<NextChangeItem>,
}

/// The earliest embargo lift or consent expiry still to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct NextChangeItem {
    /// In UTC, RFC 3339 (`2026-03-29T09:00:00Z`).
    pub(crate) at: String,
    /// The same moment in `time_zone`, RFC 3339 with its offset.
    pub(crate) at_local: String,
    /// The IANA name of the local time zone (from `TZ` or the system), if known.
    pub(crate) time_zone: Option<String>,
    pub(crate) file: String,
    /// `embargo_lifts` or `consent_expires`.
    pub(crate) cause: Cause,
    /// In words, with both times.
    pub(crate) text: String,
}

impl NextChangeItem {
    pub(crate) fn new(change: &NextChange, zone: &TimeZone) -> Self {
        NextChangeItem {
            at: change.at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            at_local: change.local_rfc3339(zone),
            time_zone: zone.iana_name().map(str::to_string),
            file: shown(&change.source),
            cause: change.cause,
            text: format!("{}: {}", change.when(zone), change.describe()),
        }
    }
}

/// Counts for one council and service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Group {
    pub(crate) council: String,
    pub(crate) service: String,
    pub(crate) stories: usize,
    pub(crate) nominations: usize,
    pub(crate) held_back: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Totals {
    pub(crate) stories: usize,
    pub(crate) nominations: usize,
    pub(crate) pages: usize,
    pub(crate) held_back: usize,
}

/// A story or nomination left out of this release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct HeldBackItem {
    pub(crate) file: String,
    pub(crate) title: String,
    pub(crate) kind: EntryKind,
    pub(crate) council: String,
    pub(crate) service: String,
    /// Why, in words: "draft", "embargoed until 2026-03-02T09:00:00Z", …
    pub(crate) reason: String,
    /// The same, for tools: `draft`, `embargo`, `consent_withdrawn`, `consent_expired`.
    pub(crate) why: HeldBack,
}

/// One `allow_personal_data` entry: text that is published although it looks like
/// personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Exception {
    pub(crate) file: String,
    /// The line of the front matter that allows it (0 if it cannot be found).
    pub(crate) line: usize,
    /// Exactly as written in `allow_personal_data`.
    pub(crate) text: String,
    /// How many times the body uses it; 0 means the exception is no longer needed.
    pub(crate) uses: usize,
    /// Whether the file is published in this release.
    pub(crate) published: bool,
}

/// The summary of a checked site, with local times in the system's time zone (`TZ`);
/// None when site.yaml could not be read.
pub fn release_summary(checked: &Checked) -> Option<ReleaseSummary> {
    release_summary_in(checked, &TimeZone::system())
}

/// [`release_summary`] with local times in `zone`.
pub(crate) fn release_summary_in(checked: &Checked, zone: &TimeZone) -> Option<ReleaseSummary> {
    let site = checked.site.as_ref()?;
    let library = &checked.library;
    let all_documents = || library.documents.iter().chain(&library.incomplete);
    let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    let files_with_errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| shown(&d.file))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();

    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    let mut totals = Totals {
        pages: site.pages.len(),
        ..Totals::default()
    };
    for entry in &site.entries {
        let row = group(&mut groups, &entry.council, &entry.service);
        match entry.kind {
            EntryKind::Story => {
                row.stories += 1;
                totals.stories += 1;
            }
            EntryKind::Nomination => {
                row.nominations += 1;
                totals.nominations += 1;
            }
        }
    }
    let mut held_back = Vec::new();
    for held in &checked.held_back {
        let service = all_documents()
            .find(|d| d.source.path == held.source)
            .and_then(|d| d.entry.service.clone());
        group(&mut groups, &held.council, &service).held_back += 1;
        totals.held_back += 1;
        held_back.push(HeldBackItem {
            file: shown(&held.source),
            title: held.title.clone(),
            kind: held.kind,
            council: or_not_given(&held.council),
            service: or_not_given(&service),
            reason: describe(&held.why),
            why: held.why.clone(),
        });
    }

    let published: std::collections::HashSet<&Path> =
        site.entries.iter().map(|e| e.source.as_path()).collect();
    let personal_data_exceptions = all_documents()
        .flat_map(|document| {
            exceptions(document, published.contains(document.source.path.as_path()))
        })
        .collect();

    Some(ReleaseSummary {
        site: site.settings.title.clone(),
        now: site.now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        ready: errors == 0,
        errors,
        warnings: checked.diagnostics.len() - errors,
        files_with_errors,
        groups: groups.into_values().collect(),
        totals,
        held_back,
        personal_data_exceptions,
        next_change: checked
            .next_change
            .as_ref()
            .map(|change| NextChangeItem::new(change, zone)),
    })
}

/// The row for a council and service, made empty the first time it is asked for.
fn group<'g>(
    groups: &'g mut BTreeMap<(String, String), Group>,
    council: &Option<String>,
    service: &Option<String>,
) -> &'g mut Group {
    let (council, service) = (or_not_given(council), or_not_given(service));
    groups
        .entry((council.clone(), service.clone()))
        .or_insert_with(|| Group {
            council,
            service,
            ..Group::default()
        })
}

fn exceptions(document: &Document, published: bool) -> Vec<Exception> {
    let text = &document.source.text;
    let yaml = document.parts.yaml(text);
    let body = document.parts.body(text);
    let index = LineIndex::new(text);
    let found = find_personal_data(body);
    document
        .private
        .allow_personal_data
        .iter()
        .map(|allowed_text| {
            let line = locate::value_offset(yaml, "allow_personal_data", allowed_text)
                .map_or(0, |offset| {
                    index.position(document.parts.yaml_start + offset).0
                });
            let uses = found
                .iter()
                .filter(|m| allowed(&body[m.range.clone()], std::slice::from_ref(allowed_text)))
                .count();
            Exception {
                file: shown(&document.source.path),
                line,
                text: allowed_text.clone(),
                uses,
                published,
            }
        })
        .collect()
}

/// Why an entry is held back, in words.
pub(crate) fn describe(why: &HeldBack) -> String {
    match why {
        HeldBack::Draft => "draft".into(),
        HeldBack::Embargo { until } => format!("embargoed until {until}"),
        HeldBack::ConsentWithdrawn => "consent withdrawn (or not given)".into(),
        HeldBack::ConsentExpired { on } => format!("consent expired on {on}"),
    }
}

fn or_not_given(value: &Option<String>) -> String {
    value
        .as_deref()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or(NOT_GIVEN)
        .to_string()
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl ReleaseSummary {
    /// The summary as plain text for a terminal or an e-mail: a heading, the state of
    /// the release, then three tables.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Release summary: {}", self.site);
        let _ = writeln!(out, "Checked as at {}", self.now);
        let _ = writeln!(out);
        if self.ready {
            let _ = writeln!(
                out,
                "Ready to publish: no errors{}.",
                match self.warnings {
                    0 => String::new(),
                    n => format!(" ({})", counted(n, "warning", "warnings")),
                }
            );
        } else {
            let _ = writeln!(
                out,
                "NOT READY: {} in {} must be fixed first; nothing is published until then:",
                counted(self.errors, "error", "errors"),
                counted(self.files_with_errors.len(), "file", "files"),
            );
            for file in &self.files_with_errors {
                let _ = writeln!(out, "  {file}");
            }
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Would be published: {}, {}, {}; held back: {}.",
            counted(self.totals.stories, "story", "stories"),
            counted(self.totals.nominations, "nomination", "nominations"),
            counted(self.totals.pages, "page", "pages"),
            self.totals.held_back,
        );
        match &self.next_change {
            Some(change) => {
                let _ = writeln!(out, "Next change by itself: {}.", change.text);
            }
            None => {
                let _ = writeln!(
                    out,
                    "Next change by itself: none (no embargo or consent expiry to come)."
                );
            }
        }
        let _ = writeln!(out);
        let mut rows: Vec<Vec<String>> = self
            .groups
            .iter()
            .map(|g| {
                vec![
                    g.council.clone(),
                    g.service.clone(),
                    g.stories.to_string(),
                    g.nominations.to_string(),
                    g.held_back.to_string(),
                ]
            })
            .collect();
        rows.push(vec![
            "Total".into(),
            String::new(),
            self.totals.stories.to_string(),
            self.totals.nominations.to_string(),
            self.totals.held_back.to_string(),
        ]);
        out.push_str(&table(
            &["Council", "Service", "Stories", "Nominations", "Held back"],
            &[false, false, true, true, true],
            &rows,
        ));

        let _ = writeln!(out);
        if self.held_back.is_empty() {
            let _ = writeln!(out, "Held back: nothing.");
        } else {
            let _ = writeln!(out, "Held back ({}):", self.held_back.len());
            let rows: Vec<Vec<String>> = self
                .held_back
                .iter()
                .map(|h| vec![h.file.clone(), h.council.clone(), h.reason.clone()])
                .collect();
            out.push_str(&table(&["File", "Council", "Why"], &[false; 3], &rows));
        }

        let _ = writeln!(out);
        if self.personal_data_exceptions.is_empty() {
            let _ = writeln!(out, "Personal data allowed by `allow_personal_data`: none.");
        } else {
            let _ = writeln!(
                out,
                "Personal data allowed by `allow_personal_data` ({}); check each is meant to be public:",
                self.personal_data_exceptions.len()
            );
            let rows: Vec<Vec<String>> = self
                .personal_data_exceptions
                .iter()
                .map(|e| {
                    let place = if e.line > 0 {
                        format!("{}:{}", e.file, e.line)
                    } else {
                        e.file.clone()
                    };
                    let state = match (e.published, e.uses) {
                        (_, 0) => "not used in the text".to_string(),
                        (true, n) => format!("published, used {}", counted(n, "time", "times")),
                        (false, n) => format!("held back, used {}", counted(n, "time", "times")),
                    };
                    vec![place, format!("\"{}\"", e.text), state]
                })
                .collect();
            out.push_str(&table(
                &["File", "Allowed text", "In this release"],
                &[false; 3],
                &rows,
            ));
        }
        out
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A plain text table: a header, a rule of dashes, and the rows, columns two spaces
/// apart, numbers aligned right.
fn table(header: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let width = |i: usize| {
        rows.iter()
            .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
            .chain(std::iter::once(header[i].chars().count()))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        let mut text = String::from("  ");
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i > 0 {
                text.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            }
        }
        format!("{}\n", text.trim_end())
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_text_left_and_numbers_right() {
        let text = table(
            &["Council", "Stories"],
            &[false, true],
            &[
                vec!["Anytown Council".into(), "3".into()],
                vec!["Zoë's Borough".into(), "12".into()],
            ],
        );
        assert_eq!(
            text,
            "  Council          Stories\n  ---------------  -------\n  Anytown Council        3\n  Zoë's Borough         12\n"
        );
    }

    #[test]
    fn reasons_in_words() {
        assert_eq!(describe(&HeldBack::Draft), "draft");
        assert_eq!(
            describe(&HeldBack::Embargo {
                until: "2026-03-02T09:00:00Z".into()
            }),
            "embargoed until 2026-03-02T09:00:00Z"
        );
        assert_eq!(
            describe(&HeldBack::ConsentExpired {
                on: "2025-12-31".into()
            }),
            "consent expired on 2025-12-31"
        );
    }
}
