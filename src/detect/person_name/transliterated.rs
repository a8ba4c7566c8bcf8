//! Names transliterated into Chinese characters from Tibetan, Uyghur, Kazakh and Mongolian
//! (次仁多吉, 买买提艾力, 古丽努尔, 巴特尔): no Chinese surname starts them, so the surname
//! pass cannot find them. They are read as runs of known name parts (`name_parts.txt`).

use crate::text::WordsByChar;

/// Longest run of parts read as one name, in characters (阿不都热合曼 is six).
pub(super) const MAX_RUN_CHARS: usize = 10;

/// Suffix of endearment that Uyghur and Kazakh given names may carry (吐尔逊江, 叶尔江).
/// It counts only where an item ends (a list item, a cell): in running text 江 also starts
/// words (江苏), so a run read there stops before it.
pub(super) const SUFFIX: char = '江';

/// The known parts, looked up by first character.
#[derive(Debug)]
pub(super) struct NameParts {
    parts: WordsByChar,
}

/// A run of name parts at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PartRun {
    /// Length in bytes.
    pub(super) len: usize,
    /// How many parts it joins (次仁多吉: two).
    pub(super) parts: usize,
}

impl NameParts {
    pub(super) fn new<'w>(parts: impl IntoIterator<Item = &'w str>) -> Self {
        NameParts { parts: WordsByChar::by_first(parts) }
    }

    /// Returns the run of parts that starts `text`, taking the longest part at each step.
    pub(super) fn run(&self, text: &str) -> Option<PartRun> {
        let (mut len, mut parts, mut chars) = (0, 0, 0);
        while let Some((n, _)) = self.parts.longest_start(&text[len..]) {
            let width = text[len..len + n].chars().count();
            if chars + width > MAX_RUN_CHARS {
                break;
            }
            (len, parts, chars) = (len + n, parts + 1, chars + width);
        }
        (parts > 0).then_some(PartRun { len, parts })
    }

    /// Returns the length in bytes of `run` with the suffix 江 when it follows.
    pub(super) fn with_suffix(text: &str, run: PartRun) -> usize {
        run.len + if text[run.len..].starts_with(SUFFIX) { SUFFIX.len_utf8() } else { 0 }
    }

    /// Returns true when `name` is a whole run of parts, the suffix 江 allowed.
    pub(super) fn whole(&self, name: &str) -> bool {
        self.run(name).is_some_and(|run| Self::with_suffix(name, run) == name.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> NameParts {
        NameParts::new(["次仁", "多吉", "阿不都", "阿不都拉", "热合曼", "古丽", "吐尔逊"])
    }

    #[test]
    fn runs_join_parts_longest_first() {
        let p = parts();
        assert_eq!(p.run("次仁多吉同志"), Some(PartRun { len: "次仁多吉".len(), parts: 2 }));
        assert_eq!(
            p.run("阿不都热合曼·依明"),
            Some(PartRun { len: "阿不都热合曼".len(), parts: 2 })
        );
        assert_eq!(p.run("阿不都拉"), Some(PartRun { len: "阿不都拉".len(), parts: 1 }));
        assert_eq!(p.run("次数"), None);
        assert_eq!(p.run(""), None);
    }

    #[test]
    fn runs_stop_at_the_longest_name() {
        let p = parts();
        // Five parts of two characters: the fifth would pass ten characters.
        let text = "次仁多吉古丽次仁多吉次仁";
        assert_eq!(p.run(text).map(|r| r.len), Some("次仁多吉古丽次仁多吉".len()));
    }

    #[test]
    fn whole_names_may_carry_the_suffix() {
        let p = parts();
        assert!(p.whole("吐尔逊江"));
        assert!(p.whole("古丽"));
        assert!(p.whole("次仁多吉"));
        assert!(!p.whole("次仁多吉村"));
        assert!(!p.whole("江古丽"));
        assert!(!p.whole(""));
        // `with_suffix` takes 江 wherever it follows; callers check where the name ends.
        assert_eq!(
            NameParts::with_suffix("吐尔逊江苏", p.run("吐尔逊江苏").unwrap()),
            "吐尔逊江".len()
        );
    }
}
