//! The whole pipeline as library calls: [`check`] (load, validate, resolve) and
//! [`build`] (then render and write). The CLI and the preview server call these.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::{load_library, Library};
use crate::render::{self, pages::all_jobs, Progress, Theme};
use crate::resolve::{resolve, HeldBackEntry, PublishOptions, Site};
use crate::validate::validate;
use crate::write::guard::LeakGuard;
use crate::write::{DiskSink, OutputError, Sink};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site_root: PathBuf,
    pub publish: PublishOptions,
    /// Warnings stop the build too.
    pub deny_warnings: bool,
}

impl BuildOptions {
    pub fn new(site_root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site_root: site_root.into(),
            publish: PublishOptions {
                now: Timestamp::now(),
                include_drafts: false,
            },
            deny_warnings: false,
        }
    }
}

/// Everything `check` found: the loaded library, every diagnostic, and the site that
/// would be published (None when site.yaml itself could not be read).
pub struct Checked {
    pub settings: Option<Settings>,
    pub library: Library,
    pub diagnostics: Vec<Diagnostic>,
    pub site: Option<Site>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn blocks(&self, deny_warnings: bool) -> bool {
        self.has_errors() || (deny_warnings && !self.diagnostics.is_empty())
    }
}

/// Loads, validates and resolves a site without rendering or writing anything.
pub fn check(options: &BuildOptions) -> Checked {
    let settings = match Settings::load(&options.site_root) {
        Ok(settings) => settings,
        Err(diagnostics) => {
            return Checked {
                settings: None,
                library: Library::default(),
                diagnostics,
                site: None,
            }
        }
    };
    let mut library = load_library(&settings);
    let load_problems = std::mem::take(&mut library.diagnostics);
    let diagnostics = diagnose(&settings, &library, load_problems);
    let site = resolve(&settings, &library, options.publish);
    Checked {
        settings: Some(settings),
        library,
        diagnostics,
        site: Some(site),
    }
}

/// Every problem of a loaded library: its loading problems and validation's findings,
/// in the order `check` reports them. The preview server calls this on the library it
/// keeps in memory, so its overlay says exactly what `check` would.
pub fn diagnose(
    settings: &Settings,
    library: &Library,
    load_problems: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut diagnostics = load_problems;
    diagnostics.extend(validate(settings, library));
    sort_diagnostics(&mut diagnostics);
    diagnostics
}

/// Puts diagnostics in the order `check` reports them: by file, line, column, code.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
}

/// A successful build.
#[derive(Debug)]
pub struct BuildReport {
    pub stories: usize,
    pub nominations: usize,
    pub pages: usize,
    pub files: usize,
    pub held_back: Vec<HeldBackEntry>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    pub output: Option<PathBuf>,
}

/// Why a build published nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the site has problems; nothing was published")]
    Content(Vec<Diagnostic>),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Builds the site into a sink. Nothing is rendered if any file has an error.
pub fn build_into(
    options: &BuildOptions,
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let checked = check(options);
    if checked.blocks(options.deny_warnings) {
        return Err(BuildError::Content(checked.diagnostics));
    }
    let (Some(settings), Some(site)) = (checked.settings.as_ref(), checked.site.as_ref()) else {
        return Err(BuildError::Content(checked.diagnostics));
    };
    let theme = Theme::load(settings).map_err(BuildError::Content)?;
    let guard = leak_guard(settings, &checked.library, site);
    let jobs = all_jobs(site);
    let stats = render::render_jobs(site, &theme, &jobs, sink, &guard, progress)
        .map_err(BuildError::Content)?;
    Ok(BuildReport {
        stories: site.entries_of(crate::model::EntryKind::Story).count(),
        nominations: site.entries_of(crate::model::EntryKind::Nomination).count(),
        pages: stats.pages,
        files: stats.files,
        held_back: site.held_back.clone(),
        warnings: checked.diagnostics,
        elapsed: started.elapsed(),
        output: None,
    })
}

/// Builds the site into `output` atomically: the folder is replaced only if the whole
/// build succeeded; otherwise the previous site is left byte-for-byte as it was.
pub fn build_to_disk(
    options: &BuildOptions,
    output: &Path,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let sink = DiskSink::begin(output, &options.site_root, true)?;
    match build_into(options, &sink, progress) {
        Ok(mut report) => {
            report.output = Some(sink.commit()?);
            Ok(report)
        }
        Err(err) => {
            sink.abandon();
            Err(err)
        }
    }
}

/// Every anonymous name in the library and every held-back entry's address.
pub fn leak_guard(settings: &Settings, library: &Library, site: &Site) -> LeakGuard {
    let (names, held_back) = leak_guard_inputs(settings, library, site);
    LeakGuard::new(&names, &held_back)
}

/// What a [`LeakGuard`] forbids, as (text, file that says so) pairs: anonymous names,
/// then the addresses of held-back entries.
pub type GuardInputs = (Vec<(String, PathBuf)>, Vec<(String, PathBuf)>);

/// What [`leak_guard`] forbids. Building the guard is slow on a large site; the preview
/// server compares these lists to know when it can keep the guard it has.
pub fn leak_guard_inputs(settings: &Settings, library: &Library, site: &Site) -> GuardInputs {
    let names: Vec<(String, PathBuf)> = library
        .documents
        .iter()
        .flat_map(|d| {
            d.private
                .anonymous_names
                .iter()
                .map(|n| (n.clone(), d.source.path.clone()))
        })
        .collect();
    let published: std::collections::HashSet<&Path> =
        site.entries.iter().map(|e| e.source.as_path()).collect();
    let held_back: Vec<(String, PathBuf)> = library
        .documents
        .iter()
        .filter(|d| !published.contains(d.source.path.as_path()))
        .map(|d| (settings.site_url(&d.entry.path()), d.source.path.clone()))
        .collect();
    (names, held_back)
}
