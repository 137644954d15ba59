//! The search page as the build writes it: where its script finds the index, and the
//! words the script shows, which come from the theme's Fluent files (the script has
//! none of its own).

use crate::support::build::{select_attr, TestSite};

fn built_search_page() -> (TestSite, String) {
    let site = TestSite::fixture("basic");
    site.build();
    let html = site.read("search/index.html");
    (site, html)
}

#[test]
fn the_search_page_names_its_index_and_the_worker_is_published() {
    let (site, html) = built_search_page();
    assert_eq!(
        select_attr(&html, "#pp-search", "data-index"),
        ["/search-index/"]
    );
    assert!(site.exists("search-index/meta.json"));
    for script in [
        "search.js",
        "search-client.js",
        "search-worker.js",
        "search-service.js",
        "search-engine.js",
        "search-strings.js",
    ] {
        assert!(site.exists(&format!("static/{script}")), "{script}");
    }
}

#[test]
fn the_script_words_are_rendered_from_the_theme_with_a_sample_per_plural_form() {
    let (_site, html) = built_search_page();
    for expected in [
        r#"<span data-key="search-start">Type a search term or choose a filter.</span>"#,
        r#"<span data-key="search-facet-practice-area">Practice area</span>"#,
        r#"<span data-key="search-did-you-mean">Did you mean {query}?</span>"#,
        r#"<span data-key="search-count" data-n="0">No results.</span>"#,
        r#"<span data-key="search-count" data-n="1">{n} result.</span>"#,
        r#"<span data-key="search-count" data-n="20">{n} results.</span>"#,
        r#"<span data-key="search-count-for-filtered" data-n="3">{n} results for “{query}” with the chosen filters.</span>"#,
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    // The message for a search that cannot load, with its links, is ready in the page.
    assert!(html.contains(r#"<div hidden data-search-failed>"#));
    assert!(html.contains(r#"You can still browse <a href="/stories/">stories</a>"#));
}

#[test]
fn the_search_script_has_no_english_of_its_own() {
    let static_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/static/");
    for script in [
        "search.js",
        "search-client.js",
        "search-worker.js",
        "search-service.js",
        "search-engine.js",
        "search-strings.js",
    ] {
        let code = std::fs::read_to_string(format!("{static_dir}{script}")).expect("script");
        // Comments and the console (for developers) may speak English; strings shown
        // to people may not.
        let strings: String = code
            .lines()
            .map(str::trim_start)
            .filter(|line| {
                !line.starts_with("//") && !line.starts_with('*') && !line.contains("console.")
            })
            .collect();
        for english in [
            "No results",
            "result",
            "Did you mean",
            "Keep typing",
            "Type a search",
            "could not",
            "Clear filters",
            "'Council'",
            "'Year'",
            "'Stories'",
            "'Story'",
            "Practice area",
            "Search failed",
        ] {
            let quoted = [
                format!("'{english}"),
                format!("`{english}"),
                format!("\"{english}"),
            ];
            assert!(
                !quoted.iter().any(|q| strings.contains(q.as_str())),
                "{script} shows {english:?} in English"
            );
        }
    }
}
