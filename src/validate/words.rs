//! Word counts for nomination bodies, as a reader of the published page would count them.
//!
//! Nominations must be between `min_words` and `max_words` long, and writers check that
//! against what they see, so template guidance, link addresses and markdown punctuation
//! must not count.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The number of words a reader sees when `markdown_body` is published.
///
/// The rules, chosen to match how a person would count the page:
/// - a word is a run of characters between spaces that holds at least one letter or
///   digit, so `well-being`, `don't`, `£250` and `3pm` are one word each, and a lone
///   `-`, `&` or `—` is none;
/// - emphasis inside a word (`un*believ*able`) does not split it;
/// - HTML comments (template guidance such as `<!-- write 100 to 250 words -->`) and
///   other raw HTML, link and image addresses, and image alt text (not shown on the
///   page) are not counted; link text is;
/// - code, headings, list items, quotes and table cells are counted.
pub(crate) fn count_words(markdown_body: &str) -> usize {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);

    let mut counter = WordCounter::default();
    let mut image_depth = 0usize;
    for event in Parser::new_ext(markdown_body, options) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if image_depth == 0 => counter.push(&text),
            // Inline markup (emphasis, links) sits inside a word; everything else,
            // including block boundaries, raw HTML and line breaks, separates words.
            Event::Start(tag) if is_inline(&tag) => {}
            Event::End(tag) if is_inline_end(&tag) => {}
            _ => counter.separate(),
        }
    }
    counter.finish()
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// Counts words across text pieces, since the parser splits one word into several pieces
/// at characters that might be markup (`don` + `'t`, `AT` + `&` + `T`).
#[derive(Default)]
struct WordCounter {
    words: usize,
    in_word: bool,
    word_has_alphanumeric: bool,
}

impl WordCounter {
    fn push(&mut self, text: &str) {
        for ch in text.chars() {
            if ch.is_whitespace() {
                self.separate();
            } else {
                self.in_word = true;
                self.word_has_alphanumeric |= ch.is_alphanumeric();
            }
        }
    }

    fn separate(&mut self) {
        if self.in_word && self.word_has_alphanumeric {
            self.words += 1;
        }
        self.in_word = false;
        self.word_has_alphanumeric = false;
    }

    fn finish(mut self) -> usize {
        self.separate();
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_sentence() {
        assert_eq!(count_words("Sam always listens to families."), 5);
    }

    #[test]
    fn empty_and_blank_bodies_have_no_words() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \n\n\t \n"), 0);
    }

    #[test]
    fn hyphenated_words_count_once() {
        assert_eq!(count_words("Her well-being and mother-in-law matter."), 5);
    }

    #[test]
    fn apostrophes_do_not_split_words() {
        assert_eq!(count_words("She didn't give up on Zoë's family."), 7);
        assert_eq!(count_words("She didn’t give up."), 4);
    }

    #[test]
    fn html_comments_are_not_counted() {
        let body = "<!-- Write between 100 and 250 words about your colleague. -->\n\nShe is kind.";
        assert_eq!(count_words(body), 3);
    }

    #[test]
    fn inline_html_comments_are_not_counted() {
        assert_eq!(count_words("She is <!-- say why --> kind."), 3);
    }

    #[test]
    fn multi_line_html_comments_are_not_counted() {
        let body = "<!--\nGuidance line one.\nGuidance line two.\n-->\nShe is kind.\n";
        assert_eq!(count_words(body), 3);
    }

    #[test]
    fn link_text_counts_but_not_the_address() {
        assert_eq!(
            count_words("Read [the practice guide](https://example.org/a-long/path) today."),
            5
        );
    }

    #[test]
    fn bare_autolinks_count_as_one_word() {
        assert_eq!(count_words("See <https://example.org/guide> now."), 3);
    }

    #[test]
    fn image_alt_text_and_address_are_not_counted() {
        assert_eq!(
            count_words("Before ![two people talking](talk.jpg) after."),
            2
        );
    }

    #[test]
    fn markdown_punctuation_is_not_counted() {
        let body = "# A heading\n\n- first item\n- **second** item\n\n> a quote\n\n---\n\n1. one";
        assert_eq!(count_words(body), 9);
    }

    #[test]
    fn emphasis_inside_a_word_keeps_it_whole() {
        assert_eq!(count_words("It was un*believ*ably good."), 4);
    }

    #[test]
    fn lone_punctuation_is_not_a_word() {
        assert_eq!(count_words("Team work - and care & attention — always."), 6);
    }

    #[test]
    fn numbers_and_money_are_words() {
        assert_eq!(count_words("We raised £250 by 3pm in 2024."), 7);
    }

    #[test]
    fn line_breaks_separate_words() {
        assert_eq!(count_words("one\ntwo  \nthree\\\nfour"), 4);
    }

    #[test]
    fn code_is_counted() {
        assert_eq!(count_words("Use `care plan` here."), 4);
        assert_eq!(count_words("```\nsome code here\n```\n"), 3);
    }

    #[test]
    fn table_cells_are_counted() {
        let body = "| Name | Role |\n|---|---|\n| A colleague | team manager |\n";
        assert_eq!(count_words(body), 6);
    }

    #[test]
    fn non_latin_words_are_counted() {
        assert_eq!(count_words("Łukasz and Siobhán thanked Zoë."), 5);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(body in "\\PC*") {
            let _ = count_words(&body);
        }
    }
}
