//! Making the copies of one picture: decoded upright once, scaled down step by step
//! from the largest copy to the smallest, and each size encoded as WebP and as JPEG or
//! PNG. Everything is encoded from pixels, so no metadata block of the original can
//! reach a copy.

use std::io::Cursor;

use fast_image_resize::{ResizeAlg, ResizeOptions, Resizer};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder, RgbImage, RgbaImage};

use crate::media::photo::{decode_upright_image, PhotoError};
use crate::resolve::images::{Format, Rendition};

/// libwebp's effort, 0 (fastest) to 6. On a 4000 × 3000 photo's four copies, method 2
/// took 0.10 s of CPU against 0.22 s for 3 and 4 (the default), for files 8% larger:
/// the difference between a 12-megapixel photo fitting its budget of a quarter of a
/// second for everything, or not.
const WEBP_METHOD: i32 = 2;

/// Pixels of one decoded picture, in the layout its copies need.
enum Pixels {
    Rgb(RgbImage),
    Rgba(RgbaImage),
}

impl Pixels {
    fn width(&self) -> u32 {
        match self {
            Pixels::Rgb(image) => image.width(),
            Pixels::Rgba(image) => image.width(),
        }
    }

    /// A copy `width` × `height`, scaled from this one.
    fn scaled(&self, resizer: &mut Resizer, width: u32, height: u32) -> Result<Pixels, String> {
        // Lanczos keeps a photo's fine detail (hair, text on a sign) crisp when it
        // shrinks; the cost is small next to encoding.
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(
            fast_image_resize::FilterType::Lanczos3,
        ));
        match self {
            Pixels::Rgb(source) => {
                let mut out = RgbImage::new(width, height);
                resizer
                    .resize(source, &mut out, &options)
                    .map_err(|err| err.to_string())?;
                Ok(Pixels::Rgb(out))
            }
            Pixels::Rgba(source) => {
                let mut out = RgbaImage::new(width, height);
                resizer
                    .resize(source, &mut out, &options)
                    .map_err(|err| err.to_string())?;
                Ok(Pixels::Rgba(out))
            }
        }
    }

    fn encode(&self, format: Format, quality: u8) -> Result<Vec<u8>, String> {
        match format {
            Format::Webp => webp(self, quality),
            Format::Jpeg => jpeg(self, quality),
            Format::Png => png(self),
        }
    }
}

fn png(pixels: &Pixels) -> Result<Vec<u8>, String> {
    let (raw, width, height, color) = match pixels {
        Pixels::Rgb(image) => (
            image.as_raw().as_slice(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgb8,
        ),
        Pixels::Rgba(image) => (
            image.as_raw().as_slice(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgba8,
        ),
    };
    let mut out = Cursor::new(Vec::new());
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(raw, width, height, color)
        .map_err(|err| err.to_string())?;
    Ok(out.into_inner())
}

/// JPEG by `jpeg-encoder`, whose AVX2 path is chosen at run time: with it a 4000 × 3000
/// photo's first build went from 0.278 to 0.225 s of CPU (`benches/photos.sh`), inside
/// the budget of a quarter of a second. Below quality 90 it halves the colour
/// resolution (4:2:0, as libjpeg and cameras do), which keeps the files 15–19% smaller
/// than `image`'s 4:2:2 and which the eye does not see in photos.
fn jpeg(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, String> {
    let (raw, width, height, color) = match pixels {
        Pixels::Rgb(image) => (
            image.as_raw(),
            image.width(),
            image.height(),
            jpeg_encoder::ColorType::Rgb,
        ),
        Pixels::Rgba(image) => (
            image.as_raw(),
            image.width(),
            image.height(),
            jpeg_encoder::ColorType::Rgba,
        ),
    };
    let side = |n: u32| u16::try_from(n).map_err(|_| format!("{n} pixels is too wide for JPEG"));
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, quality)
        .encode(raw, side(width)?, side(height)?, color)
        .map_err(|err| err.to_string())?;
    Ok(out)
}

fn webp(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, String> {
    let encoder = match pixels {
        Pixels::Rgb(image) => {
            webp::Encoder::from_rgb(image.as_raw(), image.width(), image.height())
        }
        Pixels::Rgba(image) => {
            webp::Encoder::from_rgba(image.as_raw(), image.width(), image.height())
        }
    };
    let mut config =
        webp::WebPConfig::new().map_err(|()| "the WebP encoder could not start".to_string())?;
    config.quality = f32::from(quality);
    config.method = WEBP_METHOD;
    config.alpha_compression = 1;
    let encoded = encoder
        .encode_advanced(&config)
        .map_err(|err| format!("the WebP encoder stopped ({err:?})"))?;
    Ok(encoded.to_vec())
}

/// Why a picture's copies could not be made.
#[derive(Debug)]
pub(crate) enum MakeError {
    /// The picture itself: too large, or its pixels cannot be read.
    Photo(PhotoError),
    /// Scaling or encoding failed: a fault in practice-press or a library it uses.
    Encode(String),
}

/// Encodes `wanted` (a subset of the picture's renditions, in any order) from the
/// picture's bytes, returning each with its file contents.
pub(crate) fn make(
    bytes: &[u8],
    wanted: &[&Rendition],
    has_alpha: bool,
    quality: u8,
) -> Result<Vec<(Rendition, Vec<u8>)>, MakeError> {
    let decoded = decode_upright_image(bytes).map_err(MakeError::Photo)?;
    let mut current = match (decoded, has_alpha) {
        (DynamicImage::ImageRgb8(image), _) => Pixels::Rgb(image),
        (image, true) => Pixels::Rgba(image.into_rgba8()),
        (image, false) => Pixels::Rgb(image.into_rgb8()),
    };
    let mut sizes: Vec<(u32, u32)> = wanted.iter().map(|r| (r.width, r.height)).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    let mut resizer = Resizer::new();
    let mut made = Vec::with_capacity(wanted.len());
    for (width, height) in sizes {
        // Each size is scaled from the one before it: far less work than starting from
        // the full photo every time, and just as sharp at these ratios.
        if width != current.width() {
            current = current
                .scaled(&mut resizer, width, height)
                .map_err(MakeError::Encode)?;
        }
        for rendition in wanted.iter().filter(|r| r.width == width) {
            let encoded = current
                .encode(rendition.format, quality)
                .map_err(MakeError::Encode)?;
            made.push(((*rendition).clone(), encoded));
        }
    }
    Ok(made)
}
