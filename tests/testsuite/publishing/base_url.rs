//! `build --base-url URL`: a deploy preview at another address, with every absolute
//! link following it and search engines asked to keep out unless `--index`.

use std::path::Path;

use crate::support::publishing::{read, run, stderr, tempdir};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build/basic");
const LIVE: &str = "https://stories.fixture.example";
const PREVIEW: &str = "https://deploy-preview-12--anytown.netlify.app/pr/12";

fn build(output: &Path, extra: &[&str]) {
    let mut args = vec![
        "build",
        "--site",
        FIXTURE,
        "--now",
        "2026-01-15T12:00:00Z",
        "--no-search",
        "--output",
    ];
    let output_text = output.to_string_lossy().into_owned();
    args.push(&output_text);
    args.extend_from_slice(extra);
    let done = run(Path::new(FIXTURE), &args, &[]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
}

/// Every text file of the output, by path from the output folder.
fn texts(output: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            let path = e
                .path()
                .strip_prefix(output)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((path, text))
        })
        .collect()
}

#[test]
fn every_absolute_address_follows_the_preview_address() {
    let folder = tempdir();
    let output = folder.path().join("preview");
    build(&output, &["--base-url", &format!("{PREVIEW}/")]);
    let files = texts(&output);
    let still_live: Vec<&str> = files
        .iter()
        .filter(|(_, text)| text.contains("stories.fixture.example"))
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        still_live.is_empty(),
        "the live address is still in {still_live:?}"
    );

    let home = read(&output.join("index.html"));
    assert!(
        home.contains(&format!("<link rel=\"canonical\" href=\"{PREVIEW}/\">")),
        "{home}"
    );
    // Links inside the site use the preview's path.
    assert!(home.contains("href=\"/pr/12/stories/\""), "{home}");
    assert!(home.contains("href=\"/pr/12/static/style.css\""));
    let sitemap = read(&output.join("sitemap.xml"));
    assert!(
        sitemap.contains(&format!("<loc>{PREVIEW}/stories/")),
        "{sitemap}"
    );
    let atom = read(&output.join("feeds/atom.xml"));
    assert!(atom.contains(&format!("{PREVIEW}/stories/")), "{atom}");
    let json_feed = read(&output.join("feeds/feed.json"));
    assert!(
        json_feed.contains(&format!("\"home_page_url\":\"{PREVIEW}/\""))
            || json_feed.contains(&format!("\"home_page_url\": \"{PREVIEW}/\"")),
        "{json_feed}"
    );
    let rss = read(&output.join("feeds/rss.xml"));
    assert!(rss.contains(&format!("<link>{PREVIEW}/")), "{rss}");
}

#[test]
fn a_preview_asks_search_engines_to_keep_out_of_every_page() {
    let folder = tempdir();
    let output = folder.path().join("preview");
    build(&output, &["--base-url", PREVIEW]);
    assert_eq!(
        read(&output.join("robots.txt")),
        "User-agent: *\nDisallow: /\n"
    );
    let pages: Vec<(String, String)> = texts(&output)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .collect();
    assert!(pages.len() > 20);
    for (path, html) in &pages {
        let document = scraper::Html::parse_document(html);
        let selector =
            scraper::Selector::parse("head meta[name=robots]").unwrap_or_else(|e| panic!("{e}"));
        let robots: Vec<_> = document.select(&selector).collect();
        assert_eq!(robots.len(), 1, "{path} must say noindex once");
        assert_eq!(robots[0].value().attr("content"), Some("noindex"), "{path}");
    }
}

#[test]
fn index_lets_a_preview_be_indexed_and_the_live_build_never_says_noindex() {
    let folder = tempdir();
    for (name, extra) in [
        ("indexed", vec!["--base-url", PREVIEW, "--index"]),
        ("live", vec![]),
    ] {
        let output = folder.path().join(name);
        build(&output, &extra);
        let robots = read(&output.join("robots.txt"));
        assert!(
            robots.starts_with("User-agent: *\nAllow: /\n"),
            "{name}: {robots}"
        );
        assert!(robots.contains("Sitemap: "), "{robots}");
        let home = read(&output.join("index.html"));
        assert!(!home.contains("noindex"), "{name}");
    }
    let live = read(&folder.path().join("live/index.html"));
    assert!(live.contains(&format!("<link rel=\"canonical\" href=\"{LIVE}/\">")));
}

#[test]
fn a_base_url_that_is_not_an_address_is_refused_before_anything_is_built() {
    let folder = tempdir();
    let output = folder.path().join("preview");
    let out = output.to_string_lossy().into_owned();
    let done = run(
        Path::new(FIXTURE),
        &[
            "build",
            "--site",
            FIXTURE,
            "--output",
            &out,
            "--base-url",
            "preview.example",
        ],
        &[],
    );
    assert_eq!(done.status.code(), Some(2));
    assert!(
        stderr(&done).contains("`preview.example` is not an absolute http(s) address"),
        "{}",
        stderr(&done)
    );
    assert!(!output.exists());
    let done = run(
        Path::new(FIXTURE),
        &["build", "--site", FIXTURE, "--index"],
        &[],
    );
    assert_eq!(done.status.code(), Some(2), "--index alone means nothing");
}
