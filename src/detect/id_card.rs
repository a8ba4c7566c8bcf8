//! 居民身份证号码 (resident ID numbers, GB 11643-1999).
//!
//! Recognized forms:
//! - 18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence, and an
//!   ISO 7064 MOD 11-2 check character (`0`–`9` or `X`, `x` accepted);
//! - 15 digits (legacy, 1984–1999): address code, `YYMMDD` birth date in the 1900s, sequence;
//! - 港澳台居民居住证 (residence permits): address code `810000`, `820000` or `830000`;
//! - written as one run, as `6-8-4` (`110105 19491231 002X`) or in fours, with spaces or
//!   dashes, in full-width digits;
//! - partly starred (`35*************123`): reported so the status can say whether the
//!   masking is sufficient.
//!
//! The address code may be abolished (old cards keep it), so the region table only adjusts
//! confidence; the province prefix must exist. A wrong check digit is accepted only right
//! after an ID cue (`身份证号：`), where a typo is more likely than a coincidence.
//!
//! - 残疾人证 numbers: the ID followed by the disability category and grade digits (20
//!   characters in one run).
//!
//! Known false negatives: IDs split in other groupings, IDs with a wrong check digit and
//! no cue. Known false positives: an 18-digit code with a valid date, province and check
//! digit by chance (1 in 11 of those with a plausible date) — 统一社会信用代码 are rejected by
//! their cue or their letters.

use crate::detect::{Candidate, Inline, Prepared, Recognizer, Run, explain};
use crate::dict::{CueCategory, Dictionaries, RegionValidity};
use crate::kind::PiiKind;
use crate::redacted::Redacted;
use rustc_hash::FxHashMap;

/// Province-level codes (first two digits) that GB/T 2260 assigns.
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// Weights of the ISO 7064 MOD 11-2 check.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

pub(crate) struct IdCard {
    regions: FxHashMap<u32, RegionValidity>,
    reference_year: u16,
}

/// What the checks of a full number found.
struct Verdict {
    confidence: f32,
    rule: &'static str,
    check_part: &'static str,
    region_part: &'static str,
}

/// How well the address code is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Region {
    Current,
    /// Abolished in the given year (`None`: validity unknown).
    Historical(Option<u16>),
    /// Province exists but the county code is not in the table.
    ProvinceOnly,
    ResidencePermit,
}

impl IdCard {
    pub(crate) fn new(dict: &Dictionaries, reference_year: u16) -> Self {
        IdCard { regions: dict.regions.clone(), reference_year }
    }

    fn region(&self, code: &str) -> Option<Region> {
        let province: u8 = code[..2].parse().ok()?;
        if !PROVINCES.contains(&province) {
            return None;
        }
        if matches!(code, "810000" | "820000" | "830000") {
            return Some(Region::ResidencePermit);
        }
        match self.regions.get(&code.parse().ok()?) {
            Some(v) if v.last.is_none() => Some(Region::Current),
            Some(v) => Some(Region::Historical(v.last)),
            None => Some(Region::ProvinceOnly),
        }
    }

    fn plausible_date(&self, year: u16, month: u8, day: u8) -> bool {
        (1850..=self.reference_year).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in(year, month)
    }

    /// Judges an 18- or 15-character number `v` (no stars) after a cue of category `cue`.
    fn verdict(&self, v: &str, cue: Option<CueCategory>) -> Option<Verdict> {
        let region = self.region(&v[..6])?;
        let (date_ok, check_ok, rule, legacy, year) = if v.len() == 18 {
            if v[..17].contains('X') {
                return None;
            }
            let year: u16 = v[6..10].parse().unwrap_or(0);
            let (month, day) = (v[10..12].parse().unwrap_or(0), v[12..14].parse().unwrap_or(0));
            let check_ok = check_char(&v[..17]) == v.as_bytes()[17];
            let rule = if region == Region::ResidencePermit {
                "id_card.residence_permit"
            } else {
                "id_card.gb11643"
            };
            (self.plausible_date(year, month, day), check_ok, rule, false, year)
        } else {
            if v.contains('X') || region == Region::ResidencePermit {
                return None;
            }
            let year = 1900 + v[6..8].parse::<u16>().unwrap_or(0);
            let (month, day) = (v[8..10].parse().unwrap_or(0), v[10..12].parse().unwrap_or(0));
            (self.plausible_date(year, month, day), true, "id_card.legacy15", true, year)
        };
        if !date_ok {
            return None;
        }
        let id_cue = cue == Some(CueCategory::IdCard);
        let (mut confidence, check_part) = match (check_ok, legacy) {
            (true, false) => (0.99, "MOD 11-2 check digit valid"),
            (true, true) => (0.8, "15-digit legacy number (no check digit)"),
            (false, _) if id_cue => (0.75, "check digit does not match"),
            (false, _) => return None,
        };
        let region_part = match region {
            Region::Current => "address code current",
            // Codes follow the place of registration when the card was issued, so a code
            // created after the birth year is normal (GB 11643's own sample); one abolished
            // before the holder was born cannot have been issued to them.
            Region::Historical(Some(last)) if last < year => {
                confidence -= 0.07;
                "address code abolished before the birth year"
            }
            Region::Historical(_) => {
                confidence -= 0.02;
                "address code historical"
            }
            Region::ProvinceOnly => {
                confidence -= if legacy { 0.3 } else { 0.09 };
                "address code unknown, province valid"
            }
            Region::ResidencePermit => "港澳台 residence permit code",
        };
        confidence += cue_adjustment(cue, legacy);
        Some(Verdict { confidence: confidence.clamp(0.0, 1.0), rule, check_part, region_part })
    }

    fn full(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let Some(v) = self.verdict(run.text(), doc.cue(run)) else { return };
        let parts = [v.check_part, "birth date plausible", v.region_part];
        out.push(candidate(doc, run, v.confidence, v.rule, &parts, run.value));
    }

    /// A 残疾人证 number: the holder's 18-character ID followed by the disability category
    /// (1–7) and grade (1–4) digits, written as one run of 20. The ID inside must pass every
    /// check, check digit included; the whole number is the finding, and its keyed hash is
    /// the ID's, so that the same person counts once across both.
    fn disability_certificate(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let text = run.text();
        let (category, grade) = (text.as_bytes()[18], text.as_bytes()[19]);
        if !run.grouped_as(&[20])
            || !(b'1'..=b'7').contains(&category)
            || !(b'1'..=b'4').contains(&grade)
        {
            return;
        }
        // No cue passed: a check digit that fails is not forgiven inside a longer number.
        let Some(v) = self.verdict(&text[..18], None) else { return };
        let parts = [v.check_part, "birth date plausible", "disability category and grade"];
        let id = Inline::from_text(&text[..18]);
        let rule = "id_card.disability_certificate";
        out.push(candidate(doc, run, v.confidence, rule, &parts, id));
    }

    /// A partly starred 残疾人证 number: 20 characters under an ID cue (残疾证号), whose
    /// last two, where visible, are a disability category (1–7) and grade (1–4), and whose
    /// visible prefix, if any, starts with a province code. Without the cue a starred run
    /// of 20 is anybody's number.
    fn masked_certificate(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let v = &*run.value;
        let starred_or =
            |c: u8, range: std::ops::RangeInclusive<u8>| c == b'*' || range.contains(&c);
        if !run.grouped_as(&[20])
            || doc.cue(run) != Some(CueCategory::IdCard)
            || v[..17].contains(&b'X')
            || v.iter().filter(|&&c| c != b'*').count() < 2
            || !starred_or(v[18], b'1'..=b'7')
            || !starred_or(v[19], b'1'..=b'4')
        {
            return;
        }
        if visible_prefix(run.text()) >= 2 && !self.province_shown(run.text()) {
            return;
        }
        let parts = ["20 characters partly starred", "disability category and grade"];
        let id = Inline::from_text(&run.text()[..18]);
        out.push(candidate(doc, run, 0.9, "id_card.masked_certificate", &parts, id));
    }

    /// Returns true when the first six characters of a starred value, stars read as
    /// zeros, start with a province code.
    fn province_shown(&self, value: &str) -> bool {
        self.region(&value[..6].replace('*', "0")).is_some()
    }

    /// A partly starred ID: judged by shape, visible province and region, and cue.
    fn masked(&self, doc: &Prepared<'_>, run: &Run<'_>, out: &mut Vec<Candidate>) {
        let v = &*run.value;
        if v.len() != 18 || v[..17].contains(&b'X') || v.iter().filter(|&&c| c != b'*').count() < 2
        {
            return;
        }
        let cue = doc.cue(run);
        let id_cue = cue == Some(CueCategory::IdCard);
        let visible_prefix = visible_prefix(run.text());
        let province_ok = visible_prefix >= 2 && self.province_shown(run.text());
        let region_ok = visible_prefix >= 6
            && self.region(&run.text()[..6]).is_some_and(|r| r != Region::ProvinceOnly);
        let confidence = match (id_cue, province_ok, region_ok) {
            (_, _, true) => 0.9,
            (true, _, _) => 0.9,
            // 62… is both 甘肃 and the UnionPay prefix; without a region it stays a guess.
            (false, true, false) if &v[..2] != b"62" || v[17] == b'X' => 0.7,
            _ => return,
        };
        let parts = ["18 characters partly starred", "visible prefix is an address code"];
        let confidence = (confidence + cue_adjustment(cue, false)).clamp(0.0, 1.0);
        out.push(candidate(doc, run, confidence, "id_card.masked", &parts, run.value));
    }
}

/// A candidate for `run`, whose keyed hash is of `value`.
fn candidate(
    doc: &Prepared<'_>,
    run: &Run<'_>,
    confidence: f32,
    rule: &'static str,
    parts: &[&'static str],
    value: Inline<u8>,
) -> Candidate {
    Candidate {
        kind: PiiKind::IdCard,
        start: run.start(),
        end: run.end(),
        confidence,
        rule,
        explanation: explain(parts, doc.cue_id(run)),
        public: None,
        value: Redacted::new(value),
        prefix_len: 0,
        levels: [0; 4],
        hidden: false,
        record: 0,
    }
}

/// Confidence change from the cue before the number.
fn cue_adjustment(cue: Option<CueCategory>, legacy: bool) -> f32 {
    match cue {
        Some(CueCategory::IdCard) => {
            if legacy {
                0.15
            } else {
                0.01
            }
        }
        Some(CueCategory::BankCard | CueCategory::Phone) => -0.1,
        _ => 0.0,
    }
}

impl Recognizer for IdCard {
    fn kind(&self) -> PiiKind {
        PiiKind::IdCard
    }

    fn find(&self, doc: &Prepared<'_>, runs: &[Run<'_>], out: &mut Vec<Candidate>) {
        for run in runs {
            let len = run.value.len();
            // An account number of 20 digits under its cue is the bank card's to judge.
            if len == 20
                && !matches!(doc.cue(run), Some(CueCategory::NotPersonal | CueCategory::BankCard))
            {
                if run.has_stars() {
                    self.masked_certificate(doc, run, out);
                } else {
                    self.disability_certificate(doc, run, out);
                }
                continue;
            }
            if len != 18 && len != 15 {
                continue;
            }
            let layout = run.grouped_as(&[len as u8])
                || run.grouped_as(&[6, 8, 4])
                || run.grouped_as(&[6, 6, 3])
                || (len == 18 && run.grouped_by_four());
            if !layout
                || run.chunks.iter().any(|c| c.paren)
                || doc.cue(run) == Some(CueCategory::NotPersonal)
            {
                continue;
            }
            if run.has_stars() {
                self.masked(doc, run, out);
            } else {
                self.full(doc, run, out);
            }
        }
    }
}

/// Returns how many digits a starred value shows before its first star.
fn visible_prefix(value: &str) -> usize {
    value.bytes().take_while(u8::is_ascii_digit).count()
}

/// Returns the ISO 7064 MOD 11-2 check character of 17 digits.
fn check_char(digits: &str) -> u8 {
    let sum: u32 = digits.bytes().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    b"10X98765432"[(sum % 11) as usize]
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t;

    #[test]
    fn check_characters() {
        assert_eq!(check_char("11010519491231002"), b'X');
        assert_eq!(check_char("44052418800101001"), b'4');
        assert_eq!(check_char("34052419800101001"), b'X');
        assert_eq!(check_char("36042619910101007"), b'1');
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in(2000, 2), 29);
        assert_eq!(days_in(1900, 2), 28);
        assert_eq!(days_in(2024, 2), 29);
        assert_eq!(days_in(2023, 13), 0);
    }

    // GB 11643-1999 Annex A samples.
    t!(standard_sample_beijing, "11010519491231002X", [(IdCard, "11010519491231002X")]);
    t!(standard_sample_historical_region, "440524188001010014", [(IdCard, "440524188001010014")]);
    // 110201 was abolished before 1993 but the number is otherwise valid: still an ID.
    t!(code_abolished_before_birth, "110201199312010077", [(IdCard, "110201199312010077")]);

    #[test]
    fn abolished_code_lowers_confidence() {
        let scanner = crate::Scanner::built_in();
        let profile = scanner.profile("default").unwrap();
        let conf = |text| {
            scanner.scan(&crate::Document::new("t", text), &profile).unwrap().findings[0].confidence
        };
        assert!(conf("110201199312010077") < conf("110105199312010077"));
    }
    t!(lowercase_x, "身份证号：44011320141005001x。", [(IdCard, "44011320141005001x")]);
    t!(
        full_width,
        "身份证号１１０１０５１９４９１２３１００２Ｘ",
        [(IdCard, "１１０１０５１９４９１２３１００２Ｘ")]
    );
    t!(touching_cjk, "张三11010519491231002X男", [(IdCard, "11010519491231002X")]);
    t!(spaced_6_8_4, "公民身份号码 110105 19491231 002X", [(IdCard, "110105 19491231 002X")]);
    t!(dashed_6_8_4, "110105-19491231-002X", [(IdCard, "110105-19491231-002X")]);
    t!(zero_width_inside, "1101051949\u{200B}1231002X", [(IdCard, "1101051949\u{200B}1231002X")]);
    t!(legacy_15, "身份证：110105491231002", [(IdCard, "110105491231002")]);
    t!(residence_permit, "居住证号码810000199001011234", []); // bad check digit, no ID cue
    t!(residence_permit_valid, "810000199001011230", [(IdCard, "810000199001011230")]);

    // Near misses.
    t!(bad_check_digit, "11010519491231002Y1", []);
    t!(bad_check_digit_no_cue, "110105194912310021", []);
    t!(bad_check_digit_with_cue, "身份证号：110105194912310021", [(IdCard, "110105194912310021")]);
    t!(seventeen_digits, "11010519491231002", []);
    t!(nineteen_digits, "1101051949123100211", []);
    t!(month_13, "身份证号：110105194913310020", []);
    t!(february_30, "110105194902300029", []);
    t!(future_birth, "110105209901010018", []);
    t!(unknown_province, "990105194912310026", []);
    t!(credit_code_letters, "统一社会信用代码：91350100M000100Y43", []);
    t!(credit_code_digits_with_cue, "统一社会信用代码：121200004013590816", []);
    t!(too_long_run, "1101051949123100211010519491231002", []);

    // 残疾人证: the ID, then the disability category (1–7) and grade (1–4).
    t!(
        disability_certificate,
        "残疾证号：36072119750812123842",
        [(IdCard, "36072119750812123842")]
    );
    t!(
        disability_certificate_of_an_id_ending_in_x,
        "残疾证号：36072119750812122X11",
        [(IdCard, "36072119750812122X11")]
    );
    t!(disability_certificate_no_cue, "肢体 二级 3607211975081212311", []); // 19 characters
    t!(
        disability_certificate_in_a_cell,
        "二级  36072119750812123842",
        [(IdCard, "36072119750812123842")]
    );
    t!(disability_certificate_bad_check, "残疾证号：36072119750812123942", []);
    t!(disability_certificate_bad_category, "残疾证号：36072119750812123882", []);
    t!(disability_certificate_bad_grade, "残疾证号：36072119750812123815", []);
    t!(disability_certificate_not_personal, "合同编号：36072119750812123842", []);
    // Partly starred, under a certificate cue or column only.
    t!(
        disability_certificate_starred,
        "残疾证号：360721************42",
        [(IdCard, "360721************42")]
    );
    t!(
        disability_certificate_starred_in_a_column,
        "序号\t残疾人证号\n1\t3607211975****123842\n",
        [(IdCard, "3607211975****123842")]
    );
    t!(disability_certificate_starred_no_cue, "编号 360721************42", []);
    t!(disability_certificate_starred_bad_grade, "残疾证号：360721************49", []);
    t!(disability_certificate_starred_bad_province, "残疾证号：990721************42", []);

    #[test]
    fn a_disability_certificate_is_hashed_as_the_id_inside_it() {
        let scanner = crate::ScannerBuilder::new().fingerprint_key("k").build().unwrap();
        let profile = scanner.profile("default").unwrap();
        let hash = |text| {
            let report = scanner.scan(&crate::Document::new("t", text), &profile).unwrap();
            report.findings[0].fingerprint.clone().expect("keyed hash")
        };
        assert_eq!(hash("360721197508121238"), hash("残疾证号：36072119750812123842"));
        assert_ne!(hash("360721197508121238"), hash("360721197508121246"));
    }

    // Masked forms.
    t!(masked_keep_2_3, "身份证号：35*************123", [(IdCard, "35*************123")]);
    t!(masked_keep_6_4, "110105********002X", [(IdCard, "110105********002X")]);
}
