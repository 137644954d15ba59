//! Links inside a body that point into the site must lead to something the site
//! publishes.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};

use super::media::percent_decode;
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::Library;
use crate::util::{slugify, LineIndex};

/// Every URL path the site will publish, to check internal links against.
pub(crate) struct KnownPaths {
    paths: HashSet<String>,
    content_dir: std::path::PathBuf,
}

impl KnownPaths {
    pub(crate) fn new(settings: &Settings, library: &Library) -> Self {
        let taxonomy_indexes =
            crate::model::TaxonomyKind::ALL.map(|kind| format!("/{}/", kind.section()));
        let templates = [
            "/submit/story-template.md",
            "/submit/nomination-template.md",
        ];
        let mut paths: HashSet<String> = crate::model::SITE_PAGES
            .iter()
            .chain(templates.iter())
            .map(|s| s.to_string())
            .chain(taxonomy_indexes)
            .collect();
        for document in &library.documents {
            let entry = &document.entry;
            paths.insert(entry.path());
            paths.extend(entry.aliases.iter().map(|a| normalise_path(a)));
            if let Some(council) = &entry.council {
                paths.insert(format!("/councils/{}/", slugify(council)));
            }
            if let Some(service) = &entry.service {
                paths.insert(format!("/services/{}/", slugify(service)));
            }
            paths.insert(format!("/years/{}/", entry.date.year()));
            paths.extend(
                entry
                    .practice_areas
                    .iter()
                    .map(|a| format!("/practice-areas/{}/", slugify(a))),
            );
            paths.extend(entry.tags.iter().map(|t| format!("/tags/{}/", slugify(t))));
        }
        // A link to a file that has a mistake of its own is not a second mistake: the
        // file's address is known from its name even when it could not be read.
        paths.extend(library.incomplete.iter().map(|d| d.entry.path()));
        for source in &library.sources {
            let relative = source.path.strip_prefix("content").unwrap_or(&source.path);
            let stem = source
                .path
                .file_stem()
                .map(|s| slugify(&s.to_string_lossy()))
                .unwrap_or_default();
            match crate::load::FileKind::of(relative) {
                Some(crate::load::FileKind::Story) => paths.insert(format!("/stories/{stem}/")),
                Some(crate::load::FileKind::Nomination) => {
                    paths.insert(format!("/nominations/{stem}/"))
                }
                Some(crate::load::FileKind::Page) => paths.insert(format!("/{stem}/")),
                None => false,
            };
        }
        paths.extend(library.pages.iter().map(|p| p.page.path()));
        KnownPaths {
            paths,
            content_dir: settings.content_dir(),
        }
    }

    fn contains(&self, link: &str) -> bool {
        let path = link.split(['#', '?']).next().unwrap_or(link);
        if path.starts_with("/media/") {
            let relative = percent_decode(path.trim_start_matches('/'));
            return !relative.split('/').any(|p| p == "..")
                && self.content_dir.join(relative).is_file();
        }
        if path.starts_with("/feeds/")
            || path.contains("/page/")
            || path.ends_with(".txt")
            || path.ends_with(".xml")
        {
            return true;
        }
        self.paths.contains(&normalise_path(path))
    }
}

pub(super) fn normalise_path(path: &str) -> String {
    let trimmed = path.trim_end_matches("index.html").trim_end_matches('/');
    format!("{trimmed}/")
}

/// Links in a markdown body that start with `/` must lead to a page or file of this site.
pub(crate) fn check_body_links(
    file: &Path,
    text: &str,
    body_line: usize,
    body: &str,
    known: &KnownPaths,
) -> Vec<Diagnostic> {
    let body_start = LineIndex::new(text).line_start(body_line);
    let index = LineIndex::new(text);
    let mut problems = Vec::new();
    for (event, range) in Parser::new(body).into_offset_iter() {
        let (destination, what) = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url.to_string(), "link"),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url.to_string(), "image"),
            _ => continue,
        };
        if !destination.starts_with('/')
            || destination.starts_with("//")
            || known.contains(&destination)
        {
            continue;
        }
        let in_body = body[range.clone()]
            .find(destination.as_str())
            .map_or(range.start, |i| range.start + i);
        let (line, column) = index.position(body_start + in_body);
        let code = if destination.starts_with("/media/") {
            "PP0502"
        } else {
            "PP0501"
        };
        problems.push(
            Diagnostic::error(code, file, format!("this {what} points to `{destination}`, which is not part of the site"))
                .at(line, column, destination.chars().count())
                .with_hint("check the address: stories are at /stories/<file name>/, pages at /<file name>/, media at /media/<path>"),
        );
    }
    problems
}
