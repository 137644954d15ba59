//! `<picture>` markup for a content image: the WebP copies for browsers that take them,
//! JPEG or PNG copies for the rest, each list with its widths so the browser fetches the
//! smallest that fills the space, and `width` and `height` so the page does not jump as
//! the picture arrives. Used for an entry's own image (the template) and for images in
//! its body (markdown), so both look and load alike.

use crate::config::ImageSettings;
use crate::resolve::images::{renditions, Format, ImageCatalog, PictureKind, Rendition};
use crate::resolve::Site;
use crate::util::xml_escape;

use super::links::safe_url;
use super::metadata::encode_path;

/// What a page's pictures are made from.
#[derive(Clone, Copy)]
pub(crate) struct Pictures<'a> {
    pub(crate) catalog: &'a ImageCatalog,
    pub(crate) settings: &'a ImageSettings,
    /// "/" or "/sub/", prefixing site paths.
    pub(crate) base_path: &'a str,
}

/// One image to show.
pub(crate) struct ImageRef<'a> {
    /// As written: `/media/images/a.jpg`, or any address.
    pub(crate) src: &'a str,
    pub(crate) alt: &'a str,
    pub(crate) title: Option<&'a str>,
    /// The language of `alt` when it is not the page's: `lang` on the `<img>`.
    pub(crate) lang: Option<&'a str>,
    /// The first image of the page, usually in view straight away: it loads at once
    /// and first, rather than lazily.
    pub(crate) first: bool,
}

impl<'a> Pictures<'a> {
    /// The pictures of `site`, with its settings.
    pub(crate) fn of(site: &'a Site) -> Pictures<'a> {
        Pictures {
            catalog: &site.images,
            settings: &site.settings.images,
            base_path: &site.settings.root_path,
        }
    }

    /// The markup for `image`: a `<picture>` for a photo in the media folder, a sized
    /// `<img>` for an SVG drawing, a plain `<img>` for anything else.
    pub(crate) fn html(&self, image: &ImageRef) -> String {
        let site_path = site_path_of(image.src);
        let info = site_path
            .as_deref()
            .and_then(|p| self.catalog.get(p).map(|info| (p, info)));
        let Some((site_path, info)) = info else {
            let src = xml_escape(&safe_url(image.src, self.base_path));
            return img(&src, None, None, image);
        };
        if info.kind == PictureKind::Vector {
            let src = self.url(site_path);
            return img(&src, None, Some((info.width, info.height)), image);
        }
        let copies = renditions(site_path, info, self.settings);
        let (modern, fallback): (Vec<&Rendition>, Vec<&Rendition>) =
            copies.iter().partition(|c| c.format == Format::Webp);
        let Some(largest) = fallback.last() else {
            let src = self.url(site_path);
            return img(&src, None, Some((info.width, info.height)), image);
        };
        let sizes = xml_escape(&self.settings.sizes);
        let mut html = String::with_capacity(512);
        html.push_str("<picture><source type=\"image/webp\" srcset=\"");
        html.push_str(&self.srcset(&modern));
        html.push_str("\" sizes=\"");
        html.push_str(&sizes);
        html.push_str("\">");
        let src = self.url(&largest.site_path);
        let srcset = self.srcset(&fallback);
        html.push_str(&img(
            &src,
            Some((&srcset, &sizes)),
            Some((largest.width, largest.height)),
            image,
        ));
        html.push_str("</picture>");
        html
    }

    fn url(&self, site_path: &str) -> String {
        xml_escape(&format!("{}{}", self.base_path, encode_path(site_path)))
    }

    fn srcset(&self, copies: &[&Rendition]) -> String {
        copies
            .iter()
            .map(|c| format!("{} {}w", self.url(&c.site_path), c.width))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An `<img>` with whatever is known about the picture; `src` and `srcset` come
/// escaped.
fn img(
    src: &str,
    srcset: Option<(&str, &str)>,
    size: Option<(u32, u32)>,
    image: &ImageRef,
) -> String {
    let mut html = format!("<img src=\"{src}\"");
    if let Some((srcset, sizes)) = srcset {
        html.push_str(&format!(" srcset=\"{srcset}\" sizes=\"{sizes}\""));
    }
    if let Some((width, height)) = size {
        html.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
    }
    html.push_str(&format!(" alt=\"{}\"", xml_escape(image.alt)));
    if let Some(lang) = image.lang.filter(|_| !image.alt.is_empty()) {
        html.push_str(&format!(" lang=\"{}\"", xml_escape(lang)));
    }
    if let Some(title) = image.title.filter(|t| !t.is_empty()) {
        html.push_str(&format!(" title=\"{}\"", xml_escape(title)));
    }
    if image.first {
        html.push_str(" fetchpriority=\"high\"");
    } else {
        html.push_str(" loading=\"lazy\"");
    }
    html.push_str(" decoding=\"async\">");
    html
}

/// The media-folder path an address points to (`/media/a%20b.jpg` → `media/a b.jpg`),
/// for site-absolute addresses only: anything else is not one of the site's pictures.
fn site_path_of(src: &str) -> Option<String> {
    let path = src.trim().strip_prefix('/')?;
    if path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    crate::util::percent_decode(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::images::ImageInfo;

    fn catalog() -> ImageCatalog {
        let mut catalog = ImageCatalog::default();
        let photo = ImageInfo {
            width: 3000,
            height: 2000,
            kind: PictureKind::Photo,
        };
        catalog.insert("media/images/a b.jpg".into(), photo);
        let drawing = ImageInfo {
            width: 120,
            height: 40,
            kind: PictureKind::Vector,
        };
        catalog.insert("media/logo.svg".into(), drawing);
        catalog
    }

    fn html(src: &str, first: bool) -> String {
        let catalog = catalog();
        let settings = ImageSettings::default();
        let pictures = Pictures {
            catalog: &catalog,
            settings: &settings,
            base_path: "/sub/",
        };
        pictures.html(&ImageRef {
            lang: None,
            src,
            alt: "Two mugs \"on\" a table",
            title: None,
            first,
        })
    }

    #[test]
    fn a_photo_gets_both_formats_every_width_and_its_size() {
        let html = html("/media/images/a%20b.jpg", false);
        assert!(html.starts_with("<picture><source type=\"image/webp\" srcset=\"/sub/media/images/a%20b-480w.webp 480w, /sub/media/images/a%20b-800w.webp 800w, /sub/media/images/a%20b-1200w.webp 1200w, /sub/media/images/a%20b-1600w.webp 1600w\""), "{html}");
        assert!(html.contains("<img src=\"/sub/media/images/a%20b-1600w.jpg\" srcset=\"/sub/media/images/a%20b-480w.jpg 480w,"), "{html}");
        assert!(html.contains(" width=\"1600\" height=\"1067\""), "{html}");
        assert!(
            html.contains("alt=\"Two mugs &quot;on&quot; a table\""),
            "{html}"
        );
        assert!(
            html.ends_with(" loading=\"lazy\" decoding=\"async\"></picture>"),
            "{html}"
        );
    }

    #[test]
    fn the_first_image_is_not_lazy() {
        let html = html("/media/images/a b.jpg", true);
        assert!(!html.contains("loading="), "{html}");
        assert!(
            html.contains("fetchpriority=\"high\" decoding=\"async\""),
            "{html}"
        );
    }

    #[test]
    fn drawings_are_sized_and_other_addresses_left_alone() {
        let svg = html("/media/logo.svg", false);
        assert_eq!(svg, "<img src=\"/sub/media/logo.svg\" width=\"120\" height=\"40\" alt=\"Two mugs &quot;on&quot; a table\" loading=\"lazy\" decoding=\"async\">");
        let outside = html("https://example.org/a.jpg", false);
        assert!(
            outside.starts_with("<img src=\"https://example.org/a.jpg\" alt="),
            "{outside}"
        );
        let missing = html("/media/nothing.jpg", false);
        assert!(
            missing.starts_with("<img src=\"/sub/media/nothing.jpg\" alt="),
            "{missing}"
        );
    }
}
