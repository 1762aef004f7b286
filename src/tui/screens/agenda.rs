//! Ordre du jour: the agenda builder of one meeting.

use super::{pane, shown};
use crate::domain::agenda::DEFAULT_MEETING_MINUTES;
use crate::domain::{Item, ItemKind};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::meeting_form::invitee_count;
use crate::tui::strings::{self, T};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

/// Below this width the invitees go under the agenda.
const SIDE_BY_SIDE: u16 = 110;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let Some(meeting) = app.agenda_meeting() else {
        let block = pane(app, T::ScreenAgenda.get(lang), true);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(
                app.keymap
                    .fill(Context::Agenda, T::NoMeetingSelected.get(lang), lang),
            )
            .style(app.theme.muted)
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let body = shown(&app.data.department.body_short(&meeting.body));
    let planned = meeting.planned_minutes();
    let over = planned > DEFAULT_MEETING_MINUTES;
    let [head, main] = head_and_main(area);
    let end = meeting
        .planned_end()
        .map(|e| format!("–{}", e.format("%H:%M")))
        .unwrap_or_default();
    let place = meeting
        .place
        .as_deref()
        .map_or_else(|| T::PlaceUnset.get(lang).to_string(), shown);
    let head_line = Line::from(vec![
        Span::styled(
            format!(
                " {} {}{end} · {} · ",
                strings::date(meeting.date, lang),
                meeting.start.format("%H:%M"),
                strings::meeting_status(meeting.status, lang),
            ),
            app.theme.title,
        ),
        Span::styled(
            format!(
                "{} {planned} {} {DEFAULT_MEETING_MINUTES} {}",
                T::Planned.get(lang),
                T::Of.get(lang),
                T::Minutes.get(lang)
            ),
            if over { app.theme.error } else { app.theme.ok },
        ),
        Span::styled(format!(" · {body} · {place}"), app.theme.title),
    ]);
    frame.render_widget(Paragraph::new(head_line), head);

    let (list_area, side) = list_and_side(main, invitee_count(meeting));

    let title = format!("{} — {}", T::ScreenAgenda.get(lang), shown(&meeting.id));
    let block = pane(app, &title, app.agenda.details.invitees.is_none());
    crate::tui::hit::pane(list_area, crate::tui::hit::Pane::AgendaItems);
    if meeting.items.is_empty() {
        let inner = block.inner(list_area);
        frame.render_widget(block, list_area);
        frame.render_widget(
            Paragraph::new(
                app.keymap
                    .fill(Context::Agenda, T::EmptyAgenda.get(lang), lang),
            )
            .style(app.theme.muted)
            .wrap(Wrap { trim: true }),
            inner,
        );
    } else {
        let header = Row::new(
            [
                "#",
                T::ColItem.get(lang),
                T::ColKind.get(lang),
                T::ColTimebox.get(lang),
            ]
            .map(Cell::from),
        )
        .style(app.theme.header);
        // Cases reviewed earlier whose next review falls after this meeting: flagged,
        // `d` takes them off.
        let premature = crate::domain::agenda_check::premature_items(&app.data, meeting);
        let rows: Vec<Row> = meeting
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let title = match premature.iter().find(|(n, _)| *n == i) {
                    Some((_, next)) => Cell::from(Line::from(vec![
                        Span::raw(format!("{} ", item_title(app, item))),
                        Span::styled(
                            crate::tui::followup_words::review_later_flag(*next, lang),
                            app.theme.warning,
                        ),
                    ])),
                    None => Cell::from(item_title(app, item)),
                };
                Row::new(vec![
                    Cell::from((i + 1).to_string()),
                    title,
                    Cell::from(strings::item_kind(item.kind, lang)),
                    Cell::from(item.minutes.map(|m| m.to_string()).unwrap_or_default()),
                ])
            })
            .collect();
        let widths = [
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(4),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .block(block)
            .column_spacing(1)
            .row_highlight_style(app.theme.selected);
        let mut state = TableState::default().with_selected(Some(app.agenda.selected));
        frame.render_stateful_widget(table, list_area, &mut state);
        let len = meeting.items.len();
        super::record_rows(list_area, 1, super::List::AgendaItems, state.offset(), len);
    }

    super::agenda_details::render_invitees(app, meeting, frame, side);
    super::agenda_details::render_overlays(app, meeting, frame, area);
}

fn head_and_main(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area)
}

fn list_and_side(main: Rect, invitees: usize) -> (Rect, Rect) {
    let [l, s] = if main.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(70), Constraint::Percentage(30)]).areas(main)
    } else {
        // Short screens keep most of the room for the agenda.
        let height = (invitees as u16)
            .clamp(1, 4)
            .saturating_add(2)
            .min(main.height / 3);
        Layout::vertical([Constraint::Min(3), Constraint::Length(height)]).areas(main)
    };
    (l, s)
}

/// The area of the agenda list of `meeting_invitees` invitees.
pub fn list_area(area: Rect, invitees: usize) -> Rect {
    let [_, main] = head_and_main(area);
    list_and_side(main, invitees).0
}

/// What an agenda line says: the topic's title, or the case's label and id.
pub fn item_title(app: &App, item: &Item) -> String {
    match item.kind {
        ItemKind::Case => {
            let id = item.case.as_deref().unwrap_or("");
            match app.data.case(id) {
                Some(c) => format!("{} ({})", shown(&c.label), shown(&c.id)),
                None => format!("{} ({})", shown(id), T::UnknownCase.get(app.lang)),
            }
        }
        ItemKind::Topic | ItemKind::Actions => shown(item.title.as_deref().unwrap_or("")),
    }
}
