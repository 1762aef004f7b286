//! The séance: opening (lock, start), navigation, the form, attendance, closing, and the
//! answers of the runtime (lock taken, file changed on disk, time elapsed).

use super::*;
use crate::domain::live::{Change, LiveError, undecided_cases};
use crate::tui::seance::*;
use crate::workspace::{LockOutcome, WorkError};
use seance_attendance::attendance_key;
use seance_edit::{editing_key, start_editing};

/// Opens (or shows again) the séance of meeting `id`. A draft or convened meeting asks for
/// the lock (its answer comes back through [`seance_locked`], which asks whether to start);
/// a held or closed one is opened to be read: no lock, no timer, nothing changed until the
/// user resumes it ([`Action::ResumeSeance`], with a question).
pub fn open_seance(app: &mut App, id: &str) -> Vec<Effect> {
    if app.seance.as_ref().is_some_and(|s| s.live.id() == id) {
        app.screen = Screen::Seance;
        return Vec::new();
    }
    let mut effects = leave_seance(app);
    let Some(meeting) = app.data.meetings.iter().find(|m| m.id == id) else {
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
    let consult = meeting.status.is_held();
    let mut state = SeanceState::new(meeting, days);
    state.live.set_departement(app.data.code());
    if consult {
        state.lock = LockView::None;
        state.live.set_consulting(true);
    } else {
        effects.push(Effect::LockMeeting(id.to_string()));
    }
    app.seance = Some(Box::new(state));
    app.agenda.meeting = Some(id.to_string());
    app.screen = Screen::Seance;
    if consult {
        let text = app
            .keymap
            .fill(Context::Seance, consult_notice(app.lang), app.lang);
        app.info(text);
    }
    effects
}

/// Said when a held or closed meeting is opened to be read.
fn consult_notice(lang: crate::i18n::Lang) -> &'static str {
    lang.pick(
        "Consultation : rien n'est compté ni modifié. « {resume_seance} » pour reprendre la séance (ou rouvrir une réunion close).",
        "Reading only: nothing is counted or changed. “{resume_seance}” resumes the meeting (or reopens a closed one).",
    )
}

/// `r` in the séance: asks whether to resume the séance of the meeting being read, or to
/// reopen it when it is closed.
fn ask_resume(app: &mut App) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let closed = st
        .meeting_in(&app.data.meetings)
        .is_some_and(|m| st.live.is_closed(m));
    if !st.live.is_consulting() && !closed {
        return Vec::new();
    }
    if st.lock != LockView::None && st.lock != LockView::Ours {
        let text = LiveError::ReadOnly.text(app.lang);
        app.error(text);
        return Vec::new();
    }
    st.answer = 0;
    st.ask = Some(if closed { Ask::Reopen } else { Ask::Resume });
    Vec::new()
}

/// Resumes the séance of the meeting being read (reopens it when closed): the answer
/// « Reprendre » / « Rouvrir » to the question of [`Action::ResumeSeance`]. The lock is
/// asked first; the séance goes on once it is ours.
pub fn resume_seance(app: &mut App) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let closed = st
        .meeting_in(&app.data.meetings)
        .is_some_and(|m| st.live.is_closed(m));
    st.resuming = Some(if closed {
        Resuming::Reopen
    } else {
        Resuming::Resume
    });
    if st.lock == LockView::Ours {
        after_lock(app)
    } else {
        st.lock = LockView::Pending;
        vec![Effect::LockMeeting(st.live.id().to_string())]
    }
}

/// The runtime's answer to [`Effect::LockMeeting`] / [`Effect::TakeOverLock`]; returns the
/// files to write (a reopening done once the lock is ours).
pub fn seance_locked(app: &mut App, outcome: Result<LockOutcome, WorkError>) -> Vec<Effect> {
    let lang = app.lang;
    let tz = app.data.department.time_zone();
    let today = app.today;
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let acquired = match outcome {
        Ok(LockOutcome::Acquired) => {
            st.lock = LockView::Ours;
            st.live.set_read_only(false);
            true
        }
        Ok(LockOutcome::HeldBy(info)) => {
            let since = info.since.with_timezone(&tz).naive_local();
            let text = crate::i18n::live::lock_held(lang, &info.user, &info.host, since, today);
            st.live.set_read_only(true);
            st.resuming = None;
            st.lock = LockView::HeldBy(text.clone());
            app.error(text);
            false
        }
        Ok(LockOutcome::Stale(info)) => {
            st.live.set_read_only(true);
            st.answer = 0;
            st.ask = Some(Ask::TakeOver(info));
            false
        }
        Err(e) => {
            // The lock could not even be asked for: editing stays possible, said once.
            st.lock = LockView::None;
            app.error(strings::save_failed(&e.text(lang), lang));
            true
        }
    };
    if acquired {
        after_lock(app)
    } else {
        Vec::new()
    }
}

/// The lock is ours (or could not be asked for): the séance goes on as chosen.
fn after_lock(app: &mut App) -> Vec<Effect> {
    let today = app.today;
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    match st.resuming.take() {
        Some(Resuming::Reopen) => {
            st.live.set_consulting(false);
            let r = st
                .live
                .apply(&mut app.data.meetings, |l, _| l.reopen(today));
            return applied(app, r);
        }
        Some(Resuming::Resume) => st.live.set_consulting(false),
        None => {}
    }
    if let Some(m) = st.meeting_in(&app.data.meetings)
        && !m.status.is_held()
    {
        let moves = m.date != today;
        st.answer = usize::from(moves);
        st.ask = Some(Ask::Start { moves });
    }
    Vec::new()
}

/// Leaves the séance: what was typed is written, the lock released.
pub fn leave_seance(app: &mut App) -> Vec<Effect> {
    let Some(mut st) = app.seance.take() else {
        return Vec::new();
    };
    st.live.seal();
    let mut effects = Vec::new();
    if let Some(m) = st.meeting_in(&app.data.meetings)
        && (st.typed || st.timed)
        && st.live.is_editable(m)
    {
        effects.push(Effect::SaveMeeting(m.clone()));
    }
    app.refresh();
    if st.lock == LockView::Ours {
        effects.push(Effect::ReleaseMeeting(st.live.id().to_string()));
    }
    effects
}

/// Writes what is pending (typed text, time counted): the runtime calls it when typing
/// pauses, and every few seconds for the timers.
pub fn seance_flush(app: &mut App) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    if let Some(id) = st.conflict.take() {
        // Typing paused after a save was refused: now the question is asked.
        st.typed = false;
        st.timed = false;
        ask_conflict(st, id);
        return Vec::new();
    }
    if !(st.typed || st.timed) {
        return Vec::new();
    }
    st.typed = false;
    st.timed = false;
    st.meeting_in(&app.data.meetings)
        .map(|m| vec![Effect::SaveMeeting(m.clone())])
        .unwrap_or_default()
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
    if !st
        .meeting_in(&app.data.meetings)
        .is_some_and(|m| st.ticking(m))
    {
        return false;
    }
    let counted = st
        .live
        .apply(&mut app.data.meetings, |l, _| Ok(l.tick(seconds)));
    if counted.is_ok_and(|c| c.is_changed()) {
        st.timed = true;
        true
    } else {
        false
    }
}

/// The runtime read a meeting again from disk (the user chose their version).
pub fn meeting_reloaded(app: &mut App, meeting: Meeting) {
    if let Some(st) = app.seance.as_mut()
        && st.live.id() == meeting.id
    {
        st.live.reload(&meeting);
        st.typed = false;
        st.editing = None;
        st.chosen = None;
    }
    match app.data.meetings.iter_mut().find(|m| m.id == meeting.id) {
        Some(slot) => *slot = meeting,
        None => app.data.meetings.push(meeting),
    }
    app.refresh();
    app.info(S::Reloaded.get(app.lang));
}

/// A save was refused because the file changed on disk: ask what to do. While a field is
/// being typed in, the question waits for a pause in typing (the runtime's flush), so that
/// no letter typed in the flow answers it and the keys typed meanwhile go on into the text.
pub fn save_conflict(app: &mut App, id: &str) {
    if let Some(st) = app.seance.as_mut() {
        if st.editing.is_some() {
            st.conflict = Some(id.to_string());
            // Not written: the runtime flushes at the next pause, which asks.
            st.typed = true;
        } else {
            ask_conflict(st, id.to_string());
        }
    } else {
        let text = S::ChangedElsewhere.get(app.lang);
        app.error(text);
    }
}

/// Shows the question of a conflict (the field being edited is left).
fn ask_conflict(st: &mut SeanceState, id: String) {
    st.editing = None;
    st.conflict = None;
    st.answer = 0;
    st.ask = Some(Ask::Conflict { id });
}

/// What an edit returned: the files to write, or the reason shown.
pub(super) fn applied(app: &mut App, result: Result<Change, LiveError>) -> Vec<Effect> {
    let lang = app.lang;
    match result {
        Ok(Change::This) => {
            let Some(st) = app.seance.as_mut() else {
                return Vec::new();
            };
            st.typed = false;
            st.timed = false;
            let save = st.meeting_in(&app.data.meetings).cloned();
            app.refresh();
            save.map(|m| vec![Effect::SaveMeeting(m)])
                .unwrap_or_default()
        }
        Ok(Change::Also(id)) => {
            let mut effects = applied(app, Ok(Change::This));
            effects.extend(applied(app, Ok(Change::Other(id))));
            effects
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

/// Keys the séance takes before the screen's keys: questions, the attendance panel, a field
/// being edited, each with its section of the key map. `None`: the screen's keys decide.
pub(super) fn seance_key(app: &mut App, key: Key, action: Option<Action>) -> Option<Vec<Effect>> {
    let st = app.seance.as_ref()?;
    if st.ask.is_some() {
        return Some(ask_key(app, action));
    }
    if st.attendance.is_some() {
        return Some(attendance_key(app, key, action));
    }
    if st.editing.is_some() {
        return Some(editing_key(app, key, action));
    }
    None
}

/// The séance's questions. A yes/no question (start, close) is asked after a key of the
/// user; a question that can lose work (take over a lock, a conflict) takes no letter:
/// `↑`/`↓` choose the answer, `Entrée` gives it.
fn ask_key(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(ask) = st.ask.clone() else {
        return Vec::new();
    };
    let id = st.live.id().to_string();
    let yes = action == Some(Action::Yes);
    let no = action == Some(Action::No);
    let today = app.today;
    match (ask, action) {
        (
            Ask::Start { .. } | Ask::Resume | Ask::Reopen,
            Some(Action::Up | Action::Down | Action::First | Action::Last),
        ) => {
            st.answer = usize::from(matches!(action, Some(Action::Down | Action::Last)));
            Vec::new()
        }
        (Ask::Start { .. }, Some(Action::Accept)) if st.answer == 0 => {
            st.ask = None;
            let clock = st.clock;
            let r = st
                .live
                .apply(&mut app.data.meetings, |l, _| l.start(today, clock));
            applied(app, r)
        }
        (Ask::Start { .. }, Some(Action::Accept | Action::Cancel)) => {
            st.ask = None;
            let effects = leave_seance(app);
            app.screen = Screen::Meetings;
            effects
        }
        (Ask::Resume | Ask::Reopen, Some(Action::Accept)) if st.answer == 0 => {
            st.ask = None;
            resume_seance(app)
        }
        (Ask::Resume | Ask::Reopen, Some(Action::Accept | Action::Cancel)) => {
            st.ask = None;
            Vec::new()
        }
        (Ask::ChangeDecision { choice }, _) if yes => {
            st.ask = None;
            // The questions that follow from the new decision, as when it is first taken.
            let (next, effects) = seance_followup::choose(app, choice, false);
            if let (Some(next), Some(st)) = (next, app.seance.as_mut()) {
                st.editing = Some(next);
            }
            effects
        }
        (Ask::ChangeDecision { .. }, _) if no => {
            st.ask = None;
            Vec::new()
        }
        (Ask::Close { .. }, _) if yes => {
            st.ask = None;
            st.live.seal();
            let r = st
                .live
                .apply(&mut app.data.meetings, |l, others| l.close(others.iter()));
            let mut effects = applied(app, r);
            if let Some(closed) = app.seance_meeting().cloned()
                && closed.status == MeetingStatus::Closed
            {
                // The later agendas: closed cases taken off, then what was not discussed
                // carried to the next draft.
                effects.extend(seance_followup::after_close(app, &closed));
                let taken_off = app.message.take();
                effects.extend(super::seance_agenda::carry_over(app));
                // Both notices stay in sight: what was taken off, then what was carried over.
                app.message = match (taken_off, app.message.take()) {
                    (Some(a), Some(b)) if !a.is_error && !b.is_error => {
                        Some(crate::tui::app::Message {
                            text: format!("{} {}", a.text, b.text),
                            is_error: false,
                        })
                    }
                    (a, b) => b.or(a),
                };
            }
            if app.message.as_ref().is_none_or(|m| !m.is_error) {
                open_export_menu(app, &id);
            }
            effects
        }
        (Ask::Close { .. }, _) if no => {
            st.ask = None;
            Vec::new()
        }
        (Ask::TakeOver(_) | Ask::Conflict { .. }, Some(Action::Up)) => {
            st.answer = 0;
            Vec::new()
        }
        (Ask::TakeOver(_) | Ask::Conflict { .. }, Some(Action::Down)) => {
            st.answer = 1;
            Vec::new()
        }
        (Ask::TakeOver(info), Some(Action::Accept)) if st.answer == 0 => {
            st.ask = None;
            vec![Effect::TakeOverLock(id, info)]
        }
        (Ask::TakeOver(_), Some(Action::Accept | Action::Cancel)) => {
            st.ask = None;
            st.lock = LockView::None;
            let text = LiveError::ReadOnly.text(app.lang);
            app.info(text);
            Vec::new()
        }
        (Ask::Conflict { id }, Some(Action::Accept)) if st.answer == 0 => {
            st.ask = None;
            vec![Effect::ReloadMeeting(id)]
        }
        (Ask::Conflict { id }, Some(Action::Accept)) => {
            st.ask = None;
            if st.live.id() == id {
                st.typed = false;
                st.timed = false;
            }
            let meeting = app.data.meetings.iter().find(|m| m.id == id).cloned();
            meeting
                .map(|m| vec![Effect::OverwriteMeeting(m)])
                .unwrap_or_default()
        }
        (Ask::Conflict { id }, Some(Action::Cancel)) => {
            // Asked again at the next pause in typing; nothing is written meanwhile.
            st.ask = None;
            st.conflict = Some(id);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Goes to item `index` of the agenda (a click on it).
pub(super) fn go_to_item(app: &mut App, index: usize) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(m) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    if st.live.go_to(m, index) {
        st.field = 0;
        st.chosen = None;
    }
    seance_flush(app)
}

/// The actions of the séance screen, from the key map.
pub(super) fn seance(app: &mut App, action: Action) -> Vec<Effect> {
    let earlier = app.seance_earlier().len();
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(m) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    let count = st.fields(m, earlier).len();
    match action {
        Action::NextItem | Action::PrevItem => {
            let moved = if action == Action::NextItem {
                st.live.next_item(m)
            } else {
                st.live.previous_item(m)
            };
            if moved {
                st.field = 0;
            }
            st.chosen = None;
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
        Action::Edit => start_editing(app),
        Action::Attendance => {
            st.attendance = Some(AttendancePanel::default());
            Vec::new()
        }
        Action::AddAction => {
            let fields = st.fields(m, earlier);
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
            if let Some(Field::Action(a)) = st.focused(m, earlier) {
                let item = st.live.current();
                let r = st
                    .live
                    .apply(&mut app.data.meetings, |l, _| l.delete_action(item, a));
                applied(app, r)
            } else {
                Vec::new()
            }
        }
        Action::CloseMeeting => {
            if let Err(e) = editable(st, &app.data.meetings) {
                app.error(e.text(app.lang));
                return Vec::new();
            }
            if m.status != MeetingStatus::Held {
                app.error(LiveError::NotHeld.text(app.lang));
                return Vec::new();
            }
            let undecided = undecided_cases(m).len();
            let nobody = m
                .attendance
                .iter()
                .all(|a| a.status == crate::domain::AttendanceStatus::Invited)
                && m.guests
                    .iter()
                    .all(|g| g.status == crate::domain::AttendanceStatus::Invited);
            let quorum = seance_quorum(m, &app.data.department)
                .filter(|q| !q.reached())
                .map(|q| quorum_missing(&q, &app.data.department.members, app.lang));
            st.ask = Some(Ask::Close {
                undecided,
                nobody,
                quorum,
            });
            Vec::new()
        }
        Action::ResumeSeance => ask_resume(app),
        Action::AddCase => super::seance_agenda::add_to_agenda(app, true),
        Action::AddTopic => super::seance_agenda::add_to_agenda(app, false),
        Action::ChooseItemDown | Action::ChooseItemUp => {
            super::seance_agenda::choose(app, action == Action::ChooseItemUp);
            Vec::new()
        }
        Action::MoveUp | Action::MoveDown => {
            super::seance_agenda::move_chosen(app, action == Action::MoveUp)
        }
        Action::Postpone => super::seance_agenda::postpone_chosen(app),
        Action::Pause => {
            if let Err(e) = editable(st, &app.data.meetings) {
                app.error(e.text(app.lang));
                return Vec::new();
            }
            let lang = app.lang;
            let text = if st.live.toggle_pause() {
                lang.pick(
                    "Séance suspendue : aucun temps n'est compté jusqu'à la reprise.",
                    "Meeting suspended: no time is counted until it resumes.",
                )
            } else {
                lang.pick("Reprise de la séance.", "The meeting resumes.")
            };
            let effects = seance_flush(app);
            app.info(text);
            effects
        }
        Action::Export => {
            let id = st.live.id().to_string();
            // The exports read the loaded data, where the séance's meeting lives.
            let effects = seance_flush(app);
            open_export_menu(app, &id);
            effects
        }
        _ => Vec::new(),
    }
}

/// Edits are accepted: the séance's meeting (among `meetings`) is neither closed, nor
/// held by someone else, nor being read.
/// Whether the séance on screen may be edited; when it may not, says why. `false` too when
/// no séance is open.
pub(super) fn editable_or_say(app: &mut App) -> bool {
    match app
        .seance
        .as_deref()
        .map(|st| editable(st, &app.data.meetings))
    {
        Some(Ok(())) => true,
        Some(Err(e)) => {
            app.error(e.text(app.lang));
            false
        }
        None => false,
    }
}

pub(super) fn editable(st: &SeanceState, meetings: &[Meeting]) -> Result<(), LiveError> {
    if st
        .meeting_in(meetings)
        .is_some_and(|m| st.live.is_closed(m))
    {
        Err(LiveError::Closed)
    } else if st.live.is_read_only() {
        Err(LiveError::ReadOnly)
    } else if st.live.is_consulting() {
        Err(LiveError::Consulting)
    } else {
        Ok(())
    }
}

/// `u` and `Ctrl-r` in the séance: the meeting's history (earlier meetings included).
pub(super) fn seance_history(app: &mut App, undo: bool) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    st.editing = None;
    st.chosen = None;
    st.live.seal();
    let r = st.live.apply(&mut app.data.meetings, |l, others| {
        if undo { l.undo(others) } else { l.redo(others) }
    });
    applied(app, r)
}
