//! Severity of findings and the per-document risk summary (DESIGN §6).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kind::{PiiKind, Severity, Status};
use crate::scan::Finding;

/// Returns the severity of a finding of `kind` in state `status`.
pub fn severity(kind: PiiKind, status: Status) -> Severity {
    match status {
        Status::AlreadyMasked | Status::Public => Severity::None,
        Status::Leaked => match kind {
            PiiKind::IdCard | PiiKind::BankCard => Severity::Critical,
            PiiKind::MobilePhone | PiiKind::Address => Severity::High,
            PiiKind::Landline | PiiKind::PersonName => Severity::Medium,
        },
        Status::InsufficientlyMasked => match kind {
            PiiKind::IdCard | PiiKind::BankCard | PiiKind::Address => Severity::Medium,
            PiiKind::MobilePhone | PiiKind::Landline | PiiKind::PersonName => Severity::Low,
        },
    }
}

/// Raises to `critical` every name that must be masked and shares its record (table row,
/// list item, field block, paragraph) with an ID, bank card or phone number that must be
/// masked too: together they identify and reach a person (DESIGN §6). `findings` are in
/// text order, so records are contiguous runs.
pub fn escalate_combinations(findings: &mut [Finding]) {
    let identifying = |f: &Finding| {
        f.status.needs_masking()
            && matches!(
                f.kind,
                PiiKind::IdCard | PiiKind::BankCard | PiiKind::MobilePhone | PiiKind::Landline
            )
    };
    let mut start = 0;
    while start < findings.len() {
        let record = findings[start].record;
        let end = start + findings[start..].iter().take_while(|f| f.record == record).count();
        if findings[start..end].iter().any(identifying) {
            for f in &mut findings[start..end] {
                if f.kind == PiiKind::PersonName && f.status.needs_masking() {
                    f.severity = Severity::Critical;
                }
            }
        }
        start = end;
    }
}

/// Score weight of one finding of a severity.
fn weight(severity: Severity) -> u32 {
    match severity {
        Severity::None => 0,
        Severity::Low => 1,
        Severity::Medium => 3,
        Severity::High => 6,
        Severity::Critical => 10,
    }
}

/// Risk of one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskSummary {
    /// Worst severity among the findings (`none` without findings).
    pub level: Severity,
    /// Sum of severity weights (low 1, medium 3, high 6, critical 10).
    pub score: u32,
    /// Findings that must be masked (`leaked` + `insufficiently_masked`).
    pub leaks: usize,
    /// Findings per kind and status.
    pub counts: BTreeMap<PiiKind, BTreeMap<Status, usize>>,
    /// What this document costs in the assessment, in points, after the document cap of
    /// the deduction rules (`deduction.toml`).
    pub deduction: f64,
}

impl RiskSummary {
    /// Summarizes `findings`.
    pub fn of(findings: &[Finding]) -> Self {
        let mut counts: BTreeMap<PiiKind, BTreeMap<Status, usize>> = BTreeMap::new();
        let mut level = Severity::None;
        let mut score = 0;
        let mut leaks = 0;
        for f in findings {
            *counts.entry(f.kind).or_default().entry(f.status).or_default() += 1;
            level = level.max(f.severity);
            score += weight(f.severity);
            leaks += usize::from(f.status.needs_masking());
        }
        RiskSummary { level, score, leaks, counts, deduction: 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_severities() {
        assert_eq!(severity(PiiKind::IdCard, Status::Leaked), Severity::Critical);
        assert_eq!(severity(PiiKind::BankCard, Status::Leaked), Severity::Critical);
        assert_eq!(severity(PiiKind::MobilePhone, Status::Leaked), Severity::High);
        assert_eq!(severity(PiiKind::Landline, Status::Leaked), Severity::Medium);
        assert_eq!(severity(PiiKind::IdCard, Status::InsufficientlyMasked), Severity::Medium);
        assert_eq!(severity(PiiKind::IdCard, Status::AlreadyMasked), Severity::None);
        assert_eq!(severity(PiiKind::Landline, Status::Public), Severity::None);
        assert_eq!(severity(PiiKind::PersonName, Status::Leaked), Severity::Medium);
        assert_eq!(severity(PiiKind::Address, Status::Leaked), Severity::High);
    }
}
