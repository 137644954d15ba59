//! Every page type exists, with the right title and links.

use crate::support::build::{select_attr, select_text, TestSite};

#[test]
fn every_page_type_is_written_with_its_title() {
    let site = TestSite::fixture("basic");
    let report = site.build();
    assert_eq!((report.stories, report.nominations), (2, 1));
    let expected = [
        ("index.html", "Fixture practice stories"),
        ("stories/index.html", "Good-practice stories"),
        (
            "stories/kitchen-table/index.html",
            "Kinship care at the kitchen table",
        ),
        (
            "nominations/index.html",
            "My Brilliant Colleague nominations",
        ),
        (
            "nominations/calm-duty-manager/index.html",
            "My brilliant colleague: a calm duty manager",
        ),
        ("councils/index.html", "Councils"),
        (
            "councils/northmoor-council/index.html",
            "Stories and nominations from Northmoor Council",
        ),
        ("services/index.html", "Services"),
        (
            "services/children/index.html",
            "Children: stories and nominations",
        ),
        ("practice-areas/index.html", "Practice areas"),
        (
            "practice-areas/kinship-care/index.html",
            "Kinship care: stories and nominations",
        ),
        ("tags/index.html", "Tags"),
        ("tags/family-time/index.html", "Tagged “Family time”"),
        ("years/index.html", "Years"),
        ("years/2025/index.html", "Stories and nominations from 2025"),
        ("about/index.html", "About these stories"),
        ("accessibility/index.html", "Accessibility statement"),
        ("search/index.html", "Search"),
        ("404.html", "Page not found"),
    ];
    for (file, h1) in expected {
        let html = site.read(file);
        assert_eq!(select_text(&html, "h1"), h1, "{file}");
        assert_eq!(html.matches("<h1").count(), 1, "exactly one h1 in {file}");
    }
}

#[test]
fn sitemap_robots_and_media_are_published() {
    let site = TestSite::fixture("basic");
    site.build();
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://stories.fixture.example/stories/kitchen-table/</loc>"));
    assert!(sitemap.contains("<lastmod>2026-02-10</lastmod>"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://stories.fixture.example/sitemap.xml"));
    assert!(site.read("media/tea.svg").contains("<svg"));
    assert!(site.exists("static/style.css"));
}

#[test]
fn story_pages_link_to_their_taxonomies_and_media() {
    let site = TestSite::fixture("basic");
    site.build();
    let html = site.read("stories/kitchen-table/index.html");
    let links = select_attr(&html, "main a", "href");
    for expected in [
        "/councils/northmoor-council/",
        "/services/children/",
        "/practice-areas/kinship-care/",
        "/tags/family-time/",
        "/about/",
    ] {
        assert!(
            links.iter().any(|l| l == expected),
            "missing link {expected} in {links:?}"
        );
    }
    assert_eq!(
        select_attr(&html, "main img", "src"),
        vec!["/media/tea.svg"]
    );
    assert_eq!(
        select_attr(&html, "main img", "alt"),
        vec!["Two mugs on a table"]
    );
    assert_eq!(
        select_attr(&html, "link[rel=canonical]", "href"),
        vec!["https://stories.fixture.example/stories/kitchen-table/"]
    );
}

#[test]
fn listings_show_newest_first() {
    let site = TestSite::fixture("basic");
    site.build();
    let html = site.read("stories/index.html");
    let titles: Vec<String> = {
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse(".card-title a").expect("selector");
        doc.select(&sel).map(|e| e.text().collect()).collect()
    };
    assert_eq!(
        titles,
        vec![
            "Kinship care at the kitchen table",
            "Supervision that helps"
        ]
    );
}

#[test]
fn every_internal_link_resolves_with_a_sub_path_base_url() {
    let site = TestSite::fixture("basic");
    let settings = std::fs::read_to_string(site.root().join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        &settings.replace(
            "https://stories.fixture.example",
            "https://example.org/stories",
        ),
    );
    site.build();
    for (path, bytes) in site.all_files() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        let mut urls = select_attr(&html, "a", "href");
        urls.extend(select_attr(&html, "link", "href"));
        urls.extend(select_attr(&html, "img", "src"));
        urls.extend(select_attr(&html, "form", "action"));
        for url in urls {
            if url.starts_with("https://") || url.starts_with("mailto:") || url.starts_with('#') {
                continue;
            }
            assert!(
                url.starts_with("/stories/"),
                "{path}: link {url} ignores the base path"
            );
            let inside = url.trim_start_matches("/stories/");
            let target = if inside.is_empty() || inside.ends_with('/') {
                format!("{inside}index.html")
            } else {
                inside.to_string()
            };
            assert!(
                site.exists(&target),
                "{path}: link {url} leads nowhere ({target})"
            );
        }
    }
}
