//! Load: reads site.yaml and every content file into typed, public entries.
//!
//! Files are read and parsed in parallel. Every problem becomes a diagnostic and loading
//! carries on, so `check` can report all of them in one run.

pub(crate) mod convert;
pub(crate) mod front_matter;
pub(crate) mod locate;
pub mod source;
pub(crate) mod translation;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::model::{Entry, Page};
pub(crate) use convert::Private;
use front_matter::{with_file, RawNomination, RawPage, RawStory};
use source::{split_front_matter, Parts, SourceFile};
pub(crate) use translation::Translation;

/// A loaded story or nomination with what validation needs to see beside it.
#[derive(Debug, Clone)]
pub struct Document {
    pub(crate) source: SourceFile,
    pub(crate) parts: Parts,
    pub(crate) entry: Entry,
    /// The names and terms that must never be published, for the privacy checks.
    pub private: Private,
}

/// A loaded plain page with its source.
#[derive(Debug, Clone)]
pub struct PageDocument {
    pub(crate) source: SourceFile,
    pub(crate) page: Page,
}

/// Everything read from a site, and every problem found while reading it.
#[derive(Debug, Default)]
pub struct Library {
    /// Stories and nominations with every required field.
    pub documents: Vec<Document>,
    /// Stories and nominations with a required field missing or unreadable (already
    /// reported). They are never published, but every other rule checks them, so a
    /// writer sees all of a file's problems at once.
    pub(crate) incomplete: Vec<Document>,
    /// Plain pages from content/pages/.
    pub pages: Vec<PageDocument>,
    /// Translations (`a.cy.md`), in path order; validation pairs each with its original.
    pub(crate) translations: Vec<Translation>,
    /// Content sources kept for diagnostics, including files that failed to parse.
    pub sources: Vec<SourceFile>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// What a markdown file under content/ is, by its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A story, under content/stories/.
    Story,
    /// A nomination, under content/nominations/.
    Nomination,
    /// A plain page, under content/pages/.
    Page,
}

impl FileKind {
    /// The kind of a path relative to the content folder, or None if it is not content.
    pub(crate) fn of(relative: &Path) -> Option<FileKind> {
        let mut parts = relative.components();
        let first = parts.next()?.as_os_str().to_str()?;
        match first {
            "stories" => Some(FileKind::Story),
            "nominations" => Some(FileKind::Nomination),
            "pages" if relative.components().count() == 2 => Some(FileKind::Page),
            _ => None,
        }
    }
}

/// Loads every content file of a site: lists them, then loads each with
/// [`load_file`] in parallel.
pub(crate) fn load_library(settings: &Settings) -> Library {
    let (files, diagnostics) = find_content_files(settings);
    let loaded: Vec<LoadedFile> = files
        .par_iter()
        .map(|(kind, full, display)| load_file(*kind, full, display))
        .collect();
    let mut library = Library {
        diagnostics,
        ..Library::default()
    };
    for file in loaded {
        library.diagnostics.extend(file.diagnostics.iter().cloned());
        library.add(file);
    }
    library
}

impl Library {
    /// Adds a file after every file added so far (the listing is in path order).
    fn add(&mut self, file: LoadedFile) {
        if let Some(source) = file.source {
            self.sources.push(source);
        }
        match file.item {
            Some(Item::Entry(document)) => self.documents.push(*document),
            Some(Item::Incomplete(document)) => self.incomplete.push(*document),
            Some(Item::Page(page)) => self.pages.push(page),
            Some(Item::Translation(translation)) => self.translations.push(*translation),
            None => {}
        }
    }

    /// Puts `file` in the place of whatever was loaded from `display` before (None
    /// takes it out), keeping the order [`load_library`] gives. The preview server
    /// calls this for the files a save changed. Loading problems are the caller's to
    /// keep: they live with each [`LoadedFile`].
    pub(crate) fn replace(&mut self, display: &Path, file: Option<LoadedFile>) {
        remove_sorted(&mut self.sources, display, |s| &s.path);
        remove_sorted(&mut self.documents, display, |d| &d.source.path);
        remove_sorted(&mut self.incomplete, display, |d| &d.source.path);
        remove_sorted(&mut self.pages, display, |p| &p.source.path);
        remove_sorted(&mut self.translations, display, |t| &t.source.path);
        let Some(file) = file else {
            return;
        };
        if let Some(source) = file.source {
            insert_sorted(&mut self.sources, source, |s| &s.path);
        }
        match file.item {
            Some(Item::Entry(document)) => {
                insert_sorted(&mut self.documents, *document, |d| &d.source.path)
            }
            Some(Item::Incomplete(document)) => {
                insert_sorted(&mut self.incomplete, *document, |d| &d.source.path)
            }
            Some(Item::Page(page)) => insert_sorted(&mut self.pages, page, |p| &p.source.path),
            Some(Item::Translation(translation)) => {
                insert_sorted(&mut self.translations, *translation, |t| &t.source.path)
            }
            None => {}
        }
    }
}

fn insert_sorted<T>(items: &mut Vec<T>, item: T, key: impl Fn(&T) -> &PathBuf) {
    let at = items.partition_point(|x| key(x) < key(&item));
    items.insert(at, item);
}

fn remove_sorted<T>(items: &mut Vec<T>, path: &Path, key: impl Fn(&T) -> &PathBuf) {
    let at = items.partition_point(|x| key(x).as_path() < path);
    if items.get(at).is_some_and(|x| key(x) == path) {
        items.remove(at);
    }
}

/// Every markdown file under content/ with its kind (full path, path as the user sees
/// it), plus warnings for files in the wrong place and links that lead out of the site.
/// Public so the preview server can notice added and deleted files without re-reading
/// every file.
pub(crate) fn find_content_files(
    settings: &Settings,
) -> (Vec<(FileKind, PathBuf, PathBuf)>, Vec<Diagnostic>) {
    let content = settings.content_dir();
    let site_root = settings
        .root
        .canonicalize()
        .unwrap_or_else(|_| settings.root.clone());
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !content.exists() {
        // Usually --site names the wrong folder; a walk error here would print an
        // operating-system message with the full path.
        problems.push(
            Diagnostic::error("PP0010", "content", "this site has no content/ folder, so there is nothing to check or publish")
                .with_hint("put stories in content/stories/, nominations in content/nominations/ and pages in content/pages/, next to site.yaml; or pass --site with the right folder"),
        );
        return (files, problems);
    }
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.path() != content.join("media") && stays_inside(entry, &site_root)
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.extend(walk_problem(settings, &err));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let relative = path.strip_prefix(&content).unwrap_or(path);
        let display = display_path(settings, path);
        match FileKind::of(relative) {
            Some(kind) => files.push((kind, path.to_path_buf(), display)),
            None if relative.starts_with("media") => {}
            None if relative.starts_with("pages") => problems.push(
                Diagnostic::warning(
                    "PP0016",
                    &display,
                    "this page is in a folder inside pages/, so it is not published",
                )
                .with_hint("move it into content/pages/ itself: pages cannot be in sub-folders"),
            ),
            None => problems.push(
                Diagnostic::warning(
                    "PP0016",
                    &display,
                    "this markdown file is not in stories/, nominations/ or pages/, so it is not published",
                )
                .with_hint("move it into content/stories/, content/nominations/ or content/pages/"),
            ),
        }
    }
    problems.extend(escaped_links(settings, &content, &site_root));
    (files, problems)
}

/// The path a user would type, relative to the site root.
pub(crate) fn display_path(settings: &Settings, path: &Path) -> PathBuf {
    path.strip_prefix(&settings.root)
        .unwrap_or(path)
        .to_path_buf()
}

/// A symbolic link is followed only when it resolves inside the site.
fn stays_inside(entry: &walkdir::DirEntry, site_root: &Path) -> bool {
    if !entry.path_is_symlink() {
        return true;
    }
    entry
        .path()
        .canonicalize()
        .map(|target| target.starts_with(site_root))
        .unwrap_or(false)
}

/// Warnings for the links `stays_inside` skipped, naming where they point.
/// The media folder is left to the media stage, which reports its own links.
fn escaped_links(settings: &Settings, content: &Path, site_root: &Path) -> Vec<Diagnostic> {
    let media = content.join("media");
    walkdir::WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.path() != media)
        .filter_map(Result::ok)
        .filter(|entry| entry.path_is_symlink())
        .filter_map(|entry| {
            let target = std::fs::read_link(entry.path()).ok()?;
            let resolved = entry.path().canonicalize();
            let inside = resolved
                .as_ref()
                .map(|t| t.starts_with(site_root))
                .unwrap_or(false);
            (!inside).then(|| {
                let (message, hint) = match resolved {
                    Ok(_) => (
                        format!(
                            "this link points outside the site (to {}), so it is not followed",
                            target.display()
                        ),
                        "copy the file into the site instead of linking to it",
                    ),
                    Err(_) => (
                        format!(
                            "this link is broken or loops (it points to {})",
                            target.display()
                        ),
                        "delete the link, or point it at a file inside the site",
                    ),
                };
                Diagnostic::warning("PP0801", display_path(settings, entry.path()), message)
                    .with_hint(hint)
            })
        })
        .collect()
}

fn walk_problem(settings: &Settings, err: &walkdir::Error) -> Option<Diagnostic> {
    let path = err
        .path()
        .map(|p| display_path(settings, p))
        .unwrap_or_default();
    if err.loop_ancestor().is_some() {
        return Some(
            Diagnostic::warning(
                "PP0802",
                path,
                "this folder link loops back on itself, so it is skipped",
            )
            .with_hint("remove the link that points to one of its own parent folders"),
        );
    }
    // A broken link, or links that point at each other, cannot be followed; that is
    // already a warning from `escaped_links`, not a file the user cannot read.
    let is_link = err
        .path()
        .and_then(|p| std::fs::symlink_metadata(p).ok())
        .is_some_and(|m| m.file_type().is_symlink());
    if is_link {
        return None;
    }
    Some(
        Diagnostic::error(
            "PP0010",
            path,
            format!("this file or folder cannot be read: {err}"),
        )
        .with_hint("check that it exists and that you have permission to read it"),
    )
}

#[derive(Debug, Clone)]
enum Item {
    Entry(Box<Document>),
    Incomplete(Box<Document>),
    Page(PageDocument),
    Translation(Box<Translation>),
}

/// One content file read and parsed: the load stage's result for one file, which the
/// preview server keeps between saves.
#[derive(Debug, Clone)]
pub(crate) struct LoadedFile {
    source: Option<SourceFile>,
    item: Option<Item>,
    /// Every problem found while reading and parsing the file.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl LoadedFile {
    /// The file's text, when it could be read.
    pub(crate) fn text(&self) -> Option<&str> {
        self.source.as_ref().map(|s| s.text.as_str())
    }
}

/// Reads and parses one content file (`display` is the path the user sees).
pub(crate) fn load_file(kind: FileKind, full: &Path, display: &Path) -> LoadedFile {
    let source = match SourceFile::read(full, display) {
        Ok(source) => source,
        Err(diagnostic) => {
            return LoadedFile {
                source: None,
                item: None,
                diagnostics: vec![diagnostic],
            };
        }
    };
    let (item, diagnostics) = parse_source(kind, &source);
    LoadedFile {
        source: Some(source),
        item,
        diagnostics,
    }
}

/// Parses an in-memory file; used by the loader, the watcher and tests.
pub fn parse_document(
    kind: FileKind,
    source: &SourceFile,
) -> (Option<ParsedItem>, Vec<Diagnostic>) {
    let (item, diagnostics) = parse_source(kind, source);
    let item = item.and_then(|item| match item {
        Item::Entry(document) => Some(ParsedItem::Entry(document)),
        Item::Incomplete(_) => None,
        Item::Page(page) => Some(ParsedItem::Page(page)),
        Item::Translation(_) => None,
    });
    (item, diagnostics)
}

/// A parsed content file.
pub enum ParsedItem {
    /// A story or nomination.
    Entry(Box<Document>),
    /// A plain page.
    Page(PageDocument),
}

fn parse_source(kind: FileKind, source: &SourceFile) -> (Option<Item>, Vec<Diagnostic>) {
    let parts = match split_front_matter(source) {
        Ok(parts) => parts,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    if let Some((language, original)) = translation::translation_of(&source.path) {
        let (translation, problems) =
            translation::parse_translation(source, parts, language, original);
        let item = translation.map(|t| Item::Translation(Box::new(t)));
        return (item, problems);
    }
    let body = parts.body(&source.text).to_string();
    let body_line = source.text[..parts.body_start].matches('\n').count() + 1;
    let mut converter = convert::Converter::new(source, &parts);
    let item = match kind {
        FileKind::Story => {
            let raw = converter.take(front_matter::parse::<RawStory>(source, &parts));
            Some(document_item(
                source,
                parts,
                converter.story(raw, body, body_line),
            ))
        }
        FileKind::Nomination => {
            let raw = converter.take(front_matter::parse::<RawNomination>(source, &parts));
            Some(document_item(
                source,
                parts,
                converter.nomination(raw, body, body_line),
            ))
        }
        FileKind::Page => {
            let raw = converter.take(front_matter::parse::<RawPage>(source, &parts));
            page_from(raw, source, &mut converter, body, body_line).map(Item::Page)
        }
    };
    let problems = with_file(std::mem::take(&mut converter.problems), &source.path);
    // A file with errors is still kept when it could be built, so later rules can add
    // their findings; the build refuses to publish while any error remains.
    (item, problems)
}

fn document_item(source: &SourceFile, parts: Parts, converted: convert::Converted) -> Item {
    let document = Box::new(Document {
        source: source.clone(),
        parts,
        entry: converted.entry,
        private: converted.private,
    });
    if converted.complete {
        Item::Entry(document)
    } else {
        Item::Incomplete(document)
    }
}

fn page_from(
    raw: RawPage,
    source: &SourceFile,
    converter: &mut convert::Converter,
    body: String,
    body_line: usize,
) -> Option<PageDocument> {
    let title = match raw.title.map(|t| t.0.trim().to_string()) {
        Some(title) if !title.is_empty() => title,
        Some(_) => {
            converter.problems.push(
                converter
                    .at_key(&["title"], "PP0210", "`title` is empty".into())
                    .with_hint("write something after `title:`, e.g. `title: About this site`"),
            );
            return None;
        }
        None => {
            converter.missing("title", "About this site");
            return None;
        }
    };
    let stem = source
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let explicit = raw.slug.is_some();
    let slug = crate::util::slugify(&raw.slug.map(|s| s.0).unwrap_or(stem));
    if slug.is_empty() {
        let diagnostic = converter.no_address(explicit);
        converter.problems.push(diagnostic);
        return None;
    }
    Some(PageDocument {
        source: source.clone(),
        page: Page {
            source: source.path.clone(),
            slug,
            title,
            summary: raw
                .summary
                .map(|s| s.0.trim().to_string())
                .unwrap_or_default(),
            draft: raw.draft.unwrap_or(false),
            body,
            body_line,
        },
    })
}

/// The closest allowed field name to a misspelt one.
pub(crate) fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    crate::diagnostic::suggest::did_you_mean(word, candidates)
}
