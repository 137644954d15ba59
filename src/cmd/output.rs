//! How diagnostics and summaries reach the terminal.

use std::io::IsTerminal;
use std::path::Path;

use practice_press::diagnostic::Diagnostic;

/// Prints diagnostics to stderr, with source snippets read from the site folder.
pub fn print_diagnostics(diagnostics: &[Diagnostic], site_root: &Path) {
    if diagnostics.is_empty() {
        return;
    }
    let color = practice_press::diagnostic::render::color_wanted(std::io::stderr().is_terminal());
    let source_of = |file: &Path| std::fs::read_to_string(site_root.join(file)).ok();
    eprint!(
        "{}",
        practice_press::diagnostic::render::render_human(diagnostics, &source_of, color)
    );
}

/// "1 draft", "2 drafts".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
