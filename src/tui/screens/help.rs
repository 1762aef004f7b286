//! The `?` help and the `:` palette: generated from the key map in effect, for the current
//! screen then everywhere, filtered by what is typed.

use super::{centered, fit, popup, scroll_offset};
use crate::tui::app::App;
use crate::tui::commands::HelpLine;
use crate::tui::input::LineInput;
use crate::tui::keymap::Context;
use crate::tui::strings::T;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The line of the filter: what is typed, or how to filter.
fn filter_line(app: &App, query: &LineInput, width: usize) -> Line<'static> {
    if query.text().is_empty() {
        Line::styled(
            fit(&format!("> {}", T::PaletteFilter.get(app.lang)), width),
            app.theme.muted,
        )
    } else {
        Line::styled(fit(&format!("> {}", query.text()), width), app.theme.key)
    }
}

pub fn render(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    scroll: usize,
    query: &LineInput,
    context: Context,
) {
    let lang = app.lang;
    let lines = app.keymap.help_lines(context, lang, query.text());
    let height = (lines.len() as u16).saturating_add(5);
    let rect = centered(area, 60, height);
    let inner = popup(app, frame, rect, T::Help.get(lang));
    let width = inner.width as usize;
    let rows = inner.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(rows);
    let scroll = scroll.min(max_scroll);
    let mut text: Vec<Line> = vec![filter_line(app, query, width)];
    text.extend(lines.iter().skip(scroll).take(rows).map(|line| match line {
        HelpLine::Title(title) => Line::styled(title.clone(), app.theme.header),
        HelpLine::Entry { keys, label } => Line::from(vec![
            Span::styled(format!("  {keys:<14}"), app.theme.key),
            Span::raw(label.clone()),
        ]),
    }));
    while text.len() < rows + 1 {
        text.push(Line::raw(""));
    }
    text.push(Line::styled(
        fit(&app.keymap.hint_line(Context::Help, lang), width),
        app.theme.muted,
    ));
    frame.render_widget(Paragraph::new(text), inner);
    set_cursor(frame, inner, query);
}

pub fn palette(app: &App, frame: &mut Frame, area: Rect, query: &LineInput, selected: usize) {
    let lang = app.lang;
    let commands = app.palette_commands(query.text());
    let rect = centered(area, 60, area.height.saturating_sub(2).min(18));
    let inner = popup(app, frame, rect, T::CtxPalette.get(lang));
    let width = inner.width as usize;
    let rows = inner.height.saturating_sub(2) as usize;
    let mut text: Vec<Line> = vec![filter_line(app, query, width)];
    if commands.is_empty() {
        text.push(Line::styled(T::NoCommand.get(lang), app.theme.muted));
    }
    let offset = scroll_offset(selected, rows);
    let list = Rect {
        y: inner.y.saturating_add(1),
        height: u16::try_from(rows).unwrap_or(0),
        ..inner
    };
    crate::tui::hit::rows(list, crate::tui::hit::List::Overlay, offset, commands.len());
    text.extend(
        commands
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, c)| {
                let style = if i == selected {
                    app.theme.selected
                } else {
                    app.theme.base
                };
                let label = fit(&c.label, width.saturating_sub(16));
                Line::from(vec![
                    Span::styled(
                        format!("  {label:<w$}", w = width.saturating_sub(16)),
                        style,
                    ),
                    Span::styled(format!("{:>12}", fit(&c.keys, 12)), app.theme.key),
                ])
            }),
    );
    while text.len() < rows + 1 {
        text.push(Line::raw(""));
    }
    text.push(Line::styled(
        fit(&app.keymap.hint_line(Context::Palette, lang), width),
        app.theme.muted,
    ));
    frame.render_widget(Paragraph::new(text), inner);
    set_cursor(frame, inner, query);
}

fn set_cursor(frame: &mut Frame, inner: Rect, query: &LineInput) {
    if inner.height == 0 {
        return;
    }
    let x = inner
        .x
        .saturating_add(2 + query.cursor_width() as u16)
        .min(inner.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(x, inner.y));
}
