//! The theme: the default templates and static files embedded in the binary, with a
//! site's own `themes/<name>/templates/x.html` replacing the embedded file of that name.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use tera::Tera;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;

use super::languages::{interface_strings, Languages};
use super::translate::Translate;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Parsed templates and the static files to publish under `static/`.
pub struct Theme {
    pub(crate) tera: Tera,
    /// (path below `static/`, bytes)
    pub(crate) static_files: Vec<(String, Vec<u8>)>,
    /// Where each template came from, for error messages.
    pub(crate) template_sources: Vec<(String, PathBuf)>,
    /// The interface strings of every language the site publishes, the first language's
    /// first.
    strings: Languages,
}

impl Theme {
    /// Loads the embedded theme and the site's overrides, speaking the settings'
    /// language. Template syntax errors are reported with the template file, line and
    /// column.
    pub fn load(settings: &Settings) -> Result<Theme, Vec<Diagnostic>> {
        Theme::load_in(settings, &settings.language)
    }

    /// [`Theme::load`] with the interface strings of `language`, for the pages of one
    /// of a bilingual site's languages.
    pub fn load_in(settings: &Settings, language: &str) -> Result<Theme, Vec<Diagnostic>> {
        let site_theme = settings.root.join("themes").join(&settings.theme);
        if settings.theme != "default" && !site_theme.is_dir() {
            return Err(vec![Diagnostic::error(
                "PP0602",
                crate::config::SITE_FILE,
                format!("the theme `{}` does not exist: there is no folder themes/{}/", settings.theme, settings.theme),
            )
            .with_hint("set `theme: default`, or create the theme's folder with a templates/ folder inside")]);
        }
        let mut templates = embedded_files("templates");
        let mut template_sources: Vec<(String, PathBuf)> = templates
            .iter()
            .map(|(name, _)| {
                (
                    name.clone(),
                    Path::new("themes/default/templates").join(name),
                )
            })
            .collect();
        let mut problems = Vec::new();
        for (name, bytes, path) in
            site_files(settings, &site_theme.join("templates"), &mut problems)
        {
            template_sources.retain(|(n, _)| *n != name);
            template_sources.push((name.clone(), path));
            templates.retain(|(n, _)| *n != name);
            templates.push((name, bytes));
        }
        let mut static_files = embedded_files("static");
        for (name, bytes, _) in site_files(settings, &site_theme.join("static"), &mut problems) {
            static_files.retain(|(n, _)| *n != name);
            static_files.push((name, bytes));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let strings = Languages::single(interface_strings(settings, &site_theme, language)?);
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_function("t", Translate(strings.clone()));
        let sources: Vec<(String, String)> = templates
            .into_iter()
            .map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned()))
            .collect();
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|err| vec![template_diagnostic(&err, &template_sources)])?;
        Ok(Theme {
            tera,
            static_files,
            template_sources,
            strings,
        })
    }

    /// The interface strings of `language`, or of the site's first language when the
    /// site does not publish that one.
    pub fn strings(&self, language: &str) -> &Strings {
        self.strings.get(language)
    }
}

fn embedded_files(folder: &str) -> Vec<(String, Vec<u8>)> {
    let Some(dir) = DEFAULT_THEME.get_dir(folder) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    collect_embedded(dir, folder, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn collect_embedded(dir: &Dir<'static>, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    for file in dir.files() {
        if let Ok(relative) = file.path().strip_prefix(prefix) {
            out.push((
                relative.to_string_lossy().replace('\\', "/"),
                file.contents().to_vec(),
            ));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, prefix, out);
    }
}

/// (name relative to `dir`, bytes, path shown to the user) for each file of a site folder.
fn site_files(
    settings: &Settings,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, Vec<u8>, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let display = crate::load::display_path(settings, entry.path());
        let name = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::read(entry.path()) {
            Ok(bytes) => files.push((name, bytes, display)),
            Err(err) => problems.push(
                Diagnostic::error(
                    "PP0603",
                    &display,
                    format!("this theme file cannot be read: {err}"),
                )
                .with_hint("check that the file exists and that you have permission to read it"),
            ),
        }
    }
    files
}

/// A tera error as a diagnostic in the template file, at its line and column.
pub(crate) fn template_diagnostic(err: &tera::Error, sources: &[(String, PathBuf)]) -> Diagnostic {
    let place = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let length = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col)
            } else {
                1
            };
            Some(Place {
                name: report.filename().to_string(),
                line: span.start_line,
                column: span.start_col + 1,
                length,
                message: report.message().to_string(),
            })
        }
        _ => place_in_rendered_report(&error_chain(err)),
    };
    let hint = "fix the template, or delete your copy to use the default theme's version";
    match place {
        Some(place) => {
            let file = sources
                .iter()
                .find(|(n, _)| *n == place.name)
                .map(|(_, p)| p.clone())
                .unwrap_or_else(|| PathBuf::from(&place.name));
            Diagnostic::error(
                "PP0601",
                file,
                format!("template problem: {}", place.message),
            )
            .at(place.line.max(1), place.column.max(1), place.length)
            .with_hint(hint)
        }
        None => Diagnostic::error(
            "PP0601",
            "themes",
            format!("template problem: {}", error_chain(err)),
        )
        .with_hint(hint),
    }
}

struct Place {
    name: String,
    line: usize,
    column: usize,
    length: usize,
    message: String,
}

/// Some tera errors (unknown filters, found when templates are checked together) arrive
/// as text already rendered as `error: … --> name:line:column`; read the place back.
fn place_in_rendered_report(text: &str) -> Option<Place> {
    let message = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))?
        .to_string();
    let location = text.lines().find_map(|l| l.trim().strip_prefix("--> "))?;
    let mut parts = location.rsplitn(3, ':');
    let column: usize = parts.next()?.trim().parse().ok()?;
    let line: usize = parts.next()?.trim().parse().ok()?;
    let name = parts.next()?.to_string();
    let length = text
        .lines()
        .find(|l| l.contains('^'))
        .map_or(1, |l| l.matches('^').count());
    Some(Place {
        name,
        line,
        column,
        length,
        message,
    })
}

fn error_chain(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}
