//! # noticeguard
//!
//! Finds and masks personal information in Chinese government public notices
//! (政务公开 公示/公告) and reports each document's privacy-leak risk.
//!
//! ## Overview
//!
//! The core is pure: text and a [`Profile`] in, a [`ScanReport`] out, no I/O beyond reading
//! an optional dictionary override directory. A [`Scanner`] is built once (dictionaries,
//! automata, profiles) and shared by every scan.
//!
//! Pipeline: normalize (full-width → ASCII, with an offset map) → detect (one recognizer
//! per kind, digit guards, context cues) → resolve overlaps → classify status (`leaked`,
//! `insufficiently_masked`, `already_masked`, `public`) → mask per profile → risk.
//!
//! ```
//! use noticeguard::{Document, Scanner, Status};
//!
//! let scanner = Scanner::built_in();
//! let profile = scanner.profile("default")?;
//! let report = scanner.scan(&Document::new("n1", "联系电话：13812345678"), &profile)?;
//! assert_eq!(report.masked_text, "联系电话：138****5678");
//! assert_eq!(report.findings[0].status, Status::Leaked);
//! # Ok::<(), noticeguard::Error>(())
//! ```
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod deduction;
mod detect;
mod dict;
mod error;
pub mod eval;
#[cfg(feature = "archive")]
pub mod extract;
#[cfg(feature = "html")]
pub mod html;
mod kind;
mod mask;
mod redacted;
#[cfg(feature = "archive")]
pub mod rescan;
mod risk;
mod scan;
#[cfg(feature = "grpc")]
pub mod service;
#[cfg(feature = "sqlite")]
pub mod store;
mod structure;
mod text;

pub use deduction::DeductionRules;
pub use detect::{Detector, DetectorBuilder};
pub use dict::{Dictionaries, DivisionLevel};
pub use error::{Error, Result};
pub use kind::{PiiKind, Severity, Status, UnknownName};
pub use mask::{KindRule, MaskStyle, Profile, Treatment};
pub use redacted::Redacted;
pub use risk::{RiskSummary, severity};
pub use scan::{
    DEFAULT_MAX_DOCUMENT_BYTES, Document, Finding, ScanReport, Scanner, ScannerBuilder,
};
pub use text::{Normalized, Span};
