//! Checks one [`SearchRecord`] and splits it into what is searched (four fields, each
//! with its own weight) and what a result shows.
//!
//! Only fields of the record are used, so nothing reaches the index that the caller
//! did not choose to publish.

use super::{RecordKind, SearchError, SearchRecord};
use crate::rules::is_language_tag;

/// The searched fields, in the order of [`PreparedRecord::fields`].
pub(crate) const TITLE: usize = 0;
pub(crate) const SUMMARY: usize = 1;
/// People, council, service, practice areas, tags and year.
pub(crate) const DETAILS: usize = 2;
pub(crate) const BODY: usize = 3;
pub(crate) const FIELDS: usize = 4;

/// A checked record: the text of each searched field and what a result shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PreparedRecord {
    pub(crate) url: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) kind: RecordKind,
    pub(crate) date: String,
    pub(crate) year: String,
    pub(crate) council: Option<String>,
    pub(crate) service: Option<String>,
    pub(crate) practice_areas: Vec<String>,
    /// Whether its words are stemmed as English.
    pub(crate) english: bool,
    /// The record's language as given, when it is not the index's own: an entry not
    /// translated yet, found in its own words, which a result marks as such.
    pub(crate) other_language: Option<String>,
    pub(crate) fields: [String; FIELDS],
}

impl RecordKind {
    /// The filter value, also used in shared URLs (`?type=story`).
    pub(crate) fn filter_value(self) -> &'static str {
        match self {
            RecordKind::Story => "story",
            RecordKind::Nomination => "nomination",
        }
    }
}

/// Checks a record and splits it into fields.
pub(crate) fn prepare(
    record: SearchRecord,
    default_language: &str,
) -> Result<PreparedRecord, SearchError> {
    let invalid = |reason: String| SearchError::InvalidRecord {
        url: record.url.clone(),
        reason,
    };
    if !record.url.starts_with('/') {
        return Err(invalid(
            "its URL must be a path starting with \"/\" (including the site's base path)".into(),
        ));
    }
    if record.title.trim().is_empty() {
        return Err(invalid("it has no title".into()));
    }
    let year = year_of(&record.date)
        .ok_or_else(|| {
            invalid(format!(
                "its date {:?} is not a date in the form YYYY-MM-DD",
                record.date
            ))
        })?
        .to_string();
    let given = record.language.trim();
    let other_language = (!given.is_empty()
        && !given.eq_ignore_ascii_case(default_language.trim()))
    .then(|| given.to_string());
    let language = if given.is_empty() {
        default_language
    } else {
        given
    };
    let language = language.to_lowercase();
    if !is_language_tag(&language) {
        return Err(invalid(format!(
            "its language {language:?} is not a language tag such as en-gb"
        )));
    }

    // A nomination's summary is its opening sentences when none is given; indexing
    // them twice would count their words twice.
    let searched_summary = if repeats_start_of(&record.summary, &record.body_text) {
        String::new()
    } else {
        record.summary.trim().to_string()
    };
    let mut details: Vec<&str> = record.people.iter().map(String::as_str).collect();
    details.extend(record.council.as_deref());
    details.extend(record.service.as_deref());
    details.extend(record.practice_areas.iter().map(String::as_str));
    details.extend(record.tags.iter().map(String::as_str));
    details.push(&year);
    let details = details.join("\n");

    let mut practice_areas: Vec<String> = Vec::new();
    for area in &record.practice_areas {
        let area = area.trim();
        if !area.is_empty() && !practice_areas.iter().any(|a| a == area) {
            practice_areas.push(area.to_string());
        }
    }
    let non_empty = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let mut fields: [String; FIELDS] = Default::default();
    fields[TITLE] = record.title.trim().to_string();
    fields[SUMMARY] = searched_summary;
    fields[DETAILS] = details;
    fields[BODY] = record.body_text.trim().to_string();
    Ok(PreparedRecord {
        fields,
        url: record.url,
        title: record.title.trim().to_string(),
        summary: record.summary.trim().to_string(),
        kind: record.kind,
        date: record.date,
        year,
        council: non_empty(&record.council),
        service: non_empty(&record.service),
        practice_areas,
        english: language == "en" || language.starts_with("en-"),
        other_language,
    })
}

/// Whether `summary` is just the opening of `body` (ignoring how the words are
/// spaced, and an ellipsis where it was cut short).
fn repeats_start_of(summary: &str, body: &str) -> bool {
    let summary = summary.trim().trim_end_matches(['…', '.']).trim_end();
    if summary.is_empty() {
        return false;
    }
    let mut body_words = body.split_whitespace();
    let mut summary_words = summary.split_whitespace().peekable();
    while let Some(word) = summary_words.next() {
        match body_words.next() {
            // The last summary word may have been cut mid-word.
            Some(body_word) if summary_words.peek().is_none() => {
                return body_word.starts_with(word)
            }
            Some(body_word) if body_word == word => {}
            _ => return false,
        }
    }
    true
}

/// The year of a `YYYY-MM-DD` date, if it is one.
fn year_of(date: &str) -> Option<&str> {
    let bytes = date.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| &date[..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> SearchRecord {
        SearchRecord {
            url: "/sub/stories/kinship/".into(),
            title: "Kinship carers find their voice".into(),
            summary: "A group for grandparents raising grandchildren.".into(),
            body_text: "The group meets on Tuesdays.".into(),
            people: vec![
                "Amara Okafor".into(),
                "A team manager at Anytown Council".into(),
            ],
            kind: RecordKind::Story,
            council: Some("Anytown Council".into()),
            service: Some("children".into()),
            practice_areas: vec!["Kinship care".into(), "Kinship care".into()],
            tags: vec!["groups".into()],
            date: "2024-03-05".into(),
            image: Some((
                "/sub/media/group.jpg".into(),
                "Carers around a table".into(),
            )),
            language: "en-GB".into(),
        }
    }

    #[test]
    fn splits_every_published_field_into_the_searched_fields() {
        let prepared = prepare(record(), "en").unwrap();
        assert_eq!(prepared.url, "/sub/stories/kinship/");
        assert!(prepared.english);
        assert_eq!(prepared.fields[TITLE], "Kinship carers find their voice");
        assert_eq!(
            prepared.fields[SUMMARY],
            "A group for grandparents raising grandchildren."
        );
        assert_eq!(
            prepared.fields[DETAILS],
            "Amara Okafor\nA team manager at Anytown Council\nAnytown Council\nchildren\nKinship care\nKinship care\ngroups\n2024"
        );
        assert_eq!(prepared.fields[BODY], "The group meets on Tuesdays.");
        assert_eq!(prepared.year, "2024");
        assert_eq!(prepared.practice_areas, ["Kinship care"]);
        assert_eq!(prepared.council.as_deref(), Some("Anytown Council"));
    }

    #[test]
    fn a_summary_that_is_the_opening_of_the_body_is_indexed_once() {
        let mut r = record();
        r.summary = "She listened. Then she\nacted on what she…".into();
        r.body_text = "She listened.\n\nThen she acted on what she heard, every time.".into();
        let prepared = prepare(r, "en").unwrap();
        assert_eq!(prepared.fields[SUMMARY], "");
        assert_eq!(
            prepared.summary,
            "She listened. Then she\nacted on what she…"
        );

        // A summary of its own is kept, even one that shares the body's first words.
        let mut r = record();
        r.summary = "She listened to everyone.".into();
        r.body_text = "She listened. Then she acted.".into();
        assert_eq!(
            prepare(r, "en").unwrap().fields[SUMMARY],
            "She listened to everyone."
        );
    }

    #[test]
    fn only_english_records_are_stemmed_as_english() {
        let mut r = record();
        r.language = String::new();
        assert!(!prepare(r, "cy").unwrap().english);
    }

    #[test]
    fn a_record_in_another_language_than_the_index_says_which() {
        // An English entry not translated yet, in the Welsh index.
        let prepared = prepare(record(), "cy").unwrap();
        assert!(prepared.english);
        assert_eq!(prepared.other_language.as_deref(), Some("en-GB"));
        // The index's own language, however it is written, is not another one.
        assert_eq!(prepare(record(), "en-gb").unwrap().other_language, None);
        let mut r = record();
        r.language = String::new();
        assert_eq!(prepare(r, "cy").unwrap().other_language, None);
    }

    #[test]
    fn rejects_records_the_index_would_get_wrong() {
        for (change, expected) in [
            (
                (|r: &mut SearchRecord| r.date = "5 March 2024".into()) as fn(&mut SearchRecord),
                "is not a date",
            ),
            (|r| r.date = "2024-13-01".into(), "is not a date"),
            (|r| r.url = "stories/x/".into(), "must be a path"),
            (|r| r.title = "  ".into(), "no title"),
            (
                |r| r.language = "english please".into(),
                "not a language tag",
            ),
        ] {
            let mut r = record();
            change(&mut r);
            let message = prepare(r, "en").unwrap_err().to_string();
            assert!(message.contains(expected), "{message}");
        }
    }
}
