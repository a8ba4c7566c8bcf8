//! Profiles: per notice category, what is personal, what is public, and how to mask.
//!
//! A profile is TOML data (`dictionaries/profiles/<name>.toml`, or the same path in the
//! override directory). Kinds a profile does not mention are masked completely, the safe
//! reading of a profile that forgot a kind.
//!
//! ```toml
//! name = "default"
//! style = "mask"            # mask | redact | label | token
//! min_confidence = 0.5
//! [kinds.mobile_phone]
//! treat = "mask"            # mask | public | ignore
//! keep_start = 3
//! keep_end = 4
//! [kinds.landline]
//! keep_area_code = true
//! [kinds.person_name]
//! keep_surname = true       # 张*, 欧阳**
//! [kinds.address]
//! keep_level = "township"   # none | province | city | county | township
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::dict::DivisionLevel;
use crate::error::{Error, Result};
use crate::kind::PiiKind;
use crate::mask::MaskStyle;

/// What a profile does with a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// Personal data: report and mask.
    #[default]
    Mask,
    /// Public by rule for this category (e.g. officials' names in 任前公示): report as `public`.
    Public,
    /// Not reported at all.
    Ignore,
}

/// How a profile handles one kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindRule {
    /// Whether the kind is masked, public or ignored.
    pub treat: Treatment,
    /// Masking style.
    pub style: MaskStyle,
    /// Value characters kept visible at the start.
    pub keep_start: usize,
    /// Value characters kept visible at the end.
    pub keep_end: usize,
    /// Keep a landline's area code visible (on top of `keep_start`).
    pub keep_area_code: bool,
    /// Keep a name's surname visible (on top of `keep_start`).
    pub keep_surname: bool,
    /// Keep an address's divisions visible down to this level (`None`: star it all).
    pub keep_level: Option<DivisionLevel>,
}

impl KindRule {
    /// Returns true when the rule keeps the natural leading part of a value: the area code
    /// of a landline or the surname of a name.
    pub(crate) fn keeps_prefix(&self) -> bool {
        self.keep_area_code || self.keep_surname
    }
}

/// A masking profile.
#[derive(Clone, Debug)]
pub struct Profile {
    name: String,
    description: String,
    min_confidence: f32,
    /// One rule per kind, in `PiiKind::ALL` order.
    rules: Vec<KindRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    name: Option<String>,
    description: Option<String>,
    style: Option<MaskStyle>,
    min_confidence: Option<f32>,
    #[serde(default)]
    kinds: BTreeMap<String, KindFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindFile {
    treat: Option<Treatment>,
    style: Option<MaskStyle>,
    keep_start: Option<usize>,
    keep_end: Option<usize>,
    keep_area_code: Option<bool>,
    keep_surname: Option<bool>,
    keep_level: Option<LevelFile>,
}

/// `keep_level` as written: a division level or `none`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum LevelFile {
    None,
    Province,
    City,
    County,
    Township,
}

impl Profile {
    /// Parses a profile from TOML. `name` is used when the file does not name itself.
    ///
    /// # Errors
    ///
    /// Returns [`Error::Profile`] for TOML errors, unknown fields or kinds, and values
    /// out of range.
    pub fn from_toml(name: &str, text: &str) -> Result<Self> {
        let err = |reason: String| Error::Profile { name: name.to_owned(), reason };
        let file: ProfileFile = toml::from_str(text).map_err(|e| err(e.message().to_owned()))?;
        let style = file.style.unwrap_or(MaskStyle::Mask);
        let min_confidence = file.min_confidence.unwrap_or(0.5);
        if !(0.0..=1.0).contains(&min_confidence) {
            return Err(err("min_confidence must be between 0 and 1".into()));
        }
        let fully_masked = KindRule {
            treat: Treatment::Mask,
            style,
            keep_start: 0,
            keep_end: 0,
            keep_area_code: false,
            keep_surname: false,
            keep_level: None,
        };
        let mut rules = vec![fully_masked; PiiKind::ALL.len()];
        for (kind, spec) in file.kinds {
            let kind: PiiKind =
                kind.parse().map_err(|_| err(format!("unknown kind {kind:?} in [kinds]")))?;
            let rule = &mut rules[kind.index()];
            rule.treat = spec.treat.unwrap_or(rule.treat);
            rule.style = spec.style.unwrap_or(rule.style);
            rule.keep_start = spec.keep_start.unwrap_or(0);
            rule.keep_end = spec.keep_end.unwrap_or(0);
            rule.keep_area_code = spec.keep_area_code.unwrap_or(false);
            rule.keep_surname = spec.keep_surname.unwrap_or(false);
            rule.keep_level = match spec.keep_level {
                None | Some(LevelFile::None) => None,
                Some(LevelFile::Province) => Some(DivisionLevel::Province),
                Some(LevelFile::City) => Some(DivisionLevel::City),
                Some(LevelFile::County) => Some(DivisionLevel::County),
                Some(LevelFile::Township) => Some(DivisionLevel::Township),
            };
            if rule.keep_area_code && kind != PiiKind::Landline
                || rule.keep_surname && kind != PiiKind::PersonName
                || rule.keep_level.is_some() && kind != PiiKind::Address
            {
                return Err(err(format!(
                    "{kind}: keep_area_code is for landline, keep_surname for person_name, \
                     keep_level for address"
                )));
            }
            if rule.keep_start + rule.keep_end > 12 {
                return Err(err(format!("{kind}: keep_start + keep_end may not exceed 12")));
            }
        }
        Ok(Profile {
            name: file.name.unwrap_or_else(|| name.to_owned()),
            description: file.description.unwrap_or_default(),
            min_confidence,
            rules,
        })
    }

    /// Returns the profile's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the profile's description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Returns the lowest confidence reported.
    pub fn min_confidence(&self) -> f32 {
        self.min_confidence
    }

    /// Returns the rule for `kind`.
    pub fn rule(&self, kind: PiiKind) -> &KindRule {
        &self.rules[kind.index()]
    }

    /// Returns true when some kind is masked with the `token` style.
    pub fn uses_tokens(&self) -> bool {
        self.rules.iter().any(|r| r.treat == Treatment::Mask && r.style == MaskStyle::Token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;

    #[test]
    fn built_in_default_profile() {
        let dict = Dictionaries::built_in();
        let (_, text) = &dict.profiles["default"];
        let p = Profile::from_toml("default", text).unwrap();
        assert_eq!(p.name(), "default");
        let id = p.rule(PiiKind::IdCard);
        assert_eq!((id.keep_start, id.keep_end, id.style), (2, 3, MaskStyle::Mask));
        let m = p.rule(PiiKind::MobilePhone);
        assert_eq!((m.keep_start, m.keep_end), (3, 4));
        assert!(p.rule(PiiKind::Landline).keep_area_code);
        assert_eq!(p.rule(PiiKind::BankCard).keep_start, 4);
        assert!(p.rule(PiiKind::PersonName).keep_surname);
        assert_eq!(p.rule(PiiKind::Address).keep_level, Some(DivisionLevel::Township));
    }

    #[test]
    fn built_in_category_profiles() {
        let dict = Dictionaries::built_in();
        let load = |name: &str| Profile::from_toml(name, &dict.profiles[name].1).unwrap();
        assert_eq!(load("personnel").rule(PiiKind::PersonName).treat, Treatment::Public);
        assert_eq!(load("personnel").rule(PiiKind::IdCard).treat, Treatment::Mask);
        for name in ["social_assistance", "penalty", "expropriation"] {
            let p = load(name);
            assert!(p.rule(PiiKind::PersonName).keep_surname, "{name}");
            assert_eq!(p.rule(PiiKind::MobilePhone).keep_start, 3, "{name}");
            assert!(p.rule(PiiKind::Address).keep_level.is_some(), "{name}");
        }
    }

    #[test]
    fn unmentioned_kinds_are_fully_masked() {
        let p = Profile::from_toml("x", "style = \"label\"").unwrap();
        let rule = p.rule(PiiKind::BankCard);
        assert_eq!(
            (rule.treat, rule.style, rule.keep_start, rule.keep_end),
            (Treatment::Mask, MaskStyle::Label, 0, 0)
        );
        assert_eq!(p.name(), "x");
    }

    #[test]
    fn errors_name_the_profile() {
        for bad in [
            "style = \"blur\"",
            "[kinds.passport]\nkeep_start = 1",
            "colour = 1",
            "min_confidence = 2.0",
            "[kinds.id_card]\nkeep_start = 10\nkeep_end = 8",
            "[kinds.address]\nkeep_level = \"village\"",
            "[kinds.id_card]\nkeep_surname = true",
        ] {
            let err = Profile::from_toml("broken", bad).unwrap_err().to_string();
            assert!(err.starts_with("profile broken:"), "{bad}: {err}");
        }
    }
}
