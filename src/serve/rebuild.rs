//! Rebuilding the served site after a change, with the build's own stages: load and
//! validate the files that changed ([`Sources`]), run the media stage when the media
//! folder changed, resolve, then render the jobs the change affects ([`plan`]) into
//! memory through the leak guard. Everything after a settings or template change, only
//! the static files after a stylesheet change. A rebuild with problems leaves the
//! served site as it was.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::background::{CardJob, LanguageRecords, SearchJob};
use super::incremental::{job_key, plan, with_translations, JobKey, Snapshot};
use super::sources::Sources;
use super::store::SiteStore;
use super::watch::{Batch, Scope};
use crate::build::{
    language_folder, language_jobs, language_theme, leak_guard_inputs, media_stage,
    render_in_language, sort_diagnostics, write_media, GuardInputs,
};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::media::MediaFile;
use crate::render::views::entry_url;
use crate::render::{render, Job, NoProgress, Records, Theme};
use crate::resolve::images::ImageCatalog;
use crate::resolve::languages::language_sites;
use crate::resolve::{resolve_reusing, PublishOptions, Site};
use crate::search::SearchRecord;
use crate::write::guard::LeakGuard;
use crate::write::{Guarded, MemorySink, Sink};

/// What a preview publishes: like `build`, but drafts may be shown.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// The site folder, canonical (events arrive with canonical paths).
    pub root: PathBuf,
    /// Show drafts.
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
        /// HTML pages written.
        pages: usize,
        /// Files written, pages included.
        files: usize,
        /// Files taken down because their page no longer exists.
        removed: usize,
        /// Every page was rendered (not only the affected ones).
        everything: bool,
        /// How many warnings the site has.
        warnings: usize,
    },
    /// Only stylesheets changed: tabs refresh them without reloading.
    Styles {
        /// Stylesheets refreshed.
        files: usize,
    },
    /// Nothing the site shows has changed.
    Unchanged,
    /// The change broke the site; the last good site is still served.
    Failed(Vec<Diagnostic>),
}

/// One rebuild, for the terminal line.
#[derive(Debug, Clone)]
pub struct RebuildReport {
    /// What changed, relative to the site folder (empty for the first build).
    pub(crate) changed: Vec<PathBuf>,
    /// How the rebuild ended.
    pub outcome: Outcome,
    /// How long the rebuild took.
    pub elapsed: Duration,
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
    /// Each language's part, the default language's first, as the build orders them.
    languages: Vec<ServedLanguage>,
    guard_inputs: GuardInputs,
    /// One guard for every language, as in the build.
    guard: Arc<LeakGuard>,
}

/// One language's pages being served.
struct ServedLanguage {
    site: Arc<Site>,
    snapshot: Snapshot,
    /// What each job wrote, by its path below the language's folder.
    outputs: Outputs,
    /// Every published entry's search record by address, as render last made it.
    records: HashMap<String, Arc<SearchRecord>>,
}

/// Settings, themes and per-file results as last read.
struct State {
    settings: Settings,
    /// Each language's theme by language code, loaded when its pages are first rendered.
    themes: HashMap<String, Theme>,
    sources: Sources,
    /// The media stage's files and problems; None when the media folder changed since.
    media: Option<(Arc<Vec<MediaFile>>, ImageCatalog, Vec<Diagnostic>)>,
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
    /// The media folder changed since the served site was rendered.
    media_pending: bool,
    /// The last rebuild failed: a stylesheet change alone must not hide that.
    failing: bool,
}

/// Collects the search records of the entries a render renders.
#[derive(Default)]
struct Collected(std::sync::Mutex<Vec<SearchRecord>>);

impl Records for Collected {
    fn add(&self, record: SearchRecord) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(record);
    }
}

impl Rebuilder {
    /// A rebuilder for the site `options` describe, writing each result into `store`.
    pub fn new(options: SiteOptions, store: Arc<SiteStore>) -> Rebuilder {
        Rebuilder {
            options,
            store,
            state: None,
            pending: HashSet::new(),
            media_pending: true,
            failing: false,
        }
    }

    /// The base path of the site as last read ("/" before site.yaml could be read).
    pub(crate) fn base_path(&self) -> String {
        self.state
            .as_ref()
            .map_or_else(|| "/".to_string(), |s| s.settings.base_path.clone())
    }

    /// The folders of the languages other than the default (`cy/`), as last read.
    pub(crate) fn language_folders(&self) -> Vec<String> {
        self.state.as_ref().map_or_else(Vec::new, |s| {
            s.settings
                .languages
                .iter()
                .map(|l| language_folder(&l.prefix))
                .filter(|folder| !folder.is_empty())
                .collect()
        })
    }

    /// What the background workers need after a good rebuild: each language's records
    /// to index, and every language's site to draw its cards from, as in the build.
    pub fn background_jobs(&self) -> Option<(SearchJob, CardJob)> {
        let state = self.state.as_ref()?;
        let served = state.served.as_ref()?;
        let (media, _, _) = state.media.as_ref()?;
        let languages = served
            .languages
            .iter()
            .map(|local| {
                let mut records: Vec<(&String, &Arc<SearchRecord>)> =
                    local.records.iter().collect();
                records.sort_by(|a, b| a.0.cmp(b.0));
                LanguageRecords {
                    folder: language_folder(local.site.settings.prefix()),
                    language: local.site.settings.language.clone(),
                    records: records.into_iter().map(|(_, r)| r.clone()).collect(),
                }
            })
            .collect();
        Some((
            SearchJob { languages },
            CardJob {
                sites: served
                    .languages
                    .iter()
                    .map(|local| Arc::downgrade(&local.site))
                    .collect(),
                media: media.clone(),
                guard: served.guard.clone(),
            },
        ))
    }

    /// Forgets everything, so the next rebuild starts from the files (after a panic).
    pub(crate) fn reset(&mut self) {
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
        self.media_pending = true;
        let settings = match Settings::load(&self.options.root) {
            Ok(settings) => settings,
            Err(problems) => return Outcome::Failed(problems),
        };
        let theme = match Theme::load(&settings) {
            Ok(theme) => theme,
            Err(problems) => return Outcome::Failed(problems),
        };
        let sources = Sources::load(&settings);
        self.state = Some(State {
            themes: HashMap::from([(settings.language.clone(), theme)]),
            settings,
            sources,
            media: None,
            served: None,
        });
        self.render_changes(&HashSet::new(), true)
    }

    fn content(&mut self, batch: &Batch) -> Outcome {
        let Some(state) = self.state.as_mut() else {
            return self.full();
        };
        // A created or deleted folder, or a file the watcher saw only as a folder
        // event, can hide changes to files no event named: compare every file then.
        let check_all = batch.content.iter().any(|p| p.extension().is_none());
        let changed = state
            .sources
            .refresh(&state.settings, &batch.content, check_all);
        if batch.media {
            state.media = None;
            self.media_pending = true;
        }
        if changed.is_empty() && !batch.media && state.served.is_some() && !self.failing {
            return Outcome::Unchanged;
        }
        let changed: HashSet<PathBuf> = changed.into_iter().collect();
        self.pending.extend(changed.iter().cloned());
        self.render_changes(&changed, batch.media)
    }

    /// Checks the library, resolves it, then renders what changed since the served
    /// site (or everything, when nothing has been served with these settings).
    fn render_changes(&mut self, changed: &HashSet<PathBuf>, recheck: bool) -> Outcome {
        let publish = self.options.publish();
        let Some(state) = self.state.as_mut() else {
            return Outcome::Unchanged;
        };
        let clock = crate::util::PhaseClock::start();
        let (media, images, media_problems) = state
            .media
            .get_or_insert_with(|| {
                let stage = media_stage(&state.settings);
                (Arc::new(stage.files), stage.images, stage.diagnostics)
            })
            .clone();
        clock.lap("media");
        let mut diagnostics = state.sources.problems(&state.settings, changed, recheck);
        diagnostics.extend(media_problems);
        sort_diagnostics(&mut diagnostics);
        clock.lap("check changes");
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Outcome::Failed(diagnostics);
        }
        let warnings = diagnostics.len();
        let library = state.sources.library();
        // An entry's pages in every language show its original and its translations.
        let changed = with_translations(&state.settings, &self.pending);
        // The entries of the served site are reused unless their file changed; a card
        // run still drawing from it keeps its own copy.
        // What is left in its place is never read: the served site is replaced below,
        // or dropped with its outputs if the render fails.
        let emptied = Site {
            settings: state.settings.clone(),
            now: publish.now,
            entries: Vec::new(),
            pages: Vec::new(),
            taxonomies: Vec::new(),
            images: Default::default(),
            languages: Default::default(),
        };
        let previous = state
            .served
            .as_mut()
            .and_then(|served| served.languages.first_mut())
            .map(|local| std::mem::replace(&mut local.site, Arc::new(emptied)))
            .map(|site| Arc::try_unwrap(site).unwrap_or_else(|shared| (*shared).clone()));
        let mut site = resolve_reusing(&state.settings, library, publish, previous, &changed).site;
        site.images = images;
        clock.lap("resolve");
        let inputs = leak_guard_inputs(&state.settings, library, &site);
        clock.lap("guard inputs");
        let sites = language_sites(site, library, publish);
        clock.lap("language sites");
        for local in &sites {
            let code = &local.settings.language;
            if !state.themes.contains_key(code) {
                match language_theme(local) {
                    Ok(theme) => state.themes.insert(code.clone(), theme),
                    Err(problems) => return Outcome::Failed(problems),
                };
            }
        }
        // A site rendered afresh is put in the store whole, media included.
        let with_media = self.media_pending || state.served.is_none();
        let step = Step {
            store: &self.store,
            themes: &state.themes,
            media: with_media.then_some(media.as_slice()),
            changed: &changed,
        };
        // Pages give each picture's size and copies, so new media re-render every page,
        // as a first render does.
        let before = state.served.take().filter(|_| !self.media_pending);
        let result = step.run(before, sites, inputs);
        clock.lap("render");
        match result {
            Ok((outcome, served)) => {
                state.served = Some(served);
                self.pending.clear();
                self.media_pending = false;
                match outcome {
                    Outcome::Rebuilt {
                        pages,
                        files,
                        removed,
                        everything,
                        ..
                    } => Outcome::Rebuilt {
                        pages,
                        files,
                        removed,
                        everything,
                        warnings,
                    },
                    other => other,
                }
            }
            // The served site is dropped with its outputs: the next good rebuild
            // renders every page again.
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
        // The other languages' themes are read again when their pages are next rendered.
        state.themes = HashMap::from([(state.settings.language.clone(), theme)]);
        let Some(served) = state.served.as_mut() else {
            return Outcome::Unchanged;
        };
        let (Some(local), Some(theme)) = (
            served.languages.first_mut(),
            state.themes.get(&state.settings.language),
        ) else {
            return Outcome::Unchanged;
        };
        // Only the default language has the theme's static files, at the site's root.
        let jobs = [Job::StaticFiles];
        let memory = MemorySink::new();
        let sink = Guarded::new(&memory, &served.guard);
        let written = match render(&local.site, theme, &jobs, &sink, &NoProgress, None) {
            Ok(rendered) => rendered.written,
            Err(problems) => return Outcome::Failed(problems),
        };
        let keys = current_keys(&local.site);
        let rendered = vec![(
            JobKey::Other(Job::StaticFiles),
            written.into_iter().flatten().collect(),
        )];
        let removed = local.outputs.update(rendered, &keys);
        let files = memory.into_files();
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

/// The key of every job of one language's `site`, and the media stage's with the
/// default language.
fn current_keys(site: &Site) -> HashSet<JobKey> {
    let mut keys: HashSet<JobKey> = language_jobs(site)
        .iter()
        .map(|j| job_key(site, j))
        .collect();
    if site.settings.prefix().is_empty() {
        keys.insert(JobKey::Media);
    }
    keys
}

/// One render of the served site.
struct Step<'a> {
    store: &'a SiteStore,
    /// Each language's theme by language code.
    themes: &'a HashMap<String, Theme>,
    /// The media files to write, when they changed.
    media: Option<&'a [MediaFile]>,
    /// Source files changed since the served site was rendered, with their originals
    /// and translations.
    changed: &'a HashSet<PathBuf>,
}

/// What rendering one language wrote.
struct LanguageRender {
    served: ServedLanguage,
    pages: usize,
    files: usize,
    /// Files to take down, by site path.
    removed: Vec<String>,
    everything: bool,
}

impl Step<'_> {
    /// Renders every language's site (`sites`, the default's first) over what is
    /// served (`before`, or nothing), through one guard of `guard_inputs`, and hands
    /// the files to the store in one step.
    fn run(
        &self,
        before: Option<Served>,
        sites: Vec<Site>,
        guard_inputs: GuardInputs,
    ) -> Result<(Outcome, Served), Vec<Diagnostic>> {
        let before = before.filter(|served| served.languages.len() == sites.len());
        let (guard, old_inputs, mut previous) = match before {
            Some(served) => {
                let guard = if served.guard_inputs == guard_inputs {
                    served.guard
                } else {
                    Arc::new(LeakGuard::new(&guard_inputs.0, &guard_inputs.1))
                };
                let previous = served.languages.into_iter().map(Some).collect();
                (guard, Some(served.guard_inputs), previous)
            }
            None => (
                Arc::new(LeakGuard::new(&guard_inputs.0, &guard_inputs.1)),
                None,
                Vec::new(),
            ),
        };
        let first = old_inputs.is_none();
        let memory = MemorySink::new();
        let (mut pages, mut files, mut everything) = (0, 0, true);
        let mut removed = Vec::new();
        let mut languages = Vec::with_capacity(sites.len());
        for (index, site) in sites.into_iter().enumerate() {
            let before = previous.get_mut(index).and_then(Option::take);
            let rendered = self.render_language(before, site, &memory, &guard)?;
            pages += rendered.pages;
            files += rendered.files;
            everything &= rendered.everything;
            removed.extend(rendered.removed);
            languages.push(rendered.served);
        }
        let clock = crate::util::PhaseClock::start();
        let written = memory.into_files();
        if let Some(old) = old_inputs.as_ref().filter(|old| **old != guard_inputs) {
            // Files kept as they were were checked against the old lists; a name that
            // has just become anonymous may be on any of them. Files about to be taken
            // down are not kept (the page of a story just made a draft links to itself).
            scan_untouched(self.store, &written, &removed, &added(old, &guard_inputs))?;
        }
        if first {
            self.store.replace_all(written);
        } else {
            self.store.apply(written, &removed);
        }
        clock.lap("store swap");
        let outcome = Outcome::Rebuilt {
            pages,
            files,
            removed: removed.len(),
            everything,
            warnings: 0,
        };
        let served = Served {
            languages,
            guard_inputs,
            guard,
        };
        Ok((outcome, served))
    }

    /// Renders the jobs of one language's `site` that changed since `before` (all of
    /// them without it) into `sink`, below the language's folder, as the build does.
    fn render_language(
        &self,
        before: Option<ServedLanguage>,
        site: Site,
        memory: &MemorySink,
        guard: &LeakGuard,
    ) -> Result<LanguageRender, Vec<Diagnostic>> {
        let clock = crate::util::PhaseClock::start();
        let all = language_jobs(&site);
        let (mut outputs, mut records, jobs, everything) = match before {
            Some(served) => {
                let plan = plan(&served.snapshot, &site, all, self.changed);
                (served.outputs, served.records, plan.jobs, plan.everything)
            }
            None => (Outputs::default(), HashMap::new(), all, true),
        };
        let Some(theme) = self.themes.get(&site.settings.language) else {
            return Err(vec![Diagnostic::error(
                "PP0901",
                crate::config::SITE_FILE,
                format!(
                    "the preview has no theme for the language `{}`",
                    site.settings.language
                ),
            )
            .with_hint("this is a bug in practice-press; save site.yaml to start the preview's build again")]);
        };
        clock.lap("plan");
        let collected = Collected::default();
        let rendered = render_in_language(
            &site,
            theme,
            &jobs,
            &Guarded::new(memory, guard),
            &NoProgress,
            Some(&collected),
        )?;
        clock.lap("render jobs");
        let mut keyed: Vec<(JobKey, Vec<String>)> = jobs
            .iter()
            .map(|j| job_key(&site, j))
            .zip(rendered.written)
            .collect();
        let default = site.settings.prefix().is_empty();
        if let Some(media) = self.media.filter(|_| default) {
            keyed.push((
                JobKey::Media,
                write_media_into(&site, media, memory, guard)?,
            ));
        }
        let folder = language_folder(site.settings.prefix());
        let removed = outputs
            .update(keyed, &current_keys(&site))
            .into_iter()
            .map(|path| format!("{folder}{path}"))
            .collect();
        // By the address each record gives: an untranslated entry's is its original's.
        let addresses: HashSet<String> = site.entries.iter().map(|e| entry_url(&site, e)).collect();
        records.retain(|url, _| addresses.contains(url));
        for record in collected
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
        {
            records.insert(record.url.clone(), Arc::new(record));
        }
        clock.lap("outputs, records");
        let snapshot = Snapshot::of(&site);
        clock.lap("snapshot");
        Ok(LanguageRender {
            served: ServedLanguage {
                snapshot,
                site: Arc::new(site),
                outputs,
                records,
            },
            pages: rendered.stats.pages,
            files: rendered.stats.files,
            removed,
            everything,
        })
    }
}

/// The media stage's files, written through the guard into `memory`; their paths.
fn write_media_into(
    site: &Site,
    media: &[MediaFile],
    memory: &MemorySink,
    guard: &LeakGuard,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let pictures = MemorySink::new();
    let settings = &site.settings;
    write_media(
        &settings.root,
        media,
        &site.images,
        &settings.images,
        &Guarded::new(&pictures, guard),
        &NoProgress,
    )?;
    let pictures = pictures.into_files();
    let paths = pictures.keys().cloned().collect();
    for (path, bytes) in pictures {
        memory
            .put(&path, Arc::unwrap_or_clone(bytes))
            .map_err(|err| vec![err.into_diagnostic()])?;
    }
    Ok(paths)
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

/// Scans every served file that this rebuild neither replaces nor removes.
fn scan_untouched(
    store: &SiteStore,
    replaced: &std::collections::BTreeMap<String, Arc<Vec<u8>>>,
    removed: &[String],
    guard: &LeakGuard,
) -> Result<(), Vec<Diagnostic>> {
    use rayon::prelude::*;
    let removed: HashSet<&str> = removed.iter().map(String::as_str).collect();
    let problems: Vec<Diagnostic> = store
        .snapshot()
        .par_iter()
        .filter(|(path, _)| !replaced.contains_key(path) && !removed.contains(path.as_str()))
        .filter_map(|(path, bytes)| guard.scan(path, bytes))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
