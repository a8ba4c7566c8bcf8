//! Dictionaries: the data detectors consult, built into the binary and overridable.
//!
//! Every file in `dictionaries/` is embedded with `include_str!`, so the scanner works
//! with zero configuration. When an override directory is given (`--dict-dir`,
//! `NOTICEGUARD_DICT_DIR`), a file there with the same name replaces the built-in one, and
//! `profiles/*.toml` there add or replace profiles. Built-in files can only fail by a bug
//! (a test loads them all); override files are user data, so their errors name the file
//! and line.

use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const ID_REGION_CODES: &str = "id_region_codes.tsv";
const MOBILE_SEGMENTS: &str = "mobile_segments.tsv";
const LANDLINE_AREA_CODES: &str = "landline_area_codes.tsv";
const BANK_BINS: &str = "bank_bins.tsv";
const PUBLIC_NUMBERS: &str = "public_numbers.txt";
const CUES: &str = "cues.tsv";
const DEDUCTION: &str = "deduction.toml";
const SURNAMES: &str = "surnames.tsv";
const GIVEN_NAME_CHARS: &str = "given_name_chars.tsv";
const GIVEN_NAMES: &str = "given_names.txt";
const DIVISIONS: &str = "divisions.tsv";
const FIELDS: &str = "fields.tsv";
const NAME_CUES: &str = "name_cues.tsv";
const NAME_BLOCKLIST: &str = "name_blocklist.txt";
const NAME_PARTS: &str = "name_parts.txt";
const PUBLIC_NAMES: &str = "public_names.txt";
const ADDRESS_CUES: &str = "address_cues.tsv";

/// The built-in dictionary files, by file name.
const BUILT_IN: &[(&str, &str)] = &[
    (ID_REGION_CODES, include_str!("../../dictionaries/id_region_codes.tsv")),
    (MOBILE_SEGMENTS, include_str!("../../dictionaries/mobile_segments.tsv")),
    (LANDLINE_AREA_CODES, include_str!("../../dictionaries/landline_area_codes.tsv")),
    (BANK_BINS, include_str!("../../dictionaries/bank_bins.tsv")),
    (PUBLIC_NUMBERS, include_str!("../../dictionaries/public_numbers.txt")),
    (CUES, include_str!("../../dictionaries/cues.tsv")),
    (SURNAMES, include_str!("../../dictionaries/surnames.tsv")),
    (GIVEN_NAME_CHARS, include_str!("../../dictionaries/given_name_chars.tsv")),
    (GIVEN_NAMES, include_str!("../../dictionaries/given_names.txt")),
    (DIVISIONS, include_str!("../../dictionaries/divisions.tsv")),
    (FIELDS, include_str!("../../dictionaries/fields.tsv")),
    (NAME_CUES, include_str!("../../dictionaries/name_cues.tsv")),
    (NAME_BLOCKLIST, include_str!("../../dictionaries/name_blocklist.txt")),
    (NAME_PARTS, include_str!("../../dictionaries/name_parts.txt")),
    (PUBLIC_NAMES, include_str!("../../dictionaries/public_names.txt")),
    (ADDRESS_CUES, include_str!("../../dictionaries/address_cues.tsv")),
];

/// The built-in profiles, by name.
const BUILT_IN_PROFILES: &[(&str, &str)] = &[
    ("default", include_str!("../../dictionaries/profiles/default.toml")),
    ("expropriation", include_str!("../../dictionaries/profiles/expropriation.toml")),
    ("penalty", include_str!("../../dictionaries/profiles/penalty.toml")),
    ("personnel", include_str!("../../dictionaries/profiles/personnel.toml")),
    ("social_assistance", include_str!("../../dictionaries/profiles/social_assistance.toml")),
];

/// Years during which an ID address code was assigned (`None`: open-ended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RegionValidity {
    pub(crate) first: Option<u16>,
    pub(crate) last: Option<u16>,
}

/// What a context cue says about the number that follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CueCategory {
    IdCard,
    Phone,
    BankCard,
    PublicPhone,
    NotPersonal,
}

/// What a column header or a `key：value` key says about the cells or the value it labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FieldKind {
    PersonName,
    IdCard,
    Phone,
    BankCard,
    /// A personal address (住址, 房屋坐落 …).
    Address,
    /// The address of an office (办公地址 …): public.
    OrgAddress,
    /// The address of the record's party (住所): personal for a person, public when the
    /// party is an organization (`当事人：某某有限公司`).
    PartyAddress,
    /// An address to reach the record's party (联系地址): personal where the record names
    /// a person as its party (`申请人：王红梅，联系地址：…`), an office's elsewhere.
    ContactAddress,
}

impl FieldKind {
    /// The number cue a field of this kind amounts to, for the numeric recognizers.
    pub(crate) fn number_cue(self) -> Option<CueCategory> {
        match self {
            FieldKind::IdCard => Some(CueCategory::IdCard),
            FieldKind::Phone => Some(CueCategory::Phone),
            FieldKind::BankCard => Some(CueCategory::BankCard),
            FieldKind::PersonName
            | FieldKind::Address
            | FieldKind::OrgAddress
            | FieldKind::PartyAddress
            | FieldKind::ContactAddress => None,
        }
    }
}

/// Level of an administrative division, from the top.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionLevel {
    /// 省、自治区、直辖市.
    Province,
    /// 地级市、自治州、盟.
    City,
    /// 县、县级市、市辖区、旗.
    County,
    /// 乡、镇、街道、苏木.
    Township,
}

/// One division name of `divisions.tsv`.
#[derive(Clone, Debug)]
pub(crate) struct Division {
    pub(crate) name: String,
    pub(crate) level: DivisionLevel,
    /// True for a short form (`嘉定` for 嘉定区).
    pub(crate) short: bool,
}

/// Where a name cue sits relative to the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CuePosition {
    Before,
    After,
    /// A title, before or after the name (局长王五, 王五局长).
    Either,
    /// A kinship word before the name (妻子李红梅), which also ends longer words (妇女儿童
    /// holds 女儿): a cue only where it starts a word.
    Kin,
    /// A word before the name that also ends longer words (业主 of 企业主管人员): a cue only
    /// where it starts a word.
    WordBefore,
    /// A verb after the name whose subject it is (赵建设反映), which a preposition may govern
    /// instead (向上级反映): no cue after a surname read as one.
    Verb,
}

/// Whose address an address cue announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AddressContext {
    Personal,
    Organizational,
    /// The party's (住所地): personal unless the record names an organization as its party.
    Party,
}

/// All dictionary data, parsed.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    pub(crate) regions: FxHashMap<u32, RegionValidity>,
    /// Mobile prefixes as (length, value), e.g. (3, 138) or (5, 17400).
    pub(crate) mobile_prefixes: FxHashSet<(u8, u32)>,
    /// Area codes as written, with the leading 0 ("010", "0797").
    pub(crate) area_codes: FxHashSet<String>,
    /// Bank BINs as (BIN length, BIN, card length).
    pub(crate) bank_bins: FxHashSet<(u8, u64, u8)>,
    pub(crate) public_numbers: FxHashSet<String>,
    pub(crate) cues: Vec<(String, CueCategory)>,
    /// Surnames (single and compound) with their weight in per cent (0 when unknown).
    pub(crate) surnames: FxHashMap<String, f32>,
    /// Characters of given names with how often each was seen.
    pub(crate) given_name_chars: FxHashMap<char, u32>,
    /// The most common two-character given names (秀英, 建国).
    pub(crate) given_names: Vec<String>,
    pub(crate) divisions: Vec<Division>,
    pub(crate) fields: Vec<(String, FieldKind)>,
    pub(crate) name_cues: Vec<(String, CuePosition)>,
    pub(crate) name_blocklist: Vec<String>,
    /// Parts of names transliterated from Tibetan, Uyghur, Kazakh, Mongolian (扎西, 买买提).
    pub(crate) name_parts: Vec<String>,
    /// Names of public figures that notices cite (毛泽东, 雷锋): public in running text.
    pub(crate) public_names: Vec<String>,
    pub(crate) address_cues: Vec<(String, AddressContext)>,
    /// Deduction rules (TOML source) and where they came from.
    pub(crate) deduction: String,
    pub(crate) deduction_file: String,
    /// Profile sources (TOML) by name.
    pub(crate) profiles: BTreeMap<String, (String, String)>,
}

impl Dictionaries {
    /// Returns the built-in dictionaries.
    ///
    /// # Panics
    ///
    /// Never in a released build: the built-in files are checked by a unit test.
    pub fn built_in() -> Self {
        Self::load(None).expect("built-in dictionaries are valid")
    }

    /// Loads the dictionaries, letting files in `dir` replace the built-in ones.
    ///
    /// # Errors
    ///
    /// Returns an error naming the file (and line) when an override file cannot be read
    /// or is malformed.
    pub fn load(dir: Option<&Path>) -> Result<Self> {
        let source = |name: &str| -> Result<(String, String)> {
            if let Some(dir) = dir {
                let path = dir.join(name);
                if path.is_file() {
                    let text = read(&path)?;
                    return Ok((path.display().to_string(), text));
                }
            }
            let text = BUILT_IN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
            Ok((
                format!("built-in {name}"),
                text.expect("every dictionary has a built-in").to_owned(),
            ))
        };

        let (file, text) = source(ID_REGION_CODES)?;
        let regions = parse_regions(&file, &text)?;
        let (file, text) = source(MOBILE_SEGMENTS)?;
        let mobile_prefixes = parse_mobile(&file, &text)?;
        let (file, text) = source(LANDLINE_AREA_CODES)?;
        let area_codes = parse_area_codes(&file, &text)?;
        let (file, text) = source(BANK_BINS)?;
        let bank_bins = parse_bins(&file, &text)?;
        let (file, text) = source(PUBLIC_NUMBERS)?;
        let public_numbers = parse_public(&file, &text)?;
        let (file, text) = source(CUES)?;
        let cues = parse_cues(&file, &text)?;
        let (file, text) = source(SURNAMES)?;
        let surnames = parse_surnames(&file, &text)?;
        let (file, text) = source(GIVEN_NAME_CHARS)?;
        let given_name_chars = parse_given_chars(&file, &text)?;
        let (file, text) = source(GIVEN_NAMES)?;
        let given_names = parse_words(&file, &text)?;
        let (file, text) = source(DIVISIONS)?;
        let divisions = parse_divisions(&file, &text)?;
        let (file, text) = source(FIELDS)?;
        let fields = parse_fields(&file, &text)?;
        let (file, text) = source(NAME_CUES)?;
        let name_cues = parse_name_cues(&file, &text)?;
        let (file, text) = source(NAME_BLOCKLIST)?;
        let name_blocklist = parse_words(&file, &text)?;
        let (file, text) = source(NAME_PARTS)?;
        let name_parts = parse_words(&file, &text)?;
        let (file, text) = source(PUBLIC_NAMES)?;
        let public_names = parse_words(&file, &text)?;
        let (file, text) = source(ADDRESS_CUES)?;
        let address_cues = parse_address_cues(&file, &text)?;
        let (deduction_file, deduction) =
            match dir.map(|d| d.join(DEDUCTION)).filter(|p| p.is_file()) {
                Some(path) => (path.display().to_string(), read(&path)?),
                None => (
                    format!("built-in {DEDUCTION}"),
                    include_str!("../../dictionaries/deduction.toml").to_owned(),
                ),
            };

        let mut profiles = BTreeMap::new();
        for (name, text) in BUILT_IN_PROFILES {
            profiles.insert(
                (*name).to_owned(),
                (format!("built-in profiles/{name}.toml"), (*text).to_owned()),
            );
        }
        if let Some(dir) = dir {
            load_profile_dir(&dir.join("profiles"), &mut profiles)?;
        }
        Ok(Dictionaries {
            regions,
            mobile_prefixes,
            area_codes,
            bank_bins,
            public_numbers,
            cues,
            surnames,
            given_name_chars,
            given_names,
            divisions,
            fields,
            name_cues,
            name_blocklist,
            name_parts,
            public_names,
            address_cues,
            deduction,
            deduction_file,
            profiles,
        })
    }

    /// Returns the names of the file-backed dictionaries, as found in `dictionaries/`.
    pub fn file_names() -> impl Iterator<Item = &'static str> {
        BUILT_IN.iter().map(|(n, _)| *n)
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|source| Error::DictionaryIo { path: path.to_owned(), source })
}

fn load_profile_dir(dir: &Path, profiles: &mut BTreeMap<String, (String, String)>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    let io = |source| Error::DictionaryIo { path: dir.to_owned(), source };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(io)?
        .into_iter()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        let text = read(&path)?;
        profiles.insert(name.to_owned(), (path.display().to_string(), text));
    }
    Ok(())
}

/// Iterates the data lines of a dictionary: `(line number, columns)`, skipping `#`
/// comments and blank lines.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn entry_error(file: &str, line: usize, reason: impl Into<String>) -> Error {
    Error::DictionaryEntry { file: file.to_owned(), line, reason: reason.into() }
}

fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn parse_year(file: &str, line: usize, s: &str) -> Result<Option<u16>> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| entry_error(file, line, "year is not a number"))
}

fn parse_regions(file: &str, text: &str) -> Result<FxHashMap<u32, RegionValidity>> {
    let mut map = FxHashMap::default();
    for (line, cols) in rows(text) {
        let [code, _name, first, last] = cols[..] else {
            return Err(entry_error(
                file,
                line,
                "expected 4 columns: code, name, first year, last year",
            ));
        };
        if code.len() != 6 || !digits_only(code) {
            return Err(entry_error(file, line, "code must be 6 digits"));
        }
        let validity = RegionValidity {
            first: parse_year(file, line, first)?,
            last: parse_year(file, line, last)?,
        };
        map.insert(code.parse().expect("6 digits fit u32"), validity);
    }
    Ok(map)
}

fn parse_mobile(file: &str, text: &str) -> Result<FxHashSet<(u8, u32)>> {
    let mut set = FxHashSet::default();
    for (line, cols) in rows(text) {
        let prefix = cols[0];
        if !(3..=5).contains(&prefix.len()) || !digits_only(prefix) || !prefix.starts_with('1') {
            return Err(entry_error(file, line, "prefix must be 3 to 5 digits starting with 1"));
        }
        set.insert((prefix.len() as u8, prefix.parse().expect("5 digits fit u32")));
    }
    Ok(set)
}

fn parse_area_codes(file: &str, text: &str) -> Result<FxHashSet<String>> {
    let mut set = FxHashSet::default();
    for (line, cols) in rows(text) {
        let code = cols[0];
        if !(3..=4).contains(&code.len()) || !digits_only(code) || !code.starts_with('0') {
            return Err(entry_error(file, line, "area code must be 3 or 4 digits starting with 0"));
        }
        set.insert(code.to_owned());
    }
    Ok(set)
}

fn parse_bins(file: &str, text: &str) -> Result<FxHashSet<(u8, u64, u8)>> {
    let mut set = FxHashSet::default();
    for (line, cols) in rows(text) {
        let (Some(bin), Some(len)) = (cols.first(), cols.get(1)) else {
            return Err(entry_error(file, line, "expected BIN and card length"));
        };
        if !(3..=10).contains(&bin.len()) || !digits_only(bin) {
            return Err(entry_error(file, line, "BIN must be 3 to 10 digits"));
        }
        let len: u8 =
            len.parse().map_err(|_| entry_error(file, line, "card length is not a number"))?;
        if !(12..=20).contains(&len) || usize::from(len) <= bin.len() {
            return Err(entry_error(
                file,
                line,
                "card length must be 12 to 20 and longer than the BIN",
            ));
        }
        set.insert((bin.len() as u8, bin.parse().expect("10 digits fit u64"), len));
    }
    Ok(set)
}

fn parse_public(file: &str, text: &str) -> Result<FxHashSet<String>> {
    let mut set = FxHashSet::default();
    for (line, cols) in rows(text) {
        let digits: String =
            cols[0].chars().filter(|c| !matches!(c, '-' | ' ' | '(' | ')')).collect();
        if !digits_only(&digits) {
            return Err(entry_error(
                file,
                line,
                "a public number may hold only digits and separators",
            ));
        }
        set.insert(digits);
    }
    Ok(set)
}

fn parse_cues(file: &str, text: &str) -> Result<Vec<(String, CueCategory)>> {
    let mut cues = Vec::new();
    for (line, cols) in rows(text) {
        let [cue, category] = cols[..] else {
            return Err(entry_error(file, line, "expected 2 columns: cue, category"));
        };
        let category = match category {
            "id_card" => CueCategory::IdCard,
            "phone" => CueCategory::Phone,
            "bank_card" => CueCategory::BankCard,
            "public_phone" => CueCategory::PublicPhone,
            "not_personal" => CueCategory::NotPersonal,
            _ => return Err(entry_error(file, line, "unknown cue category")),
        };
        cues.push((cue.to_owned(), category));
    }
    Ok(cues)
}

/// Returns true when every character of `s` is a CJK ideograph.
fn all_han(s: &str) -> bool {
    !s.is_empty() && s.chars().all(crate::text::is_han)
}

fn parse_surnames(file: &str, text: &str) -> Result<FxHashMap<String, f32>> {
    let mut map = FxHashMap::default();
    for (line, cols) in rows(text) {
        let surname = cols[0];
        if !all_han(surname) || surname.chars().count() > 2 {
            return Err(entry_error(file, line, "a surname is 1 or 2 Chinese characters"));
        }
        let weight = match cols.get(1).copied().unwrap_or("") {
            "" => 0.0,
            w => w.parse().map_err(|_| entry_error(file, line, "weight is not a number"))?,
        };
        map.insert(surname.to_owned(), weight);
    }
    Ok(map)
}

fn parse_given_chars(file: &str, text: &str) -> Result<FxHashMap<char, u32>> {
    let mut map = FxHashMap::default();
    for (line, cols) in rows(text) {
        let mut chars = cols[0].chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(entry_error(file, line, "expected one character"));
        };
        let count = cols.get(1).and_then(|n| n.parse().ok());
        let Some(count) = count.filter(|_| crate::text::is_han(c)) else {
            return Err(entry_error(file, line, "expected a Chinese character and a count"));
        };
        map.insert(c, count);
    }
    Ok(map)
}

fn parse_divisions(file: &str, text: &str) -> Result<Vec<Division>> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [name, level, full] = cols[..] else {
            return Err(entry_error(file, line, "expected 3 columns: name, level, full name"));
        };
        let level = match level {
            "province" => DivisionLevel::Province,
            "city" => DivisionLevel::City,
            "county" => DivisionLevel::County,
            "township" => DivisionLevel::Township,
            _ => return Err(entry_error(file, line, "unknown division level")),
        };
        if name.chars().count() < 2 {
            return Err(entry_error(file, line, "a division name has at least 2 characters"));
        }
        out.push(Division { name: name.to_owned(), level, short: name != full });
    }
    Ok(out)
}

fn parse_fields(file: &str, text: &str) -> Result<Vec<(String, FieldKind)>> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [label, kind] = cols[..] else {
            return Err(entry_error(file, line, "expected 2 columns: label, kind"));
        };
        let kind = match kind {
            "person_name" => FieldKind::PersonName,
            "id_card" => FieldKind::IdCard,
            "phone" => FieldKind::Phone,
            "bank_card" => FieldKind::BankCard,
            "address" => FieldKind::Address,
            "org_address" => FieldKind::OrgAddress,
            "party_address" => FieldKind::PartyAddress,
            "contact_address" => FieldKind::ContactAddress,
            _ => return Err(entry_error(file, line, "unknown field kind")),
        };
        out.push((label.to_owned(), kind));
    }
    Ok(out)
}

fn parse_name_cues(file: &str, text: &str) -> Result<Vec<(String, CuePosition)>> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let position = match cols.get(1).copied() {
            Some("before") => CuePosition::Before,
            Some("after") => CuePosition::After,
            Some("title" | "either") => CuePosition::Either,
            Some("kin") => CuePosition::Kin,
            Some("word_before") => CuePosition::WordBefore,
            Some("verb") => CuePosition::Verb,
            _ => {
                return Err(entry_error(
                    file,
                    line,
                    "expected 2 columns: word, before|after|title|either|kin|word_before|verb",
                ));
            }
        };
        out.push((cols[0].to_owned(), position));
    }
    Ok(out)
}

fn parse_words(file: &str, text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        if cols.len() != 1 || !all_han(cols[0]) {
            return Err(entry_error(file, line, "expected one word of Chinese characters"));
        }
        out.push(cols[0].to_owned());
    }
    Ok(out)
}

fn parse_address_cues(file: &str, text: &str) -> Result<Vec<(String, AddressContext)>> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let context = match cols.get(1).copied() {
            Some("personal") => AddressContext::Personal,
            Some("organizational") => AddressContext::Organizational,
            Some("party") => AddressContext::Party,
            _ => {
                return Err(entry_error(
                    file,
                    line,
                    "expected 2 columns: word, personal|organizational|party",
                ));
            }
        };
        out.push((cols[0].to_owned(), context));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_load() {
        let d = Dictionaries::built_in();
        assert!(d.regions.len() > 6000);
        assert!(d.regions.contains_key(&110105));
        // Abolished codes stay: 崇文区 until 2010.
        assert_eq!(d.regions[&110103], RegionValidity { first: None, last: Some(2010) });
        assert!(d.mobile_prefixes.contains(&(3, 192)));
        assert!(d.mobile_prefixes.contains(&(3, 170)));
        assert!(!d.mobile_prefixes.contains(&(3, 146)), "IoT segment");
        assert!(d.area_codes.contains("0797") && d.area_codes.contains("010"));
        assert!(d.bank_bins.len() > 1000);
        assert!(d.public_numbers.contains("12345"));
        assert!(d.profiles.contains_key("default"));
        assert!(d.surnames.contains_key("王") && d.surnames.contains_key("欧阳"));
        assert!(d.surnames["王"] > 5.0);
        assert!(d.given_name_chars.contains_key(&'伟'));
        assert!(d.given_names.iter().any(|g| g == "红梅"), "{:?}", d.given_names);
        let division =
            |n: &str| d.divisions.iter().find(|x| x.name == n).map(|x| (x.level, x.short));
        assert_eq!(division("湘潭市"), Some((DivisionLevel::City, false)));
        assert_eq!(division("嘉定"), Some((DivisionLevel::County, true)));
        assert_eq!(division("华亭镇").map(|x| x.0), Some(DivisionLevel::Township));
        assert!(d.fields.iter().any(|(w, k)| w == "户主姓名" && *k == FieldKind::PersonName));
        assert!(d.name_blocklist.iter().any(|w| w == "张贴"));
        assert!(d.public_names.iter().any(|w| w == "雷锋"));
        for profile in ["default", "social_assistance", "personnel", "penalty", "expropriation"] {
            assert!(d.profiles.contains_key(profile), "{profile}");
        }
    }

    /// Built-in files are sorted, deduplicated, NFC-clean text without blank lines.
    #[test]
    fn built_in_files_are_tidy() {
        for (name, text) in BUILT_IN {
            assert!(text.ends_with('\n'), "{name}: missing final newline");
            let data: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            assert!(!data.is_empty(), "{name} is empty");
            assert!(data.iter().all(|l| !l.trim().is_empty()), "{name} has blank lines");
            assert!(data.iter().all(|l| l.trim_matches(' ') == *l), "{name} has stray spaces");
            let mut keys: Vec<&str> = data.iter().map(|l| l.split('\t').next().unwrap()).collect();
            if *name != BANK_BINS && *name != PUBLIC_NUMBERS {
                let sorted = {
                    let mut k = keys.clone();
                    k.sort_unstable();
                    k
                };
                assert_eq!(keys, sorted, "{name} is not sorted by its first column");
            }
            let len = keys.len();
            keys.sort_unstable();
            keys.dedup();
            if *name != BANK_BINS {
                assert_eq!(keys.len(), len, "{name} has duplicate keys");
            }
        }
    }

    #[test]
    fn override_directory_replaces_files_and_adds_profiles() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(PUBLIC_NUMBERS), "07971234567\n").unwrap();
        std::fs::create_dir(dir.path().join("profiles")).unwrap();
        std::fs::write(dir.path().join("profiles/strict.toml"), "name = \"strict\"\n").unwrap();
        let d = Dictionaries::load(Some(dir.path())).unwrap();
        assert!(d.public_numbers.contains("07971234567"));
        assert!(!d.public_numbers.contains("12345"), "override replaces, not merges");
        assert!(d.profiles.contains_key("strict") && d.profiles.contains_key("default"));
    }

    #[test]
    fn override_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CUES), "# header\n身份证\tid_card\n电话\twhatever\n")
            .unwrap();
        let err = Dictionaries::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("cues.tsv") && err.contains("line 3"), "{err}");

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(ID_REGION_CODES), "11010\tx\t\t\n").unwrap();
        let err = Dictionaries::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("line 1") && err.contains("6 digits"), "{err}");
    }
}
