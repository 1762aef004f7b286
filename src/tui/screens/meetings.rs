//! Réunions: the meetings of one body, newest first.

use super::{pane, shown};
use crate::tui::app::App;
use crate::tui::strings::{self, T};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

/// The body tabs and the list.
pub fn areas(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let [tabs, main] = areas(area);
    let mut spans = vec![Span::styled(
        format!(" {} : ", T::Body.get(lang)),
        app.theme.muted,
    )];
    for (i, body) in app.data.department.bodies.iter().enumerate() {
        let style = if i == app.meetings.body {
            app.theme.tab_active
        } else {
            app.theme.muted
        };
        spans.push(Span::styled(
            format!(" {} ", shown(&body.short_name())),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    let m = &app.meetings;
    let search_label = format!("   {} : ", T::Search.get(lang));
    if m.searching || !m.search.text().is_empty() {
        spans.push(Span::styled(search_label, app.theme.key));
        spans.push(Span::styled(m.search.text().to_string(), app.theme.base));
    }
    if m.searching {
        let before: usize = spans
            .iter()
            .map(|s| unicode_width::UnicodeWidthStr::width(s.content.as_ref()))
            .sum::<usize>()
            - unicode_width::UnicodeWidthStr::width(m.search.text());
        let x = (tabs.x)
            .saturating_add((before + m.search.cursor_width()) as u16)
            .min(tabs.right().saturating_sub(1));
        frame.set_cursor_position(ratatui::layout::Position::new(x, tabs.y));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);

    let list = app.body_meetings();
    let title = format!("{} ({})", T::ScreenMeetings.get(lang), list.len());
    let block = pane(app, &title, true);
    if list.is_empty() {
        let inner = block.inner(main);
        frame.render_widget(block, main);
        frame.render_widget(
            Paragraph::new(T::NoMeeting.get(lang)).style(app.theme.muted),
            inner,
        );
        return;
    }
    let header = Row::new(
        [
            T::ColDate,
            T::ColTime,
            T::ColId,
            T::ColStatus,
            T::ColItems,
            T::ColPlanned,
        ]
        .map(|t| Cell::from(t.get(lang))),
    )
    .style(app.theme.header);
    let rows: Vec<Row> = list
        .iter()
        .map(|m| {
            Row::new(vec![
                Cell::from(strings::date(m.date, lang)),
                Cell::from(m.start.format("%H:%M").to_string()),
                Cell::from(shown(&m.id)),
                Cell::from(strings::meeting_status(m.status, lang)),
                Cell::from(m.items.len().to_string()),
                Cell::from(format!("{} {}", m.planned_minutes(), T::Minutes.get(lang))),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(app.theme.selected);
    let mut state = TableState::default().with_selected(Some(app.meetings.selected));
    frame.render_stateful_widget(table, main, &mut state);
    super::record_rows(main, 1, super::List::Meetings, state.offset(), list.len());
}
