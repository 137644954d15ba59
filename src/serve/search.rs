//! Search in the preview. After each good rebuild the index is built again on a
//! background thread of the lowest priority and swapped in when ready, so indexing
//! never delays a page reload; only the records that changed are tokenized again
//! (see [`IndexCache`]). Until the first index is ready, or while a newer one is
//! being built, the search page uses the one before.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::store::SiteStore;
use crate::render::markdown::render_markdown;
use crate::render::records::search_record;
use crate::resolve::Site;
use crate::search::{IndexCache, SearchRecord};

/// One finished (or failed) indexing, for the terminal.
#[derive(Debug, Clone)]
pub struct SearchReport {
    pub items: usize,
    pub elapsed: Duration,
    pub error: Option<String>,
}

impl std::fmt::Display for SearchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let seconds = self.elapsed.as_secs_f64();
        match &self.error {
            None => write!(
                f,
                "search index updated: {} items in {seconds:.1} s",
                self.items
            ),
            Some(error) => write!(
                f,
                "search index not updated ({error}); search shows the previous one"
            ),
        }
    }
}

pub type SearchNotice = Arc<dyn Fn(&SearchReport) + Send + Sync>;

#[derive(Default)]
struct Queue {
    /// Only the newest site waiting matters: older ones would be replaced at once.
    next: Option<Arc<Site>>,
    stopped: bool,
}

/// The background indexer of a preview.
pub struct BackgroundSearch {
    queue: Arc<(Mutex<Queue>, Condvar)>,
    store: Arc<SiteStore>,
}

impl BackgroundSearch {
    pub fn start(store: Arc<SiteStore>, notice: Option<SearchNotice>) -> std::io::Result<Self> {
        let queue = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let worker_queue = queue.clone();
        let worker_store = store.clone();
        std::thread::Builder::new()
            .name("practice-press search".into())
            .spawn(move || {
                run(&worker_queue, &worker_store, notice.as_ref());
                worker_store.settle_search();
            })?;
        Ok(BackgroundSearch { queue, store })
    }

    /// Asks for an index of `site`; returns at once.
    pub fn refresh(&self, site: Arc<Site>) {
        if !self.store.has_search_bundle() {
            self.store.expect_search();
        }
        let (lock, wake) = &*self.queue;
        lock.lock().unwrap_or_else(PoisonError::into_inner).next = Some(site);
        wake.notify_one();
    }

    /// Ends the worker after the indexing under way, whose result is thrown away.
    pub fn stop(&self) {
        let (lock, wake) = &*self.queue;
        lock.lock().unwrap_or_else(PoisonError::into_inner).stopped = true;
        wake.notify_one();
    }
}

impl Drop for BackgroundSearch {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(queue: &(Mutex<Queue>, Condvar), store: &SiteStore, notice: Option<&SearchNotice>) {
    lower_priority();
    let mut cache = IndexCache::default();
    let mut texts = BodyTexts::default();
    while let Some(site) = next_site(queue) {
        let started = Instant::now();
        let records = texts.records_of(&site);
        let items = records.len();
        let result = cache.index(records, &site.settings.language);
        if queue
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stopped
        {
            return;
        }
        let error = match result {
            Ok(files) => {
                store.set_search_bundle(
                    files
                        .into_iter()
                        .map(|file| (file.path, Arc::new(file.bytes))),
                );
                None
            }
            Err(error) => {
                // Whoever waits for a first index waits no longer.
                store.settle_search();
                Some(error.to_string())
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

fn next_site(queue: &(Mutex<Queue>, Condvar)) -> Option<Arc<Site>> {
    let (lock, wake) = queue;
    let mut state = lock.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if state.stopped {
            return None;
        }
        if let Some(site) = state.next.take() {
            return Some(site);
        }
        state = wake.wait(state).unwrap_or_else(PoisonError::into_inner);
    }
}

/// Each entry's body as plain text, kept between indexings: rendering every body
/// again after each save would cost more than the index itself on a large site.
#[derive(Default)]
struct BodyTexts {
    /// (url) → (the body's markdown, its plain text)
    known: HashMap<String, (Arc<str>, String)>,
}

impl BodyTexts {
    /// The same records `build` indexes: published entries only, public fields only.
    fn records_of(&mut self, site: &Site) -> Vec<SearchRecord> {
        let mut next = HashMap::with_capacity(site.entries.len());
        let records = site
            .entries
            .iter()
            .map(|entry| {
                let key = entry.path();
                let text = match self.known.remove(&key) {
                    Some((body, text)) if *body == *entry.body => (body, text),
                    _ => {
                        let text = render_markdown(&entry.body, &site.settings.base_path).text;
                        (Arc::from(entry.body.as_str()), text)
                    }
                };
                let record = search_record(site, entry, &text.1);
                next.insert(key, text);
                record
            })
            .collect();
        self.known = next;
        records
    }
}

/// Indexing a large site takes many seconds of one core; at the lowest priority it
/// takes only time the rebuilds and the browser do not need.
fn lower_priority() {
    // On Linux a thread's id names that thread alone; failing to lower it only means
    // indexing competes for the processor.
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
}
