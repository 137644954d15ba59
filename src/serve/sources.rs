//! What the preview keeps per content file between saves: the load stage's result
//! ([`load_file`]) and the single-file rules' findings, keyed by path and content. A
//! save loads only the files it names (and files that appeared), and checks again only
//! those, unless it moved an address other files may link to. Everything else comes
//! from the build's own stages, so the library and the problems are the ones `check`
//! gives.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::{find_content_files, load_file, FileKind, Library, LoadedFile, Translation};
use crate::validate::{
    validate_addresses_and_names, validate_chosen_translations, validate_files_known, KnownPaths,
};

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

/// One file as last loaded.
struct Kept {
    kind: FileKind,
    stamp: Option<Stamp>,
    /// A hash of the text: a save that changed nothing changes nothing.
    content: u64,
    /// Problems found while loading it.
    load_problems: Vec<Diagnostic>,
}

fn load(kind: FileKind, full: &Path, display: &Path) -> (Kept, LoadedFile) {
    let stamp = stamp(full);
    let loaded = load_file(kind, full, display);
    let mut hasher = DefaultHasher::new();
    loaded.text().hash(&mut hasher);
    let kept = Kept {
        kind,
        stamp,
        content: hasher.finish(),
        load_problems: loaded.diagnostics.clone(),
    };
    (kept, loaded)
}

/// The library and its problems, updated file by file.
#[derive(Default)]
pub(crate) struct Sources {
    library: Library,
    files: BTreeMap<PathBuf, Kept>,
    /// Problems found while listing the files (misplaced files, links out of the site).
    walk_problems: Vec<Diagnostic>,
    /// Each file's findings from the single-file rules.
    findings: HashMap<PathBuf, Vec<Diagnostic>>,
    /// The addresses each file publishes, as last checked.
    targets: HashMap<PathBuf, Option<String>>,
    /// Every address the site publishes; the same until some file's addresses move.
    known: Option<KnownPaths>,
    /// The findings of the rules across files about addresses and anonymous names, as
    /// last run; the same until some file's addresses or anonymous names move.
    across_files: Option<Vec<Diagnostic>>,
    /// The names each file marks anonymous, as last checked.
    anonymous: HashMap<PathBuf, Vec<String>>,
    /// Each translation's findings against its original, by the translation's path.
    translation_findings: HashMap<PathBuf, Vec<Diagnostic>>,
}

impl Sources {
    /// Loads every content file.
    pub(crate) fn load(settings: &Settings) -> Sources {
        let (listed, walk_problems) = find_content_files(settings);
        let loaded: Vec<(PathBuf, Kept, LoadedFile)> = listed
            .par_iter()
            .map(|(kind, full, display)| {
                let (kept, file) = load(*kind, full, display);
                (display.clone(), kept, file)
            })
            .collect();
        let mut sources = Sources {
            walk_problems,
            ..Sources::default()
        };
        for (display, kept, file) in loaded {
            sources.library.replace(&display, Some(file));
            sources.files.insert(display, kept);
        }
        sources
    }

    pub(crate) fn library(&self) -> &Library {
        &self.library
    }

    /// Brings the library up to date after a change: re-reads the files in `hinted`
    /// (relative to the site root) and, when a path needs it, lists the content folder
    /// again for files that appeared or went. With `check_all`, every file's size and
    /// time are compared too, for when events may have been lost. Returns the files
    /// whose content changed.
    pub(crate) fn refresh(
        &mut self,
        settings: &Settings,
        hinted: &BTreeSet<PathBuf>,
        check_all: bool,
    ) -> BTreeSet<PathBuf> {
        if !check_all {
            if let Some(plan) = self.named_files(settings, hinted) {
                return self.reload(plan);
            }
        }
        let (listed, walk_problems) = find_content_files(settings);
        self.walk_problems = walk_problems;
        let present: BTreeSet<&Path> = listed.iter().map(|(_, _, d)| d.as_path()).collect();
        let mut plan: Vec<(FileKind, PathBuf, PathBuf, bool)> = self
            .files
            .keys()
            .filter(|p| !present.contains(p.as_path()))
            .map(|p| (FileKind::Page, PathBuf::new(), p.clone(), false))
            .collect();
        plan.extend(
            listed
                .iter()
                .filter(|(kind, full, display)| match self.files.get(display) {
                    None => true,
                    Some(kept) => {
                        kept.kind != *kind
                            || hinted.contains(display)
                            || (check_all && kept.stamp != stamp(full))
                    }
                })
                .map(|(kind, full, display)| (*kind, full.clone(), display.clone(), true)),
        );
        self.reload(plan)
    }

    /// The quick way for the usual save: every named path is a markdown file in its
    /// right place, so listing the whole content folder would find nothing new. None
    /// when a path needs the full listing (a folder, a link, a misplaced file).
    fn named_files(
        &self,
        settings: &Settings,
        hinted: &BTreeSet<PathBuf>,
    ) -> Option<Vec<(FileKind, PathBuf, PathBuf, bool)>> {
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
            plan.push((kind, full, display.clone(), present));
        }
        Some(plan)
    }

    /// Loads the planned files that are present and drops the others; returns those
    /// whose content changed.
    fn reload(&mut self, plan: Vec<(FileKind, PathBuf, PathBuf, bool)>) -> BTreeSet<PathBuf> {
        let loaded: Vec<(PathBuf, Option<(Kept, LoadedFile)>)> = plan
            .par_iter()
            .map(|(kind, full, display, present)| {
                (display.clone(), present.then(|| load(*kind, full, display)))
            })
            .collect();
        let mut changed = BTreeSet::new();
        for (display, fresh) in loaded {
            match fresh {
                Some((kept, file)) => {
                    let same = self
                        .files
                        .get(&display)
                        .is_some_and(|old| old.content == kept.content && old.kind == kept.kind);
                    if !same {
                        self.library.replace(&display, Some(file));
                        changed.insert(display.clone());
                    }
                    self.files.insert(display, kept);
                }
                None => {
                    if self.files.remove(&display).is_some() {
                        self.library.replace(&display, None);
                        changed.insert(display);
                    }
                }
            }
        }
        changed
    }

    /// Every problem of the library, as `check` reports them (the media stage's
    /// aside), re-checking only what `changed` (paths relative to the site) may have
    /// changed; `everything` checks every file again (settings or media changed).
    pub(crate) fn problems(
        &mut self,
        settings: &Settings,
        changed: &HashSet<PathBuf>,
        everything: bool,
    ) -> Vec<Diagnostic> {
        let names_moved = self.names_moved(changed);
        let everything = everything || self.known.is_none() || self.addresses_moved(changed);
        if everything || names_moved {
            self.across_files = None;
        }
        if everything {
            self.known = Some(KnownPaths::new(settings, &self.library));
        }
        let Some(known) = &self.known else {
            return Vec::new();
        };
        let found = if everything {
            self.findings.clear();
            validate_files_known(settings, &self.library, &|_| true, known)
        } else {
            for path in changed {
                self.findings.remove(path);
            }
            validate_files_known(
                settings,
                &self.library,
                &|p: &Path| changed.contains(p),
                known,
            )
        };
        for diagnostic in found {
            self.findings
                .entry(diagnostic.file.clone())
                .or_default()
                .push(diagnostic);
        }
        if everything {
            self.targets = self
                .files
                .keys()
                .map(|p| (p.clone(), self.link_targets(p)))
                .collect();
            self.anonymous = self
                .files
                .keys()
                .map(|p| (p.clone(), self.anonymous_names(p)))
                .collect();
        }
        let mut all = self.walk_problems.clone();
        all.extend(
            self.files
                .values()
                .flat_map(|k| k.load_problems.iter().cloned()),
        );
        all.extend(self.findings.values().flatten().cloned());
        let library = &self.library;
        all.extend(
            self.across_files
                .get_or_insert_with(|| validate_addresses_and_names(settings, library))
                .iter()
                .cloned(),
        );
        all.extend(self.translation_problems(settings, changed, everything));
        all
    }

    /// Every translation's problems, checking again only the translations whose file or
    /// original `changed` names, in the library's order as `check` gives them.
    fn translation_problems(
        &mut self,
        settings: &Settings,
        changed: &HashSet<PathBuf>,
        everything: bool,
    ) -> Vec<Diagnostic> {
        if everything {
            self.translation_findings.clear();
        } else {
            for path in changed {
                self.translation_findings.remove(path);
            }
        }
        let findings = &self.translation_findings;
        let stale = |t: &Translation| {
            !findings.contains_key(&t.source.path) || changed.contains(&t.original)
        };
        let fresh = validate_chosen_translations(settings, &self.library, &stale);
        self.translation_findings.extend(fresh);
        self.library
            .translations
            .iter()
            .filter_map(|t| self.translation_findings.get(&t.source.path))
            .flatten()
            .cloned()
            .collect()
    }

    /// Whether a changed file now marks other names anonymous, or did not load whole
    /// (the rules across files read such a file's address too).
    fn names_moved(&mut self, changed: &HashSet<PathBuf>) -> bool {
        let mut moved = false;
        for path in changed {
            let now = self.anonymous_names(path);
            moved |= self.link_targets(path).is_none();
            moved |= self.anonymous.insert(path.clone(), now.clone()) != Some(now);
        }
        moved
    }

    /// The names a file marks anonymous, in the order it gives them.
    fn anonymous_names(&self, display: &Path) -> Vec<String> {
        let documents = &self.library.documents;
        let at = documents.partition_point(|d| d.source.path.as_path() < display);
        documents
            .get(at)
            .filter(|d| d.source.path == display)
            .map(|d| d.private.anonymous_names.clone())
            .unwrap_or_default()
    }

    /// Whether a changed file was added, removed or now publishes other addresses.
    fn addresses_moved(&mut self, changed: &HashSet<PathBuf>) -> bool {
        let mut moved = false;
        for path in changed {
            let now = self.link_targets(path);
            let before = self.targets.insert(path.clone(), now.clone());
            moved |= before != Some(now);
        }
        moved
    }

    /// Every address a file publishes (its page, aliases and term pages), which other
    /// files' links are checked against; None for a file that did not load.
    fn link_targets(&self, display: &Path) -> Option<String> {
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
}
