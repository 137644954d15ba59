//! The preview's HTTP connections: one thread per connection, one request per
//! connection, answered and closed.
//!
//! tiny_http 0.12 ran each keep-alive connection on a pooled thread for as long as the
//! browser kept it open, and its pool could queue a new connection behind them with no
//! thread to take it: a page opening several connections at once then never finished
//! loading (`serve::a_burst_of_keep_alive_connections_is_answered_every_time`). A
//! preview serves one person's browser from memory, so a thread and a connection per
//! request cost nothing worth keeping connections open for.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// The longest request head taken; the preview's own requests are far shorter.
const MAX_HEAD: usize = 16 * 1024;
/// How long a connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// A request's method and target, and the connection to answer it on.
pub(crate) struct Request {
    method: String,
    url: String,
    stream: TcpStream,
}

impl Request {
    /// `GET`, `HEAD`, …
    pub(crate) fn method(&self) -> &str {
        &self.method
    }

    /// The request target as sent: path and query, still percent-encoded.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Answers and closes the connection. A HEAD request gets the head only.
    pub(crate) fn respond(mut self, status: u16, headers: &[(&str, &str)], body: &[u8]) {
        let mut head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            reason(status),
            body.len()
        );
        for (name, value) in headers {
            // A value is ours, but a header must never be split by one.
            if !value.contains(['\r', '\n']) {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if self.method != "HEAD" {
            bytes.extend_from_slice(body);
        }
        // The browser may have gone: nothing to tell it then.
        let _ = self
            .stream
            .write_all(&bytes)
            .and_then(|()| self.stream.flush());
    }

    /// The connection itself, for a response that stays open (the event stream).
    pub(crate) fn into_writer(self) -> Box<dyn Write + Send> {
        Box::new(self.stream)
    }
}

/// The reason phrase of the statuses the preview sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    }
}

/// Reads a request's head from a new connection; `None` when it is not HTTP or never
/// comes (the connection is then answered 400 or dropped).
pub(crate) fn read_request(mut stream: TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(READ_TIMEOUT)).ok()?;
    let mut head = Vec::new();
    let mut chunk = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut chunk).ok()?;
        if read == 0 || head.len() + read > MAX_HEAD {
            return None;
        }
        head.extend_from_slice(&chunk[..read]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut parts = text.lines().next()?.split_whitespace();
    let (method, url, version) = (parts.next()?, parts.next()?, parts.next()?);
    let request = Request {
        method: method.to_string(),
        url: url.to_string(),
        stream,
    };
    if !version.starts_with("HTTP/1.") || parts.next().is_some() {
        request.respond(400, &[], b"Bad request.\n");
        return None;
    }
    Some(request)
}

/// Takes connections until `stopped` says so, each on a thread of its own running
/// `handle`. The thread that stops the server wakes the loop with a connection.
pub(crate) fn accept_loop(
    listener: &TcpListener,
    stopped: &(dyn Fn() -> bool + Sync),
    handle: impl Fn(Request) + Send + Sync + Clone + 'static,
) {
    for stream in listener.incoming() {
        if stopped() {
            return;
        }
        let Ok(stream) = stream else {
            continue;
        };
        let handle = handle.clone();
        let spawned = std::thread::Builder::new()
            .name("practice-press http".into())
            .spawn(move || {
                if let Some(request) = read_request(stream) {
                    handle(request);
                }
            });
        // Out of threads: this connection is dropped, the next may be taken.
        drop(spawned);
    }
}
