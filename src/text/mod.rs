//! Text handling shared by every detector: normalization with an offset map back to the
//! original, span units, and the number-group tokenizer with its digit guards.

mod normalize;
mod numbers;
mod offsets;
mod swar;
mod words;

pub use normalize::Normalized;
pub(crate) use numbers::{Chunk, NumberGroup, number_groups};
pub use offsets::Span;
pub(crate) use offsets::SpanConverter;
pub(crate) use words::WordsByChar;

/// Returns true for CJK ideographs, the characters names and places are written in.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Fills `starts` with the byte offsets of the Chinese characters that end at `end`, nearest
/// first, as many as fit; returns how many there are.
pub(crate) fn han_starts_before(text: &str, end: usize, starts: &mut [usize]) -> usize {
    let mut len = 0;
    for (i, c) in text[..end].char_indices().rev().take(starts.len()) {
        if !is_han(c) {
            break;
        }
        starts[len] = i;
        len += 1;
    }
    len
}

/// Returns the length of the UTF-8 encoded character that starts with byte `lead` (read
/// from the byte alone: cheaper than decoding the character to measure it).
#[inline]
pub(crate) fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Finds one character in text. The standard search looks for the last byte of the
/// character, a continuation byte that CJK text is full of (`、` ends in 0x81, `：` in
/// 0x9A); `memchr::memmem` looks for the whole encoding, with a prefilter on its rarest
/// bytes.
#[derive(Clone, Debug)]
pub(crate) struct CharFinder {
    finder: memchr::memmem::Finder<'static>,
}

impl CharFinder {
    pub(crate) fn new(c: char) -> Self {
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf);
        CharFinder { finder: memchr::memmem::Finder::new(encoded.as_bytes()).into_owned() }
    }

    /// Returns the byte offsets of the character in `text`, in order.
    pub(crate) fn offsets<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.finder.find_iter(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn widths_match_the_standard_encoder() {
        for c in ['a', 'é', '张', '：', '\u{FFFF}', '𠀀', '\u{10FFFF}'] {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(super::utf8_width(bytes[0]), bytes.len(), "{c}");
        }
    }
}
