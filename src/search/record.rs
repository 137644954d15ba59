//! Turns one [`SearchRecord`] into the pieces Pagefind's custom-record call takes:
//! the searchable text, the filters, the sort key and the metadata the results show.
//!
//! Only fields of the record are used, so nothing reaches the index that the caller
//! did not choose to publish.

use std::collections::BTreeMap;

use super::{RecordKind, SearchError, SearchRecord};

/// Filter names, shared with `search.js` (which reads them from the URL and the index).
pub(crate) const FILTER_TYPE: &str = "type";
pub(crate) const FILTER_COUNCIL: &str = "council";
pub(crate) const FILTER_SERVICE: &str = "service";
pub(crate) const FILTER_PRACTICE_AREA: &str = "practice_area";
pub(crate) const FILTER_YEAR: &str = "year";
/// The sort key behind "newest first".
pub(crate) const SORT_DATE: &str = "date";

/// What Pagefind's `add_custom_record` needs for one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PreparedRecord {
    pub url: String,
    pub content: String,
    pub language: String,
    pub meta: BTreeMap<String, String>,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
}

/// A BCP 47 tag of the everyday shape: a 2–3 letter language, then up to three parts
/// of letters and digits (`en`, `en-GB`, `cy`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    let rest: Vec<&str> = parts.collect();
    language_ok
        && rest.len() <= 3
        && rest
            .iter()
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl RecordKind {
    /// The filter value, also used in shared URLs (`?type=story`).
    pub fn filter_value(self) -> &'static str {
        match self {
            RecordKind::Story => "story",
            RecordKind::Nomination => "nomination",
        }
    }
}

/// Checks a record and maps it onto Pagefind's fields.
///
/// The title goes into metadata only, not into the searchable text: Pagefind 1.6
/// indexes metadata words and ranks a match in `title` with its default meta weight
/// of 5, which is what puts a title match above a body-only match (see the module
/// documentation of [`crate::search`] for the measurements). Keeping it out of the
/// text also keeps excerpts from repeating the title the result already shows.
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
    let year = year_of(&record.date).ok_or_else(|| {
        invalid(format!(
            "its date {:?} is not a date in the form YYYY-MM-DD",
            record.date
        ))
    })?;

    let language = if record.language.trim().is_empty() {
        default_language
    } else {
        record.language.trim()
    };
    // Browsers report <html lang> as written and Pagefind's JavaScript lowercases it
    // before picking an index, so the index is named in lowercase too.
    let language = language.to_lowercase();
    if !is_language_tag(&language) {
        // Pagefind names index files after the language and panics on a long one.
        return Err(invalid(format!(
            "its language {language:?} is not a language tag such as en-gb"
        )));
    }

    // The searchable text is the prose only. Everything else is searched as
    // metadata, which Pagefind matches without using it for excerpts, so an excerpt
    // never ends in a run of council names, tags and years.
    let summary = if repeats_start_of(&record.summary, &record.body_text) {
        // A nomination's summary is its opening sentences when none is given; indexing
        // them twice would count their words twice and could repeat them in an excerpt.
        ""
    } else {
        record.summary.trim()
    };
    let mut content = [summary, record.body_text.trim()]
        .iter()
        .filter(|part| !part.is_empty())
        .map(|part| neutralise(part))
        .collect::<Vec<_>>()
        .join("\n");
    if content.is_empty() {
        // Pagefind silently drops a record with no words in its text.
        content = neutralise(record.title.trim());
    }

    let mut meta = BTreeMap::new();
    let mut add_meta = |name: &str, value: &str| {
        let value = neutralise(value.trim());
        if !value.is_empty() {
            meta.insert(name.to_string(), value);
        }
    };
    add_meta("title", &record.title);
    add_meta("summary", &record.summary);
    add_meta("date", &record.date);
    add_meta("year", year);
    add_meta("kind", record.kind.filter_value());
    add_meta("people", &record.people.join(", "));
    add_meta("council", record.council.as_deref().unwrap_or_default());
    add_meta("service", record.service.as_deref().unwrap_or_default());
    add_meta("practice_areas", &record.practice_areas.join(", "));
    add_meta("tags", &record.tags.join(", "));
    if let Some((src, alt)) = &record.image {
        add_meta("image", src);
        add_meta("image_alt", alt);
    }

    let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    filters.insert(
        FILTER_TYPE.into(),
        vec![record.kind.filter_value().to_string()],
    );
    let mut add_filter = |name: &str, value: &str| {
        let value = neutralise(value.trim());
        if !value.is_empty() {
            let values = filters.entry(name.to_string()).or_default();
            if !values.contains(&value) {
                values.push(value);
            }
        }
    };
    if let Some(council) = &record.council {
        add_filter(FILTER_COUNCIL, council);
    }
    if let Some(service) = &record.service {
        add_filter(FILTER_SERVICE, service);
    }
    for area in &record.practice_areas {
        add_filter(FILTER_PRACTICE_AREA, area);
    }
    add_filter(FILTER_YEAR, year);

    let mut sort = BTreeMap::new();
    // ISO dates sort correctly as strings, and Pagefind only treats a sort key as
    // numeric when every value parses as a number, which "2024-05-01" does not.
    sort.insert(SORT_DATE.to_string(), record.date.clone());

    Ok(PreparedRecord {
        url: record.url,
        content,
        language,
        meta,
        filters,
        sort,
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

/// Stops text from being read as one of Pagefind's private markers.
///
/// Pagefind reads words starting `___PAGEFIND_` in the indexed text as instructions
/// (weights, anchors) and deletes them from metadata and filters. A story quoting such
/// a word would change ranking or lose text, so leading underscores are dropped from
/// those words only.
fn neutralise(text: &str) -> String {
    if !text.contains("___") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("___") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let trimmed = tail.trim_start_matches('_');
        if trimmed.starts_with("PAGEFIND_") || trimmed.starts_with("END_PAGEFIND_") {
            rest = trimmed;
        } else {
            out.push_str("___");
            rest = &tail[3..];
        }
    }
    out.push_str(rest);
    out
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
    fn maps_every_published_field_to_pagefind() {
        let prepared = prepare(record(), "en").unwrap();
        assert_eq!(prepared.url, "/sub/stories/kinship/");
        assert_eq!(prepared.language, "en-gb");
        assert_eq!(
            prepared.content,
            "A group for grandparents raising grandchildren.\nThe group meets on Tuesdays."
        );
        assert_eq!(prepared.meta["title"], "Kinship carers find their voice");
        assert_eq!(
            prepared.meta["people"],
            "Amara Okafor, A team manager at Anytown Council"
        );
        assert_eq!(prepared.meta["council"], "Anytown Council");
        assert_eq!(prepared.meta["service"], "children");
        assert_eq!(
            prepared.meta["practice_areas"],
            "Kinship care, Kinship care"
        );
        assert_eq!(prepared.meta["tags"], "groups");
        assert_eq!(prepared.meta["year"], "2024");
        assert_eq!(prepared.meta["kind"], "story");
        assert_eq!(prepared.meta["image_alt"], "Carers around a table");
        assert_eq!(prepared.filters["type"], vec!["story"]);
        assert_eq!(prepared.filters["council"], vec!["Anytown Council"]);
        assert_eq!(prepared.filters["practice_area"], vec!["Kinship care"]);
        assert_eq!(prepared.filters["year"], vec!["2024"]);
        assert_eq!(prepared.sort["date"], "2024-03-05");
    }

    #[test]
    fn a_record_without_prose_is_still_searchable_by_title() {
        let mut r = record();
        r.summary = " ".into();
        r.body_text = String::new();
        assert_eq!(
            prepare(r, "en").unwrap().content,
            "Kinship carers find their voice"
        );
    }

    #[test]
    fn a_summary_that_is_the_opening_of_the_body_is_indexed_once() {
        let mut r = record();
        r.summary = "She listened. Then she\nacted on what she…".into();
        r.body_text = "She listened.\n\nThen she acted on what she heard, every time.".into();
        let prepared = prepare(r, "en").unwrap();
        assert_eq!(
            prepared.content,
            "She listened.\n\nThen she acted on what she heard, every time."
        );
        assert_eq!(
            prepared.meta["summary"],
            "She listened. Then she\nacted on what she…"
        );

        // A summary of its own is kept, even one that shares the body's first words.
        let mut r = record();
        r.summary = "She listened to everyone.".into();
        r.body_text = "She listened. Then she acted.".into();
        assert_eq!(
            prepare(r, "en").unwrap().content,
            "She listened to everyone.\nShe listened. Then she acted."
        );
    }

    #[test]
    fn empty_language_falls_back_to_the_site_language() {
        let mut r = record();
        r.language = String::new();
        assert_eq!(prepare(r, "cy").unwrap().language, "cy");
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
        ] {
            let mut r = record();
            change(&mut r);
            let message = prepare(r, "en").unwrap_err().to_string();
            assert!(message.contains(expected), "{message}");
        }
    }

    #[test]
    fn pagefind_markers_in_text_are_defused() {
        assert_eq!(
            neutralise("a ___PAGEFIND_WEIGHT___9 b ___END_PAGEFIND_WEIGHT___"),
            "a PAGEFIND_WEIGHT___9 b END_PAGEFIND_WEIGHT___"
        );
        assert_eq!(neutralise("snake___case"), "snake___case");
        assert_eq!(neutralise("plain"), "plain");
    }
}
