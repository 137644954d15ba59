//! One writer's file cannot replace what another file, or the site itself, publishes:
//! an alias (an old address that redirects) naming the home page, another story, a
//! listing or the theme's files is refused, and so are two aliases on one address.

use practice_press::build::BuildError;

use crate::support::hostile::{build_errors, list, story, Site};

#[test]
fn an_alias_cannot_take_over_another_page() {
    for alias in [
        "/",
        "/stories/",
        "/stories/victim/",
        "stories/victim",
        "/search/",
        "/about/",
        "/tags/",
        "/static/",
        "/media/",
        "/404.html/",
    ] {
        let site = Site::new();
        site.story("stories/victim.md", "The victim");
        site.write(
            "content/pages/about.md",
            "---\ntitle: About\n---\n\nAbout us.\n",
        );
        site.write(
            "content/stories/hijack.md",
            story("Hijack", &format!("aliases: [{alias:?}]\n")),
        );
        let errors = match crate::support::hostile::build(site.root(), &site.output()) {
            Err(BuildError::Content(errors)) => errors,
            other => panic!("alias {alias} was not refused: {other:?}"),
        };
        assert!(
            errors
                .iter()
                .any(|d| d.file.to_string_lossy() == "content/stories/hijack.md" && d.line > 1),
            "alias {alias}: no located error in the file:\n{}",
            list(&errors)
        );
    }
}

#[test]
fn two_files_cannot_claim_one_old_address() {
    let site = Site::new();
    site.write(
        "content/stories/one.md",
        story("One", "aliases: [/stories/old/]\n"),
    );
    site.write(
        "content/stories/two.md",
        story("Two", "aliases: [/stories/old/]\n"),
    );
    let errors = build_errors(site.root(), &site.output());
    assert!(
        errors.iter().any(|d| d.message.contains("/stories/old/")),
        "{}",
        list(&errors)
    );
}

#[test]
fn a_real_old_address_still_redirects() {
    let site = Site::new();
    site.write(
        "content/stories/new.md",
        story("New name", "aliases: [/stories/old-name/]\n"),
    );
    crate::support::hostile::build_ok(site.root(), &site.output());
    let page = std::fs::read_to_string(site.output().join("stories/old-name/index.html")).unwrap();
    assert!(page.contains("url=/stories/new/"), "{page}");
}
