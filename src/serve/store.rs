//! The site being served, in memory: what the last good build wrote.
//!
//! Rebuilds render into a [`crate::write::MemorySink`] of their own and hand the result
//! over here in one step, so a reader sees either the old site or the new one, never a
//! mix, and a failed rebuild leaves the last good site untouched.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

/// Files by site path (`stories/a/index.html`, no leading slash).
///
/// The search bundle is kept apart: it is built in the background after the pages and
/// replaced whole when ready, and a rebuild of the pages leaves it in place meanwhile.
#[derive(Debug, Default)]
pub struct SiteStore {
    files: RwLock<HashMap<String, Arc<Vec<u8>>>>,
    search: RwLock<HashMap<String, Arc<Vec<u8>>>>,
}

impl SiteStore {
    pub fn get(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        let page = self
            .files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(path)
            .cloned();
        page.or_else(|| {
            self.search
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .get(path)
                .cloned()
        })
    }

    pub fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Replaces the search bundle in one step.
    pub fn set_search_bundle(&self, files: impl IntoIterator<Item = (String, Arc<Vec<u8>>)>) {
        let fresh: HashMap<_, _> = files.into_iter().collect();
        *self.search.write().unwrap_or_else(PoisonError::into_inner) = fresh;
    }

    pub fn len(&self) -> usize {
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replaces the whole site (a full rebuild).
    pub fn replace_all(&self, files: impl IntoIterator<Item = (String, Arc<Vec<u8>>)>) {
        let fresh: HashMap<_, _> = files.into_iter().collect();
        *self.files.write().unwrap_or_else(PoisonError::into_inner) = fresh;
    }

    /// Writes and deletes files in one step (an incremental rebuild).
    pub fn apply(
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
    pub fn snapshot(&self) -> Vec<(String, Arc<Vec<u8>>)> {
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}
