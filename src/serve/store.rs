//! The site being served, in memory: what the last good build wrote.
//!
//! Rebuilds render into a [`crate::write::MemorySink`] of their own and hand the result
//! over here in one step, so a reader sees either the old site or the new one, never a
//! mix, and a failed rebuild leaves the last good site untouched.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Condvar, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// Files by site path (`stories/a/index.html`, no leading slash).
///
/// The search bundle is kept apart: it is built in the background after the pages and
/// replaced whole when ready, and a rebuild of the pages leaves it in place meanwhile.
/// The index before the newest stays readable too: a search page that read the old
/// `meta.json` goes on fetching the old generation's files for a while, and must not
/// find them gone (a fresh preview swaps its index more than once as it settles).
#[derive(Default)]
pub struct SiteStore {
    files: RwLock<HashMap<String, Arc<Vec<u8>>>>,
    search: RwLock<SearchBundles>,
    /// Social cards, made in the background and replaced whole when ready.
    cards: RwLock<HashMap<String, Stored>>,
    /// Makes a card asked for before the background run has made it.
    card_maker: RwLock<Option<CardMaker>>,
    /// Where the site being served has its cards. A card anywhere else is never served,
    /// even while a card run for an older site still holds it: a story made a draft
    /// must lose its card (its title, drawn) at the same moment as its page.
    card_paths: RwLock<HashSet<String>>,
    /// Whether a first search index is on its way: until it is, a request for the
    /// index waits for it rather than fail (a search page opened the moment the
    /// preview starts would otherwise say search could not be loaded).
    search_pending: Mutex<bool>,
    search_ready: Condvar,
}

/// Makes the social card at a site path from the site being served, when a published
/// entry has its card there.
pub(crate) type CardMaker = Arc<dyn Fn(&str) -> Option<Stored> + Send + Sync>;

/// A file kept in memory, or a processing cache file read when asked for (cache files
/// never change once written).
#[derive(Debug, Clone)]
pub(crate) enum Stored {
    Bytes(Arc<Vec<u8>>),
    Linked(std::path::PathBuf),
}

#[derive(Debug, Default)]
struct SearchBundles {
    current: HashMap<String, Arc<Vec<u8>>>,
    previous: HashMap<String, Arc<Vec<u8>>>,
}

impl SiteStore {
    /// The file served at `path` (no leading slash): a page, a media file, the search
    /// index or a social card, made at once if its card run has not made it yet.
    pub fn get(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        let page = self
            .files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(path)
            .cloned();
        page.or_else(|| {
            let search = self.search.read().unwrap_or_else(PoisonError::into_inner);
            search
                .current
                .get(path)
                .or_else(|| search.previous.get(path))
                .cloned()
        })
        .or_else(|| self.card(path))
    }

    fn card(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        if !self
            .card_paths
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(path)
        {
            return None;
        }
        let known = self
            .cards
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(path)
            .cloned();
        let stored = match known {
            Some(stored) => stored,
            None => self.card_now(path)?,
        };
        match stored {
            Stored::Bytes(bytes) => Some(bytes),
            // A cache file deleted meanwhile answers 404 until the next card run.
            Stored::Linked(file) => std::fs::read(file).ok().map(Arc::new),
        }
    }

    /// A social card the background run has not made yet, made now (an `og:image`
    /// fetched the moment a page is shared, or a first visit to a fresh preview).
    fn card_now(&self, path: &str) -> Option<Stored> {
        if !(path.ends_with("/card.png") || path.ends_with("/card.jpg")) {
            return None;
        }
        let maker = self
            .card_maker
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()?;
        let stored = maker(path)?;
        self.cards
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string(), stored.clone());
        Some(stored)
    }

    /// Sets how cards not made yet are made, and where cards may be served: from the
    /// site just rendered.
    pub(crate) fn set_card_maker(&self, maker: CardMaker, paths: HashSet<String>) {
        *self
            .card_paths
            .write()
            .unwrap_or_else(PoisonError::into_inner) = paths;
        *self
            .card_maker
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(maker);
    }

    /// Replaces every social card in one step.
    pub(crate) fn set_cards(&self, cards: impl IntoIterator<Item = (String, Stored)>) {
        let fresh: HashMap<_, _> = cards.into_iter().collect();
        *self.cards.write().unwrap_or_else(PoisonError::into_inner) = fresh;
    }

    /// Every file served (pages, media, cards and the current search index), read
    /// whole: for tests that compare the preview with a build.
    pub fn everything(&self) -> std::collections::BTreeMap<String, Arc<Vec<u8>>> {
        let mut all: std::collections::BTreeMap<String, Arc<Vec<u8>>> =
            self.snapshot().into_iter().collect();
        let search = self.search.read().unwrap_or_else(PoisonError::into_inner);
        all.extend(search.current.iter().map(|(k, v)| (k.clone(), v.clone())));
        drop(search);
        let cards: Vec<String> = self
            .cards
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .cloned()
            .collect();
        for path in cards {
            if let Some(bytes) = self.card(&path) {
                all.insert(path, bytes);
            }
        }
        all
    }

    pub(crate) fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Replaces the search bundle in one step, keeping the one before readable.
    pub(crate) fn set_search_bundle(
        &self,
        files: impl IntoIterator<Item = (String, Arc<Vec<u8>>)>,
    ) {
        let fresh: HashMap<_, _> = files.into_iter().collect();
        let mut search = self.search.write().unwrap_or_else(PoisonError::into_inner);
        search.previous = std::mem::replace(&mut search.current, fresh);
        drop(search);
        self.settle_search();
    }

    pub(crate) fn has_search_bundle(&self) -> bool {
        !self
            .search
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .current
            .is_empty()
    }

    /// A first search index is being built.
    pub(crate) fn expect_search(&self) {
        *self
            .search_pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = true;
    }

    /// The first search index is in, or will not come (it failed, or search stopped).
    pub(crate) fn settle_search(&self) {
        *self
            .search_pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = false;
        self.search_ready.notify_all();
    }

    /// Waits, at most `limit`, for a first search index that is on its way.
    pub(crate) fn wait_for_search(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut pending = self
            .search_pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        while *pending {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            pending = self
                .search_ready
                .wait_timeout(pending, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replaces the whole site (a full rebuild).
    pub(crate) fn replace_all(&self, files: impl IntoIterator<Item = (String, Arc<Vec<u8>>)>) {
        let fresh: HashMap<_, _> = files.into_iter().collect();
        *self.files.write().unwrap_or_else(PoisonError::into_inner) = fresh;
    }

    /// Writes and deletes files in one step (an incremental rebuild).
    pub(crate) fn apply(
        &self,
        written: impl IntoIterator<Item = (String, Arc<Vec<u8>>)>,
        removed: &[String],
    ) {
        let mut files = self.files.write().unwrap_or_else(PoisonError::into_inner);
        for path in removed {
            files.remove(path);
        }
        files.extend(written);
    }

    /// Every file, for a scan over the whole site.
    pub(crate) fn snapshot(&self) -> Vec<(String, Arc<Vec<u8>>)> {
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(pairs: &[(&str, &str)]) -> Vec<(String, Arc<Vec<u8>>)> {
        pairs
            .iter()
            .map(|(p, b)| (p.to_string(), Arc::new(b.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn a_page_reading_the_previous_search_index_still_finds_its_files() {
        let store = SiteStore::default();
        store.set_search_bundle(bundle(&[
            ("search-index/meta.json", "a"),
            ("search-index/a/x", "1"),
        ]));
        store.set_search_bundle(bundle(&[
            ("search-index/meta.json", "b"),
            ("search-index/b/x", "2"),
        ]));
        assert_eq!(
            store.get("search-index/meta.json").unwrap().as_slice(),
            b"b"
        );
        assert_eq!(store.get("search-index/a/x").unwrap().as_slice(), b"1");
        assert_eq!(store.get("search-index/b/x").unwrap().as_slice(), b"2");
        // Two generations back is gone: memory stays bounded.
        store.set_search_bundle(bundle(&[("search-index/meta.json", "c")]));
        assert!(store.get("search-index/a/x").is_none());
        assert!(store.get("search-index/b/x").is_some());
    }

    #[test]
    fn a_request_waits_for_the_first_index_only_while_one_is_coming() {
        let store = Arc::new(SiteStore::default());
        // Nothing expected: no wait.
        let started = Instant::now();
        store.wait_for_search(Duration::from_secs(5));
        assert!(started.elapsed() < Duration::from_secs(1));

        store.expect_search();
        let writer = store.clone();
        let handle = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            writer.set_search_bundle(bundle(&[("search-index/meta.json", "a")]));
        });
        store.wait_for_search(Duration::from_secs(10));
        assert!(store.get("search-index/meta.json").is_some());
        handle.join().unwrap();
    }
}
