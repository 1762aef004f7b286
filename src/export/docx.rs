//! The Word (`.docx`) writer, with `docx-rs`: the marking in the header and footer of every
//! page (the footer also numbers the pages), the authority as a letterhead line, headings as
//! Word's heading styles, tables as real tables with a header row. The package is written
//! again with fixed timestamps ([`super::package::repack`]); `docx-rs` writes no date of its
//! own, so the same document gives the same bytes.

use super::doc::{Block, Cell, Document};
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, Header, LineSpacing, PageNum, Paragraph, Run,
    RunFonts, Style, StyleType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableRow, WidthType,
};
use std::io::Cursor;

/// Half-points: 11 pt for the text.
const TEXT_SIZE: usize = 22;
/// The width of the text on the page, in twentieths of a point: A4 (11 906) less docx-rs's
/// default margins (1 701 on each side).
const TEXT_WIDTH: usize = 11906 - 2 * 1701;

/// The document as a `.docx` package.
pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Liberation Sans")
                .hi_ansi("Liberation Sans"),
        )
        .default_size(TEXT_SIZE)
        .default_line_spacing(LineSpacing::new().after(100))
        .add_style(heading_style("Title", "Title", 32))
        .add_style(heading_style("Heading2", "heading 2", 28))
        .add_style(heading_style("Heading3", "heading 3", 24))
        .add_style(heading_style("Heading4", "heading 4", 22))
        .header(Header::new().add_paragraph(marking_line(&doc.marking)))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(
                        Run::new()
                            .add_text(format!("{} — {} ", doc.marking, doc.page_word))
                            .size(18),
                    )
                    .add_page_num(PageNum::new()),
            ),
        );
    if let Some(head) = doc.letterhead.as_deref() {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(head).bold()));
    }
    docx = docx
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(&doc.title)),
        )
        .add_paragraph(marking_line(&doc.marking));
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let style = match level {
                    2 => "Heading2",
                    3 => "Heading3",
                    _ => "Heading4",
                };
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(text)),
                );
            }
            Block::Para(text) => docx = docx.add_paragraph(lines(Paragraph::new(), text, false)),
            Block::Field { label, text } => {
                let p = Paragraph::new().add_run(Run::new().add_text(format!("{label} ")).bold());
                docx = docx.add_paragraph(lines(p, text, false));
            }
            Block::List { items, numbered } => {
                for (i, item) in items.iter().enumerate() {
                    let mark = if *numbered {
                        format!("{}. ", i + 1)
                    } else {
                        "– ".to_string()
                    };
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .indent(Some(360), None, None, None)
                            .add_run(Run::new().add_text(mark))
                            .add_run(Run::new().add_text(item)),
                    );
                }
            }
            Block::Table { header, rows } => {
                docx = docx
                    .add_table(table(header, rows))
                    .add_paragraph(Paragraph::new());
            }
        }
    }
    let mut out = Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| e.to_string())?;
    super::package::repack(&out.into_inner())
}

fn heading_style(id: &str, name: &str, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .bold()
        .size(size)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

fn marking_line(marking: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(marking).bold())
}

/// A paragraph whose text may hold line breaks.
fn lines(mut p: Paragraph, text: &str, bold: bool) -> Paragraph {
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line.trim_end_matches('\r'));
        if bold {
            run = run.bold();
        }
        p = p.add_run(run);
    }
    p
}

fn table(header: &[String], rows: &[Vec<Cell>]) -> Table {
    let width = header.len();
    // Columns fitted to their content (the grid and each cell say it: Word reads the
    // cells', LibreOffice the grid's).
    let grid: Vec<usize> = super::doc::column_widths(header, rows)
        .iter()
        .map(|w| TEXT_WIDTH * *w as usize / 1000)
        .collect();
    let at = |i: usize| grid.get(i).copied().unwrap_or(0);
    let head = TableRow::new(
        header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                TableCell::new()
                    .width(at(i), WidthType::Dxa)
                    .shading(docx_rs::Shading::new().fill("D9D9D9"))
                    .add_paragraph(lines(Paragraph::new(), h, true))
            })
            .collect(),
    );
    let mut all = vec![head];
    for row in rows {
        all.push(TableRow::new(
            (0..width)
                .map(|i| {
                    let cell = row.get(i).cloned().unwrap_or_default();
                    TableCell::new()
                        .width(at(i), WidthType::Dxa)
                        .add_paragraph(lines(Paragraph::new(), &cell.text, cell.strong))
                })
                .collect(),
        ));
    }
    let border = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
    };
    Table::new(all)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .set_grid(grid.clone())
        .set_borders(
            TableBorders::new()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
}
