//! Social cards: the 1200 × 630 picture that link previews show (`og:image`) for every
//! story and nomination.
//!
//! An entry with a photo (JPEG, PNG or WebP) gets that photo cropped to the card's shape
//! around its focal point (`image.focus`, the middle by default) and saved as JPEG. Any
//! other entry gets a generated card: its title, "Story" or "My Brilliant Colleague"
//! with its date, its council and the site's name, set in the theme's font and colours
//! and saved as PNG. A generated card is drawn from SVG made of public fields only
//! ([`template`]), and that SVG passes the leak guard before it is drawn.
//!
//! A bilingual site draws a generated card in each language an entry is translated
//! into, with that language's words (from the theme's Fluent files), published below
//! the language's prefix (`cy/stories/<slug>/card.png`). A photo card has no words, so
//! every language shares it; an entry not translated into a language keeps the card of
//! the language it is written in.
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
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::model::{Entry, EntryKind, Focus};
use crate::resolve::Site;
use crate::write::guard::LeakGuard;
use layout::Measure;
use template::{card_svg, CardText};

pub(crate) const CARD_WIDTH: u32 = 1200;
pub(crate) const CARD_HEIGHT: u32 = 630;

/// Bump when the look of generated cards changes, so cached ones are made again.
const GENERATED_VERSION: &[u8] = b"generated-card-2";
/// Bump when photo cards are cropped or encoded differently.
const PHOTO_VERSION: &[u8] = b"photo-card-2";

/// Photo formats a card can be cropped from, by the image's extension.
const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Where an entry's card is published in the pages of `settings`' language, below the
/// site root: `stories/<slug>/card.jpg` for one cropped from its photo, `…/card.png` for
/// a generated one, and `cy/stories/<slug>/card.png` for a generated card in Welsh.
pub(crate) fn card_path(settings: &Settings, entry: &Entry) -> String {
    let extension = if photo_path(entry).is_some() {
        "jpg"
    } else {
        "png"
    };
    let prefix = if drawn_in_language(settings, entry) {
        format!("{}/", settings.prefix())
    } else {
        String::new()
    };
    format!(
        "{prefix}{}card.{extension}",
        entry.path().trim_start_matches('/')
    )
}

/// Whether `entry`'s card in `settings`' language is one of its own, drawn in its
/// words, rather than the default language's: a generated card of an entry translated
/// into a language other than the default.
fn drawn_in_language(settings: &Settings, entry: &Entry) -> bool {
    !settings.prefix().is_empty() && entry.text_language.is_none() && photo_path(entry).is_none()
}

/// The cards `site` publishes in its own language, by path: every entry's in the
/// default language; in another, only the generated cards of the entries translated
/// into it. The preview serves these paths and asks [`make_card`] for them.
pub(crate) fn own_card_paths(site: &Site) -> Vec<String> {
    own_cards(site).map(|(path, _)| path).collect()
}

fn own_cards(site: &Site) -> impl Iterator<Item = (String, &Entry)> {
    let settings = &site.settings;
    let default = settings.prefix().is_empty();
    site.entries
        .iter()
        .filter(move |entry| default || drawn_in_language(settings, entry))
        .map(move |entry| (card_path(settings, entry), entry))
}

/// The card's media type, for `og:image:type`.
pub(crate) fn card_mime(entry: &Entry) -> &'static str {
    if photo_path(entry).is_some() {
        "image/jpeg"
    } else {
        "image/png"
    }
}

/// The text alternative of an entry's card in the pages of `strings`' language: the
/// photo's own description (the translation's, when it gives one), or what the
/// generated card says. A card left in another language says so, in this one.
pub(crate) fn card_alt(settings: &Settings, strings: &Strings, entry: &Entry) -> String {
    if let Some(image) = &entry.image {
        if photo_path(entry).is_some() && !image.alt.is_empty() {
            return image.alt.clone();
        }
    }
    let kind = strings.say(card_kind(entry.kind));
    let title = entry.title.as_str();
    let site = settings.title.as_str();
    let alt = match entry.council.as_deref() {
        Some(council) => strings.say_with(
            "card-alt-council",
            &[
                ("kind", kind.into()),
                ("title", title.into()),
                ("council", council.into()),
                ("site", site.into()),
            ],
        ),
        None => strings.say_with(
            "card-alt",
            &[
                ("kind", kind.into()),
                ("title", title.into()),
                ("site", site.into()),
            ],
        ),
    };
    match &entry.text_language {
        Some(language) => strings.say_with(
            "card-alt-in-language",
            &[("language", language.as_str().into()), ("alt", alt.into())],
        ),
        None => alt,
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

/// The message naming the kind of entry on a card: "Story", "My Brilliant Colleague".
fn card_kind(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Story => "card-kind-story",
        EntryKind::Nomination => "card-kind-nomination",
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

/// Makes every card `site` publishes in its language (see [`own_card_paths`]), in
/// parallel, handing each to `publish` (path, bytes) as soon as it is ready so they are
/// never all in memory at once. `strings` are the interface words of the site's
/// language; `media` holds the site's cleaned media files, where photos are found.
pub(crate) fn make_cards(
    site: &Site,
    strings: &Strings,
    media: &[MediaFile],
    cache: &Cache,
    guard: &LeakGuard,
    publish: &(dyn Fn(String, Card) -> Result<(), Diagnostic> + Sync),
) -> Result<CardCounts, Vec<Diagnostic>> {
    let made = AtomicUsize::new(0);
    let from_cache = AtomicUsize::new(0);
    let cards: Vec<(String, &Entry)> = own_cards(site).collect();
    let problems: Vec<Diagnostic> = in_context(site, strings, media, cache, guard, |context| {
        cards
            .par_iter()
            .filter_map(|(path, entry)| {
                let card = match context.card(entry, path) {
                    Ok(card) => card,
                    Err(problem) => return Some(problem),
                };
                match card {
                    Card::Cached(_) => from_cache.fetch_add(1, Ordering::Relaxed),
                    Card::Drawn(..) => made.fetch_add(1, Ordering::Relaxed),
                };
                publish(path.clone(), card).err()
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

/// Makes the one card published at `path` (`stories/<slug>/card.png`, or
/// `cy/stories/<slug>/card.png` from the Welsh site), as [`make_cards`] would: for the
/// preview, asked for a card before its card run is done. None when `site` publishes
/// no card there in its language.
pub(crate) fn make_card(
    site: &Site,
    strings: &Strings,
    media: &[MediaFile],
    cache: &Cache,
    guard: &LeakGuard,
    path: &str,
) -> Option<Result<Card, Diagnostic>> {
    let (path, entry) = own_cards(site).find(|(own, _)| own == path)?;
    Some(
        in_context(site, strings, media, cache, guard, |context| {
            context.card(entry, &path)
        })
        .and_then(|card| card),
    )
}

/// Runs `work` with the fonts measured and the site's photos found, as every card needs.
fn in_context<R>(
    site: &Site,
    strings: &Strings,
    media: &[MediaFile],
    cache: &Cache,
    guard: &LeakGuard,
    work: impl FnOnce(&Context) -> R,
) -> Result<R, Diagnostic> {
    let (regular, bold) = measures()?;
    let context = Context {
        site,
        strings,
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
    strings: &'a Strings,
    photos: &'a HashMap<&'a str, &'a MediaFile>,
    cache: &'a Cache,
    guard: &'a LeakGuard,
    regular: &'a Measure<'a>,
    bold: &'a Measure<'a>,
}

impl Context<'_> {
    /// The card's bytes and whether they came from the cache.
    fn card(&self, entry: &Entry, path: &str) -> Result<Card, Diagnostic> {
        let photo = photo_path(entry).and_then(|p| self.photos.get(p).copied());
        if let Some(photo) = photo {
            let focus = entry.image.as_ref().map(|i| i.focus).unwrap_or_default();
            return self.photo_card(entry, path, photo, focus);
        }
        let svg = generated_svg(self.site, self.strings, entry, self.regular, self.bold);
        if let Some(leak) = self.guard.scan(path, svg.as_bytes()) {
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

/// The SVG source a generated card for `entry` of `site` (any of its languages) is
/// drawn from, in the default theme's words for the site's language: what the leak
/// guard reads, and what tests check for names that must not be there.
pub fn generated_card_source(site: &Site, entry: &Entry) -> String {
    let Ok(strings) = Strings::load(&site.settings.language, None) else {
        return String::new();
    };
    match (Measure::new(fonts::REGULAR), Measure::new(fonts::BOLD)) {
        (Some(regular), Some(bold)) => generated_svg(site, &strings, entry, &regular, &bold),
        _ => String::new(),
    }
}

/// The SVG source of every generated card `site` publishes in its language, by path,
/// in the words of `strings`: what [`make_cards`] would draw.
pub(crate) fn own_generated_sources(site: &Site, strings: &Strings) -> Vec<(String, String)> {
    let (Some(regular), Some(bold)) = (Measure::new(fonts::REGULAR), Measure::new(fonts::BOLD))
    else {
        return Vec::new();
    };
    own_cards(site)
        .filter(|(_, entry)| photo_path(entry).is_none())
        .map(|(path, entry)| {
            let svg = generated_svg(site, strings, entry, &regular, &bold);
            (path, svg)
        })
        .collect()
}

/// Where a card's words come from: the kind of entry and its date in `strings`'
/// language, the title as the entry gives it, the site's name in its language.
fn card_text<'a>(site: &'a Site, strings: &Strings, entry: &'a Entry) -> (String, &'a str) {
    let kind = strings.say(card_kind(entry.kind));
    let kind_and_date = strings.say_with(
        "card-kind-date",
        &[
            ("kind", kind.into()),
            ("date", strings.date(entry.date).into()),
        ],
    );
    let council = entry
        .council
        .as_deref()
        .unwrap_or(site.settings.organisation.as_str());
    (kind_and_date, council)
}

fn generated_svg(
    site: &Site,
    strings: &Strings,
    entry: &Entry,
    regular: &Measure,
    bold: &Measure,
) -> String {
    let (kind, council) = card_text(site, strings, entry);
    card_svg(
        &CardText {
            title: &entry.title,
            kind: &kind,
            council,
            site: &site.settings.title,
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
