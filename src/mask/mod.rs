//! Masking: how a finding is rewritten, kept apart from how it was found.
//!
//! Masking works per character, never per byte: `１３８１２３４５６７８` becomes
//! `１３８****５６７８` with the same number of characters. Separators and parentheses
//! stay; only value characters (digits, `X`, stars) count towards `keep_start`/`keep_end`.
//! In names and addresses every character but spaces and separators is a value character,
//! and `某`/`×`/`○` hide one as a star does (`张某某` is a masked name).

mod profile;

use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

pub use profile::{KindRule, Profile, Treatment};

use crate::kind::PiiKind;

/// How a value is rewritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaskStyle {
    /// Star the hidden characters (`138****1234`).
    Mask,
    /// Remove the value.
    Redact,
    /// Replace the value by its kind's label (`【身份证号】`).
    Label,
    /// Replace the value by a keyed pseudonym (`【身份证号:1f2e3d4c5b6a】`), stable per
    /// deployment secret, so archives stay linkable without the value.
    Token,
}

/// Returns true for characters that carry the value (digits, check `X`, mask stars), in
/// ASCII or full-width form.
fn is_value_char(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９' | 'X' | 'x' | 'Ｘ' | 'ｘ' | '*' | '＊')
}

/// Returns true for the characters that hide a character of a name or an address.
pub(crate) fn is_text_mask_char(c: char) -> bool {
    matches!(c, '*' | '＊' | '某' | '×' | '○' | 'X' | 'x')
}

/// Returns true for the characters of a value of `kind` that masking counts and stars.
#[inline]
fn is_value_char_of(kind: PiiKind, c: char) -> bool {
    match kind {
        PiiKind::PersonName | PiiKind::Address => {
            !c.is_whitespace()
                && !matches!(c, '·' | '•' | '-' | '(' | ')' | '\u{200B}'..='\u{200D}')
        }
        _ => is_value_char(c),
    }
}

/// Returns the number of value characters of `s` as a value of `kind`.
pub(crate) fn value_chars(kind: PiiKind, s: &str) -> usize {
    s.chars().filter(|&c| is_value_char_of(kind, c)).count()
}

fn is_visible(kind: PiiKind, c: char) -> bool {
    match kind {
        PiiKind::PersonName | PiiKind::Address => !is_text_mask_char(c),
        _ => !matches!(c, '*' | '＊'),
    }
}

/// Returns true when every visible value character of `original` lies in the first `head`
/// or the last `rule.keep_end` value characters: the value is masked at least as much as
/// the profile asks.
pub(crate) fn sufficiently_masked(
    original: &str,
    kind: PiiKind,
    rule: &KindRule,
    head: usize,
) -> bool {
    let n = original.chars().filter(|&c| is_value_char_of(kind, c)).count();
    original
        .chars()
        .filter(|&c| is_value_char_of(kind, c))
        .enumerate()
        .all(|(i, c)| !is_visible(kind, c) || i < head || i + rule.keep_end >= n)
}

/// Renders the replacement of `original` (the finding's original text) under `rule`;
/// `head` is the number of leading value characters kept (`keep_start` plus the area
/// code, surname or divisions the rule keeps).
pub(crate) fn render(
    original: &str,
    kind: PiiKind,
    rule: &KindRule,
    head: usize,
    value: &str,
    secret: Option<&[u8]>,
) -> String {
    match rule.style {
        MaskStyle::Mask => star(original, kind, head, rule.keep_end),
        MaskStyle::Redact => String::new(),
        MaskStyle::Label => format!("【{}】", kind.label()),
        MaskStyle::Token => match secret {
            Some(secret) => format!("【{}:{}】", kind.label(), token(secret, kind, value)),
            // The scanner refuses token profiles without a secret; never fall back to
            // printing the value.
            None => format!("【{}】", kind.label()),
        },
    }
}

fn star(original: &str, kind: PiiKind, head: usize, keep_end: usize) -> String {
    let n = value_chars(kind, original);
    // A star is never longer than the character it replaces.
    let mut out = String::with_capacity(original.len());
    let mut i = 0;
    for c in original.chars() {
        if !is_value_char_of(kind, c) {
            out.push(c);
            continue;
        }
        let keep = i < head || i + keep_end >= n;
        i += 1;
        out.push(if keep { c } else { '*' });
    }
    out
}

/// Returns the full keyed HMAC-SHA256 of a normalized value, in hex: the fingerprint the
/// store counts distinct persons by. Unkeyed hashes of IDs and phones are forbidden: they are
/// brute-forced in minutes.
pub(crate) fn fingerprint(key: &[u8], kind: &str, value: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(kind.as_bytes());
    mac.update(b"\0");
    mac.update(value);
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Returns a 12-hex-digit keyed pseudonym (HMAC-SHA256) of a normalized value.
pub(crate) fn token(secret: &[u8], kind: PiiKind, value: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(kind.as_str().as_bytes());
    mac.update(b"\0");
    mac.update(value.as_bytes());
    let bytes = mac.finalize().into_bytes();
    bytes[..6].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(style: MaskStyle, keep_start: usize, keep_end: usize) -> KindRule {
        KindRule {
            treat: Treatment::Mask,
            style,
            keep_start,
            keep_end,
            keep_area_code: false,
            keep_surname: false,
            keep_level: None,
        }
    }

    #[test]
    fn stars_keep_counts_and_separators() {
        let m = PiiKind::MobilePhone;
        assert_eq!(star("13812345678", m, 3, 4), "138****5678");
        assert_eq!(star("138-1234-5678", m, 3, 4), "138-****-5678");
        assert_eq!(star("１３８１２３４５６７８", m, 3, 4), "１３８****５６７８");
        assert_eq!(star("11010519491231002X", PiiKind::IdCard, 2, 3), "11*************02X");
    }

    #[test]
    fn landline_keeps_area_code() {
        assert_eq!(star("(0797)1234567", PiiKind::Landline, 4, 0), "(0797)*******");
        assert_eq!(star("010-62751234", PiiKind::Landline, 3, 0), "010-********");
    }

    #[test]
    fn names_and_addresses_star_every_character() {
        assert_eq!(star("张三丰", PiiKind::PersonName, 1, 0), "张**");
        assert_eq!(star("欧阳娜娜", PiiKind::PersonName, 2, 0), "欧阳**");
        assert_eq!(star("买买提·艾力", PiiKind::PersonName, 0, 0), "***·**");
        assert_eq!(
            star("安远县城关镇红星村3组12号", PiiKind::Address, 6, 0),
            "安远县城关镇********"
        );
    }

    #[test]
    fn sufficiency_of_existing_masks() {
        let id = rule(MaskStyle::Mask, 2, 3);
        let k = PiiKind::IdCard;
        assert!(sufficiently_masked("35*************123", k, &id, 2));
        assert!(!sufficiently_masked("3501021980****1234", k, &id, 2));
        let mobile = rule(MaskStyle::Mask, 3, 4);
        let k = PiiKind::MobilePhone;
        assert!(sufficiently_masked("138****5678", k, &mobile, 3));
        assert!(sufficiently_masked("1**********", k, &mobile, 3));
        assert!(!sufficiently_masked("1381234****", k, &mobile, 3));
        let name = rule(MaskStyle::Mask, 0, 0);
        let k = PiiKind::PersonName;
        assert!(sufficiently_masked("张*", k, &name, 1));
        assert!(sufficiently_masked("张某某", k, &name, 1));
        assert!(!sufficiently_masked("张*明", k, &name, 1));
        assert!(!sufficiently_masked("张*", k, &name, 0));
    }

    #[test]
    fn other_styles() {
        let id = PiiKind::IdCard;
        assert_eq!(render("110", id, &rule(MaskStyle::Redact, 0, 0), 0, "110", None), "");
        assert_eq!(
            render("110", id, &rule(MaskStyle::Label, 0, 0), 0, "110", None),
            "【身份证号】"
        );
        let t = render("110", id, &rule(MaskStyle::Token, 0, 0), 0, "110", Some(b"secret"));
        assert!(t.starts_with("【身份证号:") && t.chars().count() == 19, "{t}");
        assert!(!t.contains("110"));
    }

    #[test]
    fn tokens_are_keyed_and_stable() {
        let a = token(b"k1", PiiKind::IdCard, "11010519491231002X");
        assert_eq!(a, token(b"k1", PiiKind::IdCard, "11010519491231002X"));
        assert_ne!(a, token(b"k2", PiiKind::IdCard, "11010519491231002X"));
        assert_ne!(a, token(b"k1", PiiKind::BankCard, "11010519491231002X"));
        assert_eq!(a.len(), 12);
    }
}
