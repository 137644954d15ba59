//! The media stage against real photos made by exiftool (see tests/fixtures/media/README.md)
//! and against awkward folders built at test time: links out of the site, link loops,
//! odd names, damaged photos, unreadable files.
//!
//! Byte checks always run. Checks that use exiftool (does it still see GPS?) and
//! ImageMagick's `identify` (do the pixels still decode to the same picture?) run when
//! those programs are installed, and print a note when they are not.

use std::path::{Path, PathBuf};
use std::process::Command;

use img_parts::jpeg::Jpeg;
use img_parts::png::Png;
use img_parts::riff::RiffContent;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF, ImageICC};
use practice_press::diagnostic::{Diagnostic, Severity};
use practice_press::media::{collect_media, strip_metadata, ImageKind, MediaCollection};

// The values exiftool wrote into the fixtures (see the README), as they sit in the file:
// big-endian TIFF rationals 53/1 44/1 1113/25 (53.7457° N) and 0/1 20/1 303/25 (0.3367° W).
const GPS_LATITUDE: &[u8] = &[
    0, 0, 0, 0x35, 0, 0, 0, 1, 0, 0, 0, 0x2c, 0, 0, 0, 1, 0, 0, 0x04, 0x59, 0, 0, 0, 0x19,
];
const GPS_LONGITUDE: &[u8] = &[
    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x14, 0, 0, 0, 1, 0, 0, 0x01, 0x2f, 0, 0, 0, 0x19,
];
/// The IFD0 entry pointing to the GPS IFD: tag 0x8825, type LONG, count 1.
const GPS_IFD_POINTER: &[u8] = &[0x88, 0x25, 0, 4, 0, 0, 0, 1];
/// The GPSLatitudeRef entry: tag 1, type ASCII, count 2, "N\0".
const GPS_LATITUDE_REF: &[u8] = &[0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0];
const SERIAL: &[u8] = b"PPSERIAL4711";
/// The identifier of a JPEG's XMP APP1 segment.
const XMP_NAMESPACE: &[u8] = b"http://ns.adobe.com/xap/1.0/";
/// The start of any XMP packet, whatever the container.
const XMP_PACKET: &[u8] = b"<x:xmpmeta";
const IPTC_SIGNATURE: &[u8] = b"Photoshop 3.0";
const EXIF_APP1: &[u8] = b"Exif\0\0";
const DATE_TAKEN: &[u8] = b"2023:05:14 10:22:33";
const AUTHOR: &[u8] = b"Jane Worker";

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/media")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Fails with the name of every needle found, so one run shows all leaks.
fn assert_absent(bytes: &[u8], needles: &[(&str, &[u8])]) {
    let found: Vec<&str> = needles
        .iter()
        .filter(|(_, needle)| contains(bytes, needle))
        .map(|(name, _)| *name)
        .collect();
    assert!(found.is_empty(), "still in the output: {found:?}");
}

/// Guards the fixture: a needle missing from the original would make its absence prove nothing.
fn assert_present(bytes: &[u8], needles: &[(&str, &[u8])]) {
    for (name, needle) in needles {
        assert!(contains(bytes, needle), "fixture lacks {name}");
    }
}

/// Everything after the first SOS segment's header: the entropy-coded scan data to EOI.
fn jpeg_scan_data(bytes: &[u8]) -> &[u8] {
    let mut pos = 2;
    loop {
        assert_eq!(bytes[pos], 0xFF, "expected a marker at {pos}");
        let marker = bytes[pos + 1];
        let length = usize::from(u16::from_be_bytes([bytes[pos + 2], bytes[pos + 3]]));
        pos += 2 + length;
        if marker == 0xDA {
            return &bytes[pos..];
        }
    }
}

/// Writes `bytes` to a temporary file and runs `program args… file`; `None` if the
/// program is not installed.
fn run_tool(program: &str, args: &[&str], bytes: &[u8], extension: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("image.{extension}"));
    std::fs::write(&file, bytes).unwrap();
    let output = Command::new(program).args(args).arg(&file).output().ok()?;
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// exiftool's own view of the cleaned file: no GPS, serial, dates, XMP or IPTC tags.
fn assert_exiftool_sees_no_metadata(bytes: &[u8], extension: &str) {
    let Some(report) = run_tool("exiftool", &["-a", "-G1", "-s", "-n"], bytes, extension) else {
        eprintln!("note: exiftool is not installed; skipping its check (byte checks ran)");
        return;
    };
    for forbidden in [
        "GPS",
        "SerialNumber",
        "DateTimeOriginal",
        "CreateDate",
        "Artist",
        "[XMP",
        "[IPTC",
        "Comment",
        "Make",
    ] {
        assert!(
            !report.contains(forbidden),
            "exiftool still reports {forbidden}:\n{report}"
        );
    }
    assert!(report.contains("ImageWidth"), "exiftool: {report}");
}

/// ImageMagick's pixel signature of both files must match: the pictures decode alike.
fn assert_same_pixels(original: &[u8], stripped: &[u8], extension: &str) {
    let signature = |bytes| run_tool("identify", &["-quiet", "-format", "%#"], bytes, extension);
    let (Some(before), Some(after)) = (signature(original), signature(stripped)) else {
        eprintln!("note: ImageMagick's identify is not installed; skipping the decode check");
        return;
    };
    assert_eq!(before, after, "the cleaned {extension} decodes differently");
}

#[test]
fn jpeg_loses_exif_gps_serial_xmp_iptc_and_comment_but_keeps_pixels_and_colours() {
    let original = fixture("photo-with-gps.jpg");
    let needles: &[(&str, &[u8])] = &[
        ("Exif APP1 marker", EXIF_APP1),
        ("GPS IFD pointer", GPS_IFD_POINTER),
        ("GPS latitude ref", GPS_LATITUDE_REF),
        ("GPS latitude", GPS_LATITUDE),
        ("GPS longitude", GPS_LONGITUDE),
        ("serial number", SERIAL),
        ("date taken", DATE_TAKEN),
        ("XMP namespace", XMP_NAMESPACE),
        ("XMP packet", XMP_PACKET),
        ("IPTC block", IPTC_SIGNATURE),
        ("author", AUTHOR),
        ("comment", b"Smith family home"),
    ];
    assert_present(&original, needles);

    let stripped = strip_metadata(ImageKind::Jpeg, &original).unwrap();
    assert_absent(&stripped, needles);
    assert!(stripped.len() < original.len());

    assert_eq!(jpeg_scan_data(&stripped), jpeg_scan_data(&original));
    let before = Jpeg::from_bytes(Bytes::from(original.clone())).unwrap();
    let after = Jpeg::from_bytes(Bytes::from(stripped.clone())).unwrap();
    assert!(after.icc_profile().is_some());
    assert_eq!(after.icc_profile(), before.icc_profile());
    assert_eq!(after.dimensions(), before.dimensions());
    assert_eq!(after.exif(), None);
    let markers: Vec<u8> = after.segments().iter().map(|s| s.marker()).collect();
    assert_eq!(
        markers,
        [0xE0, 0xE2, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4, 0xDA],
        "JFIF, ICC, tables, frame, scan"
    );

    assert_exiftool_sees_no_metadata(&stripped, "jpg");
    assert_same_pixels(&original, &stripped, "jpg");
}

#[test]
fn sideways_jpeg_keeps_only_a_fresh_orientation_tag() {
    let original = fixture("rotated-with-gps.jpg");
    let needles: &[(&str, &[u8])] = &[
        ("GPS IFD pointer", GPS_IFD_POINTER),
        ("GPS latitude", GPS_LATITUDE),
        ("serial number", SERIAL),
        ("date taken", DATE_TAKEN),
        ("XMP namespace", XMP_NAMESPACE),
    ];
    assert_present(&original, needles);

    let stripped = strip_metadata(ImageKind::Jpeg, &original).unwrap();
    assert_absent(&stripped, needles);
    let after = Jpeg::from_bytes(Bytes::from(stripped.clone())).unwrap();
    // big-endian TIFF header, one IFD with one entry: Orientation (0x0112), SHORT, 6
    let orientation_only: &[u8] = &[
        b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
    ];
    assert_eq!(after.exif().as_deref(), Some(orientation_only));
    assert_eq!(jpeg_scan_data(&stripped), jpeg_scan_data(&original));

    match run_tool("exiftool", &["-a", "-G1", "-s", "-n"], &stripped, "jpg") {
        Some(report) => {
            assert!(
                report.contains("Orientation                     : 6"),
                "{report}"
            );
            assert!(!report.contains("GPS"), "{report}");
            assert!(!report.contains("SerialNumber"), "{report}");
        }
        None => eprintln!("note: exiftool is not installed; skipping its check"),
    }
}

#[test]
fn png_loses_exif_text_and_time_chunks_but_keeps_pixels_and_colours() {
    let original = fixture("photo-with-gps.png");
    let needles: &[(&str, &[u8])] = &[
        ("eXIf chunk", b"eXIf"),
        ("tEXt chunk", b"tEXt"),
        ("iTXt chunk", b"iTXt"),
        ("tIME chunk", b"tIME"),
        ("GPS IFD pointer", GPS_IFD_POINTER),
        ("GPS latitude", GPS_LATITUDE),
        ("serial number", SERIAL),
        ("date taken", DATE_TAKEN),
        ("XMP keyword", b"XML:com.adobe.xmp"),
        ("XMP packet", XMP_PACKET),
        ("author", AUTHOR),
        ("comment", b"Smith family home"),
    ];
    assert_present(&original, needles);

    let stripped = strip_metadata(ImageKind::Png, &original).unwrap();
    assert_absent(&stripped, needles);
    assert_absent(&stripped, &[("zTXt chunk", b"zTXt")]);

    let before = Png::from_bytes(Bytes::from(original.clone())).unwrap();
    let after = Png::from_bytes(Bytes::from(stripped.clone())).unwrap();
    let kinds: Vec<String> = after
        .chunks()
        .iter()
        .map(|c| String::from_utf8_lossy(&c.kind()).into_owned())
        .collect();
    assert_eq!(kinds, ["IHDR", "iCCP", "cHRM", "bKGD", "IDAT", "IEND"]);
    let idat = |png: &Png| -> Vec<Bytes> {
        png.chunks_by_type(*b"IDAT")
            .map(|c| c.contents().clone())
            .collect()
    };
    assert_eq!(idat(&after), idat(&before));
    assert!(after.icc_profile().is_some());
    assert_eq!(after.icc_profile(), before.icc_profile());
    assert_eq!(after.dimensions(), before.dimensions());

    assert_exiftool_sees_no_metadata(&stripped, "png");
    assert_same_pixels(&original, &stripped, "png");
}

#[test]
fn webp_loses_exif_and_xmp_chunks_but_keeps_pixels_and_colours() {
    let original = fixture("photo-with-gps.webp");
    let needles: &[(&str, &[u8])] = &[
        ("EXIF chunk", b"EXIF"),
        ("XMP chunk", b"XMP "),
        ("GPS IFD pointer", GPS_IFD_POINTER),
        ("GPS latitude", GPS_LATITUDE),
        ("serial number", SERIAL),
        ("date taken", DATE_TAKEN),
        ("XMP packet", XMP_PACKET),
        ("author", AUTHOR),
    ];
    assert_present(&original, needles);

    let stripped = strip_metadata(ImageKind::WebP, &original).unwrap();
    assert_absent(&stripped, needles);

    let before = WebP::from_bytes(Bytes::from(original.clone())).unwrap();
    let after = WebP::from_bytes(Bytes::from(stripped.clone())).unwrap();
    let ids: Vec<[u8; 4]> = after.chunks().iter().map(|c| c.id()).collect();
    assert_eq!(ids, [*b"VP8X", *b"ICCP", *b"VP8 "]);
    assert_eq!(after.chunk_by_id(*b"VP8 "), before.chunk_by_id(*b"VP8 "));
    assert_eq!(after.icc_profile(), before.icc_profile());
    assert_eq!(after.dimensions(), before.dimensions());
    assert_eq!(after.exif(), None);
    let Some(RiffContent::Data(vp8x)) = after.chunk_by_id(*b"VP8X").map(|c| c.content()) else {
        panic!("VP8X chunk is not data");
    };
    assert_eq!(vp8x[0], 0b0010_0000, "only the ICC flag stays set");
    assert_eq!(
        u32::from_le_bytes(stripped[4..8].try_into().unwrap()) as usize,
        stripped.len() - 8,
        "RIFF size matches the file"
    );

    assert_exiftool_sees_no_metadata(&stripped, "webp");
    assert_same_pixels(&original, &stripped, "webp");
}

#[test]
fn progressive_jpeg_keeps_every_scan() {
    let original = fixture("progressive.jpg");
    let needles: &[(&str, &[u8])] = &[
        ("Exif APP1 marker", EXIF_APP1),
        ("GPS latitude", GPS_LATITUDE),
        ("serial number", SERIAL),
        ("XMP namespace", XMP_NAMESPACE),
    ];
    assert_present(&original, needles);
    let stripped = strip_metadata(ImageKind::Jpeg, &original).unwrap();
    assert_absent(&stripped, needles);
    // the tail holds every later scan with its tables; all of it must be unchanged
    assert_eq!(jpeg_scan_data(&stripped), jpeg_scan_data(&original));
    assert!(jpeg_scan_data(&stripped)
        .windows(2)
        .any(|w| w == [0xFF, 0xDA]));
    assert_exiftool_sees_no_metadata(&stripped, "jpg");
    assert_same_pixels(&original, &stripped, "jpg");
}

#[test]
fn anything_after_the_end_of_a_jpeg_is_dropped() {
    // multi-picture files and some phones put whole extra images (with their own EXIF
    // and GPS) or videos after the end-of-image marker
    let photo = fixture("photo-with-gps.jpg");
    let with_extra = [&photo[..], &photo[..]].concat();
    let stripped = strip_metadata(ImageKind::Jpeg, &with_extra).unwrap();
    assert_eq!(stripped, strip_metadata(ImageKind::Jpeg, &photo).unwrap());
    assert_absent(
        &stripped,
        &[("serial number", SERIAL), ("GPS", GPS_LATITUDE)],
    );
}

#[test]
fn lossless_webp_without_colour_profile_becomes_simple_webp() {
    let original = fixture("lossless.webp");
    let needles: &[(&str, &[u8])] = &[
        ("EXIF chunk", b"EXIF"),
        ("XMP chunk", b"XMP "),
        ("GPS latitude", GPS_LATITUDE),
        ("serial number", SERIAL),
    ];
    assert_present(&original, needles);
    let stripped = strip_metadata(ImageKind::WebP, &original).unwrap();
    assert_absent(&stripped, needles);
    let before = WebP::from_bytes(Bytes::from(original.clone())).unwrap();
    let after = WebP::from_bytes(Bytes::from(stripped.clone())).unwrap();
    let ids: Vec<[u8; 4]> = after.chunks().iter().map(|c| c.id()).collect();
    assert_eq!(ids, [*b"VP8L"], "nothing left needs the extended format");
    assert_eq!(after.chunk_by_id(*b"VP8L"), before.chunk_by_id(*b"VP8L"));
    assert_eq!(after.dimensions(), before.dimensions());
    assert_exiftool_sees_no_metadata(&stripped, "webp");
    assert_same_pixels(&original, &stripped, "webp");
}

#[test]
fn png_and_webp_keep_only_a_fresh_orientation_tag() {
    // the sideways JPEG's whole EXIF block (orientation 6, GPS, serial) moved into a PNG
    // and a WebP, as phone apps that export PNG or WebP do
    let rotated = Jpeg::from_bytes(Bytes::from(fixture("rotated-with-gps.jpg"))).unwrap();
    let exif = rotated.exif().unwrap();
    let orientation_only: &[u8] = &[
        b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
    ];
    let leaks: &[(&str, &[u8])] = &[("serial number", SERIAL), ("GPS", GPS_LATITUDE)];

    let mut png = Png::from_bytes(Bytes::from(fixture("photo-with-gps.png"))).unwrap();
    png.set_exif(Some(exif.clone()));
    let stripped = strip_metadata(ImageKind::Png, &png.encoder().bytes()).unwrap();
    assert_absent(&stripped, leaks);
    let after = Png::from_bytes(Bytes::from(stripped)).unwrap();
    assert_eq!(after.exif().as_deref(), Some(orientation_only));

    let mut webp = WebP::from_bytes(Bytes::from(fixture("lossless.webp"))).unwrap();
    webp.set_exif(Some(exif));
    let stripped = strip_metadata(ImageKind::WebP, &webp.encoder().bytes()).unwrap();
    assert_absent(&stripped, leaks);
    let after = WebP::from_bytes(Bytes::from(stripped)).unwrap();
    assert_eq!(after.exif().as_deref(), Some(orientation_only));
    let Some(RiffContent::Data(vp8x)) = after.chunk_by_id(*b"VP8X").map(|c| c.content()) else {
        panic!("an EXIF chunk needs the extended format");
    };
    assert_eq!(
        vp8x[0] & 0b0000_1100,
        0b0000_1000,
        "EXIF flag set, XMP flag clear"
    );
}

#[test]
fn damaged_and_mislabelled_photos_are_refused() {
    let jpeg = fixture("photo-with-gps.jpg");
    for (kind, bytes) in [
        (ImageKind::Jpeg, b"this is a text file".to_vec()),
        (ImageKind::Jpeg, jpeg[..40].to_vec()),
        (ImageKind::Png, jpeg.clone()),
        (ImageKind::WebP, Vec::new()),
    ] {
        assert!(strip_metadata(kind, &bytes).is_err(), "{kind}");
    }
    // a flipped byte inside a PNG chunk breaks its checksum
    let mut png = fixture("photo-with-gps.png");
    png[40] ^= 0xFF;
    assert!(strip_metadata(ImageKind::Png, &png).is_err());
}

#[test]
fn kinds_come_from_extensions_in_any_case() {
    assert_eq!(
        ImageKind::from_path(Path::new("a/Zoë's photo 1.JPG")),
        Some(ImageKind::Jpeg)
    );
    assert_eq!(
        ImageKind::from_path(Path::new("b.JpEg")),
        Some(ImageKind::Jpeg)
    );
    assert_eq!(
        ImageKind::from_path(Path::new("c.PNG")),
        Some(ImageKind::Png)
    );
    assert_eq!(
        ImageKind::from_path(Path::new("d.webp")),
        Some(ImageKind::WebP)
    );
    for other in ["e.svg", "f.mp3", "g.m4a", "h.ogg", "i.pdf", "jpg"] {
        assert_eq!(ImageKind::from_path(Path::new(other)), None, "{other}");
    }
}

// ---- collect_media on folders built at test time ----

/// A site folder with `media/` inside, and a folder beside it that is outside the site.
struct Scene {
    _dir: tempfile::TempDir,
    site: PathBuf,
    media: PathBuf,
    outside: PathBuf,
}

impl Scene {
    fn new() -> Scene {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let media = site.join("media");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(media.join("images")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        Scene {
            _dir: dir,
            site,
            media,
            outside,
        }
    }

    fn write(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.site.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn collect(&self) -> MediaCollection {
        collect_media(&self.site, Path::new("media"))
    }
}

fn paths(collection: &MediaCollection) -> Vec<&str> {
    collection
        .files
        .iter()
        .map(|f| f.site_path.as_str())
        .collect()
}

fn find<'a>(collection: &'a MediaCollection, code: &str, file: &str) -> &'a Diagnostic {
    collection
        .diagnostics
        .iter()
        .find(|d| d.code == code && d.file == Path::new(file))
        .unwrap_or_else(|| panic!("no {code} for {file} in {:#?}", collection.diagnostics))
}

fn assert_plain_english(diagnostic: &Diagnostic) {
    assert!(diagnostic.file.is_relative(), "{diagnostic}");
    assert!(diagnostic.hint.is_some(), "{diagnostic}");
    assert!(!diagnostic.message.contains("Os {"), "{diagnostic}");
}

#[test]
fn ordinary_files_are_collected_sorted_with_photos_cleaned() {
    let scene = Scene::new();
    let photo = fixture("photo-with-gps.jpg");
    scene.write("media/images/Zoë's photo 1.jpg", &photo);
    scene.write("media/images/b.PNG", &fixture("photo-with-gps.png"));
    scene.write("media/voice notes/nomination.mp3", b"ID3 not really audio");
    scene.write(
        "media/logo.svg",
        b"<svg><metadata>Jane</metadata><rect/></svg>",
    );
    // a phone photo saved without an extension still shows in browsers
    scene.write("media/images/IMG_1234", &photo);
    scene.write("media/.DS_Store", b"finder clutter");
    scene.write("media/images/._b.PNG", b"macOS resource fork");
    scene.write("media/images/Thumbs.db", b"windows thumbnails");

    let collection = scene.collect();
    assert!(
        collection.diagnostics.is_empty(),
        "{:#?}",
        collection.diagnostics
    );
    assert_eq!(
        paths(&collection),
        [
            "media/images/IMG_1234",
            "media/images/Zoë's photo 1.jpg",
            "media/images/b.PNG",
            "media/logo.svg",
            "media/voice notes/nomination.mp3",
        ]
    );
    for file in &collection.files {
        assert_absent(
            &file.bytes().unwrap(),
            &[("serial number", SERIAL), ("GPS latitude", GPS_LATITUDE)],
        );
    }
    let by_path = |p: &str| {
        collection
            .files
            .iter()
            .find(|f| f.site_path == p)
            .unwrap()
            .bytes()
            .unwrap()
            .into_owned()
    };
    assert_eq!(
        by_path("media/images/Zoë's photo 1.jpg"),
        strip_metadata(ImageKind::Jpeg, &photo).unwrap()
    );
    assert_eq!(
        by_path("media/voice notes/nomination.mp3"),
        b"ID3 not really audio"
    );
    assert_eq!(by_path("media/logo.svg"), b"<svg><rect/></svg>");
}

#[test]
fn missing_media_folder_is_not_a_problem() {
    let scene = Scene::new();
    let collection = collect_media(&scene.site, Path::new("no-such-folder"));
    assert!(collection.files.is_empty());
    assert!(collection.diagnostics.is_empty());
}

#[test]
fn media_folders_that_are_not_folders_or_are_outside_the_site_are_refused() {
    let scene = Scene::new();
    scene.write("assets", b"a file where a folder should be");
    std::fs::write(scene.outside.join("x.mp3"), b"x").unwrap();
    let collection = collect_media(&scene.site, Path::new("assets"));
    assert!(collection.files.is_empty());
    assert_plain_english(find(&collection, "PP0807", "assets"));

    let collection = collect_media(&scene.site, Path::new("../outside"));
    assert!(collection.files.is_empty());
    let warning = find(&collection, "PP0801", "../outside");
    assert!(
        warning
            .message
            .contains(&scene.outside.canonicalize().unwrap().display().to_string()),
        "{warning}"
    );
}

#[test]
fn media_folder_given_in_full_gets_site_relative_paths() {
    let scene = Scene::new();
    scene.write("media/a.mp3", b"a");
    let collection = collect_media(&scene.site, &scene.media);
    assert_eq!(paths(&collection), ["media/a.mp3"]);
    // a site that keeps its media at the top level
    let collection = collect_media(&scene.media, Path::new("."));
    assert_eq!(paths(&collection), ["a.mp3"]);
}

#[test]
fn damaged_and_mislabelled_photos_are_reported_and_not_published() {
    let scene = Scene::new();
    scene.write("media/broken.jpg", b"this is not a photo at all");
    let mut cut = fixture("photo-with-gps.jpg");
    cut.truncate(300);
    scene.write("media/cut short.jpg", &cut);
    scene.write("media/really a png.jpg", &fixture("photo-with-gps.png"));
    scene.write("media/fine.jpg", &fixture("photo-with-gps.jpg"));

    let collection = scene.collect();
    assert_eq!(paths(&collection), ["media/fine.jpg"]);
    for file in ["media/broken.jpg", "media/cut short.jpg"] {
        let diagnostic = find(&collection, "PP0805", file);
        assert_eq!(diagnostic.severity, Severity::Error);
        assert!(
            diagnostic
                .message
                .starts_with("this image file is damaged or is not really a JPEG"),
            "{diagnostic}"
        );
        assert_plain_english(diagnostic);
    }
    let mislabelled = find(&collection, "PP0805", "media/really a png.jpg");
    assert!(
        mislabelled.hint.as_deref().unwrap().contains(".png"),
        "{mislabelled}"
    );
}

#[test]
fn photo_formats_that_cannot_be_cleaned_are_refused() {
    let scene = Scene::new();
    scene.write("media/IMG_0001.HEIC", b"....ftypheic");
    scene.write("media/scan.tiff", b"II*\0");
    let collection = scene.collect();
    assert!(collection.files.is_empty());
    for file in ["media/IMG_0001.HEIC", "media/scan.tiff"] {
        let diagnostic = find(&collection, "PP0806", file);
        assert!(diagnostic.is_error());
        assert_plain_english(diagnostic);
    }
}

#[cfg(unix)]
mod unix {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{symlink, PermissionsExt};

    use super::*;

    #[test]
    fn link_to_a_file_outside_the_site_is_not_followed() {
        let scene = Scene::new();
        let secret = scene.outside.join("case notes.jpg");
        std::fs::write(&secret, fixture("photo-with-gps.jpg")).unwrap();
        symlink(&secret, scene.media.join("images/leak.jpg")).unwrap();
        symlink(&scene.outside, scene.media.join("outside folder")).unwrap();
        symlink(
            "../../outside/case notes.jpg",
            scene.media.join("relative.jpg"),
        )
        .unwrap();
        scene.write("media/images/ok.jpg", &fixture("photo-with-gps.jpg"));

        let collection = scene.collect();
        assert_eq!(paths(&collection), ["media/images/ok.jpg"]);
        for link in [
            "media/images/leak.jpg",
            "media/outside folder",
            "media/relative.jpg",
        ] {
            let warning = find(&collection, "PP0801", link);
            assert_eq!(warning.severity, Severity::Warning);
            assert!(warning.message.contains(link), "{warning}");
            assert!(warning.message.contains("outside"), "{warning}");
            assert_plain_english(warning);
        }
        let leak = find(&collection, "PP0801", "media/images/leak.jpg");
        assert!(
            leak.message
                .contains(&secret.canonicalize().unwrap().display().to_string()),
            "names where it points: {leak}"
        );
    }

    #[test]
    fn links_inside_the_site_are_followed() {
        let scene = Scene::new();
        scene.write("shared/logo.png", &fixture("photo-with-gps.png"));
        scene.write("shared/more/a.mp3", b"a");
        symlink(
            scene.site.join("shared/logo.png"),
            scene.media.join("logo.png"),
        )
        .unwrap();
        symlink("../shared/more", scene.media.join("more")).unwrap();

        let collection = scene.collect();
        assert!(
            collection.diagnostics.is_empty(),
            "{:#?}",
            collection.diagnostics
        );
        assert_eq!(paths(&collection), ["media/logo.png", "media/more/a.mp3"]);
        assert_absent(&collection.files[0].bytes().unwrap(), &[("serial", SERIAL)]);
    }

    #[test]
    fn link_loops_and_broken_links_end_the_walk_cleanly() {
        let scene = Scene::new();
        scene.write("media/images/a.mp3", b"a");
        // a folder link back to its own parent, a two-link cycle, and a dead link
        symlink("..", scene.media.join("images/up")).unwrap();
        symlink("loop-b", scene.media.join("loop-a")).unwrap();
        symlink("loop-a", scene.media.join("loop-b")).unwrap();
        symlink("gone.jpg", scene.media.join("dead.jpg")).unwrap();
        // a link out to a folder elsewhere in the site whose link leads back in
        std::fs::create_dir_all(scene.site.join("elsewhere")).unwrap();
        symlink("../elsewhere", scene.media.join("away")).unwrap();
        symlink("../media", scene.site.join("elsewhere/back")).unwrap();

        let collection = scene.collect();
        assert_eq!(paths(&collection), ["media/images/a.mp3"]);
        for link in [
            "media/images/up",
            "media/loop-a",
            "media/loop-b",
            "media/dead.jpg",
            "media/away/back",
        ] {
            let warning = find(&collection, "PP0802", link);
            assert_eq!(warning.severity, Severity::Warning);
            assert_plain_english(warning);
        }
        assert!(find(&collection, "PP0802", "media/dead.jpg")
            .message
            .contains("does not exist"));
        assert_eq!(
            collection.diagnostics.len(),
            5,
            "{:#?}",
            collection.diagnostics
        );
    }

    #[test]
    fn media_folder_that_is_a_link_out_of_the_site_is_refused() {
        let scene = Scene::new();
        std::fs::write(scene.outside.join("x.mp3"), b"x").unwrap();
        std::fs::remove_dir_all(&scene.media).unwrap();
        symlink(&scene.outside, &scene.media).unwrap();
        let collection = scene.collect();
        assert!(collection.files.is_empty());
        find(&collection, "PP0801", "media");
    }

    #[test]
    fn names_that_are_not_utf8_are_reported_not_panicked_on() {
        let scene = Scene::new();
        let bad_file = scene.media.join(OsStr::from_bytes(b"photo \xff.jpg"));
        let bad_folder = scene.media.join(OsStr::from_bytes(b"folder \xfe"));
        if std::fs::write(&bad_file, b"x").is_err() {
            eprintln!("note: this file system refuses non-UTF-8 names; nothing to test");
            return;
        }
        std::fs::create_dir(&bad_folder).unwrap();
        std::fs::write(bad_folder.join("inside.mp3"), b"x").unwrap();
        scene.write("media/good.mp3", b"g");

        let collection = scene.collect();
        assert_eq!(paths(&collection), ["media/good.mp3"]);
        let errors: Vec<&Diagnostic> = collection
            .diagnostics
            .iter()
            .filter(|d| d.code == "PP0803")
            .collect();
        assert_eq!(errors.len(), 2, "{:#?}", collection.diagnostics);
        for error in errors {
            assert!(error.is_error());
            assert!(error.message.contains('\u{FFFD}'), "{error}");
            assert!(error.file.starts_with("media"), "{error}");
            assert_plain_english(error);
        }
    }

    #[test]
    fn unreadable_files_are_reported() {
        let scene = Scene::new();
        let locked = scene.write("media/locked.jpg", &fixture("photo-with-gps.jpg"));
        let locked_folder = scene.media.join("locked folder");
        std::fs::create_dir(&locked_folder).unwrap();
        std::fs::write(locked_folder.join("inside.mp3"), b"x").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::set_permissions(&locked_folder, std::fs::Permissions::from_mode(0o000)).unwrap();
        let collection = scene.collect();
        let can_still_read = std::fs::read(&locked).is_ok();
        // put permissions back so the temporary folder can be deleted
        std::fs::set_permissions(&locked_folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        if can_still_read {
            eprintln!(
                "note: running with rights that ignore file permissions (root); \
                 the permission-denied check cannot be made here"
            );
            return;
        }
        assert!(!paths(&collection).contains(&"media/locked.jpg"));
        for (file, what) in [
            ("media/locked.jpg", "file"),
            ("media/locked folder", "folder"),
        ] {
            let error = find(&collection, "PP0804", file);
            assert!(error.is_error());
            assert!(error.message.contains(what), "{error}");
            assert!(error.message.contains("not allowed to read"), "{error}");
            assert_plain_english(error);
        }
    }

    #[test]
    fn pipes_are_skipped_without_blocking() {
        let scene = Scene::new();
        let fifo = scene.media.join("pipe.mp3");
        match Command::new("mkfifo").arg(&fifo).status() {
            Ok(status) if status.success() => {}
            _ => {
                eprintln!("note: mkfifo is not available; skipping");
                return;
            }
        }
        let collection = scene.collect();
        assert!(collection.files.is_empty());
        let warning = find(&collection, "PP0807", "media/pipe.mp3");
        assert_plain_english(warning);
    }
}

// ---- nothing a user's file contains may crash the build ----

mod never_panics {
    use proptest::prelude::*;

    use super::*;
    use practice_press::media::strip_svg_metadata;

    /// Each fixture, damaged at one place and cut at another.
    fn damaged_fixture() -> impl Strategy<Value = (ImageKind, Vec<u8>)> {
        let fixtures = [
            (ImageKind::Jpeg, "photo-with-gps.jpg"),
            (ImageKind::Jpeg, "progressive.jpg"),
            (ImageKind::Png, "photo-with-gps.png"),
            (ImageKind::WebP, "photo-with-gps.webp"),
            (ImageKind::WebP, "lossless.webp"),
        ];
        (
            0..fixtures.len(),
            any::<usize>(),
            any::<u8>(),
            any::<usize>(),
        )
            .prop_map(move |(which, at, byte, cut)| {
                let (kind, name) = fixtures[which];
                let mut bytes = fixture(name);
                let at = at % bytes.len();
                bytes[at] = byte;
                bytes.truncate(cut % (bytes.len() + 1));
                (kind, bytes)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn damaged_photos((kind, bytes) in damaged_fixture()) {
            if let Ok(clean) = strip_metadata(kind, &bytes) {
                prop_assert!(!contains(&clean, SERIAL));
            }
        }

        #[test]
        fn random_bytes(kind in prop_oneof![Just(ImageKind::Jpeg), Just(ImageKind::Png), Just(ImageKind::WebP)],
                        bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = strip_metadata(kind, &bytes);
        }

        #[test]
        fn random_svg(text in "[<>!?/\\[\\]\"'= a-z:-]{0,120}") {
            let _ = strip_svg_metadata(text.as_bytes());
        }
    }
}

// ---------------------------------------------------------------------------------
// Responsive photos, read back from a built site: every width and format, none
// enlarged, sized and lazy in the HTML, upright, without metadata, and cached.
// ---------------------------------------------------------------------------------

mod responsive {
    use std::io::Cursor;
    use std::path::Path;

    use img_parts::jpeg::Jpeg;
    use img_parts::{Bytes, ImageEXIF};
    use jiff::Timestamp;
    use practice_press::build::{build_to_disk, BuildError, BuildOptions, BuildReport};
    use practice_press::diagnostic::Diagnostic;
    use practice_press::render::NoProgress;
    use practice_press::resolve::PublishOptions;
    use scraper::{Html, Selector};

    const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build/basic");
    const STORY: &str = "content/stories/supervision-that-helps.md";

    struct Site {
        dir: tempfile::TempDir,
    }

    impl Site {
        fn new() -> Site {
            let dir = tempfile::tempdir().expect("temp dir");
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

        fn try_build(&self) -> Result<BuildReport, BuildError> {
            let options = BuildOptions {
                site_root: self.root().to_path_buf(),
                publish: PublishOptions {
                    now: "2026-03-01T12:00:00Z".parse::<Timestamp>().expect("time"),
                    include_drafts: false,
                },
                deny_warnings: false,
                search: false,
            };
            build_to_disk(&options, &self.root().join("public"), &NoProgress)
        }

        fn build(&self) -> BuildReport {
            match self.try_build() {
                Ok(report) => report,
                Err(BuildError::Content(problems)) => panic!("build failed: {problems:#?}"),
                Err(err) => panic!("build failed: {err}"),
            }
        }

        fn problems(&self) -> Vec<Diagnostic> {
            match self.try_build() {
                Err(BuildError::Content(problems)) => problems,
                Ok(_) => panic!("the build should have failed"),
                Err(err) => panic!("unexpected failure: {err}"),
            }
        }

        fn write(&self, relative: &str, bytes: &[u8]) {
            let path = self.root().join(relative);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }

        fn edit(&self, relative: &str, from: &str, to: &str) {
            let path = self.root().join(relative);
            let text = std::fs::read_to_string(&path).expect("read");
            assert!(text.contains(from), "{relative} has no {from:?}");
            std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        }

        fn published(&self, relative: &str) -> Option<Vec<u8>> {
            std::fs::read(self.root().join("public").join(relative)).ok()
        }

        fn read(&self, relative: &str) -> Vec<u8> {
            self.published(relative)
                .unwrap_or_else(|| panic!("{relative} was not published"))
        }

        fn page(&self, relative: &str) -> Html {
            Html::parse_document(&String::from_utf8(self.read(relative)).expect("utf-8"))
        }

        /// Gives the "Supervision that helps" story `src` as its image, and `body` after
        /// its text.
        fn story_with(&self, src: &str, body: &str) {
            self.edit(
                STORY,
                "consent:",
                &format!(
                    "image: {{ src: {src}, alt: A test photo, credit: Fixture Council }}\nconsent:"
                ),
            );
            self.edit(
                STORY,
                "room to think.",
                &format!("room to think.\n\n{body}\n"),
            );
        }
    }

    /// A photo-like JPEG: gradients with grain, so it encodes like a photo.
    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            let grain = ((x * 7919 + y * 104_729) % 23) as u8;
            image::Rgb([
                (x * 200 / width) as u8 + grain,
                (y * 200 / height) as u8 + grain,
                120 + grain,
            ])
        });
        let mut out = Cursor::new(Vec::new());
        image
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .expect("encode");
        out.into_inner()
    }

    /// A PNG with transparency: an opaque square on a clear background.
    fn png_with_alpha(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_fn(width, height, |x, y| {
            let inside = x > width / 4 && x < width * 3 / 4 && y > height / 4 && y < height * 3 / 4;
            image::Rgba([200, 40, 40, if inside { 255 } else { 0 }])
        });
        let mut out = Cursor::new(Vec::new());
        image
            .write_to(&mut out, image::ImageFormat::Png)
            .expect("encode");
        out.into_inner()
    }

    fn decoded(bytes: &[u8]) -> (image::ImageFormat, image::DynamicImage) {
        let reader = image::ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .expect("format");
        let format = reader.format().expect("a known format");
        (format, reader.decode().expect("decodes"))
    }

    fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
        html.select(&Selector::parse(css).expect("selector"))
            .collect()
    }

    /// The addresses of a srcset, below the site root.
    fn srcset_paths(srcset: &str) -> Vec<(String, u32)> {
        srcset
            .split(',')
            .map(|candidate| {
                let mut parts = candidate.split_whitespace();
                let url = parts.next().expect("url");
                let width = parts
                    .next()
                    .and_then(|w| w.strip_suffix('w'))
                    .and_then(|w| w.parse().ok())
                    .expect("a width descriptor");
                (url.trim_start_matches('/').to_string(), width)
            })
            .collect()
    }

    #[test]
    fn a_photo_is_published_in_every_width_and_format_and_never_enlarged() {
        let site = Site::new();
        site.write("content/media/harbour.jpg", &jpeg(2000, 1500));
        site.write("content/media/badge.png", &png_with_alpha(600, 300));
        site.story_with("/media/harbour.jpg", "![A badge](/media/badge.png)");
        site.build();

        for width in [480, 800, 1200, 1600] {
            let height = width * 3 / 4;
            let (format, webp) = decoded(&site.read(&format!("media/harbour-{width}w.webp")));
            assert_eq!(format, image::ImageFormat::WebP);
            assert_eq!((webp.width(), webp.height()), (width, height));
            let (format, jpeg) = decoded(&site.read(&format!("media/harbour-{width}w.jpg")));
            assert_eq!(format, image::ImageFormat::Jpeg);
            assert_eq!((jpeg.width(), jpeg.height()), (width, height));
        }
        assert_eq!(site.published("media/harbour-2000w.jpg"), None);
        // The original is not published: its address holds the largest copy.
        let (_, own) = decoded(&site.read("media/harbour.jpg"));
        assert_eq!((own.width(), own.height()), (1600, 1200));

        // 600 pixels wide: 480 and its own width, never 800.
        for width in [480, 600] {
            let (format, png) = decoded(&site.read(&format!("media/badge-png-{width}w.png")));
            assert_eq!(format, image::ImageFormat::Png);
            assert_eq!(png.width(), width);
            assert!(
                png.color().has_alpha(),
                "the PNG copy keeps its transparency"
            );
            let (format, webp) = decoded(&site.read(&format!("media/badge-png-{width}w.webp")));
            assert_eq!(format, image::ImageFormat::WebP);
            assert!(
                webp.color().has_alpha(),
                "the WebP copy keeps its transparency"
            );
        }
        assert_eq!(site.published("media/badge-png-800w.png"), None);
    }

    #[test]
    fn every_img_is_sized_with_srcset_and_only_the_first_loads_at_once() {
        let site = Site::new();
        site.write("content/media/harbour.jpg", &jpeg(2000, 1500));
        site.write("content/media/quay.jpg", &jpeg(900, 1200));
        site.story_with(
            "/media/harbour.jpg",
            "![The quay](/media/quay.jpg \"At low tide\")\n\nAnd the harbour again: ![Harbour](/media/harbour.jpg)",
        );
        // An entry whose first picture is in its body.
        site.edit(
            "content/stories/kitchen-table.md",
            "We sat at the kitchen table",
            "![The quay at noon](/media/quay.jpg)\n\nWe sat at the kitchen table",
        );
        site.build();

        let page = site.page("stories/supervision-that-helps/index.html");
        let images = select(&page, "main img");
        assert_eq!(images.len(), 3, "the entry's image and two in the body");
        for (index, img) in images.iter().enumerate() {
            let attr = |name: &str| img.value().attr(name);
            let (width, height) = (
                attr("width").expect("width"),
                attr("height").expect("height"),
            );
            assert!(width.parse::<u32>().is_ok() && height.parse::<u32>().is_ok());
            assert_eq!(attr("decoding"), Some("async"));
            let srcset = attr("srcset").expect("srcset");
            assert!(attr("sizes").is_some_and(|s| !s.is_empty()));
            for (path, _) in srcset_paths(srcset) {
                assert!(
                    site.published(&path).is_some(),
                    "{path} is in a srcset but not published"
                );
            }
            let src = attr("src").expect("src").trim_start_matches('/');
            assert!(site.published(src).is_some(), "{src} is not published");
            if index == 0 {
                assert_eq!(attr("loading"), None, "the first image loads at once");
            } else {
                assert_eq!(attr("loading"), Some("lazy"));
            }
        }
        let quay = images[1].value();
        assert_eq!(
            (quay.attr("width"), quay.attr("height")),
            (Some("900"), Some("1200"))
        );
        assert_eq!(quay.attr("alt"), Some("The quay"));
        assert_eq!(quay.attr("title"), Some("At low tide"));
        assert_eq!(
            srcset_paths(quay.attr("srcset").expect("srcset")),
            [
                ("media/quay-480w.jpg".to_string(), 480),
                ("media/quay-800w.jpg".to_string(), 800),
                ("media/quay-900w.jpg".to_string(), 900),
            ]
        );
        let sources = select(&page, "main picture > source");
        assert_eq!(sources.len(), 3);
        for source in sources {
            assert_eq!(source.value().attr("type"), Some("image/webp"));
            for (path, _) in srcset_paths(source.value().attr("srcset").expect("srcset")) {
                assert!(path.ends_with(".webp"), "{path}");
                assert!(site.published(&path).is_some(), "{path} is not published");
            }
        }

        let kitchen = site.page("stories/kitchen-table/index.html");
        let images = select(&kitchen, "main img");
        // The entry's own image is an SVG drawing: sized, not lazy, no srcset.
        let drawing = images[0].value();
        assert_eq!(drawing.attr("src"), Some("/media/tea.svg"));
        assert!(drawing.attr("width").is_some() && drawing.attr("height").is_some());
        assert_eq!(drawing.attr("loading"), None);
        assert_eq!(images[1].value().attr("loading"), Some("lazy"));
    }

    #[test]
    fn the_first_body_image_of_an_entry_without_its_own_image_is_not_lazy() {
        let site = Site::new();
        site.write("content/media/quay.jpg", &jpeg(900, 600));
        site.edit(
            STORY,
            "room to think.",
            "room to think.\n\n![One](/media/quay.jpg)\n\n![Two](/media/quay.jpg)\n",
        );
        site.build();
        let page = site.page("stories/supervision-that-helps/index.html");
        let loading: Vec<Option<&str>> = select(&page, "main img")
            .iter()
            .map(|img| img.value().attr("loading"))
            .collect();
        assert_eq!(loading, [None, Some("lazy")]);
    }

    /// Every metadata block a camera or editor writes, in any container.
    fn assert_no_metadata(path: &str, bytes: &[u8]) {
        for (name, needle) in [
            ("Exif", super::EXIF_APP1),
            ("GPS latitude", super::GPS_LATITUDE),
            ("GPS longitude", super::GPS_LONGITUDE),
            ("camera serial", super::SERIAL),
            ("XMP", super::XMP_PACKET),
            ("IPTC", super::IPTC_SIGNATURE),
            ("date taken", super::DATE_TAKEN),
            ("author", super::AUTHOR),
            ("WebP EXIF chunk", b"EXIF".as_slice()),
            ("WebP XMP chunk", b"XMP ".as_slice()),
            ("PNG text", b"tEXt".as_slice()),
            ("PNG international text", b"iTXt".as_slice()),
            ("PNG compressed text", b"zTXt".as_slice()),
            ("PNG time", b"tIME".as_slice()),
            ("PNG EXIF", b"eXIf".as_slice()),
        ] {
            assert!(!super::contains(bytes, needle), "{path} still holds {name}");
        }
        if path.ends_with(".jpg") {
            let jpeg = Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).expect("a JPEG");
            assert!(jpeg.exif().is_none(), "{path} has an EXIF block");
        }
    }

    #[test]
    fn no_published_copy_holds_any_metadata() {
        let site = Site::new();
        // Three photos of one name in three formats: their copies' names differ too.
        for name in [
            "photo-with-gps.jpg",
            "photo-with-gps.png",
            "photo-with-gps.webp",
            "rotated-with-gps.jpg",
        ] {
            site.write(&format!("content/media/{name}"), &super::fixture(name));
        }
        site.story_with("/media/photo-with-gps.jpg", "");
        site.build();
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(site.root().join("public/media")) {
            let entry = entry.expect("walk");
            if !entry.file_type().is_file() || entry.path().extension().is_some_and(|e| e == "svg")
            {
                continue;
            }
            let path = entry.path().display().to_string();
            assert_no_metadata(&path, &std::fs::read(entry.path()).expect("read"));
            checked += 1;
        }
        // four photos, each under its own name and in two formats at its widths
        assert!(checked >= 4 * 3, "only {checked} files checked");
    }

    /// A JPEG 400 × 200, red on the left and blue on the right, with only an EXIF
    /// Orientation tag saying "turn 90° clockwise to show" (6).
    fn sideways_jpeg() -> Vec<u8> {
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
        let mut jpeg = Jpeg::from_bytes(Bytes::from(out.into_inner())).expect("jpeg");
        let mut exif = b"MM\0\x2A\0\0\0\x08\0\x01".to_vec();
        exif.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
        jpeg.set_exif(Some(Bytes::from(exif)));
        jpeg.encoder().bytes().to_vec()
    }

    #[test]
    fn copies_are_turned_upright_and_carry_no_orientation_tag() {
        let site = Site::new();
        site.write("content/media/sideways.jpg", &sideways_jpeg());
        site.story_with("/media/sideways.jpg", "");
        site.build();
        for path in [
            "media/sideways-200w.jpg",
            "media/sideways-200w.webp",
            "media/sideways.jpg",
        ] {
            let bytes = site.read(path);
            let (_, image) = decoded(&bytes);
            assert_eq!(
                (image.width(), image.height()),
                (200, 400),
                "{path} is upright"
            );
            let image = image.into_rgb8();
            let top = image.get_pixel(100, 50);
            let bottom = image.get_pixel(100, 350);
            // Turned clockwise, the left (red) half is at the top.
            assert!(top[0] > 150 && top[2] < 100, "{path}: top is {top:?}");
            assert!(
                bottom[2] > 150 && bottom[0] < 100,
                "{path}: bottom is {bottom:?}"
            );
            assert!(
                !super::contains(&bytes, super::EXIF_APP1),
                "{path} has EXIF"
            );
        }
        let page = site.page("stories/supervision-that-helps/index.html");
        let img = select(&page, ".entry-image img")[0].value();
        assert_eq!(
            (img.attr("width"), img.attr("height")),
            (Some("200"), Some("400"))
        );
    }

    #[test]
    fn a_rebuild_encodes_only_what_changed_and_the_cache_can_be_deleted() {
        let site = Site::new();
        site.write("content/media/harbour.jpg", &jpeg(1000, 750));
        site.write("content/media/quay.jpg", &jpeg(700, 500));
        let first = site.build().pictures;
        assert_eq!((first.encoded, first.from_cache), (2, 0));
        let published = site.read("media/harbour-800w.webp");

        let again = site.build().pictures;
        assert_eq!((again.encoded, again.from_cache), (0, 2));
        assert_eq!(site.read("media/harbour-800w.webp"), published);

        // A changed photo is encoded again, the other comes from the cache.
        site.write("content/media/quay.jpg", &jpeg(720, 500));
        let changed = site.build().pictures;
        assert_eq!((changed.encoded, changed.from_cache), (1, 1));
        assert!(site.published("media/quay-720w.jpg").is_some());

        // Other settings: every photo again.
        let yaml = site.root().join("site.yaml");
        let settings = std::fs::read_to_string(&yaml).expect("read");
        std::fs::write(&yaml, format!("{settings}images: {{ quality: 70 }}\n")).expect("write");
        let requality = site.build().pictures;
        assert_eq!((requality.encoded, requality.from_cache), (2, 0));
        assert_ne!(site.read("media/harbour-800w.webp"), published);

        // The cache deleted: the build still works and makes everything again.
        std::fs::remove_dir_all(site.root().join(".practice-press-cache")).expect("delete");
        let fresh = site.build().pictures;
        assert_eq!((fresh.encoded, fresh.from_cache), (2, 0));
        assert!(site.published("media/harbour-800w.webp").is_some());
    }

    fn assert_refused(problems: &[Diagnostic], file: &str, says: &str) {
        let problem = problems
            .iter()
            .find(|d| d.file.to_string_lossy() == file)
            .unwrap_or_else(|| panic!("no problem for {file}: {problems:#?}"));
        assert_eq!(problem.code, "PP0805", "{problem}");
        assert!(problem.message.contains(says), "{problem}");
        assert!(problem.hint.is_some(), "{problem}");
    }

    /// A tiny PNG whose header says `width` × `height`, with a correct checksum.
    fn png_declaring(width: u32, height: u32) -> Vec<u8> {
        let mut png = png_with_alpha(8, 8);
        png[16..20].copy_from_slice(&width.to_be_bytes());
        png[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        png
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn bombs_huge_and_cut_short_photos_are_refused_with_their_file() {
        let site = Site::new();
        // 100 megapixels declared in a file of a few hundred bytes.
        site.write("content/media/bomb.png", &png_declaring(10_000, 10_000));
        let mut cut = jpeg(800, 600);
        cut.truncate(cut.len() / 2);
        site.write("content/media/cut.jpg", &cut);
        let problems = site.problems();
        assert_refused(&problems, "content/media/bomb.png", "100 megapixels");
        assert_refused(&problems, "content/media/cut.jpg", "cut short");
        assert!(
            !site.root().join("public").exists(),
            "nothing was published"
        );

        // Found when its pixels are decoded: a header claiming 3000 × 3000 over 8 × 8
        // pixels of data. (Decoding waits for a site with no other errors.)
        std::fs::remove_file(site.root().join("content/media/bomb.png")).expect("remove");
        std::fs::remove_file(site.root().join("content/media/cut.jpg")).expect("remove");
        site.write("content/media/mismatch.png", &png_declaring(3000, 3000));
        let problems = site.problems();
        assert_refused(
            &problems,
            "content/media/mismatch.png",
            "its pixels cannot be read",
        );
        assert!(
            !site.root().join("public").exists(),
            "nothing was published"
        );
    }

    #[test]
    fn the_original_is_published_only_when_site_yaml_asks() {
        let site = Site::new();
        site.write(
            "content/media/harbour.jpg",
            &super::fixture("photo-with-gps.jpg"),
        );
        let original = site.root().join("content/media/harbour.jpg");
        let (_, source) = decoded(&std::fs::read(&original).expect("read"));
        let yaml = site.root().join("site.yaml");
        let settings = std::fs::read_to_string(&yaml).expect("read");
        std::fs::write(
            &yaml,
            format!("{settings}images:\n  publish_original: true\n"),
        )
        .expect("write");
        site.build();
        let own = site.read("media/harbour.jpg");
        let (_, published) = decoded(&own);
        assert_eq!(
            (published.width(), published.height()),
            (source.width(), source.height())
        );
        assert_no_metadata("media/harbour.jpg", &own);
    }

    #[test]
    fn a_copy_named_like_another_file_is_refused() {
        let site = Site::new();
        site.write("content/media/harbour.jpg", &jpeg(1000, 750));
        site.write("content/media/harbour-480w.jpg", &jpeg(480, 360));
        let problems = site.problems();
        let clash = problems
            .iter()
            .find(|d| d.code == "PP0811")
            .unwrap_or_else(|| panic!("{problems:#?}"));
        assert_eq!(clash.file.to_string_lossy(), "content/media/harbour.jpg");
        assert!(clash.message.contains("media/harbour-480w.jpg"), "{clash}");
    }

    /// Photos the media stage took as unchanged from the manifest, without reading.
    fn unchanged_photos(site: &Site) -> usize {
        practice_press::media::collect_media_cached(site.root(), Path::new("content/media"))
            .unchanged
    }

    /// A photo changed less than two seconds ago is read again on every build until it
    /// has settled (see `media/manifest.rs`): the tests wait that long.
    fn let_settle() {
        std::thread::sleep(std::time::Duration::from_millis(2100));
    }

    #[test]
    fn a_warm_build_reads_no_unchanged_photo_and_reads_a_changed_one_again() {
        let site = Site::new();
        site.write("content/media/harbour.jpg", &jpeg(1000, 750));
        site.write("content/media/quay.jpg", &jpeg(700, 500));
        site.story_with("/media/harbour.jpg", "![The quay](/media/quay.jpg)");
        let_settle();
        let first = site.build().pictures;
        assert_eq!((first.encoded, first.from_cache), (2, 0));
        let harbour = site.read("media/harbour-800w.webp");
        let page = site.read("stories/supervision-that-helps/index.html");
        let card = site.read("stories/supervision-that-helps/card.jpg");

        // Nothing changed: neither photo is read, and the site is the same.
        assert_eq!(unchanged_photos(&site), 2);
        let warm = site.build().pictures;
        assert_eq!((warm.encoded, warm.from_cache), (0, 2));
        assert_eq!(site.read("media/harbour-800w.webp"), harbour);
        assert_eq!(site.read("stories/supervision-that-helps/index.html"), page);
        assert_eq!(site.read("stories/supervision-that-helps/card.jpg"), card);

        // New bytes: read, encoded and published again.
        let mut redrawn = image::load_from_memory(&jpeg(1000, 750)).expect("decode");
        image::imageops::invert(&mut redrawn);
        let mut inverted = std::io::Cursor::new(Vec::new());
        redrawn
            .write_to(&mut inverted, image::ImageFormat::Jpeg)
            .expect("encode");
        site.write("content/media/harbour.jpg", &inverted.into_inner());
        assert_eq!(unchanged_photos(&site), 1, "only the quay is unchanged");
        let rebuilt = site.build().pictures;
        assert_eq!((rebuilt.encoded, rebuilt.from_cache), (1, 1));
        assert_ne!(site.read("media/harbour-800w.webp"), harbour);
        assert_ne!(site.read("stories/supervision-that-helps/card.jpg"), card);

        // An unchanged photo is still read when its original is to be published.
        let_settle();
        site.build();
        assert_eq!(unchanged_photos(&site), 2);
        let yaml = site.root().join("site.yaml");
        let settings = std::fs::read_to_string(&yaml).expect("read");
        std::fs::write(
            &yaml,
            format!("{settings}images: {{ publish_original: true }}\n"),
        )
        .expect("write");
        site.build();
        let (_, own) = decoded(&site.read("media/quay.jpg"));
        assert_eq!((own.width(), own.height()), (700, 500));

        // The cache deleted: everything is read and made again, and still works.
        std::fs::remove_dir_all(site.root().join(".practice-press-cache")).expect("delete");
        let fresh = site.build().pictures;
        assert_eq!((fresh.encoded, fresh.from_cache), (2, 0));
        assert_eq!(site.read("stories/supervision-that-helps/index.html"), page);
    }

    #[test]
    fn an_unchanged_bad_photo_is_reported_on_every_build() {
        let site = Site::new();
        let mut cut = jpeg(800, 600);
        cut.truncate(cut.len() / 2);
        site.write("content/media/cut.jpg", &cut);
        let_settle();
        let first = site.problems();
        assert_refused(&first, "content/media/cut.jpg", "cut short");
        let manifest = site
            .root()
            .join(".practice-press-cache/images/manifest.json");
        let remembered = std::fs::read_to_string(&manifest).expect("a manifest");
        assert!(remembered.contains("PP0805"), "{remembered}");
        let again = site.problems();
        let message = |problems: &[Diagnostic]| {
            problems
                .iter()
                .find(|d| d.code == "PP0805")
                .map(|d| (d.file.clone(), d.message.clone(), d.hint.clone()))
        };
        assert_eq!(message(&again), message(&first));
    }

    #[test]
    fn an_img_written_as_html_gets_the_same_picture_as_markdown() {
        let site = Site::new();
        site.write("content/media/harbour.jpg", &jpeg(2000, 1500));
        site.write("content/media/quay.jpg", &jpeg(900, 1200));
        site.story_with(
            "/media/harbour.jpg",
            "<figure>\n<img src=\"/media/quay.jpg\"\n     alt=\"The quay &amp; the boats\" class=\"wide\">\n<figcaption>Low tide</figcaption>\n</figure>\n\nAnd inline: <IMG SRC='/media/harbour.jpg' alt=Harbour> here.",
        );
        site.build();
        let page = site.page("stories/supervision-that-helps/index.html");
        let figure = select(
            &page,
            "main figure picture > img[alt=\"The quay & the boats\"]",
        );
        assert_eq!(figure.len(), 1, "the figure's img is a picture");
        let quay = figure[0].value();
        assert_eq!(quay.attr("alt"), Some("The quay & the boats"));
        assert_eq!(
            (quay.attr("width"), quay.attr("height")),
            (Some("900"), Some("1200"))
        );
        assert_eq!(quay.attr("loading"), Some("lazy"));
        assert_eq!(quay.attr("decoding"), Some("async"));
        assert_eq!(
            srcset_paths(quay.attr("srcset").expect("srcset")),
            [
                ("media/quay-480w.jpg".to_string(), 480),
                ("media/quay-800w.jpg".to_string(), 800),
                ("media/quay-900w.jpg".to_string(), 900),
            ]
        );
        let sources = select(&page, "main picture > source[type=\"image/webp\"]");
        assert_eq!(
            sources.len(),
            3,
            "the entry's image, the figure's and the inline one"
        );
        let inline = select(&page, "main p picture > img[alt=\"Harbour\"]");
        assert_eq!(inline.len(), 1, "the inline img is a picture");
        assert_eq!(inline[0].value().attr("width"), Some("1600"));
        for img in select(&page, "main img") {
            let src = img.value().attr("src").expect("src");
            assert!(
                src.contains("-") && src.ends_with("w.jpg"),
                "{src} is a copy"
            );
        }
    }

    #[test]
    fn bad_image_settings_are_located_in_site_yaml() {
        let site = Site::new();
        let yaml = site.root().join("site.yaml");
        let settings = std::fs::read_to_string(&yaml).expect("read");
        let line = settings.lines().count() + 2;
        std::fs::write(
            &yaml,
            format!("{settings}images:\n  widths: []\n  quality: 0\n"),
        )
        .expect("write");
        let problems = site.problems();
        let widths = problems
            .iter()
            .find(|d| d.message.contains("widths"))
            .expect("widths");
        assert_eq!((widths.code, widths.line), ("PP0008", line));
        let quality = problems
            .iter()
            .find(|d| d.message.contains("quality"))
            .expect("quality");
        assert_eq!(quality.line, line + 1);
    }
}
