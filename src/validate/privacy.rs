//! Privacy rules: anonymous names, personal data and sensitive terms, each reported at
//! the exact line and column where it appears in the file.

use rayon::prelude::*;
use std::ops::Range;

use super::leak_hint;
use super::personal_data::{allowed, find_personal_data};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::{locate, Document, Library};
use crate::names::declared::name_values;
use crate::names::skeleton::{skeleton, Skeletons};
use crate::names::{find_terms, NameMatcher};
use crate::util::LineIndex;

/// Checks the files `chosen` picks; each file is checked on its own.
pub(crate) fn check_chosen_documents(
    _settings: &Settings,
    library: &Library,
    chosen: &(dyn Fn(&std::path::Path) -> bool + Sync),
) -> Vec<Diagnostic> {
    super::chosen_documents(library, chosen)
        .flat_map_iter(check_document)
        .collect()
}

fn check_document(document: &Document) -> Vec<Diagnostic> {
    let mut problems = check_text(document);
    for name in &document.private.anonymous_names {
        problems.extend(name_in_address(document, name));
    }
    problems
}

/// The privacy rules over a translation: `document` is its original with the
/// translation's file, title, summary and body in place, so the original's anonymous
/// names, `sensitive_terms` and exceptions are looked for in the translation's text and
/// reported at its lines. The address is the original's, already checked there.
pub(crate) fn check_translated(document: &Document) -> Vec<Diagnostic> {
    check_text(document)
}

fn check_text(document: &Document) -> Vec<Diagnostic> {
    let unpublished = unpublished_ranges(document);
    let published = blank_out(&document.source.text, &unpublished);
    let mut problems = anonymous_name_leaks(document, &published, &unpublished);
    problems.extend(personal_data_in_body(document));
    problems.extend(sensitive_terms(document, &published, &unpublished));
    problems
}

/// The file's text with the parts that are never published turned into spaces, byte for
/// byte, so places found in it are places in the file. Searching only the published text
/// means a name that appears only where it is given (as it must) costs no regex at all.
fn blank_out(text: &str, unpublished: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in unpublished {
        if let Some(part) = bytes.get_mut(range.clone()) {
            part.fill(b' ');
        }
    }
    // Whole lines are blanked, so no character is cut in two; if one ever were, the
    // whole text is searched, as it always was before.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Parts of the file that are never published: the names of anonymous people (in any
/// YAML style they are written), who recorded consent, and the lists of terms and exceptions themselves.
fn unpublished_ranges(document: &Document) -> Vec<Range<usize>> {
    let text = &document.source.text;
    let parts = &document.parts;
    let yaml = parts.yaml(text);
    let mut ranges: Vec<Range<usize>> = ["consent", "sensitive_terms", "allow_personal_data"]
        .iter()
        .filter_map(|key| locate::key_block(yaml, key))
        .map(|r| parts.yaml_start + r.start..parts.yaml_start + r.end)
        .collect();
    for name in &document.private.anonymous_names {
        ranges.extend(
            name_values(yaml, name)
                .into_iter()
                .map(|r| parts.yaml_start + r.start..parts.yaml_start + r.end),
        );
    }
    ranges
}

fn outside(ranges: &[Range<usize>], found: &Range<usize>) -> bool {
    !ranges
        .iter()
        .any(|r| r.start <= found.start && found.end <= r.end)
}

fn anonymous_name_leaks(
    document: &Document,
    published: &str,
    unpublished: &[Range<usize>],
) -> Vec<Diagnostic> {
    let text = &document.source.text;
    let index = LineIndex::new(text);
    let named = named_people_ranges(document);
    let mut problems = Vec::new();
    for name in &document.private.anonymous_names {
        let matcher = NameMatcher::new(name);
        for found in matcher.find_in(published) {
            if !outside(unpublished, &found) {
                continue;
            }
            if !matcher.is_full_name(&text[found.clone()]) && !outside(&named, &found) {
                continue;
            }
            let (line, column) = index.position(found.start);
            problems.push(
                Diagnostic::error(
                    "PP0401",
                    &document.source.path,
                    "this is the name of a person who asked to be anonymous",
                )
                .at(line, column, text[found.clone()].chars().count())
                .with_hint(leak_hint::hint(document, &found)),
            );
        }
    }
    problems
}

/// Where the full names of people who are named publicly appear, in any writing. A shared first name
/// ("Uzma" in the named nominee "Uzma Tennant" when the anonymous nominator is another
/// Uzma) is not a leak there; the same word on its own elsewhere still is.
fn named_people_ranges(document: &Document) -> Vec<Range<usize>> {
    let text = &document.source.text;
    document
        .entry
        .people()
        .into_iter()
        // A person written without a name has an empty one, which would match everywhere.
        .filter(|person| !person.anonymous && !person.public_name.trim().is_empty())
        .filter(|person| {
            !document
                .private
                .anonymous_names
                .contains(&person.public_name)
        })
        .flat_map(|person| Skeletons::new([skeleton(&person.public_name)], 1).find_in(text))
        .collect()
}

/// The page address comes from the file name or `slug:`, so it must not carry the name.
fn name_in_address(document: &Document, name: &str) -> Option<Diagnostic> {
    let slug = &document.entry.slug;
    let found = NameMatcher::new(name).find_in(slug);
    if found.is_empty() {
        return None;
    }
    let leaked: Vec<&str> = found.iter().map(|r| &slug[r.clone()]).collect();
    Some(
        Diagnostic::error(
            "PP0401",
            &document.source.path,
            format!(
                "the page address /{}/ contains the name of a person who asked to be anonymous",
                slug
            ),
        )
        .with_hint(leak_hint::address_hint(slug, &leaked)),
    )
}

fn personal_data_in_body(document: &Document) -> Vec<Diagnostic> {
    let text = &document.source.text;
    let body_start = document.parts.body_start;
    let body = &text[body_start..];
    let index = LineIndex::new(text);
    let what = document.entry.kind.label().to_lowercase();
    // Only stories have a `media_contact` field to move a contact to.
    let where_contacts = match document.entry.kind {
        crate::model::EntryKind::Story => "contact details belong in `media_contact`, and ",
        crate::model::EntryKind::Nomination => "",
    };
    find_personal_data(body)
        .into_iter()
        .filter(|found| !allowed(&body[found.range.clone()], &document.private.allow_personal_data))
        .map(|found| {
            let matched = &body[found.range.clone()];
            let (line, column) = index.position(body_start + found.range.start);
            Diagnostic::error("PP0402", &document.source.path, format!("the {} text contains {}", what, found.kind.describe()))
                .at(line, column, matched.chars().count())
                .with_hint(format!(
                    "remove it: {where_contacts}details of the people written about must not be published; if this exact text must stay (for example a public helpline), add `allow_personal_data: [\"{matched}\"]` to the front matter"
                ))
        })
        .collect()
}

fn sensitive_terms(
    document: &Document,
    published: &str,
    unpublished: &[Range<usize>],
) -> Vec<Diagnostic> {
    let terms = &document.private.sensitive_terms;
    if terms.is_empty() {
        return Vec::new();
    }
    let text = &document.source.text;
    let index = LineIndex::new(text);
    find_terms(published, terms)
        .into_iter()
        .filter(|(_, found)| outside(unpublished, found))
        .map(|(_, found)| {
            let (line, column) = index.position(found.start);
            Diagnostic::error("PP0403", &document.source.path, "this word is listed in `sensitive_terms`, so it must not be published")
                .at(line, column, text[found.clone()].chars().count())
                .with_hint("replace it (for example with an initial or a role); `sensitive_terms` lists words such as a child's real name used while drafting")
        })
        .collect()
}
