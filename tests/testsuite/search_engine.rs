//! The search indexer seen from outside: what goes into the published bundle, what
//! stays out of it, and what a caller is told when a record cannot be indexed.
//!
//! Ranking as the browser computes it, and the UI, are tested in `tests/browser/`
//! against an index built by `examples/search_fixture.rs`.

use std::io::Read;

use practice_press::search::{RecordKind, SearchError, SearchFile, SearchIndexer, SearchRecord};

fn story(slug: &str, title: &str, body: &str) -> SearchRecord {
    SearchRecord {
        url: format!("/sub/stories/{slug}/"),
        title: title.into(),
        summary: format!("Summary of {title}."),
        body_text: body.into(),
        people: vec!["Amara Okafor".into()],
        kind: RecordKind::Story,
        council: Some("Anytown Council".into()),
        service: Some("children".into()),
        practice_areas: vec!["Kinship care".into()],
        tags: vec!["family group conferences".into()],
        date: "2024-03-05".into(),
        image: Some((
            "/sub/media/group.jpg".into(),
            "Carers around a table".into(),
        )),
        language: "en-GB".into(),
    }
}

fn nomination() -> SearchRecord {
    SearchRecord {
        url: "/sub/nominations/duty-manager/".into(),
        title: "The calmest voice on the duty desk".into(),
        summary: "Nominated by her team.".into(),
        body_text: "She answers every call as if it were the first.".into(),
        people: vec!["A team manager at Borsetshire County Council".into()],
        kind: RecordKind::Nomination,
        council: Some("Borsetshire County Council".into()),
        service: Some("adults".into()),
        practice_areas: vec![],
        tags: vec![],
        date: "2023-11-20".into(),
        image: None,
        language: "en-GB".into(),
    }
}

fn build(records: Vec<SearchRecord>) -> Result<Vec<SearchFile>, SearchError> {
    let indexer = SearchIndexer::start("en-GB");
    for record in records {
        indexer.add(record);
    }
    indexer.finish()
}

/// Every file of the bundle as text, gzip undone, lowercased: what anyone who
/// downloads the bundle can read.
fn readable_bundle(files: &[SearchFile]) -> String {
    let mut text = String::new();
    for file in files {
        text.push_str(&readable(&file.bytes));
    }
    text
}

fn readable(bytes: &[u8]) -> String {
    let mut plain = Vec::new();
    if bytes.starts_with(&[0x1f, 0x8b]) {
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut plain)
            .unwrap();
    } else {
        plain.extend_from_slice(bytes);
    }
    String::from_utf8_lossy(&plain).to_lowercase() + "\n"
}

/// Writes the bundle where a site would publish it and reads back everything under
/// the folder, so the check covers exactly what gets published.
fn written_bundle(files: &[SearchFile]) -> String {
    let site = tempfile::tempdir().unwrap();
    for file in files {
        let path = site.path().join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &file.bytes).unwrap();
    }
    let mut text = String::new();
    let mut count = 0;
    for entry in walkdir::WalkDir::new(site.path()) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            text.push_str(&readable(&std::fs::read(entry.path()).unwrap()));
            count += 1;
        }
    }
    assert_eq!(count, files.len(), "every file was written and read back");
    text
}

fn paths(files: &[SearchFile]) -> Vec<&str> {
    files.iter().map(|f| f.path.as_str()).collect()
}

#[test]
fn only_what_the_records_contain_is_published() {
    // The pipeline holds private notes that it must never pass to search. This test
    // holds one too, and never gives it to the indexer.
    let secret = "Zebedee Quartermaine";
    let files = build(vec![
        story(
            "kinship",
            "Kinship carers find their voice",
            "The group meets on Tuesdays.",
        ),
        nomination(),
    ])
    .unwrap();
    let bundle = written_bundle(&files);

    // Index words are stemmed, so look for each name without its last letters.
    for word in secret.split_whitespace() {
        let stem: String = word.to_lowercase().chars().take(6).collect();
        assert!(
            !bundle.contains(&stem),
            "{stem:?} from the secret is in the bundle"
        );
    }

    // The same check finds what was given, so it is able to fail.
    for given in [
        "Kinship carers find their voice",
        "Amara Okafor",
        "A team manager at Borsetshire County Council",
        "Anytown Council",
        "Tuesdays",
        "family group conferences",
    ] {
        assert!(
            bundle.contains(&given.to_lowercase()),
            "{given:?} is missing from the bundle"
        );
    }
}

#[test]
fn the_privacy_check_catches_a_leak() {
    let mut leaky = story("leak", "A story", "Nothing to see.");
    leaky
        .body_text
        .push_str(" Case note about Zebedee Quartermaine.");
    let bundle = written_bundle(&build(vec![leaky]).unwrap());
    assert!(bundle.contains("zebedee") && bundle.contains("quartermain"));
}

fn meta(files: &[SearchFile]) -> serde_json::Value {
    let meta = files
        .iter()
        .find(|f| f.path == "search-index/meta.json")
        .expect("meta.json");
    serde_json::from_slice(&meta.bytes).unwrap()
}

#[test]
fn the_index_is_one_meta_file_and_a_generation_folder() {
    let files = build(vec![story("a", "A", "Body."), nomination()]).unwrap();
    let meta = meta(&files);
    assert_eq!(meta["version"], 1);
    assert_eq!(meta["documents"], 2);
    let generation = meta["generation"].as_str().unwrap();
    let folder = format!("search-index/g/{generation}/");
    let paths = paths(&files);
    for path in &paths {
        assert!(
            *path == "search-index/meta.json" || path.starts_with(&folder),
            "{path} is outside {folder}"
        );
    }
    for part in ["s/", "p/", "d/", "v/", "facets.json"] {
        assert!(
            paths
                .iter()
                .any(|p| p.starts_with(&format!("{folder}{part}"))),
            "no {part} in {paths:?}"
        );
    }
    // Newest first: the 2024 story is document 0.
    let first = files
        .iter()
        .find(|f| f.path == format!("{folder}d/0.json"))
        .unwrap();
    let first: serde_json::Value = serde_json::from_slice(&first.bytes).unwrap();
    assert_eq!(first["url"], "/sub/stories/a/");
    assert_eq!(first["kind"], "story");
    assert_eq!(first["date"], "2024-03-05");

    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "files come sorted by path");
}

#[test]
fn the_whole_body_is_searchable_not_just_its_opening() {
    let long_body = format!("{} The analyst spotted it.", "Word ".repeat(2_000));
    let files = build(vec![story("long", "Long", &long_body)]).unwrap();
    let text = readable_bundle(&files);
    assert!(
        text.contains("\"analyst\""),
        "the last words are in the dictionary"
    );
}

#[test]
fn a_change_to_one_record_changes_the_generation() {
    let first = build(vec![story("a", "A", "Body."), nomination()]).unwrap();
    let second = build(vec![story("a", "A", "Body, changed."), nomination()]).unwrap();
    assert_ne!(meta(&first)["generation"], meta(&second)["generation"]);
}

#[test]
fn filters_hold_the_facet_values() {
    let files = build(vec![story("a", "A", "Body."), nomination()]).unwrap();
    let filters: Vec<&SearchFile> = files
        .iter()
        .filter(|f| f.path.ends_with("/facets.json"))
        .collect();
    let text = readable_bundle(&filters.into_iter().cloned().collect::<Vec<_>>());
    for value in [
        "type",
        "story",
        "nomination",
        "council",
        "anytown council",
        "borsetshire county council",
        "service",
        "children",
        "adults",
        "practice_area",
        "kinship care",
        "year",
        "2024",
        "2023",
    ] {
        assert!(text.contains(value), "filters lack {value:?}");
    }
}

#[test]
fn building_twice_gives_the_same_bundle() {
    let first = build(vec![story("a", "A", "Body."), nomination()]).unwrap();
    let second = build(vec![story("a", "A", "Body."), nomination()]).unwrap();
    assert_eq!(first, second);
}

#[test]
fn a_bad_record_is_reported_with_its_url() {
    let mut bad = story("bad-date", "A", "Body.");
    bad.date = "March 2024".into();
    let error = build(vec![story("fine", "B", "Body."), bad]).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, SearchError::InvalidRecord { .. }));
    assert!(message.contains("/sub/stories/bad-date/"), "{message}");
    assert!(message.contains("YYYY-MM-DD"), "{message}");
}

#[test]
fn every_bad_record_is_reported_at_once() {
    let mut first = story("one", "A", "Body.");
    first.date = String::new();
    let mut second = story("two", "B", "Body.");
    second.url = "relative/url/".into();
    let message = build(vec![first, second]).unwrap_err().to_string();
    assert!(message.starts_with("2 search records could not be indexed"));
    assert!(message.contains("/sub/stories/one/"), "{message}");
    assert!(message.contains("relative/url/"), "{message}");
}

#[test]
fn a_site_with_nothing_to_search_still_gets_an_index() {
    let files = build(vec![]).unwrap();
    assert_eq!(meta(&files)["documents"], 0);
}

#[test]
fn dropping_an_unfinished_indexer_does_not_hang() {
    let indexer = SearchIndexer::start("en-GB");
    indexer.add(story("a", "A", "Body."));
    drop(indexer);
}

#[test]
fn only_english_records_are_stemmed() {
    let mut welsh = story("cymraeg", "Gofalwyr", "Gofalwyr yn siarad.");
    welsh.language = "cy".into();
    let files = build(vec![
        story("english", "Kinship carers", "The carers talked."),
        welsh,
    ])
    .unwrap();
    let text = readable_bundle(&files);
    // "carers" is stored as a form of the stem "carer"; the Welsh word as itself.
    assert!(text.contains("\"carers\""));
    assert!(text.contains("\"gofalwyr\""));
}
