//! Writing CommonMark with GFM tables, with every piece of user text escaped.
//!
//! User text (names, titles, notes, decisions...) goes through [`inline`] or [`block`]:
//! - control characters, escape sequences, bidirectional overrides and invisible characters are
//!   made **visible** (`␛`, `⟨U+202E⟩`...) as everywhere else in the product ([`crate::text`]),
//!   so that what was in the file stays noticeable but can do nothing;
//! - every character that Markdown could read as syntax is backslash-escaped: `\` `` ` `` `*` `_`
//!   `[` `]` `<` `>` `|` `~` `&` `#` everywhere, and `-` `+` `=` or a number followed by `.`/`)`
//!   at the start of a line, so that a note cannot open a heading, a list, a quote, a code block,
//!   a table cell, a link or HTML.

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
    let mut out = String::with_capacity(line.len() + 8);
    let mut at_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' => {
                out.push('\\');
                out.push(c);
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

/// A Markdown document under construction: blocks separated by one blank line.
#[derive(Debug, Default)]
pub struct Doc {
    blocks: Vec<String>,
}

impl Doc {
    pub fn new() -> Self {
        Doc::default()
    }

    /// A heading of `level` (1–6) whose text is already escaped.
    pub fn heading(&mut self, level: usize, text: &str) {
        self.blocks
            .push(format!("{} {}", "#".repeat(level.clamp(1, 6)), text));
    }

    /// A paragraph of already escaped Markdown.
    pub fn para(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.blocks.push(text);
        }
    }

    /// A labelled paragraph: `**Label :** text` (the text already escaped).
    pub fn field(&mut self, label: &str, colon: &str, text: &str) {
        self.blocks.push(format!("**{label}{colon}** {text}"));
    }

    /// A list of already escaped lines: numbered from 1 when `numbered`, else with `-`.
    pub fn list(&mut self, items: &[String], numbered: bool) {
        if items.is_empty() {
            return;
        }
        let lines: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if numbered {
                    format!("{}. {item}", i + 1)
                } else {
                    format!("- {item}")
                }
            })
            .collect();
        self.blocks.push(lines.join("\n"));
    }

    /// A GFM table; header and cells already escaped. Rows are padded or cut to the header's width.
    pub fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let width = header.len();
        let mut lines = Vec::with_capacity(rows.len() + 2);
        lines.push(row_line(header.iter().map(|h| h.to_string())));
        lines.push(row_line((0..width).map(|_| "---".to_string())));
        for row in rows {
            lines.push(row_line(
                (0..width).map(|i| row.get(i).cloned().unwrap_or_default()),
            ));
        }
        self.blocks.push(lines.join("\n"));
    }

    /// The document, ending with exactly one line break.
    pub fn finish(self) -> String {
        let mut out = self.blocks.join("\n\n");
        out.push('\n');
        out
    }
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
        let mut doc = Doc::new();
        doc.table(
            &["A", "B"],
            &[vec!["1".into()], vec!["x".into(), "y".into(), "z".into()]],
        );
        assert_eq!(
            doc.finish(),
            "| A | B |\n| --- | --- |\n| 1 | |\n| x | y |\n"
        );
    }
}
