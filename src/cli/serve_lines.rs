//! How the preview's rebuilds and background search runs read in the terminal: one
//! line each, printed by `serve`.

use crate::serve::background::SearchReport;
use crate::serve::{Outcome, RebuildReport};

impl std::fmt::Display for RebuildReport {
    /// `content/stories/a.md changed → 37 pages re-rendered in 84 ms`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.changed.as_slice() {
            [] => "site".to_string(),
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        };
        let verb = if self.changed.is_empty() {
            "built"
        } else {
            "changed"
        };
        let ms = self.elapsed.as_millis();
        match &self.outcome {
            Outcome::Rebuilt {
                pages,
                files,
                removed,
                everything,
                warnings,
            } => {
                let scope = if *everything { " (whole site)" } else { "" };
                write!(
                    f,
                    "{what} {verb} → {pages} {} re-rendered{scope}",
                    noun(*pages, "page")
                )?;
                if files > pages {
                    write!(
                        f,
                        ", {} other {}",
                        files - pages,
                        noun(files - pages, "file")
                    )?;
                }
                if *removed > 0 {
                    write!(f, ", {removed} removed")?;
                }
                write!(f, " in {ms} ms")?;
                if *warnings > 0 {
                    write!(f, " ({warnings} {})", noun(*warnings, "warning"))?;
                }
                Ok(())
            }
            Outcome::Styles { files } => write!(
                f,
                "{what} {verb} → {files} static {} refreshed in {ms} ms",
                noun(*files, "file")
            ),
            Outcome::Unchanged => write!(f, "{what} {verb} → nothing to re-render ({ms} ms)"),
            Outcome::Failed(problems) => {
                let errors = problems.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "{what} {verb} → {errors} {}; still serving the last good site ({ms} ms)",
                    noun(errors, "problem")
                )
            }
        }
    }
}

fn noun(n: usize, one: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        format!("{one}s")
    }
}

impl std::fmt::Display for SearchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let seconds = self.elapsed.as_secs_f64();
        match &self.error {
            None => write!(
                f,
                "search index updated: {} items in {seconds:.1} s",
                self.items
            ),
            Some(error) => write!(
                f,
                "search index not updated ({error}); search shows the previous one"
            ),
        }
    }
}
