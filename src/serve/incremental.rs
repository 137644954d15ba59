//! Which render jobs a content change affects, comparing the site that is being served
//! with the newly resolved one.
//!
//! Job indices (`Job::Entry(3)`) move when entries are added or re-dated, so jobs are
//! compared through a [`JobKey`] that names what a job is about (a source file, a term
//! by slug). A job is re-rendered when anything it shows may differ; kinds of job this
//! module does not know (feeds and the like, added later) are always re-rendered.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::config::Settings;
use crate::i18n::Strings;
use crate::load::translation::translation_of;
use crate::model::EntryKind;
use crate::render::feeds::{FeedScope, FEED_LIMIT};
use crate::render::views::SiteView;
use crate::render::Job;
use crate::resolve::{Site, TaxonomyKind};

/// What a job is about, stable across rebuilds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum JobKey {
    Entry(PathBuf),
    Page(PathBuf),
    Section(EntryKind, usize),
    TaxonomyIndex(TaxonomyKind),
    Term(TaxonomyKind, String, usize),
    /// A term's feeds, by slug: term numbers shift when a term is added or removed.
    TermFeed(TaxonomyKind, String),
    /// Site-wide jobs, which carry no index.
    Other(Job),
    /// The media stage's files, written whenever the media folder changed.
    Media,
}

/// The key of a job of `site`.
pub(crate) fn job_key(site: &Site, job: &Job) -> JobKey {
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
        Job::Feeds(FeedScope::Term { kind, term }) => site
            .taxonomy(kind)
            .terms
            .get(term)
            .map_or(JobKey::Other(*job), |t| {
                JobKey::TermFeed(kind, t.slug.clone())
            }),
        _ => JobKey::Other(*job),
    }
}

/// The jobs to render for a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub(crate) jobs: Vec<Job>,
    /// Every page changes (the navigation or footer did): all jobs are in `jobs`.
    pub(crate) everything: bool,
}

/// The `jobs` of `new` whose output may differ from what the site in `before`
/// produced, given the source files (relative to the site root) that changed since then.
pub(crate) fn plan(
    before: &Snapshot,
    new: &Site,
    jobs: Vec<Job>,
    changed: &HashSet<PathBuf>,
) -> Plan {
    if before.view != site_view(new) {
        return Plan {
            jobs,
            everything: true,
        };
    }
    let compare = Compare {
        before,
        new,
        changed,
        new_lists: Listings::new(new),
    };
    let jobs = jobs
        .into_iter()
        .filter(|job| compare.affected(job))
        .collect();
    Plan {
        jobs,
        everything: false,
    }
}

/// `changed` with each file's original and translations. A translation takes its
/// original's fields, and each language's page of an entry links to the others (or to
/// that language's home where there is none), so a change to one may change them all.
/// Paths that name no file are harmless: they only widen the comparison.
pub(crate) fn with_translations(
    settings: &Settings,
    changed: &HashSet<PathBuf>,
) -> HashSet<PathBuf> {
    let mut all = changed.clone();
    if !settings.is_multilingual() {
        return all;
    }
    let translations_of = |original: &Path| -> Vec<PathBuf> {
        let Some(stem) = original.file_stem().and_then(|s| s.to_str()) else {
            return Vec::new();
        };
        settings.languages[1..]
            .iter()
            .map(|l| original.with_file_name(format!("{stem}.{}.md", l.code)))
            .collect()
    };
    for path in changed
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        all.extend(translations_of(path));
        if let Some((_, original)) = translation_of(path) {
            all.extend(translations_of(&original));
            all.insert(original);
        }
    }
    all
}

/// Every page shows the site-wide values (navigation, footer with the plain pages).
fn site_view(site: &Site) -> Option<serde_json::Value> {
    // The theme's words are the same before and after an edit to content (a change to
    // the theme re-renders everything), so English shows every change the view can have.
    static WORDS: std::sync::LazyLock<Option<Strings>> =
        std::sync::LazyLock::new(|| Strings::load(crate::i18n::FALLBACK, None).ok());
    let words = WORDS.as_ref()?;
    serde_json::to_value(SiteView::new(site, words)).ok()
}

/// The source files each listing shows, in order: a listing page is compared by the
/// files it lists, since indices move between rebuilds.
struct Listings {
    sections: HashMap<EntryKind, Vec<PathBuf>>,
    /// (taxonomy, slug) → (label, files).
    terms: HashMap<(TaxonomyKind, String), (String, Vec<PathBuf>)>,
    summaries: HashMap<TaxonomyKind, Vec<(String, String, usize)>>,
    /// The newest entries of all kinds, as many as a feed holds.
    newest: Vec<PathBuf>,
}

impl Listings {
    fn new(site: &Site) -> Self {
        let sources = |indices: &[usize]| -> Vec<PathBuf> {
            indices
                .iter()
                .filter_map(|&i| site.entries.get(i).map(|e| e.source.clone()))
                .collect()
        };
        let mut terms = HashMap::new();
        let mut summaries = HashMap::new();
        for taxonomy in &site.taxonomies {
            for term in &taxonomy.terms {
                terms.insert(
                    (taxonomy.kind, term.slug.clone()),
                    (term.label.clone(), sources(&term.entries)),
                );
            }
            summaries.insert(taxonomy.kind, term_summaries(site, taxonomy.kind));
        }
        Listings {
            sections: [EntryKind::Story, EntryKind::Nomination]
                .into_iter()
                .map(|kind| {
                    let list = site
                        .entries_of(kind)
                        .map(|(_, e)| e.source.clone())
                        .collect();
                    (kind, list)
                })
                .collect(),
            terms,
            summaries,
            newest: site
                .entries
                .iter()
                .take(FEED_LIMIT)
                .map(|e| e.source.clone())
                .collect(),
        }
    }
}

/// What [`plan`] needs to know of the served site, kept while the site itself is
/// updated in place.
pub(crate) struct Snapshot {
    view: Option<serde_json::Value>,
    entries: HashSet<PathBuf>,
    pages: HashSet<PathBuf>,
    lists: Listings,
}

impl Snapshot {
    pub(crate) fn of(site: &Site) -> Snapshot {
        Snapshot {
            view: site_view(site),
            entries: site.entries.iter().map(|e| e.source.clone()).collect(),
            pages: site.pages.iter().map(|p| p.source.clone()).collect(),
            lists: Listings::new(site),
        }
    }
}

struct Compare<'a> {
    before: &'a Snapshot,
    new: &'a Site,
    changed: &'a HashSet<PathBuf>,
    new_lists: Listings,
}

impl Compare<'_> {
    fn affected(&self, job: &Job) -> bool {
        let (new, changed, before) = (self.new, self.changed, self.before);
        match *job {
            Job::Entry(i) => new
                .entries
                .get(i)
                .is_none_or(|e| changed.contains(&e.source) || !before.entries.contains(&e.source)),
            Job::Page(i) => new
                .pages
                .get(i)
                .is_none_or(|p| changed.contains(&p.source) || !before.pages.contains(&p.source)),
            Job::Section { kind, page } => {
                let empty = Vec::new();
                let old = before.lists.sections.get(&kind).unwrap_or(&empty);
                let new_list = self.new_lists.sections.get(&kind).unwrap_or(&empty);
                listing_differs(old, new_list, page, new.settings.page_size, changed)
            }
            Job::Term { kind, term, page } => self.term_differs(kind, term, page),
            Job::TaxonomyIndex(kind) => {
                before.lists.summaries.get(&kind) != self.new_lists.summaries.get(&kind)
            }
            Job::Feeds(scope) => self.feed_differs(scope),
            // These show only site-wide values, compared before.
            Job::StaticFiles | Job::Robots | Job::Accessibility | Job::Search | Job::NotFound => {
                false
            }
            // Home, the sitemap and any kind of job added later: site-wide outputs
            // that may list any entry.
            _ => true,
        }
    }

    /// Whether a feed's items differ: another list of entries, or one of them changed.
    /// A feed of every entry on a large site is rendered only when it must be.
    fn feed_differs(&self, scope: FeedScope) -> bool {
        let (before, after) = (&self.before.lists, &self.new_lists);
        let (old, new) = match scope {
            FeedScope::All => (Some(&before.newest), Some(&after.newest)),
            FeedScope::Section(kind) => (before.sections.get(&kind), after.sections.get(&kind)),
            FeedScope::Term { kind, term } => {
                let Some(slug) = self.new.taxonomy(kind).terms.get(term).map(|t| &t.slug) else {
                    return true;
                };
                let key = (kind, slug.clone());
                match (before.terms.get(&key), after.terms.get(&key)) {
                    (Some((old_label, _)), Some((new_label, _))) if old_label != new_label => {
                        return true
                    }
                    (old, new) => (old.map(|(_, l)| l), new.map(|(_, l)| l)),
                }
            }
        };
        let (Some(old), Some(new)) = (old, new) else {
            return true;
        };
        let old = &old[..old.len().min(FEED_LIMIT)];
        let new = &new[..new.len().min(FEED_LIMIT)];
        old != new || new.iter().any(|p| self.changed.contains(p))
    }

    fn term_differs(&self, kind: TaxonomyKind, term: usize, page: usize) -> bool {
        let Some(slug) = self
            .new
            .taxonomy(kind)
            .terms
            .get(term)
            .map(|t| t.slug.clone())
        else {
            return true;
        };
        let key = (kind, slug);
        let (Some((old_label, old)), Some((new_label, new))) = (
            self.before.lists.terms.get(&key),
            self.new_lists.terms.get(&key),
        ) else {
            return true;
        };
        old_label != new_label
            || listing_differs(old, new, page, self.new.settings.page_size, self.changed)
    }
}

/// Whether page `page` of a listing shows anything different. Every page says how many
/// items there are and how many pages, so a different count changes them all.
fn listing_differs(
    old: &[PathBuf],
    new: &[PathBuf],
    page: usize,
    page_size: usize,
    changed: &HashSet<PathBuf>,
) -> bool {
    if old.len() != new.len() {
        return true;
    }
    let size = page_size.max(1);
    let start = (page.max(1) - 1) * size;
    let end = (start + size).min(new.len());
    let (old_page, new_page) = (&old[start.min(end)..end], &new[start.min(end)..end]);
    old_page != new_page || new_page.iter().any(|p| changed.contains(p))
}

/// A taxonomy's index page: each term's label, address and count.
fn term_summaries(site: &Site, kind: TaxonomyKind) -> Vec<(String, String, usize)> {
    site.taxonomy(kind)
        .terms
        .iter()
        .map(|t| (t.label.clone(), t.slug.clone(), t.entries.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{check, BuildOptions};
    use crate::render::pages::all_jobs;
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

    /// The plan after the body of story a (children, tag x, the oldest) is edited.
    fn plan_after_editing_a() -> (Site, Plan) {
        let f = Fixture::new();
        let old = f.site();
        f.write(
            "a",
            &story("A", "2024-01-01", "children", &["x"]).replace("Body", "New"),
        );
        let new = f.site();
        let plan = plan(&Snapshot::of(&old), &new, all_jobs(&new), &changed(&["a"]));
        (new, plan)
    }

    #[test]
    fn editing_a_body_renders_its_page_and_the_listings_that_show_it() {
        let (new, plan) = plan_after_editing_a();
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
    fn editing_an_entry_renders_only_the_feeds_that_hold_it() {
        let (new, plan) = plan_after_editing_a();
        let keys = keys(&new, &plan);
        let feed = |slug: &str| JobKey::TermFeed(TaxonomyKind::Service, slug.into());
        assert!(keys.contains(&feed("children")));
        assert!(!keys.contains(&feed("adults")));
        assert!(keys.contains(&JobKey::Other(Job::Feeds(FeedScope::All))));
        assert!(keys.contains(&JobKey::Other(Job::Feeds(FeedScope::Section(
            EntryKind::Story
        )))));
        assert!(!keys.contains(&JobKey::Other(Job::Feeds(FeedScope::Section(
            EntryKind::Nomination
        )))));
    }

    #[test]
    fn moving_an_entry_between_terms_renders_the_old_and_new_term_pages() {
        let f = Fixture::new();
        let old = f.site();
        f.write("a", &story("A", "2024-01-01", "children", &["y"]));
        let new = f.site();
        let keys = keys(
            &new,
            &plan(&Snapshot::of(&old), &new, all_jobs(&new), &changed(&["a"])),
        );
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
        let keys = keys(
            &new,
            &plan(&Snapshot::of(&old), &new, all_jobs(&new), &changed(&["e"])),
        );
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
        let plan = plan(&Snapshot::of(&old), &new, all_jobs(&new), &HashSet::new());
        assert!(plan.everything);
        assert_eq!(plan.jobs.len(), all_jobs(&new).len());
    }
}
