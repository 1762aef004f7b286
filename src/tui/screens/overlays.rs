//! Popups: the list of loading problems, the case picker, the one-line prompts.

use super::{centered, fit, popup, scroll_offset, shown};
use crate::tui::app::{App, Picker, Prompt, PromptKind, ReportForm};
use crate::tui::case_form::CaseFormState;
use crate::tui::export::ExportRequest;
use crate::tui::input::LineInput;
use crate::tui::keymap::Context;
use crate::tui::strings;
use crate::tui::strings::T;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn problems(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let rect = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let mut title = format!("{} ({})", T::Problems.get(app.lang), app.problems.len());
    if !app.notices.is_empty() {
        title.push_str(&format!(
            " · {} ({})",
            T::Notices.get(app.lang),
            app.notices.len()
        ));
    }
    let inner = popup(app, frame, rect, &title);
    let width = inner.width as usize;
    let rows = inner.height as usize;
    let lines: Vec<Line> = if app.problems.is_empty() && app.notices.is_empty() {
        vec![Line::styled(T::NoProblem.get(app.lang), app.theme.muted)]
    } else {
        // Each problem wraps over as many lines as it needs (the allowed values stay
        // readable); the list scrolls by whole problems so that the selected one is shown.
        let wrapped: Vec<Vec<String>> = app
            .problems
            .iter()
            .chain(&app.notices)
            .map(|p| super::wrap(&shown(p), width.max(8), "  "))
            .collect();
        let first = first_shown(&wrapped, selected, rows);
        let mut lines = Vec::new();
        for (i, block) in wrapped.iter().enumerate().skip(first) {
            let top = inner
                .y
                .saturating_add(u16::try_from(lines.len()).unwrap_or(u16::MAX));
            let height = block.len().min(rows.saturating_sub(lines.len()));
            let height = u16::try_from(height).unwrap_or(0);
            let area = Rect::new(inner.x, top, inner.width, height);
            crate::tui::hit::row(area, crate::tui::hit::List::Overlay, i, wrapped.len());
            let style = if i == selected {
                app.theme.selected
            } else {
                app.theme.base
            };
            for line in block {
                if lines.len() == rows {
                    break;
                }
                lines.push(Line::styled(line.clone(), style));
            }
        }
        lines
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first problem to draw so that the `selected` one fits in `rows` lines: as many of
/// those before it as fit with it.
fn first_shown(blocks: &[Vec<String>], selected: usize, rows: usize) -> usize {
    let mut used = blocks.get(selected).map_or(0, Vec::len);
    let mut first = selected.min(blocks.len());
    while first > 0 {
        let before = blocks[first - 1].len();
        if used + before > rows {
            break;
        }
        used += before;
        first -= 1;
    }
    first
}

/// A list filtered as you type: its box with `title`, the typed text on the first line with
/// the cursor, and the area left for the list (`None` when there is no room).
pub fn filter_popup(
    app: &App,
    frame: &mut Frame,
    rect: Rect,
    title: &str,
    query: &LineInput,
) -> Option<Rect> {
    let inner = popup(app, frame, rect, title);
    if inner.height == 0 {
        return None;
    }
    // Empty, the line says what it is for.
    let (shown_query, style) = if query.text().is_empty() {
        (
            format!("> {}", T::PaletteFilter.get(app.lang)),
            app.theme.muted,
        )
    } else {
        (format!("> {}", query.text()), app.theme.key)
    };
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&shown_query, inner.width as usize), style)),
        Rect { height: 1, ..inner },
    );
    let cursor_x = inner
        .x
        .saturating_add(2 + query.cursor_width() as u16)
        .min(inner.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(cursor_x, inner.y));
    Some(Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    })
}

pub fn picker(app: &App, frame: &mut Frame, area: Rect, picker: &Picker) {
    let lang = app.lang;
    let rect = centered(area, 64, area.height.saturating_sub(2).min(16));
    let Some(list_area) = filter_popup(app, frame, rect, T::PickCase.get(lang), &picker.query)
    else {
        return;
    };
    let width = list_area.width as usize;
    let matches = app.picker_matches(picker.query.text());
    let rows = list_area.height as usize;
    let lines: Vec<Line> = if matches.is_empty() {
        vec![Line::styled(T::NoPick.get(lang), app.theme.muted)]
    } else {
        let offset = scroll_offset(picker.selected, rows);
        crate::tui::hit::rows(
            list_area,
            crate::tui::hit::List::Overlay,
            offset,
            matches.len(),
        );
        matches
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, c)| {
                let text = format!("{}  {}", shown(&c.label), shown(&c.id));
                let style = if i == picker.selected {
                    app.theme.selected
                } else {
                    app.theme.base
                };
                Line::styled(fit(&text, width), style)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), list_area);
}

pub fn prompt(app: &App, frame: &mut Frame, area: Rect, prompt: &Prompt) {
    let lang = app.lang;
    let title = match prompt.kind {
        PromptKind::Topic => T::PromptTopic,
        PromptKind::Timebox => T::PromptTimebox,
        PromptKind::NewMeetingDate { .. } => T::PromptDate,
        PromptKind::CancelReason => T::PromptCancel,
    }
    .get(lang);
    let rect = centered(area, 64, 5);
    let inner = popup(app, frame, rect, title);
    if inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let mut lines = vec![Line::styled(
        fit(&format!("> {}", prompt.input.text()), width),
        app.theme.base,
    )];
    match &prompt.error {
        Some(e) => lines.push(Line::styled(fit(e, width), app.theme.error)),
        None => lines.push(Line::styled(
            fit(&app.keymap.hint_line(Context::TextEntry, lang), width),
            app.theme.muted,
        )),
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let cursor_x = inner
        .x
        .saturating_add(2 + prompt.input.cursor_width() as u16)
        .min(inner.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(cursor_x, inner.y));
}

/// The case form: as wide and tall as the screen allows (its fields scroll).
pub fn case_form(app: &App, frame: &mut Frame, area: Rect, st: &CaseFormState) {
    let w = area.width.min(78);
    let h = crate::tui::form::draw::height(&st.form, w).min(area.height);
    let rect = centered(area, w, h);
    crate::tui::form::draw::draw(frame, rect, &st.form, &app.theme, app.lang);
}

pub fn edit_failed(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    id: &str,
    problems: &[String],
    choice: usize,
) {
    let lang = app.lang;
    let height = (problems.len() as u16).saturating_add(7);
    let rect = centered(area, area.width.saturating_sub(4), height);
    let title = format!("{} — {}", T::EditInvalid.get(lang), shown(id));
    let inner = popup(app, frame, rect, &title);
    let width = inner.width as usize;
    let rows = (inner.height as usize).saturating_sub(5);
    let mut lines: Vec<Line> = problems
        .iter()
        .take(rows)
        .map(|p| Line::styled(fit(&shown(p), width), app.theme.error))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(answers(
        app,
        &[T::EditAgain.get(lang), T::EditDiscard.get(lang)],
        choice,
        width,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn export_menu(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    requests: &[ExportRequest],
    selected: usize,
    format: crate::export::Format,
    query: &LineInput,
) {
    let lang = app.lang;
    let height = (requests.len() as u16).saturating_add(7);
    let rect = centered(area, 60, height.min(area.height.saturating_sub(2)));
    let Some(inner) = filter_popup(app, frame, rect, T::ExportTitle.get(lang), query) else {
        return;
    };
    let width = inner.width as usize;
    let labels: Vec<String> = requests
        .iter()
        .map(|r| strings::export_label(r, &app.data, lang))
        .collect();
    let kept = crate::tui::fuzzy::keep(query.text(), &labels);
    // The rows scroll so that the chosen one stays in view above the format and the keys.
    let rows = (inner.height as usize).saturating_sub(4).max(1);
    let first = scroll_offset(selected, rows);
    let shown = kept.len().saturating_sub(first).min(rows);
    let list = Rect {
        height: u16::try_from(shown).unwrap_or(u16::MAX),
        ..inner
    };
    crate::tui::hit::rows(list, crate::tui::hit::List::Overlay, first, kept.len());
    let mut lines: Vec<Line> = if kept.is_empty() {
        vec![Line::styled(
            crate::tui::seance::S::NoMatch.get(lang),
            app.theme.muted,
        )]
    } else {
        kept.iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, r)| {
                let style = if i == selected {
                    app.theme.selected
                } else {
                    app.theme.base
                };
                Line::styled(fit(&labels[*r], width), style)
            })
            .collect()
    };
    lines.resize(rows, Line::raw(""));
    lines.push(Line::raw(""));
    let keys = format!(
        "{}/{}",
        app.keymap.key_label(
            Context::Choice,
            crate::tui::action::Action::ChoicePrev,
            lang
        ),
        app.keymap.key_label(
            Context::Choice,
            crate::tui::action::Action::ChoiceNext,
            lang
        )
    );
    lines.push(Line::from(vec![
        Span::styled(
            format!("{:<12} ", T::FieldFormat.get(lang)),
            app.theme.muted,
        ),
        Span::styled(format!("‹ {} ›", format.extension()), app.theme.selected),
        Span::styled(format!("  {keys}"), app.theme.muted),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(&app.keymap.hint_line(Context::Choice, lang), width),
        app.theme.muted,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn report_form(app: &App, frame: &mut Frame, area: Rect, form: &ReportForm) {
    let lang = app.lang;
    let rect = centered(area, 60, 8);
    let inner = popup(app, frame, rect, T::ReportTitle.get(lang));
    let width = inner.width as usize;
    let body = body_name(app, form.body);
    let fields = [
        (T::FieldMonth, strings::month_name(form.month, lang)),
        (T::FieldBody, body),
        (T::FieldFormat, form.format.extension().to_string()),
        (T::FieldResults, form.results.text().to_string()),
    ];
    let mut lines: Vec<Line> = fields
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let current = i == form.field;
            let value = if current && i == 3 {
                format!("{value}▏")
            } else if current {
                format!("‹ {value} ›")
            } else {
                value.clone()
            };
            let style = if current {
                app.theme.selected
            } else {
                app.theme.base
            };
            Line::from(vec![
                Span::styled(format!("{:<12} ", name.get(lang)), app.theme.muted),
                Span::styled(fit(&value, width.saturating_sub(13)), style),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(&app.keymap.hint_line(Context::Form, lang), width),
        app.theme.muted,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn preview(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    request: &ExportRequest,
    text: &str,
    scroll: usize,
) {
    let lang = app.lang;
    let rect = centered(area, area.width.saturating_sub(2), area.height);
    let title = format!(
        "{} — {}",
        T::Preview.get(lang),
        strings::export_title(request, &app.data, lang)
    );
    let inner = popup(
        app,
        frame,
        rect,
        &fit(&title, rect.width.saturating_sub(4) as usize),
    );
    let width = inner.width as usize;
    let lines: Vec<Line> = text
        .lines()
        .skip(scroll)
        .take(inner.height as usize)
        .map(|l| Line::raw(fit(l, width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The answers of a question that can lose work, the chosen one marked, then the keys
/// (from the `dialog` section of the key map: no letter answers it).
pub fn answers(app: &App, answers: &[&str], chosen: usize, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (mark, style) = if i == chosen {
                ("›", app.theme.selected)
            } else {
                (" ", app.theme.base)
            };
            Line::styled(fit(&format!("{mark} {a}"), width), style)
        })
        .collect();
    lines.push(Line::styled(
        fit(&app.keymap.hint_line(Context::Dialog, app.lang), width),
        app.theme.key,
    ));
    lines
}

/// The name of the body at `index` in department.yaml, shown safely.
fn body_name(app: &App, index: usize) -> String {
    app.data
        .department
        .bodies
        .get(index)
        .map(|b| shown(&b.short_name()))
        .unwrap_or_default()
}
