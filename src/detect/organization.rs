//! Whether a party named in a notice is an organization (`当事人：某某有限公司`) rather
//! than a person: a labeled "name" that is an organization is no person's name, and the
//! 住所 of an organization is its registered address, which a decision publishes.

use crate::detect::address::is_stop_char;

/// Suffixes of organization names.
const ORG_SUFFIXES: &[&str] = &[
    "公司",
    "厂",
    "店",
    "部",
    "中心",
    "合作社",
    "局",
    "委员会",
    "政府",
    "医院",
    "学校",
    "协会",
    "银行",
    "超市",
    "商行",
    "门市",
    "工作室",
    "站",
    "所",
    "院",
    "馆",
    "社",
    "队",
    "场",
];

/// Returns true when `name` (a labeled party) ends like the name of an organization,
/// before a note in brackets (`某某有限公司（统一社会信用代码：…）`).
pub(crate) fn is_organization(name: &str) -> bool {
    // Most values end in no suffix's last character (every name judged in running text
    // comes here): one test settles them before any bracket is looked for.
    match name.chars().next_back() {
        Some(c) if ends_suffix(c) => {}
        Some(')' | '）') => {}
        _ => return false,
    }
    let name = name.split(['(', '（']).next().unwrap_or(name).trim_end();
    ORG_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Returns true for the last characters of [`ORG_SUFFIXES`].
fn ends_suffix(c: char) -> bool {
    matches!(
        c,
        '司' | '厂'
            | '店'
            | '部'
            | '心'
            | '社'
            | '局'
            | '会'
            | '府'
            | '院'
            | '校'
            | '行'
            | '市'
            | '室'
            | '站'
            | '所'
            | '馆'
            | '队'
            | '场'
    )
}

/// Words that close the name of a business after its trade name (字号): `赣州金龙建设工程
/// 有限公司` reads place, trade name, trade, form. A trade name often looks like a personal
/// name (金龙, 华坚, 宏远).
const BUSINESS_FORMS: &[&str] = &["公司", "集团", "实业", "合作社", "商行", "门市部", "超市", "厂"];

/// Most Chinese characters between a trade name and the form of the business
/// (`建设工程有限公司`: 8).
const MAX_TRADE_CHARS: usize = 10;

/// Returns true when the text at `end`, right after a name-like word, goes on without a
/// break or a function word into the form of a business within [`MAX_TRADE_CHARS`]
/// characters: the word is the trade name of a company (`金龙` of `赣州金龙建设工程有限
/// 公司`), not a person's name that a clause follows (`梁洛施据说暂停了与英皇公司…`).
pub(crate) fn trade_name_before(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let len: usize = rest
        .chars()
        .take(MAX_TRADE_CHARS)
        .take_while(|&c| crate::text::is_han(c) && !is_stop_char(c))
        .map(char::len_utf8)
        .sum();
    let run = &rest[..len];
    // Most runs hold no last character of a form: one pass over them settles those.
    run.chars().any(|c| matches!(c, '司' | '团' | '业' | '社' | '行' | '部' | '市' | '厂'))
        && BUSINESS_FORMS.iter().any(|form| run.contains(form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_character_test_covers_every_business_form() {
        for form in BUSINESS_FORMS {
            assert!(trade_name_before(&format!("金龙{form}"), "金龙".len()), "{form}");
        }
    }

    #[test]
    fn the_last_character_test_covers_every_suffix() {
        for suffix in ORG_SUFFIXES {
            assert!(suffix.chars().next_back().is_some_and(ends_suffix), "{suffix}");
        }
    }

    #[test]
    fn organizations_end_in_their_kind() {
        for org in ["某某建材有限公司", "绿源农业专业合作社", "顺发超市", "鑫盛机械厂（个人独资）"]
        {
            assert!(is_organization(org), "{org}");
        }
        for person in ["张建国", "买买提·艾力", "欧阳娜娜"] {
            assert!(!is_organization(person), "{person}");
        }
    }

    #[test]
    fn trade_names_run_into_the_form_of_their_business() {
        let text = "赣州金龙建设工程有限公司予以表扬";
        assert!(trade_name_before(text, "赣州金龙".len()));
        assert!(trade_name_before("华坚实业", "华坚".len()));
        // A break or a longer run before the form is no trade name.
        assert!(!trade_name_before("王红梅，某某有限公司", "王红梅".len()));
        assert!(!trade_name_before("王红梅同志在县里工作多年后调到公司", "王红梅".len()));
        assert!(!trade_name_before("王红梅", "王红梅".len()));
        assert!(!trade_name_before("梁洛施暂停了与英皇公司的合约", "梁洛施".len()));
    }
}
