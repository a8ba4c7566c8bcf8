//! 银行卡号 / 银行账号 (bank card and account numbers).
//!
//! Recognized: 16–19 digits, whole or in groups of four (`6222 0212 3456 7890 123`), that
//! either start with a BIN from `dictionaries/bank_bins.tsv` with the matching card length,
//! or start with the UnionPay prefix `62` and pass Luhn, or follow an account cue or header
//! (`开户账号`, `一卡通`, `银行账号`, `社保卡号`, `存折号`, `惠农卡号`, `收款账户`). Luhn raises
//! confidence but never gates: some Chinese debit cards and most 一卡通 passbook accounts
//! fail it.
//!
//! Known false negatives: account numbers of 10–15 digits (some rural credit
//! cooperatives) and cards of banks missing from the BIN table when no cue is present.
//! Known false positives: 16–19 digit order or contract numbers after an account cue.

use crate::detect::{Candidate, Prepared, Recognizer, Run, explain};
use crate::dict::{CueCategory, Dictionaries};
use crate::kind::PiiKind;
use crate::redacted::Redacted;
use rustc_hash::FxHashSet;

pub(crate) struct BankCard {
    bins: FxHashSet<(u8, u64, u8)>,
    /// BIN lengths that occur for each card length (index), longest first.
    bin_lengths: Vec<Vec<u8>>,
}

impl BankCard {
    pub(crate) fn new(dict: &Dictionaries) -> Self {
        let mut bin_lengths = vec![Vec::new(); 21];
        for &(n, _, len) in &dict.bank_bins {
            bin_lengths[usize::from(len)].push(n);
        }
        for lengths in &mut bin_lengths {
            lengths.sort_unstable_by(|a, b| b.cmp(a));
            lengths.dedup();
        }
        BankCard { bins: dict.bank_bins.clone(), bin_lengths }
    }

    /// Returns true when the (visible) leading digits are a known BIN for this length.
    fn known_bin(&self, v: &str) -> bool {
        let len = v.len() as u8;
        let Some(lengths) = self.bin_lengths.get(v.len()) else { return false };
        let digits = v.bytes().take_while(u8::is_ascii_digit).take(10).count();
        // Parse the longest prefix once; shorter BINs are its quotients by powers of ten.
        let head: u64 = v[..digits].parse().unwrap_or(0);
        lengths.iter().filter(|&&n| usize::from(n) <= digits).any(|&n| {
            let bin = head / 10u64.pow(u32::try_from(digits).unwrap_or(0) - u32::from(n));
            self.bins.contains(&(n, bin, len))
        })
    }
}

impl Recognizer for BankCard {
    fn kind(&self) -> PiiKind {
        PiiKind::BankCard
    }

    fn find(&self, doc: &Prepared<'_>, runs: &[Run<'_>], out: &mut Vec<Candidate>) {
        for run in runs {
            let v = run.text();
            if !(16..=19).contains(&v.len())
                || v.contains('X')
                || run.chunks.iter().any(|c| c.paren)
            {
                continue;
            }
            if !(run.grouped_as(&[v.len() as u8]) || run.grouped_by_four()) {
                continue;
            }
            let cue = doc.cue(run);
            if cue == Some(CueCategory::NotPersonal) {
                continue;
            }
            let masked = v.contains('*');
            let bank_cue = cue == Some(CueCategory::BankCard);
            let bin = self.known_bin(v);
            let unionpay = v.starts_with("62");
            if !(bin || unionpay || bank_cue) {
                continue;
            }
            let luhn = !masked && luhn_valid(v);
            let mut confidence: f32 = match (bin, unionpay && (luhn || masked), bank_cue) {
                (true, _, _) => 0.88,
                (false, true, _) => 0.82,
                (false, false, true) => 0.78,
                _ => continue,
            };
            if luhn {
                confidence += 0.07;
            }
            confidence += match cue {
                Some(CueCategory::BankCard) => 0.1,
                Some(CueCategory::IdCard | CueCategory::Phone | CueCategory::PublicPhone) => -0.15,
                _ => 0.0,
            };
            if masked && v.bytes().filter(u8::is_ascii_digit).count() < 4 {
                continue;
            }
            out.push(Candidate {
                kind: PiiKind::BankCard,
                start: run.start(),
                end: run.end(),
                confidence: confidence.clamp(0.0, 1.0),
                rule: if masked {
                    "bank_card.masked"
                } else if bin {
                    "bank_card.bin"
                } else {
                    "bank_card.context"
                },
                explanation: explain(
                    &[
                        "16-19 digits",
                        if bin {
                            "known bank BIN"
                        } else if unionpay {
                            "UnionPay prefix 62"
                        } else {
                            ""
                        },
                        if luhn {
                            "Luhn check passes"
                        } else if masked {
                            ""
                        } else {
                            "Luhn check fails"
                        },
                    ],
                    doc.cue_id(run),
                ),
                public: None,
                value: Redacted::new(run.value),
                prefix_len: 0,
                levels: [0; 4],
                hidden: false,
                record: 0,
            });
        }
    }
}

/// Returns true when the digits pass the Luhn (mod 10) check.
pub(crate) fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        let d = u32::from(b - b'0');
        sum += if i % 2 == 1 {
            let x = d * 2;
            if x > 9 { x - 9 } else { x }
        } else {
            d
        };
    }
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t;

    #[test]
    fn luhn() {
        assert!(luhn_valid("6222021234567890128"));
        assert!(!luhn_valid("6222021234567890123"));
        assert!(luhn_valid("4111111111111111"));
    }

    t!(bin_and_luhn, "6222021234567890128", [(BankCard, "6222021234567890128")]);
    t!(groups_of_four, "卡号 6222 0212 3456 7890 128", [(BankCard, "6222 0212 3456 7890 128")]);
    t!(unionpay_luhn_unknown_bin, "6299991234567896", [(BankCard, "6299991234567896")]);
    t!(luhn_fails_but_bin_known, "6222021234567890123", [(BankCard, "6222021234567890123")]);
    t!(account_cue_no_bin, "一卡通账号：1234567890123456789", [(BankCard, "1234567890123456789")]);
    t!(masked, "开户账号：6222********1234", [(BankCard, "6222********1234")]);
    // Headers of the passbooks and cards subsidies are paid to, with no BIN to go by.
    t!(
        passbook_and_card_headers,
        "序号\t存折号\t惠农卡号\t收款账户\n1\t15070123456789012\t15070123456789013\t15070123456789014\n",
        [
            (BankCard, "15070123456789012"),
            (BankCard, "15070123456789013"),
            (BankCard, "15070123456789014")
        ]
    );
    t!(
        full_width,
        "银行账号：６２２２０２１２３４５６７８９０１２８",
        [(BankCard, "６２２２０２１２３４５６７８９０１２８")]
    );

    // Near misses.
    t!(no_bin_no_cue, "1234567890123456789", []);
    t!(fifteen_digits, "开户账号：622202123456789", []);
    // A 16-digit prefix passes Luhn by chance; the card is all 19 digits.
    t!(
        prefix_of_grouped_card,
        "一卡通账号：6212 8154 8652 4186 331",
        [(BankCard, "6212 8154 8652 4186 331")]
    );
    t!(twenty_digits, "62220212345678901289", []);
    t!(exam_ticket, "准考证号：6222021234567890128", []);
    t!(amount, "6222021234567890.12元", []);
}
