//! Rebuilding the served site after a change: everything after a settings or template
//! change, only the affected pages after a content change, only the static files after
//! a stylesheet change. A rebuild with problems leaves the served site as it was.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::checks::Checks;
use super::incremental::{job_key, plan, update_site, JobKey, Snapshot};
use super::library::LiveLibrary;
use super::store::SiteStore;
use super::watch::{Batch, Scope};
use crate::build::{leak_guard_inputs, GuardInputs};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::render::pages::all_jobs;
use crate::render::{render_jobs_tracked, Job, NoProgress, Theme};
use crate::resolve::{resolve, PublishOptions, Site};
use crate::write::guard::LeakGuard;
use crate::write::MemorySink;

/// What a preview publishes: like `build`, but drafts may be shown.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// The site folder, canonical (events arrive with canonical paths).
    pub root: PathBuf,
    pub include_drafts: bool,
    /// A fixed "now" for embargoes and consent; None means the time of each rebuild,
    /// so an embargo that lifts while the preview runs lifts in the preview too.
    pub now: Option<Timestamp>,
}

impl SiteOptions {
    fn publish(&self) -> PublishOptions {
        PublishOptions {
            now: self.now.unwrap_or_else(Timestamp::now),
            include_drafts: self.include_drafts,
        }
    }
}

/// How a rebuild ended.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Pages were rendered and are being served.
    Rebuilt {
        pages: usize,
        files: usize,
        removed: usize,
        /// Every page was rendered (not only the affected ones).
        everything: bool,
        warnings: usize,
    },
    /// Only stylesheets changed: tabs refresh them without reloading.
    Styles { files: usize },
    /// Nothing the site shows has changed.
    Unchanged,
    /// The change broke the site; the last good site is still served.
    Failed(Vec<Diagnostic>),
}

/// One rebuild, for the terminal line.
#[derive(Debug, Clone)]
pub struct RebuildReport {
    /// What changed, relative to the site folder (empty for the first build).
    pub changed: Vec<PathBuf>,
    pub outcome: Outcome,
    pub elapsed: Duration,
}

impl std::fmt::Display for RebuildReport {
    /// `content/stories/a.md changed → 37 pages re-rendered in 84 ms`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.changed.as_slice() {
            [] => "site".to_string(),
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        };
        let verb = if self.changed.is_empty() {
            "built"
        } else {
            "changed"
        };
        let ms = self.elapsed.as_millis();
        match &self.outcome {
            Outcome::Rebuilt {
                pages,
                files,
                removed,
                everything,
                warnings,
            } => {
                let scope = if *everything { " (whole site)" } else { "" };
                write!(
                    f,
                    "{what} {verb} → {pages} {} re-rendered{scope}",
                    noun(*pages, "page")
                )?;
                if files > pages {
                    write!(
                        f,
                        ", {} other {}",
                        files - pages,
                        noun(files - pages, "file")
                    )?;
                }
                if *removed > 0 {
                    write!(f, ", {removed} removed")?;
                }
                write!(f, " in {ms} ms")?;
                if *warnings > 0 {
                    write!(f, " ({warnings} {})", noun(*warnings, "warning"))?;
                }
                Ok(())
            }
            Outcome::Styles { files } => write!(
                f,
                "{what} {verb} → {files} static {} refreshed in {ms} ms",
                noun(*files, "file")
            ),
            Outcome::Unchanged => write!(f, "{what} {verb} → nothing to re-render ({ms} ms)"),
            Outcome::Failed(problems) => {
                let errors = problems.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "{what} {verb} → {errors} {}; still serving the last good site ({ms} ms)",
                    noun(errors, "problem")
                )
            }
        }
    }
}

fn noun(n: usize, one: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        format!("{one}s")
    }
}

/// Which files each job wrote, so a page that no longer exists can be taken down.
#[derive(Default)]
struct Outputs {
    by_key: HashMap<JobKey, Vec<String>>,
    owner: HashMap<String, JobKey>,
}

impl Outputs {
    /// Records what the rendered jobs wrote and returns the files to delete: those a
    /// job no longer writes, and those of jobs that are gone, unless another job has
    /// taken the file over (an entry renamed onto another's old address).
    fn update(
        &mut self,
        rendered: Vec<(JobKey, Vec<String>)>,
        current: &HashSet<JobKey>,
    ) -> Vec<String> {
        let mut stale: Vec<(String, JobKey)> = Vec::new();
        for (key, paths) in rendered {
            for path in &paths {
                self.owner.insert(path.clone(), key.clone());
            }
            if let Some(old) = self.by_key.insert(key.clone(), paths) {
                let kept = &self.by_key[&key];
                stale.extend(
                    old.into_iter()
                        .filter(|p| !kept.contains(p))
                        .map(|p| (p, key.clone())),
                );
            }
        }
        let gone: Vec<JobKey> = self
            .by_key
            .keys()
            .filter(|k| !current.contains(*k))
            .cloned()
            .collect();
        for key in gone {
            if let Some(paths) = self.by_key.remove(&key) {
                stale.extend(paths.into_iter().map(|p| (p, key.clone())));
            }
        }
        stale
            .into_iter()
            .filter(|(path, key)| {
                let owned = self.owner.get(path) == Some(key);
                if owned {
                    self.owner.remove(path);
                }
                owned
            })
            .map(|(path, _)| path)
            .collect()
    }
}

/// The site being served and what produced it.
struct Served {
    site: Site,
    outputs: Outputs,
    guard_inputs: GuardInputs,
    guard: LeakGuard,
}

/// Settings, theme and library as last read.
struct State {
    settings: Settings,
    theme: Theme,
    library: LiveLibrary,
    checks: Checks,
    /// None until a render with these settings succeeded: the next one renders all.
    served: Option<Served>,
}

/// Keeps what the next rebuild needs and writes the results into the store.
pub struct Rebuilder {
    options: SiteOptions,
    store: Arc<SiteStore>,
    state: Option<State>,
    /// Files changed since the served site was rendered; kept across failed rebuilds,
    /// so fixing one broken file still shows every change made meanwhile.
    pending: HashSet<PathBuf>,
    /// The last rebuild failed: a stylesheet change alone must not hide that.
    failing: bool,
}

impl Rebuilder {
    pub fn new(options: SiteOptions, store: Arc<SiteStore>) -> Rebuilder {
        Rebuilder {
            options,
            store,
            state: None,
            pending: HashSet::new(),
            failing: false,
        }
    }

    /// The base path of the site as last read ("/" before site.yaml could be read).
    pub fn base_path(&self) -> String {
        self.state
            .as_ref()
            .map_or_else(|| "/".to_string(), |s| s.settings.base_path.clone())
    }

    /// A copy of the site being served, for the background search indexer.
    pub fn published_site(&self) -> Option<Arc<Site>> {
        let served = self.state.as_ref()?.served.as_ref()?;
        Some(Arc::new(served.site.clone()))
    }

    /// Forgets everything, so the next rebuild starts from the files (after a panic).
    pub fn reset(&mut self) {
        self.state = None;
        self.failing = true;
    }

    /// Rebuilds what `batch` calls for.
    pub fn rebuild(&mut self, batch: &Batch) -> RebuildReport {
        let started = Instant::now();
        let outcome = match batch.scope() {
            Scope::Nothing => Outcome::Unchanged,
            Scope::Full => self.full(),
            Scope::Content => self.content(batch),
            Scope::Static { css_only } => self.static_files(css_only),
        };
        self.failing = matches!(outcome, Outcome::Failed(_));
        RebuildReport {
            changed: batch.paths.iter().cloned().collect(),
            outcome,
            elapsed: started.elapsed(),
        }
    }

    /// Reads everything again and renders every page.
    pub fn full(&mut self) -> Outcome {
        self.state = None;
        let settings = match Settings::load(&self.options.root) {
            Ok(settings) => settings,
            Err(problems) => return Outcome::Failed(problems),
        };
        let theme = match Theme::load(&settings) {
            Ok(theme) => theme,
            Err(problems) => return Outcome::Failed(problems),
        };
        let library = LiveLibrary::load(&settings);
        self.state = Some(State {
            settings,
            theme,
            library,
            checks: Checks::default(),
            served: None,
        });
        self.render_changes(&HashSet::new())
    }

    fn content(&mut self, batch: &Batch) -> Outcome {
        let Some(state) = self.state.as_mut() else {
            return self.full();
        };
        // A created or deleted folder, or a file the watcher saw only as a folder
        // event, can hide changes to files no event named: compare every file then.
        let check_all = batch.content.iter().any(|p| p.extension().is_none());
        let changed = state
            .library
            .refresh(&state.settings, &batch.content, check_all);
        if changed.is_empty() && !batch.media && state.served.is_some() && !self.failing {
            return Outcome::Unchanged;
        }
        if batch.media {
            // Image and voice-note checks look in the media folder.
            state.checks.clear();
        }
        let changed: HashSet<PathBuf> = changed.into_iter().collect();
        self.pending.extend(changed.iter().cloned());
        self.render_changes(&changed)
    }

    /// Validates and resolves the library, then renders what changed since the served
    /// site (or everything, when nothing has been served with these settings).
    fn render_changes(&mut self, changed: &HashSet<PathBuf>) -> Outcome {
        let Some(state) = self.state.as_mut() else {
            return Outcome::Unchanged;
        };
        let publish = self.options.publish();
        let clock = crate::util::PhaseClock::start();
        let diagnostics = state.checks.run(&state.settings, &state.library, changed);
        clock.lap("check changes");
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Outcome::Failed(diagnostics);
        }
        let warnings = diagnostics.len();
        let library = state.library.library();
        let result = match state.served.take() {
            Some(mut served) => {
                let before = Snapshot::of(&served.site);
                let affected = update_site(
                    &mut served.site,
                    &state.settings,
                    library,
                    &self.pending,
                    publish,
                );
                clock.lap("update site");
                let inputs = leak_guard_inputs(&state.settings, library, &served.site);
                // On failure the served site has been updated but its pages have not:
                // it is dropped, and the next good rebuild renders every page.
                render_some(
                    &self.store,
                    &state.theme,
                    served,
                    &before,
                    inputs,
                    &affected,
                )
                .map(|(outcome, served)| {
                    state.served = Some(served);
                    outcome
                })
            }
            None => {
                let site = resolve(&state.settings, library, publish);
                let inputs = leak_guard_inputs(&state.settings, library, &site);
                render_all(&self.store, &state.theme, site, inputs).map(|(outcome, served)| {
                    state.served = Some(served);
                    outcome
                })
            }
        };
        match result {
            Ok(Outcome::Rebuilt {
                pages,
                files,
                removed,
                everything,
                ..
            }) => {
                self.pending.clear();
                Outcome::Rebuilt {
                    pages,
                    files,
                    removed,
                    everything,
                    warnings,
                }
            }
            Ok(other) => other,
            Err(problems) => Outcome::Failed(problems),
        }
    }

    fn static_files(&mut self, css_only: bool) -> Outcome {
        let failing = self.failing;
        let Some(state) = self
            .state
            .as_mut()
            .filter(|s| s.served.is_some() && !failing)
        else {
            return self.full();
        };
        let theme = match Theme::load(&state.settings) {
            Ok(theme) => theme,
            Err(problems) => return Outcome::Failed(problems),
        };
        state.theme = theme;
        let Some(served) = state.served.as_mut() else {
            return Outcome::Unchanged;
        };
        let jobs = [Job::StaticFiles];
        let sink = MemorySink::new();
        let written = match render_jobs_tracked(
            &served.site,
            &state.theme,
            &jobs,
            &sink,
            &served.guard,
            &NoProgress,
        ) {
            Ok((_, written)) => written,
            Err(problems) => return Outcome::Failed(problems),
        };
        let keys: HashSet<JobKey> = all_jobs(&served.site)
            .iter()
            .map(|j| job_key(&served.site, j))
            .collect();
        let rendered = vec![(
            JobKey::Other(Job::StaticFiles),
            written.into_iter().flatten().collect(),
        )];
        let removed = served.outputs.update(rendered, &keys);
        let files = sink.into_files();
        let count = files.len();
        self.store.apply(files, &removed);
        if css_only {
            Outcome::Styles { files: count }
        } else {
            Outcome::Rebuilt {
                pages: 0,
                files: count,
                removed: removed.len(),
                everything: false,
                warnings: 0,
            }
        }
    }
}

/// Renders every page into a fresh store.
fn render_all(
    store: &SiteStore,
    theme: &Theme,
    site: Site,
    guard_inputs: GuardInputs,
) -> Result<(Outcome, Served), Vec<Diagnostic>> {
    let guard = LeakGuard::new(&guard_inputs.0, &guard_inputs.1);
    let jobs = all_jobs(&site);
    let sink = MemorySink::new();
    let (stats, written) = render_jobs_tracked(&site, theme, &jobs, &sink, &guard, &NoProgress)?;
    let mut outputs = Outputs::default();
    let keys: HashSet<JobKey> = jobs.iter().map(|j| job_key(&site, j)).collect();
    let rendered = jobs
        .iter()
        .map(|j| job_key(&site, j))
        .zip(written)
        .collect();
    outputs.update(rendered, &keys);
    store.replace_all(sink.into_files());
    let outcome = Outcome::Rebuilt {
        pages: stats.pages,
        files: stats.files,
        removed: 0,
        everything: true,
        warnings: 0,
    };
    Ok((
        outcome,
        Served {
            site,
            outputs,
            guard_inputs,
            guard,
        },
    ))
}

/// Renders the jobs a change affects over the served site, already updated (`before`
/// is what it was).
fn render_some(
    store: &SiteStore,
    theme: &Theme,
    served: Served,
    before: &Snapshot,
    guard_inputs: GuardInputs,
    changed: &HashSet<PathBuf>,
) -> Result<(Outcome, Served), Vec<Diagnostic>> {
    let Served {
        site,
        mut outputs,
        guard_inputs: old_inputs,
        guard,
    } = served;
    let clock = crate::util::PhaseClock::start();
    let guard_changed = guard_inputs != old_inputs;
    let guard = if guard_changed {
        LeakGuard::new(&guard_inputs.0, &guard_inputs.1)
    } else {
        guard
    };
    clock.lap("leak guard");
    let plan = plan(before, &site, changed);
    clock.lap("plan");
    let sink = MemorySink::new();
    let (stats, written) =
        render_jobs_tracked(&site, theme, &plan.jobs, &sink, &guard, &NoProgress)?;
    let files = sink.into_files();
    clock.lap("render");
    if guard_changed {
        // Pages not re-rendered were checked against the old list; a name that has just
        // become anonymous may be on any of them.
        scan_untouched(store, &files, &added(&old_inputs, &guard_inputs))?;
    }
    let keys: HashSet<JobKey> = all_jobs(&site).iter().map(|j| job_key(&site, j)).collect();
    let rendered = plan
        .jobs
        .iter()
        .map(|j| job_key(&site, j))
        .zip(written)
        .collect();
    let removed = outputs.update(rendered, &keys);
    store.apply(files, &removed);
    clock.lap("store");
    let outcome = Outcome::Rebuilt {
        pages: stats.pages,
        files: stats.files,
        removed: removed.len(),
        everything: plan.everything,
        warnings: 0,
    };
    let served = Served {
        site,
        outputs,
        guard_inputs,
        guard,
    };
    Ok((outcome, served))
}

/// The forbidden texts in `new` that were not in `old`.
fn added(old: &GuardInputs, new: &GuardInputs) -> LeakGuard {
    let known_names: HashSet<&str> = old.0.iter().map(|n| n.name.as_str()).collect();
    let names: Vec<_> = new
        .0
        .iter()
        .filter(|n| !known_names.contains(n.name.as_str()))
        .cloned()
        .collect();
    let known: HashSet<&str> = old.1.iter().map(|(t, _)| t.as_str()).collect();
    let addresses: Vec<(String, PathBuf)> = new
        .1
        .iter()
        .filter(|(t, _)| !known.contains(t.as_str()))
        .cloned()
        .collect();
    LeakGuard::new(&names, &addresses)
}

/// Scans every served file that this rebuild does not replace.
fn scan_untouched(
    store: &SiteStore,
    replaced: &std::collections::BTreeMap<String, Arc<Vec<u8>>>,
    guard: &LeakGuard,
) -> Result<(), Vec<Diagnostic>> {
    use rayon::prelude::*;
    let problems: Vec<Diagnostic> = store
        .snapshot()
        .par_iter()
        .filter(|(path, _)| !replaced.contains_key(path))
        .filter_map(|(path, bytes)| guard.scan(path, bytes))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
