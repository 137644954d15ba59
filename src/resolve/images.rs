//! What the site knows about its pictures before any is re-encoded: each one's upright
//! size and kind, and from that the copies the media stage makes of it. Render reads
//! this to write `<picture>`, `srcset`, `width` and `height`; the media stage reads the
//! same plan to make exactly those files, so the two can never disagree.

use std::collections::HashMap;

use crate::config::ImageSettings;

/// A picture in the media folder, as its header describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ImageInfo {
    /// The size the picture is shown at, after its EXIF orientation is applied.
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) kind: PictureKind,
}

/// What is published for a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PictureKind {
    /// A photo without transparency: WebP copies with JPEG ones for older browsers.
    Photo,
    /// A picture with transparency, or a PNG (drawings, screenshots): WebP copies with
    /// PNG ones.
    Graphic,
    /// A drawing that scales by itself: published as it is, only sized.
    Vector,
}

/// One file made from a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendition {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Below the site root, e.g. `media/images/harbour-800w.webp`.
    pub(crate) site_path: String,
    pub(crate) format: Format,
}

/// The formats the media stage writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

/// Every picture of the media folder by its site path (`media/images/a.jpg`, no
/// leading slash, as written).
#[derive(Debug, Clone, Default)]
pub(crate) struct ImageCatalog {
    images: HashMap<String, ImageInfo>,
}

impl ImageCatalog {
    pub(crate) fn insert(&mut self, site_path: String, info: ImageInfo) {
        self.images.insert(site_path, info);
    }

    /// The picture at a site path, given with or without its leading slash.
    pub(crate) fn get(&self, site_path: &str) -> Option<&ImageInfo> {
        self.images.get(site_path.trim_start_matches('/'))
    }

    /// The same pictures, each site path without `prefix` (the media stage finds them
    /// under `content/media/`, the site publishes them at `media/`).
    pub(crate) fn without_prefix(self, prefix: &str) -> ImageCatalog {
        let images = self
            .images
            .into_iter()
            .map(|(path, info)| match path.strip_prefix(prefix) {
                Some(rest) => (rest.to_string(), info),
                None => (path, info),
            })
            .collect();
        ImageCatalog { images }
    }
}

/// The widths a picture `width` pixels wide is published in: every configured width
/// below its own, and its own width when that is below the largest configured one, so
/// nothing is ever enlarged and a small picture still gets one copy.
pub(crate) fn widths_for(width: u32, settings: &ImageSettings) -> Vec<u32> {
    let mut widths: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|w| *w < width)
        .collect();
    let largest = settings.widths.iter().copied().max().unwrap_or(width);
    if width <= largest {
        widths.push(width);
    }
    widths
}

/// The files made from the raster picture at `site_path`, smallest first, the modern
/// format before the fallback at each width. Empty for a vector drawing.
pub(crate) fn renditions(
    site_path: &str,
    info: &ImageInfo,
    settings: &ImageSettings,
) -> Vec<Rendition> {
    let fallback = match info.kind {
        PictureKind::Vector => return Vec::new(),
        PictureKind::Photo => Format::Jpeg,
        PictureKind::Graphic => Format::Png,
    };
    let site_path = site_path.trim_start_matches('/');
    let stem = copy_stem(site_path);
    let mut out = Vec::new();
    for width in widths_for(info.width, settings) {
        let height = scaled_height(info, width);
        for format in [Format::Webp, fallback] {
            out.push(Rendition {
                width,
                height,
                site_path: format!("{stem}-{width}w.{}", format.extension()),
                format,
            });
        }
    }
    out
}

/// The start of a picture's copies' names: its name without the ending for a JPEG
/// (`harbour.jpg` → `harbour`), with the ending kept as a word for other formats
/// (`harbour.png` → `harbour-png`), so a JPEG and a PNG of the same name both publish.
fn copy_stem(site_path: &str) -> String {
    let name_start = site_path.rfind('/').map_or(0, |slash| slash + 1);
    match site_path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => {
            let (stem, extension) = site_path.split_at(name_start + dot);
            let extension = extension[1..].to_ascii_lowercase();
            if extension == "jpg" || extension == "jpeg" {
                stem.to_string()
            } else {
                format!("{stem}-{extension}")
            }
        }
        _ => site_path.to_string(),
    }
}

/// The height of a copy `width` pixels wide, rounded, never 0.
fn scaled_height(info: &ImageInfo, width: u32) -> u32 {
    let scaled = (u64::from(info.height) * u64::from(width) + u64::from(info.width) / 2)
        / u64::from(info.width.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(width: u32, height: u32) -> ImageInfo {
        ImageInfo {
            width,
            height,
            kind: PictureKind::Photo,
        }
    }

    #[test]
    fn a_large_photo_gets_every_width_and_a_small_one_is_never_enlarged() {
        let settings = ImageSettings::default();
        assert_eq!(widths_for(4000, &settings), [480, 800, 1200, 1600]);
        assert_eq!(widths_for(1600, &settings), [480, 800, 1200, 1600]);
        assert_eq!(widths_for(1000, &settings), [480, 800, 1000]);
        assert_eq!(widths_for(300, &settings), [300]);
    }

    #[test]
    fn renditions_sit_beside_the_photo_with_both_formats_at_each_width() {
        let settings = ImageSettings::default();
        let made = renditions("/media/images/harbour.jpg", &photo(1000, 750), &settings);
        let paths: Vec<&str> = made.iter().map(|r| r.site_path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "media/images/harbour-480w.webp",
                "media/images/harbour-480w.jpg",
                "media/images/harbour-800w.webp",
                "media/images/harbour-800w.jpg",
                "media/images/harbour-1000w.webp",
                "media/images/harbour-1000w.jpg",
            ]
        );
        assert_eq!((made[0].width, made[0].height), (480, 360));
        let drawing = ImageInfo {
            kind: PictureKind::Graphic,
            ..photo(600, 7)
        };
        let made = renditions("media/a.b/logo", &drawing, &settings);
        assert_eq!(made[1].site_path, "media/a.b/logo-480w.png");
        let made = renditions("media/Logo.PNG", &drawing, &settings);
        assert_eq!(made[1].site_path, "media/Logo-png-480w.png");
        assert_eq!(made[1].height, 6);
        let vector = ImageInfo {
            kind: PictureKind::Vector,
            ..photo(600, 400)
        };
        assert!(renditions("media/a.svg", &vector, &settings).is_empty());
    }
}
