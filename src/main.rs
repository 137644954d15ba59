//! The `practice-press` command: parses flags and hands over to one library call per
//! subcommand (see `cmd/`). Exit codes: 0 success, 1 problems in the site, 2 usage errors.

mod cmd;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cmd::Cli::parse();
    cmd::run(cli)
}
