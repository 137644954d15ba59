//! Site search: our own static full-text index, built from records the pipeline feeds
//! while it renders pages, searched in the browser by `static/search-engine.js`.
//!
//! Records in, files out: [`SearchIndexer::start`] spawns a thread that checks and
//! tokenizes each record as [`SearchIndexer::add`] sends it, so the work overlaps
//! rendering; [`SearchIndexer::finish`] merges them into the index and returns every
//! file under [`BUNDLE_DIR`]. [`IndexCache`] does the same for the preview, keeping
//! each record's words so a save re-tokenizes only the records that changed.
//!
//! Every decision about words is made here (folding, splitting, English stemming);
//! the browser looks typed words up in a dictionary of the written forms the build
//! saw. The file layout is described in `assemble.rs`, the binary formats in
//! `encode.rs`.
//!
//! # What is indexed
//!
//! Only the fields of [`SearchRecord`], all of them in full: title, summary, the whole
//! body, people, council, service, practice areas, tags and year. The caller passes
//! public data only.

mod assemble;
mod encode;
mod record;
mod text;
mod tokens;

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use tokens::{TokenizedRecord, Vocabulary};

/// The folder under the site root that holds the index; `search.js` reads
/// `<base path>search-index/meta.json`.
pub const BUNDLE_DIR: &str = "search-index";

/// The folder under [`BUNDLE_DIR`] of the generation folders, whose files are named by
/// their content and never change: hosts may cache everything under it for good.
pub(crate) const GENERATIONS: &str = "g";

/// One published page as search sees it. The caller passes public data only:
/// everything here can end up in the index that anyone can download.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchRecord {
    /// The page URL including the site's base path, e.g. "/sub/stories/x/".
    pub url: String,
    /// The page title.
    pub title: String,
    /// The entry's summary.
    pub summary: String,
    /// Plain text of the body (no HTML).
    pub body_text: String,
    /// Public names, or public labels such as "A team manager at X Council".
    pub people: Vec<String>,
    /// Whether the page is a story or a nomination.
    pub kind: RecordKind,
    /// The council named in the entry, if any.
    pub council: Option<String>,
    /// The service, if any.
    pub service: Option<String>,
    /// The practice areas.
    pub practice_areas: Vec<String>,
    /// The tags.
    pub tags: Vec<String>,
    /// YYYY-MM-DD; gives the year filter and the newest-first order.
    pub date: String,
    /// (url, alt)
    pub image: Option<(String, String)>,
    /// e.g. "en-GB"; empty means the language given to [`SearchIndexer::start`].
    /// Only English records are stemmed; others are matched by folded form.
    pub language: String,
}

/// Which kind of page a record is; the `type` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// A good-practice story.
    Story,
    /// A My Brilliant Colleague nomination.
    Nomination,
}

/// One file of the search index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Relative to the site root, with `/` separators, e.g. "search-index/meta.json".
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Why the search index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The indexer's thread could not be started.
    #[error("could not start the search indexer: {0}")]
    Start(#[source] std::io::Error),
    /// A record is not fit to index.
    #[error("{url} cannot be added to the search index: {reason}")]
    InvalidRecord {
        /// The record's page URL.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The indexer's thread panicked, or was asked for the index twice.
    #[error("the search indexer stopped unexpectedly: {0}")]
    Crashed(String),
    /// More than one record failed.
    #[error("{} search records could not be indexed:\n{}", .0.len(), list(.0))]
    Several(Vec<SearchError>),
}

fn list(errors: &[SearchError]) -> String {
    errors
        .iter()
        .map(|e| format!("  - {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

enum Message {
    Record(Box<SearchRecord>),
    /// Sent by `finish`; a channel that closes without it means the build was
    /// abandoned, and the worker stops without building an index nobody will read.
    Finish,
}

type WorkerResult = Result<Vec<SearchFile>, SearchError>;

/// Records waiting for the indexer at most. Rendering can make them faster than one
/// thread tokenizes them, and an unbounded queue could then hold the whole text of
/// every record not yet tokenized. A full queue makes the page that adds the next
/// record wait.
const RECORD_BACKLOG: usize = 256;

/// Builds the search index on a background thread while pages render.
pub struct SearchIndexer {
    sender: Option<SyncSender<Message>>,
    worker: Option<std::io::Result<JoinHandle<WorkerResult>>>,
}

impl SearchIndexer {
    /// Starts the indexing thread. `language` (e.g. "en-GB") is used for records
    /// whose own `language` is empty. A failure to start is reported by
    /// [`SearchIndexer::finish`], so the caller has one place to handle errors.
    pub fn start(language: &str) -> Self {
        let (sender, receiver) = sync_channel(RECORD_BACKLOG);
        let language = language.to_string();
        let worker = std::thread::Builder::new()
            .name("search-indexer".into())
            .spawn(move || run_worker(&language, receiver));
        SearchIndexer {
            sender: Some(sender),
            worker: Some(worker),
        }
    }

    /// Queues a record; waits only while [`RECORD_BACKLOG`] records are already
    /// queued. A record that cannot be indexed is reported by [`SearchIndexer::finish`].
    pub fn add(&self, record: SearchRecord) {
        if let Some(sender) = &self.sender {
            // A send only fails once the worker has stopped, and then `finish`
            // reports why it stopped.
            let _ = sender.send(Message::Record(Box::new(record)));
        }
    }

    /// Waits for every queued record, builds the index and returns all its files,
    /// sorted by path.
    pub fn finish(mut self) -> Result<Vec<SearchFile>, SearchError> {
        if let Some(sender) = self.sender.take() {
            let _ = sender.send(Message::Finish);
        }
        match self.worker.take() {
            Some(Ok(handle)) => handle
                .join()
                .unwrap_or_else(|panic| Err(SearchError::Crashed(panic_message(&panic)))),
            Some(Err(error)) => Err(SearchError::Start(error)),
            None => Err(SearchError::Crashed("it was already finished".into())),
        }
    }
}

impl Drop for SearchIndexer {
    fn drop(&mut self) {
        // Closing the channel without `Finish` tells the worker to stop early; it is
        // not joined, so dropping an unfinished indexer never holds up the caller.
        self.sender.take();
    }
}

/// Indexes `records` on the calling thread and returns the index files.
#[cfg(test)]
pub(crate) fn index_records(
    records: impl IntoIterator<Item = SearchRecord>,
    language: &str,
) -> Result<Vec<SearchFile>, SearchError> {
    IndexCache::default().index(records, language)
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".into())
}

fn run_worker(language: &str, receiver: Receiver<Message>) -> WorkerResult {
    let mut vocabulary = Vocabulary::new();
    let mut tokenized = Vec::new();
    // Kept apart so they can be moved into their files rather than copied.
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let mut finished = false;
    while let Ok(message) = receiver.recv() {
        match message {
            Message::Record(record) => match record::prepare(*record, language) {
                Ok(prepared) => {
                    let mut words = tokens::tokenize(prepared, &mut vocabulary);
                    documents.push(std::mem::take(&mut words.document));
                    tokenized.push(words);
                }
                Err(error) => errors.push(error),
            },
            Message::Finish => {
                finished = true;
                break;
            }
        }
    }
    if !finished {
        return Err(SearchError::Crashed(
            "the indexer was dropped before it finished".into(),
        ));
    }
    one_error(errors)?;
    let refs: Vec<&TokenizedRecord> = tokenized.iter().collect();
    Ok(assemble::assemble(&refs, &vocabulary, |i| {
        std::mem::take(&mut documents[i])
    }))
}

fn one_error(mut errors: Vec<SearchError>) -> Result<(), SearchError> {
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(SearchError::Several(errors)),
    }
}

/// Each record's words from the last indexing, so the next one re-tokenizes only the
/// records that changed (the preview's re-index after a save).
#[derive(Default)]
pub struct IndexCache {
    /// url → (hash of the record and language, its words)
    records: HashMap<String, (u64, Arc<TokenizedRecord>)>,
    /// Shared by every record the cache holds; it only grows, which for a preview
    /// session is a few hundred thousand words at most.
    vocabulary: Option<Vocabulary>,
}

impl IndexCache {
    /// Indexes `records`, reusing the words of every record unchanged since the last
    /// call. Records no longer given are forgotten.
    pub(crate) fn index(
        &mut self,
        records: impl IntoIterator<Item = SearchRecord>,
        language: &str,
    ) -> Result<Vec<SearchFile>, SearchError> {
        let vocabulary = self.vocabulary.get_or_insert_with(Vocabulary::new);
        let mut next = HashMap::new();
        let mut errors = Vec::new();
        for record in records {
            let hash = fingerprint(&record, language);
            let reused = self
                .records
                .remove(&record.url)
                .filter(|(old, _)| *old == hash);
            let url = record.url.clone();
            let words = match reused {
                Some((_, words)) => words,
                None => match record::prepare(record, language) {
                    Ok(prepared) => Arc::new(tokens::tokenize(prepared, vocabulary)),
                    Err(error) => {
                        errors.push(error);
                        continue;
                    }
                },
            };
            next.insert(url, (hash, words));
        }
        self.records = next;
        one_error(errors)?;
        let refs: Vec<&TokenizedRecord> = self.records.values().map(|(_, r)| r.as_ref()).collect();
        Ok(assemble::assemble(&refs, vocabulary, |i| {
            refs[i].document.clone()
        }))
    }
}

fn fingerprint(record: &SearchRecord, language: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    record.hash(&mut hasher);
    language.hash(&mut hasher);
    hasher.finish()
}

/// Totals of a built index, for logs and the benchmark: the part a query reads
/// (dictionary, postings, filters) and the documents shown as results.
pub fn bundle_size(files: &[SearchFile]) -> BTreeMap<&'static str, usize> {
    let mut sizes = BTreeMap::new();
    for file in files {
        let part = if file.path.contains("/d/") {
            "documents"
        } else {
            "index"
        };
        *sizes.entry(part).or_insert(0) += file.bytes.len();
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::encode::decode;
    use super::*;

    fn record(slug: &str, title: &str, summary: &str, body: &str) -> SearchRecord {
        SearchRecord {
            url: format!("/stories/{slug}/"),
            title: title.into(),
            summary: summary.into(),
            body_text: body.into(),
            people: vec![],
            kind: RecordKind::Story,
            council: None,
            service: None,
            practice_areas: vec![],
            tags: vec![],
            date: "2024-01-01".into(),
            image: None,
            language: String::new(),
        }
    }

    /// The dictionary entry of a written form: (stem id, df, pack, offset, length).
    fn lookup(files: &[SearchFile], form: &str) -> Vec<u64> {
        for file in files.iter().filter(|f| f.path.contains("/s/")) {
            let shard: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
            if let Some(entry) = shard.get(form) {
                return entry
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap())
                    .collect();
            }
        }
        panic!("{form} is not in the dictionary");
    }

    /// (document url, impact) for a form, best first, as the browser reads them.
    fn ranked(files: &[SearchFile], form: &str) -> Vec<(String, u8)> {
        let entry = lookup(files, form);
        let pack = files
            .iter()
            .find(|f| f.path.ends_with(&format!("/p/{}.bin", entry[2])))
            .unwrap();
        let bytes = &pack.bytes[entry[3] as usize..(entry[3] + entry[4]) as usize];
        let total = files.iter().filter(|f| f.path.contains("/d/")).count() as u32;
        let (df, blocks, _) = decode::postings(bytes, total);
        assert_eq!(u64::from(df), entry[1]);
        let mut pairs: Vec<(u32, u8)> = blocks.into_iter().flat_map(|b| b.1).collect();
        pairs.sort_by_key(|pair| std::cmp::Reverse(pair.1));
        pairs
            .into_iter()
            .map(|(doc, impact)| {
                let file = files
                    .iter()
                    .find(|f| f.path.ends_with(&format!("/d/{doc}.json")))
                    .unwrap();
                let doc: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
                (doc["url"].as_str().unwrap().to_string(), impact)
            })
            .collect()
    }

    #[test]
    fn title_beats_summary_beats_body_however_often_the_body_says_it() {
        let files = index_records(
            [
                record("body", "A day on duty", "", &"fostering ".repeat(30)),
                record(
                    "summary",
                    "Friends",
                    "About fostering.",
                    "A long body of words.",
                ),
                record(
                    "title",
                    "Fostering friendships",
                    "",
                    "A long body of words.",
                ),
            ],
            "en-GB",
        )
        .unwrap();
        let order: Vec<String> = ranked(&files, "fostering")
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(
            order,
            ["/stories/title/", "/stories/summary/", "/stories/body/"]
        );
    }

    /// The result lines a stem's `t/` or `u/` file holds, as addresses in file order.
    fn line_urls(files: &[SearchFile], folder: &str, stem: u64) -> Option<Vec<String>> {
        let file = files
            .iter()
            .find(|f| f.path.ends_with(&format!("/{folder}/{stem}.json")))?;
        let lines: Vec<serde_json::Value> = serde_json::from_slice(&file.bytes).unwrap();
        Some(
            lines
                .iter()
                .map(|l| l["url"].as_str().unwrap().to_string())
                .collect(),
        )
    }

    #[test]
    fn a_common_words_best_ten_lines_and_the_next_thirty_come_in_ranking_order() {
        // 50 entries say "kinship" from 1 to 50 times, so they rank in many tiers and
        // ties; 25 say "carer", so its second file holds the 15 after its best 10.
        let records: Vec<SearchRecord> = (1..=50)
            .map(|i| {
                let carer = if i <= 25 { "carer " } else { "" };
                let body = format!("{}{carer}and more words", "kinship ".repeat(i));
                record(&format!("s{i:02}"), &format!("Story {i}"), "", &body)
            })
            .collect();
        let files = index_records(records, "en-GB").unwrap();
        let order: Vec<String> = ranked(&files, "kinship").into_iter().map(|r| r.0).collect();
        let kinship = lookup(&files, "kinship")[0];
        assert_eq!(line_urls(&files, "t", kinship).unwrap(), order[..10]);
        assert_eq!(line_urls(&files, "u", kinship).unwrap(), order[10..40]);
        let carer = lookup(&files, "carer")[0];
        assert_eq!(line_urls(&files, "u", carer).unwrap().len(), 15);
        // A word in fewer than 20 entries has neither file.
        let rare = index_records(
            (1..=19).map(|i| record(&format!("r{i}"), "Rare", "", "seldom")),
            "en-GB",
        )
        .unwrap();
        let seldom = lookup(&rare, "seldom")[0];
        assert!(line_urls(&rare, "t", seldom).is_none());
        assert!(line_urls(&rare, "u", seldom).is_none());
        let meta = files
            .iter()
            .find(|f| f.path.ends_with("meta.json"))
            .unwrap();
        let meta: serde_json::Value = serde_json::from_slice(&meta.bytes).unwrap();
        assert_eq!(meta["top_lines"], 10);
        assert_eq!(meta["more_lines"], 30);
    }

    #[test]
    fn every_form_of_a_stem_points_at_the_same_postings() {
        let files = index_records(
            [
                record("a", "Fostering", "", "They fostered two boys."),
                record("b", "Zoë", "", "Carers and caring."),
            ],
            "en-GB",
        )
        .unwrap();
        assert_eq!(lookup(&files, "fostering"), lookup(&files, "fostered"));
        assert_eq!(lookup(&files, "fostering")[1], 1, "one document");
        // Accents are folded at build time; the browser folds the query the same way.
        lookup(&files, "zoe");
    }

    #[test]
    fn welsh_words_are_kept_whole_and_lose_their_circumflexes() {
        let mut welsh = record(
            "cy",
            "Gŵyl y plant",
            "Tŷ newydd ym Môn.",
            "Roedd y gofalwyr yn maethu: fostering, fostered. ÂÊÎÔÛŴŶ âêîôûŵŷ",
        );
        welsh.language = "cy".into();
        let english = record("en", "Fostering", "", "They fostered two boys.");
        let files = index_records([welsh, english], "en-GB").unwrap();
        // Circumflexes fold to plain letters, capitals too, as the browser folds them.
        for form in ["gwyl", "ty", "mon", "aeiouwy"] {
            assert_eq!(lookup(&files, form)[1], 1, "{form}");
        }
        // Not stemmed: in the Welsh record every written form is its own word, so
        // "fostering" and "fostered" there are two words, each found in one document
        // (the Welsh one) besides the English record's shared stem.
        let stems = |form: &str| -> Vec<Vec<u64>> {
            lookup(&files, form)
                .chunks(5)
                .map(<[u64]>::to_vec)
                .collect()
        };
        let (fostering, fostered) = (stems("fostering"), stems("fostered"));
        assert_eq!(fostering.len(), 2, "an English stem and a Welsh form");
        let shared: Vec<_> = fostering.iter().filter(|s| fostered.contains(s)).collect();
        assert_eq!(shared.len(), 1, "only the English stem is shared");
        assert_eq!(lookup(&files, "gofalwyr").len(), 5);
        assert_eq!(lookup(&files, "maethu")[1], 1);
    }

    /// The search page renders its script's counts from these messages, one sample
    /// number per plural form (`templates/search.html`), and the script fills in `{n}`.
    #[test]
    fn welsh_result_counts_take_each_plural_form() {
        use fluent_bundle::{FluentArgs, FluentValue};
        let welsh = crate::i18n::Strings::load("cy", None).unwrap();
        let count = |n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(n));
            args.set("n", "{n}");
            welsh.format("search-count", &args).unwrap()
        };
        assert_eq!(count(0), "Dim canlyniadau.");
        assert_eq!(count(1), "{n} canlyniad.");
        assert_eq!(count(2), "{n} ganlyniad.");
        assert_eq!(count(3), "{n} chanlyniad.");
        assert_eq!(count(6), "{n} chanlyniad.");
        assert_eq!(count(20), "{n} o ganlyniadau.");
    }

    #[test]
    fn the_cache_reuses_unchanged_records_and_gives_the_same_index() {
        let records = vec![
            record("a", "Kinship", "", "Grandparents raising grandchildren."),
            record("b", "Duty", "", "A calm voice."),
        ];
        let mut cache = IndexCache::default();
        let first = cache.index(records.clone(), "en-GB").unwrap();
        let kept = Arc::clone(&cache.records["/stories/a/"].1);
        let mut changed = records.clone();
        changed[1].body_text = "A calm voice on the phone.".into();
        let second = cache.index(changed.clone(), "en-GB").unwrap();
        assert!(Arc::ptr_eq(&kept, &cache.records["/stories/a/"].1));
        assert_ne!(first, second);
        assert_eq!(second, index_records(changed, "en-GB").unwrap());
        // A record that is gone is forgotten.
        cache.index(records[..1].to_vec(), "en-GB").unwrap();
        assert_eq!(cache.records.len(), 1);
    }
}
