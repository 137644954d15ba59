//! Reading one content file and splitting its YAML front matter from its markdown body.
//!
//! Everything a careless or hostile file can do (wrong encoding, no front matter, an
//! unclosed block, a huge file) becomes a located diagnostic here, never a panic.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// Files above this size are refused: no story needs a megabyte, and a huge file is
/// usually a pasted document or a binary saved with the wrong name.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// A content file's text (BOM removed, CRLF turned into LF) and its path relative to the site.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub(crate) path: PathBuf,
    /// The file's text, without a byte-order mark and with LF line endings.
    pub text: String,
}

impl SourceFile {
    /// Reads a file from disk; `display_path` is what the user sees in messages.
    pub(crate) fn read(full_path: &Path, display_path: &Path) -> Result<SourceFile, Diagnostic> {
        let unreadable = |err: std::io::Error| {
            Diagnostic::error(
                "PP0010",
                display_path,
                format!("this file cannot be read: {err}"),
            )
            .with_hint("check that the file exists and that you have permission to read it")
        };
        // Read one byte past the limit and no more: a video saved as .md must not be
        // loaded whole into memory just to be refused.
        let file = std::fs::File::open(full_path).map_err(unreadable)?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, MAX_FILE_BYTES as u64 + 1),
            &mut bytes,
        )
        .map_err(unreadable)?;
        Self::from_bytes(display_path, bytes)
    }

    /// Decodes raw bytes, so tests and the watcher can feed content without a disk.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(Diagnostic::error(
                "PP0012",
                path,
                "this file is larger than 1024 KB, the most a content file can be",
            )
            .with_hint("split the text into several stories, or move large material into content/media/ and link to it"));
        }
        let text = String::from_utf8(bytes).map_err(|err| not_utf8(path, &err))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        Ok(SourceFile {
            path: path.to_path_buf(),
            text,
        })
    }
}

fn not_utf8(path: &Path, err: &std::string::FromUtf8Error) -> Diagnostic {
    let bytes = err.as_bytes();
    // Word and Notepad can save "Unicode" text as UTF-16, which starts with this mark;
    // its every other byte is zero, so a line and column would mean nothing.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Diagnostic::error(
            "PP0011",
            path,
            "this file is saved as UTF-16 (\"Unicode\") text, not UTF-8",
        )
        .with_hint("open the file in your editor and save it again with the encoding \"UTF-8\"");
    }
    let valid = err.utf8_error().valid_up_to();
    let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes[..valid]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&bytes[line_start..valid])
        .chars()
        .count()
        + 1;
    Diagnostic::error(
        "PP0011",
        path,
        "this file is not saved as UTF-8 text, so some characters cannot be read",
    )
    .at(line, column, 1)
    .with_hint("open the file in your editor and save it again with the encoding \"UTF-8\"")
}

/// Where the parts of a content file are, as byte ranges into [`SourceFile::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    /// The YAML between the two `---` lines.
    pub(crate) yaml_start: usize,
    pub(crate) yaml_end: usize,
    /// 1-based line of the file on which the YAML starts.
    pub(crate) yaml_first_line: usize,
    /// The markdown after the closing `---`.
    pub(crate) body_start: usize,
}

impl Parts {
    pub(crate) fn yaml<'a>(&self, text: &'a str) -> &'a str {
        &text[self.yaml_start..self.yaml_end]
    }

    pub(crate) fn body<'a>(&self, text: &'a str) -> &'a str {
        &text[self.body_start..]
    }
}

/// Finds the front matter block. The opening `---` must be the first line.
pub(crate) fn split_front_matter(file: &SourceFile) -> Result<Parts, Diagnostic> {
    let text = &file.text;
    if text.trim().is_empty() {
        return Err(Diagnostic::error("PP0013", &file.path, "this file is empty").with_hint(
            "start the file with front matter between two --- lines, then write the story; `practice-press new story` writes a template",
        ));
    }
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error(
            "PP0014",
            &file.path,
            "this file has no front matter: the first line must be ---",
        )
        .at(1, 1, first_line_end.max(1))
        .with_hint(
            "add the details (title, date, …) between two lines of --- at the very top of the file",
        ));
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut offset = yaml_start;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[offset..end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Parts {
                yaml_start,
                yaml_end: offset,
                yaml_first_line: 2,
                body_start: (end + 1).min(text.len()),
            });
        }
        offset = end + 1;
    }
    Err(Diagnostic::error(
        "PP0015",
        &file.path,
        "the front matter is never closed: there is no second --- line",
    )
    .at(1, 1, 3)
    .with_hint("add a line with only --- after the last detail (for example after `summary:`), before the story text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceFile {
        SourceFile::from_bytes(Path::new("s.md"), text.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn splits_front_matter_and_body() {
        let file = source("---\ntitle: A\n---\nBody\n");
        let parts = split_front_matter(&file).unwrap();
        assert_eq!(parts.yaml(&file.text), "title: A\n");
        assert_eq!(parts.body(&file.text), "Body\n");
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let file = source("\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n");
        let parts = split_front_matter(&file).unwrap();
        assert_eq!(parts.yaml(&file.text), "title: A\n");
        assert_eq!(parts.body(&file.text), "Body\n");
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let err = split_front_matter(&source("---\ntitle: A\nBody\n")).unwrap_err();
        assert_eq!(err.code, "PP0015");
        assert_eq!((err.line, err.column), (1, 1));
    }

    #[test]
    fn missing_front_matter_and_empty_files_are_reported() {
        assert_eq!(
            split_front_matter(&source("Hello\n")).unwrap_err().code,
            "PP0014"
        );
        assert_eq!(
            split_front_matter(&source(" \n")).unwrap_err().code,
            "PP0013"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = SourceFile::from_bytes(Path::new("s.md"), b"---\nab\xff\n".to_vec()).unwrap_err();
        assert_eq!(err.code, "PP0011");
        assert_eq!((err.line, err.column), (2, 3));
    }

    #[test]
    fn utf16_is_named() {
        let err = SourceFile::from_bytes(Path::new("s.md"), vec![0xff, 0xfe, b'-', 0]).unwrap_err();
        assert_eq!(err.code, "PP0011");
        assert!(err.message.contains("UTF-16"), "{}", err.message);
        assert_eq!(err.line, 0);
    }

    #[test]
    fn oversized_files_are_refused() {
        let err =
            SourceFile::from_bytes(Path::new("s.md"), vec![b'a'; MAX_FILE_BYTES + 1]).unwrap_err();
        assert_eq!(err.code, "PP0012");
    }
}
