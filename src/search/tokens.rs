//! One record's words: how often each stem occurs in each field, each field's length,
//! and which written forms led to which stem. Done once per record, so the preview can
//! keep it and re-index only the records that changed.
//!
//! Words are numbered by a [`Vocabulary`] shared by every record of an index, so a
//! record holds numbers rather than strings, and each written form is stemmed once
//! however often it occurs.

use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

use super::record::{PreparedRecord, BODY, DETAILS, FIELDS};
use super::text::{searchable, word_slices, Stems};
use super::RecordKind;

/// Every written form and stem seen, numbered in order of first sight.
pub(crate) struct Vocabulary {
    stemmer: Stems,
    form_ids: HashMap<String, u32>,
    pub(crate) forms: Vec<String>,
    /// The English stem of each form, once asked for.
    english_stem: Vec<Option<u32>>,
    stem_ids: HashMap<String, u32>,
    pub(crate) stems: Vec<String>,
}

impl Vocabulary {
    pub(crate) fn new() -> Self {
        Vocabulary {
            stemmer: Stems::english(),
            form_ids: HashMap::new(),
            forms: Vec::new(),
            english_stem: Vec::new(),
            stem_ids: HashMap::new(),
            stems: Vec::new(),
        }
    }

    fn form(&mut self, word: &str) -> u32 {
        if let Some(id) = self.form_ids.get(word) {
            return *id;
        }
        let id = self.forms.len() as u32;
        self.form_ids.insert(word.to_string(), id);
        self.forms.push(word.to_string());
        self.english_stem.push(None);
        id
    }

    fn stem_named(&mut self, stem: &str) -> u32 {
        if let Some(id) = self.stem_ids.get(stem) {
            return *id;
        }
        let id = self.stems.len() as u32;
        self.stem_ids.insert(stem.to_string(), id);
        self.stems.push(stem.to_string());
        id
    }

    /// (form id, stem id) of a word; a record not in English keeps each form as its
    /// own stem.
    fn word(&mut self, word: &str, english: bool) -> (u32, u32) {
        let form = self.form(word);
        let stem = if english {
            match self.english_stem[form as usize] {
                Some(stem) => stem,
                None => {
                    let stemmed = self.stemmer.stem(word);
                    let stem = self.stem_named(&stemmed);
                    self.english_stem[form as usize] = Some(stem);
                    stem
                }
            }
        } else {
            self.stem_named(word)
        };
        (form, stem)
    }
}

/// A record ready to be merged into an index.
#[derive(Debug, Clone)]
pub(crate) struct TokenizedRecord {
    pub(crate) url: String,
    pub(crate) date: String,
    pub(crate) kind: RecordKind,
    pub(crate) year: String,
    pub(crate) council: Option<String>,
    pub(crate) service: Option<String>,
    pub(crate) practice_areas: Vec<String>,
    /// The document file's JSON: what a result shows and the text excerpts and
    /// phrases are read from.
    pub(crate) document: Vec<u8>,
    /// What a result line shows (address, title, kind, date, summary), as a JSON
    /// object: the top results of common words carry these (see `assemble.rs`).
    pub(crate) line: Vec<u8>,
    /// (stem id, occurrences in each field), by stem id.
    pub(crate) terms: Vec<(u32, [u16; FIELDS])>,
    /// Words in each field.
    pub(crate) lengths: [u32; FIELDS],
    /// (form id, stem id), each pair once.
    pub(crate) forms: Vec<(u32, u32)>,
}

/// What a result line shows, before its text has arrived.
#[derive(Serialize)]
struct Line<'a> {
    url: &'a str,
    title: &'a str,
    kind: &'a str,
    date: &'a str,
    summary: &'a str,
    /// The entry's language where it is not the index's (not translated yet): the page
    /// marks its title and text with it. Absent otherwise, so a one-language site's
    /// files are unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

/// What a result shows, and the text phrases and excerpts are read from.
#[derive(Serialize)]
struct Document<'a> {
    url: &'a str,
    title: &'a str,
    kind: &'a str,
    date: &'a str,
    summary: &'a str,
    text: &'a str,
    /// Public names, council, service, practice areas, tags, year: for phrases.
    details: &'a str,
    /// As in [`Line`].
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

pub(crate) fn tokenize(record: PreparedRecord, vocabulary: &mut Vocabulary) -> TokenizedRecord {
    let mut counts: HashMap<u32, [u16; FIELDS]> = HashMap::new();
    let mut forms: Vec<(u32, u32)> = Vec::new();
    let mut lengths = [0u32; FIELDS];
    for (field, text) in record.fields.iter().enumerate() {
        let clean = searchable(text);
        for word in word_slices(&clean) {
            lengths[field] += 1;
            let (form, stem) = vocabulary.word(word, record.english);
            forms.push((form, stem));
            let slot = &mut counts.entry(stem).or_insert([0; FIELDS])[field];
            *slot = slot.saturating_add(1);
        }
    }
    let mut terms: Vec<_> = counts.into_iter().collect();
    terms.sort_unstable_by_key(|t| t.0);
    forms.sort_unstable();
    forms.dedup();
    let document = serde_json::to_vec(&Document {
        url: &record.url,
        title: &record.title,
        kind: record.kind.filter_value(),
        date: &record.date,
        summary: &record.summary,
        text: &record.fields[BODY],
        details: &record.fields[DETAILS],
        lang: record.other_language.as_deref(),
    })
    // Strings always serialise; an empty document would show as a result without text.
    .unwrap_or_default();
    let line = serde_json::to_vec(&Line {
        url: &record.url,
        title: &record.title,
        kind: record.kind.filter_value(),
        date: &record.date,
        summary: &record.summary,
        lang: record.other_language.as_deref(),
    })
    .unwrap_or_default();
    TokenizedRecord {
        url: record.url,
        date: record.date,
        kind: record.kind,
        year: record.year,
        council: record.council,
        service: record.service,
        practice_areas: record.practice_areas,
        document,
        line,
        terms,
        lengths,
        forms,
    }
}
