//! Validation kept between rebuilds: after a save only the saved files are checked
//! again, unless the change moved an address other files may link to.
//!
//! Rules about one file look at other files only for the addresses they publish
//! ([`crate::validate::validate_files`]), so a file's findings stay true until its own
//! text or some file's addresses change. Rules across files run every time; they are
//! quick.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::library::LiveLibrary;
use crate::build::sort_diagnostics;
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::validate::{validate_files_known, validate_site_wide, KnownPaths};

#[derive(Default)]
pub struct Checks {
    /// Each file's findings from the single-file rules.
    per_file: HashMap<PathBuf, Vec<Diagnostic>>,
    /// The addresses each file publishes, as last checked.
    targets: HashMap<PathBuf, Option<String>>,
    /// Every address the site publishes; the same until some file's addresses move.
    known: Option<KnownPaths>,
    ready: bool,
}

impl Checks {
    /// Forgets everything: the next run checks every file (settings or media changed).
    pub fn clear(&mut self) {
        *self = Checks::default();
    }

    /// Every problem of the library, as `check` reports them, re-checking only what
    /// `changed` (paths relative to the site) may have changed.
    pub fn run(
        &mut self,
        settings: &Settings,
        live: &LiveLibrary,
        changed: &HashSet<PathBuf>,
    ) -> Vec<Diagnostic> {
        let library = live.library();
        let everything = !self.ready || self.addresses_moved(live, changed);
        if everything || self.known.is_none() {
            self.known = Some(KnownPaths::new(settings, library));
        }
        let known = self
            .known
            .get_or_insert_with(|| KnownPaths::new(settings, library));
        let found = if everything {
            self.per_file.clear();
            validate_files_known(settings, library, &|_| true, known)
        } else {
            for path in changed {
                self.per_file.remove(path);
            }
            validate_files_known(settings, library, &|p: &Path| changed.contains(p), known)
        };
        for diagnostic in found {
            self.per_file
                .entry(diagnostic.file.clone())
                .or_default()
                .push(diagnostic);
        }
        if everything {
            self.targets = live
                .paths()
                .map(|p| (p.to_path_buf(), live.link_targets(p)))
                .collect();
            self.ready = true;
        }
        let mut all = live.diagnostics();
        all.extend(self.per_file.values().flatten().cloned());
        all.extend(validate_site_wide(settings, library));
        sort_diagnostics(&mut all);
        all
    }

    /// Whether a changed file was added, removed or now publishes other addresses.
    fn addresses_moved(&mut self, live: &LiveLibrary, changed: &HashSet<PathBuf>) -> bool {
        let mut moved = false;
        for path in changed {
            let now = live.link_targets(path);
            let before = self.targets.insert(path.clone(), now.clone());
            moved |= before != Some(now);
        }
        moved
    }
}
