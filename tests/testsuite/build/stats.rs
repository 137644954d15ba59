//! The `/stats/` page: its tables, its charts and its CSV download say the same thing,
//! and count published entries only.

use scraper::{Html, Selector};

use crate::support::build::TestSite;

/// (grouping, name, stories, nominations, total), as a reader sees them.
type Figure = (String, String, usize, usize, usize);

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    html.select(&selector).collect()
}

fn within<'a>(element: scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    element.select(&selector).collect()
}

fn text(element: scraper::ElementRef) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// Every row of every table on the page, with its table's first column heading.
fn table_figures(page: &str) -> Vec<Figure> {
    let html = Html::parse_document(page);
    let mut figures = Vec::new();
    for table in select(&html, "table.stats-table") {
        let grouping = text(within(table, "thead th")[0]);
        for row in within(table, "tbody tr") {
            let name = text(within(row, "th")[0]);
            let numbers: Vec<usize> = within(row, "td")
                .into_iter()
                .map(|td| text(td).parse().expect("a number"))
                .collect();
            figures.push((grouping.clone(), name, numbers[0], numbers[1], numbers[2]));
        }
    }
    figures
}

/// The CSV's rows, read with the quoting rules it was written with.
fn csv_figures(csv: &str) -> Vec<Figure> {
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(
        lines.next(),
        Some("Grouping,Name,Stories,Nominations,Total")
    );
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 5, "{line}");
            let number = |i: usize| fields[i].parse::<usize>().expect("a number");
            (
                fields[0].to_string(),
                fields[1].to_string(),
                number(2),
                number(3),
                number(4),
            )
        })
        .collect()
}

fn figure(grouping: &str, name: &str, stories: usize, nominations: usize) -> Figure {
    (
        grouping.to_string(),
        name.to_string(),
        stories,
        nominations,
        stories + nominations,
    )
}

#[test]
fn the_tables_count_published_entries_only() {
    let site = TestSite::fixture("basic");
    site.build();
    // The fixture's draft (Northmoor, 2026) and embargoed story (Southfold, 2026) are
    // left out.
    assert_eq!(
        table_figures(&site.read("stats/index.html")),
        vec![
            figure("Year", "2025", 1, 0),
            figure("Year", "2026", 1, 1),
            figure("Council", "Northmoor Council", 1, 1),
            figure("Council", "Southfold Council", 1, 0),
            figure("Service", "Children", 1, 1),
            figure("Service", "Adults", 1, 0),
            figure("Practice area", "Kinship care", 1, 0),
            figure("Practice area", "Supervision", 1, 0),
        ]
    );
    let page = site.read("stats/index.html");
    assert!(page.contains("2 stories and 1 nomination published so far"));
    // The nomination names no practice area, and the page says so.
    assert!(
        page.contains("do not name a practice area: 0 stories and 1 nomination"),
        "{page}"
    );
}

#[test]
fn an_embargoed_story_is_counted_once_it_is_published() {
    let site = TestSite::fixture("basic");
    site.build_at("2026-03-02T09:00:00Z", false).expect("build");
    let figures = table_figures(&site.read("stats/index.html"));
    assert!(figures.contains(&figure("Council", "Southfold Council", 2, 0)));
    assert!(figures.contains(&figure("Year", "2026", 2, 1)));
}

#[test]
fn the_csv_download_matches_the_tables() {
    let site = TestSite::fixture("basic");
    site.build();
    let page = site.read("stats/index.html");
    let csv = site.read("stats/figures.csv");
    assert_eq!(csv_figures(&csv), table_figures(&page));
    let html = Html::parse_document(&page);
    let link = select(&html, "main a[download]");
    assert_eq!(link.len(), 1);
    assert_eq!(link[0].value().attr("href"), Some("/stats/figures.csv"));
}

#[test]
fn each_table_has_a_chart_with_a_title_and_description() {
    let site = TestSite::fixture("basic");
    site.build();
    let page = site.read("stats/index.html");
    let html = Html::parse_document(&page);
    let charts = select(&html, "svg.chart");
    assert_eq!(charts.len(), 4);
    for chart in charts {
        assert_eq!(chart.value().attr("role"), Some("img"));
        let labelled_by: Vec<&str> = chart
            .value()
            .attr("aria-labelledby")
            .expect("aria-labelledby")
            .split(' ')
            .collect();
        let title = within(chart, "title");
        let desc = within(chart, "desc");
        assert_eq!(title[0].value().attr("id"), Some(labelled_by[0]));
        assert_eq!(desc[0].value().attr("id"), Some(labelled_by[1]));
        assert!(text(desc[0]).contains("The table beside the chart gives every figure."));
    }
    assert!(page.contains("The most is Northmoor Council with 1 story and 1 nomination."));
    // No JavaScript on the page: only the JSON-LD data block every page has.
    for script in select(&html, "script") {
        assert_eq!(script.value().attr("type"), Some("application/ld+json"));
    }
}

#[test]
fn the_footer_and_the_press_page_link_to_the_figures() {
    let site = TestSite::fixture("basic");
    site.build();
    for page in ["index.html", "stories/kitchen-table/index.html"] {
        let html = Html::parse_document(&site.read(page));
        let links: Vec<_> = select(&html, "footer a")
            .into_iter()
            .filter(|a| a.value().attr("href") == Some("/stats/"))
            .collect();
        assert_eq!(links.len(), 1, "{page}");
        assert_eq!(text(links[0]), "Facts and figures");
    }
    let press = Html::parse_document(&site.read("press/index.html"));
    assert!(select(&press, "main a")
        .iter()
        .any(|a| a.value().attr("href") == Some("/stats/")));
    assert!(site.read("sitemap.xml").contains("/stats/</loc>"));
}

#[test]
fn names_with_commas_and_formulas_survive_the_csv() {
    let site = TestSite::fixture("basic");
    let story = site.root().join("content/stories/kitchen-table.md");
    let text = std::fs::read_to_string(&story).expect("read");
    std::fs::write(
        &story,
        text.replace(
            "council: Northmoor Council",
            "council: \"=Northmoor, \\\"North\\\" Council\"",
        ),
    )
    .expect("write");
    site.build();
    let csv = site.read("stats/figures.csv");
    assert!(
        csv.contains("Council,\"'=Northmoor, \"\"North\"\" Council\",1,0,1\r\n"),
        "{csv}"
    );
}
