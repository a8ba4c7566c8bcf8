//! Normalization: one pass that maps the characters that hide identifiers from a plain
//! ASCII scan onto ASCII, keeping an offset map back to the original text.
//!
//! - full-width digits, letters, `（）＋－＊／．` → ASCII (`１３８` → `138`);
//! - dashes and minus signs (`—`, `–`, `‐`, `−` …) → `-`;
//! - ideographic and no-break spaces → ` `;
//! - zero-width characters and soft hyphens → removed.
//!
//! Full-width punctuation that carries sentence structure (`，：；。`) is left alone so the
//! digit guards can tell a list `138…，139…` from a number `1,234`.

use std::borrow::Cow;

use super::swar;

/// Text after normalization, with a map from normalized byte offsets to original ones.
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// Checkpoints `(normalized, original)` byte offsets. Between two checkpoints the
    /// texts are byte-identical; empty when nothing changed.
    checkpoints: Vec<(usize, usize)>,
    original: &'a str,
}

impl std::fmt::Debug for Normalized<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalized").field("bytes", &self.text.len()).finish_non_exhaustive()
    }
}

/// Returns true at the UTF-8 lead bytes of the characters `map_char` changes — U+00A0 and
/// U+00AD (C2), U+2002–U+2212 (E2), U+3000 (E3), U+FE58–U+FF5E (EF) — which are decoded
/// and looked at. The rest of the text (ASCII, CJK ideographs) is copied in bulk.
fn may_map(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// Marks the bytes of a word that [`may_map`] accepts (and 0xC3, which it then refuses).
fn may_map_word(word: u64) -> u64 {
    swar::flag_equal_except(word, 0xE2, 0x21) | swar::flag_equal(word, 0xEF)
}

/// What normalization does with one character.
enum Mapped {
    Keep,
    Replace(char),
    Remove,
}

fn map_char(c: char) -> Mapped {
    match c {
        // Full-width digits, Latin letters and the punctuation found inside numbers.
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '（'
        | '）'
        | '＋'
        | '－'
        | '＊'
        | '／'
        | '．' => Mapped::Replace(
            char::from_u32(c as u32 - 0xFEE0).expect("full-width ASCII maps to ASCII"),
        ),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => Mapped::Replace('-'),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => Mapped::Replace(' '),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Mapped::Remove,
        _ => Mapped::Keep,
    }
}

impl<'a> Normalized<'a> {
    /// Normalizes `original`. Borrows it unchanged when no character needs mapping.
    pub fn new(original: &'a str) -> Self {
        let bytes = original.as_bytes();
        let mut text = String::new();
        let mut checkpoints = Vec::new();
        let mut copied = 0;
        let mut i = 0;
        // Lead bytes are never continuation bytes, so a byte search finds characters.
        while let Some(lead) = swar::find(bytes, i, may_map_word, may_map) {
            i = lead;
            let c = original[i..].chars().next().expect("a lead byte starts a char");
            let len = c.len_utf8();
            let mapped = map_char(c);
            if !matches!(mapped, Mapped::Keep) {
                if text.capacity() == 0 {
                    text.reserve(original.len());
                }
                text.push_str(&original[copied..i]);
                match mapped {
                    Mapped::Replace(r) => {
                        checkpoints.push((text.len(), i));
                        text.push(r);
                        checkpoints.push((text.len(), i + len));
                    }
                    Mapped::Remove => checkpoints.push((text.len(), i + len)),
                    Mapped::Keep => unreachable!("checked above"),
                }
                copied = i + len;
            }
            i += len;
        }
        if checkpoints.is_empty() {
            return Normalized { text: Cow::Borrowed(original), checkpoints, original };
        }
        text.push_str(&original[copied..]);
        Normalized { text: Cow::Owned(text), checkpoints, original }
    }

    /// Returns the normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Returns the original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Maps a normalized byte offset at which a span starts to the original text.
    pub fn original_start(&self, at: usize) -> usize {
        // The last checkpoint at or before `at` (later checkpoints win at equal offsets,
        // so a start skips removed characters).
        let i = self.checkpoints.partition_point(|&(n, _)| n <= at);
        match i {
            0 => at,
            _ => {
                let (n, o) = self.checkpoints[i - 1];
                o + (at - n)
            }
        }
    }

    /// Maps a normalized byte offset at which a span ends to the original text.
    pub fn original_end(&self, at: usize) -> usize {
        if at == 0 {
            return 0;
        }
        // The end of the original character that the last normalized character came from.
        let last = self.text[..at].chars().next_back().map_or(0, char::len_utf8);
        let start = self.original_start(at - last);
        let len = self.original[start..].chars().next().map_or(0, char::len_utf8);
        start + len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<'a>(original: &'a str, normalized: &str) -> Normalized<'a> {
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), normalized);
        n
    }

    #[test]
    fn ascii_text_is_borrowed() {
        let n = check("电话 13812345678", "电话 13812345678");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.original_start(7), 7);
        assert_eq!(n.original_end(18), 18);
    }

    #[test]
    fn full_width_digits_map_back() {
        let original = "号１３８１２３４５６７８。";
        let n = check(original, "号13812345678。");
        // "号" is 3 bytes; the digits start at 3 in both texts.
        assert_eq!(n.original_start(3), 3);
        assert_eq!(n.original_end(14), 3 + 11 * 3);
        assert_eq!(&original[n.original_start(3)..n.original_end(14)], "１３８１２３４５６７８");
        // Inside the number: the 4th digit.
        assert_eq!(&original[n.original_start(6)..n.original_end(7)], "１");
    }

    #[test]
    fn dashes_spaces_parentheses() {
        check("（0797）—1234567", "(0797)-1234567");
        check("0531－12380　x", "0531-12380 x");
        check("ＡＢｃ", "ABc");
    }

    #[test]
    fn zero_width_characters_are_removed() {
        let original = "138\u{200B}1234\u{FEFF}5678";
        let n = check(original, "13812345678");
        assert_eq!(n.original_start(0), 0);
        assert_eq!(n.original_end(11), original.len());
        assert_eq!(&original[n.original_start(3)..n.original_end(7)], "1234");
    }

    #[test]
    fn the_lead_byte_search_covers_every_mapped_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if !matches!(map_char(c), Mapped::Keep) {
                let mut buf = [0; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(may_map(lead), "U+{:04X} starts with {lead:#x}", c as u32);
            }
        }
        // Mapped characters at every position of an eight-byte word, after characters of
        // every width.
        for pad in ["", "a", "ab", "é", "张", "𠀀", "a张", "é𠀀"] {
            check(&format!("{pad}１\u{3000}２—３\u{00A0}"), &format!("{pad}1 2-3 "));
        }
    }

    #[test]
    fn sentence_punctuation_is_kept() {
        check("张三，13812345678；", "张三，13812345678；");
    }
}
