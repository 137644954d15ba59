//! The questions for a story and for a nomination, in the order the conventions list
//! the fields, turned into a file.

use jiff::civil::Date;

use super::asker::Asker;
use super::files::{
    nomination_file, story_file, ConsentFile, NewFile, NominationFile, PersonFile, StoryFile,
};
use super::questions::{Answer, Expect, Question};
use super::NewError;
use crate::names::NameMatcher;
use crate::rules::{Vocabulary, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};

pub(super) fn text_question(key: &'static str, prompt: &str, max: Option<usize>) -> Question {
    Question::new(
        key,
        prompt,
        Expect::Text {
            required: true,
            max_chars: max,
        },
    )
}

fn council_question(
    key: &'static str,
    prompt: &str,
    vocab: &Vocabulary,
    required: bool,
) -> Question {
    Question::new(
        key,
        prompt,
        Expect::Choice {
            options: vocab.councils.clone(),
            other_allowed: true,
            required,
        },
    )
}

pub(super) fn service_question(vocab: &Vocabulary, required: bool) -> Question {
    Question::new(
        "service",
        "Which service is it about?",
        Expect::Choice {
            options: vocab.services.clone(),
            other_allowed: vocab.services.is_empty(),
            required,
        },
    )
}

pub(super) fn date_question(today: Date, prompt: &str) -> Question {
    Question::new("date", prompt, Expect::Date { required: true }).default(today.to_string())
}

/// A rule for text that will be published: it must not hold an anonymous person's name.
fn no_anonymous_name<'n>(names: &'n [String]) -> impl Fn(&Answer) -> Result<(), String> + 'n {
    move |answer: &Answer| {
        let text = answer.text();
        match names.iter().find(|n| !NameMatcher::new(n).find_in(&text).is_empty()) {
            Some(_) => Err("this contains the name of someone who asked to be anonymous; describe them by their role instead, e.g. \"our duty social worker\"".into()),
            None => Ok(()),
        }
    }
}

/// Asks every question for a story and builds its file.
pub(crate) fn ask_story(
    asker: &mut Asker,
    vocab: &Vocabulary,
    today: Date,
) -> Result<NewFile, NewError> {
    asker.tell("A new good-practice story. Answer each question; you will write the story itself in the file afterwards.")?;
    let author_name = asker.ask(
        &text_question("author_name", "What is your full name?", None).hint(
            "We need it to accept the story. If you ask to be anonymous, it is never published.",
        ),
    )?;
    let author_role = asker.ask(
        &text_question("author_role", "What is your job title or role?", None)
            .hint("For example: Social worker, children in care team. It is shown with the story."),
    )?;
    let anonymous = asker.ask(
        &Question::new(
            "author_anonymous",
            "Do you want to be anonymous (shown by your role only, not your name)?",
            Expect::YesNo,
        )
        .default("no"),
    )?;
    let hidden: Vec<String> = anonymous
        .yes()
        .then(|| author_name.text())
        .into_iter()
        .collect();
    let title = asker.ask_checked(
        &text_question("title", "What is the title of your story?", Some(MAX_TITLE_CHARS))
            .hint(format!("A short title, at most {MAX_TITLE_CHARS} characters. It appears in lists of stories and when the story is shared.")),
        no_anonymous_name(&hidden),
    )?;
    let summary = asker.ask_checked(
        &text_question("summary", "Sum up the story in one or two sentences.", Some(MAX_SUMMARY_CHARS))
            .hint(format!("At most {MAX_SUMMARY_CHARS} characters. It is shown in lists, search results and social media previews.")),
        no_anonymous_name(&hidden),
    )?;
    let date = asker.ask(&date_question(today, "What date should the story have?"))?;
    let council = asker.ask(&council_question(
        "council",
        "Which council or organisation is the story from?",
        vocab,
        true,
    ))?;
    let service = asker.ask(&service_question(vocab, true))?;
    let practice_areas = asker.ask(&Question::new(
        "practice_areas",
        "Which practice areas does it show? (optional)",
        Expect::Choices {
            options: vocab.practice_areas.clone(),
        },
    ))?;
    let tags = asker.ask(
        &Question::new("tags", "Any other key words? (optional)", Expect::List)
            .hint("For example: fathers, court, retention."),
    )?;
    let consent = ask_consent(asker, today)?;
    let sensitive_terms = ask_sensitive_terms(asker)?;
    asker.finish()?;

    let date = date.date().unwrap_or(today);
    let mut notes = Vec::new();
    if consent.draft {
        notes.push("The story is a draft (`draft: true`) because consent is not recorded yet: it will not be published until everyone identifiable has agreed and you change `recorded: false` to `recorded: true`, add the date, and delete the `draft: true` line.".to_string());
    }
    let file = StoryFile {
        title: title.text(),
        date: date.to_string(),
        summary: summary.text(),
        council: council.text(),
        service: service.text(),
        practice_areas: practice_areas.list(),
        tags: tags.list(),
        authors: vec![PersonFile {
            name: author_name.text(),
            role: author_role.text(),
            organisation: String::new(),
            anonymous: anonymous.yes(),
        }],
        consent: consent.file,
        draft: consent.draft,
        sensitive_terms: sensitive_terms.list(),
    };
    Ok(story_file(&file, &hidden, date, notes))
}

struct ConsentAnswers {
    file: ConsentFile,
    draft: bool,
}

fn ask_consent(asker: &mut Asker, today: Date) -> Result<ConsentAnswers, NewError> {
    let agreed = asker.ask(
        &Question::new("consent", "Has everyone identifiable agreed to publication?", Expect::YesNo)
            .hint("Everyone who could recognise themselves in the story must agree. If not yet, the story is saved as a draft and is not published."),
    )?;
    let by = asker.ask(
        &Question::new(
            "consent_by",
            if agreed.yes() {
                "Who recorded their agreement?"
            } else {
                "Who will record their agreement? (optional)"
            },
            Expect::Text {
                required: agreed.yes(),
                max_chars: None,
            },
        )
        .hint("A role is enough, for example: Team manager. This is kept in the file and never published."),
    )?;
    if !agreed.yes() {
        return Ok(ConsentAnswers {
            file: ConsentFile {
                recorded: false,
                by: by.text(),
                date: None,
                expires: None,
            },
            draft: true,
        });
    }
    let date = asker.ask(
        &Question::new(
            "consent_date",
            "On what date was consent recorded?",
            Expect::Date { required: true },
        )
        .default(today.to_string()),
    )?;
    let expires = asker.ask(
        &Question::new(
            "consent_expires",
            "Did anyone ask for the story to come down on a date? (optional)",
            Expect::Date { required: false },
        )
        .hint("If so, type the date: the story leaves the site then. Otherwise press Enter."),
    )?;
    Ok(ConsentAnswers {
        file: ConsentFile {
            recorded: true,
            by: by.text(),
            date: date.date().map(|d| d.to_string()),
            expires: expires.date().map(|d| d.to_string()),
        },
        draft: false,
    })
}

fn ask_sensitive_terms(asker: &mut Asker) -> Result<Answer, NewError> {
    asker.ask(
        &Question::new("sensitive_terms", "Did you use anyone's real name while drafting? (optional)", Expect::List)
            .hint("List any real names or words that must never be published, for example a child's first name. `check` will warn if one is left in."),
    )
}

fn ask_person(
    asker: &mut Asker,
    who: &'static str,
    words: &PersonWords,
    vocab: &Vocabulary,
    organisation_default: &str,
) -> Result<PersonFile, NewError> {
    let key = |field: &str| -> &'static str {
        match (who, field) {
            ("nominee", "name") => "nominee_name",
            ("nominee", "role") => "nominee_role",
            ("nominee", "organisation") => "nominee_organisation",
            ("nominee", _) => "nominee_anonymous",
            (_, "name") => "nominator_name",
            (_, "role") => "nominator_role",
            (_, "organisation") => "nominator_organisation",
            _ => "nominator_anonymous",
        }
    };
    let name = asker.ask(
        &text_question(key("name"), words.name, None)
            .hint("Needed to accept the nomination. If anonymous, the name is never published."),
    )?;
    let role = asker.ask(
        &text_question(key("role"), words.role, None)
            .hint("For example: Duty social worker. It is shown on the website."),
    )?;
    let organisation = asker.ask(
        &council_question(key("organisation"), words.organisation, vocab, true)
            .default(organisation_default),
    )?;
    let anonymous = asker.ask(
        &Question::new(key("anonymous"), words.anonymous, Expect::YesNo)
            .hint(words.anonymous_hint)
            .default("no"),
    )?;
    Ok(PersonFile {
        name: name.text(),
        role: role.text(),
        organisation: organisation.text(),
        anonymous: anonymous.yes(),
    })
}

struct PersonWords {
    name: &'static str,
    role: &'static str,
    organisation: &'static str,
    anonymous: &'static str,
    anonymous_hint: &'static str,
}

const NOMINEE: PersonWords = PersonWords {
    name: "What is the full name of the colleague you are nominating?",
    role: "What is their job title or role?",
    organisation: "Which council or organisation do they work for?",
    anonymous: "Does your colleague want to be anonymous on the website?",
    anonymous_hint: "If yes, the website shows only their role and organisation.",
};

const NOMINATOR: PersonWords = PersonWords {
    name: "What is your full name?",
    role: "What is your job title or role?",
    organisation: "Which council or organisation do you work for?",
    anonymous: "Do you want to be anonymous on the website?",
    anonymous_hint: "If yes, the website shows only your role and organisation.",
};

/// Asks every question for a nomination and builds its file.
pub(crate) fn ask_nomination(
    asker: &mut Asker,
    vocab: &Vocabulary,
    today: Date,
) -> Result<NewFile, NewError> {
    asker.tell("A new My Brilliant Colleague nomination. Answer each question; you will write the nomination itself in the file afterwards.")?;
    let nominee = ask_person(asker, "nominee", &NOMINEE, vocab, "")?;
    let nominator = ask_person(asker, "nominator", &NOMINATOR, vocab, &nominee.organisation)?;
    let hidden: Vec<String> = [&nominee, &nominator]
        .into_iter()
        .filter(|p| p.anonymous)
        .map(|p| p.name.clone())
        .collect();
    let title = asker.ask_checked(
        &text_question("title", "Give your nomination a short title.", Some(MAX_TITLE_CHARS))
            .hint("For example: The duty manager who stayed. It appears in lists and when the nomination is shared."),
        no_anonymous_name(&hidden),
    )?;
    let date = asker.ask(&date_question(
        today,
        "What date should the nomination have?",
    ))?;
    let council = asker.ask(
        &council_question(
            "council",
            "Which council should it be listed under?",
            vocab,
            false,
        )
        .default(nominee.organisation.clone()),
    )?;
    let service =
        asker.ask(&service_question(vocab, false).hint("Optional: press Enter to skip."))?;
    let tags = asker.ask(&Question::new(
        "tags",
        "Any key words? (optional)",
        Expect::List,
    ))?;
    let sensitive_terms = ask_sensitive_terms(asker)?;
    asker.finish()?;

    let date = date.date().unwrap_or(today);
    let file = NominationFile {
        title: title.text(),
        date: date.to_string(),
        nominee,
        nominator,
        council: Some(council.text()).filter(|c| !c.is_empty()),
        service: Some(service.text()).filter(|s| !s.is_empty()),
        tags: tags.list(),
        sensitive_terms: sensitive_terms.list(),
    };
    Ok(nomination_file(&file, &hidden, date, &vocab.nominations))
}
