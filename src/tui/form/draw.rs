//! Drawing a [`Form`](super::Form): one line a field, the focus marked, the refused
//! field's reason under the fields.

use super::{Fault, Form, Kind};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

fn fault_text(fault: Fault, lang: Lang) -> &'static str {
    match fault {
        Fault::Required => lang.pick("champ obligatoire", "required field"),
        Fault::NotAnAmount => lang.pick(
            "montant en euros attendu (12 000)",
            "an amount in euros is expected (12000)",
        ),
        Fault::NotADate => lang.pick(
            "date attendue (JJ/MM/AAAA, +2s, +3m)",
            "a date is expected (DD/MM/YYYY, +2w, +3m)",
        ),
    }
}

/// Draws the form in `area` (cleared first).
pub fn draw(frame: &mut Frame, area: Rect, form: &Form, theme: &Theme, lang: Lang) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(crate::text::visible(&form.title).into_owned());
    let width = form
        .fields
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let focus = i == form.focus;
        let mark = if focus { "▸ " } else { "  " };
        let value = crate::text::visible(f.shown()).replace('\n', " ⏎ ");
        let value = match (&f.kind, focus) {
            (Kind::Choice { .. }, true) => format!("◂ {value} ▸"),
            (_, true) => format!("{value}▏"),
            _ => value,
        };
        let style = if focus { theme.selected } else { theme.base };
        lines.push(Line::from(vec![
            Span::raw(format!("{mark}{:<width$} ", f.label)),
            Span::styled(value, style),
        ]));
    }
    if let Some((i, fault)) = form.fault {
        let label = form.fields.get(i).map_or("", |f| f.label.as_str());
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("{label} : {}", fault_text(fault, lang)),
            theme.error,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
