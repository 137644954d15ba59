//! `_headers` and `staticwebapp.config.json`: the site's policy as real headers, parsed
//! the way the hosts read them.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::publishing::{json, read, run, stderr, tempdir};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build/basic");

fn build(output: &Path, extra: &[&str]) {
    let out = output.to_string_lossy().into_owned();
    let mut args = vec![
        "build",
        "--site",
        FIXTURE,
        "--now",
        "2026-01-15T12:00:00Z",
        "--output",
        &out,
    ];
    args.extend_from_slice(extra);
    let done = run(Path::new(FIXTURE), &args, &[]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
}

/// `_headers` as Netlify reads it: a path at the start of a line, then indented
/// `Name: value` lines; `#` starts a comment.
fn parse_netlify(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut rules: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            assert!(line.starts_with('/'), "a path must start with /: {line}");
            current = Some(line.to_string());
            rules.entry(line.to_string()).or_default();
            continue;
        }
        let path = current
            .clone()
            .unwrap_or_else(|| panic!("a header before any path: {line}"));
        let (name, value) = line
            .trim()
            .split_once(": ")
            .unwrap_or_else(|| panic!("not a header: {line}"));
        let previous = rules
            .entry(path)
            .or_default()
            .insert(name.to_string(), value.to_string());
        assert!(previous.is_none(), "{name} twice");
    }
    rules
}

/// The meta tag's policy in a built page.
fn page_policy(output: &Path) -> String {
    let html = read(&output.join("index.html"));
    let document = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("meta[http-equiv=Content-Security-Policy]")
        .unwrap_or_else(|e| panic!("{e}"));
    document
        .select(&selector)
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_else(|| panic!("no policy in the page"))
        .to_string()
}

#[test]
fn netlify_headers_carry_the_pages_policy_and_cache_only_fingerprinted_files() {
    let folder = tempdir();
    let output = folder.path().join("site");
    build(&output, &[]);
    let rules = parse_netlify(&read(&output.join("_headers")));
    let all = &rules["/*"];
    let policy = page_policy(&output);
    assert_eq!(
        all["Content-Security-Policy"],
        format!("{policy}; frame-ancestors 'none'")
    );
    assert_eq!(
        all["Strict-Transport-Security"],
        "max-age=31536000; includeSubDomains"
    );
    assert_eq!(all["X-Content-Type-Options"], "nosniff");
    assert_eq!(all["Referrer-Policy"], "strict-origin-when-cross-origin");
    assert!(all["Permissions-Policy"].contains("camera=()"));
    assert!(
        !all.contains_key("Cache-Control"),
        "pages must not be cached for long"
    );
    let cached: Vec<&String> = rules
        .iter()
        .filter(|(_, headers)| headers.contains_key("Cache-Control"))
        .map(|(path, _)| path)
        .collect();
    assert_eq!(cached, ["/search-index/g/*"]);
    for path in cached {
        assert_eq!(
            rules[path]["Cache-Control"],
            "public, max-age=31536000, immutable"
        );
    }
    // The long-cached folder holds only folders named by a hash of their content.
    let fragments: Vec<String> = std::fs::read_dir(output.join("search-index/g"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!fragments.is_empty());
    assert!(
        fragments
            .iter()
            .all(|name| name.len() == 16 && name.chars().all(|c| c.is_ascii_hexdigit())),
        "{fragments:?}"
    );
}

#[test]
fn azure_config_has_the_same_headers_and_routes() {
    let folder = tempdir();
    let output = folder.path().join("site");
    build(&output, &[]);
    let config = json(&read(&output.join("staticwebapp.config.json")));
    let global = &config["globalHeaders"];
    let netlify = parse_netlify(&read(&output.join("_headers")));
    for (name, value) in &netlify["/*"] {
        assert_eq!(global[name], serde_json::json!(value), "{name}");
    }
    let routes = config["routes"]
        .as_array()
        .unwrap_or_else(|| panic!("no routes"));
    // Azure takes a wildcard only at the end of a route.
    assert_eq!(routes.len(), 1);
    for route in routes {
        let path = route["route"].as_str().unwrap_or("");
        assert!(
            path.starts_with("/search-index/g/") && path.ends_with("/*"),
            "{path}"
        );
        assert_eq!(path.matches('*').count(), 1, "{path}");
        assert_eq!(
            route["headers"]["Cache-Control"],
            "public, max-age=31536000, immutable"
        );
    }
    assert_eq!(config["responseOverrides"]["404"]["rewrite"], "/404.html");
}

#[test]
fn no_host_headers_leaves_both_files_out() {
    let folder = tempdir();
    let output = folder.path().join("site");
    build(&output, &["--no-host-headers"]);
    assert!(!output.join("_headers").exists());
    assert!(!output.join("staticwebapp.config.json").exists());
    assert!(output.join("index.html").exists());
}

#[test]
fn an_old_address_cannot_take_the_place_of_a_header_file() {
    let folder = tempdir();
    let site = folder.path().join("site");
    crate::support::publishing::copy_tree(
        &Path::new(crate::support::publishing::FIXTURES).join("schedule"),
        &site,
    );
    let story = site.join("content/stories/memory-cafe.md");
    let text = read(&story).replacen(
        "---\n\n",
        "aliases: [/_headers/, /staticwebapp.config.json/]\n---\n\n",
        1,
    );
    std::fs::write(&story, text).unwrap_or_else(|e| panic!("{e}"));
    let site_text = site.to_string_lossy().into_owned();
    let output = run(
        folder.path(),
        &[
            "check",
            "--site",
            &site_text,
            "--now",
            "2026-01-15T12:00:00Z",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    let problems = json(&crate::support::publishing::stdout(&output));
    let messages: Vec<&str> = problems
        .as_array()
        .unwrap_or_else(|| panic!("not an array"))
        .iter()
        .filter_map(|p| p["message"].as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .all(|m| m.contains("used by the site itself") || m.contains("site's own")),
        "{messages:?}"
    );
}
