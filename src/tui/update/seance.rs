//! The séance: opening (lock, start), navigation, the form, attendance, closing, and the
//! answers of the runtime (lock taken, file changed on disk, time elapsed).

use super::*;
use crate::domain::dates::parse_date;
use crate::domain::live::{ActionInput, Change, LiveError, NewGuest, undecided_cases};
use crate::domain::{AttendanceStatus, ClosureReason, Decision};
use crate::tui::runtime::LockOutcome;
use crate::tui::seance::*;
use ratatui_textarea::{Input as TaInput, Key as TaKey, TextArea};

/// Opens (or shows again) the séance of meeting `id`. The lock is asked of the runtime;
/// its answer comes back through [`seance_locked`].
pub fn open_seance(app: &mut App, id: &str) -> Vec<Effect> {
    if app.seance.as_ref().is_some_and(|s| s.meeting().id == id) {
        app.screen = Screen::Seance;
        return Vec::new();
    }
    let mut effects = leave_seance(app);
    let Some(meeting) = app.data.meetings.iter().find(|m| m.id == id).cloned() else {
        app.screen = Screen::Seance;
        return effects;
    };
    let days = app
        .data
        .department
        .body(&meeting.body)
        .map_or(crate::domain::department::DEFAULT_REVIEW_EVERY_DAYS, |b| {
            b.review_interval_days()
        });
    let closed = meeting.status == MeetingStatus::Closed;
    let mut state = SeanceState::new(meeting, days);
    if closed {
        state.lock = LockView::None;
    } else {
        effects.push(Effect::LockMeeting(id.to_string()));
    }
    app.seance = Some(Box::new(state));
    app.agenda.meeting = Some(id.to_string());
    app.screen = Screen::Seance;
    if closed {
        app.info(S::Closed.get(app.lang));
    }
    effects
}

/// The runtime's answer to [`Effect::LockMeeting`] / [`Effect::TakeOverLock`].
pub fn seance_locked(app: &mut App, outcome: Result<LockOutcome, String>) {
    let lang = app.lang;
    let tz = app.data.department.time_zone();
    let today = app.today;
    let Some(st) = app.seance.as_mut() else {
        return;
    };
    match outcome {
        Ok(LockOutcome::Acquired) => {
            st.lock = LockView::Ours;
            st.live.set_read_only(false);
            if !st.meeting().status.is_held() {
                st.ask = Some(Ask::Start);
            }
        }
        Ok(LockOutcome::HeldBy(info)) => {
            let since = info.since.with_timezone(&tz).naive_local();
            let text = crate::i18n::live::lock_held(lang, &info.user, &info.host, since, today);
            st.live.set_read_only(true);
            st.lock = LockView::HeldBy(text.clone());
            app.error(text);
        }
        Ok(LockOutcome::Stale(info)) => {
            st.live.set_read_only(true);
            st.ask = Some(Ask::TakeOver(info));
        }
        Err(e) => {
            // The lock could not even be asked for: editing stays possible, said once.
            st.lock = LockView::None;
            if !st.meeting().status.is_held() {
                st.ask = Some(Ask::Start);
            }
            app.error(strings::save_failed(&e, lang));
        }
    }
}

/// The sentence asking to take over a stale lock.
pub fn take_over_question(app: &App, info: &crate::store::lock::LockInfo) -> String {
    let tz = app.data.department.time_zone();
    let since = info.since.with_timezone(&tz).naive_local();
    crate::i18n::live::lock_stale(app.lang, &info.user, &info.host, since, app.today)
}

/// Leaves the séance: what was typed is written, the lock released.
pub fn leave_seance(app: &mut App) -> Vec<Effect> {
    let Some(mut st) = app.seance.take() else {
        return Vec::new();
    };
    st.live.seal();
    let mut effects = Vec::new();
    if (st.typed || st.timed) && st.live.is_editable() {
        effects.push(Effect::SaveMeeting(st.meeting().clone()));
    }
    sync_meeting(app, st.meeting().clone());
    app.refresh();
    if st.lock == LockView::Ours {
        effects.push(Effect::ReleaseMeeting(st.meeting().id.clone()));
    }
    effects
}

/// Writes what is pending (typed text, time counted): the runtime calls it when typing
/// pauses, and every few seconds for the timers.
pub fn seance_flush(app: &mut App) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    if !(st.typed || st.timed) {
        return Vec::new();
    }
    st.typed = false;
    st.timed = false;
    let meeting = st.meeting().clone();
    sync_meeting(app, meeting.clone());
    vec![Effect::SaveMeeting(meeting)]
}

/// Counts elapsed seconds on the current item (the runtime calls it once a second while
/// the séance of a held meeting is shown). `true` when time was counted.
pub fn seance_tick(app: &mut App, seconds: u64) -> bool {
    if app.screen != Screen::Seance {
        return false;
    }
    let Some(st) = app.seance.as_mut() else {
        return false;
    };
    if !st.ticking() {
        return false;
    }
    if st.live.tick(seconds).is_changed() {
        st.timed = true;
        true
    } else {
        false
    }
}

/// The runtime read a meeting again from disk (the user chose their version).
pub fn meeting_reloaded(app: &mut App, meeting: Meeting) {
    if let Some(st) = app.seance.as_mut()
        && st.meeting().id == meeting.id
    {
        st.live.reload(meeting.clone());
        st.typed = false;
        st.editing = None;
    }
    sync_meeting(app, meeting);
    app.refresh();
    app.info(S::Reloaded.get(app.lang));
}

/// A save was refused because the file changed on disk: ask what to do.
pub fn save_conflict(app: &mut App, id: &str) {
    if let Some(st) = app.seance.as_mut() {
        st.editing = None;
        st.ask = Some(Ask::Conflict { id: id.to_string() });
    } else {
        let text = S::ChangedElsewhere.get(app.lang);
        app.error(text);
    }
}

/// Puts the meeting into the loaded data (for the other screens and the exports).
fn sync_meeting(app: &mut App, meeting: Meeting) {
    match app.data.meetings.iter_mut().find(|m| m.id == meeting.id) {
        Some(slot) => *slot = meeting,
        None => app.data.meetings.push(meeting),
    }
}

/// The earlier actions reviewed in the séance's meeting.
pub fn seance_earlier(app: &App) -> Vec<EarlierAction> {
    match &app.seance {
        Some(st) => earlier_actions(&app.data.meetings, st.meeting()),
        None => Vec::new(),
    }
}

/// What an edit returned: the files to write, or the reason shown.
fn applied(app: &mut App, result: Result<Change, LiveError>) -> Vec<Effect> {
    let lang = app.lang;
    match result {
        Ok(Change::This) => {
            let Some(st) = app.seance.as_mut() else {
                return Vec::new();
            };
            st.typed = false;
            st.timed = false;
            let meeting = st.meeting().clone();
            sync_meeting(app, meeting.clone());
            app.refresh();
            vec![Effect::SaveMeeting(meeting)]
        }
        Ok(Change::Other(id)) => {
            app.refresh();
            match app.data.meetings.iter().find(|m| m.id == id) {
                Some(m) => vec![Effect::SaveMeeting(m.clone())],
                None => Vec::new(),
            }
        }
        Ok(Change::Unchanged) => Vec::new(),
        Err(e) => {
            app.error(e.text(lang));
            Vec::new()
        }
    }
}

/// Keys the séance takes before the key map: questions, the attendance panel, a field
/// being edited. `None`: the key map decides.
pub(super) fn seance_key(app: &mut App, key: Key) -> Option<Vec<Effect>> {
    let st = app.seance.as_ref()?;
    if st.ask.is_some() {
        return Some(ask_key(app, key));
    }
    if st.attendance.is_some() {
        return Some(attendance_key(app, key));
    }
    if st.editing.is_some() {
        return Some(editing_key(app, key));
    }
    None
}

fn is_yes(key: Key) -> bool {
    matches!(key.code, KeyCode::Char('y' | 'o' | 'Y' | 'O'))
}

fn is_no(key: Key) -> bool {
    matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc)
}

fn ask_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(ask) = st.ask.clone() else {
        return Vec::new();
    };
    let id = st.meeting().id.clone();
    match ask {
        Ask::Start if is_yes(key) => {
            st.ask = None;
            let r = st.live.start();
            applied(app, r)
        }
        Ask::Start if is_no(key) => {
            st.ask = None;
            let effects = leave_seance(app);
            app.screen = Screen::Meetings;
            effects
        }
        Ask::TakeOver(info) if is_yes(key) => {
            st.ask = None;
            vec![Effect::TakeOverLock(id, info)]
        }
        Ask::TakeOver(_) if is_no(key) => {
            st.ask = None;
            st.lock = LockView::None;
            let text = LiveError::ReadOnly.text(app.lang);
            app.info(text);
            Vec::new()
        }
        Ask::Close { .. } if is_yes(key) => {
            st.ask = None;
            st.live.seal();
            let r = st.live.close();
            let effects = applied(app, r);
            if app.message.as_ref().is_none_or(|m| !m.is_error) {
                open_export_menu(app, &id);
            }
            effects
        }
        Ask::Close { .. } if is_no(key) => {
            st.ask = None;
            Vec::new()
        }
        Ask::Conflict { id } => match key.code {
            KeyCode::Char('r' | 'R') => {
                st.ask = None;
                vec![Effect::ReloadMeeting(id)]
            }
            KeyCode::Char('k' | 'K') => {
                st.ask = None;
                let meeting = if st.meeting().id == id {
                    st.typed = false;
                    st.timed = false;
                    Some(st.meeting().clone())
                } else {
                    app.data.meetings.iter().find(|m| m.id == id).cloned()
                };
                meeting
                    .map(|m| vec![Effect::OverwriteMeeting(m)])
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The actions of the séance screen, from the key map.
pub(super) fn seance(app: &mut App, action: Action) -> Vec<Effect> {
    let earlier = seance_earlier(app).len();
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let count = st.fields(earlier).len();
    match action {
        Action::NextItem | Action::PrevItem => {
            let moved = if action == Action::NextItem {
                st.live.next_item()
            } else {
                st.live.previous_item()
            };
            if moved {
                st.field = 0;
            }
            seance_flush(app)
        }
        Action::Up
        | Action::Down
        | Action::First
        | Action::Last
        | Action::PageUp
        | Action::PageDown => {
            st.field = moved(st.field, count, action, app.page);
            Vec::new()
        }
        Action::Open => start_editing(app),
        Action::Attendance => {
            st.attendance = Some(AttendancePanel::default());
            Vec::new()
        }
        Action::AddAction => {
            let fields = st.fields(earlier);
            match fields.iter().position(|f| *f == Field::NewAction) {
                Some(i) => {
                    st.field = i;
                    start_editing(app)
                }
                None => {
                    let text = LiveError::NoActionsHere.text(app.lang);
                    app.error(text);
                    Vec::new()
                }
            }
        }
        Action::Delete => {
            if let Some(Field::Action(a)) = st.focused(earlier) {
                let item = st.live.current();
                let r = st.live.delete_action(item, a);
                applied(app, r)
            } else {
                Vec::new()
            }
        }
        Action::CloseMeeting => {
            if let Err(e) = editable(st) {
                app.error(e.text(app.lang));
                return Vec::new();
            }
            if st.meeting().status != MeetingStatus::Held {
                app.error(LiveError::NotHeld.text(app.lang));
                return Vec::new();
            }
            let undecided = undecided_cases(st.meeting()).len();
            st.ask = Some(Ask::Close { undecided });
            Vec::new()
        }
        Action::Export => {
            let id = st.meeting().id.clone();
            // The exports read the loaded data: it gets the séance's meeting first.
            let effects = seance_flush(app);
            if let Some(st) = app.seance.as_ref() {
                let meeting = st.meeting().clone();
                sync_meeting(app, meeting);
            }
            open_export_menu(app, &id);
            effects
        }
        _ => Vec::new(),
    }
}

fn editable(st: &SeanceState) -> Result<(), LiveError> {
    if st.live.is_closed() {
        Err(LiveError::Closed)
    } else if st.live.is_read_only() {
        Err(LiveError::ReadOnly)
    } else {
        Ok(())
    }
}

fn text_area(text: Option<&str>) -> Box<TextArea<'static>> {
    let lines: Vec<String> = text.unwrap_or("").split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(area)
}

/// `Enter` on the field in focus.
fn start_editing(app: &mut App) -> Vec<Effect> {
    let earlier = seance_earlier(app);
    let lang = app.lang;
    let members: Vec<String> = app
        .data
        .department
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let next_meeting_default = |m: &Meeting, app: &App| {
        let every = app
            .data
            .department
            .body(&m.body)
            .map_or(28, |b| b.every_days);
        m.date.checked_add_days(chrono::Days::new(u64::from(every)))
    };
    let default_next = app
        .seance
        .as_ref()
        .and_then(|st| next_meeting_default(st.meeting(), app));
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(field) = st.focused(earlier.len()) else {
        return Vec::new();
    };
    if let Err(e) = editable(st) {
        app.error(e.text(lang));
        return Vec::new();
    }
    let index = st.live.current();
    let meeting = st.meeting();
    let item = meeting.items.get(index);
    let editing = match field {
        Field::Decision => {
            let current = item.and_then(|i| i.decision);
            let selected = Editing::decision_choices()
                .iter()
                .position(|c| *c == current)
                .unwrap_or(0);
            Editing::DecisionKind { selected }
        }
        Field::DecisionText => Editing::Text {
            field,
            area: text_area(item.and_then(|i| i.decision_text.as_deref())),
        },
        Field::NextReview => {
            let day = item
                .and_then(|i| i.next_review)
                .or_else(|| st.live.default_next_review());
            Editing::Date {
                field,
                input: LineInput::new(&day.map(|d| strings::date(d, lang)).unwrap_or_default()),
                error: None,
            }
        }
        Field::ClosureReason => {
            let selected = item
                .and_then(|i| i.closure_reason)
                .and_then(|r| ClosureReason::ALL.iter().position(|x| *x == r))
                .unwrap_or(0);
            Editing::ClosureReason {
                selected,
                decide: false,
            }
        }
        Field::Notes => Editing::Text {
            field,
            area: text_area(item.and_then(|i| i.notes.as_deref())),
        },
        Field::Action(a) => {
            let Some(action) = item.and_then(|i| i.actions.get(a)) else {
                return Vec::new();
            };
            Editing::Action(ActionForm {
                action: Some(a),
                field: 0,
                text: LineInput::new(&action.text),
                owner: members.iter().position(|m| *m == action.owner).unwrap_or(0),
                due: LineInput::new(
                    &action
                        .due
                        .map(|d| strings::date(d, lang))
                        .unwrap_or_default(),
                ),
                error: None,
            })
        }
        Field::NewAction => Editing::Action(ActionForm {
            action: None,
            field: 0,
            text: LineInput::default(),
            owner: members
                .iter()
                .position(|m| *m == meeting.chair)
                .unwrap_or(0),
            due: LineInput::default(),
            error: None,
        }),
        Field::Earlier(row) => {
            let Some(e) = earlier.get(row) else {
                return Vec::new();
            };
            let done_on = if e.done_on.is_none() {
                Some(meeting.date)
            } else {
                None
            };
            let r = st.live.set_earlier_action_done(
                &mut app.data.meetings,
                &e.meeting,
                e.item,
                e.action,
                done_on,
            );
            return applied(app, r);
        }
        Field::Difficulties => Editing::Text {
            field,
            area: text_area(meeting.difficulties.as_deref()),
        },
        Field::NextMeeting => {
            let day = meeting.next_meeting.or(default_next);
            Editing::Date {
                field,
                input: LineInput::new(&day.map(|d| strings::date(d, lang)).unwrap_or_default()),
                error: None,
            }
        }
    };
    st.editing = Some(editing);
    Vec::new()
}

/// A key of ours as the text area reads it (`None`: not for the text).
fn ta_input(key: Key) -> Option<TaInput> {
    let k = match key.code {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        _ => return None,
    };
    if let TaKey::Char(c) = k
        && !key.ctrl
        && !key.alt
        && crate::text::is_hazard(c)
    {
        return None;
    }
    Some(TaInput {
        key: k,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}

fn editing_key(app: &mut App, key: Key) -> Vec<Effect> {
    let lang = app.lang;
    let members: Vec<String> = app
        .data
        .department
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(mut editing) = st.editing.take() else {
        return Vec::new();
    };
    let index = st.live.current();
    let meeting_date = st.meeting().date;
    let mut effects = Vec::new();
    let mut keep = true;
    match &mut editing {
        Editing::Text { field, area } => {
            if key.code == KeyCode::Esc {
                keep = false;
                st.live.seal();
                effects = seance_flush(app);
            } else if let Some(input) = ta_input(key)
                && area.input(input)
            {
                let text = area.lines().join("\n");
                let r = match field {
                    Field::DecisionText => st.live.set_decision_text(index, &text),
                    Field::Notes => st.live.set_notes(index, &text),
                    _ => st.live.set_difficulties(&text),
                };
                match r {
                    Ok(Change::Unchanged) => {}
                    Ok(_) => st.typed = true,
                    Err(e) => {
                        keep = false;
                        app.error(e.text(lang));
                    }
                }
            }
        }
        Editing::Date {
            field,
            input,
            error,
        } => match key.code {
            KeyCode::Esc => keep = false,
            KeyCode::Enter => match parse_date(input.text(), meeting_date) {
                Ok(day) => {
                    let r = if *field == Field::NextMeeting {
                        st.live.set_next_meeting(day)
                    } else {
                        st.live.set_next_review(index, day)
                    };
                    match r {
                        Ok(change) => {
                            keep = false;
                            effects = applied(app, Ok(change));
                        }
                        Err(e) => *error = Some(e.text(lang)),
                    }
                }
                Err(_) => *error = Some(bad_date(input.text(), lang)),
            },
            _ => {
                if edit_line(input, key) {
                    *error = None;
                }
            }
        },
        Editing::DecisionKind { selected } => {
            let choices = Editing::decision_choices();
            match key.code {
                KeyCode::Esc => keep = false,
                KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(choices.len() - 1)
                }
                KeyCode::Enter => match choices.get(*selected).copied().flatten() {
                    Some(Decision::Close) => {
                        let selected = st
                            .meeting()
                            .items
                            .get(index)
                            .and_then(|i| i.closure_reason)
                            .and_then(|r| ClosureReason::ALL.iter().position(|x| *x == r))
                            .unwrap_or(0);
                        editing = Editing::ClosureReason {
                            selected,
                            decide: true,
                        };
                    }
                    choice => {
                        keep = false;
                        let r = st.live.set_decision(index, choice, None);
                        effects = applied(app, r);
                    }
                },
                _ => {}
            }
        }
        Editing::ClosureReason { selected, decide } => match key.code {
            KeyCode::Esc => keep = false,
            KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                *selected = (*selected + 1).min(ClosureReason::ALL.len() - 1)
            }
            KeyCode::Enter => {
                keep = false;
                let reason = ClosureReason::ALL.get(*selected).copied();
                let r = match reason {
                    Some(reason) if *decide => {
                        st.live
                            .set_decision(index, Some(Decision::Close), Some(reason))
                    }
                    Some(reason) => st.live.set_closure_reason(index, reason),
                    None => Ok(Change::Unchanged),
                };
                effects = applied(app, r);
            }
            _ => {}
        },
        Editing::Action(form) => match key.code {
            KeyCode::Esc => keep = false,
            KeyCode::Tab | KeyCode::Down => form.field = (form.field + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => form.field = (form.field + 2) % 3,
            KeyCode::Left if form.field == 1 => {
                form.owner = (form.owner + members.len().max(1) - 1) % members.len().max(1)
            }
            KeyCode::Right | KeyCode::Char(' ') if form.field == 1 => {
                form.owner = (form.owner + 1) % members.len().max(1)
            }
            KeyCode::Enter => match parse_date(form.due.text(), meeting_date) {
                Err(_) => form.error = Some(bad_date(form.due.text(), lang)),
                Ok(due) => {
                    let owner = members.get(form.owner).cloned().unwrap_or_default();
                    let input = ActionInput {
                        text: form.text.text(),
                        owner: &owner,
                        due,
                    };
                    let r = match form.action {
                        Some(a) => st.live.edit_action(index, a, input),
                        None => st.live.add_action(index, input),
                    };
                    match r {
                        Ok(change) => {
                            keep = false;
                            effects = applied(app, Ok(change));
                        }
                        Err(e) => form.error = Some(e.text(lang)),
                    }
                }
            },
            _ => {
                let input = match form.field {
                    0 => Some(&mut form.text),
                    2 => Some(&mut form.due),
                    _ => None,
                };
                if input.is_some_and(|input| edit_line(input, key)) {
                    form.error = None;
                }
            }
        },
    }
    if keep && let Some(st) = app.seance.as_mut() {
        st.editing = Some(editing);
    }
    effects
}

fn attendance_key(app: &mut App, key: Key) -> Vec<Effect> {
    let lang = app.lang;
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(mut panel) = st.attendance.take() else {
        return Vec::new();
    };
    let invitees = st.meeting().attendance.len();
    let rows = invitees + st.meeting().guests.len();
    let mut effects = Vec::new();
    let mut keep = true;
    let set = |st: &mut SeanceState, row: usize, status: AttendanceStatus, by: Option<&str>| {
        if row < invitees {
            let member = st
                .meeting()
                .attendance
                .get(row)
                .map(|a| a.member.clone())
                .unwrap_or_default();
            st.live.set_attendance(&member, status, by)
        } else {
            st.live.set_guest_status(row - invitees, status, by)
        }
    };
    if let Some(form) = panel.guest.as_mut() {
        match key.code {
            KeyCode::Esc => panel.guest = None,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Down | KeyCode::Up => {
                form.field = 1 - form.field.min(1)
            }
            KeyCode::Enter => {
                let r = st.live.add_guest(NewGuest {
                    name: form.name.text(),
                    title: None,
                    organisation: form.organisation.text(),
                    status: AttendanceStatus::Present,
                    by: None,
                });
                match r {
                    Ok(change) => {
                        panel.guest = None;
                        panel.selected = rows;
                        effects = applied(app, Ok(change));
                    }
                    Err(e) => form.error = Some(e.text(lang)),
                }
            }
            _ => {
                let input = if form.field == 0 {
                    &mut form.name
                } else {
                    &mut form.organisation
                };
                if edit_line(input, key) {
                    form.error = None;
                }
            }
        }
    } else if let Some(by) = panel.by.as_mut() {
        match key.code {
            KeyCode::Esc => panel.by = None,
            KeyCode::Enter => {
                let text = by.text().to_string();
                match set(
                    st,
                    panel.selected,
                    AttendanceStatus::Represented,
                    Some(&text),
                ) {
                    Ok(change) => {
                        panel.by = None;
                        panel.error = None;
                        effects = applied(app, Ok(change));
                    }
                    Err(e) => panel.error = Some(e.text(lang)),
                }
            }
            _ => {
                edit_line(by, key);
            }
        }
    } else {
        let status = match key.code {
            KeyCode::Char('p') => Some(AttendanceStatus::Present),
            KeyCode::Char('e') => Some(AttendanceStatus::Excused),
            KeyCode::Char('a') => Some(AttendanceStatus::Absent),
            KeyCode::Char('i') => Some(AttendanceStatus::Invited),
            _ => None,
        };
        match key.code {
            _ if status.is_some() && panel.selected < rows => {
                if let Some(status) = status {
                    let r = set(st, panel.selected, status, None);
                    panel.error = None;
                    effects = applied(app, r);
                    panel.selected = (panel.selected + 1).min(rows.saturating_sub(1));
                }
            }
            KeyCode::Char('r') if panel.selected < rows => {
                let current = if panel.selected < invitees {
                    st.meeting()
                        .attendance
                        .get(panel.selected)
                        .and_then(|a| a.by.clone())
                } else {
                    st.meeting()
                        .guests
                        .get(panel.selected - invitees)
                        .and_then(|g| g.by.clone())
                };
                panel.by = Some(LineInput::new(current.as_deref().unwrap_or("")));
            }
            KeyCode::Char('+' | 'n') => panel.guest = Some(GuestForm::default()),
            KeyCode::Char('d') if panel.selected >= invitees && panel.selected < rows => {
                // A guest added by mistake (invitees stay: mark them absent or excused).
                let r = st.live.remove_guest(panel.selected - invitees);
                effects = applied(app, r);
                panel.selected = panel.selected.min(rows.saturating_sub(2));
            }
            KeyCode::Up | KeyCode::Char('k') => panel.selected = panel.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                panel.selected = (panel.selected + 1).min(rows.saturating_sub(1))
            }
            KeyCode::Home => panel.selected = 0,
            KeyCode::End => panel.selected = rows.saturating_sub(1),
            KeyCode::Esc | KeyCode::Char('q') => keep = false,
            _ => {}
        }
    }
    if keep && let Some(st) = app.seance.as_mut() {
        st.attendance = Some(panel);
    }
    effects
}

/// `u` and `Ctrl-r` in the séance: the meeting's history (earlier meetings included).
pub(super) fn seance_history(app: &mut App, undo: bool) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    st.editing = None;
    st.live.seal();
    let r = if undo {
        st.live.undo(&mut app.data.meetings)
    } else {
        st.live.redo(&mut app.data.meetings)
    };
    applied(app, r)
}
