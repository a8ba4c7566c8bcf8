//! The vocabulary of findings: what kind of personal data, in which state, how severe.
//!
//! Every enum here has one stable snake_case name (`as_str`) used alike in JSON, the
//! command line, dictionary file names, metrics labels and (later) database columns.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Returns the position of this value in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// Returns the stable snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownName { what: stringify!($name) }),
                }
            }
        }
    };
}

/// The name given to `FromStr` is not one of the enum's stable names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} name")]
pub struct UnknownName {
    what: &'static str,
}

named_enum! {
    /// Kind of personal information.
    #[non_exhaustive]
    pub enum PiiKind {
        /// 居民身份证号码 (resident ID number, GB 11643-1999), incl. 15-digit legacy numbers
        /// and 港澳台居民居住证 (residence permits, 81/82/83 prefixes).
        IdCard => "id_card",
        /// 手机号码 (mobile number).
        MobilePhone => "mobile_phone",
        /// 固定电话 (fixed-line number with area code).
        Landline => "landline",
        /// 银行卡号 / 银行账号 (bank card or account number).
        BankCard => "bank_card",
        /// 姓名 (personal name).
        PersonName => "person_name",
        /// 住址 (personal address).
        Address => "address",
    }
}

named_enum! {
    /// State of a finding in the published text.
    pub enum Status {
        /// The value is fully visible and must be masked.
        Leaked => "leaked",
        /// The value is partly starred but shows more than the profile allows.
        InsufficientlyMasked => "insufficiently_masked",
        /// The value is masked as the profile requires (counts in the unit's favour).
        AlreadyMasked => "already_masked",
        /// The value is institutional (hotline, office number, allowlisted) or public by profile.
        Public => "public",
    }
}

impl Status {
    /// Returns true when the finding must be rewritten before publication.
    pub fn needs_masking(self) -> bool {
        matches!(self, Status::Leaked | Status::InsufficientlyMasked)
    }
}

named_enum! {
    /// Severity of a finding or a document, ordered from harmless to worst.
    pub enum Severity {
        /// Nothing exposed (already masked, public).
        None => "none",
        /// Minor exposure.
        Low => "low",
        /// Partial exposure: names, personal landlines, insufficiently masked IDs.
        Medium => "medium",
        /// Direct contact or location: mobile numbers, door-level addresses.
        High => "high",
        /// Identity or money: full ID numbers, bank cards, name combined with either.
        Critical => "critical",
    }
}

impl PiiKind {
    /// Returns the Chinese label used by the `label` masking style, e.g. `身份证号`.
    pub fn label(self) -> &'static str {
        match self {
            PiiKind::IdCard => "身份证号",
            PiiKind::MobilePhone => "手机号码",
            PiiKind::Landline => "固定电话",
            PiiKind::BankCard => "银行卡号",
            PiiKind::PersonName => "姓名",
            PiiKind::Address => "住址",
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut seen = HashSet::new();
        for kind in PiiKind::ALL {
            assert!(seen.insert(kind.as_str()), "duplicate name {kind}");
            assert_eq!(kind.as_str().parse::<PiiKind>(), Ok(*kind));
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        for (i, kind) in PiiKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(*status));
        }
        for severity in Severity::ALL {
            assert_eq!(severity.as_str().parse::<Severity>(), Ok(*severity));
        }
        assert!("ID_CARD".parse::<PiiKind>().is_err());
    }

    #[test]
    fn severities_are_ordered() {
        assert!(Severity::Critical > Severity::High);
        assert!(Severity::High > Severity::Medium);
        assert!(Severity::Low > Severity::None);
    }

    #[test]
    fn only_leaks_need_masking() {
        assert!(Status::Leaked.needs_masking());
        assert!(Status::InsufficientlyMasked.needs_masking());
        assert!(!Status::AlreadyMasked.needs_masking());
        assert!(!Status::Public.needs_masking());
    }
}
