//! The scanner: detection, status, masking and risk for one document.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::deduction::{self, DeductionRules};
use crate::detect::{Candidate, Detector, DetectorBuilder};
use crate::dict::Dictionaries;
use crate::error::{Error, Result};
use crate::kind::{PiiKind, Severity, Status};
use crate::mask::{self, KindRule, Profile, Treatment};
use crate::redacted::Redacted;
use crate::risk::{self, RiskSummary};
use crate::text::{Normalized, Span, SpanConverter};

/// Default largest document accepted: 16 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// A document to scan.
#[derive(Clone, Copy)]
pub struct Document<'a> {
    /// Caller's identifier, echoed in the report.
    pub id: &'a str,
    /// The text.
    pub text: &'a str,
}

impl std::fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document").field("id", &self.id).field("bytes", &self.text.len()).finish()
    }
}

impl<'a> Document<'a> {
    /// Returns a document.
    pub fn new(id: &'a str, text: &'a str) -> Self {
        Document { id, text }
    }
}

/// One finding. Carries offsets, the masked form and an explanation, never the value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Kind of personal data.
    pub kind: PiiKind,
    /// State in the document.
    pub status: Status,
    /// Severity of this finding.
    pub severity: Severity,
    /// Confidence, 0 to 1.
    pub confidence: f32,
    /// Where it is in the original text.
    #[serde(flatten)]
    pub span: Span,
    /// The value as it is (or would be) published after masking.
    pub masked: String,
    /// Identifier of the rule that fired (`id_card.gb11643`).
    pub rule: &'static str,
    /// Which validations passed and which cue fired.
    pub explanation: String,
    /// Index of the record (table row, list item, block of `key：value` lines, paragraph)
    /// it sits in, from 0 in text order.
    pub record: usize,
    /// Keyed HMAC-SHA256 (hex) of the normalized value, when the scanner has a fingerprint
    /// key: lets the store count distinct persons without the value. Never serialized.
    #[serde(skip)]
    pub fingerprint: Option<String>,
}

/// The result of scanning one document.
#[derive(Clone, Debug, Serialize)]
pub struct ScanReport {
    /// The document's identifier.
    pub id: String,
    /// The text with every leak masked.
    pub masked_text: String,
    /// Findings in text order.
    pub findings: Vec<Finding>,
    /// Risk summary.
    pub risk: RiskSummary,
    /// Keyed HMAC-SHA256 (hex) of the scanned text, when the scanner has a fingerprint key.
    #[serde(skip)]
    pub content_fingerprint: Option<String>,
}

impl ScanReport {
    /// Returns true when the document leaks personal data.
    pub fn has_leaks(&self) -> bool {
        self.risk.leaks > 0
    }
}

/// Builds a [`Scanner`].
#[derive(Debug, Default, Clone)]
pub struct ScannerBuilder {
    dict_dir: Option<PathBuf>,
    token_secret: Option<Redacted<Vec<u8>>>,
    fingerprint_key: Option<Redacted<Vec<u8>>>,
    max_document_bytes: Option<usize>,
    reference_year: Option<u16>,
}

impl ScannerBuilder {
    /// Returns a builder with the built-in dictionaries and no token secret.
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads dictionaries and profiles from `dir`, over the built-in ones.
    pub fn dict_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.dict_dir = Some(dir.into());
        self
    }

    /// Sets the secret keying `token` pseudonyms.
    pub fn token_secret(&mut self, secret: impl Into<Vec<u8>>) -> &mut Self {
        self.token_secret = Some(Redacted::new(secret.into()));
        self
    }

    /// Sets the key of the fingerprints (keyed hashes) that findings carry for the store.
    pub fn fingerprint_key(&mut self, key: impl Into<Vec<u8>>) -> &mut Self {
        self.fingerprint_key = Some(Redacted::new(key.into()));
        self
    }

    /// Sets the largest document accepted, in bytes.
    pub fn max_document_bytes(&mut self, limit: usize) -> &mut Self {
        self.max_document_bytes = Some(limit);
        self
    }

    /// Sets the latest plausible birth year of an ID (default: the current year).
    pub fn reference_year(&mut self, year: u16) -> &mut Self {
        self.reference_year = Some(year);
        self
    }

    /// Builds the scanner.
    ///
    /// # Errors
    ///
    /// Returns an error when an override dictionary or profile is unreadable or invalid.
    pub fn build(&self) -> Result<Scanner> {
        let dict = Dictionaries::load(self.dict_dir.as_deref())?;
        let mut detector = DetectorBuilder::new();
        if let Some(year) = self.reference_year {
            detector.reference_year(year);
        }
        let mut profiles = BTreeMap::new();
        for (name, (_, text)) in &dict.profiles {
            profiles.insert(name.clone(), Arc::new(Profile::from_toml(name, text)?));
        }
        let deduction = DeductionRules::from_toml(&dict.deduction_file, &dict.deduction)?;
        Ok(Scanner {
            inner: Arc::new(ScannerInner {
                deduction,
                detector: detector.build(&dict),
                profiles,
                token_secret: self.token_secret.clone(),
                fingerprint_key: self.fingerprint_key.clone(),
                max_document_bytes: self.max_document_bytes.unwrap_or(DEFAULT_MAX_DOCUMENT_BYTES),
            }),
        })
    }
}

/// Finds, classifies and masks personal data. Immutable, `Send + Sync`, cheap to clone:
/// build one and share it.
#[derive(Clone, Debug)]
pub struct Scanner {
    inner: Arc<ScannerInner>,
}

#[derive(Debug)]
struct ScannerInner {
    detector: Detector,
    deduction: DeductionRules,
    profiles: BTreeMap<String, Arc<Profile>>,
    token_secret: Option<Redacted<Vec<u8>>>,
    fingerprint_key: Option<Redacted<Vec<u8>>>,
    max_document_bytes: usize,
}

impl Scanner {
    /// Returns a scanner with the built-in dictionaries and profiles.
    ///
    /// # Panics
    ///
    /// Never in a released build: the built-in data is checked by tests.
    pub fn built_in() -> Self {
        ScannerBuilder::new().build().expect("built-in dictionaries and profiles are valid")
    }

    /// Returns the profile called `name`.
    ///
    /// # Errors
    ///
    /// Returns [`Error::UnknownProfile`] when no such profile is loaded, and
    /// [`Error::MissingTokenSecret`] when it needs a token secret that is not configured.
    pub fn profile(&self, name: &str) -> Result<Arc<Profile>> {
        let profile = self.inner.profiles.get(name).ok_or_else(|| Error::UnknownProfile {
            name: name.to_owned(),
            available: self.profile_names().collect::<Vec<_>>().join(", "),
        })?;
        if profile.uses_tokens() && self.inner.token_secret.is_none() {
            return Err(Error::MissingTokenSecret { profile: name.to_owned() });
        }
        Ok(Arc::clone(profile))
    }

    /// Returns the names of the loaded profiles.
    pub fn profile_names(&self) -> impl Iterator<Item = &str> {
        self.inner.profiles.keys().map(String::as_str)
    }

    /// Returns the deduction rules in force.
    pub fn deduction_rules(&self) -> &DeductionRules {
        &self.inner.deduction
    }

    /// Returns the keyed hash (HMAC-SHA256, hex) of `bytes` under the fingerprint key, when
    /// the scanner has one: how re-scans recognize a file they have already scanned without
    /// storing anything that could be reversed.
    pub fn content_fingerprint(&self, bytes: &[u8]) -> Option<String> {
        self.inner
            .fingerprint_key
            .as_ref()
            .map(|key| mask::fingerprint(key.expose(), "file", bytes))
    }

    /// Returns the largest document accepted, in bytes.
    pub fn max_document_bytes(&self) -> usize {
        self.inner.max_document_bytes
    }

    /// Scans `doc` under `profile`.
    ///
    /// # Errors
    ///
    /// Returns [`Error::InputTooLarge`] above the size limit, and
    /// [`Error::MissingTokenSecret`] for a token profile without a secret.
    pub fn scan(&self, doc: &Document<'_>, profile: &Profile) -> Result<ScanReport> {
        self.scan_with(doc, profile, true)
    }

    /// Scans `doc` like [`Scanner::scan`] but computes no fingerprints (keyed hashes): for
    /// results that will not be stored, such as dry runs, where they would be wasted work.
    ///
    /// # Errors
    ///
    /// As [`Scanner::scan`].
    pub fn scan_unrecorded(&self, doc: &Document<'_>, profile: &Profile) -> Result<ScanReport> {
        self.scan_with(doc, profile, false)
    }

    fn scan_with(
        &self,
        doc: &Document<'_>,
        profile: &Profile,
        fingerprints: bool,
    ) -> Result<ScanReport> {
        let fingerprint_key = self.inner.fingerprint_key.as_ref().filter(|_| fingerprints);
        let limit = self.inner.max_document_bytes;
        if doc.text.len() > limit {
            return Err(Error::InputTooLarge { len: doc.text.len(), limit });
        }
        let secret = self.inner.token_secret.as_ref().map(|s| s.expose().as_slice());
        if profile.uses_tokens() && secret.is_none() {
            return Err(Error::MissingTokenSecret { profile: profile.name().to_owned() });
        }
        let text = doc.text;
        let norm = Normalized::new(text);
        let candidates = self.inner.detector.detect(&norm);

        let mut findings = Vec::with_capacity(candidates.len());
        let mut masked_text = String::with_capacity(text.len());
        let mut copied = 0;
        let mut spans = SpanConverter::new(text);
        for c in candidates {
            let rule = profile.rule(c.kind);
            if rule.treat == Treatment::Ignore || c.confidence < profile.min_confidence() {
                continue;
            }
            let (start, end) = (norm.original_start(c.start), norm.original_end(c.end));
            let original = &text[start..end];
            let head = rule.keep_start + kept_prefix(&c, rule);
            let status = status(&c, original, profile, head);
            let value = value_of(&c, &norm);
            let masked = mask::render(original, c.kind, rule, head, value, secret);
            if status.needs_masking() {
                masked_text.push_str(&text[copied..start]);
                masked_text.push_str(&masked);
                copied = end;
            }
            let fingerprint = fingerprint_key
                .map(|key| mask::fingerprint(key.expose(), c.kind.as_str(), value.as_bytes()));
            findings.push(Finding {
                kind: c.kind,
                status,
                severity: risk::severity(c.kind, status),
                confidence: (c.confidence * 100.0).round() / 100.0,
                span: spans.span(start, end),
                masked,
                rule: c.rule,
                explanation: self.inner.detector.render(&c.explanation),
                record: c.record as usize,
                fingerprint,
            });
        }
        masked_text.push_str(&text[copied..]);
        risk::escalate_combinations(&mut findings);
        let mut risk = RiskSummary::of(&findings);
        risk.deduction = deduction::points(self.inner.deduction.document_centipoints(&findings));
        // Sizes and counts only: never text, values or masked forms.
        tracing::debug!(
            bytes = text.len(),
            findings = findings.len(),
            leaks = risk.leaks,
            "document scanned"
        );
        let content_fingerprint =
            fingerprint_key.map(|key| mask::fingerprint(key.expose(), "content", text.as_bytes()));
        Ok(ScanReport { id: doc.id.to_owned(), masked_text, findings, risk, content_fingerprint })
    }
}

/// Returns the normalized value of a candidate: the value characters of a number, the
/// normalized text of a name or an address.
fn value_of<'n>(c: &'n Candidate, norm: &'n Normalized<'_>) -> &'n str {
    match c.kind {
        PiiKind::PersonName | PiiKind::Address => &norm.as_str()[c.start..c.end],
        _ => c.value.expose().as_str(),
    }
}

/// Returns how many leading value characters a rule keeps on top of `keep_start`: the area
/// code of a landline, the surname of a name, the divisions of an address.
fn kept_prefix(c: &Candidate, rule: &KindRule) -> usize {
    match (c.kind, rule.keep_level) {
        (PiiKind::Address, Some(level)) => usize::from(c.levels[level as usize]),
        (PiiKind::Address, None) => 0,
        _ if rule.keeps_prefix() => c.prefix_len,
        _ => 0,
    }
}

/// Decides the status of a candidate under a profile; `head` is the number of leading
/// value characters the profile keeps.
fn status(c: &Candidate, original: &str, profile: &Profile, head: usize) -> Status {
    let rule = profile.rule(c.kind);
    if c.public.is_some() || rule.treat == Treatment::Public {
        Status::Public
    } else if !c.is_masked() {
        Status::Leaked
    } else if mask::sufficiently_masked(original, c.kind, rule, head) {
        Status::AlreadyMasked
    } else {
        Status::InsufficientlyMasked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> ScanReport {
        let scanner = Scanner::built_in();
        let profile = scanner.profile("default").unwrap();
        scanner.scan(&Document::new("t", text), &profile).unwrap()
    }

    #[test]
    fn masks_leaks_and_reports_spans_in_three_units() {
        let r = scan("户主𠀀身份证号：11010519491231002X，电话13812345678。");
        assert_eq!(r.masked_text, "户主𠀀身份证号：11*************02X，电话138****5678。");
        assert_eq!(r.findings.len(), 2);
        let id = &r.findings[0];
        assert_eq!(
            (id.kind, id.status, id.severity),
            (PiiKind::IdCard, Status::Leaked, Severity::Critical)
        );
        assert_eq!((id.span.start, id.span.end), (8, 26));
        assert_eq!((id.span.utf16_start, id.span.utf16_end), (9, 27));
        assert_eq!(id.masked, "11*************02X");
        assert!(id.explanation.contains("check digit valid"), "{}", id.explanation);
        assert_eq!(r.risk.level, Severity::Critical);
        assert_eq!(r.risk.leaks, 2);
        assert!(r.has_leaks());
    }

    #[test]
    fn transliterated_names_are_masked_whole() {
        // They have no surname to keep: 次*** would keep a part of the name.
        let r = scan("拟将次仁多吉、扎西顿珠等2户纳入低保。");
        assert_eq!(r.masked_text, "拟将****、****等2户纳入低保。");
        let r = scan("姓名\t身份证号\n格桑旺堆\t540102198001011234\n王建国\t540102198001011234\n");
        assert!(r.masked_text.contains("\n****\t54"), "{}", r.masked_text);
        assert!(r.masked_text.contains("\n王**\t54"), "{}", r.masked_text);
        let r = scan("户主姓名：阿依古丽·吐尔逊\n");
        assert_eq!(r.masked_text, "户主姓名：****·***\n");
    }

    #[test]
    fn compliant_masks_stay_and_insufficient_ones_are_rewritten() {
        let r = scan("身份证号：35*************123；身份证号：3501021980****1234；手机138****5678");
        let statuses: Vec<Status> = r.findings.iter().map(|f| f.status).collect();
        assert_eq!(
            statuses,
            vec![Status::AlreadyMasked, Status::InsufficientlyMasked, Status::AlreadyMasked]
        );
        assert_eq!(
            r.masked_text,
            "身份证号：35*************123；身份证号：35*************234；手机138****5678"
        );
        assert_eq!(r.risk.level, Severity::Medium);
    }

    #[test]
    fn public_numbers_are_not_rewritten() {
        let r = scan("监督电话：0797-8221234，咨询请拨12345。");
        assert_eq!(r.masked_text, "监督电话：0797-8221234，咨询请拨12345。");
        assert!(r.findings.iter().all(|f| f.status == Status::Public));
        assert!(!r.has_leaks());
    }

    #[test]
    fn limits_and_profiles() {
        let scanner = ScannerBuilder::new().max_document_bytes(10).build().unwrap();
        let profile = scanner.profile("default").unwrap();
        let err =
            scanner.scan(&Document::new("big", "13812345678 13812345678"), &profile).unwrap_err();
        assert_eq!(err.to_string(), "document of 23 bytes exceeds the limit of 10 bytes");
        let err = scanner.profile("nope").unwrap_err().to_string();
        assert!(err.contains("unknown profile \"nope\"") && err.contains("default"), "{err}");
    }

    #[test]
    fn token_profiles_need_a_secret() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("profiles")).unwrap();
        std::fs::write(dir.path().join("profiles/pseudo.toml"), "style = \"token\"\n").unwrap();
        let without = ScannerBuilder::new().dict_dir(dir.path()).build().unwrap();
        assert!(matches!(without.profile("pseudo"), Err(Error::MissingTokenSecret { .. })));

        let with =
            ScannerBuilder::new().dict_dir(dir.path()).token_secret("s3cret").build().unwrap();
        let profile = with.profile("pseudo").unwrap();
        let a = with.scan(&Document::new("a", "13812345678"), &profile).unwrap();
        let b = with.scan(&Document::new("b", "电话：138-1234-5678"), &profile).unwrap();
        assert!(a.masked_text.starts_with("【手机号码:"), "{}", a.masked_text);
        // Same number, different writing: same pseudonym.
        assert_eq!(a.findings[0].masked, b.findings[0].masked);
    }

    #[test]
    fn fingerprints_are_keyed_and_follow_the_value_not_its_writing() {
        let scan = |key: &str, text: &str| {
            let scanner = ScannerBuilder::new().fingerprint_key(key).build().unwrap();
            let profile = scanner.profile("default").unwrap();
            scanner.scan(&Document::new("f", text), &profile).unwrap()
        };
        let a = scan("k1", "电话13812345678");
        let b = scan("k1", "手机：138-1234-5678");
        let c = scan("k2", "电话13812345678");
        let fp = |r: &ScanReport| r.findings[0].fingerprint.clone().unwrap();
        assert_eq!(fp(&a), fp(&b));
        assert_ne!(fp(&a), fp(&c));
        assert_eq!(fp(&a).len(), 64);
        assert!(!serde_json::to_string(&a).unwrap().contains(&fp(&a)), "never serialized");
        assert!(a.content_fingerprint.is_some());
        let scanner = ScannerBuilder::new().fingerprint_key("k1").build().unwrap();
        let dry = scanner.scan_unrecorded(
            &Document::new("d", "电话13812345678"),
            &scanner.profile("default").unwrap(),
        );
        let dry = dry.unwrap();
        assert!(dry.findings[0].fingerprint.is_none() && dry.content_fingerprint.is_none());
        assert!(
            Scanner::built_in()
                .scan(
                    &Document::new("n", "13812345678"),
                    &Scanner::built_in().profile("default").unwrap()
                )
                .unwrap()
                .findings[0]
                .fingerprint
                .is_none()
        );
    }

    fn scan_as(profile: &str, text: &str) -> ScanReport {
        let scanner = Scanner::built_in();
        let profile = scanner.profile(profile).unwrap();
        scanner.scan(&Document::new("t", text), &profile).unwrap()
    }

    #[test]
    fn a_village_group_without_a_township_is_masked_whole() {
        // 新华 is also the short form of 新华区: here it names the village, and is starred.
        let r = scan("张建华，新华村3组，家庭人口3人。");
        assert_eq!(r.masked_text, "张**，*****，家庭人口3人。");
    }

    #[test]
    fn names_and_addresses_are_masked_to_the_profile() {
        let text = "被征收人：欧阳娜娜，房屋坐落：安远县城关镇红星村3组12号。";
        let r = scan(text);
        assert_eq!(r.masked_text, "被征收人：欧阳**，房屋坐落：安远县城关镇********。");
        let kinds: Vec<_> = r.findings.iter().map(|f| (f.kind, f.status)).collect();
        assert_eq!(
            kinds,
            vec![(PiiKind::PersonName, Status::Leaked), (PiiKind::Address, Status::Leaked)]
        );
        // The penalty profile keeps the address only down to the county.
        let r = scan_as("penalty", text);
        assert!(r.masked_text.contains("安远县***********"), "{}", r.masked_text);
    }

    #[test]
    fn personnel_profile_makes_names_public() {
        let text = "张伟，男，汉族，1975年3月生，身份证号：11010519491231002X。";
        let r = scan_as("personnel", text);
        let name = r.findings.iter().find(|f| f.kind == PiiKind::PersonName).unwrap();
        assert_eq!((name.status, name.severity), (Status::Public, Severity::None));
        assert!(r.masked_text.starts_with("张伟，男"), "{}", r.masked_text);
        assert!(r.masked_text.contains("11*************02X"));
        let r = scan(text);
        assert!(r.masked_text.starts_with("张*，男"), "{}", r.masked_text);
    }

    #[test]
    fn a_name_with_an_id_in_its_record_is_critical() {
        let r = scan("序号\t姓名\t身份证号\n1\t李秀英\t11010519491231002X\n2\t王芳\t\n");
        let names: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.kind == PiiKind::PersonName)
            .map(|f| (f.record, f.severity))
            .collect();
        assert_eq!(names, vec![(0, Severity::Critical), (1, Severity::Medium)]);
        // An already-masked ID does not make the name critical.
        let r = scan("姓名\t身份证号\n李秀英\t11*************02X\n");
        let name = r.findings.iter().find(|f| f.kind == PiiKind::PersonName).unwrap();
        assert_eq!(name.severity, Severity::Medium);
    }

    #[test]
    fn names_padded_to_the_width_of_three_are_masked_with_their_padding() {
        // Lists, 任前 lines and keys no column holds: the padding stays, the given name goes.
        let r = scan(
            "拟录用人员名单：王\u{3000}强、李秀兰、陈  俨\n吴\u{3000}敏，男，汉族，1975年3月生\n",
        );
        assert_eq!(
            r.masked_text,
            "拟录用人员名单：王\u{3000}*、李**、陈  *\n吴\u{3000}*，男，汉族，1975年3月生\n"
        );
        let names: Vec<_> = r.findings.iter().map(|f| (f.span.start, f.span.end)).collect();
        assert_eq!(names, vec![(8, 11), (12, 15), (16, 20), (21, 24)]);
        // A heading and a header padded the same way are no names.
        let r = scan("公\u{3000}\u{3000}告\n姓\u{3000}名：刘\u{3000}洋\n");
        assert_eq!(r.masked_text, "公\u{3000}\u{3000}告\n姓\u{3000}名：刘\u{3000}*\n");
    }

    #[test]
    fn masked_names_are_compliant() {
        let r = scan("姓名\t金额\n张*\t300\n欧阳**\t200\n李*明\t100\n");
        let statuses: Vec<_> = r.findings.iter().map(|f| f.status).collect();
        assert_eq!(
            statuses,
            vec![Status::AlreadyMasked, Status::AlreadyMasked, Status::InsufficientlyMasked]
        );
        assert!(r.masked_text.contains("李**"), "{}", r.masked_text);
    }

    #[test]
    fn scanner_is_send_sync() {
        fn assert_all<T: Send + Sync + Clone>() {}
        assert_all::<Scanner>();
    }
}
