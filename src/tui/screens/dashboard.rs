//! Tableau de bord: the département, the next meetings, the alerts.

use super::{List, fit, pane, scroll_offset, shown};
use crate::domain::AlertKind;
use crate::tui::app::{AlertRow, App, DashPane};
use crate::tui::keymap::Context;
use crate::tui::strings::{self, T};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The head, the next meetings and the alerts.
pub fn areas(app: &App, area: Rect) -> [Rect; 3] {
    let meetings_height = (app.upcoming_meetings().len().clamp(1, 5) as u16).saturating_add(2);
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(meetings_height),
        Constraint::Min(3),
    ])
    .areas(area)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let upcoming = app.upcoming_meetings();
    let [top, next, alerts] = areas(app, area);

    let dept = &app.data.department;
    let mut head = vec![Line::from(vec![
        Span::styled(format!(" {} ", T::Department.get(lang)), app.theme.muted),
        Span::styled(
            format!("{} — {}", shown(&dept.code), shown(&dept.name)),
            app.theme.title,
        ),
        Span::styled(
            format!("   {}", strings::date(app.today, lang)),
            app.theme.muted,
        ),
    ])];
    let bodies: Vec<String> = dept.bodies.iter().map(|b| shown(&b.short_name())).collect();
    head.push(Line::styled(
        fit(&format!(" {}", bodies.join(" · ")), top.width as usize),
        app.theme.muted,
    ));
    frame.render_widget(Paragraph::new(head), top);

    let focus = app.dashboard.focus;
    let block = pane(app, T::NextMeetings.get(lang), focus == DashPane::Meetings);
    let inner = block.inner(next);
    frame.render_widget(block, next);
    let width = inner.width as usize;
    let rows = inner.height as usize;
    let lines: Vec<Line> = if upcoming.is_empty() {
        vec![Line::styled(T::NoNextMeeting.get(lang), app.theme.muted)]
    } else {
        let offset = scroll_offset(app.dashboard.meeting, rows);
        crate::tui::hit::rows(inner, List::NextMeetings, offset, upcoming.len());
        upcoming
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, m)| {
                let body = shown(&dept.body_short(&m.body));
                let text = format!(
                    "{} {}  {}  {}  {} : {}",
                    strings::date(m.date, lang),
                    m.start.format("%H:%M"),
                    body,
                    strings::meeting_status(m.status, lang),
                    T::ColItems.get(lang),
                    m.items.len(),
                );
                let selected = focus == DashPane::Meetings && i == app.dashboard.meeting;
                let style = if selected {
                    app.theme.selected
                } else {
                    app.theme.base
                };
                Line::styled(fit(&text, width), style)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);

    let list = app.alerts();
    let rows_of = app.alert_rows();
    let title = format!("{} ({})", T::Alerts.get(lang), list.len());
    let block = pane(app, &title, focus == DashPane::Alerts);
    let inner = block.inner(alerts);
    frame.render_widget(block, alerts);
    let width = inner.width as usize;
    let rows = inner.height as usize;
    let lines: Vec<Line> = if list.is_empty() {
        vec![Line::styled(T::NoAlert.get(lang), app.theme.ok)]
    } else {
        let offset = scroll_offset(app.dashboard.alert, rows);
        crate::tui::hit::rows(inner, List::Alerts, offset, rows_of.len());
        let open = app
            .keymap
            .key_label(Context::Dashboard, crate::tui::Action::Open, lang);
        rows_of
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, row)| {
                let (text, urgent) = match row {
                    AlertRow::Group {
                        kind,
                        count,
                        unfolded,
                    } => {
                        let mark = if *unfolded { "▾" } else { "▸" };
                        let urgent = *kind <= AlertKind::ActionOverdue;
                        (
                            format!(
                                "{mark} {}",
                                crate::tui::alert_words::alert_group(*kind, *count, lang)
                            ),
                            urgent,
                        )
                    }
                    AlertRow::Alert(a) => {
                        let Some(alert) = list.get(*a) else {
                            return Line::raw("");
                        };
                        let mark = if alert.is_urgent() { "!" } else { "·" };
                        (
                            format!(
                                "  {mark} {}",
                                crate::tui::alert_words::alert(alert, &app.data, lang, &open)
                            ),
                            alert.is_urgent(),
                        )
                    }
                };
                let mut style = if focus == DashPane::Alerts && i == app.dashboard.alert {
                    app.theme.selected
                } else if urgent {
                    app.theme.error
                } else {
                    app.theme.warning
                };
                if matches!(row, AlertRow::Group { .. }) {
                    style = style.add_modifier(Modifier::BOLD);
                }
                Line::styled(fit(&text, width), style)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);
}
