//! `practice-press init`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use practice_press::scaffold::init_site;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create the site in (created if missing).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

pub fn run(args: &InitArgs) -> ExitCode {
    match init_site(&args.dir) {
        Ok(files) => {
            for file in &files {
                eprintln!("created {}", file.display());
            }
            eprintln!(
                "\nNext: cd {} && practice-press serve --watch",
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}
