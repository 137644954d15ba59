//! Serve: the live preview. The site is built into memory (never into the output
//! folder) and served over HTTP; with watching on, every change is rebuilt and every
//! open tab reloads itself, or shows the problems while the last good site stays up.
//!
//! The preview is a driver of the build's stages, not a second pipeline: [`server`]
//! (HTTP), [`watch`] (file events → [`watch::Change`]), [`livereload`] (the browser
//! channel and its script), [`rebuild`] (which stages to run again after a change, with
//! [`sources`] keeping each file's load and validation results and [`incremental`]
//! choosing the pages to render again) and [`background`] (search index and social
//! cards, after the reload). This module starts them and stops them.

pub mod background;
pub(crate) mod http;
pub(crate) mod incremental;
pub(crate) mod livereload;
pub mod rebuild;
pub(crate) mod server;
pub(crate) mod sources;
pub mod store;
pub mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::config::SITE_FILE;
use crate::diagnostic::Diagnostic;
use background::Background;
pub use rebuild::{Outcome, RebuildReport};
use rebuild::{Rebuilder, SiteOptions};
use store::SiteStore;
use watch::{classify, Batch, WatchMessage, Watcher};

/// Idle event streams get a comment this often, so closed tabs are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// Receives one report per build or rebuild (the CLI prints it).
pub(crate) type Reporter = Arc<dyn Fn(&RebuildReport) + Send + Sync>;

/// How to run the preview.
#[derive(Clone)]
pub struct ServeOptions {
    pub(crate) site_root: PathBuf,
    /// Show drafts (a preview is for writers; `build` never publishes them).
    pub include_drafts: bool,
    /// A fixed "now" for embargoes and consent (None: the time of each rebuild).
    pub now: Option<Timestamp>,
    pub(crate) bind: IpAddr,
    /// 0 picks any free port; a taken port moves on to the next free one.
    pub port: u16,
    /// Rebuild on changes and reload open tabs.
    pub watch: bool,
    /// How long the files must be quiet before a rebuild starts: long enough to take in
    /// an editor's save-by-rename in one go, short enough not to be noticed.
    pub(crate) debounce: Duration,
    /// Told after every rebuild, for the terminal line.
    pub reporter: Option<Reporter>,
    /// Build a search index in the background after each good rebuild.
    pub search: bool,
    /// Told each time the background search index is swapped in (or fails).
    pub search_notice: Option<background::SearchNotice>,
}

impl ServeOptions {
    /// Options for previewing the site in `site_root` on localhost:1111, watching for changes, with search.
    pub fn new(site_root: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            site_root: site_root.into(),
            include_drafts: false,
            now: None,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 1111,
            watch: true,
            debounce: Duration::from_millis(25),
            reporter: None,
            search: true,
            search_notice: None,
        }
    }
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// There is no site.yaml in the folder.
    #[error("there is no {SITE_FILE} in {0}: run practice-press in a site folder, pass --site DIR, or create one with `practice-press init`")]
    NoSite(PathBuf),
    /// The address could not be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address tried.
        addr: SocketAddr,
        /// Why it failed.
        source: std::io::Error,
    },
    /// The site folder could not be watched for changes.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why it failed.
        source: notify::Error,
    },
    /// The HTTP server could not be started.
    #[error("cannot start the server: {0}")]
    Start(String),
}

/// State shared by the HTTP workers and the rebuild loop.
pub(crate) struct Shared {
    pub(crate) store: Arc<SiteStore>,
    pub(crate) live: Arc<livereload::LiveReload>,
    pub(crate) live_reload: bool,
    /// The site folder, canonical.
    pub(crate) root: PathBuf,
    base_path: RwLock<String>,
    /// The other languages' folders (`cy/`), each with its own 404 page.
    language_folders: RwLock<Vec<String>>,
    /// The problems shown while no build has ever succeeded.
    problems: Mutex<Vec<Diagnostic>>,
    pub(crate) stop: AtomicBool,
}

impl Shared {
    pub(crate) fn base_path(&self) -> String {
        self.base_path
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn language_folders(&self) -> Vec<String> {
        self.language_folders
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn problems(&self) -> Vec<Diagnostic> {
        self.problems
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Publishes a rebuild's result to the tabs.
    fn announce(&self, report: &RebuildReport, rebuilder: &Rebuilder) {
        *self
            .base_path
            .write()
            .unwrap_or_else(PoisonError::into_inner) = rebuilder.base_path();
        *self
            .language_folders
            .write()
            .unwrap_or_else(PoisonError::into_inner) = rebuilder.language_folders();
        let changed: Vec<String> = report
            .changed
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        match &report.outcome {
            Outcome::Rebuilt { .. } => {
                self.set_problems(Vec::new());
                self.live.reload(&changed);
            }
            Outcome::Styles { .. } => {
                self.set_problems(Vec::new());
                self.live.refresh_css();
            }
            Outcome::Failed(problems) => {
                let shown: Vec<Diagnostic> =
                    problems.iter().filter(|d| d.is_error()).cloned().collect();
                self.live.problems(&shown);
                self.set_problems(shown);
            }
            Outcome::Unchanged => {}
        }
    }

    fn set_problems(&self, problems: Vec<Diagnostic>) {
        *self.problems.lock().unwrap_or_else(PoisonError::into_inner) = problems;
    }
}

/// The running preview. Dropping it stops it too.
pub struct ServerHandle {
    addr: SocketAddr,
    url: String,
    first_build: RebuildReport,
    shared: Arc<Shared>,
    watcher: Arc<Mutex<Option<Watcher>>>,
    threads: Vec<JoinHandle<()>>,
    background: Arc<Background>,
    /// Without watching, the rebuilder is kept here: it owns the served sites, which
    /// the card worker and the on-demand cards hold only weakly.
    _idle: Option<Rebuilder>,
}

impl ServerHandle {
    /// Where the server listens (the port may differ from the one asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// An address that reaches the server: a server listening on every address is
    /// reached on this machine's own.
    fn wake_address(&self) -> SocketAddr {
        let mut addr = self.addr;
        if addr.ip().is_unspecified() {
            addr.set_ip(match addr {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        addr
    }

    /// The site's address, with its base path (e.g. `http://127.0.0.1:1111/stories/`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The report of the build done before the server started.
    pub fn first_build(&self) -> &RebuildReport {
        &self.first_build
    }

    /// Stops watching, closes every event stream and waits for the threads to end.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if self.shared.stop.swap(true, Ordering::SeqCst) {
            return;
        }
        self.background.stop();
        // Dropping the watcher closes the channel, which ends the rebuild loop.
        *self.watcher.lock().unwrap_or_else(PoisonError::into_inner) = None;
        // The accept loop sees the stop flag with its next connection: this one.
        let _ = std::net::TcpStream::connect(self.wake_address());
        self.shared.live.close_all();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Builds the site into memory and starts serving it (and watching, if asked).
///
/// A site with problems still starts: every page then shows the problems until they
/// are fixed. Only a folder without site.yaml, a port that cannot be bound or a folder
/// that cannot be watched stop it from starting.
pub fn start(options: ServeOptions) -> Result<ServerHandle, ServeError> {
    let root = options
        .site_root
        .canonicalize()
        .ok()
        .filter(|root| root.join(SITE_FILE).is_file())
        .ok_or_else(|| ServeError::NoSite(options.site_root.clone()))?;
    let store = Arc::new(SiteStore::default());
    let mut rebuilder = Rebuilder::new(
        SiteOptions {
            root: root.clone(),
            include_drafts: options.include_drafts,
            now: options.now,
        },
        store.clone(),
    );
    let first_build = first_build(&mut rebuilder);
    let live = Arc::new(livereload::LiveReload::new());
    let background = Background::start(
        store.clone(),
        options.search,
        search_notice(&live, &options),
        Some(card_notice(&live, options.reporter.clone())),
    )
    .map(Arc::new)
    .map_err(|e| ServeError::Start(e.to_string()))?;
    refresh_background(&background, &rebuilder, &first_build.outcome);
    let shared = Arc::new(Shared {
        store,
        live,
        live_reload: options.watch,
        root: root.clone(),
        base_path: RwLock::new(rebuilder.base_path()),
        language_folders: RwLock::new(rebuilder.language_folders()),
        problems: Mutex::new(Vec::new()),
        stop: AtomicBool::new(false),
    });
    shared.announce(&first_build, &rebuilder);
    if let Some(reporter) = &options.reporter {
        reporter(&first_build);
    }
    let listener = server::bind(options.bind, options.port).map_err(|source| ServeError::Bind {
        addr: SocketAddr::new(options.bind, options.port),
        source,
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError::Start(e.to_string()))?;
    let mut handle = ServerHandle {
        addr,
        url: format!("http://{addr}{}", shared.base_path()),
        first_build,
        shared: shared.clone(),
        watcher: Arc::new(Mutex::new(None)),
        threads: Vec::new(),
        background: background.clone(),
        _idle: None,
    };
    let acceptor = server::spawn_acceptor(listener, shared.clone())
        .map_err(|e| ServeError::Start(e.to_string()))?;
    handle.threads.push(acceptor);
    if options.watch {
        let (sender, receiver) = mpsc::channel();
        let watcher = Watcher::start(&root, options.debounce, sender).map_err(|source| {
            ServeError::Watch {
                path: root.clone(),
                source,
            }
        })?;
        *handle
            .watcher
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(watcher);
        let watcher = handle.watcher.clone();
        let reporter = options.reporter.clone();
        let thread = std::thread::Builder::new()
            .name("practice-press rebuild".into())
            .spawn(move || rebuild_loop(rebuilder, receiver, shared, watcher, reporter, background))
            .map_err(|e| ServeError::Start(e.to_string()))?;
        handle.threads.push(thread);
    } else {
        handle._idle = Some(rebuilder);
    }
    Ok(handle)
}

fn first_build(rebuilder: &mut Rebuilder) -> RebuildReport {
    let started = Instant::now();
    let outcome = guarded(rebuilder, |r| r.full());
    RebuildReport {
        changed: Vec::new(),
        outcome,
        elapsed: started.elapsed(),
    }
}

/// Runs a rebuild step; a panic becomes a problem on every tab instead of the end of
/// the server, and the next rebuild starts again from the files.
fn guarded(rebuilder: &mut Rebuilder, step: impl FnOnce(&mut Rebuilder) -> Outcome) -> Outcome {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(rebuilder)));
    result.unwrap_or_else(|panic| {
        rebuilder.reset();
        Outcome::Failed(vec![crash_diagnostic(panic.as_ref())])
    })
}

fn crash_diagnostic(panic: &(dyn std::any::Any + Send)) -> Diagnostic {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into());
    Diagnostic::error(
        "PP0901",
        SITE_FILE,
        format!("practice-press crashed while rebuilding the preview: {message}"),
    )
    .with_hint("this is a bug in practice-press, not in your files; save a file to try again, and please report it with the message above")
}

/// Takes bursts of file events, rebuilds, and tells the tabs; one rebuild at a time,
/// each taking in every burst that arrived while the previous one ran.
fn rebuild_loop(
    mut rebuilder: Rebuilder,
    events: Receiver<WatchMessage>,
    shared: Arc<Shared>,
    watcher: Arc<Mutex<Option<Watcher>>>,
    reporter: Option<Reporter>,
    background: Arc<Background>,
) {
    let root = shared.root.clone();
    loop {
        let first = match events.recv_timeout(HEARTBEAT) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => {
                shared.live.heartbeat();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        let mut batch = Batch::default();
        add_message(&root, &mut batch, first);
        while let Ok(more) = events.try_recv() {
            add_message(&root, &mut batch, more);
        }
        if batch.is_empty() {
            continue;
        }
        if batch.full {
            // content/ or themes/ may have just appeared, or been replaced.
            if let Some(watcher) = watcher
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .as_mut()
            {
                watcher.watch_folders();
            }
        }
        let started = Instant::now();
        let outcome = guarded(&mut rebuilder, |r| r.rebuild(&batch).outcome);
        let report = RebuildReport {
            changed: batch.paths.iter().cloned().collect(),
            outcome,
            elapsed: started.elapsed(),
        };
        shared.announce(&report, &rebuilder);
        if let Some(reporter) = &reporter {
            reporter(&report);
        }
        // After the tabs were told: indexing starts once the reload is on its way.
        let clock = crate::util::PhaseClock::start();
        refresh_background(&background, &rebuilder, &report.outcome);
        clock.lap("background jobs");
    }
}

/// Tells the caller, and every open search page, when a new search index is in: a
/// search page reloaded after a save may have read the index before it.
fn search_notice(
    live: &Arc<livereload::LiveReload>,
    options: &ServeOptions,
) -> Option<background::SearchNotice> {
    let live = live.clone();
    let caller = options.search_notice.clone();
    Some(Arc::new(move |report: &background::SearchReport| {
        if report.error.is_none() {
            live.search_updated();
        }
        if let Some(caller) = &caller {
            caller(report);
        }
    }))
}

/// Shows problems met making the social cards, as `build` would stop on them. The
/// pages are served all the same: they were checked and written.
fn card_notice(
    live: &Arc<livereload::LiveReload>,
    reporter: Option<Reporter>,
) -> background::CardNotice {
    let live = live.clone();
    Arc::new(move |problems: &[Diagnostic]| {
        if problems.is_empty() {
            return;
        }
        live.problems(problems);
        if let Some(reporter) = &reporter {
            reporter(&RebuildReport {
                changed: vec![PathBuf::from("social cards")],
                outcome: Outcome::Failed(problems.to_vec()),
                elapsed: Duration::ZERO,
            });
        }
    })
}

/// Asks for a new search index and new cards when pages changed.
fn refresh_background(background: &Background, rebuilder: &Rebuilder, outcome: &Outcome) {
    if matches!(outcome, Outcome::Rebuilt { .. }) {
        if let Some((search, cards)) = rebuilder.background_jobs() {
            background.refresh(search, cards);
        }
    }
}

fn add_message(root: &Path, batch: &mut Batch, message: WatchMessage) {
    match message {
        WatchMessage::Events(events) => {
            for event in &events {
                batch.add(classify(root, event));
            }
        }
        WatchMessage::Lost => batch.add(watch::Change::Rescan(Vec::new())),
    }
}
