//! Chooses which of the files Pagefind produces are published, and where.
//!
//! `PagefindIndex::get_files` returns the index (`pagefind.*.pf_meta`, `index/`,
//! `fragment/`, `filter/`), the search runtime (`pagefind.js`, `pagefind-worker.js`,
//! `wasm.*.pagefind`, `pagefind-entry.json`) and four ready-made UIs. The site has its
//! own UI (`static/search.js`), so the ready-made ones are left out: nothing links to
//! them, and publishing unused scripts only widens what a reviewer has to trust.

use std::path::Path;

use super::SearchFile;

/// The folder under the site root that holds the bundle; `search.js` imports
/// `<base path>pagefind/pagefind.js`.
pub const BUNDLE_DIR: &str = "pagefind";

/// Pagefind's own UIs and the highlighter script that only they use.
const UNUSED_UI_FILES: &[&str] = &[
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// Turns Pagefind's output into site files under [`BUNDLE_DIR`], sorted by path so
/// that builds are reproducible.
pub(crate) fn site_files(files: Vec<pagefind::api::SyntheticFile>) -> Vec<SearchFile> {
    let mut out: Vec<SearchFile> = files
        .into_iter()
        .filter_map(|file| {
            let relative = slash_path(&file.filename);
            if UNUSED_UI_FILES.contains(&relative.as_str()) || relative.starts_with("playground/") {
                return None;
            }
            Some(SearchFile {
                path: format!("{BUNDLE_DIR}/{relative}"),
                bytes: file.contents,
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// A relative path with `/` separators whatever the platform.
fn slash_path(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use pagefind::api::SyntheticFile;
    use std::path::PathBuf;

    fn file(name: &str) -> SyntheticFile {
        SyntheticFile {
            filename: PathBuf::from(name),
            contents: name.as_bytes().to_vec(),
        }
    }

    #[test]
    fn keeps_runtime_and_index_and_drops_unused_uis() {
        let files = site_files(vec![
            file("pagefind.js"),
            file("pagefind-ui.js"),
            file("pagefind-highlight.js"),
            file("fragment/en_1.pf_fragment"),
            file("wasm.en.pagefind"),
            file("playground/index.html"),
        ]);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "pagefind/fragment/en_1.pf_fragment",
                "pagefind/pagefind.js",
                "pagefind/wasm.en.pagefind"
            ]
        );
        assert_eq!(files[1].bytes, b"pagefind.js");
    }
}
