//! Number groups: the candidates every numeric detector starts from.
//!
//! A *chunk* is a run of ASCII digits and mask stars (`*`), optionally ending in an ID
//! check character `X`/`x`, or an area code in parentheses `(0797)`. A *group* is a run of
//! chunks joined by single separators (` ` or `-`), so `138 1234 5678`, `0797-1234567`,
//! `(0797)1234567` and `110105 19491231 002X` are one group each, while `、`, `，` and
//! CJK text end a group. Detectors then try whole chunks and runs of chunks.
//!
//! Digit guards are written here in code because `\b` does not separate CJK from digits
//! and `\d` matches full-width digits: a group glued to ASCII letters, `/`, `_`, `@`, `%`
//! or to a decimal point or thousands comma belongs to a larger token (URL, 索引号
//! `620702069/2023-00096`, amount `1,234.50`, ICP code) and is dropped whole — but a slash
//! with Chinese on its other side parts two values (`钟金发/3601…`).

use super::swar;

/// One chunk of a number group, as normalized byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// ASCII digits in the chunk.
    pub(crate) digits: usize,
    /// Mask stars in the chunk.
    pub(crate) stars: usize,
    /// The chunk holds an ID check character `X` or `x`: at its end, or before the two
    /// digits of a 残疾人证 number.
    pub(crate) check_x: bool,
    /// The chunk is written `(0797)`; `start..end` covers the parentheses.
    pub(crate) paren: bool,
}

impl Chunk {
    /// Number of value characters (digits, stars, X).
    pub(crate) fn len(&self) -> usize {
        self.digits + self.stars + usize::from(self.check_x)
    }
}

/// A run of chunks joined by single separators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NumberGroup {
    pub(crate) chunks: Vec<Chunk>,
    /// Preceded by `+` (international prefix, as in `+86 138…`).
    pub(crate) plus: bool,
}

impl NumberGroup {
    pub(crate) fn start(&self) -> usize {
        self.chunks[0].start
    }

    pub(crate) fn end(&self) -> usize {
        self.chunks[self.chunks.len() - 1].end
    }
}

/// Returns true at a byte that can open a group: a digit, `*`, or `(` of an area code.
/// All are ASCII, so a byte search finds them only where a character starts.
fn opens_group(b: u8) -> bool {
    b.is_ascii_digit() || b == b'*' || b == b'('
}

/// Marks the bytes of a word between `(` and `9`, which hold every byte that opens a group.
fn may_open_group(word: u64) -> u64 {
    swar::flag_between(word, b'(', b'9')
}

fn is_value_byte(b: u8) -> bool {
    b.is_ascii_digit() || b == b'*'
}

/// ASCII bytes that glue a number to a larger code when directly attached.
fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphabetic()
        || matches!(b, b'_' | b'/' | b'\\' | b'@' | b'#' | b'&' | b'=' | b'%' | b'~')
}

/// Returns the number groups of `text` (normalized), with guarded groups left out.
pub(crate) fn number_groups(text: &str) -> Vec<NumberGroup> {
    let b = text.as_bytes();
    // Finding-dense notices hold a group per ~90 bytes, prose far fewer: reserved for one
    // per 128 bytes, the vector is rarely regrown.
    let mut groups = Vec::with_capacity(text.len() / 128);
    // Chunks are gathered here and copied out only for the groups that are kept: most
    // numbers of a notice (`5人`, `2024年`) are too short to be one.
    let mut scratch = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Skip to the next byte that can open a group (most of Chinese text cannot).
        let Some(open) = swar::find(b, i, may_open_group, opens_group) else { break };
        i = open;
        if b[i] == b'(' && !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let (kept, end) = scan_group(b, i, &mut scratch);
        i = end.max(i + 1);
        if kept && !guarded(b, &scratch) {
            let plus = b[..scratch[0].start].ends_with(b"+");
            groups.push(NumberGroup { chunks: scratch.clone(), plus });
        }
    }
    groups
}

/// Scans a group starting at `start` into `chunks`; returns whether it is one (it holds a
/// digit and five value characters) and where to resume.
fn scan_group(b: &[u8], start: usize, chunks: &mut Vec<Chunk>) -> (bool, usize) {
    chunks.clear();
    let mut i = start;
    loop {
        let chunk = if b[i] == b'(' { scan_paren(b, i) } else { Some(scan_chunk(b, i)) };
        let Some(chunk) = chunk else { break };
        i = chunk.end;
        chunks.push(chunk);
        let next = b.get(i).copied();
        let after = b.get(i + 1).copied();
        if chunk.paren && next.is_some_and(is_value_byte) {
            continue; // "(0797)1234567"
        }
        match (next, after) {
            (Some(b' ' | b'-'), Some(a)) if is_value_byte(a) && !chunk.check_x => i += 1,
            (Some(b' ' | b'-'), Some(b'(')) if chunk.paren => i += 1,
            _ => break,
        }
    }
    let digits: usize = chunks.iter().map(|c| c.digits).sum();
    let chars: usize = chunks.iter().map(Chunk::len).sum();
    (digits > 0 && chars >= 5, i)
}

fn scan_chunk(b: &[u8], start: usize) -> Chunk {
    let mut i = start;
    let (mut digits, mut stars) = (0, 0);
    // Whole words of digits first: IDs and phones are long runs of them.
    while let Some(word) = b.get(i..i + 8) {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let run = swar::leading_flagged(swar::flag_between(word, b'0', b'9'));
        digits += run;
        i += run;
        if run < 8 {
            break;
        }
    }
    // Then byte by byte: stars, and the digits after them.
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => digits += 1,
            b'*' => stars += 1,
            _ => break,
        }
        i += 1;
    }
    // A trailing X/x is an ID check character unless it starts a word ("Xian").
    let x = matches!(b.get(i), Some(b'X' | b'x'));
    let check_x = x && digits + stars >= 3 && !b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
    // A 残疾人证 number whose ID ends in X goes on with the category (1–7) and grade
    // (1–4) digits: `36072119750812122X11`.
    let disability = |k: usize, range: std::ops::RangeInclusive<u8>| {
        b.get(i + k).is_some_and(|c| range.contains(c))
    };
    let certificate_x = x
        && digits + stars == 17
        && disability(1, b'1'..=b'7')
        && disability(2, b'1'..=b'4')
        && !b.get(i + 3).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'*');
    if check_x {
        i += 1;
    } else if certificate_x {
        i += 3;
        digits += 2;
    }
    let check_x = check_x || certificate_x;
    Chunk { start, end: i, digits, stars, check_x, paren: false }
}

/// Scans `(0797)`: 3 or 4 digits in parentheses starting with 0.
fn scan_paren(b: &[u8], start: usize) -> Option<Chunk> {
    let inner = scan_chunk(b, start + 1);
    let ok = inner.stars == 0
        && !inner.check_x
        && (3..=4).contains(&inner.digits)
        && b[start + 1] == b'0'
        && b.get(inner.end) == Some(&b')');
    ok.then(|| Chunk {
        start,
        end: inner.end + 1,
        digits: inner.digits,
        stars: 0,
        check_x: false,
        paren: true,
    })
}

/// True when the group is glued to a larger token and must not be read as a number.
fn guarded(b: &[u8], chunks: &[Chunk]) -> bool {
    let (start, end) = (chunks[0].start, chunks[chunks.len() - 1].end);
    let before = |k: usize| start.checked_sub(k).map(|i| b[i]);
    let after = |k: usize| b.get(end + k - 1).copied();
    // A mask star stands for the digit it replaced, so masking never changes what a
    // neighbouring number is glued to.
    let digit = |x: Option<u8>| x.is_some_and(|c| c.is_ascii_digit() || c == b'*');
    let alnum = |x: Option<u8>| x.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'*');
    // A digit, or stars that follow a digit: the end of a (masked) number. Stars after
    // anything else mask a name or an address (`赵*`), not a number.
    let number_end = |k: usize| {
        let stars = (k..).take_while(|&j| before(j) == Some(b'*')).count();
        before(k + stars).is_some_and(|c| c.is_ascii_digit())
    };
    // A slash between Chinese (or a mask's stars) and a number parts two values of one
    // cell (`钟金发/3601…` under `姓名/身份证号`); between ASCII it joins a path or a code.
    let slash_glues =
        |x: Option<u8>| x.is_none_or(|c| c.is_ascii() && !c.is_ascii_whitespace() && c != b'*');
    let glued_before = match before(1) {
        // An ID's check character ends the previous number; it glues nothing.
        Some(b'X' | b'x') if number_end(2) => false,
        Some(b'/' | b'\\') => slash_glues(before(2)),
        Some(c) if is_code_byte(c) => true,
        Some(b'.' | b',' | b':') => digit(before(2)),
        Some(b'-') => alnum(before(2)),
        Some(b'+') => alnum(before(2)),
        _ => false,
    };
    let glued_after = match after(1) {
        Some(b'/' | b'\\') => slash_glues(after(2)),
        Some(c) if is_code_byte(c) => true,
        Some(b'.' | b',' | b':') => digit(after(2)),
        Some(b'-') => alnum(after(2)),
        _ => false,
    };
    glued_before || glued_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<Vec<&str>> {
        number_groups(text)
            .iter()
            .map(|g| g.chunks.iter().map(|c| &text[c.start..c.end]).collect())
            .collect()
    }

    #[test]
    fn groups_are_found_after_characters_of_every_width() {
        assert_eq!(groups("é张𠀀13812345678"), vec![vec!["13812345678"]]);
        assert_eq!(groups("(居)-138 1234 5678"), vec![vec!["138", "1234", "5678"]]);
        assert_eq!(groups("住址：(0797)8221234"), vec![vec!["(0797)", "8221234"]]);
    }

    #[test]
    fn single_numbers() {
        assert_eq!(groups("电话13812345678。"), vec![vec!["13812345678"]]);
        assert_eq!(groups("11010519491231002X"), vec![vec!["11010519491231002X"]]);
        assert_eq!(groups("44011320141005001x，"), vec![vec!["44011320141005001x"]]);
    }

    #[test]
    fn separated_chunks_form_one_group() {
        assert_eq!(groups("138 1234 5678"), vec![vec!["138", "1234", "5678"]]);
        assert_eq!(groups("0797-1234567"), vec![vec!["0797", "1234567"]]);
        assert_eq!(groups("(0797)1234567"), vec![vec!["(0797)", "1234567"]]);
        assert_eq!(groups("(0797) 1234567"), vec![vec!["(0797)", "1234567"]]);
        assert_eq!(groups("138****1234"), vec![vec!["138****1234"]]);
    }

    #[test]
    fn lists_split_groups() {
        assert_eq!(
            groups("13812345678、13912345678，13712345678"),
            vec![vec!["13812345678"], vec!["13912345678"], vec!["13712345678"]]
        );
    }

    #[test]
    fn guards_drop_codes_amounts_and_urls() {
        assert!(groups("索引号：620702069/2023-00096").is_empty());
        assert!(groups("金额1,234,567.50元").is_empty());
        assert!(groups("http://a.cn/13812345678").is_empty());
        assert!(groups("ab13812345678").is_empty());
        assert!(groups("13812345678abc").is_empty());
        assert!(groups("13812345678@qq.com").is_empty());
        assert!(groups("占比12345%").is_empty());
        assert!(groups("2026/13812345678").is_empty());
        assert!(groups("13812345678/a").is_empty());
    }

    #[test]
    fn a_slash_after_chinese_parts_two_values() {
        // A cell under `姓名/身份证号` or `电话/手机`: the number is a value of its own.
        assert_eq!(groups("钟金发/13812345678"), vec![vec!["13812345678"]]);
        assert_eq!(groups("13812345678/钟金发"), vec![vec!["13812345678"]]);
        assert_eq!(groups("钟**/13812345678"), vec![vec!["13812345678"]]);
        assert_eq!(groups("钟金发 / 13812345678"), vec![vec!["13812345678"]]);
    }

    #[test]
    fn check_character_does_not_glue_the_next_number() {
        assert_eq!(
            groups("11010519491231002X(0797)8221234"),
            vec![vec!["11010519491231002X"], vec!["(0797)", "8221234"]]
        );
        assert!(groups("AX13812345678").is_empty());
        // Stars of a masked name do not make a stray `x` a check character.
        assert!(groups("赵*x11010519491231002X").is_empty());
        // Masking must not unglue: both forms drop the glued mobile.
        assert_eq!(groups("0797-8221234+8613812345678").len(), 1);
        assert_eq!(groups("0797-*******+8613812345678").len(), 1);
    }

    #[test]
    fn short_and_star_only_runs_are_not_groups() {
        assert!(groups("第1234号").is_empty());
        assert!(groups("**注意**").is_empty());
        assert!(groups("*****").is_empty());
    }

    #[test]
    fn plus_prefix_is_recorded() {
        let g = number_groups("+86 138 1234 5678");
        assert_eq!(g.len(), 1);
        assert!(g[0].plus);
        assert_eq!(g[0].chunks.len(), 4);
    }

    #[test]
    fn word_after_x_is_not_a_check_character() {
        assert_eq!(groups("1234567 Xian"), vec![vec!["1234567"]]);
        // A 残疾人证 number: the ID's X, then category and grade.
        assert_eq!(groups("36072119750812122X11"), vec![vec!["36072119750812122X11"]]);
        assert!(groups("36072119750812122X81").is_empty());
        assert!(groups("36072119750812122X112").is_empty());
        // A star stands for a digit: `X11*…` is no certificate (`…X` then a masked ID).
        assert_eq!(groups("36072119750812122X11****"), vec![vec!["11****"]]);
    }
}
