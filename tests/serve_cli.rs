//! `practice-press serve` as a user runs it: the real binary, its terminal lines,
//! `--open` and Ctrl-C. The server itself is tested in-process in tests/serve.rs.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const FIXTURE: &str = "tests/fixtures/serve/site";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A stand-in for `xdg-open` that writes the address it was given to `opened.txt`.
fn fake_opener(bin: &Path, record: &Path) {
    std::fs::create_dir_all(bin).unwrap();
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The server's terminal lines, read on a thread so a silent server cannot hang the test.
fn stderr_lines(stderr: ChildStderr) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

fn wait_for_line(lines: &mpsc::Receiver<String>, needle: &str) -> String {
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no line containing {needle:?} in time"));
        if line.contains(needle) {
            return line;
        }
    }
}

fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn open_shows_the_site_in_the_browser_and_ctrl_c_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &site);
    let bin = dir.path().join("bin");
    let record = dir.path().join("opened.txt");
    fake_opener(&bin, &record);
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(["serve", "--no-search", "--port", "0", "--open", "--site"])
        .arg(&site)
        .env("PATH", path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = stderr_lines(child.stderr.take().unwrap());
    let serving = wait_for_line(&lines, "Serving http://127.0.0.1:");
    let url = serving
        .split_whitespace()
        .nth(1)
        .unwrap()
        .trim_end_matches(';')
        .to_string();
    assert!(
        serving.contains("add --watch"),
        "without --watch the line says how to watch: {serving}"
    );

    let mut opened = String::new();
    for _ in 0..200 {
        opened = std::fs::read_to_string(&record).unwrap_or_default();
        if !opened.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        opened, url,
        "--open hands the preview's address to the browser"
    );

    interrupt(&child);
    wait_for_line(&lines, "Stopped.");
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "Ctrl-C ends the preview with success: {status}"
    );
    assert!(
        !site.join("public").exists(),
        "the preview writes no output folder"
    );
}

#[test]
fn a_failed_opener_is_a_warning_and_the_preview_keeps_running() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &site);
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let opener = bin.join("xdg-open");
    std::fs::write(&opener, "#!/bin/sh\nexit 3\n").unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(["serve", "--no-search", "--port", "0", "--open", "--site"])
        .arg(&site)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = stderr_lines(child.stderr.take().unwrap());
    let warning = wait_for_line(&lines, "could not open a browser");
    assert!(warning.contains("open http://127.0.0.1:"), "{warning}");
    assert!(
        child.try_wait().unwrap().is_none(),
        "the preview is still up"
    );
    interrupt(&child);
    assert!(child.wait().unwrap().success());
}
