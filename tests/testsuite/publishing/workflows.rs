//! The workflows `init --ci` writes: they parse as YAML, pin every action and image to a
//! version, rebuild on a schedule, and the shell commands they run work on the example
//! site (run here, with this build of practice-press first on the PATH).

use std::path::Path;
use std::process::Command;

use serde_yaml::Value;

use crate::support::publishing::{bin, read, run, stderr, tempdir};

/// A folder holding only a `practice-press` link to the binary under test, to put first
/// on the PATH: the install step then finds the pinned version already there, as it
/// does when the cache is restored.
fn path_with_binary(folder: &Path) -> String {
    let tools = folder.join("tools");
    std::fs::create_dir_all(&tools).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(bin(), tools.join("practice-press"))
        .unwrap_or_else(|e| panic!("{e}"));
    format!(
        "{}:{}",
        tools.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("the workflow is not YAML: {e}\n{text}"))
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not text: {value:?}"))
}

/// Runs a step's shell script as the runner does (bash, stop at the first failure).
fn run_script(script: &str, dir: &Path, env: &[(String, String)]) {
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .unwrap_or_else(|e| panic!("cannot run bash: {e}"));
    assert!(
        output.status.success(),
        "this step failed:\n{script}\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn is_hex_sha(text: &str) -> bool {
    text.len() == 40 && text.chars().all(|c| c.is_ascii_hexdigit())
}

#[test]
fn the_github_workflow_is_pinned_scheduled_and_its_commands_work() {
    let folder = tempdir();
    let site = folder.path().join("anytown");
    let site_text = site.to_string_lossy().into_owned();
    let made = run(folder.path(), &["init", &site_text, "--ci", "github"], &[]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let raw = read(&site.join(".github/workflows/publish.yml"));
    let workflow = yaml(&raw);

    // Every action is pinned to a commit, with the release it is named in a comment.
    let uses: Vec<&str> = raw
        .lines()
        .filter_map(|l| l.trim().trim_start_matches("- ").strip_prefix("uses: "))
        .collect();
    assert!(uses.len() >= 7, "{uses:?}");
    for line in &uses {
        let (action, rest) = line
            .split_once('@')
            .unwrap_or_else(|| panic!("unpinned: {line}"));
        let (sha, comment) = rest
            .split_once(" # v")
            .unwrap_or_else(|| panic!("no version comment: {line}"));
        assert!(action.starts_with("actions/"), "{line}");
        assert!(is_hex_sha(sha), "not a commit: {line}");
        assert!(
            comment.split('.').count() == 3,
            "not a full version: {line}"
        );
    }

    // Pull requests, the main branch and an hourly schedule.
    let on = &workflow["on"];
    assert!(on.get("pull_request").is_some());
    assert_eq!(on["push"]["branches"][0], "main");
    let cron = text(&on["schedule"][0]["cron"]);
    let fields: Vec<&str> = cron.split_whitespace().collect();
    assert_eq!(fields.len(), 5);
    assert!(fields[0].parse::<u8>().is_ok_and(|m| m < 60));
    assert_eq!(
        &fields[1..],
        ["*", "*", "*", "*"],
        "must run every hour: {cron}"
    );

    let env = &workflow["env"];
    assert_eq!(
        text(&env["PRACTICE_PRESS_VERSION"]),
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(text(&env["SITE_DIR"]), ".");
    let publish = &workflow["jobs"]["publish"];
    assert_eq!(publish["needs"], "check");
    assert!(text(&publish["if"]).contains("github.event_name != 'pull_request'"));
    assert_eq!(publish["permissions"]["pages"], "write");

    // Every shell command of both jobs, in order, on the new site, from its root.
    let mut vars: Vec<(String, String)> = env
        .as_mapping()
        .unwrap_or_else(|| panic!("env is not a mapping"))
        .iter()
        .map(|(k, v)| (text(k).to_string(), text(v).to_string()))
        .collect();
    vars.push(("PATH".into(), path_with_binary(folder.path())));
    vars.push(("TZ".into(), "UTC".into()));
    let mut scripts = 0;
    for job in ["check", "publish"] {
        let steps = workflow["jobs"][job]["steps"]
            .as_sequence()
            .unwrap_or_else(|| panic!("no steps"));
        for step in steps {
            if let Some(script) = step.get("run") {
                let script = text(script);
                assert!(
                    !script.contains("${{"),
                    "expressions belong in env, not in scripts: {script}"
                );
                run_script(script, &site, &vars);
                scripts += 1;
            }
        }
    }
    assert_eq!(scripts, 5);
    let preview = read(&site.join("_preview/index.html"));
    assert!(preview.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(preview.contains("href=\"http://localhost:8000/\""));
    let live = read(&site.join("_site/index.html"));
    assert!(!live.contains("noindex"));
    assert!(site.join("_site/_headers").is_file());
}

#[test]
fn the_gitlab_pipeline_is_pinned_and_its_commands_work_for_a_site_in_a_subfolder() {
    let repository = tempdir();
    std::fs::create_dir_all(repository.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    let made = run(repository.path(), &["init", "sites/anytown"], &[]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let made = run(
        repository.path(),
        &["init", "ci", "gitlab", "--site", "sites/anytown"],
        &[],
    );
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    assert!(
        stderr(&made).contains("Pipeline schedules"),
        "{}",
        stderr(&made)
    );
    let pipeline = yaml(&read(&repository.path().join(".gitlab-ci.yml")));

    let image = text(&pipeline["default"]["image"]);
    let (name, tag) = image
        .split_once(':')
        .unwrap_or_else(|| panic!("unpinned image {image}"));
    assert_eq!(name, "rust");
    let version = tag.split('-').next().unwrap_or("");
    assert_eq!(
        version.split('.').count(),
        3,
        "the image must name a full version: {image}"
    );
    assert!(
        version.split('.').all(|n| n.parse::<u16>().is_ok()),
        "{image}"
    );
    for (job, body) in pipeline
        .as_mapping()
        .unwrap_or_else(|| panic!("not a mapping"))
    {
        if job != "default" {
            assert!(
                body.get("image").is_none(),
                "{job:?} must use the pinned default image"
            );
        }
    }

    let variables = &pipeline["variables"];
    assert_eq!(text(&variables["SITE_DIR"]), "sites/anytown");
    assert_eq!(
        text(&variables["PRACTICE_PRESS_VERSION"]),
        env!("CARGO_PKG_VERSION")
    );
    let project = repository.path().to_string_lossy().into_owned();
    let mut vars: Vec<(String, String)> = variables
        .as_mapping()
        .unwrap_or_else(|| panic!("variables is not a mapping"))
        .iter()
        .map(|(k, v)| {
            (
                text(k).to_string(),
                text(v).replace("$CI_PROJECT_DIR", &project),
            )
        })
        .collect();
    vars.push(("CI_PROJECT_DIR".into(), project.clone()));
    vars.push(("PATH".into(), path_with_binary(repository.path())));
    vars.push(("TZ".into(), "UTC".into()));

    let before: Vec<&str> = pipeline["default"]["before_script"]
        .as_sequence()
        .unwrap_or_else(|| panic!("no before_script"))
        .iter()
        .map(text)
        .collect();
    for job in ["check", "preview", "pages"] {
        let script: Vec<&str> = pipeline[job]["script"]
            .as_sequence()
            .unwrap_or_else(|| panic!("{job} has no script"))
            .iter()
            .map(text)
            .collect();
        let whole = [before.clone(), script].concat().join("\n");
        run_script(&whole, repository.path(), &vars);
    }
    let report = read(&repository.path().join("gl-code-quality-report.json"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&report).ok(),
        Some(serde_json::json!([]))
    );
    assert_eq!(
        pipeline["check"]["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert!(repository.path().join("preview/index.html").is_file());
    assert!(read(&repository.path().join("public/index.html")).contains("<link rel=\"canonical\""));
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
}

#[test]
fn init_ci_keeps_an_existing_workflow_and_needs_a_site() {
    let folder = tempdir();
    let site = folder.path().join("anytown");
    let site_text = site.to_string_lossy().into_owned();
    run(folder.path(), &["init", &site_text], &[]);
    let first = run(
        folder.path(),
        &["init", "ci", "github", "--site", &site_text],
        &[],
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let path = site.join(".github/workflows/publish.yml");
    std::fs::write(&path, "# the council's own workflow\n").unwrap_or_else(|e| panic!("{e}"));
    let again = run(
        folder.path(),
        &["init", "ci", "github", "--site", &site_text],
        &[],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists; nothing was changed (add --force to replace it)")
    );
    assert_eq!(read(&path), "# the council's own workflow\n");
    let forced = run(
        folder.path(),
        &["init", "ci", "github", "--site", &site_text, "--force"],
        &[],
    );
    assert_eq!(forced.status.code(), Some(0));
    assert!(read(&path).contains("name: Publish the site"));

    let empty = folder.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap_or_else(|e| panic!("{e}"));
    let no_site = run(&empty, &["init", "ci", "gitlab"], &[]);
    assert_eq!(no_site.status.code(), Some(1));
    assert!(
        stderr(&no_site).contains("holds no site.yaml"),
        "{}",
        stderr(&no_site)
    );
    assert!(!empty.join(".gitlab-ci.yml").exists());
}

/// A folder with stand-ins for `cargo` and `rustup` that only write down how they were
/// called, first on a PATH with no practice-press on it: the install step then has to
/// install, and the log shows exactly what it would have run.
fn path_with_recording_tools(folder: &Path) -> (String, std::path::PathBuf) {
    let tools = folder.join("recording-tools");
    std::fs::create_dir_all(&tools).unwrap_or_else(|e| panic!("{e}"));
    let log = folder.join("calls.log");
    for tool in ["cargo", "rustup"] {
        let script = format!("#!/bin/sh\necho \"{tool} $*\" >> '{}'\n", log.display());
        let path = tools.join(tool);
        std::fs::write(&path, script).unwrap_or_else(|e| panic!("{e}"));
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    (format!("{}:/usr/bin:/bin", tools.display()), log)
}

/// The install step of a workflow: GitHub's "Install practice-press" step, GitLab's
/// `before_script`.
fn install_script(host: &str, workflow: &Value) -> String {
    if host == "github" {
        let steps = workflow["jobs"]["check"]["steps"]
            .as_sequence()
            .unwrap_or_else(|| panic!("no steps"));
        let step = steps
            .iter()
            .find(|s| s["name"] == "Install practice-press")
            .unwrap_or_else(|| panic!("no install step"));
        text(&step["run"]).to_string()
    } else {
        let lines = workflow["default"]["before_script"]
            .as_sequence()
            .unwrap_or_else(|| panic!("no before_script"));
        lines.iter().map(text).collect::<Vec<_>>().join("\n")
    }
}

#[test]
fn the_install_step_installs_the_pinned_version_from_crates_io_or_from_a_git_tag() {
    let version = env!("CARGO_PKG_VERSION");
    let git = "https://git.example/council/practice-press.git";
    let cases = [
        (
            "github",
            None,
            format!("cargo +1.95.0 install practice-press --version {version} --locked"),
        ),
        (
            "github",
            Some(git),
            format!("cargo +1.95.0 install --git {git} --tag v{version} --locked practice-press"),
        ),
        (
            "gitlab",
            None,
            format!("cargo install practice-press --version {version} --locked"),
        ),
        (
            "gitlab",
            Some(git),
            format!("cargo install --git {git} --tag v{version} --locked practice-press"),
        ),
    ];
    for (host, source, expected) in cases {
        let folder = tempdir();
        let site = folder.path().join("anytown");
        let site_text = site.to_string_lossy().into_owned();
        let mut args = vec!["init", site_text.as_str(), "--ci", host];
        if let Some(url) = source {
            args.extend(["--install-git", url]);
        }
        let made = run(folder.path(), &args, &[]);
        assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
        let file = if host == "github" {
            ".github/workflows/publish.yml"
        } else {
            ".gitlab-ci.yml"
        };
        let workflow = yaml(&read(&site.join(file)));
        let variables = if host == "github" {
            &workflow["env"]
        } else {
            &workflow["variables"]
        };
        assert_eq!(text(&variables["PRACTICE_PRESS_GIT"]), source.unwrap_or(""));

        let (path, log) = path_with_recording_tools(folder.path());
        let vars = vec![
            ("PATH".to_string(), path),
            ("PRACTICE_PRESS_VERSION".into(), version.into()),
            ("PRACTICE_PRESS_GIT".into(), source.unwrap_or("").into()),
            ("RUST_TOOLCHAIN".into(), "1.95.0".into()),
            (
                "CARGO_HOME".into(),
                folder.path().join("cargo-home").to_string_lossy().into(),
            ),
        ];
        run_script(&install_script(host, &workflow), &site, &vars);
        let calls = read(&log);
        let cargo_calls: Vec<&str> = calls.lines().filter(|l| l.starts_with("cargo")).collect();
        assert_eq!(
            cargo_calls,
            [expected.as_str()],
            "{host} {source:?}:\n{calls}"
        );
    }
}

#[test]
fn an_install_address_that_could_break_the_workflow_is_refused() {
    let folder = tempdir();
    let made = run(folder.path(), &["init", "anytown"], &[]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let refused = run(
        folder.path(),
        &[
            "init",
            "ci",
            "github",
            "--site",
            "anytown",
            "--install-git",
            "https://x.example/$(id)",
        ],
        &[],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("is not a git address the workflow can use"),
        "{}",
        stderr(&refused)
    );
    assert!(!folder.path().join("anytown/.github").exists());
}
