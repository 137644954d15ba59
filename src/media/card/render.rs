//! Drawing a generated card's SVG with resvg, in the fonts built into the program.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::fonts;
use super::{CARD_HEIGHT, CARD_WIDTH};

/// The card as PNG, or as JPEG when `jpeg` (for an entry whose photo went missing).
pub(crate) fn svg_to_image(svg: &str, jpeg: bool) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts::database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|err| err.to_string())?;
    let mut pixmap =
        Pixmap::new(CARD_WIDTH, CARD_HEIGHT).ok_or_else(|| "no memory for the card".to_string())?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    // The card is opaque: three channels make a smaller file than four.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut out = Cursor::new(Vec::new());
    let result = if jpeg {
        JpegEncoder::new_with_quality(&mut out, 88).write_image(
            &rgb,
            CARD_WIDTH,
            CARD_HEIGHT,
            ExtendedColorType::Rgb8,
        )
    } else {
        PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
            .write_image(&rgb, CARD_WIDTH, CARD_HEIGHT, ExtendedColorType::Rgb8)
    };
    result.map_err(|err| err.to_string())?;
    Ok(out.into_inner())
}
