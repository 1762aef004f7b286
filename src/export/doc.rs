//! A document as data: the renderers of the minutes, the agenda and the report build a
//! [`Document`] of plain (unescaped) text; one writer per format turns it into bytes
//! (Markdown in [`super::markdown`], Word in [`super::docx`], OpenDocument in [`super::odt`]).
//! Escaping is the writer's business, so user text is handled in one place per format.

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    /// Shown in bold (an overdue action).
    pub strong: bool,
}

impl Cell {
    pub fn strong(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            strong: true,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell {
            text,
            strong: false,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::from(text.to_string())
    }
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 2–4 (the title is the document's own).
    Heading(u8, String),
    /// A paragraph (may hold line breaks).
    Para(String),
    /// `Label : text`, the label in bold; the text may hold line breaks.
    Field { label: String, text: String },
    /// A list, numbered from 1 or with bullets.
    List { items: Vec<String>, numbered: bool },
    /// A table with a header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
}

/// A document: marking (on every page), letterhead (the authority), title, blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The marking, printed first and in the header and footer of every page.
    pub marking: String,
    /// The authority's line at the top of the first page, when the département names it.
    pub letterhead: Option<String>,
    /// The title (the one heading of level 1).
    pub title: String,
    /// The words for « page » in the footer.
    pub page_word: String,
    /// The language code (`fr`, `en`) of the document.
    pub lang_code: String,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks
            .push(Block::Heading(level.clamp(2, 4), text.into()));
    }

    /// A paragraph; nothing when the text is blank.
    pub fn para(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.blocks.push(Block::Para(text));
        }
    }

    pub fn field(&mut self, label: impl Into<String>, text: impl Into<String>) {
        self.blocks.push(Block::Field {
            label: label.into(),
            text: text.into(),
        });
    }

    /// A list; nothing when empty.
    pub fn list(&mut self, items: Vec<String>, numbered: bool) {
        if !items.is_empty() {
            self.blocks.push(Block::List { items, numbered });
        }
    }

    /// A table; rows are padded or cut to the header's width by the writers.
    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<Cell>>) {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows,
        });
    }

    /// Every piece of text of the document, in order (for the leak tests and the name check).
    pub fn texts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![&self.marking, &self.title];
        out.extend(self.letterhead.as_deref());
        for block in &self.blocks {
            match block {
                Block::Heading(_, t) | Block::Para(t) => out.push(t),
                Block::Field { label, text } => {
                    out.push(label);
                    out.push(text);
                }
                Block::List { items, .. } => out.extend(items.iter().map(String::as_str)),
                Block::Table { header, rows } => {
                    out.extend(header.iter().map(String::as_str));
                    out.extend(rows.iter().flatten().map(|c| c.text.as_str()));
                }
            }
        }
        out
    }
}

/// The widths of a table's columns, in thousandths of the table's width, fitted to their
/// content: a column gets at least room for its longest word and for its short cells whole
/// (an amount, a date, a status stays on one line), and the room left goes to the columns
/// by how much more their longest line wants, so that a long text (an action's title)
/// takes it and wraps, not the short columns beside it.
pub fn column_widths(header: &[String], rows: &[Vec<Cell>]) -> Vec<u32> {
    /// About how many characters of the text's size a table's width holds.
    const BUDGET: usize = 64;
    /// A cell this short is kept on one line.
    const SHORT: usize = 16;
    /// Room for a cell's padding and borders, in characters.
    const PAD: usize = 2;
    let n = header.len();
    if n == 0 {
        return Vec::new();
    }
    let chars = |s: &str| s.chars().count();
    let mut floor = vec![3usize; n];
    let mut want = vec![3usize; n];
    // The header is bold, so wider: its words are kept whole, with two characters more.
    for (i, h) in header.iter().enumerate() {
        for w in h.split_whitespace() {
            floor[i] = floor[i].max(chars(w).min(24) + 2);
            want[i] = want[i].max(chars(w).min(24) + 2);
        }
    }
    let texts = std::iter::once(header.iter().map(String::as_str).collect::<Vec<_>>()).chain(
        rows.iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect()),
    );
    for row in texts {
        for (i, text) in row.iter().enumerate().take(n) {
            for l in text.lines() {
                let len = chars(l);
                want[i] = want[i].max(len.min(60));
                if len <= SHORT {
                    floor[i] = floor[i].max(len);
                }
                for w in l.split_whitespace() {
                    floor[i] = floor[i].max(chars(w).min(24));
                }
            }
        }
    }
    let floor: Vec<usize> = floor.iter().map(|f| f + PAD).collect();
    let want: Vec<usize> = want
        .iter()
        .zip(&floor)
        .map(|(w, f)| (w + PAD).max(*f))
        .collect();
    // A short column keeps its whole line; the long ones share what is left by how long
    // their lines are, each with room for its longest word at least.
    let short = |i: usize| want[i] <= SHORT + PAD;
    let fixed: usize = (0..n).filter(|&i| short(i)).map(|i| want[i]).sum();
    let long_wants: usize = (0..n).filter(|&i| !short(i)).map(|i| want[i]).sum();
    let left = BUDGET.saturating_sub(fixed);
    let chars_of: Vec<usize> = (0..n)
        .map(|i| {
            if short(i) {
                want[i]
            } else {
                (left * want[i] / long_wants.max(1)).max(floor[i])
            }
        })
        .collect();
    let total: usize = chars_of.iter().sum();
    let mut out: Vec<u32> = chars_of
        .iter()
        .map(|c| u32::try_from(c * 1000 / total.max(1)).unwrap_or(0).max(1))
        .collect();
    // The rounding goes to the widest column: the widths add up to 1000.
    let sum: u32 = out.iter().sum();
    if let Some(widest) = (0..n).max_by_key(|&i| (out[i], std::cmp::Reverse(i))) {
        out[widest] = (out[widest] + 1000).saturating_sub(sum).max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_column_takes_the_room_and_short_ones_keep_their_words() {
        let header: Vec<String> = ["Action", "Structure", "Accordé", "Statut"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let rows = vec![
            vec![
                Cell::from(
                    "Consultations de psychologues identifiés avec l'ARS pour les jeunes suivis",
                ),
                Cell::from("Association Horizons"),
                Cell::from("12 000 €"),
                Cell::from("accordée le 15/03/2026"),
            ],
            vec![
                Cell::from("Groupe de parole"),
                Cell::from("CAF"),
                Cell::from("3 000 €"),
                Cell::from("demandée"),
            ],
        ];
        let w = column_widths(&header, &rows);
        assert_eq!(w.iter().sum::<u32>(), 1000);
        assert!(w[0] > w[1] && w[1] > w[2], "{w:?}");
        assert!(w[0] >= 300, "{w:?}");
        // An amount keeps its line: « 12 000 € » is 8 characters of some 80.
        assert!(w[2] >= 1000 * 10 / 80, "{w:?}");
        // Equal content, equal widths.
        let even = column_widths(&header[..2], &[]);
        assert!(even[0].abs_diff(even[1]) <= 300, "{even:?}");
        assert!(column_widths(&[], &[]).is_empty());
    }
}
