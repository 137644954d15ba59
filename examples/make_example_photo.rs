//! Renders the example site's large photo, `content/media/images/skatepark-at-dusk.jpg`
//! (3600 × 2025 pixels), from `scripts/example-photo/skatepark-at-dusk.svg`, with a
//! little film grain so it compresses like a photo rather than a flat drawing.
//!
//!     cargo run --release --example make_example_photo

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

const WIDTH: u32 = 3600;
const HEIGHT: u32 = 2025;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let svg = std::fs::read_to_string(root.join("scripts/example-photo/skatepark-at-dusk.svg"))?;
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default())?;
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or("no memory for the picture")?;
    let scale = WIDTH as f32 / tree.size().width();
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // A fixed-seed generator, so the file is the same on every run.
    let mut state: u32 = 0x2545_f491;
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let grain = (state % 13) as i16 - 6;
            [0, 1, 2].map(|c| (i16::from(pixel[c]) + grain).clamp(0, 255) as u8)
        })
        .collect();
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, 86).write_image(
        &rgb,
        WIDTH,
        HEIGHT,
        ExtendedColorType::Rgb8,
    )?;
    let target = root.join("content/media/images/skatepark-at-dusk.jpg");
    std::fs::write(&target, out.into_inner())?;
    println!("wrote {}", target.display());
    Ok(())
}
