//! Spans in the three units clients index by: UTF-8 bytes (Rust, Go), Unicode scalar
//! values (Python, the CLI's `start`/`end`) and UTF-16 code units (Java, JavaScript).

use serde::{Deserialize, Serialize};

/// A half-open range of the ORIGINAL input, in three units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Start in Unicode scalar values.
    pub start: usize,
    /// End (exclusive) in Unicode scalar values.
    pub end: usize,
    /// Start in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive) in UTF-8 bytes.
    pub byte_end: usize,
    /// Start in UTF-16 code units.
    pub utf16_start: usize,
    /// End (exclusive) in UTF-16 code units.
    pub utf16_end: usize,
}

/// Converts byte offsets into char and UTF-16 offsets.
///
/// Queries must come in non-decreasing order of byte offset; the converter walks the
/// text once, so converting every span of a document is linear in its length.
pub(crate) struct SpanConverter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl<'a> SpanConverter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        SpanConverter { text, byte: 0, chars: 0, utf16: 0 }
    }

    /// Returns `(chars, utf16)` at byte offset `at` (a char boundary).
    fn at(&mut self, at: usize) -> (usize, usize) {
        if at < self.byte {
            // Out-of-order query: restart (correct, only slower).
            self.byte = 0;
            self.chars = 0;
            self.utf16 = 0;
        }
        // Counted on bytes, not decoded chars: every byte but a continuation byte starts a
        // char, and a 4-byte char (lead byte 0xF0..) takes two UTF-16 units.
        // Byte counters per block of 255 so that the loop vectorizes.
        let (mut chars, mut wide) = (0, 0);
        for block in self.text.as_bytes()[self.byte..at].chunks(255) {
            let (mut c, mut w) = (0u8, 0u8);
            for &b in block {
                c += u8::from((b as i8) >= -0x40);
                w += u8::from(b >= 0xF0);
            }
            chars += usize::from(c);
            wide += usize::from(w);
        }
        self.chars += chars;
        self.utf16 += chars + wide;
        self.byte = at;
        (self.chars, self.utf16)
    }

    /// Returns the span of the byte range `start..end`.
    pub(crate) fn span(&mut self, start: usize, end: usize) -> Span {
        let (cs, us) = self.at(start);
        let (ce, ue) = self.at(end);
        Span {
            start: cs,
            end: ce,
            byte_start: start,
            byte_end: end,
            utf16_start: us,
            utf16_end: ue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_units_agree() {
        // "𠀀" is outside the BMP: 4 bytes, 1 char, 2 UTF-16 units.
        let text = "a张𠀀13812345678";
        let start = text.find('1').unwrap();
        let mut conv = SpanConverter::new(text);
        let span = conv.span(start, text.len());
        assert_eq!((span.byte_start, span.byte_end), (8, 19));
        assert_eq!((span.start, span.end), (3, 14));
        assert_eq!((span.utf16_start, span.utf16_end), (4, 15));
    }

    #[test]
    fn out_of_order_queries_still_work() {
        let text = "张三李四";
        let mut conv = SpanConverter::new(text);
        assert_eq!(conv.span(6, 9).start, 2);
        assert_eq!(conv.span(0, 3).end, 1);
    }
}
