//! `practice-press new` through the real binary: with flags and `--no-input` as a script
//! would run it, and with answers typed on standard input as a writer would, including
//! wrong answers that must be asked again. Every file made is then put through `check`,
//! which must report nothing but the text the writer still has to write.

use crate::support::{copy_tree, stderr, stdout};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_practice-press");

/// A fresh copy of tests/fixtures/submit/site.
fn fixture_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/submit/site");
    copy_tree(&source, dir.path());
    dir
}

/// Runs `practice-press new <args>` in `site`, typing `input` on standard input.
fn new(site: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(BIN)
        .arg("new")
        .args(args)
        .arg("--site")
        .arg(site)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run practice-press");
    // A child that stops reading early closes the pipe; that is part of what is tested.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("wait for practice-press")
}

/// The file `new` reports on standard output, relative to the site.
fn created(output: &Output) -> PathBuf {
    assert!(
        output.status.success(),
        "new failed: {}\n{}",
        stdout(output),
        stderr(output)
    );
    PathBuf::from(stdout(output).trim())
}

/// `check --format json` on the site: (code, severity, file, message) of each diagnostic.
fn check(site: &Path) -> (bool, Vec<(String, String, String, String)>) {
    let output = Command::new(BIN)
        .args(["check", "--format", "json", "--site"])
        .arg(site)
        .output()
        .expect("run check");
    let json: Value = serde_json::from_slice(&output.stdout).expect("check prints JSON");
    let field = |d: &Value, key: &str| d[key].as_str().unwrap_or_default().to_string();
    let diagnostics = json
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            (
                field(d, "code"),
                field(d, "severity"),
                field(d, "file"),
                field(d, "message"),
            )
        })
        .collect();
    (output.status.success(), diagnostics)
}

/// The front matter of a file made by `new`, parsed.
fn front_matter(site: &Path, file: &Path) -> Value {
    let text = std::fs::read_to_string(site.join(file)).expect("read the new file");
    let yaml = text.split("---\n").nth(1).expect("front matter");
    serde_yaml::from_str(yaml).expect("front matter is YAML")
}

/// 120 words about a colleague, with nothing check objects to.
const NOMINATION_TEXT: &str = "Our duty manager is the calm voice on the end of the phone when \
everything is going wrong. Last winter the office flooded on the busiest Monday of the year, \
and she moved the whole duty team into the library across the road within an hour. Nobody \
missed a visit. She rang every family who was expecting us, explained what had happened and \
made sure that each of them knew who was coming and when. Then she stayed late to make sure \
the newest social worker was not carrying a worry home alone. She never asks for thanks, and \
she never makes anyone feel small for asking a question. The team is braver because of her, \
and I would like everyone to know it. Thank you.";

const STORY_FLAGS: &[&str] = &[
    "story",
    "--no-input",
    "--title",
    "Family time: what \"worked\" #1 – O'Brien's idea",
    "--date",
    "2026-03-02",
    "--summary",
    "- A short summary: with a colon, a dash and 'quotes'.",
    "--council",
    "Pennyford City Council",
    "--service",
    "children",
    "--practice-areas",
    "supervision, 2",
    "--tags",
    "fathers, yes, null",
    "--author-name",
    "Nadia Brook",
    "--author-role",
    "Social worker",
    "--consent",
    "yes",
    "--consent-by",
    "Team manager",
    "--consent-date",
    "2026-03-01",
];

#[test]
fn a_story_from_flags_passes_check_except_for_its_missing_text() {
    let site = fixture_site();
    let output = new(site.path(), STORY_FLAGS, "");
    let file = created(&output);
    assert_eq!(
        file,
        Path::new("content/stories/2026/family-time-what-worked-1-obriens-idea.md")
    );
    let yaml = front_matter(site.path(), &file);
    assert_eq!(
        yaml["title"].as_str(),
        Some("Family time: what \"worked\" #1 – O'Brien's idea")
    );
    assert_eq!(
        yaml["summary"].as_str(),
        Some("- A short summary: with a colon, a dash and 'quotes'.")
    );
    assert_eq!(yaml["practice_areas"][0].as_str(), Some("supervision"));
    assert_eq!(yaml["practice_areas"][1].as_str(), Some("assessment"));
    assert_eq!(yaml["tags"][1].as_str(), Some("yes"), "text, not a boolean");
    assert_eq!(yaml["tags"][2].as_str(), Some("null"), "text, not empty");
    assert_eq!(yaml["consent"]["recorded"].as_bool(), Some(true));
    assert!(yaml.get("draft").is_none());

    let (ok, diagnostics) = check(site.path());
    assert!(ok, "a warning alone does not fail check: {diagnostics:?}");
    assert_eq!(
        diagnostics,
        vec![(
            "PP0213".into(),
            "warning".into(),
            file.display().to_string(),
            "the story has no text yet".into()
        )]
    );
}

#[test]
fn a_nomination_from_flags_needs_only_its_words() {
    let site = fixture_site();
    let output = new(
        site.path(),
        &[
            "nomination",
            "--no-input",
            "--title",
            "The duty manager who moved us across the road",
            "--nominee-name",
            "Grace Adeyemi",
            "--nominee-role",
            "Duty manager",
            "--nominee-organisation",
            "Pennyford City Council",
            "--nominee-anonymous",
            "--nominator-name",
            "Tom Hale",
            "--nominator-role",
            "Social worker",
        ],
        "",
    );
    let file = created(&output);
    assert_eq!(
        file,
        Path::new("content/nominations/the-duty-manager-who-moved-us-across-the-road.md")
    );
    let yaml = front_matter(site.path(), &file);
    assert_eq!(yaml["nominee"]["anonymous"].as_bool(), Some(true));
    assert_eq!(yaml["nominator"]["anonymous"].as_bool(), Some(false));
    assert_eq!(
        yaml["nominator"]["organisation"].as_str(),
        Some("Pennyford City Council"),
        "the nominator's organisation defaults to the nominee's"
    );
    assert_eq!(yaml["council"].as_str(), Some("Pennyford City Council"));

    let (ok, diagnostics) = check(site.path());
    assert!(!ok);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let (code, severity, path, message) = &diagnostics[0];
    assert_eq!((code.as_str(), severity.as_str()), ("PP0301", "error"));
    assert_eq!(path, &file.display().to_string());
    assert_eq!(
        message,
        "the nomination is 0 words long; it needs at least 100"
    );

    let full = site.path().join(&file);
    let mut text = std::fs::read_to_string(&full).expect("read");
    text.push_str(NOMINATION_TEXT);
    std::fs::write(&full, text).expect("write");
    let (ok, diagnostics) = check(site.path());
    assert!(ok && diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn typed_answers_that_are_wrong_are_asked_again_with_a_reason() {
    let site = fixture_site();
    let answers = [
        "Nadia Brook",   // name
        "Social worker", // role
        "maybe",         // anonymous? → asked again
        "no",
        "A shoebox of memories",
        "Life-story work with a boy who had moved eleven times.",
        "2024-13-01", // no month 13 → asked again
        "2024-02-29",
        "1",        // the first council on the site
        "plumbing", // not a service → asked again
        "2",        // adults
        "life-story-work, 22",
        "",   // no tags
        "no", // consent not recorded: a draft
        "",   // nobody yet
        "",   // no sensitive terms
    ];
    let output = new(site.path(), &["story"], &(answers.join("\n") + "\n"));
    let said = stderr(&output);
    let file = created(&output);
    assert!(
        said.contains("please answer yes or no (y or n), not `maybe`"),
        "{said}"
    );
    assert!(said.contains("`2024-13-01` is not a real date: there is no month 13"));
    assert!(said.contains("`plumbing` is not in the list"), "{said}");
    assert!(
        said.contains("   1. Pennyford City Council"),
        "councils on the site are offered: {said}"
    );
    assert!(said.contains("   2. adults"), "{said}");
    assert!(said.contains("is a draft"), "{said}");

    assert_eq!(
        file,
        Path::new("content/stories/2024/a-shoebox-of-memories.md")
    );
    let yaml = front_matter(site.path(), &file);
    assert_eq!(yaml["date"].as_str(), Some("2024-02-29"));
    assert_eq!(yaml["council"].as_str(), Some("Pennyford City Council"));
    assert_eq!(yaml["service"].as_str(), Some("adults"));
    assert_eq!(yaml["practice_areas"][1].as_str(), Some("supervision"));
    assert_eq!(yaml["draft"].as_bool(), Some(true));
    assert_eq!(yaml["consent"]["recorded"].as_bool(), Some(false));

    let (ok, diagnostics) = check(site.path());
    assert!(ok, "{diagnostics:?}");
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.0.as_str()).collect();
    assert_eq!(codes, vec!["PP0213"]);
}

#[test]
fn an_anonymous_name_is_kept_out_of_the_title_and_the_file_name() {
    let site = fixture_site();
    let answers = [
        "Will Oduya",
        "Duty social worker",
        "", // organisation: a name is needed, asked again
        "Anytown Council",
        "yes", // anonymous
        "Kim Lowe",
        "Team manager",
        "", // organisation: the nominee's, by default
        "no",
        "Will Oduya, our brilliant duty worker", // names them: asked again
        "The duty worker who will always call back",
        "2026-01-05",
        "",      // council: the default
        "",      // no service
        "",      // no tags
        "Alfie", // a child's real name used while drafting
    ];
    let output = new(site.path(), &["nomination"], &(answers.join("\n") + "\n"));
    let said = stderr(&output);
    let file = created(&output);
    assert!(said.contains("this one is needed"), "{said}");
    assert!(
        said.contains("the name of someone who asked to be anonymous"),
        "{said}"
    );
    assert_eq!(
        file,
        Path::new("content/nominations/the-duty-worker-who-always-call-back.md"),
        "`will` is part of the anonymous name, so it is left out of the address"
    );
    let yaml = front_matter(site.path(), &file);
    assert_eq!(
        yaml["title"].as_str(),
        Some("The duty worker who will always call back")
    );
    assert_eq!(
        yaml["nominator"]["organisation"].as_str(),
        Some("Anytown Council")
    );
    assert_eq!(yaml["sensitive_terms"][0].as_str(), Some("Alfie"));

    let (_, diagnostics) = check(site.path());
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.0.as_str()).collect();
    assert_eq!(codes, vec!["PP0301"], "{diagnostics:?}");
}

#[test]
fn an_existing_file_is_never_replaced() {
    let site = fixture_site();
    let first = created(&new(site.path(), STORY_FLAGS, ""));
    let before = std::fs::read(site.path().join(&first)).expect("read");
    let second = created(&new(site.path(), STORY_FLAGS, ""));
    assert_eq!(
        second,
        Path::new("content/stories/2026/family-time-what-worked-1-obriens-idea-2.md")
    );
    assert_eq!(
        std::fs::read(site.path().join(&first)).expect("read"),
        before
    );
}

#[test]
fn a_slug_taken_in_another_year_is_not_reused() {
    let site = fixture_site();
    let mut flags = STORY_FLAGS.to_vec();
    let title = flags.iter().position(|f| *f == "--title").expect("title") + 1;
    flags[title] = "A kitchen-table group";
    let file = created(&new(site.path(), &flags, ""));
    assert_eq!(
        file,
        Path::new("content/stories/2026/a-kitchen-table-group-2.md"),
        "content/stories/2025/a-kitchen-table-group.md already has /stories/a-kitchen-table-group/"
    );
    let (_, diagnostics) = check(site.path());
    assert!(
        diagnostics.iter().all(|d| d.0 != "PP0017"),
        "{diagnostics:?}"
    );
}

#[test]
fn missing_flags_are_listed_together_and_nothing_is_written() {
    let site = fixture_site();
    let output = new(
        site.path(),
        &[
            "story",
            "--no-input",
            "--title",
            "Enough",
            "--date",
            "2026-02-30",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    for expected in [
        "--date: `2026-02-30` is not a real date: day 30 does not exist in that month",
        "--summary is needed",
        "--council is needed",
        "--service is needed",
        "--author-name is needed",
        "--author-role is needed",
        "--consent is needed",
    ] {
        assert!(said.contains(expected), "{expected} missing from:\n{said}");
    }
    assert!(!site.path().join("content/stories/2026").exists());
}

#[test]
fn a_wrong_flag_value_is_asked_again_when_typing_is_allowed() {
    let site = fixture_site();
    let mut flags: Vec<&str> = STORY_FLAGS
        .iter()
        .copied()
        .filter(|f| *f != "--no-input")
        .collect();
    let service = flags
        .iter()
        .position(|f| *f == "--service")
        .expect("service")
        + 1;
    flags[service] = "chidlren";
    // Enter for "anonymous?" (no), 1 for the service, Enter for the two optional questions.
    let output = new(site.path(), &flags, "\n1\n\n\n");
    let said = stderr(&output);
    let file = created(&output);
    assert!(said.contains("--service: `chidlren` is not in the list. Did you mean `children`?"));
    assert_eq!(
        front_matter(site.path(), &file)["service"].as_str(),
        Some("children")
    );
}

#[test]
fn input_that_ends_early_writes_nothing() {
    let site = fixture_site();
    let output = new(site.path(), &["nomination"], "Grace Adeyemi\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the answers ended before every question was answered"));
    assert!(stderr(&output).contains("--no-input"));
    assert!(!site.path().join("content/nominations").exists());
}

#[test]
fn no_site_yaml_is_explained() {
    let empty = tempfile::tempdir().expect("temporary folder");
    let output = new(empty.path(), &["story", "--no-input"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("PP0001"), "{}", stderr(&output));
}

/// The fenced ```markdown examples in docs/writing-guide.md.
fn guide_examples() -> Vec<String> {
    let guide = include_str!("../../docs/writing-guide.md");
    guide
        .split("```markdown\n")
        .skip(1)
        .filter_map(|rest| rest.split("\n```").next())
        .map(|example| format!("{example}\n"))
        .collect()
}

#[test]
fn the_writing_guide_examples_pass_check() {
    let examples = guide_examples();
    assert_eq!(examples.len(), 2, "one story and one nomination");
    let site = fixture_site();
    let story = site
        .path()
        .join("content/stories/2026/a-shoebox-of-memories.md");
    std::fs::create_dir_all(story.parent().expect("folder")).expect("create");
    std::fs::write(&story, &examples[0]).expect("write");
    let nomination = site
        .path()
        .join("content/nominations/the-duty-manager-who-moved-us-across-the-road.md");
    std::fs::create_dir_all(nomination.parent().expect("folder")).expect("create");
    std::fs::write(&nomination, &examples[1]).expect("write");
    let (ok, diagnostics) = check(site.path());
    assert!(ok && diagnostics.is_empty(), "{diagnostics:?}");
}

/// The help text `--help` shows for one flag: its line and any lines below it up to the next
/// flag (clap puts the text beside the flag, or below it when it is long).
fn flag_help(help: &str, flag: &str) -> String {
    let lines: Vec<&str> = help.lines().collect();
    let start = lines
        .iter()
        .position(|line| {
            let line = line.trim_start();
            line.starts_with(&format!("{flag} ")) || line == flag
        })
        .unwrap_or_else(|| panic!("{flag} not in help:\n{help}"));
    let below = lines[start + 1..]
        .iter()
        .take_while(|line| !line.trim_start().starts_with('-'))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    format!("{} {below}", lines[start])
}

#[test]
fn help_says_which_flags_no_input_needs() {
    let cases: [(&str, &[&str], &[&str]); 2] = [
        (
            "story",
            &[
                "--title",
                "--summary",
                "--council",
                "--service",
                "--author-name",
                "--author-role",
                "--consent",
            ],
            &["--date", "--tags", "--practice-areas", "--consent-expires"],
        ),
        (
            "nomination",
            &[
                "--title",
                "--nominee-name",
                "--nominee-role",
                "--nominee-organisation",
                "--nominator-name",
                "--nominator-role",
            ],
            &["--date", "--tags", "--nominator-organisation"],
        ),
    ];
    for (kind, required, optional) in cases {
        let output = Command::new(BIN)
            .args(["new", kind, "--help"])
            .output()
            .expect("run practice-press");
        let help = stdout(&output);
        assert!(output.status.success(), "{}", stderr(&output));
        for flag in required {
            assert!(
                flag_help(&help, flag).contains("Required with --no-input"),
                "{kind} {flag}: {}",
                flag_help(&help, flag)
            );
        }
        for flag in optional {
            assert!(
                !flag_help(&help, flag).contains("Required with --no-input"),
                "{kind} {flag} is optional: {}",
                flag_help(&help, flag)
            );
        }
    }
}

const ORIGINAL: &str = "content/stories/2025/a-kitchen-table-group.md";
const TRANSLATION: &str = "content/stories/2025/a-kitchen-table-group.cy.md";

#[test]
fn a_translation_starts_beside_its_original_as_a_draft_with_the_text_to_translate() {
    let site = fixture_site();
    let output = new(
        site.path(),
        &["story", "--lang", "cy", "--translation-of", ORIGINAL],
        "",
    );
    let made = created(&output);
    assert_eq!(made, site.path().join(TRANSLATION));
    let front = front_matter(site.path(), Path::new(TRANSLATION));
    let keys: Vec<&str> = front
        .as_object()
        .expect("a mapping")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["draft", "summary", "title"],
        "only what a translation holds"
    );
    assert_eq!(front["title"], "A kitchen-table group for kinship carers");
    assert_eq!(
        front["summary"],
        "Grandparents raising grandchildren started meeting at a kitchen table, and now run the group themselves."
    );
    assert_eq!(front["draft"], true);
    let text = std::fs::read_to_string(site.path().join(TRANSLATION)).expect("read");
    assert!(
        text.contains("# The Welsh translation of a-kitchen-table-group.md.\n"),
        "{text}"
    );
    assert!(text
        .contains("# When the translation is ready to publish, delete the line `draft: true`.\n"));
    let body = text.splitn(3, "---\n").nth(2).unwrap_or_default();
    assert!(
        body.starts_with(
            "\n<!-- Translate the text below into Welsh, writing over the original's words. -->\n"
        ),
        "{body}"
    );
    assert!(
        body.ends_with("Six grandparents came to the first meeting. By the spring they were running it themselves,\nwith tea, biscuits and a rota for who brings the cake.\n"),
        "{body}"
    );
    assert!(stderr(&output).contains("a draft."), "{}", stderr(&output));
}

#[test]
fn a_translation_is_refused_when_its_original_is_missing_or_it_already_exists() {
    let site = fixture_site();
    let missing = new(
        site.path(),
        &[
            "story",
            "--lang",
            "cy",
            "--translation-of",
            "content/stories/2025/no-such-story.md",
        ],
        "",
    );
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    assert!(
        stderr(&missing)
            .contains("no-such-story.md does not exist, so there is nothing to translate"),
        "{}",
        stderr(&missing)
    );

    let first = new(
        site.path(),
        &["story", "--lang", "cy", "--translation-of", ORIGINAL],
        "",
    );
    created(&first);
    std::fs::write(site.path().join(TRANSLATION), "my half-done translation").expect("write");
    let again = new(
        site.path(),
        &["story", "--lang", "cy", "--translation-of", ORIGINAL],
        "",
    );
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("a-kitchen-table-group.cy.md already exists; nothing was written"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(site.path().join(TRANSLATION)).expect("read"),
        "my half-done translation",
        "the translation in progress is never replaced"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path().join("content/stories/2025"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_translation_of_a_story_is_not_started_as_a_nomination_and_lang_needs_a_file() {
    let site = fixture_site();
    let wrong = new(
        site.path(),
        &["nomination", "--lang", "cy", "--translation-of", ORIGINAL],
        "",
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong)
            .contains("is a story: start its translation with `practice-press new story --lang cy"),
        "{}",
        stderr(&wrong)
    );
    let alone = new(site.path(), &["story", "--no-input", "--lang", "cy"], "");
    assert_eq!(alone.status.code(), Some(2));
    assert!(
        stderr(&alone).contains("--translation-of"),
        "{}",
        stderr(&alone)
    );
    assert!(!site.path().join(TRANSLATION).exists());
}
