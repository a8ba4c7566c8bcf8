//! Template for a new kind of personal data: copy this file to `detect/<kind>.rs`.
//!
//! Adding a kind means:
//! 1. a variant in `PiiKind` (with `as_str`, `label`) and its severity in `risk.rs`;
//! 2. a copy of this module, its doc comment saying what format it recognizes, from which
//!    standard, and its known false positives and negatives;
//! 3. registering it in `DetectorBuilder::build`;
//! 4. `t!` rows (positives, near misses, full-width forms, edges), corpus cases in
//!    `tests/data/`, and a row in `benches/detect.rs`.

use crate::detect::{Candidate, Prepared, Recognizer, Run, explain};
use crate::kind::PiiKind;
use crate::redacted::Redacted;

/// Recognizes nothing; shows the shape of a recognizer.
pub(crate) struct Template;

impl Recognizer for Template {
    fn kind(&self) -> PiiKind {
        PiiKind::IdCard
    }

    fn find(&self, doc: &Prepared<'_>, runs: &[Run<'_>], out: &mut Vec<Candidate>) {
        for run in runs {
            // Judge the run: its value, its chunk layout, the cue before it.
            let plausible = false;
            if !plausible {
                continue;
            }
            out.push(Candidate {
                kind: self.kind(),
                start: run.start(),
                end: run.end(),
                confidence: 0.5,
                rule: "template.example",
                explanation: explain(&["what validated"], doc.cue_id(run)),
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
