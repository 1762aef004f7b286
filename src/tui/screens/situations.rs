//! Situations: the case list with filters and search, and the detail of the selected case.

use super::{fit, pane, shown};
use crate::domain::{Case, CurrentCase, decision_history};
use crate::i18n::Lang;
use crate::tui::app::{App, SortKey, StatusFilter};
use crate::tui::strings::{self, T};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

/// Below this width the detail goes under the list instead of beside it.
const SIDE_BY_SIDE: u16 = 120;

/// The filter line, the list and the detail.
pub fn areas(area: Rect) -> (Rect, Rect, Rect) {
    let [filters, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let [list, detail] = if area.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(main)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main)
    };
    (filters, list, detail)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let (filters, list, detail) = areas(area);
    render_filters(app, frame, filters);
    let visible = app.visible_cases();
    render_list(app, frame, list, &visible);
    let selected = visible.get(app.situations.selected).copied();
    render_detail(app, frame, detail, selected);
}

fn render_filters(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = &app.situations;
    let body = match &s.body {
        None => T::AllBodies.get(lang).to_string(),
        Some(b) => shown(&app.data.department.body_short(b)),
    };
    let status = match s.status {
        StatusFilter::Open => T::OpenStatuses.get(lang),
        StatusFilter::All => T::AllStatuses.get(lang),
        StatusFilter::Only(st) => strings::case_status(st, lang),
    };
    let kind = s
        .kind
        .map_or(T::AllKinds.get(lang), |k| strings::case_kind(k, lang));
    let sort = match s.sort {
        SortKey::Id => T::SortId,
        SortKey::Review => T::SortReview,
        SortKey::Label => T::SortLabel,
        SortKey::Status => T::SortStatus,
    }
    .get(lang);
    let mut parts = vec![body, status.to_string(), kind.to_string()];
    if s.due_only {
        parts.push(T::DueOnly.get(lang).to_string());
    }
    parts.push(format!("{} : {sort}", T::SortBy.get(lang)));
    let mut spans = vec![Span::styled(
        format!(" {}", parts.join(" · ")),
        app.theme.muted,
    )];
    let search_label = format!("   {} : ", T::Search.get(lang));
    if s.searching || !s.search.text().is_empty() {
        spans.push(Span::styled(search_label.clone(), app.theme.key));
        // Not shown selected: what is typed goes at the cursor.
        spans.push(Span::styled(s.search.text().to_string(), app.theme.base));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if s.searching {
        let prefix: usize = {
            let head = format!(" {}", parts.join(" · "));
            unicode_width::UnicodeWidthStr::width(head.as_str())
                + unicode_width::UnicodeWidthStr::width(search_label.as_str())
        };
        let x = area
            .x
            .saturating_add((prefix + s.search.cursor_width()) as u16)
            .min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, visible: &[usize]) {
    let lang = app.lang;
    let title = format!("{} ({})", T::ScreenSituations.get(lang), visible.len());
    let block = pane(app, &title, !app.situations.detail_focus);
    if visible.is_empty() {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(T::NoCase.get(lang)).style(app.theme.muted),
            inner,
        );
        return;
    }
    let header = Row::new(
        [
            T::ColId,
            T::ColLabel,
            T::ColKind,
            T::ColStatus,
            T::ColReferent,
            T::ColNextReview,
            T::ColLastDecision,
        ]
        .map(|t| Cell::from(t.get(lang))),
    )
    .style(app.theme.header);
    // Only the rows on screen are built: a long list costs no more than a short one.
    let height = usize::from(block.inner(area).height.saturating_sub(1)).max(1);
    let selected = app.situations.selected.min(visible.len().saturating_sub(1));
    let offset = super::scroll_offset(selected, height);
    let rows: Vec<Row> = visible
        .iter()
        .skip(offset)
        .take(height)
        .filter_map(|&i| Some((app.data.cases.get(i)?, app.current(i)?)))
        .map(|(case, cur)| case_row(app, case, cur))
        .collect();
    let widths = [
        Constraint::Length(12),
        Constraint::Fill(2),
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Fill(2),
        Constraint::Length(10),
        Constraint::Fill(2),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(app.theme.selected);
    let mut state = TableState::default().with_selected(Some(selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
    super::record_rows(
        area,
        1,
        super::List::Cases,
        offset + state.offset(),
        visible.len(),
    );
}

fn case_row<'a>(app: &App, case: &Case, cur: &CurrentCase) -> Row<'a> {
    let lang = app.lang;
    let review = cur
        .next_review
        .map(|d| strings::date(d, lang))
        .unwrap_or_default();
    let review_style = if cur.is_open() && cur.next_review.is_some_and(|d| d < app.today) {
        app.theme.error
    } else {
        app.theme.base
    };
    let referent = cur
        .referent
        .as_ref()
        .map(|r| shown(&r.structure))
        .unwrap_or_else(|| T::NoReferentShort.get(lang).to_string());
    let last = cur
        .last_decision
        .map(|(d, _)| strings::decision(d, lang).to_string())
        .unwrap_or_default();
    Row::new(vec![
        Cell::from(shown(&case.id)),
        Cell::from(shown(&case.label)),
        Cell::from(strings::case_kind(case.kind, lang)),
        Cell::from(strings::case_status(cur.status, lang)),
        Cell::from(referent),
        Cell::from(Span::styled(review, review_style)),
        Cell::from(last),
    ])
}

fn render_detail(app: &App, frame: &mut Frame, area: Rect, index: Option<usize>) {
    let lang = app.lang;
    let block = pane(app, T::Detail.get(lang), app.situations.detail_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    crate::tui::hit::pane(area, crate::tui::hit::Pane::CaseDetail);
    let Some((case, cur)) = index.and_then(|i| Some((app.data.cases.get(i)?, app.current(i)?)))
    else {
        return;
    };
    let lines = detail_lines(app, case, cur, lang, inner.width as usize);
    let scroll = app.situations.detail_scroll.min(u16::MAX as usize) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

fn detail_lines(
    app: &App,
    case: &Case,
    cur: &CurrentCase,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    let t = &app.theme;
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name} : "), t.muted),
            Span::raw(value),
        ])
    };
    let mut lines = vec![Line::styled(
        fit(
            &format!("{} ({})", shown(&case.label), shown(&case.id)),
            width,
        ),
        t.title,
    )];
    if let Some(name) = &case.name {
        let name = if app.hide_names {
            T::NameHidden.get(lang).to_string()
        } else {
            shown(name)
        };
        lines.push(field(T::Name.get(lang), name));
    }
    let body = shown(&app.data.department.body_short(&case.body));
    lines.push(Line::raw(format!(
        "{} · {} · {}",
        strings::case_kind(case.kind, lang),
        strings::case_status(cur.status, lang),
        body
    )));
    let referent = cur.referent.as_ref().map_or_else(
        || T::NoReferentShort.get(lang).to_string(),
        |r| {
            let mut s = format!(
                "{} ({})",
                shown(&r.structure),
                strings::referent_type(r.kind, lang)
            );
            if let Some(p) = &r.person {
                s.push_str(&format!(", {}", shown(p)));
            }
            s
        },
    );
    lines.push(field(T::ColReferent.get(lang), referent));
    lines.push(field(
        T::ReportedOn.get(lang),
        strings::date(case.reported_on, lang),
    ));
    lines.push(field(
        T::FamilyContacted.get(lang),
        case.family_contacted_on.map_or_else(
            || T::NotYet.get(lang).to_string(),
            |d| strings::date(d, lang),
        ),
    ));
    if let Some(d) = cur.next_review {
        lines.push(field(T::ColNextReview.get(lang), strings::date(d, lang)));
    }
    lines.push(Line::styled(T::Measures.get(lang).to_string(), t.header));
    if cur.measures(case).next().is_none() {
        lines.push(Line::styled(
            format!("  {}", T::NoMeasure.get(lang)),
            t.muted,
        ));
    }
    for m in cur.measures(case) {
        let mut text = format!(
            "  {} {}",
            strings::measure(m.kind, lang),
            strings::date(m.from, lang)
        );
        if let Some(to) = m.to {
            text.push_str(&format!(" → {}", strings::date(to, lang)));
        }
        if let Some(p) = &m.provider {
            text.push_str(&format!(", {}", shown(p)));
        }
        if m.fipd {
            text.push_str(" (FIPD)");
        }
        let style = if m.active_on(app.today) {
            t.base
        } else {
            t.muted
        };
        lines.push(Line::styled(text, style));
    }
    lines.push(Line::styled(T::History.get(lang).to_string(), t.header));
    let history = decision_history(&case.id, &app.data.meetings);
    if history.is_empty() {
        lines.push(Line::styled(
            format!("  {}", T::NoDecision.get(lang)),
            t.muted,
        ));
    }
    for entry in history.iter().rev() {
        let mut text = format!(
            "  {} {}",
            strings::date(entry.meeting.date, lang),
            strings::decision(entry.decision, lang)
        );
        if let Some(number) = &entry.item.number {
            text.push_str(&format!(" (n° {})", shown(number)));
        }
        if let Some(dt) = &entry.item.decision_text {
            text.push_str(&format!(" — {}", shown(dt)));
        }
        lines.push(Line::raw(text));
    }
    // The case's notes are internal: off screen with the names on a projector.
    if let Some(notes) = case.notes.as_ref().filter(|_| !app.hide_names) {
        lines.push(Line::raw(String::new()));
        for line in crate::text::visible_multiline(notes).lines() {
            lines.push(Line::styled(line.to_string(), t.muted));
        }
    }
    lines
}
