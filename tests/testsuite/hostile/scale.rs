//! Fast versions of the scale scenarios (benches/scale.sh runs the 100,000-file ones):
//! thousands of files, a story near the 1 MB limit, 10,000 tags, folders 50 deep.

use std::time::Instant;

use crate::support::hostile::{build_errors, build_ok, files, many_stories, story, Site};

#[test]
fn two_thousand_stories_build() {
    let site = Site::new();
    many_stories(&site, 2000);
    let started = Instant::now();
    let report = build_ok(site.root(), &site.output());
    eprintln!("2,000 stories: {:?}", started.elapsed());
    assert_eq!(report.stories, 2000);
    assert!(site
        .output()
        .join("stories/story-01999/index.html")
        .is_file());
    // 2,000 stories at 20 a page.
    assert!(site.output().join("stories/page/100/index.html").is_file());
    assert!(!site.output().join("stories/page/101/index.html").exists());
}

#[test]
fn a_story_just_under_one_megabyte_builds_and_one_over_is_refused() {
    let site = Site::new();
    let head = story("A very long story", "");
    let paragraph = "Practice that made a difference, told at length. ";
    let mut body = String::new();
    while head.len() + body.len() + paragraph.len() + 20 < 1024 * 1024 {
        body.push_str(paragraph);
        if body.len() % 2000 < paragraph.len() {
            body.push_str("\n\n");
        }
    }
    body.push_str("\n\nTHE-LAST-WORDS\n");
    let text = format!("{head}{body}");
    assert!(text.len() <= 1024 * 1024 && text.len() > 1000 * 1024);
    site.write("content/stories/long.md", &text);
    let started = Instant::now();
    build_ok(site.root(), &site.output());
    eprintln!("1 MB story: {:?}", started.elapsed());
    let page = std::fs::read_to_string(site.output().join("stories/long/index.html")).unwrap();
    assert!(page.contains("THE-LAST-WORDS"));

    site.write(
        "content/stories/long.md",
        format!("{text}{}", "x".repeat(2048)),
    );
    let errors = build_errors(site.root(), &site.output());
    assert!(errors.iter().any(|d| d.code == "PP0012"), "{errors:?}");
}

#[test]
fn ten_thousand_tags_build() {
    let site = Site::new();
    for s in 0..200 {
        let tags: Vec<String> = (0..50).map(|t| format!("\"tag {s} {t}\"")).collect();
        site.write(
            &format!("content/stories/s{s:03}.md"),
            story(
                &format!("Story {s}"),
                &format!("tags: [{}]\n", tags.join(", ")),
            ),
        );
    }
    let started = Instant::now();
    build_ok(site.root(), &site.output());
    eprintln!("10,000 tags: {:?}", started.elapsed());
    let tag_pages = std::fs::read_dir(site.output().join("tags"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_dir())
        .count();
    assert_eq!(tag_pages, 10_000);
    let index = std::fs::read_to_string(site.output().join("tags/index.html")).unwrap();
    assert!(index.contains("Tag 199 49"));
}

#[test]
fn folders_fifty_deep_build() {
    let site = Site::new();
    let deep: String = (1..=50).map(|level| format!("level-{level:02}/")).collect();
    site.story(&format!("stories/{deep}deep.md"), "A deep story");
    let photo = std::fs::read(crate::support::hostile::fixture("media/progressive.jpg")).unwrap();
    site.write(&format!("content/media/{deep}photo.jpg"), &photo);
    let report = build_ok(site.root(), &site.output());
    assert_eq!(report.stories, 1);
    assert!(site.output().join("stories/deep/index.html").is_file());
    assert!(files(&site.output())
        .iter()
        .any(|(path, _)| path == &format!("media/{deep}photo.jpg")));
}

/// Deep nesting made html5ever's parse (under ammonia) quadratic: a story of 150,000
/// `<div>`s ran for over 15 minutes. Now it is refused quickly, and rendering the same
/// body anyway (preview, fuzzing) stays fast.
#[test]
fn deeply_nested_bodies_are_refused_quickly() {
    let bodies = [
        "<div>".repeat(150_000),
        ">".repeat(500_000),
        "<b><i>x".repeat(100_000),
        (0..300)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect::<String>(),
    ];
    for body in bodies {
        let site = Site::new();
        site.write(
            "content/stories/deep.md",
            format!("{}{body}\n", story("Deep", "")),
        );
        let started = Instant::now();
        let errors = build_errors(site.root(), &site.output());
        assert!(errors.iter().any(|d| d.code == "PP0214"), "{errors:?}");
        let started_render = Instant::now();
        let html = practice_press::render::markdown::render_markdown(&body, "/").html;
        assert!(html.len() < body.len() * 2);
        assert!(
            started.elapsed().as_secs() < 60 && started_render.elapsed().as_secs() < 20,
            "took {:?}",
            started.elapsed()
        );
    }
}

/// A video saved with a .md name must be refused without being read into memory.
#[test]
fn a_huge_file_is_refused_without_reading_it_all() {
    let site = Site::new();
    site.story("stories/fine.md", "Fine");
    let huge = std::fs::File::create(site.root().join("content/stories/video.md")).unwrap();
    huge.set_len(2 * 1024 * 1024 * 1024).unwrap(); // sparse: no disk used
    let out = std::process::Command::new("/usr/bin/time")
        .arg("-v")
        .arg(crate::support::hostile::build_command(site.root(), &site.output()).get_program())
        .args(crate::support::hostile::build_command(site.root(), &site.output()).get_args())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("PP0012") || stderr.contains("larger than 1024 KB"),
        "{stderr}"
    );
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.parse().ok())
        .expect("GNU time reports the peak");
    assert!(peak_kb < 200 * 1024, "peak memory {peak_kb} KB");
}
