//! `init --ci`: a ready workflow for GitHub Actions or GitLab CI that checks every pull
//! request on its lines, builds a preview, publishes the main branch, and (on GitHub)
//! rebuilds hourly so embargoes lift and expired consent comes down on time.

use std::path::{Path, PathBuf};

use crate::diagnostic::ci::git_root;
use crate::util::FsError;

use super::ScaffoldError;

/// Where the site's repository is hosted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiProvider {
    Github,
    Gitlab,
}

const GITHUB: &str = include_str!("ci/github.yml");
const GITLAB: &str = include_str!("ci/gitlab.yml");

/// The Rust release the workflows install practice-press with: the one its tests run on,
/// named exactly so a new Rust release cannot change a council's build unannounced.
pub const RUST_TOOLCHAIN: &str = "1.95.0";

impl CiProvider {
    /// The workflow file, from the repository root.
    pub fn file(self) -> &'static str {
        match self {
            CiProvider::Github => ".github/workflows/publish.yml",
            CiProvider::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The workflow for a site in `site_dir` (from the repository root, `.` for the root),
    /// installing this version of practice-press.
    pub fn workflow(self, site_dir: &str) -> String {
        let template = match self {
            CiProvider::Github => GITHUB,
            CiProvider::Gitlab => GITLAB,
        };
        template
            .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
            .replace("{{RUST}}", RUST_TOOLCHAIN)
            .replace("{{SITE_DIR}}", &yaml_quoted_inner(site_dir))
    }
}

/// Writes the workflow for the site in `site_root` at the root of its git repository
/// (or of the site, when it is in none). An existing workflow is kept unless `replace`.
pub fn init_ci(
    site_root: &Path,
    provider: CiProvider,
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
    write_atomically(&path, provider.workflow(&site_dir).as_bytes())?;
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
        let text = CiProvider::Github.workflow("sites/any\"town");
        assert!(text.contains(&format!(
            "PRACTICE_PRESS_VERSION: \"{}\"",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(text.contains("SITE_DIR: \"sites/any\\\"town\""));
        for text in [text, CiProvider::Gitlab.workflow(".")] {
            for placeholder in ["{{VERSION}}", "{{RUST}}", "{{SITE_DIR}}"] {
                assert!(!text.contains(placeholder), "{placeholder}");
            }
        }
    }
}
