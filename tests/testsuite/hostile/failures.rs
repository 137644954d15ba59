//! Bad luck during a build: the disk fills up, a folder cannot be written, the build is
//! killed, or two builds start at once. The previous site must stay as it was until a
//! complete new one replaces it, and nothing may be left half-written.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::hostile::{
    build_command, files, is_root, leftovers, many_stories, story, Site,
};

fn run_ok(command: &mut Command) {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A disk that fills up mid-build, made with the file-size limit (RLIMIT_FSIZE): it
/// binds root as well, and writes past it fail with EFBIG like a full disk fails with
/// ENOSPC. SIGXFSZ is ignored so the write fails instead of killing the process.
/// (A read-only folder would not do: root writes to it anyway.)
#[test]
fn a_disk_that_fills_up_mid_build_leaves_the_previous_site() {
    let site = Site::new();
    many_stories(&site, 40);
    run_ok(&mut build_command(site.root(), &site.output()));
    let before = files(&site.output());
    // One page far larger than the limit, among many that fit under it.
    let long = "A long paragraph about practice. ".repeat(28_000);
    site.write(
        "content/stories/long.md",
        format!("{}{long}\n", story("A very long story", "")),
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 400 && trap '' XFSZ && exec \"$0\" \"$@\"")
        .arg(build_command(site.root(), &site.output()).get_program())
        .args(build_command(site.root(), &site.output()).get_args())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the build should have failed:\n{stderr}"
    );
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(stderr.contains("previous site"), "{stderr}");
    assert_eq!(files(&site.output()), before, "the previous site changed");
    assert!(
        leftovers(site.root()).is_empty(),
        "{:?}",
        leftovers(site.root())
    );
}

#[test]
fn an_output_folder_that_cannot_be_made_fails_cleanly() {
    let site = Site::new();
    site.story("stories/a.md", "A story");
    // Root may write anywhere, but not below a file: this fails for everyone.
    let blocker = site.root().join("not-a-folder");
    std::fs::write(&blocker, "a file").unwrap();
    let out = build_command(site.root(), &blocker.join("public"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("not-a-folder"),
        "the message names the place: {stderr}"
    );
    assert_eq!(std::fs::read(&blocker).unwrap(), b"a file");

    if is_root() {
        return; // permissions below do not stop root
    }
    use std::os::unix::fs::PermissionsExt;
    let parent = site.root().join("locked");
    std::fs::create_dir(&parent).unwrap();
    let output = parent.join("public");
    run_ok(&mut build_command(site.root(), &output));
    let before = files(&output);
    std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o555)).unwrap();
    site.story("stories/b.md", "Another story");
    let out = build_command(site.root(), &output).output().unwrap();
    std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!out.status.success());
    assert_eq!(files(&output), before);
}

#[test]
fn a_build_killed_midway_leaves_the_previous_site_and_the_next_cleans_up() {
    let site = Site::new();
    site.story("stories/first.md", "The first story");
    run_ok(&mut build_command(site.root(), &site.output()));
    let before = files(&site.output());
    many_stories(&site, 1500);
    let mut child = build_command(site.root(), &site.output())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Kill it once it has written part of the new site.
    let staging = loop {
        let found = leftovers(site.root());
        if let Some(name) = found.first() {
            let dir = site.root().join(name);
            if walkdir::WalkDir::new(&dir).into_iter().count() > 50 {
                break dir;
            }
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build finished before it could be interrupted"
        );
        assert!(started.elapsed() < Duration::from_secs(120));
        std::thread::sleep(Duration::from_millis(5));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        files(&site.output()),
        before,
        "a killed build changed the site"
    );
    assert!(
        staging.exists(),
        "the killed build had no chance to clean up"
    );
    run_ok(&mut build_command(site.root(), &site.output()));
    assert!(site
        .output()
        .join("stories/story-01499/index.html")
        .is_file());
    assert!(
        leftovers(site.root()).is_empty(),
        "left behind: {:?}",
        leftovers(site.root())
    );
}

/// Two real processes on one output: one waits for the other's lock. Each builds a
/// different site, so the result must be exactly one of them, never a mix.
#[test]
fn two_builds_at_once_leave_one_complete_site() {
    let one = Site::new();
    many_stories(&one, 300);
    let two = Site::new();
    many_stories(&two, 200);
    two.story("stories/only-in-two.md", "Only in two");
    let shared = tempfile::tempdir().unwrap();
    let output = shared.path().join("public");
    let reference = |site: &Site, name: &str| {
        let out = shared.path().join(name);
        run_ok(&mut build_command(site.root(), &out));
        let built = files(&out);
        std::fs::remove_dir_all(&out).unwrap();
        built
    };
    let expected_one = reference(&one, "reference-one");
    let expected_two = reference(&two, "reference-two");
    for round in 0..4 {
        let (early, late) = if round % 2 == 0 {
            (&one, &two)
        } else {
            (&two, &one)
        };
        let mut first = build_command(early.root(), &output)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Rounds 0 and 1 start both at once; 2 and 3 start the second while the first
        // is writing its staging folder.
        if round >= 2 {
            let started = Instant::now();
            while staged_files(shared.path()) < 50 && first.try_wait().unwrap().is_none() {
                assert!(started.elapsed() < Duration::from_secs(120));
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        let second = build_command(late.root(), &output)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let a = first.wait_with_output().unwrap();
        let b = second.wait_with_output().unwrap();
        assert!(
            a.status.success() && b.status.success(),
            "round {round}:\n{}\n{}",
            String::from_utf8_lossy(&a.stderr),
            String::from_utf8_lossy(&b.stderr)
        );
        let result = files(&output);
        assert!(
            result == expected_one || result == expected_two,
            "round {round}: the output is a mix of both sites ({} files)",
            result.len()
        );
        assert!(
            leftovers(shared.path()).is_empty(),
            "{:?}",
            leftovers(shared.path())
        );
    }
}

/// How many files builds have written into staging folders under `parent` so far.
fn staged_files(parent: &std::path::Path) -> usize {
    leftovers(parent)
        .iter()
        .map(|name| walkdir::WalkDir::new(parent.join(name)).into_iter().count())
        .sum()
}

#[test]
fn every_failure_message_says_the_previous_site_is_unchanged() {
    let site = Site::new();
    site.write(
        "content/stories/bad.md",
        story("Bad", "service: nonsense\n"),
    );
    let out = build_command(site.root(), &site.output()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("unchanged"), "{stderr}");
    assert!(!site.output().exists());
}
