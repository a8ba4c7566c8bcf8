//! An office's contact line (`联系人：黄丽萍　联系电话：0797-5712345`): the member of staff
//! and the office landline that a notice prints so that citizens can ask or object. Both
//! are published on purpose and are `public`, not leaks.
//!
//! Only the plain form counts: the key 联系人 right before the name on its line, then
//! nothing but separators and a phone key before a landline (an area code: an office's
//! number, not a mobile), no other personal data on the line, and no ID, mobile, bank card
//! or address on the line before — a resident's contact (`申请人：王强，身份证号：…\n联系人：
//! 王红梅　联系电话：…`) stays a leak. Names on the lines before are the notice's list, which
//! its contact line follows.

use crate::detect::{Candidate, CueMatcher};
use crate::kind::PiiKind;
use crate::text::is_han;

/// Why the name and the landline of a contact line are public.
const REASON: &str = "an office's contact line (联系人 and a landline)";
/// Why a landline right after an office's address is public.
const OFFICE_ADDRESS_REASON: &str = "the landline after an office's address";

/// Marks the names and landlines of contact lines in `kept` (resolved candidates in text
/// order) as public; `cues` says which keys are phone keys (`cues.tsv`). The name need not
/// have been found (`联系人：王家，电话：…` names a contact whose name is also a word): the
/// landline is the office's either way.
pub(crate) fn mark_contact_lines(text: &str, cues: &CueMatcher, kept: &mut [Candidate]) {
    for p in 0..kept.len() {
        // A landline that is public already (咨询电话：…) still makes its contact's name
        // public.
        let phone = &kept[p];
        if phone.kind != PiiKind::Landline {
            continue;
        }
        let line_start = text[..phone.start].rfind('\n').map_or(0, |n| n + 1);
        // An office's address and its landline (`联系地址：…镇人民政府，联系电话：0797-…`).
        let after_office = p.checked_sub(1).map(|a| &kept[a]).is_some_and(|a| {
            a.kind == PiiKind::Address
                && a.public.is_some()
                && a.start >= line_start
                && phone_key_between(&text[a.end..phone.start], cues)
        });
        if after_office {
            kept[p].public.get_or_insert(OFFICE_ADDRESS_REASON);
            continue;
        }
        let Some(name_start) = contact_name_start(&text[line_start..phone.start], cues) else {
            continue;
        };
        let name_start = line_start + name_start;
        // The contact's name, when it was found: the candidate right before the landline.
        let name = p
            .checked_sub(1)
            .filter(|&n| kept[n].kind == PiiKind::PersonName && kept[n].start == name_start)
            .filter(|&n| phone_key_between(&text[kept[n].end..phone.start], cues));
        let line_end = text[phone.end..].find('\n').map_or(text.len(), |n| phone.end + n);
        let line_before = text[..line_start.saturating_sub(1)].rfind('\n').map_or(0, |n| n + 1);
        // The candidates of this line and the one before: `kept` is in text order.
        let from = kept.partition_point(|c| c.start < line_before);
        let to = kept.partition_point(|c| c.start < line_end);
        let personal_beside = (from..to).any(|j| {
            let c = &kept[j];
            let data_before = c.start < line_start && c.kind != PiiKind::PersonName;
            j != p
                && Some(j) != name
                && (c.start >= line_start || data_before)
                && c.public.is_none()
                && !c.is_masked()
        });
        if !personal_beside {
            kept[p].public.get_or_insert(REASON);
            if let Some(n) = name {
                kept[n].public = Some(REASON);
            }
        }
    }
}

/// Returns where the contact's name starts in `line`, the text of a line before a
/// landline, when it is a contact line: the key 联系人 (`联系人：`, `业务联系人:`), a name
/// of 2–4 characters, then only separators and a phone key.
fn contact_name_start(line: &str, cues: &CueMatcher) -> Option<usize> {
    let key_end = line.find("联系人")? + "联系人".len();
    let rest = &line[key_end..];
    let value = rest.trim_start_matches([' ', '\u{3000}']).strip_prefix(['：', ':'])?;
    let value = value.trim_start_matches([' ', '\u{3000}', '\t']);
    let name_start = line.len() - value.len();
    let name_len: usize = value.chars().take_while(|&c| is_han(c)).map(char::len_utf8).sum();
    let chars = value[..name_len].chars().count();
    ((2..=4).contains(&chars) && phone_key_between(&value[name_len..], cues)).then_some(name_start)
}

/// Returns true when `gap` holds only separators and at most one phone key of `cues.tsv`
/// (`　联系电话：`, `，电话 `, ` `).
fn phone_key_between(gap: &str, cues: &CueMatcher) -> bool {
    if gap.len() > 30 || gap.contains('\n') {
        return false;
    }
    let is_separator = |c: char| {
        matches!(
            c,
            ' ' | '\u{3000}' | '\t' | '，' | ',' | '；' | ';' | '、' | '：' | ':' | '（' | '('
        )
    };
    let words = gap.trim_matches(is_separator);
    words.is_empty() || cues.is_phone_cue(words)
}

#[cfg(test)]
mod tests {
    use crate::detect::tests::detect;
    use crate::kind::PiiKind;

    /// Returns the (kind, value, public) findings of names and landlines.
    fn contacts(text: &str) -> Vec<(PiiKind, String, bool)> {
        detect(text)
            .into_iter()
            .filter(|(k, ..)| matches!(k, PiiKind::PersonName | PiiKind::Landline))
            .collect()
    }

    /// Returns whether 黄丽萍 is reported public, or None when she is not reported.
    fn contact_public(text: &str) -> Option<bool> {
        contacts(text).into_iter().find(|c| c.1 == "黄丽萍").map(|c| c.2)
    }

    #[test]
    fn an_office_contact_line_is_public() {
        let text = "如有异议，请向县民政局反映。\n联系人：黄丽萍　联系电话：0797-5712345\n";
        assert_eq!(
            contacts(text),
            [
                (PiiKind::PersonName, "黄丽萍".to_owned(), true),
                (PiiKind::Landline, "0797-5712345".to_owned(), true),
            ]
        );
        assert_eq!(contact_public("联系人：黄丽萍，电话：0797-5712345"), Some(true));
        assert_eq!(contact_public("业务联系人: 黄丽萍 0797-5712345"), Some(true));
        // A landline public by its own key (咨询电话) too.
        assert_eq!(contact_public("联系人：黄丽萍　咨询电话：0797-5712345"), Some(true));
        // A contact whose name is a word, not reported as a name: the landline is the
        // office's all the same.
        assert_eq!(
            contacts("联系人：王家，电话：0779-3951796"),
            [(PiiKind::Landline, "0779-3951796".to_owned(), true)]
        );
        // After the notice's list of names, which is no data of the contact's.
        let text = "拟录用人员：王强、李秀兰、张建华\n联系人：黄丽萍　联系电话：0797-5712345";
        assert_eq!(contact_public(text), Some(true));
    }

    #[test]
    fn a_landline_after_an_office_s_address_is_public() {
        assert_eq!(
            contacts("联系地址：于都县罗坳镇人民政府，联系电话：0797-6221234。"),
            [(PiiKind::Landline, "0797-6221234".to_owned(), true)]
        );
        // After a resident's address, the household's.
        assert_eq!(
            contacts("申请人：王红梅，联系地址：城关镇建设路12号，联系电话：0797-6221234。"),
            [
                (PiiKind::PersonName, "王红梅".to_owned(), false),
                (PiiKind::Landline, "0797-6221234".to_owned(), false),
            ]
        );
    }

    #[test]
    fn a_resident_contact_or_a_mobile_stays_a_leak() {
        // Other personal data on the line or an ID on the line before: the contact is the
        // household's.
        let text =
            "申请人：王强，身份证号：360730197812106733，联系人：黄丽萍，联系电话：0797-5712345";
        assert_eq!(contact_public(text), Some(false));
        assert!(contacts(text).iter().all(|c| !c.2));
        let text =
            "申请人：王强，身份证号：360730197812106733\n联系人：黄丽萍　联系电话：0797-5712345";
        assert_eq!(contact_public(text), Some(false));
        // A mobile is a person's own number.
        assert_eq!(contact_public("联系人：黄丽萍　联系电话：13812345678"), Some(false));
        // Without the key, or with words between the name and the number.
        assert_eq!(contact_public("户主黄丽萍　联系电话：0797-5712345"), Some(false));
        assert_eq!(contact_public("联系人：黄丽萍，家住城关镇，电话：0797-5712345"), Some(false));
    }
}
