//! Short word lists looked up at a position: cues before and after names, blocklisted words,
//! field words before a colon.

use rustc_hash::FxHashMap;

/// Words looked up by their first or last character: most characters start or end none, so
/// one lookup settles most positions, and the rest compare a handful of words. Each word
/// keeps its index in the list it was built from; the words of a character are kept
/// longest first, so the first that matches is the longest.
#[derive(Debug, Default)]
pub(crate) struct WordsByChar {
    words: FxHashMap<char, Vec<(Box<str>, usize)>>,
}

impl WordsByChar {
    /// Indexes `words` by their first character.
    pub(crate) fn by_first<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Self::index(words, |w| w.chars().next())
    }

    /// Indexes `words` by their last character.
    pub(crate) fn by_last<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Self::index(words, |w| w.chars().next_back())
    }

    fn index<'w>(
        words: impl IntoIterator<Item = &'w str>,
        key: impl Fn(&str) -> Option<char>,
    ) -> Self {
        let mut index = WordsByChar::default();
        for (id, w) in words.into_iter().enumerate() {
            if let Some(c) = key(w) {
                index.words.entry(c).or_default().push((w.into(), id));
            }
        }
        for list in index.words.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        index
    }

    /// Returns the length in bytes and the index of the longest word that `text` starts
    /// with (indexed by first character).
    pub(crate) fn longest_start(&self, text: &str) -> Option<(usize, usize)> {
        let words = self.words.get(&text.chars().next()?)?;
        words.iter().find(|(w, _)| text.starts_with(&**w)).map(|(w, id)| (w.len(), *id))
    }

    /// Returns the byte offset where the longest word that `text` ends with starts, and
    /// its index (indexed by last character).
    pub(crate) fn longest_end(&self, text: &str) -> Option<(usize, usize)> {
        let words = self.words.get(&text.chars().next_back()?)?;
        words.iter().find(|(w, _)| text.ends_with(&**w)).map(|(w, id)| (text.len() - w.len(), *id))
    }

    /// Returns true when `text` starts with one of the words (indexed by first character).
    pub(crate) fn starts(&self, text: &str) -> bool {
        self.longest_start(text).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_word_wins_and_keeps_its_index() {
        let words = ["公示", "公网安备", "公", "地址", "家庭住址"];
        let by_first = WordsByChar::by_first(words);
        assert_eq!(by_first.longest_start("公网安备43号"), Some(("公网安备".len(), 1)));
        assert_eq!(by_first.longest_start("公示期"), Some(("公示".len(), 0)));
        assert_eq!(by_first.longest_start("公开"), Some(("公".len(), 2)));
        assert_eq!(by_first.longest_start("住址"), None);
        assert!(!by_first.starts(""));
        let by_last = WordsByChar::by_last(words);
        let text = "申请人家庭住址";
        assert_eq!(by_last.longest_end(text), Some((text.len() - "家庭住址".len(), 4)));
        assert_eq!(by_last.longest_end("单位地址"), Some(("单位".len(), 3)));
        assert_eq!(by_last.longest_end("地址栏"), None);
    }
}
