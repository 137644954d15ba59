//! The image and voice note fields: alternative text, credit, length, transcript, and
//! that the file they name is in the site's media folder.

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::convert::Converter;
use crate::model::Entry;

pub(super) fn check_image(
    settings: &Settings,
    converter: &Converter,
    entry: &Entry,
) -> Vec<Diagnostic> {
    let Some(image) = &entry.image else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if image.alt.is_empty() && !image.decorative {
        problems.push(
            converter
                .at_key(&["image"], "PP0208", "the image has no alternative text (`alt`)".into())
                .with_hint("describe what the picture shows for people who cannot see it, e.g. `alt: Two mugs of tea on a kitchen table`; only if it is pure decoration write `alt: \"\"` and `decorative: true`"),
        );
    }
    if image.credit.is_empty() {
        problems.push(
            converter
                .at_key(&["image"], "PP0208", "the image has no `credit`".into())
                .with_hint("say who took or made the picture, e.g. `credit: Photo by Anytown Council`; journalists need it to reuse the image"),
        );
    }
    problems.extend(check_media_file(settings, converter, "image", &image.src));
    problems
}

pub(super) fn check_voice_note(
    settings: &Settings,
    converter: &Converter,
    entry: &Entry,
) -> Vec<Diagnostic> {
    let Some(note) = &entry.voice_note else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let max = settings.nominations.voice_note_max_seconds;
    if note.duration_seconds <= 0.0 {
        problems.push(
            converter
                .at_key(
                    &["voice_note"],
                    "PP0303",
                    "the voice note does not say how long it is".into(),
                )
                .with_hint(
                    "add `duration_seconds:` under `voice_note:` with the length in seconds",
                ),
        );
    } else if note.duration_seconds > f64::from(max) {
        problems.push(
            converter
                .at_key(
                    &["voice_note", "duration_seconds"],
                    "PP0303",
                    format!(
                        "the voice note lasts {} seconds; the limit is {max}",
                        note.duration_seconds
                    ),
                )
                .with_hint(format!("record a shorter note, of {max} seconds at most")),
        );
    }
    if note.transcript.is_empty() {
        problems.push(
            converter
                .at_key(&["voice_note"], "PP0304", "the voice note has no transcript".into())
                .with_hint("add `transcript:` under `voice_note:` with the words spoken, so people who cannot hear it can read it"),
        );
    }
    problems.extend(check_media_file(
        settings,
        converter,
        "voice_note",
        &note.src,
    ));
    problems
}

fn check_media_file(
    settings: &Settings,
    converter: &Converter,
    key: &str,
    src: &str,
) -> Vec<Diagnostic> {
    if src.is_empty() {
        return vec![converter
            .at_key(&[key], "PP0502", format!("`{key}` has no `src`"))
            .with_hint("add `src: /media/<folder>/<file>` pointing at a file in content/media/")];
    }
    if !src.starts_with("/media/") {
        return vec![converter
            .at_value(key, src, "PP0503", format!("`{src}` is not in the site's media folder"))
            .with_hint("put the file in content/media/ and write its path from there, e.g. `/media/images/photo.jpg`; files from other websites are not allowed")];
    }
    if !media_exists(settings, src) {
        return vec![converter
            .at_value(
                key,
                src,
                "PP0502",
                format!("the file `{src}` does not exist"),
            )
            .with_hint(format!("put the file at content{src}, or correct the path"))];
    }
    Vec::new()
}

fn media_exists(settings: &Settings, src: &str) -> bool {
    let relative = percent_decode(src.trim_start_matches('/'));
    if relative.split('/').any(|part| part == "..") {
        return false;
    }
    settings.content_dir().join(relative).is_file()
}

/// Decodes `%20`-style escapes in a link so `/media/my%20photo.jpg` finds the file.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
