//! The whole pipeline as library calls: [`check`] (load, validate, resolve) and
//! [`build`] (then render and write). The CLI and the preview server call these.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::{load_library, Library};
use crate::media::cache::Cache;
use crate::media::card::{make_cards, own_card_paths, own_generated_sources, Card, CardCounts};
use crate::media::responsive::{publish_media, Made, PictureCounts};
use crate::media::{collect_media_cached, MediaFile};
use crate::render::{self, pages::all_jobs, Job, Progress, Theme};
use crate::resolve::images::ImageCatalog;
use crate::resolve::languages::language_sites;
use crate::resolve::next_change::NextChange;
use crate::resolve::{resolve, HeldBackEntry, PublishOptions, Site};
use crate::search::{SearchError, SearchFile, SearchIndexer};
use crate::util::PhaseClock;
use crate::validate::validate;
use crate::write::guard::{GuardName, LeakGuard};
use crate::write::{DiskSink, Guarded, OutputError, Sink};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding site.yaml and content/).
    pub site_root: PathBuf,
    /// What time it is for embargoes and consent, and whether drafts are published.
    pub publish: PublishOptions,
    /// Warnings stop the build too.
    pub deny_warnings: bool,
    /// Build the search bundle (`search-index/`). Off for quick builds (`--no-search`).
    pub search: bool,
}

impl BuildOptions {
    /// Options for publishing the site in `site_root` now: no drafts, warnings allowed, with search.
    pub fn new(site_root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site_root: site_root.into(),
            publish: PublishOptions {
                now: Timestamp::now(),
                include_drafts: false,
            },
            deny_warnings: false,
            search: true,
        }
    }
}

/// How one build is published, beyond what site.yaml says: `build`'s deploy flags.
#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// Publish at this address instead of site.yaml's `base_url` (a deploy preview).
    pub base_url: Option<String>,
    /// Let search engines index a build at another address; without it, such a build
    /// says `noindex` in robots.txt and in every page, so a preview never competes with
    /// the real site in search results.
    pub index: bool,
    /// Leave out `_headers` and `staticwebapp.config.json`.
    pub no_host_headers: bool,
}

/// Everything `check` found: the loaded library, every diagnostic, and the site that
/// would be published (None when site.yaml itself could not be read).
pub struct Checked {
    pub(crate) settings: Option<Settings>,
    /// Media files, stripped of metadata (or, for a photo unchanged since the last
    /// build, where to read it again), ready to publish.
    pub(crate) media: Vec<MediaFile>,
    /// Every file read, including those with problems.
    pub library: Library,
    /// Every problem found, errors and warnings, in the order `check` prints them.
    pub diagnostics: Vec<Diagnostic>,
    /// The site that would be published, or None when site.yaml could not be read.
    pub site: Option<Site>,
    /// Entries left out of the site, for the report; never given to render.
    pub(crate) held_back: Vec<HeldBackEntry>,
    pub(crate) next_change: Option<NextChange>,
}

impl Checked {
    /// Whether any problem is an error (a build would publish nothing).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn blocks(&self, deny_warnings: bool) -> bool {
        self.has_errors() || (deny_warnings && !self.diagnostics.is_empty())
    }
}

/// Loads, validates and resolves a site without rendering or writing anything.
pub fn check(options: &BuildOptions) -> Checked {
    check_for(options, &Deployment::default())
}

/// [`check`] for a site published as `deployment` says (at another address, perhaps).
pub(crate) fn check_for(options: &BuildOptions, deployment: &Deployment) -> Checked {
    let settings = match Settings::load(&options.site_root).and_then(|s| deployed(s, deployment)) {
        Ok(settings) => settings,
        Err(diagnostics) => {
            return Checked {
                settings: None,
                media: Vec::new(),
                library: Library::default(),
                diagnostics,
                site: None,
                held_back: Vec::new(),
                next_change: None,
            }
        }
    };
    let clock = PhaseClock::start();
    let mut library = load_library(&settings);
    clock.lap("load");
    let load_problems = std::mem::take(&mut library.diagnostics);
    let mut diagnostics = diagnose(&settings, &library, load_problems);
    clock.lap("validate");
    let media = media_stage(&settings);
    diagnostics.extend(media.diagnostics);
    clock.lap("media");
    sort_diagnostics(&mut diagnostics);
    let mut resolved = resolve(&settings, &library, options.publish);
    resolved.site.images = media.images;
    clock.lap("resolve");
    Checked {
        settings: Some(settings),
        media: media.files,
        library,
        diagnostics,
        site: Some(resolved.site),
        held_back: resolved.held_back,
        next_change: resolved.next_change,
    }
}

/// The media stage, for build, check and the preview alike: every file under
/// content/media/, cleaned and checked (PP0801–PP0811), at the address it is published at.
pub(crate) fn media_stage(settings: &Settings) -> MediaStage {
    let media = collect_media_cached(&settings.root, &settings.content_dir().join("media"));
    MediaStage {
        files: media.files.into_iter().map(published_media_path).collect(),
        images: media.images.without_prefix("content/"),
        diagnostics: media.diagnostics,
    }
}

/// What the media stage found: the files to publish (cleaned), what pages need to know
/// of each picture (its size and copies), and the problems.
pub(crate) struct MediaStage {
    pub(crate) files: Vec<MediaFile>,
    pub(crate) images: ImageCatalog,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// The settings with `deployment`'s address in place of site.yaml's.
fn deployed(settings: Settings, deployment: &Deployment) -> Result<Settings, Vec<Diagnostic>> {
    let Some(url) = &deployment.base_url else {
        return Ok(settings);
    };
    let mut moved = settings.with_base_url(url).map_err(|message| {
        vec![
            Diagnostic::error("PP0002", crate::config::SITE_FILE, message).with_hint(
                "give --base-url the full address of the preview, starting with https://",
            ),
        ]
    })?;
    moved.noindex = !deployment.index;
    Ok(moved)
}

/// Media under content/media/ is published at /media/, as links in stories expect.
fn published_media_path(mut file: MediaFile) -> MediaFile {
    if let Some(rest) = file.site_path.strip_prefix("content/") {
        file.site_path = rest.to_string();
    }
    file
}

/// Every problem of a loaded library: its loading problems and validation's findings,
/// in the order `check` reports them. The preview server calls this on the library it
/// keeps in memory, so its overlay says exactly what `check` would.
pub(crate) fn diagnose(
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
pub(crate) fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
}

/// A successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// How many stories were published.
    pub stories: usize,
    /// How many nominations were published.
    pub nominations: usize,
    pub(crate) pages: usize,
    pub(crate) files: usize,
    /// Drafts and embargoed or withdrawn entries left out, by file, for the summary.
    pub held_back: Vec<HeldBackEntry>,
    /// When the published site next changes by itself and needs building again.
    pub(crate) next_change: Option<crate::resolve::next_change::NextChange>,
    /// Warnings found; they did not stop the build.
    pub warnings: Vec<Diagnostic>,
    pub(crate) elapsed: Duration,
    pub(crate) output: Option<PathBuf>,
    /// Social cards drawn in this build and taken from the cache.
    pub cards: CardCounts,
    /// Photos whose copies were encoded in this build and taken from the cache.
    pub pictures: PictureCounts,
}

/// Why a build published nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Files have errors (every problem is listed); nothing was written.
    #[error("the site has problems; nothing was published")]
    Content(Vec<Diagnostic>),
    /// The output folder could not be written or swapped into place.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Builds the site into a sink. Nothing is rendered if any file has an error.
pub fn build_into(
    options: &BuildOptions,
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    build_deployment_into(options, &Deployment::default(), sink, progress)
}

/// [`build_into`] for a site published as `deployment` says.
pub fn build_deployment_into(
    options: &BuildOptions,
    deployment: &Deployment,
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut checked = check_for(options, deployment);
    if checked.blocks(options.deny_warnings) {
        return Err(BuildError::Content(checked.diagnostics));
    }
    let (Some(settings), Some(site)) = (checked.settings.clone(), checked.site.take()) else {
        return Err(BuildError::Content(checked.diagnostics));
    };
    let clock = PhaseClock::start();
    let guard = leak_guard(&settings, &checked.library, &site);
    let sink = Guarded::new(sink, &guard);
    let mut sites = language_sites(site, &checked.library, options.publish);
    clock.lap("prepare render");
    let cards_to_come = ThenMore {
        inner: progress,
        more: sites.iter().map(|s| own_card_paths(s).len()).sum::<usize>() + checked.media.len(),
    };
    let mut stats = render::RenderStats::default();
    let mut problems = Vec::new();
    let mut indexers = Vec::new();
    for local in &sites {
        match render_language(local, options.search, &sink, &cards_to_come) {
            Ok((written, indexer)) => {
                stats.pages += written.pages;
                stats.files += written.files;
                indexers.extend(indexer.map(|i| (local.settings.prefix().to_string(), i)));
            }
            Err(found) => problems.extend(found),
        }
    }
    clock.lap("render and write");
    let cards = write_language_cards(&sites, &checked.media, &sink, &guard, progress);
    let site = &sites[0];
    clock.lap("social cards");
    let mut report = BuildReport {
        stories: site.entries_of(crate::model::EntryKind::Story).count(),
        nominations: site.entries_of(crate::model::EntryKind::Nomination).count(),
        pages: 0,
        files: 0,
        held_back: std::mem::take(&mut checked.held_back),
        next_change: checked.next_change.take(),
        warnings: std::mem::take(&mut checked.diagnostics),
        elapsed: started.elapsed(),
        output: None,
        cards: CardCounts::default(),
        pictures: PictureCounts::default(),
    };
    let media = std::mem::take(&mut checked.media);
    let images = std::mem::take(&mut sites[0].images);
    let image_settings = settings.images.clone();
    let site_root = settings.root.clone();
    let base_path = settings.base_path.clone();
    // Freeing a large site's hundreds of thousands of strings takes a noticeable
    // moment that nobody needs to wait for.
    std::thread::spawn(move || drop((checked, sites)));
    // Every indexer is finished even when rendering failed, so its thread always ends.
    let search_files: Vec<_> = indexers
        .into_iter()
        .map(|(prefix, indexer)| (prefix, indexer.finish()))
        .collect();
    if !problems.is_empty() {
        return Err(BuildError::Content(problems));
    }
    report.cards = cards.map_err(BuildError::Content)?;
    stats.files += report.cards.made + report.cards.from_cache;
    for (prefix, files) in search_files {
        stats.files += write_search_bundle(files, &Prefixed::new(&sink, &prefix))
            .map_err(BuildError::Content)?;
    }
    clock.lap("search index");
    report.pictures = write_media(
        &site_root,
        &media,
        &images,
        &image_settings,
        &sink,
        progress,
    )
    .map_err(BuildError::Content)?;
    stats.files += report.pictures.files;
    clock.lap("media files");
    if !deployment.no_host_headers {
        stats.files += write_host_headers(&base_path, &sink).map_err(BuildError::Content)?;
    }
    report.pages = stats.pages;
    report.files = stats.files;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Builds the site into `output` atomically: the folder is replaced only if the whole
/// build succeeded; otherwise the previous site is left byte-for-byte as it was.
pub fn build_to_disk(
    options: &BuildOptions,
    output: &Path,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    build_deployment_to_disk(options, &Deployment::default(), output, progress)
}

/// [`build_to_disk`] for a site published as `deployment` says.
pub(crate) fn build_deployment_to_disk(
    options: &BuildOptions,
    deployment: &Deployment,
    output: &Path,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let sink = DiskSink::begin(output, &options.site_root, true)?;
    match build_deployment_into(options, deployment, &sink, progress) {
        Ok(mut report) => {
            let clock = PhaseClock::start();
            report.output = Some(sink.commit()?);
            clock.lap("swap in");
            // Swapping in can take seconds when the site it replaces was much larger,
            // and the summary line should tell the whole wait.
            report.elapsed = started.elapsed();
            Ok(report)
        }
        Err(err) => {
            sink.abandon();
            Err(err)
        }
    }
}

/// Every generated social card the build would draw, in every language the site
/// publishes, as (path in the output, SVG source it is drawn from): the words a card
/// shows, which cannot be read back from its pixels. Nothing when the site has errors.
pub fn card_sources(options: &BuildOptions) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let mut checked = check(options);
    let Some(site) = checked.site.take().filter(|_| !checked.has_errors()) else {
        return Err(checked.diagnostics);
    };
    let mut sources = Vec::new();
    for local in language_sites(site, &checked.library, options.publish) {
        let strings = render::languages::site_strings(&local.settings)?;
        sources.extend(own_generated_sources(&local, &strings));
    }
    Ok(sources)
}

/// [`write_cards`] for each language's site: the default language's cards, then each
/// other language's own (its generated cards, in its words), all counted together.
fn write_language_cards(
    sites: &[Site],
    media: &[MediaFile],
    sink: &Guarded,
    guard: &LeakGuard,
    progress: &dyn Progress,
) -> Result<CardCounts, Vec<Diagnostic>> {
    let mut total = CardCounts::default();
    let mut problems = Vec::new();
    for site in sites {
        match write_cards(&site.settings, site, media, sink, guard, progress) {
            Ok(counts) => {
                total.made += counts.made;
                total.from_cache += counts.from_cache;
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(total)
    } else {
        Err(problems)
    }
}

/// Makes every social card `site` publishes in its language (see
/// [`crate::media::card`]), in the words of the site theme for that language, and
/// writes it into the guarded sink, counting each in the progress bar. `guard` is the
/// one the sink wraps: the card stage also scans each generated card's text before
/// drawing it.
pub(crate) fn write_cards(
    settings: &Settings,
    site: &Site,
    media: &[MediaFile],
    sink: &Guarded,
    guard: &LeakGuard,
    progress: &dyn Progress,
) -> Result<CardCounts, Vec<Diagnostic>> {
    let strings = render::languages::site_strings(&site.settings)?;
    let cache = Cache::open(&settings.root, "cards");
    let publish = |path: String, card: Card| -> Result<(), Diagnostic> {
        progress.advance();
        let written = match card {
            Card::Drawn(bytes, Some(file)) => sink.put_scanned_copy(&path, &bytes, &file),
            Card::Drawn(bytes, None) => sink.put(&path, bytes),
            Card::Cached(file) => sink.put_copy_of(&path, &file),
        };
        written.map_err(crate::write::WriteError::into_diagnostic)
    };
    make_cards(site, &strings, media, &cache, guard, &publish)
}

/// Renders one language's pages (the default language's at the root, another's
/// below its prefix) with the theme in that language. Its search index is still being
/// put together when this returns: the caller finishes it.
fn render_language(
    site: &Site,
    search: bool,
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> Result<(render::RenderStats, Option<SearchIndexer>), Vec<Diagnostic>> {
    let theme = language_theme(site)?;
    let indexer = search.then(|| SearchIndexer::start(&site.settings.language));
    let rendered = render_in_language(
        site,
        &theme,
        &language_jobs(site),
        sink,
        progress,
        indexer.as_ref().map(|i| i as &dyn render::Records),
    );
    match rendered {
        Ok(rendered) => Ok((rendered.stats, indexer)),
        Err(problems) => {
            // Its thread must end all the same.
            drop(indexer.map(SearchIndexer::finish));
            Err(problems)
        }
    }
}

/// The theme speaking the language of one language's site.
pub(crate) fn language_theme(site: &Site) -> Result<Theme, Vec<Diagnostic>> {
    Theme::load_in(&site.settings, &site.settings.language)
}

/// Every job of one language's site. The files a site has once, at its root (the
/// sitemap, robots.txt, the theme's static files), come with the default language only.
pub(crate) fn language_jobs(site: &Site) -> Vec<Job> {
    let default = site.settings.prefix().is_empty();
    all_jobs(site)
        .into_iter()
        .filter(|job| default || !matches!(job, Job::Sitemap | Job::Robots | Job::StaticFiles))
        .collect()
}

/// Renders `jobs` of one language's site into `sink`, below the language's prefix.
/// The build renders every job of every language through here; the preview only the
/// jobs a change affects.
pub(crate) fn render_in_language(
    site: &Site,
    theme: &Theme,
    jobs: &[Job],
    sink: &dyn Sink,
    progress: &dyn Progress,
    records: Option<&dyn render::Records>,
) -> Result<render::Rendered, Vec<Diagnostic>> {
    let sink = Prefixed::new(sink, site.settings.prefix());
    render::render(site, theme, jobs, &sink, progress, records)
}

/// A sink that puts every file below a folder: a language's pages below its prefix.
pub(crate) struct Prefixed<'a> {
    inner: &'a dyn Sink,
    /// `cy/`, or empty for the default language.
    folder: String,
}

impl<'a> Prefixed<'a> {
    pub(crate) fn new(inner: &'a dyn Sink, prefix: &str) -> Self {
        Prefixed {
            inner,
            folder: language_folder(prefix),
        }
    }
}

/// Where a language's files go: `cy/` for the prefix `cy`, the root for the default.
pub(crate) fn language_folder(prefix: &str) -> String {
    if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}/")
    }
}

impl Sink for Prefixed<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), crate::write::WriteError> {
        self.inner.put(&format!("{}{path}", self.folder), bytes)
    }

    fn put_copy_of(&self, path: &str, source: &Path) -> Result<(), crate::write::WriteError> {
        self.inner
            .put_copy_of(&format!("{}{path}", self.folder), source)
    }
}

/// A progress display told, whenever a stage starts, that `more` items follow it.
struct ThenMore<'a> {
    inner: &'a dyn Progress,
    more: usize,
}

impl Progress for ThenMore<'_> {
    fn start(&self, total: usize) {
        self.inner.start(total + self.more);
    }

    fn advance(&self) {
        self.inner.advance();
    }
}

/// Writes the search index. Its records came from the public model only; its files pass
/// the leak guard like pages do all the same (they are plain JSON and numbers).
pub(crate) fn write_search_bundle(
    files: Result<Vec<SearchFile>, SearchError>,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let files = files.map_err(|err| {
        vec![Diagnostic::error(
            "PP0901",
            "site.yaml",
            format!("the search index could not be built: {err}"),
        )
        .with_hint("build with --no-search to publish without search, and report this problem")]
    })?;
    let count = files.len();
    // About 15,000 small files at 10,000 stories: written one by one on the main
    // thread they took over a second after every page was done, with a core idle.
    let problems: Vec<Diagnostic> = files
        .into_par_iter()
        .filter_map(|file| sink.put(&file.path, file.bytes).err())
        .map(crate::write::WriteError::into_diagnostic)
        .collect();
    if problems.is_empty() {
        Ok(count)
    } else {
        Err(problems)
    }
}

/// Writes every file, collecting every refusal and failure.
fn put_all(
    files: impl Iterator<Item = (String, Vec<u8>)>,
    sink: &dyn Sink,
) -> Result<(), Vec<Diagnostic>> {
    let problems: Vec<Diagnostic> = files
        .filter_map(|(path, bytes)| sink.put(&path, bytes).err())
        .map(crate::write::WriteError::into_diagnostic)
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Writes the header files for static hosts. They hold only the policy and fixed
/// headers, nothing from the content.
fn write_host_headers(base_path: &str, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
    use crate::render::host_headers::{azure_config, netlify_headers, AZURE_FILE, NETLIFY_FILE};
    let files = [
        (NETLIFY_FILE, netlify_headers(base_path)),
        (AZURE_FILE, azure_config(base_path)),
    ];
    let count = files.len();
    put_all(
        files
            .into_iter()
            .map(|(path, text)| (path.to_string(), text.into_bytes())),
        sink,
    )?;
    Ok(count)
}

/// Publishes the media folder (see [`crate::media::responsive`]): every photo in its
/// widths and formats, made or taken from the cache, and every other file as cleaned.
/// `sink` is the guarded sink: an SVG or a text file can carry a name too.
pub(crate) fn write_media(
    site_root: &Path,
    files: &[MediaFile],
    images: &ImageCatalog,
    settings: &crate::config::ImageSettings,
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> Result<PictureCounts, Vec<Diagnostic>> {
    let cache = Cache::open(site_root, "images");
    let publish = |path: String, made: Made| -> Result<(), Diagnostic> {
        let written = match made {
            // Fresh bytes are written rather than linked from the cache, so the guard
            // reads them once; a copy from the cache passed it when it was made, and
            // its name is checked as it is linked.
            Made::Fresh(bytes, _) | Made::Original(bytes) => sink.put(&path, bytes),
            Made::Cached(cached) => sink.put_copy_of(&path, &cached),
        };
        written.map_err(crate::write::WriteError::into_diagnostic)
    };
    publish_media(files, images, settings, &cache, &publish, &|| {
        progress.advance()
    })
}

/// Every anonymous name in the library and every held-back entry's address.
pub(crate) fn leak_guard(settings: &Settings, library: &Library, site: &Site) -> LeakGuard {
    let (names, held_back) = leak_guard_inputs(settings, library, site);
    LeakGuard::new(&names, &held_back)
}

/// What a [`LeakGuard`] forbids: anonymous names, then the addresses of held-back
/// entries as (address, file) pairs.
pub(crate) type GuardInputs = (Vec<GuardName>, Vec<(String, PathBuf)>);

/// What [`leak_guard`] forbids. Building the guard is slow on a large site; the preview
/// server compares these lists to know when it can keep the guard it has.
pub(crate) fn leak_guard_inputs(
    settings: &Settings,
    library: &Library,
    site: &Site,
) -> GuardInputs {
    // A name given publicly on a published entry may appear in outputs; anonymity is
    // per entry, and the per-file rule (PP0401) already keeps it off the anonymous one.
    let named_publicly: std::collections::HashSet<String> = site
        .entries
        .iter()
        .flat_map(|e| e.people())
        .filter(|p| !p.anonymous)
        .map(|p| p.public_name.to_lowercase())
        .collect();
    let names: Vec<GuardName> = library
        .documents
        .iter()
        .flat_map(|d| {
            d.private
                .anonymous_names
                .iter()
                .filter(|name| !named_publicly.contains(&name.to_lowercase()))
                .map(|name| GuardName {
                    name: name.clone(),
                    source: d.source.path.clone(),
                    line: declared_line(d, name),
                })
        })
        .collect();
    let published: std::collections::HashSet<&Path> =
        site.entries.iter().map(|e| e.source.as_path()).collect();
    // In every language: a held-back entry's translation is held back with it.
    let in_languages: Vec<Settings> = settings
        .languages
        .iter()
        .map(|l| settings.in_language(l))
        .collect();
    let held_back: Vec<(String, PathBuf)> = library
        .documents
        .iter()
        .filter(|d| !published.contains(d.source.path.as_path()))
        .flat_map(|d| {
            in_languages
                .iter()
                .map(|local| (local.site_url(&d.entry.path()), d.source.path.clone()))
        })
        .collect();
    (names, held_back)
}

/// The line of `document` that gives `name` as a person's name.
fn declared_line(document: &crate::load::Document, name: &str) -> Option<usize> {
    let text = &document.source.text;
    let yaml = document.parts.yaml(text);
    let found = crate::names::declared::name_values(yaml, name)
        .into_iter()
        .next()?;
    let (line, _) =
        crate::util::LineIndex::new(text).position(document.parts.yaml_start + found.start);
    Some(line)
}
