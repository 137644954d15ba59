//! Responsive pictures: every photo in the media folder is published in several widths
//! (never wider than the photo itself), as WebP and as JPEG (or PNG for pictures with
//! transparency), so a reader on a phone downloads a fraction of what the camera made.
//!
//! The plan of which copies a photo gets is [`crate::resolve::images::renditions`], the
//! same function render uses for `srcset`. Copies are made from the photo's pixels
//! ([`encode`]), so no metadata comes along, in parallel, and kept in the cache
//! (`.practice-press-cache/images/`) under the hash of the photo's bytes and the
//! encoding settings: a rebuild only encodes photos that changed.
//!
//! The photo's own address (`media/images/harbour.jpg`) keeps working for links, feeds
//! and press pages: it holds the largest copy, or the original (metadata removed) when
//! site.yaml says `images: { publish_original: true }`.

mod encode;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::cache::{key, Cache};
use super::MediaFile;
use crate::config::ImageSettings;
use crate::diagnostic::Diagnostic;
use crate::resolve::images::{renditions, ImageCatalog, ImageInfo, PictureKind, Rendition};
use encode::MakeError;

/// Bump when copies are scaled or encoded differently, so cached ones are made again.
const VERSION: &[u8] = b"responsive-1";

/// One file for the site: encoded in this build, or already in the cache.
#[derive(Debug)]
pub(crate) enum Made {
    /// Encoded now, with the cache file it was saved to (when the cache could be
    /// written), which the sink can link instead of writing the bytes again.
    Fresh(Vec<u8>, Option<PathBuf>),
    /// The cache file holding it.
    Cached(PathBuf),
    /// The photo's own cleaned bytes (`publish_original`), or a file that is not a
    /// photo.
    Original(Vec<u8>),
}

/// How the pictures of one build were made.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PictureCounts {
    /// Photos at least one of whose copies was encoded in this build.
    pub encoded: usize,
    /// Photos whose copies all came from the cache.
    pub from_cache: usize,
    /// Files handed to `publish`.
    pub(crate) files: usize,
}

/// Publishes the media folder: every photo's copies (made or taken from the cache, in
/// parallel), its own address, and every other file as collected. Each file goes to
/// `publish` (site path, contents) as soon as it is ready; `advance` is called once
/// per media file, for the progress bar.
///
/// Problems (a photo whose pixels cannot be read, two photos whose copies would have
/// the same name) are reported at the media file's path and nothing is published for
/// that file.
pub(crate) fn publish_media(
    files: &[MediaFile],
    catalog: &ImageCatalog,
    settings: &ImageSettings,
    cache: &Cache,
    publish: &(dyn Fn(String, Made) -> Result<(), Diagnostic> + Sync),
    advance: &(dyn Fn() + Sync),
) -> Result<PictureCounts, Vec<Diagnostic>> {
    let plans = plan_all(files, catalog, settings)?;
    let encoded = AtomicUsize::new(0);
    let from_cache = AtomicUsize::new(0);
    let published = AtomicUsize::new(0);
    let quality = settings.quality;
    let problems: Vec<Diagnostic> = files
        .par_iter()
        .zip(plans.par_iter())
        .flat_map_iter(|(file, plan)| {
            let outcome = match plan {
                Some((info, copies)) => {
                    publish_photo(file, info, copies, settings, quality, cache, publish)
                }
                None => publish(file.site_path.clone(), Made::Original(file.bytes.clone()))
                    .map(|()| Outcome::Plain),
            };
            advance();
            let problem = match outcome {
                Ok(Outcome::Plain) => {
                    published.fetch_add(1, Ordering::Relaxed);
                    None
                }
                Ok(Outcome::Photo { files, fresh }) => {
                    published.fetch_add(files, Ordering::Relaxed);
                    let counter = if fresh { &encoded } else { &from_cache };
                    counter.fetch_add(1, Ordering::Relaxed);
                    None
                }
                Err(problem) => Some(problem),
            };
            problem.into_iter()
        })
        .collect();
    if problems.is_empty() {
        Ok(PictureCounts {
            encoded: encoded.into_inner(),
            from_cache: from_cache.into_inner(),
            files: published.into_inner(),
        })
    } else {
        Err(problems)
    }
}

type Plan<'a> = Option<(&'a ImageInfo, Vec<Rendition>)>;

/// Each file's copies (None for files published as they are), or the copies whose
/// names two pictures, or a picture and another file, would share.
fn plan_all<'a>(
    files: &[MediaFile],
    catalog: &'a ImageCatalog,
    settings: &ImageSettings,
) -> Result<Vec<Plan<'a>>, Vec<Diagnostic>> {
    let plans: Vec<Plan<'a>> = files
        .iter()
        .map(|file| {
            let info = catalog
                .get(&file.site_path)
                .filter(|i| i.kind != PictureKind::Vector)?;
            Some((info, renditions(&file.site_path, info, settings)))
        })
        .collect();
    let mut owners: HashMap<&str, &str> = files
        .iter()
        .map(|f| (f.site_path.as_str(), f.site_path.as_str()))
        .collect();
    let mut problems = Vec::new();
    for (file, plan) in files.iter().zip(&plans) {
        for copy in plan.iter().flat_map(|(_, copies)| copies) {
            if let Some(other) = owners.insert(&copy.site_path, &file.site_path) {
                problems.push(name_clash(&file.site_path, other, &copy.site_path));
            }
        }
    }
    if problems.is_empty() {
        Ok(plans)
    } else {
        Err(problems)
    }
}

enum Outcome {
    Plain,
    Photo { files: usize, fresh: bool },
}

fn publish_photo(
    file: &MediaFile,
    info: &ImageInfo,
    copies: &[Rendition],
    settings: &ImageSettings,
    quality: u8,
    cache: &Cache,
    publish: &(dyn Fn(String, Made) -> Result<(), Diagnostic> + Sync),
) -> Result<Outcome, Diagnostic> {
    let photo_key = key(&[VERSION, &[quality], &file.bytes]);
    let cache_name = |copy: &Rendition| format!("{photo_key}-{}w", copy.width);
    let mut made: Vec<(Rendition, Made)> = Vec::with_capacity(copies.len());
    let mut missing: Vec<&Rendition> = Vec::new();
    for copy in copies {
        match cache.path_of(&cache_name(copy), copy.format.extension()) {
            Some(path) => made.push((copy.clone(), Made::Cached(path))),
            None => missing.push(copy),
        }
    }
    let fresh = !missing.is_empty();
    if fresh {
        let has_alpha = info.kind == PictureKind::Graphic;
        let encoded = encode::make(&file.bytes, &missing, has_alpha, quality)
            .map_err(|err| unmakeable(&file.site_path, &err))?;
        for (copy, bytes) in encoded {
            let name = cache_name(&copy);
            let extension = copy.format.extension();
            cache.put(&name, extension, &bytes);
            let cached = cache.path_of(&name, extension);
            made.push((copy, Made::Fresh(bytes, cached)));
        }
    }
    let own_address = own_address_file(file, &made, settings);
    let count = made.len() + 1;
    for (copy, contents) in made {
        publish(copy.site_path, contents)?;
    }
    publish(file.site_path.clone(), own_address)?;
    Ok(Outcome::Photo {
        files: count,
        fresh,
    })
}

/// What the photo's own address holds: the original when site.yaml asks for it,
/// otherwise the largest copy in the photo's own format family (JPEG or PNG).
fn own_address_file(
    file: &MediaFile,
    made: &[(Rendition, Made)],
    settings: &ImageSettings,
) -> Made {
    if settings.publish_original {
        return Made::Original(file.bytes.clone());
    }
    let largest = made
        .iter()
        .filter(|(copy, _)| copy.format != crate::resolve::images::Format::Webp)
        .max_by_key(|(copy, _)| copy.width);
    match largest {
        Some((_, Made::Cached(path))) | Some((_, Made::Fresh(_, Some(path)))) => {
            Made::Cached(path.clone())
        }
        Some((_, Made::Fresh(bytes, None))) => Made::Fresh(bytes.clone(), None),
        Some((_, Made::Original(bytes))) => Made::Original(bytes.clone()),
        None => Made::Original(file.bytes.clone()),
    }
}

/// Media is published at /media/ from content/media/, where the writer put it.
fn source_file(site_path: &str) -> String {
    format!("content/{site_path}")
}

fn unmakeable(site_path: &str, err: &MakeError) -> Diagnostic {
    let file = source_file(site_path);
    match err {
        MakeError::Photo(why) => Diagnostic::error(
            "PP0805",
            file,
            format!("the photo “{site_path}” was not published: {why}"),
        )
        .with_hint("open the photo in a photo editor and export it again as JPEG, at most 50 megapixels (for example 8000 × 6000 pixels), or replace it with the original photo"),
        MakeError::Encode(why) => Diagnostic::error(
            "PP0810",
            file,
            format!("the smaller copies of the photo “{site_path}” could not be made: {why}"),
        )
        .with_hint("this is a fault in practice-press itself: please report it, with the photo if you can share it; exporting the photo again as JPEG may get round it"),
    }
}

/// `other` is the file named `copy`, or the picture another copy of that name is
/// made from.
fn name_clash(site_path: &str, other: &str, copy: &str) -> Diagnostic {
    let clash = if other == copy {
        format!("the same name as the file “{other}”")
    } else {
        format!("the same name as a copy of “{other}”")
    };
    Diagnostic::error(
        "PP0811",
        source_file(site_path),
        format!(
            "the photo “{site_path}” is published in smaller copies, and one of them, “{copy}”, would have {clash}"
        ),
    )
    .with_hint(format!(
        "rename one of the two files (for example “{other}”) so that one name is not the other followed by a width, and update the links to it"
    ))
}
