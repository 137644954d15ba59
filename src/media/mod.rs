//! The media stage: gathers the site's photos, drawings and sound files, with hidden
//! details removed, ready to be written next to the pages.
//!
//! Stories are about children and families, so this stage errs on the side of not
//! publishing. A photo is only published once its metadata has been removed
//! ([`strip_metadata`]); one that cannot be cleaned is reported and left out. A shortcut
//! (symbolic link) is only followed when it leads to somewhere inside the site folder,
//! so a link to a case folder elsewhere on the computer cannot leak it.
//!
//! What happens to each file, by what it is:
//!
//! * JPEG, PNG, WebP (by extension, or by content whatever the name): cleaned, see
//!   [`strip`].
//! * SVG: editor metadata removed, see [`svg`].
//! * HEIC/HEIF, AVIF, TIFF and DNG photos: not published (`PP0806`). They carry EXIF
//!   and GPS like JPEG does, and this tool cannot clean them.
//! * Anything else (MP3, M4A, OGG, PDF…): copied as it is.
//! * Hidden files and folders (name starting with `.`, such as `.DS_Store` or the `._`
//!   copies macOS leaves on USB sticks) and Windows' `Thumbs.db` and `desktop.ini`:
//!   skipped silently. They are never meant for the site, and `Thumbs.db` holds small
//!   copies of every picture ever in the folder.
//!
//! Diagnostic codes:
//!
//! | code | severity | meaning |
//! | --- | --- | --- |
//! | PP0801 | warning | a shortcut points outside the site folder; not followed |
//! | PP0802 | warning | a shortcut is broken or goes round in a loop; not followed |
//! | PP0803 | error | a file or folder name is not valid text (UTF-8); left out |
//! | PP0804 | error | a file or folder cannot be read (permissions); left out |
//! | PP0805 | error | a photo is damaged or not the format its name says; left out |
//! | PP0806 | error | a photo format whose metadata cannot be removed; left out |
//! | PP0807 | warning | something that is not a file or folder (a pipe, a device); skipped |
//! | PP0808 | error | a web page, script or SVG with a script: it could run code in readers' browsers; left out (see [`active`]) |
//! | PP0809 | error | a social card could not be drawn (a fault in practice-press; see [`card`]) |
//! | PP0810 | error | a photo's smaller copies could not be encoded (a fault in practice-press; see [`responsive`]) |
//! | PP0811 | error | a photo's smaller copy would have the name of another media file |

pub(crate) mod active;
pub(crate) mod cache;
pub mod card;
mod orientation;
pub(crate) mod photo;
pub(crate) mod responsive;
pub(crate) mod strip;
pub(crate) mod svg;

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::resolve::images::{ImageCatalog, ImageInfo, PictureKind};

pub use strip::{strip_metadata, ImageKind, StripError};
pub use svg::strip_svg_metadata;

/// How many shortcuts to folders may be followed one inside another. Real sites need
/// one or two; the limit stops pathological chains that are not quite loops.
const MAX_FOLLOWED_FOLDER_LINKS: usize = 16;

/// Photo formats that carry EXIF/GPS but that [`strip_metadata`] cannot clean.
const UNCLEANABLE_PHOTO_EXTENSIONS: &[&str] = &["heic", "heif", "avif", "tif", "tiff", "dng"];

/// One file ready to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// Where the file goes in the site, relative to the site root, with forward slashes
    /// and the name as the user wrote it (e.g. `media/images/Zoë's photo 1.jpg`); URL
    /// encoding is the renderer's job.
    pub site_path: String,
    /// The contents to publish: cleaned for photos and drawings, as they are otherwise.
    pub bytes: Vec<u8>,
}

/// Everything [`collect_media`] found: the files to publish, sorted by `site_path`, the
/// size and kind of each picture among them, and the problems met on the way, sorted by
/// file.
#[derive(Debug, Default)]
pub struct MediaCollection {
    /// The media files to publish, stripped of metadata, sorted by `site_path`.
    pub files: Vec<MediaFile>,
    pub(crate) images: ImageCatalog,
    /// Problems met while collecting and checking the media, sorted by file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every file under `media_dir` (absolute, or relative to `site_root`) and returns
/// them ready to publish, photos with their metadata removed.
///
/// Never fails and never panics on odd files: each problem becomes a [`Diagnostic`]
/// (see the module documentation for the codes) and the file in question is left out.
/// A missing `media_dir` is not a problem: the site simply has no media.
pub fn collect_media(site_root: &Path, media_dir: &Path) -> MediaCollection {
    let mut walker = Walker::default();
    walker.start(site_root, media_dir);
    let (files, images) = prepare_all(&walker.jobs, &mut walker.diagnostics);
    let mut diagnostics = walker.diagnostics;
    diagnostics.sort_by(|a, b| a.file.cmp(&b.file));
    MediaCollection {
        files,
        images,
        diagnostics,
    }
}

/// A file found by the walk, to be read and cleaned.
#[derive(Debug)]
struct Job {
    site_path: String,
    fs_path: PathBuf,
}

#[derive(Debug, Default)]
struct Walker {
    canonical_root: PathBuf,
    jobs: Vec<Job>,
    diagnostics: Vec<Diagnostic>,
}

impl Walker {
    /// Checks the media folder and walks it, finding the files to publish.
    fn start(&mut self, site_root: &Path, media_dir: &Path) {
        self.canonical_root = match fs::canonicalize(site_root) {
            Ok(root) => root,
            Err(err) => {
                self.diagnostics.push(unreadable(".", &err, true));
                return;
            }
        };
        let media_abs = site_root.join(media_dir);
        let shown = site_relative(site_root, &self.canonical_root, &media_abs);
        let Some(prefix) = utf8_site_path(&shown) else {
            self.diagnostics.push(bad_name(&shown));
            return;
        };
        match fs::symlink_metadata(&media_abs) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => return,
            Err(err) => {
                self.diagnostics.push(unreadable(&prefix, &err, true));
                return;
            }
            Ok(meta) if meta.file_type().is_symlink() => {
                // the media folder itself is a shortcut: same rules as any other
                self.follow_link(&media_abs, &prefix, &mut Vec::new());
                return;
            }
            Ok(meta) if !meta.is_dir() => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "PP0807",
                        &prefix,
                        format!("“{prefix}” is a file, not a folder, so no media was published from it"),
                    )
                    .with_hint("the media folder holds the site's pictures and sound files: rename or move this file and make a folder instead"),
                );
                return;
            }
            Ok(_) => {}
        }
        let canonical_media = match fs::canonicalize(&media_abs) {
            Ok(path) => path,
            Err(err) => {
                self.diagnostics.push(unreadable(&prefix, &err, true));
                return;
            }
        };
        if !canonical_media.starts_with(&self.canonical_root) {
            self.diagnostics.push(outside_site(
                &prefix,
                &canonical_media.display().to_string(),
            ));
            return;
        }
        self.walk(&media_abs, &prefix, &mut Vec::new());
    }

    /// Walks one real folder. `chain` holds, for each folder shortcut followed to get
    /// here, the real folder the shortcut sits in; a shortcut leading to one of those
    /// folders (or to a folder above them) would repeat forever.
    fn walk(&mut self, dir: &Path, prefix: &str, chain: &mut Vec<PathBuf>) {
        let mut entries = WalkDir::new(dir)
            .follow_links(false)
            .sort_by_file_name()
            .min_depth(1)
            .into_iter();
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    self.walk_error(&err, dir, prefix);
                    continue;
                }
            };
            let is_dir = entry.file_type().is_dir();
            let Some(name) = entry.file_name().to_str() else {
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                self.diagnostics
                    .push(bad_name(&Path::new(prefix).join(relative)));
                if is_dir {
                    entries.skip_current_dir();
                }
                continue;
            };
            if is_ignored(name) {
                if is_dir {
                    entries.skip_current_dir();
                }
                continue;
            }
            // every folder above this entry passed the UTF-8 check on its way in
            let Some(site_path) = entry
                .path()
                .strip_prefix(dir)
                .ok()
                .and_then(utf8_site_path)
                .map(|relative| join_site_path(prefix, &relative))
            else {
                continue;
            };
            let file_type = entry.file_type();
            if file_type.is_symlink() {
                self.follow_link(entry.path(), &site_path, chain);
            } else if file_type.is_file() {
                self.jobs.push(Job {
                    site_path,
                    fs_path: entry.path().to_path_buf(),
                });
            } else if !is_dir {
                self.diagnostics.push(not_a_file(
                    &site_path,
                    "is not an ordinary file (it may be a pipe or a device)",
                ));
            }
        }
    }

    fn walk_error(&mut self, err: &walkdir::Error, dir: &Path, prefix: &str) {
        let shown = match err.path().and_then(|path| path.strip_prefix(dir).ok()) {
            Some(relative) if !relative.as_os_str().is_empty() => Path::new(prefix).join(relative),
            _ => PathBuf::from(prefix),
        };
        let shown = shown.to_string_lossy().into_owned();
        let io_err = err
            .io_error()
            .map(|e| io::Error::new(e.kind(), e.to_string()))
            .unwrap_or_else(|| io::Error::other(err.to_string()));
        self.diagnostics.push(unreadable(&shown, &io_err, true));
    }

    /// Follows a shortcut when it leads inside the site, reporting it otherwise.
    fn follow_link(&mut self, link: &Path, site_path: &str, chain: &mut Vec<PathBuf>) {
        let written_target = fs::read_link(link)
            .map(|target| target.display().to_string())
            .unwrap_or_else(|_| "somewhere that cannot be read".to_string());
        let target = match fs::canonicalize(link) {
            Ok(target) => target,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "PP0802",
                        site_path,
                        format!(
                            "the shortcut (symbolic link) “{site_path}” points to “{written_target}”, which does not exist, so nothing was published for it"
                        ),
                    )
                    .with_hint("delete the shortcut, or put the file it should point to back in place"),
                );
                return;
            }
            Err(_) => {
                self.diagnostics.push(link_loop(site_path, &written_target));
                return;
            }
        };
        if !target.starts_with(&self.canonical_root) {
            self.diagnostics
                .push(outside_site(site_path, &target.display().to_string()));
            return;
        }
        let meta = match fs::metadata(&target) {
            Ok(meta) => meta,
            Err(err) => {
                self.diagnostics.push(unreadable(site_path, &err, false));
                return;
            }
        };
        if meta.is_file() {
            self.jobs.push(Job {
                site_path: site_path.to_string(),
                fs_path: target,
            });
        } else if meta.is_dir() {
            let parent = link
                .parent()
                .and_then(|parent| fs::canonicalize(parent).ok());
            let loops = chain
                .iter()
                .chain(parent.iter())
                .any(|folder| folder.starts_with(&target));
            if loops || chain.len() >= MAX_FOLLOWED_FOLDER_LINKS {
                self.diagnostics.push(link_loop(site_path, &written_target));
                return;
            }
            chain.push(parent.unwrap_or_else(|| target.clone()));
            self.walk(&target, site_path, chain);
            chain.pop();
        } else {
            self.diagnostics.push(not_a_file(
                site_path,
                "points to something that is not an ordinary file (it may be a pipe or a device)",
            ));
        }
    }
}

/// Reads and cleans every file, in parallel, keeping the walk's order.
fn prepare_all(jobs: &[Job], diagnostics: &mut Vec<Diagnostic>) -> (Vec<MediaFile>, ImageCatalog) {
    let results: Vec<Result<(MediaFile, Option<ImageInfo>), Diagnostic>> =
        jobs.par_iter().map(prepare).collect();
    let mut files = Vec::with_capacity(results.len());
    let mut images = ImageCatalog::default();
    for result in results {
        match result {
            Ok((file, info)) => {
                if let Some(info) = info {
                    images.insert(file.site_path.clone(), info);
                }
                files.push(file);
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    files.sort_by(|a, b| a.site_path.cmp(&b.site_path));
    (files, images)
}

fn prepare(job: &Job) -> Result<(MediaFile, Option<ImageInfo>), Diagnostic> {
    let site_path = &job.site_path;
    let bytes = fs::read(&job.fs_path).map_err(|err| unreadable(site_path, &err, false))?;
    let extension = Path::new(site_path)
        .extension()
        .and_then(OsStr::to_str)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();

    if UNCLEANABLE_PHOTO_EXTENSIONS.contains(&extension.as_str()) {
        return Err(Diagnostic::error(
            "PP0806",
            site_path,
            format!(
                "“{site_path}” is a {} photo; this kind of file can hold hidden details such as where the photo was taken, and practice-press cannot remove them, so it was not published",
                extension.to_ascii_uppercase()
            ),
        )
        .with_hint("open the photo and save or export it as JPEG (or PNG or WebP), then use that file instead"));
    }

    if let Some(reason) = active_content(&extension, &bytes) {
        return Err(Diagnostic::error(
            "PP0808",
            site_path,
            format!("“{site_path}” was not published: {reason}, and on this site it could run code in readers' browsers"),
        )
        .with_hint("publish documents as PDF and drawings as PNG, or export the drawing again as plain SVG without scripts or links"));
    }

    let bytes = match ImageKind::from_path(Path::new(site_path)) {
        Some(kind) => strip_metadata(kind, &bytes).map_err(|err| damaged(site_path, kind, &err))?,
        None => match ImageKind::sniff(&bytes) {
            // a photo under another name still shows in browsers, GPS and all
            Some(kind) => {
                strip_metadata(kind, &bytes).map_err(|err| damaged(site_path, kind, &err))?
            }
            None if extension == "svg" => strip_svg_metadata(&bytes),
            None => bytes,
        },
    };
    // Refused here, before any stage decodes it: a photo too large, or one whose
    // header no decoder can read, would otherwise go out as a file nobody can open.
    let info = match ImageKind::sniff(&bytes) {
        Some(kind) => Some(picture_info(site_path, kind, &bytes)?),
        None if extension == "svg" => svg::svg_size(&bytes).map(|(width, height)| ImageInfo {
            width,
            height,
            kind: PictureKind::Vector,
        }),
        None => None,
    };
    Ok((
        MediaFile {
            site_path: site_path.clone(),
            bytes,
        },
        info,
    ))
}

/// A photo's upright size and whether its copies need transparency.
fn picture_info(site_path: &str, kind: ImageKind, bytes: &[u8]) -> Result<ImageInfo, Diagnostic> {
    let header = photo::read_header(bytes).map_err(|err| match err {
        photo::PhotoError::TooLarge { .. } => too_large(site_path, &err),
        photo::PhotoError::Damaged(why) => Diagnostic::error(
            "PP0805",
            site_path,
            format!("this image file is damaged or is not really a {kind} ({why}), so it was not published"),
        )
        .with_hint(format!(
            "open it in a photo editor and save it again as {kind}, or replace it with the original photo"
        )),
    })?;
    // PNG is how drawings and screenshots are saved: their copies stay lossless.
    let graphic = header.has_alpha || kind == ImageKind::Png;
    Ok(ImageInfo {
        width: header.width,
        height: header.height,
        kind: if graphic {
            PictureKind::Graphic
        } else {
            PictureKind::Photo
        },
    })
}

/// Why a file would be active content on the site, if it would (see [`active`]).
fn active_content(extension: &str, bytes: &[u8]) -> Option<&'static str> {
    if active::ACTIVE_EXTENSIONS.contains(&extension) {
        return Some("it is a web page, script or program");
    }
    if extension == "svg" {
        return active::svg_active_content(bytes);
    }
    // Photos by name or by content are rebuilt from their pixels, or refused as damaged.
    if ImageKind::from_path(Path::new(&format!("x.{extension}"))).is_some()
        || ImageKind::sniff(bytes).is_some()
    {
        return None;
    }
    active::looks_like_a_page(bytes)
}

/// Names never published and never reported: system clutter, not the user's media.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// `path` relative to the site root: compared as written first, so a media folder that
/// is itself a shortcut keeps its own name, then by real location (for a site root
/// given as `.` and a media folder given in full), otherwise as given.
fn site_relative(site_root: &Path, canonical_root: &Path, path: &Path) -> PathBuf {
    if let Ok(relative) = path.strip_prefix(site_root) {
        return relative.to_path_buf();
    }
    fs::canonicalize(path)
        .ok()
        .and_then(|real| {
            real.strip_prefix(canonical_root)
                .ok()
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf())
}

/// `prefix/relative`, without a leading slash when the media folder is the site root.
fn join_site_path(prefix: &str, relative: &str) -> String {
    if prefix.is_empty() {
        relative.to_string()
    } else {
        format!("{prefix}/{relative}")
    }
}

/// A relative path as a forward-slash string, or `None` if a part is not UTF-8.
fn utf8_site_path(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir => {}
            other => parts.push(other.as_os_str().to_str()?),
        }
    }
    Some(parts.join("/"))
}

fn bad_name(path: &Path) -> Diagnostic {
    let shown = path.to_string_lossy();
    Diagnostic::error(
        "PP0803",
        path,
        format!(
            "the name “{shown}” contains characters that are not valid text, so it was not published (the � marks show where)"
        ),
    )
    .with_hint("rename the file or folder using ordinary letters, numbers and spaces")
}

fn unreadable(site_path: &str, err: &io::Error, is_folder: bool) -> Diagnostic {
    let what = if is_folder { "folder" } else { "file" };
    let message = if err.kind() == io::ErrorKind::PermissionDenied {
        format!("the {what} “{site_path}” cannot be opened because this computer account is not allowed to read it, so it was not published")
    } else {
        format!("the {what} “{site_path}” cannot be read ({err}), so it was not published")
    };
    Diagnostic::error("PP0804", site_path, message).with_hint(format!(
        "check the {what}'s permissions (sharing and security settings) so that your account can read it, or remove it from the media folder"
    ))
}

fn damaged(site_path: &str, kind: ImageKind, err: &StripError) -> Diagnostic {
    let hint = match err {
        StripError::WrongFormat {
            found: Some(real), ..
        } => format!(
            "this file is really a {real} picture: rename it to end in .{} and update the links to it",
            real.extension()
        ),
        _ => format!(
            "open it in a photo editor and save it again as {kind}, or replace it with the original photo"
        ),
    };
    let why = match err {
        StripError::WrongFormat {
            found: Some(real), ..
        } => format!("it is really a {real} picture"),
        StripError::WrongFormat { found: None, .. } => {
            format!("it does not start the way a {kind} file does")
        }
        StripError::Damaged { reason, .. } => (*reason).to_string(),
    };
    Diagnostic::error(
        "PP0805",
        site_path,
        format!(
            "this image file is damaged or is not really a {kind} ({why}), so it was not published"
        ),
    )
    .with_hint(hint)
}

fn too_large(site_path: &str, err: &photo::PhotoError) -> Diagnostic {
    Diagnostic::error(
        "PP0805",
        site_path,
        format!("the photo “{site_path}” was not published: {err}"),
    )
    .with_hint("open it in a photo editor and export it again at a smaller size (photos on the web rarely need more than 4000 pixels across), or replace it with the original photo")
}

fn outside_site(site_path: &str, target: &str) -> Diagnostic {
    Diagnostic::warning(
        "PP0801",
        site_path,
        format!(
            "the shortcut (symbolic link) “{site_path}” points outside the site folder, to “{target}”, so it was not followed and nothing was published for it"
        ),
    )
    .with_hint("copy the file into the site's media folder instead of linking to it, or delete the shortcut")
}

fn link_loop(site_path: &str, target: &str) -> Diagnostic {
    Diagnostic::warning(
        "PP0802",
        site_path,
        format!(
            "the shortcut (symbolic link) “{site_path}” (pointing to “{target}”) goes round in a loop back to itself or to a folder that contains it, so it was not followed"
        ),
    )
    .with_hint("delete the shortcut, or point it at the file or folder you meant")
}

fn not_a_file(site_path: &str, what: &str) -> Diagnostic {
    Diagnostic::warning(
        "PP0807",
        site_path,
        format!("“{site_path}” {what}, so it was skipped"),
    )
    .with_hint("remove it from the media folder; only ordinary files can be published")
}
