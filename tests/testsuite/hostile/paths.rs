//! Links and names in content/: a shortcut out of the site is not followed and is
//! named in a warning; loops end; odd names build or get a clear error.

use std::os::unix::fs::symlink;

use crate::support::hostile::{build_errors, build_ok, files, list, story, Site};

fn published_text(site: &Site) -> String {
    files(&site.output())
        .into_iter()
        .map(|(path, bytes)| format!("{path}\n{}", String::from_utf8_lossy(&bytes)))
        .collect()
}

#[test]
fn a_link_to_a_file_outside_the_site_is_not_followed() {
    let site = Site::new();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("case-notes.md");
    std::fs::write(&secret, story("OUTSIDE-SECRET-TITLE", "")).unwrap();
    symlink(&secret, site.root().join("content/stories/linked.md")).unwrap();
    site.story("stories/real.md", "A real story");
    let report = build_ok(site.root(), &site.output());
    let warning = report
        .warnings
        .iter()
        .find(|d| d.code == "PP0801")
        .unwrap_or_else(|| panic!("no warning:\n{}", list(&report.warnings)));
    assert_eq!(warning.file.to_string_lossy(), "content/stories/linked.md");
    assert!(
        warning.message.contains(&secret.display().to_string()),
        "{}",
        warning.message
    );
    assert_eq!(report.stories, 1);
    assert!(!published_text(&site).contains("OUTSIDE-SECRET-TITLE"));
}

#[test]
fn a_link_to_a_folder_outside_the_site_is_not_followed() {
    let site = Site::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("a.md"),
        story("OUTSIDE-FOLDER-TITLE", ""),
    )
    .unwrap();
    symlink(outside.path(), site.root().join("content/stories/shared")).unwrap();
    // A relative link that climbs out is the same thing written differently.
    symlink("../../../..", site.root().join("content/stories/up")).unwrap();
    site.story("stories/real.md", "A real story");
    let report = build_ok(site.root(), &site.output());
    for name in ["content/stories/shared", "content/stories/up"] {
        assert!(
            report
                .warnings
                .iter()
                .any(|d| d.code == "PP0801" && d.file.to_string_lossy() == name),
            "{name} not named:\n{}",
            list(&report.warnings)
        );
    }
    assert_eq!(report.stories, 1);
    assert!(!published_text(&site).contains("OUTSIDE-FOLDER-TITLE"));
}

#[test]
fn link_loops_and_broken_links_end_cleanly() {
    let site = Site::new();
    site.story("stories/2025/real.md", "A real story");
    symlink("..", site.root().join("content/stories/2025/parent")).unwrap();
    symlink(".", site.root().join("content/stories/here")).unwrap();
    symlink("self.md", site.root().join("content/stories/self.md")).unwrap();
    symlink("b.md", site.root().join("content/stories/a.md")).unwrap();
    symlink("a.md", site.root().join("content/stories/b.md")).unwrap();
    symlink("missing.md", site.root().join("content/stories/broken.md")).unwrap();
    let started = std::time::Instant::now();
    let report = build_ok(site.root(), &site.output());
    assert!(started.elapsed().as_secs() < 30, "the walk took too long");
    assert_eq!(report.stories, 1, "{}", list(&report.warnings));
    for name in [
        "content/stories/self.md",
        "content/stories/a.md",
        "content/stories/b.md",
        "content/stories/broken.md",
    ] {
        assert!(
            report
                .warnings
                .iter()
                .any(|d| d.file.to_string_lossy() == name),
            "{name} not named:\n{}",
            list(&report.warnings)
        );
    }
    assert!(
        report.warnings.iter().any(|d| d.code == "PP0802"),
        "no loop warning:\n{}",
        list(&report.warnings)
    );
}

#[test]
fn names_with_spaces_unicode_and_dots_build() {
    let site = Site::new();
    site.story("stories/My first story.md", "Spaces");
    site.story("stories/Zoë’s kinship group.md", "Unicode");
    site.story(
        "stories/2025 – spring/Ünïcödé folder/deep story.md",
        "Folders",
    );
    site.story("stories/a..b.md", "Dots inside");
    site.story("stories/.../three dots.md", "A folder called ...");
    let photo = std::fs::read(crate::support::hostile::fixture("media/progressive.jpg")).unwrap();
    site.write("content/media/images/Zoë's photo 1.jpg", &photo);
    site.write(
        "content/stories/with photo.md",
        story(
            "With a photo",
            "image: { src: \"/media/images/Zoë's%20photo%201.jpg\", alt: A photo, credit: Anytown }\n",
        ),
    );
    let report = build_ok(site.root(), &site.output());
    assert_eq!(report.stories, 6, "{}", list(&report.warnings));
    let names: Vec<String> = files(&site.output()).into_iter().map(|(p, _)| p).collect();
    for page in [
        "stories/my-first-story/index.html",
        "stories/zoes-kinship-group/index.html",
        "stories/deep-story/index.html",
        "stories/a-b/index.html",
        "stories/three-dots/index.html",
        "media/images/Zoë's photo 1.jpg",
    ] {
        assert!(
            names.iter().any(|n| n == page),
            "{page} missing from {names:#?}"
        );
    }
}

#[test]
fn names_that_give_no_address_get_a_clear_error() {
    for name in ["...md", "日本語.md", "---.md", "🎉.md"] {
        let site = Site::new();
        site.story(&format!("stories/{name}"), "No address");
        let errors = build_errors(site.root(), &site.output());
        let shown = format!("content/stories/{name}");
        let error = errors
            .iter()
            .find(|d| d.file.to_string_lossy() == shown)
            .unwrap_or_else(|| panic!("{name}: no error names the file:\n{}", list(&errors)));
        assert!(
            error.message.contains("address")
                && error.hint.as_deref().unwrap_or("").contains("slug"),
            "{name}: unclear: {} / {:?}",
            error.message,
            error.hint
        );
        // With a slug the same file builds.
        std::fs::write(
            site.root().join(&shown),
            story("No address", "slug: a-proper-address\n"),
        )
        .unwrap();
        build_ok(site.root(), &site.output());
        assert!(site
            .output()
            .join("stories/a-proper-address/index.html")
            .is_file());
    }
}

#[test]
fn a_page_whose_name_gives_no_address_gets_a_clear_error() {
    let site = Site::new();
    site.write(
        "content/pages/日本語.md",
        "---\ntitle: About us\n---\n\nText.\n",
    );
    let errors = build_errors(site.root(), &site.output());
    assert!(
        errors
            .iter()
            .any(|d| d.code == "PP0212" && d.file.to_string_lossy() == "content/pages/日本語.md"),
        "{}",
        list(&errors)
    );
}

#[test]
fn dot_dot_in_fields_cannot_reach_outside() {
    let site = Site::new();
    site.write(
        "content/stories/climb.md",
        story(
            "Climbing",
            "image: { src: /media/../../site.yaml, alt: x, credit: y }\nslug: ../../etc\n",
        ),
    );
    let errors = build_errors(site.root(), &site.output());
    for code in ["PP0502", "PP0211"] {
        assert!(
            errors.iter().any(|d| d.code == code),
            "no {code}:\n{}",
            list(&errors)
        );
    }
    let site = Site::new();
    site.write(
        "content/stories/aliases.md",
        story(
            "Aliases",
            "aliases: [\"../../../../outside-alias\", \"/stories/../../up/\"]\n",
        ),
    );
    build_ok(site.root(), &site.output());
    assert!(site.output().join("outside-alias/index.html").is_file());
    assert!(site.output().join("stories/up/index.html").is_file());
    assert!(!site.root().join("outside-alias").exists());
}
