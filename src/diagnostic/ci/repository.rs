//! Where the site folder sits in its git repository, so review tools get paths from the
//! repository's root, the only paths they can match to a pull request's files.

use std::path::{Path, PathBuf};

/// The site folder relative to the root of the git repository holding it (empty when it
/// is the root). Without a repository (a plain folder, or a CI job that copied the files
/// without `.git`) it is taken relative to the current folder when the site is inside
/// it, which is where CI jobs start; otherwise paths stay relative to the site.
pub(crate) fn site_in_repository(site_root: &Path) -> PathBuf {
    let Ok(site) = std::fs::canonicalize(site_root) else {
        return PathBuf::new();
    };
    if let Some(root) = git_root(&site) {
        return relative(&site, &root);
    }
    std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .ok()
        .filter(|cwd| site.starts_with(cwd))
        .map_or_else(PathBuf::new, |cwd| relative(&site, &cwd))
}

/// The root of the git repository holding `folder`, if it is in one.
pub(crate) fn git_root(folder: &Path) -> Option<PathBuf> {
    let folder = std::fs::canonicalize(folder).ok()?;
    folder
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

fn relative(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_in_a_subfolder_of_a_repository_keeps_its_folder() {
        let repo = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let site = repo.path().join("sites/anytown");
        std::fs::create_dir_all(&site).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(repo.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(site_in_repository(&site), PathBuf::from("sites/anytown"));
        assert_eq!(site_in_repository(repo.path()), PathBuf::new());
    }
}
