//! Every problem of every file in one run: a mistake in one field, or in one file, does
//! not hide the others.

use std::collections::BTreeMap;

use crate::support::check::{problems_of, Site};

#[test]
fn a_misspelt_title_does_not_hide_the_other_problems_of_the_file() {
    assert_eq!(
        problems_of("all_at_once/stories/everything_wrong.md"),
        [
            "content/stories/everything_wrong.md:2:1: error[PP0102]: `titel` is not a field this kind of file can have",
            "content/stories/everything_wrong.md:4:14: error[PP0401]: this is the name of a person who asked to be anonymous",
            "content/stories/everything_wrong.md:6:10: error[PP0204]: `child` is not one of this site's services",
            "content/stories/everything_wrong.md:14:1: error[PP0401]: this is the name of a person who asked to be anonymous",
            "content/stories/everything_wrong.md:14:38: error[PP0402]: the story text contains a telephone number",
            "content/stories/everything_wrong.md:15:18: error[PP0501]: this link points to `/guides/kinship/`, which is not part of the site",
        ]
    );
}

#[test]
fn a_missing_nominee_does_not_hide_the_word_count_or_a_leak() {
    assert_eq!(
        problems_of("all_at_once/nominations/no_nominee.md"),
        [
            "content/nominations/no_nominee.md:1:1: error[PP0103]: the required field `nominee` is missing",
            "content/nominations/no_nominee.md:10:1: error[PP0301]: the nomination is 4 words long; it needs at least 100",
            "content/nominations/no_nominee.md:10:1: error[PP0401]: this is the name of a person who asked to be anonymous",
        ]
    );
}

/// Ten kinds of broken story, each with the code it must produce.
fn broken_story(n: usize) -> (Vec<u8>, &'static str) {
    let good_head = |extra: &str| {
        format!(
            "---\ntitle: Story {n}\ndate: 2025-06-02\nsummary: A summary.\ncouncil: Anytown Council\nservice: children\nauthors: [{{ name: Sam Jones, role: Social worker }}]\nconsent: {{ recorded: true, by: Team manager, date: 2025-05-20 }}\n{extra}---\n\nText.\n"
        )
    };
    match n % 10 {
        0 => (b"---\nsummary: A summary.\n---\nText.\n".to_vec(), "PP0103"),
        1 => (good_head("updated: 2025-02-30\n").into_bytes(), "PP0203"),
        2 => (good_head("titel: x\n").into_bytes(), "PP0102"),
        3 => (good_head("tags:\n\t- a\n").into_bytes(), "PP0101"),
        4 => (
            format!("{}Ring 07700 900{n:03}.\n", good_head("")).into_bytes(),
            "PP0402",
        ),
        5 => (b"---\ntitle: caf\xe9\n---\n".to_vec(), "PP0011"),
        6 => (Vec::new(), "PP0013"),
        7 => (b"Just some text.\n".to_vec(), "PP0014"),
        8 => (good_head("service: kids\n").into_bytes(), "PP0105"),
        _ => (
            good_head("practice_areas: [nothing]\n").into_bytes(),
            "PP0205",
        ),
    }
}

#[test]
fn fifty_broken_files_are_all_reported_in_one_run() {
    let mut site = Site::new();
    let mut expected = BTreeMap::new();
    for n in 0..50 {
        let (bytes, code) = broken_story(n);
        let path = format!("content/stories/broken-{n:02}.md");
        site = site.write(&path, bytes);
        expected.insert(path, code);
    }
    let checked = site.check();
    let mut found: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for d in &checked.diagnostics {
        found
            .entry(d.file.to_string_lossy().replace('\\', "/"))
            .or_default()
            .push(d.code);
    }
    assert_eq!(found.len(), 50, "{found:#?}");
    for (path, code) in &expected {
        let codes = found.get(path).cloned().unwrap_or_default();
        assert!(
            codes.contains(code),
            "{path}: expected {code}, got {codes:?}"
        );
    }

    // The real command says the same in one run, and fails.
    let output = site.run(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files: std::collections::BTreeSet<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(files.len(), 50);
}
