//! `practice-press serve`

use std::net::{IpAddr, Ipv4Addr};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;

use clap::Args;

use crate::serve::background::SearchReport;
use crate::serve::{start, Outcome, RebuildReport, ServeOptions};

use super::output::print_diagnostics;
use super::SiteArgs;

#[derive(Args, Debug)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Rebuild when a file changes and reload open browser tabs.
    #[arg(long)]
    watch: bool,
    /// The port to listen on; if it is taken, the next free one is used.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on. Anything but 127.0.0.1 (or ::1) lets other computers
    /// see the preview, drafts included.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Do not build a search index. Otherwise it is built in the background after each
    /// change and the search page uses it once ready.
    #[arg(long)]
    no_search: bool,
}

pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {} lets other computers on the network see this preview, drafts and embargoed stories included",
            args.bind
        );
    }
    let site_root = args.site.site.clone();
    let printer_root = site_root.clone();
    let mut options = ServeOptions::new(&site_root);
    options.include_drafts = args.site.drafts;
    options.now = args.site.now;
    options.bind = args.bind;
    options.port = args.port;
    options.watch = args.watch;
    options.reporter = Some(Arc::new(move |report: &RebuildReport| {
        print_report(report, &printer_root)
    }));
    options.search = !args.no_search;
    options.search_notice = Some(Arc::new(|report: &SearchReport| eprintln!("{report}")));
    // Caught from the start, so a Ctrl-C that comes while the site is still being built
    // or the browser opened still stops the preview cleanly.
    let ctrl_c = catch_ctrl_c();
    eprintln!("Building the site in memory (the output folder is not touched)…");
    let handle = match start(options) {
        Ok(handle) => handle,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(1);
        }
    };
    if handle.addr().port() != args.port && args.port != 0 {
        eprintln!(
            "Port {} is in use; using {} instead.",
            args.port,
            handle.addr().port()
        );
    }
    let watching = if args.watch {
        "; watching for changes"
    } else {
        " (add --watch to rebuild on changes)"
    };
    eprintln!("Serving {}{watching}. Press Ctrl-C to stop.", handle.url());
    if args.open {
        open_browser(handle.url());
    }
    wait_for(ctrl_c);
    handle.shutdown();
    eprintln!("Stopped.");
    ExitCode::SUCCESS
}

fn print_report(report: &RebuildReport, site_root: &std::path::Path) {
    eprintln!("{report}");
    if let Outcome::Failed(problems) = &report.outcome {
        print_diagnostics(problems, site_root);
    }
}

/// A channel that receives Ctrl-C, or None when no handler can be set.
fn catch_ctrl_c() -> Option<mpsc::Receiver<()>> {
    let (sender, receiver) = mpsc::channel();
    match ctrlc::set_handler(move || {
        let _ = sender.send(());
    }) {
        Ok(()) => Some(receiver),
        Err(err) => {
            // Without a handler Ctrl-C ends the process at once, which is safe too:
            // the preview writes no files.
            eprintln!("warning: cannot catch Ctrl-C ({err})");
            None
        }
    }
}

fn wait_for(ctrl_c: Option<mpsc::Receiver<()>>) {
    match ctrl_c {
        Some(receiver) => {
            let _ = receiver.recv();
        }
        None => loop {
            std::thread::park();
        },
    }
}

/// Opens the site in the default browser; a failure is only a warning.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let url = url.to_string();
    match spawned {
        // Waited for on the side: the opener may take a while, and the server is up.
        Ok(mut child) => {
            std::thread::spawn(move || {
                if !child.wait().is_ok_and(|status| status.success()) {
                    eprintln!("warning: could not open a browser; open {url} yourself");
                }
            });
        }
        Err(err) => eprintln!("warning: could not open a browser ({err}); open {url} yourself"),
    }
}
