//! `practice-press build`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::build::{build_deployment_to_disk, BuildError, BuildReport, Deployment};
use crate::render::Progress;
use crate::resolve::HeldBack;

use super::output::{plural, print_diagnostics};
use super::SiteArgs;

#[derive(Args, Debug)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site (default: public/ inside the site folder).
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Print only errors.
    #[arg(long, short)]
    quiet: bool,
    /// Skip the search index, for quicker builds (the /search/ page then finds nothing).
    #[arg(long)]
    no_search: bool,
    /// Publish at this address instead of site.yaml's base_url, for this build only (a
    /// deploy preview). Such a build asks search engines not to index it.
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    base_url: Option<String>,
    /// With --base-url: let search engines index this build after all.
    #[arg(long, requires = "base_url")]
    index: bool,
    /// Do not write `_headers` (Netlify, Cloudflare Pages) and `staticwebapp.config.json`
    /// (Azure Static Web Apps).
    #[arg(long)]
    no_host_headers: bool,
}

fn parse_base_url(value: &str) -> Result<String, String> {
    if crate::config::is_base_url(value) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "`{value}` is not an absolute http(s) address: write it like https://deploy-preview-12--anytown.netlify.app"
        ))
    }
}

pub(crate) fn run(args: &BuildArgs) -> ExitCode {
    let mut options = args.site.options();
    options.deny_warnings = args.deny_warnings;
    options.search = !args.no_search;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| options.site_root.join("public"));
    let progress = TerminalProgress::new(!args.quiet && std::io::stderr().is_terminal());
    let deployment = Deployment {
        base_url: args.base_url.clone(),
        index: args.index,
        no_host_headers: args.no_host_headers,
    };
    let result = build_deployment_to_disk(&options, &deployment, &output, &progress);
    progress.finish();
    match result {
        Ok(report) => {
            if !args.quiet {
                print_diagnostics(&report.warnings, &options.site_root);
                eprintln!("{}", summary(&report));
                if let Some(change) = &report.next_change {
                    let zone = jiff::tz::TimeZone::system();
                    eprintln!(
                        "Next change by itself: {}: {}. Build again then.",
                        change.when(&zone),
                        change.describe()
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(problems)) => {
            print_diagnostics(&problems, &options.site_root);
            eprintln!(
                "Nothing was published: the previous site in {} is unchanged.",
                output.display()
            );
            ExitCode::from(1)
        }
        Err(BuildError::Output(err)) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}

fn summary(report: &BuildReport) -> String {
    let drafts = report
        .held_back
        .iter()
        .filter(|h| h.why == HeldBack::Draft)
        .count();
    let embargoes: Vec<&str> = report
        .held_back
        .iter()
        .filter_map(|h| match &h.why {
            HeldBack::Embargo { until } => Some(until.as_str()),
            _ => None,
        })
        .collect();
    let consent = report.held_back.len() - drafts - embargoes.len();
    let mut held = Vec::new();
    if drafts > 0 {
        held.push(plural(drafts, "draft", "drafts"));
    }
    if !embargoes.is_empty() {
        held.push(format!(
            "{} (until {})",
            plural(embargoes.len(), "embargoed item", "embargoed items"),
            embargoes.join(", ")
        ));
    }
    if consent > 0 {
        held.push(plural(
            consent,
            "item whose consent ended",
            "items whose consent ended",
        ));
    }
    let held = if held.is_empty() {
        String::new()
    } else {
        format!("; held back: {}", held.join(", "))
    };
    let output = report
        .output
        .as_ref()
        .map(|p| format!(" into {}", p.display()))
        .unwrap_or_default();
    format!(
        "Built {}, {} and {} ({}){output} in {:.2} s{held}",
        plural(report.stories, "story", "stories"),
        plural(report.nominations, "nomination", "nominations"),
        plural(report.pages, "page", "pages"),
        plural(report.files, "file", "files"),
        report.elapsed.as_secs_f64(),
    )
}

/// A progress bar that appears only on a terminal and only once a build has run for a
/// second: quick builds stay one line long.
struct TerminalProgress {
    bar: ProgressBar,
    started: Instant,
    enabled: bool,
}

impl TerminalProgress {
    fn new(enabled: bool) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages") {
            bar.set_style(style);
        }
        TerminalProgress {
            bar,
            started: Instant::now(),
            enabled,
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for TerminalProgress {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
    }

    fn advance(&self) {
        self.bar.inc(1);
        if self.enabled && self.bar.is_hidden() && self.started.elapsed() > Duration::from_secs(1) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}
