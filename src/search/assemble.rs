//! Merges tokenized records into the published index files.
//!
//! Layout under [`super::BUNDLE_DIR`] (all paths relative to it):
//!
//! - `meta.json`: the one file with a fixed name. It names the generation folder
//!   (`g/<generation>/`) that holds everything else, the number of documents and the dictionary's shard keys.
//!   Every other file lives under `g/<generation>/`, named by a hash of the whole
//!   index, so a page that read one `meta.json` never mixes in files of another.
//! - `<generation>/s/<hex key>.json`: the dictionary, split by the first letters of
//!   each written form (more letters where a prefix has many forms). It maps every
//!   form the build saw to its stem's id, document count and postings location.
//! - `<generation>/p/<n>.bin`: postings (see [`super::encode`]) packed into small files.
//! - `<generation>/d/<n>.json`: one document's title, address, date, kind, summary
//!   and text, fetched only when it is shown.
//! - `<generation>/t/<stem id>.json`: for a stem in at least [`TOP_LINES_MIN_DF`]
//!   documents, the result lines (address, title, kind, date, summary) of its best
//!   [`TOP_LINES`] documents, fetched with its postings: a common word's first results
//!   are then drawn without a request per result (their texts follow for excerpts).
//! - `<generation>/u/<stem id>.json`: for the same stems, when they are in more than
//!   [`TOP_LINES`] documents, the lines of the next [`MORE_LINES`] in the same order.
//!   Fetched only for a query of several words, whose best results are seldom any one
//!   word's best 10 but mostly among its best 40.
//! - `<generation>/facets.json`: one document set per filter value.
//! - `<generation>/v/<hex letter>.json`: the commonest forms by first letter, for
//!   "Did you mean".
//!
//! Document numbers are the newest-first order, so "newest" needs no sort key.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use serde_json::{json, Value};

use super::encode::{base64, doc_set, postings};
use super::record::{FIELDS, SUMMARY, TITLE};
use super::tokens::{TokenizedRecord, Vocabulary};
use super::{SearchFile, BUNDLE_DIR, GENERATIONS};

/// BM25 saturation and length normalisation.
const K1: f64 = 1.2;
const B: [f64; FIELDS] = [0.5, 0.6, 0.5, 0.75];
/// How much one occurrence in each field counts (BM25F).
const WEIGHT: [f64; FIELDS] = [4.0, 2.0, 1.5, 1.0];
/// A dictionary shard is split by one more letter once it would be larger than this.
const SHARD_BYTES: usize = 6_000;
const MAX_KEY_CHARS: usize = 6;
/// Postings of rare words share a file up to this size.
const PACK_BYTES: usize = 8_000;
/// How many result lines a common stem carries: one page of results.
pub(crate) const TOP_LINES: usize = 10;
/// How many further result lines `u/` files carry. Of the top 10 results of 16
/// two-word queries on the generated 10,000-story corpus, 148 of 160 were among their
/// words' best 40 documents, 94 among their best 10 (and 154 among their best 60).
pub(crate) const MORE_LINES: usize = 30;
/// Stems in fewer documents have few results, fetched one by one: a file of their
/// lines would cost more bytes across the index than it saves requests.
pub(crate) const TOP_LINES_MIN_DF: usize = 20;
/// Forms per letter offered for "Did you mean".
const SUGGESTIONS_PER_LETTER: usize = 2_500;

/// A stem's impact in one document: the best field it occurs in decides the tier
/// (title 3, summary 2, anywhere else 1), so a title match always outranks a summary
/// match, which outranks a body-only match, for the same word; within a tier the
/// BM25F saturation (0..1) orders documents. One byte: `tier * 64 + saturation * 63`.
pub(crate) fn impact(
    counts: &[u16; FIELDS],
    lengths: &[u32; FIELDS],
    averages: &[f64; FIELDS],
) -> u8 {
    let tier = if counts[TITLE] > 0 {
        3
    } else if counts[SUMMARY] > 0 {
        2
    } else {
        1
    };
    let weighted: f64 = (0..FIELDS)
        .map(|f| {
            let norm = 1.0 - B[f] + B[f] * f64::from(lengths[f]) / averages[f].max(1.0);
            WEIGHT[f] * f64::from(counts[f]) / norm
        })
        .sum();
    let saturation = weighted / (K1 + weighted);
    (tier * 64 + (saturation * 63.0).round().clamp(0.0, 63.0) as u32) as u8
}

/// Builds every file of the index from `records`; `document(i)` gives the document
/// file of `records[i]` (moved out by the build, copied by the preview's cache).
pub(crate) fn assemble(
    records: &[&TokenizedRecord],
    vocabulary: &Vocabulary,
    mut document: impl FnMut(usize) -> Vec<u8>,
) -> Vec<SearchFile> {
    let mut positions: Vec<usize> = (0..records.len()).collect();
    positions.sort_by(|a, b| {
        let (a, b) = (records[*a], records[*b]);
        b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url))
    });
    let order: Vec<&TokenizedRecord> = positions.iter().map(|i| records[*i]).collect();
    let total = order.len() as u32;
    let averages = average_lengths(&order);

    let mut by_stem: Vec<Vec<(u32, u8)>> = vec![Vec::new(); vocabulary.stems.len()];
    let mut form_stems: HashMap<u32, Vec<u32>> = HashMap::new();
    for (doc, record) in order.iter().enumerate() {
        for (stem, counts) in &record.terms {
            by_stem[*stem as usize].push((doc as u32, impact(counts, &record.lengths, &averages)));
        }
        for (form, stem) in &record.forms {
            let stems = form_stems.entry(*form).or_default();
            if !stems.contains(stem) {
                stems.push(*stem);
            }
        }
    }
    let forms: BTreeMap<&str, Vec<&str>> = form_stems
        .into_iter()
        .map(|(form, stems)| {
            (
                vocabulary.forms[form as usize].as_str(),
                stems
                    .into_iter()
                    .map(|s| vocabulary.stems[s as usize].as_str())
                    .collect(),
            )
        })
        .collect();
    let mut used: Vec<(&str, Vec<(u32, u8)>)> = by_stem
        .into_iter()
        .enumerate()
        .filter(|(_, postings)| !postings.is_empty())
        .map(|(stem, postings)| (vocabulary.stems[stem].as_str(), postings))
        .collect();
    used.sort_unstable_by(|a, b| a.0.cmp(b.0));

    let mut files = top_lines(&used, &order);
    let located = pack_postings(used, total, &mut files);
    let keys = write_dictionary(&forms, &located, &mut files);
    write_suggestions(&forms, &located, &mut files);
    files.push(file(
        "facets.json",
        facets(&order, total).to_string().into_bytes(),
    ));
    for (doc, position) in positions.into_iter().enumerate() {
        files.push(file(&format!("d/{doc}.json"), document(position)));
    }
    publish(files, total, keys)
}

fn average_lengths(records: &[&TokenizedRecord]) -> [f64; FIELDS] {
    let mut sums = [0f64; FIELDS];
    for record in records {
        for (sum, length) in sums.iter_mut().zip(record.lengths) {
            *sum += f64::from(length);
        }
    }
    sums.map(|sum| sum / records.len().max(1) as f64)
}

/// `t/<stem id>.json` for every stem in at least [`TOP_LINES_MIN_DF`] documents: a
/// JSON array of the lines of its best [`TOP_LINES`] documents in postings order
/// (impact, then lower document), each with its document number `n`; and where it has
/// more, `u/<stem id>.json` with the next [`MORE_LINES`]. Stem ids are the positions
/// in `stems`, as [`pack_postings`] numbers them.
fn top_lines(stems: &[(&str, Vec<(u32, u8)>)], order: &[&TokenizedRecord]) -> Vec<SearchFile> {
    stems
        .par_iter()
        .enumerate()
        .filter(|(_, (_, postings))| postings.len() >= TOP_LINES_MIN_DF)
        .flat_map_iter(|(id, (_, postings))| {
            let mut best = postings.clone();
            let by_rank = |a: &(u32, u8), b: &(u32, u8)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
            let wanted = (TOP_LINES + MORE_LINES).min(best.len());
            best.select_nth_unstable_by(wanted - 1, by_rank);
            best.truncate(wanted);
            best.sort_unstable_by(by_rank);
            let (top, more) = best.split_at(TOP_LINES.min(best.len()));
            let mut out = vec![file(&format!("t/{id}.json"), lines_json(top, order))];
            if !more.is_empty() {
                out.push(file(&format!("u/{id}.json"), lines_json(more, order)));
            }
            out
        })
        .collect()
}

/// A JSON array of the documents' result lines, each with its number `n`.
fn lines_json(docs: &[(u32, u8)], order: &[&TokenizedRecord]) -> Vec<u8> {
    let mut out = Vec::with_capacity(docs.len() * 400);
    out.push(b'[');
    for (i, (doc, _)) in docs.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(format!("{{\"n\":{doc}").as_bytes());
        // The line is a JSON object: its fields follow the opening brace.
        match order[*doc as usize].line.get(1..) {
            Some(fields) if fields.len() > 1 => {
                out.push(b',');
                out.extend_from_slice(fields);
            }
            _ => out.push(b'}'),
        }
    }
    out.push(b']');
    out
}

/// Where a stem's postings are: id, document count, pack, offset, length.
type Location = [u64; 5];

fn pack_postings<'a>(
    stems: Vec<(&'a str, Vec<(u32, u8)>)>,
    total: u32,
    files: &mut Vec<SearchFile>,
) -> HashMap<&'a str, Location> {
    let mut located = HashMap::with_capacity(stems.len());
    let mut pack: Vec<u8> = Vec::new();
    let mut pack_number = 0u64;
    // Encoding is most of the work and each stem's is its own: done in parallel,
    // packed in order after.
    let encoded: Vec<(&str, u64, Vec<u8>)> = stems
        .into_par_iter()
        .map(|(stem, pairs)| (stem, pairs.len() as u64, postings(pairs, total)))
        .collect();
    for (id, (stem, df, bytes)) in encoded.into_iter().enumerate() {
        if !pack.is_empty() && pack.len() + bytes.len() > PACK_BYTES {
            files.push(file(
                &format!("p/{pack_number}.bin"),
                std::mem::take(&mut pack),
            ));
            pack_number += 1;
        }
        located.insert(
            stem,
            [
                id as u64,
                df,
                pack_number,
                pack.len() as u64,
                bytes.len() as u64,
            ],
        );
        pack.extend_from_slice(&bytes);
    }
    if !pack.is_empty() {
        files.push(file(&format!("p/{pack_number}.bin"), pack));
    }
    located
}

/// Writes the dictionary shards and returns their keys, sorted.
fn write_dictionary(
    forms: &BTreeMap<&str, Vec<&str>>,
    located: &HashMap<&str, Location>,
    files: &mut Vec<SearchFile>,
) -> Vec<String> {
    let all: Vec<&str> = forms.keys().copied().collect();
    let mut shards: Vec<(String, Vec<&str>)> = Vec::new();
    split_shards(String::new(), &all, &mut shards);
    let written: Vec<(String, SearchFile)> = shards
        .into_par_iter()
        .map(|(key, members)| {
            let mut entries = serde_json::Map::new();
            for form in members {
                let flat: Vec<u64> = forms[form]
                    .iter()
                    .filter_map(|stem| located.get(*stem))
                    .flatten()
                    .copied()
                    .collect();
                entries.insert(form.to_string(), json!(flat));
            }
            let shard = file(
                &format!("s/{}.json", hex(&key)),
                Value::Object(entries).to_string().into_bytes(),
            );
            (key, shard)
        })
        .collect();
    let mut keys = Vec::with_capacity(written.len());
    for (key, shard) in written {
        files.push(shard);
        keys.push(key);
    }
    keys.sort();
    keys
}

/// Groups sorted `forms` (all starting with `key`) into shards of a useful size.
fn split_shards<'a>(key: String, forms: &[&'a str], out: &mut Vec<(String, Vec<&'a str>)>) {
    let depth = key.chars().count();
    let size: usize = forms.iter().map(|f| f.len() + 30).sum();
    if depth > 0 && (size <= SHARD_BYTES || depth >= MAX_KEY_CHARS) {
        out.push((key, forms.to_vec()));
        return;
    }
    // Forms no longer than the key stay in a shard of the key itself.
    let mut own = Vec::new();
    let mut groups: BTreeMap<String, Vec<&'a str>> = BTreeMap::new();
    for form in forms {
        if form.chars().count() <= depth {
            own.push(*form);
        } else {
            let child: String = form.chars().take(depth + 1).collect();
            groups.entry(child).or_default().push(form);
        }
    }
    if !own.is_empty() {
        out.push((key, own));
    }
    for (child, members) in groups {
        split_shards(child, &members, out);
    }
}

fn write_suggestions(
    forms: &BTreeMap<&str, Vec<&str>>,
    located: &HashMap<&str, Location>,
    files: &mut Vec<SearchFile>,
) {
    let mut by_letter: BTreeMap<char, Vec<(&str, u64)>> = BTreeMap::new();
    for (form, stems) in forms {
        let Some(first) = form.chars().next() else {
            continue;
        };
        // Numbers are not misspelt words.
        if first.is_numeric() || form.chars().count() < 3 {
            continue;
        }
        let df = stems
            .iter()
            .filter_map(|stem| located.get(*stem).map(|l| l[1]))
            .max()
            .unwrap_or(0);
        by_letter.entry(first).or_default().push((form, df));
    }
    for (letter, mut words) in by_letter {
        words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        words.truncate(SUGGESTIONS_PER_LETTER);
        let flat: Vec<Value> = words
            .into_iter()
            .flat_map(|(word, df)| [json!(word), json!(df)])
            .collect();
        files.push(file(
            &format!("v/{}.json", hex(&letter.to_string())),
            Value::Array(flat).to_string().into_bytes(),
        ));
    }
}

fn facets(order: &[&TokenizedRecord], total: u32) -> Value {
    let mut values: BTreeMap<&str, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    for (doc, record) in order.iter().enumerate() {
        let mut add = |facet: &'static str, value: &str| {
            values
                .entry(facet)
                .or_default()
                .entry(value.to_string())
                .or_default()
                .push(doc as u32);
        };
        add("type", record.kind.filter_value());
        if let Some(council) = &record.council {
            add("council", council);
        }
        if let Some(service) = &record.service {
            add("service", service);
        }
        for area in &record.practice_areas {
            add("practice_area", area);
        }
        add("year", &record.year);
    }
    let mut out = serde_json::Map::new();
    for (facet, sets) in values {
        let encoded: serde_json::Map<String, Value> = sets
            .into_iter()
            .map(|(value, docs)| (value, json!(base64(&doc_set(&docs, total)))))
            .collect();
        out.insert(facet.to_string(), Value::Object(encoded));
    }
    Value::Object(out)
}

/// Puts every file under the generation folder and adds `meta.json`.
fn publish(files: Vec<SearchFile>, total: u32, keys: Vec<String>) -> Vec<SearchFile> {
    let generation = generation_of(&files);
    let mut out: Vec<SearchFile> = files
        .into_iter()
        .map(|f| SearchFile {
            path: format!("{BUNDLE_DIR}/{GENERATIONS}/{generation}/{}", f.path),
            bytes: f.bytes,
        })
        .collect();
    let meta = json!({
        "version": 1,
        "generation": generation,
        "documents": total,
        "shards": keys,
        "top_lines_min_df": TOP_LINES_MIN_DF,
        "top_lines": TOP_LINES,
        "more_lines": MORE_LINES,
    });
    out.push(SearchFile {
        path: format!("{BUNDLE_DIR}/meta.json"),
        bytes: meta.to_string().into_bytes(),
    });
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// FNV-1a over every path and the FNV-1a of each file's bytes: the same index always
/// gets the same name. Files are hashed in parallel.
fn generation_of(files: &[SearchFile]) -> String {
    let digests: Vec<u64> = files.par_iter().map(|f| fnv1a(OFFSET, &f.bytes)).collect();
    let mut hash = OFFSET;
    for (f, digest) in files.iter().zip(digests) {
        hash = fnv1a(hash, f.path.as_bytes());
        hash = fnv1a(hash, &[0]);
        hash = fnv1a(hash, &digest.to_le_bytes());
    }
    format!("{hash:016x}")
}

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

pub(crate) fn hex(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

fn file(path: &str, bytes: Vec<u8>) -> SearchFile {
    SearchFile {
        path: path.to_string(),
        bytes,
    }
}
