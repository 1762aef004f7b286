//! Writing CommonMark with GFM tables, with every piece of user text escaped.
//!
//! User text (names, titles, notes, decisions...) goes through [`inline`] or [`block`]:
//! - control characters, escape sequences, bidirectional overrides and invisible characters are
//!   made **visible** (`␛`, `⟨U+202E⟩`...) as everywhere else in the product ([`crate::text`]),
//!   so that what was in the file stays noticeable but can do nothing;
//! - every character that Markdown could read as syntax is backslash-escaped: `\` `` ` `` `*` `_`
//!   `[` `]` `>` `|` `~` `#` everywhere, `<` before a letter, `/`, `!` or `?`, `&` before a name
//!   or `#`, and `-` `+` `=` or a number followed by `.`/`)` at the start of a line, so that a
//!   note cannot open a heading, a list, a quote, a code block, a table cell, a link or HTML.

use super::doc::{Block, Cell, Document};
use crate::text::is_hazard;

/// Escapes one piece of user text for use anywhere inside a line (paragraph, heading, list item,
/// table cell). Line breaks become spaces; surrounding blanks are removed.
pub fn inline(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    escape_line(flat.trim())
}

/// Escapes multi-line user text as a run of Markdown lines: each line escaped as by [`inline`],
/// lines of a paragraph joined by hard line breaks, paragraphs separated by one blank line.
pub fn block(text: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in text.split('\n') {
        let line = escape_line(line.trim_matches(|c: char| c.is_whitespace()));
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(line);
        }
    }
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\\\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn escape_line(line: &str) -> String {
    escape(line, true)
}

/// Escapes text that follows a marker on its line (a heading's `### `): what opens a list or a
/// heading only does so at the start of a line, so it is left as written.
fn heading_text(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    escape(flat.trim(), false)
}

fn escape(line: &str, mut at_start: bool) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // `<` only opens HTML or an autolink before a letter, `/`, `!` or `?`.
            '<' if chars
                .peek()
                .is_none_or(|n| n.is_alphanumeric() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<");
            }
            // `&` only starts a character reference when a name or `#` follows it.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                // `1.` or `1)` at the start of a line would open an ordered list.
                out.push(c);
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() {
                        out.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if let Some(&p) = chars.peek()
                    && (p == '.' || p == ')')
                {
                    out.push('\\');
                    out.push(p);
                    chars.next();
                }
            }
            c if is_hazard(c) => out.push_str(&crate::text::visible(c.encode_utf8(&mut [0; 4]))),
            c => out.push(c),
        }
        at_start = false;
    }
    out
}

/// The document as Markdown: the title first (one heading of level 1), the marking quoted in
/// bold under it, the letterhead, then the blocks, separated by one blank line.
pub fn write(doc: &Document) -> String {
    let mut blocks: Vec<String> = vec![
        format!("# {}", inline(&doc.title)),
        format!("> **{}**", inline(&doc.marking)),
    ];
    if let Some(head) = doc.letterhead.as_deref().filter(|h| !h.trim().is_empty()) {
        blocks.push(block(head));
    }
    for b in &doc.blocks {
        let text = match b {
            Block::Heading(level, text) => {
                format!(
                    "{} {}",
                    "#".repeat(usize::from(*level).clamp(2, 6)),
                    heading_text(text)
                )
            }
            Block::Para(text) => block(text),
            Block::Field { label, text } => format!("**{}** {}", inline(label), block(text)),
            Block::List { items, numbered } => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    if *numbered {
                        format!("{}. {}", i + 1, inline(item))
                    } else {
                        format!("- {}", inline(item))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { header, rows } => table(header, rows),
        };
        if !text.trim().is_empty() {
            blocks.push(text);
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// A GFM table; rows are padded or cut to the header's width.
fn table(header: &[String], rows: &[Vec<Cell>]) -> String {
    let width = header.len();
    let mut lines = Vec::with_capacity(rows.len() + 2);
    lines.push(row_line(header.iter().map(|h| inline(h))));
    lines.push(row_line((0..width).map(|_| "---".to_string())));
    for row in rows {
        lines.push(row_line((0..width).map(|i| match row.get(i) {
            Some(cell) if cell.strong && !cell.text.trim().is_empty() => {
                format!("**{}**", inline(&cell.text))
            }
            Some(cell) => inline(&cell.text),
            None => String::new(),
        })));
    }
    lines.join("\n")
}

fn row_line(cells: impl Iterator<Item = String>) -> String {
    // `| a | b |`; an empty cell is written `| |`.
    let mut line = String::from("|");
    for cell in cells {
        if !cell.is_empty() {
            line.push(' ');
            line.push_str(&cell);
        }
        line.push_str(" |");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_is_escaped() {
        assert_eq!(inline("a|b *c* <b>"), "a\\|b \\*c\\* \\<b\\>");
        assert_eq!(inline("- point"), "\\- point");
        assert_eq!(inline("12. item"), "12\\. item");
        assert_eq!(inline("3) item"), "3\\) item");
        assert_eq!(inline("2026-11-30"), "2026-11-30");
        assert_eq!(inline("# titre"), "\\# titre");
        assert_eq!(inline("A.B."), "A.B.");
        assert_eq!(inline("a\nb"), "a b");
        assert_eq!(inline("  ```rust"), "\\`\\`\\`rust");
    }

    #[test]
    fn hazards_become_visible() {
        let out = inline("a\u{1b}[31mb\u{202E}c\u{7}");
        assert!(!out.chars().any(is_hazard));
        assert!(out.contains("⟨U+202E⟩"));
        assert!(out.contains('␛'));
    }

    #[test]
    fn blocks_keep_paragraphs_and_lines() {
        assert_eq!(block("un\ndeux\n\n\n- trois\n"), "un\\\ndeux\n\n\\- trois");
        assert_eq!(block("\n\n"), "");
    }

    #[test]
    fn tables_have_the_header_width() {
        let doc = Document {
            title: "T".into(),
            marking: "M".into(),
            blocks: vec![Block::Table {
                header: vec!["A".into(), "B".into()],
                rows: vec![
                    vec!["1".into()],
                    vec!["x".into(), Cell::strong("y"), "z".into()],
                ],
            }],
            ..Document::default()
        };
        assert_eq!(
            write(&doc),
            "# T\n\n> **M**\n\n| A | B |\n| --- | --- |\n| 1 | |\n| x | **y** |\n"
        );
    }

    #[test]
    fn an_ampersand_is_escaped_only_before_a_name() {
        assert_eq!(inline("Aide & soutien"), "Aide & soutien");
        assert_eq!(inline("< 5"), "< 5");
        assert_eq!(inline("<b> </x"), "\\<b\\> \\</x");
        assert_eq!(inline("&amp;"), "\\&amp;");
        assert_eq!(inline("&#38;"), "\\&\\#38;");
    }
}
