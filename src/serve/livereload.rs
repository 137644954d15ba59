//! The browser channel: a Server-Sent Events stream that tells every open tab to reload,
//! to refresh its stylesheets, or to show the build's problems; the script that listens
//! to it; and the one place that adds that script to served pages.
//!
//! Server-Sent Events rather than a WebSocket: the messages only go one way, browsers
//! reconnect by themselves, and it needs no extra crate.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::diagnostic::Diagnostic;

/// Where the browser listens for events.
pub(crate) const EVENTS_PATH: &str = "/__practice_press/events";
/// Where the live-reload script is served from (same origin: the site's CSP forbids
/// inline scripts).
pub(crate) const SCRIPT_PATH: &str = "/__practice_press/livereload.js";
/// The script itself.
pub(crate) const SCRIPT: &str = include_str!("livereload.js");

/// How long a browser waits before reconnecting, in milliseconds: short, because the
/// usual reason is that the server was restarted.
const RETRY_MS: u32 = 500;

/// Adds the live-reload script before the last `</body>` (or at the end of a page that
/// has none). `defer` keeps it from delaying the page.
pub(crate) fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>\n");
    let at = rfind_ignore_case(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The open event streams and what a newly opened tab needs to know.
pub(crate) struct LiveReload {
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
    /// The problems event for the current state, sent again to every tab that connects
    /// while the site is broken.
    problems: Mutex<Option<String>>,
    build: AtomicU64,
    /// Differs between runs, so a tab left open across a restart reloads.
    session: u64,
}

#[derive(Serialize)]
struct BuildMessage<'a> {
    build: &'a str,
}

#[derive(Serialize)]
struct ReloadMessage<'a> {
    build: &'a str,
    changed: &'a [String],
}

#[derive(Serialize)]
struct ProblemsMessage<'a> {
    build: &'a str,
    diagnostics: &'a [Diagnostic],
}

impl Default for LiveReload {
    fn default() -> Self {
        Self::new()
    }
}

impl LiveReload {
    pub(crate) fn new() -> Self {
        let session = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or_default();
        LiveReload {
            clients: Mutex::new(Vec::new()),
            problems: Mutex::new(None),
            build: AtomicU64::new(0),
            session,
        }
    }

    fn build_id(&self) -> String {
        format!("{:x}-{}", self.session, self.build.load(Ordering::SeqCst))
    }

    /// Takes over a connection asking for the event stream: sends the headers, the
    /// current build and, while the site is broken, its problems.
    pub(crate) fn connect(&self, mut writer: Box<dyn Write + Send>) {
        let hello = event(
            "hello",
            &BuildMessage {
                build: &self.build_id(),
            },
        );
        let problems = lock(&self.problems).clone().unwrap_or_default();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: {RETRY_MS}\n\n{hello}{problems}"
        );
        if writer.write_all(head.as_bytes()).is_ok() && writer.flush().is_ok() {
            lock(&self.clients).push(writer);
        }
    }

    /// Every tab reloads (after a successful rebuild).
    pub(crate) fn reload(&self, changed: &[String]) {
        self.build.fetch_add(1, Ordering::SeqCst);
        *lock(&self.problems) = None;
        let build = self.build_id();
        self.broadcast(&event(
            "reload",
            &ReloadMessage {
                build: &build,
                changed,
            },
        ));
    }

    /// A new search index is in: search pages reload to use it; other tabs ignore it.
    pub(crate) fn search_updated(&self) {
        let build = self.build_id();
        self.broadcast(&event("search", &BuildMessage { build: &build }));
    }

    /// Every tab swaps its stylesheets without reloading.
    pub(crate) fn refresh_css(&self) {
        self.build.fetch_add(1, Ordering::SeqCst);
        *lock(&self.problems) = None;
        let build = self.build_id();
        self.broadcast(&event("css", &BuildMessage { build: &build }));
    }

    /// Every tab, now and until the next good build, shows these problems.
    pub(crate) fn problems(&self, diagnostics: &[Diagnostic]) {
        let message = event(
            "problems",
            &ProblemsMessage {
                build: &self.build_id(),
                diagnostics,
            },
        );
        *lock(&self.problems) = Some(message.clone());
        self.broadcast(&message);
    }

    /// Whether tabs are being shown problems right now.
    #[cfg(test)]
    pub(crate) fn has_problems(&self) -> bool {
        lock(&self.problems).is_some()
    }

    /// A comment line that keeps idle connections open and finds closed ones.
    pub(crate) fn heartbeat(&self) {
        self.broadcast(": keep-alive\n\n");
    }

    /// Ends every stream (the server is stopping).
    pub(crate) fn close_all(&self) {
        lock(&self.clients).clear();
    }

    fn broadcast(&self, message: &str) {
        // A tab that has gone away fails to take the write and is forgotten.
        lock(&self.clients).retain_mut(|client| {
            client.write_all(message.as_bytes()).is_ok() && client.flush().is_ok()
        });
    }
}

fn event(name: &str, data: &impl Serialize) -> String {
    // serde_json writes no raw newlines, so the data fits on one `data:` line.
    let json = serde_json::to_string(data).unwrap_or_else(|_| "{}".into());
    format!("event: {name}\ndata: {json}\n\n")
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            lock(&self.0).extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8_lossy(&lock(&self.0)).into_owned()
        }
    }

    #[test]
    fn the_script_goes_before_the_last_closing_body_tag() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(html)).unwrap();
        assert!(out.ends_with(&format!(
            "<script src=\"{SCRIPT_PATH}\" defer></script>\n</BODY></html>"
        )));
        let bare = String::from_utf8(inject(b"<p>hi")).unwrap();
        assert!(bare.starts_with("<p>hi<script"));
    }

    #[test]
    fn a_tab_that_connects_while_the_site_is_broken_sees_the_problems() {
        let live = LiveReload::new();
        live.problems(&[Diagnostic::error("PP0101", "content/stories/a.md", "bad").at(3, 1, 1)]);
        let tab = Shared::default();
        live.connect(Box::new(tab.clone()));
        let text = tab.text();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"));
        assert!(text.contains("event: hello\n"));
        assert!(text.contains("event: problems\ndata: {"));
        assert!(text.contains("\"line\":3"));
        live.reload(&["content/stories/a.md".into()]);
        assert!(!live.has_problems());
        assert!(tab.text().contains("event: reload\n"));
    }

    #[test]
    fn a_new_search_index_is_announced_to_every_tab() {
        let live = LiveReload::new();
        let tab = Shared::default();
        live.connect(Box::new(tab.clone()));
        live.search_updated();
        assert!(tab.text().contains("event: search\ndata: {\"build\":"));
        assert!(!tab.text().contains("event: reload"));
    }

    #[test]
    fn messages_are_one_line_of_data() {
        let message = event("problems", &serde_json::json!({"m": "two\nlines"}));
        assert_eq!(message.matches('\n').count(), 3, "{message}");
    }
}
