//! Sites made at test time: the payload fixture copied into a temporary folder, or
//! small sites written file by file, built the way the CLI builds them.

pub use super::{copy_tree, repo_root};
use std::path::{Path, PathBuf};

use practice_press::build::{build_to_disk, BuildError, BuildOptions, BuildReport};
use practice_press::diagnostic::Diagnostic;
use practice_press::render::NoProgress;
use practice_press::resolve::PublishOptions;

pub fn fixture(relative: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(relative)
}

/// A fixed "now", so embargo and consent rules give the same site every day.
pub fn now() -> jiff::Timestamp {
    "2026-06-01T12:00:00Z".parse().unwrap()
}

pub fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        site_root: root.to_path_buf(),
        publish: PublishOptions {
            now: now(),
            include_drafts: false,
        },
        deny_warnings: false,
        // The search bundle is covered by tests/search_privacy.rs; these builds are many.
        search: false,
    }
}

pub fn build(root: &Path, output: &Path) -> Result<BuildReport, BuildError> {
    build_to_disk(&options(root), output, &NoProgress)
}

/// Builds and panics with every diagnostic when the build fails.
pub fn build_ok(root: &Path, output: &Path) -> BuildReport {
    match build(root, output) {
        Ok(report) => report,
        Err(BuildError::Content(problems)) => panic!("build failed:\n{}", list(&problems)),
        Err(err) => panic!("build failed: {err}"),
    }
}

pub fn list(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "  {} {} {}:{}:{} {}",
                d.code,
                if d.is_error() { "error" } else { "warning" },
                d.file.display(),
                d.line,
                d.column,
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The diagnostics of a failed build (panics if it succeeded).
pub fn build_errors(root: &Path, output: &Path) -> Vec<Diagnostic> {
    match build(root, output) {
        Ok(_) => panic!("the build should have failed"),
        Err(BuildError::Content(problems)) => problems,
        Err(err) => panic!("the build failed, but not with diagnostics: {err}"),
    }
}

/// Copies a fixture site into `to` and adds the files its `<name>.files.json` lists.
pub fn materialise(name: &str, to: &Path) {
    copy_tree(&fixture(&format!("hostile/{name}")), to);
    let manifest = fixture(&format!("hostile/{name}.files.json"));
    let Ok(text) = std::fs::read_to_string(manifest) else {
        return;
    };
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    for file in manifest["files"].as_array().unwrap() {
        let target = to.join(file["path"].as_str().unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        match (file["copy"].as_str(), file["text"].as_str()) {
            (Some(source), _) => {
                std::fs::copy(repo_root().join(source), &target).unwrap();
            }
            (None, Some(text)) => std::fs::write(&target, text).unwrap(),
            _ => panic!("manifest entry without copy or text: {file}"),
        }
    }
}

/// A small valid site: settings and nothing else, for tests to add files to.
pub struct Site {
    pub dir: tempfile::TempDir,
}

pub const SITE_YAML: &str = "title: Test site\nbase_url: https://stories.example\nservices: [children, adults]\npractice_areas: [advocacy, supervision]\npage_size: 20\n";

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), SITE_YAML).unwrap();
        std::fs::create_dir_all(dir.path().join("content/stories")).unwrap();
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Writes a valid story at `content/<relative>`.
    pub fn story(&self, relative: &str, title: &str) -> PathBuf {
        self.write(&format!("content/{relative}"), story(title, ""))
    }
}

/// A valid story's text; `extra` is added to the front matter.
pub fn story(title: &str, extra: &str) -> String {
    format!(
        "---\ntitle: {title:?}\ndate: 2025-03-01\nsummary: A summary.\ncouncil: Anytown Council\nservice: children\nauthors: [{{ name: Sam Writer, role: Social worker }}]\nconsent: {{ recorded: true, by: Team manager, date: 2025-01-01 }}\n{extra}---\n\nThe story of {title}.\n"
    )
}

/// Every file under a folder, as (path relative to it with `/`, bytes).
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let relative = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((relative, std::fs::read(entry.path()).unwrap()));
        }
    }
    out
}

/// Whether the test runs with root's powers (file permissions do not stop root).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|uid| uid == "0"))
        })
        .unwrap_or(false)
}

/// `practice-press build` of `site` into `output`, as a command to run or spawn.
pub fn build_command(site: &Path, output: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_practice-press"));
    command
        .arg("build")
        .arg("--site")
        .arg(site)
        .arg("--output")
        .arg(output)
        .args(["--now", "2026-06-01T12:00:00Z", "--quiet", "--no-search"]);
    command
}

/// Writes `count` valid stories into a site, spread over folders like real years.
pub fn many_stories(site: &Site, count: usize) {
    for i in 0..count {
        site.write(
            &format!("content/stories/{}/story-{i:05}.md", 2000 + i % 25),
            story(&format!("Story number {i}"), ""),
        );
    }
}

/// Hidden folders a build leaves beside its output while it runs (staging, old copy).
pub fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".staging-"))
        .collect()
}
