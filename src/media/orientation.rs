//! The one EXIF fact worth keeping: which way up the photo goes.
//!
//! Phones store the picture as the sensor saw it and record the turn needed in the
//! EXIF Orientation tag; browsers apply that tag. Dropping EXIF wholesale would show
//! such photos sideways, so the stripper reads the tag here and writes back a new,
//! minimal EXIF block holding nothing else. The block is built from scratch rather
//! than trimmed from the original, so no byte of the camera's EXIF can survive.

/// The EXIF tag number of Orientation.
const ORIENTATION_TAG: u16 = 0x0112;
/// The TIFF field type SHORT (an unsigned 16-bit number).
const TYPE_SHORT: u16 = 3;

/// The Orientation value of a raw EXIF block (TIFF header first), when it needs a turn.
///
/// Returns `None` for "already upright" (1), for a missing or malformed tag, and for
/// values outside 1..=8, so a damaged EXIF block never rotates a photo by accident.
/// Some writers put the JPEG `Exif\0\0` prefix in PNG and WebP blocks too; it is skipped.
pub(crate) fn read_orientation(exif: &[u8]) -> Option<u16> {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let big_endian = match tiff.get(0..4)? {
        [b'M', b'M', 0, 42] => true,
        [b'I', b'I', 42, 0] => false,
        _ => return None,
    };
    let u16_at = |pos: usize| -> Option<u16> {
        let bytes: [u8; 2] = tiff.get(pos..pos.checked_add(2)?)?.try_into().ok()?;
        Some(if big_endian {
            u16::from_be_bytes(bytes)
        } else {
            u16::from_le_bytes(bytes)
        })
    };
    let u32_at = |pos: usize| -> Option<u32> {
        let bytes: [u8; 4] = tiff.get(pos..pos.checked_add(4)?)?.try_into().ok()?;
        Some(if big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        })
    };

    let ifd0 = usize::try_from(u32_at(4)?).ok()?;
    let entries = u16_at(ifd0)?;
    for index in 0..usize::from(entries) {
        let entry = ifd0.checked_add(2)?.checked_add(index.checked_mul(12)?)?;
        if u16_at(entry)? != ORIENTATION_TAG {
            continue;
        }
        if u16_at(entry + 2)? != TYPE_SHORT || u32_at(entry + 4)? != 1 {
            return None;
        }
        let value = u16_at(entry + 8)?;
        return (2..=8).contains(&value).then_some(value);
    }
    None
}

/// A complete raw EXIF block (TIFF header first) whose only tag is Orientation.
///
/// 26 bytes: big-endian TIFF header, one IFD with one SHORT entry, no next IFD.
pub(crate) fn orientation_only_exif(orientation: u16) -> Vec<u8> {
    let mut exif = Vec::with_capacity(26);
    exif.extend_from_slice(b"MM\0\x2A");
    exif.extend_from_slice(&8u32.to_be_bytes()); // IFD0 right after the header
    exif.extend_from_slice(&1u16.to_be_bytes()); // one entry
    exif.extend_from_slice(&ORIENTATION_TAG.to_be_bytes());
    exif.extend_from_slice(&TYPE_SHORT.to_be_bytes());
    exif.extend_from_slice(&1u32.to_be_bytes()); // one value
    exif.extend_from_slice(&orientation.to_be_bytes());
    exif.extend_from_slice(&[0, 0]); // the value field is 4 bytes wide
    exif.extend_from_slice(&0u32.to_be_bytes()); // no IFD1, so no thumbnail
    exif
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_block_reads_back() {
        for value in 2..=8 {
            let exif = orientation_only_exif(value);
            assert_eq!(exif.len(), 26);
            assert_eq!(read_orientation(&exif), Some(value));
        }
    }

    #[test]
    fn upright_and_nonsense_values_are_ignored() {
        assert_eq!(read_orientation(&orientation_only_exif(1)), None);
        assert_eq!(read_orientation(&orientation_only_exif(9)), None);
        assert_eq!(read_orientation(&orientation_only_exif(0)), None);
    }

    #[test]
    fn little_endian_and_prefixed_blocks() {
        let mut exif = b"Exif\0\0II\x2A\0\x08\0\0\0\x01\0".to_vec();
        exif.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(read_orientation(&exif), Some(6));
    }

    #[test]
    fn truncated_or_hostile_blocks_never_panic() {
        let full = orientation_only_exif(6);
        for len in 0..full.len() {
            let _ = read_orientation(&full[..len]);
        }
        // an IFD offset far past the end, and one that would overflow when added to
        let mut far = full.clone();
        far[4..8].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(read_orientation(&far), None);
        let mut many = full;
        many[8..10].copy_from_slice(&u16::MAX.to_be_bytes());
        many[10..12].copy_from_slice(&0x0113u16.to_be_bytes());
        assert_eq!(read_orientation(&many), None);
    }
}
