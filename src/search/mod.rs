//! Site search: builds a Pagefind bundle in-process from records the pipeline feeds
//! while it renders pages, so the published site can be searched with no server.
//!
//! Records in, files out: [`SearchIndexer::start`] spawns a thread that owns a tokio
//! current-thread runtime and the `PagefindIndex`; [`SearchIndexer::add`] sends a
//! [`SearchRecord`] down a channel and returns at once; [`SearchIndexer::finish`]
//! builds the index and returns every file of the bundle as a [`SearchFile`] under
//! `pagefind/`. The browser side is `themes/default/static/search.js`.
//!
//! # Why `add_custom_record`, not synthetic HTML
//!
//! The worry with custom records was that, unlike `<h1>` in HTML (weight 7), their
//! text has a single weight, so a title match could rank no higher than a body
//! match. Pagefind 1.6 answers that differently: it indexes the words of every
//! metadata field (`parse_meta_words` in `fossick/mod.rs`, stored as `meta_locs` in
//! `index/mod.rs`) and the search runtime adds a metadata score with a default weight
//! of 5 for `title`. Measured with `pagefind.js` on the same records (query
//! "fostering"):
//!
//! | record | custom, title as meta only | synthetic HTML, `<h1>` |
//! | --- | --- | --- |
//! | title match, 430-word body without the word | 1.29 | 2.22 |
//! | title match, 2,100-word body without the word | 1.29 | 1.93 |
//! | body only: "fostering" ×5, nothing else | 1.03 | 1.03 |
//! | body only: 11-word body, 3 matches | 0.98 | 0.98 |
//!
//! Setting `ranking.metaWeights.title` to 0 in the browser drops the custom records'
//! title matches to 0.00, and 10 doubles them to 2.58, which shows the title boost
//! comes from that weight. Both ways put the title match first even against the
//! densest body-only match, so this module uses custom records as the issue asks:
//! no HTML to build and escape, and no second parser between the content model and
//! the index. The title stays out of the searchable text (see `record::prepare`) so
//! excerpts show the body rather than repeat the title. `tests/browser/ranking.test.mjs`
//! runs the real `pagefind.js` against a built bundle to keep this true.
//!
//! # Publishing
//!
//! Write every file at its `path` under the site root. Result URLs are the record
//! URLs as given (the UI sets Pagefind's `baseUrl` to "/" so the base path is not
//! added twice). The site's Content-Security-Policy must allow what Pagefind does in
//! the browser: `script-src 'self' 'wasm-unsafe-eval'` and `worker-src 'self'`.
//!
//! # What is indexed
//!
//! Only the fields of [`SearchRecord`]. The summary and body are the searchable text
//! (and the excerpts); the title, people, council, service, practice areas, tags and
//! year are metadata, which Pagefind 1.6 also searches (stemmed, case- and
//! accent-insensitive) but never cuts excerpts from. Metadata that is only there for
//! display (date, kind, image URL and alt text) is searchable too, as Pagefind
//! offers no way to exempt a field.

//! # Cost
//!
//! `scripts/bench_search.sh N` times this indexer over N generated records and
//! measures what a first query fetches. On the 2-core development machine (shared,
//! so wall times vary): 2,000 records index in a median 16 s with a 750 MB peak and
//! every first query fetches under 190 KB of index; 10,000 records take a median
//! 129 s (about 50 s of CPU) with a 3.8 GB peak, and a first query fetches 240 to
//! 260 KB for most words but up to 750 KB for the very commonest, because Pagefind
//! stores every position of a word and its metadata file (100 KB) and filters
//! (113 KB) grow with the number of pages.

mod bundle;
mod record;

use std::collections::BTreeMap;
use std::thread::JoinHandle;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub use bundle::BUNDLE_DIR;
pub use record::is_language_tag;

/// One published page as search sees it. The caller passes public data only:
/// everything here can end up in the bundle that anyone can download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRecord {
    /// The page URL including the site's base path, e.g. "/sub/stories/x/".
    pub url: String,
    pub title: String,
    pub summary: String,
    /// Plain text of the body (no HTML).
    pub body_text: String,
    /// Public names, or public labels such as "A team manager at X Council".
    pub people: Vec<String>,
    pub kind: RecordKind,
    pub council: Option<String>,
    pub service: Option<String>,
    pub practice_areas: Vec<String>,
    pub tags: Vec<String>,
    /// YYYY-MM-DD; gives the year filter and the newest-first order.
    pub date: String,
    /// (url, alt)
    pub image: Option<(String, String)>,
    /// e.g. "en-GB"; empty means the language given to [`SearchIndexer::start`].
    pub language: String,
}

/// Which kind of page a record is; the `type` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Story,
    Nomination,
}

/// One file of the search bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Relative to the site root, with `/` separators, e.g. "pagefind/pagefind.js".
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Why the search bundle could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("could not start the search indexer: {0}")]
    Start(#[source] std::io::Error),
    #[error("{url} cannot be added to the search index: {reason}")]
    InvalidRecord { url: String, reason: String },
    #[error("Pagefind could not index {url}: {message}")]
    Index { url: String, message: String },
    #[error("Pagefind could not build the search index: {0}")]
    Build(String),
    #[error("the search indexer stopped unexpectedly: {0}")]
    Crashed(String),
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

/// Builds the search bundle on a background thread while pages render.
pub struct SearchIndexer {
    sender: Option<UnboundedSender<Message>>,
    worker: Option<std::io::Result<JoinHandle<WorkerResult>>>,
}

impl SearchIndexer {
    /// Starts the indexing thread. `language` (e.g. "en-GB") is used for records
    /// whose own `language` is empty. A failure to start is reported by
    /// [`SearchIndexer::finish`], so the caller has one place to handle errors.
    pub fn start(language: &str) -> Self {
        let (sender, receiver) = unbounded_channel();
        let language = language.to_string();
        let worker = std::thread::Builder::new()
            .name("search-indexer".into())
            .spawn(move || run_worker(&language, receiver));
        SearchIndexer {
            sender: Some(sender),
            worker: Some(worker),
        }
    }

    /// Queues a record; never waits for indexing. A record that cannot be indexed is
    /// reported by [`SearchIndexer::finish`].
    pub fn add(&self, record: SearchRecord) {
        if let Some(sender) = &self.sender {
            // A send only fails once the worker has stopped, and then `finish`
            // reports why it stopped; there is nothing more to say here.
            let _ = sender.send(Message::Record(Box::new(record)));
        }
    }

    /// Waits for every queued record, builds the index and returns all bundle files,
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

/// Indexes `records` on the calling thread and returns the bundle: for callers that have
/// every record at hand and choose where the work runs, such as the preview server.
/// Pagefind's parallel steps use the rayon pool the caller is running in.
pub fn index_records(
    records: impl IntoIterator<Item = SearchRecord>,
    language: &str,
) -> Result<Vec<SearchFile>, SearchError> {
    let (sender, receiver) = unbounded_channel();
    for record in records {
        // The receiver is alive until run_worker returns, so sending cannot fail.
        let _ = sender.send(Message::Record(Box::new(record)));
    }
    let _ = sender.send(Message::Finish);
    drop(sender);
    run_worker(language, receiver)
}

impl Drop for SearchIndexer {
    fn drop(&mut self) {
        // Closing the channel without `Finish` tells the worker to stop early; it is
        // not joined, so dropping an unfinished indexer (say, after a render error)
        // never holds up the caller.
        self.sender.take();
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".into())
}

fn run_worker(language: &str, receiver: UnboundedReceiver<Message>) -> WorkerResult {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(SearchError::Start)?;
    runtime.block_on(index_all(language, receiver))
}

async fn index_all(language: &str, mut receiver: UnboundedReceiver<Message>) -> WorkerResult {
    let options = PagefindServiceConfig::builder().build();
    let mut index =
        PagefindIndex::new(Some(options)).map_err(|error| SearchError::Build(error.to_string()))?;
    let mut errors = Vec::new();
    let mut finished = false;
    while let Some(message) = receiver.recv().await {
        let record = match message {
            Message::Record(record) => *record,
            Message::Finish => {
                finished = true;
                break;
            }
        };
        let prepared = match record::prepare(record, language) {
            Ok(prepared) => prepared,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let url = prepared.url.clone();
        if let Err(error) = index
            .add_custom_record(
                prepared.url,
                prepared.content,
                prepared.language,
                Some(prepared.meta),
                Some(prepared.filters),
                Some(prepared.sort),
            )
            .await
        {
            errors.push(SearchError::Index {
                url,
                message: error.to_string(),
            });
        }
    }
    if !finished {
        return Err(SearchError::Crashed(
            "the indexer was dropped before it finished".into(),
        ));
    }
    match errors.len() {
        0 => {}
        1 => return Err(errors.remove(0)),
        _ => return Err(SearchError::Several(errors)),
    }
    let files = index
        .get_files()
        .await
        .map_err(|error| SearchError::Build(error.to_string()))?;
    Ok(bundle::site_files(files))
}

/// Totals of a built bundle, for logs and the benchmark.
pub fn bundle_size(files: &[SearchFile]) -> BTreeMap<&'static str, usize> {
    let mut sizes = BTreeMap::new();
    for file in files {
        let part = if file.path.contains("/index/")
            || file.path.contains("/filter/")
            || file.path.ends_with(".pf_meta")
        {
            "index"
        } else if file.path.contains("/fragment/") {
            "fragments"
        } else {
            "runtime"
        };
        *sizes.entry(part).or_insert(0) += file.bytes.len();
    }
    sizes
}
