//! Front matter crafted to exhaust the parser: alias expansion ("billion laughs"),
//! nesting deep enough to overflow a recursive parser, a flood of keys. Each must be a
//! located error, quickly, in a bounded amount of memory.

use std::time::Instant;

use crate::support::hostile::{build_errors, list, story, Site};

fn assert_refused_quickly(site: &Site, file: &str) {
    let started = Instant::now();
    let errors = build_errors(site.root(), &site.output());
    assert!(
        errors.iter().any(|d| d.file.to_string_lossy() == file),
        "no error names {file}:\n{}",
        list(&errors)
    );
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn alias_expansion_is_refused() {
    let mut yaml = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        yaml.push_str(&format!(
            "a{level}: &a{level} [{}]\n",
            vec![previous; 9].join(",")
        ));
    }
    let site = Site::new();
    site.write(
        "content/stories/laughs.md",
        format!("---\n{yaml}title: Laughs\ntags: *a9\n---\nBody\n"),
    );
    assert_refused_quickly(&site, "content/stories/laughs.md");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for depth in [10_000, 200_000] {
        let site = Site::new();
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        site.write(
            "content/stories/nested.md",
            format!("---\ntitle: Nested\ntags: {nested}\n---\nBody\n"),
        );
        assert_refused_quickly(&site, "content/stories/nested.md");
        let site = Site::new();
        let nested = format!("{}x{}", "{a: ".repeat(depth), "}".repeat(depth));
        site.write(
            "content/stories/nested.md",
            format!("---\ntitle: Nested\nimage: {nested}\n---\nBody\n"),
        );
        assert_refused_quickly(&site, "content/stories/nested.md");
    }
}

#[test]
fn many_lists_in_brackets_are_refused_at_the_bracket() {
    let site = Site::new();
    let tags: Vec<String> = (0..300).map(|i| format!("[t{i}]")).collect();
    site.write(
        "content/stories/brackets.md",
        format!(
            "---\ntitle: Brackets\ntags: [{}]\n---\nBody\n",
            tags.join(", ")
        ),
    );
    let errors = build_errors(site.root(), &site.output());
    let error = errors.iter().find(|d| d.code == "PP0107").expect("PP0107");
    assert_eq!(error.line, 3);
}

#[test]
fn a_flood_of_unknown_keys_is_reported_quickly() {
    let site = Site::new();
    let keys: String = (0..20_000).map(|i| format!("key{i}: value\n")).collect();
    site.write("content/stories/keys.md", story("Keys", &keys));
    assert_refused_quickly(&site, "content/stories/keys.md");
    let errors = build_errors(site.root(), &site.output());
    assert!(errors.len() <= 25, "{} diagnostics", errors.len());
    assert!(
        errors.iter().any(|d| d.message.contains("19980 more")),
        "{}",
        list(&errors)
    );
}

#[test]
fn a_hostile_site_yaml_is_refused() {
    let site = Site::new();
    let mut yaml =
        String::from("title: T\nbase_url: https://e.org\na0: &a0 [x,x,x,x,x,x,x,x,x,x]\n");
    for level in 1..9 {
        yaml.push_str(&format!(
            "a{level}: &a{level} [{}]\n",
            vec![format!("*a{}", level - 1); 10].join(",")
        ));
    }
    site.write("site.yaml", yaml);
    assert_refused_quickly(&site, "site.yaml");
}
