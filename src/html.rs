//! HTML to text for scanning, with a real HTML parser (html5ever through `scraper`).
//!
//! Block elements end lines, table cells are separated by tabs and rows by newlines (so a
//! column header still sits above its cells), `<br>` breaks lines, runs of whitespace
//! collapse to one space as browsers render them, and `script`/`style`/`head`/`template`
//! are dropped. Entities are decoded by the parser.

use scraper::node::Element;
use scraper::{Html, Node};

/// Returns the visible text of an HTML document or fragment.
pub fn html_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Text { text: String::with_capacity(html.len() / 2), pending_space: false };
    walk(document.tree.root(), &mut out);
    out.text.trim_end().to_owned()
}

struct Text {
    text: String,
    pending_space: bool,
}

impl Text {
    fn push_words(&mut self, s: &str) {
        for (i, word) in s.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.at_line_start() {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push_str(word);
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with(['\n', '\t'])
    }

    fn newline(&mut self) {
        self.pending_space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            while self.text.ends_with([' ', '\t']) {
                self.text.pop();
            }
            self.text.push('\n');
        }
    }

    fn tab(&mut self) {
        self.pending_space = false;
        self.text.push('\t');
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "blockquote"
            | "pre"
            | "hr"
            | "form"
            | "fieldset"
            | "address"
            | "figure"
            | "figcaption"
    )
}

fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut Text) {
    match node.value() {
        Node::Text(text) => out.push_words(text),
        Node::Element(element) => element_node(node, element, out),
        _ => node.children().for_each(|child| walk(child, out)),
    }
}

fn element_node(node: ego_tree::NodeRef<'_, Node>, element: &Element, out: &mut Text) {
    let name = element.name();
    match name {
        "script" | "style" | "head" | "template" | "noscript" | "title" => return,
        "br" => {
            out.newline();
            return;
        }
        _ => {}
    }
    let cell = matches!(name, "td" | "th");
    if cell
        && node
            .prev_siblings()
            .any(|s| s.value().as_element().is_some_and(|e| matches!(e.name(), "td" | "th")))
    {
        out.tab();
    }
    if is_block(name) {
        out.newline();
    }
    node.children().for_each(|child| walk(child, out));
    if is_block(name) {
        out.newline();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_breaks_and_entities() {
        let text = html_to_text(
            "<html><head><title>公示</title><style>p{}</style></head><body><p>第一段&nbsp;内容</p><p>第二段<br>换行</p><script>var x=13812345678;</script></body></html>",
        );
        assert_eq!(text, "第一段\u{a0}内容\n第二段\n换行");
    }

    #[test]
    fn tables_become_tab_separated_rows() {
        let html = "<table><tr><th>姓名</th><th>身份证号</th></tr>\n<tr><td>张某</td><td> 11010519491231002X </td></tr></table>";
        assert_eq!(html_to_text(html), "姓名\t身份证号\n张某\t11010519491231002X");
    }

    #[test]
    fn whitespace_collapses_like_a_browser() {
        assert_eq!(html_to_text("<div>电话：\n   138 1234   5678</div>"), "电话： 138 1234 5678");
    }

    #[test]
    fn broken_html_still_yields_text() {
        // Unclosed paragraphs and a table without closing tags; a stray <td> outside a
        // table is dropped by the HTML5 rules, its text kept.
        assert_eq!(
            html_to_text("<p>未闭合<p>下一段<table><tr><td>甲<td>乙"),
            "未闭合\n下一段\n甲\t乙"
        );
        assert_eq!(html_to_text("<p>前<td>格"), "前格");
    }
}
