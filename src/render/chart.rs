//! Bar charts for the `/stats/` page as inline SVG: no script, no outside file, styled
//! by the theme's stylesheet so they follow its light, dark and forced-colour schemes.
//!
//! Each chart is one image to assistive technology (`role="img"` with its `<title>` and
//! `<desc>`); the figures themselves are in the table printed beside it. Stories and
//! nominations differ in pattern as well as colour (solid and striped bars), and every
//! bar carries its number, so nothing depends on telling colours apart.

use super::stats::Table;
use crate::util::xml_escape;

const WIDTH: u32 = 640;
/// Room after the longest bar for its number.
const VALUE_ROOM: u32 = 56;
const LEGEND_HEIGHT: u32 = 40;
const LABEL_HEIGHT: u32 = 22;
const BAR_HEIGHT: u32 = 18;
const BAR_GAP: u32 = 4;
const ROW_GAP: u32 = 16;
/// Labels longer than this are shortened in the chart; the table has them in full.
const MAX_LABEL_CHARS: usize = 60;

/// The SVG for one table, or None when there is nothing to draw.
pub(crate) fn bar_chart(table: &Table, title: &str) -> Option<String> {
    let max = table
        .rows
        .iter()
        .map(|r| r.stories.max(r.nominations))
        .max()
        .filter(|&m| m > 0)?;
    let id = format!("chart-{}", table.id);
    let row_height = LABEL_HEIGHT + 2 * BAR_HEIGHT + BAR_GAP + ROW_GAP;
    let height = LEGEND_HEIGHT + row_height * table.rows.len() as u32;
    let scale = f64::from(WIDTH - VALUE_ROOM) / max as f64;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>\
<defs><pattern id=\"{id}-stripes\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">\
<rect class=\"chart-stripe-back\" width=\"8\" height=\"8\"/><rect class=\"chart-stripe\" width=\"4\" height=\"8\"/></pattern></defs>",
        xml_escape(title),
        xml_escape(&description(table)),
    );
    svg.push_str(&legend(&id));
    for (index, row) in table.rows.iter().enumerate() {
        let top = LEGEND_HEIGHT + row_height * index as u32;
        let label = shorten(&row.label);
        svg.push_str(&format!(
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{}</text>",
            top + LABEL_HEIGHT - 6,
            xml_escape(&label)
        ));
        let story_top = top + LABEL_HEIGHT;
        svg.push_str(&bar(
            row.stories,
            scale,
            story_top,
            "chart-bar--story",
            None,
        ));
        let nomination_top = story_top + BAR_HEIGHT + BAR_GAP;
        svg.push_str(&bar(
            row.nominations,
            scale,
            nomination_top,
            "chart-bar--nomination",
            Some(&id),
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// One bar and its number. Striped bars take their fill from the chart's pattern.
fn bar(value: usize, scale: f64, top: u32, class: &str, stripes_of: Option<&str>) -> String {
    let length = (value as f64 * scale).round();
    let fill = stripes_of
        .map(|id| format!(" fill=\"url(#{id}-stripes)\""))
        .unwrap_or_default();
    let rect = if value > 0 {
        format!(
            "<rect class=\"chart-bar {class}\"{fill} x=\"0\" y=\"{top}\" width=\"{length}\" height=\"{BAR_HEIGHT}\"/>"
        )
    } else {
        String::new()
    };
    format!(
        "{rect}<text class=\"chart-value\" x=\"{}\" y=\"{}\">{value}</text>",
        length + 6.0,
        top + BAR_HEIGHT - 3
    )
}

fn legend(id: &str) -> String {
    format!(
        "<g class=\"chart-legend\">\
<rect class=\"chart-bar chart-bar--story\" x=\"0\" y=\"6\" width=\"24\" height=\"{BAR_HEIGHT}\"/>\
<text class=\"chart-label\" x=\"32\" y=\"20\">Stories</text>\
<rect class=\"chart-bar chart-bar--nomination\" fill=\"url(#{id}-stripes)\" x=\"140\" y=\"6\" width=\"24\" height=\"{BAR_HEIGHT}\"/>\
<text class=\"chart-label\" x=\"172\" y=\"20\">Nominations</text></g>"
    )
}

/// What the chart shows, in words, for people who cannot see it: its shape and its
/// largest figure. Every figure is in the table beside it.
fn description(table: &Table) -> String {
    let grouping = table.grouping.to_lowercase();
    let mut text = format!(
        "Bar chart with {} {}: for each, a solid bar for stories and a striped bar for nominations.",
        table.rows.len(),
        plural(&grouping, table.rows.len())
    );
    if let Some(top) = table
        .rows
        .iter()
        .max_by(|a, b| a.total.cmp(&b.total).then_with(|| b.label.cmp(&a.label)))
    {
        text.push_str(&format!(
            " The most is {} with {} {} and {} {}.",
            top.label,
            top.stories,
            plural("story", top.stories),
            top.nominations,
            plural("nomination", top.nominations)
        ));
    }
    text.push_str(" The table beside the chart gives every figure.");
    text
}

fn plural(word: &str, count: usize) -> String {
    if count == 1 {
        word.to_string()
    } else if let Some(stem) = word.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{word}s")
    }
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::stats::Row;

    fn table(rows: Vec<(&str, usize, usize)>) -> Table {
        Table {
            id: "council",
            grouping: "Council",
            heading: "By council".into(),
            rows: rows
                .into_iter()
                .map(|(label, stories, nominations)| Row {
                    label: label.into(),
                    url: String::new(),
                    stories,
                    nominations,
                    total: stories + nominations,
                })
                .collect(),
            not_given: None,
            counted_more_than_once: false,
        }
    }

    #[test]
    fn the_longest_bar_fills_the_width_and_others_scale() {
        let svg = bar_chart(
            &table(vec![("Anytown", 4, 2), ("Northmoor", 1, 0)]),
            "Per council",
        )
        .expect("chart");
        assert!(svg.contains(&format!("width=\"{}\"", WIDTH - VALUE_ROOM)));
        assert!(svg.contains(&format!("width=\"{}\"", (WIDTH - VALUE_ROOM) / 2)));
        assert!(svg.contains("<title id=\"chart-council-title\">Per council</title>"));
        assert!(svg.contains("The most is Anytown with 4 stories and 2 nominations."));
    }

    #[test]
    fn nothing_to_draw_gives_no_chart() {
        assert!(bar_chart(&table(vec![]), "x").is_none());
    }

    #[test]
    fn labels_are_escaped_and_long_ones_shortened() {
        let long = "A".repeat(80);
        let svg = bar_chart(&table(vec![("<b>&", 1, 1), (&long, 1, 0)]), "t").expect("chart");
        assert!(svg.contains("&lt;b&gt;&amp;"));
        assert!(!svg.contains(&long));
        assert!(svg.contains('…'));
    }
}
