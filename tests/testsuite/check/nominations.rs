//! Nomination word counts (as a reader counts them) and voice notes.

use crate::support::check::{problems_of, Site};

#[test]
fn the_word_limits_are_inclusive() {
    assert_eq!(
        problems_of("nominations/nominations/exactly_100_words.md"),
        Vec::<String>::new()
    );
    assert_eq!(
        problems_of("nominations/nominations/exactly_250_words.md"),
        Vec::<String>::new()
    );
}

#[test]
fn too_few_words_is_reported_at_the_first_line_of_text() {
    let site = Site::with("nominations/nominations/99_words.md");
    assert_eq!(
        site.problems(),
        ["content/nominations/99_words.md:14:1: error[PP0301]: the nomination is 99 words long; it needs at least 100"]
    );
    assert_eq!(
        site.hints(),
        ["tell us more about what your colleague did and the difference it made: 1 more word at least"]
    );
}

#[test]
fn too_many_words() {
    let site = Site::with("nominations/nominations/251_words.md");
    assert_eq!(
        site.problems(),
        ["content/nominations/251_words.md:14:1: error[PP0302]: the nomination is 251 words long; the limit is 250"]
    );
    assert_eq!(
        site.hints(),
        ["shorten it by 1 word or more: keep the moments that show what makes them brilliant"]
    );
}

#[test]
fn addresses_alt_text_and_comments_are_not_counted() {
    // 250 words a reader sees, plus a link address, an image's alt text and a comment.
    assert_eq!(
        problems_of("nominations/nominations/markdown_is_not_counted.md"),
        Vec::<String>::new()
    );
}

#[test]
fn a_voice_note_has_a_length_limit() {
    let site = Site::with("nominations/nominations/voice_note_too_long.md");
    assert_eq!(
        site.problems(),
        ["content/nominations/voice_note_too_long.md:14:3: error[PP0303]: the voice note lasts 95 seconds; the limit is 90"]
    );
    assert_eq!(
        site.hints(),
        ["record a shorter note, of 90 seconds at most"]
    );
}

#[test]
fn a_voice_note_says_how_long_it_is() {
    assert_eq!(
        problems_of("nominations/nominations/voice_note_without_duration.md"),
        ["content/nominations/voice_note_without_duration.md:12:1: error[PP0303]: the voice note does not say how long it is"]
    );
}

#[test]
fn a_voice_note_needs_a_transcript() {
    assert_eq!(
        problems_of("nominations/nominations/voice_note_without_transcript.md"),
        ["content/nominations/voice_note_without_transcript.md:12:1: error[PP0304]: the voice note has no transcript"]
    );
}

#[test]
fn a_voice_note_must_exist() {
    assert_eq!(
        problems_of("nominations/nominations/voice_note_missing_file.md"),
        ["content/nominations/voice_note_missing_file.md:13:8: error[PP0502]: the file `/media/audio/not-recorded-yet.mp3` does not exist"]
    );
}
