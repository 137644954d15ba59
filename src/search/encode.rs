//! The binary pieces of the index, and their decoders (used by the tests; the browser
//! has its own in `static/search-engine.js`).
//!
//! A term's postings: `varint df`, `varint blocks`, a `u8` flag, then (flag 1 only)
//! the set of documents holding the term as a bitset of `ceil(total / 8)` bytes,
//! lowest document in the lowest bit; then per block `u8 max impact`, `varint n`, `n`
//! ascending document numbers as varint gaps (the first from 0) and `n` impact bytes.
//!
//! Blocks are in impact order, best first (ties: lower document first), so the best
//! documents of a common word are in its first block and each block says how good its
//! best is: the browser decodes blocks only until no unread one can change the top
//! results. The bitset, kept for common terms only, gives exact result and filter
//! counts by popcount without decoding a posting; a rare term's postings are small
//! enough to decode whole.

/// Documents per postings block.
pub(crate) const BLOCK: usize = 128;

pub(crate) fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Whether a term found in `df` of `total` documents carries its document bitset:
/// only when it spans more than two blocks (so that stopping early saves work) and
/// the bitset is at most half a byte per posting (smaller than its gaps would be).
pub(crate) fn keeps_doc_bitset(df: usize, total: u32) -> bool {
    df > 2 * BLOCK && df * 16 >= total as usize
}

/// One term's postings as `(document, impact)` pairs, in any order, in an index of
/// `total` documents.
pub(crate) fn postings(mut pairs: Vec<(u32, u8)>, total: u32) -> Vec<u8> {
    pairs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let bitset = keeps_doc_bitset(pairs.len(), total);
    let bitset_len = if bitset {
        (total as usize).div_ceil(8)
    } else {
        0
    };
    let mut out = Vec::with_capacity(pairs.len() * 3 + 9 + bitset_len);
    put_varint(&mut out, pairs.len() as u32);
    put_varint(&mut out, pairs.len().div_ceil(BLOCK) as u32);
    out.push(u8::from(bitset));
    if bitset {
        let start = out.len();
        out.resize(start + bitset_len, 0);
        for (doc, _) in &pairs {
            out[start + *doc as usize / 8] |= 1 << (doc % 8);
        }
    }
    for block in pairs.chunks_mut(BLOCK) {
        out.push(block[0].1);
        block.sort_unstable_by_key(|pair| pair.0);
        put_varint(&mut out, block.len() as u32);
        let mut previous = 0;
        for (doc, _) in block.iter() {
            put_varint(&mut out, doc - previous);
            previous = *doc;
        }
        out.extend(block.iter().map(|pair| pair.1));
    }
    out
}

/// A set of document numbers (one filter value): a bitset or a list of gaps,
/// whichever is smaller, tagged by its first byte (0 bitset, 1 gaps).
pub(crate) fn doc_set(docs: &[u32], total: u32) -> Vec<u8> {
    let mut gaps = vec![1];
    let mut previous = 0;
    for (i, doc) in docs.iter().enumerate() {
        put_varint(&mut gaps, if i == 0 { *doc } else { doc - previous });
        previous = *doc;
    }
    let bitset_len = 1 + (total as usize).div_ceil(8);
    if gaps.len() <= bitset_len {
        return gaps;
    }
    let mut bits = vec![0u8; bitset_len];
    for doc in docs {
        bits[1 + (*doc as usize) / 8] |= 1 << (doc % 8);
    }
    bits
}

/// Standard base64 with padding, for binary data inside JSON (`atob` reads it).
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod decode {
    //! Readers for the formats above, as `search-engine.js` reads them.

    pub(crate) struct Reader<'a> {
        bytes: &'a [u8],
        at: usize,
    }

    impl<'a> Reader<'a> {
        pub(crate) fn new(bytes: &'a [u8]) -> Self {
            Reader { bytes, at: 0 }
        }
        pub(crate) fn byte(&mut self) -> u8 {
            self.at += 1;
            self.bytes[self.at - 1]
        }
        pub(crate) fn varint(&mut self) -> u32 {
            let mut value = 0;
            let mut shift = 0;
            loop {
                let b = self.byte();
                value |= u32::from(b & 0x7f) << shift;
                if b < 0x80 {
                    return value;
                }
                shift += 7;
            }
        }
        pub(crate) fn done(&self) -> bool {
            self.at == self.bytes.len()
        }
    }

    /// `(df, blocks)` where each block is `(max impact, [(doc, impact)])`.
    pub(crate) type Blocks = Vec<(u8, Vec<(u32, u8)>)>;

    /// A term's postings, and its document bitset as a list if it has one.
    pub(crate) fn postings(bytes: &[u8], total: u32) -> (u32, Blocks, Option<Vec<u32>>) {
        let mut r = Reader::new(bytes);
        let df = r.varint();
        let count = r.varint();
        let set = match r.byte() {
            0 => None,
            _ => {
                let docs = (0..total)
                    .filter(|d| r.bytes[r.at + *d as usize / 8] & (1 << (d % 8)) != 0)
                    .collect();
                r.at += (total as usize).div_ceil(8);
                Some(docs)
            }
        };
        let mut blocks = Vec::new();
        for _ in 0..count {
            let max = r.byte();
            let n = r.varint() as usize;
            let mut docs = Vec::with_capacity(n);
            let mut doc = 0;
            for _ in 0..n {
                doc += r.varint();
                docs.push(doc);
            }
            let pairs = docs.into_iter().map(|d| (d, r.byte())).collect();
            blocks.push((max, pairs));
        }
        assert!(r.done(), "trailing bytes");
        (df, blocks, set)
    }

    pub(crate) fn doc_set(bytes: &[u8]) -> Vec<u32> {
        let mut r = Reader::new(bytes);
        match r.byte() {
            0 => (0..(bytes.len() - 1) as u32 * 8)
                .filter(|d| bytes[1 + *d as usize / 8] & (1 << (d % 8)) != 0)
                .collect(),
            _ => {
                let mut out = Vec::new();
                let mut doc = 0;
                while !r.done() {
                    doc += r.varint();
                    out.push(doc);
                }
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn postings_round_trip(
            raw in proptest::collection::btree_map(0u32..5_000, 1u8..=255, 0..700),
            spare in 0u32..3_000,
        ) {
            let pairs: Vec<(u32, u8)> = raw.into_iter().collect();
            let total = pairs.last().map_or(0, |p| p.0 + 1) + spare;
            let (df, blocks, set) = decode::postings(&postings(pairs.clone(), total), total);
            prop_assert_eq!(df as usize, pairs.len());
            let mut seen: Vec<(u32, u8)> = blocks.iter().flat_map(|b| b.1.clone()).collect();
            seen.sort();
            prop_assert_eq!(&seen, &pairs);
            let docs: Vec<u32> = pairs.iter().map(|p| p.0).collect();
            match set {
                Some(set) => {
                    prop_assert!(keeps_doc_bitset(pairs.len(), total));
                    prop_assert_eq!(set, docs);
                }
                None => prop_assert!(!keeps_doc_bitset(pairs.len(), total)),
            }
            // Best first: every block's max is its best, and no later block beats it.
            let mut ceiling = 255;
            for (max, block) in &blocks {
                prop_assert!(block.len() <= BLOCK);
                prop_assert_eq!(*max, block.iter().map(|p| p.1).max().unwrap());
                prop_assert!(*max <= ceiling);
                ceiling = block.iter().map(|p| p.1).min().unwrap();
            }
        }

        #[test]
        fn doc_sets_round_trip(raw in proptest::collection::btree_set(0u32..3_000, 0..3_000)) {
            let docs: Vec<u32> = raw.into_iter().collect();
            prop_assert_eq!(decode::doc_set(&doc_set(&docs, 3_000)), docs);
        }
    }

    #[test]
    fn only_common_terms_of_several_blocks_carry_a_bitset() {
        assert!(keeps_doc_bitset(1_000, 11_000));
        assert!(
            !keeps_doc_bitset(3 * BLOCK, 11_000),
            "a sixteenth of the documents or more"
        );
        assert!(
            !keeps_doc_bitset(2 * BLOCK, 1_000),
            "two blocks: read whole"
        );
        assert!(
            !keeps_doc_bitset(600, 110_000),
            "rare: the bitset would be larger"
        );
        // Ties are broken by the lower document, across blocks too, so a block's
        // documents that tie with the next block's best all come before it.
        let pairs: Vec<(u32, u8)> = (0..300).map(|d| (d, 70)).collect();
        let (_, blocks, set) = decode::postings(&postings(pairs, 300), 300);
        assert_eq!(set, Some((0..300).collect()));
        assert_eq!(blocks[0].1.last().unwrap().0, 127);
        assert_eq!(blocks[1].1[0].0, 128);
    }

    #[test]
    fn dense_sets_are_bitsets_and_sparse_ones_gaps() {
        let dense: Vec<u32> = (0..1000).collect();
        assert_eq!(doc_set(&dense, 1000)[0], 0);
        assert_eq!(doc_set(&[5, 900], 1000)[0], 1);
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
