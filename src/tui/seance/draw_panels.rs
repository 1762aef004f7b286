//! What the séance draws over its screen: the field being edited and the attendance panel.

use super::seance_words::{counts_line, status_word};
use super::{centered, fit, popup, shown};
use crate::domain::live::attendance_counts;
use crate::domain::{AttendanceStatus, Meeting, Member};
use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::seance::*;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub(super) fn render_editing(app: &App, editing: &Editing, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    match editing {
        Editing::Text { field, area: text } => {
            let title = match field {
                Field::DecisionText => S::DecisionText,
                Field::Notes => S::Notes,
                _ => S::Difficulties,
            };
            let on_case = app
                .seance
                .as_ref()
                .zip(app.seance_meeting())
                .and_then(|(st, m)| st.live.current_item(m))
                .is_some_and(|i| i.kind == crate::domain::ItemKind::Case);
            let readers = match field {
                Field::DecisionText => Readers::Partners,
                Field::Notes if !on_case => Readers::Partners,
                Field::Difficulties => Readers::Report,
                _ => Readers::Internal,
            };
            let title = format!("{} — {}", title.get(lang), readers.get(lang));
            // The text the room reads: wider and taller on a large screen.
            let (width, height) = if area.width >= 110 {
                (area.width.saturating_sub(10), (area.height * 2 / 3).max(12))
            } else {
                (area.width.saturating_sub(4).min(90), 12)
            };
            let rect = centered(area, width, height.min(area.height));
            let inner = popup(app, frame, rect, &title);
            let [edit, help] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            frame.render_widget(&**text, edit);
            frame.render_widget(
                Paragraph::new(fit(
                    &app.keymap.hint_line(Context::Text, lang),
                    help.width as usize,
                ))
                .style(app.theme.key),
                help,
            );
        }
        Editing::Date {
            field,
            input,
            error,
        } => {
            let title = if *field == Field::NextMeeting {
                S::NextMeeting
            } else {
                S::NextReview
            };
            let rect = centered(area, 60, 6);
            let inner = popup(app, frame, rect, title.get(lang));
            // A pre-filled date is not shown selected: what is typed goes at the cursor.
            let mut lines = vec![Line::styled(format!("> {}", input.text()), app.theme.base)];
            if let Some(e) = error {
                lines.push(Line::styled(e.clone(), app.theme.error));
            }
            lines.push(Line::styled(
                app.keymap.hint_line(Context::TextEntry, lang),
                app.theme.key,
            ));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
            frame.set_cursor_position((inner.x + 2 + input.cursor_width() as u16, inner.y));
        }
        Editing::DecisionKind { selected, query } => {
            let list = app
                .seance
                .as_ref()
                .and_then(|st| st.meeting_in(&app.data.meetings))
                .and_then(|m| app.data.department.body(&m.body))
                .map_or(crate::domain::Decision::CPRAF, |b| b.decision_list());
            let current = app
                .seance
                .as_ref()
                .zip(app.seance_meeting())
                .and_then(|(st, m)| st.live.current_item(m))
                .and_then(|i| i.decision);
            let choices = Editing::decision_labels(&Editing::decision_choices(list, current), lang);
            let title = S::Decision.get(lang);
            choice_list(app, frame, area, title, &choices, *selected, query);
        }
        Editing::ClosureReason {
            selected, query, ..
        } => {
            let choices = Editing::reason_labels(lang);
            let title = S::ClosureReason.get(lang);
            choice_list(app, frame, area, title, &choices, *selected, query);
        }
        Editing::Action(form) => {
            let title = format!("{} — {}", S::Actions.get(lang), Readers::Partners.get(lang));
            let width = area.width.saturating_sub(4).min(70);
            let inner_width = width.saturating_sub(2) as usize;
            // The pilote with their organisation, and the letters typed to find them.
            let mut owner = app
                .data
                .department
                .members
                .get(form.owner)
                .map(|m| format!("◀ {} ▶", member_label(m)))
                .unwrap_or_default();
            if form.field == 1 && !form.owner_query.text().is_empty() {
                owner.push_str(&format!("  [{}]", shown(form.owner_query.text())));
            }
            let cursor = |focused: bool, text: &str| {
                let text = shown(text);
                if focused { format!("{text}▏") } else { text }
            };
            let mut lines = Vec::new();
            for (i, label, value) in [
                (0, S::Text, cursor(form.field == 0, form.text.text())),
                (1, S::Owner, owner),
                (2, S::Due, cursor(form.field == 2, form.due.text())),
            ] {
                lines.extend(form_lines(
                    app,
                    form.field == i,
                    label.get(lang),
                    &value,
                    inner_width,
                ));
            }
            if let Some(e) = &form.error {
                lines.push(Line::styled(fit(e, inner_width), app.theme.error));
            }
            lines.push(form_hint(app, inner_width));
            let height = (lines.len() as u16).saturating_add(2);
            let rect = centered(area, width, height.min(area.height));
            let inner = popup(app, frame, rect, &title);
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Editing::Followup(_)
        | Editing::Referent(_)
        | Editing::Measure { .. }
        | Editing::Approval { .. }
        | Editing::Provider(_) => {
            super::seance_followup::render(app, editing, frame, area);
        }
    }
}

/// Who reads a free text typed in the séance (the exports that print it).
#[derive(Clone, Copy)]
enum Readers {
    /// The internal minutes only.
    Internal,
    /// The internal minutes and the monthly report (the difficulties).
    Report,
    /// The internal and partners minutes.
    Partners,
}

impl Readers {
    fn get(self, lang: Lang) -> &'static str {
        match self {
            Readers::Internal => lang.pick("lu par : interne", "read by: internal"),
            Readers::Report => lang.pick(
                "lu par : interne, rapport mensuel",
                "read by: internal, monthly report",
            ),
            Readers::Partners => lang.pick(
                "lu par : interne, partenaires",
                "read by: internal, partners",
            ),
        }
    }
}

/// A list to choose from, filtered as you type: the typed text on its first line, the
/// rows it keeps (the chosen one in view), the keys on the last line.
pub(super) fn choice_list(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    choices: &[String],
    selected: usize,
    query: &crate::tui::input::LineInput,
) {
    let height = (choices.len() as u16).saturating_add(4);
    let rect = centered(area, 60, height.min(area.height));
    let Some(list) = super::overlays::filter_popup(app, frame, rect, title, query) else {
        return;
    };
    let [list, help] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(list);
    let width = list.width as usize;
    let kept = crate::tui::fuzzy::keep(query.text(), choices);
    let rows = list.height as usize;
    let first = super::scroll_offset(selected, rows);
    let shown = kept.len().saturating_sub(first).min(rows);
    crate::tui::hit::rows(
        Rect {
            height: u16::try_from(shown).unwrap_or(u16::MAX),
            ..list
        },
        crate::tui::hit::List::SeanceChoice,
        first,
        kept.len(),
    );
    let lines: Vec<Line> = if kept.is_empty() {
        vec![Line::styled(S::NoMatch.get(app.lang), app.theme.muted)]
    } else {
        kept.iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, c)| {
                let (mark, style): (&str, Style) = if i == selected {
                    ("›", app.theme.selected)
                } else {
                    (" ", app.theme.base)
                };
                Line::styled(fit(&format!("{mark} {}", choices[*c]), width), style)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(
        Paragraph::new(fit(
            &app.keymap.hint_line(Context::Choice, app.lang),
            help.width as usize,
        ))
        .style(app.theme.key),
        help,
    );
}

pub(super) fn render_attendance(
    app: &App,
    meeting: &Meeting,
    panel: &AttendancePanel,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = app.lang;
    let rows = meeting.attendance.len() + meeting.guests.len();
    let context = if panel.guest.is_some() {
        Context::Form
    } else if panel.by.is_some() {
        Context::TextEntry
    } else {
        Context::Attendance
    };
    let rect_width = area.width.saturating_sub(4).min(100);
    let keys = key_lines(
        &(app.keymap).hint_line_without(context, lang, app.idle_actions()),
        rect_width.saturating_sub(2) as usize,
    );
    let key_height = keys.len() as u16;
    let rect = centered(
        area,
        rect_width,
        (rows as u16)
            .saturating_add(5 + key_height)
            .max(9 + key_height),
    );
    let inner = popup(app, frame, rect, S::Attendance.get(lang));
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let counts = attendance_counts(meeting);
    lines.push(Line::styled(
        fit(&counts_line(&counts, lang), width),
        app.theme.header,
    ));
    let mut people: Vec<(String, AttendanceStatus, Option<String>)> = meeting
        .attendance
        .iter()
        .map(|a| {
            let name = app
                .data
                .department
                .member(&a.member)
                .map(member_label)
                .unwrap_or_else(|| shown(&a.member));
            (name, a.status, a.by.clone())
        })
        .collect();
    people.extend(meeting.guests.iter().map(|g| {
        (
            format!("{} — {} (+)", shown(&g.name), shown(&g.organisation)),
            g.status,
            g.by.clone(),
        )
    }));
    let list_height = inner.height.saturating_sub(2 + key_height) as usize;
    let first = super::scroll_offset(panel.selected, list_height.max(1));
    crate::tui::hit::overlay();
    let list = Rect {
        y: inner.y.saturating_add(1),
        height: u16::try_from(list_height.min(people.len().saturating_sub(first))).unwrap_or(0),
        ..inner
    };
    crate::tui::hit::rows(list, crate::tui::hit::List::Attendance, first, people.len());
    for (i, (name, status, by)) in people.iter().enumerate().skip(first).take(list_height) {
        let style = if i == panel.selected {
            app.theme.selected
        } else {
            app.theme.base
        };
        let mut state = status_word(*status, lang).to_string();
        if let Some(by) = by {
            state.push_str(&format!(" ({})", shown(by)));
        }
        let state = fit(&state, 24.min(width / 2));
        let state_width = unicode_width::UnicodeWidthStr::width(state.as_str());
        let left = fit(name, width.saturating_sub(state_width + 3));
        let pad = width
            .saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()) + state_width + 2);
        let mark = if i == panel.selected { "›" } else { " " };
        lines.push(Line::styled(
            format!("{mark} {left}{}{state}", " ".repeat(pad)),
            style,
        ));
    }
    if let Some(by) = &panel.by {
        lines.push(Line::from(vec![
            ratatui::text::Span::styled(
                format!("› {}{}", S::RepresentedBy.get(lang), colon(lang)),
                app.theme.selected,
            ),
            ratatui::text::Span::styled(format!("{}▏", shown(by.text())), app.theme.base),
        ]));
    }
    if let Some(g) = &panel.guest {
        lines.push(Line::styled(
            fit(
                &format!(
                    "{}{}{}{}   {}{}{}{}",
                    if g.field == 0 { "› " } else { "" },
                    S::Name.get(lang),
                    colon(lang),
                    shown(g.name.text()) + if g.field == 0 { "▏" } else { "" },
                    if g.field == 1 { "› " } else { "" },
                    S::Organisation.get(lang),
                    colon(lang),
                    shown(g.organisation.text()) + if g.field == 1 { "▏" } else { "" },
                ),
                width,
            ),
            app.theme.base,
        ));
        if let Some(e) = &g.error {
            lines.push(Line::styled(fit(e, width), app.theme.error));
        }
    }
    if let Some(note) = &panel.note {
        lines.push(Line::styled(fit(note, width), app.theme.warning));
    }
    if let Some(e) = &panel.error {
        lines.push(Line::styled(fit(e, width), app.theme.error));
    }
    let [list, help] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(key_height)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(Paragraph::new(keys.join("\n")).style(app.theme.key), help);
    if let Some(picker) = &panel.member {
        render_member_picker(app, meeting, picker, frame, rect);
    }
}

/// The keys of a form of the séance, on its last line: only those that act on the field in
/// focus (see [`App::idle_actions`]).
pub(super) fn form_hint(app: &App, width: usize) -> Line<'static> {
    let keys = (app.keymap).hint_line_without(Context::Form, app.lang, app.idle_actions());
    Line::styled(fit(&keys, width), app.theme.key)
}

/// A field of a form of the séance: its label marked when in focus (the value is not shown
/// selected: what is typed goes at the cursor), its value wrapped under the label, never
/// cut or scrolled sideways.
pub(super) fn form_lines(
    app: &App,
    focused: bool,
    label: &str,
    value: &str,
    width: usize,
) -> Vec<Line<'static>> {
    let head = format!("{label}{}", crate::tui::seance::colon(app.lang));
    let indent = " ".repeat(head.width().min(width / 3));
    let text = format!("{head}{value}");
    let pieces = super::wrap(&text, width.saturating_sub(2).max(8), &indent);
    let (mark, label_style) = if focused {
        ("› ", app.theme.selected)
    } else {
        ("  ", app.theme.base)
    };
    pieces
        .into_iter()
        .enumerate()
        .map(|(k, piece)| {
            let mark = if k == 0 { mark } else { "  " };
            let mut spans = vec![ratatui::text::Span::styled(mark, app.theme.key)];
            match piece.strip_prefix(head.as_str()).filter(|_| k == 0) {
                Some(rest) => {
                    spans.push(ratatui::text::Span::styled(head.clone(), label_style));
                    spans.push(ratatui::text::Span::styled(
                        rest.to_string(),
                        app.theme.base,
                    ));
                }
                None => spans.push(ratatui::text::Span::styled(piece, app.theme.base)),
            }
            Line::from(spans)
        })
        .collect()
}

/// The keys of a help line spread over as many lines of `width` as they need, cut
/// between two keys (at ` · `).
fn key_lines(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(" · ") {
        match out.last_mut() {
            Some(line) if line.width() + 3 + part.width() <= width => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => out.push(fit(part, width)),
        }
    }
    out
}

/// The picker of the directory's members not listed yet, over the attendance panel (drawn
/// in `panel`, as wide): the query typed, then the members it keeps (name — organisation),
/// then its keys.
fn render_member_picker(
    app: &App,
    meeting: &Meeting,
    picker: &MemberPicker,
    frame: &mut Frame,
    panel: Rect,
) {
    let lang = app.lang;
    let members = uninvited_members(&app.data.department.members, meeting, picker.query.text());
    let keys = key_lines(
        &app.keymap.hint_line(Context::Picker, lang),
        panel.width.saturating_sub(2) as usize,
    );
    let key_height = keys.len() as u16;
    let height = (members.len().max(1) as u16).saturating_add(3 + key_height);
    let rect = centered(
        panel,
        panel.width,
        height.min(panel.height.saturating_sub(2)),
    );
    // The same filter line as every list filtered as you type.
    let Some(inner) =
        super::overlays::filter_popup(app, frame, rect, S::AddMember.get(lang), &picker.query)
    else {
        return;
    };
    let [list, help] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(key_height)]).areas(inner);
    frame.render_widget(
        Paragraph::new(member_lines(app, &members, picker, list)),
        list,
    );
    crate::tui::hit::overlay();
    let first = super::scroll_offset(
        picker.selected.min(members.len().saturating_sub(1)),
        list.height as usize,
    );
    crate::tui::hit::rows(list, crate::tui::hit::List::Overlay, first, members.len());
    frame.render_widget(Paragraph::new(keys.join("\n")).style(app.theme.key), help);
}

/// The rows of the member picker that fit in `area`, the chosen one kept in view.
fn member_lines(
    app: &App,
    members: &[&Member],
    picker: &MemberPicker,
    area: Rect,
) -> Vec<Line<'static>> {
    if members.is_empty() {
        return vec![Line::styled(
            S::NoMatchingMember.get(app.lang),
            app.theme.muted,
        )];
    }
    let width = area.width as usize;
    let rows = area.height as usize;
    let selected = picker.selected.min(members.len() - 1);
    members
        .iter()
        .enumerate()
        .skip(super::scroll_offset(selected, rows))
        .take(rows)
        .map(|(i, m)| {
            let (mark, style) = if i == selected {
                ("›", app.theme.selected)
            } else {
                (" ", app.theme.base)
            };
            let text = format!("{mark} {}", member_label(m));
            Line::styled(fit(&text, width), style)
        })
        .collect()
}

/// A member as the attendance panel shows one: name — organisation.
fn member_label(member: &Member) -> String {
    format!("{} — {}", shown(&member.name), shown(&member.organisation))
}

#[cfg(test)]
mod tests {
    use super::key_lines;

    #[test]
    fn key_lines_break_between_keys_only() {
        let text = "p present · e excused · Esc close";
        assert_eq!(key_lines(text, 80), [text]);
        assert_eq!(key_lines(text, 22), ["p present · e excused", "Esc close"]);
        assert_eq!(key_lines(text, 12), ["p present", "e excused", "Esc close"]);
        // A key longer than the line is cut, not lost.
        assert_eq!(key_lines(text, 5), ["p pr…", "e ex…", "Esc …"]);
    }
}
