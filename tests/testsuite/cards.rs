//! Social cards, read back from a built site: exactly 1200 × 630, cropped from the
//! entry's photo (upright, around its focus) or generated from public text only, and
//! cached so a rebuild draws only what changed.

use std::io::Cursor;
use std::path::Path;

use img_parts::jpeg::Jpeg;
use img_parts::{Bytes, ImageEXIF};
use jiff::Timestamp;
use practice_press::build::{build_to_disk, BuildError, BuildOptions, BuildReport};
use practice_press::media::card::generated_card_source;
use practice_press::render::NoProgress;
use practice_press::resolve::PublishOptions;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build/basic");
/// Every anonymous name in the fixture.
const ANONYMOUS: &[&str] = &[
    "Eberhardt Quillfeather",
    "Philippa Vandersloot",
    "Octavian Brightwater",
];

struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        // A cache left in the fixture by a test that built it in place would hide the
        // drawing these tests count.
        for entry in walkdir::WalkDir::new(FIXTURE)
            .into_iter()
            .filter_entry(|e| e.file_name() != ".practice-press-cache")
            .filter_map(Result::ok)
        {
            let target = dir
                .path()
                .join(entry.path().strip_prefix(FIXTURE).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
        Site { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn options(&self) -> BuildOptions {
        BuildOptions {
            site_root: self.root().to_path_buf(),
            publish: PublishOptions {
                now: "2026-03-01T12:00:00Z".parse::<Timestamp>().expect("time"),
                include_drafts: false,
            },
            deny_warnings: false,
            search: false,
        }
    }

    fn try_build(&self) -> Result<BuildReport, BuildError> {
        build_to_disk(&self.options(), &self.root().join("public"), &NoProgress)
    }

    fn build(&self) -> BuildReport {
        match self.try_build() {
            Ok(report) => report,
            Err(BuildError::Content(problems)) => panic!("build failed: {problems:#?}"),
            Err(err) => panic!("build failed: {err}"),
        }
    }

    fn read(&self, relative: &str) -> Vec<u8> {
        std::fs::read(self.root().join("public").join(relative))
            .unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.root().join(relative);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{relative} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }

    /// Gives the fixture's "Supervision that helps" story a photo.
    fn give_supervision_a_photo(&self, photo: &[u8], focus: Option<&str>) {
        std::fs::write(self.root().join("content/media/photo.jpg"), photo).expect("photo");
        let focus = focus
            .map(|f| format!(", focus: \"{f}\""))
            .unwrap_or_default();
        self.edit(
            "content/stories/supervision-that-helps.md",
            "consent:",
            &format!("image: {{ src: /media/photo.jpg, alt: A test photo, credit: Fixture Council{focus} }}\nconsent:"),
        );
    }
}

fn decode(bytes: &[u8]) -> image::RgbImage {
    image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .expect("format")
        .decode()
        .expect("decodes")
        .into_rgb8()
}

fn meta(html: &str, key: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse(&format!("meta[property=\"{key}\"], meta[name=\"{key}\"]"))
            .expect("selector");
    document
        .select(&selector)
        .next()
        .and_then(|m| m.value().attr("content").map(str::to_string))
}

/// A JPEG stored 400 × 200, red on the left half and blue on the right, with EXIF
/// Orientation `orientation` (6: turn 90° clockwise to show it).
fn red_blue_jpeg(orientation: Option<u16>) -> Vec<u8> {
    let image = image::RgbImage::from_fn(400, 200, |x, _| {
        if x < 200 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode");
    let Some(orientation) = orientation else {
        return out.into_inner();
    };
    let mut jpeg = Jpeg::from_bytes(Bytes::from(out.into_inner())).expect("jpeg");
    // Big-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT, 1 value.
    let [high, low] = orientation.to_be_bytes();
    let exif = vec![
        b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, high, low, 0, 0, 0, 0,
        0, 0,
    ];
    jpeg.set_exif(Some(Bytes::from(exif)));
    jpeg.encoder().bytes().to_vec()
}

fn is_red(pixel: &image::Rgb<u8>) -> bool {
    pixel[0] > 150 && pixel[2] < 90
}

fn is_blue(pixel: &image::Rgb<u8>) -> bool {
    pixel[2] > 150 && pixel[0] < 90
}

#[test]
fn every_entry_has_a_card_of_exactly_1200_by_630_in_its_preview_tags() {
    let site = Site::new();
    let report = site.build();
    assert_eq!(report.cards.made, 3);
    for (page, card) in [
        ("stories/kitchen-table/", "stories/kitchen-table/card.png"),
        (
            "stories/supervision-that-helps/",
            "stories/supervision-that-helps/card.png",
        ),
        (
            "nominations/calm-duty-manager/",
            "nominations/calm-duty-manager/card.png",
        ),
    ] {
        let bytes = site.read(card);
        assert!(bytes.starts_with(b"\x89PNG"), "{card}");
        let image = decode(&bytes);
        assert_eq!(image.dimensions(), (1200, 630), "{card}");
        let html = String::from_utf8(site.read(&format!("{page}index.html"))).expect("utf-8");
        assert_eq!(
            meta(&html, "og:image").as_deref(),
            Some(format!("https://stories.fixture.example/{card}").as_str())
        );
        assert_eq!(meta(&html, "og:image:width").as_deref(), Some("1200"));
        assert_eq!(meta(&html, "og:image:height").as_deref(), Some("630"));
        assert_eq!(meta(&html, "og:image:type").as_deref(), Some("image/png"));
        assert_eq!(
            meta(&html, "twitter:card").as_deref(),
            Some("summary_large_image")
        );
        assert!(meta(&html, "og:image:alt").is_some_and(|alt| !alt.is_empty()));
    }
}

#[test]
fn generated_cards_are_drawn_from_public_text_without_anonymous_names() {
    let site = Site::new();
    site.build();
    let checked = practice_press::build::check(&site.options());
    let published = checked.site.expect("a site");
    assert_eq!(published.entries.len(), 3);
    for entry in &published.entries {
        let source = generated_card_source(&published, entry);
        for name in ANONYMOUS {
            assert!(!source.contains(name), "{name} in {}", entry.title);
            for part in name.split(' ') {
                assert!(!source.contains(part), "{part} in {}", entry.title);
            }
        }
        assert!(source.contains("Fixture practice stories"));
    }
    let nomination = published
        .entries
        .iter()
        .find(|e| e.slug == "calm-duty-manager")
        .expect("the nomination");
    let source = generated_card_source(&published, nomination);
    assert!(
        source.contains(">My Brilliant Colleague · 15 January 2026</text>"),
        "{source}"
    );
    assert!(source.contains(">Northmoor Council</text>"));
}

#[test]
fn welsh_titles_are_drawn_and_long_ones_wrapped() {
    let site = Site::new();
    site.edit(
        "content/stories/supervision-that-helps.md",
        "title: Supervision that helps",
        "title: \"Goruchwyliaeth yn Nhŷ Gŵyn: sut y rhoddodd goruchwyliaeth grŵp le i feddwl i dîm blinedig ar ôl blwyddyn anodd\"",
    );
    site.build();
    let checked = practice_press::build::check(&site.options());
    let published = checked.site.expect("a site");
    let entry = published
        .entries
        .iter()
        .find(|e| e.slug == "supervision-that-helps")
        .expect("the story");
    let source = generated_card_source(&published, entry);
    assert!(source.contains("Nhŷ Gŵyn"), "{source}");
    // The longest title validation allows fits whole, over several lines.
    assert!(source.matches("<tspan").count() >= 3, "{source}");
    assert!(!source.contains('…'), "{source}");
    let image = decode(&site.read("stories/supervision-that-helps/card.png"));
    assert_eq!(image.dimensions(), (1200, 630));
}

#[test]
fn a_photo_card_is_the_photo_upright_and_cropped_around_its_focus() {
    let site = Site::new();
    site.give_supervision_a_photo(&red_blue_jpeg(Some(6)), Some("top"));
    site.build();
    let html =
        String::from_utf8(site.read("stories/supervision-that-helps/index.html")).expect("utf-8");
    assert_eq!(
        meta(&html, "og:image").as_deref(),
        Some("https://stories.fixture.example/stories/supervision-that-helps/card.jpg")
    );
    assert_eq!(meta(&html, "og:image:type").as_deref(), Some("image/jpeg"));
    assert_eq!(meta(&html, "og:image:alt").as_deref(), Some("A test photo"));
    let card_bytes = site.read("stories/supervision-that-helps/card.jpg");
    let card = decode(&card_bytes);
    assert_eq!(card.dimensions(), (1200, 630));
    // Turned upright, the photo is red above blue; the top of it is all red.
    for (x, y) in [(10, 10), (600, 315), (1190, 620)] {
        assert!(
            is_red(card.get_pixel(x, y)),
            "{x},{y}: {:?}",
            card.get_pixel(x, y)
        );
    }
    // Re-encoded: no EXIF (not even the orientation) and no other metadata block.
    let jpeg = Jpeg::from_bytes(Bytes::from(card_bytes)).expect("jpeg");
    assert_eq!(jpeg.exif(), None);
    for segment in jpeg.segments() {
        assert!(
            !(0xE1..=0xEF).contains(&segment.marker()),
            "APP{} segment in the card",
            segment.marker() - 0xE0
        );
    }

    site.edit(
        "content/stories/supervision-that-helps.md",
        "focus: \"top\"",
        "focus: \"bottom\"",
    );
    site.build();
    let card = decode(&site.read("stories/supervision-that-helps/card.jpg"));
    for (x, y) in [(10, 10), (600, 315), (1190, 620)] {
        assert!(
            is_blue(card.get_pixel(x, y)),
            "{x},{y}: {:?}",
            card.get_pixel(x, y)
        );
    }
}

#[test]
fn the_cache_is_reused_invalidated_and_can_be_deleted() {
    let site = Site::new();
    site.give_supervision_a_photo(&red_blue_jpeg(None), None);
    let first = site.build();
    assert_eq!((first.cards.made, first.cards.from_cache), (3, 0));
    let card = site.read("stories/kitchen-table/card.png");

    let second = site.build();
    assert_eq!((second.cards.made, second.cards.from_cache), (0, 3));
    assert_eq!(site.read("stories/kitchen-table/card.png"), card);

    // A new title redraws that card only; a new focus re-crops that photo only.
    site.edit(
        "content/stories/kitchen-table.md",
        "title: Kinship care at the kitchen table",
        "title: Kinship care around the kitchen table",
    );
    let third = site.build();
    assert_eq!((third.cards.made, third.cards.from_cache), (1, 2));
    assert_ne!(site.read("stories/kitchen-table/card.png"), card);
    site.edit(
        "content/stories/supervision-that-helps.md",
        "credit: Fixture Council",
        "credit: Fixture Council, focus: left",
    );
    let fourth = site.build();
    assert_eq!((fourth.cards.made, fourth.cards.from_cache), (1, 2));
    // So does a new photo under the same name.
    std::fs::write(
        site.root().join("content/media/photo.jpg"),
        red_blue_jpeg(Some(6)),
    )
    .expect("photo");
    let fifth = site.build();
    assert_eq!((fifth.cards.made, fifth.cards.from_cache), (1, 2));

    std::fs::remove_dir_all(site.root().join(".practice-press-cache")).expect("delete");
    let sixth = site.build();
    assert_eq!((sixth.cards.made, sixth.cards.from_cache), (3, 0));
}

/// A PNG whose header says 100,000 × 100,000 pixels, with a few kilobytes of
/// compressed zeros behind it: 10 gigapixels if a decoder believed it.
fn decompression_bomb() -> Vec<u8> {
    use std::io::Write;
    let chunk = png_chunk;
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&100_000u32.to_be_bytes());
    header.extend_from_slice(&100_000u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    let mut zeros = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    zeros
        .write_all(&vec![0u8; 4 * 1024 * 1024])
        .expect("compress");
    chunk(&mut png, b"IDAT", &zeros.finish().expect("compress"));
    chunk(&mut png, b"IEND", &[]);
    png
}

#[test]
fn a_decompression_bomb_is_refused_with_the_file_named() {
    let site = Site::new();
    let bomb = decompression_bomb();
    assert!(bomb.len() < 64 * 1024, "{} bytes", bomb.len());
    std::fs::write(site.root().join("content/media/huge.png"), &bomb).expect("write");
    let Err(BuildError::Content(problems)) = site.try_build() else {
        panic!("the build should refuse the photo");
    };
    let problem = problems
        .iter()
        .find(|p| p.code == "PP0805")
        .unwrap_or_else(|| panic!("no PP0805 in {problems:#?}"));
    assert_eq!(problem.file, Path::new("content/media/huge.png"));
    assert!(
        problem.message.contains("100000 × 100000 pixels"),
        "{}",
        problem.message
    );
    assert!(problem.message.contains("50 megapixels"));
}

/// A PNG whose header says 400 × 400 pixels but whose pixel data holds 200 rows.
fn png_shorter_than_its_header() -> Vec<u8> {
    use std::io::Write;
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&400u32.to_be_bytes());
    header.extend_from_slice(&400u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    png_chunk(&mut png, b"IHDR", &header);
    let mut rows = Vec::new();
    for _ in 0..200 {
        rows.push(0u8);
        rows.extend(std::iter::repeat_n([200u8, 40, 40], 400).flatten());
    }
    let mut data = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    data.write_all(&rows).expect("compress");
    png_chunk(&mut png, b"IDAT", &data.finish().expect("compress"));
    png_chunk(&mut png, b"IEND", &[]);
    png
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
}

#[test]
fn a_photo_whose_pixels_do_not_match_its_header_is_refused_with_the_file_named() {
    let site = Site::new();
    std::fs::write(
        site.root().join("content/media/short.png"),
        png_shorter_than_its_header(),
    )
    .expect("photo");
    site.edit(
        "content/stories/supervision-that-helps.md",
        "consent:",
        "image: { src: /media/short.png, alt: A test photo, credit: Fixture Council }\nconsent:",
    );
    let Err(BuildError::Content(problems)) = site.try_build() else {
        panic!("the build should refuse the photo");
    };
    let problem = problems
        .iter()
        .find(|p| p.code == "PP0805")
        .unwrap_or_else(|| panic!("no PP0805 in {problems:#?}"));
    assert_eq!(problem.file, Path::new("content/media/short.png"));
    assert!(
        problem.message.contains("“Supervision that helps”"),
        "{}",
        problem.message
    );
}
