//! The monthly report's table of indicators as an Excel workbook (`rust_xlsxwriter`): the same
//! rows as the CSV, a bold header row frozen at the top, figures as numbers. The workbook's
//! creation date is the first day of the report's month (not the day of the export), so the
//! same data gives the same bytes.

use super::report::{Indicator, Value, indicator_header};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook};

/// The table as an `.xlsx` workbook; `month` and `body` fill their columns.
pub fn write(
    title: &str,
    header: [&str; 5],
    rows: &[Indicator],
    month: &str,
    body: &str,
    first_day: (i32, u32),
) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(first_day.0).unwrap_or(2000),
        u8::try_from(first_day.1).unwrap_or(1),
        1,
    )
    .map_err(err)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("cellule")
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Rapport").map_err(err)?;
    let bold = Format::new()
        .set_bold()
        .set_background_color("D9D9D9")
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    for (col, h) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *h, &bold)
            .map_err(err)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i + 1).map_err(|e| e.to_string())?;
        sheet
            .write_string_with_format(r, 0, &row.section, &cell)
            .map_err(err)?;
        sheet
            .write_string_with_format(r, 1, &row.label, &cell)
            .map_err(err)?;
        sheet
            .write_string_with_format(r, 2, month, &cell)
            .map_err(err)?;
        sheet
            .write_string_with_format(r, 3, body, &cell)
            .map_err(err)?;
        match &row.value {
            Value::Number(n) => sheet
                .write_number_with_format(r, 4, *n as f64, &cell)
                .map_err(err)?,
            Value::Text(t) => sheet
                .write_string_with_format(r, 4, crate::text::visible_multiline(t), &cell)
                .map_err(err)?,
        };
    }
    for (col, width) in [(0u16, 28.0), (1, 70.0), (2, 16.0), (3, 10.0), (4, 24.0)] {
        sheet.set_column_width(col, width).map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    // Printed on landscape pages, as wide as the page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0).map_err(err)?;
    book.save_to_buffer().map_err(err)
}

/// The header of the table in `lang`.
pub fn header(lang: crate::i18n::Lang) -> [&'static str; 5] {
    indicator_header(lang)
}
