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
        // Fast path: everything to map is outside ASCII, and most notices have few.
        let first = original
            .char_indices()
            .find(|&(_, c)| !c.is_ascii() && !matches!(map_char(c), Mapped::Keep));
        let Some((first, _)) = first else {
            return Normalized { text: Cow::Borrowed(original), checkpoints: Vec::new(), original };
        };
        let mut text = String::with_capacity(original.len());
        text.push_str(&original[..first]);
        let mut checkpoints = Vec::new();
        for (at, c) in original[first..].char_indices() {
            let at = first + at;
            match map_char(c) {
                Mapped::Keep => text.push(c),
                Mapped::Replace(r) => {
                    checkpoints.push((text.len(), at));
                    text.push(r);
                    checkpoints.push((text.len(), at + c.len_utf8()));
                }
                Mapped::Remove => {
                    checkpoints.push((text.len(), at + c.len_utf8()));
                }
            }
        }
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
    fn sentence_punctuation_is_kept() {
        check("张三，13812345678；", "张三，13812345678；");
    }
}
