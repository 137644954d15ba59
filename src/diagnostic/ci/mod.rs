//! Diagnostics for the tools a reviewer already uses: GitHub Actions annotations,
//! a GitLab Code Quality report and SARIF 2.1.0 (GitHub code scanning, Azure DevOps,
//! editors).
//!
//! These tools show a problem on the line of the pull request's diff, so every path
//! is given from the repository's root (the site may live in a subfolder of it), and
//! every problem carries a fingerprint that does not change when unrelated lines move,
//! so a tool can tell a problem that was fixed from one that only moved.

mod fingerprint;
mod github;
mod gitlab;
mod repository;
mod sarif;

use std::path::{Path, PathBuf};

use super::{Diagnostic, Severity};

pub(crate) use github::render_github;
pub(crate) use gitlab::render_gitlab;
pub(crate) use repository::{git_root, site_in_repository};
pub(crate) use sarif::render_sarif;

/// One diagnostic as a review tool needs it: its path from the repository root and its
/// fingerprint.
#[derive(Debug, Clone)]
pub(crate) struct Located<'a> {
    pub(crate) diagnostic: &'a Diagnostic,
    /// From the repository root, with `/` between folders on every system.
    pub(crate) path: String,
    pub(crate) fingerprint: String,
}

/// Places `diagnostics` in the repository: `site_prefix` is the site folder from the
/// repository root (empty when they are the same), `source_of` reads a file of the
/// site (by the diagnostic's own path) for its fingerprint. In the order `check`
/// prints them.
pub(crate) fn locate<'a>(
    diagnostics: &'a [Diagnostic],
    site_prefix: &Path,
    source_of: &dyn Fn(&Path) -> Option<String>,
) -> Vec<Located<'a>> {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
    let mut fingerprints = fingerprint::Fingerprints::default();
    let mut source: Option<(PathBuf, Option<String>)> = None;
    sorted
        .into_iter()
        .map(|diagnostic| {
            if source.as_ref().is_none_or(|(p, _)| *p != diagnostic.file) {
                source = Some((diagnostic.file.clone(), source_of(&diagnostic.file)));
            }
            let text = source.as_ref().and_then(|(_, t)| t.as_deref());
            let path = repository_path(site_prefix, &diagnostic.file);
            let fingerprint = fingerprints.next(&path, diagnostic, text);
            Located {
                diagnostic,
                path,
                fingerprint,
            }
        })
        .collect()
}

fn repository_path(site_prefix: &Path, file: &Path) -> String {
    site_prefix
        .join(file)
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The message and its hint in one text, for tools that show a single message.
pub(crate) fn full_message(diagnostic: &Diagnostic) -> String {
    match &diagnostic.hint {
        Some(hint) => format!("{}\nhelp: {hint}", diagnostic.message),
        None => diagnostic.message.clone(),
    }
}

pub(crate) fn is_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.severity == Severity::Error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_the_site_folder_with_forward_slashes() {
        assert_eq!(
            repository_path(
                Path::new("sites/anytown"),
                Path::new("content/stories/a.md")
            ),
            "sites/anytown/content/stories/a.md"
        );
        assert_eq!(
            repository_path(Path::new(""), Path::new("site.yaml")),
            "site.yaml"
        );
        assert_eq!(
            repository_path(Path::new("."), Path::new("./site.yaml")),
            "site.yaml"
        );
    }
}
