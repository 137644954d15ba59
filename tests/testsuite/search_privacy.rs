//! What the published search bundle holds, read back the way anyone who downloads it
//! can: anonymous people's names, drafts, embargoed items, entries whose consent was
//! withdrawn and `sensitive_terms` are
//! never in it; public titles and the labels that stand in for anonymous people are.
//!
//! The site is `tests/fixtures/search/privacy`, built with the real pipeline
//! (`build_into`, search on) into memory. Every secret there is a made-up word that
//! appears nowhere else, so finding any trace of it in the bundle is a leak.

use crate::support::copy_tree;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use practice_press::build::{build_into, check, BuildError, BuildOptions};
use practice_press::render::markdown::render_markdown;
use practice_press::render::records::search_record;
use practice_press::render::NoProgress;
use practice_press::resolve::PublishOptions;
use practice_press::search::BUNDLE_DIR;
use practice_press::write::MemorySink;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/search/privacy");

/// Before the embargo lifts (2026-03-02 09:00 UTC).
const BEFORE_EMBARGO: &str = "2026-03-01T12:00:00Z";
const AFTER_EMBARGO: &str = "2026-03-02T09:00:01Z";

/// Names of the fixture's anonymous author, nominee and nominator.
const ANONYMOUS_NAMES: [&str; 3] = [
    "Eberhardt Quillfeather",
    "Philippa Vandersloot",
    "Octavian Brightwater",
];
const DRAFT_TITLE: &str = "Marmalade respite weekends, still in draft";
/// A word found only in the draft's body.
const DRAFT_WORD: &str = "quokkaville";
const EMBARGOED_TITLE: &str = "Harbourside carers hub opens its doors";
/// A word found only in the embargoed story's body.
const EMBARGOED_WORD: &str = "zephyrine";
const WITHDRAWN_TITLE: &str = "Brackenwold allotment mornings";
/// A word found only in the story whose consent was withdrawn.
const WITHDRAWN_WORD: &str = "sorrelgate";
/// The fixture's `sensitive_terms`; it appears in the file only where nothing is
/// published (the consent note), which the validator allows.
const SENSITIVE_TERM: &str = "Thaddeus";

fn options(root: PathBuf, now: &str, drafts: bool) -> BuildOptions {
    BuildOptions {
        site_root: root,
        publish: PublishOptions {
            now: now.parse::<Timestamp>().expect("time"),
            include_drafts: drafts,
        },
        deny_warnings: false,
        search: true,
    }
}

/// Builds the site into memory and returns every file.
fn build(root: PathBuf, now: &str) -> BTreeMap<String, Arc<Vec<u8>>> {
    let sink = MemorySink::new();
    match build_into(&options(root, now, false), &sink, &NoProgress) {
        Ok(_) => sink.into_files(),
        Err(BuildError::Content(problems)) => panic!("build failed: {problems:#?}"),
        Err(err) => panic!("build failed: {err}"),
    }
}

/// Every file under the index folder, lowercased: what the index gives away.
fn readable_bundle(files: &BTreeMap<String, Arc<Vec<u8>>>) -> String {
    let bundle: Vec<_> = files
        .iter()
        .filter(|(path, _)| path.starts_with(&format!("{BUNDLE_DIR}/")))
        .collect();
    assert!(
        bundle
            .iter()
            .any(|(path, _)| path.contains("/d/") && path.ends_with(".json")),
        "the build wrote a search index with documents: {:?}",
        bundle.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let mut text = String::new();
    for (path, bytes) in bundle {
        text.push_str(&readable(path, bytes));
        text.push('\n');
    }
    text
}

/// One index file as text: JSON, or binary postings that hold only numbers (gzip is
/// undone in case a later version compresses files).
fn readable(path: &str, bytes: &[u8]) -> String {
    let mut plain = Vec::new();
    if bytes.starts_with(&[0x1f, 0x8b]) {
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut plain)
            .unwrap_or_else(|e| panic!("{path} is not valid gzip: {e}"));
    } else {
        plain.extend_from_slice(bytes);
    }
    String::from_utf8_lossy(&plain).to_lowercase()
}

/// The forms a word can take in the bundle: as written, and the start of it, since
/// index words are stemmed ("quillfeather" may be stored as "quillfeath").
fn traces(secret: &str) -> Vec<String> {
    let mut out = vec![secret.to_lowercase()];
    for word in secret.split_whitespace() {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if word.chars().count() >= 5 {
            out.push(word.chars().take(6).collect());
        }
    }
    out
}

fn secrets() -> Vec<&'static str> {
    let mut secrets = ANONYMOUS_NAMES.to_vec();
    secrets.extend([
        DRAFT_TITLE,
        DRAFT_WORD,
        EMBARGOED_TITLE,
        EMBARGOED_WORD,
        WITHDRAWN_TITLE,
        WITHDRAWN_WORD,
        SENSITIVE_TERM,
    ]);
    secrets
}

fn assert_absent(bundle: &str, secret: &str) {
    for trace in traces(secret) {
        assert!(
            !bundle.contains(&trace),
            "{trace:?} (from {secret:?}) is in the search bundle"
        );
    }
}

fn assert_present(bundle: &str, text: &str) {
    assert!(
        bundle.contains(&text.to_lowercase()),
        "{text:?} is missing from the search bundle"
    );
}

#[test]
fn the_fixture_holds_every_secret_the_tests_look_for() {
    // Guards the test itself: if a secret were edited out of the fixture, its absence
    // from the bundle would prove nothing.
    let mut sources = String::new();
    // The build keeps its social cards in .practice-press-cache/ beside the content:
    // pictures, not sources.
    for entry in walkdir::WalkDir::new(FIXTURE)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".practice-press-cache")
    {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            sources.push_str(&std::fs::read_to_string(entry.path()).expect("read"));
        }
    }
    for secret in secrets() {
        assert!(sources.contains(secret), "{secret:?} is not in the fixture");
    }
    assert!(sources.contains("draft: true"));
    assert!(sources.contains("withdrawn: true"));
    assert!(sources.contains("embargo: 2026-03-02T09:00:00+00:00"));
    assert!(sources.contains("sensitive_terms: [\"Thaddeus\"]"));
}

#[test]
fn the_bundle_holds_no_anonymous_name_draft_embargoed_item_or_sensitive_term() {
    let files = build(FIXTURE.into(), BEFORE_EMBARGO);
    let bundle = readable_bundle(&files);
    for secret in secrets() {
        assert_absent(&bundle, secret);
    }

    // The same reading finds what the pages publish, so the checks above can fail.
    for public in [
        "Lanterns at the family hub",
        "Marisol Penhaligon",
        "A team manager at Wrenfield Council",
        "A duty manager at Wrenfield Council",
        "An occupational therapist at Wrenfield Council",
        "Supervision that made room for a young person's voice",
        "lantern-lit",
        "Kinship care",
    ] {
        assert_present(&bundle, public);
    }
}

#[test]
fn an_embargoed_story_is_indexed_once_its_embargo_has_passed() {
    let before = readable_bundle(&build(FIXTURE.into(), BEFORE_EMBARGO));
    assert_absent(&before, EMBARGOED_TITLE);
    assert_absent(&before, EMBARGOED_WORD);

    let after = readable_bundle(&build(FIXTURE.into(), AFTER_EMBARGO));
    assert_present(&after, EMBARGOED_TITLE);
    assert_present(&after, EMBARGOED_WORD);
    // Lifting the embargo publishes nothing else that was held back.
    for secret in ANONYMOUS_NAMES
        .into_iter()
        .chain([DRAFT_TITLE, DRAFT_WORD, SENSITIVE_TERM])
    {
        assert_absent(&after, secret);
    }
}

#[test]
fn a_sensitive_term_in_published_text_stops_the_build_before_anything_is_indexed() {
    let site = tempfile::tempdir().expect("temp dir");
    copy_tree(FIXTURE.as_ref(), site.path());
    let story = site
        .path()
        .join("content/stories/supervision-with-a-changed-name.md");
    let text = std::fs::read_to_string(&story).expect("read");
    std::fs::write(
        &story,
        text.replace("A young person I will call T", "Thaddeus"),
    )
    .expect("write");

    let sink = MemorySink::new();
    let problems = match build_into(
        &options(site.path().into(), BEFORE_EMBARGO, false),
        &sink,
        &NoProgress,
    ) {
        Err(BuildError::Content(problems)) => problems,
        other => panic!("expected the build to be refused, got {other:?}"),
    };
    assert!(problems.iter().any(|p| p.code == "PP0403"), "{problems:#?}");
    let written: Vec<String> = sink.into_files().into_keys().collect();
    assert!(
        !written.iter().any(|p| p.starts_with(BUNDLE_DIR)),
        "search files were written: {written:?}"
    );
}

/// Below the bundle: the record made for each entry carries public fields only, even
/// for drafts and embargoed items (which the build never indexes) and even though
/// the loaded file also holds the anonymous names, the consent note and the
/// `sensitive_terms` list.
#[test]
fn search_records_are_made_from_public_fields_only() {
    let options = options(FIXTURE.into(), "2030-01-01T00:00:00Z", true);
    let checked = check(&options);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    let site = checked.site.as_ref().expect("site");
    assert_eq!(
        site.entries.len(),
        checked.library.documents.len() - 1,
        "every entry, draft and embargoed ones too, is in this site; not the withdrawn one"
    );

    let mut private = Vec::new();
    for document in &checked.library.documents {
        private.extend(document.private.anonymous_names.iter().cloned());
        private.extend(document.private.sensitive_terms.iter().cloned());
    }
    for expected in ANONYMOUS_NAMES.into_iter().chain([SENSITIVE_TERM]) {
        assert!(
            private.iter().any(|p| p == expected),
            "{expected:?} was not loaded as private: {private:?}"
        );
    }
    // The consent notes name people too ("Eberhardt Quillfeather, for the team",
    // "Dev Ramaswamy, with Thaddeus and his grandmother"); this part of one is in no
    // public field.
    private.push("his grandmother".into());

    let mut all_records = String::new();
    for entry in &site.entries {
        let body = render_markdown(&entry.body, &site.settings.base_path);
        let record = search_record(site, entry, &body.text);
        let text = format!("{record:?}").to_lowercase();
        for secret in &private {
            for trace in traces(secret) {
                assert!(
                    !text.contains(&trace),
                    "{trace:?} from private {secret:?} is in the record for {}: {record:#?}",
                    entry.source.display()
                );
            }
        }
        all_records.push_str(&text);
    }
    // What the records do carry, so the check above has something to miss.
    for public in [
        "marisol penhaligon",
        "a team manager at wrenfield council",
        "a duty manager at wrenfield council",
        DRAFT_WORD,
        EMBARGOED_WORD,
    ] {
        assert!(all_records.contains(public), "{public:?} not in any record");
    }
}
