//! `practice-press check`

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::build::check;
use crate::diagnostic::ci::{render_github, render_gitlab, render_sarif, site_in_repository};
use crate::diagnostic::render::{json_value, render_json};
use crate::report::release_summary;

use super::output::{plural, print_diagnostics, read_small_text};
use super::SiteArgs;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Human,
    Json,
    /// GitHub Actions annotations on the pull request's lines.
    Github,
    /// A GitLab Code Quality report (JSON).
    Gitlab,
    /// SARIF 2.1.0, for code scanning, Azure DevOps and editors.
    Sarif,
}

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output format for problems. `json` prints an array of problems on stdout, or with
    /// --summary an object `{ "diagnostics": [...], "summary": {...} }`. `github`,
    /// `gitlab` and `sarif` print for review tools on stdout (paths from the repository
    /// root) and the usual report on stderr for the job's log.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Treat warnings as errors (exit 1 if there are any).
    #[arg(long)]
    deny_warnings: bool,
    /// Also print what a build now would publish and hold back, per council and
    /// service, and every `allow_personal_data` exception, for signing off a release.
    #[arg(long)]
    summary: bool,
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let options = args.site.options();
    let checked = check(&options);
    let summary = if args.summary {
        release_summary(&checked)
    } else {
        None
    };
    let printed = match args.format {
        Format::Json if args.summary => {
            let object = serde_json::json!({
                "diagnostics": json_value(&checked.diagnostics),
                "summary": summary,
            });
            let text = serde_json::to_string_pretty(&object).unwrap_or_else(|_| "{}".into());
            print_stdout(&text)
        }
        Format::Json => print_stdout(&render_json(&checked.diagnostics)),
        Format::Github | Format::Gitlab | Format::Sarif => {
            print_diagnostics(&checked.diagnostics, &options.site_root);
            if let Some(summary) = &summary {
                eprint!("{}", summary.to_text());
            }
            let prefix = site_in_repository(&options.site_root);
            let root = options.site_root.clone();
            let source_of = move |file: &std::path::Path| read_small_text(&root.join(file));
            let render = match args.format {
                Format::Github => render_github,
                Format::Gitlab => render_gitlab,
                _ => render_sarif,
            };
            let text = render(&checked.diagnostics, &prefix, &source_of);
            if text.is_empty() {
                // No annotations: not even an empty line in the job's log.
                Ok(())
            } else {
                print_stdout(&text)
            }
        }
        Format::Human => {
            print_diagnostics(&checked.diagnostics, &options.site_root);
            if checked.diagnostics.is_empty() {
                let files = checked.library.documents.len() + checked.library.pages.len();
                eprintln!("No problems found in {}.", plural(files, "file", "files"));
            }
            match (&summary, args.summary) {
                (Some(summary), _) => print_stdout(&summary.to_text()),
                (None, true) => {
                    eprintln!("No release summary: site.yaml must be fixed first.");
                    Ok(())
                }
                (None, false) => Ok(()),
            }
        }
    };
    // A closed pipe (`check --format json | head`) is the reader's choice, not a failure
    // of the site; anything else that stops the output is.
    if let Err(err) = printed {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: could not print the result: {err}");
            return ExitCode::from(1);
        }
    }
    let fails = checked.has_errors() || (args.deny_warnings && !checked.diagnostics.is_empty());
    if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", text.trim_end_matches('\n'))?;
    out.flush()
}
