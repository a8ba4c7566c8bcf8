//! Accuracy evaluation against labeled corpora (`../shared/eval/FORMAT.md`).
//!
//! A corpus is JSON Lines: `{"id", "text", "entities": [{"kind", "start", "end", "value"}],
//! "public": [...], "ignore": [...]}` with Unicode-scalar offsets. Scoring follows the
//! corpus owners' rules:
//! - mobile and landline numbers form one class (`phone`);
//! - a gold entity is found when a reported leak (`leaked` or `insufficiently_masked`) of
//!   its class overlaps it, covering at least 80 % of it for numbers;
//! - a reported leak overlapping no gold entity of its class (nor an ignore span) is a
//!   false positive; `location` entities (MSRA) count as ignore spans for addresses;
//! - a residual leak is a gold value still present verbatim in the masked text;
//! - beyond those rules, a gold entity is covered whole when one reported leak of its class
//!   spans all of it: a name found only in part (`杨斌` of `杨斌玉`) is found, yet its mask
//!   leaves a character in the text;
//! - a public span overlapped by a reported leak is an institutional value reported as
//!   leaked.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::kind::PiiKind;
use crate::mask::Profile;
use crate::scan::{Document, Scanner};

/// Scoring class of a kind: mobile and landline numbers count as one.
fn class_of(kind: &str) -> &str {
    match kind {
        "mobile_phone" | "landline" => "phone",
        "location" => "address",
        other => other,
    }
}

fn is_number_class(class: &str) -> bool {
    matches!(class, "id_card" | "phone" | "bank_card")
}

/// A labeled span of a corpus document.
#[derive(Clone, Debug, Deserialize)]
pub struct Labeled {
    /// Kind name (`id_card`, `mobile_phone`, …, or `location`).
    pub kind: String,
    /// Start, in Unicode scalar values.
    pub start: usize,
    /// End (exclusive), in Unicode scalar values.
    pub end: usize,
    /// The labeled text, when given.
    #[serde(default)]
    pub value: Option<String>,
}

/// One document of a labeled corpus.
#[derive(Clone, Debug, Deserialize)]
pub struct LabeledDocument {
    /// Document identifier.
    pub id: String,
    /// Text.
    pub text: String,
    /// Personal data that must be reported as leaked.
    #[serde(default)]
    pub entities: Vec<Labeled>,
    /// Institutional values that must not be reported as leaked.
    #[serde(default)]
    pub public: Vec<Labeled>,
    /// Grey zone, scored neither way.
    #[serde(default)]
    pub ignore: Vec<Labeled>,
}

/// Parses a JSON Lines corpus.
///
/// # Errors
///
/// Returns [`Error::Corpus`] with the line number of the first malformed line or a span
/// outside its text.
pub fn parse_corpus(text: &str) -> Result<Vec<LabeledDocument>> {
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |reason: String| Error::Corpus { line: i + 1, reason };
        let doc: LabeledDocument = serde_json::from_str(line).map_err(|e| err(e.to_string()))?;
        let chars = doc.text.chars().count();
        for l in doc.entities.iter().chain(&doc.public).chain(&doc.ignore) {
            if l.start >= l.end || l.end > chars {
                return Err(err(format!(
                    "span {}..{} outside the text of {chars} characters",
                    l.start, l.end
                )));
            }
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Counts of one scoring class.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClassCounts {
    /// Gold entities.
    pub gold: usize,
    /// Gold entities found.
    pub found: usize,
    /// Gold entities that one reported leak covers whole (a part of the rest stays unmasked).
    pub whole: usize,
    /// Reported leaks (outside ignore spans).
    pub predicted: usize,
    /// Reported leaks matching a gold entity.
    pub correct: usize,
    /// Gold values still present in the masked text.
    pub residual: usize,
}

impl ClassCounts {
    /// Returns correct / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Returns found / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Returns the harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A miss or a false alarm, located without its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Located {
    /// Document id.
    pub id: String,
    /// Class (`phone`, `id_card` …).
    pub class: String,
    /// Start, in Unicode scalar values.
    pub start: usize,
    /// End, in Unicode scalar values.
    pub end: usize,
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EvalReport {
    /// Documents scored.
    pub documents: usize,
    /// Counts per class.
    pub classes: BTreeMap<String, ClassCounts>,
    /// Public spans reported as leaked.
    pub public_reported_as_leaked: usize,
    /// Gold entities not found.
    pub missed: Vec<Located>,
    /// Gold entities found but covered in part only.
    pub partial: Vec<Located>,
    /// Reported leaks matching nothing.
    pub false_positives: Vec<Located>,
    /// Gold values still present in the masked text.
    pub residual: Vec<Located>,
}

/// Scans every document with `profile` and scores the reported leaks.
///
/// # Errors
///
/// Returns the scanner's error for a document it refuses (size limit).
pub fn evaluate(
    scanner: &Scanner,
    profile: &Profile,
    docs: &[LabeledDocument],
) -> Result<EvalReport> {
    let mut report = EvalReport { documents: docs.len(), ..EvalReport::default() };
    for doc in docs {
        let scanned = scanner.scan(&Document::new(&doc.id, &doc.text), profile)?;
        let leaks: Vec<(&str, usize, usize)> = scanned
            .findings
            .iter()
            .filter(|f| f.status.needs_masking())
            .map(|f| (class_of(f.kind.as_str()), f.span.start, f.span.end))
            .collect();
        let intersect =
            |a: (usize, usize), b: (usize, usize)| b.1.min(a.1).saturating_sub(b.0.max(a.0));

        let gold: Vec<&Labeled> = doc.entities.iter().filter(|e| e.kind != "location").collect();
        let chars: Vec<char> = doc.text.chars().collect();
        for g in &gold {
            let class = class_of(&g.kind);
            let counts = report.classes.entry(class.to_owned()).or_default();
            counts.gold += 1;
            let need = if is_number_class(class) { (g.end - g.start) * 4 / 5 } else { 1 };
            let covered: usize = leaks
                .iter()
                .filter(|l| l.0 == class)
                .map(|l| intersect((l.1, l.2), (g.start, g.end)))
                .max()
                .unwrap_or(0);
            if covered >= need.max(1) {
                counts.found += 1;
                if leaks.iter().any(|l| l.0 == class && l.1 <= g.start && g.end <= l.2) {
                    counts.whole += 1;
                } else {
                    report.partial.push(locate(doc, class, g));
                }
            } else {
                report.missed.push(locate(doc, class, g));
            }
            let value: String =
                g.value.clone().unwrap_or_else(|| chars[g.start..g.end].iter().collect());
            if !value.is_empty() && scanned.masked_text.contains(&value) {
                counts.residual += 1;
                report.residual.push(locate(doc, class, g));
            }
        }
        let ignored = |class: &str, span: (usize, usize)| {
            doc.ignore.iter().chain(doc.entities.iter().filter(|e| e.kind == "location")).any(|i| {
                (class_of(&i.kind) == class || i.kind == "location")
                    && intersect(span, (i.start, i.end)) > 0
            })
        };
        for &(class, start, end) in &leaks {
            let matched = gold.iter().any(|g| {
                class_of(&g.kind) == class && intersect((start, end), (g.start, g.end)) > 0
            });
            if !matched && ignored(class, (start, end)) {
                continue;
            }
            let counts = report.classes.entry(class.to_owned()).or_default();
            counts.predicted += 1;
            if matched {
                counts.correct += 1;
            } else {
                report.false_positives.push(Located {
                    id: doc.id.clone(),
                    class: class.to_owned(),
                    start,
                    end,
                });
            }
        }
        for p in &doc.public {
            if leaks.iter().any(|l| intersect((l.1, l.2), (p.start, p.end)) > 0) {
                report.public_reported_as_leaked += 1;
            }
        }
    }
    Ok(report)
}

fn locate(doc: &LabeledDocument, class: &str, l: &Labeled) -> Located {
    Located { id: doc.id.clone(), class: class.to_owned(), start: l.start, end: l.end }
}

impl EvalReport {
    /// Returns the counts of the class of `kind`.
    pub fn class(&self, kind: PiiKind) -> ClassCounts {
        self.classes.get(class_of(kind.as_str())).cloned().unwrap_or_default()
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents: {}", self.documents)?;
        writeln!(
            f,
            "{:<12} {:>7} {:>7} {:>7} {:>9} {:>7} {:>9} {:>7} {:>7} {:>8}",
            "class",
            "gold",
            "found",
            "whole",
            "predicted",
            "correct",
            "precision",
            "recall",
            "f1",
            "residual"
        )?;
        for (class, c) in &self.classes {
            writeln!(
                f,
                "{:<12} {:>7} {:>7} {:>7} {:>9} {:>7} {:>9.4} {:>7.4} {:>7.4} {:>8}",
                class,
                c.gold,
                c.found,
                c.whole,
                c.predicted,
                c.correct,
                c.precision(),
                c.recall(),
                c.f1(),
                c.residual
            )?;
        }
        writeln!(f, "public values reported as leaked: {}", self.public_reported_as_leaked)?;
        write!(f, "residual leaks (gold values left in masked text): {}", self.residual.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &str) -> EvalReport {
        let scanner = Scanner::built_in();
        let profile = scanner.profile("default").unwrap();
        evaluate(&scanner, &profile, &parse_corpus(lines).unwrap()).unwrap()
    }

    #[test]
    fn scores_found_missed_and_false_positives() {
        // doc a: ID found; doc b: a labeled mobile that the scanner finds, and a labeled
        // "mobile" the scanner cannot find (unallocated segment) → a miss and a residual.
        let corpus = concat!(
            r#"{"id":"a","text":"身份证号：11010519491231002X","entities":[{"kind":"id_card","start":5,"end":23}]}"#,
            "\n",
            r#"{"id":"b","text":"电话13812345678，12012345678","entities":[{"kind":"mobile_phone","start":2,"end":13},{"kind":"landline","start":14,"end":25}]}"#,
            "\n",
            r#"{"id":"c","text":"手机13912345678","entities":[]}"#,
            "\n",
            r#"{"id":"d","text":"监督电话：0797-8221234","public":[{"kind":"landline","start":5,"end":17}]}"#,
        );
        let r = run(corpus);
        assert_eq!(r.documents, 4);
        let id = r.class(PiiKind::IdCard);
        assert_eq!((id.gold, id.found, id.predicted, id.correct, id.residual), (1, 1, 1, 1, 0));
        let phone = r.class(PiiKind::Landline);
        assert_eq!((phone.gold, phone.found, phone.predicted, phone.correct), (2, 1, 2, 1));
        assert_eq!(phone.residual, 1);
        assert_eq!(
            r.false_positives,
            vec![Located { id: "c".into(), class: "phone".into(), start: 2, end: 13 }]
        );
        assert_eq!(r.missed.len(), 1);
        assert_eq!(r.public_reported_as_leaked, 0);
        assert!((phone.precision() - 0.5).abs() < 1e-9 && (phone.recall() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn names_found_in_part_are_found_but_not_whole() {
        // The scanner masks 王红梅 in both: gold spanning exactly it is covered whole, gold
        // one character longer (as if the name were 王红梅丽) only found.
        let corpus = concat!(
            r#"{"id":"a","text":"户主王红梅","entities":[{"kind":"person_name","start":2,"end":5}]}"#,
            "\n",
            r#"{"id":"b","text":"户主王红梅","entities":[{"kind":"person_name","start":1,"end":5}]}"#,
        );
        let report = run(corpus);
        let names = report.class(PiiKind::PersonName);
        assert_eq!((names.gold, names.found, names.whole), (2, 2, 1));
        assert_eq!(
            report.partial,
            vec![Located { id: "b".into(), class: "person_name".into(), start: 1, end: 5 }]
        );
    }

    #[test]
    fn ignore_spans_are_not_false_positives() {
        let r = run(
            r#"{"id":"x","text":"手机13912345678","ignore":[{"kind":"mobile_phone","start":2,"end":13}]}"#,
        );
        assert_eq!(r.class(PiiKind::MobilePhone).predicted, 0);
        assert!(r.false_positives.is_empty());
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let err = parse_corpus("{\"id\":\"a\",\"text\":\"x\"}\nnot json").unwrap_err().to_string();
        assert!(err.starts_with("corpus line 2:"), "{err}");
        let err = parse_corpus(
            r#"{"id":"a","text":"ab","entities":[{"kind":"id_card","start":1,"end":9}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("outside the text"), "{err}");
    }
}
