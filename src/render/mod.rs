//! Render: turns the public [`Site`] into files: pages, listings, feeds, plain-text
//! stories, sitemap, robots.txt and the theme's static files. Pages render in parallel;
//! each output passes the leak guard on its way to the sink.

pub(crate) mod chart;
pub mod csp;
pub mod feeds;
pub mod host_headers;
pub(crate) mod links;
pub mod markdown;
pub mod metadata;
mod output;
pub mod pages;
pub mod picture;
pub mod plain_text;
pub mod records;
pub mod stats;
pub mod submit;
pub mod theme;
mod translate;
pub mod views;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::resolve::Site;
use crate::search::SearchIndexer;
use crate::write::guard::LeakGuard;
use crate::write::Sink;
pub use output::Output;
pub use pages::Job;
pub use theme::Theme;

/// How many files of each sort a render wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RenderStats {
    pub pages: usize,
    pub files: usize,
}

/// Something that wants to know how far rendering has got (a progress bar).
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn advance(&self);
}

/// Renders every job into the sink. All template and guard problems are collected.
pub fn render_jobs(
    site: &Site,
    theme: &Theme,
    jobs: &[Job],
    sink: &dyn Sink,
    guard: &LeakGuard,
    progress: &dyn Progress,
) -> Result<RenderStats, Vec<Diagnostic>> {
    render_jobs_tracked(site, theme, jobs, sink, guard, progress).map(|(stats, _)| stats)
}

/// As [`render_jobs`], also sending each rendered entry's search record to `search`, so
/// indexing runs alongside rendering instead of after it.
pub fn render_jobs_with_search(
    site: &Site,
    theme: &Theme,
    jobs: &[Job],
    sink: &dyn Sink,
    guard: &LeakGuard,
    progress: &dyn Progress,
    search: Option<&SearchIndexer>,
) -> Result<RenderStats, Vec<Diagnostic>> {
    render_all(site, theme, jobs, sink, guard, progress, search).map(|(stats, _)| stats)
}

/// Like [`render_jobs`], and also says which files each job wrote (in `jobs` order), so
/// the preview server can delete the files of a page that no longer exists.
pub fn render_jobs_tracked(
    site: &Site,
    theme: &Theme,
    jobs: &[Job],
    sink: &dyn Sink,
    guard: &LeakGuard,
    progress: &dyn Progress,
) -> Result<(RenderStats, Vec<Vec<String>>), Vec<Diagnostic>> {
    render_all(site, theme, jobs, sink, guard, progress, None)
}

/// The paths each job wrote, in job order.
type Written = Vec<Vec<String>>;

fn render_all(
    site: &Site,
    theme: &Theme,
    jobs: &[Job],
    sink: &dyn Sink,
    guard: &LeakGuard,
    progress: &dyn Progress,
    search: Option<&SearchIndexer>,
) -> Result<(RenderStats, Written), Vec<Diagnostic>> {
    progress.start(jobs.len());
    let problems = Mutex::new(Vec::new());
    let pages = AtomicUsize::new(0);
    let files = AtomicUsize::new(0);
    let context = pages::SharedContext::new(site, search);
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
                if let Some(leak) = guard.scan(&output.path, &output.bytes) {
                    push(&problems, leak);
                    continue;
                }
                if output.path.ends_with(".html") {
                    pages.fetch_add(1, Ordering::Relaxed);
                }
                files.fetch_add(1, Ordering::Relaxed);
                let path = output.path.clone();
                if let Err(err) = sink.put(&output.path, output.bytes) {
                    push(&problems, Diagnostic::error("PP0701", &err.path, format!("the site could not be written: {err}")).with_hint("check free disk space and that you may write to the output folder; the previous site was left as it was"));
                    continue;
                }
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
        Ok((
            RenderStats {
                pages: pages.into_inner(),
                files: files.into_inner(),
            },
            written,
        ))
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
