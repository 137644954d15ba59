//! Decoding a photo for re-encoding, safely: a file that claims to be enormous, or that
//! would need more memory than any real photo, is refused before its pixels are read.
//!
//! Decoding applies the photo's EXIF orientation, so the pixels come out upright and
//! what is encoded from them needs no metadata at all.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

/// The largest photo accepted, in pixels: 50 megapixels is more than any phone or most
/// cameras take, and keeps one decoded photo under 200 MB.
pub(crate) const MAX_PIXELS: u64 = 50_000_000;
/// The largest side accepted, so a 1 × 49,000,000 pixel "photo" is refused too.
const MAX_SIDE: u32 = 20_000;
/// A decoder may need a little more than the pixels themselves.
const MAX_ALLOC: u64 = MAX_PIXELS * 4 + 64 * 1024 * 1024;

/// Why a photo could not be decoded, in words for the person who added it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum PhotoError {
    #[error("it says it is {width} × {height} pixels ({megapixels} megapixels), more than the 50 megapixels this tool accepts")]
    TooLarge {
        width: u32,
        height: u32,
        megapixels: u64,
    },
    #[error("its pixels cannot be read ({0})")]
    Damaged(String),
}

/// Decodes a JPEG, PNG or WebP photo, upright, as 8-bit RGB.
pub(crate) fn decode_upright(bytes: &[u8]) -> Result<RgbImage, PhotoError> {
    Ok(decode_upright_image(bytes)?.into_rgb8())
}

/// Decodes a JPEG, PNG or WebP picture, upright, in its own pixel format.
pub(crate) fn decode_upright_image(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let mut decoder = limited_decoder(bytes)?;
    let orientation = orientation_of(&mut decoder);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|err| refusal(bytes, &err))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// What a picture's header says, without decoding its pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    /// The size it is shown at, its EXIF orientation applied.
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) has_alpha: bool,
}

/// Reads a picture's header, refusing one that claims more than [`MAX_PIXELS`].
pub(crate) fn read_header(bytes: &[u8]) -> Result<Header, PhotoError> {
    let mut decoder = limited_decoder(bytes)?;
    let (width, height) = decoder.dimensions();
    let has_alpha = decoder.color_type().has_alpha();
    let turned = matches!(
        orientation_of(&mut decoder),
        image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH
    );
    let (width, height) = if turned {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Header {
        width,
        height,
        has_alpha,
    })
}

/// A decoder that refuses, before reading any pixel, a picture larger than this tool
/// accepts or one that would need more memory than a real photo does.
fn limited_decoder(bytes: &[u8]) -> Result<Box<dyn ImageDecoder + '_>, PhotoError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|err| PhotoError::Damaged(err.to_string()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let decoder = reader.into_decoder().map_err(|err| refusal(bytes, &err))?;
    let (width, height) = decoder.dimensions();
    check_size(width, height)?;
    Ok(Box::new(decoder))
}

/// A photo whose orientation cannot be read is shown as stored, as browsers do.
fn orientation_of(decoder: &mut dyn ImageDecoder) -> image::metadata::Orientation {
    decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms)
}

fn check_size(width: u32, height: u32) -> Result<(), PhotoError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE {
        return Err(PhotoError::TooLarge {
            width,
            height,
            megapixels: pixels.div_ceil(1_000_000),
        });
    }
    if pixels == 0 {
        return Err(PhotoError::Damaged("it says it has no pixels".into()));
    }
    Ok(())
}

/// The decoder's own limits fire before its dimensions are known to us: the size is
/// read again from the header so the message can say how large the photo claims to be.
fn refusal(bytes: &[u8], err: &image::ImageError) -> PhotoError {
    if let image::ImageError::Limits(_) = err {
        if let Ok((width, height)) = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| ())
            .and_then(|r| r.into_dimensions().map_err(|_| ()))
        {
            if let Err(too_large) = check_size(width, height) {
                return too_large;
            }
        }
    }
    PhotoError::Damaged(err.to_string())
}
