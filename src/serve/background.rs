//! Work the preview does after a page reload is on its way: the search index and the
//! social cards. Each runs on a thread of the lowest priority that takes only the
//! newest request waiting (older ones would be replaced at once), and each calls the
//! build's own stage: the search index from the records render sent, re-tokenizing
//! only the records that changed ([`IndexCache`]); the cards through
//! [`crate::build::write_cards`], cached on disk, so after the first run only new or
//! changed cards are drawn.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, PoisonError, Weak};
use std::time::{Duration, Instant};

use super::store::{CardMaker, SiteStore, Stored};
use crate::build::write_cards;
use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::media::cache::Cache;
use crate::media::card::{make_card, own_card_paths, Card};
use crate::media::MediaFile;
use crate::render::languages::site_strings;
use crate::render::NoProgress;
use crate::resolve::Site;
use crate::search::{IndexCache, SearchRecord};
use crate::write::guard::LeakGuard;
use crate::write::{Guarded, Sink, WriteError};

/// One finished (or failed) indexing, for the terminal.
#[derive(Debug, Clone)]
pub struct SearchReport {
    /// How many records the new index holds.
    pub items: usize,
    pub(crate) elapsed: Duration,
    /// Why indexing failed, if it did.
    pub error: Option<String>,
}

pub(crate) type SearchNotice = Arc<dyn Fn(&SearchReport) + Send + Sync>;

/// Told when the cards are in, with the problems found making them.
pub(crate) type CardNotice = Arc<dyn Fn(&[Diagnostic]) + Send + Sync>;

/// What the search worker indexes: every language's published entries' records, as
/// render made them; one index per language, as the build makes them.
pub struct SearchJob {
    pub(crate) languages: Vec<LanguageRecords>,
}

/// One language's search records.
pub(crate) struct LanguageRecords {
    /// Where its index goes: `cy/`, or the root for the default language.
    pub(crate) folder: String,
    pub(crate) language: String,
    pub(crate) records: Vec<Arc<SearchRecord>>,
}

/// Each language's words from the last indexing (see [`IndexCache`]), by folder.
#[derive(Default)]
pub struct SearchCaches(std::collections::HashMap<String, IndexCache>);

/// What the card worker draws from: every language's site (the default language's
/// first), whose cards the build also makes.
///
/// The sites are held weakly: the rebuilder owns them, and the next save takes the
/// unchanged entries out of the served site instead of copying ten thousand of them.
/// A site replaced meanwhile has its cards made from the site that replaced it.
pub struct CardJob {
    pub(crate) sites: Vec<Weak<Site>>,
    pub(crate) media: Arc<Vec<MediaFile>>,
    pub(crate) guard: Arc<LeakGuard>,
}

impl CardJob {
    /// The sites this job draws from, held as a card run holds them while it runs
    /// (None once a rebuild has taken one over).
    pub fn hold_sites(&self) -> Option<Vec<Arc<Site>>> {
        self.sites.iter().map(Weak::upgrade).collect()
    }
}

/// A queue of one: the newest job waiting, or the order to stop.
struct Latest<T> {
    state: Mutex<(Option<T>, bool)>,
    wake: Condvar,
}

impl<T> Latest<T> {
    fn new() -> Self {
        Latest {
            state: Mutex::new((None, false)),
            wake: Condvar::new(),
        }
    }

    fn put(&self, job: T) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0 = Some(job);
        self.wake.notify_one();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
        self.wake.notify_one();
    }

    fn stopped(&self) -> bool {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1
    }

    /// Waits for the next job; None once stopped.
    fn next(&self) -> Option<T> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if state.1 {
                return None;
            }
            if let Some(job) = state.0.take() {
                return Some(job);
            }
            state = self
                .wake
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// The preview's background workers.
pub(crate) struct Background {
    search: Option<Arc<Latest<SearchJob>>>,
    cards: Arc<Latest<CardJob>>,
    store: Arc<SiteStore>,
}

impl Background {
    /// Starts the card worker, and the search worker when `search` is on.
    pub(crate) fn start(
        store: Arc<SiteStore>,
        search: bool,
        search_notice: Option<SearchNotice>,
        card_notice: Option<CardNotice>,
    ) -> std::io::Result<Self> {
        let search = if search {
            let queue = Arc::new(Latest::new());
            let (worker_queue, worker_store) = (queue.clone(), store.clone());
            std::thread::Builder::new()
                .name("practice-press search".into())
                .spawn(move || {
                    lower_priority();
                    index_loop(&worker_queue, &worker_store, search_notice.as_ref());
                    worker_store.settle_search();
                })?;
            Some(queue)
        } else {
            None
        };
        let cards = Arc::new(Latest::new());
        let (worker_queue, worker_store) = (cards.clone(), store.clone());
        // The card stage works in parallel; in a pool of its own, so drawing thousands of
        // cards never queues ahead of a rebuild's pages in the shared pool.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "practice-press cards".into())
            .start_handler(|_| lower_priority())
            .build()
            .map_err(std::io::Error::other)?;
        std::thread::Builder::new()
            .name("practice-press cards".into())
            .spawn(move || {
                lower_priority();
                while let Some(job) = worker_queue.next() {
                    let problems = pool.install(|| make_cards(&job, &worker_store));
                    if let Some(notice) = &card_notice {
                        notice(&problems);
                    }
                }
            })?;
        Ok(Background {
            search,
            cards,
            store,
        })
    }

    /// Asks for a new index and new cards; returns at once. Until the cards are in, a
    /// card asked for is made on its own from this site.
    pub(crate) fn refresh(&self, search: SearchJob, cards: CardJob) {
        offer_cards_now(&self.store, &cards);
        if let Some(queue) = &self.search {
            if !self.store.has_search_bundle() {
                self.store.expect_search();
            }
            queue.put(search);
        }
        self.cards.put(cards);
    }

    /// Ends the workers after the work under way, whose results are thrown away.
    pub(crate) fn stop(&self) {
        if let Some(queue) = &self.search {
            queue.stop();
        }
        self.cards.stop();
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop();
    }
}

fn index_loop(queue: &Latest<SearchJob>, store: &SiteStore, notice: Option<&SearchNotice>) {
    let mut cache = SearchCaches::default();
    while let Some(job) = queue.next() {
        let started = Instant::now();
        let items = job.languages.iter().map(|l| l.records.len()).sum();
        let result = index(&mut cache, &job);
        if queue.stopped() {
            return;
        }
        let error = match result {
            Ok(files) => {
                store.set_search_bundle(files);
                None
            }
            Err(error) => {
                // Whoever waits for a first index waits no longer.
                store.settle_search();
                Some(error)
            }
        };
        if let Some(notice) = notice {
            notice(&SearchReport {
                items,
                elapsed: started.elapsed(),
                error,
            });
        }
    }
}

/// Does at once what the two workers do after a rebuild, on the calling thread (for
/// tests that compare the preview with a build); the problems the cards met.
pub fn run_now(
    search: &SearchJob,
    cards: &CardJob,
    cache: &mut SearchCaches,
    store: &SiteStore,
) -> Result<Vec<Diagnostic>, String> {
    store.set_search_bundle(index(cache, search)?);
    Ok(make_cards(cards, store))
}

/// A file as the store keeps it: its site path and bytes.
type StoredFile = (String, Arc<Vec<u8>>);

/// The search stage over the preview's records, every language's index below its
/// folder, as files for the store.
fn index(caches: &mut SearchCaches, job: &SearchJob) -> Result<Vec<StoredFile>, String> {
    let mut all = Vec::new();
    for local in &job.languages {
        let records = local.records.iter().map(|r| SearchRecord::clone(r));
        let files = caches
            .0
            .entry(local.folder.clone())
            .or_default()
            .index(records, &local.language)
            .map_err(|e| e.to_string())?;
        all.extend(files.into_iter().map(|file| {
            (
                format!("{}{}", local.folder, file.path),
                Arc::new(file.bytes),
            )
        }));
    }
    Ok(all)
}

/// The card stage into the store, every language's cards at once; the problems it
/// found.
fn make_cards(job: &CardJob, store: &SiteStore) -> Vec<Diagnostic> {
    let Some(sites) = job.hold_sites() else {
        // A rebuild has taken the site over; the cards come with its own job.
        return Vec::new();
    };
    let collected = CardFiles::default();
    let sink = Guarded::new(&collected, &job.guard);
    let problems: Vec<Diagnostic> = sites
        .iter()
        .filter_map(|site| {
            write_cards(
                &site.settings,
                site,
                &job.media,
                &sink,
                &job.guard,
                &NoProgress,
            )
            .err()
        })
        .flatten()
        .collect();
    if problems.is_empty() {
        let files =
            std::mem::take(&mut *collected.0.lock().unwrap_or_else(PoisonError::into_inner));
        store.set_cards(files);
    }
    problems
}

/// Lets `store` make any card of `job`'s sites the moment it is asked for, before (or
/// without) a card run: `og:image` then never answers 404 in a fresh preview.
pub fn offer_cards_now(store: &SiteStore, job: &CardJob) {
    let paths = job
        .sites
        .iter()
        .filter_map(Weak::upgrade)
        .flat_map(|site| own_card_paths(&site))
        .collect();
    store.set_card_maker(card_maker(job), paths);
}

/// Makes one card when asked, from the language site that publishes it, through the
/// leak guard like the rest.
fn card_maker(job: &CardJob) -> CardMaker {
    // Each card's site, and that site's words; a theme file that cannot be read leaves
    // its cards to the card run, which reports it.
    let mut owners: HashMap<String, (Weak<Site>, Arc<Strings>)> = HashMap::new();
    for weak in &job.sites {
        let Some(site) = weak.upgrade() else {
            continue;
        };
        let Ok(strings) = site_strings(&site.settings) else {
            continue;
        };
        let strings = Arc::new(strings);
        for path in own_card_paths(&site) {
            owners.insert(path, (weak.clone(), strings.clone()));
        }
    }
    let (media, guard) = (job.media.clone(), job.guard.clone());
    // While a rebuild holds the site, a card not made yet answers 404; the rebuild
    // offers the new site's cards as soon as it is done.
    Arc::new(move |path: &str| {
        let (site, strings) = owners.get(path)?;
        let site = site.upgrade()?;
        let site = site.as_ref();
        let cache = Cache::open(&site.settings.root, "cards");
        let card = make_card(site, strings, &media, &cache, &guard, path)?.ok()?;
        let collected = CardFiles::default();
        let sink = Guarded::new(&collected, &guard);
        match card {
            Card::Drawn(bytes, _) => sink.put(path, bytes),
            Card::Cached(file) => sink.put_copy_of(path, &file),
        }
        .ok()?;
        let mut files = collected
            .0
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        files.pop().map(|(_, stored)| stored)
    })
}

/// Collects cards as the store keeps them: a cached card by the cache file's path (it
/// never changes once written, and holding ten thousand cards in memory would not do).
#[derive(Default)]
struct CardFiles(Mutex<Vec<(String, Stored)>>);

impl Sink for CardFiles {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), WriteError> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), Stored::Bytes(Arc::new(bytes))));
        Ok(())
    }

    fn put_copy_of(&self, path: &str, source: &std::path::Path) -> Result<(), WriteError> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), Stored::Linked(source.to_path_buf())));
        Ok(())
    }
}

/// Indexing and drawing a large site take many seconds of one core; at the lowest
/// priority they take only time the rebuilds and the browser do not need.
fn lower_priority() {
    // On Linux a thread's id names that thread alone; failing to lower it only means
    // the work competes for the processor.
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
}
