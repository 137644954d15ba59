//! `practice-press new story|nomination`

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::config::Settings;
use crate::scaffold::new::{
    ask_nomination, ask_story, write_new_file, Asker, Console, NewError, NewFile, Vocabulary,
};

use super::output::print_diagnostics;

#[derive(Args, Debug)]
pub(crate) struct NewArgs {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand, Debug)]
enum What {
    /// A good-practice story, saved under content/stories/<year>/.
    Story(StoryArgs),
    /// A "My Brilliant Colleague" nomination, saved under content/nominations/.
    Nomination(NominationArgs),
}

/// Flags both kinds share. Any question answered by a flag is not asked.
#[derive(Args, Debug)]
struct CommonArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".", value_name = "DIR")]
    site: PathBuf,
    /// Ask nothing: take every answer from flags (for scripts). The flags marked
    /// "Required with --no-input" must then be given; the others have defaults or are optional.
    #[arg(long)]
    no_input: bool,
    /// At most 120 characters; the file name is made from it. Required with --no-input.
    #[arg(long, allow_hyphen_values = true)]
    title: Option<String>,
    /// YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// A council already on the site, or any other name. Required with --no-input for a story
    /// (a nomination defaults to the nominee's organisation).
    #[arg(long, allow_hyphen_values = true)]
    council: Option<String>,
    /// One of the site's services (site.yaml `services`). Required with --no-input for a story.
    #[arg(long)]
    service: Option<String>,
    /// Key words, separated by commas.
    #[arg(long, allow_hyphen_values = true, value_name = "LIST")]
    tags: Option<String>,
    /// Real names or words used while drafting that must never be published, separated by commas.
    #[arg(long, allow_hyphen_values = true, value_name = "LIST")]
    sensitive_terms: Option<String>,
}

#[derive(Args, Debug)]
struct StoryArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// One or two sentences, at most 300 characters. Required with --no-input.
    #[arg(long, allow_hyphen_values = true)]
    summary: Option<String>,
    /// From site.yaml `practice_areas`, separated by commas.
    #[arg(long, value_name = "LIST")]
    practice_areas: Option<String>,
    /// Your full name (never published if you are anonymous). Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    author_name: Option<String>,
    /// Your job title, shown with the story. Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "ROLE")]
    author_role: Option<String>,
    /// Show the author by role only.
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes")]
    author_anonymous: Option<String>,
    /// Has everyone identifiable agreed to publication? If no, the story is a draft.
    /// Required with --no-input.
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes")]
    consent: Option<String>,
    /// Who recorded consent, e.g. "Team manager" (never published). Required with --no-input
    /// when --consent is yes.
    #[arg(long, allow_hyphen_values = true, value_name = "WHO")]
    consent_by: Option<String>,
    /// YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    consent_date: Option<String>,
    /// YYYY-MM-DD when the story must come down, if anyone asked for one.
    #[arg(long, value_name = "DATE")]
    consent_expires: Option<String>,
}

#[derive(Args, Debug)]
struct NominationArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Your colleague's full name (never published if they are anonymous).
    /// Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    nominee_name: Option<String>,
    /// Their job title, shown on the website. Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "ROLE")]
    nominee_role: Option<String>,
    /// Their council or organisation. Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "ORGANISATION")]
    nominee_organisation: Option<String>,
    /// Show the nominee by role only.
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes")]
    nominee_anonymous: Option<String>,
    /// Your full name (never published if you are anonymous). Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "NAME")]
    nominator_name: Option<String>,
    /// Your job title. Required with --no-input.
    #[arg(long, allow_hyphen_values = true, value_name = "ROLE")]
    nominator_role: Option<String>,
    /// Your council or organisation (default: the nominee's).
    #[arg(long, allow_hyphen_values = true, value_name = "ORGANISATION")]
    nominator_organisation: Option<String>,
    /// Show the nominator by role only.
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes")]
    nominator_anonymous: Option<String>,
}

/// Question keys and the flag values that answer them.
fn preset(pairs: &[(&str, &Option<String>)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .filter_map(|(key, value)| value.as_ref().map(|v| (key.to_string(), v.clone())))
        .collect()
}

impl CommonArgs {
    fn preset(&self) -> BTreeMap<String, String> {
        preset(&[
            ("title", &self.title),
            ("date", &self.date),
            ("council", &self.council),
            ("service", &self.service),
            ("tags", &self.tags),
            ("sensitive_terms", &self.sensitive_terms),
        ])
    }
}

impl StoryArgs {
    fn preset(&self) -> BTreeMap<String, String> {
        let mut map = self.common.preset();
        map.extend(preset(&[
            ("summary", &self.summary),
            ("practice_areas", &self.practice_areas),
            ("author_name", &self.author_name),
            ("author_role", &self.author_role),
            ("author_anonymous", &self.author_anonymous),
            ("consent", &self.consent),
            ("consent_by", &self.consent_by),
            ("consent_date", &self.consent_date),
            ("consent_expires", &self.consent_expires),
        ]));
        map
    }
}

impl NominationArgs {
    fn preset(&self) -> BTreeMap<String, String> {
        let mut map = self.common.preset();
        map.extend(preset(&[
            ("nominee_name", &self.nominee_name),
            ("nominee_role", &self.nominee_role),
            ("nominee_organisation", &self.nominee_organisation),
            ("nominee_anonymous", &self.nominee_anonymous),
            ("nominator_name", &self.nominator_name),
            ("nominator_role", &self.nominator_role),
            ("nominator_organisation", &self.nominator_organisation),
            ("nominator_anonymous", &self.nominator_anonymous),
        ]));
        map
    }
}

pub(crate) fn run(args: &NewArgs) -> ExitCode {
    let (common, preset) = match &args.what {
        What::Story(story) => (&story.common, story.preset()),
        What::Nomination(nomination) => (&nomination.common, nomination.preset()),
    };
    let settings = match Settings::load(&common.site) {
        Ok(settings) => settings,
        Err(problems) => {
            print_diagnostics(&problems, &common.site);
            return ExitCode::from(1);
        }
    };
    let vocab = Vocabulary::of_site(&settings);
    let today = jiff::Zoned::now().date();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = std::io::stderr();
    let console = (!common.no_input).then_some(Console {
        input: &mut input,
        output: &mut output,
    });
    let mut asker = Asker::new(preset, console);
    let made = match &args.what {
        What::Story(_) => ask_story(&mut asker, &vocab, today),
        What::Nomination(_) => ask_nomination(&mut asker, &vocab, today),
    };
    match made.and_then(|file| write_new_file(&common.site, &file).map(|path| (file, path))) {
        Ok((file, path)) => {
            report(&file, &path, &args.what);
            ExitCode::SUCCESS
        }
        Err(err) => explain(&err, common.no_input),
    }
}

fn report(file: &NewFile, path: &std::path::Path, what: &What) {
    println!("{}", path.display());
    eprintln!("\nCreated {}.", path.display());
    for note in &file.notes {
        eprintln!("{note}");
    }
    let body = match what {
        What::Story(_) => "your story",
        What::Nomination(_) => "your nomination",
    };
    eprintln!(
        "Next: open the file, write {body} below the notes, then run `practice-press check`."
    );
}

fn explain(err: &NewError, no_input: bool) -> ExitCode {
    eprintln!("error: {err}");
    match err {
        NewError::Invalid(_) => {
            eprintln!("Run the command without --no-input to be asked for each detail.");
            ExitCode::from(2)
        }
        NewError::InputEnded if !no_input && !std::io::stdin().is_terminal() => {
            eprintln!("To run without questions, give every detail as a flag and add --no-input (see --help).");
            ExitCode::from(2)
        }
        _ => ExitCode::from(1),
    }
}
