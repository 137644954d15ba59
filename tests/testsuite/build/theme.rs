//! A site's own templates override the embedded theme, file by file.

use crate::support::build::{select_text, TestSite};

#[test]
fn a_site_template_replaces_the_embedded_one_of_that_name() {
    let site = TestSite::fixture("basic");
    site.write(
        "themes/default/templates/home.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Our own home page</h1>{% endblock main %}",
    );
    site.build();
    assert_eq!(
        select_text(&site.read("index.html"), "h1"),
        "Our own home page"
    );
    // Other templates still come from the embedded theme.
    assert_eq!(
        select_text(&site.read("stories/index.html"), "h1"),
        "Good-practice stories"
    );
}

#[test]
fn a_template_error_names_the_template_file_and_line() {
    let site = TestSite::fixture("basic");
    site.write("themes/default/templates/page.html", "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title | nosuchfilter }}\n{% endblock main %}");
    let problems = match site.build_at("2026-03-01T12:00:00Z", false) {
        Err(practice_press::build::BuildError::Content(problems)) => problems,
        other => panic!("expected a template error, got {other:?}"),
    };
    let problem = &problems[0];
    assert_eq!(problem.code, "PP0601");
    assert_eq!(
        problem.file,
        std::path::Path::new("themes/default/templates/page.html")
    );
    assert_eq!(problem.line, 3, "{problem:?}");
}

#[test]
fn a_missing_theme_is_reported() {
    let site = TestSite::fixture("basic");
    let settings = std::fs::read_to_string(site.root().join("site.yaml")).expect("read");
    site.write("site.yaml", &format!("{settings}theme: civic\n"));
    assert!(site.build_at("2026-03-01T12:00:00Z", false).is_err());
}
