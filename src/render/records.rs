//! Search records made from the public model: only what a page shows is indexed.

use crate::model::{Entry, EntryKind};
use crate::resolve::{term_label, Site, TaxonomyKind};
use crate::search::{RecordKind, SearchRecord};

/// How much of a body is indexed. Pagefind keeps about sixty times the text it is given
/// in memory while it builds; at 10,000 stories the whole bodies took the build past
/// 3 GB, and 300 words still took it to 2.3 GB. The opening of a story carries what it is about; the title, summary, people,
/// council, service, practice areas and tags are always indexed in full.
pub const INDEXED_BODY_WORDS: usize = 200;

/// The first `INDEXED_BODY_WORDS` words of a body's plain text.
fn opening_words(text: &str) -> String {
    text.split_whitespace()
        .take(INDEXED_BODY_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The record for one published entry, with its body already reduced to plain text.
pub fn search_record(site: &Site, entry: &Entry, body_text: &str) -> SearchRecord {
    let settings = &site.settings;
    SearchRecord {
        url: settings.site_url(&entry.path()),
        title: entry.title.clone(),
        summary: entry.summary.clone(),
        body_text: opening_words(body_text),
        people: entry
            .people()
            .into_iter()
            .map(|p| p.public_name.clone())
            .collect(),
        kind: match entry.kind {
            EntryKind::Story => RecordKind::Story,
            EntryKind::Nomination => RecordKind::Nomination,
        },
        council: entry.council.clone(),
        service: entry
            .service
            .as_deref()
            .map(|s| term_label(TaxonomyKind::Service, s)),
        practice_areas: entry
            .practice_areas
            .iter()
            .map(|a| term_label(TaxonomyKind::PracticeArea, a))
            .collect(),
        tags: entry.tags.clone(),
        date: entry.date.to_string(),
        image: entry
            .image
            .as_ref()
            .map(|i| (settings.site_url(&i.src), i.alt.clone())),
        language: settings.language.clone(),
    }
}
