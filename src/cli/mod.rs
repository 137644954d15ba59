//! The `practice-press` command line: flags parsed by clap, then one library call per
//! subcommand (one file each). Exit codes: 0 success, 1 problems in the site, 2 usage errors.

mod build;
mod check;
mod init;
mod new;
mod output;
mod serve;
mod serve_lines;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use jiff::Timestamp;

use crate::build::BuildOptions;
use crate::resolve::PublishOptions;

/// Publish social work good-practice stories and "My Brilliant Colleague" nominations
/// as a fast, accessible static website.
#[derive(Parser, Debug)]
#[command(name = "practice-press", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site into a folder (public/ by default), replacing it only if the whole build succeeds.
    Build(build::BuildArgs),
    /// Check every file and report every problem, writing nothing.
    Check(check::CheckArgs),
    /// Create a new site folder with settings, one story and one nomination.
    Init(init::InitArgs),
    /// Start a new story or nomination by answering questions (or with flags and --no-input).
    New(Box<new::NewArgs>),
    /// Preview the site in a browser, built in memory; with --watch, rebuild and reload on every change.
    Serve(serve::ServeArgs),
}

/// Flags shared by commands that read a site.
#[derive(Args, Debug, Clone)]
pub(crate) struct SiteArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".", value_name = "DIR")]
    site: PathBuf,
    /// Include drafts (for previews; never for publishing).
    #[arg(long)]
    drafts: bool,
    /// The time used for embargoes and consent expiry, e.g. 2026-03-02T09:00:00Z (default: now).
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    now: Option<Timestamp>,
}

impl SiteArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            site_root: self.site.clone(),
            publish: PublishOptions {
                now: self.now.unwrap_or_else(Timestamp::now),
                include_drafts: self.drafts,
            },
            deny_warnings: false,
            search: true,
        }
    }
}

fn parse_now(value: &str) -> Result<Timestamp, String> {
    if let Ok(ts) = value.parse::<Timestamp>() {
        return Ok(ts);
    }
    crate::load::convert::parse_date(value)
        .map(|(_, ts)| ts)
        .map_err(|_| {
            format!("`{value}` is not a time: write it like 2026-03-02T09:00:00Z or 2026-03-02")
        })
}

/// Runs the command line: parses the process's arguments (printing help or a usage error
/// and exiting with code 2 when they are wrong) and runs the chosen subcommand.
pub fn main() -> ExitCode {
    run(Cli::parse())
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Init(args) => init::run(&args),
        Command::New(args) => new::run(&args),
        Command::Serve(args) => serve::run(&args),
    }
}
