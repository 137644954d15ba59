//! The SVG source of a generated card. It is built from an entry's public fields only
//! (title, kind, council) and the site's name, so there is nothing on a card that the
//! page itself does not show; the leak guard reads this source before it is drawn.
//!
//! Colours are the default theme's (style.css): the header's teal with white text, and
//! the warm stripe for the kind of entry, 4.6:1 on the teal.

use super::fonts::FAMILY;
use super::layout::{fit, one_line, Measure};
use super::{CARD_HEIGHT, CARD_WIDTH};
use crate::util::xml_escape;

const BACKGROUND: &str = "#16545b";
const TEXT: &str = "#ffffff";
const STRIPE: &str = "#f0b429";
const SOFT_TEXT: &str = "#e6f0f1";
const RULE: &str = "#5bbac3";

const MARGIN: f32 = 80.0;
const TITLE_TOP: f32 = 150.0;
const TITLE_HEIGHT: f32 = 320.0;
const TITLE_SIZES: [f32; 4] = [76.0, 66.0, 56.0, 48.0];
const LEADING: f32 = 1.18;

/// What a generated card says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CardText<'a> {
    pub(crate) title: &'a str,
    /// The kind of entry and its date: "Story · 7 December 2026".
    pub(crate) kind: &'a str,
    /// The council, or the publishing organisation when the entry names none.
    pub(crate) council: &'a str,
    pub(crate) site: &'a str,
}

/// The card as SVG, its text laid out to fit.
pub(crate) fn card_svg(text: &CardText, regular: &Measure, bold: &Measure) -> String {
    let width = CARD_WIDTH as f32 - 2.0 * MARGIN;
    let title = fit(bold, text.title, &TITLE_SIZES, width, TITLE_HEIGHT, LEADING);
    let mut lines = String::new();
    for (index, line) in title.lines.iter().enumerate() {
        let baseline = TITLE_TOP + title.size * (1.0 + LEADING * index as f32) - title.size * 0.2;
        lines.push_str(&format!(
            "<tspan x=\"{MARGIN}\" y=\"{baseline:.0}\">{}</tspan>",
            xml_escape(line)
        ));
    }
    let kind = one_line(bold, text.kind, 34.0, width);
    let council = one_line(regular, text.council, 34.0, width);
    let site = one_line(bold, text.site, 30.0, width);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" viewBox=\"0 0 {CARD_WIDTH} {CARD_HEIGHT}\" font-family=\"{FAMILY}\">\
<rect width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" fill=\"{BACKGROUND}\"/>\
<rect width=\"{CARD_WIDTH}\" height=\"16\" fill=\"{STRIPE}\"/>\
<text x=\"{MARGIN}\" y=\"108\" font-size=\"34\" font-weight=\"700\" fill=\"{STRIPE}\">{}</text>\
<text font-size=\"{}\" font-weight=\"700\" fill=\"{TEXT}\">{lines}</text>\
<rect x=\"{MARGIN}\" y=\"492\" width=\"{width}\" height=\"3\" fill=\"{RULE}\"/>\
<text x=\"{MARGIN}\" y=\"548\" font-size=\"34\" fill=\"{TEXT}\">{}</text>\
<text x=\"{MARGIN}\" y=\"592\" font-size=\"30\" font-weight=\"700\" fill=\"{SOFT_TEXT}\">{}</text>\
</svg>",
        xml_escape(&kind),
        title.size,
        xml_escape(&council),
        xml_escape(&site),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::card::fonts::{BOLD, REGULAR};

    #[test]
    fn text_is_escaped_and_every_part_is_present() {
        let regular = Measure::new(REGULAR).expect("font");
        let bold = Measure::new(BOLD).expect("font");
        let svg = card_svg(
            &CardText {
                title: "Tea & <toast> at Tŷ Gŵyn",
                kind: "Story",
                council: "Anytown Council",
                site: "Practice stories",
            },
            &regular,
            &bold,
        );
        assert!(svg.contains("Tea &amp; &lt;toast&gt; at Tŷ Gŵyn"));
        assert!(svg.contains(">Story</text>"));
        assert!(svg.contains(">Anytown Council</text>"));
        assert!(svg.contains(">Practice stories</text>"));
        assert!(!svg.contains("<toast>"));
    }
}
