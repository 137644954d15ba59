//! Media files whose names hold an anonymous person's name (the full name, or a part of
//! it that is not an everyday word): the site publishes every file under content/media/,
//! used or not, so the name would be published as an address even if no page linked to it.

use std::path::Path;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::Library;
use crate::names::finder::uncommon_parts;
use crate::names::set::NameSet;

pub(crate) fn check_media_names(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    let people: Vec<(&str, &Path)> = library
        .documents
        .iter()
        .chain(&library.incomplete)
        .flat_map(|d| {
            d.private
                .anonymous_names
                .iter()
                .map(|name| (name.as_str(), d.source.path.as_path()))
        })
        .collect();
    if people.is_empty() {
        return Vec::new();
    }
    // A file name is a handful of words, so a surname alone (`brennan-award.jpg`) is as
    // telling as the full name; everyday-word parts (`rose-garden.jpg`) are left alone.
    let people: Vec<(String, &Path)> = people
        .into_iter()
        .flat_map(|(name, marked_in)| {
            std::iter::once(name.to_string())
                .chain(uncommon_parts(name))
                .map(move |writing| (writing, marked_in))
        })
        .collect();
    let Ok(names) = NameSet::new(people.iter().map(|(name, _)| name.as_str())) else {
        // The output guard reports this one, and refuses the build.
        return Vec::new();
    };
    let media = settings.content_dir().join("media");
    walkdir::WalkDir::new(&media)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let relative = entry.path().strip_prefix(&media).ok()?.to_string_lossy().into_owned();
            let (index, _) = names.find(relative.as_bytes())?;
            let (_, marked_in) = people.get(index)?;
            let shown = entry
                .path()
                .strip_prefix(&settings.root)
                .unwrap_or(entry.path());
            let example = example_name(&without_names(&names, &relative));
            Some(
                Diagnostic::error("PP0401", shown, format!("this file's name contains the name of a person who asked to be anonymous ({} marks them anonymous); every file in content/media/ is published under its own name", marked_in.display()))
                    .with_hint(format!("rename the file to a name without theirs, for example `{example}`, and change the links to it")),
            )
        })
        .collect()
}

/// `relative` with every name the set finds taken out (`Alex_Brennan-award.jpg` holds
/// both the full name and each part, so taking out only the first found could leave one).
fn without_names(names: &NameSet, relative: &str) -> String {
    let mut kept = relative.to_string();
    // Each pass removes at least one letter, so a name-sized bound is plenty.
    for _ in 0..32 {
        let Some((_, found)) = names.find(kept.as_bytes()) else {
            break;
        };
        let (Some(before), Some(after)) = (kept.get(..found.start), kept.get(found.end..)) else {
            break;
        };
        kept = format!("{before}{after}");
    }
    kept
}

/// `images/-award.jpg` → `award.jpg`: the file name left without the person's name.
fn example_name(kept: &str) -> String {
    let file = kept.rsplit('/').next().unwrap_or(kept);
    let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
    let stem: Vec<&str> = stem
        .split(['-', '_', '.', ' '])
        .filter(|piece| !piece.is_empty())
        .collect();
    let stem = if stem.is_empty() {
        "photo".to_string()
    } else {
        stem.join("-")
    };
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}
