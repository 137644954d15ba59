//! The processing cache: results of slow work (social cards, resized photos) kept in
//! `.practice-press-cache/` in the site folder, named by a hash of everything that went
//! into them, so a rebuild finds what has not changed and redoes what has.
//!
//! The cache is never the only copy of anything: it can be deleted at any time, and a
//! cache that cannot be read or written (a read-only folder, a full disk) only makes
//! the build slower. Entries are written to a temporary name and renamed into place,
//! so two builds at once, or a build stopped midway, never leave half a file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

/// The cache folder's name inside the site folder (ignored by `init`'s `.gitignore`).
pub(crate) const CACHE_DIR: &str = ".practice-press-cache";

/// One kind of cached result, in its own folder (`cards`, `images`).
#[derive(Debug, Clone)]
pub(crate) struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// The cache folder `kind` of the site at `site_root`.
    pub(crate) fn open(site_root: &Path, kind: &str) -> Cache {
        let dir = site_root.join(CACHE_DIR).join(kind);
        let dir = fs::create_dir_all(&dir).ok().map(|()| dir);
        Cache { dir }
    }

    /// The stored result for `key` (see [`key`]), if there is one.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &str, extension: &str) -> Option<Vec<u8>> {
        let path = self.dir.as_ref()?.join(format!("{key}.{extension}"));
        fs::read(path).ok().filter(|bytes| !bytes.is_empty())
    }

    /// Where the stored result for `key` is, if there is one: for handing to
    /// [`Sink::put_copy_of`](crate::write::Sink::put_copy_of) without reading it.
    /// Entries are only ever replaced by renaming a new file over them, never changed
    /// in place, so a published link to one keeps its content.
    pub(crate) fn path_of(&self, key: &str, extension: &str) -> Option<std::path::PathBuf> {
        let path = self.dir.as_ref()?.join(format!("{key}.{extension}"));
        fs::metadata(&path)
            .is_ok_and(|m| m.is_file() && m.len() > 0)
            .then_some(path)
    }

    /// Stores a result; failures are ignored, since the cache only saves time.
    pub(crate) fn put(&self, key: &str, extension: &str, bytes: &[u8]) {
        let Some(dir) = &self.dir else {
            return;
        };
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let temporary = dir.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = fs::File::create(&temporary)
            .and_then(|mut file| file.write_all(bytes))
            .and_then(|()| fs::rename(&temporary, dir.join(format!("{key}.{extension}"))));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
    }
}

/// The hex SHA-256 of `parts`, each length-prefixed so that ("ab", "c") and ("a", "bc")
/// differ.
pub(crate) fn key(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_every_part_and_its_boundaries() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
        assert_eq!(key(&[b"x"]).len(), 64);
    }

    #[test]
    fn a_stored_result_comes_back_and_a_deleted_cache_is_just_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::open(dir.path(), "cards");
        assert_eq!(cache.get("k", "png"), None);
        cache.put("k", "png", b"bytes");
        assert_eq!(cache.get("k", "png"), Some(b"bytes".to_vec()));
        fs::remove_dir_all(dir.path().join(CACHE_DIR)).expect("delete the cache");
        assert_eq!(cache.get("k", "png"), None);
        // Writing into a deleted cache fails quietly.
        cache.put("k", "png", b"bytes");
    }
}
