//! Measures `serve --watch` reload latency: the time from writing a story to the reload
//! event reaching a browser's event stream.
//!
//! Starts the preview server (the same `serve::start` the CLI calls) on a site, opens
//! the event stream over a plain TCP connection as a browser would, edits one story N
//! times and prints each latency, the median and the server's own rebuild times.
//!
//!     cargo run --release --example serve_reload -- SITE_DIR [N]
//!
//! `benches/serve_reload.sh` makes the 10,000-story corpus and runs this on it.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use practice_press::serve::background::SearchReport;
use practice_press::serve::{self, Outcome, RebuildReport, ServeOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let site = PathBuf::from(args.next().ok_or("usage: serve_reload SITE_DIR [N]")?);
    let runs: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(15);

    let rebuilds: Arc<Mutex<Vec<RebuildReport>>> = Arc::default();
    let mut options = ServeOptions::new(&site);
    options.port = 0;
    options.watch = true;
    let log = rebuilds.clone();
    options.reporter = Some(Arc::new(move |report: &RebuildReport| {
        eprintln!("  server: {report}");
        if let Ok(mut log) = log.lock() {
            log.push(report.clone());
        }
    }));
    // The search index is rebuilt in the background after every edit, as in real use:
    // the latencies below include any slowdown it causes.
    let indexed = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = indexed.clone();
    options.search_notice = Some(Arc::new(move |report: &SearchReport| {
        eprintln!("  search: {report}");
        count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }));
    let started = Instant::now();
    let handle = serve::start(options)?;
    if let Outcome::Failed(problems) = &handle.first_build().outcome {
        return Err(format!("the site does not build: {}", problems[0]).into());
    }
    eprintln!(
        "first build: {:.1} s; serving {}",
        started.elapsed().as_secs_f64(),
        handle.url()
    );

    let mut events = EventStream::open(handle.addr())?;
    events.wait_for("hello")?;
    // The first index must be in before timing begins, or its announcement would be
    // taken for an edit's.
    while indexed.load(std::sync::atomic::Ordering::SeqCst) == 0 {
        std::thread::sleep(Duration::from_millis(50));
    }
    let story = first_story(&site)?;
    let original = std::fs::read_to_string(&story)?;
    eprintln!("editing {}", story.display());

    let mut latencies = Vec::new();
    let mut search_latencies = Vec::new();
    // One warm-up edit: the first rebuild after start also builds the caches.
    for run in 0..=runs {
        std::thread::sleep(Duration::from_millis(300));
        let text = format!("{original}\nEdited for the reload benchmark, run {run}.\n");
        let written = Instant::now();
        std::fs::write(&story, text)?;
        events.wait_for("reload")?;
        let latency = written.elapsed();
        // The search page is told once the index holding this edit is in.
        events.wait_for("search")?;
        let searchable = written.elapsed();
        if run > 0 {
            println!(
                "run {run:2}: {:.1} ms to reload, {:.1} ms to searchable",
                ms(latency),
                ms(searchable)
            );
            latencies.push(latency);
            search_latencies.push(searchable);
        }
    }
    std::fs::write(&story, &original)?;
    std::thread::sleep(Duration::from_millis(500));
    handle.shutdown();

    latencies.sort();
    let median = latencies[latencies.len() / 2];
    let rebuild_times: Vec<f64> = rebuilds
        .lock()
        .map(|log| {
            log.iter()
                .skip(2)
                .take(runs)
                .map(|r| ms(r.elapsed))
                .collect()
        })
        .unwrap_or_default();
    println!(
        "write → reload event over {runs} edits: median {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(median),
        ms(latencies[0]),
        ms(latencies[latencies.len() - 1]),
    );
    search_latencies.sort();
    println!(
        "write → search event over {runs} edits: median {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(search_latencies[search_latencies.len() / 2]),
        ms(search_latencies[0]),
        ms(search_latencies[search_latencies.len() - 1]),
    );
    if !rebuild_times.is_empty() {
        let mut sorted = rebuild_times.clone();
        sorted.sort_by(f64::total_cmp);
        println!(
            "server rebuild time (after the debounce): median {:.1} ms",
            sorted[sorted.len() / 2]
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The first story by name, so runs on the same corpus edit the same file.
fn first_story(site: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let mut stories: Vec<PathBuf> = std::fs::read_dir(site.join("content/stories"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    stories.sort();
    stories
        .into_iter()
        .next()
        .ok_or_else(|| "the site has no stories".into())
}

/// A Server-Sent Events connection read line by line.
struct EventStream {
    reader: BufReader<TcpStream>,
}

impl EventStream {
    fn open(addr: std::net::SocketAddr) -> std::io::Result<EventStream> {
        let mut stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        write!(
            stream,
            "GET /__practice_press/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )?;
        Ok(EventStream {
            reader: BufReader::new(stream),
        })
    }

    /// Reads until an event named `name`; a `problems` event is an error.
    /// Waits for `search` only when asked (the stream carries it after each index).
    fn wait_for(&mut self, name: &str) -> Result<(), Box<dyn std::error::Error>> {
        let mut line = String::new();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err("the event stream closed".into());
            }
            match line.trim_end().strip_prefix("event: ") {
                Some(event) if event == name => return Ok(()),
                Some("problems") => {
                    let mut data = String::new();
                    self.reader.read_line(&mut data)?;
                    return Err(format!("the edit broke the site: {data}").into());
                }
                _ => {}
            }
        }
    }
}
