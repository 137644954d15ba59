//! Links inside the site, two files at one address, markdown files in the wrong place.

use crate::support::check::Site;

fn site() -> Site {
    Site::new()
        .fixture("links/stories/links.md")
        .fixture("links/stories/same_address.md")
        .fixture("links/stories/same-address.md")
        .fixture("links/pages/about.md")
        .fixture("links/pages/search.md")
        .fixture("links/notes/ideas.md")
        .fixture("links/pages/team/contacts.md")
}

#[test]
fn every_site_wide_problem_is_reported() {
    // Links to a story, its old address (an alias), a page, a tag and a media file are
    // fine; so are links to other websites and relative links.
    assert_eq!(
        site().problems(),
        [
            "content/notes/ideas.md:0:0: warning[PP0016]: this markdown file is not in stories/, nominations/ or pages/, so it is not published",
            "content/pages/search.md:0:0: error[PP0017]: the address /search/ is used by the site itself",
            "content/pages/team/contacts.md:0:0: warning[PP0016]: this page is in a folder inside pages/, so it is not published",
            "content/stories/links.md:11:26: error[PP0501]: this link points to `/guides/kinship/`, which is not part of the site",
            "content/stories/links.md:14:16: error[PP0502]: this image points to `/media/leaflets/kinship.png`, which is not part of the site",
            "content/stories/same_address.md:9:7: error[PP0017]: this file has the same address (/stories/same-address/) as content/stories/same-address.md",
        ]
    );
}

#[test]
fn two_files_at_one_address_name_each_other() {
    let hints = site().hints();
    assert_eq!(
        hints[5],
        "rename one of the files, or give one of them a different `slug:`"
    );
}

#[test]
fn a_link_to_a_file_with_its_own_mistake_is_not_a_second_mistake() {
    let site = Site::new()
        .fixture("links/stories/links.md")
        .fixture("links/stories/same_address.md")
        .write(
            "content/pages/about.md",
            "---\ntitel: About\n---\n\nAbout us.\n",
        )
        .write(
            "content/stories/same-address.md",
            "---\ntitle: \"Unclosed\n",
        );
    let problems = site.problems();
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("/about/") || p.contains("/stories/same-address/`")),
        "{problems:#?}"
    );
    assert!(problems.iter().any(|p| p.contains("/guides/kinship/")));
}
