//! Promise 1: no content can put script into a reader's browser. The payload site
//! (tests/fixtures/hostile/payloads) carries injection payloads in every setting, every
//! front matter field of a story, a nomination and a page, file names, and the bodies.
//! It must build, and every file it publishes must pass the checks in `checks`.

use scraper::{Html, Selector};

use crate::hostile::checks::{
    check_html, check_json_ld, check_text_file, unsafe_url, url_scheme, ScriptPolicy,
};
use practice_press::build::{build_to_disk, BuildOptions};
use practice_press::render::NoProgress;

use crate::hostile::xml_checks::check_xml;
use crate::support::hostile::{files, materialise, options};

struct Built {
    _dir: tempfile::TempDir,
    files: Vec<(String, Vec<u8>)>,
}

fn build_payload_site() -> Built {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    materialise("payloads", &root);
    let output = dir.path().join("out/public");
    // With search: the index is one more place every payload must pass through whole.
    let options = BuildOptions {
        search: true,
        ..options(&root)
    };
    if let Err(err) = build_to_disk(&options, &output, &NoProgress) {
        panic!("the payload site did not build with search: {err:?}");
    }
    Built {
        files: files(&output),
        _dir: dir,
    }
}

fn text_of(built: &Built, path: &str) -> String {
    let (_, bytes) = built
        .files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("{path} was not published"));
    String::from_utf8(bytes.clone()).unwrap()
}

/// Checks every published file for the context it is in.
fn problems_in(built: &Built) -> Vec<String> {
    let policy = ScriptPolicy {
        static_prefix: "/sub/static/",
    };
    let mut problems = Vec::new();
    for (path, bytes) in &built.files {
        let extension = path.rsplit('.').next().unwrap_or("");
        let text = String::from_utf8_lossy(bytes);
        match extension {
            "html" | "htm" => problems.extend(check_html(path, &text, &policy)),
            "xml" | "svg" => {
                problems.extend(check_text_file(path, bytes));
                problems.extend(check_xml(path, &text));
            }
            "json" | "jsonld" => {
                problems.extend(check_text_file(path, bytes));
                if let Err(err) = serde_json::from_slice::<serde_json::Value>(bytes) {
                    problems.push(format!("{path}: not JSON: {err}"));
                }
            }
            "txt" | "md" | "csv" => problems.extend(check_text_file(path, bytes)),
            _ => {}
        }
    }
    problems
}

#[test]
fn the_payload_site_publishes_no_script() {
    let built = build_payload_site();
    let html = built
        .files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .count();
    assert!(html > 20, "only {html} pages were published");
    let problems = problems_in(&built);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn payloads_are_shown_as_text_not_dropped() {
    let built = build_payload_site();
    let story = Html::parse_document(&text_of(&built, "stories/payload-story/index.html"));
    let h1: String = story
        .select(&Selector::parse("h1").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        h1.contains(
            "</title><script>alert('title')</script>\"><img src=x onerror=alert('title-2')>"
        ),
        "{h1:?}"
    );
    assert!(
        h1.contains("{{ 7*7 }}"),
        "tera syntax in content is text: {h1:?}"
    );
    let title: String = story
        .select(&Selector::parse("title").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        title.contains("<script>alert('title')</script>"),
        "{title:?}"
    );
    let alt = story
        .select(&Selector::parse(".entry-image img").unwrap())
        .next()
        .unwrap()
        .attr("alt")
        .unwrap();
    assert_eq!(alt, "\" onerror=\"alert('alt')");
    let nomination = text_of(&built, "nominations/payload-nomination/index.html");
    let nomination = Html::parse_document(&nomination);
    let img = nomination
        .select(&Selector::parse(".entry-image img").unwrap())
        .next()
        .unwrap();
    // The photo is published as copies named after it; the address is encoded, so
    // nothing in the file name can end the attribute.
    assert_eq!(
        img.attr("src").unwrap(),
        "/sub/media/images/%22%3E%3Csvg%20onload=alert('image-src')%3E-48w.jpg"
    );
}

#[test]
fn hostile_file_names_are_published_under_their_own_names_only() {
    let built = build_payload_site();
    let names: Vec<&str> = built.files.iter().map(|(p, _)| p.as_str()).collect();
    assert!(
        names.contains(&"media/images/\"><svg onload=alert('image-src')>.jpg"),
        "{names:#?}"
    );
    for name in &names {
        assert!(!name.contains(".."), "{name}");
        assert!(!name.starts_with('/'), "{name}");
    }
    // An alias written as ../../../../../tmp/pp-alias-escape stays inside the site.
    assert!(
        names.contains(&"tmp/pp-alias-escape/index.html"),
        "{names:#?}"
    );
}

#[test]
fn json_ld_and_url_checks_catch_what_they_should() {
    // The checks themselves must be able to fail, or a green run means nothing.
    assert!(!check_json_ld("x", r#"{"a":"</script><script>alert(1)</script>"}"#).is_empty());
    assert!(!check_json_ld("x", r#"{"a": "\u003c/script>"#).is_empty());
    assert!(check_json_ld("x", r#"{"a":"\u003c/script\u003e"}"#).is_empty());
    for bad in [
        "javascript:alert(1)",
        "  JaVaScRiPt:alert(1)",
        "jav\tascript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ] {
        assert!(unsafe_url(bad).is_some(), "{bad:?}");
    }
    for good in [
        "/stories/",
        "https://e.org/",
        "mailto:a@b",
        "tel:+44",
        "a:b/c",
        "x.html#y:z",
    ] {
        assert!(
            unsafe_url(good).is_none() || url_scheme(good).as_deref() == Some("a"),
            "{good:?}"
        );
    }
    let policy = ScriptPolicy {
        static_prefix: "/static/",
    };
    for bad in [
        "<p onclick=x>a</p>",
        "<script>x</script>",
        "<script src=https://e.org/x.js></script>",
        "<svg><script>x</script></svg>",
        "<a href=' jav&#x09;ascript:x'>a</a>",
        "<iframe></iframe>",
        "<p style='x'>a</p>",
        "<meta http-equiv=refresh content='0;url=javascript:x'>",
        "<script type=application/ld+json>{\"a\":\"<!--<script>\"}</script>",
    ] {
        assert!(!check_html("x", bad, &policy).is_empty(), "{bad}");
    }
    assert!(check_html(
        "x",
        "<script src=/static/search.js></script><script type=application/ld+json>{}</script>",
        &policy
    )
    .is_empty());
    assert!(!check_xml("x", "<svg><script>x</script></svg>").is_empty());
    assert!(!check_xml("x", "<svg onload='x'/>").is_empty());
    assert!(!check_xml("x", "<a><b></a>").is_empty());
    assert!(check_xml("x", "<?xml version=\"1.0\"?><urlset><url/></urlset>").is_empty());
    assert!(!check_text_file("x", b"a\0b").is_empty());
}

/// The policy must come before anything it governs, and allow no inline script or
/// other origin; the browser test checks that Chromium enforces it.
#[test]
fn every_page_starts_with_a_strict_content_security_policy() {
    let built = build_payload_site();
    for (path, bytes) in built.files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let document = Html::parse_document(&html);
        let head = document
            .select(&Selector::parse("head > *").unwrap())
            .collect::<Vec<_>>();
        let position = head
            .iter()
            .position(|e| e.value().attr("http-equiv") == Some("Content-Security-Policy"))
            .unwrap_or_else(|| panic!("{path} has no CSP"));
        for earlier in &head[..position] {
            assert!(
                earlier.value().name() == "meta" && earlier.value().attr("http-equiv").is_none(),
                "{path}: <{}> comes before the CSP",
                earlier.value().name()
            );
        }
        let policy = head[position].value().attr("content").unwrap();
        assert!(
            policy.starts_with("default-src 'none';"),
            "{path}: {policy}"
        );
        assert!(policy.contains("base-uri 'none'"), "{path}: {policy}");
        for loose in [
            "'unsafe-inline'",
            "'unsafe-eval'",
            "*",
            "data:",
            "http:",
            "https:",
        ] {
            assert!(!policy.contains(loose), "{path}: {policy} allows {loose}");
        }
    }
}

/// Terms made only of symbols (a tag "]]>", a council "!!!") have no page; nothing may
/// link to one, or the link leads to `/tags//`.
#[test]
fn every_term_link_leads_to_a_published_page() {
    let built = build_payload_site();
    let published: std::collections::HashSet<&str> =
        built.files.iter().map(|(p, _)| p.as_str()).collect();
    let links = Selector::parse("a[href]").unwrap();
    for (path, bytes) in built.files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let document = Html::parse_document(&String::from_utf8_lossy(bytes));
        for link in document.select(&links) {
            let href = link.value().attr("href").unwrap();
            let Some(rest) = href.strip_prefix("/sub/") else {
                continue;
            };
            let section = rest.split('/').next().unwrap_or("");
            if !["tags", "councils", "services", "practice-areas", "years"].contains(&section) {
                continue;
            }
            let target = format!("{rest}index.html");
            assert!(
                published.contains(target.as_str()),
                "{path} links to {href}, which was not published"
            );
        }
    }
}
