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

#[test]
fn a_site_translation_file_replaces_interface_strings_message_by_message() {
    let site = TestSite::fixture("basic");
    site.write(
        "themes/default/i18n/en-GB.ftl",
        "home-latest-stories = Our newest stories\nskip-to-main = Jump to the stories & news\n",
    );
    site.build();
    let home = site.read("index.html");
    assert_eq!(select_text(&home, "#latest-stories"), "Our newest stories");
    // The message text is the theme's own markup, written as it is.
    assert!(home.contains(">Jump to the stories & news</a>"), "{home}");
    // Messages the file leaves out come from the default theme.
    assert_eq!(
        select_text(&home, "#home-submit-title"),
        "Share your practice"
    );
}

#[test]
fn values_filled_into_a_string_are_escaped() {
    let site = TestSite::fixture("basic");
    let settings = std::fs::read_to_string(site.root().join("site.yaml")).expect("read");
    let settings = settings
        .lines()
        .filter(|l| !l.starts_with("organisation:"))
        .collect::<Vec<_>>()
        .join("\n");
    site.write(
        "site.yaml",
        &format!("{settings}\norganisation: \"Anytown <b>Council</b> & Partners\"\n"),
    );
    site.build();
    let home = site.read("index.html");
    assert!(
        home.contains("Published by Anytown &lt;b&gt;Council&lt;&#x2F;b&gt; &amp; Partners.")
            || home.contains("Published by Anytown &lt;b&gt;Council&lt;/b&gt; &amp; Partners."),
        "{home}"
    );
    assert!(!home.contains("<b>Council</b>"));
}

#[test]
fn a_mistake_in_a_site_translation_file_is_located() {
    let site = TestSite::fixture("basic");
    site.write(
        "themes/default/i18n/en-GB.ftl",
        "home-latest-stories = Our newest stories\nthis line is wrong\n",
    );
    let problems = match site.build_at("2026-03-01T12:00:00Z", false) {
        Err(practice_press::build::BuildError::Content(problems)) => problems,
        other => panic!("expected a translation error, got {other:?}"),
    };
    let problem = &problems[0];
    assert_eq!(problem.code, "PP0604");
    assert_eq!(
        problem.file,
        std::path::Path::new("themes/default/i18n/en-GB.ftl")
    );
    assert_eq!((problem.line, problem.column), (2, 6), "{problem:?}");
}
