//! The fix to suggest for an anonymous person's name, which depends on where it was
//! written: a tag, an address, a photo's file name, a link, a hashtag or prose.

use std::ops::Range;

use crate::load::Document;

/// The matching rule, as the help of every leak states it.
pub(crate) const RULE: &str = "A name is found in any case and however its words are joined (`alex-brennan`, `AlexBrennan`, `#alexbrennan`); a part that is an everyday word, such as Rose or Hall, is found only with its capital or next to another part of the name";

/// Files a link may point at that the site publishes under /media/.
const MEDIA_EXTENSIONS: [&str; 11] = [
    "jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "mp3", "m4a", "ogg", "pdf",
];

/// The help for a leak at `found` in the document's text.
pub(crate) fn hint(document: &Document, found: &Range<usize>) -> String {
    let text = &document.source.text;
    let key = (found.start < document.parts.body_start)
        .then(|| {
            top_level_key(
                document.parts.yaml(text),
                found.start - document.parts.yaml_start,
            )
        })
        .flatten();
    let fix = match key.as_deref() {
        Some("tags" | "practice_areas") => {
            "use a tag for the practice instead (for example `duty-work` or `kinship-care`), not their name".to_string()
        }
        Some("aliases" | "slug") => {
            "choose an address without their name, for example `/a-duty-social-worker-who-listened/`".to_string()
        }
        _ => match token_kind(text, found) {
            Token::File(file) => rename_file(&file, &text[found.clone()]),
            Token::Address => "link to an address that does not include their name, or remove the link".to_string(),
            Token::Hashtag => "use a hashtag for the practice instead (for example `#DutyTeam`), not their name".to_string(),
            Token::Prose => "refer to them by role instead (for example \"my team manager\"), or remove `anonymous: true` if they agreed to be named".to_string(),
        },
    };
    format!("{fix}. {RULE}")
}

/// The help for a page address (file name or `slug:`) holding the name.
pub(crate) fn address_hint(slug: &str, leaked: &[&str]) -> String {
    let kept = without(slug, leaked);
    let example = if kept.is_empty() {
        "a-team-manager-who-listened".to_string()
    } else {
        kept
    };
    format!("rename the file (or set `slug:`) using words that do not include their name, for example `{example}.md`. {RULE}")
}

enum Token {
    File(String),
    Address,
    Hashtag,
    Prose,
}

/// What the run of text around `found` is: a file, an address, a hashtag or prose.
fn token_kind(text: &str, found: &Range<usize>) -> Token {
    let is_edge = |c: char| c.is_whitespace() || "()[]<>\"'`,".contains(c);
    let start = text[..found.start].rfind(is_edge).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[found.end..]
        .find(is_edge)
        .map_or(text.len(), |i| found.end + i);
    let token = &text[start..end];
    let extension = token
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    if extension.is_some_and(|ext| MEDIA_EXTENSIONS.contains(&ext.as_str())) {
        return Token::File(token.to_string());
    }
    if token.contains("://") || token.starts_with('/') || token.starts_with("www.") {
        return Token::Address;
    }
    if text[..found.start].ends_with('#') {
        return Token::Hashtag;
    }
    Token::Prose
}

/// "rename the photo `content/media/images/brennan-award.jpg` to `award.jpg` …".
fn rename_file(file: &str, leaked: &str) -> String {
    let (folder, name) = file.rsplit_once('/').unwrap_or(("", file));
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let kept = without(stem, &[leaked]);
    let kept = if kept.is_empty() {
        "photo".to_string()
    } else {
        kept
    };
    let what = if ["mp3", "m4a", "ogg"].contains(&extension.to_ascii_lowercase().as_str()) {
        "recording"
    } else if extension.eq_ignore_ascii_case("pdf") {
        "document"
    } else {
        "photo"
    };
    let on_disk = folder
        .find("/media/")
        .or_else(|| folder.starts_with("media/").then_some(0))
        .map(|at| format!("content/{}/{name}", folder[at..].trim_start_matches('/')));
    let current = on_disk.unwrap_or_else(|| name.to_string());
    format!("rename the {what} `{current}` to a name without theirs, for example `{kept}.{extension}`, and change this link to match")
}

/// `text` with the words of `leaked` taken out and its separators tidied:
/// `brennan-award` without `brennan` is `award`.
fn without(text: &str, leaked: &[&str]) -> String {
    let mut rest = text.to_string();
    for word in leaked {
        let lower = rest.to_lowercase();
        if let Some(at) = lower.find(&word.to_lowercase()) {
            if rest.is_char_boundary(at) && rest.is_char_boundary(at + word.len()) {
                rest.replace_range(at..at + word.len(), "-");
            }
        }
    }
    rest.split(['-', '_', '.', ' '])
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The top-level front matter key whose block holds byte `offset` of `yaml`.
fn top_level_key(yaml: &str, offset: usize) -> Option<String> {
    let before = yaml.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut lines = yaml[line_start..]
        .lines()
        .take(1)
        .chain(yaml[..line_start].lines().rev().map(|l| l as &str));
    lines.find_map(|line| {
        let starts_at_top = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '-' && c != '#');
        let key = line.split(':').next()?.trim().trim_matches(['"', '\'']);
        (starts_at_top && line.contains(':')).then(|| key.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_renamed_without_the_name() {
        assert_eq!(
            rename_file("/media/images/brennan-award.jpg", "brennan"),
            "rename the photo `content/media/images/brennan-award.jpg` to a name without theirs, for example `award.jpg`, and change this link to match"
        );
        assert!(rename_file("https://example.org/brennan.jpg", "brennan").contains("`photo.jpg`"));
    }

    #[test]
    fn the_key_of_a_front_matter_line() {
        let yaml = "title: T\ntags:\n  - brennan\naliases: [/x/]\n";
        assert_eq!(
            top_level_key(yaml, yaml.find("brennan").unwrap()).as_deref(),
            Some("tags")
        );
        assert_eq!(
            top_level_key(yaml, yaml.find("/x/").unwrap()).as_deref(),
            Some("aliases")
        );
        assert_eq!(top_level_key(yaml, 2).as_deref(), Some("title"));
    }
}
