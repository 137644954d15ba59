//! Every place a writer can put text (channels) × every way a name is written (forms):
//! `check` reports each at its file, line and column, and `build` refuses the site.

use std::process::Command;

use crate::support::check::{Site, NOW};

const LEAK: &str = "this is the name of a person who asked to be anonymous";
const FILE: &str = "content/nominations/thank-you.md";

/// The nomination with the anonymous nominee Alex Brennan; `{extra}` is a front matter
/// line and `{body}` a body line, where each test puts the name.
fn nomination(extra: &str, nominator_role: &str, body: &str) -> String {
    let filler = "They stayed with a frightened family until the police arrived, made sure the \
children had tea and a plan for the morning, and rang the school before nine so that nobody \
had to explain the night twice. They wrote the case notes the same day, clear and kind, and \
checked in with the grandparents at the weekend. When the family met the team again, the \
children asked for them by their role, the duty worker, and smiled. That is the kind of \
practice we want every family in Anytown to meet, and the reason we are nominating them \
this year with real gratitude from the whole team.";
    format!(
        "---\ntitle: Thank you to our duty worker\ndate: 2025-06-02\nnominee:\n  name: Alex Brennan\n  role: Duty social worker\n  organisation: Anytown Council\n  anonymous: true\nnominator: {{ name: Priya Sandhu, role: \"{nominator_role}\", organisation: Anytown Council }}\nsummary: A calm duty worker kept a family safe overnight.\n{extra}\n---\n\n{body}\n\n{filler}\n"
    )
}

/// Line numbers in [`nomination`].
const ROLE_LINE: usize = 9;
const SUMMARY_LINE: usize = 10;
const EXTRA_LINE: usize = 11;
const BODY_LINE: usize = 14;

/// (what, text, where the reported name starts in the text, in characters).
const FORMS: [(&str, &str, usize); 13] = [
    ("capitalised", "Alex Brennan", 0),
    ("lower case", "alex brennan", 0),
    ("upper case", "ALEX BRENNAN", 0),
    ("hyphenated", "alex-brennan", 0),
    ("underscored", "alex_brennan", 0),
    ("run together", "alexbrennan", 0),
    ("camel case", "AlexBrennan", 0),
    ("hashtag", "#AlexBrennan", 1),
    ("surname alone in small letters", "brennan", 0),
    ("inside a URL path", "people/brennan/team", 7),
    ("inside a file name", "brennan-award", 0),
    ("run into a camel-case file name", "photoOfBrennan", 7),
    ("possessive", "Brennan's", 0),
];

/// (channel, line, template): `{}` is where the form goes.
const CHANNELS: [(&str, usize, &str); 14] = [
    ("summary", SUMMARY_LINE, "summary: \"A nomination for {}\""),
    ("tags", EXTRA_LINE, "tags: [\"{}\"]"),
    ("aliases", EXTRA_LINE, "aliases: [\"/{}/\"]"),
    ("slug", EXTRA_LINE, "slug: \"{}\""),
    ("practice areas", EXTRA_LINE, "practice_areas: [\"{}\"]"),
    ("image file", EXTRA_LINE, "image: { src: \"/media/images/{}.jpg\", alt: \"A duty worker at the awards\" }"),
    ("image alt text", EXTRA_LINE, "image: { src: /media/images/kitchen-table.jpg, alt: \"Photo of {}\" }"),
    ("image credit", EXTRA_LINE, "image: { src: /media/images/kitchen-table.jpg, alt: \"A kitchen table\", credit: \"Photo by {}\" }"),
    ("voice note transcript", EXTRA_LINE, "voice_note: { src: /media/audio/thank-you.mp3, duration_seconds: 30, transcript: \"Thanks to {} for everything\" }"),
    ("a person's role", ROLE_LINE, "Manager of {}"),
    ("body prose", BODY_LINE, "Thank you, {}, for staying."),
    ("body link address", BODY_LINE, "See [the team page](https://example.org/{}/) for more."),
    ("body image address", BODY_LINE, "![A duty worker at the awards](https://example.org/{}.jpg)"),
    ("body image in media", BODY_LINE, "![A duty worker at the awards](/media/images/{}.jpg)"),
];

fn file_for(line: usize, template: &str, form: &str) -> String {
    let filled = template.replace("{}", form);
    match line {
        ROLE_LINE => nomination("tags: [duty-work]", &filled, "They stayed calm."),
        SUMMARY_LINE => nomination("tags: [duty-work]", "Team manager", "They stayed calm.")
            .replace(
                "summary: A calm duty worker kept a family safe overnight.",
                &filled,
            ),
        EXTRA_LINE => nomination(&filled, "Team manager", "They stayed calm."),
        _ => nomination("tags: [duty-work]", "Team manager", &filled),
    }
}

/// The 1-based column where `form` (placed by `template`) starts in its line, plus
/// `offset` characters.
fn column(text: &str, line: usize, form: &str, offset: usize) -> usize {
    let written = text.lines().nth(line - 1).unwrap_or_default();
    let at = written
        .find(form)
        .unwrap_or_else(|| panic!("{form} is not on line {line}: {written}"));
    written[..at].chars().count() + offset + 1
}

#[test]
fn the_nomination_without_the_name_has_no_problems() {
    let site = Site::new().write(
        FILE,
        nomination("tags: [duty-work]", "Team manager", "They stayed calm."),
    );
    assert_eq!(site.problems(), Vec::<String>::new());
}

#[test]
fn every_channel_and_form_is_reported_at_its_place_and_refused_by_build() {
    let mut missed = Vec::new();
    for (channel, line, template) in CHANNELS {
        for (form_name, form, offset) in FORMS {
            let text = file_for(line, template, form);
            let site = Site::new().write(FILE, &text);
            let expected = format!(
                "{FILE}:{line}:{}: error[PP0401]: {LEAK}",
                column(&text, line, form, offset)
            );
            let problems = site.problems();
            if !problems.contains(&expected) {
                missed.push(format!(
                    "{channel} × {form_name}: expected {expected}\n  got {problems:#?}"
                ));
                continue;
            }
            let output = site.root().join("out");
            let run = Command::new(env!("CARGO_BIN_EXE_practice-press"))
                .args(["build", "--no-search", "--quiet", "--now", NOW, "--site"])
                .arg(site.root())
                .arg("--output")
                .arg(&output)
                .env("NO_COLOR", "1")
                .output()
                .unwrap_or_else(|e| panic!("cannot run practice-press: {e}"));
            let stderr = String::from_utf8_lossy(&run.stderr);
            if run.status.success()
                || !stderr.contains("PP0401")
                || output.join("index.html").exists()
            {
                missed.push(format!(
                    "{channel} × {form_name}: build was not refused: {stderr}"
                ));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} missed:\n{}",
        missed.len(),
        CHANNELS.len() * FORMS.len(),
        missed.join("\n")
    );
}

#[test]
fn the_help_says_how_to_fix_each_channel() {
    let cases = [
        (EXTRA_LINE, "tags: [\"{}\"]", "brennan", "use a tag for the practice instead"),
        (EXTRA_LINE, "aliases: [\"/{}/\"]", "brennan", "choose an address without their name"),
        (
            BODY_LINE,
            "![A duty worker at the awards](/media/images/{}.jpg)",
            "brennan-award",
            "rename the photo `content/media/images/brennan-award.jpg` to a name without theirs, for example `award.jpg`",
        ),
        (BODY_LINE, "[the team](https://example.org/{})", "alex-brennan", "link to an address that does not include their name"),
        (BODY_LINE, "Proud of {} today.", "#alexbrennan", "use a hashtag for the practice instead"),
        (BODY_LINE, "Thank you, {}.", "alex", "refer to them by role instead"),
    ];
    for (line, template, form, fix) in cases {
        let site = Site::new().write(FILE, file_for(line, template, form));
        let hints: Vec<String> = site
            .check()
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "PP0401")
            .map(|d| d.hint.unwrap_or_default())
            .collect();
        assert_eq!(hints.len(), 1, "{form}: {hints:#?}");
        assert!(hints[0].contains(fix), "{form}: {}", hints[0]);
        assert!(
            hints[0].contains("everyday word"),
            "the rule is stated: {}",
            hints[0]
        );
    }
}

#[test]
fn a_photo_named_after_the_person_is_reported_even_when_unused() {
    let photo = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/media/progressive.jpg"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let site = Site::new()
        .write(
            FILE,
            nomination("tags: [duty-work]", "Team manager", "They stayed calm."),
        )
        .write("content/media/images/Alex_Brennan-award.jpg", photo);
    let problems = site.problems();
    assert_eq!(
        problems,
        ["content/media/images/Alex_Brennan-award.jpg:0:0: error[PP0401]: this file's name contains the name of a person who asked to be anonymous (content/nominations/thank-you.md marks them anonymous); every file in content/media/ is published under its own name"]
    );
    assert!(
        site.hints()[0].contains("`award.jpg`"),
        "{:?}",
        site.hints()
    );
}

#[test]
fn a_photo_named_with_the_surname_alone_is_reported_even_when_unused() {
    let photo = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/media/progressive.jpg"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let site = Site::new()
        .write(
            FILE,
            nomination("tags: [duty-work]", "Team manager", "They stayed calm."),
        )
        .write("content/media/images/brennan-award.jpg", photo.clone())
        .write("content/media/images/alex-at-work.jpg", photo);
    // "alex" is not an everyday word either, so it is matched alone like the surname.
    assert_eq!(
        site.problems(),
        [
            "content/media/images/alex-at-work.jpg:0:0: error[PP0401]: this file's name contains the name of a person who asked to be anonymous (content/nominations/thank-you.md marks them anonymous); every file in content/media/ is published under its own name",
            "content/media/images/brennan-award.jpg:0:0: error[PP0401]: this file's name contains the name of a person who asked to be anonymous (content/nominations/thank-you.md marks them anonymous); every file in content/media/ is published under its own name",
        ]
    );

    // A part that is an everyday word is the word, in a file name as in prose.
    let text = nomination("tags: [duty-work]", "Team manager", "They stayed calm.")
        .replace("Alex Brennan", "Rose Hall");
    let photo = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/media/progressive.jpg"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let site = Site::new()
        .write(FILE, &text)
        .write("content/media/images/rose-garden.jpg", photo);
    assert_eq!(site.problems(), Vec::<String>::new());
}

#[test]
fn common_word_names_in_ordinary_prose_are_not_flagged() {
    let text = nomination("tags: [duty-work]", "Team manager", "They stayed calm.")
        .replace("Alex Brennan", "Rose Hall")
        .replace(
            "They stayed calm.",
            "We may plant a rose by the village hall, where the green is. We will meet in May.",
        );
    let site = Site::new().write(FILE, &text);
    assert_eq!(site.problems(), Vec::<String>::new());

    // The same words beside each other, or with their capital, are the name.
    for (body, form) in [
        ("Thanks to rose-hall today.", "rose-hall"),
        ("Thanks to #RoseHall today.", "RoseHall"),
        ("Thanks to Rose today.", "Rose"),
        ("Thanks to HALL today.", "HALL"),
    ] {
        let text = text.replace("We may plant", &format!("{body} We may plant"));
        let site = Site::new().write(FILE, &text);
        let expected = format!(
            "{FILE}:{BODY_LINE}:{}: error[PP0401]: {LEAK}",
            column(&text, BODY_LINE, form, 0)
        );
        assert_eq!(site.problems(), [expected], "{body}");
    }
}

#[test]
fn every_yaml_way_of_writing_the_person_is_accepted() {
    let block = "nominee:\n  name: Alex Brennan\n  role: Duty social worker\n  organisation: Anytown Council\n  anonymous: true\n";
    let ways = [
        "nominee: { name: Alex Brennan, role: Duty social worker, organisation: Anytown Council, anonymous: true }\n",
        "nominee: {name: \"Alex Brennan\", role: 'Duty social worker', organisation: Anytown Council, anonymous: true}\n",
        "nominee: { \"name\": \"Alex Brennan\", \"role\": \"Duty social worker\", \"organisation\": \"Anytown Council\", \"anonymous\": true }\n",
        "nominee:\n  \"name\": 'Alex Brennan'\n  'role': Duty social worker\n  organisation: Anytown Council\n  anonymous: true\n",
        "nominee:\n  name: >-\n    Alex\n    Brennan\n  role: Duty social worker\n  organisation: Anytown Council\n  anonymous: true\n",
        "nominee:\n  name: |-\n    Alex Brennan\n  role: Duty social worker\n  organisation: Anytown Council\n  anonymous: true\n",
        "nominee:\n  name: Alex\n    Brennan\n  role: Duty social worker\n  organisation: Anytown Council\n  anonymous: true\n",
        "nominee: {\n  name: Alex Brennan,\n  role: Duty social worker,\n  organisation: Anytown Council,\n  anonymous: true\n  }\n",
    ];
    let base = nomination("tags: [duty-work]", "Team manager", "They stayed calm.");
    for way in ways {
        let text = base.replace(block, way);
        assert!(text.contains(way), "{way}");
        let site = Site::new().write(FILE, &text);
        assert_eq!(site.problems(), Vec::<String>::new(), "{way}");
        // And the name elsewhere is still found.
        let leaked = text.replace("They stayed calm.", "Thank you, alex-brennan.");
        let problems = Site::new().write(FILE, &leaked).problems();
        assert_eq!(problems.len(), 1, "{way}: {problems:#?}");
        assert!(
            problems[0].contains("error[PP0401]"),
            "{way}: {problems:#?}"
        );
    }
}

#[test]
fn authors_in_flow_style_lists_are_accepted() {
    let story = |authors: &str| {
        format!("---\ntitle: Kitchen table conversations\ndate: 2025-06-02\nsummary: How a kinship care group grew around a kitchen table.\ncouncil: Anytown Council\nservice: children\n{authors}consent: {{ recorded: true, by: Team manager, date: 2025-05-20 }}\n---\n\nThe group met every Tuesday.\n")
    };
    for authors in [
        "authors: [ { name: Alex Brennan, role: Family support worker, anonymous: true } ]\n",
        "authors:\n  - { name: Alex Brennan, role: Family support worker, anonymous: true }\n",
        "authors:\n  - {name: 'Alex Brennan', role: \"Family support worker\", anonymous: true}\n",
        "authors:\n  - name: Alex Brennan\n    role: Family support worker\n    anonymous: true\n",
    ] {
        let site = Site::new().write("content/stories/kitchen-table.md", story(authors));
        assert_eq!(site.problems(), Vec::<String>::new(), "{authors}");
    }
}
