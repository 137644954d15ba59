//! Rules across files: one address per file, page slugs and old addresses (aliases)
//! that would land on the site's own pages.

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::convert::Converter;
use crate::load::Library;

/// URL sections the tool itself publishes; a page slug may not take one of them.
pub(crate) const RESERVED_SLUGS: &[&str] = &[
    "stories",
    "nominations",
    "councils",
    "services",
    "practice-areas",
    "tags",
    "years",
    "search",
    "press",
    "feeds",
    "static",
    "media",
    "pagefind",
    "search-index",
    "accessibility",
    "submit",
];

/// Names the site itself publishes at its top level, besides the reserved sections
/// (`_headers` and `staticwebapp.config.json` are the hosts' header files).
const TOP_LEVEL_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "sitemap.xml",
    "robots.txt",
    "_headers",
    "staticwebapp.config.json",
];

/// An alias (an old address that redirects here) is written as a page of its own, so
/// it must not land on the home page, a listing, the site's own sections, another
/// entry or page, or another file's alias: whichever was written last would win.
fn check_aliases(pages: &BTreeMap<String, &Path>, library: &Library) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut claimed: BTreeMap<String, &Path> = BTreeMap::new();
    // Placing a message means indexing the file's lines: only for files with aliases.
    for document in library
        .documents
        .iter()
        .filter(|d| !d.entry.aliases.is_empty())
    {
        let converter = Converter::new(&document.source, &document.parts);
        for alias in &document.entry.aliases {
            let path = crate::rules::alias_path(alias);
            let first = path.trim_matches('/').split('/').next().unwrap_or("");
            let section_listing = ["stories", "nominations"].contains(&first)
                && (path.matches('/').count() == 2 || path.starts_with(&format!("/{first}/page/")));
            let reason = if path == "/" {
                Some("the home page".to_string())
            } else if section_listing {
                Some(format!("the site's own listing at /{first}/"))
            } else if (RESERVED_SLUGS.contains(&first)
                && !["stories", "nominations"].contains(&first))
                || TOP_LEVEL_FILES.contains(&first)
            {
                Some(format!("part of the site's own /{first}"))
            } else if let Some(owner) = pages.get(&path) {
                Some(format!("the address of {}", owner.display()))
            } else {
                claimed
                    .get(&path)
                    .map(|owner| format!("also an old address in {}", owner.display()))
            };
            match reason {
                Some(reason) => problems.push(
                    converter
                        .at_value(
                            "aliases",
                            alias,
                            "PP0018",
                            format!("the old address `{path}` cannot redirect here: it is {reason}"),
                        )
                        .with_hint("an alias is an old address of this story that should lead here; remove it, or correct it to the address this story used to have"),
                ),
                None => {
                    claimed.insert(path, &document.source.path);
                }
            }
        }
    }
    problems
}

/// Rules across files: two files with one slug, page slugs that clash with the site's own.
pub(crate) fn check_site_wide(_settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    let entry_paths = library
        .documents
        .iter()
        .chain(&library.incomplete)
        .map(|d| (d.entry.path(), d.source.path.as_path(), Some(d)));
    let page_paths = library
        .pages
        .iter()
        .map(|p| (p.page.path(), p.source.path.as_path(), None));
    for (path, file, document) in entry_paths.chain(page_paths) {
        if let Some(first) = seen.get(&path) {
            let diagnostic = Diagnostic::error(
                "PP0017",
                file,
                format!(
                    "this file has the same address ({path}) as {}",
                    first.display().to_string().replace('\\', "/")
                ),
            )
            .with_hint("rename one of the files, or give one of them a different `slug:`");
            // When the address comes from `slug:`, that line is the one to change.
            let diagnostic = match document {
                Some(d) if Converter::new(&d.source, &d.parts).has_key(&["slug"]) => {
                    let converter = Converter::new(&d.source, &d.parts);
                    let placed = converter.at_value_of(&["slug"], "PP0017", String::new());
                    diagnostic.at(placed.line, placed.column, placed.length)
                }
                _ => diagnostic,
            };
            problems.push(diagnostic);
        } else {
            seen.insert(path, file);
        }
    }
    problems.extend(check_aliases(&seen, library));
    for page in &library.pages {
        if RESERVED_SLUGS.contains(&page.page.slug.as_str()) {
            problems.push(
                Diagnostic::error(
                    "PP0017",
                    &page.source.path,
                    format!(
                        "the address /{}/ is used by the site itself",
                        page.page.slug
                    ),
                )
                .with_hint("rename the file or set a different `slug:`"),
            );
        }
    }
    problems
}
