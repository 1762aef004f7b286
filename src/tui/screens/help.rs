//! The `?` help: generated from the key map in effect, for the current screen then everywhere.

use super::{centered, popup};
use crate::tui::app::App;
use crate::tui::help::help_lines;
use crate::tui::strings::T;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let lang = app.lang;
    let lines = help_lines(&app.keymap, app.screen.context(), lang);
    let height = (lines.len() as u16).saturating_add(4);
    let rect = centered(area, 60, height);
    let inner = popup(app, frame, rect, T::Help.get(lang));
    let rows = inner.height.saturating_sub(1) as usize;
    let max_scroll = lines.len().saturating_sub(rows);
    let scroll = scroll.min(max_scroll);
    let mut text: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|(keys, label, is_title)| {
            if *is_title {
                Line::styled(keys.clone(), app.theme.header)
            } else {
                Line::from(vec![
                    Span::styled(format!("  {keys:<14}"), app.theme.key),
                    Span::raw(label.clone()),
                ])
            }
        })
        .collect();
    while text.len() < rows {
        text.push(Line::raw(""));
    }
    text.push(Line::styled(T::HelpClose.get(lang), app.theme.muted));
    frame.render_widget(Paragraph::new(text), inner);
}
