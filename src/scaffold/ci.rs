//! `init --ci`: a ready workflow for GitHub Actions or GitLab CI that checks every pull
//! request on its lines, builds a preview, publishes the main branch, and (on GitHub)
//! rebuilds hourly so embargoes lift and expired consent comes down on time.

use std::path::{Path, PathBuf};

use crate::diagnostic::ci::git_root;
use crate::util::FsError;

use super::ScaffoldError;

/// Where the workflow installs practice-press from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InstallSource {
    /// crates.io, at this version.
    CratesIo,
    /// A git repository (the project's own, or a council's fork), at the tag `v<version>`.
    Git(String),
}

impl InstallSource {
    /// A git address the workflow can hold safely: one line, no quotes, and a scheme git
    /// and cargo understand.
    pub(crate) fn git(url: &str) -> Result<Self, ScaffoldError> {
        let url = url.trim();
        let known_scheme = ["https://", "http://", "ssh://", "git://", "file://", "git@"]
            .iter()
            .any(|scheme| url.starts_with(scheme));
        let safe = !url.is_empty()
            && !url.chars().any(|c| {
                c.is_control() || c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '$' | '\\')
            });
        if known_scheme && safe {
            Ok(InstallSource::Git(url.to_string()))
        } else {
            Err(ScaffoldError::BadInstallSource(url.to_string()))
        }
    }

    /// A cache key part naming the source, in the letters every host accepts in a key
    /// (GitLab refuses `/`), so changing the source never restores the other's program.
    fn cache_key(&self) -> String {
        match self {
            InstallSource::CratesIo => "crates-io".to_string(),
            InstallSource::Git(url) => url
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect(),
        }
    }

    fn git_url(&self) -> &str {
        match self {
            InstallSource::CratesIo => "",
            InstallSource::Git(url) => url,
        }
    }
}

/// Where the site's repository is hosted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CiProvider {
    Github,
    Gitlab,
}

const GITHUB: &str = include_str!("ci/github.yml");
const GITLAB: &str = include_str!("ci/gitlab.yml");

/// The Rust release the workflows install practice-press with: the one its tests run on,
/// named exactly so a new Rust release cannot change a council's build unannounced.
pub(crate) const RUST_TOOLCHAIN: &str = "1.95.0";

impl CiProvider {
    /// The workflow file, from the repository root.
    pub(crate) fn file(self) -> &'static str {
        match self {
            CiProvider::Github => ".github/workflows/publish.yml",
            CiProvider::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The workflow for a site in `site_dir` (from the repository root, `.` for the root),
    /// installing this version of practice-press from `source`.
    pub(crate) fn workflow(self, site_dir: &str, source: &InstallSource) -> String {
        let template = match self {
            CiProvider::Github => GITHUB,
            CiProvider::Gitlab => GITLAB,
        };
        template
            .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
            .replace("{{RUST}}", RUST_TOOLCHAIN)
            .replace("{{SITE_DIR}}", &yaml_quoted_inner(site_dir))
            .replace("{{GIT}}", &yaml_quoted_inner(source.git_url()))
            .replace("{{SOURCE_KEY}}", &source.cache_key())
    }
}

/// Writes the workflow for the site in `site_root` at the root of its git repository
/// (or of the site, when it is in none). An existing workflow is kept unless `replace`.
pub(crate) fn init_ci(
    site_root: &Path,
    provider: CiProvider,
    source: &InstallSource,
    replace: bool,
) -> Result<PathBuf, ScaffoldError> {
    if !site_root.join("site.yaml").is_file() {
        return Err(ScaffoldError::NotASite(site_root.to_path_buf()));
    }
    let site =
        std::fs::canonicalize(site_root).map_err(|e| FsError::new("cannot read", site_root, e))?;
    let repository = git_root(&site).unwrap_or_else(|| site.clone());
    let prefix = site.strip_prefix(&repository).unwrap_or(Path::new(""));
    let site_dir = match prefix.to_string_lossy().replace('\\', "/") {
        dir if dir.is_empty() => ".".to_string(),
        dir => dir,
    };
    let path = repository.join(provider.file());
    if path.exists() && !replace {
        return Err(ScaffoldError::WorkflowExists(path));
    }
    write_atomically(&path, provider.workflow(&site_dir, source).as_bytes())?;
    Ok(path)
}

/// A folder name inside double quotes in YAML: `\` and `"` escaped.
fn yaml_quoted_inner(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Writes to a temporary file beside `path`, then renames it into place, so a workflow
/// is never left half written.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| FsError::new("cannot create", parent, e))?;
    let temporary = parent.join(format!(
        ".{}.practice-press-tmp",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    ));
    std::fs::write(&temporary, bytes).map_err(|e| FsError::new("cannot write", &temporary, e))?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        FsError::new("cannot write", path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_names_the_version_and_the_folder() {
        let text = CiProvider::Github.workflow("sites/any\"town", &InstallSource::CratesIo);
        assert!(text.contains(&format!(
            "PRACTICE_PRESS_VERSION: \"{}\"",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(text.contains("SITE_DIR: \"sites/any\\\"town\""));
        assert!(text.contains("PRACTICE_PRESS_GIT: \"\""));
        let from_git = InstallSource::Git("https://git.example/pp.git".into());
        for text in [text, CiProvider::Gitlab.workflow(".", &from_git)] {
            for unfilled_marker in [
                "{{VERSION}}",
                "{{RUST}}",
                "{{SITE_DIR}}",
                "{{GIT}}",
                "{{SOURCE_KEY}}",
            ] {
                assert!(!text.contains(unfilled_marker), "{unfilled_marker}");
            }
        }
    }
}

#[cfg(test)]
mod install_source_tests {
    use super::*;

    #[test]
    fn git_addresses_that_could_break_out_of_the_workflow_are_refused() {
        for good in [
            "https://github.com/council/practice-press.git",
            "git@gitlab.example:comms/practice-press.git",
            "file:///srv/git/practice-press",
        ] {
            assert_eq!(
                InstallSource::git(good).ok(),
                Some(InstallSource::Git(good.into()))
            );
        }
        for bad in [
            "",
            "github.com/council/practice-press",
            "https://x.example/a b",
            "https://x.example/\"; rm -rf ~",
            "https://x.example/$(id)",
            "https://x.example/a\nb",
        ] {
            assert!(InstallSource::git(bad).is_err(), "{bad:?}");
        }
    }
}
