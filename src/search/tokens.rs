//! One record's words: how often each stem occurs in each field, each field's length,
//! and which written forms led to which stem. Done once per record, so the preview can
//! keep it and re-index only the records that changed.

use std::collections::HashMap;

use super::record::{PreparedRecord, FIELDS};
use super::text::{words, Stems};

/// A record ready to be merged into an index.
#[derive(Debug, Clone)]
pub(crate) struct TokenizedRecord {
    pub record: PreparedRecord,
    /// (stem, occurrences in each field)
    pub terms: Vec<(String, [u16; FIELDS])>,
    /// Words in each field.
    pub lengths: [u32; FIELDS],
    /// (written form, stem), each pair once.
    pub forms: Vec<(String, String)>,
}

pub(crate) fn tokenize(record: PreparedRecord, stems: &Stems) -> TokenizedRecord {
    let mut counts: HashMap<String, [u16; FIELDS]> = HashMap::new();
    let mut form_stems: HashMap<String, String> = HashMap::new();
    let mut lengths = [0u32; FIELDS];
    for (field, text) in record.fields.iter().enumerate() {
        for form in words(text) {
            lengths[field] += 1;
            let stem = match form_stems.get(&form) {
                Some(stem) => stem.clone(),
                None => {
                    let stem = if record.english {
                        stems.stem(&form)
                    } else {
                        form.clone()
                    };
                    form_stems.insert(form, stem.clone());
                    stem
                }
            };
            let slot = &mut counts.entry(stem).or_insert([0; FIELDS])[field];
            *slot = slot.saturating_add(1);
        }
    }
    let mut terms: Vec<_> = counts.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut forms: Vec<_> = form_stems.into_iter().collect();
    forms.sort_unstable();
    TokenizedRecord {
        record,
        terms,
        lengths,
        forms,
    }
}
