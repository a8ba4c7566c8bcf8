//! Deductions: what a document's findings cost the publishing unit in the assessment.
//!
//! Rules are data (`dictionaries/deduction.toml`, replaceable per jurisdiction): points per
//! finding by severity with per-kind overrides, points for already-masked findings, a cap per
//! document, and a cap per unit per period that statistics apply when they add documents up.
//! Points are kept in hundredths (`centipoints`) so sums are exact integers in any database.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::kind::{PiiKind, Severity, Status};
use crate::scan::Finding;

/// Period over which the unit cap applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Calendar month.
    Month,
    /// Calendar quarter.
    Quarter,
    /// Calendar year.
    Year,
}

impl Period {
    /// Returns the period key of a date given as `YYYY-MM…` (e.g. `2026`, `2026-Q4`,
    /// `2026-11`), or `None` when the date does not start that way.
    pub fn key(self, date: &str) -> Option<String> {
        let year = date.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
        let month: u8 = date.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
        Some(match self {
            Period::Month => format!("{year}-{month:02}"),
            Period::Quarter => format!("{year}-Q{}", (month - 1) / 3 + 1),
            Period::Year => year.to_owned(),
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SeverityPoints {
    critical: Option<f64>,
    high: Option<f64>,
    medium: Option<f64>,
    low: Option<f64>,
}

impl SeverityPoints {
    fn get(&self, severity: Severity) -> Option<f64> {
        match severity {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::None => Some(0.0),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    name: Option<String>,
    period: Option<Period>,
    document_cap: Option<f64>,
    unit_period_cap: Option<f64>,
    already_masked: Option<f64>,
    #[serde(default)]
    points: SeverityPoints,
    #[serde(default)]
    kinds: BTreeMap<String, SeverityPoints>,
}

/// Deduction rules of one jurisdiction.
#[derive(Clone, Debug, PartialEq)]
pub struct DeductionRules {
    name: String,
    period: Period,
    /// Centipoints per finding, by kind index then severity index.
    points: Vec<[u64; 5]>,
    already_masked: u64,
    document_cap: Option<u64>,
    unit_period_cap: Option<u64>,
}

/// Converts points to centipoints, refusing negative or absurd values.
fn centi(what: &str, points: f64) -> std::result::Result<u64, String> {
    if !(0.0..=1_000_000.0).contains(&points) || points.is_nan() {
        return Err(format!("{what} must be between 0 and 1000000 points"));
    }
    Ok((points * 100.0).round() as u64)
}

impl DeductionRules {
    /// Parses a rule file.
    ///
    /// # Errors
    ///
    /// Returns [`Error::DictionaryEntry`] naming `file` for TOML errors, unknown kinds and
    /// negative or absurd numbers.
    pub fn from_toml(file: &str, text: &str) -> Result<Self> {
        let err =
            |reason: String| Error::DictionaryEntry { file: file.to_owned(), line: 0, reason };
        let rules: RulesFile = toml::from_str(text).map_err(|e| err(e.message().to_owned()))?;
        let mut points = Vec::with_capacity(PiiKind::ALL.len());
        for kind in PiiKind::ALL {
            let specific = rules.kinds.get(kind.as_str());
            let mut row = [0; 5];
            for severity in Severity::ALL {
                let p = specific
                    .and_then(|s| s.get(*severity))
                    .or(rules.points.get(*severity))
                    .unwrap_or(0.0);
                row[severity.index()] =
                    centi(&format!("points of {kind} {severity}"), p).map_err(err)?;
            }
            points.push(row);
        }
        if let Some(unknown) = rules.kinds.keys().find(|k| k.parse::<PiiKind>().is_err()) {
            return Err(err(format!("unknown kind {unknown:?} in [kinds]")));
        }
        Ok(DeductionRules {
            name: rules.name.unwrap_or_default(),
            period: rules.period.unwrap_or(Period::Year),
            points,
            already_masked: centi("already_masked", rules.already_masked.unwrap_or(0.0))
                .map_err(err)?,
            document_cap: rules
                .document_cap
                .map(|c| centi("document_cap", c))
                .transpose()
                .map_err(err)?,
            unit_period_cap: rules
                .unit_period_cap
                .map(|c| centi("unit_period_cap", c))
                .transpose()
                .map_err(err)?,
        })
    }

    /// Returns the rules' name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the period of the unit cap.
    pub fn period(&self) -> Period {
        self.period
    }

    /// Returns the unit cap per period, in centipoints.
    pub fn unit_period_cap(&self) -> Option<u64> {
        self.unit_period_cap
    }

    /// Returns what one finding costs, in centipoints.
    pub fn finding_centipoints(&self, kind: PiiKind, status: Status, severity: Severity) -> u64 {
        match status {
            Status::Leaked | Status::InsufficientlyMasked => {
                self.points[kind.index()][severity.index()]
            }
            Status::AlreadyMasked => self.already_masked,
            Status::Public => 0,
        }
    }

    /// Returns what a document costs, in centipoints, after the document cap.
    pub fn document_centipoints(&self, findings: &[Finding]) -> u64 {
        let sum: u64 =
            findings.iter().map(|f| self.finding_centipoints(f.kind, f.status, f.severity)).sum();
        self.document_cap.map_or(sum, |cap| sum.min(cap))
    }

    /// Adds per-document deductions of one unit in one period, applying the unit cap.
    pub fn unit_period_total(&self, documents: impl IntoIterator<Item = u64>) -> u64 {
        let sum: u64 = documents.into_iter().sum();
        self.unit_period_cap.map_or(sum, |cap| sum.min(cap))
    }
}

/// Converts centipoints to points.
pub fn points(centipoints: u64) -> f64 {
    centipoints as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;
    use crate::{Document, Scanner};

    fn example() -> DeductionRules {
        let dict = Dictionaries::built_in();
        DeductionRules::from_toml("deduction.toml", &dict.deduction).unwrap()
    }

    #[test]
    fn shipped_example_drops_the_whole_item_on_any_leak() {
        let rules = example();
        let scanner = Scanner::built_in();
        let profile = scanner.profile("default").unwrap();
        let scan = |t| scanner.scan(&Document::new("d", t), &profile).unwrap();
        let leaky = scan("身份证号：11010519491231002X，电话13812345678，座机0797-8221234");
        assert_eq!(rules.document_centipoints(&leaky.findings), 600, "capped at 6 points");
        let one_landline = scan("座机0797-8221234");
        assert_eq!(rules.document_centipoints(&one_landline.findings), 600);
        let compliant = scan("身份证号：11*************02X，监督电话：0797-8225678");
        assert_eq!(rules.document_centipoints(&compliant.findings), 0);
        assert_eq!(
            rules.unit_period_total([600, 600, 0]),
            600,
            "the unit loses 6 per year at most"
        );
        assert_eq!(rules.period(), Period::Year);
    }

    #[test]
    fn per_kind_points_caps_and_masked_values() {
        let rules = DeductionRules::from_toml(
            "d.toml",
            "period = \"quarter\"\nalready_masked = 0.25\n[points]\ncritical = 2\nhigh = 1\n[kinds.id_card]\ncritical = 3\n",
        )
        .unwrap();
        assert_eq!(
            rules.finding_centipoints(PiiKind::IdCard, Status::Leaked, Severity::Critical),
            300
        );
        assert_eq!(
            rules.finding_centipoints(PiiKind::BankCard, Status::Leaked, Severity::Critical),
            200
        );
        assert_eq!(
            rules.finding_centipoints(PiiKind::MobilePhone, Status::Leaked, Severity::High),
            100
        );
        assert_eq!(
            rules.finding_centipoints(PiiKind::MobilePhone, Status::Leaked, Severity::Low),
            0
        );
        assert_eq!(
            rules.finding_centipoints(PiiKind::IdCard, Status::AlreadyMasked, Severity::None),
            25
        );
        assert_eq!(rules.finding_centipoints(PiiKind::Landline, Status::Public, Severity::None), 0);
        assert_eq!(rules.unit_period_total([500, 700]), 1200, "no cap configured");
        assert_eq!(Period::Quarter.key("2026-11-27"), Some("2026-Q4".into()));
        assert_eq!(Period::Month.key("2026-01-05T08:00:00Z"), Some("2026-01".into()));
        assert_eq!(Period::Year.key("11/27"), None);
    }

    #[test]
    fn bad_rules_are_errors_naming_the_file() {
        for bad in
            ["document_cap = -1", "[kinds.passport]\nhigh = 1", "period = \"week\"", "bonus = 1"]
        {
            let err = DeductionRules::from_toml("deduction.toml", bad).unwrap_err().to_string();
            assert!(err.contains("deduction.toml"), "{bad}: {err}");
        }
    }
}
