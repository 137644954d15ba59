//! Watching the site folder: debounced notify events become [`Change`]s through the pure
//! [`classify`], and a [`Batch`] of changes says how much has to be rebuilt.
//!
//! Only `content/` and `themes/` are watched in depth, plus the site folder itself for
//! `site.yaml`: watching everything would wake the server for every write under
//! `public/` or `.git/` (a `git checkout` writes thousands of files there).

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{Event, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::config::SITE_FILE;

/// What one file-system event means for the site. Paths are relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Nothing the site is built from: editor swap and backup files, reads, other folders.
    Ignore,
    /// Markdown files under `content/` (or folders there, which may hold some).
    Content(Vec<PathBuf>),
    /// Files under `content/media/`.
    Media(Vec<PathBuf>),
    /// Files under `themes/<name>/static/`: stylesheets, scripts, icons.
    ThemeStatic(Vec<PathBuf>),
    /// Templates or anything else under `themes/`.
    Theme(Vec<PathBuf>),
    /// `site.yaml`.
    Settings,
    /// The watcher lost events (its queue overflowed), or `content/` or `themes/` itself
    /// appeared, moved or vanished: only a full rebuild is safe.
    Rescan(Vec<PathBuf>),
}

/// Where one path sits, from least to most work to rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Ignore,
    Content,
    Media,
    ThemeStatic,
    Theme,
    Settings,
    Rescan,
}

/// Says what an event changed. Pure: it never looks at the disk, because by the time
/// an event arrives the file may already be gone again (editors that save by writing a
/// temporary file and renaming it).
pub(crate) fn classify(root: &Path, event: &Event) -> Change {
    if event.need_rescan() {
        return Change::Rescan(Vec::new());
    }
    if !changes_files(&event.kind) {
        return Change::Ignore;
    }
    let mut worst = Place::Ignore;
    let mut paths = Vec::new();
    for path in &event.paths {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let place = place_of(relative);
        if place == Place::Ignore {
            continue;
        }
        worst = worst.max(place);
        paths.push(relative.to_path_buf());
    }
    match worst {
        Place::Ignore => Change::Ignore,
        Place::Content => Change::Content(paths),
        Place::Media => Change::Media(paths),
        Place::ThemeStatic => Change::ThemeStatic(paths),
        Place::Theme => Change::Theme(paths),
        Place::Settings => Change::Settings,
        Place::Rescan => Change::Rescan(paths),
    }
}

/// What a change to one path (relative to the site root) calls for, as [`classify`]
/// says of an event naming only that path.
pub fn change_of(relative: &Path) -> Change {
    let path = relative.to_path_buf();
    match place_of(relative) {
        Place::Ignore => Change::Ignore,
        Place::Content => Change::Content(vec![path]),
        Place::Media => Change::Media(vec![path]),
        Place::ThemeStatic => Change::ThemeStatic(vec![path]),
        Place::Theme => Change::Theme(vec![path]),
        Place::Settings => Change::Settings,
        Place::Rescan => Change::Rescan(vec![path]),
    }
}

/// Reads and metadata-only opens do not change a file; a close after writing does
/// (inotify reports it, and some editors' last write is only visible then).
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

fn place_of(relative: &Path) -> Place {
    let parts: Vec<&str> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let Some(name) = parts.last() else {
        return Place::Ignore;
    };
    if is_editor_artefact(name) {
        return Place::Ignore;
    }
    match parts.as_slice() {
        [only] if *only == SITE_FILE => Place::Settings,
        ["content"] | ["themes"] => Place::Rescan,
        ["content", "media", ..] => Place::Media,
        ["content", ..] if is_content_name(name) => Place::Content,
        ["themes", _, "static", ..] => Place::ThemeStatic,
        ["themes", ..] => Place::Theme,
        _ => Place::Ignore,
    }
}

/// Markdown files, and names without an extension, which are usually folders: a folder
/// created, deleted or renamed under content/ may hold any number of stories.
fn is_content_name(name: &str) -> bool {
    match Path::new(name).extension() {
        Some(ext) => ext == "md",
        None => true,
    }
}

/// Swap, lock, backup and temporary files that editors and operating systems write
/// beside the file being edited.
pub(crate) fn is_editor_artefact(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        ".tmp",
        ".bak",
        ".orig",
        ".crdownload",
        ".part",
        "___jb_tmp___",
        "___jb_old___",
    ];
    const NAMES: &[&str] = &["4913", ".DS_Store", "Thumbs.db", "desktop.ini"];
    if NAMES.contains(&name) || SUFFIXES.iter().any(|s| name.ends_with(s)) {
        return true;
    }
    // Emacs: `.#a.md` locks and `#a.md#` autosaves; gedit's `.goutputstream-XXXXXX`
    // and every other hidden file except a hidden markdown file, which is content.
    if name.starts_with(".#") || (name.len() > 1 && name.starts_with('#') && name.ends_with('#')) {
        return true;
    }
    name.starts_with('.') && !name.ends_with(".md")
}

/// Changes gathered over one or more debounced bursts, and what they call for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Every path that changed, for the terminal line.
    pub(crate) paths: BTreeSet<PathBuf>,
    pub(crate) content: BTreeSet<PathBuf>,
    pub(crate) media: bool,
    pub(crate) theme_static: BTreeSet<PathBuf>,
    /// site.yaml, templates or a lost event: everything is rebuilt.
    pub(crate) full: bool,
}

/// How much one [`Batch`] needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Nothing,
    /// Only theme static files: the pages stay as they are.
    Static {
        css_only: bool,
    },
    /// Content and media: the pages the changed files appear on.
    Content,
    Full,
}

impl Batch {
    /// Takes one change into the batch.
    pub fn add(&mut self, change: Change) {
        match change {
            Change::Ignore => {}
            Change::Content(paths) => {
                self.content.extend(paths.iter().cloned());
                self.paths.extend(paths);
            }
            Change::Media(paths) => {
                self.media = true;
                self.paths.extend(paths);
            }
            Change::ThemeStatic(paths) => {
                self.theme_static.extend(paths.iter().cloned());
                self.paths.extend(paths);
            }
            Change::Theme(paths) | Change::Rescan(paths) => {
                self.full = true;
                self.paths.extend(paths);
            }
            Change::Settings => {
                self.full = true;
                self.paths.insert(PathBuf::from(SITE_FILE));
            }
        }
    }

    pub(crate) fn scope(&self) -> Scope {
        if self.full {
            Scope::Full
        } else if self.media || !self.content.is_empty() {
            Scope::Content
        } else if !self.theme_static.is_empty() {
            Scope::Static {
                css_only: self
                    .theme_static
                    .iter()
                    .all(|p| p.extension().is_some_and(|e| e == "css")),
            }
        } else {
            Scope::Nothing
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.scope() == Scope::Nothing
    }
}

/// What the watcher thread hands to the rebuild loop.
pub(crate) enum WatchMessage {
    Events(Vec<Event>),
    /// The watcher reported errors; events may have been lost.
    Lost,
}

/// The running watcher; dropping it stops watching.
pub(crate) struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
}

impl Watcher {
    /// Watches `root` (the site folder, canonical) and sends each debounced burst.
    pub(crate) fn start(
        root: &Path,
        debounce: Duration,
        sender: Sender<WatchMessage>,
    ) -> Result<Watcher, notify::Error> {
        let tick = (debounce / 4).max(Duration::from_millis(5));
        let debouncer = new_debouncer(debounce, Some(tick), move |result: DebounceEventResult| {
            let message = match result {
                Ok(events) => WatchMessage::Events(events.into_iter().map(|e| e.event).collect()),
                Err(_) => WatchMessage::Lost,
            };
            // The loop has gone only while the server shuts down.
            let _ = sender.send(message);
        })?;
        let mut watcher = Watcher {
            debouncer,
            root: root.to_path_buf(),
        };
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watcher.watch_folders();
        Ok(watcher)
    }

    /// (Re)watches content/ and themes/ in depth; called again when either appears.
    pub(crate) fn watch_folders(&mut self) {
        for folder in ["content", "themes"] {
            let path = self.root.join(folder);
            if path.is_dir() {
                // Watching an already-watched folder again is harmless; a folder that
                // vanished in between is picked up when it comes back.
                let _ = self.debouncer.watch(&path, RecursiveMode::Recursive);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        let mut event = Event::new(kind);
        for path in paths {
            event = event.add_path(Path::new("/site").join(path));
        }
        event
    }

    fn modify(paths: &[&str]) -> Event {
        event(EventKind::Modify(ModifyKind::Any), paths)
    }

    fn classify_one(e: &Event) -> Change {
        classify(Path::new("/site"), e)
    }

    #[test]
    fn a_saved_story_is_content() {
        assert_eq!(
            classify_one(&modify(&["content/stories/a.md"])),
            Change::Content(vec![PathBuf::from("content/stories/a.md")])
        );
    }

    #[test]
    fn editor_swap_and_backup_files_are_ignored() {
        for name in [
            "content/stories/.a.md.swp",
            "content/stories/a.md~",
            "content/stories/.#a.md",
            "content/stories/#a.md#",
            "content/stories/4913",
            "content/stories/.goutputstream-XYZ123",
            "content/stories/a.md___jb_tmp___",
            "content/stories/notes.docx",
            "site.yaml~",
        ] {
            assert_eq!(classify_one(&modify(&[name])), Change::Ignore, "{name}");
        }
    }

    #[test]
    fn save_by_rename_reports_the_real_file() {
        let rename = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["content/stories/.a.md.tmp", "content/stories/a.md"],
        );
        assert_eq!(
            classify_one(&rename),
            Change::Content(vec![PathBuf::from("content/stories/a.md")])
        );
    }

    #[test]
    fn created_and_deleted_folders_are_content() {
        let created = event(
            EventKind::Create(CreateKind::Folder),
            &["content/stories/2026"],
        );
        assert!(matches!(classify_one(&created), Change::Content(_)));
        let removed = event(
            EventKind::Remove(RemoveKind::Folder),
            &["content/stories/2024"],
        );
        assert!(matches!(classify_one(&removed), Change::Content(_)));
    }

    #[test]
    fn media_themes_and_settings_are_told_apart() {
        assert!(matches!(
            classify_one(&modify(&["content/media/images/a.jpg"])),
            Change::Media(_)
        ));
        assert!(matches!(
            classify_one(&modify(&["themes/mine/static/style.css"])),
            Change::ThemeStatic(_)
        ));
        assert!(matches!(
            classify_one(&modify(&["themes/mine/templates/base.html"])),
            Change::Theme(_)
        ));
        assert_eq!(classify_one(&modify(&["site.yaml"])), Change::Settings);
    }

    #[test]
    fn other_folders_and_reads_are_ignored() {
        assert_eq!(
            classify_one(&modify(&["public/index.html"])),
            Change::Ignore
        );
        assert_eq!(classify_one(&modify(&[".git/index"])), Change::Ignore);
        let read = event(
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            &["content/stories/a.md"],
        );
        assert_eq!(classify_one(&read), Change::Ignore);
        let written = event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &["content/stories/a.md"],
        );
        assert!(matches!(classify_one(&written), Change::Content(_)));
    }

    #[test]
    fn lost_events_and_moved_top_folders_mean_a_rescan() {
        let overflow = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(matches!(classify_one(&overflow), Change::Rescan(_)));
        let moved = event(EventKind::Remove(RemoveKind::Folder), &["content"]);
        assert!(matches!(classify_one(&moved), Change::Rescan(_)));
    }

    #[test]
    fn a_rename_across_places_takes_the_bigger_rebuild() {
        let across = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["content/stories/a.md", "themes/mine/templates/a.md"],
        );
        assert!(matches!(classify_one(&across), Change::Theme(paths) if paths.len() == 2));
    }

    #[test]
    fn a_batch_says_how_much_to_rebuild() {
        let mut batch = Batch::default();
        assert_eq!(batch.scope(), Scope::Nothing);
        batch.add(classify_one(&modify(&["themes/mine/static/style.css"])));
        assert_eq!(batch.scope(), Scope::Static { css_only: true });
        batch.add(classify_one(&modify(&["themes/mine/static/app.js"])));
        assert_eq!(batch.scope(), Scope::Static { css_only: false });
        batch.add(classify_one(&modify(&["content/stories/a.md"])));
        assert_eq!(batch.scope(), Scope::Content);
        batch.add(Change::Settings);
        assert_eq!(batch.scope(), Scope::Full);
    }
}
