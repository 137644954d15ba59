//! The preview server, started in-process on a free port over a copy of
//! tests/fixtures/serve/site, spoken to over plain TCP as a browser would.

use crate::support::copy_tree;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use practice_press::serve::background::SearchReport;
use practice_press::serve::{self, Outcome, ServeOptions, ServerHandle};

const FIXTURE: &str = "tests/fixtures/serve/site";
const SCRIPT_TAG: &str = "<script src=\"/__practice_press/livereload.js\" defer></script>";
const STORY: &str = "content/stories/kinship-visit.md";

/// A copy of the fixture site in a temporary folder.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        Site::from(FIXTURE)
    }

    /// A copy of another fixture site.
    fn from(fixture: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(Path::new(fixture), dir.path());
        Site { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn serve(&self, configure: impl FnOnce(&mut ServeOptions)) -> ServerHandle {
        let mut options = ServeOptions::new(self.dir.path());
        options.port = 0;
        options.watch = true;
        configure(&mut options);
        serve::start(options).unwrap()
    }
}

struct Response {
    status: u16,
    headers: HashMap<String, String>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }
}

/// A GET with the path sent exactly as given (no client-side clean-up of `..`).
/// HTTP/1.0, so the body comes whole rather than chunked.
fn get(addr: SocketAddr, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A GET whose body is kept as bytes (photos): (status, content type, body).
fn get_bytes(addr: SocketAddr, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let kind = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    (status, kind, raw[end + 4..].to_vec())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An open event stream, read as a browser's EventSource would.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET /__practice_press/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        events.next_named("hello");
        events
    }

    /// The next event: (name, data).
    /// The next event other than "search" (sent whenever a new search index is in,
    /// at times of the background indexer's choosing).
    fn next(&mut self) -> (String, String) {
        loop {
            let event = self.next_any();
            if event.0 != "search" {
                return event;
            }
        }
    }

    fn next_any(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let read = self.reader.read_line(&mut line).expect("no event in time");
            assert!(read > 0, "the event stream closed");
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data = d.to_string();
            } else if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
        }
    }

    /// Skips events until one called `name`, and returns its data.
    fn next_named(&mut self, name: &str) -> String {
        loop {
            let (event, data) = self.next_any();
            if event == name {
                return data;
            }
        }
    }
}

#[test]
fn pages_and_files_are_served_with_their_content_types() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let addr = server.addr();
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/stories/kinship-visit/", "text/html; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/media/images/dot.png", "image/png"),
        (
            "/__practice_press/livereload.js",
            "text/javascript; charset=utf-8",
        ),
    ] {
        let response = get(addr, path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), kind, "{path}");
    }
    let story = get(addr, "/stories/kinship-visit/");
    assert!(story.body.contains("A kinship visit that changed the plan"));
    let bare = get(addr, "/stories/kinship-visit");
    assert_eq!(bare.status, 302);
    assert_eq!(bare.header("location"), "/stories/kinship-visit/");
}

/// A browser opens several keep-alive connections at once for a page's scripts and
/// keeps them open afterwards. Each of them must be answered, however many are open:
/// a connection left waiting for a thread is a page that never finishes loading.
#[test]
fn a_burst_of_keep_alive_connections_is_answered_every_time() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let addr = server.addr();
    let mut open = Vec::new();
    for round in 0..6 {
        let burst: Vec<TcpStream> = (0..8)
            .map(|_| {
                let mut stream = TcpStream::connect(addr).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .unwrap();
                write!(
                    stream,
                    "GET /static/style.css HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n"
                )
                .unwrap();
                stream
            })
            .collect();
        for (n, mut stream) in burst.into_iter().enumerate() {
            let mut first = [0u8; 12];
            let answered = stream.read_exact(&mut first).is_ok();
            assert!(
                answered,
                "connection {n} of burst {round} had no answer within 5 s"
            );
            assert_eq!(&first, b"HTTP/1.1 200", "connection {n} of burst {round}");
            // Kept open, as a browser keeps an idle connection for the next request.
            open.push(stream);
        }
    }
}

#[test]
fn a_missing_page_gets_the_sites_404_page() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let response = get(server.addr(), "/stories/no-such-story/");
    assert_eq!(response.status, 404);
    assert!(response.header("content-type").starts_with("text/html"));
    assert!(
        response.body.contains("Page not found"),
        "{}",
        response.body
    );
}

#[test]
fn requests_that_try_to_leave_the_site_are_refused() {
    let site = Site::new();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("case-notes.txt");
    std::fs::write(&secret, "SECRET CASE NOTES").unwrap();
    std::os::unix::fs::symlink(&secret, site.path("content/media/notes.txt")).unwrap();
    let server = site.serve(|_| {});
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "/static/../../Cargo.toml",
    ] {
        let response = get(server.addr(), path);
        assert_eq!(response.status, 403, "{path}");
        assert!(!response.body.contains("SECRET"), "{path}");
        assert!(!response.body.contains("[package]"), "{path}");
        assert!(!response.body.contains("root:"), "{path}");
    }
    // The media stage does not follow a link out of the site, as in `build`.
    let linked = get(server.addr(), "/media/notes.txt");
    assert_eq!(linked.status, 404);
    assert!(!linked.body.contains("SECRET"));
}

#[test]
fn a_site_with_a_sub_path_is_served_under_it() {
    let site = Site::new();
    let settings = site.read("site.yaml").replace(
        "https://stories.anytown.example",
        "https://anytown.example/stories-site/",
    );
    site.write("site.yaml", &settings);
    let server = site.serve(|_| {});
    assert!(server.url().ends_with("/stories-site/"), "{}", server.url());
    let root = get(server.addr(), "/");
    assert_eq!(root.status, 302);
    assert_eq!(root.header("location"), "/stories-site/");
    let home = get(server.addr(), "/stories-site/");
    assert_eq!(home.status, 200);
    assert!(home
        .body
        .contains("href=\"/stories-site/static/style.css\""));
    assert_eq!(
        get(server.addr(), "/stories-site/static/style.css").status,
        200
    );
    assert_eq!(get(server.addr(), "/static/style.css").status, 404);
}

#[test]
fn the_live_reload_script_is_only_in_served_pages() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let home = get(server.addr(), "/");
    assert_eq!(home.body.matches(SCRIPT_TAG).count(), 1);
    assert!(home.body.find(SCRIPT_TAG) < home.body.rfind("</body>"));
    assert!(!home.body.contains("<script>"), "no inline script");
    assert!(get(server.addr(), "/404-me/").body.contains(SCRIPT_TAG));
    server.shutdown();

    let output = site.path("public");
    let options = practice_press::build::BuildOptions::new(site.dir.path());
    practice_press::build::build_to_disk(&options, &output, &practice_press::render::NoProgress)
        .unwrap();
    let built = std::fs::read_to_string(output.join("index.html")).unwrap();
    assert!(!built.contains("__practice_press"));

    let quiet = site.serve(|o| o.watch = false);
    assert!(!get(quiet.addr(), "/").body.contains("__practice_press"));
}

#[test]
fn the_preview_never_writes_the_output_folder() {
    let site = Site::new();
    let server = site.serve(|o| o.include_drafts = true);
    assert_eq!(
        get(server.addr(), "/stories/an-idea-still-being-written/").status,
        404,
        "drafts are addressed by file name"
    );
    assert_eq!(get(server.addr(), "/stories/draft-idea/").status, 200);
    server.shutdown();
    assert!(!site.path("public").exists());
    let without = site.serve(|_| {});
    assert_eq!(get(without.addr(), "/stories/draft-idea/").status, 404);
}

#[test]
fn a_saved_story_reloads_every_tab_and_is_served() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let mut other_tab = Events::open(server.addr());
    let edited = site.read(STORY).replace(
        "A kinship visit that changed the plan",
        "A grandmother's kitchen table",
    );
    site.write(STORY, &edited);
    let data = tab.next_named("reload");
    assert!(data.contains(STORY), "{data}");
    other_tab.next_named("reload");
    let page = get(server.addr(), "/stories/kinship-visit/");
    assert!(page.body.contains("kitchen table"), "{}", page.body);
    let listing = get(server.addr(), "/stories/");
    assert!(listing.body.contains("kitchen table"));
    let tag = get(server.addr(), "/tags/home-visits/");
    assert!(tag.body.contains("kitchen table"));
}

#[test]
fn a_story_made_a_draft_is_taken_down_without_a_false_safety_stop() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let draft = site
        .read(STORY)
        .replace("consent:", "draft: true\nconsent:");
    site.write(STORY, &draft);
    // Its old page links to its own address, which is held back now: that page is
    // taken down, not scanned as if it stayed (found by the proptest below).
    assert_eq!(tab.next().0, "reload");
    assert_eq!(get(server.addr(), "/stories/kinship-visit/").status, 404);
}

#[test]
fn a_broken_file_shows_its_problem_and_fixing_it_recovers() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let good = site.read(STORY);
    site.write(
        STORY,
        &good.replace("service: children", "service: [children"),
    );
    let data = tab.next_named("problems");
    let report: serde_json::Value = serde_json::from_str(&data).unwrap();
    // Exactly what `check` reports, errors first to last, with file, line and column.
    let errors = check_errors(&site);
    assert_eq!(
        report["diagnostics"],
        serde_json::to_value(&errors).unwrap()
    );
    let yaml = errors.iter().find(|d| d.code == "PP0101").unwrap();
    // The unclosed `[` is on the `service:` line of the file.
    assert_eq!((yaml.file.to_str(), yaml.line), (Some(STORY), 6));
    // The last good site is still there, and a tab opened now hears of the problem.
    let page = get(server.addr(), "/stories/kinship-visit/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("A kinship visit that changed the plan"));
    let mut late_tab = Events::open(server.addr());
    late_tab.next_named("problems");

    site.write(STORY, &good.replace("two hours", "three hours"));
    tab.next_named("reload");
    assert!(get(server.addr(), "/stories/kinship-visit/")
        .body
        .contains("three hours"));
    let mut fresh_tab = Events::open(server.addr());
    site.write(STORY, &good);
    assert_eq!(fresh_tab.next().0, "reload", "no problems left to show");
}

#[test]
fn an_anonymity_leak_is_a_problem_not_a_page() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let other = "content/stories/family-meeting.md";
    site.write(
        other,
        &site.read(other).replace(
            "    role: Family group conference coordinator\n",
            "    role: Family group conference coordinator\n    anonymous: true\n",
        ),
    );
    tab.next_named("reload");
    // The anonymous name now appears on the kinship story's page.
    site.write(
        STORY,
        &site
            .read(STORY)
            .replace("two hours", "two hours with Priya Raman"),
    );
    let data = tab.next_named("problems");
    assert!(data.contains("PP0") && data.contains("anonymous"), "{data}");
    assert!(!get(server.addr(), "/stories/kinship-visit/")
        .body
        .contains("Priya Raman"));
}

#[test]
fn a_name_in_a_small_letter_tag_is_a_problem_not_a_page() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let other = "content/stories/family-meeting.md";
    let anonymous = site.read(other).replace(
        "    role: Family group conference coordinator\n",
        "    role: Family group conference coordinator\n    anonymous: true\n",
    );
    site.write(other, &anonymous);
    tab.next_named("reload");
    // Tags and addresses are written in small letters; "raman" is the surname.
    site.write(
        other,
        &anonymous.replace("tags: [meetings]", "tags: [meetings, raman]"),
    );
    let data = tab.next_named("problems");
    assert!(data.contains("PP0401") && data.contains(other), "{data}");
    assert_eq!(get(server.addr(), "/tags/raman/").status, 404);
    let page = get(server.addr(), "/stories/family-meeting/").body;
    assert!(!page.to_lowercase().contains("raman"), "{page}");
}

#[test]
fn a_stylesheet_change_refreshes_styles_without_a_reload() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    site.write(
        "themes/default/static/style.css",
        "body { color: rebeccapurple; }\n",
    );
    // The new themes/ folder is picked up first (a full rebuild), then edits to it.
    let (name, _) = tab.next();
    assert!(name == "reload" || name == "css", "{name}");
    site.write("themes/default/static/style.css", "body { color: teal; }\n");
    tab.next_named("css");
    assert!(get(server.addr(), "/static/style.css")
        .body
        .contains("teal"));
}

#[test]
fn deleted_stories_are_taken_down_and_new_folders_picked_up() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    std::fs::remove_file(site.path(STORY)).unwrap();
    tab.next_named("reload");
    assert_eq!(get(server.addr(), "/stories/kinship-visit/").status, 404);
    assert_eq!(get(server.addr(), "/tags/home-visits/").status, 404);

    // A burst like a `git checkout`: a new folder with several stories at once.
    let template = site.read("content/stories/family-meeting.md");
    for n in 1..=3 {
        site.write(
            &format!("content/stories/2026/new-{n}.md"),
            &template.replace("The family meeting that worked", &format!("New story {n}")),
        );
    }
    for n in 1..=3 {
        let path = format!("/stories/new-{n}/");
        let mut served = get(server.addr(), &path).status == 200;
        for _ in 0..50 {
            if served {
                break;
            }
            tab.next_named("reload");
            served = get(server.addr(), &path).status == 200;
        }
        assert!(served, "{path}");
    }
}

#[test]
fn a_save_by_rename_is_picked_up() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let temporary = site.path("content/stories/.kinship-visit.md.tmp");
    std::fs::write(
        &temporary,
        site.read(STORY).replace("two hours", "an afternoon"),
    )
    .unwrap();
    std::fs::rename(&temporary, site.path(STORY)).unwrap();
    tab.next_named("reload");
    assert!(get(server.addr(), "/stories/kinship-visit/")
        .body
        .contains("an afternoon"));
}

#[test]
fn a_taken_port_moves_on_to_the_next_free_one() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let site = Site::new();
    let server = site.serve(|o| o.port = port);
    assert_ne!(server.addr().port(), port);
    assert_eq!(get(server.addr(), "/").status, 200);
}

#[test]
fn a_site_that_never_built_shows_its_problems_until_fixed() {
    let site = Site::new();
    let good = site.read(STORY);
    site.write(STORY, &good.replace("date: 2025-03-04", "date: someday"));
    let server = site.serve(|_| {});
    assert!(matches!(server.first_build().outcome, Outcome::Failed(_)));
    let page = get(server.addr(), "/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("kinship-visit.md"), "{}", page.body);
    assert!(page.body.contains(SCRIPT_TAG));
    let mut tab = Events::open(server.addr());
    site.write(STORY, &good);
    tab.next_named("reload");
    assert_eq!(get(server.addr(), "/").status, 200);
}

#[test]
fn a_folder_without_site_settings_is_refused() {
    let empty = tempfile::tempdir().unwrap();
    let mut options = ServeOptions::new(empty.path());
    options.port = 0;
    assert!(matches!(
        serve::start(options),
        Err(serve::ServeError::NoSite(_))
    ));
}

/// Collects the background search indexer's reports.
fn search_reports(options: &mut ServeOptions) -> std::sync::mpsc::Receiver<SearchReport> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let sender = std::sync::Mutex::new(sender);
    options.search_notice = Some(std::sync::Arc::new(move |report: &SearchReport| {
        let _ = sender.lock().unwrap().send(report.clone());
    }));
    receiver
}

fn next_report(reports: &std::sync::mpsc::Receiver<SearchReport>) -> SearchReport {
    let report = reports
        .recv_timeout(Duration::from_secs(120))
        .expect("no search index in time");
    assert_eq!(report.error, None, "{report}");
    report
}

#[test]
fn search_is_indexed_in_the_background_and_again_after_a_change() {
    let site = Site::new();
    let mut reports = None;
    let server = site.serve(|options| reports = Some(search_reports(options)));
    let reports = reports.unwrap();
    let first = next_report(&reports);
    // Two published stories; the draft is not shown without --drafts, nor indexed.
    assert_eq!(first.items, 2, "{first}");
    let meta = get(server.addr(), "/search-index/meta.json");
    assert_eq!(meta.status, 200);
    assert_eq!(meta.header("content-type"), "application/json");
    let generation = generation_of(&meta.body);
    let first_doc = format!("/search-index/g/{generation}/d/0.json");
    assert_eq!(get(server.addr(), &first_doc).status, 200);

    let mut events = Events::open(server.addr());
    let story = site.read(STORY).replace(
        "title: A kinship visit that changed the plan",
        "title: A kinship visit that changed the plan for Wrenfield",
    );
    site.write(STORY, &story);
    events.next_named("reload");
    let second = next_report(&reports);
    assert_eq!(second.items, 2);
    // Open search pages are told, so a page that reloaded before the index was in
    // reloads again and searches the new one.
    events.next_named("search");
    // New words make a new generation of the index.
    let changed = get(server.addr(), "/search-index/meta.json");
    assert_ne!(
        generation_of(&changed.body),
        generation,
        "the index was not replaced"
    );
    let shard = get(
        server.addr(),
        &format!("/search-index/g/{}/s/77.json", generation_of(&changed.body)),
    );
    assert!(shard.body.contains("\"wrenfield\""), "{}", shard.body);
    // A search page that read the old meta.json still finds the old generation's files.
    assert_eq!(get(server.addr(), &first_doc).status, 200);
}

fn generation_of(meta: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(meta).expect("meta.json is JSON");
    value["generation"]
        .as_str()
        .expect("a generation")
        .to_string()
}

#[test]
fn a_preview_without_search_has_no_index() {
    let site = Site::new();
    let server = site.serve(|options| options.search = false);
    assert_eq!(get(server.addr(), "/search-index/meta.json").status, 404);
}

/// `practice-press serve` as a user runs it: the real binary, its terminal lines,
/// `--open` and Ctrl-C.
#[cfg(unix)]
mod cli {
    use super::Site;
    use std::io::{BufRead, BufReader};
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    /// A folder holding a stand-in `xdg-open` that runs `script`.
    fn fake_opener(script: &str) -> tempfile::TempDir {
        let bin = tempfile::tempdir().unwrap();
        let opener = bin.path().join("xdg-open");
        std::fs::write(&opener, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
        bin
    }

    /// The real binary serving `site` with `--open`, finding `xdg-open` in `bin` first;
    /// its terminal lines are read on a thread so a silent server cannot hang the test.
    fn serve_with_open(site: &Site, bin: &Path) -> (Child, mpsc::Receiver<String>) {
        let path = format!("{}:/usr/bin:/bin", bin.display());
        let mut child = Command::new(env!("CARGO_BIN_EXE_practice-press"))
            .args(["serve", "--no-search", "--port", "0", "--open", "--site"])
            .arg(site.dir.path())
            .env("PATH", path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        (child, lines)
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
        let site = Site::new();
        let record = tempfile::tempdir().unwrap();
        let opened_file = record.path().join("opened.txt");
        let bin = fake_opener(&format!("printf '%s' \"$1\" > '{}'", opened_file.display()));
        let (mut child, lines) = serve_with_open(&site, bin.path());
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
            opened = std::fs::read_to_string(&opened_file).unwrap_or_default();
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
            !site.path("public").exists(),
            "the preview writes no output folder"
        );
    }

    #[test]
    fn a_failed_opener_is_a_warning_and_the_preview_keeps_running() {
        let site = Site::new();
        let bin = fake_opener("exit 3");
        let (mut child, lines) = serve_with_open(&site, bin.path());
        let warning = wait_for_line(&lines, "could not open a browser");
        assert!(warning.contains("open http://127.0.0.1:"), "{warning}");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the preview is still up"
        );
        interrupt(&child);
        assert!(child.wait().unwrap().success());
    }
}

/// The EXIF entry pointing to the GPS block (tag 0x8825), as the fixture photo has it.
const GPS_IFD_POINTER: &[u8] = &[0x88, 0x25, 0, 4, 0, 0, 0, 1];

#[test]
fn a_photo_is_served_as_the_build_publishes_it_without_its_gps_position() {
    let site = Site::new();
    let original = std::fs::read("tests/fixtures/media/photo-with-gps.jpg").unwrap();
    assert!(contains(&original, GPS_IFD_POINTER), "the fixture has GPS");
    std::fs::write(site.path("content/media/images/garden.jpg"), &original).unwrap();
    let server = site.serve(|_| {});
    let (status, kind, served) = get_bytes(server.addr(), "/media/images/garden.jpg");
    assert_eq!((status, kind.as_str()), (200, "image/jpeg"));
    assert!(served.starts_with(&[0xFF, 0xD8]), "still a JPEG");
    assert!(
        !contains(&served, GPS_IFD_POINTER),
        "GPS reached the browser"
    );
    assert!(!contains(&served, b"Exif\0\0"), "EXIF reached the browser");

    // A photo added while the preview runs goes through the same stage.
    let mut tab = Events::open(server.addr());
    std::fs::write(site.path("content/media/images/later.jpg"), &original).unwrap();
    tab.next_named("reload");
    let (status, _, later) = get_bytes(server.addr(), "/media/images/later.jpg");
    assert_eq!(status, 200);
    assert!(!contains(&later, GPS_IFD_POINTER));
    // The photo's own address holds its largest re-encoded copy, in the build as here.
    let memory = practice_press::write::MemorySink::new();
    practice_press::build::build_into(
        &practice_press::build::BuildOptions::new(site.dir.path()),
        &memory,
        &practice_press::render::NoProgress,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let built = memory.into_files();
    let published = built
        .get("media/images/later.jpg")
        .unwrap_or_else(|| panic!("the build publishes the photo"));
    assert_eq!(
        &later,
        published.as_ref(),
        "the preview serves what build publishes"
    );
}

#[test]
fn an_active_drawing_is_never_served_and_its_problem_is_shown() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    site.write(
        "content/media/images/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert('hi')</script></svg>",
    );
    let data = tab.next_named("problems");
    let report: serde_json::Value = serde_json::from_str(&data).unwrap();
    let problem = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "PP0808")
        .unwrap_or_else(|| panic!("no PP0808 in {data}"));
    assert_eq!(problem["file"], "content/media/images/chart.svg");
    let (status, _, body) = get_bytes(server.addr(), "/media/images/chart.svg");
    assert_eq!(status, 404);
    assert!(!contains(&body, b"alert("));

    std::fs::remove_file(site.path("content/media/images/chart.svg")).unwrap();
    tab.next_named("reload");
}

#[test]
fn every_entry_has_its_social_card_in_the_preview() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let page = get(server.addr(), "/stories/kinship-visit/").body;
    let card = page
        .split("property=\"og:image\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an og:image");
    let path = card
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_string()))
        .expect("an absolute address");
    // Cards are made in the background after the pages: wait for them.
    let started = std::time::Instant::now();
    let (status, kind, bytes) = loop {
        let response = get_bytes(server.addr(), &path);
        if response.0 == 200 || started.elapsed() > Duration::from_secs(60) {
            break response;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!((status, kind.as_str()), (200, "image/png"), "{path}");
    assert!(bytes.starts_with(b"\x89PNG"));
    let size = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    assert_eq!(size, (1200, 630));
}

#[test]
fn a_card_asked_for_before_the_card_run_is_made_at_once() {
    let site = Site::new();
    let server = site.serve(|_| {});
    let page = get(server.addr(), "/stories/kinship-visit/").body;
    let card = page
        .split("property=\"og:image\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an og:image");
    let path = card
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_string()))
        .expect("an absolute address");
    // Asked for straight away, as a link preview would: no waiting, no 404.
    let (status, kind, bytes) = get_bytes(server.addr(), &path);
    assert_eq!((status, kind.as_str()), (200, "image/png"), "{path}");
    assert!(bytes.starts_with(b"\x89PNG"));
    let (status, _, _) = get_bytes(server.addr(), "/stories/no-such-story/card.png");
    assert_eq!(status, 404, "a card of no entry is not made");
}

/// Without any card run at all: each card is made when asked, equal to the build's.
#[test]
fn cards_are_made_on_demand_from_the_served_site_as_the_build_makes_them() {
    use practice_press::build::{build_into, BuildOptions};
    use practice_press::render::NoProgress;
    use practice_press::serve::background::offer_cards_now;
    use practice_press::serve::rebuild::{Rebuilder, SiteOptions};
    use practice_press::serve::store::SiteStore;
    use std::sync::Arc;

    let site = Site::new();
    let root = site.dir.path().canonicalize().unwrap();
    let now: jiff::Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
    let store = Arc::new(SiteStore::default());
    let mut preview = Rebuilder::new(
        SiteOptions {
            root: root.clone(),
            include_drafts: false,
            now: Some(now),
        },
        store.clone(),
    );
    preview.full();
    let (_, cards) = preview.background_jobs().expect("a good first build");
    assert!(
        !store
            .everything()
            .contains_key("stories/kinship-visit/card.png"),
        "no card before one is asked for"
    );
    offer_cards_now(&store, &cards);
    let made = store
        .get("stories/kinship-visit/card.png")
        .expect("the card, made when asked");
    assert!(
        std::fs::read_dir(root.join(".practice-press-cache/cards"))
            .is_ok_and(|mut files| files.next().is_some()),
        "the card is cached as in a build"
    );
    assert_eq!(store.get("stories/no-such-story/card.png"), None);
    assert_eq!(store.get("stories/kinship-visit/other.png"), None);

    let memory = practice_press::write::MemorySink::new();
    let mut options = BuildOptions::new(&root);
    options.publish.now = now;
    build_into(&options, &memory, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    let built = memory.into_files();
    assert_eq!(
        Some(made.as_slice()),
        built
            .get("stories/kinship-visit/card.png")
            .map(|bytes| bytes.as_slice()),
        "the preview's card is the build's"
    );
}

/// Incremental equals full: random edits go through the preview's incremental path
/// (the same rebuild the watcher triggers, and the background work done at once), and
/// after each one every file the preview serves must equal, byte for byte, what a full
/// in-memory build of the same files publishes; when the build refuses, the preview
/// must show the same errors.
mod incremental_equals_full {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use practice_press::build::{build_deployment_into, BuildError, BuildOptions, Deployment};
    use practice_press::render::NoProgress;
    use practice_press::resolve::PublishOptions;
    use practice_press::serve::background::SearchCaches;
    use practice_press::serve::background::{offer_cards_now, run_now};
    use practice_press::serve::rebuild::{Outcome, Rebuilder, SiteOptions};
    use practice_press::serve::store::SiteStore;
    use practice_press::serve::watch::{change_of, Batch};
    use practice_press::write::MemorySink;
    use proptest::prelude::*;

    const TITLES: [&str; 4] = [
        "A kinship visit that changed the plan",
        "Supervision that made room to think",
        "Court day, calmly",
        "A duty desk morning",
    ];
    const TAGS: [&str; 3] = ["home-visits", "supervision-notes", "court"];

    #[derive(Debug, Clone)]
    enum Edit {
        /// A new story, or new values for an existing one's fields.
        Write {
            id: u8,
            title: usize,
            month: u8,
            adults: bool,
            tag: usize,
            draft: bool,
        },
        BreakYaml(u8),
        Delete(u8),
        Rename(u8, u8),
        Settings(u8),
        /// 0 takes the site's own 404 template away; others write one.
        Template(u8),
        Photo(u8),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            4 => (0u8..4, 0..TITLES.len(), 1u8..13, any::<bool>(), 0..TAGS.len(), proptest::bool::weighted(0.2))
                .prop_map(|(id, title, month, adults, tag, draft)| Edit::Write { id, title, month, adults, tag, draft }),
            1 => (0u8..4).prop_map(Edit::BreakYaml),
            1 => (0u8..4).prop_map(Edit::Delete),
            1 => (0u8..4, 0u8..4).prop_map(|(a, b)| Edit::Rename(a, b)),
            1 => (0u8..3).prop_map(Edit::Settings),
            1 => (0u8..3).prop_map(Edit::Template),
            1 => (0u8..3).prop_map(Edit::Photo),
        ]
    }

    fn story_path(id: u8) -> PathBuf {
        PathBuf::from(format!("content/stories/p{id}.md"))
    }

    fn story(title: usize, month: u8, adults: bool, tag: usize, draft: bool) -> String {
        let service = if adults { "adults" } else { "children" };
        format!(
            "---\ntitle: {}\ndate: 2025-{month:02}-10\nsummary: What changed for one family, and why.\ncouncil: Anytown Council\nservice: {service}\npractice_areas: [kinship-care]\ntags: [{}]\nauthors:\n  - name: Sam Okafor\n    role: Social worker\nconsent:\n  recorded: true\n  by: Team manager\n  date: 2025-01-02\ndraft: {draft}\n---\n\nWe met at the kitchen table and planned the next step together.\n\n![A small dot](/media/images/dot.png)\n",
            TITLES[title], TAGS[tag]
        )
    }

    /// Applies `edit` to the site's files; the paths it changed, as the watcher would
    /// name them.
    fn apply(root: &Path, edit: &Edit) -> Vec<PathBuf> {
        let write = |relative: &Path, text: &[u8]| {
            let path = root.join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
            vec![relative.to_path_buf()]
        };
        match *edit {
            Edit::Write { id, title, month, adults, tag, draft } => write(
                &story_path(id),
                story(title, month, adults, tag, draft).as_bytes(),
            ),
            Edit::BreakYaml(id) => write(&story_path(id), b"---\ntitle: [broken\n---\nBody.\n"),
            Edit::Delete(id) => match std::fs::remove_file(root.join(story_path(id))) {
                Ok(()) => vec![story_path(id)],
                Err(_) => Vec::new(),
            },
            Edit::Rename(a, b) => {
                match std::fs::rename(root.join(story_path(a)), root.join(story_path(b))) {
                    Ok(()) => vec![story_path(a), story_path(b)],
                    Err(_) => Vec::new(),
                }
            }
            Edit::Settings(n) => {
                let settings = std::fs::read_to_string(root.join("site.yaml")).unwrap();
                let kept: String = settings
                    .lines()
                    .filter(|l| !l.starts_with("page_size"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                write(
                    Path::new("site.yaml"),
                    format!("{kept}page_size: {}\n", n + 1).as_bytes(),
                )
            }
            Edit::Template(0) => {
                let relative = PathBuf::from("themes/default/templates/404.html");
                let _ = std::fs::remove_file(root.join(&relative));
                vec![relative]
            }
            Edit::Template(n) => write(
                Path::new("themes/default/templates/404.html"),
                format!("{{% extends \"base.html\" %}}\n{{% block main %}}<h1>Lost, version {n}</h1>{{% endblock main %}}\n").as_bytes(),
            ),
            Edit::Photo(n) => write(
                Path::new(&format!("content/media/images/extra-{n}.png")),
                &std::fs::read(root.join("content/media/images/dot.png")).unwrap(),
            ),
        }
    }

    /// Puts the fixture back in `root`, keeping the card cache between cases.
    fn reset(root: &Path) {
        for folder in ["content", "themes"] {
            let _ = std::fs::remove_dir_all(root.join(folder));
        }
        crate::support::copy_tree(Path::new(super::FIXTURE), root);
    }

    pub(super) fn full_build(
        root: &Path,
        now: jiff::Timestamp,
    ) -> Result<BTreeMap<String, Arc<Vec<u8>>>, Vec<String>> {
        let mut options = BuildOptions::new(root);
        options.publish = PublishOptions {
            now,
            include_drafts: false,
        };
        let deployment = Deployment {
            no_host_headers: true,
            ..Deployment::default()
        };
        let memory = MemorySink::new();
        match build_deployment_into(&options, &deployment, &memory, &NoProgress) {
            Ok(_) => Ok(memory.into_files()),
            Err(BuildError::Content(problems)) => Err(errors(&problems)),
            Err(other) => panic!("the build could not write: {other}"),
        }
    }

    pub(super) fn errors(problems: &[practice_press::diagnostic::Diagnostic]) -> Vec<String> {
        let mut shown: Vec<String> = problems
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        shown.sort();
        shown
    }

    pub(super) fn differences(
        served: &BTreeMap<String, Arc<Vec<u8>>>,
        built: &BTreeMap<String, Arc<Vec<u8>>>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (path, bytes) in built {
            match served.get(path) {
                None => out.push(format!("missing from the preview: {path}")),
                Some(s) if s != bytes => out.push(format!("differs: {path}")),
                Some(_) => {}
            }
        }
        for path in served.keys().filter(|p| !built.contains_key(*p)) {
            out.push(format!("only in the preview: {path}"));
        }
        out
    }

    fn root() -> &'static Path {
        static ROOT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
        ROOT.get_or_init(|| tempfile::tempdir().unwrap()).path()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn every_served_file_equals_a_full_build(edits in proptest::collection::vec(edit(), 1..7)) {
            let root = root();
            reset(root);
            replay(root, &edits, apply, |_| true)?;
        }
    }

    /// Applies each edit to the site at `root`, lets the preview rebuild what it
    /// changed, and compares everything the preview serves (search and cards included)
    /// with a full build of the same files, or its problems with the build's.
    /// `expected` is one more thing every successful build must hold.
    pub(super) fn replay<E: std::fmt::Debug>(
        root: &Path,
        edits: &[E],
        apply: fn(&Path, &E) -> Vec<PathBuf>,
        expected: fn(&BTreeMap<String, Arc<Vec<u8>>>) -> bool,
    ) -> Result<(), TestCaseError> {
        let now: jiff::Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
        let store = Arc::new(SiteStore::default());
        let mut preview = Rebuilder::new(
            SiteOptions {
                root: root.canonicalize().unwrap(),
                include_drafts: false,
                now: Some(now),
            },
            store.clone(),
        );
        let mut cache = SearchCaches::default();
        preview.full();
        for (step, edit) in edits.iter().enumerate() {
            let changed = apply(root, edit);
            if changed.is_empty() {
                // Nothing on disk changed (deleting a file that is not there): no
                // event reaches the preview.
                continue;
            }
            let mut batch = Batch::default();
            for path in changed {
                batch.add(change_of(&path));
            }
            let outcome = preview.rebuild(&batch).outcome;
            match full_build(root, now) {
                Ok(built) => {
                    let failed = matches!(&outcome, Outcome::Failed(_));
                    prop_assert!(!failed, "step {step} {edit:?}: the preview failed where the build did not: {outcome:?}");
                    prop_assert!(
                        expected(&built),
                        "step {step} {edit:?}: the build lacks what this site must publish"
                    );
                    let (search, cards) = preview.background_jobs().unwrap();
                    // As the preview's refresh does: the new site's cards are offered first.
                    offer_cards_now(&store, &cards);
                    let card_problems = run_now(&search, &cards, &mut cache, &store).unwrap();
                    prop_assert!(card_problems.is_empty(), "{card_problems:?}");
                    let differ = differences(&store.everything(), &built);
                    prop_assert!(differ.is_empty(), "step {step} {edit:?}: {differ:#?}");
                }
                Err(build_errors) => {
                    let Outcome::Failed(problems) = &outcome else {
                        return Err(TestCaseError::fail(format!("step {step} {edit:?}: the build refused but the preview gave {outcome:?}: {build_errors:#?}")));
                    };
                    prop_assert_eq!(errors(problems), build_errors, "step {}", step);
                }
            }
        }
        Ok(())
    }
}

#[test]
fn a_story_made_a_draft_loses_its_card_even_when_an_older_card_run_ends_later() {
    use practice_press::serve::background::SearchCaches;
    use practice_press::serve::background::{offer_cards_now, run_now};
    use practice_press::serve::rebuild::{Rebuilder, SiteOptions};
    use practice_press::serve::store::SiteStore;
    use std::sync::Arc;

    let site = Site::new();
    let root = site.dir.path().canonicalize().unwrap();
    let store = Arc::new(SiteStore::default());
    let mut preview = Rebuilder::new(
        SiteOptions {
            root,
            include_drafts: false,
            now: Some("2026-06-01T00:00:00Z".parse().unwrap()),
        },
        store.clone(),
    );
    preview.full();
    let (old_search, old_cards) = preview.background_jobs().expect("a good first build");
    offer_cards_now(&store, &old_cards);
    assert!(store.get("stories/kinship-visit/card.png").is_some());
    // A card run under way holds the sites it draws from until it ends.
    let running = old_cards.hold_sites().expect("the served sites");

    let draft = site
        .read(STORY)
        .replace("consent:", "draft: true\nconsent:");
    site.write(STORY, &draft);
    preview.full();
    let (_, new_cards) = preview.background_jobs().expect("a good rebuild");
    offer_cards_now(&store, &new_cards);
    assert_eq!(store.get("stories/kinship-visit/index.html"), None);
    // The card run for the site before the change ends only now, and hands over the
    // draft's card with the others.
    run_now(
        &old_search,
        &old_cards,
        &mut SearchCaches::default(),
        &store,
    )
    .expect("cards");
    drop(running);
    assert_eq!(
        store.get("stories/kinship-visit/card.png"),
        None,
        "a draft's card (its title, drawn) is never served"
    );
}

/// The bilingual fixture: Welsh pages under `/cy/`.
const BILINGUAL: &str = "tests/fixtures/bilingual/site";
const KITCHEN: &str = "content/stories/kitchen-table.md";
const KITCHEN_CY: &str = "content/stories/kitchen-table.cy.md";
const KITCHEN_CY_TITLE: &str = "Gofal gan berthnasau wrth fwrdd y gegin";

const NOW: &str = "2026-06-01T00:00:00Z";

/// What `build` writes for the site in `root` at [`NOW`], by path.
fn built_at_now(root: &Path) -> std::collections::BTreeMap<String, std::sync::Arc<Vec<u8>>> {
    use practice_press::build::{build_into, BuildOptions};
    let mut options = BuildOptions::new(root);
    options.publish.now = NOW.parse().unwrap();
    let memory = practice_press::write::MemorySink::new();
    build_into(&options, &memory, &practice_press::render::NoProgress).expect("the fixture builds");
    memory.into_files()
}

#[test]
fn every_welsh_page_is_served_as_the_build_writes_it() {
    let site = Site::from(BILINGUAL);
    let built = built_at_now(site.dir.path());
    // Without watching, pages are served without the live-reload script: as built.
    let server = site.serve(|o| {
        o.watch = false;
        o.now = Some(NOW.parse().unwrap());
    });
    let welsh: Vec<&String> = built
        .keys()
        .filter(|p| p.starts_with("cy/") && !p.starts_with("cy/search-index/"))
        .collect();
    assert!(welsh.len() > 20, "{welsh:?}");
    for path in welsh {
        let (status, _, body) = get_bytes(server.addr(), &format!("/{path}"));
        assert_eq!(status, 200, "{path}");
        assert!(body == *built[path], "/{path} differs from the build's");
    }
    let page = get(server.addr(), "/cy/stories/kitchen-table/");
    assert!(page.body.contains("<html lang=\"cy\""), "{}", page.body);
    assert!(page.body.contains(KITCHEN_CY_TITLE));
    assert!(page.body.contains("hreflang=\"en-GB\""));
    // The Welsh search index, once the background run has made it.
    let (status, _, meta) = get_bytes(server.addr(), "/cy/search-index/meta.json");
    assert_eq!(status, 200);
    assert!(meta == *built["cy/search-index/meta.json"]);
    // A missing Welsh page gets the Welsh 404 page, an English one the English.
    let (status, _, body) = get_bytes(server.addr(), "/cy/stories/nothing-here/");
    assert_eq!(status, 404);
    assert!(body == *built["cy/404.html"], "the Welsh 404 page");
    let (status, _, body) = get_bytes(server.addr(), "/stories/nothing-here/");
    assert_eq!(status, 404);
    assert!(body == *built["404.html"], "the English 404 page");
}

#[test]
fn a_save_to_a_translation_updates_its_welsh_page_and_reloads() {
    let site = Site::from(BILINGUAL);
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let renamed = site
        .read(KITCHEN_CY)
        .replace(KITCHEN_CY_TITLE, "Cynllunio amser teulu wrth fwrdd y gegin");
    site.write(KITCHEN_CY, &renamed);
    let data = tab.next_named("reload");
    assert!(data.contains(KITCHEN_CY), "{data}");
    let welsh = get(server.addr(), "/cy/stories/kitchen-table/");
    assert!(
        welsh.body.contains("Cynllunio amser teulu"),
        "{}",
        welsh.body
    );
    assert!(!welsh.body.contains(KITCHEN_CY_TITLE));
    assert!(get(server.addr(), "/cy/stories/")
        .body
        .contains("Cynllunio amser teulu"));
    // The English page is untouched in its words and still offers the Welsh one.
    let english = get(server.addr(), "/stories/kitchen-table/");
    assert!(english.body.contains("Kinship care at the kitchen table"));
    assert!(english.body.contains("/cy/stories/kitchen-table/"));

    // A change to the original reaches the Welsh page too (its council is shared).
    let moved = site
        .read(KITCHEN)
        .replace("Northmoor Council", "Eastvale Council");
    site.write(KITCHEN, &moved);
    tab.next_named("reload");
    assert!(get(server.addr(), "/cy/stories/kitchen-table/")
        .body
        .contains("Eastvale Council"));
}

#[test]
fn a_translation_made_a_draft_leaves_the_preview_at_once() {
    let site = Site::from(BILINGUAL);
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let draft = site
        .read(KITCHEN_CY)
        .replace("date: 2026-02-10", "date: 2026-02-10\ndraft: true");
    site.write(KITCHEN_CY, &draft);
    tab.next_named("reload");
    // As built: no Welsh page; the Welsh listing shows the English original, marked
    // as English, and the English page's switcher leads to the Welsh home.
    assert_eq!(get(server.addr(), "/cy/stories/kitchen-table/").status, 404);
    let listing = get(server.addr(), "/cy/stories/");
    assert!(!listing.body.contains(KITCHEN_CY_TITLE), "{}", listing.body);
    assert!(listing.body.contains("Kinship care at the kitchen table"));
    assert!(listing.body.contains("lang=\"en-GB\""));
    let english = get(server.addr(), "/stories/kitchen-table/");
    assert!(
        !english.body.contains("/cy/stories/kitchen-table/"),
        "{}",
        english.body
    );
    assert!(!get(server.addr(), "/cy/feeds/atom.xml")
        .body
        .contains(KITCHEN_CY_TITLE));
}

#[test]
fn a_draft_or_embargoed_original_takes_its_translation_down_with_it() {
    let site = Site::from(BILINGUAL);
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    assert_eq!(get(server.addr(), "/cy/stories/kitchen-table/").status, 200);
    let draft = site
        .read(KITCHEN)
        .replace("date: 2026-02-10", "date: 2026-02-10\ndraft: true");
    site.write(KITCHEN, &draft);
    tab.next_named("reload");
    for path in ["/stories/kitchen-table/", "/cy/stories/kitchen-table/"] {
        assert_eq!(get(server.addr(), path).status, 404, "{path}");
    }
    assert!(!get(server.addr(), "/cy/").body.contains(KITCHEN_CY_TITLE));

    let embargoed = "content/stories/embargoed-story.md";
    let welsh_title = "Lansio'r hwb i ofalwyr";
    assert!(get(server.addr(), "/cy/stories/embargoed-story/")
        .body
        .contains(welsh_title));
    let later = site
        .read(embargoed)
        .replace("embargo: 2026-03-02", "embargo: 2099-03-02");
    site.write(embargoed, &later);
    tab.next_named("reload");
    assert_eq!(
        get(server.addr(), "/cy/stories/embargoed-story/").status,
        404
    );
    let listing = get(server.addr(), "/cy/stories/");
    assert!(!listing.body.contains("hwb i ofalwyr"), "{}", listing.body);
}

#[test]
fn a_translation_that_contradicts_its_original_shows_as_check_shows_it() {
    let site = Site::from(BILINGUAL);
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let contradicting = site
        .read(KITCHEN_CY)
        .replace("date: 2026-02-10", "date: 2026-02-11");
    site.write(KITCHEN_CY, &contradicting);
    let data = tab.next_named("problems");
    let report: serde_json::Value = serde_json::from_str(&data).unwrap();
    let errors = check_errors(&site);
    assert!(errors.iter().any(|d| d.code == "PP1001"), "{errors:?}");
    assert_eq!(
        report["diagnostics"],
        serde_json::to_value(&errors).unwrap()
    );
    // The last good Welsh page is still served.
    assert!(get(server.addr(), "/cy/stories/kitchen-table/")
        .body
        .contains(KITCHEN_CY_TITLE));
}

/// The errors `check` reports for the site as it is on disk, for comparing with the
/// preview's overlay.
fn check_errors(site: &Site) -> Vec<practice_press::diagnostic::Diagnostic> {
    practice_press::build::check(&practice_press::build::BuildOptions::new(site.dir.path()))
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect()
}

#[test]
fn an_original_changed_under_its_unchanged_translation_shows_the_contradiction() {
    // The preview keeps each translation's findings between saves: a save to the original
    // alone must still check its translation again.
    let site = Site::from(BILINGUAL);
    let server = site.serve(|_| {});
    let mut tab = Events::open(server.addr());
    let redated = site
        .read(KITCHEN)
        .replace("date: 2026-02-10", "date: 2026-02-11");
    site.write(KITCHEN, &redated);
    let (event, data) = tab.next();
    assert_eq!(
        event, "problems",
        "the redated original was served without a word"
    );
    let report: serde_json::Value = serde_json::from_str(&data).unwrap();
    let errors = check_errors(&site);
    assert!(
        errors
            .iter()
            .any(|d| d.code == "PP1001" && d.file.ends_with("kitchen-table.cy.md")),
        "{errors:?}"
    );
    assert_eq!(
        report["diagnostics"],
        serde_json::to_value(&errors).unwrap()
    );
    let fixed = site
        .read(KITCHEN)
        .replace("date: 2026-02-11", "date: 2026-02-10");
    site.write(KITCHEN, &fixed);
    assert_eq!(
        tab.next().0,
        "reload",
        "the contradiction is gone once the dates agree"
    );
}

/// The proptest above, over the bilingual fixture with edits to translations.
mod bilingual_incremental_equals_full {
    use std::path::{Path, PathBuf};

    use super::incremental_equals_full::replay;
    use proptest::prelude::*;

    const TITLES: [&str; 3] = [
        "Planning family time together",
        "A review that listened first",
        "Carers at the table",
    ];
    const WELSH_TITLES: [&str; 3] = [
        "Cynllunio amser teulu gyda'n gilydd",
        "Adolygiad a wrandawodd yn gyntaf",
        "Gofalwyr wrth y bwrdd",
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        Original {
            id: u8,
            title: usize,
            month: u8,
            draft: bool,
            embargoed: bool,
        },
        Translation {
            id: u8,
            title: usize,
            draft: bool,
        },
        /// A translation giving another date than its original's.
        Contradicting(u8),
        DeleteTranslation(u8),
        DeleteOriginal(u8),
        /// The fixture's Welsh kitchen-table story names its anonymous team manager.
        NamesTheAnonymous,
        /// The Welsh site title in site.yaml's translations block.
        WelshSiteTitle(u8),
        /// The fixture's translated plain page, retitled or made a draft.
        WelshPage(bool),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            3 => (0u8..3, 0..TITLES.len(), 1u8..13, proptest::bool::weighted(0.2), proptest::bool::weighted(0.2))
                .prop_map(|(id, title, month, draft, embargoed)| Edit::Original { id, title, month, draft, embargoed }),
            4 => (0u8..3, 0..WELSH_TITLES.len(), proptest::bool::weighted(0.25))
                .prop_map(|(id, title, draft)| Edit::Translation { id, title, draft }),
            1 => (0u8..3).prop_map(Edit::Contradicting),
            1 => (0u8..3).prop_map(Edit::DeleteTranslation),
            1 => (0u8..3).prop_map(Edit::DeleteOriginal),
            1 => Just(Edit::NamesTheAnonymous),
            1 => (0u8..3).prop_map(Edit::WelshSiteTitle),
            1 => any::<bool>().prop_map(Edit::WelshPage),
        ]
    }

    fn original_path(id: u8) -> PathBuf {
        PathBuf::from(format!("content/stories/b{id}.md"))
    }

    fn translation_path(id: u8) -> PathBuf {
        PathBuf::from(format!("content/stories/b{id}.cy.md"))
    }

    fn original(title: usize, month: u8, draft: bool, embargoed: bool) -> String {
        let embargo = if embargoed {
            "embargo: 2026-09-01T09:00:00+00:00\n"
        } else {
            ""
        };
        format!(
            "---\ntitle: {}\ndate: 2025-{month:02}-10\nsummary: How one family's plan was made with them.\ncouncil: Northmoor Council\nservice: children\npractice_areas: [kinship-care]\nauthors:\n  - name: Tamsin Okonjo\n    role: Senior social worker\nconsent: {{ recorded: true, by: Team manager, date: 2025-01-02 }}\ndraft: {draft}\n{embargo}---\n\nWe planned family time at the kitchen table.\n",
            TITLES[title]
        )
    }

    fn translation(title: usize, draft: bool, date: &str) -> String {
        format!(
            "---\ntitle: {}\nsummary: Sut cafodd cynllun un teulu ei wneud gyda nhw.\n{date}draft: {draft}\n---\n\nFe wnaethon ni gynllunio amser teulu wrth fwrdd y gegin.\n",
            WELSH_TITLES[title]
        )
    }

    /// Applies `edit`; the paths it changed, as the watcher would name them.
    fn apply(root: &Path, edit: &Edit) -> Vec<PathBuf> {
        let write = |relative: &Path, text: &str| {
            std::fs::write(root.join(relative), text).unwrap();
            vec![relative.to_path_buf()]
        };
        let delete = |relative: PathBuf| match std::fs::remove_file(root.join(&relative)) {
            Ok(()) => vec![relative],
            Err(_) => Vec::new(),
        };
        let rewrite = |relative: &str, from: &str, to: &str| {
            let text = std::fs::read_to_string(root.join(relative)).unwrap();
            write(Path::new(relative), &text.replace(from, to))
        };
        match *edit {
            Edit::Original {
                id,
                title,
                month,
                draft,
                embargoed,
            } => write(
                &original_path(id),
                &original(title, month, draft, embargoed),
            ),
            Edit::Translation { id, title, draft } => {
                write(&translation_path(id), &translation(title, draft, ""))
            }
            Edit::Contradicting(id) => write(
                &translation_path(id),
                &translation(0, false, "date: 2020-01-01\n"),
            ),
            Edit::DeleteTranslation(id) => delete(translation_path(id)),
            Edit::DeleteOriginal(id) => delete(original_path(id)),
            Edit::NamesTheAnonymous => rewrite(
                super::KITCHEN_CY,
                "gyda'n gilydd.",
                "gyda'n gilydd, gydag Eberhardt Quillfeather.",
            ),
            Edit::WelshSiteTitle(n) => {
                let text = std::fs::read_to_string(root.join("site.yaml")).unwrap();
                let retitled: String = text
                    .lines()
                    .map(|l| {
                        if l.starts_with("    title: ") {
                            format!("    title: Straeon ymarfer, rhifyn {n}\n")
                        } else {
                            format!("{l}\n")
                        }
                    })
                    .collect();
                write(Path::new("site.yaml"), &retitled)
            }
            Edit::WelshPage(draft) => {
                let relative = "content/pages/about.cy.md";
                let text = std::fs::read_to_string(root.join(relative)).unwrap();
                let kept: String = text
                    .lines()
                    .filter(|l| !l.starts_with("draft:"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let changed = kept.replacen("---\n", &format!("---\ndraft: {draft}\n"), 1);
                write(Path::new(relative), &changed)
            }
        }
    }

    fn root() -> &'static Path {
        static ROOT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
        ROOT.get_or_init(|| tempfile::tempdir().unwrap()).path()
    }

    fn reset(root: &Path) {
        let _ = std::fs::remove_dir_all(root.join("content"));
        crate::support::copy_tree(Path::new(super::BILINGUAL), root);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn every_served_file_in_every_language_equals_a_full_build(edits in proptest::collection::vec(edit(), 1..8)) {
            let root = root();
            reset(root);
            replay(root, &edits, apply, |built| built.keys().any(|p| p.starts_with("cy/")))?;
        }
    }
}
