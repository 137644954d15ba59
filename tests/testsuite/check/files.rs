//! Files that cannot be read as content: a clear error each, never a panic.

use practice_press::load::source::{SourceFile, MAX_FILE_BYTES};
use practice_press::load::{parse_document, FileKind};
use proptest::prelude::*;

use crate::support::check::Site;

#[test]
fn unreadable_files_each_get_a_clear_error() {
    let mut site = Site::new();
    for name in [
        "latin1",
        "utf16",
        "empty",
        "blank",
        "no_front_matter",
        "only_dashes",
    ] {
        site = site.fixture(&format!("files/stories/{name}.md"));
    }
    let big = format!(
        "---\ntitle: x\n---\n{}",
        "word ".repeat(MAX_FILE_BYTES / 5 + 1)
    );
    let site = site.write("content/stories/huge.md", big);
    assert_eq!(
        site.problems(),
        [
            "content/stories/blank.md:0:0: error[PP0013]: this file is empty",
            "content/stories/empty.md:0:0: error[PP0013]: this file is empty",
            "content/stories/huge.md:0:0: error[PP0012]: this file is larger than 1024 KB, the most a content file can be",
            "content/stories/latin1.md:2:11: error[PP0011]: this file is not saved as UTF-8 text, so some characters cannot be read",
            "content/stories/no_front_matter.md:1:1: error[PP0014]: this file has no front matter: the first line must be ---",
            "content/stories/only_dashes.md:1:1: error[PP0015]: the front matter is never closed: there is no second --- line",
            "content/stories/utf16.md:0:0: error[PP0011]: this file is saved as UTF-16 (\"Unicode\") text, not UTF-8",
        ]
    );
}

/// Problems about a whole file have no line; every other problem has a place.
const WHOLE_FILE: &[&str] = &["PP0011", "PP0012", "PP0013", "PP0017", "PP0401"];

fn parses_or_says_where(kind: FileKind, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let path = std::path::Path::new("content/stories/any.md");
    let (item, problems) = match SourceFile::from_bytes(path, bytes) {
        Ok(source) => {
            let lines = source.text.split('\n').count();
            let (item, problems) = parse_document(kind, &source);
            for p in &problems {
                prop_assert!(p.line <= lines, "{p} is past the end ({lines} lines)");
            }
            (item, problems)
        }
        Err(problem) => (None, vec![problem]),
    };
    prop_assert!(
        item.is_some() || !problems.is_empty(),
        "neither a page nor a problem"
    );
    for p in &problems {
        prop_assert_eq!(&p.file, path);
        prop_assert!(
            p.line >= 1 || WHOLE_FILE.contains(&p.code),
            "{} has no place",
            p
        );
        prop_assert!(p.line == 0 || p.column >= 1, "{} has no column", p);
    }
    Ok(())
}

/// Bytes that look like content often enough to reach the YAML and markdown stages.
fn content_like() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("---\n".to_string()),
            Just("title: ".to_string()),
            Just("date: 2024-13-01\n".to_string()),
            Just("authors:\n  - name: A\n".to_string()),
            Just("\t".to_string()),
            Just("\"".to_string()),
            Just(": ".to_string()),
            Just("[".to_string()),
            Just("\n".to_string()),
            "[a-z ]{0,8}".prop_map(String::from),
            "\\PC{0,6}".prop_map(String::from),
        ],
        0..24,
    );
    pieces.prop_map(|p| p.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for kind in [FileKind::Story, FileKind::Nomination, FileKind::Page] {
            parses_or_says_where(kind, bytes.clone())?;
        }
    }

    #[test]
    fn the_whole_check_places_every_problem(bytes in content_like()) {
        let site = Site::new().write("content/nominations/any.md", &bytes);
        for p in site.check().diagnostics {
            prop_assert!(
                p.line >= 1 || WHOLE_FILE.contains(&p.code),
                "{} has no place",
                p
            );
        }
    }

    #[test]
    fn content_like_text_never_panics(bytes in content_like()) {
        for kind in [FileKind::Story, FileKind::Nomination, FileKind::Page] {
            parses_or_says_where(kind, bytes.clone())?;
        }
    }
}

#[test]
fn a_site_without_a_content_folder_says_so() {
    let site = Site::bare().write(
        "site.yaml",
        crate::support::check::read(
            &std::path::Path::new(crate::support::check::FIXTURES).join("site.yaml"),
        ),
    );
    assert_eq!(
        site.problems(),
        ["content:0:0: error[PP0010]: this site has no content/ folder, so there is nothing to check or publish"]
    );
}
