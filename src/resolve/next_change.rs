//! When the published site next changes by itself: the earliest moment an embargo lifts
//! or a consent expires. Nobody has to edit a file for that change, but somebody (or a
//! scheduled job) has to build, so `build` and `check --summary` say when.

use std::path::PathBuf;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use super::{hold_back_reason, PublishOptions};
use crate::model::Entry;

/// The next change, what causes it and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NextChange {
    pub(crate) at: Timestamp,
    pub(crate) source: PathBuf,
    pub(crate) cause: Cause,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Cause {
    /// A held-back entry's embargo lifts and it is published.
    EmbargoLifts,
    /// A published entry's consent has expired and it comes down.
    ConsentExpires,
}

/// The earliest change after `options.now` among `entries` (published and held back
/// alike), or None when nothing is waiting. Drafts wait for a person, never for a time;
/// an entry whose consent was withdrawn never comes back.
pub(crate) fn next_change<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    options: PublishOptions,
) -> Option<NextChange> {
    entries
        .into_iter()
        .flat_map(|entry| changes_of(entry, options))
        .min_by(|a, b| (a.at, &a.source).cmp(&(b.at, &b.source)))
}

fn changes_of(entry: &Entry, options: PublishOptions) -> Vec<NextChange> {
    let mut changes = Vec::new();
    if entry.draft && !options.include_drafts {
        return changes;
    }
    let at = |at: Timestamp, cause| NextChange {
        at,
        source: entry.source.clone(),
        cause,
    };
    if let Some(until) = entry.embargo.filter(|until| *until > options.now) {
        // Only if nothing else keeps it back once the embargo has lifted.
        let then = PublishOptions {
            now: until,
            ..options
        };
        if hold_back_reason(entry, then).is_none() {
            changes.push(at(until, Cause::EmbargoLifts));
        }
    }
    if let Some(ends) = consent_ends(entry).filter(|ends| *ends > options.now) {
        // Only if it is published until then: an entry still under embargo when its
        // consent ends never appears, so nothing changes.
        let before = PublishOptions {
            now: ends - jiff::SignedDuration::from_secs(1),
            ..options
        };
        if hold_back_reason(entry, before).is_none() {
            changes.push(at(ends, Cause::ConsentExpires));
        }
    }
    changes
}

/// Consent runs to the end of its `expires` day (UTC), as publishing judges it: the
/// entry comes down at the following midnight.
fn consent_ends(entry: &Entry) -> Option<Timestamp> {
    let expires = entry.consent.as_ref()?.expires?;
    let next_day = expires.checked_add(1.day()).ok()?;
    next_day.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
}

impl NextChange {
    /// "2026-03-29 09:00 UTC (10:00 BST in Europe/London)": the time in UTC, then in
    /// `zone`, with the date again when it differs there.
    pub(crate) fn when(&self, zone: &TimeZone) -> String {
        let utc = self.at.to_zoned(TimeZone::UTC);
        let local = self.at.to_zoned(zone.clone());
        let utc_text = utc.strftime("%Y-%m-%d %H:%M UTC").to_string();
        let name = zone.iana_name().unwrap_or("local time");
        if zone
            .iana_name()
            .is_some_and(|n| n == "UTC" || n == "Etc/UTC")
        {
            return utc_text;
        }
        let local_text = if local.date() == utc.date() {
            local.strftime("%H:%M %Z").to_string()
        } else {
            local.strftime("%Y-%m-%d %H:%M %Z").to_string()
        };
        format!("{utc_text} ({local_text} in {name})")
    }

    /// The time in `zone` as RFC 3339 with its offset, for tools.
    pub(crate) fn local_rfc3339(&self, zone: &TimeZone) -> String {
        self.at
            .to_zoned(zone.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    }

    /// What happens, in words.
    pub(crate) fn describe(&self) -> String {
        let file = self.source.to_string_lossy().replace('\\', "/");
        match self.cause {
            Cause::EmbargoLifts => format!("the embargo on {file} lifts"),
            Cause::ConsentExpires => format!("consent for {file} expires and it comes down"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(at: &str) -> NextChange {
        NextChange {
            at: at.parse().unwrap_or_else(|e| panic!("{at}: {e}")),
            source: PathBuf::from("content/stories/a.md"),
            cause: Cause::EmbargoLifts,
        }
    }

    #[test]
    fn a_zone_without_a_name_is_called_local_time() {
        let zone = TimeZone::fixed(jiff::tz::offset(2));
        assert_eq!(
            change("2026-03-29T09:00:00Z").when(&zone),
            "2026-03-29 09:00 UTC (11:00 +02 in local time)"
        );
        assert_eq!(
            change("2026-03-29T09:00:00Z").local_rfc3339(&zone),
            "2026-03-29T11:00:00+02:00"
        );
    }

    #[test]
    fn utc_is_said_once() {
        assert_eq!(
            change("2026-10-25T01:30:00Z").when(&TimeZone::UTC),
            "2026-10-25 01:30 UTC"
        );
    }
}
