//! Scaffolding: `init` creates a new site that builds and passes `check` at once;
//! [`new`] adds one story or nomination to a site from a writer's answers.

pub(crate) mod ci;
pub(crate) mod new;

use std::path::{Path, PathBuf};

use crate::util::FsError;

#[derive(Debug, thiserror::Error)]
pub(crate) enum ScaffoldError {
    #[error("{0} already holds a site (site.yaml exists); nothing was changed")]
    AlreadyASite(PathBuf),
    #[error("{0} holds no site.yaml: give the site folder with --site DIR, or create a site with `practice-press init DIR`")]
    NotASite(PathBuf),
    #[error("{0} already exists; nothing was changed (add --force to replace it)")]
    WorkflowExists(PathBuf),
    #[error("--install-git {0:?} is not a git address the workflow can use: give one line starting with https://, ssh://, git://, file:// or git@, without spaces or quotes")]
    BadInstallSource(String),
    #[error(transparent)]
    Fs(#[from] FsError),
}

const SITE_YAML: &str = include_str!("init/site.yaml");
const STORY: &str = include_str!("init/story.md");
const NOMINATION: &str = include_str!("init/nomination.md");
const ABOUT: &str = include_str!("init/about.md");
const GITIGNORE: &str = include_str!("init/gitignore");

/// Creates a site in `dir` (made if missing). Returns the files written.
pub(crate) fn init_site(dir: &Path) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.join("site.yaml").exists() {
        return Err(ScaffoldError::AlreadyASite(dir.to_path_buf()));
    }
    let files = [
        ("site.yaml", SITE_YAML),
        ("content/stories/welcome-to-your-story-site.md", STORY),
        (
            "content/nominations/a-brilliant-duty-social-worker.md",
            NOMINATION,
        ),
        ("content/pages/about.md", ABOUT),
        ("content/media/.keep", ""),
        (".gitignore", GITIGNORE),
    ];
    let mut written = Vec::new();
    for (relative, text) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| FsError::new("cannot create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| FsError::new("cannot write", &path, e))?;
        written.push(path);
    }
    Ok(written)
}
