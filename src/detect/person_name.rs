//! `person_name`: 姓名 in tables, fields, lists and prose.
//!
//! Evidence, strongest first:
//! 1. a column header or key (`户主姓名`, `当事人：`) labels the cell or value (structure);
//! 2. a cue touches the candidate: `户主` before, `同志`/`先生`/`女士` after, the opening of a
//!    任前 line (`张三，男，汉族`), a list joined by `、` whose neighbour is a name;
//! 3. segmentation: jieba-rs tags the word starting at a surname `nr`/`nrfg`.
//!
//! Running text is not segmented whole: a first pass finds surname characters followed by
//! a given-name character (dictionaries, a hash lookup per Chinese character) that no
//! blocklisted word (`张贴`, `高度`) starts at, and only short windows around those are
//! tagged. Names without a Chinese surname (次仁多吉, 买买提艾力) are runs of known parts of
//! transliterated names, found in the same pass (see [`transliterated`]). Names that a
//! profile makes public (任前公示) are decided later, by the profile.

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::detect::address::{DivisionMatch, group_after_village, is_numeral};
use crate::detect::organization::{is_organization, trade_name_before};
use crate::detect::{Candidate, Explanation, Inline, explain};
use crate::dict::{AddressContext, CuePosition, Dictionaries, FieldKind};
use crate::kind::PiiKind;
use crate::mask::is_text_mask_char;
use crate::redacted::Redacted;
use crate::structure::{ColumnCell, Structure, is_filler, list_marker_end};
use crate::text::{CharFinder, WordsByChar, han_starts_before, is_han, utf8_width};

mod transliterated;
use transliterated::{MAX_RUN_CHARS, NameParts, PartRun, SUFFIX};

/// Characters of context segmented on each side of a candidate.
const WINDOW_BEFORE: usize = 4;
const WINDOW_AFTER: usize = 6;
/// Characters segmented after a surname whose window is segmented again from the surname
/// on: with no context before it, the model of unknown words needs more after it
/// (`黄丽华因病致` reads 黄丽华因/nr, `黄丽华因病致贫` 黄丽华/nr).
const RESEGMENTED_AFTER: usize = 10;
/// Characters of a place scanned for its end before a labeled name (`红星村陈建华`).
const MAX_PLACE_BEFORE_NAME: usize = 8;
/// Longest name accepted from running text, in bytes (four Chinese characters).
const MAX_NAME_BYTES: usize = 16;
/// Longest name written with `·` (阿卜杜热合曼·买买提·艾力), in characters, and longest part.
const MAX_DOT_NAME: usize = 20;
const MAX_DOT_PART: usize = 8;
/// Single characters more frequent than this in jieba's dictionary are grammatical words
/// (是 796,991, 的, 在, 有, 及 49,988) that end a dotted name; those of transliterations
/// are rarer (买 10,529, 提 10,223, 力 10,777).
const FUNCTION_CHAR_FREQ: usize = 40_000;
/// Characters tagged prepositions alone but counted fewer times than this (根, 替, 凭) are
/// read as a name's after a cue; the prepositions that follow names (于, 为, 对, 同 37,578,
/// 按 21,008) are counted more.
const RARE_PREPOSITION_FREQ: usize = 10_000;
/// A given-name character seen at least this often in listed names counts without other
/// evidence when segmentation splits a surname off on its own.
const COMMON_GIVEN: u32 = 8;
/// Given-name count of each character of a word of the dictionary that makes a given name
/// after a surname segmented alone (立 216, 新 188, 民 178; not 索 50 of 索引): about the
/// commonest tenth of given-name characters.
const WORD_GIVEN_CHAR: u32 = 100;
/// jieba's dictionary tags many common words `nr` (文明 6584, 索引 205): a word segmented
/// as a name, or touched by a cue, counts only when it is not frequent as a word; a
/// two-character one also needs a common surname (weight in per cent).
const COMMON_SURNAME: f32 = 0.2;
const FREQUENT_WORD: usize = 300;
/// Why a name is public: a figure of `dictionaries/public_names.txt` cited in running text.
const PUBLIC_FIGURE_REASON: &str = "a public figure the dictionary lists, cited in running text";
/// Words of the dictionary counted fewer times than this (建户, 军户: 4) are too rare to
/// read a one-character cue after a name as their end.
const RARE_WORD: usize = 10;
/// The given name of a segmented name must be made of characters seen in names: the
/// product of their counts in `given_name_chars.tsv` (建国 308 × 571). Without a cue a
/// two-character given name needs [`NAME_SCORE`], a one-character one [`COMMON_GIVEN_ONE`];
/// with a cue, only a frequent word is refused (modern given names such as 梓萱 are rare in
/// the lists the counts come from). jieba also tags compounds such as 牛仔布 and 许可证 `nr`: a
/// three-character name whose first two characters are a common word is not taken.
const NAME_SCORE: f64 = 100.0;
const COMMON_GIVEN_ONE: f64 = 30.0;
/// A word split off after a surname is a given name only when it is not frequent as a word
/// (`和/社会` is not 和社会) or is one of the most common given names (`王/红梅`, `李/建国`).
const GIVEN_WORD_FREQ: usize = 100;
/// jieba's dictionary tags common words `nr` as well (雷达 2,930, 顾问 1,697, 石英 1,519);
/// the names it lists are rarer (王明 368, 李俊 550, 高明 791). A listed name that a
/// given-name character completes (王明华) must be rarer than this.
const LISTED_NAME_FREQ: usize = 1_000;
/// The lists of given-name characters hold a few thousand; people are named with more
/// (张炯, 李芃生, 仲跻伟, 姜葳). A character the lists lack may start a given name when
/// jieba's dictionary counts it less often than this as a word of its own (炯 595, 飚 299,
/// 葳 5, 芃 not at all; 况 368 as well, which costs a window and nothing more): a cue or the
/// structure of a record then confirms the name, and without them its count of zero in the
/// lists refuses it. Frequent characters (贴 5,205, 们, 度) are no given names at all.
const RARE_GIVEN_FREQ: usize = 1_000;

/// Last characters of the places that notices list residents under, right before the
/// name (`新华村3组王红梅`, `红星队周建军`): the segmenter's model of unknown words joins
/// them to the surname (组王, 组李秀兰, 队周).
const UNIT_BEFORE_RESIDENT: &str = "组队村屯社号室户";

/// Characters that end place and office names, not given names (王村, 农村局), and those of
/// temples and historic buildings that lists of 文物保护单位 name (关帝庙, 文昌宫, 白马寺).
const PLACE_SUFFIXES: &str =
    "村组镇乡县市省区路街巷号楼室队屯庄局委办厅院所站部处科会社司厂店馆校场庙宫寺阁祠塔殿";
/// Last characters of the natural villages that rural notices name by a family, 家 and the
/// land (王家坪, 张家湾, 杨家堡, 刘家沟; see [`family_place`]). Given names use several
/// of them after other characters (王冶坪, 郭东坡), and 岭, 岗, 桥, 营 after 家 as well.
const LAND_SUFFIXES: &str = "堡寨湾坪沟坝垸坳洼峪咀嘴窑塘坡";
/// First characters of the buildings of a family after its name and 家 (朱家祠堂, 李家大院,
/// 王家老屋, 张家宅院; see [`family_place`]).
const FAMILY_BUILDINGS: &str = "祠庙院宅大老";
/// Last characters of the places that hills, waters, passes and camps name (黄泥岭, 石门河,
/// 张家桥, 李家营), beyond the suffixes of divisions and of family villages: a word the
/// segmenter guesses a place and that ends so is one (see `name_guessed_a_place`).
const NATURAL_PLACE_ENDS: &str = "家山河江湖岭岗桥营";

/// Offices named after the place before them (`高田村委会`, `黄田居委会`, `城关镇人民政府`,
/// `金桥村党支部`):
/// a name of two characters right before one is the place's, not a person's. Not 社区,
/// which follows people too (`王强社区矫正期间`).
const LOCAL_OFFICES: [&str; 16] = [
    "村委",
    // A village's villagers and cadres (龙岗村村民, 黄田村村干部), its two committees.
    "村村",
    "村两委",
    "社区居委会",
    "社区居民委员会",
    "村民委员会",
    "村支部",
    "村党支部",
    "村党总支",
    "居委会",
    "居民委员会",
    "镇政府",
    "镇人民政府",
    "乡政府",
    "乡人民政府",
    "街道办",
];

/// Last characters of the places where people live (village, group, township, door), as a
/// clause between a name and its personal data names them.
const RESIDENCE_SUFFIXES: &str = "村组镇乡区号室楼屯庄";
/// Most characters of such a clause (`城关镇新华村3组`: 9).
const MAX_RESIDENCE_CHARS: usize = 16;

/// Finds personal names.
pub(crate) struct PersonName {
    surnames: FxHashMap<char, f32>,
    compound: FxHashSet<(char, char)>,
    given: FxHashMap<char, u32>,
    /// The most common two-character given names, several of them words (红梅, 建国).
    given_names: FxHashSet<Box<str>>,
    /// Public figures that notices cite (毛泽东, 雷锋): public in running text.
    public_names: FxHashSet<Box<str>>,
    /// Blocklisted words of two characters or more.
    blocklist: WordsByChar,
    /// Parts of transliterated names (扎西, 买买提), which no surname starts.
    parts: NameParts,
    flags: CharFlags,
    /// Characters no list holds that may still be given names: see [`RARE_GIVEN_FREQ`].
    rare_given: CharSet,
    cues_before: WordsByChar,
    /// Whether each word of `cues_before` (by index) counts only where it starts a word.
    word_cues: Vec<bool>,
    /// The same words by their first character: one may open a field's value
    /// (`家庭成员：妻子李红梅`).
    leading_cues: WordsByChar,
    cues_after: WordsByChar,
    /// The cues after a name that are verbs (反映, 来信): see [`CuePosition::Verb`].
    verb_cues: WordsByChar,
    /// Every name cue (组长, 女士, 同志, 户主): words around names, never a given name.
    cue_words: FxHashSet<Box<str>>,
    /// Field words and personal address cues (`身份证号`, `家住`) that may follow a name.
    follow_words: WordsByChar,
    /// Find `、` and `，` (lists of names) and `·` (transliterated names).
    enumeration_commas: CharFinder,
    commas: CharFinder,
    /// `；`, which joins the numbered items of a list on one line (`1、王红梅；2、李建设`).
    semicolons: CharFinder,
    /// 及, which joins two people (`同意王红梅及李国庆纳入特困供养`).
    conjunctions: CharFinder,
    middle_dots: CharFinder,
    jieba: Jieba,
}

/// Flags of a character in [`CharFlags`].
const SURNAME: u8 = 1;
const COMPOUND_FIRST: u8 = 2;
const GIVEN: u8 = 4;
/// First and last characters of the parts of transliterated names (and the suffix 江).
const PART_FIRST: u8 = 8;
const PART_LAST: u8 = 16;
/// Second characters of the parts: most characters that start a part (多, 平, 加) start
/// none in running text, and two table lookups settle them before a hash lookup.
const PART_SECOND: u8 = 32;
/// Second characters of compound surnames (阳 of 欧阳, 狐 of 令狐): most characters before
/// a list item are none, and one table lookup settles them.
const COMPOUND_SECOND: u8 = 64;
/// First characters of the cues after a name (同 of 同志, 户), and 等 and 于, which open
/// cues of their own: most characters after a given name are none, and one table lookup
/// settles them before any cue is looked for.
const AFTER_CUE_FIRST: u8 = 128;

/// Per-character flags for the CJK blocks up to U+9FFF: the first pass looks every
/// character up here instead of hashing it.
struct CharFlags {
    table: Vec<u8>,
}

/// First code point of [`CharFlags`] (CJK Extension A).
const FLAGS_FROM: u32 = 0x3400;
const FLAGS_TO: u32 = 0x9FFF;

impl CharFlags {
    fn new<'w>(
        surnames: &FxHashMap<char, f32>,
        compound: &FxHashSet<(char, char)>,
        given: &FxHashMap<char, u32>,
        parts: &[String],
        cues_after: impl Iterator<Item = &'w str>,
    ) -> Self {
        let mut table = vec![0u8; (FLAGS_TO - FLAGS_FROM + 1) as usize];
        let mut set = |c: char, flag: u8| {
            if let Some(slot) =
                (c as u32).checked_sub(FLAGS_FROM).and_then(|i| table.get_mut(i as usize))
            {
                *slot |= flag;
            }
        };
        surnames.keys().for_each(|&c| set(c, SURNAME));
        compound.iter().for_each(|&(c, _)| set(c, COMPOUND_FIRST));
        compound.iter().for_each(|&(_, c)| set(c, COMPOUND_SECOND));
        given.keys().for_each(|&c| set(c, GIVEN));
        for part in parts {
            part.chars().next().into_iter().for_each(|c| set(c, PART_FIRST));
            part.chars().nth(1).into_iter().for_each(|c| set(c, PART_SECOND));
            part.chars().next_back().into_iter().for_each(|c| set(c, PART_LAST));
        }
        set(SUFFIX, PART_LAST);
        cues_after.filter_map(|w| w.chars().next()).chain(['等', '于']).for_each(|c| {
            set(c, AFTER_CUE_FIRST);
        });
        CharFlags { table }
    }

    /// Returns true when `c` may open a cue after a name: a character outside the table
    /// (a separator such as `，`) or one flagged [`AFTER_CUE_FIRST`].
    fn may_open_cue_after(&self, c: char) -> bool {
        !(FLAGS_FROM..=FLAGS_TO).contains(&(c as u32)) || self.of(c) & AFTER_CUE_FIRST != 0
    }

    fn of(&self, c: char) -> u8 {
        (c as u32)
            .checked_sub(FLAGS_FROM)
            .and_then(|i| self.table.get(i as usize))
            .copied()
            .unwrap_or(0)
    }
}

/// A set of characters of the range of [`CharFlags`], one bit each.
struct CharSet {
    bits: Vec<u64>,
}

impl CharSet {
    fn new(mut member: impl FnMut(char) -> bool) -> Self {
        let mut bits = vec![0u64; (FLAGS_TO - FLAGS_FROM + 1).div_ceil(64) as usize];
        for c in (FLAGS_FROM..=FLAGS_TO).filter_map(char::from_u32).filter(|&c| member(c)) {
            let i = (c as u32 - FLAGS_FROM) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        CharSet { bits }
    }

    fn contains(&self, c: char) -> bool {
        (c as u32).checked_sub(FLAGS_FROM).is_some_and(|i| {
            let i = i as usize;
            self.bits.get(i / 64).is_some_and(|word| word & (1 << (i % 64)) != 0)
        })
    }
}

/// A surname position in running text awaiting a decision.
struct Pending {
    /// Byte offset of the surname.
    at: usize,
    /// Surname length in characters (1 or 2).
    surname: usize,
    /// Decided end (byte offset) and confidence, once accepted.
    accepted: Option<(usize, f32, &'static str, Explanation)>,
    /// A name cue ends right before the surname.
    before_cue: bool,
    /// End of a name that a cue after it confirms.
    after_cue_end: Option<usize>,
    /// Without a cue, nothing segmentation could say would make a name of it: settled
    /// without a window.
    hopeless: bool,
}

impl Pending {
    /// Returns true while the candidate needs the tags of its window.
    fn open(&self) -> bool {
        self.accepted.is_none() && !self.hopeless
    }
}

impl PersonName {
    pub(crate) fn new(dict: &Dictionaries) -> Self {
        let mut surnames = FxHashMap::default();
        let mut compound = FxHashSet::default();
        for (s, &weight) in &dict.surnames {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(a), None) => {
                    surnames.insert(a, weight);
                }
                (Some(a), Some(b)) => {
                    compound.insert((a, b));
                }
                _ => {}
            }
        }
        // Cues before a name, and whether each counts only where it starts a word
        // (`word_cues` by index).
        let before: Vec<(&str, bool)> = dict
            .name_cues
            .iter()
            .filter(|(_, p)| !matches!(p, CuePosition::After | CuePosition::Verb))
            .map(|(w, p)| (w.as_str(), matches!(p, CuePosition::Kin | CuePosition::WordBefore)))
            .collect();
        // A kinship word after 的 follows a name too (赵建设的儿子赵小明).
        let relatives: Vec<String> = dict
            .name_cues
            .iter()
            .filter(|(_, p)| *p == CuePosition::Kin)
            .map(|(w, _)| format!("的{w}"))
            .collect();
        let after = dict
            .name_cues
            .iter()
            .filter(|(_, p)| {
                matches!(p, CuePosition::After | CuePosition::Either | CuePosition::Verb)
            })
            .map(|(w, _)| w.as_str())
            .chain(relatives.iter().map(String::as_str));
        let verbs =
            dict.name_cues.iter().filter(|(_, p)| *p == CuePosition::Verb).map(|(w, _)| w.as_str());
        let follow_words = dict
            .fields
            .iter()
            .filter(|(_, k)| {
                !matches!(
                    k,
                    FieldKind::OrgAddress | FieldKind::ContactAddress | FieldKind::PersonName
                )
            })
            .map(|(w, _)| w.as_str())
            .chain(
                dict.address_cues
                    .iter()
                    .filter(|(_, c)| *c != AddressContext::Organizational)
                    .map(|(w, _)| w.as_str()),
            );
        let jieba = warmed_up(Jieba::new());
        let mut buf = [0u8; 4];
        let rare_given = CharSet::new(|c| {
            let word = c.encode_utf8(&mut buf);
            !dict.given_name_chars.contains_key(&c)
                && (!jieba.has_word(word) || jieba.suggest_freq(word) < RARE_GIVEN_FREQ)
        });
        PersonName {
            rare_given,
            flags: CharFlags::new(
                &surnames,
                &compound,
                &dict.given_name_chars,
                &dict.name_parts,
                after.clone(),
            ),
            parts: NameParts::new(dict.name_parts.iter().map(String::as_str)),
            surnames,
            compound,
            given: dict.given_name_chars.clone(),
            given_names: dict.given_names.iter().map(|g| g.as_str().into()).collect(),
            public_names: dict.public_names.iter().map(|g| g.as_str().into()).collect(),
            blocklist: WordsByChar::by_first(
                dict.name_blocklist
                    .iter()
                    .map(String::as_str)
                    .filter(|w| w.chars().nth(1).is_some()),
            ),
            cues_before: WordsByChar::by_last(before.iter().map(|&(w, _)| w)),
            leading_cues: WordsByChar::by_first(before.iter().map(|&(w, _)| w)),
            word_cues: before.iter().map(|&(_, word)| word).collect(),
            cues_after: WordsByChar::by_first(after),
            verb_cues: WordsByChar::by_first(verbs),
            cue_words: dict.name_cues.iter().map(|(w, _)| w.as_str().into()).collect(),
            follow_words: WordsByChar::by_first(follow_words),
            enumeration_commas: CharFinder::new('、'),
            commas: CharFinder::new('，'),
            semicolons: CharFinder::new('；'),
            conjunctions: CharFinder::new('及'),
            middle_dots: CharFinder::new('·'),
            jieba,
        }
    }

    /// Appends the names of `text` (normalized) to `out`.
    pub(crate) fn find(
        &self,
        text: &str,
        structure: &Structure,
        divisions: &[DivisionMatch],
        out: &mut Vec<Candidate>,
    ) {
        let begin = out.len();
        // The names under a key (not a column's cells): each vouches for the list it opens
        // (`拟录用人员：王强、陈俨`).
        let mut keyed = Vec::new();
        for label in &structure.labels {
            if label.kind == FieldKind::PersonName {
                let before = out.len();
                self.labeled(text, label.start, label.end, label.cell, out);
                if !label.cell {
                    keyed.extend(out[before..].iter().map(|c| (c.start, c.end)));
                }
            }
        }
        let first = out.len();
        // Dotted names first: the surnames inside them (阿卜杜热合曼) start no other name.
        let dotted = self.dotted(text, structure, out);
        // Personal addresses and numbers found so far, by start: one right after a name is
        // personal data that confirms it (`王红梅，城关镇新华社区建设路12号`, `王红梅
        // 13812345678`). A landline may be an office's, and is left out.
        let mut personal: Vec<usize> = out
            .iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    PiiKind::Address | PiiKind::IdCard | PiiKind::MobilePhone | PiiKind::BankCard
                ) && c.public.is_none()
            })
            .map(|c| c.start)
            .collect();
        personal.sort_unstable();
        let mut passed_over = Vec::new();
        let mut pending =
            self.first_pass(text, structure, divisions, &dotted, &personal, &mut passed_over);
        self.decide(text, &mut pending, &personal);
        let mut accepted: Vec<(usize, usize)> = Vec::new();
        for p in &pending {
            // A surname inside a name accepted before it starts no name (丁林海: not 林海).
            if accepted.last().is_some_and(|&(_, end)| p.at < end) {
                continue;
            }
            if let Some((end, confidence, rule, explanation)) = p.accepted {
                let kept = if self.parts.whole(&text[p.at..end]) { 0 } else { p.surname };
                out.push(self.candidate(text, p.at, end, kept, confidence, rule, explanation));
                accepted.push((p.at, end));
            }
        }
        if !keyed.is_empty() {
            accepted.extend(keyed);
            accepted.sort_unstable();
        }
        self.lists(text, &accepted, &dotted, out);
        let found = self.columns_of_names(text, structure, divisions, out, first);
        out.extend(found);
        self.repeated_mentions(text, &pending, &passed_over, out, begin);
        self.mark_public_figures(text, &mut out[begin..]);
    }

    /// Reports the public figures that running text cites (`纪念毛泽东同志诞辰`, `学习雷锋
    /// 同志`) as public: no one's privacy is at stake there. A name under a key or a column
    /// header, after a cue of a party (`户主雷锋`) or before personal data (`雷锋，男，`) is
    /// a person's, whoever else bears it.
    fn mark_public_figures(&self, text: &str, found: &mut [Candidate]) {
        if self.public_names.is_empty() {
            return;
        }
        let is_public = |c: &Candidate| {
            c.kind == PiiKind::PersonName && self.public_names.contains(&text[c.start..c.end])
        };
        // Most documents cite none: the names are not sorted for them.
        if !found.iter().any(is_public) {
            return;
        }
        // A figure listed among other people, a separator from one, is one of them
        // (`低保户：王红梅、雷锋、李建设`); among figures only, it is cited
        // (`毛泽东、周恩来、刘少奇等老一辈革命家`).
        let mut listed: Vec<(usize, usize, bool)> = found
            .iter()
            .filter(|c| c.kind == PiiKind::PersonName)
            .map(|c| (c.start, c.end, is_public(c)))
            .collect();
        listed.sort_unstable();
        let among_others = |c: &Candidate| {
            let i = listed.partition_point(|l| l.0 < c.start);
            let near = |l: &&(usize, usize, bool)| {
                (l.1 <= c.start && c.start - l.1 <= 3) || (l.0 >= c.end && l.0 - c.end <= 3)
            };
            listed[i.saturating_sub(1)..(i + 2).min(listed.len())].iter().filter(near).any(|l| !l.2)
        };
        for c in found.iter_mut().filter(|c| c.kind == PiiKind::PersonName) {
            let keyed = matches!(c.rule, "person_name.field" | "person_name.column");
            if !keyed
                && is_public(c)
                && !self.cue_before(text, c.start)
                && !self.followed_by_personal_data(text, c.end)
                && !among_others(c)
            {
                c.public = Some(PUBLIC_FIGURE_REASON);
            }
        }
    }

    /// Finds the other mentions of the names found in the document (`candidates` from
    /// `begin` on): a decision names its party under a key (`当事人：王红梅`) and then in
    /// words that no cue marks (`依法对王红梅作出…`, `王红梅的房屋位于…`). Each surname
    /// position that was not accepted or was passed over (`对白兰红作出`: 对白 is a word,
    /// `黄金杰的房屋`: 黄金 is blocklisted) is looked up among them, the longest first; not
    /// where the name runs on into a word (a person 高峰, not 高峰期), nor a frequent word
    /// (what a list took for a name once is not one everywhere).
    // Once per document, out of line: inlined, it slowed the first pass of `find`.
    #[inline(never)]
    fn repeated_mentions(
        &self,
        text: &str,
        pending: &[Pending],
        passed_over: &[(usize, usize)],
        candidates: &mut Vec<Candidate>,
        begin: usize,
    ) {
        let names: FxHashSet<&str> = candidates[begin..]
            .iter()
            .filter(|c| c.kind == PiiKind::PersonName && !c.hidden)
            .map(|c| &text[c.start..c.end])
            .filter(|name| name.chars().nth(1).is_some() && name.chars().all(is_han))
            .collect();
        if names.is_empty() {
            return;
        }
        // A mention that segmentation cut short is lengthened to a name found in full
        // elsewhere (致白兰红的一封信 read 白兰, where 白兰红同志 names him whole).
        for c in &mut candidates[begin..] {
            if c.kind != PiiKind::PersonName || c.hidden {
                continue;
            }
            let longer = [2, 1]
                .map(|n| advance(text, c.end, n))
                .into_iter()
                .find(|&end| end > c.end && names.contains(&text[c.start..end]));
            if let Some(end) = longer {
                c.end = end;
            }
        }
        // The first two characters of the names, by up to 16 bits of their last bytes: most
        // surname positions of a long text start none of the names, and are passed over
        // without hashing (a document of 2,000 names fills a few per cent of the bits). The
        // filter grows with the names: zeroing all 65,536 bits for a notice of five names
        // cost more than the look-ups it saved.
        let bits = (names.len() * 64).next_power_of_two().clamp(1 << 10, 1 << 16);
        let mut heads = vec![0u64; bits / 64];
        let head = |bytes: &[u8]| {
            let low = |b: u8, bits: u32| usize::from(b) & ((1 << bits) - 1);
            let first = utf8_width(bytes[0]);
            let second = first + utf8_width(bytes[first]);
            let h = (low(bytes[first - 1], 6) << 10)
                | (low(bytes[second - 2], 4) << 6)
                | low(bytes[second - 1], 6);
            h & (bits - 1)
        };
        for name in &names {
            let h = head(name.as_bytes());
            heads[h >> 6] |= 1 << (h & 63);
        }
        let unsettled = pending.iter().filter(|p| p.accepted.is_none()).map(|p| (p.at, p.surname));
        let mut mentions: Vec<(usize, usize)> = Vec::new();
        for (at, surname) in unsettled.chain(passed_over.iter().copied()) {
            let h = head(&text.as_bytes()[at..]);
            if heads[h >> 6] & (1 << (h & 63)) == 0 {
                continue;
            }
            let surname_end = advance(text, at, surname);
            let Some(end) = [2, 1]
                .map(|given| advance(text, surname_end, given))
                .into_iter()
                .find(|&end| end > surname_end && names.contains(&text[at..end]))
            else {
                continue;
            };
            // The name and the next character form no word (a person 高峰, not 高峰期), nor do
            // its last character and the next one, unless a more frequent word starts after
            // the name (a person 高明, not 提高明显; but 黄金杰作出: 作出 over 杰作).
            let next = advance(text, end, 1);
            let last = end - text[..end].chars().next_back().map_or(0, char::len_utf8);
            let runs_on = next > end
                && (self.jieba.has_word(&text[at..next])
                    || self.word_freq(&text[last..next])
                        > self.word_freq(&text[end..advance(text, next, 1)]));
            if !runs_on && self.cued(&text[at..end], surname) {
                mentions.push((at, end));
            }
        }
        if mentions.is_empty() {
            return;
        }
        mentions.sort_unstable();
        // What any recognizer found stays its own (a list's name, an address's village).
        let mut free = vec![true; mentions.len()];
        for c in candidates.iter() {
            let mut i = mentions.partition_point(|m| m.1 <= c.start);
            while mentions.get(i).is_some_and(|m| m.0 < c.end) {
                free[i] = false;
                i += 1;
            }
        }
        for (&(start, end), _) in mentions.iter().zip(free).filter(|(_, free)| *free) {
            let e = explain(&["the same name found elsewhere in the document"], None);
            let kept = self.kept_prefix(&text[start..end]);
            candidates.push(self.candidate(text, start, end, kept, 0.8, "person_name.repeated", e));
        }
    }

    /// Finds the names in columns without a header: the cells of a table whose header row
    /// is missing (`1⇥王红梅⇥城关镇`, tab-separated), or the items that open numbered list
    /// items (`1.王红梅，城关镇…`). The names found elsewhere vouch for the rest of their
    /// column, whose given names word statistics alone would refuse (红梅 is a frequent
    /// word). `candidates` holds what every recognizer found, this one's from `first` on.
    // Kept out of line: inlined, it changed how the compiler laid out the rest of `find`,
    // at a cost of 1 % of the name pass on text without a table.
    #[inline(never)]
    fn columns_of_names(
        &self,
        text: &str,
        structure: &Structure,
        divisions: &[DivisionMatch],
        candidates: &[Candidate],
        first: usize,
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        let cells = &structure.columns;
        if cells.len() < 2 {
            return out;
        }
        let mut names: Vec<(usize, usize)> = candidates[first..]
            .iter()
            .filter(|c| c.kind == PiiKind::PersonName)
            .map(|c| (c.start, c.end))
            .collect();
        names.sort_unstable();
        let named = |cell: &ColumnCell| {
            let i = names.partition_point(|n| n.0 < cell.start);
            names.get(i).is_some_and(|n| n.1 <= cell.end)
        };
        // What other recognizers found stays theirs (built once, at the first cell that
        // could be a name).
        let taken = std::cell::OnceCell::new();
        let mut column: Vec<(usize, usize)> = Vec::new();
        // The cells of a table come row by row: its columns are read one after the other.
        let mut by_column: Vec<&ColumnCell> = Vec::new();
        let mut column_starts: Vec<usize> = Vec::new();
        for table in cells.chunk_by(|a, b| a.table == b.table).filter(|t| t.len() >= 2) {
            // Grouped by column once, each column's cells in row order: a pass per column
            // was quadratic in a table of one very long row, and a comparison sort paid
            // n log n on rows whose columns interleave (a counting sort pays n).
            let columns = table.iter().map(|c| c.column as usize).max().unwrap_or(0) + 1;
            column_starts.clear();
            column_starts.resize(columns + 1, 0);
            for cell in table {
                column_starts[cell.column as usize + 1] += 1;
            }
            for i in 1..=columns {
                column_starts[i] += column_starts[i - 1];
            }
            by_column.clear();
            by_column.resize(table.len(), &table[0]);
            for cell in table {
                let slot = &mut column_starts[cell.column as usize];
                by_column[*slot] = cell;
                *slot += 1;
            }
            for cells in by_column.chunk_by(|a, b| a.column == b.column) {
                let (mut count, mut len) = (0, 0);
                column.clear();
                for cell in cells {
                    len += 1;
                    if named(cell) {
                        count += 1;
                    } else {
                        column.push((cell.start, note_before(text, cell.end)));
                    }
                }
                if column.is_empty() || (count == 0 && len < 3) {
                    continue;
                }
                let is_name = |&(start, end): &(usize, usize)| {
                    let value = &text[start..end];
                    let flags = value.chars().next().map_or(0, |c| self.flags.of(c));
                    if flags & (SURNAME | COMPOUND_FIRST | PART_FIRST) == 0 {
                        return false;
                    }
                    let place =
                        value.chars().next_back().is_some_and(|c| PLACE_SUFFIXES.contains(c))
                            || divisions[divisions.partition_point(|d| d.end <= start)..]
                                .first()
                                .is_some_and(|d| d.start < end);
                    !place
                        && !taken.get_or_init(|| Spans::new(candidates)).overlaps(start, end)
                        && !is_organization(value)
                        && self.list_item_is_name(value, count > 0)
                };
                // A column mostly of names; one in which every cell reads as a name and some
                // are; or three cells or more that all read as names and none of which is a
                // dictionary word (侯文明、谢国庆、熊国庆, as a list of names joined by `、`).
                let found: Vec<(usize, usize)> = if count > 0 && 2 * count > len {
                    column.iter().copied().filter(is_name).collect()
                } else if column.iter().all(is_name)
                    && (count > 0 || column.iter().all(|&(s, e)| self.unknown_word(&text[s..e])))
                {
                    column.clone()
                } else {
                    continue;
                };
                for (start, end) in found {
                    let value = &text[start..end];
                    let e = explain(&["surname and given name", "in a column of names"], None);
                    let kept = self.kept_prefix(value);
                    let rule = "person_name.column_of_names";
                    out.push(self.candidate(text, start, end, kept, 0.8, rule, e));
                }
            }
        }
        out
    }

    /// A cell or field value labeled as a name.
    fn labeled(&self, text: &str, start: usize, end: usize, cell: bool, out: &mut Vec<Candidate>) {
        // A cell or value may hold several names (`王红梅、李建设`, a couple), each with
        // its note (`王红梅（户主）、李建设（配偶）`).
        let value = &text[start..end];
        if value.contains(['、', '，', ',', '；', ';', '/']) {
            let mut from = start;
            for part in value.split(['、', '，', ',', '；', ';', '/']) {
                let (s, e) = (from, from + part.len());
                from = e + text[e..].chars().next().map_or(0, char::len_utf8);
                let lead = part.len() - part.trim_start().len();
                self.labeled_one(text, s + lead, s + part.trim_end().len(), cell, out);
            }
            return;
        }
        self.labeled_one(text, start, end, cell, out);
    }

    /// One name of a cell or value; see [`PersonName::labeled`].
    fn labeled_one(
        &self,
        text: &str,
        start: usize,
        end: usize,
        cell: bool,
        out: &mut Vec<Candidate>,
    ) {
        let mut value = &text[start..end];
        if value.is_empty() {
            return;
        }
        // `何建设等3人`: the head of a group, and the count after it.
        if let Some(etc) = value.find('等')
            && etc > 0
            && value[etc + '等'.len_utf8()..]
                .trim_start_matches(|c: char| is_numeral(c))
                .chars()
                .all(|c| matches!(c, '人' | '户' | '名' | '位'))
        {
            value = &value[..etc];
        }
        // `张三（户主）`: the note is not part of the name.
        if let Some(open) = value.find(['(', '（']) {
            value = value[..open].trim_end();
        }
        // `家庭成员：妻子李红梅`: a cue word before the name is not part of it; nor is a
        // number and a space (`合格人员名单：2026010101 曾宪章`: an exam or serial number).
        let mut start = start;
        let digits = value.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && value[digits..].starts_with(' ') {
            let skip = value.len() - value[digits..].trim_start_matches(' ').len();
            start += skip;
            value = &value[skip..];
        }
        if let Some((len, _)) = self.leading_cues.longest_start(value)
            && looks_like_name(&value[len..])
        {
            start += len;
            value = &value[len..];
        }
        // `负责人：红星村陈建华`, `户主：新华村3组王红梅`: nor the place the person is of.
        if !looks_like_name(value)
            && let Some(len) = self.place_before_name(value)
        {
            start += len;
            value = &value[len..];
        }
        let end = start + value.len();
        // A key's value of three characters or more that the dictionary holds as a common
        // word is the post the person after it holds (`人员名单：保洁员 胡春莲`), no name:
        // the name is the word after the space.
        if !cell && self.common_word(value) {
            if let Some(rest) = text[end..].strip_prefix(' ') {
                let len =
                    rest.find([' ', '，', '；', '。', '、', '\n', '\t']).unwrap_or(rest.len());
                let first = rest.chars().next().map_or(0, |c| self.flags.of(c));
                if first & (SURNAME | COMPOUND_FIRST) != 0 && looks_like_name(&rest[..len]) {
                    self.labeled_one(text, end + 1, end + 1 + len, cell, out);
                }
            }
            return;
        }
        if !(looks_like_name(value) || self.parts.whole(value))
            || is_organization(value)
            || is_filler(value)
        {
            return;
        }
        let surname = self.kept_prefix(value);
        let (rule, phrase) = if cell {
            ("person_name.column", "column header names the cell")
        } else {
            ("person_name.field", "key names the value")
        };
        out.push(self.candidate(text, start, end, surname, 0.95, rule, explain(&[phrase], None)));
    }

    /// Returns the length in bytes of the village, group or community that opens `value`
    /// when a name of two to four characters with a surname follows it (`红星村陈建华`,
    /// `新华村3组王红梅`, `东门社区李国庆`).
    fn place_before_name(&self, value: &str) -> Option<usize> {
        value.char_indices().skip(1).take(MAX_PLACE_BEFORE_NAME).find_map(|(i, c)| {
            let rest = &value[i + c.len_utf8()..];
            let place =
                matches!(c, '村' | '组' | '队') || (c == '区' && value[..i].ends_with('社'));
            let first = rest.chars().next()?;
            (place
                && self.flags.of(first) & (SURNAME | COMPOUND_FIRST) != 0
                && looks_like_name(rest))
            .then_some(i + c.len_utf8())
        })
    }

    /// Returns how many characters of `name` masking keeps: its surname, and none of a
    /// transliterated name, which has no surname (次仁多吉 is one name, not 次 + 仁多吉;
    /// 买买提·艾力 is masked whole in a cell as in running text).
    fn kept_prefix(&self, name: &str) -> usize {
        if name.contains('·') || self.parts.whole(name) { 0 } else { self.surname_len(name) }
    }

    /// Returns true when `c` may be a character of a given name: one the lists hold, or a
    /// rare one that a cue or a record's structure must then confirm ([`RARE_GIVEN_FREQ`]).
    /// Where a listed character tells a name from a word (`唐志娟诉`: 诉 is no given name),
    /// the GIVEN flag alone is asked.
    #[inline(always)]
    fn may_be_given(&self, c: char) -> bool {
        self.flags.of(c) & GIVEN != 0 || self.rare_given.contains(c)
    }

    fn surname_len(&self, name: &str) -> usize {
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if self.compound.contains(&(a, b)) && name.chars().count() >= 3 => 2,
            _ => 1,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        text: &str,
        start: usize,
        end: usize,
        surname: usize,
        confidence: f32,
        rule: &'static str,
        explanation: Explanation,
    ) -> Candidate {
        let value = &text[start..end];
        let hidden = value.chars().skip(1).any(is_text_mask_char);
        Candidate {
            kind: PiiKind::PersonName,
            start,
            end,
            confidence,
            rule,
            explanation,
            public: None,
            value: Redacted::new(Inline::new()),
            prefix_len: surname,
            levels: [0; 4],
            hidden,
            record: 0,
        }
    }

    /// Finds surname positions worth a decision, outside labeled spans; those that start a
    /// blocklisted word or end a word go to `passed_over` (position, surname length).
    fn first_pass(
        &self,
        text: &str,
        structure: &Structure,
        divisions: &[DivisionMatch],
        dotted: &[(usize, usize)],
        personal: &[usize],
        passed_over: &mut Vec<(usize, usize)>,
    ) -> Vec<Pending> {
        // About one candidate per 130 bytes of notice text (the labeled corpus; prose has
        // fewer): reserved up front, the vector is not regrown a dozen times on a long one.
        let mut pending = Vec::with_capacity(text.len() / 128);
        let mut labels = structure.labels.iter().peekable();
        let mut headers = structure.headers.iter().peekable();
        // Place names are not names (石城县, 柳林镇).
        let mut places = divisions.iter().peekable();
        let mut dotted = dotted.iter().peekable();
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        let mut inside_word_until = 0;
        while let Some((at, c)) = chars.next() {
            let before = previous.replace(c);
            let flags = self.flags.of(c);
            if flags & (SURNAME | COMPOUND_FIRST | PART_FIRST) == 0 || at < inside_word_until {
                continue;
            }
            let rest = &text[at..];
            let run = if flags & PART_FIRST != 0
                && rest[c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|c1| self.flags.of(c1) & PART_SECOND != 0)
            {
                self.parts.run(rest)
            } else {
                None
            };
            let surname = self.surname_at(rest, c, flags);
            if run.is_none() && surname.is_none() {
                // A surname before a space is read apart, rarely (see `spaced_name`).
                if flags & SURNAME != 0 && rest.as_bytes().get(c.len_utf8()) == Some(&b' ') {
                    pending.extend(self.spaced_pending(text, at, c, structure));
                }
                continue;
            }
            while labels.peek().is_some_and(|l| l.end <= at) {
                labels.next();
            }
            if labels.peek().is_some_and(|l| l.start <= at) {
                continue;
            }
            while headers.peek().is_some_and(|h| h.1 <= at) {
                headers.next();
            }
            // A line of keys read as a table's header may be a form's line of keys and
            // values without colons (`姓名 王红梅 性别 女 民族 汉`): a name cue and a space
            // right before the candidate, and no word of the dictionary opening it, say
            // it is a value (not `户主姓名 高龄津贴`).
            if headers.peek().is_some_and(|h| h.0 <= at)
                && !(before == Some(' ') && self.form_value(text, at) && self.cue_before(text, at))
            {
                continue;
            }
            while places.peek().is_some_and(|d| d.end <= at) {
                places.next();
            }
            if places.peek().is_some_and(|d| d.start <= at) {
                continue;
            }
            while dotted.peek().is_some_and(|d| d.1 <= at) {
                dotted.next();
            }
            if dotted.peek().is_some_and(|d| d.0 <= at) {
                continue;
            }
            if let Some(run) = run
                && let Some(found) = self.transliterated(text, at, before, run)
            {
                inside_word_until = found.0;
                pending.push(Pending {
                    at,
                    surname: 0,
                    accepted: Some(found),
                    before_cue: false,
                    after_cue_end: None,
                    hopeless: false,
                });
                continue;
            }
            let Some(surname) = surname else { continue };
            // A blocklisted word (黎明, 王国) may still begin a name that a cue confirms
            // (黎明杰，身份证号…; 户主王国庆，: judged as cued names are, never a frequent
            // word), or personal data after a name longer than the word (黄金凤（138…）; not
            // 公示，城关镇…12号). No name starts inside one either (安 of 公网安备).
            if let Some(len) = self.blocked_word(rest)
                && self.cue_after_end(text, at, surname, false).is_none()
                && !self.cue_before(text, at)
                && self
                    .personal_data_end(text, at, surname, personal)
                    .is_none_or(|end| end <= at + len)
            {
                inside_word_until = at + len;
                passed_over.push((at, surname));
                continue;
            }
            // A name does not start inside a word (民 of 村民, 政 of 民政, 时 of 临时) unless
            // a cue confirms it, before it or, when that word is a rare one, personal data
            // after it (证人武霞，住址…: 人武 is a word too; not 临时救助，家住…), or the
            // character before the surname ends a more frequent word before a likely given
            // name (其中黄丽华: 中黄 is a word, 其中 a far more frequent one; see
            // `word_before_name`), or a boundary's cue ends before it (东至于浩田: 至于,
            // 南至上官勇燕田: 至上; see `boundary_owner`).
            if let Some(b) = before.filter(|&b| is_han(b)) {
                let pair = &text[at - b.len_utf8()..at + c.len_utf8()];
                if self.jieba.has_word(pair)
                    && !self.cue_before(text, at)
                    && (!self.personal_data_after(text, at, surname)
                        || self.word_freq(pair) >= FREQUENT_WORD)
                    && !self.word_before_name(text, at - b.len_utf8(), at, surname)
                    && (b != '至' || !after_boundary_cue(&text[..at]))
                {
                    passed_over.push((at, surname));
                    continue;
                }
            }
            pending.push(Pending {
                at,
                surname,
                accepted: None,
                before_cue: false,
                after_cue_end: None,
                hopeless: false,
            });
            if surname == 2
                && let Some((_, c1)) = chars.next()
            {
                previous = Some(c1);
            }
        }
        pending
    }

    /// Returns true when the word at `at`, up to a space or the line's end, may be a name
    /// in a form's line: two to four Chinese characters whose first two are no word of the
    /// dictionary other than a name (王红梅; not 高龄津贴, 房屋坐落).
    #[cold]
    fn form_value(&self, text: &str, at: usize) -> bool {
        let rest = &text[at..];
        let cell = &rest[..rest.find([' ', '\n', '\t']).unwrap_or(rest.len())];
        let chars = cell.chars().count();
        let head = &cell[..advance(cell, 0, 2)];
        (2..=4).contains(&chars)
            && cell.chars().all(is_han)
            && (!self.jieba.has_word(head) || self.listed_as_name(head))
    }

    /// Returns the length in characters of the surname that `c`, the first character of
    /// `rest`, starts, when a given-name character (or 某, a star) follows it.
    // Asked at every surname character of the text: kept inline in the surname pass.
    #[inline(always)]
    fn surname_at(&self, rest: &str, c: char, flags: u8) -> Option<usize> {
        let mut next = rest.chars().skip(1);
        let (c1, c2) = (next.next()?, next.next());
        let surname = if flags & COMPOUND_FIRST != 0 && self.compound.contains(&(c, c1)) {
            2
        } else if flags & SURNAME != 0 {
            1
        } else {
            return None;
        };
        let g1 = if surname == 2 { c2? } else { c1 };
        (g1 == '某' || g1 == '*' || self.may_be_given(g1)).then_some(surname)
    }

    /// Returns the name that `spaced_name` reads at `at`, outside labeled values (which
    /// `labeled` reads) and column headers. Out of line: the surname pass asks it rarely.
    #[cold]
    #[inline(never)]
    fn spaced_pending(
        &self,
        text: &str,
        at: usize,
        c: char,
        structure: &Structure,
    ) -> Option<Pending> {
        let labels = &structure.labels;
        let label = labels.partition_point(|l| l.end <= at);
        let headers = &structure.headers;
        let header = headers.partition_point(|h| h.1 <= at);
        if labels.get(label).is_some_and(|l| l.start <= at)
            || headers.get(header).is_some_and(|h| h.0 <= at)
        {
            return None;
        }
        let found = self.spaced_name(text, at, c)?;
        Some(Pending {
            at,
            surname: 1,
            accepted: Some(found),
            before_cue: false,
            after_cue_end: None,
            hopeless: false,
        })
    }

    /// Reads a name written with padding between its surname and its one given-name
    /// character where Chinese touches it on both sides, which normalization leaves (`兹有
    /// 王　强同志`, `户主王　强因病致贫`, `现将张　三等5户`): one or two spaces, a character
    /// common in given names, and a cue after it — or one before it where nothing Chinese
    /// follows. The first pass asks only at a surname followed by a space.
    fn spaced_name(
        &self,
        text: &str,
        at: usize,
        c: char,
    ) -> Option<(usize, f32, &'static str, Explanation)> {
        let space = at + c.len_utf8();
        let after_space = text[space..].trim_start_matches(' ');
        let gap = text.len() - space - after_space.len();
        if !(1..=2).contains(&gap) {
            return None;
        }
        let given = after_space.chars().next()?;
        if self.given.get(&given).is_none_or(|&n| f64::from(n) < COMMON_GIVEN_ONE) {
            return None;
        }
        let end = space + gap + given.len_utf8();
        let cue_before = self.cue_before(text, at);
        // Nor the end of a word before a space (`支付 王师傅`: 付 of 支付).
        if !cue_before && self.word_across(text, at) {
            return None;
        }
        let cue_after = self.cue_confirms(text, at, end, cue_before) || self.etc_people(text, end);
        let closed = !text[end..].chars().next().is_some_and(is_han);
        if !(cue_after || (cue_before && closed)) {
            return None;
        }
        // A word split by a stray space is no name (全 体同志, 林 业局长, 万 元户).
        let joined = format!("{c}{given}");
        if self.blocked(&joined) || (self.jieba.has_word(&joined) && !self.listed_as_name(&joined))
        {
            return None;
        }
        let cue = if cue_after { "cue after the name" } else { "cue before the name" };
        let e = explain(&["surname and given name padded apart", cue], None);
        Some((end, 0.85, "person_name.cue", e))
    }

    /// Decides a run of parts of transliterated names at `at`: two parts or more are a
    /// name (次仁多吉, 买买提艾力); one part only next to a cue (申请人扎西, 古丽同志) — a
    /// single part may be a word or a place (扎西 is also a place name). Not inside a word
    /// (多 of 许多), a single part not after a surname (石玉珍), nor before a place suffix
    /// (扎西村) or against a number or stars.
    fn transliterated(
        &self,
        text: &str,
        at: usize,
        before: Option<char>,
        run: PartRun,
    ) -> Option<(usize, f32, &'static str, Explanation)> {
        let mut end = at + run.len;
        // The suffix 江 belongs to the name where the name ends after it (吐尔逊江同志).
        let suffixed = at + NameParts::with_suffix(&text[at..], run);
        if suffixed > end && self.ends_name(text, suffixed) {
            end = suffixed;
        }
        let next = text[end..].chars().next();
        if next.is_some_and(|c| PLACE_SUFFIXES.contains(c)) || glues(next) || glues(before) {
            return None;
        }
        let cue_before = self.cue_before(text, at);
        // Rare words of the dictionary (将次 of 拟将次仁多吉) do not count.
        let inside_word = before.filter(|&b| is_han(b)).is_some_and(|b| {
            self.word_freq(&text[at - b.len_utf8()..advance(text, at, 1)]) >= GIVEN_WORD_FREQ
        });
        // After a surname, one part is a Chinese given name (石玉珍), which the surname
        // pass reads.
        let after_surname = || before.is_some_and(|b| self.flags.of(b) & SURNAME != 0);
        if (inside_word || (run.parts == 1 && after_surname())) && !cue_before {
            return None;
        }
        let phrase = "parts of a transliterated name";
        if run.parts >= 2 {
            return Some((end, 0.8, "person_name.transliterated", explain(&[phrase], None)));
        }
        let cue_after = self.cue_after(text, end)
            || self.etc_people(text, end)
            || self.followed_by_personal_data(text, end);
        (cue_before || cue_after).then(|| {
            let cue = if cue_before { "cue before the name" } else { "cue after the name" };
            (end, 0.85, "person_name.transliterated", explain(&[phrase, cue], None))
        })
    }

    /// Returns true where a name may end at `end`: the text ends, or goes on with no
    /// Chinese (a list separator), `等` or a name cue.
    fn ends_name(&self, text: &str, end: usize) -> bool {
        text[end..]
            .chars()
            .next()
            .is_none_or(|c| !is_han(c) || c == '等' || self.cue_after(text, end))
    }

    /// Returns true when a blocklisted word starts `rest`.
    fn blocked(&self, rest: &str) -> bool {
        self.blocked_word(rest).is_some()
    }

    /// Returns the length in bytes of the longest blocklisted word that starts `rest`.
    fn blocked_word(&self, rest: &str) -> Option<usize> {
        self.blocklist.longest_start(rest).map(|(len, _)| len)
    }

    /// Settles what needs no segmentation: pseudonyms (张某某) are accepted, and candidates
    /// that only a cue could make names of and that have none are dropped.
    fn settle_without_window(&self, text: &str, pending: &mut [Pending], personal: &[usize]) {
        for p in pending.iter_mut().filter(|p| p.accepted.is_none()) {
            p.accepted = pseudonym(text, p).or_else(|| self.boundary_owner(text, p));
            if p.accepted.is_none() {
                p.before_cue = self.cue_before(text, p.at);
                // A salutation line (`秦建玉：`) is a cue too, but not one that lets a
                // blocklisted word begin a name (`王府井：`).
                p.after_cue_end =
                    self.cue_after_end(text, p.at, p.surname, p.before_cue).or_else(|| {
                        // Most candidates are inside a line: settled by the byte before them.
                        if p.at > 0 && !matches!(text.as_bytes()[p.at - 1], b'\n' | b' ') {
                            return None;
                        }
                        self.given_name_end(text, p.at, p.surname, |end| {
                            salutation(text, p.at, end)
                        })
                    });
                if p.after_cue_end.is_none() {
                    p.after_cue_end = self.personal_data_end(text, p.at, p.surname, personal);
                }
                p.hopeless =
                    !p.before_cue && p.after_cue_end.is_none() && !self.may_be_name_uncued(text, p);
            }
        }
    }

    /// Returns the neighbour that a boundary (四至) of land or a house names before what it
    /// owns there (`东至谢国平田，`, `西邻刘建国房屋`): a given name of one or two characters
    /// between the boundary's cue and the land, which punctuation or 为界 closes. What such a
    /// boundary runs along is mostly a place (`东至王家山`, `北至古城墙`, `南至桃花山`): a
    /// given name of one character must not make a word with the surname (杜鹃, 柳树) nor
    /// stand before a hill, a garden, a pond or a wall, and no given name ends in 家 or 屋,
    /// which name a family's village (谢屋, 何家; not 王家豪).
    fn boundary_owner(
        &self,
        text: &str,
        p: &Pending,
    ) -> Option<(usize, f32, &'static str, Explanation)> {
        if !after_boundary_cue(&text[..p.at]) {
            return None;
        }
        let surname_end = advance(text, p.at, p.surname);
        let end = [2, 1].into_iter().find_map(|given| {
            let end = advance(text, surname_end, given);
            let given_name = &text[surname_end..end];
            let name = &text[p.at..end];
            let rest = &text[end..];
            let land = BOUNDARY_LAND.iter().find(|land| rest.starts_with(*land))?;
            // Two characters before 山, 园, 塘 or 墙 name the hill or the pond (万寿山, 杨梅园).
            if given == 1 && land.chars().nth(1).is_none() && !"田地屋房宅".contains(*land) {
                return None;
            }
            let after = &rest[land.len()..];
            let closed =
                after.chars().next().is_none_or(|c| !is_han(c)) || after.starts_with("为界");
            (closed
                && given_name.chars().count() == given
                && given_name.chars().all(|c| self.flags.of(c) & GIVEN != 0)
                && !given_name.ends_with(['家', '屋'])
                && !(given == 1 && self.jieba.has_word(name))
                && !name.chars().next_back().is_some_and(|c| PLACE_SUFFIXES.contains(c))
                && self.blocked_word(name).is_none())
            .then_some(end)
        })?;
        let e = explain(&["surname and given name", "a neighbour along a boundary"], None);
        Some((end, 0.8, "person_name.boundary", e))
    }

    /// Decides each pending candidate from cues and the segmentation of its window.
    fn decide(&self, text: &str, pending: &mut [Pending], personal: &[usize]) {
        self.settle_without_window(text, pending, personal);
        let mut i = 0;
        while i < pending.len() {
            if !pending[i].open() {
                i += 1;
                continue;
            }
            // One window for every candidate whose window overlaps the first's.
            let (w_start, mut w_end) = window(text, pending[i].at);
            let mut j = i + 1;
            while j < pending.len() && pending[j].at < w_end {
                if pending[j].open() {
                    w_end = w_end.max(window(text, pending[j].at).1);
                }
                j += 1;
            }
            let tags = self.jieba.tag(&text[w_start..w_end], true);
            for p in pending[i..j].iter_mut().filter(|p| p.open()) {
                p.accepted = self.judge(text, p, w_start, &tags);
            }
            i = j;
        }
    }

    /// Judges one surname position; a name must not end in a place suffix (王村, 李庄) nor
    /// run into stars, which belong to a masked value (`李组王*`).
    fn judge(
        &self,
        text: &str,
        p: &Pending,
        base: usize,
        tags: &[jieba_rs::Tag<'_>],
    ) -> Option<(usize, f32, &'static str, Explanation)> {
        let mut found = self.judge_evidence(text, p, base, tags)?;
        found.0 = self.whole_given_name(text, p, found.0);
        let name = &text[p.at..found.0];
        let last = name.chars().next_back()?;
        let starred = text[found.0..].starts_with(['*', '某']);
        let next = text[found.0..].chars().next();
        // A name glued to a number is not read from running text: its mask stars would
        // join the number (`李*3501…` reads as one starred number) — unless the number is
        // a sum, a count or a house's size, which its unit ends (`其中刘志强2000元、`).
        let touches_number = (glues(next) && !counted_after(&text[found.0..]))
            || glues(text[..p.at].chars().next_back());
        // A name read from its words alone may be a family's village or building (杨家堡,
        // 朱家祠堂), the first part of a place (李家坊村, 黄竹坑; see `land_after`) or the
        // trade name of a business (赣州金龙建设工程有限公司); a cue says it
        // is a person's. The business is looked at last, where the rest holds.
        let uncued = !p.before_cue && p.after_cue_end.is_none();
        let trade_name = || uncued && trade_name_before(text, found.0);
        // Nor, of two characters, the village or township of the office after it (高田村委会,
        // 黄田村民委员会, 杨梅村委会; not 王红梅村委会): a cue before the name says it is a
        // person's.
        let office_after = || {
            !p.before_cue
                && name.chars().nth(2).is_none()
                && LOCAL_OFFICES.iter().any(|office| text[found.0..].starts_with(office))
        };
        // Nor in the name of an organization (农商银行 before `账号`: 商 + 银行), nor a
        // blocklisted word of three characters or more whole, which a cue before it let
        // through (低保户花名册: jieba's dictionary tags 花名册 as a name).
        // Nor the start of a blocklisted word that runs on past it, which a cue before let
        // through (姓名索引号: 索引 + 号; masked, 索*号 would no longer be the 索引号 that
        // makes the number after it no one's).
        let cuts_word = || self.blocked_word(&text[p.at..]).is_some_and(|len| p.at + len > found.0);
        if found.2 != "person_name.pseudonym"
            && (starred
                || touches_number
                || (uncued && (family_place(name, next) || land_after(text, found.0)))
                || PLACE_SUFFIXES.contains(last)
                || is_organization(name)
                || (name.chars().nth(2).is_some() && self.blocked_word(name) == Some(name.len()))
                || cuts_word()
                || trade_name()
                || office_after())
        {
            return None;
        }
        Some(found)
    }

    /// Returns the end of a name read as its surname and one given-name character (杨斌)
    /// when the segmenter tags the single character after it as part of a name as well
    /// (困难户杨斌玉解决: 杨斌/nr 玉/nr 解决): the name has three characters, and a mask of two
    /// would leave the third in clear. Not a common surname, which may start the next name
    /// of a run (李明王刚). After a cue before the name (`cued`), a single character that
    /// segmentation leaves between the name and a word of two characters or more, or a
    /// conjunction, is one too (被执行人邹娜豪一案: 邹娜/nr 豪/n 一案; 困难户韦涛平解决;
    /// 上诉人韩斌雨与被上诉人) — not a grammatical word
    /// (户主王明在家, 曾, 已), an adverb (王明刚到) nor a character as frequent as one (小);
    /// so is one joined to a preposition (see [`Self::joined_to_preposition`]).
    fn name_char_after(
        &self,
        tags: &[jieba_rs::Tag<'_>],
        base: usize,
        end: usize,
        cued: bool,
    ) -> usize {
        let Some(next) = tag_starting_at(tags, base, end) else { return end };
        let mut chars = next.word.chars();
        let (Some(c), second) = (chars.next(), chars.next()) else { return end };
        if second.is_some() {
            return if cued && chars.next().is_none() && self.joined_to_preposition(next.word, c) {
                end + c.len_utf8()
            } else {
                end
            };
        }
        let given = self.flags.of(c) & GIVEN != 0;
        let name_char =
            matches!(next.tag, "nr" | "nrfg") && given && !self.common_surname_first(next.word);
        // jieba-rs tags a few rare characters prepositions alone (根 5,414, next to 在
        // 727,915): one of them is as much a name's as any other (户主熊有根医疗费: 熊有/v 根/p).
        let grammatical = || match next.tag {
            "p" => self.word_freq(next.word) >= RARE_PREPOSITION_FREQ,
            tag => is_function_tag(tag),
        };
        let orphan = || {
            cued && given
                && !grammatical()
                && self.word_freq(next.word) < FUNCTION_CHAR_FREQ
                && tag_starting_at(tags, base, end + c.len_utf8()).is_some_and(|w| {
                    (w.word.chars().nth(1).is_some() && w.word.chars().all(is_han))
                        || (CONJUNCTIONS_AFTER_NAME.contains(&w.word) && matches!(w.tag, "p" | "c"))
                })
        };
        if name_char || orphan() { end + c.len_utf8() } else { end }
    }

    /// Returns true when `word`, of two characters and right after a name of the surname and
    /// one given-name character, is the name's third character `c` joined to a preposition
    /// or conjunction (任命卢秀勇为副局长: 卢秀/nr 勇为/v; 孙霞/nr 胜为/v): `c` is a common
    /// given-name character and no adverb or other grammatical word alone (将于, 均为: 将
    /// and 均 are adverbs), and `word` no frequent word.
    fn joined_to_preposition(&self, word: &str, c: char) -> bool {
        let (first, second) = word.split_at(c.len_utf8());
        self.given.get(&c).is_some_and(|&n| n >= COMMON_GIVEN)
            && self.word_freq(word) < FUNCTION_CHAR_FREQ
            && self.tagged_alone(second, |t| matches!(t, "p" | "c"))
            && !self.tagged_alone(first, |t| matches!(t, "d" | "p" | "c" | "r" | "u" | "f"))
    }

    /// Returns the end of a name that opens a record or clause (`2.潘辉超，新民村四组`) and
    /// was read as its surname and one given-name character (潘辉/nr 超/v): one more
    /// given-name character before the comma, bracket or space that closes the item belongs
    /// to it — not a character as frequent as grammatical words (张震说，).
    fn item_name_end(&self, text: &str, p: &Pending, end: usize) -> usize {
        if !opens_clause(text, p.at) {
            return end;
        }
        let Some(next) = text[end..].chars().next() else { return end };
        let after = end + next.len_utf8();
        let closed = separator_at(text, after).is_some() || text[after..].starts_with('\t');
        if closed
            && self.flags.of(next) & GIVEN != 0
            && self.word_freq(&text[end..after]) < FUNCTION_CHAR_FREQ
        {
            after
        } else {
            end
        }
    }

    /// Returns the end of a name that segmentation left one character short, or `end`: a
    /// doubled given name (韩梅梅, cut 韩梅/梅户) unless the doubled character begins a word
    /// (李明明天: 明天), and after a cue a given-name character that punctuation follows
    /// (户主诸葛亮平，: 诸葛亮 is a word of the dictionary; not 委员长乔石从3月).
    fn whole_given_name(&self, text: &str, p: &Pending, end: usize) -> usize {
        if text[p.at..end].chars().count() != p.surname + 1 {
            return end;
        }
        let mut rest = text[end..].chars();
        let (Some(next), after) = (rest.next(), rest.next()) else { return end };
        let doubled = text[..end].ends_with(next)
            && after.is_none_or(|a| {
                let word_end = end + next.len_utf8() + a.len_utf8();
                !self.jieba.has_word(&text[end..word_end])
            });
        let closing = p.before_cue
            && self.flags.of(next) & GIVEN != 0
            && after.is_none_or(|a| !a.is_alphanumeric());
        if doubled || closing { end + next.len_utf8() } else { end }
    }

    /// Judges one surname position against cues and the tags of its window.
    fn judge_evidence(
        &self,
        text: &str,
        p: &Pending,
        base: usize,
        tags: &[jieba_rs::Tag<'_>],
    ) -> Option<(usize, f32, &'static str, Explanation)> {
        let at = p.at;
        // Tags are in text order; a binary search, since the windows of a long list of
        // names run together into one.
        let token = tags.get(tags.partition_point(|t| base + t.byte_end <= at))?;
        let tok_start = base + token.byte_start;
        let before_cue = p.before_cue;
        if tok_start < at {
            // The surname character ends or sits inside another word (感谢, 提高, 海王) —
            // unless a cue ends right before it (户主任春雨: 户主 + 任春雨, not 主任; 户主马云飞
            // segmented 户户/主马云飞), personal data follows the name (证人武霞，住址:
            // 人武), or the word is the segmenter's guess joining a preposition or a place's
            // unit to the surname (对王/红梅/处以, 组李秀兰): no word crosses the cue's end or
            // that character's, nor starts before a name personal data confirms, so the text
            // is segmented again from the surname.
            if !before_cue
                && (p.after_cue_end.is_none() || self.jieba.has_word(token.word))
                && !self.personal_data_after(text, at, p.surname)
                && !self.joined_before_surname(&text[tok_start..at], token.word)
            {
                return None;
            }
            let end = window_end(text, at, RESEGMENTED_AFTER);
            let tags = self.jieba.tag(&text[at..end], true);
            return self.judge_evidence(text, p, at, &tags);
        }
        let tok_end = base + token.byte_end;
        let tok_chars = token.word.chars().count();
        if let Some(end) = p.after_cue_end.filter(|&end| {
            !self.cue_after_misreads(text, at, tags, base, token, p.surname, end)
                && self.cued(&text[at..end], p.surname)
        }) {
            let e = explain(&["surname and given name", "cue after the name"], None);
            return Some((end, 0.9, "person_name.cue", e));
        }
        let is_nr =
            matches!(token.tag, "nr" | "nrfg") || self.name_guessed_a_place(token, p.surname);
        // The segmenter's model of unknown words may join a one-character verb to a name
        // (原告唐志娟诉被告: 唐志娟诉): a name one character longer than a name can be, whose
        // last character is seen in no given name, is read without it; so are 家, the
        // household's (邱文斌家共有3口人: 邱文斌家/nr), 于 before a date (请汪德胜于2026年…:
        // 汪德胜于/nr), and a preposition that the window's end left with no word to join
        // (任命胡丽福为县教…: 胡丽福为/nr, where the whole sentence reads 胡丽福/nr 为/p).
        let (word, tok_end, tok_chars) = match token.word.char_indices().nth(p.surname + 2) {
            Some((cut, last))
                if is_nr
                    && tok_chars == p.surname + 3
                    && (self.flags.of(last) & GIVEN == 0
                        || last == '家'
                        || dated(text, tok_start + cut)
                        || self.tagged_alone(&token.word[cut..], |t| matches!(t, "p" | "c"))) =>
            {
                (&token.word[..cut], tok_start + cut, tok_chars - 1)
            }
            _ => (token.word, tok_end, tok_chars),
        };
        if tok_chars > p.surname && tok_chars <= p.surname + 2 {
            // A cue word is no given name: before a title the surname character is a verb
            // (书记任组长: 任 "serves as" 组长, one word of the dictionary), and a surname
            // with 女士 or 先生 names nobody in full (市民刘女士).
            if self.cue_words.contains(&word[advance(word, 0, p.surname)..]) {
                return None;
            }
            // A frequent word of the dictionary whose surname is rare is a transliterated
            // place or team (阿富汗, 乌克兰, 阿森纳) sooner than a name.
            let plausible = if tok_chars == p.surname + 2 {
                self.given_score(word, p.surname) >= NAME_SCORE
                    && !self.starts_with_word(word, p.surname)
                    && !self.adjective_and_noun(word, p.surname)
                    && (self.common_surname_first(word) || self.word_freq(word) < FREQUENT_WORD)
                    && !self.time_as_given(word, p.surname)
                    && !self.word_and_noun(word, p.surname)
            } else {
                self.plausible_two(word)
            };
            if is_nr && plausible {
                let confidence = if tok_chars == p.surname + 2 { 0.85 } else { 0.7 };
                let e = explain(&["surname and given name", "segmented as a personal name"], None);
                let end = if tok_chars == p.surname + 1 {
                    let end = self
                        .name_char_after(tags, base, tok_end, before_cue)
                        .max(self.item_name_end(text, p, tok_end));
                    if end > tok_end {
                        end
                    } else {
                        // A listed name whose third character the model of unknown words
                        // joins to the next (白玉/nr 洁已/d: 白玉洁已超过).
                        self.listed_name_cut_short(text, tags, base, token, p.surname)
                            .unwrap_or(end)
                    }
                } else {
                    tok_end
                };
                return Some((end, confidence, "person_name.segmented", e));
            }
            if is_nr
                && tok_chars == p.surname + 1
                && let Some(end) = self.listed_name_cut_short(text, tags, base, token, p.surname)
            {
                let e = explain(&["surname and given name", "segmented as a personal name"], None);
                return Some((end, 0.7, "person_name.segmented", e));
            }
            if before_cue && !self.adverb_led(word, token.tag, p.surname) {
                // A frequent word may be a name cut one character short (儿子王国庆。: 王国 +
                // 庆), which the cue vouches for whole.
                let end = if !self.cued(word, p.surname) {
                    let longer = self.whole_given_name(text, p, tok_end);
                    (longer > tok_end && self.cued(&text[at..longer], p.surname)).then_some(longer)
                } else if tok_chars == p.surname + 1 {
                    Some(self.name_char_after(tags, base, tok_end, true))
                } else {
                    Some(tok_end)
                };
                if let Some(end) = end {
                    let e = explain(&["surname and given name", "cue before the name"], None);
                    return Some((end, 0.85, "person_name.cue", e));
                }
            }
            return None;
        }
        if tok_chars == p.surname {
            // Segmentation split the surname off: the next word may be the given name.
            let next = tag_starting_at(tags, base, tok_end)?;
            let n = next.word.chars().count();
            // A rare character the lists lack counts here only after a cue (`common` below
            // asks the lists' counts).
            let given_ok = next.word.chars().all(|c| self.may_be_given(c));
            // A cue word is no given name, here either.
            if !(1..=2).contains(&n)
                || !given_ok
                || !next.word.chars().all(is_han)
                || self.cue_words.contains(next.word)
            {
                return None;
            }
            // A surname character used as a preposition or conjunction (向, 和, 于) does
            // not start a name; the frequency lookup, the dearest test, goes last.
            let common = !is_function_tag(token.tag)
                && next
                    .word
                    .chars()
                    .all(|c| self.given.get(&c).is_some_and(|&n| n >= COMMON_GIVEN))
                && (self.given_names.contains(next.word)
                    || self.word_freq(next.word) < GIVEN_WORD_FREQ);
            let end = base + next.byte_end;
            // After a title a preposition or conjunction is one (主任向全体职工) — unless
            // punctuation closes the name, where the preposition's phrase would go on
            // (儿子向建国。), or the word after it is segmented or listed as a given name
            // (信访人于志强反映, 被告于建国民间借贷; not 被告于同年, 申请人向本院) —, and so is
            // an adverb that is a rare surname (母亲都幸福, 丈夫都在; not 总经理曾世民), or a
            // common one before a grammatical word or verb or characters uncommon in given
            // names (户主曾在外务工, 户主曾任村长; not 户主曾国庆). A surname tagged as a
            // name on its own is the next name's, not a given name (组长由郭建军担任: 由/p 郭/nr
            // 建军).
            let closed = || {
                text[end..].chars().next().is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
            };
            let surname_alone =
                n == 1 && next.word.chars().all(|c| self.flags.of(c) & SURNAME != 0);
            let given_name_next = self.given_name_word(next) && !surname_alone;
            let joins = (matches!(token.tag, "p" | "c") && !closed() && !given_name_next)
                || (token.tag == "d"
                    && (!self.common_surname_first(token.word)
                        || (!given_name_next
                            && (is_function_tag(next.tag) || !self.common_given(next.word)))));
            if before_cue && !joins && self.cued(&text[at..end], p.surname) {
                let e = explain(&["surname and given name", "cue before the name"], None);
                return Some((end, 0.85, "person_name.cue", e));
            }
            // A surname the dictionary tags as a name on its own (邱/nr 立新/d, 袁/nr 新民/n)
            // before a word of two common given-name characters that is no frequent word:
            // the word is its given name, whatever its tag (立新, 建新 and 新民 name a
            // generation of household heads; 国庆, tagged a time word, too). Where the name
            // opens its clause, a surname tagged otherwise counts too (许/m 建新/v, 程/n
            // 永新/d), unless it is a grammatical word there (向/p 新民).
            let word_given = || {
                n == 2
                    && (matches!(token.tag, "nr" | "nrfg")
                        || (opens_clause(text, at) && !is_function_tag(token.tag)))
                    && next
                        .word
                        .chars()
                        .all(|c| self.given.get(&c).is_some_and(|&n| n >= WORD_GIVEN_CHAR))
                    && self.word_freq(next.word) < FREQUENT_WORD
            };
            if (common && !matches!(next.tag, "v" | "p" | "c" | "u" | "d" | "r" | "m" | "q" | "f"))
                || word_given()
            {
                let e = explain(&["surname and common given-name characters"], None);
                return Some((end, 0.6, "person_name.surname", e));
            }
        }
        None
    }

    /// Returns true when the tags show that a name ending at `end`, confirmed by a cue
    /// after it, is a misreading. A surname character used as a conjunction or verb right
    /// before a word segmented as a name with a common surname of its own (和李明同志: 和 +
    /// 李明) does not start that name, which is a candidate of its own; nor before a
    /// frequent verb (和申请家庭), nor a conjunction before another frequent word that is no
    /// given name (会议和领导同志). Before other words it may (任建国同志: 任 + 建国;
    /// 向红梅同志). And a frequent verb that the surname begins is not cut for a name
    /// (成立以县长为组长: 成立 + 以). Evaluated only where a cue follows. A record that
    /// opens with the name and goes on, after a separator, with the personal data that
    /// confirms it (`向金凤，女，汉族`, `于金凤（宁都县…室）`) has no preposition before it:
    /// there the surname character starts the name.
    // Eight arguments: the text and the tags of its window, read together.
    #[allow(clippy::too_many_arguments)]
    fn cue_after_misreads(
        &self,
        text: &str,
        at: usize,
        tags: &[jieba_rs::Tag<'_>],
        base: usize,
        token: &jieba_rs::Tag<'_>,
        surname: usize,
        end: usize,
    ) -> bool {
        let tok_end = base + token.byte_end;
        let tok_chars = token.word.chars().count();
        let frequent_verb = |t: &jieba_rs::Tag<'_>| {
            matches!(t.tag, "v" | "vn") && self.word_freq(t.word) >= FREQUENT_WORD
        };
        if tok_chars == surname + 1
            && ((end > tok_end && frequent_verb(token))
                || (end == tok_end && self.adverb_led(token.word, token.tag, surname)))
        {
            return true;
        }
        // Before a verb the subject may be words that are no name (see
        // `words_before_verb`). After a preposition's object or an adverb the verb has the
        // sentence's subject (向上级反映) — unless the word after it is segmented or listed
        // as a given name (于建国来信, 向红梅反映).
        if self.verb_cues.longest_start(&text[end..]).is_some() {
            let word = tok_chars > surname
                && tok_end <= end
                && self.words_before_verb(token, surname, tok_end < end);
            // Not an adverb that is the object of a preposition itself (对曾国华作出: 曾 + 国华).
            let object = token.tag == "d" && text[..at].ends_with(['对', '将', '把', '给']);
            let preposition = tok_chars == surname
                && matches!(token.tag, "p" | "d")
                && !object
                && !tag_starting_at(tags, base, tok_end).is_some_and(|t| self.given_name_word(t));
            if word || preposition {
                return true;
            }
        }
        // 何, tagged a pronoun ("what"), before a frequent verb and a cue that is no verb
        // is the surname (何建设同志, 何建设等12名): not so before a verb cue (何发展来信),
        // nor 任 (决定任教育局长), which the segmenter tags so too.
        let he_before_name =
            token.word == "何" && self.verb_cues.longest_start(&text[end..]).is_none();
        tok_chars == surname
            && is_function_tag(token.tag)
            && tag_starting_at(tags, base, tok_end).is_some_and(|next| {
                (matches!(next.tag, "nr" | "nrfg") && self.common_surname_first(next.word))
                    || (frequent_verb(next) && !he_before_name)
                    || (matches!(token.tag, "c" | "v" | "p")
                        && !self.given_name_word(next)
                        && !self.given_character(next.word)
                        && self.word_freq(next.word) >= FREQUENT_WORD)
            })
            && !(opens_clause(text, at) && separator_at(text, end).is_some())
    }

    /// Returns true when `word` is one character of given names (萱 of 于萱秀同志, which
    /// the segmenter reads 于/p 萱/n 秀/ag: a frequent word alone, a name's with the cue).
    fn given_character(&self, word: &str) -> bool {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if self.flags.of(c) & GIVEN != 0)
    }

    /// Returns true when the candidate before a verb cue that `token` starts is words that
    /// are no name: one word of the dictionary (曾多次反映; 师生, which it tags as a name,
    /// judged as an uncued name of a surname and one character is), one tagged as a name
    /// whose first two characters are a frequent word (顾问团来访), or, where the token ends
    /// inside the candidate (`partial`), a frequent word and more (全面地反映: 全面 + 地)
    /// — not an unknown word (姚浩萱, 孔永) nor a rare one and more (毛子萱).
    fn words_before_verb(&self, token: &jieba_rs::Tag<'_>, surname: usize, partial: bool) -> bool {
        if partial {
            !self.given_name_word(token) && self.word_freq(token.word) >= FREQUENT_WORD
        } else if self.given_name_word(token) {
            match token.word.chars().count().saturating_sub(surname) {
                1 => self.jieba.has_word(token.word) && !self.plausible_two(token.word),
                2 => self.starts_with_word(token.word, surname),
                _ => false,
            }
        } else {
            self.jieba.has_word(token.word)
        }
    }

    /// Returns false when no reading of `judge_evidence` without a cue can accept the
    /// candidate: a two-character name needs a given-name character seen
    /// [`COMMON_GIVEN_ONE`] times, a surname split off needs one seen [`COMMON_GIVEN`]
    /// times, a three-character name a score of [`NAME_SCORE`] (公示期: 5 × 10).
    fn may_be_name_uncued(&self, text: &str, p: &Pending) -> bool {
        let count =
            |c: Option<char>| f64::from(c.and_then(|c| self.given.get(&c)).copied().unwrap_or(0));
        let mut given = text[advance(text, p.at, p.surname)..].chars();
        let (g1, g2) = (count(given.next()), count(given.next()));
        g1 >= f64::from(COMMON_GIVEN) || g1 * g2 >= NAME_SCORE
    }

    /// Returns the end of a name starting at `at` that a cue after it confirms: a cue right
    /// after 1 or 2 given-name characters (`同志`, `，男，`, `，身份证号`). The cues
    /// that hold only where a record or a sentence starts with the name (于 and a date, the
    /// village before personal data) hold after a cue before it too (`户主侯梓福于2026年…`).
    fn cue_after_end(
        &self,
        text: &str,
        at: usize,
        surname: usize,
        cued_before: bool,
    ) -> Option<usize> {
        // A notice asks someone by name to do something by a date (`请王红梅于3月5日前…`).
        let opens = cued_before || opens_clause(text, at) || text[..at].ends_with('请');
        self.given_name_end(text, at, surname, |end| {
            // Asked after every given name: most are followed by a character that opens
            // no cue, settled by one table lookup.
            text[end..].chars().next().is_some_and(|c| self.flags.may_open_cue_after(c))
                && ((self.cue_confirms(text, at, end, opens)
                    && !self.quoted_with_cue(text, at, end))
                    || self.quoted_before_cue(text, at, end)
                    || self.etc_people(text, end)
                    || self.followed_by_personal_data(text, end)
                    || (opens
                        && (self.followed_by_residence_and_data(text, end)
                            || counted_in_brackets(&text[end..]))))
        })
    }

    /// Returns true when a cue right after a candidate (from `at` to `end`) confirms it: a cue
    /// starts at `end` (`同志`, `户`, and `于` before a date where the name opens its clause)
    /// and is not read out of a longer word (see `cue_inside_word`). A one-character cue must
    /// be a word of its own: not the end of one that the name's last character begins (体系
    /// of 金融体系, 住户, 位于), nor the start of one (户型 of 相册户型).
    fn cue_confirms(&self, text: &str, at: usize, end: usize, opens: bool) -> bool {
        let len = match self.cues_after.longest_start(&text[end..]) {
            Some((len, _)) => len,
            // Before a year 于 is "on": a word that the name's last character would make
            // with it (明于, 勇于, 生于) is not read there (杨光明于2025年, 张勇于2025年).
            None if opens && dated(text, end) => return true,
            None => return false,
        };
        let first = text[end..].chars().next().map_or(0, char::len_utf8);
        // The word the name's last character and a one-character cue make counts where the
        // dictionary counts it ten times or more (住户, 农户, 小户; not 建户 and 军户 of
        // 慕容德建户, 任磊军户, counted 4 times each).
        let read_in_word =
            || pair_across(text, end).is_some_and(|w| self.word_freq(w) >= RARE_WORD);
        (len > first || !(read_in_word() || self.word_across(text, end + first)))
            && !self.cue_inside_word(text, at, end, len, first)
    }

    /// Returns true when the words around the cue of `len` bytes (its first character
    /// `first` bytes) after a candidate (from `at` to `end`) say that it is no name: a word
    /// that the candidate's last character makes with a cue of two characters or more
    /// (总书记 of 共产党总书记, 总经理 of 刘总经理; a one-character cue is read out of a word
    /// in `cue_confirms`) or the candidate with the cue's first character (党总支 of 村党总支书记:
    /// 党总 + 支书), of which the cue is read out, or a candidate that is a common word
    /// (党总支书记, 居委会主任; see [`Self::common_word`]).
    fn cue_inside_word(&self, text: &str, at: usize, end: usize, len: usize, first: usize) -> bool {
        let last = text[..end].chars().next_back().map_or(0, char::len_utf8);
        let candidate = &text[at..end];
        // Not a name the dictionary lists (林先生 of 鲍林先生, 张三之 of 张三之妻).
        let word = |w: &str| self.jieba.has_word(w) && !self.listed_as_name(w);
        (len > first && word(&text[end - last..end + len]))
            || word(&text[at..end + first])
            || self.common_word(candidate)
    }

    /// Returns true when a name from `at` to `end` stands in quotation marks right before
    /// a cue (`“钟文华”同志`).
    fn quoted_before_cue(&self, text: &str, at: usize, end: usize) -> bool {
        text[..at].ends_with(OPENING_QUOTES)
            && text[end..]
                .strip_prefix(CLOSING_QUOTES)
                .is_some_and(|rest| self.cue_after(text, text.len() - rest.len()))
    }

    /// Returns true when a candidate from `at` to `end` and the cue after it stand together
    /// in quotation marks: the name of an honour or a category (`“文明家庭”`, `“最美家庭”`),
    /// not a person's.
    #[cold]
    fn quoted_with_cue(&self, text: &str, at: usize, end: usize) -> bool {
        text[..at].ends_with(OPENING_QUOTES)
            && self
                .cues_after
                .longest_start(&text[end..])
                .is_some_and(|(len, _)| text[end + len..].starts_with(CLOSING_QUOTES))
    }

    /// Returns true when the Chinese characters either side of `at` form a word of the
    /// dictionary (体系 across the end of 金融体, 户型 across the start of 型).
    fn word_across(&self, text: &str, at: usize) -> bool {
        pair_across(text, at).is_some_and(|pair| self.jieba.has_word(pair))
    }

    /// Returns the end of a name starting at `at` that personal data right after it
    /// confirms: one of `personal` (sorted starts of personal addresses and numbers) after
    /// a separator. Only one that starts within a name's length and a separator of the
    /// surname (at most 2 + 2 + 1 characters of 3 bytes) can: most candidates have none.
    fn personal_data_end(
        &self,
        text: &str,
        at: usize,
        surname: usize,
        personal: &[usize],
    ) -> Option<usize> {
        let next = personal.get(personal.partition_point(|&a| a <= at));
        if next.is_none_or(|&a| a > at + 15) {
            return None;
        }
        self.given_name_end(text, at, surname, |end| {
            separator_at(text, end).is_some_and(|len| personal.binary_search(&(end + len)).is_ok())
        })
    }

    /// Returns the end of 1 or 2 given-name characters ([`Self::may_be_given`]) after the
    /// surname at `at` that `confirms` accepts and that are no cue word
    /// (`联系人：王女士，联系电话…` names nobody in full; looked up last, where the rest holds).
    fn given_name_end(
        &self,
        text: &str,
        at: usize,
        surname: usize,
        confirms: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let surname_end = advance(text, at, surname);
        (1..=2).map(|g| advance(text, surname_end, g)).find(|&end| {
            end > surname_end
                && text[surname_end..end].chars().all(|c| self.may_be_given(c))
                && confirms(end)
                && !self.cue_words.contains(&text[surname_end..end])
        })
    }

    /// Returns true when personal data (`，住址`, a 任前 line's `，男，`) follows 1 or 2
    /// given-name characters after the surname at `at` (`证人武霞，住址`): the cue that
    /// lets a name start inside a rare word, unlike titles (`俄罗斯外交部长`).
    fn personal_data_after(&self, text: &str, at: usize, surname: usize) -> bool {
        // Most surnames inside words have no separator in the next few bytes: a byte test
        // (0xEF leads the full-width forms，（) settles them before any decoding.
        let near = &text.as_bytes()[at..text.len().min(at + 4 * 3)];
        if !near.iter().any(|&b| matches!(b, b',' | b'(' | b' ' | 0xEF)) {
            return false;
        }
        // Such data opens with a separator, which is no given-name character: only the
        // first one after the surname can end the name (evaluated at every surname inside
        // a word, so nothing dearer comes first).
        let surname_end = advance(text, at, surname);
        let mut end = surname_end;
        for c in text[surname_end..].chars().take(3) {
            if matches!(c, '，' | ',' | '(' | '（' | ' ') {
                return end > surname_end && self.followed_by_personal_data(text, end);
            }
            if !self.may_be_given(c) {
                return false;
            }
            end += c.len_utf8();
        }
        false
    }

    /// Returns true when `word`, tagged `tag`, is the segmenter's guess at an unknown verb
    /// or adverb that a surname used as an adverb or preposition opens (户主曾任村长: 曾任/v,
    /// "once served as"): no name.
    fn adverb_led(&self, word: &str, tag: &str, surname: usize) -> bool {
        is_function_tag(tag)
            && !self.jieba.has_word(word)
            && self
                .tagged_alone(&word[..advance(word, 0, surname)], |t| matches!(t, "d" | "p" | "c"))
    }

    /// Returns true when `given`, one or two characters, is made of characters common in
    /// given names: a score of [`COMMON_GIVEN_ONE`] for one, [`NAME_SCORE`] for two (国庆).
    fn common_given(&self, given: &str) -> bool {
        let (score, chars) = (self.given_score(given, 0), given.chars().count());
        (chars == 1 && score >= COMMON_GIVEN_ONE) || (chars == 2 && score >= NAME_SCORE)
    }

    /// Returns true when a two-character word tagged as a name is likely one: a common
    /// surname and a word that is not frequent as a word, or a rare word.
    fn plausible_two(&self, word: &str) -> bool {
        self.common_surname_first(word)
            && self.given_score(word, 1) >= COMMON_GIVEN_ONE
            && self.word_freq(word) < FREQUENT_WORD
    }

    /// Returns true when the surname at `at`, which ends a word of the dictionary that
    /// starts at `pair_start` (the character before it and the surname), starts a name after
    /// a more frequent word: a given-name character common enough for a name without a cue
    /// that makes no word with the next but a given name (娜娜 of 其中欧阳娜娜, 建国; not 国家
    /// of 其中国家), and before the pair a character that makes a more
    /// frequent word with its first (其中 + 黄丽华, not 中黄; 同意 + 杨桂芳, not 意杨; 其中 +
    /// 马斌户; not 对象名 + 单予以: 予 is rare in names, and 予以 a word). The segmentation
    /// of the window then judges the name.
    fn word_before_name(&self, text: &str, pair_start: usize, at: usize, surname: usize) -> bool {
        let (given, end) = (advance(text, at, surname), advance(text, at, surname + 2));
        let given_word = &text[given..end];
        let word_given = self.jieba.has_word(given_word) && !self.given_names.contains(given_word);
        if self.given_score(&text[at..advance(text, at, surname + 1)], surname) < COMMON_GIVEN_ONE {
            return false;
        }
        let Some(c) = text[..pair_start].chars().next_back().filter(|&c| is_han(c)) else {
            return false;
        };
        let pair = &text[pair_start..advance(text, at, 1)];
        let word = &text[pair_start - c.len_utf8()..at];
        // The counts and tags cost a segmentation each: most characters before such a pair
        // make no word with its first.
        self.jieba.has_word(word)
            && self.word_freq(word) > self.word_freq(pair)
            && (!word_given || self.tagged_alone(given_word, |t| t.starts_with("nr")))
    }

    /// Returns true when a token that ends at or runs past a surname is no word of the
    /// dictionary but the model of unknown words joining one character (`before`, the
    /// part before the surname) to it: a preposition (对王 of 对王红梅处以罚款, 对张), or the
    /// unit that ends the place a resident is listed under (组李秀兰 of 新华村3组李秀兰, 队王
    /// of 红星队王红梅) — not a conjunction (既富又安; 及王 of 及王红梅 too: 及 before a
    /// surname opens 及高田村委会 and 及万元户 as often, and a list joined by 及 is read
    /// with its named neighbour).
    fn joined_before_surname(&self, before: &str, token: &str) -> bool {
        let mut chars = before.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return false };
        !self.jieba.has_word(token)
            && (UNIT_BEFORE_RESIDENT.contains(c) || self.tagged_alone(before, |t| t == "p"))
    }

    /// Returns true when the surname and the first given-name character of `name` form a
    /// common word (牛仔 of 牛仔布, 许可 of 许可证; and 王平 of 王平安: the dictionary tags
    /// too many words as names, 石英, 顾问, 胡椒, for that to tell them apart).
    fn starts_with_word(&self, name: &str, surname: usize) -> bool {
        let head = advance(name, 0, surname + 1);
        self.word_freq(&name[..head]) >= FREQUENT_WORD
    }

    /// Returns the end of a three-character name whose first two characters the dictionary
    /// lists as a name (王明, 李俊, 刘翔: `token`, too frequent to be taken alone, though
    /// rarer than [`LISTED_NAME_FREQ`]) or the model of unknown words guessed to be one
    /// (谢国/nr of 谢国平为: no word of the dictionary), and which segmentation left apart
    /// from its last character. That character is a common given-name character whose
    /// score with the first makes a name, no place suffix, and either
    /// - alone and tagged as a name, a place or a nominal morpheme (王明/华/ns, 林/ng; not
    ///   陈述/期/n, 高僧/传/n, 金陵/城/n — jieba tags 陈述, 高僧 and 金陵 as names too);
    /// - the first of a two-character token the dictionary does not hold, tagged as the
    ///   grammatical word it ends with (李俊/杰未/d, 霞要/v), unless the character is one as
    ///   well (王明/刚到/v: 刚 is an adverb);
    /// - the first of a word the dictionary holds less often than the word its second
    ///   character makes with the next (李俊/杰作/出: 作出);
    /// - or the first of the character and 家, a rare word (刘春/林家: 刘春林's household).
    ///
    /// The listed name is no cue word (孙子/林/国华: the grandson 林国华).
    fn listed_name_cut_short(
        &self,
        text: &str,
        tags: &[jieba_rs::Tag<'_>],
        base: usize,
        token: &jieba_rs::Tag<'_>,
        surname: usize,
    ) -> Option<usize> {
        let tok_end = base + token.byte_end;
        let next = tag_starting_at(tags, base, tok_end)?;
        let mut chars = next.word.chars();
        let (c, rest) = (chars.next()?, chars.as_str());
        let alone = rest.is_empty() && matches!(next.tag, "nr" | "nrfg" | "ng" | "ns" | "nz");
        let joined = rest.chars().count() == 1
            && is_function_tag(next.tag)
            && !self.jieba.has_word(next.word)
            && !self.tagged_alone(&next.word[..c.len_utf8()], is_function_tag);
        // 李俊/杰作/出/警告: the word the name's last character makes with the next one is
        // rarer than the one that next character makes with its own (杰作 300, 作出).
        let end = tok_end + c.len_utf8();
        let overlapped = || {
            let after = tok_end + next.word.len();
            rest.chars().count() == 1
                && self.jieba.has_word(next.word)
                && text[after..].chars().next().is_some_and(|f| {
                    self.word_freq(&text[end..after + f.len_utf8()]) > self.word_freq(next.word)
                })
        };
        // 刘春/nr 林家/n: the character and 家, the household's, make a rarer word (林家 "the
        // Lin family", 100) than the segmenter's reading of a name can outweigh.
        let household = rest == "家" && self.word_freq(next.word) < FREQUENT_WORD;
        let name = format!("{}{c}", token.word);
        ((alone || joined || household || overlapped())
            && self.given.get(&c).is_some_and(|&n| n >= COMMON_GIVEN)
            && !PLACE_SUFFIXES.contains(c)
            && !LAND_SUFFIXES.contains(c)
            && self.common_surname_first(token.word)
            && !self.cue_words.contains(token.word)
            && self.word_freq(token.word) < LISTED_NAME_FREQ
            && (self.listed_as_name(token.word) || !self.jieba.has_word(token.word))
            && self.given_score(&name, surname) >= NAME_SCORE
            && !self.jieba.has_word(&name))
        .then_some(end)
    }

    /// Returns true when `word` starts with a common surname (see [`COMMON_SURNAME`]).
    /// Returns true when the segmenter's model of unknown words tagged a name a place
    /// (郑国强的行为: 郑国强/ns): a word it does not know, of a common surname and two
    /// more characters, none of which ends a place's name (龙南镇, 王家坪, 黄泥坳).
    fn name_guessed_a_place(&self, token: &jieba_rs::Tag<'_>, surname: usize) -> bool {
        token.tag == "ns"
            && token.word.chars().count() == surname + 2
            && token.word.chars().next_back().is_some_and(|c| {
                !PLACE_SUFFIXES.contains(c)
                    && !LAND_SUFFIXES.contains(c)
                    && !NATURAL_PLACE_ENDS.contains(c)
            })
            && self.common_surname_first(token.word)
            && !self.jieba.has_word(token.word)
    }

    fn common_surname_first(&self, word: &str) -> bool {
        word.chars()
            .next()
            .and_then(|c| self.surnames.get(&c))
            .is_some_and(|&weight| weight >= COMMON_SURNAME)
    }

    /// Returns true when a name read from one segmented word reads as an adjective and a
    /// frequent noun (高素质, 高水平: "of high quality, of a high level"): a surname that
    /// the dictionary lists as an adjective, given-name characters that form a frequent
    /// common noun. jieba-rs's dictionary tags a few such phrases as names.
    fn adjective_and_noun(&self, name: &str, surname: usize) -> bool {
        let head = advance(name, 0, surname);
        let given = &name[head..];
        self.word_freq(given) >= FREQUENT_WORD
            && self.tagged_alone(given, |t| t == "n")
            && self.tagged_alone(&name[..head], |t| t == "a")
    }

    /// Returns true when a candidate read as a name is a preposition before a time word of
    /// the dictionary (于本周 of 将于本周五召开: the model of unknown words joins 于 to 本周;
    /// 本月, 今年) — not a surname before a given name that is also a time word (杨正午).
    fn time_as_given(&self, name: &str, surname: usize) -> bool {
        let head = advance(name, 0, surname);
        let given = &name[head..];
        self.jieba.has_word(given)
            && self.tagged_alone(&name[..head], |t| t == "p")
            && self.tagged_alone(given, |t| t == "t")
    }

    /// Returns true when a three-character word of the dictionary that it tags as a name is
    /// a word that is no name and a noun (银联 + 卡, 石景 + 山: jieba-rs tags 银联卡 and
    /// 石景山 `nr`), not someone's name (黄金 + 荣 is no word of the dictionary).
    fn word_and_noun(&self, name: &str, surname: usize) -> bool {
        if surname != 1 || !self.jieba.has_word(name) {
            return false;
        }
        let head = advance(name, 0, 2);
        self.jieba.has_word(&name[..head])
            && !self.listed_as_name(&name[..head])
            && self.tagged_alone(&name[head..], |t| t == "n")
    }

    /// Returns true when a candidate that a cue or a list supports may be a name: not a
    /// frequent word (`国务院副总理` is no name), nor a cue word itself (申请人反映: jieba-rs's
    /// dictionary tags 申请人 as a name) nor one and a character (任命为主任: 任命 + 为), and
    /// Chinese characters after the surname; nor a common word of three characters, however
    /// rare (种粮大户单季稻; see [`Self::common_word`]).
    fn cued(&self, candidate: &str, surname: usize) -> bool {
        let frequent = (self.word_freq(candidate) >= FREQUENT_WORD
            && !self.listed_as_name(candidate))
            || self.common_word(candidate);
        let pair = &candidate[..advance(candidate, 0, 2)];
        let cue_and_more = pair.len() < candidate.len() && self.cue_words.contains(pair);
        !frequent
            && !cue_and_more
            && candidate.chars().skip(surname).all(is_han)
            && !self.cue_words.contains(candidate)
    }

    /// Returns true when `word`, of three characters or more, is one the dictionary tags as a
    /// common word (单季稻, 保洁员, 党总支书记) rather than a name or a proper noun: jieba-rs
    /// tags many names `ns` (梁建国) or `nz` (刘彦彬). Not a word a compound surname opens
    /// (慕容家 is tagged an idiom), whose given name is a single character.
    fn common_word(&self, word: &str) -> bool {
        word.chars().nth(2).is_some()
            && self.surname_len(word) == 1
            && self.jieba.has_word(word)
            && self.tagged_alone(word, |t| !matches!(t, "nr" | "nrfg" | "nrt" | "ns" | "nz"))
    }

    /// Returns true when a segmented word reads as (part of) a name: tagged as one, or a
    /// listed given name (建国 of 于建国, which the segmenter tags as a verb).
    fn given_name_word(&self, t: &jieba_rs::Tag<'_>) -> bool {
        matches!(t.tag, "nr" | "nrfg") || self.given_names.contains(t.word)
    }

    /// Returns true when jieba's dictionary lists `word` as a personal name (李娜).
    fn listed_as_name(&self, word: &str) -> bool {
        self.tagged_alone(word, |t| matches!(t, "nr" | "nrfg"))
    }

    /// Returns true when jieba-rs reads `word` on its own as one word whose tag `accepts`
    /// (对 a preposition, 刚 an adverb, 李娜 a name).
    fn tagged_alone(&self, word: &str, accepts: impl Fn(&str) -> bool) -> bool {
        matches!(&self.jieba.tag(word, false)[..], [only] if accepts(only.tag))
    }

    /// Returns the product of the counts of the given-name characters of `name`.
    fn given_score(&self, name: &str, surname: usize) -> f64 {
        name.chars()
            .skip(surname)
            .map(|c| f64::from(self.given.get(&c).copied().unwrap_or(0)))
            .product()
    }

    /// Returns how often jieba's dictionary lists `word` as a word (0 when it does not).
    fn word_freq(&self, word: &str) -> usize {
        if self.jieba.has_word(word) { self.jieba.suggest_freq(word).saturating_sub(1) } else { 0 }
    }

    /// Returns true when personal data follows a name ending at `end`: `，身份证号`, `（家住`,
    /// `，男，` — the way list items and 任前 lines go on after a name.
    fn followed_by_personal_data(&self, text: &str, end: usize) -> bool {
        separator_at(text, end).is_some_and(|sep| self.opens_personal_data(&text[end + sep..]))
    }

    /// Returns true when the place where someone lives and then personal data follow a name
    /// ending at `end` (`王红梅，城关镇新华村，身份证号`), or the facts of a household that
    /// 低保 and 救助 lists give there: its size or its sum (`郑平，长塘村3组，家庭人口4人`,
    /// `，3人，`, `，900元`). Asked only of a name that opens its clause, the way such a record
    /// starts.
    fn followed_by_residence_and_data(&self, text: &str, end: usize) -> bool {
        let Some(sep) = separator_at(text, end) else { return false };
        let rest = &text[end + sep..];
        residence_clause(rest).is_some_and(|len| {
            let data = &rest[len..];
            self.opens_personal_data(data)
                || HOUSEHOLD_FACTS.iter().any(|w| data.starts_with(w))
                || counted_after(data)
        })
    }

    /// Returns true when `rest` opens with personal data: a field or address word, the
    /// sex of a 任前 line or a list (`男，`, `男 1950年2月`), or an age (`95岁`).
    fn opens_personal_data(&self, rest: &str) -> bool {
        let mut chars = rest.chars();
        let sex = matches!(chars.next(), Some('男' | '女'))
            && matches!(chars.next(), Some('，' | ',' | ')' | '）' | '、' | ' '));
        sex || aged(rest) || self.follow_words.starts(rest)
    }

    /// Returns true when a name cue (`户主`, `申请人：`) ends right before `at`.
    fn cue_before(&self, text: &str, at: usize) -> bool {
        let head = text[..at].trim_end_matches([' ', ':', '：']);
        self.cues_before.longest_end(head).is_some_and(|(start, id)| {
            // A kinship word counts where it starts a word, not inside 妇女儿童 or 夫妻子女;
            // so does 业主, not inside 企业主管.
            !self.word_cues[id] || !self.word_across(head, start)
        })
    }

    /// Returns true when a name cue (`同志`, `女士`) starts at `at`.
    fn cue_after(&self, text: &str, at: usize) -> bool {
        self.cues_after.starts(&text[at..])
    }

    /// Finds names listed with `、`, `，` or spaces (王建国、李秀英、赵敏等同志; 拟录用：张三 李四
    /// 王五): every item of a list is a name
    /// when a cue follows the list (`等同志`, `同志`, `等人`), when half its items are names
    /// already, or when it has three or more items that all look like names.
    /// A dotted name is an item whole (`王五、买买提·艾力、李四`).
    fn lists(
        &self,
        text: &str,
        accepted: &[(usize, usize)],
        dotted: &[(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        let commas = self.enumeration_commas.offsets(text);
        self.lists_joined_by(text, '、', commas, accepted, dotted, out);
        self.lists_joined_by(text, '，', self.commas.offsets(text), accepted, dotted, out);
        self.lists_joined_by(text, '及', self.conjunctions.offsets(text), accepted, dotted, out);
        self.lists_joined_by(text, '；', self.semicolons.offsets(text), accepted, dotted, out);
        for sep in [',', ' '] {
            let offsets = memchr::memchr_iter(sep as u8, text.as_bytes());
            self.lists_joined_by(text, sep, offsets, accepted, dotted, out);
        }
    }

    /// Finds the lists whose items `sep` joins; `offsets` are the byte offsets of `sep`.
    fn lists_joined_by(
        &self,
        text: &str,
        sep_char: char,
        offsets: impl Iterator<Item = usize>,
        accepted: &[(usize, usize)],
        dotted: &[(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        let sep_len = sep_char.len_utf8();
        // Dotted names are in text order and apart, so sorted by start and by end alike.
        let dotted_ending =
            |end: usize| dotted.binary_search_by_key(&end, |d| d.1).ok().map(|i| dotted[i]);
        let dotted_from =
            |start: usize| dotted.binary_search_by_key(&start, |d| d.0).ok().map(|i| dotted[i].1);
        let mut from = 0;
        for first_sep in offsets {
            if first_sep < from {
                continue;
            }
            // `，` and spaces also join clauses: there the first item is a whole run of
            // Chinese (`调查研究，` does not end in a name), and every item must look like one.
            let strict = !matches!(sep_char, '、' | '及');
            // There every item must read as a name, so a separator followed by no surname,
            // transliteration or dotted name opens no list: most commas of prose are settled
            // here, before the item before them is looked at. So is 及, which joins two
            // people only before a name (以及, 涉及, 及时 are words).
            // Items numbered on one line (`1.王红梅 2.李建设`, `1、王红梅；2、李建设`, `①王红梅
            // ②李建设`) open with their number after a space or `；`.
            let marker = |at: usize| {
                if matches!(sep_char, ' ' | '；') { item_marker_len(&text[at..]) } else { 0 }
            };
            let second = first_sep + sep_len;
            let second = second + marker(second);
            if (strict || sep_char == '及')
                && dotted_from(second).is_none()
                && !text[second..].chars().next().is_some_and(|c| {
                    self.flags.of(c) & (SURNAME | COMPOUND_FIRST | PART_FIRST) != 0
                })
            {
                continue;
            }
            // The items: the Han run before the first separator, then whole items.
            // A dotted name is an item whole (王五、买买提·艾力、李四).
            // An item may carry a note in brackets (曾繁荣（C级危房）、温秀珍): the note is
            // not part of the name, and the list goes on after it.
            // Or the sum paid to it (其中刘志强2000元、黄丽华3000元).
            // A space may part the sum from its name (`王红梅 500元 李建设 300元`).
            let first_end = counted_before(text, note_before(text, first_sep));
            let first_end = if first_end < first_sep && text[..first_end].ends_with(' ') {
                first_end - 1
            } else {
                first_end
            };
            let first =
                dotted_ending(first_end).or_else(|| self.first_item(text, first_end, strict));
            let Some(first) = first else { continue };
            let mut items = vec![first];
            let mut sep = first_sep;
            let mut last_end = first_sep;
            loop {
                // An item may open with the village group its resident is listed under
                // (王红梅、大坪村5组韩涵俊因学致困).
                let start = sep + sep_len;
                let start = start + marker(start);
                let start = start + village_group_len(&text[start..]).unwrap_or(0);
                let end = dotted_from(start).or_else(|| self.item_end(text, start, !strict));
                let Some(end) = end else { break };
                items.push((start, end));
                // 及 joins the last item of a list (王红梅、李国庆及张建华); it is as long as
                // 、 in UTF-8, so `sep_len` steps over either.
                let joined = |at: usize| {
                    text[at..].starts_with(sep_char)
                        || (sep_char == '、' && text[at..].starts_with('及'))
                };
                last_end = note_after(text, end);
                // A sum paid to the item may come before the next one (刘志强2000元、); a
                // count that closes the list is no such sum (王红梅、李国庆2户已脱贫).
                let counted = match text[last_end..].strip_prefix(' ').and_then(counted_len) {
                    Some(len) => last_end + 1 + len,
                    None => last_end + counted_len(&text[last_end..]).unwrap_or(0),
                };
                if joined(counted) {
                    last_end = counted;
                }
                if !joined(last_end) {
                    break;
                }
                sep = last_end;
            }
            from = last_end.max(first_sep + sep_len);
            if items.len() < 2 {
                continue;
            }
            // `accepted` is in text order and its names are short: only the few starting
            // just before an item's end can overlap it.
            let overlaps = |&(s, e): &(usize, usize)| {
                let i = accepted.partition_point(|a| a.0 < e);
                accepted[..i]
                    .iter()
                    .rev()
                    .take_while(|a| a.0 + MAX_NAME_BYTES >= s)
                    .any(|a| a.1 > s)
            };
            let is_dotted = |item: &(usize, usize)| dotted.binary_search(item).is_ok();
            let named = items.iter().filter(|i| is_dotted(i) || overlaps(i)).count();
            // Items that each follow their rank are people ranked (`第一名：刘萱霞；第二名：谢文豪`).
            let people = self.cue_after(text, last_end)
                || self.etc_people(text, last_end)
                || counted_people(text, last_end)
                || items.iter().all(|&(s, _)| ranked_before(text, s));
            // Items that each open with their village group are residents listed where
            // they live (河口村12组于艳、大坪村5组韩涵俊), names or no list at all.
            let residents =
                !strict && items.iter().all(|&(s, _)| ends_with_village_group(&text[..s]));
            // A list of people (a cue after it) with names in it, or one whose items are
            // mostly names, settles its items that word statistics alone would refuse
            // (孟金萱、东方红、董宇伟等3户; 授予黎明杰、戴安娜、司徒雷登、韦小宝…称号).
            let among_names = residents || (named > 0 && (people || 2 * named > items.len()));
            // Two people joined by 及 settle no blocklisted word (户主刘志强及万元户代表);
            // a word of the dictionary before a colon or a number is the key or the
            // attribute of the next field, not the next name of a list joined by `，`
            // (王红梅，居住地：…; 张德胜，党龄52年).
            let name_item = |&(s, e): &(usize, usize)| {
                let item = &text[s..e];
                self.list_item_is_name(item, among_names)
                    && !(sep_char == '及' && self.blocked(item))
                    && !(strict
                        && text[e..]
                            .starts_with(|c: char| matches!(c, '：' | ':') || c.is_ascii_digit())
                        && self.jieba.has_word(item)
                        && !self.listed_as_name(item))
            };
            let plausible: Vec<bool> = items.iter().map(|i| is_dotted(i) || name_item(i)).collect();
            // A cue after the list (同志) speaks for its last item, and for the list only
            // when that item looks like a name (各位代表、各位同志).
            let cue = people && plausible.last() == Some(&true);
            let majority = cue || residents || 2 * named >= items.len();
            if !majority && items.len() < 3 {
                continue;
            }
            let all_plausible = plausible.iter().all(|&p| p);
            if strict && !all_plausible {
                continue;
            }
            // Without a cue or named neighbours, three items that all look like names and
            // none of which is a dictionary word (来电、来信、来访 are words).
            let unknown = || items.iter().all(|&(s, e)| self.unknown_word(&text[s..e]));
            if !(majority || (items.len() >= 3 && all_plausible && unknown())) {
                continue;
            }
            for (&(start, end), &ok) in items.iter().zip(&plausible) {
                if ok && !is_dotted(&(start, end)) {
                    let e = explain(&["surname and given name", "listed with other names"], None);
                    let surname = self.kept_prefix(&text[start..end]);
                    out.push(self.candidate(text, start, end, surname, 0.8, "person_name.list", e));
                }
            }
        }
    }

    /// Returns true when an item read as a name is no word of the dictionary, or one it
    /// lists as a name (来电、来信、来访 are words; 李娜 is a name).
    fn unknown_word(&self, item: &str) -> bool {
        !self.jieba.has_word(item) || self.listed_as_name(item) || self.parts.whole(item)
    }

    /// Returns true when `等` closes a list of people at `at`: `等同志`, `等人`, `等3人`,
    /// `等户` (`来电、来信等方式` is not one).
    fn etc_people(&self, text: &str, at: usize) -> bool {
        let Some(rest) = text[at..].strip_prefix('等') else { return false };
        rest.starts_with(['人', '户', '名', '位'])
            || counted_people(rest, 0)
            || self.cue_after(text, text.len() - rest.len())
    }

    /// Returns the first item of a list ending at `sep`: the last 3, 2 or 4 (compound
    /// surname) characters of the Chinese run before it that start with a surname.
    /// With `whole`, the item is the whole run or nothing (most separators of running text
    /// follow longer runs, and are settled by the count alone).
    fn first_item(&self, text: &str, sep: usize, whole: bool) -> Option<(usize, usize)> {
        if let Some(start) = self.transliterated_item_before(text, sep, whole) {
            return Some((start, sep));
        }
        // Starts of the last five characters, nearest first (most separators follow no
        // Chinese at all: digits, table pipes).
        let mut run = [0usize; 5];
        let len = han_starts_before(text, sep, &mut run);
        if whole && !(2..=4).contains(&len) {
            return None;
        }
        let sizes: &[usize] = if whole { &[len] } else { &[3, 2, 4] };
        sizes.iter().copied().filter(|&n| n <= len.min(4)).find_map(|n| {
            let start = run[n - 1];
            let item = &text[start..sep];
            let mut chars = item.chars();
            let first = chars.next()?;
            // The flags settle most items before a compound surname is looked up.
            let flags = self.flags.of(first);
            let compound = flags & COMPOUND_FIRST != 0
                && n >= 3
                && chars.next().is_some_and(|second| self.compound.contains(&(first, second)));
            let ok = compound || (flags & SURNAME != 0 && n <= 3);
            ok.then(|| (self.compound_start(text, (start, first), n, &run[n..len]), sep))
        })
    }

    /// Returns where a name item of `n` characters starting at `start` begins when the
    /// characters before it and its first make a compound surname that does not end a word
    /// the dictionary counts ten times or more (`公司马建国、`: 马建国; `拟选聘上官敏涵、`: 聘上
    /// is counted 4 times): the character before a three-character item (`三组欧阳桂英、`:
    /// 欧阳桂英, not 阳桂英), or the two before a two-character one (`，令狐金浩、`: 令狐金浩, not
    /// 金浩). `earlier` holds the starts of the characters before `start`, nearest first.
    fn compound_start(
        &self,
        text: &str,
        (start, first_char): (usize, char),
        n: usize,
        earlier: &[usize],
    ) -> usize {
        let char_at = |at: usize| text[at..].chars().next().unwrap_or(' ');
        let compound = |first: usize, second: char| {
            let a = char_at(first);
            self.flags.of(a) & COMPOUND_FIRST != 0
                && self.compound.contains(&(a, second))
                && pair_across(text, first).is_none_or(|w| self.word_freq(w) < RARE_WORD)
        };
        // Most characters are no second character of a compound: one table lookup each.
        let second = |c: char| self.flags.of(c) & COMPOUND_SECOND != 0;
        match (n, earlier) {
            (3, [before, ..]) if second(first_char) && compound(*before, first_char) => *before,
            (2, [at, first, ..]) => {
                let c = char_at(*at);
                if second(c) && compound(*first, c) { *first } else { start }
            }
            _ => start,
        }
    }

    /// Returns the start of the longest transliterated name (古丽努尔, 吐尔逊江) that ends the
    /// Chinese run before `sep`; with `whole`, the run must be that name.
    fn transliterated_item_before(&self, text: &str, sep: usize, whole: bool) -> Option<usize> {
        let last = text[..sep].chars().next_back()?;
        if self.flags.of(last) & PART_LAST == 0 {
            return None;
        }
        // Starts of the run's last characters, nearest first; one more than a name holds
        // (with its suffix) tells whether the run is longer.
        let mut starts = [0usize; MAX_RUN_CHARS + 2];
        let len = han_starts_before(text, sep, &mut starts);
        if whole {
            let start = starts[len.checked_sub(1)?];
            return (len <= MAX_RUN_CHARS + 1 && self.parts.whole(&text[start..sep]))
                .then_some(start);
        }
        starts[..len.min(MAX_RUN_CHARS + 1)]
            .iter()
            .rev()
            .copied()
            .find(|&start| self.parts.whole(&text[start..sep]))
    }

    /// Returns the end of a list item starting at `start`: 2 to 4 Chinese characters ended by
    /// `、`, `等`, a name cue, a count of people (`二人`) or anything not Chinese; a
    /// transliterated name may be longer (阿不都热合曼). With `run_on`, an item that
    /// nothing ends is cut where segmentation ends it (see `item_end_segmented`); lists
    /// joined by commas or spaces, which also join clauses, take whole items only.
    fn item_end(&self, text: &str, start: usize, run_on: bool) -> Option<usize> {
        if let Some(first) = text[start..].chars().next()
            && self.flags.of(first) & PART_FIRST != 0
            && let Some(run) = self.parts.run(&text[start..])
        {
            let suffixed = start + NameParts::with_suffix(&text[start..], run);
            if let Some(end) =
                [suffixed, start + run.len].into_iter().find(|&end| self.ends_name(text, end))
            {
                return Some(end);
            }
        }
        let mut end = start;
        for (n, c) in text[start..].chars().take(5).enumerate() {
            if n >= 2
                && (c == '等'
                    || c == '、'
                    || !is_han(c)
                    || self.cue_after(text, end)
                    || counted_people(text, end))
            {
                return Some(end);
            }
            if !is_han(c) {
                return None;
            }
            if n == 4 {
                return if run_on { self.item_end_segmented(text, start) } else { None };
            }
            end += c.len_utf8();
        }
        (text[start..end].chars().count() >= 2 && end == text.len()).then_some(end)
    }

    /// Returns the end of a list item starting at `start` that runs on into the sentence
    /// with nothing to end it (`拟将张炯、李芃生、王鲲纳入低保`), from the segmentation of
    /// what follows: the words that make the surname and one or two more characters, the
    /// surname's own word and the next (王/红梅, 东方/林) and then single characters that are
    /// no grammatical word (陆金/霞/纳入, not 王明/在/家). Not a place cut from its suffix
    /// the same way (龙潭/村一组), a word of the dictionary (陆登庭及哈佛各学院院长) unless it
    /// lists it as a name, nor, with nothing to mark its end, a given name of two characters
    /// that is a frequent word (及时缴纳: 时 + 缴纳) and no listed given name — unless the
    /// village group a resident is listed under opens the item (大坪村5组夏桂林因病…).
    fn item_end_segmented(&self, text: &str, start: usize) -> Option<usize> {
        let window_end = window_end(text, start, RESEGMENTED_AFTER);
        let surname = self.surname_len(&text[start..window_end]);
        let (mut chars, mut item_end) = (0, start);
        let tags = self.jieba.tag(&text[start..window_end], true);
        for t in &tags {
            let n = t.word.chars().count();
            let needed = chars <= surname;
            let single = n == 1 && !is_function_tag(t.tag);
            if !(needed || single) || chars + n > surname + 2 {
                break;
            }
            chars += n;
            item_end = start + t.byte_end;
        }
        // The last item's third character joined to the preposition after it (肖冬发为银坑镇
        // 护林员: 肖冬/nr 发为/v), as after a cue (see `joined_to_preposition`), where the
        // pair is no frequent word (not 李明成为代表: 成为).
        if chars == surname + 1
            && let Some(next) = tag_starting_at(&tags, start, item_end)
            && let Some(c) = next.word.chars().next()
            && next.word.chars().count() == 2
            && self.word_freq(next.word) < FREQUENT_WORD
            && self.joined_to_preposition(next.word, c)
        {
            chars += 1;
            item_end += c.len_utf8();
        }
        let next = text[item_end..].chars().next();
        let item = &text[start..item_end];
        let given = &item[advance(item, 0, surname)..];
        (chars > surname
            && !next.is_some_and(|c| PLACE_SUFFIXES.contains(c))
            && (chars == surname + 1
                || self.given_names.contains(given)
                || ends_with_village_group(&text[..start])
                || self.word_freq(given) < GIVEN_WORD_FREQ)
            && self.unknown_word(item))
        .then_some(item_end)
    }

    /// Returns true when a list item can be a name: a surname and given-name characters,
    /// and, unless the list is one of people with names in it, neither a blocklisted word
    /// nor a frequent one.
    fn list_item_is_name(&self, item: &str, among_names: bool) -> bool {
        if self.parts.whole(item) {
            return true;
        }
        // A list of places is none of names (关帝庙、文昌宫、白马寺; 王家坪、张家湾), and a
        // village or township among names is a place still (`梅关村 黄土生户；梅林村 卢三妹户`);
        // so is a day among names a day (`周二 谢金莲，周三 刘三妹`: jieba-rs tags 周三 a time).
        if item.ends_with(['村', '乡', '组', '屯'])
            || (item.chars().nth(2).is_none() && self.tagged_alone(item, |t| t == "t"))
        {
            return false;
        }
        if !among_names
            && (item.chars().next_back().is_some_and(|c| PLACE_SUFFIXES.contains(c))
                || family_place(item, None))
        {
            return false;
        }
        let surname = self.surname_len(item);
        let Some(first) = item.chars().next() else { return false };
        let starts = surname == 2 || self.flags.of(first) & SURNAME != 0;
        let n = item.chars().count();
        // Among names, an organization that the dictionary lists is none either
        // (王冶坪、国务院副总理…: 国 is a surname); asked last, of items that read as names.
        starts
            && (surname + 1..=surname + 2).contains(&n)
            && item.chars().skip(surname).all(|c| self.may_be_given(c) || c == '某')
            && (among_names || (!self.blocked(item) && self.cued(item, surname)))
            && !(self.jieba.has_word(item) && self.tagged_alone(item, |t| t == "nt"))
    }

    /// Finds names written with a middle dot (买买提·艾力) in running text, and returns
    /// their spans. The parts are transliterated, so the segmenter tells where they end:
    /// the word touching each side of a dot belongs to the name, and so do the words next
    /// to it that may be parts of names (村民 / 买买提·艾力 / 申请, 总统 / 亚历山大·…).
    fn dotted(
        &self,
        text: &str,
        structure: &Structure,
        out: &mut Vec<Candidate>,
    ) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut from = 0;
        let mut taken: Option<Spans> = None;
        for dot in self.middle_dots.offsets(text) {
            if dot < from
                || structure.label_at(dot, dot).is_some_and(|l| l.kind == FieldKind::PersonName)
            {
                continue;
            }
            let Some((start, end)) = self.dotted_name(text, dot) else { continue };
            from = end;
            // What other recognizers found stays theirs (built once, at the first name).
            let taken = taken.get_or_insert_with(|| Spans::new(out));
            if taken.overlaps(start, end) {
                continue;
            }
            let e = explain(&["transliterated name joined by a middle dot"], None);
            out.push(self.candidate(text, start, end, 0, 0.75, "person_name.dotted", e));
            spans.push((start, end));
        }
        spans
    }

    /// Returns the span of the name whose first dot is at `dot`, when both sides hold a
    /// part of two characters or more.
    fn dotted_name(&self, text: &str, dot: usize) -> Option<(usize, usize)> {
        const DOT: usize = '·'.len_utf8();
        // The Chinese run on each side, dots included on the right (阿卜杜热合曼·买买提·艾力).
        let before: usize = text[..dot]
            .chars()
            .rev()
            .take_while(|&c| is_han(c))
            .take(MAX_DOT_PART + WINDOW_BEFORE)
            .map(char::len_utf8)
            .sum();
        let after: usize = text[dot..]
            .chars()
            .take_while(|&c| is_han(c) || c == '·')
            .take(MAX_DOT_NAME + WINDOW_AFTER)
            .map(char::len_utf8)
            .sum();
        let base = dot - before;
        let tags = self.jieba.tag(&text[base..dot + after], true);
        let first_right = tags.iter().position(|t| base + t.byte_start == dot)?;
        // The words touching the dot: one must read as a name, and neither may be a frequent
        // word that is none (首页·政务公开, 单价·数量 are headings, not names).
        let touching = [first_right.checked_sub(1).map(|i| &tags[i]), tags.get(first_right + 1)];
        let [Some(left), Some(right)] = touching else { return None };
        if tags[first_right].word != "·"
            || !(self.reads_as_name(left) || self.reads_as_name(right))
            || self.frequent_non_name(left)
            || self.frequent_non_name(right)
        {
            return None;
        }
        let count = |s: usize, e: usize| text[s..e].chars().count();
        // Leftwards from the dot: the word touching it (and the next if that leaves a part of
        // one character: 曼 of 阿卜杜热合曼), then the words that may continue the part.
        let mut start = dot;
        for (n, t) in tags[..first_right].iter().rev().enumerate() {
            let s = base + t.byte_start;
            let whole = n > 0 && count(start, dot) >= 2;
            if count(s, dot) > MAX_DOT_PART || (whole && !self.may_continue_dotted(t)) {
                break;
            }
            start = s;
        }
        // Rightwards, part after part; the name ends after its last part of two characters.
        let mut end = dot;
        let (mut part, mut part_end) = (dot + DOT, dot + DOT);
        // A listed part that the segmenter joined to the word after it (热合曼系: 热合 + 曼系)
        // ends where the list says.
        let listed_end = |part: usize, part_end: usize| {
            let run = self.parts.run(&text[part..dot + after]).map_or(0, |r| r.len);
            part_end.max(part + run)
        };
        for t in &tags[first_right + 1..] {
            let (s, e) = (base + t.byte_start, base + t.byte_end);
            if t.word == "·" {
                part_end = listed_end(part, part_end);
                if count(part, part_end) < 2 {
                    break;
                }
                end = part_end;
                (part, part_end) = (e, e);
                continue;
            }
            let whole = s > part && count(part, s) >= 2;
            if count(part, e) > MAX_DOT_PART || (whole && !self.may_continue_dotted(t)) {
                break;
            }
            part_end = e;
        }
        part_end = listed_end(part, part_end);
        if count(part, part_end) >= 2 {
            end = part_end;
        }
        (count(start, dot) >= 2 && end > dot && count(start, end) <= MAX_DOT_NAME)
            .then_some((start, end))
    }

    /// Returns true when the segmenter reads `t` as a name: tagged as one, or a word its
    /// dictionary does not know (made up by its model for unknown words: 艾尔肯, 阿不都).
    fn reads_as_name(&self, t: &jieba_rs::Tag<'_>) -> bool {
        t.tag.starts_with("nr") || !self.jieba.has_word(t.word) || self.parts.whole(t.word)
    }

    /// Returns true for a frequent word of jieba's dictionary that is neither a name nor a
    /// place (亚历山大 is tagged as a place).
    fn frequent_non_name(&self, t: &jieba_rs::Tag<'_>) -> bool {
        !t.tag.starts_with("nr") && t.tag != "ns" && self.word_freq(t.word) >= FREQUENT_WORD
    }

    /// Returns true when a word next to a part of a dotted name may continue it: a word
    /// tagged as a name, a word unknown to the dictionary that its model reads as a noun,
    /// or a single character that is no frequent grammatical word (买 and 提 of 艾合买提,
    /// not 是 nor 的). Dictionary words of other kinds end it, rare ones too (经查,
    /// 符合条件), and so do unknown words read otherwise (现将).
    fn may_continue_dotted(&self, t: &jieba_rs::Tag<'_>) -> bool {
        if self.parts.whole(t.word) {
            return true;
        }
        if t.word.chars().count() == 1 {
            return self.word_freq(t.word) < FUNCTION_CHAR_FREQ
                && !matches!(t.tag, "p" | "c")
                && !t.tag.starts_with('u');
        }
        t.tag.starts_with("nr") || (t.tag.starts_with('n') && !self.jieba.has_word(t.word))
    }
}

/// The spans of candidates, for overlap tests in logarithmic time: sorted by start, with
/// the furthest end reached so far (candidates of different kinds may overlap).
struct Spans {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Spans {
    fn new(candidates: &[Candidate]) -> Self {
        let mut spans: Vec<(usize, usize)> = candidates.iter().map(|c| (c.start, c.end)).collect();
        // Each recognizer's candidates come in text order: a few sorted runs, which the
        // stable sort finds and merges (the unstable one sorted them afresh).
        spans.sort();
        let furthest_end = spans
            .iter()
            .scan(0, |furthest, &(_, end)| {
                *furthest = end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Spans { starts: spans.iter().map(|s| s.0).collect(), furthest_end }
    }

    /// Returns true when a span overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.furthest_end[before_end - 1] > start
    }
}

/// Returns the tag of the word that starts at byte `at` of the text, in the tags of a
/// window starting at `base` (binary search: the tags are in text order).
fn tag_starting_at<'t>(
    tags: &'t [jieba_rs::Tag<'t>],
    base: usize,
    at: usize,
) -> Option<&'t jieba_rs::Tag<'t>> {
    let i = tags.partition_point(|t| base + t.byte_start < at);
    tags.get(i).filter(|t| base + t.byte_start == at)
}

/// Returns true for the jieba tags of words that do not begin names: prepositions,
/// conjunctions, particles, adverbs, pronouns, verbs and localizers.
fn is_function_tag(tag: &str) -> bool {
    matches!(tag, "p" | "c" | "u" | "d" | "r" | "v" | "uj" | "ul" | "f")
}

/// Returns true when `at..end` is the whole of a salutation line (`秦建玉：`): the person a
/// notice is served on (送达, 告知书), by name alone on its line before a colon.
fn salutation(text: &str, at: usize, end: usize) -> bool {
    let line_start = text[..at].trim_end_matches(' ');
    let after = text[end..].strip_prefix(['：', ':']).map(|rest| rest.trim_start_matches(' '));
    (line_start.is_empty() || line_start.ends_with('\n'))
        && after.is_some_and(|rest| rest.is_empty() || rest.starts_with(['\n', '\r']))
}

/// Returns true when a count of people starts at `at`: `二人`, `两户`, `3名`, `十位`.
fn counted_people(text: &str, at: usize) -> bool {
    // Asked at every character that could end a list item: most are no numeral, and the
    // first test settles them.
    let mut numerals = 0;
    for c in text[at..].chars() {
        match c {
            '0'..='9'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十' => {
                numerals += 1;
            }
            '人' | '户' | '名' | '位' => return numerals > 0,
            _ => return false,
        }
    }
    false
}

/// Returns true when `name`, followed by `next`, is or starts a place named by a family: a
/// natural village of a family, 家 and the land — it ends in 家 and a land suffix (张家湾),
/// or in 家 before one (杨家 of 杨家堡) —, or a family's building (朱家 of 朱家祠堂, 李家大院).
fn family_place(name: &str, next: Option<char>) -> bool {
    let mut tail = name.chars().rev();
    let land = |c: Option<char>| c.is_some_and(|c| LAND_SUFFIXES.contains(c));
    match (tail.next(), tail.next()) {
        (Some('家'), _) => land(next) || next.is_some_and(|c| FAMILY_BUILDINGS.contains(c)),
        (last, Some('家')) => land(last),
        _ => false,
    }
}

/// Returns the length of the separator at `at` that personal data after a name opens with
/// (`，` `,` `(` `（` or a space), if there is one.
#[inline]
fn separator_at(text: &str, at: usize) -> Option<usize> {
    let c = text[at..].chars().next()?;
    matches!(c, '，' | ',' | '(' | '（' | ' ').then_some(c.len_utf8())
}

/// Returns the Chinese character before `at` and the character at `at`, when there are both.
fn pair_across(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].chars().next_back().filter(|&c| is_han(c))?;
    let after = text[at..].chars().next()?;
    Some(&text[at - before.len_utf8()..at + after.len_utf8()])
}

/// Returns true when `rest` opens with an age (`95岁，`, `62岁 住…`), not a bound of one
/// (`60岁以上`, `3岁至6岁`).
fn aged(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && rest[digits..]
            .strip_prefix('岁')
            .is_some_and(|after| !after.starts_with(['以', '至', '到', '及', '-', '—', '~', '～']))
}

/// Characters that end the names of fields, hollows and hills under a village
/// (`铁山垅村黄竹坑`, `石门岭`), beyond those of family villages ([`LAND_SUFFIXES`]).
const FIELD_PLACE_ENDS: &str = "坑垅垄岭岗山";

/// Returns true when the land or village after a word that ends at `end` names a place
/// with it, where a name segmented alone is the place's first part: a suffix of
/// [`LAND_SUFFIXES`] or [`FIELD_PLACE_ENDS`] that closes the phrase (`黄竹坑，`: 黄竹/nr),
/// or 村, 乡 or 屯 other than of 村民 and 村委会, which follow people too (`李家坊村、`:
/// 李家/nrfg 坊).
fn land_after(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    match rest.next() {
        Some('村' | '乡' | '屯') => !matches!(rest.next(), Some('民' | '委')),
        Some(c) if LAND_SUFFIXES.contains(c) || FIELD_PLACE_ENDS.contains(c) => {
            rest.next().is_none_or(|c| !is_han(c))
        }
        _ => false,
    }
}

/// Returns true when a date follows `end` after 于 (`经查，王红梅于2026年3月…`, `于2026.3`,
/// `于3月5日前`): what a person did, and when, as a decision's facts tell it, or by when
/// a notice asks it. A number that is no year nor a month and day (`位于312国道`) is no date.
fn dated(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix('于') else { return false };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let year = digits(rest);
    if year == 4 {
        return rest[year..].starts_with(['年', '.', '-', '/']);
    }
    let Some(day) = (1..=2).contains(&year).then(|| rest[year..].strip_prefix('月')).flatten()
    else {
        return false;
    };
    (1..=2).contains(&digits(day)) && day[digits(day)..].starts_with('日')
}

/// Returns true when `at` opens a clause: the text or a line starts there, or punctuation,
/// a digit or a space comes before it — not a Chinese character (the byte before a Chinese
/// character is a continuation byte; before full-width punctuation, EF or E3 80 lead).
fn opens_clause(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    at == 0
        || bytes[at - 1] < 0x80
        || (at >= 3 && (bytes[at - 3] == 0xEF || bytes[at - 3..at - 1] == [0xE3, 0x80]))
}

/// Returns the length of a clause naming where someone lives and of the comma after it, at
/// the start of `rest`: up to [`MAX_RESIDENCE_CHARS`] Chinese characters and digits ending
/// in a village, group, township or door suffix (`城关镇新华村，`, `红星村3组，`). Offices
/// (`县民政局，`) are none.
fn residence_clause(rest: &str) -> Option<usize> {
    // Most clauses after a name run longer or end elsewhere: the comma is looked for by its
    // bytes (`，` is EF BC 8C) and the suffix before it tested before any character is.
    let bytes = &rest.as_bytes()[..rest.len().min(3 * MAX_RESIDENCE_CHARS + 1)];
    let comma = bytes.iter().enumerate().find_map(|(i, &b)| match b {
        b',' => Some((i, 1)),
        0x8C if i >= 2 && bytes[i - 2..i] == [0xEF, 0xBC] => Some((i - 2, 3)),
        _ => None,
    })?;
    let clause = &rest[..comma.0];
    let suffix = clause.chars().next_back()?;
    (RESIDENCE_SUFFIXES.contains(suffix)
        && clause.chars().all(|c| is_han(c) || c.is_ascii_digit())
        && clause.chars().count() <= MAX_RESIDENCE_CHARS)
        .then_some(comma.0 + comma.1)
}

/// Conjunctions that join a party to the next (上诉人韩斌雨与被上诉人…: 韩斌/nr 雨/n 与/p):
/// like a word of two characters, they close a name whose last character the segmenter
/// left alone.
const CONJUNCTIONS_AFTER_NAME: [&str; 3] = ["与", "和", "及"];

/// Words of a household's size that a 低保 or 救助 record gives after where it lives.
const HOUSEHOLD_FACTS: [&str; 4] = ["家庭人口", "保障人口", "保障人数", "共同生活"];

/// Units of the sums, counts and houses that follow a name (`刘志强2000元`, `1.2万元`,
/// `65岁`, `3人`, `120平方米`, `3间`), longest first. Not weights, fields or plants
/// (`其中杨梅500斤`, `田七5亩`, `杨树苗1000株`): crops are listed the same way.
const NAME_UNITS: [&str; 9] = ["平方米", "万元", "千元", "元", "岁", "人", "户", "口", "间"];

/// Returns true when `rest` opens with a sum or a count of [`NAME_UNITS`], not an account
/// or an ID number.
fn counted_after(rest: &str) -> bool {
    counted_len(rest).is_some()
}

/// Returns the length in bytes of the number of 1 to 12 digits (and their points and
/// commas) that opens `rest` and the unit of [`NAME_UNITS`] after it (`2000元`, `1.5万元`).
fn counted_len(rest: &str) -> Option<usize> {
    let digits =
        rest.bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b',')).count();
    // Amounts and counts are short; a long run of digits is a number of its own.
    if !(1..=12).contains(&digits) {
        return None;
    }
    let unit = NAME_UNITS.iter().find(|u| rest[digits..].starts_with(*u))?;
    Some(digits + unit.len())
}

/// Returns true when `rest` opens with a sum or count of [`NAME_UNITS`] in brackets, the
/// way 低保 lists give a household's size or sum after its head's name (`钟文华（4人）`).
fn counted_in_brackets(rest: &str) -> bool {
    rest.strip_prefix('(')
        .and_then(|inner| Some(&inner[counted_len(inner)?..]))
        .is_some_and(|after| after.starts_with(')'))
}

/// Returns where the sum or count that ends at `end` starts (`王红梅2000元、`), or `end`
/// when none does; the mirror of [`counted_len`].
fn counted_before(text: &str, end: usize) -> usize {
    // Asked before every separator: most follow no digit one, two or three (three-byte)
    // characters back, settled by three byte tests.
    let bytes = text.as_bytes();
    let digit_at = |back: usize| end >= back && bytes[end - back].is_ascii_digit();
    if !digit_at(4) && !digit_at(7) && !digit_at(10) {
        return end;
    }
    let head = &text[..end];
    let Some(unit) = NAME_UNITS.iter().find(|u| head.ends_with(*u)) else { return end };
    let number = &head[..end - unit.len()];
    let digits =
        number.bytes().rev().take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b',')).count();
    if (1..=12).contains(&digits) { end - unit.len() - digits } else { end }
}

/// Returns true when `head` ends with a village group: 村, a number, 组 (`新华村3组`).
fn ends_with_village_group(head: &str) -> bool {
    let Some(rest) = head.strip_suffix('组') else { return false };
    let number = rest.trim_end_matches(is_numeral);
    number.len() < rest.len() && number.ends_with('村')
}

/// Returns the length in bytes of the village group that opens `rest` (`大坪村5组`,
/// `柏树村八组`): up to four Chinese characters and 村, a number, 组.
fn village_group_len(rest: &str) -> Option<usize> {
    let village = rest.char_indices().take(5).skip(1).find(|&(_, c)| c == '村' || !is_han(c));
    let (at, '村') = village? else { return None };
    let after = at + '村'.len_utf8();
    group_after_village(&rest[after..]).map(|group| after + group)
}

/// Returns the length in bytes of the number that opens an item of a list on one line, at
/// the start of `rest`: a list number as one opens a line (`2.`, `（2）`, `二、`, `②`: see
/// [`list_marker_end`]), a rank (`第二名：`), or, between items on one line only, one or two
/// bare digits and the space after them (`1王红梅 2李建设`, `1 王红梅 2 李建设`); 0 when there
/// is none.
fn item_marker_len(rest: &str) -> usize {
    if let Some(len) = list_marker_end(rest) {
        return len;
    }
    // A rank (`第一名：钟雨欣；第二名：刘文华`).
    if let Some(len) = rank_len(rest) {
        return len;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        digits + usize::from(rest[digits..].starts_with(' '))
    } else {
        0
    }
}

/// Returns the length in bytes of the rank that opens `rest` and the colon or space after
/// it (`第二名：`, `第2名 `).
fn rank_len(rest: &str) -> Option<usize> {
    let rank = rest.strip_prefix('第')?;
    let n: usize =
        rank.chars().take_while(|&c| c.is_ascii_digit() || is_numeral(c)).map(char::len_utf8).sum();
    let after = rank[n..].strip_prefix('名').filter(|_| n > 0)?;
    let colon = after.chars().next().filter(|c| matches!(c, '：' | ':' | ' '));
    Some(rest.len() - after.len() + colon.map_or(0, char::len_utf8))
}

/// Returns true when a rank ([`rank_len`]) ends right before `start`.
fn ranked_before(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(MAX_RANK_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..start];
    let Some(from) = head.rfind('第') else { return false };
    rank_len(&head[from..]) == Some(head.len() - from)
}

/// Longest rank [`ranked_before`] looks back for (`第十二名：`), in bytes.
const MAX_RANK_BYTES: usize = 18;

/// Returns true for a digit or a star next to a name: a name glued to a number is not read
/// from running text, since its mask stars would join the number (`李*3501…`).
fn glues(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || c == '*')
}

/// Accepts a surname followed by `某` or stars (张某某, 王*): a name already masked.
fn pseudonym(text: &str, p: &Pending) -> Option<(usize, f32, &'static str, Explanation)> {
    let surname_end = advance(text, p.at, p.surname);
    let masked: usize =
        text[surname_end..].chars().take(2).take_while(|&c| c == '某' || c == '*').count();
    (masked > 0).then(|| {
        let end = advance(text, surname_end, masked);
        let e = explain(&["surname followed by 某 or stars"], None);
        (end, 0.8, "person_name.pseudonym", e)
    })
}

/// Returns the segmenter after one tagging of an unknown word: jieba-rs loads its POS model
/// on first use, which would otherwise land on the first document scanned (~50 ms).
fn warmed_up(jieba: Jieba) -> Jieba {
    let _ = jieba.tag("郑萱刚同志", true);
    jieba
}

/// Returns true for a value that can be a name: 2 to 4 Chinese characters (spaces inside
/// allowed), a name with `·`, or a surname followed by stars or 某.
fn looks_like_name(value: &str) -> bool {
    let chars: Vec<char> = value.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(&first) = chars.first() else { return false };
    if !is_han(first) {
        return false;
    }
    if chars.contains(&'·') {
        return chars.len() <= MAX_DOT_NAME && chars.iter().all(|&c| c == '·' || is_han(c));
    }
    (2..=4).contains(&chars.len()) && chars[1..].iter().all(|&c| is_han(c) || is_text_mask_char(c))
}

/// Returns the byte offset `n` characters after `at`.
fn advance(text: &str, at: usize, n: usize) -> usize {
    debug_assert!(text.is_char_boundary(at));
    // Widths read from lead bytes: this runs several times for every candidate, and
    // decoding the characters only to measure them was a visible part of the name pass.
    let bytes = text.as_bytes();
    let mut end = at;
    for _ in 0..n {
        let Some(&lead) = bytes.get(end) else { break };
        end += utf8_width(lead);
    }
    end
}

/// Longest note in brackets after a list item (`（C级危房）`, `(户主)`), in characters.
const MAX_NOTE: usize = 16;

/// Returns the end of a bracketed note that starts at `at` (`（C级危房）`), or `at` when
/// none does: a note closes on the same line within [`MAX_NOTE`] characters.
fn note_after(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    if !rest.starts_with(['（', '(']) {
        return at;
    }
    for (i, c) in rest.char_indices().skip(1).take(MAX_NOTE) {
        match c {
            '）' | ')' => return at + i + c.len_utf8(),
            '\n' | '（' | '(' => break,
            _ => {}
        }
    }
    at
}

/// Returns where a bracketed note that ends at `end` starts (`曾繁荣（C级危房）`), or `end`
/// when none does; the mirror of [`note_after`].
fn note_before(text: &str, end: usize) -> usize {
    let head = &text[..end];
    if !head.ends_with(['）', ')']) {
        return end;
    }
    for (i, c) in head.char_indices().rev().skip(1).take(MAX_NOTE) {
        match c {
            '（' | '(' => return i,
            '\n' | '）' | ')' => break,
            _ => {}
        }
    }
    end
}

/// Quotation marks around a name (`“钟文华”同志`) or an honour (`“文明家庭”`).
const OPENING_QUOTES: [char; 3] = ['“', '"', '「'];
const CLOSING_QUOTES: [char; 3] = ['”', '"', '」'];

/// The cues of a boundary (四至) of land or a house, before the neighbour's name
/// (`东至谢国平田`, `西邻刘建国房屋`; see [`PersonName::boundary_owner`]).
const BOUNDARY_CUES: [&str; 8] = ["东至", "南至", "西至", "北至", "东邻", "南邻", "西邻", "北邻"];

/// Returns true when `head` ends with a boundary's cue ([`BOUNDARY_CUES`]).
fn after_boundary_cue(head: &str) -> bool {
    head.ends_with(['至', '邻']) && BOUNDARY_CUES.iter().any(|cue| head.ends_with(cue))
}

/// What a neighbour owns along a boundary, right after the name, the longest first.
const BOUNDARY_LAND: [&str; 24] = [
    "宅基地",
    "承包地",
    "责任田",
    "自留地",
    "自留山",
    "房屋",
    "住宅",
    "山林",
    "林地",
    "菜地",
    "耕地",
    "水田",
    "旱地",
    "田",
    "地",
    "屋",
    "房",
    "宅",
    "山",
    "墙",
    "园",
    "塘",
    "坟",
    "界",
];

/// Returns the byte window segmented around a candidate at `at`: a few characters each
/// side, not across line breaks or sentence ends.
fn window(text: &str, at: usize) -> (usize, usize) {
    let mut start = at;
    for c in text[..at].chars().rev().take(WINDOW_BEFORE) {
        if window_stop(c) {
            break;
        }
        start -= c.len_utf8();
    }
    (start, window_end(text, at, WINDOW_AFTER))
}

/// Returns where a window that runs `chars` characters from `at` ends.
fn window_end(text: &str, at: usize, chars: usize) -> usize {
    let mut end = at;
    for c in text[at..].chars().take(chars) {
        if window_stop(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// Returns true for the characters that end a window: line breaks, sentence ends, cells.
fn window_stop(c: char) -> bool {
    matches!(c, '\n' | '。' | '；' | ';' | '！' | '？' | '\t' | '|')
}

#[cfg(test)]
mod tests {
    use super::{advance, opens_clause};
    use crate::detect::tests::detect;
    use crate::kind::PiiKind;
    use crate::text::is_han;

    fn names(text: &str) -> Vec<String> {
        detect(text)
            .into_iter()
            .filter(|(k, ..)| *k == PiiKind::PersonName)
            .map(|(_, v, _)| v)
            .collect()
    }

    fn assert_no_names(text: &str) {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }

    #[test]
    fn every_cue_after_a_name_passes_the_first_character_test() {
        let dict = crate::dict::Dictionaries::built_in();
        let finder = super::PersonName::new(&dict);
        let after = dict.name_cues.iter().filter(|(_, p)| {
            matches!(
                p,
                crate::dict::CuePosition::After
                    | crate::dict::CuePosition::Either
                    | crate::dict::CuePosition::Verb
            )
        });
        for (word, _) in after {
            let first = word.chars().next().unwrap();
            assert!(finder.flags.may_open_cue_after(first), "{word}");
        }
        // 的 opens the kinship words after a name (的儿子).
        for c in ['等', '于', '的', '，', ',', '（', '(', ' '] {
            assert!(finder.flags.may_open_cue_after(c), "{c}");
        }
        // A frequent character that opens no cue is settled by the table alone.
        for c in ['了', '是', '年'] {
            assert!(!finder.flags.may_open_cue_after(c), "{c}");
        }
    }

    #[test]
    fn span_overlaps_agree_with_a_plain_search() {
        let candidate = |start, end| crate::detect::tests::candidate_at(start, end, 0.5);
        // Out of order, nested (2..30 holds 5..8) and overlapping.
        let spans = [(40, 44), (2, 30), (5, 8), (28, 33), (50, 51)];
        let candidates: Vec<_> = spans.iter().map(|&(s, e)| candidate(s, e)).collect();
        let index = super::Spans::new(&candidates);
        for start in 0..55 {
            for end in start + 1..56 {
                let plain = spans.iter().any(|&(s, e)| s < end && start < e);
                assert_eq!(index.overlaps(start, end), plain, "{start}..{end}");
            }
        }
    }

    #[test]
    fn advance_steps_whole_characters() {
        let text = "a张é𠀀，3";
        for (at, _) in text.char_indices() {
            for n in 0..8 {
                let expected = at + text[at..].chars().take(n).map(char::len_utf8).sum::<usize>();
                assert_eq!(super::advance(text, at, n), expected, "{at} {n}");
            }
        }
    }

    #[test]
    fn column_headers_label_names() {
        assert_eq!(
            names("序号\t户主姓名\t保障人数\n1\t张三\t2\n2\t欧阳娜娜\t1\n"),
            ["张三", "欧阳娜娜"]
        );
        assert_eq!(names("| 姓名 | 金额 |\n|---|---|\n| 买买提·艾力 | 300 |\n"), ["买买提·艾力"]);
        assert_eq!(names("姓名  性别  金额\n王 五  男  300\n"), ["王 五"]);
        // Padded to the width of three characters, in a table extracted from a PDF.
        assert_eq!(
            names("序号 姓名 性别 金额\n1 赵 六 男 300\n2 王红梅 女 300\n"),
            ["赵 六", "王红梅"]
        );
        // Headers of people by what they receive or are (领取人, 获奖人员, 享受对象): the
        // names under them are read whole even where each reads as words (何建设, 向阳).
        for header in [
            "领取人",
            "获奖人员",
            "受助人员",
            "享受对象",
            "补助对象",
            "人员名单",
            "房主",
            "户主名称",
            "补偿对象",
            "被补偿人",
            "承包户",
            "代理人",
            "签收人",
            "持证人",
            "共有人",
            "户代表",
            "候选人",
        ] {
            assert_eq!(
                names(&format!("序号\t{header}\t金额\n1\t何建设\t500\n2\t向阳\t300\n")),
                ["何建设", "向阳"],
                "{header}"
            );
        }
        // A cell of several names, each with its note, and the head of a group.
        assert_eq!(
            names(
                "序号\t姓名\t金额\n1\t王红梅（户主）、李建设（配偶）\t500\n2\t何建设等3人\t300\n3\t于红梅/向阳\t100\n"
            ),
            ["王红梅", "李建设", "何建设", "于红梅", "向阳"]
        );
        assert_eq!(
            names("户主：王红梅、李建设\n申请人：何建设等3户\n"),
            ["王红梅", "李建设", "何建设"]
        );
        // A total row and the notes of empty cells under a header of names name no one.
        assert_eq!(
            names("序号\t姓名\t金额\n1\t王红梅\t500\n2\t李建设\t300\n\t合计\t800\n\t以下空白\t\n"),
            ["王红梅", "李建设"]
        );
        assert_eq!(
            names(
                "| 序号 | 户主姓名 | 金额 |\n|---|---|---|\n| 1 | 王红梅 | 500 |\n| 合计 | 小计 | 800 |\n| 2 | 暂无 | 0 |\n"
            ),
            ["王红梅"]
        );
        assert_no_names("申请人：暂无\n姓名：同上\n");
        // A header that only starts with such a word names no one, nor do the bare words,
        // whose columns hold kinds of staff and of assistance as often.
        assert_no_names("序号\t人员类别\t金额\n1\t何建设\t500\n2\t向阳\t300\n");
        assert_no_names("序号\t人员\t数量\n1\t管理人员\t3\n2\t技术人员\t5\n");
        assert_no_names("序号\t对象\t标准\n1\t城市低保\t800元\n2\t农村低保\t600元\n");
    }

    #[test]
    fn field_keys_label_names_but_not_organizations() {
        assert_eq!(names("当事人：李明华\n"), ["李明华"]);
        assert_eq!(names("当事人：某某县食品有限公司\n"), Vec::<String>::new());
        assert_eq!(names("申请人：张三（户主），"), ["张三"]);
        // The beneficiaries of a programme, as keys; before a title they name no one.
        assert_eq!(
            names("慰问对象：王红梅\n优抚对象：刘志强，城关镇新华村人\n"),
            ["王红梅", "刘志强"]
        );
        assert_no_names("城关镇2026年临时救助对象公示\n");
    }

    #[test]
    fn cues_around_names() {
        assert_eq!(names("经研究，决定表彰王建国同志。"), ["王建国"]);
        assert_eq!(names("感谢刘芳女士的捐赠。"), ["刘芳"]);
        assert_eq!(names("户主陈志强家庭人口3人"), ["陈志强"]);
    }

    #[test]
    fn parties_of_decisions_and_complaints_are_cues() {
        // 红梅 and 国庆 are frequent words: only the party word makes them names.
        assert_eq!(names("原告王红梅诉被告李建设房屋征收补偿一案"), ["王红梅", "李建设"]);
        assert_eq!(names("申请执行人王红梅与被执行人李建设"), ["王红梅", "李建设"]);
        assert_eq!(names("被告人刘志强，男，1975年3月生"), ["刘志强"]);
        // jieba-rs joins 诉 to an unknown name (唐志娟诉); 诉被告 follows the plaintiff.
        assert_eq!(names("原告唐志娟诉被告董秀英民间借贷纠纷一案"), ["唐志娟", "董秀英"]);
        assert_eq!(names("原告令狐强诉被告王红梅。"), ["令狐强", "王红梅"]);
        assert_eq!(names("原告徐子秀诉某公司，唐志娟诉某县人民政府。"), ["徐子秀", "唐志娟"]);
        // A surname that is also a preposition, before a word segmented as a given name;
        // before a time word or a noun it is the preposition.
        assert_eq!(names("信访人于志强反映，村民于海燕反映。"), ["于志强", "于海燕"]);
        assert_no_names("被告于同年搬离，申请人向本院起诉，户主于去年去世。");
        // 建国 is a word (建国初期) that segmentation runs on into 民间; the listed given
        // name makes 于 the surname after the party word.
        assert_eq!(names("被告于建国民间借贷纠纷一案"), ["于建国"]);
        assert_no_names("我县于建国初期设立。");
        assert_eq!(names("举报人王红梅反映，继承人李建设未到场。"), ["王红梅", "李建设"]);
        // As keys of `key：value` fields.
        assert_eq!(names("第三人：王红梅\n受送达人：李建设\n"), ["王红梅", "李建设"]);
        assert_eq!(names("被执行人：某某县建材有限公司\n"), Vec::<String>::new());
        // The same words before no name.
        assert_no_names("第三人民医院，本案第三人民事责任，举报人要求保密，被告知明天开会。");
    }

    #[test]
    fn verbs_of_petitions_after_a_name_are_cues() {
        // 建设 and 国庆 are frequent words: the verb whose subject the name is makes them
        // names (信访 replies name the petitioner).
        assert_eq!(names("关于赵建设反映城关镇道路问题的答复"), ["赵建设"]);
        assert_eq!(
            names("经查，刘国庆反映情况属实，李建设来信称，张建设来访。"),
            ["刘国庆", "李建设", "张建设"]
        );
        // A name may begin with a rare word (毛子) or be one unknown word (姚浩萱, 孔永).
        assert_eq!(names("同期毛子萱来访反映的问题，姚浩萱来信反映的问题"), ["毛子萱", "姚浩萱"]);
        assert_eq!(names("经查，孔永反映情况部分属实。"), ["孔永"]);
        // A preposition-surname before a given name is the surname (于建国来信, 向红梅反映).
        assert_eq!(names("于建国来信称，向红梅反映。"), ["于建国", "向红梅"]);
        // Before other words it is the preposition, whose object is no name; nor is a
        // party word (申请人: jieba-rs tags it a name) or an adverb (全面地).
        assert_no_names("如有异议，请向上级反映，向组织反映，向领导反映情况。");
        assert_no_names("申请人反映其亲属住房困难，全面地反映了群众意见，欢迎来信来访。");
        // One word of the dictionary before the verb: an adverb (曾多次), a noun that
        // jieba-rs tags as a name (师生: a rare surname and a frequent word).
        assert_no_names("该户曾多次反映，师生反映强烈。");
        // Nor a word tagged as a name whose first two characters are a frequent word.
        assert_no_names("顾问团来访。");
    }

    #[test]
    fn verbs_of_penalty_decisions_after_a_name_are_cues() {
        // Penalty decisions name the party in prose, with no 当事人 before each mention:
        // 立新, 永新, 新生, 建设 and 建平 are words, and the verb after them (未经, 擅自,
        // 无证, 未按, 涉嫌, 在未, 作出, 不予, 驾驶, 因违法) says they are a person's name.
        assert_eq!(names("孙立新在未取得许可的情况下擅自经营。"), ["孙立新"]);
        assert_eq!(
            names("黄永新无证驾驶机动车，冯新生未按规定佩戴安全头盔，李建设涉嫌非法经营。"),
            ["黄永新", "冯新生", "李建设"]
        );
        assert_eq!(names("依法对孙立新作出警告，决定对何建平不予处罚。"), ["孙立新", "何建平"]);
        assert_eq!(names("胡建设因违法占地被处罚款，唐国平驾驶无号牌车辆。"), ["胡建设", "唐国平"]);
        // Traffic notices: 酒后, 醉酒 (蓝天 is a word).
        assert_eq!(names("特此通报：蓝天明酒后驾驶机动车，王建设醉酒驾驶。"), ["蓝天明", "王建设"]);
        assert_no_names("严禁酒后驾驶，司机酒后驾车，驾驶人醉酒驾驶，高度警惕酒后驾驶。");
        // Words before the same verbs name no one: a noun whose first character is a
        // surname (房屋, 单位, 商户, 司机, 区政府), an adverb (全面, 高度), a party word.
        assert_no_names("房屋未经批准擅自改变用途，任何单位和个人未经许可不得从事。");
        assert_no_names("车主未经检验擅自上路，商户擅自占道经营，司机无证驾驶被查处。");
        assert_no_names("区政府作出决定，全面作出部署，高度重视并作出部署，依法不予受理。");
        assert_no_names("安全驾驶文明出行，机动车驾驶人应当遵守，企业因违法被处罚。");
        assert_no_names("申请人未按规定提交材料，当事人在未取得许可的情况下擅自经营。");
    }

    #[test]
    fn a_surname_tagged_alone_before_a_word_of_common_given_characters_is_a_name() {
        // jieba-rs splits the surname off and tags 立新 an adverb, 建新 a verb, 新民 a noun:
        // words, but not frequent ones, of characters common in given names.
        assert_eq!(
            names(
                "邱立新已领取补偿款3.5万元，袁新民持有房屋所有权证，彭建新与妻子离婚后独自生活。"
            ),
            ["邱立新", "袁新民", "彭建新"]
        );
        assert_eq!(names("卢立新的申请不符合条件。"), ["卢立新"]);
        // Where the name opens its clause, whatever the surname's tag (许/m, 程/n).
        assert_eq!(
            names("发放说明：许建新持有房屋所有权证。程永新已领取补偿款。"),
            ["许建新", "程永新"]
        );
        // The same words after characters that are no surname there, or inside other words.
        assert_no_names("该项目由乐建新公司承建，积极推进全新民宿建设，要破旧立新，开拓进取。");
        assert_no_names("成立新民街道办事处，华立新材料有限公司，上海新华书店。");
        // Nor a word of characters rarer in given names (索 of 索引: 组赵索引号…).
        assert_no_names("3组赵索引号11010519491231002X");
    }

    #[test]
    fn a_name_the_model_of_unknown_words_joins_to_the_next_word_is_read_whole() {
        // 白玉/nr 洁已/d: a listed name, and its third character joined to the adverb after.
        assert_eq!(names("鉴于白玉洁已超过法定退休年龄。"), ["白玉洁"]);
        // 谢国/nr 平为/v: a name the model guessed, which the dictionary does not hold (the
        // third character was left in clear, and 平为 read as a name before 副局长).
        assert_eq!(names("任命谢国平为副局长。"), ["谢国平"]);
        assert_eq!(names("拟提拔刘冬生、谢国平为副科级领导干部。"), ["刘冬生", "谢国平"]);
        // 胡丽福为/nr in the window that ends inside 县教育局 (the sentence reads 胡丽福/nr
        // 为/p), and, after a cue, 卢秀/nr 勇为/v and 孙霞/nr 胜为/v.
        assert_eq!(
            names("经研究，任命胡丽福为县教育局副局长，任命卢秀勇为县财政局副局长。"),
            ["胡丽福", "卢秀勇"]
        );
        assert_eq!(names("任命孙霞胜为县财政局副局长。"), ["孙霞胜"]);
        // 汪德胜于/nr: 于 before a date is no given-name character there.
        assert_eq!(names("请汪德胜于2026年12月10日前到我局领取。"), ["汪德胜"]);
        // Not the words before 于 and a date in a request to units.
        assert_no_names("请各单位于2026年12月10日前报送，定于2026年12月召开。");
    }

    #[test]
    fn a_preposition_and_a_pronoun_after_a_name_are_a_cue() {
        // Decisions go on after the party's name with a preposition whose object is the
        // party's own (在其, 于其, 对其, 向其, 将其, 把其, 在自家): 肖平 and 郑洋 (a place to
        // jieba-rs) stayed in clear, and the model of unknown words may join the
        // preposition to the name (赵六在/nr), whose mask took it.
        assert_eq!(names("经查，肖平向其亲属借款，郑洋对其房屋进行改建。"), ["肖平", "郑洋"]);
        assert_eq!(names("经查，何敏向其亲属借款。"), ["何敏"]);
        assert_eq!(names("经查，赵六在其位于城关镇的房屋内经营。"), ["赵六"]);
        assert_eq!(names("董霞在自家院内堆放杂物。"), ["董霞"]);
        // After words, the same prepositions name no one.
        assert_no_names("上级部门对其进行约谈，车主在其车辆上张贴，司法所对其开展社区矫正。");
        assert_no_names("村民在自家承包地内种植，家属将其送往医院，公司在其官网发布。");
    }

    #[test]
    fn compound_words_and_dates_read_as_names_are_no_names() {
        // jieba-rs's dictionary tags 银联卡 and 石景山 `nr`: a word that is no name and a
        // noun. Its model of unknown words joins 于 to 本周 and reads a name.
        assert_no_names("补贴资金通过银联卡发放，持银联卡到网点办理，她在石景山上班。");
        assert_no_names("会议将于本周五召开，请于本月底前报送。");
        // A given name that is a time word after a surname that is no preposition is one.
        assert_eq!(names("经查，杨正午未按规定申报。"), ["杨正午"]);
    }

    #[test]
    fn offices_among_names_and_before_titles_are_no_names() {
        // An organization the dictionary lists, in a list of names (国 is a surname), and a
        // village before its party branch (金桥村支部书记: jieba-rs tags 金桥 a name).
        assert_eq!(names("出席会议的有王强、国务院副总理李明。"), ["王强", "李明"]);
        assert_eq!(names("参加人员：王强、金桥村支部书记李明。"), ["王强", "李明"]);
        // A verb that is a surname before a frequent word and a title (应 "at the
        // invitation of" 国家主席).
        assert_no_names("应国家主席邀请，代表团出席了会议。");
    }

    #[test]
    fn parties_of_appeals_and_declarations_of_loss_are_cues() {
        // Judgments published with a case name the appellant (上诉人) and the appellee;
        // a declaration of loss names the holder before 不慎遗失 or 遗失 (符 is a verb to
        // jieba-rs, and 海涛 a word).
        assert_eq!(
            names("经审理查明，上诉人阎红军与被上诉人丰顺县某某公司劳动争议一案。"),
            ["阎红军"]
        );
        assert_eq!(names("上诉人（原审原告）：阎红军，男，1970年3月出生。"), ["阎红军"]);
        assert_eq!(names("申诉人冼丽萍不服县人民法院判决。"), ["冼丽萍"]);
        assert_eq!(names("被送达人王红梅的送达地址为安远县欣山镇建设路18号。"), ["王红梅"]);
        // A conjunction closes a name whose last character the segmenter left alone
        // (韩斌/nr 雨/n 与/p); after a name of two characters it is none of it.
        assert_eq!(names("上诉人韩斌雨与被上诉人某某公司"), ["韩斌雨"]);
        assert_eq!(names("户主王明与妻子离婚，申请人李强和妻子同住。"), ["王明", "李强"]);
        assert_eq!(names("符海涛不慎遗失残疾人证，特此声明。"), ["符海涛"]);
        assert_eq!(names("邝少华遗失居民身份证一张，声明作废。"), ["邝少华"]);
        assert_eq!(names("韦建平不慎遗失林权证，甘国强遗失营业执照正本。"), ["韦建平", "甘国强"]);
        // An office, a company, records or a place lose things too.
        assert_no_names("我局不慎遗失公章一枚，该公司遗失营业执照副本。");
        assert_no_names("本单位遗失发票一本，因保管不善遗失不动产权证书，档案遗失。");
        assert_no_names("王府井遗失物品招领处，高度警惕不慎遗失。");
    }

    #[test]
    fn a_record_of_a_household_opens_with_its_head() {
        // Where a record opens with a name, where the household lives and its size or sum
        // say it is one (郑平 is a place to jieba-rs, 许子 a numeral).
        assert_eq!(names("郑平，长塘村3组，家庭人口4人，纳入低保。"), ["郑平"]);
        assert_eq!(names("许子霞，濂江村下屋组，3人，900元。"), ["许子霞"]);
        // Clauses that open with words, not names.
        assert_no_names("同时，红星村3组，3人受伤。其中，新华村3组，共5户。");
        assert_no_names("据统计，红星村3组，家庭人口普遍较多。");
    }

    #[test]
    fn items_numbered_on_one_line_are_a_list() {
        // 建设 and 新华 are words: the named neighbours vouch for them.
        for text in [
            "1.王红梅 2.李建设 3.何建设",
            "1、王红梅；2、李建设；3、何建设。",
            "（1）王红梅；（2）李建设；（3）何建设。",
            "①王红梅 ②李建设 ③何建设",
            "1 王红梅 2 李建设 3 何建设",
            "一、王红梅；二、李建设；三、何建设",
            // Ranks: 李建设 and 何建设 were in clear.
            "第一名：王红梅；第二名：李建设；第三名：何建设。",
            "第一名 王红梅 第二名 李建设 第三名 何建设",
        ] {
            assert_eq!(names(text), ["王红梅", "李建设", "何建设"], "{text}");
        }
        assert_no_names("第一名：一等奖；第二名：二等奖。第一名 龙南镇 第二名 杨村镇");
        // Two ranks of names nothing else vouches for (萱 and 豪 make no word).
        assert_eq!(names("第一名：刘萱霞；第二名：谢文豪。"), ["刘萱霞", "谢文豪"]);
        assert_no_names("第一名：高新区；第二名：经开区。第一名：城关镇，第二名：龙南镇。");
        // Numbered items of no names.
        assert_no_names("会议议程：1.审议工作报告 2.表决人事任免 3.其他事项");
        assert_no_names("1、高度重视；2、加强领导；3、严格考核。注意事项：①严禁烟火 ②保持安静");
        assert_no_names("一、指导思想；二、工作目标；三、保障措施。");
    }

    #[test]
    fn a_cue_lets_no_name_cut_a_blocklisted_word() {
        // 姓名 before 索引号 (a form's keys run together): 索引 is no name, and 索引号 keeps
        // the number after it no one's, in the masked text as in the first.
        assert_no_names("姓名索引号11010519491231002X");
        // A name longer than the blocklisted word it starts with is still one (王国 of
        // 王国庆, 黄金 of 黄金凤).
        assert_eq!(names("户主王国庆，户主黄金凤"), ["王国庆", "黄金凤"]);
    }

    #[test]
    fn the_key_of_the_next_field_is_no_name_of_a_list() {
        // `，` joins a name and the key after it (居 is a surname, 住地 given-name
        // characters): a word of the dictionary before a colon is no item of a list.
        assert_eq!(names("王红梅，居住地：欣山镇濂江村。"), ["王红梅"]);
        assert_eq!(names("王红梅，出生地：欣山镇。"), ["王红梅"]);
        // Names before a colon are still names (a salutation of two).
        assert_eq!(names("王红梅，李建设：你们好"), ["王红梅", "李建设"]);
        // Nor before a number: the attribute whose value follows (党 is a surname).
        assert_eq!(names("张德胜，党龄52年，补贴标准：每月200元。"), ["张德胜"]);
        assert_eq!(names("王红梅，李建设13812345678"), ["王红梅", "李建设"]);
    }

    #[test]
    fn payers_passengers_and_owners_are_cues() {
        // 文华 is a frequent word: 缴纳 after the name says it is one.
        assert_eq!(
            names("收到村民谢建国缴纳土地出让金5000元，收到赖文华缴纳建房押金2000元。"),
            ["谢建国", "赖文华"]
        );
        assert_eq!(names("事故中乘车人钟建华受伤，驾驶人邝志强负全部责任。"), ["钟建华", "邝志强"]);
        // 林权 was read as a name (林 + 权) and the owner after it left in clear.
        assert_eq!(names("林权所有者：廖水生，林地坐落：龙南镇新圩村牛角坑。"), ["廖水生"]);
        for text in [
            "参保人员应按时足额缴纳医疗保险费，由单位缴纳部分和个人缴纳部分组成。",
            "全额缴纳后方可办理，符合条件的可一次性缴纳，也可逐年缴纳或按月缴纳。",
            "由村集体统一缴纳，未按期缴纳的，向税务部门缴纳滞纳金。",
            "乘车人应系好安全带，驾驶人员和乘客均应遵守规定。",
            "事故造成2人死亡，伤者已送医院救治，伤者家属已到场。",
            "其中司机受伤，路人受伤，行人受伤，行人应走人行道。",
            "所有者权益，所有者的权利。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn owners_buyers_the_elected_and_families_are_cues() {
        // 主张 is a word, 建设 and 文华 frequent ones, 刘海 one too (刘海/nr 波/j 家属).
        assert_eq!(names("城关镇建设路12号业主张国庆：你在该处违法搭建"), ["张国庆"]);
        assert_eq!(names("经选举，李建设、钟文华当选为委员。"), ["李建设", "钟文华"]);
        assert_eq!(names("义务兵家庭优待金：刘海波家属，发放金额：12000元。"), ["刘海波"]);
        // Buyers and the parties of a transfer are keys; a company there is no name.
        assert_eq!(
            names("买受人：李建设，成交价：128万元。流出方：钟文华，"),
            ["李建设", "钟文华"]
        );
        for text in [
            "受让人：于都县宏达置业有限公司，成交价：8600万元。",
            "流入方：于都县绿源农业专业合作社，流转面积：12.5亩。",
            "企业主管人员被追究刑事责任。",
            "业主大会和业主委员会，全体业主凭业主身份证办理，业主主张权利。",
            "本届当选为委员，以全票当选，高票当选。",
            "职工家属、军人家属和烈士家属，伤者家属已到场，向逝者家属表示慰问。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn an_age_or_a_sex_after_a_space_confirms_a_name() {
        // 曾宪章 alone is judged from words (宪章 "charter"); the age says it is a person.
        assert_eq!(names("老党员 曾宪章 95岁 党龄72年 住岭背镇圩镇。"), ["曾宪章"]);
        assert_eq!(names("老党员曾宪章，95岁，住岭背镇。"), ["曾宪章"]);
        assert_eq!(names("重阳节慰问了曾宪章（95岁）等老人。"), ["曾宪章"]);
        // A list of the dead under a key: the sex after a space, item after item.
        assert_eq!(
            names(
                "因死亡注销户籍人员名单：彭志勇 男 1950年2月 段屋乡段屋村；曾庆元 男 1938年11月。"
            ),
            ["彭志勇", "曾庆元"]
        );
        // Bounds of an age are no age; nor is a place's count.
        for text in [
            "全县高龄，80岁以上老人享受补贴。",
            "城关镇，3岁至6岁儿童免费入园。",
            "黄金，60岁以下参保。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn sign_off_keys_quotes_and_requests_by_a_date_name_people() {
        // 建设, 红梅, 文华 are frequent words: a key, a quotation before a cue, or a request
        // by a date says these are names.
        assert_eq!(
            names("经办人：何建设　审核人：于红梅 填表人：曾庆元 填表日期：2026年3月1日"),
            ["何建设", "于红梅", "曾庆元"]
        );
        assert_eq!(names("“钟文华”同志的事迹感人。"), ["钟文华"]);
        assert_eq!(names("请王红梅于3月5日前到镇民政所领取。"), ["王红梅"]);
        assert_eq!(names("请王红梅、李建设于3月5日前到镇民政所领取。"), ["王红梅", "李建设"]);
        for text in [
            "审核人：县民政局",
            "该项目位于3月5日开工，请于3月5日前领取，请高度重视。",
            "“文明城市”创建，“建设”二字。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn a_rare_word_ending_in_a_cue_leaves_the_cue_to_the_name() {
        // 建户 and 军户 are words the dictionary counts 4 times: 户 is the household's.
        assert_eq!(names("黄坑村 慕容德建户。"), ["慕容德建"]);
        assert_eq!(names("示范户：任磊军户、王红梅户"), ["任磊军", "王红梅"]);
        // 萱 alone is a frequent word, and 于 a preposition before it; not before 同志.
        assert_eq!(names("于萱秀同志"), ["于萱秀"]);
        for text in ["该小区住户", "全村农户", "于是同志们", "与会同志"] {
            assert_no_names(text);
        }
    }

    #[test]
    fn a_decision_s_title_and_an_attachment_name_their_person() {
        // 建设 is a frequent word: the status or the form after the name says it is one.
        assert_eq!(names("关于撤销李建设低保资格的决定"), ["李建设"]);
        assert_eq!(names("取消王红梅低保待遇"), ["王红梅"]);
        assert_eq!(names("附件：1.王红梅申请表 2.李建设申请表"), ["王红梅", "李建设"]);
        for text in ["农村低保资格认定", "城乡低保待遇标准", "入党申请书", "高龄津贴申请表"]
        {
            assert_no_names(text);
        }
    }

    #[test]
    fn large_growers_are_named_after_da_hu() {
        // 金发 is a frequent word ("blond hair"): 大户 before the name says it is one.
        assert_eq!(
            names("种粮大户 刘长生 种植面积 150亩；种粮大户 钟金发 种植面积 200亩。"),
            ["刘长生", "钟金发"]
        );
        assert_eq!(names("养殖大户谢福生带动5户脱贫。"), ["谢福生"]);
        // Nor is a word of three characters the dictionary tags a noun a name after a cue.
        for text in ["大户人家", "种粮大户单季稻增产", "培育种粮大户、家庭农场", "种粮大户经营面积"]
        {
            assert_no_names(text);
        }
    }

    #[test]
    fn the_last_name_of_a_list_keeps_its_third_character_before_wei() {
        // 肖冬/nr 发为/v: the last item of the list is read one character short.
        assert_eq!(
            names("拟选聘谢长根、曾凡英、肖冬发为银坑镇生态护林员。"),
            ["谢长根", "曾凡英", "肖冬发"]
        );
        // 成为 ("become") is a frequent word: the name is 李明.
        assert_eq!(names("推选王红梅、李明成为代表。"), ["王红梅", "李明"]);
        // 聘上 is a rare word: 上官 opens the first item.
        assert_eq!(names("拟选聘上官敏涵、欧阳涛磊为护林员。"), ["上官敏涵", "欧阳涛磊"]);
        assert_eq!(names("某公司马建国、李建设等人"), ["马建国", "李建设"]);
    }

    #[test]
    fn a_post_that_opens_a_key_s_value_is_no_name() {
        assert_eq!(
            names("公益性岗位人员名单：保洁员 胡春莲 城关镇；护路员 曾宪福 罗坳镇。"),
            ["胡春莲", "曾宪福"]
        );
        // The key names the person after the post, whatever segmentation reads (万国: a word).
        assert_eq!(names("公益性岗位人员名单：保洁员 万国 城关镇。"), ["万国"]);
        // Names the dictionary holds as words of three characters, tagged a name or, with a
        // compound surname, an idiom (慕容家), stay names under a key.
        assert_eq!(names("审核人：慕容家"), ["慕容家"]);
        assert_eq!(names("户主：王建国"), ["王建国"]);
    }

    #[test]
    fn an_honour_in_quotation_marks_is_no_name() {
        // jieba-rs's dictionary tags 文明 a name, and 家庭 after a name is a cue.
        assert_eq!(
            names("县级“文明家庭”：钟海林家庭（银坑镇平安村）、刘春华家庭（岭背镇岭背村）。"),
            ["钟海林", "刘春华"]
        );
        assert_no_names("评选“文明家庭”“和谐家庭”。");
        // A name alone in quotation marks before its cue is still one.
        assert_eq!(names("“钟文华”同志"), ["钟文华"]);
    }

    #[test]
    fn words_of_three_characters_tagged_proper_nouns_may_be_names() {
        // jieba-rs tags 刘彦彬 `nz`, 梁建国 `ns`: before a cue or under a key, names.
        assert_eq!(names("刘彦彬同志"), ["刘彦彬"]);
        assert_eq!(names("户主：梁建国"), ["梁建国"]);
        // Common words of three characters are none (党总支书记: 党总支 a noun).
        assert_no_names("村党总支书记");
    }

    #[test]
    fn a_name_before_its_household_keeps_its_last_character() {
        // 刘春/nr 林家/n: 林家 ("the Lin family") is a rarer word than the name.
        assert_eq!(names("火灾发生在刘春林家门前。"), ["刘春林"]);
        assert_eq!(names("李建林家的房屋"), ["李建林"]);
        assert_eq!(names("张华家门口"), ["张华"]);
    }

    #[test]
    fn public_figures_cited_in_running_text_are_public() {
        let statuses = |text: &str| -> Vec<(String, bool)> {
            detect(text)
                .into_iter()
                .filter(|(k, ..)| *k == PiiKind::PersonName)
                .map(|(_, v, public)| (v, public))
                .collect()
        };
        let public = |name: &str| (name.to_owned(), true);
        let leaked = |name: &str| (name.to_owned(), false);
        assert_eq!(
            statuses("纪念毛泽东同志诞辰，学习雷锋同志。"),
            [public("毛泽东"), public("雷锋")]
        );
        assert_eq!(
            statuses("毛泽东、周恩来、刘少奇等老一辈革命家"),
            [public("毛泽东"), public("周恩来"), public("刘少奇")]
        );
        // A person who bears the name: under a key, after a party's cue, before personal
        // data, or listed among other people.
        assert_eq!(statuses("申请人：毛泽东\n"), [leaked("毛泽东")]);
        assert_eq!(statuses("户主雷锋，男，"), [leaked("雷锋")]);
        assert_eq!(
            statuses("低保户：王红梅、雷锋、李建设"),
            [leaked("王红梅"), leaked("雷锋"), leaked("李建设")]
        );
    }

    #[test]
    fn villages_and_fields_are_no_names_among_names() {
        // A village before each household of a list of names (梅关村: 梅 is a surname), and a
        // field under a village that the segmenter tags as a name (黄竹/nr 坑).
        assert_eq!(
            names("拟认定乡村振兴示范户：梅关村 黄土生户；梅林村 卢三妹户。"),
            ["黄土生", "卢三妹"]
        );
        assert_no_names("采伐地点：铁山垅镇铁山垅村黄竹坑，采伐树种杉木。");
        assert_no_names("新华村3组宋家岭。");
        assert_no_names("张家湾村、李家坊村、王屋村三个村完成改造。");
        // The same characters with a cue are a name.
        assert_eq!(names("村民黄竹，男，"), ["黄竹"]);
        // A day among names is a day; a verb's last character before a space no surname.
        assert_eq!(names("本月值班人员：周一 肖永福，周三 刘三妹。"), ["肖永福", "刘三妹"]);
        assert_no_names("收支明细：支付 王师傅 水电维修费 800元。");
    }

    #[test]
    fn a_form_line_of_keys_and_values_without_colons_names_its_person() {
        // A line of a form extracted from a PDF: a key, a space, the value.
        assert_eq!(names("姓名 王红梅 性别 女 民族 汉\n"), ["王红梅"]);
        assert_eq!(names("申请人 王红梅 与户主关系 本人\n"), ["王红梅"]);
        assert_eq!(names("户名 严家福 用户地址 城关镇水南路5巷2号\n"), ["严家福"]);
        // An exam number before the name under a key (曾 an adverb, 宪章 a word).
        assert_eq!(
            names("资格复审合格人员名单：2026010101 曾宪章；2026010102 王老五\n"),
            ["曾宪章", "王老五"]
        );
        // Header rows name no one: a word of the dictionary opens the cell after the key.
        for text in ["姓名 性别 年龄 住址\n", "户主 房屋坐落 面积\n", "户主姓名 高龄津贴 备注\n"]
        {
            assert_no_names(text);
        }
        // 户名 starts no word inside 低保户名单 (单 is a surname).
        assert_eq!(
            names("现将拟注销的低保户名单公示如下：冼金凤户、麦秀兰户。"),
            ["冼金凤", "麦秀兰"]
        );
    }

    #[test]
    fn appointments_and_a_household_s_size_in_brackets_are_cues() {
        // 文华 and 建设 are frequent words.
        assert_eq!(
            names("经研究，任命王红梅为副局长，免去李建设的副局长职务，免去钟文华的委员职务。"),
            ["王红梅", "李建设", "钟文华"]
        );
        assert_eq!(
            names("新增名单：城关镇：王红梅（3人）；龙南镇：钟文华（4人）。"),
            ["王红梅", "钟文华"]
        );
        for text in [
            "任命程序，免去其职务，免去费用，任命书，任命为主任，免去学费。",
            "新增：城关镇（3人）、高新区（2人）、林业局（5人）；其中：黄金（2吨）。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn a_space_may_part_a_listed_name_from_its_sum() {
        assert_eq!(
            names("爱心捐款名单：王红梅 500元 李建设 300元 何秀英 200元 钟国华 100元"),
            ["王红梅", "李建设", "何秀英", "钟国华"]
        );
        assert_eq!(names("王红梅 500元，李建设 300元"), ["王红梅", "李建设"]);
        for text in [
            "单价 500元 总价 3000元 合计 3500元",
            "城市低保 650元 农村低保 500元 特困供养 900元",
            "房租 800元 水电 120元 物业 60元",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn names_the_segmenter_misreads_in_running_text() {
        // 郑国强/ns: a name guessed to be a place.
        assert_eq!(names("郑国强的行为违反了《中华人民共和国土地管理法》的规定。"), ["郑国强"]);
        // 邱文斌家/nr: the household's 家 joined to the name.
        assert_eq!(names("邱文斌家共有3口人，其妻患有慢性病。"), ["邱文斌"]);
        // 曾/d 国华/nz: the adverb reading, after the preposition whose object it is.
        assert_eq!(names("对曾国华作出罚款2000元的行政处罚。"), ["曾国华"]);
        assert_eq!(names("给曾文华作出处分。"), ["曾文华"]);
        for text in [
            "对曾受过处罚的人员作出处理。",
            "对曾多次作出承诺的企业。",
            "对曾作出的决定予以撤销。",
            "把曾经营的店铺关闭。",
            "途经龙南镇、王家坪和黄泥坳。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn neighbours_along_a_boundary_are_named() {
        // The 四至 of land or a house name the neighbour before what it owns: 谢国 + 平田
        // (a word) cut the name short, 南至钟 was read as a name (南 is a surname), and
        // the rest were in clear.
        assert_eq!(
            names("四至：东至谢国平田，西至水沟，南至钟文华田，北至山脚。"),
            ["谢国平", "钟文华"]
        );
        assert_eq!(names("东至赖文清地，南至公路，西至赖文明地，北至河边。"), ["赖文清", "赖文明"]);
        assert_eq!(
            names("宗地四至：东至刘建华宅基地，南至村道，西邻刘建国房屋为界。"),
            ["刘建华", "刘建国"]
        );
        assert_eq!(names("东至钟平田，西至王家豪屋。"), ["钟平", "王家豪"]);
        // 至于 and 至上 are words: the surname after 至 starts no other.
        assert_eq!(names("东至于浩田，南至上官勇燕田。"), ["于浩", "上官勇燕"]);
        // What a boundary runs along is mostly a place, a road or a hill.
        for text in [
            "东至公路，南至黄河，西至高速公路，北至马路。",
            "东至王家山，西至张家湾，南至李家屋场，北至何家坝。",
            "东至江西省界，西至城关镇，南至新华村，北至刘屋组。",
            "东至石门村界，西至林场，南至钟屋，北至谢屋田。",
            "东至章江，西至贡江，南至梅关，北至蓝田。",
            "项目四至范围：东至文明大道，西至和平路，南至孔目江，北至古城墙。",
            "东至柳树林，南至桃花山，北至杜鹃山。",
            "东邻农户住宅，西邻村委会，南邻学校，北邻池塘。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn a_village_before_its_villagers_is_no_name() {
        // 龙岗 is a name to jieba-rs: before 村村民, 村村干部 or 村两委 it is the village's.
        assert_eq!(names("根据群众举报，龙岗村村民祝永发违规建房。"), ["祝永发"]);
        assert_no_names("黄田村村干部开会研究，金桥村两委班子到位。");
    }

    #[test]
    fn the_cause_of_hardship_after_a_name_is_a_cue() {
        // 低保 and 救助 notices give each household's cause right after its head's name:
        // 文华 is a frequent word, and nothing else marks 许文华.
        assert_eq!(
            names("许文华因病丧失劳动能力，户主刘志强因残致贫，周建军因灾致困。"),
            ["许文华", "刘志强", "周建军"]
        );
        // A cue word is no given name: a surname character used as an adverb before the
        // cause names no one (曾 "once", 常 "often"), nor does a word before it.
        assert_no_names("户主曾因病住院，户主常因病卧床，申请人曾因残丧失劳动能力。");
        assert_no_names("户主常年因病卧床，长期因病卧床，部分群众因病致贫，黄金因病下跌。");
    }

    #[test]
    fn a_name_padded_inside_a_sentence_is_read_across_its_padding_before_a_cue() {
        // Mail-merged sentences keep the padding of a name field; Chinese touches the name on
        // both sides, so normalization leaves it.
        assert_eq!(
            names(
                "兹有王\u{3000}强同志前往办理，户主刘\u{3000}洋因病致贫，现将张\u{3000}敏等5户公示。"
            ),
            ["王\u{3000}强", "刘\u{3000}洋", "张\u{3000}敏"]
        );
        assert_eq!(names("户主 王强因病致贫，户主：陈 俨"), ["王强", "陈 俨"]);
        assert_eq!(names("对王\u{3000}强作出罚款决定。"), ["王\u{3000}强"]);
        // Lists of names aligned to three characters pad two-character names with the same
        // ideographic space that parts the names.
        assert_eq!(
            names("优秀共产党员：吴\u{3000}敏\u{3000}王红梅\u{3000}李\u{3000}强\u{3000}赵德胜"),
            ["吴\u{3000}敏", "王红梅", "李\u{3000}强", "赵德胜"]
        );
        // Without a cue, or where a stray space splits a word, no name.
        assert_no_names("对王\u{3000}强进行了批评。");
        assert_no_names("全 体同志参加，林 业局长出席，万 元户，李 某某等3人。");
    }

    #[test]
    fn a_place_before_its_office_is_no_name() {
        // jieba-rs tags 高田 and 黄田 as names, and 杨梅 reads as one.
        assert_no_names("经高田村委会研究，由黄田村民委员会负责，杨梅村委会、石城镇人民政府参加。");
        assert_eq!(names("户主刘志强与高田村委会协商。"), ["刘志强"]);
        // A cue before the name says it is a person's; a name of three characters is no
        // village's, and 社区 follows people too (社区矫正).
        assert_eq!(names("户主王强村委会已核实。"), ["王强"]);
        assert_eq!(
            names(
                "经查，王红梅社区矫正期间表现良好，李强社区服务时长已满，对王红梅村委会进行了批评。"
            ),
            ["王红梅", "李强", "王红梅"]
        );
    }

    #[test]
    fn a_cue_read_out_of_a_longer_word_confirms_no_name() {
        // 党总支 and 总书记 are words: 支书 and 书记 are read out of them, and 党总 is no name.
        assert_eq!(names("村党总支书记王建军主持会议。"), ["王建军"]);
        assert_no_names("请各村党总支书记参加，社区党总支书记、居委会主任列席。");
        assert_no_names("中国共产党总书记的讲话，刘总经理出席。");
        // Unless the longer word is a name the dictionary lists (林先生 of 鲍林先生), or the
        // candidate one it tags as a place (梁建国/ns).
        assert_eq!(names("鲍林先生，梁建国本人自愿申请救助。"), ["鲍林", "梁建国"]);
    }

    #[test]
    fn a_cue_after_a_name_lets_it_start_inside_an_unknown_word() {
        // jieba-rs joins 及 to the surname (及王, no word of its dictionary): the cause after
        // the name confirms it, and the text is segmented again from the surname.
        assert_eq!(names("同意新增对象及王红梅因病致贫。"), ["王红梅"]);
        // Not inside a word of the dictionary (穆斯林, 森林): a title after it is no cue then.
        assert_no_names("穆斯林联盟秘书长发言，森林公安局长出席。");
    }

    #[test]
    fn where_someone_lives_after_a_name_is_a_cue() {
        assert_eq!(names("王红梅现居住于安远县欣山镇人民路128号。"), ["王红梅"]);
        assert_eq!(names("李国庆暂住城关镇建设路56号，王建国家住新华村。"), ["李国庆", "王建国"]);
        assert_eq!(names("房屋地址：欣山镇人民路128号，所有权人：王红梅。"), ["王红梅"]);
        assert_eq!(names("产权人李国庆，承租人王红梅。"), ["李国庆", "王红梅"]);
        // Not after a word that a surname begins (全家住在).
        assert_no_names("全家住在城关镇，高度重视居住在危房中的群众。");
    }

    #[test]
    fn kinship_words_before_names() {
        assert_eq!(names("家庭成员：妻子李红梅，儿子王国庆。"), ["李红梅", "王国庆"]);
        assert_eq!(names("申请人张三之妻李红梅患重病。"), ["张三", "李红梅"]);
        // 刘福/nr 生于/v: the cue lets 于 and the date after the name end it.
        assert_eq!(names("本村村民赖秀英之夫刘福生于2026年5月病故。"), ["赖秀英", "刘福生"]);
        assert_eq!(names("其夫刘福生于2026年5月病故，其妻王红梅在家务农。"), ["刘福生", "王红梅"]);
        assert_no_names("失败是成功之母，其父母双亡，尤其夫妻、尤其妻子要互相扶持。");
        // Not inside a longer word (妇女儿童, 夫妻子女), nor before an adverb that is a
        // rare surname (都), nor before words.
        assert_no_names("让天下母亲都幸福，做好妇女儿童工作。");
        assert_no_names("夫妻子女共4人。");
        assert_no_names("儿子高中在读，女儿常年患病，丈夫于2020年去世。");
        assert_no_names("开展父亲节慰问活动。");
        // A title before a common surname that is also an adverb still names (曾).
        assert_eq!(names("副总经理曾世民证实此事。"), ["曾世民"]);
        // A surname that is also a preposition, closed by punctuation (向 of 主任向全体职工).
        assert_eq!(names("家庭成员：丈夫马金雨，儿子向建国。"), ["马金雨", "向建国"]);
        // 夫人 is a cue, never a given name (总统和夫人).
        assert_no_names("机场迎接总统和夫人。");
    }

    #[test]
    fn a_cue_before_lets_a_name_begin_with_a_blocklisted_word() {
        // 王国 (kingdom) is blocklisted; after 户主 it begins 王国庆, cut 王国 + 庆.
        assert_eq!(names("户主王国庆，家庭人口3人。"), ["王国庆"]);
        // Frequent words stay refused after a cue.
        assert_no_names("村民常住人口");
        assert_no_names("申请人高度重视");
        // A blocklisted word of three characters is not a name whole, even where jieba's
        // dictionary tags it as one (花名册 nr).
        assert_no_names("低保户花名册已公示。");
    }

    #[test]
    fn relatives_together_and_oneself_are_cues() {
        assert_eq!(names("王红梅母子二人生活困难。"), ["王红梅"]);
        assert_eq!(names("李建设父女户籍在本村。"), ["李建设"]);
        assert_eq!(names("王红梅本人自愿申请。"), ["王红梅"]);
        assert_eq!(names("特困供养人员李建设于2026年3月去世。"), ["李建设"]);
        // 于 and a date count after a cue before the name, as where the name opens its
        // clause (jieba-rs joins 侯梓福于 into one unknown word).
        assert_eq!(names("户主侯梓福于2026年3月去世。"), ["侯梓福"]);
        assert_no_names("经本人申请，村民委员会评议。");
        assert_no_names("供养人员名单已公示。");
        // A kinship word after 的 follows a name (建设 and 国庆 are frequent words).
        assert_eq!(names("赵建设的儿子赵小明考入大学。"), ["赵建设", "赵小明"]);
        assert_eq!(names("王国庆的妻子在家务农。"), ["王国庆"]);
        assert_no_names("我们的儿子，群众的父亲。");
    }

    #[test]
    fn a_cue_ends_where_the_name_begins() {
        // The segmenter joins the cue's last character to the name (户户/主马云飞); the
        // name is segmented again from the cue's end.
        assert_eq!(names("该户户主马云飞长期患病。"), ["马云飞"]);
        assert_eq!(names("户主任春雨家庭人口6人"), ["任春雨"]);
    }

    #[test]
    fn personal_data_after_a_name_lets_it_start_inside_a_rare_word() {
        // 人武 (of 人武部) is a word of the dictionary; the address after 武霞 says who.
        assert_eq!(names("证人武霞，住址：兴国县河西镇河口村7组47号。"), ["武霞"]);
        assert_eq!(names("证人武秀英，男，汉族，1975年3月生"), ["武秀英"]);
        // Not inside a frequent word (临时), nor before a title (俄罗斯外交部长).
        assert_no_names("该户申请临时救助，家住兴国县城关镇。");
        assert_no_names("俄罗斯外交部长出席了会议。");
    }

    #[test]
    fn an_address_after_a_name_confirms_it() {
        // 国庆 and 建设 are frequent words: without a cue they would be refused.
        assert_eq!(names("经审核，王国庆，城关镇新华社区建设路12号，符合条件。"), ["王国庆"]);
        assert_eq!(names("李建设（安远县城关镇幸福小区3栋2单元301室），保障人口2人。"), ["李建设"]);
        // Only an address confirms: a division name alone does not, nor does text before an
        // address that is no name.
        assert_no_names("李建设，城关镇人民政府。");
        assert_no_names("经审核，城关镇新华社区建设路12号符合条件。");
        assert_no_names("现予公示，城关镇新华社区建设路12号。");
    }

    #[test]
    fn personal_data_after_the_place_someone_lives_confirms_a_name() {
        // A village or group between the name and its ID, phone or address key.
        assert_eq!(names("王国庆，城关镇新华村，身份证号360730197812106733。"), ["王国庆"]);
        assert_eq!(names("李建设，红星村3组，联系电话13829725721。"), ["李建设"]);
        // An office there names no resident, and a place alone confirms nothing.
        assert_no_names("李建设，县民政局，联系电话0797-8221234。");
        assert_no_names("李建设，城关镇新华村，符合条件。");
    }

    #[test]
    fn clauses_open_after_punctuation_digits_and_line_starts() {
        let text = "王红梅，李国庆。1.张三\n刘志强、赵敏 周平 经审核吴刚";
        let opening: Vec<&str> = text
            .char_indices()
            .filter(|&(at, c)| is_han(c) && opens_clause(text, at))
            .map(|(at, _)| &text[at..advance(text, at, 1)])
            .collect();
        assert_eq!(opening, ["王", "李", "张", "刘", "赵", "周", "经"]);
    }

    #[test]
    fn households_origins_and_dated_facts_are_cues_after_a_name() {
        // 户 (a household), 系 ("is", before where someone comes from), 于 and a date.
        assert_eq!(names("王红梅户（3人）纳入低保。"), ["王红梅"]);
        assert_eq!(names("李国庆系城关镇新华村村民，因病致贫。"), ["李国庆"]);
        assert_eq!(names("经查，王红梅于2026年3月擅自占用耕地。"), ["王红梅"]);
        // Also where the name's last character and 于 are a word (明于, 勇于).
        assert_eq!(names("杨光明于2025年3月死亡，其低保资格自动终止。"), ["杨光明"]);
        assert_eq!(names("经查，张勇于2026.3.5擅自占用耕地。"), ["张勇"]);
        // Words that end in those characters, and 于 before no date, name no one.
        assert_no_names("金融体系建设，林业系统改革，经济关系。");
        assert_no_names("贫困户、五保户、低保户均已入户走访。");
        assert_no_names("华贸中心（论坛相册户型样板间）");
        assert_no_names("本办法成立于当年，毕业于本校。");
        assert_no_names("王庄位于312国道旁。");
    }

    #[test]
    fn names_end_before_organizations() {
        // 商 of 农商银行 followed by a key is no name (商银行 ends like a bank).
        let found = names("收款人：王红梅 开户行：农商银行 账号：6222021234567890128");
        assert_eq!(found, ["王红梅"]);
    }

    #[test]
    fn a_number_after_a_name_confirms_it() {
        // A mobile or ID number right after a separator is personal data of the name.
        assert_eq!(names("王红梅 13812345678 城关镇建设路18号"), ["王红梅"]);
        assert_eq!(names("李建设（360730197812106733）"), ["李建设"]);
        // An office's landline confirms nothing, and a number glued on is refused.
        assert_no_names("李建设，0797-8221234。");
        assert_no_names("王红梅13812345678");
        // Also after a name that begins with a blocklisted word (黄金).
        assert_eq!(names("经办人：黄金凤（14554758971）。"), ["黄金凤"]);
    }

    #[test]
    fn a_count_of_people_closes_a_list_of_names() {
        assert_eq!(names("经公示无异议，王红梅、李国庆二人的申请予以批准。"), ["王红梅", "李国庆"]);
        assert_eq!(names("王红梅、李国庆2户已脱贫。"), ["王红梅", "李国庆"]);
        assert_no_names("来电、来信3人次，城关镇、河西镇2户。");
    }

    #[test]
    fn other_mentions_of_a_found_name_are_names() {
        // A decision names its party under a key, then in words no cue marks.
        let decision =
            "当事人：李国庆，女。\n经查，李国庆的房屋位于新华村。依法对李国庆作出罚款决定。";
        assert_eq!(names(decision), ["李国庆", "李国庆", "李国庆"]);
        // Found later, in a list, the name is masked where it came first too.
        assert_eq!(
            names("致王红梅的一封信\n王红梅、李国庆、张建华等同志："),
            ["王红梅", "王红梅", "李国庆", "张建华"]
        );
        // Also where the name starts a blocklisted word (黄金) or ends one (对白), and where a
        // word crosses its end that a more frequent one after it outweighs (杰作, 作出).
        assert_eq!(names("当事人：黄金杰\n依法对黄金杰作出处理。"), ["黄金杰", "黄金杰"]);
        // A mention that segmentation cut short (白兰 of 白兰红) takes the name found whole.
        assert_eq!(names("致白兰红的一封信\n白兰红同志：\n"), ["白兰红", "白兰红"]);
        assert_eq!(names("当事人：白兰红\n依法对白兰红作出处理。"), ["白兰红", "白兰红"]);
        // Not inside a longer word, nor where the name is a frequent word.
        assert_eq!(names("姓名：高峰\n早高峰期间请绕行。"), ["高峰"]);
        assert_eq!(names("姓名：高明\n效率提高明显。"), ["高明"]);
        assert_eq!(names("姓名：方向\n找准方向。"), ["方向"]);
        // Without a name found, nothing is looked for.
        assert_no_names("李建设的房屋位于新华村。");
    }

    #[test]
    fn a_driving_licence_number_is_an_id_number() {
        // The number of a 驾驶证 is its holder's ID number: personal data after a name.
        let text = "驾驶证注销：王红梅（驾驶证号360730197812106733）、李国庆（驾驶证号360730197911280753）。";
        assert_eq!(names(text), ["王红梅", "李国庆"]);
    }

    #[test]
    fn rare_given_name_characters_count_where_a_cue_confirms_them() {
        // 炯, 芃, 跻, 俨 are in no list of given-name characters and rare as words of their own.
        for (text, name) in [
            ("户主张炯", "张炯"),
            ("张炯同志说", "张炯"),
            ("申请人张炯，男，1965年生。", "张炯"),
            ("张炯，男，汉族，1975年3月生", "张炯"),
            ("户主李芃生", "李芃生"),
            ("被征收人仲跻伟", "仲跻伟"),
            ("户主陈俨，", "陈俨"),
        ] {
            assert_eq!(names(text), [name], "{text}");
        }
        // Without a cue their count of zero refuses them (何况 is a word, 况 rare as one);
        // a frequent character the lists lack is no given name even after a cue (件).
        assert_no_names("何况如此");
        assert_no_names("申请人张件");
    }

    #[test]
    fn a_name_the_dictionary_lists_is_completed_by_one_more_character() {
        // jieba-rs lists 王明, 李俊 and 高明 as names, too frequent to be taken alone, and
        // segments the character after them apart (王明/华/ns, 李俊/杰未/d, 高明/辉在/p).
        assert_eq!(names("依法对王明华进行处罚。"), ["王明华"]);
        assert_eq!(names("李俊杰未按规定办理。"), ["李俊杰"]);
        assert_eq!(names("高明辉在城关镇经营。"), ["高明辉"]);
        // 杰作 is a word, rarer than 作出 (李俊/杰作/出/警告).
        assert_eq!(names("依法对李俊杰作出警告的行政处罚。"), ["李俊杰"]);
        assert_no_names("王明的杰作出版了。");
        // Not words it also tags as names (陈述/期/n, 金陵/城/n, 雷达/图/n), a family's
        // place (李家村), an adverb (刚) nor a kinship word (孙子林国华: the grandson 林国华).
        for text in ["陈述期", "金陵城", "雷达图", "李家村", "王明说"] {
            assert_no_names(text);
        }
        assert_eq!(names("户主王明刚到家。"), ["王明"]);
        assert_eq!(names("家庭成员：妻子方林德，孙子林国华。"), ["方林德", "林国华"]);
    }

    #[test]
    fn penalty_prose_names_its_party() {
        // 国庆, 建设 and 海洋 are frequent words; the penalty's verbs name the party.
        assert_eq!(names("责令刘国庆限期改正。"), ["刘国庆"]);
        assert_eq!(names("对赵建设处以罚款2000元。"), ["赵建设"]);
        assert_eq!(names("因邱海洋拒不履行处罚决定，依法申请强制执行。"), ["邱海洋"]);
        // The segmenter's guess joining 对 to the surname (对王/红梅) is no word.
        assert_eq!(names("依法对王红梅作出处罚，对张红梅进行处罚。"), ["王红梅", "张红梅"]);
        for text in [
            "责令关闭，责令限期改正，责令当事人改正，责令于3日内拆除。",
            "依法处以罚款，并处以没收违法所得。",
            "经多次催告仍拒不履行，当事人拒不改正，该户拒不搬迁，全家拒不搬迁。",
            "不少地方出现了既富又安的喜人景象。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn forms_of_address_after_a_surname_name_no_one_in_full() {
        // 王大爷 and 王师傅 are how a notice speaks of someone it does not name; after 住在
        // they were read as given names.
        for text in [
            "王大爷住在城关镇北门街12号。",
            "王师傅住在城关镇北门街12号。",
            "王奶奶住在城关镇北门街12号。",
            "李阿姨家住城关镇。",
        ] {
            assert_no_names(text);
        }
        // After a full name they are cues; 奶奶 and 爷爷 are kinship words before one.
        assert_eq!(names("李国庆大爷反映，村里道路损坏。"), ["李国庆"]);
        assert_eq!(names("家庭成员：爷爷李德胜，奶奶王秀英。"), ["李德胜", "王秀英"]);
        assert_no_names("吴小姐住在城关镇北门街12号，吴老板住在城关镇北门街13号。");
        assert_eq!(names("李红梅小姐"), ["李红梅"]);
    }

    #[test]
    fn siblings_and_grandparents_are_kinship_words() {
        assert_eq!(names("家庭成员：哥哥王国庆，弟弟王建设。"), ["王国庆", "王建设"]);
        assert_eq!(names("户主刘芳，妹妹刘国庆，外婆张秀英。"), ["刘芳", "刘国庆", "张秀英"]);
        assert_no_names("弟弟高中在读，妹妹常年患病，哥哥于2020年去世，舅舅家住城关镇。");
    }

    #[test]
    fn a_surname_used_as_an_adverb_after_a_cue_starts_no_name() {
        // 曾 is a common surname and the adverb "once": before a grammatical word or verb,
        // or opening the segmenter's guess at a verb (曾任/v), it is the adverb.
        for text in ["户主曾在外务工。", "父亲曾在部队服役。", "户主曾任村长。", "母亲曾任村干部。"]
        {
            assert_no_names(text);
        }
        assert_eq!(names("户主曾国庆，"), ["曾国庆"]);
        assert_eq!(names("户主曾红梅在家。"), ["曾红梅"]);
        assert_eq!(names("王强曾任村长。"), ["王强"]);
        // A preposition after a title before a surname that segmentation tags as a name on
        // its own: the surname starts the name.
        assert_eq!(names("第二组组长由郭建军担任。"), ["郭建军"]);
    }

    #[test]
    fn residents_listed_under_their_village_group_are_named() {
        // The segmenter joins the group or team to the surname (组李秀兰/nr, 组周/n, 队王/n):
        // the text is segmented again from the surname. 及 joins a second name to a named one.
        assert_eq!(names("新华村3组李秀兰因病致贫。"), ["李秀兰"]);
        assert_eq!(names("新华村3组周建军因病致贫。"), ["周建军"]);
        assert_eq!(names("十二组陈秀英因病致贫。"), ["陈秀英"]);
        assert_eq!(names("红星队王红梅因病致贫。"), ["王红梅"]);
        assert_eq!(names("经评议，同意张建华及王红梅纳入低保。"), ["张建华", "王红梅"]);
        // Segmented again with no context before it, the name needs the rest of the clause
        // (黄丽华因病致 reads 黄丽华因/nr).
        assert_eq!(names("新华村3组黄丽华因病致贫。"), ["黄丽华"]);
        // Items that all open with their village group are residents, names that nothing
        // else vouches for (于艳 and 韩涵俊 alone would need a cue).
        assert_eq!(names("河口村12组于艳、大坪村5组韩涵俊因学致困。"), ["于艳", "韩涵俊"]);
        assert_eq!(names("新华村3组王国庆户因病致贫。"), ["王国庆"]);
        // A word of the dictionary across the unit, or no name after it, names no one; nor
        // does a blocklisted word or a natural village after the group: the group itself is
        // no cue (新华村3组李子树, 3组周转房, 3组江边 would read as names).
        for text in [
            "新华村3组和4组合并为一个村民小组。",
            "请到1号周转房登记。",
            "5号周边禁止停车。",
            "红星村3组张贴公告。",
            "新华村3组林地面积200亩。",
            "河口村8组石材加工厂。",
            "大坪村二组王家坪自然村。",
            "新华村3组李子树种植。",
            "新华村3组周转房。",
            "新华村3组江边护栏。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn a_word_ending_before_the_surname_outranks_the_word_the_surname_ends() {
        // 中黄 and 意杨 are words of the dictionary, 其中 and 同意 far more frequent ones.
        assert_eq!(names("其中黄丽华因病致贫。"), ["黄丽华"]);
        assert_eq!(names("经评议，同意杨桂芳因病致贫。"), ["杨桂芳"]);
        // The given name may be a word when it is one of names (中欧: 欧阳 + 娜娜, 建国).
        assert_eq!(names("其中欧阳娜娜因学致困，其中欧阳建国户。"), ["欧阳娜娜", "欧阳建国"]);
        assert_no_names("其中国家补助资金，其中国庆节期间。");
        // 领导 is no given name: 和 joins it to 会议 (议和 is a word, 会议 a more frequent one).
        assert_no_names("会议和领导同志的事务性活动要精简。");
        assert_no_names("其中华侨捐款5万元，其中黄金周期间游客增多。");
    }

    #[test]
    fn an_amount_after_a_name_is_no_number_glued_to_it() {
        // A sum, a count or an age ends with its unit; a name before one is read.
        assert_eq!(names("其中刘志强2000元、黄丽华3000元。"), ["刘志强", "黄丽华"]);
        assert_eq!(names("经评议，刘志强65岁，因病致贫。"), ["刘志强"]);
        assert_eq!(names("其中刘志强1.2万元。"), ["刘志强"]);
        // An account number glued to a name still is not read from running text, and 高达
        // ("as much as") before a sum is no name; nor are crops before weights, fields and
        // plants (杨梅 and 田七 are tagged as names), which names before them share.
        assert_no_names("开户账号李明3501021980****1234");
        assert_no_names("其中李明350102198012。");
        assert_no_names("补偿金额高达50万元。");
        assert_no_names("其中杨梅500斤、黄桃300斤，田七5亩，杨树苗1000株。");
        // Nor a word after 及 and a named person (及时缴纳: 时 is a surname; 万元 is
        // blocklisted).
        assert_eq!(names("户主王红梅及时缴纳费用。"), ["王红梅"]);
        assert_eq!(names("户主刘志强及万元户代表参加。"), ["刘志强"]);
        assert_eq!(names("其中刘志强120平方米。"), ["刘志强"]);
        // A list of names and their sums: named ones vouch for the rest (令狐明 alone is
        // no name the word statistics accept), and a count that closes a list still does.
        assert_eq!(names("其中刘志强3000元、令狐明5500元。"), ["刘志强", "令狐明"]);
        assert_eq!(names("王红梅、李国庆2户已脱贫。"), ["王红梅", "李国庆"]);
    }

    #[test]
    fn the_last_item_of_a_list_may_run_into_the_sentence() {
        // Nothing ends 王鲲 but the verb after it: segmentation does.
        assert_eq!(names("经审核，拟将张炯、李芃生、王鲲纳入低保。"), ["张炯", "李芃生", "王鲲"]);
        // 及 joins the last item, or two people.
        assert_eq!(names("慰问了王建国、李秀英及张炯等困难群众。"), ["王建国", "李秀英", "张炯"]);
        assert_eq!(names("经评议，同意王红梅及仲跻伟纳入特困供养。"), ["王红梅", "仲跻伟"]);
        // Single characters after the surname's word complete it (陆金/霞, 李芃/生), not
        // grammatical ones (王明/在).
        assert_eq!(names("同意高萍军及陆金霞纳入特困供养。"), ["高萍军", "陆金霞"]);
        assert_eq!(names("拟将王红梅、李芃生纳入低保。"), ["王红梅", "李芃生"]);
        // A place cut from its suffix, or a word of the dictionary, is no such item.
        let found = names("经审核，龙潭村5组廖欣明、柏树村五组王红梅因病致贫。");
        assert!(!found.iter().any(|n| n == "柏树"), "{found:?}");
        let found = names("受到哈佛大学校长陆登庭及哈佛各学院院长的欢迎。");
        assert!(!found.iter().any(|n| n == "哈佛"), "{found:?}");
    }

    #[test]
    fn a_place_before_a_labeled_name_is_not_part_of_it() {
        assert_eq!(names("各村（社区）负责人：红星村陈建华，大坪村黄志明。"), ["陈建华", "黄志明"]);
        assert_eq!(names("户主：新华村3组王红梅\n"), ["王红梅"]);
        assert_eq!(names("申请人：东门社区李国庆\n"), ["李国庆"]);
        // A value that is a place alone names no one.
        assert_no_names("申请人：红星村村民委员会\n");
    }

    #[test]
    fn a_name_under_a_key_vouches_for_the_list_it_opens() {
        // 陈俨 alone would need a cue; 王强 under the key is one for the list.
        assert_eq!(names("拟录用人员：王强、陈俨\n"), ["王强", "陈俨"]);
        // The cells of a row are columns, not a list (高一 is a class).
        let text = "序号 学生姓名 班级 监护人 资助金额\n1 王子涵 高一（3）班 王建军 1000\n";
        assert_eq!(names(text), ["王子涵", "王建军"]);
    }

    #[test]
    fn names_that_segmentation_leaves_one_character_short() {
        // 根 of 有根 is tagged a preposition alone (熊有/v 根/p); 同 after a name is one.
        assert_eq!(names("经调解，丁小燕一次性赔偿熊有根医疗费。"), ["丁小燕", "熊有根"]);
        assert_eq!(names("户主王明同其妻子"), ["王明"]);
        // 赔偿 is a cue before the one compensated, not before what is paid.
        assert_no_names("依法赔偿金额由法院确定，赔偿费用由保险公司承担，赔偿标准按规定执行。");
        // A doubled given name cut by the segmenter (韩梅/梅户), not before a word (明天).
        assert_eq!(names("经民主评议，同意将韩梅梅户纳入低保。"), ["韩梅梅"]);
        assert_eq!(names("户主李明明天到村委会。"), ["李明"]);
        // After a cue, a name whose first characters are a word of the dictionary (诸葛亮)
        // takes the given-name character before the punctuation, not one before a number.
        assert_eq!(names("户主诸葛亮平，家庭成员3人。"), ["诸葛亮平"]);
        assert_eq!(names("户主王平，家庭成员3人。"), ["王平"]);
        assert_eq!(names("委员长乔石从3月起出访。"), ["乔石"]);
        // A list item whose compound surname a village group runs into.
        assert_eq!(names("龙潭村三组欧阳桂英、司马怡洋等二户"), ["欧阳桂英", "司马怡洋"]);
        assert_eq!(names("城关有限公司马建国、李国庆等二人"), ["马建国", "李国庆"]);
        assert_eq!(
            names("经公示无异议，令狐金浩、肖文明2名的申请予以批准。"),
            ["令狐金浩", "肖文明"]
        );
        // A single character after a two-character name that the segmenter tags as a name
        // too (杨斌/nr 玉/nr, 许国/ns 涛/nr) ends the name: a mask of two would leave it.
        assert_eq!(names("多次帮助困难户杨斌玉解决就医问题。"), ["杨斌玉"]);
        assert_eq!(names("信访人许国涛反映的问题已转交办理。"), ["许国涛"]);
        // After a cue, a single character that segmentation leaves between the name and a
        // word (韦涛/nr 平/n 解决, 邹娜/nr 豪/n 一案) — not a grammatical word, an adverb or
        // a verb (在, 刚, 曾, 患).
        assert_eq!(names("多次帮助困难户韦涛平解决就医问题。"), ["韦涛平"]);
        assert_eq!(names("申请执行人曾建国与被执行人邹娜豪一案已执行终结。"), ["曾建国", "邹娜豪"]);
        for text in ["户主王明在家休养。", "户主王明刚到家。", "户主王明曾在外务工。"]
        {
            assert_eq!(names(text), ["王明"], "{text}");
        }
        // One more given-name character closes a name that opens an item (潘辉/nr 超/v).
        assert_eq!(names("2.潘辉超，新民村四组，家庭人口3人。"), ["潘辉超"]);
        // A surname inside an accepted name starts none (丁林海, not 林海 as well).
        assert_eq!(names("4.丁林海，龙潭村五组，家庭人口5人。"), ["丁林海"]);
    }

    #[test]
    fn common_given_names_that_are_words_follow_a_surname_without_a_cue() {
        // jieba segments 王/红梅 ("red plum"), 刘/玉兰 ("magnolia"), 陈/建军 ("found an
        // army"): listed given names, they make a name with the surname before them.
        assert_eq!(names("关于给予王红梅警告处分的决定"), ["王红梅"]);
        assert_eq!(names("经办人：王红梅"), ["王红梅"]);
        assert_eq!(names("经查，刘玉兰于2025年骗取低保金。"), ["刘玉兰"]);
        // Not after a surname used as a preposition or conjunction, nor a word of the
        // dictionary that is no listed given name (和/平安).
        assert_no_names("共同向红梅花开的方向前进。");
        assert_no_names("希望大家和平安定地生活。");
    }

    #[test]
    fn given_names_of_the_most_frequent_full_names_need_no_cue() {
        // 磊 and 洋 are rare in the names the derived counts come from, yet 王磊 and 刘洋 are
        // among the most frequent full names.
        assert_eq!(names("一等奖：王磊；二等奖：李静。"), ["王磊", "李静"]);
        assert_eq!(names("由刘洋负责具体工作。"), ["刘洋"]);
    }

    #[test]
    fn appointment_line_opening() {
        assert_eq!(names("张伟，男，汉族，1975年3月生，大学学历。"), ["张伟"]);
        assert_eq!(names("1. 李娜（女，1980年5月生）"), ["李娜"]);
        // A surname that is also a preposition opens the line: nothing comes before the
        // name for it to govern (向 + 金凤 is segmented as a preposition and a name).
        assert_eq!(
            names("向金凤，女，汉族，1982年6月生。\n于金凤，女，1985年生。"),
            ["向金凤", "于金凤"]
        );
        assert_eq!(names("向金凤（城关镇新华村3组12号），保障人口3人。"), ["向金凤"]);
        assert_eq!(names("请向李明同志学习。"), ["李明"]);
        assert_eq!(names("（2）王芳，女，汉族，1982年7月生"), ["王芳"]);
    }

    #[test]
    fn lists_joined_by_commas() {
        assert_eq!(names("慰问了王建国、李秀英、赵敏等困难群众。"), ["王建国", "李秀英", "赵敏"]);
        // In a list of people with names in it, a name that is also a word (东方红 is a
        // song, and blocklisted) is a name; among places it is not.
        assert_eq!(
            names("慰问对象：孟金萱、东方红、董宇伟等3户。"),
            ["孟金萱", "东方红", "董宇伟"]
        );
        assert_no_names("途经红星村、东方红、新民村等地。");
        // A list of mostly names settles a blocklisted item (黎明 is a word).
        assert_eq!(
            names("授予黎明杰、戴安娜、司徒雷登、韦小宝“优秀共产党员”称号。"),
            ["黎明杰", "戴安娜", "司徒雷登", "韦小宝"]
        );
        // 户 after a name is the household's, not the name's.
        assert_eq!(
            names("被征收人龚德胜、夏桂兰户，房屋坐落于城关镇东门社区建设巷5号。"),
            ["龚德胜", "夏桂兰"]
        );
    }

    #[test]
    fn households_of_demolition_notices_are_named() {
        // 拆迁户 and 被征收户 label and precede the household's head (国庆 is a frequent word).
        assert_eq!(names("拆迁户：欧阳国庆，被拆迁房屋坐落于南塘镇河口村8组21号。"), ["欧阳国庆"]);
        assert_eq!(names("拆迁户欧阳国庆的房屋"), ["欧阳国庆"]);
        assert_eq!(names("被征收户陈秀英、刘建国"), ["陈秀英", "刘建国"]);
    }

    #[test]
    fn salutation_lines_name_the_person_served() {
        // A notice served on a person opens with the name alone before a colon.
        assert_eq!(names("秦建玉：\n你户位于安远县茶园村7组35号的房屋。"), ["秦建玉"]);
        assert_eq!(names("通知\n郝萱春:\n"), ["郝萱春"]);
        // Not offices, words, blocklisted words, a surname with 女士, or a name in a sentence.
        for text in ["各乡镇人民政府：\n", "方法：\n", "王府井：\n", "王女士：\n", "高度重视：\n"]
        {
            assert_no_names(text);
        }
        // Only a line's whole text is a salutation.
        assert!(super::salutation("秦建玉：\n", 0, 9));
        assert!(!super::salutation("请联系秦建玉：\n", 9, 18));
        assert!(!super::salutation("秦建玉：你户…\n", 0, 9));
    }

    #[test]
    fn header_rows_name_no_one() {
        // A header read as a cue and a name (姓名 班级) under single spaces, as in a table
        // extracted from a PDF; the rows below it are labeled by column.
        let text = "序号 学生姓名 班级 监护人 资助金额\n1 王子涵 高一（3）班 王建军 1000\n";
        assert_eq!(names(text), ["王子涵", "王建军"]);
        assert_no_names("序号 学生姓名 班级 监护人 资助金额\n");
    }

    #[test]
    fn lists_joined_by_full_width_commas_and_spaces() {
        assert_eq!(names("表彰名单：王建国，李秀英，赵敏等同志。"), ["王建国", "李秀英", "赵敏"]);
        assert_eq!(names("刘洋 陈静 杨帆 赵磊\n"), ["刘洋", "陈静", "杨帆", "赵磊"]);
        assert_eq!(names("拟录用人员：刘洋 陈静 杨帆 赵磊\n"), ["刘洋", "陈静", "杨帆", "赵磊"]);
        // Clauses joined by commas are not lists of names.
        for text in ["经调查研究，决定如下", "时许，当事人离开", "特此公告，请相互转告"]
        {
            assert_no_names(text);
        }
    }

    #[test]
    fn list_items_may_carry_notes() {
        // 繁荣 is a frequent word: only the list settles 曾繁荣, past its note.
        assert_eq!(
            names("拟将曾繁荣（C级危房）、温秀珍（D级危房）、李建华等3户列为改造对象。"),
            ["曾繁荣", "温秀珍", "李建华"]
        );
        assert_eq!(names("请王五（户主）、赵六、钱七(已故)同志签字。"), ["王五", "赵六", "钱七"]);
        // Notes of offices and places are no names.
        assert_no_names("各乡镇（街道）、县直各单位、驻县单位（部门）：");
        // A bracket that does not close within a note is not one.
        assert_eq!(super::note_after("（未闭合的很长很长很长很长很长的说明文字）", 0), 0);
        assert_eq!(super::note_before("王五（户主）", "王五（户主）".len()), "王五".len());
    }

    #[test]
    fn columns_of_names_name_their_other_cells() {
        // A table without a header: 刘建国 and 张海燕 are names on their own; 红梅 and 高尚
        // are frequent words, named by the column.
        let table = "1\t王红梅\t城关镇\t因病\n2\t刘建国\t城关镇\t因灾\n3\t高尚\t黄金乡\t因学\n\
                     4\t张海燕\t黄金乡\t因病\n";
        assert_eq!(names(table), ["王红梅", "刘建国", "高尚", "张海燕"]);
        // Numbered items that open with a name and go on with an address.
        let items = "1.王红梅，城关镇新华社区建设路12号，女。\n2.刘建国，城关镇解放路3号，男。\n\
                     3.陈秀英，黄金乡大塘村下屋组，女。\n";
        assert_eq!(names(items), ["王红梅", "刘建国", "陈秀英"]);
        // One named cell and the others all reading as names.
        assert_eq!(names("（1）林浩（户主）\n（2）莫国庆\n"), ["林浩", "莫国庆"]);
        // Three cells that all read as names and are no dictionary words, none named yet.
        assert_eq!(
            names("1.侯文明，石门乡\n2.谢国庆，石门乡\n3.熊国庆，南塘镇\n"),
            ["侯文明", "谢国庆", "熊国庆"]
        );
    }

    #[test]
    fn columns_of_words_are_no_names() {
        for text in [
            // Items of a work plan open with words that start with a surname character.
            "一、高度重视，加强领导。\n二、严格要求，落实责任。\n三、明确分工，强化考核。\n",
            "（1）张贴公告，告知群众。\n（2）高效办理，限时办结。\n（3）万元以上，须经审批。\n",
            // Places, forms, a name among places (not a column mostly of names).
            "1.石城县，完成率98%。\n2.宁都县，完成率95%。\n3.于都县，完成率90%。\n",
            "1.明细表，见附件1。\n2.汇总表，见附件2。\n3.花名册，见附件3。\n",
            "1\t常规检查\t合格\n2\t专项检查\t合格\n3\t随机抽查\t不合格\n",
            "1\t黄金乡\t王府井\n2\t东山乡\t高度\n3\t石门乡\t周边\n",
        ] {
            assert_no_names(text);
        }
        // Two named cells of five do not name the other three (金秋, 春风, 夏季 are words).
        let text = "1.金秋助学\n2.春风行动\n3.张三丰\n4.李秀英\n5.夏季送清凉\n";
        assert_eq!(names(text), ["张三丰", "李秀英"]);
    }

    #[test]
    fn a_surname_used_as_a_function_word_starts_no_cued_name() {
        // 和, 任 are surnames; here a conjunction and a verb before a two-character name.
        assert_eq!(names("由王建国和李明同志负责。"), ["王建国", "李明"]);
        assert_eq!(names("经研究，同意和李明先生签订合同。"), ["李明"]);
        assert_eq!(names("决定任李明同志为办公室主任。"), ["李明"]);
        // Before a word that is not a name they are surnames.
        assert_eq!(names("任建国同志任办公室主任。"), ["任建国"]);
        assert_eq!(names("会议由和建国同志主持。"), ["和建国"]);
        assert_eq!(names("向红梅同志任办公室主任。"), ["向红梅"]);
        // 何 is a pronoun to jieba-rs: before a frequent verb (建设) and a cue that is no
        // verb it is the surname; 如何, 任何, 为何 are words of their own.
        assert_eq!(names("经研究，决定给予何建设同志警告处分。"), ["何建设"]);
        assert_eq!(names("现对何建设等12名同志进行任前公示。"), ["何建设"]);
        assert_eq!(names("本次新增何建设户（2人）、于红梅户（3人）。"), ["何建设", "于红梅"]);
        assert_no_names("如何建设同志们满意的机关，为何发展同志关系，任何建设项目。");
    }

    #[test]
    fn official_phrases_are_not_names() {
        for text in [
            // Adjective and noun that the segmenter's dictionary tags as names.
            "努力建设高素质干部队伍，推动高水平发展。",
            // A title, then a surname character used as a verb before another title.
            "成立由党委书记任组长的工作领导小组。",
            // A title, then a preposition or conjunction.
            "主任向全体职工致辞。",
            // A verb that begins with a surname character, cut before a title.
            "成立以县长为组长的领导小组。",
            // 副 of a title is no given name (常务副校长), and a conjunction before a
            // frequent verb starts none.
            "中央党校常务副校长出席。",
            "伙同公司副总经理作案。",
            "由社会两员和申请家庭共同参与。",
            // Grammatical words are no given names (的, 是 before the cues 同志, 老人).
            "新闻战线的同志们要继续努力。",
            "参加活动的几乎全是老人。",
            // A cue after a list whose last item is no name (各位 is "everyone").
            "各位代表、各位同志：",
        ] {
            assert_no_names(text);
        }
        // A surname with 女士 or 先生 names nobody in full.
        assert_no_names("感谢热心市民刘女士拾金不昧。");
        // Nor before personal data: an office's contact person (联系人：王女士，联系电话).
        assert_no_names("联系人：王女士，联系电话：0797-8123456");
        assert_no_names("王女士，女，汉族");
        // A cue glued to the name by segmentation (王/小家庭) still confirms it.
        assert_eq!(names("户主王小家庭人口4人。"), ["王小"]);
        // A cue still confirms such a reading where it is a name.
        assert_eq!(names("黄海军同志任办公室主任。"), ["黄海军"]);
    }

    #[test]
    fn blocklisted_words_are_not_names() {
        for text in [
            "请于周边张贴公告。",
            "高度重视林业工作",
            "黄金周期间王府井游客多",
            "万元以上于是何时常住",
            // Words the segmenter's dictionary tags as names.
            "包括白皮书在内的材料已经上报，培训林农三百人次。",
            "2026年度城乡居民临时救助对象花名册",
            "发放安家费，查验居留证。",
        ] {
            assert_no_names(text);
        }
    }

    #[test]
    fn page_boilerplate_is_settled_without_a_window() {
        // Every government page ends with 索引号 and 公网安备 lines, and notices repeat
        // 公示/公开 phrases; the blocklist settles them before any segmentation.
        let names = super::PersonName::new(&crate::dict::Dictionaries::built_in());
        let text = "索引号：421518564/2020-70650\n赣公网安备43050187005635号\n现将名单公示如下。\
                    统一社会信用代码：91360730MA35\n关于公布2026年公开招聘结果的公告";
        let mut pending =
            names.first_pass(text, &Default::default(), &[], &[], &[], &mut Vec::new());
        names.settle_without_window(text, &mut pending, &[]);
        let windowed: Vec<&str> =
            pending.iter().filter(|p| p.open()).map(|p| &text[p.at..]).collect();
        assert!(windowed.is_empty(), "{windowed:?}");
    }

    #[test]
    fn dotted_names_end_where_their_words_end() {
        // The words around the name are not part of it: a title or group before, a verb
        // or a grammatical word after.
        assert_eq!(names("村民买买提·艾力申请低保。"), ["买买提·艾力"]);
        assert_eq!(names("喀什市居民古丽努尔·艾合买提家住喀什市"), ["古丽努尔·艾合买提"]);
        assert_eq!(names("新疆维吾尔自治区的买买提·艾力获奖"), ["买买提·艾力"]);
        assert_eq!(names("买买提·艾力是村民"), ["买买提·艾力"]);
        // A run longer than a part on the left, and a name of three parts.
        assert_eq!(names("波兰共和国总统亚历山大·克瓦希涅夫斯基访华"), ["亚历山大·克瓦希涅夫斯基"]);
        assert_eq!(names("阿卜杜热合曼·买买提·艾力，男，1980年生"), ["阿卜杜热合曼·买买提·艾力"]);
        // Surnames inside a dotted name (卜 of 阿卜杜) start no name of their own, and a
        // list item is not a part of one.
        assert_eq!(names("经审核，同意阿卜杜热合曼·买买提享受救助。"), ["阿卜杜热合曼·买买提"]);
        assert_eq!(names("王五、买买提·艾力、李四等同志"), ["王五", "买买提·艾力", "李四"]);
        // Rare words that are no names end it too (经查 is a verb), and a dot after a
        // name with no part behind it is not part of the name.
        assert_eq!(names("经查买买提·艾力·"), ["买买提·艾力"]);
        assert_eq!(names("现将买买提·艾力同志"), ["买买提·艾力"]);
        // A listed part that the segmenter joins to the word after it (热合 + 曼系).
        assert_eq!(names("户主古丽娜·热合曼系低保户。"), ["古丽娜·热合曼"]);
        // Headings and breadcrumbs joined by dots are no names.
        for text in ["单价·数量", "首页·政务公开·通知公告", "【党建·动态】", "查看·打印"]
        {
            assert_no_names(text);
        }
        // Parts the segmenter does not know, or tags as names or places.
        for name in ["艾尔肯·阿不都", "阿依古丽·吐尔逊", "扎西·多吉", "巴特尔·孟和"]
        {
            assert_eq!(names(&format!("经审核，{name}符合条件。")), [name]);
        }
    }

    #[test]
    fn names_glued_to_numbers_are_not_read_from_running_text() {
        // Masked, 李* would join the number that follows (`李*3501…`).
        assert_eq!(names("开户账号李明3501021980****1234"), Vec::<String>::new());
        assert_eq!(names("户主王建国，身份证号：11010519491231002X"), ["王建国"]);
        // In a table the cell boundary separates them.
        assert_eq!(names("姓名\t身份证号\n李明\t11010519491231002X\n"), ["李明"]);
    }

    #[test]
    fn pseudonyms_are_masked_names() {
        let found = detect("经查，张某某于2024年违规。");
        assert!(found.iter().any(|(k, v, _)| *k == PiiKind::PersonName && v == "张某某"));
    }

    #[test]
    fn lists_of_temples_and_historic_buildings_are_not_names() {
        // A 文物保护单位 list: items of a surname and two characters, one of them a
        // building's (庙, 宫, 寺, 阁, 塔).
        assert_no_names(
            "第八批县级文物保护单位名单：关帝庙、文昌宫、白马寺、玉皇阁、龙王庙、白塔。",
        );
        assert_no_names("修缮高基庙和杨氏宗祠。");
        // Among names, an item is a name whatever it ends with.
        assert_eq!(names("王建国、李秀英、张会等同志"), ["王建国", "李秀英", "张会"]);
    }

    #[test]
    fn prose_words_that_segmentation_tags_as_names_are_not_names() {
        assert_no_names("活动将于金秋十月举行，季后赛期间金字塔造型的展馆开放。");
        assert_no_names("申请白金卡的客户参观宋元明清时期的建筑。");
        // jieba's dictionary tags transliterated places and clubs `nr` (阿富汗 817, 乌克兰
        // 697): frequent words whose first character is a rare surname.
        assert_no_names("组织赴乌克兰考察，途经阿富汗。");
        // Natural villages named by a family and the land.
        assert_no_names("王家坪、张家湾、杨家堡等3个自然村的道路已硬化。");
        assert_no_names("申请人长期在吴家堡打工。");
        assert_no_names("朱家祠堂、李家大院已列入保护名录。");
        // Trade names of businesses.
        assert_no_names("对赣州金龙建设工程有限公司予以通报表扬。");
        // The same last characters after another given-name character end names, and a
        // cue makes a person of a name that reads as a village.
        assert_eq!(names("户主郭东坡，男，身份证号：360730198505121234"), ["郭东坡"]);
        assert_eq!(names("户主张家坪，男，身份证号：360730198505121234"), ["张家坪"]);
        // One with a common surname is still read as a name (刘少奇: 1,025).
        assert_eq!(names("由刘少奇负责。"), ["刘少奇"]);
    }

    #[test]
    fn transliterated_names_of_two_parts_need_no_cue() {
        assert_eq!(names("经审核，拟将次仁多吉纳入低保。"), ["次仁多吉"]);
        assert_eq!(
            names("拟将次仁多吉、扎西顿珠、央金卓玛等3户纳入低保。"),
            ["次仁多吉", "扎西顿珠", "央金卓玛"]
        );
        assert_eq!(names("户主：买买提艾力，身份证号：650102198001011234")[0], "买买提艾力");
    }

    #[test]
    fn a_single_transliterated_part_needs_a_cue_or_a_list() {
        assert_eq!(names("申请人扎西，家住城关镇。"), ["扎西"]);
        assert_eq!(names("古丽同志"), ["古丽"]);
        assert_eq!(names("吐尔逊江、艾尔肯、热依拉等3户"), ["吐尔逊江", "艾尔肯", "热依拉"]);
        assert_eq!(
            names("买买提·艾力、阿不都热合曼·依明、古丽努尔等同志"),
            ["买买提·艾力", "阿不都热合曼·依明", "古丽努尔"]
        );
        // One part alone is a word or a place as often as a name.
        assert_no_names("扎西镇的格桑花开了。");
        assert_no_names("欢迎来到扎西。");
    }

    #[test]
    fn transliterated_parts_do_not_start_inside_words_or_places() {
        // Ordinary words holding parts (许多吉祥: 多吉; 参加措施: 加措).
        assert_no_names("许多吉祥物都参加措施讨论。");
        // 才让 is a name before 同志, but 才 here ends 刚才, a frequent word.
        assert_no_names("刚才让同志们久等了。");
        // A part before a place suffix names the place (尼玛村, 次仁多吉乡).
        assert_no_names("次仁多吉乡人民政府");
        // After a surname, one part is a Chinese given name.
        assert_eq!(names("石玉珍（女）"), ["石玉珍"]);
    }

    #[test]
    fn dotted_names_take_every_transliterated_part() {
        // The segmenter cuts 阿不都 off as an adverb; the part list keeps it in the name.
        assert_eq!(names("阿不都热合曼·依明同志"), ["阿不都热合曼·依明"]);
    }
}
