//! `address`: home addresses (住址, 房屋坐落) in tables, fields and prose.
//!
//! Division names (province → township) are looked up where one can end (at 省, 市, 区, 县,
//! 镇, 乡 …: a hash lookup per length, only at those characters, which costs less than an
//! automaton step on every byte of a 39k-name dictionary); short forms (嘉定, 湘潭) are
//! tried where an address is being read. A suffix grammar then reads what follows (`红星村` `3组` `12号`,
//! `幸福小区` `3栋` `2单元` `301室`). Whose address it is comes from context: a personal cue
//! or field (家住, 户籍地, 家庭住址) makes it a leak; an organizational one (办公地址, 地址 of an
//! office, an address followed by 人民政府) makes it public. Without a cue, only an address
//! that reaches door level (号, 室, 组 …) is reported, as personal with lower confidence.
//!
//! Masking keeps the divisions down to the profile's level (township by default), so each
//! candidate records how many value characters reach each level.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::detect::{Candidate, Inline, explain, organization};
use crate::dict::{AddressContext, Dictionaries, DivisionLevel, FieldKind};
use crate::kind::PiiKind;
use crate::mask::value_chars;
use crate::redacted::Redacted;
use crate::structure::{Structure, is_filler};
use crate::text::{CharFinder, is_han};

/// A division name found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DivisionMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) level: DivisionLevel,
}

/// Suffixes that end an address component, longest first where one is a prefix of another.
/// The flag says whether the component is door level (identifies a household).
const SUFFIXES: &[(&str, Part)] = &[
    ("居委会", Part::Village),
    ("村委会", Part::Village),
    ("街道", Part::Township),
    ("苏木", Part::Township),
    ("社区", Part::Village),
    ("小区", Part::Estate),
    ("花园", Part::Estate),
    ("家园", Part::Estate),
    ("新村", Part::Village),
    ("大道", Part::Street),
    ("大街", Part::Street),
    ("单元", Part::Door),
    ("公寓", Part::Estate),
    ("镇", Part::Township),
    ("乡", Part::Township),
    ("村", Part::Village),
    ("屯", Part::Village),
    ("寨", Part::Village),
    ("组", Part::Door),
    ("队", Part::Door),
    ("路", Part::Street),
    ("街", Part::Street),
    ("巷", Part::Street),
    ("弄", Part::Door),
    ("里", Part::Street),
    ("苑", Part::Estate),
    ("园", Part::Estate),
    ("号楼", Part::Door),
    ("号", Part::Door),
    ("栋", Part::Door),
    ("幢", Part::Door),
    ("座", Part::Door),
    ("楼", Part::Door),
    ("层", Part::Door),
    ("室", Part::Door),
    ("门", Part::Door),
    ("户", Part::Door),
];

/// Last characters of natural villages named by a family, 家 and the land (刘家沟, 王家湾,
/// 李家坪): 家 and one of them end a village, looked up only after 家. More of them than
/// the name finder refuses (岭, 岗, 庄, 营 also end given names after 家): here an address
/// is being read already.
const FAMILY_VILLAGE_LAND: &str = "湾沟坪岭岗庄营铺冲垸坝堡洼峪嘴咀窑塘坡寨坳";

/// Returns true for digits and the Chinese numerals that number village groups.
/// Returns the length in bytes of the group number and 组 that open `after`, the text right
/// after a village's 村 (`3组`, `十二组` of 新华村3组), when they do.
pub(crate) fn group_after_village(after: &str) -> Option<usize> {
    let numeral = after.find(|c: char| !is_numeral(c)).unwrap_or(after.len());
    (numeral > 0 && after[numeral..].starts_with('组')).then(|| numeral + '组'.len_utf8())
}

/// Returns the length in bytes of a group named by one or two characters and 组 that
/// opens `after` (`下屋组` of 濂江村下屋组), when punctuation, a door number or the end of
/// the text follows it: not 党组织, 小组长, 民小组 (村民小组), which run on or are words.
fn named_group(after: &str) -> Option<usize> {
    let mut chars = after.char_indices();
    let names = |c: char| is_han(c) && !"党民小委两干级组".contains(c);
    let (_, first) = chars.next()?;
    let end = match chars.next()? {
        (i, '组') if names(first) => i,
        (_, second) if names(first) && names(second) => {
            let (i, c) = chars.next()?;
            if c != '组' {
                return None;
            }
            i
        }
        _ => return None,
    };
    let group = end + '组'.len_utf8();
    let next = after[group..].chars().next();
    next.is_none_or(|c| !is_han(c) || c == '号').then_some(group)
}

pub(crate) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(c)
}

/// Returns true for the first characters of [`SUFFIXES`]: only at these is a suffix
/// compared.
fn starts_suffix(c: char) -> bool {
    matches!(
        c,
        '居' | '村'
            | '街'
            | '苏'
            | '社'
            | '小'
            | '花'
            | '家'
            | '新'
            | '大'
            | '单'
            | '公'
            | '镇'
            | '乡'
            | '屯'
            | '寨'
            | '组'
            | '队'
            | '路'
            | '巷'
            | '弄'
            | '里'
            | '苑'
            | '园'
            | '号'
            | '栋'
            | '幢'
            | '座'
            | '楼'
            | '层'
            | '室'
            | '门'
            | '户'
    )
}

/// What an address component is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Township,
    Village,
    Street,
    Estate,
    Door,
}

/// Returns true for the characters that end an address in running text: function words
/// that never sit inside a place name here (nor, mostly, inside an organization's).
pub(crate) fn is_stop_char(c: char) -> bool {
    matches!(
        c,
        '的' | '在'
            | '是'
            | '和'
            | '与'
            | '及'
            | '等'
            | '为'
            | '了'
            | '对'
            | '将'
            | '已'
            | '由'
            | '从'
            | '向'
            | '把'
            | '被'
            | '其'
            | '该'
            | '经'
            | '因'
            | '并'
            | '或'
            | '但'
            | '如'
            | '就'
            | '都'
            | '也'
            | '还'
    )
}

/// Suffixes of street names that a stop character may end a name before (成都路).
const STREET_SUFFIXES: &[&str] = &["路", "街", "巷", "大道", "大街"];

/// Office names, and business premises, that make an address organizational when they
/// follow it.
const OFFICE_SUFFIXES: &[&str] = &[
    "人民政府",
    "政府",
    "委员会",
    "办事处",
    "服务中心",
    "中心",
    "局",
    "大厦",
    "大楼",
    "办公室",
    "法院",
    "检察院",
    "派出所",
    "医院",
    "卫生院",
    "福利院",
    "敬老院",
    "养老院",
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "村委会",
    "居委会",
    "服务站",
    "公司",
    "银行",
    "政务服务",
    // Business premises (`在其位于…路18号的门店内经营`): where a party trades, published
    // with the decision, not where it lives.
    "门店",
    "店铺",
    "商铺",
    "经营场所",
    "厂房",
    "厂区",
    "仓库",
];

/// Longest run of characters before a suffix in one component.
const MAX_COMPONENT: usize = 10;
/// Most components of one address: province, city, county, township, village, group, road,
/// number, estate, building, unit, room — and a few to spare.
const MAX_COMPONENTS: usize = 16;

/// Finds addresses.
pub(crate) struct Address {
    /// Full division names by name.
    divisions: FxHashMap<Box<str>, DivisionLevel>,
    /// Short forms (嘉定) by name, with the level of the division they stand for.
    short: FxHashMap<Box<str>, DivisionLevel>,
    /// The last two characters of full names, with the lengths (bit n: n characters) of
    /// the names ending so: most characters that can end a name (县 of 民政局县) are
    /// rejected by one lookup, and only lengths that exist are looked up.
    tails: FxHashMap<(char, char), u32>,
    /// The same for the last three characters of names of three and more: a pair that
    /// ends many names (乡镇, 新区) is settled by one more lookup instead of one per length.
    tails3: FxHashMap<(char, char, char), u32>,
    /// Longest short name, in characters.
    longest_short: usize,
    cues: AhoCorasick,
    contexts: Vec<AddressContext>,
    finals: FinalSearch,
    /// The township suffixes of [`SUFFIXES`] (街道, 苏木, 镇, 乡) and their last characters:
    /// at most finals (县, 市, 区) a township the dictionary lacks is settled by one compare
    /// of each.
    township_suffixes: Vec<(&'static str, char)>,
    /// A stop character and its neighbour, inside two or more division names (和平, 向阳,
    /// 太和, 将军, 经济): there the character is part of a place name (和平路, 向阳村, 太和镇),
    /// not the function word that ends an address.
    stop_pairs: FxHashSet<(char, char)>,
    /// Finds 村, where a village group of a name's record may end.
    villages: CharFinder,
    /// The keys of names (申请人, 投诉人, 户主 …), for a party that a cue names without a
    /// colon (`投诉人李建设，联系地址：…`).
    party_keys: AhoCorasick,
}

/// Finds the characters of [`DIVISION_FINALS`] in text: a SIMD search (Teddy) where the CPU
/// has one (x86-64, AArch64) — testing every character was most of the cost of finding
/// divisions — else an automaton.
enum FinalSearch {
    Packed(aho_corasick::packed::Searcher),
    Automaton(AhoCorasick),
}

impl FinalSearch {
    fn new() -> Self {
        let finals = DIVISION_FINALS.map(String::from);
        match aho_corasick::packed::Searcher::new(finals.iter()) {
            Some(searcher) => FinalSearch::Packed(searcher),
            None => FinalSearch::Automaton(
                AhoCorasick::new(finals).expect("the division finals make an automaton"),
            ),
        }
    }

    /// Calls `f` with the start, end and character of each final in `text`, in order.
    fn each(&self, text: &str, mut f: impl FnMut(usize, usize, char)) {
        let emit = |m: aho_corasick::Match| {
            f(m.start(), m.end(), DIVISION_FINALS[m.pattern().as_usize()]);
        };
        match self {
            FinalSearch::Packed(s) => s.find_iter(text).for_each(emit),
            FinalSearch::Automaton(a) => a.find_iter(text).for_each(emit),
        }
    }
}

/// The last characters of `DIVISION_SUFFIXES` of the derivation script (省 市 区 县 旗 州
/// 盟 镇 乡 街道 苏木), all three bytes long in UTF-8.
const DIVISION_FINALS: [char; 11] =
    ['省', '市', '区', '县', '旗', '州', '盟', '镇', '乡', '道', '木'];

/// The parse of an address from its start.
#[derive(Debug, Default)]
struct Chain {
    end: usize,
    /// Value characters up to each level (see `Candidate::levels`).
    levels: [u8; 4],
    components: usize,
    door: bool,
    village: bool,
    /// A part below the township was read (village, street, estate, door).
    below_township: bool,
    /// Stars follow the parsed part (an address already masked, `城关镇******`).
    starred: bool,
    /// A division name (not a short form alone) was read.
    division: bool,
    /// A street was read (建设路).
    street: bool,
    /// A housing estate was read (幸福小区, 南湖花园).
    estate: bool,
}

impl Address {
    pub(crate) fn new(dict: &Dictionaries) -> Self {
        let mut divisions: FxHashMap<Box<str>, DivisionLevel> = FxHashMap::default();
        let mut short: FxHashMap<Box<str>, DivisionLevel> = FxHashMap::default();
        for d in &dict.divisions {
            let map = if d.short { &mut short } else { &mut divisions };
            map.entry(d.name.as_str().into()).or_insert(d.level);
        }
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(dict.address_cues.iter().map(|(w, _)| w))
            .expect("address cue automaton builds");
        let mut tails: FxHashMap<(char, char), u32> = FxHashMap::default();
        let mut tails3: FxHashMap<(char, char, char), u32> = FxHashMap::default();
        for name in divisions.keys() {
            let mut rev = name.chars().rev();
            let len = name.chars().count();
            if let (Some(last), Some(before), true) = (rev.next(), rev.next(), len < 32) {
                *tails.entry((before, last)).or_default() |= 1 << len;
                if let Some(before2) = rev.next() {
                    *tails3.entry((before2, before, last)).or_default() |= 1 << len;
                }
            }
        }
        let stop_pairs = stop_pairs(divisions.keys().map(|k| &**k));
        Address {
            stop_pairs,
            villages: CharFinder::new('村'),
            party_keys: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(
                    dict.fields.iter().filter(|(_, k)| *k == FieldKind::PersonName).map(|(w, _)| w),
                )
                .expect("party key automaton builds"),
            tails,
            tails3,
            longest_short: short.keys().map(|k| k.chars().count()).max().unwrap_or(0),
            divisions,
            short,
            cues,
            contexts: dict.address_cues.iter().map(|(_, c)| *c).collect(),
            finals: FinalSearch::new(),
            township_suffixes: SUFFIXES
                .iter()
                .filter(|&&(_, part)| part == Part::Township)
                .filter_map(|&(suffix, _)| Some((suffix, suffix.chars().next_back()?)))
                .collect(),
        }
    }

    /// Returns the full division names in `text`, in order, without overlaps: at each
    /// character that can end a name, the longest name ending there.
    pub(crate) fn divisions(&self, text: &str) -> Vec<DivisionMatch> {
        let mut found: Vec<DivisionMatch> = Vec::new();
        let mut starts = [0usize; 32];
        self.finals.each(text, |at, end, last| {
            let listed = self.listed_division(text, at, end, last, &mut starts);
            let Some((start, level)) = listed.or_else(|| self.unlisted_township(text, end, last))
            else {
                return;
            };
            let m = DivisionMatch { start, end, level };
            match found.last() {
                // `江西省` then `西省`: keep the earlier, longer one.
                Some(last) if start < last.end && start >= last.start => {}
                // A longer name covering the previous one.
                Some(last) if start < last.end => {
                    found.pop();
                    found.push(m);
                }
                _ => found.push(m),
            }
        });
        found
    }

    /// Returns the start and level of the longest listed division name that ends with the
    /// final `last` at `at..end`. `starts` is scratch space for character starts.
    #[inline]
    fn listed_division(
        &self,
        text: &str,
        at: usize,
        end: usize,
        last: char,
        starts: &mut [usize; 32],
    ) -> Option<(usize, DivisionLevel)> {
        // Most final characters end no name (县 of 民政局县): the pair that ends the name is
        // looked up before anything is walked back.
        let before = text[..at].chars().next_back()?;
        let &pair_lengths = self.tails.get(&(before, last))?;
        let mut lengths = pair_lengths & (1 << 2);
        if pair_lengths >> 3 != 0
            && let Some(before2) = text[..at - before.len_utf8()].chars().next_back()
        {
            lengths |= self.tails3.get(&(before2, before, last)).copied().unwrap_or(0);
        }
        if lengths == 0 {
            return None;
        }
        let longest = (31 - lengths.leading_zeros()) as usize;
        // Character starts before the end, nearest first: starts[k] begins k+1 chars back.
        let mut n = 0;
        for (i, _) in text[..end].char_indices().rev().take(longest.min(starts.len())) {
            starts[n] = i;
            n += 1;
        }
        (2..=longest.min(n)).rev().filter(|len| lengths & (1 << len) != 0).find_map(|len| {
            let start = starts[len - 1];
            self.divisions.get(&text[start..end]).map(|&level| (start, level))
        })
    }

    /// Returns the start and level of a township that the dictionary lacks (one named or
    /// renamed since its codes: `青石街道`) whose suffix (a township's of [`SUFFIXES`]) ends
    /// at `end` with the final `last`: the two to four Chinese characters before the suffix that a character other than
    /// Chinese opens (a cell, a clause, the text's start) are its name, where a component of
    /// an address follows (`谭洋林 青石街道柏树村9组`). In running text no boundary is that
    /// near (`由本街道负责`); after a name that ends in a suffix character no component follows
    /// (`王小镇同志`); a run holding a function word or a division's final is no name
    /// (`，各乡镇`).
    fn unlisted_township(
        &self,
        text: &str,
        end: usize,
        last: char,
    ) -> Option<(usize, DivisionLevel)> {
        let &(suffix, _) = self
            .township_suffixes
            .iter()
            .find(|&&(suffix, final_char)| final_char == last && text[..end].ends_with(suffix))?;
        let suffix_start = end - suffix.len();
        // A Chinese character that is no division's final before the suffix (not 乡镇), and
        // after it one that is none either, nor 村 (乡村): settled before anything is walked
        // back, the character before first (most suffixes of running text follow
        // punctuation or a final).
        let plain = |c: char| is_han(c) && !DIVISION_FINALS.contains(&c);
        if !text[..suffix_start].chars().next_back().is_some_and(plain)
            || !text[end..].chars().next().is_some_and(|c| plain(c) && c != '村')
        {
            return None;
        }
        // Five slots: a fifth Chinese character before the suffix means no boundary is near.
        let mut starts = [0usize; 5];
        let n = crate::text::han_starts_before(text, suffix_start, &mut starts);
        if !(2..=4).contains(&n) {
            return None;
        }
        let name = &text[starts[n - 1]..suffix_start];
        if name.chars().any(|c| is_stop_char(c) || DIVISION_FINALS.contains(&c)) {
            return None;
        }
        self.component(text, end, &Chain::default())?;
        Some((starts[n - 1], DivisionLevel::Township))
    }

    /// Returns the end and level of a short division name (`嘉定`) starting at `pos`.
    fn short_at(&self, text: &str, pos: usize) -> Option<(usize, DivisionLevel)> {
        let rest = &text[pos..];
        let mut ends = [0usize; 16];
        let mut n = 0;
        let mut end = 0;
        for c in rest.chars().take(self.longest_short.min(ends.len())) {
            end += c.len_utf8();
            ends[n] = end;
            n += 1;
        }
        ends[..n]
            .iter()
            .rev()
            .find_map(|&e| self.short.get(&rest[..e]).map(|&level| (pos + e, level)))
    }

    /// Returns true when a key of names and a name after it, no organization, come before
    /// `at` in its record without a colon (`投诉人李建设，联系地址：…`), which labels nothing.
    fn person_named_before(&self, text: &str, structure: &Structure, at: usize) -> bool {
        let Some((start, _)) = structure.record_span(at) else { return false };
        self.party_keys.find_iter(&text[start..at]).any(|m| {
            let value = text[start + m.end()..at]
                .split(['，', ',', '。', '；', ';', '（', '(', '、', '\n', ' '])
                .next()
                .unwrap_or("");
            (2..=4).contains(&value.chars().count())
                && value.chars().all(is_han)
                && !organization::is_organization(value)
        })
    }

    /// Returns true when a key of names qualifies the address cue at `cue_start`, right
    /// before it or before one or two more characters (`申请人地址：`, `申请人通讯地址：`,
    /// `户主联系地址：`): the address is that person's, whatever the cue alone says.
    fn qualified_by_person(&self, text: &str, cue_start: usize) -> bool {
        let head = &text[..cue_start];
        // A key of names has at most six characters, and two more may stand between it and
        // the cue: the last eight characters hold it.
        let from = head.char_indices().rev().take(8).last().map_or(head.len(), |(i, _)| i);
        let tail = &head[from..];
        self.party_keys.find_iter(tail).any(|m| {
            let between = &tail[m.end()..];
            between.chars().count() <= 2 && between.chars().all(is_han)
        })
    }

    /// Appends the addresses of `text` (normalized) to `out`.
    pub(crate) fn find(
        &self,
        text: &str,
        structure: &Structure,
        divisions: &[DivisionMatch],
        out: &mut Vec<Candidate>,
    ) {
        for label in &structure.labels {
            let public = match label.kind {
                FieldKind::Address => false,
                FieldKind::OrgAddress => true,
                FieldKind::PartyAddress => party_is_organization(text, structure, label.start),
                FieldKind::ContactAddress => {
                    !(party_is_person(text, structure, label.start)
                        || self.person_named_before(text, structure, label.start))
                }
                _ => continue,
            };
            let value = &text[label.start..label.end];
            if value.chars().filter(|&c| is_han(c)).count() < 2 || is_filler(value) {
                continue;
            }
            let mut chain = self.parse(text, label.start, divisions);
            // A party's address that an office name ends is the office's (邮寄地址：…1号县民政局).
            let public = public
                || (matches!(label.kind, FieldKind::PartyAddress | FieldKind::ContactAddress)
                    && followed_by_office(text, chain.end));
            chain.end = label.end;
            chain.starred = value.contains('*');
            let rule = if label.cell { "address.column" } else { "address.field" };
            let phrase =
                if label.cell { "column header names the cell" } else { "key names the value" };
            out.push(candidate(label.start, &chain, 0.95, rule, &[phrase], public));
        }
        let outside = |at: usize| structure.label_at(at, at).is_none();
        // After a cue: 家住…, 办公地址…
        let mut claimed_until = 0;
        let mut cued = Vec::new();
        for m in self.cues.find_iter(text) {
            let mut start = skip_joiners(text, m.end());
            // A joiner may be the first character of a division name (住所地于都县: 于).
            let i = divisions.partition_point(|d| d.start < m.end());
            if let Some(d) = divisions.get(i).filter(|d| d.start < start) {
                start = d.start;
            }
            if start < claimed_until || !outside(start) {
                continue;
            }
            let chain = self.parse(text, start, divisions);
            // Down to the township an address identifies nobody (and is what masking keeps).
            if chain.components == 0 || !(chain.below_township || chain.starred) {
                continue;
            }
            // A cue of one character (住) is also part of words (住宅小区, 挡不住): it needs
            // a division name after it, or a numbered door on a street or in an estate
            // (住建设路18号, 住城南小区6栋2单元501室) that no word of 住 opens (住宅楼3栋,
            // 住院部2楼).
            if text[m.start()..m.end()].chars().count() == 1
                && !chain.division
                && !(chain.street && chain.door)
                && !(chain.estate && chain.door && !opens_word_of_zhu(text, start))
            {
                continue;
            }
            let public = match self.contexts[m.pattern().as_usize()] {
                AddressContext::Personal => false,
                AddressContext::Organizational => !self.qualified_by_person(text, m.start()),
                AddressContext::Party => party_is_organization(text, structure, start),
            } || followed_by_office(text, chain.end)
                || office_before_brackets(text, start);
            let phrase = if public { "organizational context" } else { "personal context" };
            out.push(candidate(start, &chain, 0.9, "address.cue", &[phrase], public));
            claimed_until = chain.end;
            cued.push((start, chain.end));
        }
        // Without a cue: an address that starts at a division name and reaches door level,
        // outside the addresses read after cues (which may come later in the text).
        let mut cued = cued.into_iter().peekable();
        let mut claimed_until = 0;
        for d in divisions {
            while cued.peek().is_some_and(|&(_, end)| end <= d.start) {
                cued.next();
            }
            let in_cued = cued.peek().is_some_and(|&(start, _)| start <= d.start);
            if in_cued || d.start < claimed_until || !outside(d.start) {
                continue;
            }
            let chain = self.parse(text, d.start, divisions);
            if !(chain.door || chain.starred) || chain.components < 2 || !chain.division {
                continue;
            }
            let public =
                followed_by_office(text, chain.end) || office_before_brackets(text, d.start);
            let phrase = if public { "beside an office name" } else { "door-level address" };
            out.push(candidate(d.start, &chain, 0.7, "address.door", &[phrase], public));
            claimed_until = chain.end;
        }
    }

    /// Appends the village groups (`新华村3组`) in the records of personal names in
    /// `candidates`: with no division name before it, a village group starts no address of
    /// its own (`新华村3组道路硬化工程` names a place), but in the record of a name (its row,
    /// list item or paragraph) it is where that person lives (`王红梅，新华村3组，家庭人口3人`,
    /// `1.王红梅（新华村3组12号）`). The village's name is the run of up to four Chinese
    /// characters before 村 that a separator or the name opens. Below the confidence of an
    /// address read from a division name, which keeps the township when both overlap.
    pub(crate) fn village_groups_of_names(
        &self,
        text: &str,
        structure: &Structure,
        divisions: &[DivisionMatch],
        candidates: &mut Vec<Candidate>,
    ) {
        let names = candidates.iter().filter(|c| c.kind == PiiKind::PersonName);
        let mut name_ends: Vec<usize> = names.map(|c| c.end).collect();
        if name_ends.is_empty() {
            return;
        }
        // The villages of the whole text in one search: a table of names often holds none,
        // and a search per record paid its set-up at every row.
        let villages: Vec<usize> = self.villages.offsets(text).collect();
        if villages.is_empty() {
            return;
        }
        name_ends.sort_unstable();
        // Each record once, in text order.
        let mut records: Vec<(usize, usize)> =
            name_ends.iter().filter_map(|&end| structure.record_span(end)).collect();
        records.dedup();
        let mut found = Vec::new();
        for (record_start, record_end) in records {
            let first = villages.partition_point(|&v| v < record_start);
            let inside =
                villages[first..].iter().take_while(|&&v| v + '村'.len_utf8() <= record_end);
            for &at in inside {
                let village_end = at + '村'.len_utf8();
                let after = &text[village_end..record_end];
                let Some(group) = group_after_village(after).or_else(|| named_group(after)) else {
                    continue;
                };
                let Some(start) = village_start(text, record_start, at, &name_ends) else {
                    continue;
                };
                // Read as any address is (新华 may read as the short form of 新华区, and 村3组
                // as one component): it must reach past the group.
                let mut chain = self.parse(text, start, divisions);
                if chain.end >= village_end + group {
                    // Nothing above the village is kept: a short form read there is the
                    // village's own name.
                    chain.levels = [0; 4];
                    let phrase = "village group in the record of a name";
                    found.push(candidate(
                        start,
                        &chain,
                        0.65,
                        "address.village_group",
                        &[phrase],
                        false,
                    ));
                }
            }
        }
        candidates.extend(found);
    }

    /// Reads an address from `start`: division names, then suffix-ended components.
    fn parse(&self, text: &str, start: usize, divisions: &[DivisionMatch]) -> Chain {
        let mut chain = Chain { end: start, ..Chain::default() };
        let mut pos = start;
        let mut deepest: Option<DivisionLevel> = None;
        let mut last: Option<Part> = None;
        let mark = |chain: &mut Chain, pos: usize, level: DivisionLevel| {
            let n =
                u8::try_from(value_chars(PiiKind::Address, &text[start..pos])).unwrap_or(u8::MAX);
            for l in &mut chain.levels[level as usize..] {
                *l = n;
            }
        };
        // Text that keeps reading as components (家住城关镇红星村 over and over) is no
        // longer one address: the chain stops, and its cost stays bounded.
        while chain.components < MAX_COMPONENTS {
            let i = divisions.partition_point(|d| d.start < pos);
            let full = divisions.get(i).filter(|d| d.start == pos).map(|d| (d.end, d.level, true));
            // A short form counts only where more address follows it (嘉定区 is full,
            // 嘉定 alone is a word like any other), and not as the start of the name of a
            // street or an estate (解放路 is no street of 解放区, 滨江小区 no estate of 滨江区).
            let division = full.or_else(|| {
                self.short_at(text, pos)
                    .filter(|&(end, _)| {
                        divisions.get(i).is_some_and(|d| d.start == end)
                            || self.component(text, end, &Chain::default()).is_some()
                    })
                    .filter(|_| {
                        !matches!(
                            self.component(text, pos, &chain),
                            Some((_, Part::Street | Part::Estate))
                        )
                    })
                    .map(|(end, level)| (end, level, false))
            });
            if let Some((end, level, is_full)) = division
                && deepest.is_none_or(|l| level >= l)
            {
                pos = end;
                deepest = Some(level);
                mark(&mut chain, pos, level);
                chain.division |= is_full;
                chain.components += 1;
                chain.end = pos;
                continue;
            }
            let Some((end, part)) = self.component(text, pos, &chain) else { break };
            if part == Part::Township && deepest.is_none_or(|l| l <= DivisionLevel::Township) {
                mark(&mut chain, end, DivisionLevel::Township);
                deepest = Some(DivisionLevel::Township);
            }
            chain.door |= part == Part::Door;
            chain.village |= part == Part::Village;
            chain.street |= part == Part::Street;
            chain.estate |= part == Part::Estate;
            last = Some(part);
            chain.below_township |= part != Part::Township;
            chain.components += 1;
            pos = end;
            chain.end = end;
        }
        // A room numbered without a suffix after a building, a unit or an estate (1单元301,
        // 18号2-301, 幸福小区2-1-301): the part of the address that identifies the household.
        if matches!(last, Some(Part::Door | Part::Estate)) {
            let room = room_number_len(&text[chain.end..]);
            if room > 0 {
                chain.end += room;
                chain.door = true;
                chain.components += 1;
            }
        }
        let stars = text[chain.end..].bytes().take_while(|&b| b == b'*').count();
        if stars > 0 && chain.components > 0 {
            chain.end += stars;
            chain.starred = true;
        }
        chain
    }

    /// Reads one component at `pos`: up to [`MAX_COMPONENT`] characters (Chinese, digits,
    /// letters, `-`, `#`; a stop character only inside a place name) and a suffix. Returns
    /// its end and what it is.
    fn component(&self, text: &str, pos: usize, before: &Chain) -> Option<(usize, Part)> {
        let rest = &text[pos..];
        let mut offset = 0;
        let mut previous = None;
        for (n, c) in rest.chars().enumerate() {
            if c == '家'
                && n > 0
                && let Some(land) = rest[offset + c.len_utf8()..].chars().next()
                && FAMILY_VILLAGE_LAND.contains(land)
            {
                let end = offset + c.len_utf8() + land.len_utf8();
                return Some(village_or_group(rest, pos, end));
            }
            if starts_suffix(c) {
                // The first character settles most suffixes without comparing bytes.
                for &(suffix, part) in SUFFIXES.iter().filter(|(s, _)| s.starts_with(c)) {
                    if rest[offset..].starts_with(suffix) {
                        // A suffix alone is not a component (`号` after nothing).
                        if n == 0 {
                            break;
                        }
                        // A room is numbered (501室); 办公室, 会议室 are rooms of offices.
                        let numbered =
                            rest[..offset].ends_with(|b: char| b.is_ascii_alphanumeric());
                        // So is the entrance of a building (211号楼3门): 东门, 南门 are names.
                        if matches!(suffix, "室" | "门") && !numbered {
                            break;
                        }
                        // A group of a village is numbered (3组, 五组) or named after the
                        // village (红星村新屋组): 县委组织部 holds no group.
                        let group = matches!(suffix, "组" | "队");
                        if group && !before.village && !rest[..offset].ends_with(is_numeral) {
                            break;
                        }
                        // 户 numbers a flat after a door (3单元2户); after a village it counts
                        // households (红星村58户).
                        if suffix == "户" && !before.door {
                            break;
                        }
                        let end = offset + suffix.len();
                        if matches!(suffix, "寨" | "屯") {
                            return Some(village_or_group(rest, pos, end));
                        }
                        // Door numbers need a number or a name before them: `文号` is not one.
                        return Some((pos + end, part));
                    }
                }
            }
            let allowed = is_han(c)
                && (!is_stop_char(c) || self.in_place_name(previous, c, rest, offset))
                || c.is_ascii_alphanumeric()
                || matches!(c, '-' | '#');
            if !allowed || n >= MAX_COMPONENT {
                return None;
            }
            offset += c.len_utf8();
            previous = Some(c);
        }
        None
    }

    /// Returns true when the stop character `c`, at `offset` in `rest` after `previous`,
    /// forms a pair of [`Address::stop_pairs`] with a neighbour (和平路, 太和镇), or ends
    /// the name of a street inside a component (成都路, 自由路: a function word ends no
    /// name right before 路).
    fn in_place_name(&self, previous: Option<char>, c: char, rest: &str, offset: usize) -> bool {
        let after = &rest[offset + c.len_utf8()..];
        let next = after.chars().next();
        previous.is_some_and(|p| self.stop_pairs.contains(&(p, c)))
            || next.is_some_and(|n| self.stop_pairs.contains(&(c, n)))
            || (previous.is_some()
                && !matches!(c, '的' | '了' | '是' | '在')
                && STREET_SUFFIXES.iter().any(|s| after.starts_with(s)))
    }
}

/// Returns the pairs of a stop character and a neighbour inside the proper part of two or
/// more of `names` (the part before the division's suffix), where the neighbour is no
/// suffix or division final itself (和镇, 都街 say nothing about 和 or 都 inside a name).
fn stop_pairs<'n>(names: impl Iterator<Item = &'n str>) -> FxHashSet<(char, char)> {
    let plain = |c: char| !DIVISION_FINALS.contains(&c) && !starts_suffix(c);
    let mut counts: FxHashMap<(char, char), u32> = FxHashMap::default();
    for name in names {
        let chars: Vec<char> = name.chars().collect();
        let proper = &chars[..chars.len().saturating_sub(1)];
        for (i, &c) in proper.iter().enumerate().filter(|&(_, &c)| is_stop_char(c)) {
            if let Some(&next) = proper.get(i + 1).filter(|&&n| plain(n)) {
                *counts.entry((c, next)).or_default() += 1;
            }
            if let Some(&before) = i.checked_sub(1).map(|j| &proper[j]).filter(|&&b| plain(b)) {
                *counts.entry((before, c)).or_default() += 1;
            }
        }
    }
    counts.into_iter().filter(|&(_, n)| n >= 2).map(|(pair, _)| pair).collect()
}

fn candidate(
    start: usize,
    chain: &Chain,
    confidence: f32,
    rule: &'static str,
    phrases: &[&'static str],
    public: bool,
) -> Candidate {
    Candidate {
        kind: PiiKind::Address,
        start,
        end: chain.end,
        confidence,
        rule,
        explanation: explain(phrases, None),
        public: public.then_some("organizational address"),
        value: Redacted::new(Inline::new()),
        prefix_len: 0,
        levels: chain.levels,
        hidden: chain.starred,
        record: 0,
    }
}

/// Most characters of a village's name before 村 (新华, 红星, 大塘下).
const MAX_VILLAGE_NAME: usize = 4;

/// Returns the start of the village name that ends with 村 at `village`: the run of one to
/// [`MAX_VILLAGE_NAME`] Chinese characters before it that the record's start, a character
/// other than Chinese or the end of a name (`王红梅新华村`) opens.
fn village_start(
    text: &str,
    record_start: usize,
    village: usize,
    name_ends: &[usize],
) -> Option<usize> {
    let mut start = village;
    for (n, c) in text[record_start..village].chars().rev().enumerate() {
        if !is_han(c) || name_ends.binary_search(&start).is_ok() {
            break;
        }
        if n == MAX_VILLAGE_NAME {
            return None;
        }
        start -= c.len_utf8();
    }
    (start < village).then_some(start)
}

/// Longest part of a room number read without a suffix, in bytes (`1201`, `A1203`): a
/// longer run is another number (a phone number glued to the address).
const MAX_ROOM_PART: usize = 5;

/// Returns the length of a room number at the start of `rest`: up to three parts of
/// digits and letters joined by `-`, opening with a digit, that nothing but punctuation, a
/// space or the end of the text follows (`301。`, `2-1-301，`; not `2026年`, `3人`).
fn room_number_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit) {
        return 0;
    }
    let len = bytes.iter().take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-').count();
    let parts_ok = rest[..len]
        .split('-')
        .enumerate()
        .all(|(i, part)| i < 3 && (1..=MAX_ROOM_PART).contains(&part.len()));
    let after = rest[len..].chars().next();
    let alone = after.is_none_or(|c| !(is_han(c) || c == '*' || c == '.'));
    if parts_ok && alone { len } else { 0 }
}

/// Skips what joins a cue to its address: a colon, spaces, `为`, `在`, `于`.
fn skip_joiners(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([':', '：', ' ', '为', '在', '于', '是']);
    at + rest.len() - trimmed.len()
}

/// Returns true when the record holding `at` names an organization as its party
/// (`当事人：某某有限公司`, `被处罚单位：…`): its 住所 is the organization's seat, which
/// the notice publishes.
fn party_is_organization(text: &str, structure: &Structure, at: usize) -> bool {
    structure.labels_in_record(at).iter().any(|l| {
        l.kind == FieldKind::PersonName && organization::is_organization(&text[l.start..l.end])
    })
}

/// Returns true when the record of `at` names a person as its party (`申请人：王红梅`), and
/// no organization (`当事人：某某有限公司，法定代表人：王红梅`: the company's). The parties on
/// the line of `at` before it decide where there are any: a block of `key：value` lines is
/// one record, whose other lines may name other parties (`流入方：某合作社` before
/// `收件人：王红梅，地址：…`).
fn party_is_person(text: &str, structure: &Structure, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let parties = structure.labels_in_record(at).iter().filter(|l| l.kind == FieldKind::PersonName);
    let on_line: Vec<_> = parties.clone().filter(|l| (line_start..at).contains(&l.start)).collect();
    let (mut person, mut company) = (false, false);
    let decide = if on_line.is_empty() { parties.collect() } else { on_line };
    for l in decide {
        let is_organization = organization::is_organization(&text[l.start..l.end]);
        person |= !is_organization;
        company |= is_organization;
    }
    person && !company
}

/// Returns the end and part of a natural village that ends at `end` of `rest` (which
/// starts at `pos` of the text): a family's (王家湾) or one named so (上寨, 王屯) is often a
/// group whole (王家湾组, 上寨组), door level.
fn village_or_group(rest: &str, pos: usize, end: usize) -> (usize, Part) {
    if rest[end..].starts_with(['组', '队']) {
        (pos + end + '组'.len_utf8(), Part::Door)
    } else {
        (pos + end, Part::Village)
    }
}

/// Returns true when the text at `at`, right after 住, continues a word of 住 (住宅, 住院,
/// 住房, 住所, 住户, 住宿): no estate's address starts there.
fn opens_word_of_zhu(text: &str, at: usize) -> bool {
    text[at..].starts_with(['宅', '院', '房', '所', '户', '宿'])
}

/// Returns true when an office name follows the address (`…路1号县人民政府`).
fn followed_by_office(text: &str, end: usize) -> bool {
    let rest: String = text[end..].chars().take(12).collect();
    let clause = rest.split(['，', '。', '；', ',', '\n', '、']).next().unwrap_or("");
    OFFICE_SUFFIXES.iter().any(|s| clause.contains(s))
        && !STAFF_HOMES.iter().any(|s| clause.contains(s))
}

/// Returns true when the address at `start` opens a note in brackets right after an office
/// name (`到城关镇人民政府（于都县贡江镇建设路1号）领取`): where the office is.
fn office_before_brackets(text: &str, start: usize) -> bool {
    text[..start]
        .strip_suffix('(')
        .is_some_and(|head| OFFICE_SUFFIXES.iter().any(|office| head.ends_with(office)))
}

/// Homes that an office name opens (`…18号（县农业银行宿舍）`, `县医院家属院`): where its staff
/// live, not where it works.
const STAFF_HOMES: [&str; 4] = ["宿舍", "家属", "小区", "住宅"];

#[cfg(test)]
mod tests {
    use crate::detect::tests::detect;
    use crate::kind::PiiKind;

    fn addresses(text: &str) -> Vec<(String, bool)> {
        detect(text)
            .into_iter()
            .filter(|(k, ..)| *k == PiiKind::Address)
            .map(|(_, v, public)| (v, public))
            .collect()
    }

    fn personal(v: &str) -> (String, bool) {
        (v.to_owned(), false)
    }

    #[test]
    fn the_party_s_own_place_is_its_home_or_its_premises() {
        // 其位于: the party's; a home is personal, a shop or a workshop is where it trades.
        assert_eq!(
            addresses("经查，张三在其位于城关镇新华村3组的住宅内堆放杂物。"),
            [personal("城关镇新华村3组")]
        );
        assert_eq!(
            addresses("当事人张三在其位于城关镇建设路18号的店铺内经营。"),
            [("城关镇建设路18号".to_owned(), true)]
        );
        // Without 其 an address after 位于 is a place's, as before.
        assert_eq!(addresses("项目位于城关镇新华村3组。"), [("城关镇新华村3组".to_owned(), true)]);
    }

    #[test]
    fn a_numbered_flat_of_an_estate_after_zhu() {
        // 住 and a flat of an estate (a building, a unit, a room) with no division before it.
        assert_eq!(
            addresses("谭美华，住城南小区6栋2单元501室。"),
            [personal("城南小区6栋2单元501室")]
        );
        assert_eq!(addresses("申请人李建设，住幸福花园3幢402室。"), [personal("幸福花园3幢402室")]);
        // Words of 住 (住宅, 住院, 住宿) before a building, and an estate with no door.
        assert_eq!(addresses("教师住宅楼3栋，职工住宅小区3栋2单元。"), vec![]);
        assert_eq!(addresses("他住宿舍楼3栋201室，住院部2楼3室。"), vec![]);
        assert_eq!(addresses("谭美华，住城南小区。"), vec![]);
    }

    #[test]
    fn a_joiner_that_opens_a_division_name_is_part_of_the_address() {
        // 于 joins a cue to its address (住所于…), and opens 于都县: read from the division.
        assert_eq!(
            addresses("当事人：某某有限公司，住所地于都县新华街道建设路217号。"),
            [("于都县新华街道建设路217号".to_owned(), true)]
        );
        assert_eq!(addresses("家住在于都县城关镇红星村3组"), [personal("于都县城关镇红星村3组")]);
        assert_eq!(addresses("户籍地为于都县城关镇红星村3组"), [personal("于都县城关镇红星村3组")]);
    }

    #[test]
    fn an_estate_named_by_a_short_form_is_an_estate() {
        // 滨江 is the short form of 滨江区, and 嘉定 of 嘉定区: before 小区 or 花园 they name
        // the estate, whose flat 住 leads to.
        assert_eq!(
            addresses("卢强燕，住滨江小区13栋3单元704室。"),
            [personal("滨江小区13栋3单元704室")]
        );
        assert_eq!(addresses("家住嘉定花园3栋201室"), [personal("嘉定花园3栋201室")]);
    }

    #[test]
    fn a_contact_address_is_the_person_s_where_a_person_is_the_party() {
        // 联系地址 was an office's key alone: the applicant's flat was public, in clear.
        assert_eq!(
            addresses(
                "申请人：王红梅，联系地址：城关镇建设路12号3栋201室，联系电话：13812345678。"
            ),
            [personal("城关镇建设路12号3栋201室")]
        );
        // A party named by a cue without a colon.
        assert_eq!(
            addresses("投诉人李建设，联系地址：杨村镇黄埠村上坪组15号。"),
            [personal("杨村镇黄埠村上坪组15号")]
        );
        // The addressee of a letter served by post, after a block of fields that names an
        // organization on another line.
        assert_eq!(
            addresses("收件人：李建设，地址：江西省于都县罗坳镇步前村下屋组12号，邮编342300。"),
            [personal("江西省于都县罗坳镇步前村下屋组12号")]
        );
        assert_eq!(
            addresses(
                "流入方：于都县绿源农业专业合作社。\n收件人：李建设，地址：罗坳镇步前村下屋组12号。"
            ),
            [personal("罗坳镇步前村下屋组12号")]
        );
        // A company's legal representative on the line of the company, or on a line of its
        // own in the company's block, is no party of the address.
        for text in [
            "当事人：于都县宏达建材有限公司，法定代表人：王红梅，联系地址：罗坳镇步前村下屋组12号。",
            "当事人：于都县宏达建材有限公司\n法定代表人：王红梅\n联系地址：罗坳镇步前村下屋组12号",
        ] {
            assert_eq!(addresses(text), [("罗坳镇步前村下屋组12号".to_owned(), true)], "{text}");
        }
        // So is 地址, an office's cue before.
        assert_eq!(
            addresses("来信人：刘冬生，地址：桃江乡窑下村下屋组8号。"),
            [personal("桃江乡窑下村下屋组8号")]
        );
        assert_eq!(
            addresses("地址：城关镇建设路12号3栋201室，户主：黄志明。"),
            [personal("城关镇建设路12号3栋201室")]
        );
        // An office's, a company's, and one an office name ends.
        for text in [
            "联系人：王红梅，联系电话：0797-1234567，地址：城关镇建设路12号203室。",
            "单位名称：龙南县恒达建材有限公司，联系地址：龙南镇金塘工业园8号。",
            "联系地址：城关镇建设路12号县民政局。",
            "当事人：某某有限公司，联系地址：安远县欣山镇建设路18号。",
            "当事人：赣州市恒达建材有限公司，法定代表人：王红梅，联系地址：安远县欣山镇建设路18号。",
            "投诉人赣州市恒达建材有限公司，联系地址：安远县欣山镇建设路18号。",
            "申请人：王红梅，联系地址：安远县欣山镇濂江路1号县民政局。",
        ] {
            assert!(addresses(text).iter().all(|(_, public)| *public), "{text}");
            assert!(!addresses(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn addresses_of_service_and_post_are_the_party_s() {
        // 送达地址, 邮寄地址, 收件地址: a person's home, an organization's or an office's seat.
        assert_eq!(
            addresses("收件人：王红梅，收件地址：安远县欣山镇濂江村下屋组12号"),
            [personal("安远县欣山镇濂江村下屋组12号")]
        );
        assert_eq!(
            addresses("被送达人王红梅的送达地址为安远县欣山镇建设路18号。"),
            [personal("安远县欣山镇建设路18号")]
        );
        assert_eq!(
            addresses("当事人：某某有限公司，送达地址：安远县欣山镇建设路18号。"),
            [("安远县欣山镇建设路18号".to_owned(), true)]
        );
        assert_eq!(
            addresses("邮寄地址：安远县欣山镇濂江路1号县民政局。"),
            [("安远县欣山镇濂江路1号县民政局".to_owned(), true)]
        );
        // A utility's customer: a household's address, a company's seat.
        assert_eq!(
            addresses("户名：严家福，用户地址：城关镇水南路5巷2号"),
            [personal("城关镇水南路5巷2号")]
        );
        assert_eq!(
            addresses("户名 严家福 用户地址 城关镇水南路5巷2号 欠费金额 128.00元"),
            [personal("城关镇水南路5巷2号")]
        );
        assert_eq!(
            addresses("户名：于都县宏达置业有限公司，用电地址：城关镇水南路5号"),
            [("城关镇水南路5号".to_owned(), true)]
        );
        // An office's staff quarters are homes (宿舍, 家属院), after a key or a cue.
        assert_eq!(
            addresses("王红梅，住所：城关镇建设路18号（县农业银行宿舍）。"),
            [personal("城关镇建设路18号（县农业银行宿舍）")]
        );
        assert_eq!(addresses("家住城关镇建设路18号县农业银行宿舍"), [personal("城关镇建设路18号")]);
        // A key of names before 地址 or 联系地址 says whose it is; 联系人 (an office's staff)
        // and 单位 do not.
        for text in [
            "申请人地址：城关镇建设路12号3栋201室",
            "申请人通讯地址：城关镇建设路12号3栋201室",
            "户主联系地址：城关镇建设路12号3栋201室",
        ] {
            assert_eq!(addresses(text), [personal("城关镇建设路12号3栋201室")], "{text}");
        }
        for text in ["联系人地址：城关镇建设路12号", "本单位地址：城关镇建设路12号"]
        {
            assert_eq!(addresses(text), [("城关镇建设路12号".to_owned(), true)], "{text}");
        }
        // In brackets right after an office name, the office's; after a person's, a home.
        assert_eq!(
            addresses("请到城关镇人民政府（于都县贡江镇建设路1号）领取补偿款。"),
            [("于都县贡江镇建设路1号".to_owned(), true)]
        );
        assert_eq!(
            addresses("户主王红梅（于都县贡江镇建设路1号）领取补偿款。"),
            [personal("于都县贡江镇建设路1号")]
        );
    }

    #[test]
    fn the_seat_of_a_respondent_office_is_public() {
        // 被申请人 of an administrative review is an office: its 住所地 is public.
        assert_eq!(
            addresses("被申请人：安远县人民政府，住所地安远县欣山镇濂江路1号。"),
            [("安远县欣山镇濂江路1号".to_owned(), true)]
        );
        assert_eq!(
            addresses("申请人：邝志远，住所地安远县欣山镇濂江路1号。"),
            [personal("安远县欣山镇濂江路1号")]
        );
    }

    #[test]
    fn a_filler_under_an_address_header_is_no_address() {
        let text =
            "序号\t姓名\t家庭住址\n1\t王红梅\t城关镇红星村3组\n2\t李建设\t同上\n\t合计\t以下空白\n";
        assert_eq!(addresses(text), [personal("城关镇红星村3组")]);
    }

    #[test]
    fn flats_let_to_households_are_personal() {
        // A public rental housing list gives each household's flat under 配租房源.
        let text = "序号\t姓名\t配租房源\n1\t谭美华\t城南小区6栋2单元501室\n2\t李建设\t城南小区6栋2单元502室\n";
        assert_eq!(
            addresses(text),
            [personal("城南小区6栋2单元501室"), personal("城南小区6栋2单元502室")]
        );
    }

    #[test]
    fn townships_the_dictionary_lacks_take_their_name_from_the_cell() {
        // 青石街道 and 青呃镇 are in no dictionary: the characters between the cell boundary
        // and the suffix are the township's name, where the address goes on after it.
        assert_eq!(addresses("谭洋林 青石街道柏树村9组 300元"), [personal("青石街道柏树村9组")]);
        assert_eq!(addresses("谭洋林 青呃镇柏树村9组 300元"), [personal("青呃镇柏树村9组")]);
        assert_eq!(addresses("1\t王红梅\t青呃乡柏树村9组\t3人"), [personal("青呃乡柏树村9组")]);
        // Every township suffix of the grammar, 苏木 too.
        assert_eq!(addresses("1\t王红梅\t呃呃苏木柏树村9组\t3人"), [personal("呃呃苏木柏树村9组")]);
        // In running text no boundary is that near: 街道 stays a word of its own.
        assert_eq!(
            addresses("由本街道负责的工作，家住城关镇新华村3组"),
            [personal("城关镇新华村3组")]
        );
        let address = super::Address::new(&crate::dict::Dictionaries::built_in());
        let townships = |text: &str| -> Vec<String> {
            address.divisions(text).iter().map(|d| text[d.start..d.end].to_owned()).collect()
        };
        assert_eq!(townships("谭洋林 青石街道柏树村"), ["青石街道"]);
        // No component of an address follows a name that ends in a suffix character, nor
        // a phrase (请各乡政府); a run holding a division's final (各乡镇) or a function word
        // is no township's name; one character is too few, five too many.
        for text in [
            "王小镇\t男",
            "，王小镇同志",
            "请各乡镇人民政府",
            "，请各乡政府上报",
            "，统筹城乡村镇建设",
            "，和呃镇的人",
            "，呃镇柏树村",
            "，呃呃呃呃呃镇柏树村",
            "由本街道负责的工作",
        ] {
            assert!(townships(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn village_groups_on_the_line_of_a_name() {
        assert_eq!(addresses("张建华，新华村3组，家庭人口3人。"), [personal("新华村3组")]);
        assert_eq!(addresses("1.张建华（新华村三组12号）"), [personal("新华村三组12号")]);
        assert_eq!(addresses("新华村3组张建华、李国庆等二户。"), [personal("新华村3组")]);
        // A name that a frequent word makes (红梅) is found through the data after it.
        assert_eq!(
            addresses("王红梅，新华村3组，身份证号360730198005121234。"),
            [personal("新华村3组")]
        );
        // A township before the village: read from the division, as before.
        assert_eq!(
            addresses("王红梅，城关镇新华村3组，家庭人口3人。"),
            [personal("城关镇新华村3组")]
        );
        // No name on the line, a village without a group, a run too long for a name.
        assert_eq!(addresses("新华村3组道路硬化工程已完工。"), []);
        assert_eq!(addresses("王红梅，新华村村民，家庭人口3人。"), []);
        assert_eq!(addresses("王红梅同志在全县乡村振兴工作新华村3组"), []);
        // A group named, not numbered (下屋组), before punctuation or a door number.
        assert_eq!(addresses("王红梅，濂江村下屋组，3人。"), [personal("濂江村下屋组")]);
        assert_eq!(
            addresses("王红梅户房屋（濂江村下屋组12号）经鉴定为C级危房。"),
            [personal("濂江村下屋组12号")]
        );
        // A natural village that is a group whole (上寨组: 寨 ends villages too).
        assert_eq!(addresses("邓斌，里仁村上寨组，家庭人口3人。"), [personal("里仁村上寨组")]);
        // Words after a village that end in 组 or hold it: no group.
        for text in
            ["王红梅，新华村党组织书记", "王红梅，新华村小组长", "王红梅，红星村新组建的合作社"]
        {
            assert_eq!(addresses(text), [], "{text}");
        }
    }

    #[test]
    fn personal_cues() {
        assert_eq!(
            addresses("经走访，张三（家住安远县城关镇红星村3组12号）"),
            [personal("安远县城关镇红星村3组12号")]
        );
        assert_eq!(
            addresses("户籍地：湘潭市雨湖区幸福小区3栋2单元301室。"),
            [personal("湘潭市雨湖区幸福小区3栋2单元301室")]
        );
    }

    #[test]
    fn lives_at_a_place() {
        assert_eq!(
            addresses("申请人张三，住城关镇红星村5组，因病致贫。"),
            [personal("城关镇红星村5组")]
        );
        // 住 of other words, before no division name.
        assert_eq!(addresses("教师住宅小区的建设"), vec![]);
        assert_eq!(addresses("挡不住上级号召"), vec![]);
        // Where a house stands is where its owner lives (位于 alone is an office's).
        assert_eq!(
            addresses("该户住房位于河西镇柳林村三组，系危房。"),
            [personal("河西镇柳林村三组")]
        );
        // A household is where it lives: 你户位于… of a 危房 notice served on the owner.
        assert_eq!(
            addresses("刘建国：\n你户位于城关镇红星村3组12号的房屋，经鉴定为D级危房。"),
            [personal("城关镇红星村3组12号")]
        );
        assert_eq!(
            addresses("服务中心位于河西镇柳林村三组。"),
            [("河西镇柳林村三组".to_owned(), true)]
        );
    }

    #[test]
    fn an_address_has_a_bounded_number_of_components() {
        // Text that reads as components without end is cut into addresses of at most
        // MAX_COMPONENTS components (before the cap, one address covered it all, and
        // reading it took time quadratic in its length).
        let text = "家住城关镇红星村".repeat(40);
        let found = addresses(&text);
        assert!(found.len() > 1, "{found:?}");
        // Components here are 3 (城关镇, 红星村) or 5 characters (家住城关镇).
        assert!(found[0].0.chars().count() <= super::MAX_COMPONENTS * 5, "{found:?}");
    }

    #[test]
    fn rooms_of_offices_are_no_doors() {
        assert_eq!(addresses("江西省民政厅办公室 2026年3月15日印发"), vec![]);
        assert_eq!(addresses("请到安远县城关镇政府会议室参会"), vec![]);
        assert_eq!(
            addresses("住址：安远县城关镇幸福小区3栋2单元501室"),
            [personal("安远县城关镇幸福小区3栋2单元501室")]
        );
    }

    #[test]
    fn rooms_numbered_without_a_suffix_belong_to_the_address() {
        for (text, address) in [
            ("家住城关镇幸福小区2栋1单元301。", "城关镇幸福小区2栋1单元301"),
            ("家住城关镇建设路18号2-301，", "城关镇建设路18号2-301"),
            ("家住城关镇幸福小区2-1-301", "城关镇幸福小区2-1-301"),
            ("住城关镇南湖西园211号楼3门402。", "城关镇南湖西园211号楼3门402"),
        ] {
            assert_eq!(addresses(text), [personal(address)], "{text}");
        }
        // A year, a count or a phone number after an address is none of it; 东门 is a name.
        assert_eq!(addresses("家住城关镇幸福小区2026年搬迁"), [personal("城关镇幸福小区")]);
        assert_eq!(
            addresses("家住城关镇红星村3组12号13812345678"),
            [personal("城关镇红星村3组12号")]
        );
        assert_eq!(addresses("家住城关镇东门路3号"), [personal("城关镇东门路3号")]);
    }

    #[test]
    fn a_numbered_door_on_a_street_after_zhu() {
        // 住 needs a division name after it, or a street and a numbered door.
        assert_eq!(addresses("李国庆，住建设路18号。"), [personal("建设路18号")]);
        // 解放 is also the short form of 解放区: the street is read, not the district.
        assert_eq!(addresses("邓建国，住解放路197号。"), [personal("解放路197号")]);
        assert_eq!(addresses("教师住宅楼3栋"), vec![]);
    }

    #[test]
    fn groups_of_villages_are_numbered_or_follow_the_village() {
        // 组织部, 工作队: offices after a county, no village group.
        assert_eq!(addresses("中共于都县委组织部 2026年3月15日印发"), vec![]);
        assert_eq!(addresses("于都县扶贫工作队驻村帮扶"), vec![]);
        assert_eq!(addresses("于都县罗坳镇3组12号"), [personal("于都县罗坳镇3组12号")]);
        assert_eq!(
            addresses("家住于都县罗坳镇步前村新屋组"),
            [personal("于都县罗坳镇步前村新屋组")]
        );
        assert_eq!(addresses("住址：安远县欣山镇二组"), [personal("安远县欣山镇二组")]);
        // 户 after a village counts households; after a door it numbers a flat.
        assert_eq!(addresses("全县共有低保户1234户，其中城关镇红星村58户。"), vec![]);
        assert_eq!(
            addresses("住址：安远县欣山镇幸福小区3栋2单元2户"),
            [personal("安远县欣山镇幸福小区3栋2单元2户")]
        );
    }

    #[test]
    fn natural_villages_named_by_a_family_are_villages() {
        assert_eq!(addresses("家住石门乡刘家沟。"), [personal("石门乡刘家沟")]);
        assert_eq!(
            addresses("户主王芳，家住城关镇新华村王家湾组。"),
            [personal("城关镇新华村王家湾组")]
        );
        assert_eq!(addresses("家庭住址：黄柏镇枫树村李家坪"), [personal("黄柏镇枫树村李家坪")]);
        // Not without a division or a cue before it, where 家 ends other words.
        assert_eq!(addresses("大家庄重承诺，专家坝上调研。"), vec![]);
    }

    #[test]
    fn columns_and_fields() {
        assert_eq!(
            addresses("姓名\t家庭住址\n张三\t城关镇红星村3组\n"),
            [personal("城关镇红星村3组")]
        );
        assert_eq!(
            addresses("房屋坐落：河西镇柏树村5组8号，补偿金额"),
            [personal("河西镇柏树村5组8号")]
        );
        // Where a 宅基地 applicant builds: the key ends in 地址, which alone is a contact's.
        assert_eq!(
            addresses("申请人：钟文华，建房地址：龙南镇新圩村上寨组，占地面积：120平方米。"),
            [personal("龙南镇新圩村上寨组")]
        );
    }

    #[test]
    fn organizational_addresses_are_public() {
        assert_eq!(
            addresses("办公地址：安远县欣山镇人民路128号"),
            [("安远县欣山镇人民路128号".to_owned(), true)]
        );
        assert_eq!(
            addresses("请到安远县城关镇人民路1号县民政局办理。"),
            [("安远县城关镇人民路1号".to_owned(), true)]
        );
        // Institutions that house or serve people are offices too, after 的 as well.
        assert_eq!(
            addresses("经审核，瑞金市青石街道文化路70号的县社会福利院不再列入。"),
            [("瑞金市青石街道文化路70号".to_owned(), true)]
        );
        assert_eq!(
            addresses("接种地点：安远县城关镇建设路3号镇卫生院"),
            [("安远县城关镇建设路3号".to_owned(), true)]
        );
    }

    #[test]
    fn stop_pairs_are_those_two_names_hold_before_their_suffix() {
        let names = ["和平乡", "和平镇", "太和镇", "太和县", "自由镇", "新和镇", "望和镇"];
        let pairs = super::stop_pairs(names.into_iter());
        assert!(pairs.contains(&('和', '平')));
        assert!(pairs.contains(&('太', '和')));
        // One name holds 自由; 和镇 pairs 和 with a suffix, which says nothing of 和 inside a
        // name (新和镇 and 望和镇 hold (新, 和) and (望, 和) once each).
        for pair in [('自', '由'), ('和', '镇'), ('新', '和'), ('望', '和')] {
            assert!(!pairs.contains(&pair), "{pair:?}");
        }
    }

    #[test]
    fn stop_characters_inside_place_names() {
        // 和 and 向 end an address as function words, not inside 和平, 向阳, 太和 — pairs
        // that two or more division names hold.
        assert_eq!(
            addresses("家住于都县石门乡和平新村29栋2单元904室。"),
            [personal("于都县石门乡和平新村29栋2单元904室")]
        );
        assert_eq!(addresses("安远县城关镇和平路12号"), [personal("安远县城关镇和平路12号")]);
        assert_eq!(
            addresses("家住安远县城关镇向阳村3组8号。"),
            [personal("安远县城关镇向阳村3组8号")]
        );
        assert_eq!(addresses("家住安远县城关镇太和村5组。"), [personal("安远县城关镇太和村5组")]);
        // Right before 路 or 街 inside a component, any but 的, 了, 是, 在 belongs to the
        // street's name (成都, 自由: pairs one division name holds, or none).
        assert_eq!(addresses("家住城关镇成都路8号3栋。"), [personal("城关镇成都路8号3栋")]);
        assert_eq!(addresses("家住城关镇自由路12号，"), [personal("城关镇自由路12号")]);
        assert_eq!(addresses("家住城关镇红星村东门的路边"), [personal("城关镇红星村")]);
        // As function words they still end it.
        assert_eq!(addresses("家住城关镇红星村的房屋"), [personal("城关镇红星村")]);
        assert_eq!(addresses("家住城关镇红星村和路口村交界处"), [personal("城关镇红星村")]);
        assert_eq!(addresses("城关镇在建设路12号设立服务点。"), vec![]);
        assert_eq!(addresses("安远县人民政府和城关镇在建设路12号召开会议"), vec![]);
    }

    #[test]
    fn the_seat_of_an_organization_that_is_the_party_is_public() {
        // 住所 of an enterprise (a key：value block, or one line) is its registered seat.
        for text in [
            "当事人：安远县宏达建材有限公司\n统一社会信用代码：91360726MA35XXXX0Q\n住所：安远县欣山镇人民路128号\n",
            "当事人：安远县宏达建材有限公司，法定代表人：张建国，住所地：安远县欣山镇人民路128号。",
            "被处罚单位：安远县鑫盛机械厂\n住所地：安远县欣山镇人民路128号\n",
            "当事人：安远县宏达建材有限公司（统一社会信用代码：91360726MA35XXXX0Q）\n住所：安远县欣山镇人民路128号\n",
            // The 经营场所 of a registered business, a 个体工商户's shop too.
            "当事人：安远县宏达副食店（个体工商户）\n经营者：张建国\n经营场所：安远县欣山镇人民路128号\n",
            "当事人：安远县宏达建材有限公司，生产经营场所：安远县欣山镇人民路128号。",
        ] {
            assert_eq!(addresses(text), [("安远县欣山镇人民路128号".to_owned(), true)], "{text}");
        }
        // 住所 of a person is a home address, and so is a witness's 住址 beside an enterprise.
        assert_eq!(
            addresses("当事人：张建国\n住所：安远县欣山镇红星村3组12号\n"),
            [personal("安远县欣山镇红星村3组12号")]
        );
        // A person trading without a licence has no registered premises: the place is hers.
        assert_eq!(
            addresses("当事人：张秀英，女\n经营场所：安远县欣山镇红星村3组12号\n"),
            [personal("安远县欣山镇红星村3组12号")]
        );
        assert_eq!(
            addresses(
                "当事人：安远县宏达建材有限公司\n证人张建国，住址：安远县欣山镇红星村3组12号。"
            ),
            [personal("安远县欣山镇红星村3组12号")]
        );
    }

    #[test]
    fn an_address_after_a_cue_does_not_hide_an_earlier_one() {
        // The first address has no cue of its own; the second one's cue comes later.
        assert_eq!(
            addresses("申请人住兴国县潋江镇解放路88号501室。\n现居住于城关镇红星村5组。"),
            [personal("兴国县潋江镇解放路88号501室"), personal("城关镇红星村5组")]
        );
    }

    #[test]
    fn door_level_without_cue_and_short_forms() {
        assert_eq!(addresses("申请人嘉定区华亭镇联一村12号"), [personal("嘉定区华亭镇联一村12号")]);
        // Division names alone are not personal addresses.
        assert_eq!(addresses("安远县城关镇召开会议"), vec![]);
        assert_eq!(addresses("文号：安远县民发〔2024〕3号"), vec![]);
        assert_eq!(addresses("家住安远县城关镇。"), vec![], "township level identifies nobody");
    }

    #[test]
    fn character_tests_cover_their_word_lists() {
        for (suffix, _) in super::SUFFIXES {
            assert!(super::starts_suffix(suffix.chars().next().unwrap()), "{suffix}");
        }
        assert!(!super::starts_suffix('的'));
        // Finals are matched as whole three-byte encodings, which start only where a
        // character does.
        for c in super::DIVISION_FINALS {
            assert_eq!(c.len_utf8(), 3, "{c}");
        }
        // Every full division name is found where it ends.
        let dict = crate::dict::Dictionaries::built_in();
        for d in dict.divisions.iter().filter(|d| !d.short) {
            let last = d.name.chars().next_back().unwrap();
            assert!(super::DIVISION_FINALS.contains(&last), "{}", d.name);
        }
    }

    #[test]
    fn both_final_searches_find_the_same_characters() {
        let text = "江西省赣州市𥸂石城县琴江镇、内蒙古自治区阿拉善盟阿拉善左旗巴润别立镇 道木";
        let hits = |search: &super::FinalSearch| {
            let mut hits = Vec::new();
            search.each(text, |s, e, c| hits.push((s, e, c)));
            hits
        };
        let automaton = super::FinalSearch::Automaton(
            aho_corasick::AhoCorasick::new(super::DIVISION_FINALS.map(String::from)).unwrap(),
        );
        let chars: Vec<char> = hits(&automaton).iter().map(|h| h.2).collect();
        assert_eq!(chars, "省州市县镇区盟旗镇道木".chars().collect::<Vec<_>>());
        assert_eq!(hits(&super::FinalSearch::new()), hits(&automaton));
    }

    #[test]
    fn divisions_are_found_after_characters_of_every_width() {
        let address = super::Address::new(&crate::dict::Dictionaries::built_in());
        for pad in ["", "a", "é", "𥸂", "住址：", "ab𥸂张"] {
            let text = format!("{pad}江西省赣州市𥸂石城县");
            let found: Vec<&str> =
                address.divisions(&text).iter().map(|d| &text[d.start..d.end]).collect();
            assert_eq!(found, ["江西省", "赣州市", "石城县"], "{pad}");
        }
        // Names of two characters, and longer ones behind a pair that ends many (乡镇).
        let text = "沛县、各乡镇、柳树乡、琴江镇";
        let found: Vec<&str> =
            address.divisions(text).iter().map(|d| &text[d.start..d.end]).collect();
        assert_eq!(found, ["沛县", "柳树乡", "琴江镇"]);
    }

    #[test]
    fn masked_addresses_are_found_as_masked() {
        let found = crate::detect::tests::detect("家住安远县城关镇********。");
        assert_eq!(found, vec![(PiiKind::Address, "安远县城关镇********".to_owned(), false)]);
    }
}
