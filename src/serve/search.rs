//! Search in the preview. After each good rebuild the whole index is built again on a
//! background thread of the lowest priority and swapped in when ready, so indexing
//! never delays a page reload. Until the first index is ready, or while a newer one is
//! being built, the search page uses the one before.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::store::SiteStore;
use crate::render::markdown::render_markdown;
use crate::render::records::search_record;
use crate::resolve::Site;
use crate::search::{index_records, SearchRecord};

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
}

impl BackgroundSearch {
    pub fn start(store: Arc<SiteStore>, notice: Option<SearchNotice>) -> std::io::Result<Self> {
        let queue = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let worker_queue = queue.clone();
        std::thread::Builder::new()
            .name("practice-press search".into())
            .spawn(move || run(&worker_queue, &store, notice.as_ref()))?;
        Ok(BackgroundSearch { queue })
    }

    /// Asks for an index of `site`; returns at once.
    pub fn refresh(&self, site: Arc<Site>) {
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
    // Pagefind works in parallel with rayon. In the shared pool its work would hold up
    // the page rebuilds (a reload once took over a second); in a pool of its own, of
    // one thread at the lowest priority, it waits for them instead.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .thread_name(|_| "practice-press search pool".into())
        .start_handler(|_| lower_priority())
        .build();
    while let Some(site) = next_site(queue) {
        let started = Instant::now();
        let records = records_of(&site);
        let items = records.len();
        let language = site.settings.language.clone();
        let index = move || index_records(records, &language);
        let result = match &pool {
            Ok(pool) => pool.install(index),
            Err(_) => index(),
        };
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
            Err(error) => Some(error.to_string()),
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

/// The same records `build` indexes: published entries only, public fields only.
fn records_of(site: &Site) -> Vec<SearchRecord> {
    site.entries
        .iter()
        .map(|entry| {
            let body = render_markdown(&entry.body, &site.settings.base_path);
            search_record(site, entry, &body.text)
        })
        .collect()
}

/// Indexing a large site takes many seconds of one core; at the lowest priority it
/// takes only time the rebuilds and the browser do not need.
fn lower_priority() {
    // On Linux a thread's id names that thread alone; failing to lower it only means
    // indexing competes for the processor.
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
}
