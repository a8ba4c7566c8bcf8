//! Masking: how a finding is rewritten, kept apart from how it was found.
//!
//! Masking works per character, never per byte: `１３８１２３４５６７８` becomes
//! `１３８****５６７８` with the same number of characters. Separators and parentheses
//! stay; only value characters (digits, `X`, stars) count towards `keep_start`/`keep_end`.

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

fn is_visible(c: char) -> bool {
    is_value_char(c) && !matches!(c, '*' | '＊')
}

/// Number of leading value characters a rule keeps visible.
fn kept_start(rule: &KindRule, area_code_len: usize) -> usize {
    rule.keep_start + if rule.keep_area_code { area_code_len } else { 0 }
}

/// Returns true when every visible value character of `original` lies where `rule`
/// allows it: the value is masked at least as much as the profile asks.
pub(crate) fn sufficiently_masked(original: &str, rule: &KindRule, area_code_len: usize) -> bool {
    let n = original.chars().filter(|&c| is_value_char(c)).count();
    let head = kept_start(rule, area_code_len);
    original
        .chars()
        .filter(|&c| is_value_char(c))
        .enumerate()
        .all(|(i, c)| !is_visible(c) || i < head || i + rule.keep_end >= n)
}

/// Renders the replacement of `original` (the finding's original text) under `rule`.
pub(crate) fn render(
    original: &str,
    kind: PiiKind,
    rule: &KindRule,
    area_code_len: usize,
    value: &str,
    secret: Option<&[u8]>,
) -> String {
    match rule.style {
        MaskStyle::Mask => star(original, rule, area_code_len),
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

fn star(original: &str, rule: &KindRule, area_code_len: usize) -> String {
    let n = original.chars().filter(|&c| is_value_char(c)).count();
    let head = kept_start(rule, area_code_len);
    let mut i = 0;
    original
        .chars()
        .map(|c| {
            if !is_value_char(c) {
                return c;
            }
            let keep = i < head || i + rule.keep_end >= n;
            i += 1;
            if keep { c } else { '*' }
        })
        .collect()
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
        KindRule { treat: Treatment::Mask, style, keep_start, keep_end, keep_area_code: false }
    }

    #[test]
    fn stars_keep_counts_and_separators() {
        let r = rule(MaskStyle::Mask, 3, 4);
        assert_eq!(star("13812345678", &r, 0), "138****5678");
        assert_eq!(star("138-1234-5678", &r, 0), "138-****-5678");
        assert_eq!(star("１３８１２３４５６７８", &r, 0), "１３８****５６７８");
        let id = rule(MaskStyle::Mask, 2, 3);
        assert_eq!(star("11010519491231002X", &id, 0), "11*************02X");
    }

    #[test]
    fn landline_keeps_area_code() {
        let r = KindRule { keep_area_code: true, ..rule(MaskStyle::Mask, 0, 0) };
        assert_eq!(star("(0797)1234567", &r, 4), "(0797)*******");
        assert_eq!(star("010-62751234", &r, 3), "010-********");
    }

    #[test]
    fn sufficiency_of_existing_masks() {
        let id = rule(MaskStyle::Mask, 2, 3);
        assert!(sufficiently_masked("35*************123", &id, 0));
        assert!(!sufficiently_masked("3501021980****1234", &id, 0));
        let mobile = rule(MaskStyle::Mask, 3, 4);
        assert!(sufficiently_masked("138****5678", &mobile, 0));
        assert!(sufficiently_masked("1**********", &mobile, 0));
        assert!(!sufficiently_masked("1381234****", &mobile, 0));
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
