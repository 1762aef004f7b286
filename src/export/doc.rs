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
