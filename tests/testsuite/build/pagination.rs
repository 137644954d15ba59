//! Listing pages split at the page size (20 by default): 0, 1, 20, 21 and 41 items.

use crate::support::build::{select_attr, select_text, story, TestSite};

/// A site with `n` stories and no other entries.
fn site_with_stories(n: usize) -> TestSite {
    let site = TestSite::fixture("basic");
    for file in [
        "kitchen-table",
        "supervision-that-helps",
        "draft-story",
        "embargoed-story",
    ] {
        site.remove(&format!("content/stories/{file}.md"));
    }
    for i in 0..n {
        let date = format!("2025-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
        site.write(
            &format!("content/stories/story-{i:03}.md"),
            &story(&format!("Story number {i}"), &date),
        );
    }
    site
}

fn pages_written(site: &TestSite) -> usize {
    (2..10)
        .take_while(|n| site.exists(&format!("stories/page/{n}/index.html")))
        .count()
        + 1
}

#[test]
fn listing_page_counts_follow_the_page_size() {
    for (stories, pages) in [(0, 1), (1, 1), (20, 1), (21, 2), (41, 3)] {
        let site = site_with_stories(stories);
        site.build();
        assert_eq!(pages_written(&site), pages, "{stories} stories");
        let first = site.read("stories/index.html");
        let cards = first.matches("class=\"card\"").count();
        assert_eq!(cards, stories.min(20), "{stories} stories on page 1");
        if stories == 0 {
            assert!(first.contains("Nothing has been published here yet."));
        }
    }
}

#[test]
fn the_last_page_holds_the_remainder_and_links_back() {
    let site = site_with_stories(41);
    site.build();
    let last = site.read("stories/page/3/index.html");
    assert_eq!(last.matches("class=\"card\"").count(), 1);
    assert_eq!(
        select_attr(&last, "a[rel=prev]", "href"),
        vec!["/stories/page/2/"]
    );
    assert!(select_attr(&last, "a[rel=next]", "href").is_empty());
    assert_eq!(
        select_attr(&last, "a[aria-current=page]", "href"),
        vec!["/stories/page/3/"]
    );
    assert_eq!(
        select_text(&last, ".listing-range"),
        "Showing 41 to 41 of 41"
    );
    let first = site.read("stories/index.html");
    assert_eq!(
        select_attr(&first, "a[rel=next]", "href"),
        vec!["/stories/page/2/"]
    );
    assert!(!site.exists("stories/page/4/index.html"));
}

#[test]
fn term_pages_paginate_too() {
    let site = site_with_stories(21);
    site.build();
    assert!(site.exists("councils/northmoor-council/page/2/index.html"));
    assert!(!site.exists("councils/northmoor-council/page/3/index.html"));
    let second = site.read("councils/northmoor-council/page/2/index.html");
    // 21 stories and the fixture's nomination from the same council: 22 items.
    assert_eq!(second.matches("class=\"card\"").count(), 2);
}

#[test]
fn the_page_size_comes_from_site_settings() {
    let site = site_with_stories(5);
    let settings = std::fs::read_to_string(site.root().join("site.yaml")).expect("read");
    site.write(
        "site.yaml",
        &settings.replace("page_size: 20", "page_size: 2"),
    );
    site.build();
    assert_eq!(pages_written(&site), 3);
}
