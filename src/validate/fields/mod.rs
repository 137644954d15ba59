//! Field rules: lengths, vocabularies, consent, images, voice notes, links and slugs.
//!
//! This file checks one document's own fields; `media` the image and voice note,
//! `links` the links in a body, and `addresses` the rules across files.

mod addresses;
mod links;
mod media;

pub(crate) use addresses::check_site_wide;
pub(crate) use links::{check_body_links, KnownPaths};
use media::{check_image, check_voice_note};

use rayon::prelude::*;
use std::path::Path;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::convert::Converter;
use crate::load::{Document, Library};
use crate::model::{Entry, EntryKind};
pub(crate) use crate::rules::{MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};

/// Checks the files `chosen` picks, with every file as context.
pub(crate) fn check_chosen_documents(
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
