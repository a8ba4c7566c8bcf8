//! Context cues: the label just before a number (`身份证号：`, `监督电话`, `索引号`).
//!
//! Only a short window before each number group is searched, so the identifier path
//! costs nothing on text without numbers. A list (`电话：138…、139…`) passes its cue on
//! to the numbers after the first.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::dict::CueCategory;
use crate::text::NumberGroup;

/// Bytes searched before a group for a cue.
const WINDOW: usize = 42;
/// Most bytes allowed between a cue and its number (`身份证号码分别为：` leaves 12).
const MAX_GAP: usize = 15;
/// Most bytes of list separators between two numbers that share a cue.
const MAX_LIST_GAP: usize = 7;

/// Finds context cues.
pub(crate) struct CueMatcher {
    automaton: AhoCorasick,
    /// Bytes of the shortest cue: a shorter window holds none.
    shortest: usize,
    categories: Vec<CueCategory>,
    words: Vec<String>,
}

impl CueMatcher {
    pub(crate) fn new(cues: &[(String, CueCategory)]) -> Self {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(cues.iter().map(|(w, _)| w))
            .expect("cue automaton builds");
        CueMatcher {
            automaton,
            shortest: cues.iter().map(|(w, _)| w.len()).min().unwrap_or(0),
            categories: cues.iter().map(|(_, c)| *c).collect(),
            words: cues.iter().map(|(w, _)| w.clone()).collect(),
        }
    }

    /// Returns the category of cue `id`.
    pub(crate) fn category(&self, id: usize) -> CueCategory {
        self.categories[id]
    }

    /// Returns the word of cue `id`.
    pub(crate) fn word(&self, id: usize) -> &str {
        &self.words[id]
    }

    /// Returns true when `word` is a whole cue of a phone number (联系电话, 电话, 咨询电话 …).
    pub(crate) fn is_phone_cue(&self, word: &str) -> bool {
        self.words
            .iter()
            .zip(&self.categories)
            .any(|(w, c)| w == word && matches!(c, CueCategory::Phone | CueCategory::PublicPhone))
    }

    /// Returns the id of the cue that applies to each group.
    pub(crate) fn for_groups(&self, text: &str, groups: &[NumberGroup]) -> Vec<Option<usize>> {
        let mut out: Vec<Option<usize>> = Vec::with_capacity(groups.len());
        for (i, group) in groups.iter().enumerate() {
            let start = group.start() - usize::from(group.plus);
            let mut cue = self.direct(text, start);
            if cue.is_none() && i > 0 && is_list_gap(&text[groups[i - 1].end()..start]) {
                cue = out[i - 1];
            }
            out.push(cue);
        }
        out
    }

    /// Returns the cue directly before byte offset `at`, if any.
    fn direct(&self, text: &str, at: usize) -> Option<usize> {
        let mut from = at.saturating_sub(WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..at];
        // Stop at the previous line or sentence: a cue does not reach across them.
        let window = match window.rfind(['\n', '。', '；', ';', '|', '\t']) {
            Some(cut) => &window[cut..],
            None => window,
        };
        // Most windows of a table row end at the cell before the number (`| 王红梅 | 362…`).
        if window.len() < self.shortest {
            return None;
        }
        let base = at - window.len();
        let found = self.automaton.find_iter(window).last()?;
        let gap = &text[base + found.end()..at];
        if gap.len() > MAX_GAP || gap.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(found.pattern().as_usize())
    }
}

fn is_list_gap(gap: &str) -> bool {
    gap.len() <= MAX_LIST_GAP
        && gap.chars().all(|c| matches!(c, '、' | '，' | ',' | '/' | ' ' | '或' | '及' | '和'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;
    use crate::text::number_groups;

    fn cues(text: &str) -> Vec<Option<String>> {
        let matcher = CueMatcher::new(&Dictionaries::built_in().cues);
        let groups = number_groups(text);
        let ids = matcher.for_groups(text, &groups);
        ids.into_iter().map(|c| c.map(|id| matcher.word(id).to_owned())).collect()
    }

    #[test]
    fn nearest_cue_wins() {
        assert_eq!(cues("身份证号码：11010519491231002X"), vec![Some("身份证号码".into())]);
        assert_eq!(cues("监督电话：0797-1234567"), vec![Some("监督电话".into())]);
        assert_eq!(
            cues("身份证号11010519491231002X，联系电话13812345678"),
            vec![Some("身份证号".into()), Some("联系电话".into())]
        );
    }

    #[test]
    fn lists_inherit_the_cue() {
        assert_eq!(
            cues("举报电话：12345、0797-1234567"),
            vec![Some("举报电话".into()), Some("举报电话".into())]
        );
    }

    #[test]
    fn cues_do_not_cross_sentences_or_reach_far() {
        assert_eq!(cues("身份证号见附件。13812345678"), vec![None]);
        assert_eq!(cues("电话这一栏后面写了很多很多的字13812345678"), vec![None]);
    }
}
