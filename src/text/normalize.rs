//! Normalization: one pass that maps the characters that hide identifiers from a plain
//! ASCII scan onto ASCII, keeping an offset map back to the original text.
//!
//! - full-width digits, letters, `（）＋－＊／．` → ASCII (`１３８` → `138`);
//! - dashes and minus signs (`—`, `–`, `‐`, `−` …) → `-`;
//! - ideographic and no-break spaces → ` `;
//! - zero-width characters and soft hyphens → removed;
//! - padding inside a word of two Chinese characters that stands alone → removed
//!   (`王　强、李秀兰`, `姓  名：`): lists and forms pad two-character names to the width
//!   of three, which hides them from the name pass (see [`padding_at`]).
//!
//! Full-width punctuation that carries sentence structure (`，：；。`) is left alone so the
//! digit guards can tell a list `138…，139…` from a number `1,234`.

use std::borrow::Cow;

use super::{is_han, swar};

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
        let mut gaps = ascii_padding_gaps(original).into_iter().peekable();
        // Lead bytes are never continuation bytes, so a byte search finds characters.
        while let Some(lead) = swar::find(bytes, i, may_map_word, may_map) {
            // Padding goes whole: a gap of ASCII spaces before the next mapped character,
            // or one that this ideographic or no-break space opens.
            let gap = gaps.next_if(|&(start, _)| start < lead).or_else(|| {
                let rest = &bytes[lead..];
                (rest.starts_with("\u{3000}".as_bytes()) || rest.starts_with("\u{00A0}".as_bytes()))
                    .then(|| padding_at(original, lead).map(|end| (lead, end)))
                    .flatten()
            });
            if let Some((start, end)) = gap {
                if text.capacity() == 0 {
                    text.reserve(original.len());
                }
                text.push_str(&original[copied..start]);
                checkpoints.push((text.len(), end));
                copied = end;
                i = end;
                continue;
            }
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
        // Gaps after the last mapped character (padding of ASCII spaces).
        for (start, end) in gaps {
            if text.capacity() == 0 {
                text.reserve(original.len());
            }
            text.push_str(&original[copied..start]);
            checkpoints.push((text.len(), end));
            copied = end;
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

/// Characters that pad a word: the ASCII, ideographic and no-break spaces.
fn is_padding(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{00A0}')
}

/// How a word of two characters is bounded on one side.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    /// The text's end, punctuation, a tab or line break, a digit: the word stands alone.
    Clear,
    /// Padding with no Chinese character right behind it (a column's gap, an indent).
    Padding,
}

/// Reads the bound of a word from the two characters next to it, nearest first: no Chinese
/// character next to it, nor one after a single space (`李秀兰 王　强` is a run of words).
fn bound(next: Option<char>, after_next: Option<char>) -> Option<Bound> {
    match next {
        None => Some(Bound::Clear),
        Some(c) if is_han(c) => None,
        Some(c) if is_padding(c) => (!after_next.is_some_and(is_han)).then_some(Bound::Padding),
        Some(_) => Some(Bound::Clear),
    }
}

/// Returns the byte ranges of the padding that opens with an ASCII space (see
/// [`padding_at`]), in text order; the ideographic and no-break spaces that open the rest
/// are mapped characters, which the normalization pass looks at anyway.
fn ascii_padding_gaps(text: &str) -> Vec<(usize, usize)> {
    let mut gaps: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    for start in memchr::memchr_iter(b' ', bytes) {
        // Most spaces follow ASCII (digits, Latin words, other spaces): a Chinese character
        // ends in a continuation byte.
        if start > 0
            && bytes[start - 1] >= 0x80
            && gaps.last().is_none_or(|&(_, end)| start >= end)
            && let Some(end) = padding_at(text, start)
        {
            gaps.push((start, end));
        }
    }
    gaps
}

/// Returns the end of the padding that starts at `start` inside a word of two Chinese
/// characters that stands alone — one or two spaces between the characters, nothing
/// Chinese on either side (`王　强、`, `：吴 敏`, `　姓　名　`). Lists, forms and tables
/// pad two-character names so that they line up with names of three. Ideographic spaces
/// are padding; ASCII and no-break spaces count only between punctuation, tabs or line
/// breaks, since they also set off the columns of tables (`男  汉`, `姜  萍 男 80`), which
/// the structure pass reads. A run of single characters (`王 强 男`, `李 秀 兰`) is left
/// alone.
fn padding_at(text: &str, start: usize) -> Option<usize> {
    let mut gap = text[start..].chars();
    let pad = gap.next().filter(|&c| is_padding(c))?;
    let mut before = text[..start].chars().rev();
    before.next().filter(|&c| is_han(c))?;
    let left = bound(before.next(), before.next());
    // ASCII and no-break spaces need clear bounds (see below): most fail on the left.
    if pad != '\u{3000}' && left != Some(Bound::Clear) {
        return None;
    }
    let second_pad = gap.clone().next().filter(|&c| is_padding(c));
    if second_pad.is_some() {
        gap.next();
    }
    let end = start + pad.len_utf8() + second_pad.map_or(0, char::len_utf8);
    gap.next().filter(|&c| is_han(c))?;
    let right = bound(gap.next(), gap.next());
    let ideographic = pad == '\u{3000}' && second_pad.is_none_or(|c| c == '\u{3000}');
    let alone = if ideographic {
        match (left, right) {
            (Some(_), Some(_)) => true,
            // One ideographic space is typed as padding, not between words: a name padded
            // in a sentence stands alone on one side (`，吴　敏同志`, `申请人吴　敏，`).
            (Some(_), None) | (None, Some(_)) => second_pad.is_none(),
            // Between other words, only a pair of single characters inside a run of names
            // aligned to three characters (`王红梅　李　强　赵德胜`).
            (None, None) => second_pad.is_none() && pairs_in_aligned_run(text, start),
        }
    } else {
        // ASCII and no-break spaces also set off columns and words (`姜  萍 男 80`: the
        // space after 萍 is a cell's end): only between punctuation, tabs or line breaks.
        left == Some(Bound::Clear) && right == Some(Bound::Clear)
    };
    alone.then_some(end)
}

/// Most words of an aligned run read on either side of a gap: enough for the stretch of
/// single characters around it and the names of three that bound it; the rest of a long
/// list (表彰 lists run to dozens of names) is not read again at every gap.
const MAX_RUN_WORDS: usize = 12;

/// The words of a run that single ideographic spaces part, read from a gap outwards: their
/// lengths in characters, and whether the run went on past [`MAX_RUN_WORDS`] words.
struct RunWords {
    lengths: Vec<usize>,
    cut: bool,
}

/// Reads the words of the run that `chars` follow outwards from an ideographic space.
/// Anything but a Chinese character or a single ideographic space ends the run.
fn run_words(chars: impl Iterator<Item = char>) -> RunWords {
    let mut lengths = vec![0];
    let mut cut = false;
    for c in chars {
        let len = lengths.last_mut().expect("one word at least");
        if is_han(c) {
            *len += 1;
        } else if c == '\u{3000}' && *len > 0 {
            if lengths.len() == MAX_RUN_WORDS {
                cut = true;
                break;
            }
            lengths.push(0);
        } else {
            break;
        }
    }
    // A run that ends on a space (`王　强　　李秀兰`, `王　强　，`) ends at its last word.
    if lengths.last() == Some(&0) {
        lengths.pop();
    }
    RunWords { lengths, cut }
}

/// Returns true when the ideographic space at `start` parts the two characters of a name
/// padded to three characters inside a run of such names (`吴　敏　王红梅　李　强　赵德胜`):
/// single ideographic spaces part the run's words, each of one or three characters (as far
/// as [`MAX_RUN_WORDS`] on either side); the words of one character next to the space make
/// a stretch between two words of three (or a word of three and the run's end) of an even
/// number, which pairs from its start, and the space parts a pair. A run of single
/// characters alone (`李　秀　兰`) is not decided.
fn pairs_in_aligned_run(text: &str, start: usize) -> bool {
    let before = run_words(text[..start].chars().rev());
    let after = run_words(text[start + '\u{3000}'.len_utf8()..].chars());
    let singles = |run: &RunWords| run.lengths.iter().take_while(|&&len| len == 1).count();
    let (left, right) = (singles(&before), singles(&after));
    // The words past the stretch on each side: one of three characters or the run's end
    // (undecided where the reading stopped first).
    let bounded = |run: &RunWords, singles: usize| match run.lengths.get(singles) {
        Some(3) => Some(true),
        None if !run.cut => Some(false),
        _ => None,
    };
    let (Some(three_before), Some(three_after)) = (bounded(&before, left), bounded(&after, right))
    else {
        return false;
    };
    left > 0
        && right > 0
        && (three_before || three_after)
        && (left + right) % 2 == 0
        && left % 2 == 1
        && before.lengths.iter().chain(&after.lengths).all(|&len| len == 1 || len == 3)
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
    fn padding_inside_a_word_of_two_characters_standing_alone_is_removed() {
        let original = "名单：王\u{3000}强、李秀兰、陈  俨\n吴 敏，男，汉族";
        let n = check(original, "名单：王强、李秀兰、陈俨\n吴敏，男，汉族");
        // The name maps back to the original with its padding.
        let start = "名单：".len();
        let end = start + "王强".len();
        assert_eq!(&original[n.original_start(start)..n.original_end(end)], "王\u{3000}强");
        // Indents, tab-separated cells, headings of forms; padding of two ideographic
        // spaces, and of a no-break space from HTML.
        check("\u{3000}\u{3000}公\u{3000}\u{3000}告\n", "  公告\n");
        check("1\t王 强\t男\n", "1\t王强\t男\n");
        check("姓\u{00A0}名：", "姓名：");
        check("     王\u{3000}强    3607", "     王强    3607");
        check("3 姜\u{3000}萍 男 80", "3 姜萍 男 80");
        // One ideographic space, with the word alone on one side only.
        check("，吴\u{3000}敏同志", "，吴敏同志");
        check("申请人吴\u{3000}敏，女", "申请人吴敏，女");
        check("李秀兰 王\u{3000}强", "李秀兰 王强");
        check("名单：王\u{3000}强\u{3000}李秀兰", "名单：王强 李秀兰");
    }

    #[test]
    fn spaces_between_words_and_columns_are_kept() {
        // A word of three characters or more, a run of single characters, a space after a
        // word, and two spaces between columns of one character each.
        for kept in [
            "李 秀兰",
            "李 秀 兰",
            "王 强 男 汉族",
            "公示 名单",
            "王强  男  汉  1975",
            "1     王  强    3607",
            "1     王 强    3607",
            "3 姜  萍 男 80",
            "| 1 | 吴 敏 | 300元 |",
            "2026年 3月",
            "第 3 组",
            "申请人吴 敏，女",
            "户主王\u{3000}强因病致贫",
            "县长\u{3000}\u{3000}王强",
        ] {
            check(kept, &kept.replace('\u{3000}', " "));
        }
    }

    #[test]
    fn names_padded_inside_a_run_of_aligned_names_are_joined() {
        // Single ideographic spaces part both the names and a padded name's characters.
        check(
            "优秀党员：吴　敏　王红梅　李　强　赵德胜　钱　勇",
            "优秀党员：吴敏 王红梅 李强 赵德胜 钱勇",
        );
        check("刘志强　陈　静　黄建华　周　伟　林秀英", "刘志强 陈静 黄建华 周伟 林秀英");
        check("王红梅　李　强　周　伟　赵德胜", "王红梅 李强 周伟 赵德胜");
        // A list longer than the words read on either side of a gap (twenty names).
        let names: Vec<&str> = "赵　艳,郭　平,王军秀,赵　明,郭刚静,赵　超,马　娜,杨　洋,王明平,马杰霞,\
                                胡　艳,刘　静,郭　军,朱娟超,马秀霞,朱　勇,王平丽,徐　刚,黄洋敏,张刚明"
            .split(',')
            .collect();
        let joined: Vec<String> = names.iter().map(|n| n.replace('\u{3000}', "")).collect();
        check(&names.join("\u{3000}"), &joined.join(" "));
        // Not a stretch of an odd number of single characters, nor single characters with
        // no name of three beside them, nor words of two or four characters.
        for kept in [
            "王红梅　李　秀　兰　赵德胜",
            "王红梅　李　强　刘德　赵德胜",
            "公示　王　强　名单",
            "王红梅　李　强　赵德胜　公示名单",
        ] {
            check(kept, &kept.replace('\u{3000}', " "));
        }
    }

    #[test]
    fn sentence_punctuation_is_kept() {
        check("张三，13812345678；", "张三，13812345678；");
    }
}
