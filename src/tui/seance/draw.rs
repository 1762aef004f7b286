//! Séance (live meeting): the agenda with progress on the left, the current item and its
//! form in the middle, the case's context on the right when the terminal is wide; the
//! attendance panel and the questions drawn over it.

use super::seance_words::{counts_line, decision_word, field_line, reason_word};
use super::{centered, fit, pane, popup, shown};
use crate::domain::live::{Progress, attendance_counts, item_timer, meeting_timer};
use crate::domain::{Item, ItemKind, Meeting};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::seance::*;
use crate::tui::strings::{self, T};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// From this width the case's context gets its own column.
const THREE_COLUMNS: u16 = 120;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let Some(st) = app.seance.as_deref() else {
        let block = pane(app, T::ScreenSeance.get(lang), true);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(
                app.keymap
                    .fill(Context::Meetings, S::NoMeeting.get(lang), lang),
            )
            .style(app.theme.muted)
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let Some(meeting) = st.meeting_in(&app.data.meetings) else {
        return;
    };
    let earlier = app.seance_earlier();
    let head_lines = head(app, st, area.width as usize);
    let head_height = u16::try_from(head_lines.len()).unwrap_or(2);
    let [head, main] =
        Layout::vertical([Constraint::Length(head_height), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head_lines), head);
    let left_width = (area.width / 4).clamp(22, 40);
    if area.width >= THREE_COLUMNS {
        let [left, middle, right] = Layout::horizontal([
            Constraint::Length(left_width),
            Constraint::Min(40),
            Constraint::Length(area.width / 3),
        ])
        .areas(main);
        render_agenda(app, st, frame, left);
        render_item(app, st, &earlier, frame, middle, false);
        render_context(app, meeting, st, frame, right);
    } else {
        let [left, middle] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(main);
        render_agenda(app, st, frame, left);
        render_item(app, st, &earlier, frame, middle, true);
    }
    if st.editing.is_some() || st.ask.is_some() {
        // What is asked or edited has the keys; what is under it is not clicked.
        crate::tui::hit::overlay();
    }
    if let Some(editing) = &st.editing {
        super::seance_panels::render_editing(app, editing, frame, main);
    }
    if let Some(panel) = &st.attendance {
        super::seance_panels::render_attendance(app, meeting, panel, frame, main);
    }
    if let Some(ask) = &st.ask {
        let (text, answers) = match ask {
            Ask::Start { moves } => (
                ask_start(meeting.date, app.today, st.clock, lang),
                Some([answer_start(*moves, lang), S::AnswerCancel.get(lang)]),
            ),
            Ask::Resume => (
                S::AskResume.get(lang).to_string(),
                Some([S::AnswerResume.get(lang), S::AnswerConsult.get(lang)]),
            ),
            Ask::Reopen => (
                S::AskReopen.get(lang).to_string(),
                Some([S::AnswerReopen.get(lang), S::AnswerConsult.get(lang)]),
            ),
            Ask::Close {
                undecided,
                nobody,
                quorum,
            } => (
                app.keymap.fill(
                    Context::Confirm,
                    &ask_close(*undecided, *nobody, quorum.as_deref(), lang),
                    lang,
                ),
                None,
            ),
            Ask::ChangeDecision { choice } => {
                let word = |d: Option<crate::domain::Decision>| decision_word(d, lang).to_string();
                let before = st.live.current_item(meeting).and_then(|i| i.decision);
                (
                    app.keymap.fill(
                        Context::Confirm,
                        &ask_change_decision(&word(before), &word(*choice), lang),
                        lang,
                    ),
                    None,
                )
            }
            Ask::TakeOver(info) => (
                app.take_over_question(info),
                Some([S::AnswerTakeOver.get(lang), S::AnswerReadOnly.get(lang)]),
            ),
            Ask::Conflict { .. } => (
                S::AskConflict.get(lang).to_string(),
                Some([S::AnswerReload.get(lang), S::AnswerKeep.get(lang)]),
            ),
        };
        let rect = centered(main, 72, 11);
        let inner = popup(app, frame, rect, T::ScreenSeance.get(lang));
        let [question, choices] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(inner);
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.warning)
                .wrap(Wrap { trim: true }),
            if answers.is_some() { question } else { inner },
        );
        if let Some(answers) = answers {
            let lines = super::overlays::answers(app, &answers, st.answer, choices.width as usize);
            frame.render_widget(Paragraph::new(lines), choices);
        }
    }
}

/// The meeting, the clock, its timer and the attendance counts, on two lines; when the
/// quorum and the counts do not fit on one line of `width`, the quorum has its own lines
/// (wrapped, never cut).
fn head(app: &App, st: &SeanceState, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let Some(meeting) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    let t = &app.theme;
    let body = shown(&app.data.department.body_short(&meeting.body));
    let timer = meeting_timer(meeting);
    let mut first = vec![Span::styled(
        format!(
            " {} {} · {}",
            strings::date(meeting.date, lang),
            meeting.start.format("%H:%M"),
            strings::meeting_status(meeting.status, lang)
        ),
        t.title,
    )];
    match &st.lock {
        LockView::HeldBy(_) => first.push(Span::styled(
            format!(" · {}", S::ReadOnly.get(lang)),
            t.error,
        )),
        LockView::Pending => first.push(Span::styled(
            format!(" · {}", S::LockPending.get(lang)),
            t.muted,
        )),
        _ if st.live.is_closed(meeting) => first.push(Span::styled(
            format!(" · {}", S::ReadOnly.get(lang)),
            t.warning,
        )),
        _ if st.live.is_consulting() => first.push(Span::styled(
            format!(" · {}", S::Consulting.get(lang)),
            t.warning,
        )),
        _ => {}
    }
    if st.live.is_paused() {
        first.push(Span::styled(
            format!(" · {}", S::Paused.get(lang).to_uppercase()),
            t.error,
        ));
    }
    if let Some(clock) = st.clock {
        first.push(Span::styled(
            format!(" · {}", clock.format("%H:%M:%S")),
            t.base,
        ));
    }
    first.push(Span::styled(
        format!(
            " · {} {}",
            S::Spent.get(lang),
            duration(timer.spent_seconds)
        ),
        t.base,
    ));
    if let Some(planned) = timer.timebox_seconds {
        first.push(Span::styled(
            format!(" / {} {}", S::Timebox.get(lang), duration(planned)),
            t.muted,
        ));
    }
    if timer.is_over() {
        first.push(Span::styled(
            format!(" +{}", duration(timer.overrun_seconds())),
            t.error,
        ));
    }
    first.push(Span::styled(format!(" · {body}"), t.muted));
    let counts = attendance_counts(meeting);
    let label = format!(" {}{}", S::Attendance.get(lang), colon(lang));
    let counts = counts_line(&counts, lang);
    // The quorum first (it matters most), live, when the body states one.
    let quorum = seance_quorum(meeting, &app.data.department).map(|q| {
        if q.reached() {
            (
                lang.pick("quorum atteint", "quorum reached").to_string(),
                t.base,
            )
        } else {
            let missing = quorum_missing(&q, &app.data.department.members, lang);
            (
                format!(
                    "{} ({missing})",
                    lang.pick("quorum non atteint", "quorum not reached")
                ),
                t.warning,
            )
        }
    });
    let mut lines = vec![Line::from(first)];
    match quorum {
        Some((text, style)) if label.width() + text.width() + 3 + counts.width() > width => {
            // The quorum wrapped under its label, the counts on the line after it.
            let indent = " ".repeat(label.width());
            // (no line begins with the « ; » of French spacing)
            let text = text.replace(" ;", "\u{a0};");
            let wrapped = super::wrap(&format!("{label}{text}"), width, &indent);
            for (n, part) in wrapped.into_iter().enumerate() {
                lines.push(if n == 0 {
                    let rest = part.get(label.len()..).unwrap_or("").to_string();
                    Line::from(vec![
                        Span::styled(label.clone(), t.header),
                        Span::styled(rest, style),
                    ])
                } else {
                    Line::from(Span::styled(part, style))
                });
            }
            lines.push(Line::from(Span::styled(
                format!("{indent}{counts}"),
                t.base,
            )));
        }
        Some((text, style)) => lines.push(Line::from(vec![
            Span::styled(label, t.header),
            Span::styled(format!("{text} · "), style),
            Span::styled(counts, t.base),
        ])),
        None => lines.push(Line::from(vec![
            Span::styled(label, t.header),
            Span::styled(counts, t.base),
        ])),
    }
    lines
}

/// The title of an item as the agenda shows it.
fn item_title(app: &App, item: &Item) -> String {
    match item.kind {
        ItemKind::Case => {
            let id = item.case.as_deref().unwrap_or("");
            let label = app.data.case(id).map(|c| shown(&c.label));
            match label {
                Some(label) => format!("{label} ({})", shown(id)),
                None => shown(id),
            }
        }
        _ => shown(item.title.as_deref().unwrap_or("")),
    }
}

fn render_agenda(app: &App, st: &SeanceState, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = pane(app, S::Agenda.get(lang), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(meeting) = st.meeting_in(&app.data.meetings) else {
        return;
    };
    if meeting.items.is_empty() {
        frame.render_widget(
            Paragraph::new(S::EmptyAgenda.get(lang)).style(app.theme.muted),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    // The roll call, before the first item: its own line and its own time.
    let held = meeting.status == crate::domain::MeetingStatus::Held;
    let roll_call = st.live.in_roll_call() && held;
    if roll_call || meeting.roll_call_seconds.is_some() {
        let (mark, style) = if roll_call {
            ("▶", app.theme.selected)
        } else {
            ("✓", app.theme.muted)
        };
        let time = format!("{}", meeting.roll_call_seconds.unwrap_or(0) / 60);
        let title = fit(
            S::RollCall.get(lang),
            width.saturating_sub(time.chars().count() + 4),
        );
        let pad = width.saturating_sub(
            unicode_width::UnicodeWidthStr::width(title.as_str()) + time.chars().count() + 3,
        );
        lines.push(Line::from(Span::styled(
            format!("{mark} {title}{} {time}", " ".repeat(pad)),
            style,
        )));
    }
    let height = (inner.height as usize).saturating_sub(lines.len());
    let first = super::scroll_offset(st.live.current(), height.max(1));
    let list = Rect {
        y: inner
            .y
            .saturating_add(u16::try_from(lines.len()).unwrap_or(0)),
        height: u16::try_from(height).unwrap_or(0),
        ..inner
    };
    crate::tui::hit::rows(
        list,
        crate::tui::hit::List::SeanceItems,
        first,
        meeting.items.len(),
    );
    let items: Vec<Line> = meeting
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, item)| {
            let (mark, mut style) = match st.live.progress(meeting, i) {
                Progress::Done => ("✓", app.theme.muted),
                Progress::Visited => ("○", app.theme.muted),
                Progress::Current => ("▶", app.theme.selected),
                Progress::ToCome => ("·", app.theme.base),
            };
            if st.chosen == Some(i) {
                // Chosen to be moved or postponed.
                style = style.add_modifier(ratatui::style::Modifier::REVERSED);
            }
            let timer = item_timer(item);
            let time = match timer.timebox_seconds {
                Some(limit) => format!("{}/{}", timer.spent_seconds / 60, limit / 60),
                None => format!("{}", timer.spent_seconds / 60),
            };
            let title_width = width.saturating_sub(time.chars().count() + 4);
            let title = fit(&item_title(app, item), title_width);
            let pad = width.saturating_sub(
                unicode_width::UnicodeWidthStr::width(title.as_str()) + time.chars().count() + 3,
            );
            let time_style = if timer.is_over() {
                app.theme.error
            } else {
                style
            };
            Line::from(vec![
                Span::styled(format!("{mark} {title}{} ", " ".repeat(pad)), style),
                Span::styled(time, time_style),
            ])
        })
        .collect();
    lines.extend(items);
    // The items postponed during the séance, muted, under the agenda.
    let room = (inner.height as usize).saturating_sub(lines.len());
    for p in meeting.postponed.iter().take(room) {
        let day = (app.data.meetings.iter().find(|m| m.id == p.to))
            .map_or_else(|| shown(&p.to), |m| m.date.format("%d/%m").to_string());
        let when = format!(" {} {day}", lang.pick("reporté au", "postponed to"));
        let title = fit(
            &item_title(app, &p.item),
            width.saturating_sub(when.width() + 2),
        );
        lines.push(Line::styled(format!("↷ {title}{when}"), app.theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first line of a text, with `…` when more follows.
pub(super) fn first_line(text: Option<&str>) -> String {
    match text {
        None => "—".into(),
        Some(t) => {
            let mut lines = t.lines();
            let first = shown(lines.next().unwrap_or(""));
            if lines.next().is_some() {
                format!("{first} …")
            } else {
                first
            }
        }
    }
}

/// A member as a row shows them: name (organisation).
pub(super) fn member_name(app: &App, id: &str) -> String {
    app.data
        .department
        .member(id)
        .map(|m| format!("{} ({})", shown(&m.name), shown(&m.organisation)))
        .unwrap_or_else(|| shown(id))
}

fn render_item(
    app: &App,
    st: &SeanceState,
    earlier: &[EarlierAction],
    frame: &mut Frame,
    area: Rect,
    with_context: bool,
) {
    let lang = app.lang;
    let Some(meeting) = st.meeting_in(&app.data.meetings) else {
        return;
    };
    let index = st.live.current();
    let item = meeting.items.get(index);
    let title = match item {
        Some(item) => format!(
            "{} {}/{} · {}",
            S::Current.get(lang),
            index + 1,
            meeting.items.len(),
            item_title(app, item)
        ),
        None => S::Current.get(lang).to_string(),
    };
    let block = pane(
        app,
        &fit(&title, area.width.saturating_sub(4) as usize),
        true,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if st.live.in_roll_call() && meeting.status == crate::domain::MeetingStatus::Held {
        let text = lang.pick(
            "Appel des présents : « {attendance} » pour les présences, « {next_item} » pour passer au premier point (son temps est compté à part).",
            "Roll call: “{attendance}” for the attendance, “{next_item}” to go to the first item (its time is counted apart).",
        );
        let text = app.keymap.fill(Context::Seance, text, lang);
        lines.extend(
            super::wrap(&text, width, "")
                .into_iter()
                .map(|l| Line::styled(l, app.theme.warning)),
        );
    }
    if let Some(item) = item {
        let timer = item_timer(item);
        let mut spans = vec![Span::styled(
            format!("{} {}", S::Spent.get(lang), duration(timer.spent_seconds)),
            app.theme.base,
        )];
        if let Some(limit) = timer.timebox_seconds {
            spans.push(Span::styled(
                format!(" / {} {}", S::Timebox.get(lang), duration(limit)),
                app.theme.muted,
            ));
        }
        if timer.is_over() {
            spans.push(Span::styled(
                format!(
                    " · {} {}",
                    S::Overrun.get(lang),
                    duration(timer.overrun_seconds())
                ),
                app.theme.error,
            ));
        }
        lines.push(Line::from(spans));
        if with_context && item.kind == ItemKind::Case {
            lines.extend(super::seance_card::card_lines(
                app, meeting, item, width, true,
            ));
        }
        lines.push(Line::raw(""));
    }
    let focused = st.focused(meeting, earlier.len());
    let mut focus_line = 0usize;
    // (the line of each field drawn, its index among the fields), for the mouse.
    let mut field_lines: Vec<(usize, usize)> = Vec::new();
    for (n, field) in st.fields(meeting, earlier.len()).into_iter().enumerate() {
        let is = Some(field) == focused;
        if is {
            focus_line = lines.len();
        }
        let line = match field {
            Field::Decision => {
                let word = decision_word(item.and_then(|i| i.decision), lang);
                let value = match item.and_then(|i| i.number.as_deref()) {
                    Some(number) => format!("{word} (n° {})", shown(number)),
                    None => word.to_string(),
                };
                field_line(app, is, S::Decision.get(lang), value, width)
            }
            Field::Approval => field_line(
                app,
                is,
                S::Approval.get(lang),
                item.and_then(|i| i.approval).map_or_else(
                    || {
                        crate::tui::followup_words::W::NoApproval
                            .get(lang)
                            .to_string()
                    },
                    |a| crate::i18n::export::approval(lang, a).to_string(),
                ),
                width,
            ),
            Field::DecisionText => field_line(
                app,
                is,
                S::DecisionText.get(lang),
                first_line(item.and_then(|i| i.decision_text.as_deref())),
                width,
            ),
            Field::NextReview => field_line(
                app,
                is,
                S::NextReview.get(lang),
                item.and_then(|i| i.next_review)
                    .map_or("—".into(), |d| strings::date(d, lang)),
                width,
            ),
            Field::ClosureReason => field_line(
                app,
                is,
                S::ClosureReason.get(lang),
                reason_word(item.and_then(|i| i.closure_reason), lang),
                width,
            ),
            Field::Notes => field_line(
                app,
                is,
                S::Notes.get(lang),
                first_line(item.and_then(|i| i.notes.as_deref())),
                width,
            ),
            Field::Action(a) => {
                let Some(action) = item.and_then(|i| i.actions.get(a)) else {
                    continue;
                };
                field_line(
                    app,
                    is,
                    &format!("{} {}", S::Actions.get(lang), a + 1),
                    format!(
                        "{} — {}{}",
                        shown(&action.text),
                        member_name(app, &action.owner),
                        action
                            .due
                            .map(|d| format!(" · {}", strings::date(d, lang)))
                            .unwrap_or_default()
                    ),
                    width,
                )
            }
            Field::NewAction => field_line(app, is, S::NewAction.get(lang), String::new(), width),
            Field::Earlier(row) => {
                let Some(e) = earlier.get(row) else {
                    continue;
                };
                if row == 0 {
                    lines.push(Line::styled(
                        fit(S::EarlierActions.get(lang), width),
                        app.theme.header,
                    ));
                    if is {
                        focus_line = lines.len();
                    }
                }
                let mark = if e.done_on.is_some() { "[x]" } else { "[ ]" };
                field_line(
                    app,
                    is,
                    mark,
                    format!(
                        "{} — {} ({}){}",
                        shown(&e.text),
                        member_name(app, &e.owner),
                        strings::date(e.meeting_date, lang),
                        e.due
                            .map(|d| format!(" · {} {}", S::Due.get(lang), strings::date(d, lang)))
                            .unwrap_or_default()
                    ),
                    width,
                )
            }
            Field::Difficulties => {
                lines.push(Line::styled(
                    fit(&format!("— {} —", S::Meeting.get(lang)), width),
                    app.theme.muted,
                ));
                if is {
                    focus_line = lines.len();
                }
                field_line(
                    app,
                    is,
                    S::Difficulties.get(lang),
                    first_line(meeting.difficulties.as_deref()),
                    width,
                )
            }
            Field::NextMeeting => field_line(
                app,
                is,
                S::NextMeeting.get(lang),
                meeting
                    .next_meeting
                    .map_or("—".into(), |d| strings::date(d, lang)),
                width,
            ),
        };
        field_lines.push((lines.len(), n));
        lines.push(line);
    }
    if item.is_some_and(|i| i.kind == ItemKind::Actions) && earlier.is_empty() {
        let at = 2.min(lines.len());
        lines.insert(
            at,
            Line::styled(S::NoEarlierAction.get(lang), app.theme.muted),
        );
        for (line, _) in &mut field_lines {
            if *line >= at {
                *line += 1;
            }
        }
    }
    let height = inner.height as usize;
    let first = focus_line.saturating_sub(height.saturating_sub(1));
    let count = st.fields(meeting, earlier.len()).len();
    for (line, n) in field_lines {
        if let Some(y) = line.checked_sub(first).filter(|y| *y < height) {
            let y = inner.y.saturating_add(u16::try_from(y).unwrap_or(u16::MAX));
            let area = Rect::new(inner.x, y, inner.width, 1);
            crate::tui::hit::row(area, crate::tui::hit::List::SeanceFields, n, count);
        }
    }
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(first).collect::<Vec<_>>()),
        inner,
    );
}

fn render_context(app: &App, meeting: &Meeting, st: &SeanceState, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let item = st.live.current_item(meeting);
    let title = match item.and_then(|i| i.case.as_deref()) {
        Some(id) => shown(id),
        None => S::Meeting.get(lang).to_string(),
    };
    let block = pane(app, &title, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let lines = match item {
        Some(item) if item.kind == ItemKind::Case => {
            super::seance_card::card_lines(app, meeting, item, width, false)
        }
        _ => Vec::new(),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
