//! The leak guard as a layer of the sink: every file on its way out, pages, feeds,
//! media, cards and the search index alike, is scanned here, so no stage can forget to.

use std::path::Path;

use super::guard::LeakGuard;
use super::{Sink, WriteError};

/// A sink that refuses any file whose path or bytes the guard stops.
pub(crate) struct Guarded<'a> {
    inner: &'a dyn Sink,
    guard: &'a LeakGuard,
}

impl<'a> Guarded<'a> {
    pub(crate) fn new(inner: &'a dyn Sink, guard: &'a LeakGuard) -> Self {
        Guarded { inner, guard }
    }

    fn check(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        match self.guard.scan(path, bytes) {
            Some(stop) => Err(WriteError::Refused(Box::new(stop))),
            None => Ok(()),
        }
    }

    /// Publishes a cache file whose bytes the caller has in hand: they are scanned,
    /// then the file is linked as [`Sink::put_copy_of`] does.
    pub(crate) fn put_scanned_copy(
        &self,
        path: &str,
        bytes: &[u8],
        source: &Path,
    ) -> Result<(), WriteError> {
        self.check(path, bytes)?;
        self.inner.put_copy_of(path, source)
    }
}

impl Sink for Guarded<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), WriteError> {
        self.check(path, &bytes)?;
        self.inner.put(path, bytes)
    }

    /// Only the path is scanned: a cache file is compressed pixels whose text source
    /// was scanned when it was first made (see `media::card`), and reading it back here
    /// would undo the point of linking it.
    fn put_copy_of(&self, path: &str, source: &Path) -> Result<(), WriteError> {
        self.check(path, b"")?;
        self.inner.put_copy_of(path, source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::guard::GuardName;
    use crate::write::MemorySink;

    #[test]
    fn a_file_with_an_anonymous_name_never_reaches_the_sink_behind() {
        let guard = LeakGuard::new(
            &[GuardName {
                name: "Alex Brennan".into(),
                source: "content/nominations/a.md".into(),
                line: Some(4),
            }],
            &[],
        );
        let memory = MemorySink::new();
        let sink = Guarded::new(&memory, &guard);
        sink.put("a/index.html", b"<p>Thanks to the team.</p>".to_vec())
            .unwrap();
        let stop = match sink.put("b/index.html", b"<p>Alex Brennan</p>".to_vec()) {
            Err(WriteError::Refused(stop)) => stop,
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(stop.code, "PP0404");
        assert!(matches!(
            sink.put_copy_of("media/alex-brennan.jpg", Path::new("/nonexistent")),
            Err(WriteError::Refused(_))
        ));
        assert_eq!(memory.files().keys().collect::<Vec<_>>(), ["a/index.html"]);
    }
}
