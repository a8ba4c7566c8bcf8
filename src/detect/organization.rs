//! Whether a party named in a notice is an organization (`当事人：某某有限公司`) rather
//! than a person: a labeled "name" that is an organization is no person's name, and the
//! 住所 of an organization is its registered address, which a decision publishes.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
