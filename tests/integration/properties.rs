//! Property tests over generated notice-like text and arbitrary strings.

use proptest::prelude::*;

use noticeguard::{Document, Finding, Scanner};

/// Text pieces that exercise the detectors: valid IDs, phones, cards, separators, cues,
/// full-width forms, stars, CJK text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("11010519491231002X".to_owned()),
        Just("440524188001010014".to_owned()),
        Just("１１０１０５１９４９１２３１００２Ｘ".to_owned()),
        Just("13812345678".to_owned()),
        Just("138 1234 5678".to_owned()),
        Just("0797-8221234".to_owned()),
        Just("（0797）8221234".to_owned()),
        Just("6222021234567890128".to_owned()),
        Just("35*************123".to_owned()),
        Just("3501021980****1234".to_owned()),
        Just("138****5678".to_owned()),
        Just("身份证号：".to_owned()),
        Just("监督电话：".to_owned()),
        Just("开户账号".to_owned()),
        Just("索引号".to_owned()),
        Just("+86".to_owned()),
        "[0-9]{1,20}",
        "[０-９]{1,12}",
        "[-*Xx() 、，。\u{200B}\u{3000}—]{1,3}",
        "[张王李赵村组号𠀀]{1,4}",
        // Table structure: pipes, tabs, runs of spaces, line breaks and so empty cells
        // (`|  |` once made a cell whose start passed its end).
        "[|｜\t \n]{1,3}",
    ]
}

fn notice() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|p| p.concat())
}

fn scanner() -> &'static Scanner {
    static SCANNER: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
    SCANNER.get_or_init(Scanner::built_in)
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let scanner = scanner();
    let profile = scanner.profile("default").unwrap();
    let report = scanner.scan(&Document::new("p", text), &profile).unwrap();

    // Spans: on char boundaries, sorted, non-overlapping, the three units consistent.
    let mut previous_end = 0;
    let mut rebuilt = String::new();
    for f in &report.findings {
        let s = f.span;
        prop_assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        prop_assert!(
            s.byte_start < s.byte_end && previous_end <= s.byte_start,
            "overlap or disorder"
        );
        prop_assert_eq!(text[..s.byte_start].chars().count(), s.start);
        prop_assert_eq!(text[..s.byte_end].chars().count(), s.end);
        prop_assert_eq!(text[..s.byte_start].encode_utf16().count(), s.utf16_start);
        prop_assert_eq!(text[..s.byte_end].encode_utf16().count(), s.utf16_end);
        // Outside the rewritten spans the output equals the input.
        rebuilt.push_str(&text[previous_end..s.byte_start]);
        rebuilt.push_str(if f.status.needs_masking() {
            &f.masked
        } else {
            &text[s.byte_start..s.byte_end]
        });
        previous_end = s.byte_end;
    }
    rebuilt.push_str(&text[previous_end..]);
    prop_assert_eq!(&rebuilt, &report.masked_text);

    // The `mask` style replaces character by character.
    prop_assert_eq!(report.masked_text.chars().count(), text.chars().count());

    // Masking is final: the masked text leaks nothing more. Names read from segmentation
    // alone are the exception in this character soup (`李王组李王`): masking one name changes
    // the segmentation of its neighbours. The corpus test checks real notices for all kinds.
    let again = scanner.scan(&Document::new("p", &report.masked_text), &profile).unwrap();
    let statistical =
        |f: &Finding| matches!(f.rule, "person_name.segmented" | "person_name.surname");
    let leaks: Vec<&Finding> =
        again.findings.iter().filter(|f| f.status.needs_masking() && !statistical(f)).collect();
    prop_assert!(leaks.is_empty(), "masked output still leaks: {:?}", leaks);
    Ok(())
}

/// Inputs that the properties once failed on, kept as plain tests: proptest draws new
/// cases on every run, so a failure it found is replayed here for good.
#[test]
fn inputs_the_properties_failed_on() {
    // A number whose area code was read as the extension of the one before it; once that
    // one was masked, the masked text read differently (2026-11-29).
    for text in [
        "0797-8221234*\u{3000}0797-8221234-",
        "0797-8221234 0797-8221235",
        // An empty cell of a markdown table panicked the structure pass (2026-12-06).
        "| 序号 | 姓名 | 金额 |\n| 1 | 王红梅 | 500 |\n|  | 合计 | 500 |\n",
    ] {
        check_invariants(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn notice_like_text_keeps_the_invariants(text in notice()) {
        check_invariants(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_invariants(&text)?;
    }
}
