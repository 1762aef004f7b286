//! Drawing a [`Form`](super::Form): one line a field (a text of several lines wrapped
//! over as many as it needs), the items of a sub-list indented under their heading,
//! the focus marked and kept in view, the refused field's reason under the fields.

use super::{Fault, Form, Kind};
use crate::i18n::Lang;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

fn fault_text(fault: &Fault, lang: Lang) -> String {
    match fault {
        Fault::Required => lang.pick("champ obligatoire", "required field").into(),
        Fault::NotAnAmount => lang
            .pick(
                "montant en euros attendu (12 000)",
                "an amount in euros is expected (12000)",
            )
            .into(),
        Fault::NotADate => lang
            .pick(
                "date attendue (JJ/MM/AAAA, +2s, +3m)",
                "a date is expected (DD/MM/YYYY, +2w, +3m)",
            )
            .into(),
        Fault::Rule(text) => text.clone(),
    }
}

/// Cuts `text` into pieces of at most `width` characters, at spaces when it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let len = line.chars().count();
            let wlen = word.chars().count();
            if len > 0 && len + 1 + wlen > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            let mut rest: String = word.to_string();
            while rest.chars().count() > width {
                let head: String = rest.chars().take(width).collect();
                rest = rest.chars().skip(width).collect();
                out.push(head);
            }
            line.push_str(&rest);
        }
        out.push(line);
    }
    out
}

/// The lines of the form's fields, and the first and the last line of the focus.
fn field_lines<'a>(form: &Form, theme: &Theme, width: u16) -> (Vec<Line<'a>>, (usize, usize)) {
    let label_width = form
        .fields
        .iter()
        .filter(|f| f.kind != Kind::Button)
        .map(|f| f.label.chars().count() + if f.item.is_some() { 2 } else { 0 })
        .max()
        .unwrap_or(0)
        .min(usize::from(width) / 3);
    let room = usize::from(width).saturating_sub(label_width + 4).max(8);
    let mut lines = Vec::new();
    let mut focus_line = 0;
    let mut focus_end = 0;
    for (i, f) in form.fields.iter().enumerate() {
        let focus = i == form.focus;
        if focus {
            focus_line = lines.len();
        }
        let mark = if focus { "▸ " } else { "  " };
        let label = match f.item {
            Some(_) => format!("  {}", f.label),
            None => f.label.clone(),
        };
        let label = crate::text::visible(&label).into_owned();
        // Each line of a text made harmless on its own, so that its line breaks stay.
        let shown: String = f
            .shown()
            .split('\n')
            .map(|l| crate::text::visible(l).into_owned())
            .collect::<Vec<_>>()
            .join("\n");
        // The label is marked in focus, not the value: a pre-filled value is never shown
        // selected, and what is typed goes at the cursor (`▏`), as in every field.
        let label_style = if focus { theme.selected } else { theme.base };
        let pieces = match (&f.kind, focus) {
            (Kind::Choice { .. }, true) if !f.input.text().is_empty() => wrap(
                &format!("◂ {shown} ▸  [{}]", crate::text::visible(f.input.text())),
                room,
            ),
            (Kind::Choice { .. }, true) => wrap(&format!("◂ {shown} ▸"), room),
            (Kind::Button, _) => vec![String::new()],
            (_, true) => wrap(&format!("{shown}▏"), room),
            _ => wrap(&shown, room),
        };
        for (k, piece) in pieces.into_iter().enumerate() {
            let head = if k == 0 && f.kind == Kind::Button {
                format!("{mark}{label}")
            } else if k == 0 {
                format!("{mark}{label:<label_width$} ")
            } else {
                " ".repeat(label_width + 3)
            };
            let head_style = if k == 0 { label_style } else { theme.base };
            lines.push(Line::from(vec![
                Span::styled(head, head_style),
                Span::styled(piece, theme.base),
            ]));
        }
        if focus {
            focus_end = lines.len();
        }
    }
    (lines, (focus_line, focus_end))
}

/// Draws the form in `area` (cleared first).
pub fn draw(frame: &mut Frame, area: Rect, form: &Form, theme: &Theme, lang: Lang) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(crate::text::visible(&form.title).into_owned());
    let inner = block.inner(area);
    let (mut lines, (focus_line, focus_end)) = field_lines(form, theme, inner.width);
    let mut below = Vec::new();
    if let Some((i, fault)) = &form.fault {
        let label = form.fields.get(*i).map_or("", |f| f.label.as_str());
        for piece in wrap(
            &format!("{label} : {}", fault_text(fault, lang)),
            usize::from(inner.width),
        ) {
            below.push(Line::styled(piece, theme.error));
        }
    } else if let Some(note) = &form.note {
        for piece in wrap(note, usize::from(inner.width)) {
            below.push(Line::styled(piece, theme.muted));
        }
    }
    // The fields scroll so that the focus stays in view above what is said under them.
    let room =
        usize::from(inner.height).saturating_sub(below.len() + usize::from(!below.is_empty()));
    // The whole field in focus (a text of several lines too) and the line after it, as
    // long as its first line stays in view.
    let want = (focus_end + 1).min(lines.len());
    let first = want
        .saturating_sub(room)
        .min(focus_line)
        .min(lines.len().saturating_sub(room));
    lines.drain(..first.min(lines.len()));
    lines.truncate(room);
    if !below.is_empty() {
        lines.push(Line::default());
        lines.extend(below);
    }
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The lines the form needs to show every field (for the caller's layout).
pub fn height(form: &Form, width: u16) -> u16 {
    let theme = Theme::default();
    let (lines, _) = field_lines(form, &theme, width.saturating_sub(2));
    u16::try_from(lines.len() + 5).unwrap_or(u16::MAX)
}
