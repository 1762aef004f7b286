//! Unsaved work on screen: the marker line while a write is not done, and the questions
//! about it (leaving, a copy to a file, the rescue copies of an earlier session).

use super::overlays::answers;
use super::{centered, fit, popup, shown, wrap};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::unsaved::{Question, U, rescued_line};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The marker: « ⚠ non enregistré : <why> », until a write succeeds.
pub fn marker(app: &App, frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(fit(&shown(text), area.width as usize)).style(app.theme.error),
        area,
    );
}

/// The question about unsaved work, over everything.
pub fn question(app: &App, frame: &mut Frame, area: Rect, question: &Question) {
    let lang = app.lang;
    let width = area.width.saturating_sub(4).min(76);
    match question {
        Question::Leave { quit, choice } => {
            let title = if *quit { U::QuitTitle } else { U::LeaveTitle };
            let why = crate::tui::unsaved::marker(&app.unsaved, lang).unwrap_or_default();
            let mut lines: Vec<Line> = Vec::new();
            let inner_width = width.saturating_sub(2) as usize;
            lines.push(Line::styled(
                fit(U::LeaveText.get(lang), inner_width),
                app.theme.base,
            ));
            for l in wrap(&shown(&why), inner_width, "  ").into_iter().take(3) {
                lines.push(Line::styled(l, app.theme.error));
            }
            lines.push(Line::raw(""));
            let leave = if *quit { U::QuitAnyway } else { U::LeaveAnyway };
            lines.extend(answers(
                app,
                &[U::Retry.get(lang), U::CopyTo.get(lang), leave.get(lang)],
                *choice,
                inner_width,
            ));
            let rect = centered(area, width, lines.len() as u16 + 2);
            let inner = popup(app, frame, rect, title.get(lang));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Question::CopyTo { input, error, .. } => {
            let rect = centered(area, width, 5);
            let inner = popup(app, frame, rect, U::CopyTitle.get(lang));
            if inner.height == 0 {
                return;
            }
            let w = inner.width as usize;
            let hint = match error {
                Some(e) => Line::styled(fit(e, w), app.theme.error),
                None => Line::styled(
                    fit(
                        &format!(
                            "{} — {}",
                            U::CopyHint.get(lang),
                            app.keymap.hint_line(Context::TextEntry, lang)
                        ),
                        w,
                    ),
                    app.theme.muted,
                ),
            };
            let lines = vec![
                Line::styled(
                    fit(&format!("> {}", shown(input.text())), w),
                    app.theme.base,
                ),
                hint,
            ];
            frame.render_widget(Paragraph::new(lines), inner);
            let x = inner
                .x
                .saturating_add(2 + input.cursor_width() as u16)
                .min(inner.right().saturating_sub(1));
            frame.set_cursor_position(Position::new(x, inner.y));
        }
        Question::Rescued { choice, conflict } => {
            let Some(first) = app.unsaved.rescued.first() else {
                return;
            };
            let inner_width = width.saturating_sub(2) as usize;
            let mut lines = vec![
                Line::styled(fit(U::RescuedText.get(lang), inner_width), app.theme.base),
                Line::styled(
                    fit(&format!("  {}", rescued_line(first)), inner_width),
                    app.theme.title,
                ),
            ];
            if *conflict {
                for l in wrap(U::RescuedConflict.get(lang), inner_width, "") {
                    lines.push(Line::styled(l, app.theme.error));
                }
            }
            lines.push(Line::raw(""));
            let restore = if *conflict { U::Overwrite } else { U::Restore };
            lines.extend(answers(
                app,
                &[restore.get(lang), U::Discard.get(lang), U::Later.get(lang)],
                *choice,
                inner_width,
            ));
            let more = app.unsaved.rescued.len() - 1;
            let title = if more > 0 {
                format!("{} (+{more})", U::RescuedTitle.get(lang))
            } else {
                U::RescuedTitle.get(lang).to_string()
            };
            let rect = centered(area, width, lines.len() as u16 + 2);
            let inner = popup(app, frame, rect, &title);
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}
