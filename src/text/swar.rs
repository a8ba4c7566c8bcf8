//! Byte searches eight bytes at a time ("SIMD within a register").
//!
//! The scans over a whole document (normalization, number groups) look for a few bytes
//! that Chinese text rarely contains. Stepping through the text a character at a time
//! makes every step wait for the byte that says how long the character is; testing eight
//! bytes of a `u64` at once has no such chain and settles most words with one comparison.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Sets the high bit of every byte of `x` in `lo..=hi` (both below 0x80), and no other.
#[inline]
pub(crate) fn flag_between(x: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(0 < lo && lo <= hi && hi < 0x80);
    let low7 = x & (ONES * 0x7F);
    // Per byte, without carries between bytes: 0x7F + hi + 1 - v has its high bit set when
    // v <= hi, v + 0x7F - (lo - 1) when v >= lo; `!x` drops bytes of 0x80 and above.
    (ONES * (0x80 + u64::from(hi)) - low7) & !x & (low7 + ONES * (0x80 - u64::from(lo))) & HIGHS
}

/// Sets the high bit of every byte of `x` equal to `b`; a byte above one of those may be
/// flagged too (a borrow), which the test of [`find`] then rejects.
#[inline]
pub(crate) fn flag_equal(x: u64, b: u8) -> u64 {
    flag_equal_except(x, b, 0)
}

/// Like [`flag_equal`], with the bits of `ignored` left out of the comparison: one test
/// flags `b` and the bytes that differ from it only there (0xE2 ignoring 0x21: C2, C3,
/// E2, E3).
#[inline]
pub(crate) fn flag_equal_except(x: u64, b: u8, ignored: u8) -> u64 {
    let v = (x ^ (ONES * u64::from(b))) & !(ONES * u64::from(ignored));
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// Returns how many bytes at the start (lowest addresses) of a word are flagged, given the
/// exact flags of [`flag_between`].
#[inline]
pub(crate) fn leading_flagged(flags: u64) -> usize {
    ((!flags & HIGHS).trailing_zeros() / 8) as usize
}

/// Returns the first position at or after `from` whose byte `wanted` accepts. `flags` marks
/// (high bit) the bytes of an eight-byte word worth testing: every byte `wanted` accepts,
/// and possibly a few more.
#[inline]
pub(crate) fn find(
    bytes: &[u8],
    mut from: usize,
    flags: impl Fn(u64) -> u64,
    wanted: impl Fn(u8) -> bool,
) -> Option<usize> {
    while let Some(word) = bytes.get(from..from + 8) {
        let mut marked = flags(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        while marked != 0 {
            let at = from + (marked.trailing_zeros() / 8) as usize;
            if wanted(bytes[at]) {
                return Some(at);
            }
            marked &= marked - 1;
        }
        from += 8;
    }
    (from..bytes.len()).find(|&i| wanted(bytes[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(bytes: [u8; 8]) -> u64 {
        u64::from_le_bytes(bytes)
    }

    #[test]
    fn between_flags_exactly_the_bytes_in_range() {
        for v in 0..=255u8 {
            let flagged = flag_between(word([v; 8]), b'(', b'9') != 0;
            assert_eq!(flagged, (b'('..=b'9').contains(&v), "{v:#x}");
            // Neighbouring bytes of every value change nothing.
            let mixed = word([0xFF, v, 0x00, 0x7F, 0x80, b'0', 0xE5, b'\'']);
            assert_eq!(flag_between(mixed, b'(', b'9') & (0x80 << 8) != 0, flagged);
        }
    }

    #[test]
    fn leading_flagged_counts_the_first_bytes_in_range() {
        let digits = |bytes: [u8; 8]| leading_flagged(flag_between(word(bytes), b'0', b'9'));
        assert_eq!(digits(*b"12345678"), 8);
        assert_eq!(digits(*b"123\t4567"), 3);
        assert_eq!(digits(*b"*1234567"), 0);
        assert_eq!(digits([b'9', b'0', 0xE5, 0xBC, 0xA0, b'1', b'2', b'3']), 2);
    }

    #[test]
    fn equal_flags_the_lowest_matching_byte() {
        let x = word([0xE5, 0xBC, 0xA0, 0xEF, 0xBC, 0x8C, 0xEF, 0x00]);
        assert_eq!(flag_equal(x, 0xEF).trailing_zeros() / 8, 3);
        assert_eq!(flag_equal(x, 0x00).trailing_zeros() / 8, 7);
        assert_eq!(flag_equal(x, 0xC2), 0);
    }

    #[test]
    fn equal_except_ignores_the_given_bits() {
        for v in 0..=255u8 {
            let flagged = flag_equal_except(word([v; 8]), 0xE2, 0x21) != 0;
            assert_eq!(flagged, matches!(v, 0xC2 | 0xC3 | 0xE2 | 0xE3), "{v:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn find_agrees_with_a_plain_search_on_any_bytes(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            from in 0usize..41,
        ) {
            let from = from.min(bytes.len());
            let digit = |b: u8| b.is_ascii_digit() || b == b'*' || b == b'(';
            let lead = |b: u8| matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xEF);
            let plain = |wanted: &dyn Fn(u8) -> bool| (from..bytes.len()).find(|&i| wanted(bytes[i]));
            proptest::prop_assert_eq!(
                find(&bytes, from, |x| flag_between(x, b'(', b'9'), digit),
                plain(&digit)
            );
            let leads = |x| flag_equal_except(x, 0xE2, 0x21) | flag_equal(x, 0xEF);
            proptest::prop_assert_eq!(find(&bytes, from, leads, lead), plain(&lead));
        }
    }

    #[test]
    fn find_agrees_with_a_plain_search() {
        let text = "张三，身份证号(0797)-1234、李四：13812345678。abc*x 王五 9".as_bytes();
        let wanted = |b: u8| b.is_ascii_digit() || b == b'*' || b == b'(';
        for from in 0..=text.len() {
            let plain = (from..text.len()).find(|&i| wanted(text[i]));
            let fast = find(text, from, |x| flag_between(x, b'(', b'9'), wanted);
            assert_eq!(fast, plain, "from {from}");
        }
    }
}
