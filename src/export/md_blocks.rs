//! A Markdown document built block by block: the programme's export writes with it.

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
