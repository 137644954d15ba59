//! How diagnostics and summaries reach the terminal.

use std::io::IsTerminal;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Prints diagnostics to stderr, with source snippets read from the site folder.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic], site_root: &Path) {
    if diagnostics.is_empty() {
        return;
    }
    let color = crate::diagnostic::render::color_wanted(std::io::stderr().is_terminal());
    let source_of = |file: &Path| read_small_text(&site_root.join(file));
    eprint!(
        "{}",
        crate::diagnostic::render::render_human(diagnostics, &source_of, color)
    );
}

/// The text of a file to quote in a message, unless it is too big to be content: a
/// video saved as .md must not be read into memory just to show one line of it.
pub(crate) fn read_small_text(path: &Path) -> Option<String> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > crate::load::source::MAX_FILE_BYTES as u64 {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

/// "1 draft", "2 drafts".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
