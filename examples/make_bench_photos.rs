//! Writes COUNT deterministic 4000 × 3000 JPEG "photos" into DIR for
//! `benches/photos.sh`: soft light gradients, a few large shapes with blurred edges,
//! fine texture at several scales and sensor grain, so they compress and encode like
//! phone photos rather than flat colour. Each photo differs (its own seed), so no two
//! share a cache entry.
//!
//!     cargo run --release --example make_bench_photos -- DIR [COUNT]

use std::path::PathBuf;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder};

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: make_bench_photos DIR [COUNT]")?);
    let count: u32 = args.next().map(|c| c.parse()).transpose()?.unwrap_or(200);
    std::fs::create_dir_all(&dir)?;
    for index in 0..count {
        let path = dir.join(format!("photo-{index:03}.jpg"));
        if path.exists() {
            continue;
        }
        let pixels = photo(index);
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        // Phones save at about this quality.
        JpegEncoder::new_with_quality(&mut file, 88).write_image(
            &pixels,
            WIDTH,
            HEIGHT,
            ExtendedColorType::Rgb8,
        )?;
    }
    Ok(())
}

/// A xorshift generator: the same photos on every machine and every run.
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }

    fn unit(&mut self) -> f32 {
        (self.next() % 10_000) as f32 / 10_000.0
    }
}

/// Smooth random values on a grid, blended between grid points: detail at one scale.
struct ValueNoise {
    cell: f32,
    columns: usize,
    values: Vec<f32>,
}

impl ValueNoise {
    fn new(rng: &mut Rng, cell: f32) -> ValueNoise {
        let columns = (WIDTH as f32 / cell) as usize + 2;
        let rows = (HEIGHT as f32 / cell) as usize + 2;
        let values = (0..columns * rows).map(|_| rng.unit() - 0.5).collect();
        ValueNoise {
            cell,
            columns,
            values,
        }
    }

    fn at(&self, x: f32, y: f32) -> f32 {
        let (gx, gy) = (x / self.cell, y / self.cell);
        let (ix, iy) = (gx as usize, gy as usize);
        let (fx, fy) = (gx - ix as f32, gy - iy as f32);
        let (sx, sy) = (fx * fx * (3.0 - 2.0 * fx), fy * fy * (3.0 - 2.0 * fy));
        let v = |cx: usize, cy: usize| self.values[cy * self.columns + cx];
        let top = v(ix, iy) + (v(ix + 1, iy) - v(ix, iy)) * sx;
        let bottom = v(ix, iy + 1) + (v(ix + 1, iy + 1) - v(ix, iy + 1)) * sx;
        top + (bottom - top) * sy
    }
}

fn photo(index: u32) -> Vec<u8> {
    let mut rng = Rng(0x9E37_79B9 ^ (index.wrapping_mul(2_654_435_761) | 1));
    let base = [rng.unit(), rng.unit(), rng.unit()];
    let light = [rng.unit() * WIDTH as f32, rng.unit() * HEIGHT as f32];
    let octaves = [
        (ValueNoise::new(&mut rng, 600.0), 70.0),
        (ValueNoise::new(&mut rng, 90.0), 30.0),
        (ValueNoise::new(&mut rng, 14.0), 14.0),
        (ValueNoise::new(&mut rng, 3.0), 6.0),
    ];
    let shapes: Vec<([f32; 3], f32, f32, f32)> = (0..12)
        .map(|_| {
            (
                [
                    rng.unit() * 120.0 - 60.0,
                    rng.unit() * 120.0 - 60.0,
                    rng.unit() * 120.0 - 60.0,
                ],
                rng.unit() * WIDTH as f32,
                rng.unit() * HEIGHT as f32,
                200.0 + rng.unit() * 700.0,
            )
        })
        .collect();
    let mut pixels = Vec::with_capacity((WIDTH * HEIGHT * 3) as usize);
    for y in 0..HEIGHT {
        for x in 0..WIDTH {
            let (fx, fy) = (x as f32, y as f32);
            let distance = ((fx - light[0]).powi(2) + (fy - light[1]).powi(2)).sqrt();
            let glow = 90.0 * (1.0 - (distance / 5000.0).min(1.0));
            let texture: f32 = octaves.iter().map(|(n, amp)| n.at(fx, fy) * amp).sum();
            let mut tint = [0.0f32; 3];
            for (colour, cx, cy, radius) in &shapes {
                let d = ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt();
                let inside = ((radius - d) / 25.0).clamp(0.0, 1.0);
                for c in 0..3 {
                    tint[c] += colour[c] * inside;
                }
            }
            let grain = (rng.next() % 11) as f32 - 5.0;
            for c in 0..3 {
                let value = 40.0 + base[c] * 110.0 + glow + texture + tint[c] + grain;
                pixels.push(value.clamp(0.0, 255.0) as u8);
            }
        }
    }
    pixels
}
