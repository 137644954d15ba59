//! `check --format github|gitlab|sarif` on a site with many problems, kept in a folder of
//! a git repository: exact annotations, a Code Quality report, SARIF valid against the
//! published schema, paths from the repository root and fingerprints that stay put.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::support::publishing::{json, read, run, site_in_repository, stdout};

const NOW: &str = "2026-01-15T12:00:00Z";

fn check(repository: &Path, format: &str) -> std::process::Output {
    run(
        repository,
        &[
            "check",
            "--site",
            "sites/anytown",
            "--now",
            NOW,
            "--format",
            format,
        ],
        &[],
    )
}

#[test]
fn github_annotations_are_exact_and_the_check_fails() {
    let (repository, _) = site_in_repository("problems");
    let output = check(repository.path(), "github");
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    let hint_401 = "%0Ahelp: refer to them by role instead (for example \"my team manager\"), or remove `anonymous: true` if they agreed to be named. A name is found in any case and however its words are joined (`alex-brennan`, `AlexBrennan`, `#alexbrennan`); a part that is an everyday word, such as Rose or Hall, is found only with its capital or next to another part of the name";
    let story = "sites/anytown/content/stories/everything_wrong.md";
    let nomination = "sites/anytown/content/nominations/no_nominee.md";
    assert_eq!(
        lines,
        [
            "::warning file=sites/anytown/content/ideas.md,title=PP0016::this markdown file is not in stories/, nominations/ or pages/, so it is not published%0Ahelp: move it into content/stories/, content/nominations/ or content/pages/".to_string(),
            format!("::error file={nomination},line=1,col=1,endColumn=4,title=PP0103::the required field `nominee` is missing%0Ahelp: add a line such as `nominee: {{ name: Their Name, role: Social worker, organisation: Anytown Council }}` between the --- lines"),
            format!("::error file={nomination},line=10,col=1,title=PP0301::the nomination is 4 words long; it needs at least 100%0Ahelp: tell us more about what your colleague did and the difference it made: 96 more words at least"),
            format!("::error file={nomination},line=10,col=1,endColumn=6,title=PP0401::this is the name of a person who asked to be anonymous{hint_401}"),
            format!("::error file={story},line=2,col=1,endColumn=6,title=PP0102::`titel` is not a field this kind of file can have%0Ahelp: did you mean `title`?"),
            format!("::error file={story},line=4,col=14,endColumn=19,title=PP0401::this is the name of a person who asked to be anonymous{hint_401}"),
            format!("::error file={story},line=6,col=10,endColumn=15,title=PP0204::`child` is not one of this site's services%0Ahelp: the allowed values (from site.yaml) are: children, adults, mental-health"),
            format!("::error file={story},line=14,col=1,endColumn=6,title=PP0401::this is the name of a person who asked to be anonymous{hint_401}"),
            format!("::error file={story},line=14,col=38,endColumn=50,title=PP0402::the story text contains a telephone number%0Ahelp: remove it: contact details belong in `media_contact`, and details of the people written about must not be published; if this exact text must stay (for example a public helpline), add `allow_personal_data: [\"07700 900123\"]` to the front matter"),
            format!("::error file={story},line=15,col=18,endColumn=34,title=PP0501::this link points to `/guides/kinship/`, which is not part of the site%0Ahelp: check the address: stories are at /stories/<file name>/, pages at /<file name>/, media at /media/<path>"),
        ]
    );
    // The job's log still shows each problem the usual way.
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        log.contains("--> content/stories/everything_wrong.md:2:1"),
        "{log}"
    );
}

#[test]
fn the_site_folder_itself_as_the_working_folder_still_gives_repository_paths() {
    let (_repository, site) = site_in_repository("problems");
    let output = run(&site, &["check", "--now", NOW, "--format", "github"], &[]);
    assert!(stdout(&output)
        .lines()
        .all(|l| l.contains("file=sites/anytown/content/")));
}

#[test]
fn the_gitlab_report_has_every_field_code_quality_reads() {
    let (repository, _) = site_in_repository("problems");
    let output = check(repository.path(), "gitlab");
    assert_eq!(output.status.code(), Some(1));
    let report = json(&stdout(&output));
    let issues = report.as_array().unwrap_or_else(|| panic!("not an array"));
    assert_eq!(issues.len(), 10);
    for issue in issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[field].is_string(), "{field} in {issue}");
        }
        assert!(issue["location"]["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("sites/anytown/content/")));
        assert!(issue["location"]["lines"]["begin"]
            .as_u64()
            .is_some_and(|l| l >= 1));
        assert!(["major", "minor"].contains(&issue["severity"].as_str().unwrap_or("")));
    }
    let first = &issues[0];
    assert_eq!(first["check_name"], "PP0016");
    assert_eq!(first["severity"], "minor");
    let telephone = issues
        .iter()
        .find(|i| i["check_name"] == "PP0402")
        .unwrap_or_else(|| panic!("no PP0402"));
    assert_eq!(telephone["severity"], "major");
    assert_eq!(
        telephone["location"]["path"],
        "sites/anytown/content/stories/everything_wrong.md"
    );
    assert_eq!(telephone["location"]["lines"]["begin"], 14);
    let fingerprints: std::collections::BTreeSet<&str> = issues
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    assert_eq!(
        fingerprints.len(),
        issues.len(),
        "fingerprints must be unique"
    );
}

#[test]
fn sarif_is_valid_against_the_published_schema() {
    let schema = json(&read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/testsuite/publishing/sarif-schema-2.1.0.json"),
    ));
    let validator = jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("the vendored schema does not load: {e}"));
    // The validator does reject what is not SARIF 2.1.0.
    assert!(!validator.is_valid(&serde_json::json!({ "version": "2.0.0", "runs": [] })));
    let (repository, _) = site_in_repository("problems");
    let output = check(repository.path(), "sarif");
    assert_eq!(output.status.code(), Some(1));
    let log = json(&stdout(&output));
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "practice-press");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results"));
    assert_eq!(results.len(), 10);
    let link = results
        .iter()
        .find(|r| r["ruleId"] == "PP0501")
        .unwrap_or_else(|| panic!("no PP0501"));
    assert_eq!(link["level"], "error");
    let place = &link["locations"][0]["physicalLocation"];
    assert_eq!(
        place["artifactLocation"]["uri"],
        "sites/anytown/content/stories/everything_wrong.md"
    );
    assert_eq!(place["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(place["region"]["startLine"], 15);
    assert_eq!(place["region"]["startColumn"], 18);
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("no rules"));
    let index = link["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
    assert_eq!(rules[index]["id"], "PP0501");
    // A whole-file warning has a file but no region.
    let warning = results
        .iter()
        .find(|r| r["ruleId"] == "PP0016")
        .unwrap_or_else(|| panic!("no PP0016"));
    assert_eq!(warning["level"], "warning");
    assert!(warning["locations"][0]["physicalLocation"]["region"].is_null());
}

#[test]
fn a_clean_site_gives_an_empty_report_and_valid_sarif() {
    let (repository, site) = site_in_repository("schedule");
    let _ = site;
    let gitlab = check(repository.path(), "gitlab");
    assert_eq!(gitlab.status.code(), Some(0), "{}", stdout(&gitlab));
    assert_eq!(json(&stdout(&gitlab)), Value::Array(Vec::new()));
    let github = check(repository.path(), "github");
    assert_eq!(stdout(&github), "");
    let sarif = json(&stdout(&check(repository.path(), "sarif")));
    assert_eq!(sarif["runs"][0]["results"], Value::Array(Vec::new()));
}

/// (code, line, fingerprint) of each problem.
type Printed = Vec<(String, u64, String)>;

/// The problems with their fingerprints, from GitLab's report and from SARIF.
fn fingerprints(repository: &Path) -> (Printed, Printed) {
    let gitlab = json(&stdout(&check(repository, "gitlab")));
    let gitlab = gitlab
        .as_array()
        .unwrap_or_else(|| panic!("not an array"))
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap_or("").to_string(),
                i["location"]["lines"]["begin"].as_u64().unwrap_or(0),
                i["fingerprint"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let sarif = json(&stdout(&check(repository, "sarif")));
    let sarif = sarif["runs"][0]["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results"))
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or("").to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap_or(0),
                r["partialFingerprints"]["practicePress/v1"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    (gitlab, sarif)
}

#[test]
fn fingerprints_stay_the_same_when_lines_are_inserted_above_a_problem() {
    let (repository, site) = site_in_repository("problems");
    let (gitlab_before, sarif_before) = fingerprints(repository.path());

    // Three new paragraphs above the telephone number and the broken link.
    let story = site.join("content/stories/everything_wrong.md");
    let text = read(&story).replacen(
        "\nPriya started",
        "\nA new opening paragraph.\n\nAnother one.\n\nAnd a third.\n\nPriya started",
        1,
    );
    std::fs::write(&story, text).unwrap_or_else(|e| panic!("{e}"));
    let (gitlab_after, sarif_after) = fingerprints(repository.path());

    for (before, after) in [(gitlab_before, gitlab_after), (sarif_before, sarif_after)] {
        let by_print = |list: &[(String, u64, String)]| -> BTreeMap<String, (String, u64)> {
            list.iter()
                .map(|(code, line, print)| (print.clone(), (code.clone(), *line)))
                .collect()
        };
        let (before, after) = (by_print(&before), by_print(&after));
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "the same problems must keep their fingerprints"
        );
        // The problems really moved: the telephone number is 6 lines further down.
        let moved = before
            .iter()
            .find(|(_, (code, _))| code == "PP0402")
            .unwrap_or_else(|| panic!("no PP0402"));
        assert_eq!(moved.1 .1, 14);
        assert_eq!(after[moved.0].1, 20);
    }
}

/// The whole report a writer reads in the job's log, kept as a reviewed snapshot: a change
/// to any word, place or hint shows up in review as a diff of what the writer would see.
#[test]
fn the_terminal_report_of_every_problem_is_as_reviewed() {
    let (repository, _) = site_in_repository("problems");
    let output = run(
        repository.path(),
        &["check", "--site", "sites/anytown", "--now", NOW],
        &[("NO_COLOR", "1")],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stderr));
}

/// The Code Quality report GitLab reads, whole, as a reviewed snapshot.
#[test]
fn the_gitlab_report_is_as_reviewed() {
    let (repository, _) = site_in_repository("problems");
    let output = check(repository.path(), "gitlab");
    let report: Value = json(&stdout(&output));
    insta::assert_snapshot!(serde_json::to_string_pretty(&report).unwrap_or_default());
}
