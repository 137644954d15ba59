//! Field rules: lengths, vocabularies, consent, images, voice notes, links and slugs.

use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::convert::Converter;
use crate::load::{Document, Library};
use crate::model::{Entry, EntryKind};
pub use crate::rules::{MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use crate::util::{slugify, LineIndex};

/// URL sections the tool itself publishes; a page slug may not take one of them.
pub const RESERVED_SLUGS: &[&str] = &[
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

pub fn check_documents(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    check_chosen_documents(
        settings,
        library,
        &|_| true,
        &KnownPaths::new(settings, library),
    )
}

/// [`check_documents`] for the files `chosen` picks, with every file as context.
pub fn check_chosen_documents(
    settings: &Settings,
    library: &Library,
    chosen: &(dyn Fn(&Path) -> bool + Sync),
    known: &KnownPaths,
) -> Vec<Diagnostic> {
    super::chosen_documents(library, chosen)
        .flat_map_iter(|document| check_document(settings, document, known))
        .chain(
            library
                .pages
                .par_iter()
                .filter(|page| chosen(&page.source.path))
                .flat_map_iter(|page| {
                    check_body_links(
                        &page.source.path,
                        &page.source.text,
                        page.page.body_line,
                        &page.page.body,
                        known,
                    )
                }),
        )
        .collect()
}

fn check_document(settings: &Settings, document: &Document, known: &KnownPaths) -> Vec<Diagnostic> {
    let converter = Converter::new(&document.source, &document.parts);
    let entry = &document.entry;
    let mut problems = Vec::new();
    problems.extend(check_lengths(&converter, entry));
    problems.extend(check_vocabulary(settings, &converter, entry));
    problems.extend(check_consent(&converter, document));
    problems.extend(check_image(settings, &converter, entry));
    problems.extend(check_voice_note(settings, &converter, entry));
    problems.extend(check_word_count(settings, document));
    problems.extend(check_story_has_text(document));
    problems.extend(check_nesting(document));
    problems.extend(check_body_links(
        &document.source.path,
        &document.source.text,
        entry.body_line,
        &entry.body,
        known,
    ));
    problems
}

fn check_lengths(converter: &Converter, entry: &Entry) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let title_chars = entry.title.chars().count();
    if title_chars > MAX_TITLE_CHARS {
        problems.push(
            converter
                .at_key(&["title"], "PP0201", format!("the title is {title_chars} characters long; the limit is {MAX_TITLE_CHARS}"))
                .with_hint("shorten the title: it appears in listings, feeds and social media previews; put detail in the summary"),
        );
    }
    let summary_chars = entry.summary.chars().count();
    if summary_chars > MAX_SUMMARY_CHARS && entry.kind == EntryKind::Story {
        problems.push(
            converter
                .at_key(&["summary"], "PP0202", format!("the summary is {summary_chars} characters long; the limit is {MAX_SUMMARY_CHARS}"))
                .with_hint("keep the summary to one or two sentences: it is used in listings, feeds, search results and social previews"),
        );
    }
    problems
}

fn check_vocabulary(settings: &Settings, converter: &Converter, entry: &Entry) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some(service) = &entry.service {
        if !settings.services.iter().any(|s| s == service) {
            problems.push(not_in_vocabulary(
                converter,
                "service",
                service,
                &settings.services,
                "PP0204",
            ));
        }
    }
    for area in &entry.practice_areas {
        if !settings.practice_areas.iter().any(|a| a == area) {
            problems.push(not_in_vocabulary(
                converter,
                "practice_areas",
                area,
                &settings.practice_areas,
                "PP0205",
            ));
        }
    }
    problems
}

fn not_in_vocabulary(
    converter: &Converter,
    key: &str,
    value: &str,
    allowed: &[String],
    code: &'static str,
) -> Diagnostic {
    let candidates: Vec<&str> = allowed.iter().map(String::as_str).collect();
    let suggestion = crate::diagnostic::suggest::did_you_mean(value, &candidates)
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default();
    let list = if allowed.is_empty() {
        format!("site.yaml has no `{key}` list yet; ask the site's editor to add one")
    } else {
        format!(
            "the allowed values (from site.yaml) are: {}",
            allowed.join(", ")
        )
    };
    converter
        .at_value(
            key,
            value,
            code,
            format!(
                "`{value}` is not one of this site's {}",
                vocabulary_name(key)
            ),
        )
        .with_hint(format!("{suggestion}{list}"))
}

/// The vocabulary a key draws from, in words: `service` → "services".
fn vocabulary_name(key: &str) -> String {
    let words = key.replace('_', " ");
    if words.ends_with('s') {
        words
    } else {
        format!("{words}s")
    }
}

fn check_consent(converter: &Converter, document: &Document) -> Vec<Diagnostic> {
    let entry = &document.entry;
    let Some(consent) = &entry.consent else {
        return Vec::new();
    };
    if entry.draft {
        return Vec::new();
    }
    let mut problems = Vec::new();
    if !consent.recorded {
        problems.push(
            converter
                .at_key(&["consent", "recorded"], "PP0206", "consent to publish has not been recorded".into())
                .with_hint("publish only when everyone identifiable in the story has agreed; then write `recorded: true` under `consent:`"),
        );
    }
    if document
        .private
        .consent_recorded_by
        .as_deref()
        .is_none_or(str::is_empty)
    {
        problems.push(
            converter
                .at_key(&["consent"], "PP0206", "`consent` does not say who recorded it".into())
                .with_hint("add `by:` under `consent:` with the role of the person who recorded consent, e.g. `by: Team manager`"),
        );
    }
    // A date written but impossible has been reported where it is written.
    if consent.date.is_none() && !converter.has_key(&["consent", "date"]) {
        problems.push(
            converter
                .at_key(&["consent"], "PP0206", "`consent` has no date".into())
                .with_hint(
                    "add `date: YYYY-MM-DD` under `consent:` with the day consent was recorded",
                ),
        );
    }
    problems
}

fn check_word_count(settings: &Settings, document: &Document) -> Vec<Diagnostic> {
    let entry = &document.entry;
    if entry.kind != EntryKind::Nomination {
        return Vec::new();
    }
    let rules = &settings.nominations;
    let words = super::words::count_words(&entry.body);
    let (code, message, hint) = if words < rules.min_words {
        (
            "PP0301",
            format!("the nomination is {words} words long; it needs at least {}", rules.min_words),
            format!("tell us more about what your colleague did and the difference it made: {} at least", words_text(rules.min_words - words, "more ")),
        )
    } else if words > rules.max_words {
        (
            "PP0302",
            format!(
                "the nomination is {words} words long; the limit is {}",
                rules.max_words
            ),
            format!(
                "shorten it by {} or more: keep the moments that show what makes them brilliant",
                words_text(words - rules.max_words, "")
            ),
        )
    } else {
        return Vec::new();
    };
    vec![Diagnostic::error(code, &document.source.path, message)
        .at(first_text_line(entry), 1, 1)
        .with_hint(hint)]
}

/// The line of the body's first text, not the blank line that usually follows `---`.
fn first_text_line(entry: &Entry) -> usize {
    let skipped = entry
        .body
        .lines()
        .position(|line| !line.trim().is_empty())
        .unwrap_or(0);
    entry.body_line + skipped
}

/// "1 more word", "3 more words".
fn words_text(n: usize, more: &str) -> String {
    if n == 1 {
        format!("1 {more}word")
    } else {
        format!("{n} {more}words")
    }
}

/// A story made by `practice-press new` starts with only guidance notes; until the
/// writer adds text, say so plainly rather than publish an empty page. A warning, since
/// a draft may be saved half-written on purpose.
fn check_story_has_text(document: &Document) -> Option<Diagnostic> {
    let entry = &document.entry;
    if entry.kind != EntryKind::Story || super::words::count_words(&entry.body) > 0 {
        return None;
    }
    Some(
        Diagnostic::warning("PP0213", &document.source.path, "the story has no text yet")
            .at(first_text_line(entry), 1, 1)
            .with_hint("write the story below the front matter (after the second `---` line); notes between <!-- and --> are not published and do not count"),
    )
}

/// A body nested deeper than the renderer parses quickly is shown as plain text; say
/// so rather than publish a story that silently lost its formatting.
fn check_nesting(document: &Document) -> Vec<Diagnostic> {
    use crate::rules::markdown::{markdown_nesting, MAX_NESTING};
    let entry = &document.entry;
    if markdown_nesting(&entry.body) <= MAX_NESTING {
        return Vec::new();
    }
    vec![Diagnostic::error(
        "PP0214",
        &document.source.path,
        format!("the text is nested more than {MAX_NESTING} levels deep (quotes, lists or HTML tags inside each other)"),
    )
    .at(entry.body_line, 1, 1)
    .with_hint("this usually comes from pasted web page code or a long run of > signs; remove the extra levels")]
}

fn check_image(settings: &Settings, converter: &Converter, entry: &Entry) -> Vec<Diagnostic> {
    let Some(image) = &entry.image else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if image.alt.is_empty() && !image.decorative {
        problems.push(
            converter
                .at_key(&["image"], "PP0208", "the image has no alternative text (`alt`)".into())
                .with_hint("describe what the picture shows for people who cannot see it, e.g. `alt: Two mugs of tea on a kitchen table`; only if it is pure decoration write `alt: \"\"` and `decorative: true`"),
        );
    }
    if image.credit.is_empty() {
        problems.push(
            converter
                .at_key(&["image"], "PP0208", "the image has no `credit`".into())
                .with_hint("say who took or made the picture, e.g. `credit: Photo by Anytown Council`; journalists need it to reuse the image"),
        );
    }
    problems.extend(check_media_file(settings, converter, "image", &image.src));
    problems
}

fn check_voice_note(settings: &Settings, converter: &Converter, entry: &Entry) -> Vec<Diagnostic> {
    let Some(note) = &entry.voice_note else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let max = settings.nominations.voice_note_max_seconds;
    if note.duration_seconds <= 0.0 {
        problems.push(
            converter
                .at_key(
                    &["voice_note"],
                    "PP0303",
                    "the voice note does not say how long it is".into(),
                )
                .with_hint(
                    "add `duration_seconds:` under `voice_note:` with the length in seconds",
                ),
        );
    } else if note.duration_seconds > f64::from(max) {
        problems.push(
            converter
                .at_key(
                    &["voice_note", "duration_seconds"],
                    "PP0303",
                    format!(
                        "the voice note lasts {} seconds; the limit is {max}",
                        note.duration_seconds
                    ),
                )
                .with_hint(format!("record a shorter note, of {max} seconds at most")),
        );
    }
    if note.transcript.is_empty() {
        problems.push(
            converter
                .at_key(&["voice_note"], "PP0304", "the voice note has no transcript".into())
                .with_hint("add `transcript:` under `voice_note:` with the words spoken, so people who cannot hear it can read it"),
        );
    }
    problems.extend(check_media_file(
        settings,
        converter,
        "voice_note",
        &note.src,
    ));
    problems
}

fn check_media_file(
    settings: &Settings,
    converter: &Converter,
    key: &str,
    src: &str,
) -> Vec<Diagnostic> {
    if src.is_empty() {
        return vec![converter
            .at_key(&[key], "PP0502", format!("`{key}` has no `src`"))
            .with_hint("add `src: /media/<folder>/<file>` pointing at a file in content/media/")];
    }
    if !src.starts_with("/media/") {
        return vec![converter
            .at_value(key, src, "PP0503", format!("`{src}` is not in the site's media folder"))
            .with_hint("put the file in content/media/ and write its path from there, e.g. `/media/images/photo.jpg`; files from other websites are not allowed")];
    }
    if !media_exists(settings, src) {
        return vec![converter
            .at_value(
                key,
                src,
                "PP0502",
                format!("the file `{src}` does not exist"),
            )
            .with_hint(format!("put the file at content{src}, or correct the path"))];
    }
    Vec::new()
}

fn media_exists(settings: &Settings, src: &str) -> bool {
    let relative = percent_decode(src.trim_start_matches('/'));
    if relative.split('/').any(|part| part == "..") {
        return false;
    }
    settings.content_dir().join(relative).is_file()
}

/// Decodes `%20`-style escapes in a link so `/media/my%20photo.jpg` finds the file.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every URL path the site will publish, to check internal links against.
pub struct KnownPaths {
    paths: HashSet<String>,
    content_dir: std::path::PathBuf,
}

impl KnownPaths {
    pub fn new(settings: &Settings, library: &Library) -> Self {
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

fn normalise_path(path: &str) -> String {
    let trimmed = path.trim_end_matches("index.html").trim_end_matches('/');
    format!("{trimmed}/")
}

/// Links in a markdown body that start with `/` must lead to a page or file of this site.
pub fn check_body_links(
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
pub fn check_site_wide(_settings: &Settings, library: &Library) -> Vec<Diagnostic> {
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

#[cfg(test)]
mod tests {
    use crate::build::{check, BuildOptions};

    /// The codes `check` reports for a site holding one story with `body`.
    fn codes_for_story_body(body: &str) -> Vec<(&'static str, bool)> {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.yaml"),
            "title: T\nbase_url: https://example.org\nservices: [children]\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/stories")).unwrap();
        let story = format!(
            "---\ntitle: A story\ndate: 2026-01-02\nsummary: S\ncouncil: Anytown\nservice: children\nauthors: [{{ name: Sam, role: Social worker }}]\nconsent: {{ recorded: true, by: Team manager, date: 2026-01-01 }}\n---\n{body}"
        );
        std::fs::write(root.join("content/stories/a.md"), story).unwrap();
        check(&BuildOptions::new(root))
            .diagnostics
            .iter()
            .map(|d| (d.code, d.is_error()))
            .collect()
    }

    #[test]
    fn a_story_of_guidance_notes_only_has_no_text_yet() {
        let body = "\n<!-- Write your story here. -->\n<!-- What changed? -->\n";
        assert_eq!(codes_for_story_body(body), vec![("PP0213", false)]);
        assert_eq!(codes_for_story_body(""), vec![("PP0213", false)]);
    }

    #[test]
    fn a_story_with_words_has_text() {
        let body = "<!-- Write your story here. -->\nWe met every week.\n";
        assert_eq!(codes_for_story_body(body), vec![]);
    }
}
