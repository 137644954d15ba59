//! Removing hidden details (metadata) from JPEG, PNG and WebP photos before they are
//! published, without decoding or re-encoding a single pixel.
//!
//! A phone photo of a family's front room can carry the GPS position of their home,
//! the time it was taken, the camera's serial number and the name of whoever edited
//! it. None of that is visible on the page, so none of it may reach the site.
//!
//! Every format is cleaned with an allow-list, not a block-list: only the parts a
//! browser needs to draw the picture are kept, and anything unknown is dropped. A new
//! metadata block invented by some camera maker next year is therefore removed too.
//!
//! What is kept, per format, and why:
//!
//! * **All formats**: the ICC colour profile (it describes the display colours, not the
//!   people; removing it shifts the colours of wide-gamut phone photos), and the
//!   orientation (see below).
//! * **JPEG**: the frame headers, Huffman, quantisation and arithmetic-coding tables,
//!   restart interval and scan data, each checked to have exactly the shape the standard
//!   gives it, as libjpeg checks (so a metadata block under a corrupted marker byte
//!   cannot slip through as a "table"); the JFIF header with its embedded thumbnail
//!   removed (a thumbnail can show the uncropped original); the Adobe colour transform
//!   marker (needed to decode CMYK files correctly). Dropped: EXIF (GPS, serial numbers,
//!   dates, EXIF thumbnail), XMP and extended XMP, IPTC/Photoshop (APP13), comments
//!   (COM), every other APPn block (maker notes, MPF, FlashPix, JUMBF/C2PA…), the
//!   JPG/JPGn extension blocks browsers skip, and anything after the end-of-image
//!   marker: that is where multi-picture files keep their extra images, which carry EXIF
//!   of their own, and where some phones append a video or a depth map. The scan data up
//!   to and including the end-of-image marker is copied byte for byte.
//! * **PNG**: the critical chunks (IHDR, PLTE, IDAT, IEND, and any unknown critical
//!   chunk, which a decoder cannot skip), colour and transparency chunks (tRNS, gAMA,
//!   cHRM, sRGB, iCCP, sBIT, cICP, mDCV, cLLI), bKGD, hIST, pHYs, sPLT and the APNG
//!   animation chunks. Dropped: tEXt, zTXt, iTXt (which also holds XMP), eXIf, tIME
//!   (a date) and every other ancillary chunk.
//! * **WebP**: VP8X, VP8, VP8L, ALPH, ANIM, ANMF and ICCP. Dropped: EXIF, XMP and
//!   unknown chunks. The VP8X flags are updated to match, and VP8X itself is removed
//!   when nothing left needs the extended format.
//!
//! Orientation: phones often store a photo sideways and record "turn 90°" in the EXIF
//! Orientation tag, which browsers honour. When that tag says anything other than
//! "upright" (1), a new EXIF block is written that holds only the Orientation tag,
//! built from scratch (`media/orientation.rs`), so the photo still shows the right way
//! up and nothing else from the original EXIF survives. An upright photo gets no EXIF
//! block at all.

use std::fmt;
use std::path::Path;

use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

use super::orientation::{orientation_only_exif, read_orientation};

/// A photo format whose metadata [`strip_metadata`] can remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// A JPEG photo.
    Jpeg,
    /// A PNG picture.
    Png,
    /// A WebP picture.
    WebP,
}

impl ImageKind {
    /// The kind a file name promises by its extension (`jpg`, `jpeg`, `png`, `webp`, in
    /// any case), or `None` for every other file.
    pub fn from_path(path: &Path) -> Option<ImageKind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "jpg" | "jpeg" => Some(ImageKind::Jpeg),
            "png" => Some(ImageKind::Png),
            "webp" => Some(ImageKind::WebP),
            _ => None,
        }
    }

    /// The kind the file's first bytes show it to be, whatever its name says.
    ///
    /// Browsers go by these bytes, not by the name, so a photo saved as `photo.jfif` or
    /// with no extension at all still shows, with its GPS position, unless it is
    /// recognised here and cleaned.
    pub(crate) fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageKind::WebP)
        } else {
            None
        }
    }

    /// The format's everyday name, as a user would say it: "JPEG", "PNG", "WebP".
    pub(crate) fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::WebP => "WebP",
        }
    }

    /// The usual file extension, without the dot.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
            ImageKind::WebP => "webp",
        }
    }
}

impl fmt::Display for ImageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a photo could not be cleaned. The photo must then not be published at all,
/// since its only other form is the original, metadata and all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripError {
    /// The bytes are not the promised format; `found` is what they really are, if known.
    #[error("the file is not a {expected} image{}", found.map(|k| format!(" (it is really a {k})")).unwrap_or_default())]
    WrongFormat {
        /// The format the file was said to be.
        expected: ImageKind,
        /// What the bytes really are, if recognised.
        found: Option<ImageKind>,
    },
    /// The file starts like the format but its structure is broken or cut short.
    #[error("the {kind} image is damaged: {reason}")]
    Damaged {
        /// The format the file was taken to be.
        kind: ImageKind,
        /// What is wrong with it, in plain words.
        reason: &'static str,
    },
}

/// Returns `bytes` with every metadata block removed, keeping the pixels byte for byte,
/// the ICC colour profile and the orientation (see the module documentation).
///
/// # Errors
///
/// [`StripError`] when the bytes are not a readable image of `kind`; the caller must
/// then not publish the file.
pub fn strip_metadata(kind: ImageKind, bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    if ImageKind::sniff(bytes) != Some(kind) {
        return Err(StripError::WrongFormat {
            expected: kind,
            found: ImageKind::sniff(bytes),
        });
    }
    let owned = Bytes::copy_from_slice(bytes);
    match kind {
        ImageKind::Jpeg => strip_jpeg(owned),
        ImageKind::Png => strip_png(owned),
        ImageKind::WebP => strip_webp(owned),
    }
}

fn damaged(kind: ImageKind, err: img_parts::Error) -> StripError {
    let reason = match err {
        img_parts::Error::WrongSignature => "its first bytes are not those of the format",
        img_parts::Error::BadCRC => "a checksum inside the file does not match its contents",
        img_parts::Error::Truncated => "the file is cut short",
    };
    StripError::Damaged { kind, reason }
}

const JFIF_PREFIX: &[u8] = b"JFIF\0";
/// "JFIF\0", version (2), density units (1), X and Y density (2 + 2).
const JFIF_LEN_WITHOUT_THUMBNAIL: usize = 12;
const ICC_PREFIX: &[u8] = b"ICC_PROFILE\0";
const ADOBE_PREFIX: &[u8] = b"Adobe";
/// "Adobe", version (2), flags0 (2), flags1 (2), colour transform (1).
const ADOBE_LEN: usize = 12;

fn strip_jpeg(bytes: Bytes) -> Result<Vec<u8>, StripError> {
    let kind = ImageKind::Jpeg;
    let jpeg = Jpeg::from_bytes(bytes).map_err(|err| damaged(kind, err))?;
    let orientation = jpeg.exif().and_then(|exif| read_orientation(&exif));

    let mut kept = Vec::with_capacity(jpeg.segments().len());
    let mut has_scan = false;
    for segment in jpeg.segments() {
        let marker = segment.marker();
        let contents = segment.contents();
        match marker {
            markers::SOS => {
                has_scan = true;
                let tail = clean_jpeg_tail(&segment_entropy(segment))
                    .map_err(|reason| StripError::Damaged { kind, reason })?;
                kept.push(JpegSegment::new_with_entropy(
                    marker,
                    contents.clone(),
                    Bytes::from(tail),
                ));
            }
            markers::APP0 if contents.starts_with(JFIF_PREFIX) => {
                // the header without its thumbnail: the thumbnail size bytes become 0x0
                if let Some(header) = contents.get(..JFIF_LEN_WITHOUT_THUMBNAIL) {
                    let mut jfif = header.to_vec();
                    jfif.extend_from_slice(&[0, 0]);
                    kept.push(JpegSegment::new_with_contents(marker, Bytes::from(jfif)));
                }
            }
            markers::APP2 if contents.starts_with(ICC_PREFIX) => kept.push(segment.clone()),
            markers::APP14 if contents.starts_with(ADOBE_PREFIX) => {
                if let Some(adobe) = contents.get(..ADOBE_LEN) {
                    kept.push(JpegSegment::new_with_contents(
                        marker,
                        Bytes::copy_from_slice(adobe),
                    ));
                }
            }
            _ => match decoding_segment(marker, contents) {
                Decoding::Valid => kept.push(segment.clone()),
                Decoding::Malformed => {
                    return Err(StripError::Damaged {
                        kind,
                        reason: "a block needed to draw the picture is malformed",
                    })
                }
                Decoding::NotNeeded => {}
            },
        }
    }
    if !has_scan {
        return Err(StripError::Damaged {
            kind,
            reason: "it holds no picture data",
        });
    }

    let mut clean = Jpeg::from_bytes(Bytes::from_static(&[0xFF, 0xD8, 0xFF, 0xD9]))
        .map_err(|err| damaged(kind, err))?;
    *clean.segments_mut() = kept;
    if let Some(orientation) = orientation {
        clean.set_exif(Some(Bytes::from(orientation_only_exif(orientation))));
    }
    Ok(clean.encoder().bytes().to_vec())
}

/// The bytes img-parts holds after a segment's contents: for the first SOS segment,
/// the rest of the file.
fn segment_entropy(segment: &JpegSegment) -> Bytes {
    let encoded = segment.clone().encoder().bytes();
    encoded.slice(segment.len().min(encoded.len())..)
}

/// Everything after the first scan header that a decoder needs: scan data, and the
/// tables and scan headers between the scans of a progressive JPEG, up to and including
/// the end-of-image marker. Metadata segments between scans and everything after the
/// end-of-image marker are dropped.
///
/// A file without an end-of-image marker was cut short (a copy or upload stopped
/// midway): decoders fill the missing part with grey, so it is refused rather than
/// published with half a picture. So is a segment whose stated length runs past the
/// end of the file.
fn clean_jpeg_tail(tail: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(tail.len());
    // start of the bytes not yet copied to `out`
    let mut pending = 0;
    let mut pos = 0;
    while pos < tail.len() {
        if tail[pos] != markers::P {
            pos += 1;
            continue;
        }
        let mut marker_pos = pos + 1;
        while tail.get(marker_pos) == Some(&markers::P) {
            marker_pos += 1;
        }
        let Some(&marker) = tail.get(marker_pos) else {
            break;
        };
        match marker {
            // a stuffed 0xFF byte or a restart marker: still inside the scan data
            markers::Z | markers::RST0..=markers::RST7 => pos = marker_pos + 1,
            markers::EOI => {
                out.extend_from_slice(&tail[pending..=marker_pos]);
                return Ok(out);
            }
            // every marker that is followed by a length
            markers::SOF0..=markers::SOF15 | markers::SOS..=markers::COM => {
                let length = tail
                    .get(marker_pos + 1..marker_pos + 3)
                    .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                    .ok_or(CUT_SHORT)?;
                if length < 2 {
                    return Err("a block inside the file has an impossible length");
                }
                let end = marker_pos + 1 + length;
                if end > tail.len() {
                    return Err(CUT_SHORT);
                }
                match decoding_segment(marker, &tail[marker_pos + 3..end]) {
                    Decoding::Valid => {}
                    Decoding::Malformed => {
                        return Err("a block needed to draw the picture is malformed")
                    }
                    Decoding::NotNeeded => {
                        out.extend_from_slice(&tail[pending..pos]);
                        pending = end;
                    }
                }
                pos = end;
            }
            // markers that carry no length (SOI, TEM, reserved values): nothing to skip
            _ => pos = marker_pos + 1,
        }
    }
    Err(CUT_SHORT)
}

const CUT_SHORT: &str =
    "the file is cut short: its end is missing, so part of the picture would show as grey";

/// What a JPEG segment is to a decoder.
#[derive(Debug, PartialEq, Eq)]
enum Decoding {
    /// Needed to draw the picture, and shaped as the standard says.
    Valid,
    /// Claims to be needed but is not shaped right: libjpeg, and so browsers, would
    /// refuse it, and it could be metadata under a mangled marker.
    Malformed,
    /// Not needed to draw the picture: metadata (APPn, COM) or an extension browsers
    /// skip (JPG, JPGn).
    NotNeeded,
}

/// Sorts a JPEG segment by [`Decoding`], checking the exact lengths libjpeg checks.
///
/// The exact check matters for privacy as much as for decoding: in a damaged file, a
/// metadata block whose marker byte has been corrupted into, say, a table marker would
/// otherwise be kept with its GPS position inside.
fn decoding_segment(marker: u8, contents: &[u8]) -> Decoding {
    let valid = match marker {
        markers::SOF0..=markers::SOF3
        | markers::SOF5..=markers::SOF7
        | markers::SOF9..=markers::SOF11
        | markers::SOF13..=markers::SOF15
        | markers::DHP => frame_header_ok(contents),
        markers::DHT => tables_ok(contents, |rest| {
            let counts = rest.get(1..17)?;
            Some(17 + counts.iter().map(|&n| usize::from(n)).sum::<usize>())
        }),
        markers::DQT => tables_ok(contents, |rest| {
            // 8-bit tables hold 64 values, 16-bit ones 128 bytes' worth
            Some(if rest[0] >> 4 == 0 { 65 } else { 129 })
        }),
        markers::SOS => contents
            .first()
            .is_some_and(|&n| contents.len() == 1 + 2 * usize::from(n) + 3),
        markers::DRI | markers::DNL => contents.len() == 2,
        markers::DAC => contents.len().is_multiple_of(2),
        markers::EXP => contents.len() == 1,
        _ => return Decoding::NotNeeded,
    };
    if valid {
        Decoding::Valid
    } else {
        Decoding::Malformed
    }
}

/// A frame header: precision, height, width, component count, then 3 bytes a component.
fn frame_header_ok(contents: &[u8]) -> bool {
    contents
        .get(5)
        .is_some_and(|&n| contents.len() == 6 + 3 * usize::from(n))
}

/// Whether `contents` is one or more tables that exactly fill it, where `table_len`
/// gives the length of the table starting `rest` (never called with `rest` empty).
fn tables_ok(contents: &[u8], table_len: impl Fn(&[u8]) -> Option<usize>) -> bool {
    let mut rest = contents;
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match table_len(rest) {
            Some(len) if len <= rest.len() => rest = &rest[len..],
            _ => return false,
        }
    }
    true
}

/// Ancillary PNG chunks a browser may need to draw the picture correctly. Critical
/// chunks (upper-case first letter) are always kept.
const PNG_KEEP: &[[u8; 4]] = &[
    *b"tRNS", *b"gAMA", *b"cHRM", *b"sRGB", *b"iCCP", *b"sBIT", *b"cICP", *b"mDCV", *b"mDCv",
    *b"cLLI", *b"cLLi", *b"bKGD", *b"hIST", *b"pHYs", *b"sPLT", *b"acTL", *b"fcTL", *b"fdAT",
];

fn strip_png(bytes: Bytes) -> Result<Vec<u8>, StripError> {
    let kind = ImageKind::Png;
    let mut png = Png::from_bytes(bytes).map_err(|err| damaged(kind, err))?;
    let orientation = png.exif().and_then(|exif| read_orientation(&exif));

    png.chunks_mut().retain(|chunk| {
        let id = chunk.kind();
        id[0].is_ascii_uppercase() || PNG_KEEP.contains(&id)
    });
    let chunks = png.chunks();
    if chunks.first().map(PngChunk::kind) != Some(*b"IHDR") {
        return Err(StripError::Damaged {
            kind,
            reason: "it does not start with an image header",
        });
    }
    if !chunks.iter().any(|chunk| chunk.kind() == *b"IDAT") {
        return Err(StripError::Damaged {
            kind,
            reason: "it holds no picture data",
        });
    }
    if let Some(orientation) = orientation {
        png.set_exif(Some(Bytes::from(orientation_only_exif(orientation))));
    }
    Ok(png.encoder().bytes().to_vec())
}

const WEBP_KEEP: &[[u8; 4]] = &[
    *b"VP8X", *b"VP8 ", *b"VP8L", *b"ALPH", *b"ANIM", *b"ANMF", *b"ICCP",
];
/// The VP8X flag bit saying an XMP chunk is present.
const VP8X_XMP_FLAG: u8 = 0b0000_0100;

fn strip_webp(bytes: Bytes) -> Result<Vec<u8>, StripError> {
    let kind = ImageKind::WebP;
    let mut webp = WebP::from_bytes(bytes).map_err(|err| damaged(kind, err))?;
    let orientation = webp.exif().and_then(|exif| read_orientation(&exif));

    webp.chunks_mut()
        .retain(|chunk| WEBP_KEEP.contains(&chunk.id()));
    let has_picture = webp
        .chunks()
        .iter()
        .any(|chunk| matches!(&chunk.id(), b"VP8 " | b"VP8L" | b"ANMF"));
    if !has_picture {
        return Err(StripError::Damaged {
            kind,
            reason: "it holds no picture data",
        });
    }
    // set_exif also brings the VP8X EXIF and ICC flags in line with the chunks, and
    // drops VP8X when the simple format suffices
    webp.set_exif(orientation.map(|o| Bytes::from(orientation_only_exif(o))));
    // img-parts leaves the XMP flag alone; the XMP chunk is gone, so clear it
    if let Some(vp8x) = webp
        .chunks_mut()
        .iter_mut()
        .find(|chunk| chunk.id() == *b"VP8X")
    {
        clear_xmp_flag(vp8x);
    }
    Ok(webp.encoder().bytes().to_vec())
}

fn clear_xmp_flag(vp8x: &mut RiffChunk) {
    if let RiffContent::Data(data) = vp8x.content_mut() {
        if let Some(&flags) = data.first() {
            let mut updated = data.to_vec();
            updated[0] = flags & !VP8X_XMP_FLAG;
            *data = Bytes::from(updated);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_extensions_ignore_case() {
        assert_eq!(
            ImageKind::from_path(Path::new("a/B.JPG")),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(
            ImageKind::from_path(Path::new("x.jpeg")),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(
            ImageKind::from_path(Path::new("x.Png")),
            Some(ImageKind::Png)
        );
        assert_eq!(
            ImageKind::from_path(Path::new("x.webP")),
            Some(ImageKind::WebP)
        );
        for other in ["x.svg", "x.mp3", "x", ".jpg", "x.jpg.txt"] {
            assert_eq!(ImageKind::from_path(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn tail_keeps_scans_and_drops_trailers() {
        // scan data with a stuffed byte and a restart marker, a COM and a JPG0 extension
        // between scans, a second scan header, EOI, then an appended second image
        let tail = [
            &[1, 2, 0xFF, 0x00, 3, 0xFF, 0xD0, 4][..],
            &[0xFF, 0xFE, 0x00, 0x05, b'h', b'i', b'!'],
            &[0xFF, 0xF0, 0x00, 0x03, 7],
            &[0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 5, 6],
            &[0xFF, 0xD9],
            &[0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02, 0xFF, 0xD9],
        ]
        .concat();
        let clean = clean_jpeg_tail(&tail).unwrap();
        let expected = [
            &[1, 2, 0xFF, 0x00, 3, 0xFF, 0xD0, 4][..],
            &[0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 5, 6],
            &[0xFF, 0xD9],
        ]
        .concat();
        assert_eq!(clean, expected);
    }

    #[test]
    fn tail_without_end_or_with_an_overlong_segment_is_damage() {
        assert_eq!(clean_jpeg_tail(&[1, 2, 3, 0xFF]), Err(CUT_SHORT));
        assert_eq!(clean_jpeg_tail(&[1, 0xFF, 0xD9]).unwrap(), [1, 0xFF, 0xD9]);
        assert!(clean_jpeg_tail(&[1, 0xFF, 0xC4, 0x10, 0x00, 1]).is_err());
        assert!(clean_jpeg_tail(&[1, 0xFF, 0xC4, 0x00]).is_err());
        assert!(clean_jpeg_tail(&[1, 0xFF, 0xC4, 0x00, 0x01]).is_err());
    }

    #[test]
    fn decoding_segments_must_have_their_exact_shape() {
        let mut dht = vec![0x00];
        dht.extend_from_slice(&[0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        dht.extend_from_slice(&[0x10, 0x20]);
        assert_eq!(decoding_segment(markers::DHT, &dht), Decoding::Valid);
        assert_eq!(
            decoding_segment(markers::DHT, &dht[..dht.len() - 1]),
            Decoding::Malformed
        );
        let dqt = [&[0x00][..], &[1; 64], &[0x11], &[2; 128]].concat();
        assert_eq!(decoding_segment(markers::DQT, &dqt), Decoding::Valid);
        assert_eq!(
            decoding_segment(markers::DQT, b"GPS 53.7457 N"),
            Decoding::Malformed
        );
        let sof = [8, 0, 32, 0, 48, 1, 1, 0x11, 0];
        assert_eq!(decoding_segment(markers::SOF0, &sof), Decoding::Valid);
        assert_eq!(
            decoding_segment(markers::SOF2, &sof[..8]),
            Decoding::Malformed
        );
        assert_eq!(decoding_segment(markers::DRI, &[0, 4]), Decoding::Valid);
        assert_eq!(
            decoding_segment(markers::APP1, b"Exif"),
            Decoding::NotNeeded
        );
        assert_eq!(decoding_segment(0xF7, b"JPEG-LS"), Decoding::NotNeeded);
        assert_eq!(decoding_segment(markers::DQT, &[]), Decoding::Malformed);
    }

    #[test]
    fn garbage_never_panics() {
        let jpeg_start = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, b'E', b'x'];
        for kind in [ImageKind::Jpeg, ImageKind::Png, ImageKind::WebP] {
            for bytes in [
                &b""[..],
                b"not an image",
                &jpeg_start,
                b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR",
                b"RIFF\x10\0\0\0WEBPVP8 ",
                b"RIFF\x04\0\0\0WEBP",
            ] {
                assert!(strip_metadata(kind, bytes).is_err(), "{kind} {bytes:?}");
            }
        }
    }

    #[test]
    fn wrong_format_names_the_real_one() {
        let err = strip_metadata(ImageKind::Jpeg, b"\x89PNG\r\n\x1a\nrest").unwrap_err();
        assert_eq!(
            err,
            StripError::WrongFormat {
                expected: ImageKind::Jpeg,
                found: Some(ImageKind::Png)
            }
        );
        assert_eq!(
            err.to_string(),
            "the file is not a JPEG image (it is really a PNG)"
        );
    }
}
