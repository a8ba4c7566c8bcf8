//! Notice structure: records and field labels (DESIGN §4, step 2).
//!
//! A notice is split into *records* — table rows (`|` tables, tab-separated, columns aligned
//! with runs of spaces), list items and paragraphs (one line each), and blocks of consecutive
//! `key：value` lines (a penalty decision's 当事人/身份证号/住所 lines form one record). Column
//! headers (`户主姓名`, `身份证号`, `家庭住址` …) label every cell below them and keys label the
//! value after them: the strongest signal there is, and what lets the risk summary see a
//! name in the same record as an ID.
//!
//! Works on the normalized text; all offsets are byte offsets into it.

use crate::dict::FieldKind;
use crate::text::{CharFinder, WordsByChar, is_han};

/// A span of text labeled by a column header or a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: FieldKind,
    /// Index of the field word in the field dictionary, for explanations.
    pub(crate) field: usize,
    /// True for a table cell under a header, false for the value of a `key：value` field.
    pub(crate) cell: bool,
    /// Where the key starts (the cell start for cells).
    key_start: usize,
}

/// A cell that no header labels, read with the other cells of its column: a cell of a
/// table row, or the item that opens a numbered list item (`1.王红梅，城关镇…`). The name
/// pass reads a column's cells together: names in some of them vouch for the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ColumnCell {
    /// The table or run of list items, numbered in text order.
    pub(crate) table: u32,
    /// The cell's position in its row; 0 for the opening item of a list item.
    pub(crate) column: u32,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The records and labels of a document.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// Record boundaries: record `i` spans `records[i]`, in text order, disjoint.
    records: Vec<(usize, usize)>,
    /// Labeled spans in text order.
    pub(crate) labels: Vec<Label>,
    /// Cells without a header, row after row, in text order.
    pub(crate) columns: Vec<ColumnCell>,
    /// Header rows, in text order: they name columns, not people (`学生姓名 班级`).
    pub(crate) headers: Vec<(usize, usize)>,
}

impl Structure {
    /// Returns the index of the record holding byte offset `at` (the last record before
    /// it when `at` falls between records).
    pub(crate) fn record_of(&self, at: usize) -> usize {
        self.records.partition_point(|&(start, _)| start <= at).saturating_sub(1)
    }

    /// Returns the span of the record holding byte offset `at` (its end included: a name
    /// may end a line).
    pub(crate) fn record_span(&self, at: usize) -> Option<(usize, usize)> {
        self.records
            .get(self.record_of(at))
            .copied()
            .filter(|&(start, end)| (start..=end).contains(&at))
    }

    /// Returns the labels inside the record holding byte offset `at`.
    pub(crate) fn labels_in_record(&self, at: usize) -> &[Label] {
        let Some(&(start, end)) = self.records.get(self.record_of(at)) else { return &[] };
        let first = self.labels.partition_point(|l| l.start < start);
        let last = self.labels.partition_point(|l| l.start < end);
        &self.labels[first..last]
    }

    /// Returns the label covering `[start, end)`, if one does.
    pub(crate) fn label_at(&self, start: usize, end: usize) -> Option<&Label> {
        let i = self.labels.partition_point(|l| l.start <= start);
        let label = self.labels.get(i.checked_sub(1)?)?;
        (label.end >= end).then_some(label)
    }

    #[cfg(test)]
    fn record_count(&self) -> usize {
        self.records.len()
    }
}

/// How the cells of a table line are separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Separator {
    Pipe,
    Tab,
    /// Runs of two spaces or more.
    Spaces,
    /// Single spaces, as text extracted from a PDF table often has: read only under a
    /// header row, and only rows with as many cells as the header, or where two lines or
    /// more in a row split into as many short cells (a table without its header).
    Space,
}

/// What the rows of the table being read are: the cells of a separator, or list items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Table(Separator),
    ListItem,
}

/// The header of the table being read: one optional kind (and field id) per column.
struct Header {
    separator: Separator,
    columns: Vec<Option<(FieldKind, usize)>>,
    /// The kind of the first part of a header that names two (`姓名/身份证号`, `户主姓名及
    /// 身份证号码`), whose cells hold both (`王红梅/3601…`); `columns` holds the second.
    firsts: Vec<Option<(FieldKind, usize)>>,
}

/// Finds field words; built once from `fields.tsv`. Keys end where a colon follows and
/// headers end a cell, so field words are looked up as suffixes there (by their last
/// character) instead of scanning every line.
pub(crate) struct FieldMatcher {
    /// Field words by their last character (ids are their lines in `fields.tsv`).
    by_last: WordsByChar,
    kinds: Vec<FieldKind>,
    words: Vec<String>,
    wide_colon: CharFinder,
}

impl std::fmt::Debug for FieldMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldMatcher").field("words", &self.words.len()).finish()
    }
}

/// Rows read ahead of a row that reads as a header for the key that makes it a form's.
const FORM_ROWS_AHEAD: usize = 3;
/// Longest header cell considered, in bytes (`家庭住址（详细到门牌号）` fits).
const MAX_HEADER_CELL: usize = 48;
/// Most cells of a header row separated by single spaces.
const MAX_COLUMNS: usize = 16;
/// Longest cell of such a header row, in bytes (six Chinese characters: `户主身份证号`).
const MAX_SPACED_HEADER_CELL: usize = 18;
/// Longest cell of a table without a header whose cells single spaces separate, in bytes
/// (`城关镇新华村3组` is 22, a 身份证号 18).
const MAX_SPACED_CELL: usize = 36;
/// Longest `key：value` value, in bytes.
const MAX_FIELD_VALUE: usize = 120;

impl FieldMatcher {
    pub(crate) fn new(fields: &[(String, FieldKind)]) -> Self {
        FieldMatcher {
            by_last: WordsByChar::by_last(fields.iter().map(|(w, _)| w.as_str())),
            kinds: fields.iter().map(|(_, k)| *k).collect(),
            words: fields.iter().map(|(w, _)| w.clone()).collect(),
            wide_colon: CharFinder::new('：'),
        }
    }

    /// Returns the byte offset and id of the longest field word `s` ends with: one lookup
    /// of the last character, then a few comparisons (most characters end no field word).
    fn suffix(&self, s: &str) -> Option<(usize, usize)> {
        self.by_last.longest_end(s)
    }

    /// Returns the kind of field word `field`.
    pub(crate) fn kind(&self, field: usize) -> FieldKind {
        self.kinds[field]
    }

    /// Returns the field word of id `field`.
    pub(crate) fn word(&self, field: usize) -> &str {
        &self.words[field]
    }

    /// Returns the kind a header cell names: the cell, without a trailing `(…)` note,
    /// `*` marks and a colon, ends with a field word (`申请人姓名`, `家庭住址(详细)`).
    fn header_kind(&self, cell: &str) -> Option<(FieldKind, usize)> {
        if cell.len() > MAX_HEADER_CELL || cell.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut core = cell.trim_matches(|c: char| c == '*' || c == ' ');
        if let Some(open) = core.find(['(', '（']) {
            core = core[..open].trim_end();
        }
        let core = core.trim_end_matches([':', '：']);
        self.suffix(core).map(|(_, id)| (self.kinds[id], id))
    }

    /// Returns the kind of the first part of a header cell that names two kinds, parted by
    /// a slash, 及, 和 or 、 (`姓名/身份证号`: a name; `开户行及账号` names one, 开户行
    /// being no field word).
    #[cold]
    fn first_of_two(&self, cell: &str) -> Option<(FieldKind, usize)> {
        let (first, rest) = cell.split_once(['/', '及', '和', '、'])?;
        let (kind, field) = self.header_kind(first)?;
        let (second, _) = self.header_kind(rest)?;
        (kind != second).then_some((kind, field))
    }

    /// Returns true when the first cell of a table row is a field word and the second is
    /// none (`身份证号 | 3601…`): a row of a form's keys and values. The rows of a table
    /// open with a number, a name or a place, never a field word. Not asked of lines that
    /// single spaces part, which may be prose (the name pass reads a form's line of them,
    /// `姓名 王红梅 性别 女`).
    fn opens_with_key_cell(&self, line: &str, cells: &[(usize, usize)]) -> bool {
        match cells {
            [(s0, e0), (s1, e1), ..] => {
                e0 > s0
                    && e1 > s1
                    && self.header_kind(&line[*s0..*e0]).is_some()
                    && self.header_kind(&line[*s1..*e1]).is_none()
            }
            _ => false,
        }
    }

    /// Returns true when one of the [`FORM_ROWS_AHEAD`] rows from `at` that `separator`
    /// splits opens with a key (see [`Self::opens_with_key_cell`]): a form's rows go on
    /// with keys that label nothing (`性别 | 男`) before one that does (`家庭住址 | …`).
    #[cold]
    fn key_row_follows(&self, text: &str, mut at: usize, separator: Separator) -> bool {
        let mut cells = Vec::new();
        for _ in 0..FORM_ROWS_AHEAD {
            let Some(line) = row_at(text, at, separator, &mut cells) else { return false };
            if self.opens_with_key_cell(line, &cells) {
                return true;
            }
            at = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1);
        }
        false
    }

    /// Labels the cells of a row of keys and values: each cell after a field word's cell,
    /// itself none, is that field's value.
    fn key_value_cells(
        &self,
        line: &str,
        base: usize,
        cells: &[(usize, usize)],
        labels: &mut Vec<Label>,
    ) {
        for pair in cells.windows(2) {
            let [(ks, ke), (vs, ve)] = [pair[0], pair[1]];
            if ve <= vs || ke <= ks {
                continue;
            }
            if let Some((kind, field)) = self.header_kind(&line[ks..ke])
                && self.header_kind(&line[vs..ve]).is_none()
            {
                labels.push(Label {
                    start: base + vs,
                    end: base + ve,
                    kind,
                    field,
                    cell: false,
                    key_start: base + ks,
                });
            }
        }
    }

    /// Analyzes `text` (normalized) into records and labels.
    pub(crate) fn analyze(&self, text: &str) -> Structure {
        // About one record per 60 bytes (a table row, a list item, a short paragraph).
        let mut out =
            Structure { records: Vec::with_capacity(text.len() / 64), ..Structure::default() };
        let mut header: Option<Header> = None;
        // True while the previous line was a `key：value` line of the current record.
        let mut in_field_block = false;
        // True while the rows being read are a form's keys and values laid out as a table.
        let mut in_form = false;
        // The kind and number of the table (or run of list items) whose cells are being read.
        let mut table: Option<(RowKind, u32)> = None;
        let mut tables = 0u32;
        let mut table_of = |kind: RowKind, table: &mut Option<(RowKind, u32)>| match *table {
            Some((k, id)) if k == kind => id,
            _ => {
                tables += 1;
                *table = Some((kind, tables));
                tables
            }
        };
        let mut line_start = 0;
        let mut cells = Vec::new();
        let colons = colons(text, &self.wide_colon);
        // The colons of the line being read: those from `first_colon` on that start before
        // its end. Lines come in order and hold few colons: a cursor, not a search.
        let mut first_colon = 0;
        let mut line_colons = |start: usize, end: usize| {
            while colons.get(first_colon).is_some_and(|&c| c < start) {
                first_colon += 1;
            }
            let n = colons[first_colon..].iter().take_while(|&&c| c < end).count();
            &colons[first_colon..first_colon + n]
        };
        // The cell count of the previous line, when it could be a row of a table without a
        // header whose cells single spaces separate.
        let mut spaced_width: Option<usize> = None;
        // Lines and the bytes tested on each are found with the `memchr` crate: the
        // standard searches are not vectorized and were a third of this function's cost.
        let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
        for end in line_ends.chain((!text.ends_with('\n')).then_some(text.len())) {
            let start = line_start;
            let line = &text[start..end];
            line_start = end;
            let body = line.trim_end_matches(['\n', '\r']);
            let previous_width = spaced_width.take();
            if body.trim().is_empty() {
                header = None;
                in_field_block = false;
                in_form = false;
                // List items may stand a blank line apart; table rows do not.
                table = table.filter(|t| t.0 == RowKind::ListItem);
                continue;
            }
            let end = start + body.len();
            // A row of a table without a header, which is never a header itself.
            let mut headerless = false;
            let separator = match separator_of(body) {
                Some(separator) => {
                    split_cells(body, separator, &mut cells);
                    if let Some(h) = header.as_ref().filter(|h| h.separator == separator) {
                        merge_padded_names(body, &h.columns, &mut cells);
                    }
                    Some(separator)
                }
                // Split (and padded names merged) by the test itself.
                None if self.single_spaced(body, header.as_ref(), &mut cells) => {
                    Some(Separator::Space)
                }
                // Under no header of its own: a row when the line before or after it splits
                // into as many cells.
                None if header.as_ref().is_none_or(|h| h.separator != Separator::Space) => {
                    spaced_width = spaced_row_width(body);
                    let next = || spaced_row_width(line_after(text, line_start));
                    spaced_width.filter(|&w| previous_width == Some(w) || next() == Some(w)).map(
                        |_| {
                            split_cells(body, Separator::Space, &mut cells);
                            headerless = true;
                            Separator::Space
                        },
                    )
                }
                None => None,
            };
            if let Some(separator) = separator {
                if separator == Separator::Pipe && is_rule_line(&cells, body) {
                    continue;
                }
                // A row holding digits is data (a header's digits are at most a note or a
                // date), so only digit-free rows, and rows whose digits date a column, are
                // looked up as headers.
                let may_be_header = !headerless
                    && (!body.bytes().any(|b| b.is_ascii_digit())
                        || dated_header(body, &cells, text, line_start, separator));
                let kinds: Vec<Option<(FieldKind, usize)>> = if may_be_header {
                    cells.iter().map(|&(s, e)| self.header_kind(&body[s..e])).collect()
                } else {
                    Vec::new()
                };
                // A form laid out as a table (`姓名 | 王红梅 | 性别 | 女`, then `身份证号 |
                // 3601… | 联系电话 | 138…`) opens with a row that reads as a header; a key
                // that opens one of the next rows says it is a row of keys and values.
                let form = separator != Separator::Space
                    && kinds.iter().flatten().next().is_some()
                    && self.key_row_follows(text, line_start, separator);
                if form {
                    header = None;
                    in_form = true;
                    out.records.push((start, end));
                    in_field_block = false;
                    self.key_value_cells(body, start, &cells, &mut out.labels);
                    continue;
                }
                if kinds.iter().flatten().count() >= 1 && kinds.len() >= 2 {
                    // A header row: not a record of its own.
                    let firsts =
                        cells.iter().map(|&(s, e)| self.first_of_two(&body[s..e])).collect();
                    header = Some(Header { separator, columns: kinds, firsts });
                    in_form = false;
                    out.headers.push((start, end));
                    in_field_block = false;
                    table = None;
                    continue;
                }
                out.records.push((start, end));
                in_field_block = false;
                // A row of a form's keys and values: each key labels the cell after it, not
                // the cells under it (`身份证号 | 3601…`, under `姓名 | 王红梅`). One row alone
                // may be a header with digits in it (`姓名 | 性别 | 2026年补贴`): a form has
                // more rows of keys.
                if separator != Separator::Space
                    && self.opens_with_key_cell(body, &cells)
                    && (in_form || self.key_row_follows(text, line_start, separator))
                {
                    in_form = true;
                    header = None;
                    self.key_value_cells(body, start, &cells, &mut out.labels);
                    continue;
                }
                match &header {
                    Some(h) if h.separator == separator => {
                        let cell = |s: usize, e: usize, (kind, field): (FieldKind, usize)| {
                            let (start, end) = (start + s, start + e);
                            Label { start, end, kind, field, cell: true, key_start: start }
                        };
                        for (i, &(s, e)) in cells.iter().enumerate() {
                            if let Some(&Some(second)) = h.columns.get(i)
                                && e > s
                            {
                                // A cell of a header that names two holds both, parted by
                                // a slash or a space (`王红梅/3601…`, `王红梅 3601…`).
                                let mut s = s;
                                if let Some(&Some(first)) = h.firsts.get(i)
                                    && let Some(cut) = body[s..e].find(['/', ' '])
                                {
                                    out.labels.push(cell(s, s + cut, first));
                                    s += cut + 1;
                                    s += body[s..e].len() - body[s..e].trim_start().len();
                                }
                                if e > s {
                                    out.labels.push(cell(s, e, second));
                                }
                            }
                        }
                    }
                    _ => {
                        self.fields(body, start, line_colons(start, end), &mut out.labels);
                        let id = table_of(RowKind::Table(separator), &mut table);
                        let row = cells.iter().filter(|&&(s, e)| e > s).enumerate();
                        out.columns.extend(row.map(|(column, &(s, e))| ColumnCell {
                            table: id,
                            column: column as u32,
                            start: start + s,
                            end: start + e,
                        }));
                    }
                }
                continue;
            }
            header = None;
            in_form = false;
            match list_item_opening(body) {
                Some((s, e)) => {
                    let id = table_of(RowKind::ListItem, &mut table);
                    out.columns.push(ColumnCell {
                        table: id,
                        column: 0,
                        start: start + s,
                        end: start + e,
                    });
                }
                // A numbered item that opens with no name-like cell (`4.新民村10组段金、…`)
                // leaves the run of items going: the items after it are the same column.
                None if table.is_some_and(|t| t.0 == RowKind::ListItem)
                    && list_marker_end(body.trim_start_matches(' ')).is_some() => {}
                None => table = None,
            }
            let first_label = out.labels.len();
            self.fields(body, start, line_colons(start, end), &mut out.labels);
            // A line opens with a field when only a list marker precedes its first key; a
            // key that labels nothing (统一社会信用代码：, 性别：) keeps the block going too,
            // so that a decision's 当事人 and 住所 lines stay one record.
            let opens_with_field = out
                .labels
                .get(first_label)
                .is_some_and(|l| body[..l.key_start - start].chars().all(is_list_marker))
                || opens_with_key(body);
            if in_field_block && opens_with_field {
                // Continue the record of the previous `key：value` line.
                if let Some(last) = out.records.last_mut() {
                    last.1 = end;
                }
            } else {
                out.records.push((start, end));
            }
            in_field_block = opens_with_field;
        }
        out
    }

    /// Returns true when `line` is a row of a table whose cells single spaces separate: a
    /// digit-free header row of three to [`MAX_COLUMNS`] short cells, one of which a field
    /// word ends (`序号 学生姓名 班级 监护人`), or a row with as many cells as such a header
    /// above it. Prose seldom holds spaces between Chinese words, and a row must match.
    fn single_spaced(
        &self,
        line: &str,
        header: Option<&Header>,
        cells: &mut Vec<(usize, usize)>,
    ) -> bool {
        if !has_byte(line, b' ') {
            return false;
        }
        if let Some(h) = header.filter(|h| h.separator == Separator::Space) {
            split_cells(line, Separator::Space, cells);
            merge_padded_names(line, &h.columns, cells);
            return cells.len() == h.columns.len();
        }
        // Most lines with spaces are too long for a header or hold digits: settled before
        // they are split.
        if line.len() > MAX_COLUMNS * (MAX_SPACED_HEADER_CELL + 1)
            || line.bytes().any(|b| b.is_ascii_digit())
        {
            return false;
        }
        split_cells(line, Separator::Space, cells);
        (3..=MAX_COLUMNS).contains(&cells.len())
            && cells.iter().all(|&(s, e)| e - s <= MAX_SPACED_HEADER_CELL)
            && cells.iter().any(|&(s, e)| self.header_kind(&line[s..e]).is_some())
    }

    /// Labels the values of `key：value` fields in `line` (starting at byte `base`), whose
    /// colons (`:` or `：`) are at the byte offsets `colons` of the text.
    fn fields(&self, line: &str, base: usize, colons: &[usize], labels: &mut Vec<Label>) {
        // (key start, value start, field id) of every key followed by a colon.
        let mut keys: Vec<(usize, usize, usize)> = Vec::new();
        // Starts of the keys that no field word names but a space opens (`姓名：王红梅
        // 性别：女`): they end the value before them too.
        let mut other_keys: Vec<usize> = Vec::new();
        for &at in colons {
            let colon = at - base;
            let c = if line.as_bytes()[colon] == b':' { ":" } else { "：" };
            let head = line[..colon].trim_end_matches(' ');
            let Some((key_start, id)) = self.suffix(head) else {
                if let Some(start) = key_after_space(head) {
                    other_keys.push(start);
                }
                continue;
            };
            // The key must start the line or follow punctuation or a space: `单位地址` is
            // its own key, not `地址` of something. A key of a person of three characters
            // or more may be qualified (林权权利人, 不动产权利人, 救助申请人).
            if line[..key_start].chars().next_back().is_some_and(crate::text::is_han)
                && !(self.kinds[id] == FieldKind::PersonName
                    && self.words[id].chars().nth(2).is_some())
            {
                continue;
            }
            keys.push((key_start, colon + c.len(), id));
        }
        for (n, &(key_start, value_start, id)) in keys.iter().enumerate() {
            let value = &line[value_start..];
            let value_start = value_start + value.len() - value.trim_start_matches(' ').len();
            let next_field = keys.get(n + 1).map_or(line.len(), |next| next.0);
            let next_other = other_keys.iter().copied().find(|&k| k > value_start);
            let next_key = next_other.map_or(next_field, |k| k.min(next_field));
            let value_end =
                (value_start + end_of_value(&line[value_start..])).min(next_key.max(value_start));
            let mut value_end = value_start + line[value_start..value_end].trim_end().len();
            // Two spaces end a value, but not inside a padded name (`姓名：赵  六`). One
            // space ends a name that opens the value (`姓名：王红梅 男 35岁`, `户主：王红梅
            // 城关镇…`, `获奖人员：王红梅 李建设`): the rest is its record, or the other
            // names of a list.
            if self.kinds[id] == FieldKind::PersonName {
                if let Some(end) = padded_name_end(&line[value_start..]) {
                    value_end = value_end.max((value_start + end).min(next_key));
                } else if let Some(end) = name_before_space(&line[value_start..value_end]) {
                    value_end = value_start + end;
                }
            }
            if value_end > value_start && value_end - value_start <= MAX_FIELD_VALUE {
                labels.push(Label {
                    start: base + value_start,
                    end: base + value_end,
                    kind: self.kinds[id],
                    field: id,
                    cell: false,
                    key_start: base + key_start,
                });
            }
        }
    }
}

/// Returns the start of the key that ends `head` (the text before a colon) when a space
/// opens it: 1 to [`MAX_KEY_CHARS`] Chinese characters (`… 性别`).
fn key_after_space(head: &str) -> Option<usize> {
    // Most colons follow a key that opens its line or punctuation: the last space within a
    // key's length of bytes settles them before any decoding.
    let tail = &head.as_bytes()[head.len().saturating_sub(MAX_KEY_CHARS * 3 + 1)..];
    let start = head.len() - tail.len() + memchr::memrchr(b' ', tail)? + 1;
    let key = &head[start..];
    (!key.is_empty() && key.len() <= MAX_KEY_CHARS * 3 && key.chars().all(crate::text::is_han))
        .then_some(start)
}

/// Returns the byte offsets of the colons (`:` and `：`) of `text`, in order: two
/// single-character searches over the whole text (memchr for the ASCII one, `wide` for the
/// full-width one) cost less than decoding every character to compare it with both, and
/// less than starting the searches on every line. (One search for `:` and the last byte of
/// `：` found that byte ending too many other characters.)
fn colons(text: &str, wide: &CharFinder) -> Vec<usize> {
    let mut ascii = memchr::memchr_iter(b':', text.as_bytes()).peekable();
    let mut wide = wide.offsets(text).peekable();
    std::iter::from_fn(move || match (ascii.peek(), wide.peek()) {
        (Some(a), Some(w)) if a < w => ascii.next(),
        (Some(_), Some(_)) | (None, Some(_)) => wide.next(),
        (Some(_), None) => ascii.next(),
        (None, None) => None,
    })
    .collect()
}

/// Longest opening item of a list item read as a cell, in characters (阿卜杜热合曼·买买提).
const MAX_OPENING_CHARS: usize = 12;

/// Returns the span of the item that opens a numbered list item (`1.王红梅，…`, `（2）刘建国
/// 男`, `三、陈秀英：`): Chinese characters (and `·`) after the number, up to a separator or
/// the line's end.
fn list_item_opening(line: &str) -> Option<(usize, usize)> {
    // Normalized text: ideographic spaces are ASCII ones already.
    let rest = line.trim_start_matches(' ');
    // Most lines open with no marker: their first character settles them.
    if !rest
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '0'..='9' | '(' | '（' | '①'..='⑳') || is_chinese_numeral(c))
    {
        return None;
    }
    let after = list_marker_end(rest)?;
    let item = &rest[after..];
    let item = item.trim_start_matches(' ');
    let len: usize = item
        .chars()
        .take_while(|&c| crate::text::is_han(c) || c == '·')
        .take(MAX_OPENING_CHARS + 1)
        .map(char::len_utf8)
        .sum();
    let ends = item[len..].chars().next().is_none_or(|c| {
        matches!(c, '，' | ',' | '、' | ' ' | '\t' | '（' | '(' | '：' | ':' | '；' | '。')
    });
    let start = line.len() - item.len();
    (len > 0 && ends && item[..len].chars().count() <= MAX_OPENING_CHARS)
        .then_some((start, start + len))
}

/// Returns the length of the list number that opens `line`: `1.`, `1、`, `1)`, `（1）`,
/// `(1)`, `一、`, `①`.
pub(crate) fn list_marker_end(line: &str) -> Option<usize> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let numerals =
        |s: &str| s.chars().take_while(|&c| is_chinese_numeral(c)).map(char::len_utf8).sum();
    if let Some(inner) = line.strip_prefix(['(', '（']) {
        let n = digits(inner).max(numerals(inner));
        let close = inner[n..].chars().next().filter(|c| matches!(c, ')' | '）'))?;
        return (n > 0).then(|| line.len() - inner.len() + n + close.len_utf8());
    }
    if let Some(c) = line.chars().next().filter(|c| ('①'..='⑳').contains(c)) {
        return Some(c.len_utf8());
    }
    let n = digits(line);
    let (n, ends): (usize, &[char]) =
        if n > 0 { (n, &['.', '．', '、', ')', '）']) } else { (numerals(line), &['、']) };
    if n == 0 || n > 9 {
        return None;
    }
    let mark = line[n..].chars().next().filter(|c| ends.contains(c))?;
    Some(n + mark.len_utf8())
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

fn is_list_marker(c: char) -> bool {
    c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '、' | '(' | ')' | '（' | '）')
}

/// Longest key of a `key：value` line that no field word names, in characters.
const MAX_KEY_CHARS: usize = 10;

/// Returns true when `line` opens, after a list marker, with a key of Chinese characters
/// and a colon (`统一社会信用代码：`).
fn opens_with_key(line: &str) -> bool {
    // Most lines hold no colon near their start: a byte test settles them (0x9A ends
    // the full-width colon, and a few other characters, which the full test then sorts).
    let head = &line.as_bytes()[..line.len().min(4 + 3 * (MAX_KEY_CHARS + 1))];
    if !head.iter().any(|&b| b == b':' || b == 0x9A) {
        return false;
    }
    let rest = line.trim_start_matches(is_list_marker);
    let key_chars = rest.chars().take_while(|&c| crate::text::is_han(c)).take(MAX_KEY_CHARS + 1);
    let (count, len) = key_chars.fold((0, 0), |(n, len), c| (n + 1, len + c.len_utf8()));
    (2..=MAX_KEY_CHARS).contains(&count) && rest[len..].starts_with([':', '：'])
}

/// Returns the length of a field value: up to the next clause punctuation, tab, pipe,
/// run of two spaces, or closing bracket that the value did not open (`张三（房屋坐落：
/// 某路1号）`: the bracket closes the note the field sits in).
fn end_of_value(value: &str) -> usize {
    let mut prev_space = false;
    let mut open = 0usize;
    for (i, c) in value.char_indices() {
        match c {
            '，' | ',' | '；' | ';' | '。' | '\t' | '|' | '｜' | '、' => return i,
            ' ' if prev_space => return i - 1,
            '(' | '（' => open += 1,
            ')' | '）' if open == 0 => return i,
            ')' | '）' => open -= 1,
            _ => {}
        }
        prev_space = c == ' ';
    }
    value.len()
}

/// Returns the table separator of a line, if it is a table row.
fn separator_of(line: &str) -> Option<Separator> {
    let trimmed = line.trim();
    if (trimmed.starts_with('|') || trimmed.starts_with('｜'))
        && trimmed.matches(['|', '｜']).count() >= 2
    {
        return Some(Separator::Pipe);
    }
    if has_byte(trimmed, b'\t') {
        return Some(Separator::Tab);
    }
    // Columns aligned with spaces: at least two runs of two or more spaces between text.
    if has_byte(trimmed, b' ') && space_runs(trimmed) >= 2 {
        return Some(Separator::Spaces);
    }
    None
}

/// Returns the number of cells of `line` as a row of a table without a header whose cells
/// single spaces separate (`王红梅 新华村3组 1200元`, text extracted from a PDF), or None
/// when it cannot be one: two to [`MAX_COLUMNS`] cells of at most [`MAX_SPACED_CELL`]
/// bytes, none holding a sentence's punctuation, one opening with a Chinese character.
fn spaced_row_width(line: &str) -> Option<usize> {
    if !has_byte(line, b' ') || line.len() > MAX_COLUMNS * (MAX_SPACED_CELL + 1) {
        return None;
    }
    // One pass over the characters: most lines with a space are sentences, settled at their
    // first punctuation mark.
    let (mut width, mut chinese, mut cell_start) = (0, false, None);
    for (i, c) in line.char_indices() {
        match c {
            ' ' => cell_start = None,
            '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';' | ':' => return None,
            _ => match cell_start {
                None => {
                    cell_start = Some(i);
                    chinese |= is_han(c);
                    width += 1;
                }
                Some(s) if i + c.len_utf8() - s > MAX_SPACED_CELL => return None,
                Some(_) => {}
            },
        }
    }
    ((2..=MAX_COLUMNS).contains(&width) && chinese).then_some(width)
}

/// Returns true when a row with digits may still be a header: its digits date a column
/// (`2026年补贴金额`, `补贴金额（1-6月）`, `第1季度`), no cell is a number, and the next row,
/// split the same way, holds one (`1 | 王红梅 | 1200`). A row of data has a number of its
/// own (序号, a sum) or stands among rows like it (`王红梅 | 1950年2月 | 户主`).
#[cold]
fn dated_header(
    line: &str,
    cells: &[(usize, usize)],
    text: &str,
    next_start: usize,
    separator: Separator,
) -> bool {
    let number = |cell: &str| !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit());
    let dated = cells.iter().all(|&(s, e)| {
        let cell = &line[s..e];
        !number(cell)
            && (!cell.bytes().any(|b| b.is_ascii_digit()) || cell.contains(['年', '月', '季']))
    });
    if !dated {
        return false;
    }
    let mut cells = Vec::new();
    row_at(text, next_start, separator, &mut cells)
        .is_some_and(|next| cells.iter().any(|&(s, e)| number(&next[s..e])))
}

/// Returns the line that starts at `at` when `separator` splits it, its cells in `cells`:
/// the rows a header or a form's first row is read against.
fn row_at<'t>(
    text: &'t str,
    at: usize,
    separator: Separator,
    cells: &mut Vec<(usize, usize)>,
) -> Option<&'t str> {
    let line = line_after(text, at);
    if at >= text.len() || separator_of(line) != Some(separator) {
        return None;
    }
    split_cells(line, separator, cells);
    Some(line)
}

/// Returns the line that starts at `start` (without its line break).
fn line_after(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
    rest[..end].trim_end_matches('\r')
}

fn has_byte(s: &str, byte: u8) -> bool {
    memchr::memchr(byte, s.as_bytes()).is_some()
}

/// Counts the runs of two or more spaces in `line` that text follows (the spaces are
/// found with `memchr`: a byte loop over every line was a tenth of this module's cost).
fn space_runs(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut runs, mut run_start, mut run_end) = (0, 0, 0);
    for i in memchr::memchr_iter(b' ', bytes) {
        if i != run_end {
            runs += usize::from(run_end - run_start >= 2);
            run_start = i;
        }
        run_end = i + 1;
    }
    runs + usize::from(run_end - run_start >= 2 && run_end < bytes.len())
}

/// Splits a table line into trimmed cell spans (byte offsets into `line`), replacing the
/// contents of `cells` (one buffer serves every line).
fn split_cells(line: &str, separator: Separator, cells: &mut Vec<(usize, usize)>) {
    cells.clear();
    let mut push = |s: usize, e: usize| {
        let cell = &line[s..e];
        let lead = cell.len() - cell.trim_start().len();
        let trail = cell.len() - cell.trim_end().len();
        // A cell of spaces only (`|  |`) is empty at its end: trimmed from both sides, its
        // start would pass its end.
        let start = (s + lead).min(e);
        cells.push((start, (e - trail).max(start)));
    };
    match separator {
        Separator::Pipe => {
            let bounds: Vec<usize> = line.match_indices(['|', '｜']).map(|(i, _)| i).collect();
            // Cells sit between pipes; text before the first or after the last is not a cell.
            for pair in bounds.windows(2) {
                let s = pair[0] + line[pair[0]..].chars().next().map_or(1, char::len_utf8);
                push(s, pair[1]);
            }
        }
        Separator::Tab => {
            let mut s = 0;
            for i in memchr::memchr_iter(b'\t', line.as_bytes()) {
                push(s, i);
                s = i + 1;
            }
            push(s, line.len());
        }
        Separator::Space => {
            let mut s = None;
            for (i, b) in line.bytes().enumerate() {
                match (b == b' ', s) {
                    (true, Some(from)) => {
                        push(from, i);
                        s = None;
                    }
                    (false, None) => s = Some(i),
                    _ => {}
                }
            }
            if let Some(from) = s {
                push(from, line.len());
            }
        }
        Separator::Spaces => {
            let bytes = line.as_bytes();
            let (mut s, mut i) = (0, 0);
            let lead = line.len() - line.trim_start().len();
            s += lead;
            i += lead;
            while i < bytes.len() {
                if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
                    let mut j = i;
                    while j < bytes.len() && bytes[j] == b' ' {
                        j += 1;
                    }
                    push(s, i);
                    s = j;
                    i = j;
                } else {
                    i += 1;
                }
            }
            if s < line.len() {
                push(s, line.len());
            }
        }
    }
}

/// Merges the two cells of a name padded with spaces (`赵 六`, `赵  六`) that a row has
/// split in a name column of `columns`, while the row has more cells than the header.
fn merge_padded_names(
    line: &str,
    columns: &[Option<(FieldKind, usize)>],
    cells: &mut Vec<(usize, usize)>,
) {
    let mut i = 0;
    while cells.len() > columns.len() && i + 1 < cells.len() {
        if matches!(columns.get(i), Some(Some((FieldKind::PersonName, _))))
            && padded_name_end(&line[cells[i].0..]) == Some(cells[i + 1].1 - cells[i].0)
        {
            cells[i].1 = cells[i + 1].1;
            cells.remove(i + 1);
        }
        i += 1;
    }
}

/// Returns the end of a two-character name padded with spaces to the width of three
/// (`赵　六`: documents align names so, and normalization turns the full-width space into
/// a space) at the start of `value`: a Chinese character, one to three spaces, a Chinese
/// character, then the end, a space or punctuation.
fn padded_name_end(value: &str) -> Option<usize> {
    let first = value.chars().next().filter(|&c| is_han(c))?;
    let rest = &value[first.len_utf8()..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    let second = rest[gap..].chars().next().filter(|&c| is_han(c))?;
    let end = first.len_utf8() + gap + second.len_utf8();
    let closed = value[end..].chars().next().is_none_or(|c| {
        matches!(c, ' ' | '\t' | '，' | ',' | '；' | ';' | '。' | '、' | '|' | '｜')
    });
    ((1..=3).contains(&gap) && closed).then_some(end)
}

/// Returns the length of the two to four characters that open `value` when a space
/// follows them and more comes after it: a Chinese character, then Chinese characters or
/// mask characters (`王红梅 男`, and masked, `王** 男`).
fn name_before_space(value: &str) -> Option<usize> {
    let space = value.find(' ')?;
    let name = &value[..space];
    let mut chars = name.chars();
    let first = chars.next().is_some_and(is_han);
    let rest = chars.clone().count();
    (first
        && (1..=3).contains(&rest)
        && chars.all(|c| is_han(c) || crate::mask::is_text_mask_char(c))
        && !value[space..].trim_start_matches(' ').is_empty())
    .then_some(space)
}

/// What a cell or a key's value holds where it gives no value: a total row (合计, 小计), an
/// empty cell's note (暂无, 以下空白, 不详), a reference (同上, 见附件).
const FILLERS: [&str; 17] = [
    "合计",
    "小计",
    "总计",
    "共计",
    "累计",
    "总数",
    "暂无",
    "空白",
    "以下空白",
    "同上",
    "不详",
    "待定",
    "见附件",
    "附后",
    "其他",
    "其它",
    "备注",
];

/// Returns true when a labeled value is a filler of [`FILLERS`], not data of its column.
pub(crate) fn is_filler(value: &str) -> bool {
    FILLERS.contains(&value.trim())
}

/// Returns true for a markdown rule line (`|---|:---:|`).
fn is_rule_line(cells: &[(usize, usize)], line: &str) -> bool {
    cells.iter().all(|&(s, e)| line[s..e].chars().all(|c| matches!(c, '-' | ':' | ' ')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;

    fn analyze(text: &str) -> (Structure, FieldMatcher) {
        let matcher = FieldMatcher::new(&Dictionaries::built_in().fields);
        (matcher.analyze(text), matcher)
    }

    /// Returns (labeled text, kind) pairs.
    fn labels(text: &str) -> Vec<(&str, FieldKind)> {
        let (s, _) = analyze(text);
        s.labels.iter().map(|l| (&text[l.start..l.end], l.kind)).collect()
    }

    #[test]
    fn space_runs_agree_with_a_byte_count() {
        let plain = |line: &str| {
            let (mut runs, mut spaces) = (0, 0);
            for b in line.bytes() {
                if b == b' ' {
                    spaces += 1;
                } else {
                    runs += usize::from(spaces >= 2);
                    spaces = 0;
                }
            }
            runs
        };
        // Every line of up to eight bytes drawn from a space, a letter and a CJK character.
        let parts = [" ", "a", "张"];
        let mut lines = vec![String::new()];
        for _ in 0..8 {
            let longer: Vec<String> =
                lines.iter().flat_map(|l| parts.iter().map(move |p| format!("{l}{p}"))).collect();
            lines.extend(longer.into_iter().filter(|l| l.len() <= 8));
            lines.sort();
            lines.dedup();
        }
        assert!(lines.len() > 500);
        for line in &lines {
            assert_eq!(space_runs(line), plain(line), "{line:?}");
        }
    }

    #[test]
    fn a_form_laid_out_as_a_table_pairs_keys_and_values() {
        use FieldKind::*;
        // Its first row reads as a header; a key opening a later row says it is a form's.
        for text in [
            "姓名\t钟金发\t性别\t男\n身份证号\t362132197805124425\t联系电话\t13907971234\n\
             家庭住址\t银坑镇平安村上坪组18号\n",
            "| 姓名 | 钟金发 | 性别 | 男 |\n| 身份证号 | 362132197805124425 | 联系电话 | 13907971234 |\n\
             | 家庭住址 | 银坑镇平安村上坪组18号 | | |\n",
        ] {
            let found = labels(text);
            assert!(found.contains(&("钟金发", PersonName)), "{text}: {found:?}");
            assert!(found.contains(&("362132197805124425", IdCard)), "{text}: {found:?}");
            assert!(found.contains(&("13907971234", Phone)), "{text}: {found:?}");
            assert!(found.contains(&("银坑镇平安村上坪组18号", Address)), "{text}: {found:?}");
            // No key is a value of the column above it.
            assert!(!found.iter().any(|(t, _)| ["身份证号", "家庭住址"].contains(t)), "{found:?}");
        }
        // Two columns, a key that labels nothing (性别) before one that does.
        assert_eq!(
            labels("姓名\t钟金发\n性别\t男\n家庭住址\t银坑镇平安村上坪组18号\n"),
            [("钟金发", PersonName), ("银坑镇平安村上坪组18号", Address)]
        );
        // A row with digits that is no header is a row of data, not a form's keys and values.
        assert_eq!(labels("| 姓名 | 性别 | 2026年补贴 |\n"), []);
        // A table's header stays one: its rows open with numbers or names.
        assert_eq!(
            labels("姓名\t身份证号\n钟金发\t362132197805124425\n"),
            [("钟金发", PersonName), ("362132197805124425", IdCard)]
        );
    }

    #[test]
    fn a_header_that_names_two_kinds_labels_both_parts_of_its_cells() {
        use FieldKind::*;
        assert_eq!(
            labels("序号\t姓名/身份证号\t金额\n1\t钟金发/362132197805124425\t1200\n"),
            [("钟金发", PersonName), ("362132197805124425", IdCard)]
        );
        assert_eq!(
            labels("序号\t户主姓名及身份证号码\t金额\n1\t钟金发 362132197805124425\t1200\n"),
            [("钟金发", PersonName), ("362132197805124425", IdCard)]
        );
        // A cell with one part is the second kind's; a header of one kind is read whole.
        assert_eq!(
            labels("序号\t姓名/身份证号\n1\t362132197805124425\n"),
            [("362132197805124425", IdCard)]
        );
        assert_eq!(
            labels("序号\t开户行及账号\n1\t农商银行 6228480012345678901\n"),
            [("农商银行 6228480012345678901", BankCard)]
        );
    }

    #[test]
    fn a_header_may_date_its_columns() {
        use FieldKind::*;
        for header in ["2026年补贴金额", "补贴金额（2026年）", "1-6月补贴"] {
            let text = format!("序号\t姓名\t{header}\n1\t钟金发\t1200\n2\t何建设\t3600\n");
            assert_eq!(labels(&text), [("钟金发", PersonName), ("何建设", PersonName)], "{header}");
        }
        // Rows of data with dates and a field word in them are no header.
        assert_eq!(labels("钟金发\t1950年2月\t户主\n何建设\t1952年3月\t配偶\n"), []);
        assert_eq!(labels("钟金发\t3人\t户主\n1\t何建设\t300\n"), []);
    }

    #[test]
    fn tab_separated_table_labels_columns() {
        let text =
            "序号\t户主姓名\t身份证号\t保障人数\n1\t张三\t110105194912310029\t2\n2\t李四\t\t3\n";
        assert_eq!(
            labels(text),
            vec![
                ("张三", FieldKind::PersonName),
                ("110105194912310029", FieldKind::IdCard),
                ("李四", FieldKind::PersonName),
            ]
        );
        let (s, _) = analyze(text);
        assert_eq!(s.record_count(), 2, "the header is not a record");
    }

    #[test]
    fn markdown_table_skips_rule_line() {
        let text = "| 序号 | 姓名 | 家庭住址 |\n|---|---|---|\n| 1 | 王五 | 城关镇红星村3组 |\n";
        assert_eq!(
            labels(text),
            vec![("王五", FieldKind::PersonName), ("城关镇红星村3组", FieldKind::Address)]
        );
    }

    #[test]
    fn space_aligned_columns() {
        let text = "序号  姓名    性别  联系电话\n1     赵 六   男    13812345678\n";
        assert_eq!(
            labels(text),
            vec![("赵 六", FieldKind::PersonName), ("13812345678", FieldKind::Phone)]
        );
    }

    #[test]
    fn single_spaced_columns_under_a_header() {
        // Text extracted from a PDF table: one space between cells.
        let text = "序号 户主姓名 身份证号 联系电话\n1 王子涵 360731198507120024 13812345678\n";
        assert_eq!(
            labels(text),
            [
                ("王子涵", FieldKind::PersonName),
                ("360731198507120024", FieldKind::IdCard),
                ("13812345678", FieldKind::Phone)
            ]
        );
        // A row with another number of cells is not one of the table.
        let text = "序号 户主姓名 联系电话\n1 赵六 男 13812345678\n";
        assert_eq!(labels(text), []);
        // Prose with spaces, digits or long phrases is no header.
        for text in [
            "各乡镇 县直各单位 驻县单位\n1 王子涵 高一\n",
            "姓名 张三 2026年\n1 王子涵 高一\n",
            "请各申请人姓名 务必于规定时间内提交 材料\n1 王子涵 高一\n",
        ] {
            assert_eq!(labels(text), [], "{text}");
        }
    }

    #[test]
    fn names_padded_to_three_characters_are_one_cell() {
        // `赵　六` aligned with three-character names: one space between cells of a table
        // extracted from a PDF, two in columns aligned with spaces.
        let text = "序号 姓名 联系电话\n1 赵 六 13812345678\n2 王子涵 13812345679\n";
        assert_eq!(
            labels(text),
            [
                ("赵 六", FieldKind::PersonName),
                ("13812345678", FieldKind::Phone),
                ("王子涵", FieldKind::PersonName),
                ("13812345679", FieldKind::Phone)
            ]
        );
        let text = "序号    姓名      联系电话\n1       赵  六    13812345678\n";
        assert_eq!(
            labels(text),
            [("赵  六", FieldKind::PersonName), ("13812345678", FieldKind::Phone)]
        );
        assert_eq!(labels("姓名：赵  六，男"), [("赵  六", FieldKind::PersonName)]);
        // Only in a name column, and only two single characters.
        let text = "序号 姓名 性别 联系电话\n1 赵六 男 女 13812345678\n";
        assert_eq!(labels(text), []);
        assert_eq!(labels("姓名：赵  六号楼"), [("赵", FieldKind::PersonName)]);
    }

    #[test]
    fn header_with_note_and_different_table_ends_labels() {
        let text = "姓名\t家庭住址（详细到门牌）\n张三\t某村1号\n\n张四\t某村2号\n";
        assert_eq!(
            labels(text),
            vec![("张三", FieldKind::PersonName), ("某村1号", FieldKind::Address)]
        );
    }

    #[test]
    fn key_value_fields() {
        let text = "被征收人：张三，房屋坐落：城关镇红星村3组12号，联系电话：13812345678。";
        assert_eq!(
            labels(text),
            vec![
                ("张三", FieldKind::PersonName),
                ("城关镇红星村3组12号", FieldKind::Address),
                ("13812345678", FieldKind::Phone),
            ]
        );
        assert_eq!(
            labels("办公地址：县政府大院3号楼"),
            vec![("县政府大院3号楼", FieldKind::OrgAddress)]
        );
        // A key inside a word is not a key, but a person's key of three characters or more
        // may be qualified.
        assert_eq!(labels("本单位地址：某路1号"), vec![]);
        assert_eq!(labels("林权权利人：赖文华，"), vec![("赖文华", FieldKind::PersonName)]);
        assert_eq!(labels("补助户主：赖文华，"), vec![]);
        // Keys that label nothing end the value before them when a space opens them.
        assert_eq!(
            labels("姓名：王红梅 性别：女 户主：刘志强 家庭人口：3人"),
            vec![("王红梅", FieldKind::PersonName), ("刘志强", FieldKind::PersonName)]
        );
        assert_eq!(labels("姓名：赵  六 性别：男"), vec![("赵  六", FieldKind::PersonName)]);
        // A name that opens a value ends at a space: what follows is its record.
        assert_eq!(labels("姓名：王红梅 男 35岁"), vec![("王红梅", FieldKind::PersonName)]);
        assert_eq!(
            labels("户主：王红梅 城关镇建设路12号"),
            vec![("王红梅", FieldKind::PersonName)]
        );
        assert_eq!(labels("户主：王红梅 "), vec![("王红梅", FieldKind::PersonName)]);
        // Masked, the names stay apart (a name of four characters would need more stars).
        assert_eq!(labels("获奖人员：程* 马*"), vec![("程*", FieldKind::PersonName)]);
        // The address of a utility's customer is the party's.
        assert_eq!(
            labels("户名：严家福，用户地址：城关镇水南路5巷2号"),
            vec![
                ("严家福", FieldKind::PersonName),
                ("城关镇水南路5巷2号", FieldKind::PartyAddress)
            ]
        );
        // A field inside a note ends where the note does; its own brackets stay.
        assert_eq!(
            labels("张德明（房屋坐落：城关镇解放路21号）、李桂芳（户主姓名：李桂芳（户主））"),
            vec![
                ("城关镇解放路21号", FieldKind::Address),
                ("李桂芳（户主）", FieldKind::PersonName)
            ]
        );
    }

    #[test]
    fn consecutive_field_lines_form_one_record() {
        let text = "当事人：张三\n公民身份号码：110105194912310029\n住所：某村1号\n经查，当事人销售不合格产品。\n";
        let (s, _) = analyze(text);
        assert_eq!(s.record_count(), 2);
        let id = text.find("1101").unwrap();
        assert_eq!(s.record_of(0), s.record_of(id));
        assert_ne!(s.record_of(0), s.record_of(text.find("经查").unwrap()));
    }

    #[test]
    fn keys_that_label_nothing_keep_a_field_block() {
        let text = "当事人：某某建材有限公司\n统一社会信用代码：91360000MA35XXXX0Q\n住所：某路1号\n\
                    法定代表人：张三\n经查，当事人销售不合格产品。\n";
        let (s, _) = analyze(text);
        let seat = text.find("某路").unwrap();
        assert_eq!(s.record_of(0), s.record_of(seat));
        assert_eq!(s.record_of(0), s.record_of(text.find("张三").unwrap()));
        assert_ne!(s.record_of(0), s.record_of(text.find("经查").unwrap()));
        let kinds: Vec<FieldKind> = s.labels_in_record(seat).iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [FieldKind::PersonName, FieldKind::PartyAddress, FieldKind::PersonName]);
        // Prose with a colon late in the line, or a long run before one, is no key.
        for line in ["经查，当事人：张三", "当事人于2024年8月销售不合格产品的情况说明如下："]
        {
            assert!(!opens_with_key(line), "{line}");
        }
        assert!(opens_with_key("2、统一社会信用代码：9136"));
    }

    #[test]
    fn lines_are_records() {
        let text = "1. 张三，身份证号：110105194912310029\n2. 李四，身份证号：110105194912310037\n";
        let (s, _) = analyze(text);
        assert_eq!(s.record_count(), 2);
        assert_eq!(labels(text).len(), 2);
    }

    /// Returns the cells of the columns without a header as (table, column, text).
    fn columns(text: &str) -> Vec<(u32, u32, &str)> {
        let (s, _) = analyze(text);
        s.columns.iter().map(|c| (c.table, c.column, &text[c.start..c.end])).collect()
    }

    #[test]
    fn list_items_open_with_a_cell() {
        for (line, opening) in [
            ("1.王红梅，城关镇新华社区", Some("王红梅")),
            ("12、刘建国 男 汉族", Some("刘建国")),
            ("3)陈秀英：1944年生", Some("陈秀英")),
            ("（2）张海燕（户主），", Some("张海燕")),
            ("(10)赵敏", Some("赵敏")),
            ("三、买买提·艾力，", Some("买买提·艾力")),
            ("②李四；", Some("李四")),
            ("  4. 王五", Some("王五")),
            // No marker, a number that is no marker, or no Chinese item after it.
            ("王红梅，城关镇", None),
            ("2026年第三季度名单", None),
            ("1.5万元以上", None),
            ("1234567890、编号", None),
            ("一是加强领导，", None),
            // An item that runs on is a sentence, not a cell.
            ("1.经本人申请村委会评议乡镇审核现予公示", None),
        ] {
            let found = list_item_opening(line).map(|(s, e)| &line[s..e]);
            assert_eq!(found, opening, "{line}");
        }
    }

    #[test]
    fn a_numbered_item_without_an_opening_cell_keeps_the_run_of_items() {
        let text = "1.王红梅，新华村3组\n2.新民村10组段金、石萍文等二户\n3.于思，柏树村9组\n";
        let (s, _) = analyze(text);
        let cells: Vec<_> = s.columns.iter().map(|c| (c.table, &text[c.start..c.end])).collect();
        assert_eq!(cells, [(1, "王红梅"), (1, "于思")]);
        // A line that is no item ends the run.
        let text = "1.王红梅，新华村3组\n说明如下\n2.于思，柏树村9组\n";
        let (s, _) = analyze(text);
        let tables: Vec<_> = s.columns.iter().map(|c| c.table).collect();
        assert_eq!(tables, [1, 2]);
    }

    #[test]
    fn cells_without_a_header_are_read_by_column() {
        // A table whose header is missing: every cell, numbered by its column.
        let text = "1\t王红梅\t城关镇\n2\t刘建国\t黄金乡\n";
        assert_eq!(
            columns(text),
            [
                (1, 0, "1"),
                (1, 1, "王红梅"),
                (1, 2, "城关镇"),
                (1, 0, "2"),
                (1, 1, "刘建国"),
                (1, 2, "黄金乡")
            ]
        );
        // Under a header the cells are labeled instead.
        assert_eq!(columns("序号\t姓名\n1\t王红梅\n2\t刘建国\n"), []);
        // List items: their openings are a column, across blank lines, until other text.
        let text = "1.王红梅，城关镇\n\n2.刘建国，黄金乡\n公示期7天。\n1.陈秀英\n";
        assert_eq!(columns(text), [(1, 0, "王红梅"), (1, 0, "刘建国"), (2, 0, "陈秀英")]);
        // A table after a blank line, or in another format, is another table.
        let text = "1\t王红梅\n\n2\t刘建国\n3  张三  男\n";
        let tables: Vec<u32> = columns(text).iter().map(|c| c.0).collect();
        assert_eq!(tables, [1, 1, 2, 2, 3, 3, 3]);
    }

    #[test]
    fn single_spaced_rows_without_a_header() {
        // Two lines or more in a row that split into as many short cells: a table extracted
        // from a PDF without its header.
        let text = "高龄津贴发放名单\n王红梅 新华村3组 1200元\n李国庆 红星村5组 800元\n合计2人。\n";
        assert_eq!(
            columns(text),
            [
                (1, 0, "王红梅"),
                (1, 1, "新华村3组"),
                (1, 2, "1200元"),
                (1, 0, "李国庆"),
                (1, 1, "红星村5组"),
                (1, 2, "800元")
            ]
        );
        // One such line alone, lines of different widths, sentences and long runs are none.
        for text in [
            "王红梅 新华村3组 1200元\n",
            "王红梅 新华村3组 1200元\n李国庆 800元\n",
            "第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全县。\n",
            "Hello world\nfoo bar\n",
            "关于开展城乡居民最低生活保障专项治理工作的通知 2026年\n城关镇人民政府 2026年3月\n",
        ] {
            assert_eq!(columns(text), [], "{text}");
        }
    }
}
