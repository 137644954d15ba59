//! Which render jobs a content change affects, comparing the site that is being served
//! with the newly resolved one.
//!
//! Job indices (`Job::Entry(3)`) move when entries are added or re-dated, so jobs are
//! compared through a [`JobKey`] that names what a job is about (a source file, a term
//! by slug). A job is re-rendered when anything it shows may differ; kinds of job this
//! module does not know (feeds and the like, added later) are always re-rendered.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::model::EntryKind;
use crate::render::pages::all_jobs;
use crate::render::views::SiteView;
use crate::render::Job;
use crate::resolve::{Site, TaxonomyKind};

/// What a job is about, stable across rebuilds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobKey {
    Entry(PathBuf),
    Page(PathBuf),
    Section(EntryKind, usize),
    TaxonomyIndex(TaxonomyKind),
    Term(TaxonomyKind, String, usize),
    /// Site-wide jobs, which carry no index.
    Other(Job),
}

/// The key of a job of `site`.
pub fn job_key(site: &Site, job: &Job) -> JobKey {
    match *job {
        Job::Entry(i) => site
            .entries
            .get(i)
            .map_or(JobKey::Other(*job), |e| JobKey::Entry(e.source.clone())),
        Job::Page(i) => site
            .pages
            .get(i)
            .map_or(JobKey::Other(*job), |p| JobKey::Page(p.source.clone())),
        Job::Section { kind, page } => JobKey::Section(kind, page),
        Job::TaxonomyIndex(kind) => JobKey::TaxonomyIndex(kind),
        Job::Term { kind, term, page } => site
            .taxonomy(kind)
            .terms
            .get(term)
            .map_or(JobKey::Other(*job), |t| {
                JobKey::Term(kind, t.slug.clone(), page)
            }),
        _ => JobKey::Other(*job),
    }
}

/// The jobs to render for a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// Every page changes (the navigation or footer did): all jobs are in `jobs`.
    pub everything: bool,
}

/// The jobs of `new` whose output may differ from what `old` produced, given the source
/// files (relative to the site root) that changed since `old` was rendered.
pub fn plan(old: &Site, new: &Site, changed: &HashSet<PathBuf>) -> Plan {
    let jobs = all_jobs(new);
    if site_view_changed(old, new) {
        return Plan {
            jobs,
            everything: true,
        };
    }
    let before = Before::new(old);
    let jobs = jobs
        .into_iter()
        .filter(|job| affected(&before, new, changed, job))
        .collect();
    Plan {
        jobs,
        everything: false,
    }
}

/// Every page shows the site-wide values (navigation, footer with the plain pages).
fn site_view_changed(old: &Site, new: &Site) -> bool {
    let view = |site: &Site| serde_json::to_value(SiteView::new(site)).ok();
    view(old) != view(new)
}

/// The served site, indexed for comparison.
struct Before<'a> {
    site: &'a Site,
    entries: HashSet<&'a Path>,
    pages: HashSet<&'a Path>,
    sections: HashMap<EntryKind, Vec<&'a Path>>,
    terms: HashMap<(TaxonomyKind, &'a str), usize>,
}

impl<'a> Before<'a> {
    fn new(site: &'a Site) -> Self {
        let mut terms = HashMap::new();
        for taxonomy in &site.taxonomies {
            for (i, term) in taxonomy.terms.iter().enumerate() {
                terms.insert((taxonomy.kind, term.slug.as_str()), i);
            }
        }
        Before {
            site,
            entries: site.entries.iter().map(|e| e.source.as_path()).collect(),
            pages: site.pages.iter().map(|p| p.source.as_path()).collect(),
            sections: [EntryKind::Story, EntryKind::Nomination]
                .into_iter()
                .map(|kind| (kind, section_sources(site, kind)))
                .collect(),
            terms,
        }
    }
}

fn section_sources(site: &Site, kind: EntryKind) -> Vec<&Path> {
    site.entries_of(kind)
        .map(|(_, e)| e.source.as_path())
        .collect()
}

fn affected(before: &Before, new: &Site, changed: &HashSet<PathBuf>, job: &Job) -> bool {
    match *job {
        Job::Entry(i) => new.entries.get(i).is_none_or(|e| {
            changed.contains(&e.source) || !before.entries.contains(e.source.as_path())
        }),
        Job::Page(i) => new.pages.get(i).is_none_or(|p| {
            changed.contains(&p.source) || !before.pages.contains(p.source.as_path())
        }),
        Job::Section { kind, page } => {
            let old = before.sections.get(&kind).map_or(&[][..], Vec::as_slice);
            let new_list = section_sources(new, kind);
            listing_differs(old, &new_list, page, new.settings.page_size, changed)
        }
        Job::Term { kind, term, page } => term_differs(before, new, changed, kind, term, page),
        Job::TaxonomyIndex(kind) => term_summaries(before.site, kind) != term_summaries(new, kind),
        // These show only site-wide values, compared above.
        Job::StaticFiles | Job::Robots | Job::Accessibility | Job::Search | Job::NotFound => false,
        // Home, the sitemap and any kind of job added later (feeds, search records):
        // site-wide outputs that may list any entry.
        _ => true,
    }
}

fn term_differs(
    before: &Before,
    new: &Site,
    changed: &HashSet<PathBuf>,
    kind: TaxonomyKind,
    term: usize,
    page: usize,
) -> bool {
    let Some(new_term) = new.taxonomy(kind).terms.get(term) else {
        return true;
    };
    let Some(old_term) = before
        .terms
        .get(&(kind, new_term.slug.as_str()))
        .and_then(|&i| before.site.taxonomy(kind).terms.get(i))
    else {
        return true;
    };
    if old_term.label != new_term.label {
        return true;
    }
    let sources = |site: &'_ Site, indices: &[usize]| -> Vec<PathBuf> {
        indices
            .iter()
            .filter_map(|&i| site.entries.get(i).map(|e| e.source.clone()))
            .collect()
    };
    let old_list = sources(before.site, &old_term.entries);
    let new_list = sources(new, &new_term.entries);
    let old_refs: Vec<&Path> = old_list.iter().map(PathBuf::as_path).collect();
    let new_refs: Vec<&Path> = new_list.iter().map(PathBuf::as_path).collect();
    listing_differs(&old_refs, &new_refs, page, new.settings.page_size, changed)
}

/// Whether page `page` of a listing shows anything different. Every page says how many
/// items there are and how many pages, so a different count changes them all.
fn listing_differs(
    old: &[&Path],
    new: &[&Path],
    page: usize,
    page_size: usize,
    changed: &HashSet<PathBuf>,
) -> bool {
    if old.len() != new.len() {
        return true;
    }
    let size = page_size.max(1);
    let range = |list: &[&Path]| -> Vec<PathBuf> {
        list.iter()
            .skip((page.max(1) - 1) * size)
            .take(size)
            .map(|p| p.to_path_buf())
            .collect()
    };
    let (old_page, new_page) = (range(old), range(new));
    old_page != new_page || new_page.iter().any(|p| changed.contains(p))
}

/// A taxonomy's index page: each term's label, address and count.
fn term_summaries(site: &Site, kind: TaxonomyKind) -> Vec<(&str, &str, usize)> {
    site.taxonomy(kind)
        .terms
        .iter()
        .map(|t| (t.label.as_str(), t.slug.as_str(), t.entries.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{check, BuildOptions};
    use std::fs;

    const SITE: &str =
        "title: T\nbase_url: https://example.org\nservices: [children, adults]\npage_size: 2\n";

    fn story(title: &str, date: &str, service: &str, tags: &[&str]) -> String {
        let tags = tags
            .iter()
            .map(|t| format!("  - {t}\n"))
            .collect::<String>();
        format!("---\ntitle: {title}\ndate: {date}\nsummary: S\ncouncil: Anytown\nservice: {service}\ntags:\n{tags}authors:\n  - name: Sam Jones\n    role: Social worker\nconsent:\n  recorded: true\n  by: Team manager\n  date: 2024-01-01\n---\nBody text.\n")
    }

    struct Fixture {
        dir: tempfile::TempDir,
    }

    impl Fixture {
        fn new() -> Self {
            let dir = tempfile::tempdir().unwrap();
            fs::create_dir_all(dir.path().join("content/stories")).unwrap();
            fs::write(dir.path().join("site.yaml"), SITE).unwrap();
            let f = Fixture { dir };
            f.write("a", &story("A", "2024-01-01", "children", &["x"]));
            f.write("b", &story("B", "2024-02-01", "children", &["y"]));
            f.write("c", &story("C", "2024-03-01", "adults", &["y"]));
            f.write("d", &story("D", "2024-04-01", "adults", &["z"]));
            f
        }

        fn write(&self, name: &str, text: &str) {
            fs::write(
                self.dir.path().join(format!("content/stories/{name}.md")),
                text,
            )
            .unwrap();
        }

        fn site(&self) -> Site {
            let checked = check(&BuildOptions::new(self.dir.path()));
            assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
            checked.site.unwrap()
        }
    }

    fn changed(names: &[&str]) -> HashSet<PathBuf> {
        names
            .iter()
            .map(|n| PathBuf::from(format!("content/stories/{n}.md")))
            .collect()
    }

    fn keys(site: &Site, plan: &Plan) -> Vec<JobKey> {
        plan.jobs.iter().map(|j| job_key(site, j)).collect()
    }

    #[test]
    fn editing_a_body_renders_its_page_and_the_listings_that_show_it() {
        let f = Fixture::new();
        let old = f.site();
        f.write(
            "a",
            &story("A", "2024-01-01", "children", &["x"]).replace("Body", "New"),
        );
        let new = f.site();
        let plan = plan(&old, &new, &changed(&["a"]));
        let keys = keys(&new, &plan);
        assert!(!plan.everything);
        assert!(keys.contains(&JobKey::Entry("content/stories/a.md".into())));
        assert!(!keys.contains(&JobKey::Entry("content/stories/b.md".into())));
        // Newest first, two a page: a (the oldest) is on page 2 of the stories.
        assert!(keys.contains(&JobKey::Section(EntryKind::Story, 2)));
        assert!(!keys.contains(&JobKey::Section(EntryKind::Story, 1)));
        assert!(keys.contains(&JobKey::Term(TaxonomyKind::Tag, "x".into(), 1)));
        assert!(!keys.contains(&JobKey::Term(TaxonomyKind::Tag, "y".into(), 1)));
        assert!(keys.contains(&JobKey::Other(Job::Home)));
        assert!(keys.contains(&JobKey::Other(Job::Sitemap)));
        assert!(!keys.contains(&JobKey::Other(Job::StaticFiles)));
        assert!(!keys.contains(&JobKey::TaxonomyIndex(TaxonomyKind::Tag)));
    }

    #[test]
    fn moving_an_entry_between_terms_renders_the_old_and_new_term_pages() {
        let f = Fixture::new();
        let old = f.site();
        f.write("a", &story("A", "2024-01-01", "children", &["y"]));
        let new = f.site();
        let keys = keys(&new, &plan(&old, &new, &changed(&["a"])));
        // Tag x has gone (its page is deleted by the caller); y gained an entry.
        assert!(keys.contains(&JobKey::Term(TaxonomyKind::Tag, "y".into(), 1)));
        assert!(keys.contains(&JobKey::TaxonomyIndex(TaxonomyKind::Tag)));
        assert!(!new
            .taxonomy(TaxonomyKind::Tag)
            .terms
            .iter()
            .any(|t| t.slug == "x"));
    }

    #[test]
    fn a_new_entry_renders_every_page_of_its_listing() {
        let f = Fixture::new();
        let old = f.site();
        f.write("e", &story("E", "2023-01-01", "adults", &["z"]));
        let new = f.site();
        let keys = keys(&new, &plan(&old, &new, &changed(&["e"])));
        assert!(keys.contains(&JobKey::Entry("content/stories/e.md".into())));
        let pages = crate::render::pages::page_count(5, new.settings.page_size);
        assert_eq!(pages, 3);
        for page in 1..=pages {
            assert!(keys.contains(&JobKey::Section(EntryKind::Story, page)));
        }
    }

    #[test]
    fn a_new_plain_page_changes_the_footer_of_every_page() {
        let f = Fixture::new();
        let old = f.site();
        fs::create_dir_all(f.dir.path().join("content/pages")).unwrap();
        fs::write(
            f.dir.path().join("content/pages/about.md"),
            "---\ntitle: About\n---\nHello\n",
        )
        .unwrap();
        let new = f.site();
        let plan = plan(&old, &new, &HashSet::new());
        assert!(plan.everything);
        assert_eq!(plan.jobs.len(), all_jobs(&new).len());
    }
}
