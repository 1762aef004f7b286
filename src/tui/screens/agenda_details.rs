//! The meeting's details on the agenda screen: the invitees pane, the form of the
//! logistics, the member picker, the guest form and the question before deleting a draft.

use super::{centered, fit, pane, popup, scroll_offset, shown};
use crate::domain::Meeting;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::meeting_form::{Invitee, invitees, member_matches};
use crate::tui::strings::T;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// The invitees pane: the members invited, then the guests, « pour information » marked;
/// the row selected when the pane has the keys.
pub fn render_invitees(app: &App, meeting: &Meeting, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let rows = invitees(meeting);
    let focus = app.agenda.details.invitees;
    let title = format!("{} ({})", T::Invitees.get(lang), rows.len());
    let block = pane(app, &title, focus.is_some());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    crate::tui::hit::pane(area, crate::tui::hit::Pane::Invitees);
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(T::NoInvitee.get(lang)).style(app.theme.muted),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let height = inner.height as usize;
    let selected = focus.unwrap_or(0).min(rows.len() - 1);
    let offset = if focus.is_some() {
        scroll_offset(selected, height)
    } else {
        0
    };
    crate::tui::hit::rows(inner, crate::tui::hit::List::Invitees, offset, rows.len());
    let info = T::ForInformationMark.get(lang);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let mut text = match row {
                Invitee::Member(a) => match app.data.department.member(&a.member) {
                    Some(m) => format!("{} — {}", shown(&m.name), shown(&m.organisation)),
                    None => shown(&a.member),
                },
                Invitee::Guest(g) => format!("{} — {}", shown(&g.name), shown(&g.organisation)),
            };
            if row.for_information() {
                text.push_str(&format!(" ({info})"));
            }
            let style = if focus == Some(i) {
                app.theme.selected
            } else if row.for_information() {
                app.theme.muted
            } else {
                app.theme.base
            };
            Line::styled(fit(&text, width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What the details have open, drawn over the screen.
pub fn render_overlays(app: &App, meeting: &Meeting, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let panel = &app.agenda.details;
    if panel.context().is_some_and(|c| c != Context::Invitees) {
        crate::tui::hit::overlay();
    }
    if let Some(form) = panel.form.as_ref().or(panel.guest.as_ref()) {
        let extra = if form.fault.is_some() { 4 } else { 2 };
        let h = (form.fields.len() as u16 + extra).min(area.height);
        let rect = centered(area, 72, h);
        crate::tui::form::draw::draw(frame, rect, form, &app.theme, lang);
    }
    if let Some(picker) = &panel.member {
        let rect = centered(area, 72, area.height.saturating_sub(2).min(16));
        let Some(list) =
            super::overlays::filter_popup(app, frame, rect, T::PickMember.get(lang), &picker.query)
        else {
            return;
        };
        let width = list.width as usize;
        let matches = member_matches(&app.data.department, meeting, picker.query.text());
        let rows = list.height as usize;
        let first = scroll_offset(picker.selected, rows);
        crate::tui::hit::rows(list, crate::tui::hit::List::Overlay, first, matches.len());
        let lines: Vec<Line> = if matches.is_empty() {
            vec![Line::styled(T::NoMember.get(lang), app.theme.muted)]
        } else {
            matches
                .iter()
                .enumerate()
                .skip(first)
                .take(rows)
                .map(|(i, m)| {
                    let mut text = format!("{} — {}", shown(&m.name), shown(&m.organisation));
                    if let Some(title) = &m.title {
                        text.push_str(&format!(", {}", shown(title)));
                    }
                    let style = if i == picker.selected {
                        app.theme.selected
                    } else {
                        app.theme.base
                    };
                    Line::styled(fit(&text, width), style)
                })
                .collect()
        };
        frame.render_widget(Paragraph::new(lines), list);
    }
    if panel.confirm_delete {
        let rect = centered(area, 64, 6);
        let inner = popup(app, frame, rect, T::ScreenAgenda.get(lang));
        let undo = app
            .keymap
            .key_label(Context::Agenda, crate::tui::action::Action::Undo, lang);
        let text = T::AskDeleteDraft.get(lang).replace("{undo}", &undo);
        let text = app.keymap.fill(Context::Confirm, &text, lang);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
    }
}
