//! Render: turns the public [`Site`] into files: pages, listings, feeds, plain-text
//! stories, sitemap, robots.txt and the theme's static files. Pages render in parallel
//! into a sink; render never sees the leak guard, which wraps the sink it is given.

pub(crate) mod chart;
pub(crate) mod csp;
pub(crate) mod feeds;
pub(crate) mod host_headers;
pub(crate) mod languages;
pub(crate) mod links;
pub mod markdown;
pub(crate) mod metadata;
mod output;
pub mod pages;
pub(crate) mod picture;
pub(crate) mod plain_text;
mod raw_images;
pub mod records;
pub(crate) mod stats;
pub(crate) mod submit;
mod submit_words;
pub(crate) mod theme;
pub mod translate;
pub(crate) mod views;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::resolve::Site;
use crate::search::{SearchIndexer, SearchRecord};
use crate::write::Sink;
pub(crate) use pages::Job;
pub use theme::Theme;

/// How many files of each sort a render wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RenderStats {
    pub(crate) pages: usize,
    pub(crate) files: usize,
}

/// Something that wants to know how far rendering has got (a progress bar).
pub trait Progress: Sync {
    /// Rendering begins: `total` jobs are to come.
    fn start(&self, total: usize);
    /// One more job is done.
    fn advance(&self);
}

/// Where rendered entries send their search records: the build's
/// [`SearchIndexer`], or the preview's collection of records by page.
pub trait Records: Sync {
    /// Takes one rendered entry's search record.
    fn add(&self, record: SearchRecord);
}

impl Records for SearchIndexer {
    fn add(&self, record: SearchRecord) {
        SearchIndexer::add(self, record);
    }
}

/// What a render wrote.
#[derive(Debug, Default)]
pub struct Rendered {
    pub(crate) stats: RenderStats,
    /// The paths each job wrote, in `jobs` order, so the preview server can take down
    /// the files of a page that no longer exists.
    pub(crate) written: Vec<Vec<String>>,
}

/// Renders `jobs` into the sink, in parallel, sending each rendered entry's search
/// record to `records` so indexing runs alongside rendering. The sink decides what may
/// be written (the build and the preview hand in one wrapped in the leak guard); every
/// template problem and every refusal is collected.
pub fn render(
    site: &Site,
    theme: &Theme,
    jobs: &[Job],
    sink: &dyn Sink,
    progress: &dyn Progress,
    records: Option<&dyn Records>,
) -> Result<Rendered, Vec<Diagnostic>> {
    progress.start(jobs.len());
    let problems = Mutex::new(Vec::new());
    let pages = AtomicUsize::new(0);
    let files = AtomicUsize::new(0);
    let context = pages::SharedContext::new(site, theme.strings(&site.settings.language), records);
    let written: Vec<Vec<String>> = jobs
        .par_iter()
        .map(|job| {
            let outputs = match pages::render_job(site, theme, &context, job) {
                Ok(outputs) => outputs,
                Err(diagnostic) => {
                    push(&problems, diagnostic);
                    return Vec::new();
                }
            };
            let mut paths = Vec::with_capacity(outputs.len());
            for output in outputs {
                let path = output.path.clone();
                if let Err(err) = sink.put(&output.path, output.bytes) {
                    push(&problems, err.into_diagnostic());
                    continue;
                }
                if path.ends_with(".html") {
                    pages.fetch_add(1, Ordering::Relaxed);
                }
                files.fetch_add(1, Ordering::Relaxed);
                paths.push(path);
            }
            progress.advance();
            paths
        })
        .collect();
    let problems = problems
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if problems.is_empty() {
        Ok(Rendered {
            stats: RenderStats {
                pages: pages.into_inner(),
                files: files.into_inner(),
            },
            written,
        })
    } else {
        Err(problems)
    }
}

fn push(problems: &Mutex<Vec<Diagnostic>>, diagnostic: Diagnostic) {
    problems
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(diagnostic);
}

/// No progress display (quiet builds, serve, tests).
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _total: usize) {}
    fn advance(&self) {}
}
