//! Builds a small searchable site for the browser tests: thirteen hand-written records
//! indexed with [`SearchIndexer`], the bundle, `search.js`/`search.css`, the real
//! `search.html` template rendered over a minimal `base.html`, and a stub page for
//! each record so result links lead somewhere.
//!
//! Usage: `cargo run --example search_fixture -- OUTDIR [BASE_PATH]`
//! (BASE_PATH defaults to "/"; the tests use "/sub/" so base-path handling is covered).
//!
//! The records are chosen for what the tests check: a title match and body-only
//! matches for the same word, stems ("fostered"/"fostering"), accents ("Zoë"),
//! several councils, services, practice areas and years. One name, "Zebedee
//! Quartermaine", appears in no record: searching it must find nothing.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use practice_press::search::{RecordKind, SearchIndexer, SearchRecord};

const MINIMAL_BASE: &str = r#"<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{% block title %}{% endblock title %}</title>
{% block head %}{% endblock head %}
</head>
<body>
<header><p><a href="{{ site.base_path }}">{{ site.title }}</a></p></header>
<main id="main">
{% block main %}{% endblock main %}
</main>
{% block scripts %}{% endblock scripts %}
</body>
</html>
"#;

struct Fixture {
    slug: &'static str,
    kind: RecordKind,
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    people: &'static [&'static str],
    council: &'static str,
    service: &'static str,
    areas: &'static [&'static str],
    tags: &'static [&'static str],
    date: &'static str,
}

const FIXTURES: &[Fixture] = &[
    Fixture {
        slug: "kinship-carers-find-their-voice",
        kind: RecordKind::Story,
        title: "Kinship carers find their voice",
        summary: "Grandparents raising grandchildren set up a peer group with their social workers.",
        body: "When Amara Okafor took on her two grandchildren she did not know anyone else in the same position. The team started a monthly group where carers share advice, and the waiting list for support halved within a year.",
        people: &["Amara Okafor", "A senior practitioner at Anytown Council"],
        council: "Anytown Council",
        service: "children",
        areas: &["Kinship care", "Family support"],
        tags: &["peer support", "groups"],
        date: "2024-05-14",
    },
    Fixture {
        slug: "fostering-friendships-across-anytown",
        kind: RecordKind::Story,
        title: "Fostering friendships across Anytown",
        summary: "A buddy scheme pairs new carers with experienced ones.",
        body: "New carers told us the first months felt lonely. Each new household is now paired with an experienced household who has been through assessment and panel, and they meet before the first placement begins.",
        people: &["Priya Raman"],
        council: "Anytown Council",
        service: "children",
        areas: &["Foster care recruitment"],
        tags: &["mentoring"],
        date: "2023-09-02",
    },
    Fixture {
        slug: "a-day-on-the-duty-desk",
        kind: RecordKind::Story,
        title: "A day on the duty desk",
        summary: "What the first call of the day can lead to.",
        body: "Before joining the council Tom had fostered two teenagers, and he says that experience shapes every call he takes on the duty desk. Fostering taught him to listen before acting.",
        people: &["Tom Gallagher"],
        council: "Borsetshire County Council",
        service: "children",
        areas: &["Front door and duty"],
        tags: &["duty"],
        date: "2022-03-18",
    },
    Fixture {
        slug: "kinship-assessments-done-faster",
        kind: RecordKind::Story,
        title: "Assessments done in half the time",
        summary: "A redesigned assessment process for family and friends carers.",
        body: "Kinship carers used to wait months for a decision. Borsetshire moved to a single assessor who stays with the family from first visit to panel, cutting the time taken for kinship assessments by half.",
        people: &["Kath Morris"],
        council: "Borsetshire County Council",
        service: "children",
        areas: &["Kinship care"],
        tags: &["assessment", "panel"],
        date: "2023-02-07",
    },
    Fixture {
        slug: "kinship-and-adult-carers",
        kind: RecordKind::Story,
        title: "Supporting carers of every age",
        summary: "Adult services learned from the kinship team.",
        body: "The adult carers team borrowed ideas from the kinship service in Anytown: one named worker, plain letters, and a group that meets in the library.",
        people: &["A team manager at Anytown Council"],
        council: "Anytown Council",
        service: "adults",
        areas: &["Carers"],
        tags: &["learning across services"],
        date: "2024-01-22",
    },
    Fixture {
        slug: "hospital-discharge-that-works",
        kind: RecordKind::Story,
        title: "Hospital discharge that works",
        summary: "Social workers based on the wards get people home sooner.",
        body: "By joining the ward rounds, the hospital social work team plans support at home before a patient is ready to leave, so nobody waits in a bed they no longer need.",
        people: &["Declan O'Neill"],
        council: "Casterbridge City Council",
        service: "adults",
        areas: &["Hospital discharge"],
        tags: &["health partnership"],
        date: "2023-06-30",
    },
    Fixture {
        slug: "safeguarding-adults-in-plain-english",
        kind: RecordKind::Story,
        title: "Safeguarding letters in plain English",
        summary: "Rewriting every safeguarding letter with the people who receive them.",
        body: "People told us our letters frightened them. A group of residents rewrote each template with the safeguarding team, and complaints about letters stopped.",
        people: &["Siân Llewellyn"],
        council: "Casterbridge City Council",
        service: "adults",
        areas: &["Adult safeguarding"],
        tags: &["co-production", "letters"],
        date: "2022-11-11",
    },
    Fixture {
        slug: "calmest-voice-on-the-duty-desk",
        kind: RecordKind::Nomination,
        title: "The calmest voice on the duty desk",
        summary: "Nominated by her team for steadiness under pressure.",
        body: "Zoë Brontë answers every call as if it were the first of the day. Colleagues say she turns panic into a plan, and families remember her name years later.",
        people: &["Zoë Brontë"],
        council: "Anytown Council",
        service: "children",
        areas: &["Front door and duty"],
        tags: &["my brilliant colleague"],
        date: "2024-02-29",
    },
    Fixture {
        slug: "mentor-to-every-newly-qualified-worker",
        kind: RecordKind::Nomination,
        title: "A mentor to every newly qualified worker",
        summary: "Nominated for supporting newly qualified social workers.",
        body: "Every newly qualified social worker in the team has had time with Joseph, who makes reflective supervision feel safe.",
        people: &["Joseph Mensah"],
        council: "Borsetshire County Council",
        service: "adults",
        areas: &["Workforce development"],
        tags: &["my brilliant colleague", "supervision"],
        date: "2023-10-05",
    },
    Fixture {
        slug: "kinship-champion",
        kind: RecordKind::Nomination,
        title: "A champion for kinship families",
        summary: "Nominated by carers she has supported.",
        body: "The carers she works with nominated her for always returning calls and for fighting for the support they needed.",
        people: &["A family support worker at Casterbridge City Council"],
        council: "Casterbridge City Council",
        service: "children",
        areas: &["Kinship care"],
        tags: &["my brilliant colleague"],
        date: "2022-07-19",
    },
    Fixture {
        slug: "approved-mental-health-professional",
        kind: RecordKind::Nomination,
        title: "Steady through the night shift",
        summary: "An approved mental health professional nominated by police colleagues.",
        body: "Working nights, Kwame Asante has made sure people in crisis are heard, and police officers say he explains the law clearly and kindly.",
        people: &["Kwame Asante"],
        council: "Anytown Council",
        service: "adults",
        areas: &["Mental health"],
        tags: &["my brilliant colleague", "partnership"],
        date: "2023-12-01",
    },
    Fixture {
        slug: "care-leavers-cafe",
        kind: RecordKind::Story,
        title: "A café run by care leavers",
        summary: "Young people leaving care run a café in the town hall.",
        body: "The café gives care leavers paid work, training and a place to drop in. Personal advisers hold their meetings there too.",
        people: &["Jade Thompson"],
        council: "Casterbridge City Council",
        service: "children",
        areas: &["Care leavers"],
        tags: &["employment"],
        date: "2024-04-03",
    },
    Fixture {
        slug: "rewriting-the-rota",
        kind: RecordKind::Story,
        title: "Rewriting the rota together",
        summary: "An adult team planned its own working pattern.",
        // Grown to several hundred words by `record`, so that its last words test
        // that the whole body is searched, not just its opening.
        body: "The rota was rewritten week by week as the team learned what worked for them and for the people they support.",
        people: &["Priya Raman"],
        council: "Borsetshire County Council",
        service: "adults",
        areas: &["Workforce"],
        tags: &["rota"],
        date: "2021-04-12",
    },
];

/// The last sentence of the long story, several hundred words in.
const LONG_BODY_END: &str = "In the end a data analyst showed them the pattern in the calls.";

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: search_fixture OUTDIR [BASE_PATH]")?,
    );
    let base = args.next().unwrap_or_else(|| "/".into());
    if !base.starts_with('/') || !base.ends_with('/') {
        return Err(format!("BASE_PATH must start and end with \"/\", got {base:?}").into());
    }

    let indexer = SearchIndexer::start("en-GB");
    for f in FIXTURES {
        indexer.add(record(f, &base));
    }
    let files = indexer.finish()?;
    for file in &files {
        write(&out.join(&file.path), &file.bytes)?;
    }

    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    for name in [
        "search.js",
        "search-engine.js",
        "search-client.js",
        "search-service.js",
        "search-worker.js",
        "search-strings.js",
        "search.css",
    ] {
        write(
            &out.join("static").join(name),
            &fs::read(theme.join("static").join(name))?,
        )?;
    }

    let mut tera = tera::Tera::default();
    // The theme's words, as the build gives them to every template.
    let strings = practice_press::i18n::Strings::load(practice_press::i18n::FALLBACK, None)
        .map_err(|problems| format!("the theme's strings: {problems:?}"))?;
    tera.register_function(
        "t",
        practice_press::render::translate::Translate::single(strings),
    );
    tera.add_raw_templates(vec![
        ("base.html".to_string(), MINIMAL_BASE.to_string()),
        (
            "search.html".to_string(),
            fs::read_to_string(theme.join("templates/search.html"))?,
        ),
    ])?;
    let mut context = tera::Context::new();
    context.insert(
        "site",
        &serde_json::json!({ "title": "Practice Press fixture", "base_path": base, "root_path": base }),
    );
    context.insert("page", &serde_json::json!({ "title": "Search" }));
    let page = tera.render("search.html", &context)?;
    write(&out.join("search/index.html"), page.as_bytes())?;

    for f in FIXTURES {
        let page = format!(
            "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
             <body><main><h1>{title}</h1><p>{summary}</p></main></body></html>\n",
            title = f.title,
            summary = f.summary
        );
        write(
            &out.join(section(f.kind)).join(f.slug).join("index.html"),
            page.as_bytes(),
        )?;
    }

    println!(
        "Wrote {} records ({} bundle files) to {} for base path {base}",
        FIXTURES.len(),
        files.len(),
        out.display()
    );
    Ok(())
}

fn section(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Story => "stories",
        RecordKind::Nomination => "nominations",
    }
}

fn record(f: &Fixture, base: &str) -> SearchRecord {
    SearchRecord {
        url: format!("{base}{}/{}/", section(f.kind), f.slug),
        title: f.title.into(),
        summary: f.summary.into(),
        body_text: if f.slug == "rewriting-the-rota" {
            format!("{} {LONG_BODY_END}", [f.body; 25].join(" "))
        } else {
            f.body.into()
        },
        people: f.people.iter().map(|p| p.to_string()).collect(),
        kind: f.kind,
        council: Some(f.council.into()),
        service: Some(f.service.into()),
        practice_areas: f.areas.iter().map(|a| a.to_string()).collect(),
        tags: f.tags.iter().map(|t| t.to_string()).collect(),
        date: f.date.into(),
        image: None,
        language: "en-GB".into(),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Box<dyn Error>> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("could not create {}: {e}", parent.display()))?;
    }
    fs::write(path, bytes).map_err(|e| format!("could not write {}: {e}", path.display()).into())
}
