//! The `/stats/` page's figures: published stories and nominations per year, council,
//! service and practice area, shared by the page's tables, its charts and its CSV file
//! so the three can never disagree.
//!
//! Figures are counted from the resolved [`Site`], which holds published entries only:
//! drafts, embargoed entries and entries whose consent has ended are not in it.

use serde::Serialize;

use crate::model::EntryKind;
use crate::resolve::{Site, TaxonomyKind};

/// Where the CSV download is published, below the site root.
pub(crate) const CSV_PATH: &str = "stats/figures.csv";

/// The groupings the page shows, in page order.
pub(crate) const GROUPINGS: [TaxonomyKind; 4] = [
    TaxonomyKind::Year,
    TaxonomyKind::Council,
    TaxonomyKind::Service,
    TaxonomyKind::PracticeArea,
];

/// One row of a table: a year, a council, a service or a practice area.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) label: String,
    /// The listing of the entries counted in this row.
    pub(crate) url: String,
    pub(crate) stories: usize,
    pub(crate) nominations: usize,
    pub(crate) total: usize,
}

/// The figures for one grouping.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct Table {
    /// A stable id for the page's headings and the chart's title (`year`, `council`…).
    pub(crate) id: &'static str,
    /// The column heading and CSV grouping name, e.g. "Practice area".
    pub(crate) grouping: &'static str,
    /// The section heading, e.g. "By practice area".
    pub(crate) heading: String,
    pub(crate) rows: Vec<Row>,
    /// Entries that name nothing in this grouping (no service given), by kind.
    pub(crate) not_given: Option<NotGiven>,
    /// An entry with several practice areas is counted in each, so the rows add up to
    /// more than the number of entries.
    pub(crate) counted_more_than_once: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotGiven {
    pub(crate) stories: usize,
    pub(crate) nominations: usize,
}

/// Everything the page and the CSV show.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct Figures {
    pub(crate) stories: usize,
    pub(crate) nominations: usize,
    pub(crate) tables: Vec<Table>,
}

impl Figures {
    pub(crate) fn new(site: &Site) -> Figures {
        Figures {
            stories: site.entries_of(EntryKind::Story).count(),
            nominations: site.entries_of(EntryKind::Nomination).count(),
            tables: GROUPINGS.iter().map(|&kind| table(site, kind)).collect(),
        }
    }
}

fn table(site: &Site, kind: TaxonomyKind) -> Table {
    let taxonomy = site.taxonomy(kind);
    let mut rows: Vec<Row> = taxonomy
        .terms
        .iter()
        .map(|term| {
            let (stories, nominations) = count_kinds(site, &term.entries);
            Row {
                label: term.label.clone(),
                url: site
                    .settings
                    .site_url(&format!("/{}/{}/", kind.section(), term.slug)),
                stories,
                nominations,
                total: stories + nominations,
            }
        })
        .collect();
    if kind == TaxonomyKind::Year {
        // A year chart reads left to right, oldest first, like a timeline.
        rows.sort_by(|a, b| a.label.cmp(&b.label));
    } else {
        rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.label.cmp(&b.label)));
    }
    let without: Vec<usize> = site
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| kind.values_of(e).is_empty())
        .map(|(i, _)| i)
        .collect();
    let not_given = (!without.is_empty()).then(|| {
        let (stories, nominations) = count_kinds(site, &without);
        NotGiven {
            stories,
            nominations,
        }
    });
    let counted_more_than_once = site.entries.iter().any(|e| kind.values_of(e).len() > 1);
    Table {
        id: id_of(kind),
        grouping: grouping_name(kind),
        heading: format!("By {}", kind.singular()),
        rows,
        not_given,
        counted_more_than_once,
    }
}

fn count_kinds(site: &Site, indices: &[usize]) -> (usize, usize) {
    indices
        .iter()
        .filter_map(|&i| site.entries.get(i))
        .fold((0, 0), |(s, n), e| match e.kind {
            EntryKind::Story => (s + 1, n),
            EntryKind::Nomination => (s, n + 1),
        })
}

fn id_of(kind: TaxonomyKind) -> &'static str {
    match kind {
        TaxonomyKind::Year => "year",
        TaxonomyKind::Council => "council",
        TaxonomyKind::Service => "service",
        TaxonomyKind::PracticeArea => "practice-area",
        TaxonomyKind::Tag => "tag",
    }
}

fn grouping_name(kind: TaxonomyKind) -> &'static str {
    match kind {
        TaxonomyKind::Year => "Year",
        TaxonomyKind::Council => "Council",
        TaxonomyKind::Service => "Service",
        TaxonomyKind::PracticeArea => "Practice area",
        TaxonomyKind::Tag => "Tag",
    }
}

/// The figures as CSV (RFC 4180, CRLF line ends, a header row): one row per table row,
/// in page order, with the grouping it belongs to.
pub(crate) fn csv(figures: &Figures) -> String {
    let mut out = String::from("Grouping,Name,Stories,Nominations,Total\r\n");
    for table in &figures.tables {
        for row in &table.rows {
            out.push_str(&format!(
                "{},{},{},{},{}\r\n",
                csv_field(table.grouping),
                csv_field(&row.label),
                row.stories,
                row.nominations,
                row.total
            ));
        }
    }
    out
}

/// Quotes a field when it must be, and defuses text a spreadsheet would run as a
/// formula (a council name starting with `=` or `+`): the leading apostrophe is the
/// convention spreadsheets themselves use for "this is text".
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_formulas_are_made_safe() {
        assert_eq!(csv_field("Anytown"), "Anytown");
        assert_eq!(csv_field("Bath, North East"), "\"Bath, North East\"");
        assert_eq!(csv_field("The \"Hub\""), "\"The \"\"Hub\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("+44"), "'+44");
    }
}
