//! Sharing with the media: feeds, social previews, JSON-LD, the press page, story.txt
//! and alias redirects, checked on built fixture sites with independent parsers
//! (feed-rs for feeds, scraper for HTML, serde_json for JSON-LD and JSON Feed).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use practice_press::build::{build_into, BuildError, BuildOptions};
use practice_press::render::NoProgress;
use practice_press::write::MemorySink;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

type Files = BTreeMap<String, Arc<Vec<u8>>>;

const BASE: &str = "https://example.org/stories/";
const BEFORE_EMBARGO: &str = "2026-03-02T08:59:59Z";
const AFTER_EMBARGO: &str = "2026-03-02T09:00:00Z";
const AWKWARD_TITLE: &str =
    "\"Quotes\", 'apostrophes' & <angles> </script><script>alert(\"x\")</script> 🎉 ünïcode";
const AWKWARD_SUMMARY: &str = "A summary with \"quotes\" & <b>not bold</b> </script> and 🎉 too.";
const EMBARGOED_TITLE: &str = "Eastbrook launches family group conferencing";
const ANONYMOUS_AUTHOR: &str = "A team manager at Northmoor Council";
const ANONYMOUS_NOMINEE: &str = "A duty social worker at Northmoor Council";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sharing/site")
}

fn build_at(site: &Path, now: &str) -> Files {
    let mut options = BuildOptions::new(site);
    options.publish.now = now.parse().expect("a valid test time");
    let sink = MemorySink::new();
    match build_into(&options, &sink, &NoProgress) {
        Ok(_) => sink.into_files(),
        Err(BuildError::Content(diagnostics)) => {
            let messages: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
            panic!("the fixture site did not build:\n{}", messages.join("\n"))
        }
        Err(err) => panic!("the fixture site did not build: {err}"),
    }
}

fn published_site() -> Files {
    build_at(&fixture(), AFTER_EMBARGO)
}

fn text<'a>(files: &'a Files, path: &str) -> &'a str {
    let bytes = files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not built"));
    std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{path} is not UTF-8"))
}

fn parse_feed(files: &Files, path: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(text(files, path).as_bytes())
        .unwrap_or_else(|err| panic!("{path} does not parse as a feed: {err}"))
}

/// Every feed file of a build.
fn feed_paths(files: &Files) -> Vec<&str> {
    files
        .keys()
        .map(String::as_str)
        .filter(|p| {
            p.starts_with("feeds/")
                && (p.ends_with("atom.xml") || p.ends_with("rss.xml") || p.ends_with("feed.json"))
        })
        .collect()
}

fn titles(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| {
            e.title
                .as_ref()
                .map(|t| t.content.clone())
                .unwrap_or_default()
        })
        .collect()
}

fn entry_titled<'a>(feed: &'a feed_rs::model::Feed, title: &str) -> &'a feed_rs::model::Entry {
    feed.entries
        .iter()
        .find(|e| e.title.as_ref().is_some_and(|t| t.content == title))
        .unwrap_or_else(|| panic!("no entry titled {title:?}"))
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|err| panic!("bad selector {css}: {err:?}"))
}

fn meta(html: &Html, attribute: &str, key: &str) -> Option<String> {
    let css = format!("meta[{attribute}=\"{key}\"]");
    html.select(&selector(&css))
        .next()
        .and_then(|m| m.value().attr("content").map(str::to_string))
}

fn metas(html: &Html, attribute: &str, key: &str) -> Vec<String> {
    let css = format!("meta[{attribute}=\"{key}\"]");
    html.select(&selector(&css))
        .filter_map(|m| m.value().attr("content").map(str::to_string))
        .collect()
}

fn json_ld(html: &Html) -> Value {
    let scripts: Vec<ElementRef> = html
        .select(&selector("script[type=\"application/ld+json\"]"))
        .collect();
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    let text: String = scripts[0].text().collect();
    serde_json::from_str(&text)
        .unwrap_or_else(|err| panic!("JSON-LD does not parse: {err}\n{text}"))
}

fn seconds(rfc3339: &str) -> i64 {
    rfc3339
        .parse::<jiff::Timestamp>()
        .expect("a test timestamp")
        .as_second()
}

fn alternate_links(html: &Html) -> Vec<(String, String)> {
    html.select(&selector("link[rel=\"alternate\"]"))
        .map(|l| {
            (
                l.value().attr("type").unwrap_or("").to_string(),
                l.value().attr("href").unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn every_feed_parses_and_links_absolutely_under_the_sub_path() {
    let files = published_site();
    let paths = feed_paths(&files);
    for expected in [
        "feeds/atom.xml",
        "feeds/rss.xml",
        "feeds/feed.json",
        "feeds/stories/atom.xml",
        "feeds/stories/rss.xml",
        "feeds/stories/feed.json",
        "feeds/nominations/atom.xml",
        "feeds/councils/northmoor-council/atom.xml",
        "feeds/councils/eastbrook-council/rss.xml",
        "feeds/services/children/feed.json",
        "feeds/practice-areas/kinship-care/atom.xml",
        "feeds/practice-areas/family-group-conferencing/rss.xml",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
    for path in &paths {
        let feed = parse_feed(&files, path);
        assert!(!feed.entries.is_empty(), "{path} is empty");
        for link in &feed.links {
            assert!(
                link.href.starts_with(BASE),
                "{path}: feed link {}",
                link.href
            );
        }
        for entry in &feed.entries {
            assert!(entry.id.starts_with(BASE), "{path}: id {}", entry.id);
            assert!(!entry.links.is_empty(), "{path}: entry without a link");
            for link in &entry.links {
                assert!(link.href.starts_with(BASE), "{path}: link {}", link.href);
            }
            assert!(entry.published.is_some(), "{path}: no published date");
            let content = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .unwrap_or_else(|| panic!("{path}: entry without content"));
            let fragment = Html::parse_fragment(&content);
            for (css, attr) in [("a[href]", "href"), ("img[src]", "src")] {
                for element in fragment.select(&selector(css)) {
                    let url = element.value().attr(attr).unwrap_or("");
                    assert!(
                        url.starts_with("https://") || url.starts_with("mailto:"),
                        "{path}: relative {attr} {url} in content"
                    );
                }
            }
        }
    }
    let all = parse_feed(&files, "feeds/atom.xml");
    let self_link = all
        .links
        .iter()
        .find(|l| l.rel.as_deref() == Some("self"))
        .expect("a self link");
    assert_eq!(self_link.href, "https://example.org/stories/feeds/atom.xml");
}

#[test]
fn feeds_hold_the_right_entries_newest_first() {
    let files = published_site();
    let kitchen = "Family time at the kitchen table";
    let nomination = "My brilliant colleague: a duty social worker who always calls back";
    for format in ["atom.xml", "rss.xml", "feed.json"] {
        let all = parse_feed(&files, &format!("feeds/{format}"));
        assert_eq!(
            titles(&all),
            vec![EMBARGOED_TITLE, AWKWARD_TITLE, nomination, kitchen],
            "{format}"
        );
        let stories = parse_feed(&files, &format!("feeds/stories/{format}"));
        assert_eq!(
            titles(&stories),
            vec![EMBARGOED_TITLE, AWKWARD_TITLE, kitchen],
            "{format}"
        );
        let nominations = parse_feed(&files, &format!("feeds/nominations/{format}"));
        assert_eq!(titles(&nominations), vec![nomination], "{format}");
        let council = parse_feed(
            &files,
            &format!("feeds/councils/northmoor-council/{format}"),
        );
        assert_eq!(
            titles(&council),
            vec![AWKWARD_TITLE, nomination, kitchen],
            "{format}"
        );
        let area = parse_feed(
            &files,
            &format!("feeds/practice-areas/kinship-care/{format}"),
        );
        assert_eq!(titles(&area), vec![kitchen], "{format}");
        let service = parse_feed(
            &files,
            &format!("feeds/services/fostering-adoption/{format}"),
        );
        assert_eq!(titles(&service), vec![EMBARGOED_TITLE], "{format}");
    }
}

#[test]
fn feed_entries_carry_dates_authors_categories_content_and_image() {
    let files = published_site();
    let kitchen_url = "https://example.org/stories/stories/kitchen-table/";
    for format in ["atom.xml", "rss.xml", "feed.json"] {
        let feed = parse_feed(&files, &format!("feeds/{format}"));
        let entry = entry_titled(&feed, "Family time at the kitchen table");
        assert_eq!(entry.id, kitchen_url, "{format}");
        assert_eq!(entry.links[0].href, kitchen_url, "{format}");
        let published = entry.published.expect("published").timestamp();
        assert_eq!(published, seconds("2026-02-10T00:00:00Z"), "{format}");
        let authors: Vec<&str> = entry.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(authors, vec![ANONYMOUS_AUTHOR, "Sam Okafor"], "{format}");
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .expect("content");
        assert!(
            // Sanitising may add rel="noopener noreferrer"; the address and text are what matter.
            content.contains("<a href=\"https://example.org/stories/about/\"")
                && content.contains(">how we work</a>"),
            "{format}: {content}"
        );
        assert!(
            content.contains("href=\"https://example.org/stories/stories/awkward-title/\""),
            "{format}: relative link not resolved: {content}"
        );
        assert!(
            content.contains("src=\"https://example.org/stories/media/images/kitchen-table.jpg\""),
            "{format}: {content}"
        );
        assert!(content.contains("<h2 id=\"what-changed\">"), "{format}");
        let summary = entry.summary.as_ref().expect("summary").content.clone();
        assert!(
            summary.starts_with("How a kinship carer"),
            "{format}: {summary}"
        );
        let labels: Vec<String> = entry
            .categories
            .iter()
            .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
            .collect();
        for label in [
            "Northmoor Council",
            "Children",
            "Kinship care",
            "Supervision",
            "Family time",
        ] {
            assert!(
                labels.iter().any(|l| l == label),
                "{format}: {label} not in {labels:?}"
            );
        }
        // The embargoed story was published when its embargo lifted, not at midnight.
        let embargoed = entry_titled(&feed, EMBARGOED_TITLE);
        let when = embargoed.published.expect("published").timestamp();
        assert_eq!(when, seconds(AFTER_EMBARGO), "{format}");
    }

    let atom = parse_feed(&files, "feeds/atom.xml");
    let entry = entry_titled(&atom, "Family time at the kitchen table");
    let updated = entry.updated.expect("updated").timestamp();
    assert_eq!(updated, seconds("2026-02-12T00:00:00Z"));
    let council = entry
        .categories
        .iter()
        .find(|c| c.term == "northmoor-council")
        .expect("the council as a category");
    assert_eq!(
        council.scheme.as_deref(),
        Some("https://example.org/stories/councils/")
    );
    for path in ["feeds/atom.xml", "feeds/rss.xml"] {
        let feed = parse_feed(&files, path);
        let entry = entry_titled(&feed, "Family time at the kitchen table");
        let media = entry.media.first().expect("a media object");
        let url = media.content[0].url.as_ref().expect("image url");
        assert_eq!(
            url.as_str(),
            "https://example.org/stories/media/images/kitchen-table.jpg"
        );
        assert_eq!(
            media.credits[0].entity, "Photo: Northmoor Council",
            "{path}"
        );
        assert_eq!(
            media.description.as_ref().expect("alt text").content,
            "A kitchen table laid for tea with four mugs",
            "{path}"
        );
    }

    let json: Value = serde_json::from_str(text(&files, "feeds/feed.json")).expect("JSON");
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(
        json["feed_url"],
        "https://example.org/stories/feeds/feed.json"
    );
    assert_eq!(json["home_page_url"], BASE);
    let item = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == kitchen_url)
        .expect("the kitchen table story");
    assert_eq!(item["date_modified"], "2026-02-12T00:00:00Z");
    assert_eq!(
        item["image"],
        "https://example.org/stories/media/images/kitchen-table.jpg"
    );
    assert_eq!(
        item["_practice_press"]["image_credit"],
        "Photo: Northmoor Council"
    );
}

#[test]
fn feeds_are_advertised_on_their_pages_and_listed_on_the_feeds_page() {
    let files = published_site();
    for (page, feed_dir) in [
        ("index.html", "feeds/"),
        ("stories/index.html", "feeds/stories/"),
        ("nominations/index.html", "feeds/nominations/"),
        (
            "councils/northmoor-council/index.html",
            "feeds/councils/northmoor-council/",
        ),
        ("services/children/index.html", "feeds/services/children/"),
        (
            "practice-areas/kinship-care/index.html",
            "feeds/practice-areas/kinship-care/",
        ),
        (
            "stories/kitchen-table/index.html",
            "feeds/councils/northmoor-council/",
        ),
        ("press/index.html", "feeds/stories/"),
    ] {
        let html = Html::parse_document(text(&files, page));
        let links = alternate_links(&html);
        let expected = vec![
            (
                "application/atom+xml".to_string(),
                format!("/stories/{feed_dir}atom.xml"),
            ),
            (
                "application/rss+xml".to_string(),
                format!("/stories/{feed_dir}rss.xml"),
            ),
            (
                "application/feed+json".to_string(),
                format!("/stories/{feed_dir}feed.json"),
            ),
        ];
        assert_eq!(links, expected, "{page}");
        for (_, href) in &links {
            let file = href.trim_start_matches("/stories/");
            assert!(
                files.contains_key(file),
                "{page} advertises {href}, which was not built"
            );
        }
    }

    let feeds_page = text(&files, "feeds/index.html");
    assert!(
        feeds_page.contains("latest 50"),
        "the feeds page states the limit"
    );
    let html = Html::parse_document(feeds_page);
    let listed: Vec<String> = html
        .select(&selector("main a[href]"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    for path in feed_paths(&files) {
        let href = format!("/stories/{path}");
        assert!(
            listed.contains(&href),
            "the feeds page does not list {href}"
        );
    }
}

#[test]
fn feeds_hold_the_latest_fifty_entries() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(dir.path().join("content/stories")).expect("content folder");
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: Many stories\nbase_url: https://example.org/stories\nservices: [children]\n",
    )
    .expect("site.yaml");
    for n in 1..=55 {
        let story = format!(
            "---\ntitle: Story number {n}\ndate: 2026-01-{day:02}T{hour:02}:00:00Z\nsummary: Story {n}.\n\
             council: Northmoor Council\nservice: children\nauthors: [{{ name: Sam Okafor, role: Social worker }}]\n\
             consent: {{ recorded: true, by: Team manager, date: 2025-12-01 }}\n---\n\nBody {n}.\n",
            day = 1 + n / 24,
            hour = n % 24,
        );
        std::fs::write(dir.path().join(format!("content/stories/s{n}.md")), story)
            .expect("a story");
    }
    let files = build_at(dir.path(), AFTER_EMBARGO);
    for path in [
        "feeds/atom.xml",
        "feeds/rss.xml",
        "feeds/feed.json",
        "feeds/stories/atom.xml",
        "feeds/councils/northmoor-council/rss.xml",
        "feeds/services/children/feed.json",
    ] {
        let feed = parse_feed(&files, path);
        let titles = titles(&feed);
        assert_eq!(titles.len(), 50, "{path}");
        assert_eq!(titles[0], "Story number 55", "{path}");
        assert_eq!(titles[49], "Story number 6", "{path}");
    }
}

#[test]
fn story_pages_have_open_graph_twitter_card_and_news_article_json_ld() {
    let files = published_site();
    let html = Html::parse_document(text(&files, "stories/kitchen-table/index.html"));
    let url = "https://example.org/stories/stories/kitchen-table/";
    let image = "https://example.org/stories/media/images/kitchen-table.jpg";
    // The preview picture is the photo cropped to 1200 × 630 (see tests/cards.rs).
    let card = "https://example.org/stories/stories/kitchen-table/card.jpg";
    let og = |key: &str| meta(&html, "property", key);
    assert_eq!(
        og("og:title").as_deref(),
        Some("Family time at the kitchen table")
    );
    assert_eq!(
        og("og:description").as_deref(),
        Some(
            "How a kinship carer and a social worker rebuilt family time around the kitchen table."
        )
    );
    assert_eq!(og("og:url").as_deref(), Some(url));
    assert_eq!(og("og:type").as_deref(), Some("article"));
    assert_eq!(
        og("og:site_name").as_deref(),
        Some("Practice stories from Northmoor")
    );
    assert_eq!(og("og:locale").as_deref(), Some("en_GB"));
    assert_eq!(og("og:image").as_deref(), Some(card));
    assert_eq!(og("og:image:type").as_deref(), Some("image/jpeg"));
    assert_eq!(
        og("og:image:alt").as_deref(),
        Some("A kitchen table laid for tea with four mugs")
    );
    assert_eq!(
        og("article:published_time").as_deref(),
        Some("2026-02-10T00:00:00Z")
    );
    assert_eq!(
        og("article:modified_time").as_deref(),
        Some("2026-02-12T00:00:00Z")
    );
    assert_eq!(
        meta(&html, "name", "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(metas(&html, "property", "article:tag"), vec!["Family time"]);
    let canonical = html
        .select(&selector("link[rel=\"canonical\"]"))
        .next()
        .and_then(|l| l.value().attr("href"));
    assert_eq!(canonical, Some(url));

    let ld = json_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "Family time at the kitchen table");
    assert_eq!(
        ld["description"],
        "How a kinship carer and a social worker rebuilt family time around the kitchen table."
    );
    assert_eq!(ld["datePublished"], "2026-02-10T00:00:00Z");
    assert_eq!(ld["dateModified"], "2026-02-12T00:00:00Z");
    assert_eq!(ld["mainEntityOfPage"]["@id"], url);
    assert_eq!(ld["image"]["url"], image);
    assert_eq!(ld["image"]["creditText"], "Photo: Northmoor Council");
    assert_eq!(ld["publisher"]["@type"], "Organization");
    assert_eq!(ld["publisher"]["name"], "Northmoor Council");
    let authors: Vec<&str> = ld["author"]
        .as_array()
        .expect("authors")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(authors, vec![ANONYMOUS_AUTHOR, "Sam Okafor"]);
    assert!(
        ld["author"][0].get("jobTitle").is_none(),
        "the label is enough"
    );

    // Without an image: a generated card, as large a preview as with one.
    let plain = Html::parse_document(text(&files, "stories/awkward-title/index.html"));
    assert_eq!(
        meta(&plain, "name", "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        meta(&plain, "property", "og:image").as_deref(),
        Some("https://example.org/stories/stories/awkward-title/card.png")
    );
    assert_eq!(meta(&plain, "property", "article:modified_time"), None);
    assert_eq!(json_ld(&plain)["dateModified"], "2026-02-20T00:00:00Z");
}

#[test]
fn nomination_pages_are_articles_by_the_nominator_about_the_nominee() {
    let files = published_site();
    let html = Html::parse_document(text(&files, "nominations/brilliant-duty-worker/index.html"));
    assert_eq!(
        meta(&html, "property", "og:type").as_deref(),
        Some("article")
    );
    assert_eq!(
        meta(&html, "property", "og:url").as_deref(),
        Some("https://example.org/stories/nominations/brilliant-duty-worker/")
    );
    assert_eq!(
        meta(&html, "name", "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        meta(&html, "property", "og:image").as_deref(),
        Some("https://example.org/stories/nominations/brilliant-duty-worker/card.png")
    );
    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "Article");
    assert_eq!(
        ld["headline"],
        "My brilliant colleague: a duty social worker who always calls back"
    );
    assert_eq!(ld["author"][0]["name"], "Jordan Whitfield");
    assert_eq!(ld["about"]["name"], ANONYMOUS_NOMINEE);
    assert_eq!(ld["datePublished"], "2026-02-15T00:00:00Z");
    // Other pages get a plain website preview and no JSON-LD.
    let home = Html::parse_document(text(&files, "index.html"));
    assert_eq!(
        meta(&home, "property", "og:type").as_deref(),
        Some("website")
    );
    assert_eq!(
        home.select(&selector("script[type=\"application/ld+json\"]"))
            .count(),
        0
    );
}

#[test]
fn embargoed_story_is_absent_from_every_output_until_its_time() {
    let before = build_at(&fixture(), BEFORE_EMBARGO);
    let needles = [
        EMBARGOED_TITLE,
        "embargoed-launch",
        "Eastbrook",
        "eastbrook",
        "family-group-conferencing",
        "fostering-adoption",
    ];
    for (path, bytes) in &before {
        let content = String::from_utf8_lossy(bytes);
        // The submit forms and blank templates offer site.yaml's whole vocabulary, which
        // is settings, not content: a service there says nothing about the story.
        let offers_vocabulary = path.starts_with("submit/");
        for needle in needles {
            let vocabulary = ["family-group-conferencing", "fostering-adoption"];
            if offers_vocabulary && vocabulary.contains(&needle) {
                continue;
            }
            assert!(
                !content.contains(needle),
                "{needle} is in {path} before the embargo"
            );
            assert!(!path.contains(needle), "{path} exists before the embargo");
        }
    }
    for path in feed_paths(&before) {
        let feed = parse_feed(&before, path);
        assert!(
            !titles(&feed).iter().any(|t| t == EMBARGOED_TITLE),
            "{path}"
        );
    }

    let after = build_at(&fixture(), AFTER_EMBARGO);
    for path in [
        "feeds/atom.xml",
        "feeds/rss.xml",
        "feeds/feed.json",
        "feeds/stories/atom.xml",
        "feeds/stories/rss.xml",
        "feeds/stories/feed.json",
        "feeds/councils/eastbrook-council/atom.xml",
        "feeds/services/fostering-adoption/rss.xml",
        "feeds/practice-areas/family-group-conferencing/feed.json",
    ] {
        let feed = parse_feed(&after, path);
        assert_eq!(titles(&feed)[0], EMBARGOED_TITLE, "{path}");
    }
    assert!(text(&after, "press/index.html").contains(EMBARGOED_TITLE));
    assert!(text(&after, "stories/embargoed-launch/story.txt").contains(EMBARGOED_TITLE));
    assert!(text(&after, "sitemap.xml").contains("/stories/stories/embargoed-launch/"));
}

#[test]
fn drafts_are_absent_from_every_output() {
    let files = published_site();
    for (path, bytes) in &files {
        let content = String::from_utf8_lossy(bytes);
        for needle in ["Unfinished draft", "draft-story", "Westfold", "westfold"] {
            assert!(!content.contains(needle), "{needle} is in {path}");
            assert!(!path.contains(needle), "{path} is a draft's file");
        }
    }
}

#[test]
fn anonymous_names_never_reach_any_output() {
    let files = published_site();
    assert!(files.len() > 40, "the whole site was built");
    for (path, bytes) in &files {
        let lower = String::from_utf8_lossy(bytes).to_lowercase();
        for name in ["priya", "raman", "alex", "brennan"] {
            assert!(!lower.contains(name), "{name} is in {path}");
            assert!(!path.to_lowercase().contains(name), "{name} names {path}");
        }
    }
    // The labels stand in for them in feeds, metadata and the plain text.
    assert!(text(&files, "feeds/atom.xml").contains(ANONYMOUS_AUTHOR));
    assert!(text(&files, "feeds/nominations/feed.json").contains("Jordan Whitfield"));
    assert!(text(&files, "stories/kitchen-table/story.txt").contains(ANONYMOUS_AUTHOR));
    assert!(
        text(&files, "nominations/brilliant-duty-worker/index.html").contains(ANONYMOUS_NOMINEE)
    );
}

#[test]
fn awkward_title_round_trips_in_every_format() {
    let files = published_site();
    let mut checked = 0;
    for path in feed_paths(&files) {
        let feed = parse_feed(&files, path);
        if let Some(entry) = feed
            .entries
            .iter()
            .find(|e| e.id.ends_with("/stories/awkward-title/"))
        {
            let title = entry.title.as_ref().expect("a title");
            assert_eq!(title.content, AWKWARD_TITLE, "{path}");
            checked += 1;
        }
    }
    // everything, stories, council, service and practice area, in three formats
    assert_eq!(checked, 15);
    let atom = parse_feed(&files, "feeds/atom.xml");
    let entry = entry_titled(&atom, AWKWARD_TITLE);
    assert_eq!(
        entry.summary.as_ref().expect("summary").content,
        AWKWARD_SUMMARY
    );
    let json: Value = serde_json::from_str(text(&files, "feeds/feed.json")).expect("JSON");
    assert!(json["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|i| i["title"] == AWKWARD_TITLE && i["summary"] == AWKWARD_SUMMARY));

    let page = text(&files, "stories/awkward-title/index.html");
    let html = Html::parse_document(page);
    assert_eq!(
        meta(&html, "property", "og:title").as_deref(),
        Some(AWKWARD_TITLE)
    );
    assert_eq!(
        meta(&html, "property", "og:description").as_deref(),
        Some(AWKWARD_SUMMARY)
    );
    let ld = json_ld(&html);
    assert_eq!(ld["headline"], AWKWARD_TITLE);
    assert_eq!(ld["description"], AWKWARD_SUMMARY);
    // The title's </script><script> must not have made a script element of its own.
    assert_eq!(html.select(&selector("script")).count(), 1);
    assert!(!page.contains("<script>alert"), "raw script in the page");
    let h1: String = html
        .select(&selector("h1"))
        .next()
        .expect("a heading")
        .text()
        .collect();
    assert_eq!(h1, AWKWARD_TITLE);

    let plain = text(&files, "stories/awkward-title/story.txt");
    let first_lines: Vec<&str> = plain
        .trim_start_matches('\u{feff}')
        .lines()
        .take(2)
        .collect();
    assert_eq!(first_lines.join(" "), AWKWARD_TITLE);
}

#[test]
fn story_txt_is_wrapped_plain_text_with_everything_a_journalist_needs() {
    let files = published_site();
    for story in ["kitchen-table", "awkward-title", "embargoed-launch"] {
        assert!(
            files.contains_key(&format!("stories/{story}/story.txt")),
            "{story}"
        );
    }
    assert!(
        !files.contains_key("nominations/brilliant-duty-worker/story.txt"),
        "only stories have a plain-text copy"
    );
    let raw = text(&files, "stories/kitchen-table/story.txt");
    let plain = raw.trim_start_matches('\u{feff}');
    for line in plain.lines() {
        let words = line.split_whitespace().count();
        assert!(
            line.chars().count() <= 78 || words == 1,
            "line longer than 78 columns: {line:?}"
        );
    }
    for tag in [
        "<p", "<a ", "</", "<h2", "<img", "<li", "&amp;", "&lt;", "&quot;",
    ] {
        assert!(!plain.contains(tag), "{tag} in story.txt");
    }
    let flat = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Family time at the kitchen table",
        "How a kinship carer and a social worker rebuilt family time around the kitchen table.",
        "Published: 10 February 2026",
        "Updated: 12 February 2026",
        "Council: Northmoor Council",
        "Written by: A team manager at Northmoor Council",
        "Written by: Sam Okafor, Principal social worker, Northmoor Council",
        "how we work (https://example.org/stories/about/)",
        "the story with the long title (https://example.org/stories/stories/awkward-title/)",
        "national guidance (https://www.gov.uk/guidance/kinship-care)",
        "What changed",
        "- The children set the table themselves.",
        "Image credit: Photo: Northmoor Council",
        "Media contact: Jo Bloggs, jo.bloggs@northmoor.example, 01632 960222",
        "Web address: https://example.org/stories/stories/kitchen-table/",
    ] {
        assert!(
            flat.contains(expected),
            "{expected:?} not in story.txt:\n{plain}"
        );
    }
    // Smart punctuation as on the page, in UTF-8.
    assert!(plain.contains("carer’s kitchen"));
    // A story without its own contact gives the press office.
    let awkward = text(&files, "stories/awkward-title/story.txt");
    assert!(awkward.contains("Media contact: Northmoor press office, press@northmoor.example"));

    let page = Html::parse_document(text(&files, "stories/kitchen-table/index.html"));
    let press_box: String = page
        .select(&selector(".press-box"))
        .next()
        .expect("a For journalists box")
        .text()
        .collect();
    for expected in [
        "Jo Bloggs",
        "jo.bloggs@northmoor.example",
        "Photo: Northmoor Council",
        "https://example.org/stories/stories/kitchen-table/",
    ] {
        assert!(press_box.contains(expected), "{expected} not in the box");
    }
    let text_link = page
        .select(&selector(".press-box a[href$=\"story.txt\"]"))
        .next()
        .and_then(|a| a.value().attr("href"));
    assert_eq!(text_link, Some("/stories/stories/kitchen-table/story.txt"));
}

#[test]
fn press_page_lists_latest_stories_with_contacts_credits_and_press_office() {
    let files = published_site();
    let html = Html::parse_document(text(&files, "press/index.html"));
    let main: String = html
        .select(&selector("main"))
        .next()
        .expect("main")
        .text()
        .collect();
    for expected in [
        "Northmoor press office",
        "press@northmoor.example",
        "01632 960111",
        "Family time at the kitchen table",
        "How a kinship carer and a social worker rebuilt",
        "Jo Bloggs",
        "Photo: Northmoor Council",
        AWKWARD_TITLE,
        EMBARGOED_TITLE,
    ] {
        assert!(main.contains(expected), "{expected} not on the press page");
    }
    assert!(
        !main.contains("a duty social worker who always calls back"),
        "the press page lists stories, not nominations"
    );
    let titles: Vec<String> = html
        .select(&selector(".press-item h3"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        titles,
        vec![
            EMBARGOED_TITLE,
            AWKWARD_TITLE,
            "Family time at the kitchen table"
        ]
    );
    let text_links = html
        .select(&selector(".press-item a[href$=\"/story.txt\"]"))
        .count();
    assert_eq!(text_links, 3);
}

#[test]
fn aliases_redirect_and_stay_out_of_the_sitemap_and_feeds() {
    let files = published_site();
    let redirect = Html::parse_document(text(&files, "2025/kitchen-table/index.html"));
    let refresh = meta(&redirect, "http-equiv", "refresh").expect("a meta refresh");
    assert_eq!(refresh, "0; url=/stories/stories/kitchen-table/");
    let canonical = redirect
        .select(&selector("link[rel=\"canonical\"]"))
        .next()
        .and_then(|l| l.value().attr("href"));
    assert_eq!(
        canonical,
        Some("https://example.org/stories/stories/kitchen-table/")
    );
    assert_eq!(
        meta(&redirect, "name", "robots").as_deref(),
        Some("noindex")
    );
    let sitemap = text(&files, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/stories/stories/kitchen-table/</loc>"));
    assert!(
        !sitemap.contains("2025/kitchen-table"),
        "an alias is in the sitemap"
    );
    for path in feed_paths(&files) {
        assert!(!text(&files, path).contains("2025/kitchen-table"), "{path}");
    }
}
