//! A site in English and Welsh: every page in both languages, `lang`, reciprocal
//! hreflang alternates, the sitemap, the language switcher, entries not translated yet,
//! translations that contradict or leak, embargoes held in both languages, and
//! one-language sites whose output has not changed by a byte.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::support::build::{select_attr, select_text, TestSite};
use crate::support::{copy_tree, repo_root, stderr, stdout, tempdir};

const NOW: &str = "2026-03-01T12:00:00Z";

/// A copy of `tests/fixtures/bilingual/site`.
fn bilingual() -> TestSite {
    let dir = tempdir();
    copy_tree(
        &repo_root().join("tests/fixtures/bilingual/site"),
        dir.path(),
    );
    TestSite { dir }
}

fn built() -> TestSite {
    let site = bilingual();
    site.build();
    site
}

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(args)
        .arg("--site")
        .arg(root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run practice-press: {e}"))
}

/// Every page type, by its path below a language's root.
const PAGES: &[&str] = &[
    "index.html",
    "stories/index.html",
    "nominations/index.html",
    "stories/kitchen-table/index.html",
    "nominations/calm-duty-manager/index.html",
    "councils/index.html",
    "councils/northmoor-council/index.html",
    "services/index.html",
    "services/children/index.html",
    "practice-areas/kinship-care/index.html",
    "tags/family-time/index.html",
    "years/2026/index.html",
    "search/index.html",
    "press/index.html",
    "submit/story/index.html",
    "submit/nomination/index.html",
    "submit/guide/index.html",
    "accessibility/index.html",
    "stats/index.html",
    "feeds/index.html",
    "about/index.html",
    "404.html",
];

#[test]
fn every_page_type_is_published_in_both_languages_with_its_lang() {
    let site = built();
    for page in PAGES {
        let english = site.read(page);
        let welsh = site.read(&format!("cy/{page}"));
        assert_eq!(select_attr(&english, "html", "lang"), ["en-GB"], "{page}");
        assert_eq!(select_attr(&welsh, "html", "lang"), ["cy"], "cy/{page}");
        // The header speaks the page's language.
        assert_eq!(
            select_attr(&welsh, "nav.language-switcher", "aria-label"),
            ["Iaith"],
            "cy/{page}"
        );
    }
    let home = site.read("cy/index.html");
    assert!(
        home.contains("Straeon ymarfer y gosodiad"),
        "Welsh site title"
    );
    let story = site.read("cy/stories/kitchen-table/index.html");
    assert_eq!(
        select_text(&story, "h1"),
        "Gofal gan berthnasau wrth fwrdd y gegin"
    );
    assert!(story.contains("Eisteddon ni wrth fwrdd y gegin"));
    assert!(!story.contains("We sat at the kitchen table"));
    // Labels come from translations.cy.labels; addresses stay the same.
    let services = site.read("cy/services/index.html");
    assert!(services.contains("Gwasanaethau plant"), "{services}");
    assert!(services.contains("href=\"/cy/services/children/\""));
    // Theme files and media stay at the root.
    assert!(!site.exists("cy/static/style.css"));
    assert_eq!(
        select_attr(&story, "link[rel=stylesheet]", "href")[0],
        "/static/style.css"
    );
    let about = site.read("cy/about/index.html");
    assert!(about.contains("wefan hon yn casglu straeon"), "{about}");
}

/// Each HTML page's hreflang alternates (language → absolute address).
fn alternates_of(html: &str) -> BTreeMap<String, String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("link[rel=alternate][hreflang]").expect("selector");
    document
        .select(&selector)
        .filter_map(|e| {
            Some((
                e.value().attr("hreflang")?.to_string(),
                e.value().attr("href")?.to_string(),
            ))
        })
        .collect()
}

/// The output file of an address on the fixture's host.
fn file_of(url: &str) -> String {
    let path = url
        .strip_prefix("https://stories.fixture.example/")
        .unwrap_or_else(|| panic!("{url} is not on the site"));
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

#[test]
fn hreflang_alternates_are_reciprocal_and_every_page_has_a_switcher() {
    let site = built();
    let files = site.all_files();
    let pages: Vec<&String> = files
        .keys()
        .filter(|p| p.ends_with(".html") && !p.ends_with("404.html"))
        .collect();
    assert!(pages.len() > 40, "{}", pages.len());
    for page in pages {
        let html = String::from_utf8_lossy(&files[page]).into_owned();
        let switch = select_attr(&html, "nav.language-switcher a", "href");
        assert_eq!(switch.len(), 1, "{page} has one switcher link");
        let target = switch[0].trim_start_matches('/');
        let target = if target.is_empty() || target.ends_with('/') {
            format!("{target}index.html")
        } else {
            target.to_string()
        };
        assert!(files.contains_key(&target), "{page}: switcher to {target}");
        let lang = select_attr(&html, "nav.language-switcher a", "lang");
        let own = select_attr(&html, "html", "lang");
        assert_ne!(
            lang, own,
            "{page}: the switcher leads to the other language"
        );
        assert_eq!(
            select_attr(&html, "nav.language-switcher a", "hreflang"),
            lang
        );
        let alternates = alternates_of(&html);
        if alternates.is_empty() {
            continue;
        }
        assert_eq!(
            alternates.keys().collect::<Vec<_>>(),
            ["cy", "en-GB", "x-default"],
            "{page}"
        );
        assert_eq!(alternates["x-default"], alternates["en-GB"]);
        for (language, url) in &alternates {
            let file = file_of(url);
            let other = files
                .get(&file)
                .unwrap_or_else(|| panic!("{page}: alternate {language} {url} is not published"));
            let back = alternates_of(&String::from_utf8_lossy(other));
            assert_eq!(back, alternates, "{page} and {file} disagree");
        }
        // The switcher goes to the same page when there is one.
        let switched_to = &alternates[&lang[0]];
        assert!(
            switched_to.ends_with(&switch[0]),
            "{page}: {switched_to} vs {}",
            switch[0]
        );
    }
}

#[test]
fn an_untranslated_entry_is_listed_in_welsh_in_its_own_words_and_links_to_its_page() {
    let site = built();
    assert!(!site.exists("cy/stories/supervision-that-helps/index.html"));
    let listing = site.read("cy/stories/index.html");
    let document = scraper::Html::parse_document(&listing);
    let card = scraper::Selector::parse("li.card").expect("selector");
    let untranslated = document
        .select(&card)
        .find(|c| c.html().contains("Supervision that helps"))
        .expect("the untranslated story is listed")
        .html();
    assert_eq!(select_attr(&untranslated, ".card-title", "lang"), ["en-GB"]);
    assert_eq!(
        select_attr(&untranslated, ".card-summary", "lang"),
        ["en-GB"]
    );
    assert_eq!(
        select_attr(&untranslated, ".card-title a", "href"),
        ["/stories/supervision-that-helps/"]
    );
    assert_eq!(
        select_text(&untranslated, ".card-language"),
        "Ar gael yn Saesneg yn unig"
    );
    // It is on its service's and practice area's Welsh pages too, never dropped.
    assert!(site
        .read("cy/practice-areas/supervision/index.html")
        .contains("Supervision that helps"));
    // The English page has no Welsh alternate; its switcher leads to the Welsh home.
    let english = site.read("stories/supervision-that-helps/index.html");
    assert!(alternates_of(&english).is_empty());
    assert_eq!(
        select_attr(&english, "nav.language-switcher a", "href"),
        ["/cy/"]
    );
    assert!(!english.contains("og:locale:alternate"));
    // A translated entry's page names its alternate locale.
    let welsh = site.read("cy/stories/kitchen-table/index.html");
    assert!(welsh.contains("<meta property=\"og:locale\" content=\"cy_GB\">"));
    assert!(welsh.contains("<meta property=\"og:locale:alternate\" content=\"en_GB\">"));
    assert!(
        welsh.contains("\"inLanguage\":\"cy\""),
        "JSON-LD inLanguage"
    );
}

#[test]
fn the_sitemap_lists_every_language_with_its_alternates() {
    let site = built();
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert!(!site.exists("cy/sitemap.xml"));
    let files = site.all_files();
    let mut locs = BTreeSet::new();
    for line in sitemap.lines().filter(|l| l.contains("<loc>")) {
        let loc = line
            .split("<loc>")
            .nth(1)
            .and_then(|rest| rest.split("</loc>").next())
            .expect("loc");
        assert!(files.contains_key(&file_of(loc)), "{loc} is not published");
        locs.insert(loc.to_string());
        if line.contains("xhtml:link") {
            assert!(
                line.contains(&format!("href=\"{loc}\"")),
                "{loc} lists itself among its alternates"
            );
        }
    }
    assert!(locs.contains("https://stories.fixture.example/cy/stories/kitchen-table/"));
    assert!(locs.contains("https://stories.fixture.example/stories/supervision-that-helps/"));
    assert!(!locs.contains("https://stories.fixture.example/cy/stories/supervision-that-helps/"));
}

#[test]
fn feeds_and_search_are_per_language() {
    let site = built();
    let feed = site.read("cy/feeds/atom.xml");
    assert!(feed.contains("xml:lang=\"cy\""));
    assert!(feed.contains("Gofal gan berthnasau wrth fwrdd y gegin"));
    assert!(
        !feed.contains("Supervision that helps"),
        "Welsh feeds carry Welsh entries"
    );
    assert!(site.exists("cy/feeds/councils/northmoor-council/atom.xml"));
    assert!(site
        .read("feeds/atom.xml")
        .contains("Supervision that helps"));
    assert!(site.exists("search-index/meta.json"));
    assert!(site.exists("cy/search-index/meta.json"));
    let search = site.read("cy/search/index.html");
    assert_eq!(
        select_attr(&search, "#pp-search", "data-base-path"),
        ["/cy/"]
    );
    let index: String = site
        .all_files()
        .iter()
        .filter(|(path, _)| path.starts_with("cy/search-index/"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    assert!(index.contains("/cy/stories/kitchen-table/"));
    assert!(
        index.contains("/stories/supervision-that-helps/"),
        "untranslated entries are found in Welsh too"
    );
}

/// The dictionary entry of a written form in the index under `prefix`:
/// (stem id, df, pack, offset, length) per stem it stands for.
fn dictionary_entry(site: &TestSite, prefix: &str, form: &str) -> Vec<u64> {
    for (path, bytes) in site.all_files() {
        if path.starts_with(prefix) && path.contains("/s/") {
            let shard: serde_json::Value = serde_json::from_slice(&bytes).expect("shard");
            if let Some(entry) = shard.get(form) {
                return serde_json::from_value(entry.clone()).expect("numbers");
            }
        }
    }
    panic!("{form} is not in the dictionary under {prefix}");
}

/// The document file of the entry at `url` in the index under `prefix`.
fn index_document(site: &TestSite, prefix: &str, url: &str) -> serde_json::Value {
    site.all_files()
        .into_iter()
        .filter(|(path, _)| path.starts_with(prefix) && path.contains("/d/"))
        .map(|(_, bytes)| serde_json::from_slice::<serde_json::Value>(&bytes).expect("document"))
        .find(|doc| doc["url"] == url)
        .unwrap_or_else(|| panic!("{url} is not in the index under {prefix}"))
}

#[test]
fn the_welsh_index_finds_untranslated_entries_in_english_words_and_marks_them() {
    let site = bilingual();
    site.write(
        "content/stories/fostering-friendships.md",
        "---\ntitle: Fostering friendships\ndate: 2026-01-05\nsummary: Carers who fostered for years meet new carers.\ncouncil: Northmoor Council\nservice: children\nauthors:\n  - name: Tamsin Okonjo\n    role: Senior social worker\nconsent: { recorded: true, by: Team manager, date: 2026-01-02 }\n---\n\nExperienced foster carers meet new ones over tea.\n",
    );
    // "cerdded" (walking) would lose its "-ed" to the English stemmer and meet
    // "cerdd" (a poem): in a Welsh record they must stay two words.
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Gofal gan berthnasau wrth fwrdd y gegin\nsummary: Mam-gu a gweithiwr cymdeithasol yn cynllunio gyda'i gilydd.\ndate: 2026-02-10\n---\n\nAr ôl cerdded i'r ysgol, darllenodd Mam-gu gerdd. Cerdd am y môr oedd hi.\n",
    );
    site.build();
    let welsh = "cy/search-index/";

    // The untranslated entry's English words are stemmed as English in the Welsh index.
    let fostering = dictionary_entry(&site, welsh, "fostering");
    assert_eq!(fostering, dictionary_entry(&site, welsh, "fostered"));
    assert_eq!(fostering.len(), 5, "one stem");
    // The Welsh entry's words are not.
    let walking = dictionary_entry(&site, welsh, "cerdded");
    let poem = dictionary_entry(&site, welsh, "cerdd");
    assert_eq!((walking.len(), poem.len()), (5, 5));
    assert_ne!(walking[0], poem[0], "cerdded and cerdd are different words");

    // Its result says which language it is in; a translated one says nothing.
    let english = index_document(&site, welsh, "/stories/fostering-friendships/");
    assert_eq!(english["lang"], "en-GB");
    let translated = index_document(&site, welsh, "/cy/stories/kitchen-table/");
    assert!(translated.get("lang").is_none(), "{translated}");
    // The English index is in its own language: no entry is marked.
    let own = index_document(&site, "search-index/", "/stories/fostering-friendships/");
    assert!(own.get("lang").is_none(), "{own}");

    // The Welsh search page carries the listings' words for the note under such a result.
    let page = site.read("cy/search/index.html");
    assert_eq!(
        select_text(&page, "[data-search-strings] [data-key='only-in:en-GB']"),
        "Ar gael yn Saesneg yn unig"
    );
    let english_page = site.read("search/index.html");
    assert_eq!(
        select_text(
            &english_page,
            "[data-search-strings] [data-key='only-in:cy']"
        ),
        "Available in Welsh only"
    );
}

#[test]
fn an_embargoed_original_holds_back_its_published_looking_translation() {
    let site = bilingual();
    site.build();
    let files = site.all_files();
    assert!(!site.exists("cy/stories/embargoed-story/index.html"));
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("hwb i ofalwyr"),
            "{path} shows the embargoed translation"
        );
        assert!(
            !text.contains("embargoed-story"),
            "{path} links to the embargoed story"
        );
    }
    site.build_at("2026-03-02T09:30:00Z", false)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(site
        .read("cy/stories/embargoed-story/index.html")
        .contains("Lansio&#39;r hwb i ofalwyr"));
}

#[test]
fn a_translation_that_contradicts_its_original_is_an_error_naming_both_values() {
    let site = bilingual();
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Bwrdd y gegin\nsummary: Cynllunio gyda'n gilydd.\ndate: 2026-02-11\ncouncil: Northmoor Council\n---\n\nTestun.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[PP1001]: `date` here says “2026-02-11”, but the original content/stories/kitchen-table.md says “2026-02-10”"), "{text}");
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:4:1"),
        "{text}"
    );
    assert!(text.contains("delete the line: a translation takes it from the original"));
    // A repeated field that agrees is no problem.
    assert!(!text.contains("`council`"), "{text}");
}

#[test]
fn a_translation_naming_an_anonymous_person_is_an_error_in_the_translation() {
    let site = bilingual();
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Bwrdd y gegin gyda Quillfeather\nsummary: Cynllunio gyda'n gilydd.\n---\n\nDiolch i eberhardt quillfeather.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:2:"),
        "{text}"
    );
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:6:10"),
        "{text}"
    );
    assert_eq!(text.matches("error[PP0401]").count(), 2, "{text}");
    let built = run(
        site.root(),
        &[
            "build",
            "--now",
            NOW,
            "--output",
            &site.output().to_string_lossy(),
        ],
    );
    assert_eq!(built.status.code(), Some(1));
    assert!(!site.output().exists());
}

#[test]
fn translations_without_an_original_in_an_unknown_language_or_left_as_drafts_are_reported() {
    let site = bilingual();
    site.write(
        "content/stories/no-such-story.cy.md",
        "---\ntitle: Dim gwreiddiol\n---\n\nTestun.\n",
    );
    site.write(
        "content/stories/kitchen-table.fr.md",
        "---\ntitle: La table\n---\n\nTexte.\n",
    );
    site.write(
        "content/nominations/calm-duty-manager.cy.md",
        "---\ntitle: Rheolwr tawel\ndraft: true\n---\n\nTestun.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert!(text.contains("error[PP1002]: this translation has no original: there is no content/stories/no-such-story.md"), "{text}");
    assert!(
        text.contains("error[PP1003]: `kitchen-table.fr.md` is named as a translation into `fr`"),
        "{text}"
    );
    assert!(text.contains("warning[PP1004]: this nomination is published, but its Welsh (cy) translation content/nominations/calm-duty-manager.cy.md is a draft"), "{text}");
    assert!(
        text.contains("--> content/nominations/calm-duty-manager.md:1:1"),
        "{text}"
    );
}

#[test]
fn a_draft_translation_leaves_its_entry_in_the_original_language() {
    let site = bilingual();
    site.write(
        "content/nominations/calm-duty-manager.cy.md",
        "---\ntitle: Rheolwr tawel\ndraft: true\n---\n\nTestun.\n",
    );
    site.build();
    assert!(!site.exists("cy/nominations/calm-duty-manager/index.html"));
    let listing = site.read("cy/nominations/index.html");
    assert!(listing.contains("My brilliant colleague: a calm duty manager"));
    assert!(!listing.contains("Rheolwr tawel"));
}

#[test]
fn language_and_languages_together_are_a_located_error() {
    let site = bilingual();
    let settings = std::fs::read_to_string(site.root().join("site.yaml")).expect("read");
    site.write("site.yaml", &format!("language: en-GB\n{settings}"));
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[PP0009]: site.yaml has both `language` and `languages`"),
        "{text}"
    );
    assert!(text.contains("site.yaml:1:1"), "{text}");
}

/// `<sha256>  <path>` for every file of `output` but its marker.
fn manifest(output: &Path) -> String {
    let mut lines = Vec::new();
    for entry in walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() || entry.file_name() == ".practice-press-output" {
            continue;
        }
        let path = entry
            .path()
            .strip_prefix(output)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(entry.path()).expect("read");
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        lines.push(format!("{hash}  {path}"));
    }
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    lines.join("\n") + "\n"
}

fn assert_unchanged(name: &str, site: &Path, now: &str) {
    let out = tempdir();
    let output = out.path().join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args(["build", "--quiet", "--now", now, "--site"])
        .arg(site)
        .arg("--output")
        .arg(&output)
        .output()
        .expect("run");
    assert!(built.status.success(), "{}", stderr(&built));
    let expected = std::fs::read_to_string(
        repo_root().join(format!("tests/fixtures/unchanged/{name}.sha256")),
    )
    .expect("manifest");
    let actual = manifest(&output);
    let differing: Vec<String> = {
        let expected: BTreeSet<&str> = expected.lines().collect();
        let actual: BTreeSet<&str> = actual.lines().collect();
        expected
            .symmetric_difference(&actual)
            .map(|l| l.to_string())
            .collect()
    };
    assert!(
        differing.is_empty(),
        "{name}: these files differ:\n{}",
        differing.join("\n")
    );
}

#[test]
fn a_single_language_site_is_unchanged_byte_for_byte() {
    for (name, fixture) in [
        ("basic", "tests/fixtures/build/basic"),
        ("sharing", "tests/fixtures/sharing/site"),
    ] {
        let dir = tempdir();
        copy_tree(&repo_root().join(fixture), dir.path());
        assert_unchanged(name, dir.path(), NOW);
    }
    let dir = tempdir();
    for part in ["site.yaml", "content", "themes"] {
        let from = repo_root().join(part);
        if from.is_dir() {
            copy_tree(&from, &dir.path().join(part));
        } else {
            std::fs::copy(&from, dir.path().join(part)).expect("copy");
        }
    }
    english_only(dir.path());
    assert_unchanged("example", dir.path(), "2026-12-07T12:00:00Z");
}

/// The example site as it was before it had Welsh: `language: en-GB` instead of its
/// `languages` and `translations`, and no `.cy.md` files.
fn english_only(site: &Path) {
    let settings_path = site.join("site.yaml");
    let settings = std::fs::read_to_string(&settings_path).expect("site.yaml");
    let start = settings
        .find("languages: [en-GB, cy]")
        .expect("the example site lists its languages");
    std::fs::write(
        &settings_path,
        format!("{}language: en-GB\n", &settings[..start]),
    )
    .expect("write site.yaml");
    for entry in walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_name().to_string_lossy().ends_with(".cy.md") {
            std::fs::remove_file(entry.path()).expect("remove a translation");
        }
    }
}

#[test]
fn the_example_site_publishes_its_welsh_stories_and_nominations_and_no_anonymous_name() {
    let dir = tempdir();
    for part in ["site.yaml", "content", "themes"] {
        let from = repo_root().join(part);
        if from.is_dir() {
            copy_tree(&from, &dir.path().join(part));
        } else {
            std::fs::copy(&from, dir.path().join(part)).expect("copy");
        }
    }
    let output = dir.path().join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args([
            "build",
            "--quiet",
            "--now",
            "2026-12-07T12:00:00Z",
            "--site",
        ])
        .arg(dir.path())
        .arg("--output")
        .arg(&output)
        .output()
        .expect("run");
    assert!(built.status.success(), "{}", stderr(&built));
    for (page, title) in [
        (
            "cy/stories/kinship-carers-kitchen-table-group/index.html",
            "Grŵp wrth fwrdd y gegin",
        ),
        (
            "cy/stories/care-leavers-on-the-interview-panel/index.html",
            "Pobl ifanc sy&#39;n gadael gofal",
        ),
        (
            "cy/stories/home-first-hospital-discharge/index.html",
            "Adref yn gyntaf",
        ),
        (
            "cy/nominations/the-family-support-worker-who-speaks-our-language/index.html",
            "Gweithiwr cymorth i deuluoedd",
        ),
        (
            "cy/nominations/the-duty-manager-who-stayed/index.html",
            "Y rheolwr dyletswydd",
        ),
        ("cy/about/index.html", "Am y wefan hon"),
    ] {
        let html = std::fs::read_to_string(output.join(page)).expect(page);
        assert!(html.contains("<html lang=\"cy\""), "{page}");
        assert!(html.contains(title), "{page} lacks its Welsh title");
    }
    // The duty manager's nominator asked to be anonymous: in neither language may any
    // output file carry her name.
    for entry in walkdir::WalkDir::new(&output)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).expect("read");
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("Kertész") && !text.contains("Zsófia"),
                "{} names an anonymous nominator",
                entry.path().display()
            );
        }
    }
}

#[test]
fn the_example_sites_welsh_nomination_is_summed_up_and_signed_in_welsh() {
    let site = tempdir();
    let output = site.path().join("public");
    for part in ["site.yaml", "content", "themes"] {
        let from = repo_root().join(part);
        if from.is_dir() {
            copy_tree(&from, &site.path().join(part));
        } else {
            std::fs::copy(&from, site.path().join(part)).expect("copy");
        }
    }
    let built = Command::new(env!("CARGO_BIN_EXE_practice-press"))
        .args([
            "build",
            "--quiet",
            "--now",
            "2026-12-07T12:00:00Z",
            "--site",
        ])
        .arg(site.path())
        .arg("--output")
        .arg(&output)
        .output()
        .expect("run");
    assert!(built.status.success(), "{}", stderr(&built));
    let read = |path: &str| std::fs::read_to_string(output.join(path)).expect(path);
    // A nomination gives no summary: its Welsh page, listings and feeds are summed up by
    // the translation's opening words, not the English original's.
    let welsh = read("cy/nominations/the-duty-manager-who-stayed/index.html");
    assert!(
        welsh.contains("<meta name=\"description\" content=\"Hoffwn i enwebu Helen"),
        "the Welsh page's description is not Welsh"
    );
    for path in [
        "cy/nominations/the-duty-manager-who-stayed/index.html",
        "cy/feeds/nominations/atom.xml",
        "cy/councils/brackenford-council/index.html",
    ] {
        assert!(
            !read(path).contains("I want to nominate Helen"),
            "{path} sums up the Welsh nomination in English"
        );
    }
    assert!(read("nominations/the-duty-manager-who-stayed/index.html")
        .contains("<meta name=\"description\" content=\"I want to nominate Helen"));
    // The anonymous nominator is labelled with the Welsh role her translation gives.
    assert!(welsh.contains("Gweithiwr cymdeithasol, tîm dyletswydd ac asesu, Brackenford Council"));
    assert!(read("nominations/the-duty-manager-who-stayed/index.html")
        .contains("A social worker, duty and assessment team at Brackenford Council"));
}

#[test]
fn the_writing_guide_is_welsh_on_the_welsh_side_and_leads_to_the_welsh_forms() {
    let site = built();
    let english = site.read("submit/guide/index.html");
    let welsh = site.read("cy/submit/guide/index.html");
    assert_eq!(
        select_text(&english, "h1"),
        "How to write a story or a nomination"
    );
    assert_eq!(
        select_text(&welsh, "h1"),
        "Sut i ysgrifennu stori neu enwebiad"
    );
    assert!(
        welsh.contains("<a href=\"/cy/submit/story/\">Rhannu stori</a>"),
        "{welsh}"
    );
    assert!(welsh.contains("<a href=\"/cy/submit/nomination/\">Enwebu cydweithiwr</a>"));
    assert!(english.contains("<a href=\"/submit/story/\">Share a story</a>"));
    // Neither guide is marked as being in another language than its page.
    assert!(select_attr(&welsh, "h1", "lang").is_empty());
    assert!(select_attr(&welsh, ".entry-body", "lang").is_empty());
}

#[test]
fn an_untranslated_page_is_in_the_welsh_footer_in_english_marked_and_linked_to_its_english_page() {
    let site = bilingual();
    site.write(
        "content/pages/visiting.md",
        "---\ntitle: Visiting the team\nsummary: Where to find us.\n---\n\nWe are on the second floor.\n",
    );
    site.build();
    let welsh = site.read("cy/stories/index.html");
    let document = scraper::Html::parse_document(&welsh);
    let links = scraper::Selector::parse(".footer-links a").expect("selector");
    let footer: Vec<(String, String, Option<String>)> = document
        .select(&links)
        .map(|a| {
            let value = a.value();
            (
                a.text().collect::<String>(),
                value.attr("href").unwrap_or_default().to_string(),
                value.attr("hreflang").map(str::to_string),
            )
        })
        .collect();
    // The translated page in Welsh at its Welsh address, then the untranslated one in
    // English at its English address, marked.
    assert!(
        footer.contains(&("Am y straeon hyn".into(), "/cy/about/".into(), None)),
        "{footer:?}"
    );
    assert_eq!(
        footer.last(),
        Some(&(
            "Visiting the team (Ar gael yn Saesneg yn unig)".to_string(),
            "/visiting/".to_string(),
            Some("en-GB".to_string())
        )),
        "{footer:?}"
    );
    assert_eq!(
        select_attr(&welsh, ".footer-links a[hreflang] span[lang]", "lang"),
        ["en-GB"]
    );
    assert_eq!(
        select_text(&welsh, ".footer-links a[hreflang] span[lang]"),
        "Visiting the team"
    );
    // It has no Welsh page, and the English footer lists it as usual.
    assert!(!site.exists("cy/visiting/index.html"));
    let english = site.read("stories/index.html");
    assert!(
        english.contains("<li><a href=\"/visiting/\">Visiting the team</a></li>"),
        "{english}"
    );
    assert!(!english.contains("footer-language"));
}

/// Every `(text, href, hreflang)` of the links in a page's `.entry-body`.
fn body_links(html: &str) -> Vec<(String, String, Option<String>)> {
    let document = scraper::Html::parse_document(html);
    let links = scraper::Selector::parse(".entry-body a").expect("selector");
    document
        .select(&links)
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap_or_default().to_string(),
                a.value().attr("hreflang").map(str::to_string),
            )
        })
        .collect()
}

const LINKS: &str = "[Amdanom](/about/), [goruchwylio](/stories/supervision-that-helps/), \
[perthynol](../supervision-that-helps/), [tudalen 2](/stories/page/2/), \
[Cymraeg yn barod](/cy/about/), [llun](/media/tea.svg), [SCW](https://socialcare.wales/), \
[troednodyn](#top)\n";

#[test]
fn links_in_a_translation_lead_to_the_welsh_page_or_to_the_english_one_marked() {
    let site = bilingual();
    site.write(
        "content/stories/kitchen-table.cy.md",
        &format!("---\ntitle: Gofal gan berthnasau wrth fwrdd y gegin\nsummary: Mam-gu a gweithiwr cymdeithasol yn cynllunio gyda'i gilydd.\n---\n\nEisteddon ni wrth fwrdd y gegin.\n\n{LINKS}"),
    );
    site.write(
        "content/pages/about.cy.md",
        "---\ntitle: Am y straeon hyn\nsummary: Pwy sy'n eu cyhoeddi.\n---\n\nDarllenwch [stori](../stories/kitchen-table/) neu [un arall](../stories/supervision-that-helps/).\n",
    );
    site.build();
    let none = None;
    let english = Some("en-GB".to_string());
    let link = |text: &str, href: &str, lang: &Option<String>| {
        (text.to_string(), href.to_string(), lang.clone())
    };
    assert_eq!(
        body_links(&site.read("cy/stories/kitchen-table/index.html")),
        [
            link("Amdanom", "/cy/about/", &none),
            link("goruchwylio", "/stories/supervision-that-helps/", &english),
            link("perthynol", "/stories/supervision-that-helps/", &english),
            link("tudalen 2", "/cy/stories/page/2/", &none),
            link("Cymraeg yn barod", "/cy/about/", &none),
            link("llun", "/media/tea.svg", &none),
            link("SCW", "https://socialcare.wales/", &none),
            link("troednodyn", "#top", &none),
        ]
    );
    // A plain page's translation too, relative links included.
    assert_eq!(
        body_links(&site.read("cy/about/index.html")),
        [
            link("stori", "/cy/stories/kitchen-table/", &none),
            link("un arall", "/stories/supervision-that-helps/", &english),
        ]
    );
    // The English page's links stay exactly as written.
    assert_eq!(
        body_links(&site.read("stories/kitchen-table/index.html")),
        [link("about the site", "/about/", &none)]
    );
}

#[test]
fn check_warns_of_a_title_summary_or_text_left_as_in_the_original() {
    let site = bilingual();
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Kinship care at the kitchen table\nsummary: A grandmother and a social worker plan together.\n---\n\nWe sat at the kitchen table and planned family time together.\n\nRead [about the site](/about/).\n",
    );
    site.write(
        "content/pages/about.cy.md",
        "---\ntitle: Am y straeon hyn\n---\n\nThis site collects stories from practitioners.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(0), "only warnings: {text}");
    let said = |what: &str, original: &str| {
        format!("warning[PP1006]: {what} is word for word the same as in the original {original}, so the Welsh (cy) page shows it untranslated")
    };
    let story = "content/stories/kitchen-table.md";
    assert!(text.contains(&said("`title` here", story)), "{text}");
    assert!(text.contains(&said("`summary` here", story)), "{text}");
    assert!(text.contains(&said("the text here", story)), "{text}");
    assert!(
        text.contains(&said("the text here", "content/pages/about.md")),
        "{text}"
    );
    for place in [
        "--> content/stories/kitchen-table.cy.md:2:1",
        "--> content/stories/kitchen-table.cy.md:3:1",
        "--> content/stories/kitchen-table.cy.md:6:1",
        "--> content/pages/about.cy.md:5:1",
    ] {
        assert!(text.contains(place), "{place} in {text}");
    }
    assert!(text.contains("write the title in Welsh (cy); if it is rightly the same in both languages (a name, say), leave it: this is only a warning"), "{text}");
    // The translated page's own title and the fixture's real translations say nothing.
    assert_eq!(text.matches("PP1006").count(), 4, "{text}");
}

/// The `content` of `<meta property|name="key">` in a page's head.
fn meta(html: &str, key: &str) -> Option<String> {
    let found = select_attr(
        html,
        &format!("meta[property=\"{key}\"], meta[name=\"{key}\"]"),
        "content",
    );
    found.into_iter().next()
}

/// Every anonymous name in the bilingual fixture, whole and in parts.
const ANONYMOUS: &[&str] = &[
    "Eberhardt",
    "Quillfeather",
    "Philippa",
    "Vandersloot",
    "Octavian",
    "Brightwater",
];

#[test]
fn a_welsh_page_points_to_its_own_card_drawn_and_described_in_welsh() {
    let site = built();
    let english = site.read("stories/kitchen-table/index.html");
    let welsh = site.read("cy/stories/kitchen-table/index.html");
    let root = "https://stories.fixture.example";
    for key in ["og:image", "twitter:image"] {
        assert_eq!(
            meta(&english, key).as_deref(),
            Some(format!("{root}/stories/kitchen-table/card.png").as_str())
        );
        assert_eq!(
            meta(&welsh, key).as_deref(),
            Some(format!("{root}/cy/stories/kitchen-table/card.png").as_str())
        );
    }
    for key in ["og:image:alt", "twitter:image:alt"] {
        assert_eq!(
            meta(&english, key).as_deref(),
            Some("Story: “Kinship care at the kitchen table” from Northmoor Council, on Fixture practice stories")
        );
        assert_eq!(
            meta(&welsh, key).as_deref(),
            Some("Stori: “Gofal gan berthnasau wrth fwrdd y gegin” – Northmoor Council – Straeon ymarfer y gosodiad")
        );
    }
    let files = site.all_files();
    let english_card = &files["stories/kitchen-table/card.png"];
    let welsh_card = &files["cy/stories/kitchen-table/card.png"];
    assert_ne!(english_card, welsh_card, "the Welsh card is drawn anew");
    let image = image::load_from_memory(welsh_card).expect("a PNG");
    assert_eq!((image.width(), image.height()), (1200, 630));
    // Not translated: no Welsh card, and no Welsh page to point to one.
    assert!(!site.exists("cy/stories/supervision-that-helps/card.png"));
    assert!(site.exists("stories/supervision-that-helps/card.png"));
    assert!(files["cy/nominations/calm-duty-manager/index.html"]
        .windows(b"/cy/nominations/calm-duty-manager/card.png".len())
        .any(|w| w == b"/cy/nominations/calm-duty-manager/card.png"));
}

#[test]
fn welsh_cards_carry_welsh_words_and_dates_and_no_anonymous_name() {
    let site = bilingual();
    let sources: BTreeMap<String, String> =
        practice_press::build::card_sources(&site.options(NOW, false))
            .expect("card sources")
            .into_iter()
            .collect();
    let paths: Vec<&str> = sources.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "cy/nominations/calm-duty-manager/card.png",
            "cy/stories/kitchen-table/card.png",
            "nominations/calm-duty-manager/card.png",
            "stories/kitchen-table/card.png",
            "stories/supervision-that-helps/card.png",
        ]
    );
    let welsh = &sources["cy/stories/kitchen-table/card.png"];
    assert!(
        welsh.contains(">Stori · 10 Chwefror 2026</text>"),
        "{welsh}"
    );
    assert!(
        welsh.contains(">Gofal gan berthnasau wrth</tspan>"),
        "{welsh}"
    );
    assert!(
        welsh.contains(">Straeon ymarfer y gosodiad</text>"),
        "{welsh}"
    );
    assert!(!welsh.contains("Kinship care"), "{welsh}");
    let nomination = &sources["cy/nominations/calm-duty-manager/card.png"];
    assert!(
        nomination.contains(">Fy Nghydweithiwr Gwych · 15 Ionawr 2026</text>"),
        "{nomination}"
    );
    let english = &sources["stories/kitchen-table/card.png"];
    assert!(
        english.contains(">Story · 10 February 2026</text>"),
        "{english}"
    );
    assert!(
        english.contains(">Fixture practice stories</text>"),
        "{english}"
    );
    for (path, source) in &sources {
        for name in ANONYMOUS {
            assert!(!source.contains(name), "{name} on the card {path}");
        }
    }
}

#[test]
fn welsh_feeds_and_the_links_to_them_are_named_in_welsh() {
    let site = built();
    let atom = site.read("cy/feeds/stories/atom.xml");
    assert!(
        atom.contains(
            "<title type=\"text\">Straeon ymarfer da – Straeon ymarfer y gosodiad</title>"
        ),
        "{atom}"
    );
    assert!(atom.contains("<subtitle type=\"text\">Gweithwyr cymdeithasol yn disgrifio"));
    assert!(atom.contains("<name>Cyngor y Gosodiad</name>"), "{atom}");
    let council = site.read("cy/feeds/councils/northmoor-council/rss.xml");
    assert!(
        council.contains("<title>Straeon ac enwebiadau gan Northmoor Council – Straeon ymarfer y gosodiad</title>"),
        "{council}"
    );
    assert!(
        council.contains("Straeon ac enwebiadau gan Northmoor Council, y mwyaf newydd yn gyntaf.")
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.read("cy/feeds/practice-areas/kinship-care/feed.json"))
            .expect("JSON Feed");
    assert_eq!(
        json["title"],
        "Gofal gan berthnasau: straeon ac enwebiadau – Straeon ymarfer y gosodiad"
    );
    let home = site.read("cy/index.html");
    assert_eq!(
        select_attr(
            &home,
            "link[rel=alternate][type=\"application/atom+xml\"]",
            "title"
        ),
        ["Pob stori ac enwebiad (Atom)"]
    );
    let listing = site.read("cy/stories/index.html");
    assert_eq!(
        select_attr(
            &listing,
            "link[rel=alternate][type=\"application/feed+json\"]",
            "title"
        ),
        ["Straeon ymarfer da (JSON Feed)"]
    );
    // English stays as it was.
    assert_eq!(
        select_attr(
            &site.read("index.html"),
            "link[rel=alternate][type=\"application/atom+xml\"]",
            "title"
        ),
        ["All stories and nominations (Atom)"]
    );
    // No English feed name is left on any Welsh page or in any Welsh feed.
    for (path, bytes) in site.all_files() {
        if !path.starts_with("cy/") || path.starts_with("cy/search-index/") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for english in [
            "All stories and nominations",
            "stories and nominations",
            "Good-practice stories",
            "My Brilliant Colleague nominations",
            "newest first",
            "Every story and nomination",
            "in their own words",
        ] {
            assert!(!text.contains(english), "“{english}” in {path}");
        }
    }
}

const WELSH_ALT: &str = "---\ntitle: Gofal gan berthnasau wrth fwrdd y gegin\nsummary: Mam-gu a gweithiwr cymdeithasol yn cynllunio gyda'i gilydd.\nimage:\n  alt: Dau fwg ar fwrdd y gegin\n---\n\nEisteddon ni wrth fwrdd y gegin.\n";

#[test]
fn a_translation_without_its_own_alt_shows_the_originals_marked_as_english() {
    let site = built();
    let welsh = site.read("cy/stories/kitchen-table/index.html");
    assert_eq!(
        select_attr(&welsh, ".entry-image img", "alt"),
        ["Two mugs on a table"]
    );
    assert_eq!(select_attr(&welsh, ".entry-image img", "lang"), ["en-GB"]);
    let english = site.read("stories/kitchen-table/index.html");
    assert!(select_attr(&english, ".entry-image img", "lang").is_empty());
    let feed = site.read("cy/feeds/atom.xml");
    assert!(
        feed.contains("<media:description type=\"plain\" xml:lang=\"en-GB\">Two mugs on a table</media:description>"),
        "{feed}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.read("cy/feeds/feed.json")).expect("JSON Feed");
    let item = &json["items"][0]["_practice_press"];
    assert_eq!(item["image_alt_language"], "en-GB", "{json}");
    assert!(!site
        .read("feeds/atom.xml")
        .contains("xml:lang=\"en-GB\">Two mugs"));
}

#[test]
fn a_translation_gives_its_own_alt_for_the_originals_photo() {
    let site = bilingual();
    site.write("content/stories/kitchen-table.cy.md", WELSH_ALT);
    site.build();
    let welsh = site.read("cy/stories/kitchen-table/index.html");
    assert_eq!(
        select_attr(&welsh, ".entry-image img", "alt"),
        ["Dau fwg ar fwrdd y gegin"]
    );
    assert!(select_attr(&welsh, ".entry-image img", "lang").is_empty());
    // The same photo, from the original.
    assert_eq!(
        select_attr(&welsh, ".entry-image img", "src"),
        select_attr(
            &site.read("stories/kitchen-table/index.html"),
            ".entry-image img",
            "src"
        )
    );
    let feed = site.read("cy/feeds/atom.xml");
    assert!(
        feed.contains(
            "<media:description type=\"plain\">Dau fwg ar fwrdd y gegin</media:description>"
        ),
        "{feed}"
    );
    let english = site.read("stories/kitchen-table/index.html");
    assert_eq!(
        select_attr(&english, ".entry-image img", "alt"),
        ["Two mugs on a table"]
    );
}

#[test]
fn a_translations_image_may_give_only_alt_and_its_alt_is_checked_for_privacy() {
    let site = bilingual();
    site.write(
        "content/stories/kitchen-table.cy.md",
        &WELSH_ALT
            .replace(
                "  alt: Dau fwg ar fwrdd y gegin\n",
                "  alt: Eberhardt Quillfeather yn arllwys te\n  src: /media/other.jpg\n  credit: Fixture Council\n",
            ),
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[PP1001]: `image.src` here says “/media/other.jpg”, but the original content/stories/kitchen-table.md says “/media/tea.svg”"), "{text}");
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:6:3"),
        "{text}"
    );
    assert!(
        text.contains("only its description (`alt`) is its own"),
        "{text}"
    );
    // The credit repeats the original's: no problem.
    assert!(!text.contains("image.credit"), "{text}");
    assert_eq!(text.matches("error[PP0401]").count(), 1, "{text}");
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:5:8"),
        "{text}"
    );

    site.write(
        "content/stories/kitchen-table.cy.md",
        &WELSH_ALT.replace("  alt: Dau fwg ar fwrdd y gegin\n", "  alt: [dau, fwg]\n"),
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "error[PP1005]: `alt` under `image` in a translation must describe the photo in words"
        ),
        "{text}"
    );
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:5:3"),
        "{text}"
    );
}

/// A small JPEG photo, drawn here, for a card cropped from a photo.
fn photo_jpeg() -> Vec<u8> {
    let photo = image::RgbImage::from_fn(320, 200, |x, _| {
        if x < 160 {
            image::Rgb([200, 60, 40])
        } else {
            image::Rgb([40, 90, 200])
        }
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    photo
        .write_to(&mut bytes, image::ImageFormat::Jpeg)
        .expect("encode");
    bytes.into_inner()
}

#[test]
fn a_photo_card_is_shared_by_both_languages_and_described_in_each() {
    let site = bilingual();
    std::fs::write(site.root().join("content/media/tea.jpg"), photo_jpeg()).expect("photo");
    let original = std::fs::read_to_string(site.root().join("content/stories/kitchen-table.md"))
        .expect("original");
    site.write(
        "content/stories/kitchen-table.md",
        &original.replace("/media/tea.svg", "/media/tea.jpg"),
    );
    site.write("content/stories/kitchen-table.cy.md", WELSH_ALT);
    site.build();
    let english = site.read("stories/kitchen-table/index.html");
    let welsh = site.read("cy/stories/kitchen-table/index.html");
    let card = "https://stories.fixture.example/stories/kitchen-table/card.jpg";
    assert_eq!(meta(&english, "og:image").as_deref(), Some(card));
    assert_eq!(meta(&welsh, "og:image").as_deref(), Some(card));
    assert!(!site.exists("cy/stories/kitchen-table/card.jpg"));
    assert_eq!(
        meta(&english, "og:image:alt").as_deref(),
        Some("Two mugs on a table")
    );
    for key in ["og:image:alt", "twitter:image:alt"] {
        assert_eq!(
            meta(&welsh, key).as_deref(),
            Some("Dau fwg ar fwrdd y gegin")
        );
    }
}

/// The text of every file under `cy/` (text files only).
fn welsh_text(site: &TestSite) -> Vec<(String, String)> {
    site.all_files()
        .into_iter()
        .filter(|(path, _)| path.starts_with("cy/"))
        .filter_map(|(path, bytes)| String::from_utf8(bytes).ok().map(|text| (path, text)))
        .collect()
}

/// The JSON-LD of a page.
fn json_ld(html: &str) -> serde_json::Value {
    let document = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse("script[type=\"application/ld+json\"]").expect("selector");
    let text: String = document
        .select(&selector)
        .next()
        .map(|script| script.text().collect())
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON-LD: {e}: {text}"))
}

#[test]
fn an_anonymous_persons_label_is_welsh_on_every_welsh_output() {
    let site = built();
    let story = site.read("cy/stories/kitchen-table/index.html");
    let people = select_text(&story, ".entry-facts");
    assert!(
        people.contains("Rheolwr tîm, Northmoor Council"),
        "{people}"
    );
    // A named author's role comes from the translation too.
    assert!(
        people.contains("Tamsin Okonjo, Uwch weithiwr cymdeithasol, Northmoor Council"),
        "{people}"
    );
    let ld = json_ld(&story);
    assert_eq!(
        ld["author"][1]["name"], "Rheolwr tîm, Northmoor Council",
        "{ld}"
    );
    assert_eq!(
        ld["author"][0]["jobTitle"], "Uwch weithiwr cymdeithasol",
        "{ld}"
    );

    // A nominee given a Welsh role is labelled by it; a nominator given none is called a
    // colleague in Welsh, never "Social worker" inside a Welsh phrase.
    let nomination = site.read("cy/nominations/calm-duty-manager/index.html");
    let facts = select_text(&nomination, ".entry-facts");
    assert!(
        facts.contains("Rheolwr dyletswydd, Northmoor Council"),
        "{facts}"
    );
    assert!(facts.contains("Cydweithiwr, Northmoor Council"), "{facts}");

    let atom = site.read("cy/feeds/atom.xml");
    assert!(
        atom.contains("<name>Rheolwr tîm, Northmoor Council</name>"),
        "{atom}"
    );
    assert!(
        atom.contains("<name>Cydweithiwr, Northmoor Council</name>"),
        "{atom}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.read("cy/feeds/feed.json")).expect("JSON Feed");
    // A nomination's author is its nominator.
    assert!(
        json.to_string()
            .contains("\"name\":\"Rheolwr tîm, Northmoor Council\""),
        "{json}"
    );
    assert!(
        json.to_string()
            .contains("\"name\":\"Cydweithiwr, Northmoor Council\""),
        "{json}"
    );
    let record = index_document(&site, "cy/search-index/", "/cy/stories/kitchen-table/");
    assert!(
        record
            .to_string()
            .contains("Rheolwr tîm, Northmoor Council"),
        "{record}"
    );
    assert!(site
        .read("cy/stories/kitchen-table/story.txt")
        .contains("Rheolwr tîm, Northmoor Council"));

    for (path, text) in welsh_text(&site) {
        for english in [
            "A team manager",
            "A duty manager",
            "A social worker",
            " at Northmoor Council",
        ] {
            assert!(!text.contains(english), "{path} says “{english}”");
        }
        for name in [
            "Eberhardt",
            "Quillfeather",
            "Philippa",
            "Vandersloot",
            "Octavian",
            "Brightwater",
        ] {
            assert!(!text.contains(name), "{path} names {name}");
        }
    }

    // The English side says it as it always has.
    let english = site.read("stories/kitchen-table/index.html");
    assert!(select_text(&english, ".entry-facts").contains("A team manager at Northmoor Council"));
    let english_nomination = site.read("nominations/calm-duty-manager/index.html");
    let facts = select_text(&english_nomination, ".entry-facts");
    assert!(
        facts.contains("A duty manager at Northmoor Council"),
        "{facts}"
    );
    assert!(
        facts.contains("A social worker at Northmoor Council"),
        "{facts}"
    );
    assert!(site
        .read("feeds/atom.xml")
        .contains("<name>A team manager at Northmoor Council</name>"));
    let record = index_document(&site, "search-index/", "/stories/kitchen-table/");
    assert!(
        record
            .to_string()
            .contains("A team manager at Northmoor Council"),
        "{record}"
    );
}

#[test]
fn welsh_roles_change_no_byte_of_the_english_site() {
    let with_roles = built();
    let without = bilingual();
    without.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Gofal gan berthnasau wrth fwrdd y gegin\nsummary: Mam-gu a gweithiwr cymdeithasol yn cynllunio gyda'i gilydd.\ndate: 2026-02-10\n---\n\nEisteddon ni wrth fwrdd y gegin a chynllunio amser teulu gyda'n gilydd.\n",
    );
    without.write(
        "content/nominations/calm-duty-manager.cy.md",
        "---\ntitle: \"Fy nghydweithiwr gwych: rheolwr dyletswydd tawel\"\nsummary: Rheolwr dyletswydd sy'n cadw pawb yn dawel.\n---\n\nMae ein rheolwr dyletswydd yn cadw pawb yn dawel ar y diwrnodau anoddaf ac mae bob amser\nyn dod o hyd i amser i wrando ar gydweithwyr sydd newydd gymhwyso cyn iddynt fynd adref.\n",
    );
    without.build();
    let (ours, theirs) = (with_roles.all_files(), without.all_files());
    let english = |files: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .filter(|(path, _)| !path.starts_with("cy/"))
            .map(|(path, bytes)| (path.clone(), bytes.clone()))
            .collect()
    };
    let (a, b) = (english(&ours), english(&theirs));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{path} differs");
    }
    // The Welsh side does change: without Welsh roles it marks the English ones.
    assert_ne!(
        ours["cy/stories/kitchen-table/index.html"],
        theirs["cy/stories/kitchen-table/index.html"]
    );
    let page = without.read("cy/stories/kitchen-table/index.html");
    assert_eq!(
        select_text(&page, ".entry-facts [lang=\"en-GB\"]"),
        "Senior social worker"
    );
    assert!(select_text(&page, ".entry-facts").contains("Cydweithiwr, Northmoor Council"));
    let ld = json_ld(&page);
    assert_eq!(
        ld["author"][0]["jobTitle"],
        serde_json::json!({ "@value": "Senior social worker", "@language": "en-GB" }),
        "{ld}"
    );
}

#[test]
fn a_translations_people_may_give_only_their_roles_and_are_checked() {
    let site = bilingual();
    // Repeating what the original says is allowed, the anonymous name included: it is
    // never published, here as in the original.
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Bwrdd y gegin\nsummary: Cynllunio gyda'n gilydd.\nauthors:\n  - name: Tamsin Okonjo\n    role: Uwch weithiwr cymdeithasol\n  - name: Eberhardt Quillfeather\n    role: Rheolwr tîm\n    anonymous: true\n---\n\nEisteddon ni wrth fwrdd y gegin.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");

    // A name in a role is a leak like anywhere else; anonymity and names must be the
    // original's, and the message never repeats a name.
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Bwrdd y gegin\nsummary: Cynllunio gyda'n gilydd.\nauthors:\n  - name: Tamsin Okonjo\n    role: Uwch weithiwr cymdeithasol\n  - name: Someone Else\n    role: Rheolwr tîm Eberhardt\n    anonymous: false\n---\n\nEisteddon ni wrth fwrdd y gegin.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[PP0401]"), "{text}");
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:8:23"),
        "{text}"
    );
    assert!(
        text.contains("error[PP1001]: `authors.name` here is not the name the original content/stories/kitchen-table.md gives"),
        "{text}"
    );
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:7:5"),
        "{text}"
    );
    assert!(
        text.contains("error[PP1001]: `authors.anonymous` here says `false`, but the original content/stories/kitchen-table.md says `true`"),
        "{text}"
    );
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:9:5"),
        "{text}"
    );
    // The messages never quote a name (the file's own line is shown beneath, as always).
    assert!(
        text.lines()
            .filter(|line| line.starts_with("error["))
            .all(|line| !line.contains("Someone")),
        "{text}"
    );

    // As many authors as the original, and a role in words.
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Bwrdd y gegin\nsummary: Cynllunio gyda'n gilydd.\nauthors:\n  - role: Rheolwr tîm\n---\n\nEisteddon ni wrth fwrdd y gegin.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert!(
        text.contains("error[PP1001]: `authors` here lists 1 person, but the original content/stories/kitchen-table.md lists 2"),
        "{text}"
    );
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:4:1"),
        "{text}"
    );
    site.write(
        "content/nominations/calm-duty-manager.cy.md",
        "---\ntitle: Rheolwr dyletswydd tawel\nsummary: Rheolwr sy'n cadw pawb yn dawel.\nnominee:\n  role: [rheolwr]\n---\n\nMae ein rheolwr dyletswydd yn cadw pawb yn dawel ar y diwrnodau anoddaf bob tro.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert!(
        text.contains("error[PP1005]: `role` under `nominee` in a translation must be the person's role in words"),
        "{text}"
    );
    assert!(
        text.contains("content/nominations/calm-duty-manager.cy.md:5:3"),
        "{text}"
    );
}

#[test]
fn a_welsh_pages_json_ld_marks_an_english_photo_description() {
    let site = built();
    let ld = json_ld(&site.read("cy/stories/kitchen-table/index.html"));
    assert_eq!(
        ld["image"]["caption"],
        serde_json::json!({ "@value": "Two mugs on a table", "@language": "en-GB" }),
        "{ld}"
    );
    let ld = json_ld(&site.read("stories/kitchen-table/index.html"));
    assert_eq!(ld["image"]["caption"], "Two mugs on a table", "{ld}");
}

#[test]
fn a_translation_describing_a_decorative_photo_is_warned_of_at_its_line() {
    let site = bilingual();
    let original = std::fs::read_to_string(site.root().join("content/stories/kitchen-table.md"))
        .expect("the original")
        .replace(
            "image: { src: /media/tea.svg, alt: Two mugs on a table, credit: Fixture Council }",
            "image: { src: /media/tea.svg, alt: \"\", decorative: true, credit: Fixture Council }",
        );
    site.write("content/stories/kitchen-table.md", &original);
    site.write(
        "content/stories/kitchen-table.cy.md",
        "---\ntitle: Bwrdd y gegin\nsummary: Cynllunio gyda'n gilydd.\nimage:\n  alt: Dau fwg ar fwrdd\n---\n\nEisteddon ni wrth fwrdd y gegin.\n",
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(output.status.code(), Some(0), "only a warning: {text}");
    assert!(
        text.contains("warning[PP1007]: `image.alt` here describes the photo, but the original content/stories/kitchen-table.md marks it `decorative: true`, so no page shows this description"),
        "{text}"
    );
    assert!(
        text.contains("content/stories/kitchen-table.cy.md:5:3"),
        "{text}"
    );
    assert!(
        text.contains("delete `alt:` here if the photo is only decoration"),
        "{text}"
    );
}

#[test]
fn the_default_languages_404_page_leads_welsh_readers_home_in_welsh() {
    let site = built();
    let page = site.read("404.html");
    assert_eq!(
        select_text(&page, "main p[lang=\"cy\"]"),
        "Heb ddod o hyd i’r dudalen. Chwilio am dudalen yn Gymraeg? Ewch i’r hafan Gymraeg."
    );
    assert_eq!(
        select_attr(&page, "main p[lang=\"cy\"] a", "href"),
        ["/cy/"]
    );
    assert_eq!(
        select_attr(&page, "main p[lang=\"cy\"] a", "hreflang"),
        ["cy"]
    );
    // The Welsh 404 page is all Welsh already, and has no note in English.
    let welsh = site.read("cy/404.html");
    assert!(
        select_attr(&welsh, "main p[lang]", "lang").is_empty(),
        "{welsh}"
    );
}

/// `template` with the value of each `(key, value)` written after the next line's
/// `key:`, in order, keeping the note after `#`; a key given twice fills its next line.
fn fill_in(template: &str, values: &[(&str, &str)]) -> String {
    let mut lines: Vec<String> = template.lines().map(str::to_string).collect();
    let mut from = 0;
    for (key, value) in values {
        let at = (from..lines.len())
            .find(|&i| {
                lines[i]
                    .trim_start()
                    .trim_start_matches("- ")
                    .starts_with(&format!("{key}:"))
            })
            .unwrap_or_else(|| panic!("no `{key}:` line after line {from}"));
        let line = &lines[at];
        let start = line.find(&format!("{key}:")).expect("key") + key.len() + 1;
        let note = line
            .find(" #")
            .filter(|&i| i >= start)
            .map_or("", |i| &line[i..]);
        lines[at] = format!("{} {value}{note}", &line[..start]);
        from = at + 1;
    }
    lines.join("\n") + "\n"
}

#[test]
fn the_welsh_blank_templates_are_in_welsh_and_load_once_filled_in() {
    let site = built();
    let story = site.read("cy/submit/story-template.md");
    for welsh in [
        "# Llenwch bob llinell ar ôl y colon a’r bwlch.",
        "# Cadwch enwau’r meysydd (title:, date: ac ati) yn Saesneg",
        "title:            # teitl byr, 120 nod ar y mwyaf",
        "service:  # un o’r rhain: children, adults",
        "    role:            # teitl eich swydd, a ddangosir gyda’r stori",
        "draft: true          # dilëwch y llinell hon pan fydd y caniatâd wedi’i gofnodi",
        "<!-- Ysgrifennwch eich stori isod, yn eich geiriau eich hun, fel y byddech yn ei hadrodd wrth gydweithiwr. Anelwch at 400 i 700 o eiriau. -->",
        "<!-- Peidiwch ag ysgrifennu rhif ffôn, cyfeiriad e-bost na chod post neb, nac enw go iawn nad yw rhywun wedi cytuno iddo. -->",
    ] {
        assert!(story.contains(welsh), "{welsh}\n\n{story}");
    }
    let nomination = site.read("cy/submit/nomination-template.md");
    for welsh in [
        "  name:           # enw llawn eich cydweithiwr (ni chaiff ei gyhoeddi os yw’n ddienw)",
        "<!-- Ysgrifennwch rhwng 10 a 250 o eiriau isod am eich cydweithiwr. -->",
        "<!-- Os gofynnodd rhywun am fod yn ddienw, cyfeiriwch ato yn ôl ei rôl, er enghraifft fy rheolwr tîm. -->",
    ] {
        assert!(nomination.contains(welsh), "{welsh}\n\n{nomination}");
    }
    for english in [
        "Write your story",
        "your full name",
        "Notes like this one",
        "one of children",
    ] {
        assert!(
            !story.contains(english) && !nomination.contains(english),
            "{english}"
        );
    }
    // The English templates are English, and the Welsh forms lead to the Welsh ones.
    assert!(site
        .read("submit/story-template.md")
        .contains("<!-- Write your story below"));
    for kind in ["story", "nomination"] {
        let form = site.read(&format!("cy/submit/{kind}/index.html"));
        assert!(
            form.contains(&format!("href=\"/cy/submit/{kind}-template.md\"")),
            "{kind}"
        );
    }

    // Filled in, in Welsh, each passes `check`.
    let story = fill_in(
        &story,
        &[
            ("title", "Bore coffi i ofalwyr sy’n berthnasau"),
            ("date", "2026-02-01"),
            ("summary", "Grŵp bach o ofalwyr yn cwrdd bob mis."),
            ("council", "Northmoor Council"),
            ("service", "children"),
            ("practice_areas", "[kinship-care]"),
            ("name", "Tamsin Okonjo"),
            ("role", "Uwch weithiwr cymdeithasol"),
            ("recorded", "true"),
            ("by", "Rheolwr tîm"),
            ("date", "2026-01-20"),
        ],
    )
    .replace("draft: true", "draft: false")
        + "\nMae’r gofalwyr yn cwrdd dros baned ac yn rhannu cyngor.\n";
    site.write("content/stories/bore-coffi.md", &story);
    let nomination = fill_in(
        &nomination,
        &[
            ("title", "Cydweithiwr sy’n gwrando"),
            ("date", "2026-02-03"),
            ("name", "Tamsin Okonjo"),
            ("role", "Uwch weithiwr cymdeithasol"),
            ("organisation", "Northmoor Council"),
            ("name", "Octavian Brightwater"),
            ("role", "Gweithiwr cymdeithasol"),
            ("organisation", "Northmoor Council"),
            ("anonymous", "true"),
        ],
    ) + "\nMae hi bob amser yn gwrando ar gydweithwyr newydd ac yn rhoi amser iddyn nhw ar ddiwedd y dydd.\n";
    site.write(
        "content/nominations/cydweithiwr-sy-n-gwrando.md",
        &nomination,
    );
    let output = run(site.root(), &["check", "--now", NOW]);
    let text = stderr(&output) + &stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{text}\n\n{story}\n\n{nomination}"
    );
    assert!(
        !text.contains("bore-coffi") && !text.contains("cydweithiwr-sy-n-gwrando"),
        "{text}"
    );
}
