//! `practice-press check`

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use practice_press::build::check;

use super::output::{plural, print_diagnostics};
use super::SiteArgs;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Output format for problems.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Treat warnings as errors (exit 1 if there are any).
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let options = args.site.options();
    let checked = check(&options);
    match args.format {
        Format::Json => println!(
            "{}",
            practice_press::diagnostic::render::render_json(&checked.diagnostics)
        ),
        Format::Human => {
            print_diagnostics(&checked.diagnostics, &options.site_root);
            if checked.diagnostics.is_empty() {
                let files = checked.library.documents.len() + checked.library.pages.len();
                eprintln!("No problems found in {}.", plural(files, "file", "files"));
            }
        }
    }
    let fails = checked.has_errors() || (args.deny_warnings && !checked.diagnostics.is_empty());
    if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
