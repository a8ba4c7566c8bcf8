//! 固定电话 (fixed-line numbers).
//!
//! Recognized forms: a long-distance area code from `dictionaries/landline_area_codes.tsv`
//! (3 digits `010`/`02x`, or 4 digits `0xxx`) and a 7–8 digit local number not starting
//! with 0, written `0797-1234567`, `0797 1234567`, `(0797)1234567`, `07971234567`,
//! `0531—12380` (dashes normalize to `-`), with an extension (`-8001`, `转8001`), in lists
//! joined by `、` (a bare local number after a landline inherits its area code's context).
//! A 7–8 digit local number without area code is reported only right after a phone cue.
//!
//! Always `public`: local parts that are service numbers (`12345`, `12380`, `95xxx`,
//! `96xxx`), 400/800 numbers, numbers on the allowlist, numbers labelled
//! `监督电话`/`举报电话`/`咨询电话`/`办公电话` ….
//!
//! Known false negatives: area codes missing from the table, local numbers of 6 digits.

use crate::detect::{Candidate, Prepared, Recognizer, Run, explain, opens_number};
use crate::dict::{CueCategory, Dictionaries};
use crate::kind::PiiKind;
use crate::redacted::Redacted;
use rustc_hash::FxHashSet;

pub(crate) struct Landline {
    area_codes: FxHashSet<String>,
    public_numbers: FxHashSet<String>,
}

/// A number split into its parts.
struct Parts<'v> {
    area: &'v str,
    local: &'v str,
    extension: &'v str,
}

impl Landline {
    pub(crate) fn new(dict: &Dictionaries) -> Self {
        Landline {
            area_codes: dict.area_codes.clone(),
            public_numbers: dict.public_numbers.clone(),
        }
    }

    /// Splits a run into area code, local number and extension, by its chunks or, for one
    /// contiguous chunk, by the area-code table.
    fn split<'v>(&self, run: &'v Run<'_>) -> Option<Parts<'v>> {
        let v = run.text();
        if v.contains('X') {
            return None;
        }
        let lens = &run.lens[..];
        let (area_len, local_len) = match lens.len() {
            1 => {
                if !v.starts_with('0') {
                    return None;
                }
                let area_len = [3, 4]
                    .into_iter()
                    .find(|&n| v.get(..n).is_some_and(|a| self.area_codes.contains(a)))?;
                (area_len, v.len() - area_len)
            }
            2 | 3 => (usize::from(lens[0]), usize::from(lens[1])),
            _ => return None,
        };
        if !(3..=4).contains(&area_len) {
            return None;
        }
        let area = &v[..area_len];
        let local = &v[area_len..area_len + local_len];
        let extension = &v[area_len + local_len..];
        if !self.area_codes.contains(area) || extension.len() > 5 || extension.contains('*') {
            return None;
        }
        Some(Parts { area, local, extension })
    }

    fn public_reason(
        &self,
        cue: Option<CueCategory>,
        full: &str,
        local: &str,
    ) -> Option<&'static str> {
        if cue == Some(CueCategory::PublicPhone) {
            Some("labelled as an office's published number")
        } else if self.public_numbers.contains(full) || self.public_numbers.contains(local) {
            Some("on the public-number allowlist")
        } else if is_service_number(local) {
            Some("service hotline (12xxx/95xxx/96xxx)")
        } else {
            None
        }
    }

    fn with_area_code(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let Some(parts) = self.split(run) else { return };
        let local = parts.local;
        let Some(&first) = local.as_bytes().first() else { return };
        // Local numbers have 7-8 digits and never start with 0 (that would be a trunk
        // prefix); 5-6 digit 12xxx/95xxx/96xxx are service numbers.
        let service_shape = is_service_number(local);
        let personal_shape = (7..=8).contains(&local.len()) && first != b'0';
        let masked = local.contains('*');
        if !(personal_shape || service_shape) || (masked && !(7..=8).contains(&local.len())) {
            return;
        }
        // Separators between chunks must be the phone kind: a paren area code, or one
        // dash/space; three chunks only as area-local-extension.
        // The third chunk is no extension where it opens the next number
        // (`0797-8221234 0797-8221235`).
        if run.lens.len() == 3
            && (run.lens[2] > 5 || opens_number(&run.group.chunks, run.first + 2))
        {
            return;
        }
        let cue = doc.cue(run);
        let full = format!("{}{}", parts.area, local);
        let public = self.public_reason(cue, &full, local);
        let mut confidence: f32 = if masked { 0.85 } else { 0.9 };
        if matches!(cue, Some(CueCategory::Phone | CueCategory::PublicPhone)) {
            confidence += 0.05;
        }
        let end = self.extension_end(doc, run);
        out.push(Candidate {
            kind: PiiKind::Landline,
            start: run.start(),
            end,
            confidence,
            rule: if masked { "landline.masked" } else { "landline.area_code" },
            explanation: explain(
                &[
                    "known area code",
                    if service_shape { "service number" } else { "7-8 digit local number" },
                    if parts.extension.is_empty() { "" } else { "extension" },
                ],
                doc.cue_id(run),
            ),
            public,
            value: Redacted::new(run.value),
            prefix_len: parts.area.len(),
            levels: [0; 4],
            hidden: false,
            record: 0,
        });
    }

    /// Extends a number over a written extension: `0797-1234567转8001`, `分机8001`.
    fn extension_end(&self, doc: &Prepared<'_>, run: &Run<'_>) -> usize {
        let text = doc.text.as_str();
        let end = run.end();
        let rest = &text[end..];
        for marker in ["转", "分机", "ext.", "ext", "Ext."] {
            if let Some(tail) = rest.strip_prefix(marker) {
                let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
                let glued = tail.as_bytes().get(digits).is_some_and(u8::is_ascii_alphanumeric);
                if (1..=5).contains(&digits) && !glued {
                    return end + marker.len() + digits;
                }
            }
        }
        end
    }

    /// 400/800 numbers: `4001234567`, `400-123-4567`, `800 123 4567`. Always public.
    fn service(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let v = run.text();
        let shaped = run.grouped_as(&[10]) || run.grouped_as(&[3, 3, 4]) || run.grouped_as(&[3, 7]);
        if v.len() != 10
            || !shaped
            || !(v.starts_with("400") || v.starts_with("800"))
            || v.contains('*')
        {
            return;
        }
        out.push(Candidate {
            kind: PiiKind::Landline,
            start: run.start(),
            end: run.end(),
            confidence: 0.9,
            rule: "landline.service_400_800",
            explanation: explain(&["400/800 service number"], doc.cue_id(run)),
            public: Some("400/800 numbers belong to organizations"),
            value: Redacted::new(run.value),
            prefix_len: 0,
            levels: [0; 4],
            hidden: false,
            record: 0,
        });
    }

    /// A local number without area code, only right after a phone cue or in a list after
    /// a landline.
    fn local_only(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let v = run.text();
        let cue = doc.cue(run);
        let phone_cue = matches!(cue, Some(CueCategory::Phone | CueCategory::PublicPhone));
        let first = v.as_bytes()[0];
        let service = is_service_number(v) || self.public_numbers.contains(v);
        let local =
            (7..=8).contains(&v.len()) && (b'2'..=b'9').contains(&first) && run.lens.len() == 1;
        // (Without an area code a leading 1 is more likely the start of something else.)
        if !phone_cue || !(local || service) || v.contains(['*', 'X']) || !run.is_whole_group() {
            return;
        }
        out.push(Candidate {
            kind: PiiKind::Landline,
            start: run.start(),
            end: self.extension_end(doc, run),
            confidence: if service { 0.85 } else { 0.75 },
            rule: if service { "landline.hotline" } else { "landline.local" },
            explanation: explain(
                &[if service { "service hotline" } else { "7-8 digit local number" }],
                doc.cue_id(run),
            ),
            public: self.public_reason(cue, v, v),
            value: Redacted::new(run.value),
            prefix_len: 0,
            levels: [0; 4],
            hidden: false,
            record: 0,
        });
    }
}

/// Short service numbers that follow an area code: 12xxx government hotlines and
/// 95xxx/96xxx enterprise and public-utility numbers.
fn is_service_number(local: &str) -> bool {
    local.len() == 5
        && (local.starts_with("12") || local.starts_with("95") || local.starts_with("96"))
        || local.len() == 6 && (local.starts_with("95") || local.starts_with("96"))
}

impl Recognizer for Landline {
    fn kind(&self) -> PiiKind {
        PiiKind::Landline
    }

    fn find(&self, doc: &Prepared<'_>, runs: &[Run<'_>], out: &mut Vec<Candidate>) {
        for run in runs {
            if doc.cue(run) == Some(CueCategory::NotPersonal) {
                continue;
            }
            if run.value.first() == Some(&b'0') {
                self.with_area_code(doc, run, out);
            } else {
                self.service(doc, run, out);
                self.local_only(doc, run, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kind::PiiKind;
    use crate::t;

    t!(dashed, "0797-1234567", [(Landline, "0797-1234567")]);
    t!(three_digit_area, "电话：010-62751234。", [(Landline, "010-62751234")]);
    t!(parenthesized, "(0797)1234567", [(Landline, "(0797)1234567")]);
    t!(full_width_parens, "（0797）1234567", [(Landline, "（0797）1234567")]);
    t!(contiguous, "07971234567", [(Landline, "07971234567")]);
    t!(spaced, "0797 1234567", [(Landline, "0797 1234567")]);
    t!(extension_dash, "0797-1234567-8001", [(Landline, "0797-1234567-8001")]);
    t!(extension_word, "0797-1234567转8001", [(Landline, "0797-1234567转8001")]);
    // A space apart, the second number's area code is no extension of the first.
    t!(
        two_numbers_a_space_apart,
        "电话：0797-8221234 0797-8221235",
        [(Landline, "0797-8221234"), (Landline, "0797-8221235")]
    );
    t!(em_dash_hotline, "0531—12380", [(Landline, "0531—12380", true)]);
    t!(public_by_cue, "监督电话：0797-8221234", [(Landline, "0797-8221234", true)]);
    t!(
        list_public,
        "举报电话：0797-8221234、0797-8225678",
        [(Landline, "0797-8221234", true), (Landline, "0797-8225678", true)]
    );
    t!(service_400, "客服400-123-4567", [(Landline, "400-123-4567", true)]);
    t!(local_after_cue, "联系电话：8221234", [(Landline, "8221234")]);
    t!(hotline_after_cue, "服务电话：12345", [(Landline, "12345", true)]);
    t!(masked_local, "0797-*******", [(Landline, "0797-*******")]);

    // Near misses.
    t!(unknown_area_code, "0400-1234567", []);
    t!(check_x_is_not_a_digit, "0797-8221234X", []);
    t!(local_without_cue, "编号8221234", []);
    t!(postcode, "邮编：341000", []);
    t!(date_range, "2019-2023", []);
    t!(date, "2023-06-30", []);
    t!(website_id, "网站标识码：3607000001", []);
    t!(icp, "赣ICP备05001234号-1", []);
    t!(public_security, "赣公网安备36070202000123号", []);
    t!(index_number, "索引号：620702069/2023-00096", []);
}
