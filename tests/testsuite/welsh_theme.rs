//! A Welsh-only site (`language: cy`): every word the theme prints is Welsh, counts take
//! the Welsh plural forms (zero, one, two, few, many, other) and dates Welsh month names.

use std::path::Path;

use crate::support::build::{select_text, TestSite};
use crate::support::copy_tree;

const NOW: &str = "2026-12-07T12:00:00Z";

fn welsh_site() -> TestSite {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/welsh-plurals"),
        dir.path(),
    );
    let site = TestSite { dir };
    site.build_at(NOW, false)
        .unwrap_or_else(|err| panic!("the Welsh site does not build: {err:?}"));
    site
}

/// Every `(number, words)` pair a page shows as `(<n><span class="visually-hidden"> words</span>)`.
fn term_counts(html: &str) -> Vec<(String, String)> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(".terms .count").expect("selector");
    document
        .select(&selector)
        .map(|count| {
            let text: String = count.text().collect();
            let inner = text.trim_matches(|c| c == '(' || c == ')');
            let (number, words) = inner.split_once(' ').unwrap_or((inner, ""));
            (number.to_string(), words.to_string())
        })
        .collect()
}

#[test]
fn counts_on_welsh_pages_take_every_welsh_plural_form() {
    let site = welsh_site();
    let home = site.read("index.html");
    let hero: Vec<String> = {
        let document = scraper::Html::parse_document(&home);
        let selector = scraper::Selector::parse(".hero-counts li").expect("selector");
        document
            .select(&selector)
            .map(|li| li.text().collect::<String>().trim().to_string())
            .collect()
    };
    // other (20), zero (0) and one (1).
    assert_eq!(
        hero,
        ["20 o straeon", "0 enwebiadau", "1 cyngor a phartner"]
    );

    // one (1), two (2), few (3), many (6) and other (8) beside each service.
    let mut services = term_counts(&site.read("services/index.html"));
    services.sort_by_key(|(number, _)| number.parse::<u32>().unwrap_or_default());
    let expected: Vec<(String, String)> = [
        ("1", "eitem"),
        ("2", "eitem"),
        ("3", "eitem"),
        ("6", "eitem"),
        ("8", "o eitemau"),
    ]
    .iter()
    .map(|(n, w)| (n.to_string(), w.to_string()))
    .collect();
    assert_eq!(services, expected);
    assert_eq!(
        term_counts(&site.read("years/index.html")),
        [("20".to_string(), "o eitemau".to_string())]
    );

    // The topic pages say how many items they hold in a sentence.
    let intro = |path: &str| select_text(&site.read(path), "p.lead");
    assert!(intro("services/children/index.html")
        .starts_with("Un eitem wedi’i chyhoeddi ar gyfer y gwasanaeth “"));
    assert!(intro("services/adults/index.html")
        .starts_with("2 eitem wedi’u cyhoeddi ar gyfer y gwasanaeth “"));
    assert!(intro("services/mental-health/index.html").starts_with("3 eitem wedi’u cyhoeddi"));
    assert!(intro("services/fostering/index.html").starts_with("6 eitem wedi’u cyhoeddi"));
    assert!(intro("years/2026/index.html")
        .starts_with("20 o eitemau wedi’u cyhoeddi ar gyfer y flwyddyn “2026”"));

    // The charts' descriptions for people who cannot see them.
    let stats = site.read("stats/index.html");
    assert!(stats.contains("Siart bar gyda 1 flwyddyn:"), "{stats}");
    assert!(stats.contains("Siart bar gyda 5 o wasanaethau:"), "{stats}");
    assert!(
        stats.contains("Yr uchaf yw Cyngor Sir Glanrhyd, gyda 20 o straeon a 0 enwebiadau."),
        "{stats}"
    );
    assert_eq!(
        select_text(&stats, "p.lead"),
        "Wedi’u cyhoeddi hyd yma: 20 o straeon a 0 enwebiadau."
    );
}

#[test]
fn dates_on_welsh_pages_use_welsh_month_names() {
    let site = welsh_site();
    let story = site.read("stories/stori-01/index.html");
    assert!(
        story.contains(r#"<time datetime="2026-01-02">2 Ionawr 2026</time>"#),
        "{story}"
    );
    let listing = site.read("stories/index.html");
    for date in [
        "21 Hydref 2026",
        "20 Medi 2026",
        "4 Mawrth 2026",
        "7 Mehefin 2026",
    ] {
        assert!(listing.contains(&format!(">{date}</time>")), "{date}");
    }
    let text = site.read("stories/stori-01/story.txt");
    assert!(text.contains("\nCyhoeddwyd: 2 Ionawr 2026\n"), "{text}");
}

#[test]
fn a_welsh_only_site_speaks_welsh_on_every_page_type() {
    let site = welsh_site();
    let home = site.read("index.html");
    assert!(
        home.starts_with("<!DOCTYPE html>\n<html lang=\"cy\""),
        "{home}"
    );
    let nav: Vec<String> = {
        let document = scraper::Html::parse_document(&home);
        let selector = scraper::Selector::parse(".site-nav a").expect("selector");
        document
            .select(&selector)
            .map(|a| a.text().collect::<String>().trim().to_string())
            .collect()
    };
    for label in [
        "Straeon",
        "Enwebiadau",
        "Cynghorau",
        "Gwasanaethau",
        "Chwilio",
    ] {
        assert!(nav.iter().any(|n| n == label), "{label} in {nav:?}");
    }
    let pages = [
        ("404.html", "Heb ddod o hyd i’r dudalen"),
        ("accessibility/index.html", "Datganiad hygyrchedd"),
        ("stories/index.html", "Straeon ymarfer da"),
        (
            "nominations/index.html",
            "Enwebiadau Fy Nghydweithiwr Gwych",
        ),
        ("services/index.html", "Gwasanaethau"),
        ("press/index.html", "I newyddiadurwyr"),
        ("stats/index.html", "Ffeithiau a ffigurau"),
        ("feeds/index.html", "Ffrydiau"),
        ("submit/story/index.html", "Rhannu stori"),
        ("submit/nomination/index.html", "Enwebu cydweithiwr"),
    ];
    for (path, heading) in pages {
        assert_eq!(select_text(&site.read(path), "h1"), heading, "{path}");
    }
    let story = site.read("stories/stori-01/index.html");
    assert_eq!(select_text(&story, ".breadcrumbs li"), "Hafan");
    assert_eq!(select_text(&story, "p.kind"), "Stori");
    let accessibility = site.read("accessibility/index.html");
    assert!(accessibility.contains("Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus"));
    assert!(!accessibility.contains("Accessibility Regulations"));
    let form = site.read("submit/story/index.html");
    assert_eq!(select_text(&form, "#error-summary-title"), "Mae problem");
    assert_eq!(select_text(&form, "#submit-button"), "Creu fy ffeil");
}

#[test]
fn a_welsh_site_can_reword_one_welsh_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/welsh-plurals"),
        dir.path(),
    );
    let site = TestSite { dir };
    site.write(
        "themes/default/i18n/cy.ftl",
        "home-latest-stories = Ein straeon diweddaraf\n",
    );
    site.build_at(NOW, false).expect("build");
    let home = site.read("index.html");
    assert_eq!(
        select_text(&home, "#latest-stories"),
        "Ein straeon diweddaraf"
    );
    assert_eq!(
        select_text(&home, "#home-submit-title"),
        "Rhannwch eich ymarfer"
    );
}

#[test]
fn the_writing_guide_is_written_in_welsh_on_a_welsh_site() {
    let site = welsh_site();
    let guide = site.read("submit/guide/index.html");
    assert_eq!(
        select_text(&guide, "h1"),
        "Sut i ysgrifennu stori neu enwebiad"
    );
    assert!(guide.contains("<h2 id=\"cadw-pobl-yn-ddiogel\">Cadw pobl yn ddiogel</h2>"));
    assert!(guide.contains("<a href=\"/submit/story/\">Rhannu stori</a>"));
    // Welsh text on a Welsh page needs no mark of its own; field names stay as written.
    assert!(!guide.contains("lang=\"en-GB\""), "{guide}");
    assert!(guide.contains("<code>title:</code>"));
    assert!(!guide.contains("How to write a story"));
}

/// The fenced ```markdown examples in a guide.
fn guide_examples(guide: &str) -> Vec<String> {
    guide
        .split("```markdown\n")
        .skip(1)
        .filter_map(|rest| rest.split("\n```").next())
        .map(|example| format!("{example}\n"))
        .collect()
}

#[test]
fn the_welsh_writing_guide_examples_pass_check() {
    let examples = guide_examples(include_str!("../../docs/writing-guide.cy.md"));
    assert_eq!(examples.len(), 2, "one story and one nomination");
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/submit/site"),
        dir.path(),
    );
    let files = [
        (
            "content/stories/2026/bocs-esgidiau-llawn-atgofion.md",
            &examples[0],
        ),
        ("content/nominations/y-rheolwr-dyletswydd.md", &examples[1]),
    ];
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("folder")).expect("create");
        std::fs::write(&path, text).expect("write");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(["check", "--site"])
        .arg(dir.path())
        .output()
        .expect("run check");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(!said.contains("warning"), "{said}");
}
