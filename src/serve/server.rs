//! HTTP: maps a request to a file of the site in memory, with the right Content-Type,
//! the site's 404 page, the base path, and refusals for any request that tries to
//! leave the site. Media are served as the build's media stage published them, never
//! from the disk.
//!
//! [`route`] is pure, so every awkward URL can be tested without a socket.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use super::http::{accept_loop, Request};

use super::livereload::{self, EVENTS_PATH, SCRIPT_PATH};
use super::Shared;
use crate::diagnostic::Diagnostic;
use crate::util::xml_escape;

/// How many ports above the asked-for one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 50;

/// Binds `ip:port`, or the next free port when that one is taken (port 0: any port).
pub(crate) fn bind(ip: IpAddr, port: u16) -> std::io::Result<TcpListener> {
    let mut last_error = None;
    for offset in 0..PORT_ATTEMPTS {
        let Some(candidate) = port.checked_add(offset) else {
            break;
        };
        match TcpListener::bind(SocketAddr::new(ip, candidate)) {
            Ok(listener) => return Ok(listener),
            Err(err) if err.kind() == std::io::ErrorKind::AddrInUse && port != 0 => {
                last_error = Some(err);
            }
            Err(err) => return Err(err),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no free port")))
}

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    Events,
    Script,
    /// Go to this address instead (`/` to the base path, `/a` to `/a/`).
    Redirect(String),
    /// A site path below the base path, not yet resolved to `index.html`.
    File(String),
    /// Outside the base path.
    NotFound,
    /// The request tries to leave the site: `..`, an encoded `..`, an absolute path.
    Refused,
    BadRequest,
}

/// Works out what a request URL (path and query as sent) asks for.
pub(crate) fn route(raw_url: &str, base_path: &str) -> Route {
    let path = raw_url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Route::BadRequest;
    }
    let Some(decoded) = crate::util::percent_decode(path) else {
        return Route::BadRequest;
    };
    if decoded.starts_with("//") || decoded.contains(['\\', '\0']) {
        return Route::Refused;
    }
    if decoded[1..]
        .split('/')
        .any(|part| part == ".." || part == ".")
    {
        return Route::Refused;
    }
    match decoded.as_str() {
        EVENTS_PATH => return Route::Events,
        SCRIPT_PATH => return Route::Script,
        _ => {}
    }
    if base_path != "/" && (decoded == "/" || decoded == base_path.trim_end_matches('/')) {
        return Route::Redirect(base_path.to_string());
    }
    match decoded.strip_prefix(base_path) {
        Some(rest) => Route::File(rest.to_string()),
        None => Route::NotFound,
    }
}

/// The Content-Type for a file name.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn handle(request: Request, shared: &Shared) {
    if !matches!(request.method(), "GET" | "HEAD") {
        return respond_text(request, shared, 405, "Only GET and HEAD are served here.\n");
    }
    let base_path = shared.base_path();
    match route(request.url(), &base_path) {
        Route::Events if shared.live_reload => shared.live.connect(request.into_writer()),
        Route::Script if shared.live_reload => respond(
            request,
            shared,
            200,
            "script.js",
            livereload::SCRIPT.as_bytes().to_vec(),
        ),
        Route::Events | Route::Script | Route::NotFound => not_found(request, shared, ""),
        Route::Redirect(to) => redirect(request, &to),
        Route::Refused => respond_text(
            request,
            shared,
            403,
            "Refused: that address is outside the site.\n",
        ),
        Route::BadRequest => respond_text(request, shared, 400, "Bad request.\n"),
        Route::File(path) => serve_file(request, shared, &base_path, &path),
    }
}

/// The one index file with a fixed name; everything else it names exists with it.
const SEARCH_META: &str = "search-index/meta.json";
/// How long a request for the index waits for a first index being built.
const SEARCH_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

fn serve_file(request: Request, shared: &Shared, base_path: &str, path: &str) {
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    if let Some(bytes) = shared.store.get(&file) {
        return respond(request, shared, 200, &file, bytes.to_vec());
    }
    if file.ends_with(SEARCH_META) {
        // A search page opened as the preview starts asks before the first index is in.
        shared.store.wait_for_search(SEARCH_WAIT);
        if let Some(bytes) = shared.store.get(&file) {
            return respond(request, shared, 200, &file, bytes.to_vec());
        }
    }
    if shared.store.contains(&format!("{path}/index.html")) {
        let query = request
            .url()
            .split_once('?')
            .map(|(_, q)| format!("?{q}"))
            .unwrap_or_default();
        return redirect(request, &format!("{base_path}{path}/{query}"));
    }
    if shared.store.is_empty() {
        return problems_page(request, shared);
    }
    not_found(request, shared, path);
}

/// The site's 404 page; below a language's folder (`cy/…`), that language's.
fn not_found(request: Request, shared: &Shared, path: &str) {
    let page = shared
        .language_folders()
        .into_iter()
        .find(|folder| path.starts_with(folder.as_str()))
        .and_then(|folder| shared.store.get(&format!("{folder}404.html")))
        .or_else(|| shared.store.get("404.html"));
    match page {
        Some(page) => respond(request, shared, 404, "404.html", page.to_vec()),
        None if shared.store.is_empty() => problems_page(request, shared),
        None => respond_text(request, shared, 404, "Not found.\n"),
    }
}

/// What every address shows while the site has never built: its problems, and (with
/// live reload) the script that turns into the real page once they are fixed.
fn problems_page(request: Request, shared: &Shared) {
    let problems = shared.problems();
    let items: String = problems
        .iter()
        .map(|d| format!("<li><pre>{}</pre></li>\n", xml_escape(&diagnostic_line(d))))
        .collect();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>The site could not be built</title></head>\n<body>\n<main>\n<h1>The site could not be built</h1>\n<p>Fix these problems and save the file; this page reloads by itself while <code>serve --watch</code> runs.</p>\n<ol>\n{items}</ol>\n</main>\n</body>\n</html>\n"
    );
    respond(request, shared, 503, "problems.html", html.into_bytes());
}

fn diagnostic_line(d: &Diagnostic) -> String {
    d.to_string()
}

fn redirect(request: Request, to: &str) {
    request.respond(302, &[("Location", to)], b"");
}

fn respond_text(request: Request, shared: &Shared, status: u16, text: &str) {
    respond(
        request,
        shared,
        status,
        "message.txt",
        text.as_bytes().to_vec(),
    );
}

/// Sends a file. HTML gets the live-reload script when watching; nothing is cached,
/// so a reload always shows the latest build.
fn respond(request: Request, shared: &Shared, status: u16, name: &str, bytes: Vec<u8>) {
    let kind = content_type(name);
    let body = if kind.starts_with("text/html") && shared.live_reload {
        livereload::inject(&bytes)
    } else {
        bytes
    };
    request.respond(
        status,
        &[
            ("Content-Type", kind),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ],
        &body,
    );
}

/// Starts the thread that takes the preview's connections.
pub(crate) fn spawn_acceptor(
    listener: TcpListener,
    shared: Arc<Shared>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("practice-press accept".into())
        .spawn(move || {
            let stopped = {
                let shared = shared.clone();
                move || shared.stop.load(Ordering::SeqCst)
            };
            accept_loop(&listener, &stopped, move |request| handle(request, &shared));
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_resolve_below_the_base_path() {
        assert_eq!(route("/stories/a/", "/"), Route::File("stories/a/".into()));
        assert_eq!(route("/?q=x", "/"), Route::File(String::new()));
        assert_eq!(
            route("/sub/stories/a/", "/sub/"),
            Route::File("stories/a/".into())
        );
        assert_eq!(route("/", "/sub/"), Route::Redirect("/sub/".into()));
        assert_eq!(route("/sub", "/sub/"), Route::Redirect("/sub/".into()));
        assert_eq!(route("/other/", "/sub/"), Route::NotFound);
        assert_eq!(
            route("/my%20photo.jpg", "/"),
            Route::File("my photo.jpg".into())
        );
    }

    #[test]
    fn attempts_to_leave_the_site_are_refused() {
        for url in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/x",
            "//etc/passwd",
            "/stories/../../x",
            "/a/..",
            "/a%5c..%5cb",
            "/a%00b",
        ] {
            assert_eq!(route(url, "/"), Route::Refused, "{url}");
        }
        assert_eq!(route("http://example.org/", "/"), Route::BadRequest);
        assert_eq!(route("/%zz", "/"), Route::BadRequest);
        assert_eq!(route("/%ff", "/"), Route::BadRequest);
    }

    #[test]
    fn the_live_reload_paths_sit_at_the_root_whatever_the_base_path() {
        assert_eq!(route(EVENTS_PATH, "/sub/"), Route::Events);
        assert_eq!(route(SCRIPT_PATH, "/sub/"), Route::Script);
    }

    #[test]
    fn content_types_follow_the_extension() {
        for (name, kind) in [
            ("a/index.html", "text/html; charset=utf-8"),
            ("static/style.css", "text/css; charset=utf-8"),
            ("static/search.js", "text/javascript; charset=utf-8"),
            ("search/records.json", "application/json"),
            ("sitemap.xml", "application/xml"),
            ("static/favicon.svg", "image/svg+xml"),
            ("media/a.PNG", "image/png"),
            ("media/a.jpg", "image/jpeg"),
            ("media/a.webp", "image/webp"),
            ("media/v.mp3", "audio/mpeg"),
            ("media/v.m4a", "audio/mp4"),
            ("media/v.ogg", "audio/ogg"),
            ("search-index/x/p/0.bin", "application/octet-stream"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("blob", "application/octet-stream"),
        ] {
            assert_eq!(content_type(name), kind, "{name}");
        }
    }
}
