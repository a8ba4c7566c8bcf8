//! Detection: from normalized text to resolved candidates.
//!
//! The [`Detector`] is built once from the dictionaries, is immutable and `Send + Sync`,
//! and is shared by every scan. Per document it
//! 1. finds the number groups (see `text::numbers`) and splits them into *runs* of whole
//!    chunks, the unit every numeric recognizer judges;
//! 2. looks up the context cue just before each group (`身份证号：`, `监督电话`, `索引号` …);
//! 3. asks each [`Recognizer`] (one module per kind) for candidates;
//! 4. resolves overlaps: the most confident reading of a span wins, one finding per span.

mod address;
mod bank_card;
mod contact_line;
mod context;
mod id_card;
mod landline;
mod mobile_phone;
mod organization;
mod person_name;
#[allow(dead_code)]
mod template;

use std::sync::Arc;

use crate::dict::{CueCategory, Dictionaries};
use crate::kind::PiiKind;
use crate::redacted::Redacted;
use crate::structure::{FieldMatcher, Structure};
use crate::text::{Chunk, Normalized, NumberGroup, number_groups};

pub(crate) use context::CueMatcher;

/// A detected value before status and masking are decided. Offsets are byte offsets into
/// the NORMALIZED text.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) kind: PiiKind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) confidence: f32,
    pub(crate) rule: &'static str,
    pub(crate) explanation: Explanation,
    /// Why the value is institutional, when it is.
    pub(crate) public: Option<&'static str>,
    /// Value characters (digits, `*`, `X`) in order, for tokens and keyed hashes.
    pub(crate) value: Redacted<Inline<u8>>,
    /// Leading value characters that the profile may keep on top of `keep_start`: the
    /// area code of a landline, the surname of a name.
    pub(crate) prefix_len: usize,
    /// Value characters of an address up to the end of its province, city, county and
    /// township parts (`DivisionLevel` order; 0 when the address has none).
    pub(crate) levels: [u8; 4],
    /// True when the text already hides characters of a name or address (`张*`, `张某某`).
    pub(crate) hidden: bool,
    /// Index of the record (table row, list item, field block, paragraph) it sits in.
    pub(crate) record: u32,
}

impl Candidate {
    pub(crate) fn is_masked(&self) -> bool {
        self.hidden || self.value.expose().contains(&b'*')
    }
}

/// Why a candidate was reported: fixed phrases and the cue that fired, rendered into text
/// only for the findings that are kept (no allocation per candidate).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Explanation {
    parts: [&'static str; 5],
    len: usize,
    cue: Option<usize>,
}

/// Returns an explanation of up to five phrases (empty ones are skipped) and a cue id.
pub(crate) fn explain(phrases: &[&'static str], cue: Option<usize>) -> Explanation {
    let mut e = Explanation { parts: [""; 5], len: 0, cue };
    for &p in phrases.iter().filter(|p| !p.is_empty()).take(5) {
        e.parts[e.len] = p;
        e.len += 1;
    }
    e
}

/// A run of consecutive whole chunks of one number group.
#[derive(Debug)]
pub(crate) struct Run<'g> {
    pub(crate) group: &'g NumberGroup,
    /// Index of the group in the document.
    pub(crate) group_index: usize,
    pub(crate) first: usize,
    pub(crate) chunks: &'g [Chunk],
    /// Value characters: digits, `*`, and `X` (upper-cased).
    pub(crate) value: Inline<u8>,
    /// The value as the text writes it, when that is one chunk unchanged (most numbers):
    /// [`Run::text`] then returns it without validating `value` as UTF-8 again, which
    /// every recognizer asks for every run.
    raw: Option<&'g str>,
    /// Value length of each chunk.
    pub(crate) lens: Inline<u8>,
}

/// A short sequence kept on the stack: runs are built for every number in a document,
/// and heap buffers for each dominated the scan of number-dense tables.
#[derive(Clone, Copy)]
pub(crate) struct Inline<T: Copy + Default> {
    items: [T; MAX_RUN],
    len: usize,
}

impl<T: Copy + Default> Inline<T> {
    fn new() -> Self {
        Inline { items: [T::default(); MAX_RUN], len: 0 }
    }

    /// Appends `item`; returns false (and appends nothing) when full.
    fn push(&mut self, item: T) -> bool {
        if self.len == MAX_RUN {
            return false;
        }
        self.items[self.len] = item;
        self.len += 1;
        true
    }
}

impl<T: Copy + Default> std::ops::Deref for Inline<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items[..self.len]
    }
}

impl std::fmt::Debug for Inline<u8> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Values and chunk lengths share this type; neither is worth printing.
        write!(f, "[{} items]", self.len)
    }
}

impl Inline<u8> {
    /// Copies the bytes of `s` (at most [`MAX_RUN`]).
    pub(crate) fn from_text(s: &str) -> Self {
        let mut inline = Inline::new();
        for &b in s.as_bytes() {
            if !inline.push(b) {
                break;
            }
        }
        inline
    }

    /// Returns the bytes as text.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self).expect("run values are ASCII")
    }
}

impl Run<'_> {
    /// Returns the value characters as text.
    pub(crate) fn text(&self) -> &str {
        self.raw.unwrap_or_else(|| self.value.as_str())
    }
}

impl Run<'_> {
    pub(crate) fn start(&self) -> usize {
        self.chunks[0].start
    }

    pub(crate) fn end(&self) -> usize {
        self.chunks[self.chunks.len() - 1].end
    }

    pub(crate) fn has_stars(&self) -> bool {
        self.chunks.iter().any(|c| c.stars > 0)
    }

    pub(crate) fn is_whole_group(&self) -> bool {
        self.chunks.len() == self.group.chunks.len()
    }

    /// Returns true when the chunk lengths equal `lens`.
    pub(crate) fn grouped_as(&self, lens: &[u8]) -> bool {
        *self.lens == *lens
    }

    /// Returns true when every chunk but the last has 4 characters and the last 1 to 4
    /// (`6222 0212 3456 7890 123`), the way cards and some IDs are written.
    pub(crate) fn grouped_by_four(&self) -> bool {
        let (last, rest) = self.lens.split_last().expect("a run has a chunk");
        rest.iter().all(|&l| l == 4) && (1..=4).contains(last)
    }
}

/// Longest run value considered: 19-digit cards plus the `0086` prefix.
pub(crate) const MAX_RUN: usize = 24;

/// A document prepared for the recognizers.
pub(crate) struct Prepared<'t> {
    pub(crate) text: &'t Normalized<'t>,
    pub(crate) groups: Vec<NumberGroup>,
    /// The id of the cue that applies to each group (same index as `groups`): a cue word
    /// of `cues.tsv`, or [`FIELD_CUE`] plus the id of the column header or key labeling it.
    cues: Vec<Option<usize>>,
    matcher: &'t CueMatcher,
    fields: &'t FieldMatcher,
}

/// Cue ids from this value on stand for field words (column headers, keys).
const FIELD_CUE: usize = 1 << 24;

impl<'t> Prepared<'t> {
    fn new(
        text: &'t Normalized<'t>,
        matcher: &'t CueMatcher,
        fields: &'t FieldMatcher,
        structure: &Structure,
    ) -> Self {
        let groups = number_groups(text.as_str());
        let mut cues = matcher.for_groups(text.as_str(), &groups);
        // A number without a cue of its own takes the label of its column or field.
        for (group, cue) in groups.iter().zip(&mut cues) {
            if cue.is_none()
                && let Some(label) = structure.label_at(group.start(), group.end())
                && label.kind.number_cue().is_some()
            {
                *cue = Some(FIELD_CUE + label.field);
            }
        }
        Prepared { text, groups, cues, matcher, fields }
    }

    /// Replaces `runs` with every run of whole chunks of group `group_index`, up to
    /// [`MAX_RUN`] characters. Runs are built one group at a time so that memory stays
    /// bounded by the largest group, not the number of numbers in the document.
    pub(crate) fn runs_of<'p>(&'p self, group_index: usize, runs: &mut Vec<Run<'p>>) {
        let text = self.text.as_str();
        runs.clear();
        let group = &self.groups[group_index];
        for first in 0..group.chunks.len() {
            let mut value = Inline::new();
            let mut lens = Inline::new();
            for last in first..group.chunks.len() {
                let chunk = &group.chunks[last];
                let (s, e) = if chunk.paren {
                    (chunk.start + 1, chunk.end - 1)
                } else {
                    (chunk.start, chunk.end)
                };
                let fits = text.as_bytes()[s..e].iter().all(|b| value.push(b.to_ascii_uppercase()));
                if !fits || !lens.push(chunk.len() as u8) {
                    break;
                }
                if last > first && leaves_fragment(&group.chunks, first, last) {
                    continue;
                }
                let unchanged = last == first && !text.as_bytes()[s..e].contains(&b'x');
                runs.push(Run {
                    group,
                    group_index,
                    first,
                    chunks: &group.chunks[first..=last],
                    value,
                    raw: unchanged.then(|| &text[s..e]),
                    lens,
                });
            }
        }
    }

    /// Returns the cue category that applies to the group of `run`.
    pub(crate) fn cue(&self, run: &Run<'_>) -> Option<CueCategory> {
        self.cues[run.group_index].map(|id| match id.checked_sub(FIELD_CUE) {
            Some(field) => self.fields.kind(field).number_cue().expect("numeric field"),
            None => self.matcher.category(id),
        })
    }

    /// Returns the id of the cue that applies to the group of `run`, for explanations.
    pub(crate) fn cue_id(&self, run: &Run<'_>) -> Option<usize> {
        self.cues[run.group_index]
    }
}

/// Returns true when the chunks `first..=last` of a group sit next to a short chunk of
/// the same group (4 characters or fewer): a number written in parts continues there, so
/// the run is only a piece of it (`6212 8154 8652 4186 331` is not a 16-digit card) —
/// unless the short chunk after it opens a number of its own, an area code before a local
/// number (`0797-8221234 0797-8221235`).
fn leaves_fragment(chunks: &[Chunk], first: usize, last: usize) -> bool {
    let short = |c: &Chunk| c.len() <= 4;
    (first > 0 && short(&chunks[first - 1]))
        || (chunks.get(last + 1).is_some_and(short) && !opens_number(chunks, last + 1))
}

/// Returns true when chunk `at` of a group is an area code before a local number of 7-8
/// characters: a number of its own begins there, whatever comes before it.
pub(crate) fn opens_number(chunks: &[Chunk], at: usize) -> bool {
    chunks.get(at).is_some_and(|c| c.len() <= 4)
        && chunks.get(at + 1).is_some_and(|c| (7..=8).contains(&c.len()))
}

/// One kind of personal data, found by one module.
pub(crate) trait Recognizer: Send + Sync {
    /// The kind this recognizer reports.
    #[allow(dead_code)]
    fn kind(&self) -> PiiKind;
    /// Appends the candidates found in `doc` to `out`.
    fn find(&self, doc: &Prepared<'_>, runs: &[Run<'_>], out: &mut Vec<Candidate>);
}

/// Finds personal data in text. Cheap to clone; build it once and share it.
#[derive(Clone)]
pub struct Detector {
    inner: Arc<DetectorInner>,
}

struct DetectorInner {
    cues: CueMatcher,
    fields: FieldMatcher,
    recognizers: Vec<Box<dyn Recognizer>>,
    names: person_name::PersonName,
    addresses: address::Address,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector").field("recognizers", &self.inner.recognizers.len()).finish()
    }
}

/// Builds a [`Detector`].
#[derive(Debug, Clone)]
pub struct DetectorBuilder {
    reference_year: u16,
}

impl Default for DetectorBuilder {
    fn default() -> Self {
        DetectorBuilder { reference_year: current_year() }
    }
}

impl DetectorBuilder {
    /// Returns a builder with the current year as the latest plausible birth year.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the latest plausible birth year of an ID number (default: the current year).
    pub fn reference_year(&mut self, year: u16) -> &mut Self {
        self.reference_year = year;
        self
    }

    /// Builds the detector from `dict`.
    pub fn build(&self, dict: &Dictionaries) -> Detector {
        let recognizers: Vec<Box<dyn Recognizer>> = vec![
            Box::new(id_card::IdCard::new(dict, self.reference_year)),
            Box::new(mobile_phone::MobilePhone::new(dict)),
            Box::new(landline::Landline::new(dict)),
            Box::new(bank_card::BankCard::new(dict)),
        ];
        Detector {
            inner: Arc::new(DetectorInner {
                cues: CueMatcher::new(&dict.cues),
                fields: FieldMatcher::new(&dict.fields),
                recognizers,
                names: person_name::PersonName::new(dict),
                addresses: address::Address::new(dict),
            }),
        }
    }
}

impl Detector {
    /// Renders an explanation: its phrases joined by `; `, then the cue word.
    pub(crate) fn render(&self, e: &Explanation) -> String {
        let mut out = String::with_capacity(96);
        for (i, part) in e.parts[..e.len].iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(part);
        }
        if let Some(cue) = e.cue {
            if e.len > 0 {
                out.push_str("; ");
            }
            match cue.checked_sub(FIELD_CUE) {
                Some(field) => {
                    out.push_str("field ");
                    out.push_str(self.inner.fields.word(field));
                }
                None => {
                    out.push_str("cue ");
                    out.push_str(self.inner.cues.word(cue));
                }
            }
        }
        out
    }

    /// Returns resolved candidates of `text`, sorted by position, without overlaps.
    pub(crate) fn detect(&self, text: &Normalized<'_>) -> Vec<Candidate> {
        let structure = self.inner.fields.analyze(text.as_str());
        let doc = Prepared::new(text, &self.inner.cues, &self.inner.fields, &structure);
        let mut runs = Vec::new();
        // Most number groups and labeled spans hold a candidate: room for them up front
        // saves moving the (large) candidates at every doubling on finding-dense text.
        let mut candidates = Vec::with_capacity(doc.groups.len() + structure.labels.len());
        for group_index in 0..doc.groups.len() {
            doc.runs_of(group_index, &mut runs);
            for recognizer in &self.inner.recognizers {
                recognizer.find(&doc, &runs, &mut candidates);
            }
        }
        let divisions = self.inner.addresses.divisions(text.as_str());
        self.inner.addresses.find(text.as_str(), &structure, &divisions, &mut candidates);
        self.inner.names.find(text.as_str(), &structure, &divisions, &mut candidates);
        let addresses = &self.inner.addresses;
        addresses.village_groups_of_names(text.as_str(), &structure, &divisions, &mut candidates);
        let mut kept = resolve(candidates);
        for c in &mut kept {
            c.record = u32::try_from(structure.record_of(c.start)).unwrap_or(u32::MAX);
        }
        contact_line::mark_contact_lines(text.as_str(), &self.inner.cues, &mut kept);
        kept
    }
}

/// Keeps the best candidate of every overlapping set: highest confidence, then longest,
/// then earliest. Returns the kept candidates in text order.
fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Only candidates that overlap, directly or through others, compete: sorted by start,
    // the text splits into clusters, and most clusters of a notice hold one candidate.
    candidates.sort_by_key(|c| c.start);
    let mut keep = vec![true; candidates.len()];
    let mut order = Vec::new();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut first = 0;
    while first < candidates.len() {
        let mut end = candidates[first].end;
        let mut last = first + 1;
        while last < candidates.len() && candidates[last].start < end {
            end = end.max(candidates[last].end);
            last += 1;
        }
        if last - first > 1 {
            order.clear();
            order.extend(first..last);
            order.sort_by(|&a, &b| {
                let (a, b) = (&candidates[a], &candidates[b]);
                b.confidence
                    .total_cmp(&a.confidence)
                    .then((b.end - b.start).cmp(&(a.end - a.start)))
                    .then(a.start.cmp(&b.start))
            });
            kept.clear();
            for &i in &order {
                let c = &candidates[i];
                keep[i] = !kept.iter().any(|&(s, e)| s < c.end && c.start < e);
                if keep[i] {
                    kept.push((c.start, c.end));
                }
            }
        }
        first = last;
    }
    let mut flags = keep.into_iter();
    candidates.retain(|_| flags.next().unwrap_or(false));
    candidates
}

fn current_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970 → civil year (good to a day around New Year, which is enough for
    // a plausibility bound on birth years).
    let year = 1970 + secs / 31_556_952;
    u16::try_from(year).unwrap_or(u16::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Detects in `text` with the built-in dictionaries; returns (kind, matched original
    /// text, public) triples.
    pub(crate) fn detect(text: &str) -> Vec<(PiiKind, String, bool)> {
        // One detector for all tests: building the segmenter costs a noticeable moment
        // in debug builds.
        static DETECTOR: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
        let detector = DETECTOR.get_or_init(|| {
            DetectorBuilder::new().reference_year(2026).build(&Dictionaries::built_in())
        });
        let norm = Normalized::new(text);
        detector
            .detect(&norm)
            .into_iter()
            .map(|c| {
                let s = norm.original_start(c.start);
                let e = norm.original_end(c.end);
                (c.kind, text[s..e].to_owned(), c.public.is_some())
            })
            .collect()
    }

    /// Asserts that `text` yields exactly `expected` (kind, matched text) leaks or public
    /// findings (third element: is public).
    #[macro_export]
    macro_rules! t {
        ($name:ident, $text:expr, [$(($kind:ident, $value:expr $(, $public:expr)?)),* $(,)?]) => {
            #[test]
            fn $name() {
                let found = $crate::detect::tests::detect($text);
                let expected: Vec<(PiiKind, String, bool)> = vec![
                    $((PiiKind::$kind, String::from($value), false $(|| $public)?)),*
                ];
                assert_eq!(found, expected, "help: input {:?}", $text);
            }
        };
    }

    #[test]
    fn detector_is_send_sync_and_cheap_to_clone() {
        fn assert_all<T: Send + Sync + Clone>() {}
        assert_all::<Detector>();
    }

    /// A bare candidate spanning `start..end`, for tests of positions and ranking.
    pub(crate) fn candidate_at(start: usize, end: usize, confidence: f32) -> Candidate {
        Candidate {
            kind: PiiKind::MobilePhone,
            start,
            end,
            confidence,
            rule: "test",
            explanation: explain(&[], None),
            public: None,
            value: Redacted::new(Inline::new()),
            prefix_len: 0,
            levels: [0; 4],
            hidden: false,
            record: 0,
        }
    }

    #[test]
    fn resolution_prefers_confident_then_long() {
        let mk = candidate_at;
        let spans =
            |kept: Vec<Candidate>| kept.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>();
        let kept = resolve(vec![mk(0, 11, 0.9), mk(0, 18, 0.99), mk(20, 31, 0.5), mk(25, 40, 0.5)]);
        assert_eq!(spans(kept), vec![(0, 18), (25, 40)]);
        // A chain of overlaps (a–b, b–c; a and c apart), given out of order: the winner of
        // the middle takes both neighbours out, or the two ends win.
        let kept = resolve(vec![mk(8, 14, 0.5), mk(0, 6, 0.5), mk(4, 10, 0.9), mk(20, 22, 0.1)]);
        assert_eq!(spans(kept), vec![(4, 10), (20, 22)]);
        let kept = resolve(vec![mk(8, 14, 0.9), mk(0, 6, 0.9), mk(4, 10, 0.5)]);
        assert_eq!(spans(kept), vec![(0, 6), (8, 14)]);
    }
}
