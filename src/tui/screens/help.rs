//! The `?` help: generated from the key map in effect, for the current screen then everywhere.

use super::{centered, popup};
use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::strings::{T, action_label};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The lines of the help for a screen: its own keys, then the global ones.
pub fn help_lines(keymap: &Keymap, screen: Context, lang: Lang) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for context in [screen, Context::Global] {
        let entries = keymap.help_entries(context);
        if entries.is_empty() {
            continue;
        }
        out.push((context.title(lang).to_string(), String::new(), true));
        for (action, keys) in entries {
            // A global key the screen rebinds is not in effect there.
            let keys: Vec<String> = keys
                .iter()
                .filter(|k| {
                    context != Context::Global || keymap.resolve(screen, **k) == Some(action)
                })
                .map(|k| k.to_string())
                .collect();
            if !keys.is_empty() {
                out.push((
                    keys.join(" "),
                    action_label(action, lang).to_string(),
                    false,
                ));
            }
        }
    }
    out
}

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
