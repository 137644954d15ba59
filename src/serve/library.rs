//! The content library kept in memory between rebuilds: a change re-reads only the
//! files it names (and files that appeared), instead of every file of the site.
//!
//! Documents are kept sorted by path, the order `check` reads them in, so the site
//! resolved from this library is the one `build` would publish.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::source::SourceFile;
use crate::load::{find_content_files, parse_document, FileKind, Library, ParsedItem};

/// When a file was last written, to notice changes the watcher missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

/// What reading one file gave, besides the document itself.
#[derive(Debug)]
struct FileRecord {
    kind: FileKind,
    stamp: Option<Stamp>,
    diagnostics: Vec<Diagnostic>,
}

/// One file read and parsed.
struct Loaded {
    display: PathBuf,
    record: FileRecord,
    source: Option<SourceFile>,
    item: Option<ParsedItem>,
}

fn load_one(kind: FileKind, full: &Path, display: &Path) -> Loaded {
    let stamp = stamp(full);
    let (source, item, diagnostics) = match SourceFile::read(full, display) {
        Ok(source) => {
            let (item, diagnostics) = parse_document(kind, &source);
            (Some(source), item, diagnostics)
        }
        Err(diagnostic) => (None, None, vec![diagnostic]),
    };
    Loaded {
        display: display.to_path_buf(),
        record: FileRecord {
            kind,
            stamp,
            diagnostics,
        },
        source,
        item,
    }
}

/// The library with what is needed to update it file by file.
#[derive(Debug, Default)]
pub struct LiveLibrary {
    library: Library,
    files: BTreeMap<PathBuf, FileRecord>,
    /// Problems found while listing the files (misplaced files, links out of the site).
    walk_diagnostics: Vec<Diagnostic>,
}

impl LiveLibrary {
    /// Reads every content file.
    pub fn load(settings: &Settings) -> LiveLibrary {
        let (listed, walk_diagnostics) = find_content_files(settings);
        let loaded: Vec<Loaded> = listed
            .par_iter()
            .map(|(kind, full, display)| load_one(*kind, full, display))
            .collect();
        let mut live = LiveLibrary {
            walk_diagnostics,
            ..LiveLibrary::default()
        };
        for one in loaded {
            live.insert(one);
        }
        live
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Every loading problem, as `check` reports them.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.walk_diagnostics.clone();
        all.extend(
            self.files
                .values()
                .flat_map(|r| r.diagnostics.iter().cloned()),
        );
        all
    }

    /// Brings the library up to date after a change: lists the content folder again,
    /// re-reads the files in `hinted` (relative to the site root) and any that appeared,
    /// and drops the ones that went. With `check_all`, every file's size and time are
    /// compared too, for when events may have been lost. Returns the files that
    /// changed.
    pub fn refresh(
        &mut self,
        settings: &Settings,
        hinted: &BTreeSet<PathBuf>,
        check_all: bool,
    ) -> BTreeSet<PathBuf> {
        if !check_all {
            if let Some(changed) = self.refresh_named(settings, hinted) {
                return changed;
            }
        }
        let (listed, walk_diagnostics) = find_content_files(settings);
        self.walk_diagnostics = walk_diagnostics;
        let present: BTreeSet<&Path> = listed.iter().map(|(_, _, d)| d.as_path()).collect();
        let gone: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|p| !present.contains(p.as_path()))
            .cloned()
            .collect();
        let to_read: Vec<&(FileKind, PathBuf, PathBuf)> = listed
            .iter()
            .filter(|(kind, full, display)| match self.files.get(display) {
                None => true,
                Some(record) => {
                    record.kind != *kind
                        || hinted.contains(display)
                        || (check_all && record.stamp != stamp(full))
                }
            })
            .collect();
        let loaded: Vec<Loaded> = to_read
            .par_iter()
            .map(|(kind, full, display)| load_one(*kind, full, display))
            .collect();
        let mut changed: BTreeSet<PathBuf> = gone.iter().cloned().collect();
        for path in &gone {
            self.remove(path);
        }
        for one in loaded {
            changed.insert(one.display.clone());
            self.remove(&one.display);
            self.insert(one);
        }
        changed
    }

    /// The quick way for the usual save: every named path is a plain markdown file in
    /// its right place, so listing the whole content folder would find nothing new.
    /// None when a path needs the full listing (a folder, a link, a misplaced file).
    fn refresh_named(
        &mut self,
        settings: &Settings,
        hinted: &BTreeSet<PathBuf>,
    ) -> Option<BTreeSet<PathBuf>> {
        let mut plan = Vec::new();
        for display in hinted {
            let kind = display
                .strip_prefix("content")
                .ok()
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .and_then(FileKind::of)?;
            let full = settings.root.join(display);
            let present = match std::fs::symlink_metadata(&full) {
                // A folder on the way may be a link out of the site; the loader's
                // listing would skip the file then, and so must this.
                Ok(meta) if meta.file_type().is_file() => {
                    let inside = full
                        .canonicalize()
                        .is_ok_and(|real| real.starts_with(&settings.root));
                    if !inside {
                        return None;
                    }
                    true
                }
                Ok(_) => return None,
                Err(_) => false,
            };
            plan.push((kind, full, display, present));
        }
        let mut changed = BTreeSet::new();
        for (kind, full, display, present) in plan {
            if present {
                let one = load_one(kind, &full, display);
                self.remove(display);
                self.insert(one);
                changed.insert(display.clone());
            } else if self.files.contains_key(display) {
                self.remove(display);
                changed.insert(display.clone());
            }
        }
        Some(changed)
    }

    /// Every address a file publishes (its page, aliases and term pages), which other
    /// files' links are checked against; None for a file that did not load.
    pub fn link_targets(&self, display: &Path) -> Option<String> {
        let documents = &self.library.documents;
        let at = documents.partition_point(|d| d.source.path.as_path() < display);
        if let Some(d) = documents.get(at).filter(|d| d.source.path == display) {
            let e = &d.entry;
            return Some(format!(
                "{}|{:?}|{:?}|{:?}|{}|{:?}|{:?}",
                e.path(),
                e.aliases,
                e.council,
                e.service,
                e.date.year(),
                e.practice_areas,
                e.tags
            ));
        }
        let pages = &self.library.pages;
        let at = pages.partition_point(|p| p.source.path.as_path() < display);
        pages
            .get(at)
            .filter(|p| p.source.path == display)
            .map(|p| p.page.path())
    }

    /// Every file that loaded.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }

    fn insert(&mut self, one: Loaded) {
        let library = &mut self.library;
        if let Some(source) = one.source {
            insert_sorted(&mut library.sources, source, |s| &s.path);
        }
        match one.item {
            Some(ParsedItem::Entry(document)) => {
                insert_sorted(&mut library.documents, *document, |d| &d.source.path)
            }
            Some(ParsedItem::Page(page)) => {
                insert_sorted(&mut library.pages, page, |p| &p.source.path)
            }
            None => {}
        }
        self.files.insert(one.display, one.record);
    }

    fn remove(&mut self, display: &Path) {
        if self.files.remove(display).is_none() {
            return;
        }
        let library = &mut self.library;
        remove_sorted(&mut library.sources, display, |s| &s.path);
        remove_sorted(&mut library.documents, display, |d| &d.source.path);
        remove_sorted(&mut library.pages, display, |p| &p.source.path);
    }
}

fn insert_sorted<T>(items: &mut Vec<T>, item: T, key: impl Fn(&T) -> &PathBuf) {
    let at = items.partition_point(|x| key(x) < key(&item));
    items.insert(at, item);
}

fn remove_sorted<T>(items: &mut Vec<T>, path: &Path, key: impl Fn(&T) -> &PathBuf) {
    let at = items.partition_point(|x| key(x).as_path() < path);
    if items.get(at).is_some_and(|x| key(x) == path) {
        items.remove(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site() -> (tempfile::TempDir, Settings) {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/pages")).unwrap();
        fs::write(
            dir.path().join("site.yaml"),
            "title: T\nbase_url: https://example.org\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("content/pages/about.md"),
            "---\ntitle: About\n---\nHi\n",
        )
        .unwrap();
        let settings = Settings::load(dir.path()).unwrap();
        (dir, settings)
    }

    #[test]
    fn refresh_reads_named_new_and_gone_files_only() {
        let (dir, settings) = site();
        let mut live = LiveLibrary::load(&settings);
        assert_eq!(live.library().pages.len(), 1);
        let about = PathBuf::from("content/pages/about.md");
        let privacy = PathBuf::from("content/pages/privacy.md");
        fs::write(dir.path().join(&privacy), "---\ntitle: Privacy\n---\nHi\n").unwrap();
        let changed = live.refresh(&settings, &BTreeSet::from([privacy.clone()]), false);
        assert_eq!(changed, BTreeSet::from([privacy.clone()]));
        assert_eq!(live.library().pages.len(), 2);

        fs::write(dir.path().join(&about), "---\ntitle: [broken\n---\n").unwrap();
        let changed = live.refresh(&settings, &BTreeSet::from([about.clone()]), false);
        assert_eq!(changed, BTreeSet::from([about.clone()]));
        assert!(live.diagnostics().iter().any(|d| d.file == about));
        assert_eq!(live.library().pages.len(), 1);

        fs::remove_file(dir.path().join(&privacy)).unwrap();
        let changed = live.refresh(&settings, &BTreeSet::from([privacy.clone()]), false);
        assert_eq!(changed, BTreeSet::from([privacy]));
        assert!(live.library().pages.is_empty());
    }

    #[test]
    fn a_folder_event_lists_the_folder_again() {
        let (dir, settings) = site();
        let mut live = LiveLibrary::load(&settings);
        let folder = PathBuf::from("content/stories/2026");
        fs::create_dir_all(dir.path().join(&folder)).unwrap();
        fs::write(dir.path().join(folder.join("a.md")), "---\ntitle: A\n---\n").unwrap();
        let changed = live.refresh(&settings, &BTreeSet::from([folder]), false);
        assert_eq!(
            changed,
            BTreeSet::from([PathBuf::from("content/stories/2026/a.md")])
        );
    }

    #[test]
    fn a_missed_change_is_found_by_size_and_time() {
        let (dir, settings) = site();
        let mut live = LiveLibrary::load(&settings);
        let about = PathBuf::from("content/pages/about.md");
        fs::write(
            dir.path().join(&about),
            "---\ntitle: About us\n---\nHello there\n",
        )
        .unwrap();
        assert!(live.refresh(&settings, &BTreeSet::new(), false).is_empty());
        assert_eq!(
            live.refresh(&settings, &BTreeSet::new(), true),
            BTreeSet::from([about])
        );
        assert_eq!(live.library().pages[0].page.title, "About us");
    }
}
