//! A photo card: the entry's photo, upright, cropped to 1200 × 630 around its focal
//! point and saved as JPEG. Re-encoding from pixels means no metadata can come along.

use std::io::Cursor;

use fast_image_resize::{ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage};

use super::{CARD_HEIGHT, CARD_WIDTH};
use crate::media::photo::{decode_upright, PhotoError};
use crate::model::Focus;

const QUALITY: u8 = 82;

pub(crate) fn crop_to_card(bytes: &[u8], focus: Focus) -> Result<Vec<u8>, PhotoError> {
    let photo = decode_upright(bytes)?;
    let (left, top, width, height) = crop_box(photo.width(), photo.height(), focus);
    let mut card = RgbImage::new(CARD_WIDTH, CARD_HEIGHT);
    Resizer::new()
        .resize(
            &photo,
            &mut card,
            &ResizeOptions::new().crop(left, top, width, height),
        )
        .map_err(|err| PhotoError::Damaged(err.to_string()))?;
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, QUALITY)
        .write_image(
            card.as_raw(),
            CARD_WIDTH,
            CARD_HEIGHT,
            ExtendedColorType::Rgb8,
        )
        .map_err(|err| PhotoError::Damaged(err.to_string()))?;
    Ok(out.into_inner())
}

/// The largest box of the card's shape inside the photo, centred on the focal point as
/// far as the photo's edges allow: (left, top, width, height).
fn crop_box(width: u32, height: u32, focus: Focus) -> (f64, f64, f64, f64) {
    let (width, height) = (f64::from(width), f64::from(height));
    let aspect = f64::from(CARD_WIDTH) / f64::from(CARD_HEIGHT);
    let (crop_width, crop_height) = if width / height > aspect {
        (height * aspect, height)
    } else {
        (width, width / aspect)
    };
    let place = |size: f64, crop: f64, percent: u8| -> f64 {
        let centre = size * f64::from(percent) / 100.0;
        (centre - crop / 2.0).clamp(0.0, size - crop)
    };
    (
        place(width, crop_width, focus.x),
        place(height, crop_height, focus.y),
        crop_width,
        crop_height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_photo_is_cropped_at_the_sides_towards_the_focus() {
        let (left, top, w, h) = crop_box(4000, 1000, Focus { x: 0, y: 50 });
        assert_eq!((left, top, h), (0.0, 0.0, 1000.0));
        assert!((w - 1904.76).abs() < 0.01);
        let (left, _, w, _) = crop_box(4000, 1000, Focus { x: 100, y: 50 });
        assert!((left + w - 4000.0).abs() < 0.01);
    }

    #[test]
    fn a_tall_photo_is_cropped_top_and_bottom_towards_the_focus() {
        let (left, top, w, h) = crop_box(3000, 4000, Focus { x: 50, y: 0 });
        assert_eq!((left, top, w), (0.0, 0.0, 3000.0));
        assert!((h - 1575.0).abs() < 0.01);
        let (_, top, _, h) = crop_box(3000, 4000, Focus { x: 50, y: 50 });
        assert!((top - (2000.0 - h / 2.0)).abs() < 0.01);
    }
}
