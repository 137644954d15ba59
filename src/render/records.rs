//! Search records made from the public model: only what a page shows is indexed.

use crate::model::{Entry, EntryKind};
use crate::resolve::{term_label, Site, TaxonomyKind};
use crate::search::{RecordKind, SearchRecord};

/// The record for one published entry, with its body already reduced to plain text.
pub fn search_record(site: &Site, entry: &Entry, body_text: &str) -> SearchRecord {
    let settings = &site.settings;
    SearchRecord {
        url: crate::render::views::entry_url(site, entry),
        title: entry.title.clone(),
        summary: entry.summary.clone(),
        body_text: body_text.to_string(),
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
            .map(|s| term_label(&settings.labels, TaxonomyKind::Service, s)),
        practice_areas: entry
            .practice_areas
            .iter()
            .map(|a| term_label(&settings.labels, TaxonomyKind::PracticeArea, a))
            .collect(),
        tags: entry.tags.clone(),
        date: entry.date.to_string(),
        image: entry
            .image
            .as_ref()
            .map(|i| (settings.root_site_url(&i.src), i.alt.clone())),
        // An entry not translated yet is indexed in its own language, so its words are
        // stemmed as that language's are.
        language: entry
            .text_language
            .clone()
            .unwrap_or_else(|| settings.language.clone()),
    }
}
