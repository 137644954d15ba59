//! `practice-press init`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use crate::scaffold::ci::{init_ci, CiProvider, InstallSource};
use crate::scaffold::init_site;

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub(crate) struct InitArgs {
    #[command(subcommand)]
    what: Option<InitWhat>,
    /// The folder to create the site in (created if missing).
    #[arg(value_name = "DIR", required = true)]
    dir: Option<PathBuf>,
    /// Also write a workflow that checks pull requests and publishes the site.
    #[arg(long, value_enum, value_name = "HOST")]
    ci: Option<Ci>,
    /// With --ci: install practice-press in the workflow from this git repository, at the
    /// tag v<version>, instead of from crates.io.
    #[arg(long, value_name = "URL", requires = "ci")]
    install_git: Option<String>,
}

#[derive(Subcommand, Debug)]
enum InitWhat {
    /// Add a workflow to an existing site: checks on every pull request, a preview,
    /// publishing from the main branch and (GitHub) an hourly rebuild for embargoes.
    Ci(CiArgs),
}

#[derive(Args, Debug)]
struct CiArgs {
    /// Where the repository is hosted.
    #[arg(value_enum, value_name = "HOST")]
    host: Ci,
    /// The site folder (holding site.yaml); the workflow goes at its repository's root.
    #[arg(long, default_value = ".", value_name = "DIR")]
    site: PathBuf,
    /// Replace a workflow file that already exists.
    #[arg(long)]
    force: bool,
    /// Install practice-press in the workflow from this git repository (a council's fork,
    /// or the project's own), at the tag v<version>, instead of from crates.io.
    #[arg(long, value_name = "URL")]
    install_git: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Ci {
    /// GitHub Actions, publishing to GitHub Pages.
    Github,
    /// GitLab CI, publishing to GitLab Pages.
    Gitlab,
}

impl From<Ci> for CiProvider {
    fn from(ci: Ci) -> Self {
        match ci {
            Ci::Github => CiProvider::Github,
            Ci::Gitlab => CiProvider::Gitlab,
        }
    }
}

pub(crate) fn run(args: &InitArgs) -> ExitCode {
    if let Some(InitWhat::Ci(ci)) = &args.what {
        return write_ci(&ci.site, ci.host, ci.install_git.as_deref(), ci.force);
    }
    let Some(dir) = &args.dir else {
        eprintln!("error: name the folder to create the site in: practice-press init DIR");
        return ExitCode::from(2);
    };
    if let Some(url) = &args.install_git {
        if let Err(err) = InstallSource::git(url) {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    }
    match init_site(dir) {
        Ok(files) => {
            for file in &files {
                eprintln!("created {}", file.display());
            }
            if let Some(host) = args.ci {
                if write_ci(dir, host, args.install_git.as_deref(), false) != ExitCode::SUCCESS {
                    return ExitCode::from(1);
                }
            }
            eprintln!(
                "\nNext: cd {} && practice-press serve --watch",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}

fn write_ci(site: &Path, host: Ci, install_git: Option<&str>, force: bool) -> ExitCode {
    let source = match install_git.map(InstallSource::git).transpose() {
        Ok(source) => source.unwrap_or(InstallSource::CratesIo),
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    match init_ci(site, host.into(), &source, force) {
        Ok(path) => {
            eprintln!("created {}", path.display());
            eprintln!("See docs/publishing.md for the settings your host needs.");
            if matches!(host, Ci::Gitlab) {
                eprintln!(
                    "GitLab cannot schedule from the file: add an hourly pipeline schedule (Build > Pipeline schedules, \"7 * * * *\") so embargoes lift on time."
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}
