//! 手机号码 (mobile numbers).
//!
//! Recognized forms: 11 digits starting with a segment from the MIIT allocation
//! (`dictionaries/mobile_segments.tsv`: 13x–19x incl. 192 and the virtual-operator
//! segments 162/165/167/170/171), written whole or `3-4-4` with spaces or dashes, with a
//! `+86`, `+86-` or `0086` prefix, in full-width digits, or partly starred (`138****1234`).
//!
//! Not mobiles: 13-digit IoT numbers (no 11-digit run), 11-digit runs whose segment is not
//! allocated to persons (IoT 146/148), numbers glued to codes (see the digit guards).
//! Numbers labelled `监督电话`/`举报电话`/`咨询电话` … or on the allowlist are `public`.

use crate::detect::{Candidate, Inline, Prepared, Recognizer, Run, explain};
use crate::dict::{CueCategory, Dictionaries};
use crate::kind::PiiKind;
use crate::redacted::Redacted;
use rustc_hash::FxHashSet;

pub(crate) struct MobilePhone {
    prefixes: FxHashSet<(u8, u32)>,
    public_numbers: FxHashSet<String>,
}

impl MobilePhone {
    pub(crate) fn new(dict: &Dictionaries) -> Self {
        MobilePhone {
            prefixes: dict.mobile_prefixes.clone(),
            public_numbers: dict.public_numbers.clone(),
        }
    }

    fn allocated(&self, number: &str) -> bool {
        (3..=5).any(|n| {
            number
                .get(..n)
                .and_then(|p| p.parse().ok())
                .is_some_and(|p| self.prefixes.contains(&(n as u8, p)))
        })
    }
}

impl Recognizer for MobilePhone {
    fn kind(&self) -> PiiKind {
        PiiKind::MobilePhone
    }

    fn find(&self, doc: &Prepared<'_>, runs: &[Run<'_>], out: &mut Vec<Candidate>) {
        for run in runs {
            let cue = doc.cue(run);
            if cue == Some(CueCategory::NotPersonal) || run.chunks.iter().any(|c| c.paren) {
                continue;
            }
            // Strip an international prefix: "+86 138…", "+8613…", "0086 138…", "008613…".
            let v = run.text();
            let plus = run.group.plus && run.first == 0;
            let (prefix_len, number, prefixed) = if plus && v.len() == 13 && v.starts_with("86") {
                (2, &v[2..], true)
            } else if v.len() == 15 && v.starts_with("0086") {
                (4, &v[4..], true)
            } else {
                (0, v, false)
            };
            if number.len() != 11 || !number.starts_with('1') || number.contains('X') {
                continue;
            }
            // Layout: whole, 3-4-4, or a prefix chunk followed by those.
            let lens: &[u8] =
                if prefixed && run.lens.len() > 1 { &run.lens[1..] } else { &run.lens[..] };
            let whole = lens == [11] || lens == [3, 4, 4] || (prefixed && lens == [run.lens[0]]);
            if !whole {
                continue;
            }
            let masked = number.contains('*');
            let allocated = self.allocated(number);
            let phone_cue = matches!(cue, Some(CueCategory::Phone | CueCategory::PublicPhone));
            let mut confidence: f32 = match (masked, allocated) {
                (false, true) => 0.95,
                (true, true) => 0.9,
                (true, false)
                    if phone_cue
                        && !number[..3].contains(|c: char| c.is_ascii_digit() && c != '1') =>
                {
                    0.8
                }
                _ => continue,
            };
            confidence += match cue {
                Some(CueCategory::Phone | CueCategory::PublicPhone) => 0.04,
                Some(CueCategory::IdCard | CueCategory::BankCard) => -0.1,
                _ => 0.0,
            };
            let public = if cue == Some(CueCategory::PublicPhone) {
                Some("labelled as an office's published number")
            } else if self.public_numbers.contains(number) {
                Some("on the public-number allowlist")
            } else {
                None
            };
            // The finding covers the national number; the prefix stays visible.
            let start = if prefix_len == 0 {
                run.start()
            } else if run.lens.len() > 1 && usize::from(run.lens[0]) == prefix_len {
                run.chunks[1].start
            } else {
                run.start() + prefix_len
            };
            out.push(Candidate {
                kind: PiiKind::MobilePhone,
                start,
                end: run.end(),
                confidence: confidence.clamp(0.0, 1.0),
                rule: if masked { "mobile_phone.masked" } else { "mobile_phone.segment" },
                explanation: explain(
                    &[
                        if allocated {
                            "11 digits in an allocated mobile segment"
                        } else {
                            "11 characters after a phone cue"
                        },
                        if prefixed { "international prefix" } else { "" },
                    ],
                    doc.cue_id(run),
                ),
                public,
                value: Redacted::new(Inline::from_text(number)),
                prefix_len: 0,
                levels: [0; 4],
                hidden: false,
                record: 0,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kind::PiiKind;
    use crate::t;

    t!(plain, "13812345678", [(MobilePhone, "13812345678")]);
    t!(touching_cjk, "联系电话13812345678张三", [(MobilePhone, "13812345678")]);
    t!(at_end_after_punct, "电话：19212345678", [(MobilePhone, "19212345678")]);
    t!(
        virtual_operator,
        "17012345678，16512345678",
        [(MobilePhone, "17012345678"), (MobilePhone, "16512345678")]
    );
    t!(dashed, "138-1234-5678", [(MobilePhone, "138-1234-5678")]);
    t!(spaced, "手机 138 1234 5678。", [(MobilePhone, "138 1234 5678")]);
    t!(plus_86, "+86 138 1234 5678", [(MobilePhone, "138 1234 5678")]);
    t!(plus_86_glued, "+8613812345678", [(MobilePhone, "13812345678")]);
    t!(prefix_0086, "0086 13812345678", [(MobilePhone, "13812345678")]);
    t!(full_width, "１３８１２３４５６７８", [(MobilePhone, "１３８１２３４５６７８")]);
    t!(
        list_with_dunhao,
        "13812345678、13912345678",
        [(MobilePhone, "13812345678"), (MobilePhone, "13912345678")]
    );
    t!(masked, "138****5678", [(MobilePhone, "138****5678")]);
    t!(public_by_cue, "监督电话：13812345678", [(MobilePhone, "13812345678", true)]);

    // Near misses.
    t!(ten_digits, "1381234567", []);
    t!(twelve_digits, "138123456789", []);
    t!(check_x_is_not_a_digit, "1381234567X", []);
    t!(iot_13_digits, "1440123456789", []);
    t!(unallocated_segment, "12012345678", []);
    t!(iot_segment, "14612345678", []);
    t!(bad_layout, "1381 234 5678", []);
    t!(inside_code, "订单A13812345678", []);
    t!(decimal, "13812345678.50", []);
    t!(exam_ticket, "准考证号：13812345678", []);
}
