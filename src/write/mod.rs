//! Write: where rendered files go. One [`Sink`] trait with two ends: [`DiskSink`] writes
//! a whole build to a staging folder and swaps it in only when everything succeeded;
//! [`MemorySink`] keeps files in memory for `serve` and tests. [`Guarded`] wraps either
//! end in the leak guard, so the stages that make files never handle the guard.

mod disk;
pub mod guard;
mod guarded;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

pub(crate) use disk::{DiskSink, OutputError};
pub(crate) use guarded::Guarded;

use crate::diagnostic::Diagnostic;
use crate::util::FsError;

/// Receives the site's files. `path` is relative to the site root, with `/` separators
/// and no leading slash (e.g. `stories/a/index.html`).
pub trait Sink: Sync {
    /// Writes `bytes` at `path`, unless the sink refuses it.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), WriteError>;

    /// Publishes a copy of a file that never changes once written (a processing cache
    /// entry, see `media::cache`). The disk sink links it instead of copying, so a warm
    /// rebuild reads none of it.
    fn put_copy_of(&self, path: &str, source: &std::path::Path) -> Result<(), WriteError> {
        let bytes = std::fs::read(source).map_err(|e| FsError::new("cannot read", source, e))?;
        self.put(path, bytes)
    }
}

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The leak guard stopped it (see [`Guarded`]).
    #[error("{}", .0.message)]
    Refused(Box<Diagnostic>),
    /// The file system refused the write.
    #[error(transparent)]
    Fs(#[from] FsError),
}

impl WriteError {
    /// What to tell the user, at the file the problem is in.
    pub(crate) fn into_diagnostic(self) -> Diagnostic {
        match self {
            WriteError::Refused(stop) => *stop,
            WriteError::Fs(err) => Diagnostic::error(
                "PP0701",
                &err.path,
                format!("the site could not be written: {err}"),
            )
            .with_hint("check free disk space and that you may write to the output folder; the previous site was left as it was"),
        }
    }
}

/// The built site in memory, shared cheaply with the preview server.
#[derive(Debug, Default, Clone)]
pub struct MemorySink {
    files: Arc<Mutex<BTreeMap<String, Arc<Vec<u8>>>>>,
}

impl MemorySink {
    /// An empty sink.
    pub fn new() -> Self {
        Self::default()
    }

    /// A snapshot of every file written so far.
    pub fn files(&self) -> BTreeMap<String, Arc<Vec<u8>>> {
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Takes every file out, leaving the sink empty.
    pub fn into_files(self) -> BTreeMap<String, Arc<Vec<u8>>> {
        std::mem::take(&mut *self.files.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), WriteError> {
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string(), Arc::new(bytes));
        Ok(())
    }
}

/// Rejects site paths that could escape the output folder; content controls some of
/// them (slugs, media names), so this is checked at the one place every write passes.
pub(crate) fn is_safe_site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_rejected() {
        assert!(is_safe_site_path("stories/a/index.html"));
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "a\\b",
            "./a",
        ] {
            assert!(!is_safe_site_path(bad), "{bad}");
        }
    }
}
