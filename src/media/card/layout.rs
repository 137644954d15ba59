//! Fitting a card's text into its box: the title wraps onto lines, gets smaller when it
//! is long, and is shortened with an ellipsis only when even the smallest size cannot
//! hold it. Widths come from the font's own glyph advances, so a line measured here is
//! the line resvg draws (kerning only ever makes it a little narrower).

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

const ELLIPSIS: char = '…';

/// A font's advances, for measuring text before it is drawn. The character map and the
/// advance table are looked up once; every card measures hundreds of candidate lines.
pub(crate) struct Measure<'a> {
    charmap: Charmap<'a>,
    advances: GlyphMetrics<'a>,
    units_per_em: f32,
    /// The advance of `M`, counted for a character the font lacks so that a line is
    /// never underestimated.
    fallback: f32,
}

impl<'a> Measure<'a> {
    pub(crate) fn new(font_data: &'a [u8]) -> Option<Self> {
        let font = FontRef::new(font_data).ok()?;
        let charmap = font.charmap();
        let advances = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let fallback = charmap
            .map('M')
            .and_then(|glyph| advances.advance_width(glyph))
            .unwrap_or(units_per_em);
        Some(Measure {
            charmap,
            advances,
            units_per_em,
            fallback,
        })
    }

    /// Whether the font has a glyph for every character of `text`.
    #[cfg(test)]
    pub(crate) fn covers(&self, text: &str) -> bool {
        text.chars()
            .filter(|ch| !ch.is_whitespace())
            .all(|ch| self.charmap.map(ch).is_some())
    }

    /// The width of `text` at `size` pixels.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|ch| {
                self.charmap
                    .map(ch)
                    .and_then(|glyph| self.advances.advance_width(glyph))
                    .unwrap_or(self.fallback)
            })
            .sum();
        units * size / self.units_per_em.max(1.0)
    }
}

/// A title set in lines at one size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub(crate) size: f32,
    pub(crate) lines: Vec<String>,
}

/// Sets `text` at the largest of `sizes` (largest first) whose lines fit `width` and
/// whose line count fits `height` at `leading` × size per line; at the smallest size
/// the last line that fits ends in an ellipsis.
pub(crate) fn fit(
    measure: &Measure,
    text: &str,
    sizes: &[f32],
    width: f32,
    height: f32,
    leading: f32,
) -> Block {
    let smallest = sizes.last().copied().unwrap_or(32.0);
    for &size in sizes {
        let max_lines = max_lines(height, size, leading);
        let lines = wrap(measure, text, size, width);
        if lines.len() <= max_lines {
            return Block { size, lines };
        }
    }
    let max_lines = max_lines(height, smallest, leading);
    let mut lines = wrap(measure, text, smallest, width);
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        *last = shorten(measure, &format!("{last} x"), smallest, width);
    }
    Block {
        size: smallest,
        lines,
    }
}

fn max_lines(height: f32, size: f32, leading: f32) -> usize {
    ((height / (size * leading)).floor() as usize).max(1)
}

/// One line: `text` as it is when it fits, otherwise cut at a word (or, for one long
/// word, a character) with an ellipsis.
pub(crate) fn one_line(measure: &Measure, text: &str, size: f32, width: f32) -> String {
    if measure.width(text, size) <= width {
        text.to_string()
    } else {
        shorten(measure, text, size, width)
    }
}

/// Greedy word wrap; a word wider than the line is broken between characters. Each
/// word is measured once, and lines are added up from the words' widths.
fn wrap(measure: &Measure, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = measure.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = measure.width(word, size);
        if !line.is_empty() && line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line = word.to_string();
            line_width = word_width;
            continue;
        }
        line_width = 0.0;
        for ch in word.chars() {
            let mut buffer = [0u8; 4];
            let ch_width = measure.width(ch.encode_utf8(&mut buffer), size);
            if !line.is_empty() && line_width + ch_width > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(ch);
            line_width += ch_width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut short enough to take an ellipsis within `width`: at the last word break
/// that fits, or mid-word when a single word is too long.
fn shorten(measure: &Measure, text: &str, size: f32, width: f32) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    for count in (1..words.len()).rev() {
        let candidate = format!("{}{ELLIPSIS}", trim_punctuation(&words[..count].join(" ")));
        if measure.width(&candidate, size) <= width {
            return candidate;
        }
    }
    let mut cut = String::new();
    for ch in text.chars() {
        let candidate = format!("{cut}{ch}{ELLIPSIS}");
        if measure.width(&candidate, size) > width {
            break;
        }
        cut.push(ch);
    }
    format!("{}{ELLIPSIS}", cut.trim_end())
}

/// "the end," + "…" reads badly: trailing commas, colons and dashes go first.
fn trim_punctuation(text: &str) -> &str {
    text.trim_end_matches([',', ';', ':', '-', '–', '—', ' '])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::card::fonts::BOLD;

    fn measure() -> Measure<'static> {
        Measure::new(BOLD).expect("the theme's font parses")
    }

    #[test]
    fn a_short_title_stays_large_on_one_line() {
        let block = fit(
            &measure(),
            "Tea and toast",
            &[72.0, 56.0],
            1040.0,
            330.0,
            1.2,
        );
        assert_eq!(block.size, 72.0);
        assert_eq!(block.lines, vec!["Tea and toast"]);
    }

    #[test]
    fn a_long_title_wraps_gets_smaller_and_ends_with_an_ellipsis() {
        let m = measure();
        let title = "How a kinship care team, three schools and a grandmother with a very long memory rebuilt family time around the kitchen table after years of letters, missed visits and hospital stays across two counties and one long winter";
        let block = fit(&m, title, &[72.0, 64.0, 56.0, 48.0], 1040.0, 330.0, 1.2);
        assert_eq!(block.size, 48.0);
        assert_eq!(block.lines.len(), 5);
        assert!(block.lines.last().expect("a line").ends_with('…'));
        for line in &block.lines {
            assert!(m.width(line, block.size) <= 1040.0, "{line}");
        }
    }

    #[test]
    fn one_enormous_word_is_broken_to_fit() {
        let m = measure();
        let word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch".repeat(2);
        let block = fit(&m, &word, &[72.0], 1040.0, 330.0, 1.2);
        assert!(block.lines.len() > 1);
        for line in &block.lines {
            assert!(m.width(line, 72.0) <= 1040.0);
        }
    }

    #[test]
    fn welsh_letters_are_in_the_font() {
        let m = measure();
        assert!(m.covers("Gŵyl Dewi, Yr Wŷdd, ‘quotes’ – and “more”…"));
        assert!(!m.covers("漢"));
    }

    #[test]
    fn one_line_text_is_shortened_at_a_word() {
        let m = measure();
        let long = "Upper Tillingham and Lower Bramblecombe Joint Borough and County Council Partnership Trust";
        let line = one_line(&m, long, 32.0, 600.0);
        assert!(line.ends_with('…'));
        assert!(m.width(&line, 32.0) <= 600.0);
        assert_eq!(one_line(&m, "Anytown", 32.0, 600.0), "Anytown");
    }
}
