//! Archive extraction: the files of a county's archive to text the scanner reads.
//!
//! Each format goes through a well-kept crate: HTML through html5ever (`crate::html`, tables
//! kept as tab-separated rows so headers still label cells), .docx through zip + quick-xml
//! (paragraphs; tables as rows), .xlsx/.xls/.et through calamine (every sheet, rows as
//! tab-separated lines), .pdf through lopdf (the text layer, page by page; a panic inside the
//! parser is caught and reported), plain text and CSV through encoding detection (BOM,
//! UTF-8, else chardetng: GBK/GB18030 and the rest), .doc/.wps through an external converter
//! (`catdoc`, else LibreOffice `soffice`) found at run time.
//!
//! A file that cannot be read yields an [`ExtractError`] that says why (corrupt, encrypted,
//! no text layer, converter missing); the caller reports it and goes on.

use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::Reader;

/// Formats the archive reader knows, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`
    Text,
    /// `.csv` (commas become tabs so the structure pass sees columns)
    Csv,
    /// `.html`, `.htm`, `.shtml`
    Html,
    /// `.docx`
    Docx,
    /// `.xlsx`, `.xlsm`, `.xls`, `.et` (WPS spreadsheets are read as .xls)
    Spreadsheet,
    /// `.pdf`
    Pdf,
    /// `.doc`, `.wps`: through an external converter
    LegacyWord,
}

impl Format {
    /// Returns the format of `path` by its extension, if it is one the reader knows.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Text,
            "csv" => Format::Csv,
            "html" | "htm" | "shtml" => Format::Html,
            "docx" => Format::Docx,
            "xlsx" | "xlsm" | "xls" | "et" => Format::Spreadsheet,
            "pdf" => Format::Pdf,
            "doc" | "wps" => Format::LegacyWord,
            _ => return None,
        })
    }

    /// Returns true when `--out` can write a masked copy in the file's own format.
    pub fn writes_masked_copy(self) -> bool {
        !matches!(self, Format::Pdf | Format::LegacyWord)
    }
}

/// One part of a file: a sheet, a page, or the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Where it comes from (`sheet 低保名单`, `page 3`); empty for the whole file.
    pub location: String,
    /// Its text.
    pub text: String,
}

/// The text of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// Parts in file order.
    pub parts: Vec<Part>,
    /// The character encoding the file was read in (`UTF-8`, `GBK`, `UTF-16LE` …) for text
    /// formats.
    pub encoding: Option<&'static str>,
}

impl Extracted {
    fn whole(text: String, encoding: Option<&'static str>) -> Self {
        Extracted { parts: vec![Part { location: String::new(), text }], encoding }
    }

    /// Returns the parts joined by blank lines, with each part's start (byte offset) in it.
    pub fn joined(&self) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            starts.push(text.len());
            text.push_str(&part.text);
        }
        (text, starts)
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    /// The file is damaged or not what its extension says.
    #[error("corrupt or not a {format} file: {}", safe_reason(.reason))]
    Corrupt {
        /// Expected format.
        format: &'static str,
        /// Parser's reason (never file content).
        reason: String,
    },
    /// The file is password-protected.
    #[error("encrypted (password-protected)")]
    Encrypted,
    /// The file holds no text (a scanned image, an empty sheet).
    #[error("no text layer (scanned image or empty)")]
    NoText,
    /// No converter for the format is installed.
    #[error("needs an external converter (catdoc or LibreOffice soffice), none found")]
    ConverterMissing,
    /// The external converter failed.
    #[error("converter failed: {}", safe_reason(.0))]
    Converter(String),
}

/// Returns a parser's message fit for logs, reports and the store: parsers sometimes quote
/// what they choked on, so a message with non-ASCII text or a long digit run (a phone, an
/// ID) is replaced by a neutral one.
fn safe_reason(reason: &str) -> &str {
    let long_digits = reason.as_bytes().split(|b| !b.is_ascii_digit()).any(|run| run.len() > 4);
    if reason.is_ascii() && !long_digits && reason.len() <= 200 {
        reason
    } else {
        "the parser's message quotes file content and is not shown"
    }
}

/// Extracts the text of a file of format `format` from its bytes; `path` is used only for
/// external converters, which read the file themselves.
///
/// # Errors
///
/// Returns an [`ExtractError`] saying why the file cannot be read.
pub fn extract(format: Format, bytes: &[u8], path: &Path) -> Result<Extracted, ExtractError> {
    let extracted = match format {
        Format::Text => {
            let (text, encoding) = decode_text(bytes);
            Extracted::whole(text, Some(encoding))
        }
        Format::Csv => {
            let (text, encoding) = decode_text(bytes);
            Extracted::whole(csv_to_tsv(&text), Some(encoding))
        }
        Format::Html => {
            let (text, encoding) = decode_html(bytes);
            Extracted::whole(crate::html::html_to_text(&text), Some(encoding))
        }
        Format::Docx => Extracted::whole(docx_text(bytes)?, None),
        Format::Spreadsheet => Extracted { parts: spreadsheet_parts(bytes)?, encoding: None },
        Format::Pdf => Extracted { parts: pdf_parts(bytes, path)?, encoding: None },
        Format::LegacyWord => Extracted::whole(convert_legacy(path)?, None),
    };
    if extracted.parts.iter().all(|p| p.text.trim().is_empty()) {
        return Err(ExtractError::NoText);
    }
    Ok(extracted)
}

/// Decodes text of unknown encoding: a BOM wins, then valid UTF-8, then chardetng's guess
/// (GBK is decoded as GB18030, its superset). Returns the text and the encoding's name.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    let encoding = if guess == encoding_rs::GBK { encoding_rs::GB18030 } else { guess };
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), if guess == encoding_rs::GBK { "GBK" } else { encoding.name() })
}

/// Decodes an HTML page: a BOM, then the `<meta charset>` of its head, then detection.
fn decode_html(bytes: &[u8]) -> (String, &'static str) {
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = meta_charset(bytes)
    {
        let encoding = if encoding == encoding_rs::GBK { encoding_rs::GB18030 } else { encoding };
        let (text, _, _) = encoding.decode(bytes);
        return (text.into_owned(), encoding.name());
    }
    decode_text(bytes)
}

/// Returns the encoding a page declares in its first 2 KB (`<meta charset="gbk">` or
/// `content="text/html; charset=gb2312"`).
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// Turns CSV into tab-separated rows (quoted fields kept whole) so columns stay columns.
fn csv_to_tsv(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                out.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push('\t'),
            '\n' | '\r' if quoted => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Returns true for an OLE compound file: what an encrypted .docx/.xlsx is wrapped in.
fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Reads the paragraphs and tables of a .docx: paragraphs as lines, table rows as lines
/// of tab-separated cells.
fn docx_text(bytes: &[u8]) -> Result<String, ExtractError> {
    if is_ole(bytes) {
        return Err(ExtractError::Encrypted);
    }
    let corrupt = |reason: String| ExtractError::Corrupt { format: "docx", reason };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| corrupt(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| corrupt(e.to_string()))?;
    docx_xml_text(&xml).map_err(corrupt)
}

/// The text of `word/document.xml`.
fn docx_xml_text(xml: &str) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    // Nesting of tables; cells of the current row and the current paragraph.
    let mut table_depth = 0usize;
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => match e.local_name().as_ref() {
                "tbl" => table_depth += 1,
                "t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => paragraph.push('\t'),
                "br" | "cr" => paragraph.push(' '),
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else {
                    paragraph.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let p = std::mem::take(&mut paragraph);
                    if table_depth > 0 {
                        if !cell.is_empty() && !p.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(p.trim());
                    } else {
                        out.push_str(&p);
                        out.push('\n');
                    }
                }
                "tc" => cells.push(std::mem::take(&mut cell).replace('\t', " ")),
                "tr" => {
                    out.push_str(&cells.join("\t"));
                    out.push('\n');
                    cells.clear();
                }
                "tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    // A blank line ends the table for the structure pass.
                    out.push('\n');
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Reads every sheet of a workbook: one part per sheet, rows as tab-separated lines.
fn spreadsheet_parts(bytes: &[u8]) -> Result<Vec<Part>, ExtractError> {
    let corrupt = |reason: String| ExtractError::Corrupt { format: "spreadsheet", reason };
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
            let reason = e.to_string();
            // An encrypted .xlsx is an OLE file that calamine takes for a bad .xls.
            if reason.contains("password") || (is_ole(bytes) && !looks_like_xls(bytes)) {
                ExtractError::Encrypted
            } else {
                corrupt(reason)
            }
        })?;
    let mut parts = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| corrupt(e.to_string()))?;
        let mut text = String::new();
        for row in range.rows() {
            let cells: Vec<String> =
                row.iter().map(|c| c.to_string().replace(['\t', '\n', '\r'], " ")).collect();
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
        parts.push(Part { location: format!("sheet {name}"), text });
    }
    Ok(parts)
}

/// Returns true when an OLE file holds a classic workbook stream (a real .xls), as opposed
/// to the `EncryptedPackage` of a password-protected .xlsx.
fn looks_like_xls(bytes: &[u8]) -> bool {
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    (has(&utf16("Workbook")) || has(&utf16("Book"))) && !has(&utf16("EncryptedPackage"))
}

/// Reads the text layer of a PDF, page by page. The parser runs under `catch_unwind`: some
/// fonts make PDF parsers panic, and one broken file must not stop a re-scan. When lopdf
/// finds no text, `pdftotext` (poppler) is tried if installed.
fn pdf_parts(bytes: &[u8], path: &Path) -> Result<Vec<Part>, ExtractError> {
    let corrupt = |reason: String| ExtractError::Corrupt { format: "pdf", reason };
    let parsed = std::panic::catch_unwind(|| -> Result<Vec<Part>, ExtractError> {
        let doc = lopdf::Document::load_mem(bytes).map_err(|e| {
            if matches!(e, lopdf::Error::Decryption(_)) || e.to_string().contains("ncrypt") {
                ExtractError::Encrypted
            } else {
                corrupt(e.to_string())
            }
        })?;
        if doc.is_encrypted() || doc.was_encrypted() {
            return Err(ExtractError::Encrypted);
        }
        let mut parts = Vec::new();
        for page in doc.get_pages().keys() {
            let text = doc.extract_text(&[*page]).unwrap_or_default();
            parts.push(Part { location: format!("page {page}"), text });
        }
        Ok(parts)
    });
    let parts = match parsed {
        Ok(result) => result?,
        Err(_) => Vec::new(),
    };
    if parts.iter().any(|p| !p.text.trim().is_empty()) {
        return Ok(parts);
    }
    pdftotext(path).map_or(Ok(parts), |text| {
        Ok(text
            .split('\u{c}')
            .enumerate()
            .map(|(i, t)| Part { location: format!("page {}", i + 1), text: nfkc(t) })
            .collect())
    })
}

/// Normalizes poppler's output to NFKC: it emits Kangxi radicals and CJK compatibility
/// ideographs for some Chinese fonts (DESIGN §10), which would hide names and places.
fn nfkc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect()
}

/// Runs `pdftotext -layout -enc UTF-8 FILE -` if it is installed.
fn pdftotext(path: &Path) -> Option<String> {
    let output = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Converts a .doc/.wps with `catdoc -w`, else LibreOffice (`soffice --headless --cat`).
fn convert_legacy(path: &Path) -> Result<String, ExtractError> {
    let run = |program: &str, args: &[&str]| {
        std::process::Command::new(program).args(args).arg(path).output()
    };
    let output = match run("catdoc", &["-w", "-d", "utf-8"]) {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            match run("soffice", &["--headless", "--cat"]) {
                Ok(output) => output,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(ExtractError::ConverterMissing);
                }
                Err(e) => return Err(ExtractError::Converter(e.to_string())),
            }
        }
        Err(e) => return Err(ExtractError::Converter(e.to_string())),
    };
    if !output.status.success() {
        return Err(ExtractError::Converter(format!("exit status {}", output.status)));
    }
    Ok(match String::from_utf8_lossy(&output.stdout) {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    })
}

/// Writes a masked copy of a file in its own format: every `(value, masked)` pair replaced
/// in the HTML page (text and attributes, in the page's encoding), in the .docx's
/// `<w:t>` runs, or of the workbook's strings. The caller checks the copy by scanning it
/// again: a value split across runs or stored as a number is not replaced here.
///
/// # Errors
///
/// An [`ExtractError`] when the file cannot be read back or is of a format without copies.
pub fn masked_copy(
    format: Format,
    bytes: &[u8],
    replacements: &[(String, String)],
) -> Result<Vec<u8>, ExtractError> {
    let replace = |text: &str| {
        let mut out = text.to_owned();
        for (value, masked) in replacements {
            if out.contains(value.as_str()) {
                out = out.replace(value.as_str(), masked);
            }
        }
        out
    };
    match format {
        Format::Text | Format::Csv => {
            let (text, _) = decode_text(bytes);
            Ok(replace(&text).into_bytes())
        }
        Format::Html => {
            let (text, name) = decode_html(bytes);
            // Everywhere, attributes included: a phone in a `title` or a name in a link
            // leaks as much as one in the text.
            let out = replace(&text);
            let encoding =
                encoding_rs::Encoding::for_label(name.as_bytes()).unwrap_or(encoding_rs::UTF_8);
            let (encoded, _, _) = encoding.encode(&out);
            Ok(encoded.into_owned())
        }
        Format::Docx => rewrite_zip(bytes, "docx", |name| name == "word/document.xml", &replace),
        Format::Spreadsheet => rewrite_zip(
            bytes,
            "xlsx",
            |name| name == "xl/sharedStrings.xml" || name.starts_with("xl/worksheets/"),
            &replace,
        ),
        Format::Pdf | Format::LegacyWord => Err(ExtractError::Corrupt {
            format: "copy",
            reason: "no masked copy for this format".into(),
        }),
    }
}

/// Copies a zip archive, rewriting the text of `<…:t>` elements of the entries `pick` selects.
fn rewrite_zip(
    bytes: &[u8],
    format: &'static str,
    pick: impl Fn(&str) -> bool,
    replace: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, ExtractError> {
    let corrupt = |reason: String| ExtractError::Corrupt { format, reason };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let mut out = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(Cursor::new(&mut out));
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).map_err(|e| corrupt(e.to_string()))?;
            let name = entry.name().to_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).map_err(|e| corrupt(e.to_string()))?;
            if pick(&name) {
                let xml = String::from_utf8(data).map_err(|e| corrupt(e.to_string()))?;
                data = rewrite_text_elements(&xml, replace).into_bytes();
            }
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            writer.start_file(name, options).map_err(|e| corrupt(e.to_string()))?;
            std::io::Write::write_all(&mut writer, &data).map_err(|e| corrupt(e.to_string()))?;
        }
        writer.finish().map_err(|e| corrupt(e.to_string()))?;
    }
    Ok(out)
}

/// Rewrites the content of `<t>`/`<w:t>` elements (text runs of .docx and .xlsx).
fn rewrite_text_elements(xml: &str, replace: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    loop {
        // The next text-run start tag: `<t>`, `<t …>`, `<w:t>`, `<w:t …>`.
        let Some(open) = ["<t>", "<t ", "<w:t>", "<w:t "].iter().filter_map(|t| rest.find(t)).min()
        else {
            out.push_str(rest);
            return out;
        };
        let Some(tag_end) = rest[open..].find('>').map(|e| open + e + 1) else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..tag_end]);
        rest = &rest[tag_end..];
        let close = rest.find("</").unwrap_or(rest.len());
        out.push_str(&replace(&rest[..close]));
        rest = &rest[close..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/低保.XLSX")), Some(Format::Spreadsheet));
        assert_eq!(Format::of(Path::new("x.et")), Some(Format::Spreadsheet));
        assert_eq!(Format::of(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("x.wps")), Some(Format::LegacyWord));
        assert_eq!(Format::of(Path::new("x.jpg")), None);
        assert_eq!(Format::of(Path::new("noext")), None);
    }

    #[test]
    fn text_encodings() {
        let (gbk, _, _) = encoding_rs::GBK.encode("户主姓名：张三，联系电话：13812345678");
        assert_eq!(decode_text(&gbk), ("户主姓名：张三，联系电话：13812345678".into(), "GBK"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("公示".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(&utf16), ("公示".into(), "UTF-16LE"));
        assert_eq!(decode_text("公示".as_bytes()), ("公示".into(), "UTF-8"));
    }

    #[test]
    fn html_meta_charset() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>公示</body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let (text, encoding) = decode_html(&bytes);
        assert!(text.contains("公示"));
        assert_eq!(encoding, "gb18030");
    }

    #[test]
    fn csv_quotes_and_columns() {
        assert_eq!(
            csv_to_tsv("姓名,住址\n\"张三\",\"城关镇, 1号\"\n"),
            "姓名\t住址\n张三\t城关镇, 1号\n"
        );
    }

    #[test]
    fn docx_paragraphs_and_tables() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>关于&amp;公示</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>电话</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>张</w:t></w:r><w:r><w:t>三</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>13812345678</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#;
        assert_eq!(docx_xml_text(xml).unwrap(), "关于&公示\n姓名\t电话\n张三\t13812345678\n\n");
    }

    #[test]
    fn pdftotext_output_is_nfkc() {
        // ⼈ (U+2F08 KANGXI RADICAL MAN) and 﨑 forms become ordinary ideographs.
        assert_eq!(nfkc("\u{2F08}民政府"), "人民政府");
    }

    #[test]
    fn parser_messages_never_carry_content() {
        let e = ExtractError::Corrupt {
            format: "xlsx",
            reason: "invalid Zip archive: Could not find EOCD".into(),
        };
        assert_eq!(
            e.to_string(),
            "corrupt or not a xlsx file: invalid Zip archive: Could not find EOCD"
        );
        for quoted in ["unexpected '张三' at 12", "cannot parse 13812345678 as a date"] {
            let e = ExtractError::Corrupt { format: "xlsx", reason: quoted.into() };
            assert!(e.to_string().ends_with("is not shown"), "{e}");
        }
    }

    #[test]
    fn broken_files_say_why() {
        let p = Path::new("x");
        assert!(matches!(
            extract(Format::Docx, b"not a zip", p),
            Err(ExtractError::Corrupt { format: "docx", .. })
        ));
        assert!(matches!(
            extract(Format::Spreadsheet, b"garbage", p),
            Err(ExtractError::Corrupt { .. })
        ));
        assert!(extract(Format::Pdf, b"%PDF-1.4 garbage", p).is_err());
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend(std::iter::repeat_n(0, 512));
        assert_eq!(extract(Format::Docx, &ole, p), Err(ExtractError::Encrypted));
        assert_eq!(extract(Format::Text, b"   \n", p), Err(ExtractError::NoText));
    }
}
