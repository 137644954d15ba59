//! Resolve: decides what is published now and groups it for listings.
//!
//! The [`Site`] built here is the only thing the render stage sees. Drafts, embargoed
//! entries and entries whose consent has ended are left out here, once, so no page,
//! feed, sitemap or search record can include them. What was left out, and when the
//! site next changes by itself, go beside it in [`Resolved`], for the build report and
//! the leak guard, never into the site.

pub(crate) mod images;
pub(crate) mod languages;
pub(crate) mod next_change;
pub(crate) mod people;
pub(crate) mod strings;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use jiff::Timestamp;

use crate::config::{Labels, Settings};
use crate::load::Library;
pub(crate) use crate::model::TaxonomyKind;
use crate::model::{Entry, EntryKind, Page};
use crate::util::slugify;

/// When "now" is and whether drafts are shown.
#[derive(Debug, Clone, Copy)]
pub struct PublishOptions {
    /// The time embargoes and consent expiry are measured against.
    pub now: Timestamp,
    /// Publish drafts too (previews only; never for the public site).
    pub include_drafts: bool,
}

/// Why an entry is not published in this build.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub(crate) enum HeldBack {
    Draft,
    Embargo { until: String },
    ConsentWithdrawn,
    ConsentExpired { on: String },
}

/// An entry left out of this build, for the summary and `check --summary`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HeldBackEntry {
    pub(crate) source: PathBuf,
    pub(crate) title: String,
    pub(crate) kind: EntryKind,
    pub(crate) council: Option<String>,
    pub(crate) why: HeldBack,
}

/// One value of a taxonomy with the entries that have it.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// As written, e.g. "Kinship care" or "kinship-care".
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) slug: String,
    /// Indices into [`Site::entries`], newest first.
    pub(crate) entries: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Taxonomy {
    pub(crate) kind: TaxonomyKind,
    pub(crate) terms: Vec<Term>,
}

/// The public site: published entries and pages, grouped. Nothing held back is in it.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site's settings from site.yaml.
    pub settings: Settings,
    pub(crate) now: Timestamp,
    /// Published entries, newest first.
    pub entries: Vec<Entry>,
    pub(crate) pages: Vec<Page>,
    pub(crate) taxonomies: Vec<Taxonomy>,
    /// The size and kind of every picture in the media folder, from the media stage.
    pub(crate) images: images::ImageCatalog,
    /// The site's languages as these pages see them (one, for most sites).
    pub(crate) languages: languages::Languages,
}

/// What [`resolve`] decided: the public site, and beside it what only the people
/// building the site may see.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The public site: the only thing render is given.
    pub site: Site,
    /// Drafts and embargoed or withdrawn entries, by file, for the build report.
    pub(crate) held_back: Vec<HeldBackEntry>,
    /// When what is published next changes by itself (an embargo lifting, a consent
    /// expiring), so a rebuild is due.
    pub(crate) next_change: Option<next_change::NextChange>,
}

impl Site {
    pub(crate) fn taxonomy(&self, kind: TaxonomyKind) -> &Taxonomy {
        // Every kind is built in `resolve`, in ALL order.
        &self.taxonomies[TaxonomyKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0)]
    }

    pub(crate) fn entries_of(&self, kind: EntryKind) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == kind)
    }
}

/// Builds the public site from a library whose validation found no errors.
pub fn resolve(settings: &Settings, library: &Library, options: PublishOptions) -> Resolved {
    resolve_reusing(settings, library, options, None, &HashSet::new())
}

/// [`resolve`], taking each published entry whose file is not in `changed` out of
/// `previous` (a site resolved from this library with the same settings) instead of
/// copying it from the library again. On a large site copying every entry takes longer
/// than everything else the preview does after a save.
pub(crate) fn resolve_reusing(
    settings: &Settings,
    library: &Library,
    options: PublishOptions,
    previous: Option<Site>,
    changed: &HashSet<PathBuf>,
) -> Resolved {
    // Entries are large: they stay where they are and are taken out by position, which
    // moves each once, where a map of entries moved them all again as it grew.
    let mut reusable: Vec<Option<Entry>> = previous
        .map(|site| site.entries)
        .unwrap_or_default()
        .into_iter()
        .map(|e| (!changed.contains(&e.source)).then_some(e))
        .collect();
    let positions: HashMap<PathBuf, usize> = reusable
        .iter()
        .enumerate()
        .filter_map(|(at, e)| e.as_ref().map(|e| (e.source.clone(), at)))
        .collect();
    let mut entries = Vec::with_capacity(library.documents.len());
    let mut held_back = Vec::new();
    for document in &library.documents {
        let entry = &document.entry;
        match hold_back_reason(entry, options) {
            Some(why) => held_back.push(HeldBackEntry {
                source: entry.source.clone(),
                title: entry.title.clone(),
                kind: entry.kind,
                council: entry.council.clone(),
                why,
            }),
            None => entries.push(
                positions
                    .get(&entry.source)
                    .and_then(|&at| reusable.get_mut(at).and_then(Option::take))
                    .unwrap_or_else(|| entry.clone()),
            ),
        }
    }
    let entries = in_entry_order(entries);
    held_back.sort_by(|a, b| a.source.cmp(&b.source));
    let pages = library
        .pages
        .iter()
        .filter(|p| options.include_drafts || !p.page.draft)
        .map(|p| p.page.clone())
        .collect();
    let taxonomies = taxonomies(settings, &entries);
    let next_change = next_change::next_change(library.documents.iter().map(|d| &d.entry), options);
    Resolved {
        site: Site {
            settings: settings.clone(),
            now: options.now,
            entries,
            pages,
            taxonomies,
            images: images::ImageCatalog::default(),
            languages: languages::Languages::single(settings),
        },
        held_back,
        next_change,
    }
}

/// The order of [`Site::entries`]: newest first, then by title (the sort is stable, so
/// entries alike in both keep the library's order).
pub(crate) fn entry_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    b.published
        .cmp(&a.published)
        .then_with(|| a.title.cmp(&b.title))
}

/// `entries` sorted by [`entry_order`], stably. The positions are sorted rather than
/// the entries: each entry is moved once instead of at every step of the sort.
fn in_entry_order(entries: Vec<Entry>) -> Vec<Entry> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entry_order(&entries[a], &entries[b]));
    let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|at| slots.get_mut(at).and_then(Option::take))
        .collect()
}

/// Every taxonomy over published entries (in [`entry_order`]), in [`TaxonomyKind::ALL`]
/// order.
fn taxonomies(settings: &Settings, entries: &[Entry]) -> Vec<Taxonomy> {
    TaxonomyKind::ALL
        .iter()
        .map(|kind| build_taxonomy(settings, *kind, entries))
        .collect()
}

/// Why an entry must not be published at `now`, or None when it may be.
pub(crate) fn hold_back_reason(entry: &Entry, options: PublishOptions) -> Option<HeldBack> {
    if entry.draft && !options.include_drafts {
        return Some(HeldBack::Draft);
    }
    if let Some(until) = entry.embargo {
        if until > options.now {
            return Some(HeldBack::Embargo {
                until: until.to_string(),
            });
        }
    }
    if let Some(consent) = &entry.consent {
        if consent.withdrawn {
            return Some(HeldBack::ConsentWithdrawn);
        }
        let today = options.now.to_zoned(jiff::tz::TimeZone::UTC).date();
        if let Some(expires) = consent.expires {
            if expires < today {
                return Some(HeldBack::ConsentExpired {
                    on: expires.to_string(),
                });
            }
        }
    } else if entry.kind == EntryKind::Story && !entry.draft {
        // Validation refuses this; never publish without consent even if it is skipped.
        return Some(HeldBack::ConsentWithdrawn);
    }
    None
}

fn build_taxonomy(settings: &Settings, kind: TaxonomyKind, entries: &[Entry]) -> Taxonomy {
    let mut by_slug: BTreeMap<String, Term> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate() {
        for name in kind.values_of(entry) {
            let slug = slugify(&name);
            if slug.is_empty() {
                continue;
            }
            let term = by_slug.entry(slug.clone()).or_insert_with(|| Term {
                label: term_label(&settings.labels, kind, &name),
                name: name.clone(),
                slug,
                entries: Vec::new(),
            });
            if term.entries.last() != Some(&index) {
                term.entries.push(index);
            }
        }
    }
    let mut terms: Vec<Term> = by_slug.into_values().collect();
    match kind {
        TaxonomyKind::Year => terms.sort_by(|a, b| b.name.cmp(&a.name)),
        TaxonomyKind::Service => terms.sort_by_key(|t| {
            settings
                .services
                .iter()
                .position(|s| *s == t.name)
                .unwrap_or(usize::MAX)
        }),
        _ => terms.sort_by_key(|t| t.label.to_lowercase()),
    }
    Taxonomy { kind, terms }
}

/// A term as the site's pages name it: the language's `labels:` for services and
/// practice areas, else "mental-health" → "Mental health"; council names and years stay
/// as written.
pub(crate) fn term_label(labels: &Labels, kind: TaxonomyKind, name: &str) -> String {
    let own = match kind {
        TaxonomyKind::Service => labels.services.get(name),
        TaxonomyKind::PracticeArea => labels.practice_areas.get(name),
        _ => None,
    };
    if let Some(label) = own {
        return label.clone();
    }
    match kind {
        TaxonomyKind::Council | TaxonomyKind::Year => name.to_string(),
        _ => humanise(name),
    }
}

/// A vocabulary slug as words: "fostering-adoption" → "Fostering adoption".
pub(crate) fn humanise(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
