//! docs/diagnostic-codes.md: every code the tool can report is documented, and every
//! example in it prints exactly what the page says.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::support::check::{read, repo_root, Site, FIXTURES};

fn catalogue() -> String {
    String::from_utf8(read(&repo_root().join("docs/diagnostic-codes.md"))).unwrap()
}

/// Every `"PPnnnn"` string literal in src/.
fn codes_in_src() -> BTreeSet<String> {
    let literal = Regex::new(r#""(PP[0-9]{4})""#).unwrap();
    let mut codes = BTreeSet::new();
    let mut folders = vec![repo_root().join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = String::from_utf8_lossy(&read(&path)).into_owned();
                codes.extend(literal.captures_iter(&text).map(|c| c[1].to_string()));
            }
        }
    }
    codes
}

/// The catalogue's sections: code and body.
fn sections(text: &str) -> Vec<(String, String)> {
    let heading = Regex::new(r"(?m)^## (PP[0-9]{4}):").unwrap();
    let starts: Vec<(usize, String)> = heading
        .captures_iter(text)
        .map(|c| (c.get(0).unwrap().start(), c[1].to_string()))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, (start, code))| {
            let end = starts.get(i + 1).map_or(text.len(), |(next, _)| *next);
            (code.clone(), text[*start..end].to_string())
        })
        .collect()
}

struct Fence {
    info: String,
    body: String,
}

fn fences(section: &str) -> Vec<Fence> {
    let mut found = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        for inner in lines.by_ref() {
            if inner == "```" {
                break;
            }
            body.push_str(inner);
            body.push('\n');
        }
        found.push(Fence {
            info: info.to_string(),
            body,
        });
    }
    found
}

#[test]
fn every_code_used_in_src_is_documented() {
    let documented: BTreeSet<String> = sections(&catalogue()).into_iter().map(|(c, _)| c).collect();
    let used = codes_in_src();
    let undocumented: Vec<&String> = used.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "add these codes to docs/diagnostic-codes.md: {undocumented:?}"
    );
    let stale: Vec<&String> = documented.difference(&used).collect();
    assert!(
        stale.is_empty(),
        "docs/diagnostic-codes.md documents codes no longer used: {stale:?}"
    );
}

#[test]
fn every_section_says_what_you_see_and_how_to_fix_it() {
    for (code, body) in sections(&catalogue()) {
        assert!(body.contains("**How to fix it:**"), "{code} has no fix");
        assert!(
            fences(&body)
                .iter()
                .any(|f| f.info == "text" && f.body.contains(&format!("[{code}]"))),
            "{code} does not show the message"
        );
    }
}

/// Builds the example's site: the fixture site.yaml (unless the example has its own),
/// the usual photo and voice note (unless the example makes `content/media` a file),
/// and the example's files.
fn example_site(files: &[(PathBuf, String)]) -> Site {
    let site = if files.iter().any(|(p, _)| p == Path::new("content/media")) {
        let settings = read(&Path::new(FIXTURES).join("site.yaml"));
        Site::bare().write("site.yaml", settings)
    } else {
        Site::new()
    };
    files.iter().fold(site, |site, (path, text)| {
        site.write(&path.to_string_lossy(), text)
    })
}

#[test]
fn every_example_prints_what_the_page_says() {
    let split = Regex::new(r"\n\n(?:error|warning)\[").unwrap();
    let mut checked = 0;
    for (code, body) in sections(&catalogue()) {
        let fences = fences(&body);
        let files: Vec<(PathBuf, String)> = fences
            .iter()
            .filter_map(|f| {
                let path = f.info.split_once(" file=")?.1;
                Some((PathBuf::from(path), f.body.clone()))
            })
            .collect();
        if files.is_empty() {
            continue;
        }
        let Some(shown) = fences.iter().find(|f| f.info == "text") else {
            panic!("{code} has an example but no output");
        };
        let rendered = example_site(&files).rendered();
        let mut start = 0;
        let text = shown.body.trim_end();
        let mut blocks = Vec::new();
        for m in split.find_iter(text) {
            blocks.push(&text[start..m.start()]);
            start = m.start() + 2;
        }
        blocks.push(&text[start..]);
        for block in blocks {
            assert!(
                rendered.contains(block),
                "{code}: the page shows\n{block}\n\nbut check prints\n{rendered}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 35, "only {checked} examples were checked");
}
