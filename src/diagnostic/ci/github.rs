//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=PP0102::message`.
//! GitHub turns each into an annotation on the pull request's diff, on the line.

use std::fmt::Write as _;
use std::path::Path;

use super::{full_message, is_error, locate};
use crate::diagnostic::Diagnostic;

/// One workflow command per diagnostic, one per line, in the order `check` prints them.
pub(crate) fn render_github(
    diagnostics: &[Diagnostic],
    site_prefix: &Path,
    source_of: &dyn Fn(&Path) -> Option<String>,
) -> String {
    let mut out = String::new();
    for located in locate(diagnostics, site_prefix, source_of) {
        let d = located.diagnostic;
        let command = if is_error(d) { "error" } else { "warning" };
        let mut properties = format!("file={}", escape_property(&located.path));
        if d.line > 0 {
            let _ = write!(properties, ",line={},col={}", d.line, d.column);
            if d.length > 1 {
                let _ = write!(properties, ",endColumn={}", d.column + d.length);
            }
        }
        let _ = write!(properties, ",title={}", escape_property(d.code));
        let _ = writeln!(
            out,
            "::{command} {properties}::{}",
            escape_data(&full_message(d))
        );
    }
    out
}

/// The escaping GitHub's runner undoes in a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escaping GitHub's runner undoes in a command's properties, where `,` and `:`
/// would otherwise end the value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_escape_what_would_end_them() {
        let problem = Diagnostic::warning("PP0301", "content/a,b:c.md", "50% done\nnext")
            .at(4, 2, 3)
            .with_hint("say so");
        let text = render_github(&[problem], Path::new("site"), &|_| None);
        assert_eq!(
            text,
            "::warning file=site/content/a%2Cb%3Ac.md,line=4,col=2,endColumn=5,title=PP0301::50%25 done%0Anext%0Ahelp: say so\n"
        );
    }

    #[test]
    fn whole_file_problems_have_no_line() {
        let problem = Diagnostic::error("PP0001", "site.yaml", "cannot read");
        let text = render_github(&[problem], Path::new(""), &|_| None);
        assert_eq!(text, "::error file=site.yaml,title=PP0001::cannot read\n");
    }
}
