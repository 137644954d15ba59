//! Diagnostics: every problem the tool reports about a user's files, with its place.
//!
//! Every stage that reads user input reports through this type, so `check`, `build`
//! and the `serve` overlay all say the same thing about the same problem.

pub(crate) mod ci;
pub mod render;
pub(crate) mod suggest;

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop a build, warnings do not (unless denied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing, but the site can still be published.
    Warning,
    /// Must be fixed before the site can be published.
    Error,
}

/// One problem in one place of one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The file, relative to the site root where possible, as the user would type it.
    pub file: PathBuf,
    /// 1-based line, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters (not bytes), or 0 with `line == 0`.
    pub column: usize,
    /// How many characters to underline from `column` (at least 1 when there is a place).
    #[serde(skip)]
    pub(crate) length: usize,
    /// Whether this problem stops a build.
    pub severity: Severity,
    /// A stable code such as `PP0101`, documented in the README.
    pub code: &'static str,
    /// One plain-English sentence saying what is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub(crate) fn error(
        code: &'static str,
        file: impl AsRef<Path>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, file, message)
    }

    pub(crate) fn warning(
        code: &'static str,
        file: impl AsRef<Path>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, file, message)
    }

    fn new(
        severity: Severity,
        code: &'static str,
        file: impl AsRef<Path>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.as_ref().to_path_buf(),
            line: 0,
            column: 0,
            length: 0,
            severity,
            code,
            message: message.into(),
            hint: None,
        }
    }

    /// Places the diagnostic at a 1-based line and character column.
    pub(crate) fn at(mut self, line: usize, column: usize, length: usize) -> Self {
        self.line = line;
        self.column = column;
        self.length = length.max(1);
        self
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this problem is an error (and so stops a build).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// A one-line form (`file:line:column: error[PP0101]: message`) for logs and errors.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": {severity}[{}]: {}", self.code, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}
