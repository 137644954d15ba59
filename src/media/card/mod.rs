//! Social cards: the 1200 × 630 picture that link previews show (`og:image`) for every
//! story and nomination.
//!
//! An entry with a photo (JPEG, PNG or WebP) gets that photo cropped to the card's shape
//! around its focal point (`image.focus`, the middle by default) and saved as JPEG. Any
//! other entry gets a generated card: its title, "Story" or "My Brilliant Colleague",
//! its council and the site's name, set in the theme's font and colours and saved as
//! PNG. A generated card is drawn from SVG made of public fields only
//! ([`template`]), and that SVG passes the leak guard before it is drawn.
//!
//! Cards are cached (see [`super::cache`]): a generated card by its SVG source, a photo
//! card by the photo's bytes and focal point.

mod fonts;
mod layout;
mod photo;
mod render;
mod template;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::cache::{key, Cache};
use super::MediaFile;
use crate::diagnostic::Diagnostic;
use crate::model::{Entry, EntryKind, Focus};
use crate::resolve::Site;
use crate::write::guard::LeakGuard;
use layout::Measure;
use template::{card_svg, CardText};

pub(crate) const CARD_WIDTH: u32 = 1200;
pub(crate) const CARD_HEIGHT: u32 = 630;

/// Bump when the look of generated cards changes, so cached ones are made again.
const GENERATED_VERSION: &[u8] = b"generated-card-1";
/// Bump when photo cards are cropped or encoded differently.
const PHOTO_VERSION: &[u8] = b"photo-card-2";

/// Photo formats a card can be cropped from, by the image's extension.
const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Where an entry's card is published, below the site root: `stories/<slug>/card.jpg`
/// for one cropped from its photo, `…/card.png` for a generated one.
pub(crate) fn card_path(entry: &Entry) -> String {
    let extension = if photo_path(entry).is_some() {
        "jpg"
    } else {
        "png"
    };
    format!("{}card.{extension}", entry.path().trim_start_matches('/'))
}

/// The card's media type, for `og:image:type`.
pub(crate) fn card_mime(entry: &Entry) -> &'static str {
    if photo_path(entry).is_some() {
        "image/jpeg"
    } else {
        "image/png"
    }
}

/// The text alternative of an entry's card: the photo's own description, or what the
/// generated card says.
pub(crate) fn card_alt(site_title: &str, entry: &Entry) -> String {
    match &entry.image {
        Some(image) if photo_path(entry).is_some() && !image.alt.is_empty() => image.alt.clone(),
        _ => format!(
            "{}: “{}”{}, on {site_title}",
            kind_label(entry.kind),
            entry.title,
            entry
                .council
                .as_deref()
                .map(|c| format!(" from {c}"))
                .unwrap_or_default()
        ),
    }
}

/// The site path of the entry's photo, when it has one a card can be cropped from.
fn photo_path(entry: &Entry) -> Option<&str> {
    let src = entry.image.as_ref()?.src.trim_start_matches('/');
    let extension = src.rsplit_once('.')?.1.to_ascii_lowercase();
    PHOTO_EXTENSIONS
        .contains(&extension.as_str())
        .then_some(src)
}

fn kind_label(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => "Story",
        EntryKind::Nomination => "My Brilliant Colleague",
    }
}

/// A finished card: drawn in this build, or already in the cache.
#[derive(Debug)]
pub(crate) enum Card {
    /// Drawn in this build, with the cache file it was saved to (when the cache could
    /// be written): publishing a link to that file lets the next build recognise the
    /// published card as already in place.
    Drawn(Vec<u8>, Option<PathBuf>),
    /// The cache file holding it, to be linked rather than read.
    Cached(PathBuf),
}

/// How the cards of one build were made.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CardCounts {
    /// Cards drawn in this build.
    pub made: usize,
    /// Cards taken from the cache unchanged.
    pub from_cache: usize,
}

/// Makes every published entry's card, in parallel, handing each to `publish` (path,
/// bytes) as soon as it is ready so they are never all in memory at once. `media` holds
/// the site's cleaned media files, where photos are found.
pub(crate) fn make_cards(
    site: &Site,
    media: &[MediaFile],
    cache: &Cache,
    guard: &LeakGuard,
    publish: &(dyn Fn(String, Card) -> Result<(), Diagnostic> + Sync),
) -> Result<CardCounts, Vec<Diagnostic>> {
    let made = AtomicUsize::new(0);
    let from_cache = AtomicUsize::new(0);
    let problems: Vec<Diagnostic> = in_context(site, media, cache, guard, |context| {
        site.entries
            .par_iter()
            .filter_map(|entry| {
                let card = match context.card(entry) {
                    Ok(card) => card,
                    Err(problem) => return Some(problem),
                };
                match card {
                    Card::Cached(_) => from_cache.fetch_add(1, Ordering::Relaxed),
                    Card::Drawn(..) => made.fetch_add(1, Ordering::Relaxed),
                };
                publish(card_path(entry), card).err()
            })
            .collect()
    })
    .map_err(|problem| vec![problem])?;
    if problems.is_empty() {
        Ok(CardCounts {
            made: made.into_inner(),
            from_cache: from_cache.into_inner(),
        })
    } else {
        Err(problems)
    }
}

/// Makes the one card published at `path` (`stories/<slug>/card.png`), as
/// [`make_cards`] would: for the preview, asked for a card before its card run is done.
/// None when no published entry has its card there.
pub(crate) fn make_card(
    site: &Site,
    media: &[MediaFile],
    cache: &Cache,
    guard: &LeakGuard,
    path: &str,
) -> Option<Result<Card, Diagnostic>> {
    let entry = site.entries.iter().find(|entry| card_path(entry) == path)?;
    Some(in_context(site, media, cache, guard, |context| context.card(entry)).and_then(|card| card))
}

/// Runs `work` with the fonts measured and the site's photos found, as every card needs.
fn in_context<R>(
    site: &Site,
    media: &[MediaFile],
    cache: &Cache,
    guard: &LeakGuard,
    work: impl FnOnce(&Context) -> R,
) -> Result<R, Diagnostic> {
    let (regular, bold) = measures()?;
    let context = Context {
        site,
        photos: &photos_of(media),
        cache,
        guard,
        regular: &regular,
        bold: &bold,
    };
    Ok(work(&context))
}

/// The site's photos a card can be cropped from, by site path.
fn photos_of(media: &[MediaFile]) -> HashMap<&str, &MediaFile> {
    media
        .iter()
        .filter(|f| f.digest.is_some())
        .map(|f| (f.site_path.as_str(), f))
        .collect()
}

/// The card font's measures, regular and bold.
fn measures() -> Result<(Measure<'static>, Measure<'static>), Diagnostic> {
    match (Measure::new(fonts::REGULAR), Measure::new(fonts::BOLD)) {
        (Some(regular), Some(bold)) => Ok((regular, bold)),
        _ => Err(Diagnostic::error(
            "PP0809",
            "themes/default/fonts",
            "the font built into practice-press for social cards cannot be read",
        )
        .with_hint("this is a fault in practice-press itself: please report it")),
    }
}

struct Context<'a> {
    site: &'a Site,
    photos: &'a HashMap<&'a str, &'a MediaFile>,
    cache: &'a Cache,
    guard: &'a LeakGuard,
    regular: &'a Measure<'a>,
    bold: &'a Measure<'a>,
}

impl Context<'_> {
    /// The card's bytes and whether they came from the cache.
    fn card(&self, entry: &Entry) -> Result<Card, Diagnostic> {
        let path = card_path(entry);
        let photo = photo_path(entry).and_then(|p| self.photos.get(p).copied());
        if let Some(photo) = photo {
            let focus = entry.image.as_ref().map(|i| i.focus).unwrap_or_default();
            return self.photo_card(entry, &path, photo, focus);
        }
        let svg = self.generated_svg(entry);
        if let Some(leak) = self.guard.scan(&path, svg.as_bytes()) {
            return Err(leak);
        }
        // A photo that is missing from the media folder is reported by `check`; the card
        // keeps its `.jpg` address and shows the generated design instead.
        let jpeg = path.ends_with(".jpg");
        let extension = if jpeg { "jpg" } else { "png" };
        let key = key(&[GENERATED_VERSION, extension.as_bytes(), svg.as_bytes()]);
        if let Some(path) = self.cache.path_of(&key, extension) {
            return Ok(Card::Cached(path));
        }
        let bytes = render::svg_to_image(&svg, jpeg)
            .map_err(|why| failed(&entry.source.display().to_string(), &why))?;
        self.cache.put(&key, extension, &bytes);
        Ok(Card::Drawn(bytes, self.cache.path_of(&key, extension)))
    }

    fn generated_svg(&self, entry: &Entry) -> String {
        generated_svg(self.site, entry, self.regular, self.bold)
    }

    fn photo_card(
        &self,
        entry: &Entry,
        path: &str,
        photo_file: &MediaFile,
        focus: Focus,
    ) -> Result<Card, Diagnostic> {
        let focus_text = format!("{} {}", focus.x, focus.y);
        let digest = photo_file.digest.as_deref().unwrap_or_default();
        let key = key(&[PHOTO_VERSION, focus_text.as_bytes(), digest.as_bytes()]);
        if let Some(path) = self.cache.path_of(&key, "jpg") {
            return Ok(Card::Cached(path));
        }
        let bytes = photo_file.bytes()?;
        let card = photo::crop_to_card(&bytes, focus).map_err(|err| {
            let photo = photo_path(entry).unwrap_or(path);
            // Media is published at /media/ from content/media/, where the writer put it.
            let file = format!("content/{photo}");
            Diagnostic::error(
                "PP0805",
                file,
                format!("the social card for “{}” could not be made from the photo “{photo}”: {err}", entry.title),
            )
            .with_hint("open the photo in a photo editor and export it again as JPEG, at most 50 megapixels (for example 8000 × 6000 pixels)")
        })?;
        self.cache.put(&key, "jpg", &card);
        Ok(Card::Drawn(card, self.cache.path_of(&key, "jpg")))
    }
}

/// The SVG source a generated card for `entry` is drawn from: what the leak guard
/// reads, and what tests check for names that must not be there.
pub fn generated_card_source(site: &Site, entry: &Entry) -> String {
    match (Measure::new(fonts::REGULAR), Measure::new(fonts::BOLD)) {
        (Some(regular), Some(bold)) => generated_svg(site, entry, &regular, &bold),
        _ => String::new(),
    }
}

fn generated_svg(site: &Site, entry: &Entry, regular: &Measure, bold: &Measure) -> String {
    let settings = &site.settings;
    let council = entry
        .council
        .as_deref()
        .unwrap_or(settings.organisation.as_str());
    card_svg(
        &CardText {
            title: &entry.title,
            kind: kind_label(entry.kind),
            council,
            site: &settings.title,
        },
        regular,
        bold,
    )
}

fn failed(file: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "PP0809",
        file,
        format!("the social card for this entry could not be drawn: {why}"),
    )
    .with_hint("this is a fault in practice-press itself: please report it, with the entry's title")
}
