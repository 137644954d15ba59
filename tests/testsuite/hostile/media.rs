//! Promise 6 at build level (photos are published without their metadata), and media
//! that would run code in a reader's browser is refused.

use crate::support::hostile::{build_errors, build_ok, files, fixture, story, Site};

// As written by exiftool into tests/fixtures/media (see its README): the GPS IFD pointer
// entry, the latitude 53/1 44/1 1113/25 as big-endian rationals, and other tags.
const GPS_IFD_POINTER: &[u8] = &[0x88, 0x25, 0, 4, 0, 0, 0, 1];
const GPS_LATITUDE: &[u8] = &[
    0, 0, 0, 0x35, 0, 0, 0, 1, 0, 0, 0, 0x2c, 0, 0, 0, 1, 0, 0, 0x04, 0x59, 0, 0, 0, 0x19,
];
const EXIF_APP1: &[u8] = b"Exif\0\0";
const FORBIDDEN: &[(&str, &[u8])] = &[
    ("the GPS IFD pointer", GPS_IFD_POINTER),
    ("the GPS latitude", GPS_LATITUDE),
    ("the camera serial number", b"PPSERIAL4711"),
    ("the photographer's name", b"Jane Worker"),
    ("the place", b"Smith family"),
    ("the date taken", b"2023:05:14"),
    ("an XMP packet", b"<x:xmpmeta"),
    ("IPTC data", b"Photoshop 3.0"),
];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn published_photos_carry_no_gps_or_exif() {
    let site = Site::new();
    let photos = [
        "photo-with-gps.jpg",
        "rotated-with-gps.jpg",
        "progressive.jpg",
        "photo-with-gps.png",
        "photo-with-gps.webp",
        "lossless.webp",
    ];
    for name in photos {
        let bytes = std::fs::read(fixture(&format!("media/{name}"))).unwrap();
        // The fixtures really hold what must go, or this test proves nothing.
        assert!(
            contains(&bytes, b"PPSERIAL4711") || contains(&bytes, GPS_LATITUDE),
            "{name} has no metadata to remove"
        );
        site.write(&format!("content/media/images/{name}"), &bytes);
        // A photo under a name that hides its kind is still a photo to a browser.
        site.write(&format!("content/media/disguised/{name}.bin"), &bytes);
    }
    site.write(
        "content/stories/with-photo.md",
        story(
            "A story with a photo",
            "image: { src: /media/images/photo-with-gps.jpg, alt: A house at dusk, credit: Anytown Council }\n",
        ),
    );
    build_ok(site.root(), &site.output());
    let published = files(&site.output());
    let media: Vec<_> = published
        .iter()
        .filter(|(path, _)| path.starts_with("media/"))
        .collect();
    // Each photo under its own name and as a WebP and a JPEG or PNG copy (the fixtures
    // are smaller than the smallest width, so one of each).
    assert_eq!(
        media.len(),
        photos.len() * 2 * 3,
        "{:?}",
        media.iter().map(|m| &m.0).collect::<Vec<_>>()
    );
    for (path, bytes) in media {
        for (what, needle) in FORBIDDEN {
            assert!(!contains(bytes, needle), "{path} still holds {what}");
        }
        if path.ends_with(".jpg") {
            assert!(
                bytes.starts_with(&[0xff, 0xd8]),
                "{path} is no longer a JPEG"
            );
            // Only a fresh orientation tag may come back, never the camera's block.
            if contains(bytes, EXIF_APP1) {
                assert!(path.contains("rotated"), "{path} has an Exif block");
                assert!(
                    bytes.len() < 6434,
                    "{path} kept more than an orientation tag"
                );
            }
        }
    }
    if which("exiftool") {
        let out = std::process::Command::new("exiftool")
            .args(["-gps:all", "-SerialNumber", "-Artist", "-s"])
            .arg(site.output().join("media/images/photo-with-gps.jpg"))
            .output()
            .unwrap();
        let seen = String::from_utf8_lossy(&out.stdout);
        assert!(seen.trim().is_empty(), "exiftool still sees: {seen}");
    }
}

fn which(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("-ver")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn media_that_would_run_code_is_refused_and_the_old_site_stays() {
    let site = Site::new();
    site.story("stories/a.md", "A story");
    site.write(
        "content/media/drawings/house.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>A house</title><rect width=\"10\" height=\"10\"/></svg>",
    );
    build_ok(site.root(), &site.output());
    let before = files(&site.output());
    assert!(before.iter().any(|(p, _)| p == "media/drawings/house.svg"));

    let hostile = [
        ("content/media/page.html", "<p>hello</p>"),
        ("content/media/docs/notes.HTM", "<p>hello</p>"),
        ("content/media/tracker.js", "alert(1)"),
        ("content/media/feed.xml", "<x/>"),
        ("content/media/upload.php", "<?php system($_GET['c']); ?>"),
        ("content/media/drawings/script.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        ("content/media/drawings/onload.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
        ("content/media/drawings/link.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"&#106;avascript:alert(1)\"><text>x</text></a></svg>"),
        ("content/media/drawings/html.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://e.org\"/></foreignObject></svg>"),
        ("content/media/no-extension", "<!DOCTYPE html><script>alert(1)</script>"),
        ("content/media/transcript.txt", "<html><script>alert(1)</script>"),
    ];
    for (path, text) in hostile {
        site.write(path, text);
    }
    let errors = build_errors(site.root(), &site.output());
    for (path, _) in hostile {
        assert!(
            errors
                .iter()
                .any(|d| d.code == "PP0808" && d.file.to_string_lossy() == path),
            "{path} was not refused:\n{}",
            crate::support::hostile::list(&errors)
        );
    }
    assert_eq!(
        files(&site.output()),
        before,
        "a failed build changed the site"
    );
}
