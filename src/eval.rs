//! Evaluation against labeled corpora.
/// x
pub fn placeholder() {}
