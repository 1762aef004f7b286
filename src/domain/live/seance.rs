//! The séance: the meeting being held, its current item, its timers and its history.

use super::actions::{self, ActionInput};
use super::attendance::{self, NewGuest};
use super::decisions;
use super::history::{Field, History, Target};
use super::reorder;
use super::timers;
use super::{Change, LiveError, ensure_editable};
use crate::domain::{AttendanceStatus, ClosureReason, Decision, Item, Meeting, MeetingStatus};
use chrono::{NaiveDate, NaiveTime, Timelike};

/// Where an agenda item stands in the séance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Treated: a case with its decision, a topic (or the review of actions) with its notes.
    Done,
    /// Taken up (before the current item, or with time spent) but without what makes it done.
    Visited,
    Current,
    ToCome,
}

/// A meeting being held: every edit goes through here, so that it can be undone.
///
/// Edits return [`Change`]: the caller writes the meeting named there, and nothing when
/// `Unchanged`. A refused edit changes nothing and says why ([`LiveError`]).
#[derive(Debug, Clone)]
pub struct Seance {
    meeting: Meeting,
    review_every_days: u32,
    current: usize,
    read_only: bool,
    history: History,
    /// The département's code, for the working days of proposed dates (`None`: every day
    /// but none moved).
    departement: Option<String>,
    /// Opened to be read (a held or closed meeting): nothing counts, nothing is changed,
    /// until the user resumes the séance.
    consulting: bool,
    /// Suspended (suspension de séance): no timer counts until resumed.
    pub(super) paused: bool,
    /// Before the first item: the time counted is the roll call's.
    pub(super) roll_call: bool,
}

impl Seance {
    /// Opens the séance of `meeting`; `review_every_days` is the body's
    /// (`Body::review_interval_days`). The current item is the last one with time spent
    /// (where an interrupted séance stopped), else the first; while no item has time spent,
    /// the séance is at its roll call (see [`Self::in_roll_call`]).
    pub fn new(meeting: Meeting, review_every_days: u32) -> Self {
        let last = meeting
            .items
            .iter()
            .rposition(|i| i.spent_seconds.is_some_and(|s| s > 0));
        Seance {
            review_every_days,
            current: last.unwrap_or(0),
            roll_call: last.is_none() && !meeting.items.is_empty(),
            meeting,
            read_only: false,
            consulting: false,
            history: History::new(),
            departement: None,
            paused: false,
        }
    }

    /// The meeting as it stands.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// Gives the meeting back.
    pub fn into_meeting(self) -> Meeting {
        self.meeting
    }

    /// Opened read-only (someone else holds the lock): every edit is refused.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Opened to be read, or resumed (see [`Self::is_consulting`]).
    pub fn set_consulting(&mut self, consulting: bool) {
        self.consulting = consulting;
    }

    /// Opened to be read: no timer counts and every edit is refused until resumed.
    pub fn is_consulting(&self) -> bool {
        self.consulting
    }

    /// Closed: read-only for good.
    pub fn is_closed(&self) -> bool {
        self.meeting.status == MeetingStatus::Closed
    }

    /// Edits are accepted (neither closed nor read-only).
    pub fn is_editable(&self) -> bool {
        !self.read_only && !self.consulting && !self.is_closed()
    }

    /// Replaces the meeting with the one read again from disk (changed by someone else).
    /// The history is forgotten: undoing must never bring back a state over theirs.
    pub fn reload(&mut self, meeting: Meeting) {
        self.meeting = meeting;
        self.history.clear();
        self.current = self.current.min(self.meeting.items.len().saturating_sub(1));
    }

    // ---- navigation ----

    /// The index of the current item (0 when the agenda is empty).
    pub fn current(&self) -> usize {
        self.current
    }

    /// The current item, if the agenda has any.
    pub fn current_item(&self) -> Option<&Item> {
        self.meeting.items.get(self.current)
    }

    /// Goes to the next item (from the roll call, the first); `false` on the last one.
    pub fn next_item(&mut self) -> bool {
        if self.roll_call {
            self.history.seal();
            self.roll_call = false;
            return true;
        }
        self.go_to(self.current.saturating_add(1))
    }

    /// Goes to the previous item; `false` on the first one.
    pub fn previous_item(&mut self) -> bool {
        match self.current.checked_sub(1) {
            Some(index) => self.go_to(index),
            None => false,
        }
    }

    /// Goes to item `index`; `false` when there is no such item or it is already current.
    pub fn go_to(&mut self, index: usize) -> bool {
        self.history.seal();
        if index < self.meeting.items.len() && self.roll_call {
            self.roll_call = false;
            self.current = index;
            true
        } else if index < self.meeting.items.len() && index != self.current {
            self.current = index;
            true
        } else {
            false
        }
    }

    /// Where item `index` stands.
    pub fn progress(&self, index: usize) -> Progress {
        let Some(item) = self.meeting.items.get(index) else {
            return Progress::ToCome;
        };
        let done = match item.kind {
            crate::domain::ItemKind::Case => item.decision.is_some(),
            _ => item.notes.is_some(),
        };
        let visited =
            item.spent_seconds.is_some_and(|s| s > 0) || (index < self.current && !self.roll_call);
        if index == self.current && !self.roll_call {
            Progress::Current
        } else if done {
            Progress::Done
        } else if visited {
            Progress::Visited
        } else {
            Progress::ToCome
        }
    }

    /// Before the first item: the roll call.
    pub fn in_roll_call(&self) -> bool {
        self.roll_call
    }

    /// Ends the roll call without moving (the current item is taken up).
    pub fn leave_roll_call(&mut self) {
        self.roll_call = false;
    }

    /// Suspended: no timer counts.
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// Suspends the séance, or resumes it. Not an edit: nothing is written.
    pub fn toggle_pause(&mut self) -> bool {
        self.paused = !self.paused;
        self.paused
    }

    // ---- the edits, all recorded for undo ----

    fn writable(&self) -> Result<(), LiveError> {
        if self.read_only {
            return Err(LiveError::ReadOnly);
        }
        if self.consulting && !self.is_closed() {
            return Err(LiveError::Consulting);
        }
        ensure_editable(&self.meeting)
    }

    /// Runs one edit of this meeting, recording the state before it when it changed
    /// something. A refused edit leaves the meeting as it was.
    pub(super) fn edit(
        &mut self,
        field: Option<Field>,
        apply: impl FnOnce(&mut Meeting) -> Result<bool, LiveError>,
    ) -> Result<Change, LiveError> {
        self.writable()?;
        let before = self.meeting.clone();
        match apply(&mut self.meeting) {
            Ok(true) => {
                self.history.record(Target::This, before, field);
                Ok(Change::This)
            }
            Ok(false) => Ok(Change::Unchanged),
            Err(e) => {
                self.meeting = before;
                Err(e)
            }
        }
    }

    /// Starts the meeting: `draft` or `convened` becomes `held`, on `today` and at `now`
    /// (to the minute, local time of the département) when the caller knows it. A meeting
    /// dated another day moves to `today`, the day it was planned for kept in
    /// `rescheduled_from`: the caller asked first, saying so. A meeting held already
    /// changes nothing (resuming never rewrites its date or its start).
    /// The time actually taken is counted per item by [`Self::tick`].
    pub fn start(&mut self, today: NaiveDate, now: Option<NaiveTime>) -> Result<Change, LiveError> {
        self.edit(None, |m| {
            if m.status.is_held() {
                return Ok(false);
            }
            if m.date != today {
                if m.details.rescheduled_from.is_none() {
                    m.details.rescheduled_from = Some(m.date);
                }
                m.date = today;
            }
            if let Some(now) = now
                .and_then(|t| t.with_second(0))
                .and_then(|t| t.with_nanosecond(0))
            {
                m.start = now;
            }
            Ok(super::set_if_changed(&mut m.status, MeetingStatus::Held))
        })
    }

    /// Reopens a closed meeting (`closed` → `held`), the day noted in `reopened`. The
    /// caller asked first. The numbers of its decisions are kept.
    pub fn reopen(&mut self, today: NaiveDate) -> Result<Change, LiveError> {
        if self.read_only {
            return Err(LiveError::ReadOnly);
        }
        self.consulting = false;
        if self.meeting.status != MeetingStatus::Closed {
            return Err(LiveError::NotClosed);
        }
        self.meeting.status = MeetingStatus::Held;
        self.meeting.reopened.push(today);
        self.history.clear();
        Ok(Change::This)
    }

    /// Closes the meeting (`held` → `closed`): read-only from now on, history included.
    /// Each decision without a number gets the next one of its body and year, counted over
    /// `others` (the département's meetings). The caller asks for confirmation first.
    pub fn close(&mut self, others: &[Meeting]) -> Result<Change, LiveError> {
        self.writable()?;
        if self.meeting.status != MeetingStatus::Held {
            return Err(LiveError::NotHeld);
        }
        super::numbering::number_decisions(&mut self.meeting, others);
        self.meeting.status = MeetingStatus::Closed;
        self.history.clear();
        Ok(Change::This)
    }

    /// Counts `seconds` of elapsed time on the current item, while the meeting is held.
    /// Not an edit: time spent is a fact, neither undone nor redone.
    pub fn tick(&mut self, seconds: u64) -> Change {
        if self.read_only
            || self.consulting
            || self.paused
            || self.meeting.status != MeetingStatus::Held
        {
            return Change::Unchanged;
        }
        if self.roll_call {
            if seconds == 0 {
                return Change::Unchanged;
            }
            let spent = self.meeting.roll_call_seconds.unwrap_or(0);
            self.meeting.roll_call_seconds = Some(spent.saturating_add(seconds));
            return Change::This;
        }
        match timers::add_spent(&mut self.meeting, self.current, seconds) {
            Ok(true) => Change::This,
            _ => Change::Unchanged,
        }
    }

    /// See [`attendance::set_attendance`].
    pub fn set_attendance(
        &mut self,
        member: &str,
        status: AttendanceStatus,
        by: Option<&str>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| attendance::set_attendance(m, member, status, by))
    }

    /// See [`attendance::add_member`].
    pub fn add_member(
        &mut self,
        member: &str,
        status: AttendanceStatus,
        by: Option<&str>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| attendance::add_member(m, member, status, by))
    }

    /// See [`attendance::add_guest`].
    pub fn add_guest(&mut self, guest: NewGuest<'_>) -> Result<Change, LiveError> {
        self.edit(None, |m| attendance::add_guest(m, guest))
    }

    /// See [`attendance::edit_guest`].
    pub fn edit_guest(&mut self, index: usize, guest: NewGuest<'_>) -> Result<Change, LiveError> {
        self.edit(None, |m| attendance::edit_guest(m, index, guest))
    }

    /// See [`attendance::set_guest_status`].
    pub fn set_guest_status(
        &mut self,
        index: usize,
        status: AttendanceStatus,
        by: Option<&str>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| attendance::set_guest_status(m, index, status, by))
    }

    /// See [`attendance::remove_guest`].
    pub fn remove_guest(&mut self, index: usize) -> Result<Change, LiveError> {
        self.edit(None, |m| attendance::remove_guest(m, index))
    }

    /// Adds an item during the séance (an urgent case, « questions diverses »), right after
    /// the current one (first during the roll call): it is taken next. A case already on the
    /// agenda is refused. Undone like any edit.
    pub fn add_item(&mut self, item: Item) -> Result<Change, LiveError> {
        let at = if self.roll_call || self.meeting.items.is_empty() {
            0
        } else {
            self.current.saturating_add(1)
        };
        self.edit(None, |m| {
            if let Some(case) = item.case.as_deref()
                && m.has_case(case)
            {
                return Err(LiveError::CaseOnAgenda {
                    case: case.to_string(),
                });
            }
            m.items.insert(at.min(m.items.len()), item);
            Ok(true)
        })
    }

    /// Where the séance stands, for the moves of the agenda.
    fn position(&self) -> reorder::Position {
        reorder::Position {
            current: self.current,
            roll_call: self.roll_call,
        }
    }

    /// Item `index` is not taken yet: it may move or be postponed (see
    /// [`reorder::ensure_open`]).
    pub fn ensure_open(&self, index: usize) -> Result<(), LiveError> {
        reorder::ensure_open(&self.meeting, index, self.position())
    }

    /// Moves item `index` one place up or down among the items not taken yet (see
    /// [`reorder::move_item`]); the séance stays at the same place, so that an item moved
    /// up to the current place is the one taken now. Returns the item's new index (`None`:
    /// at the edge, nothing changed). Undone like any edit.
    pub fn move_item(&mut self, index: usize, up: bool) -> Result<Option<usize>, LiveError> {
        let at = self.position();
        let mut to = None;
        self.edit(None, |m| {
            to = reorder::move_item(m, index, up, at)?;
            Ok(to.is_some())
        })
        .map(|_| to)
    }

    /// Postpones item `index` to `next`, a later meeting of the body (see
    /// [`reorder::postpone`]): one edit of both meetings, undone and redone as one. When
    /// it was the current item, the séance goes on with the item that takes its place.
    /// Returns [`Change::Also`] with `next`'s id: the caller writes both files.
    pub fn postpone(&mut self, index: usize, next: &mut Meeting) -> Result<Change, LiveError> {
        self.writable()?;
        let at = self.position();
        let before = self.meeting.clone();
        let before_next = next.clone();
        if let Err(e) = reorder::postpone(&mut self.meeting, index, at, next) {
            self.meeting = before;
            *next = before_next;
            return Err(e);
        }
        self.history
            .record(Target::Other(next.id.clone()), before_next, None);
        self.history.record_joined(Target::This, before);
        self.current = self.current.min(self.meeting.items.len().saturating_sub(1));
        Ok(Change::Also(next.id.clone()))
    }

    /// See [`decisions::set_decision`]; the default next review uses the body's interval.
    pub fn set_decision(
        &mut self,
        item: usize,
        decision: Option<Decision>,
        closure_reason: Option<ClosureReason>,
    ) -> Result<Change, LiveError> {
        let days = self.review_every_days;
        let code = self.departement.clone();
        self.edit(None, |m| {
            decisions::set_decision_in(m, item, decision, closure_reason, days, code.as_deref())
        })
    }

    /// The département whose working days the proposed dates fall on.
    pub fn set_departement(&mut self, code: &str) {
        self.departement = Some(code.to_string());
    }

    /// The next review a decision on this meeting proposes by default: a working day of
    /// the département once it is known ([`Self::set_departement`]).
    pub fn default_next_review(&self) -> Option<NaiveDate> {
        decisions::default_review_in(
            &self.meeting,
            self.review_every_days,
            self.departement.as_deref(),
        )
    }

    /// See [`decisions::set_closure_reason`].
    pub fn set_closure_reason(
        &mut self,
        item: usize,
        reason: ClosureReason,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| decisions::set_closure_reason(m, item, reason))
    }

    /// See [`decisions::set_next_review`].
    pub fn set_next_review(
        &mut self,
        item: usize,
        review: Option<NaiveDate>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| decisions::set_next_review(m, item, review))
    }

    /// See [`decisions::set_decision_text`]. Successive calls while typing make one undo step.
    pub fn set_decision_text(&mut self, item: usize, text: &str) -> Result<Change, LiveError> {
        self.edit(Some(Field::DecisionText(item)), |m| {
            decisions::set_decision_text(m, item, text)
        })
    }

    /// See [`decisions::set_notes`]. Successive calls while typing make one undo step.
    pub fn set_notes(&mut self, item: usize, text: &str) -> Result<Change, LiveError> {
        self.edit(Some(Field::Notes(item)), |m| {
            decisions::set_notes(m, item, text)
        })
    }

    /// See [`decisions::set_difficulties`]. Successive calls while typing make one undo step.
    pub fn set_difficulties(&mut self, text: &str) -> Result<Change, LiveError> {
        self.edit(Some(Field::Difficulties), |m| {
            decisions::set_difficulties(m, text)
        })
    }

    /// See [`decisions::set_next_meeting`].
    pub fn set_next_meeting(&mut self, day: Option<NaiveDate>) -> Result<Change, LiveError> {
        self.edit(None, |m| decisions::set_next_meeting(m, day))
    }

    /// Ends the grouping of typed text (the user left the field).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// See [`actions::add_action`].
    pub fn add_action(&mut self, item: usize, input: ActionInput<'_>) -> Result<Change, LiveError> {
        self.edit(None, |m| actions::add_action(m, item, input))
    }

    /// See [`actions::edit_action`].
    pub fn edit_action(
        &mut self,
        item: usize,
        action: usize,
        input: ActionInput<'_>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| actions::edit_action(m, item, action, input))
    }

    /// See [`actions::delete_action`].
    pub fn delete_action(&mut self, item: usize, action: usize) -> Result<Change, LiveError> {
        self.edit(None, |m| actions::delete_action(m, item, action))
    }

    /// See [`actions::set_action_done`].
    pub fn set_action_done(
        &mut self,
        item: usize,
        action: usize,
        done_on: Option<NaiveDate>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| actions::set_action_done(m, item, action, done_on))
    }

    /// Marks done (or reopens) an action of the earlier meeting `meeting_id`, found in
    /// `others` (the département's meetings). Returns [`Change::Other`] with that id: the
    /// caller writes that meeting's file. Undone and redone like any other edit.
    pub fn set_earlier_action_done(
        &mut self,
        others: &mut [Meeting],
        meeting_id: &str,
        item: usize,
        action: usize,
        done_on: Option<NaiveDate>,
    ) -> Result<Change, LiveError> {
        self.writable()?;
        if meeting_id == self.meeting.id {
            return Err(LiveError::NotEarlier {
                id: meeting_id.to_string(),
            });
        }
        let earlier = others
            .iter_mut()
            .find(|m| m.id == meeting_id)
            .ok_or_else(|| LiveError::NoSuchMeeting {
                id: meeting_id.to_string(),
            })?;
        let before = earlier.clone();
        match actions::set_earlier_action_done(&self.meeting, earlier, item, action, done_on) {
            Ok(true) => {
                self.history
                    .record(Target::Other(meeting_id.to_string()), before, None);
                Ok(Change::Other(meeting_id.to_string()))
            }
            Ok(false) => Ok(Change::Unchanged),
            Err(e) => {
                *earlier = before;
                Err(e)
            }
        }
    }

    // ---- undo / redo ----

    /// Something can be undone now.
    pub fn can_undo(&self) -> bool {
        self.is_editable() && self.history.can_undo()
    }

    /// Something can be redone now.
    pub fn can_redo(&self) -> bool {
        self.is_editable() && self.history.can_redo()
    }

    /// Undoes the last edit. `others` are the département's meetings, for an edit of an
    /// earlier meeting. Time spent on items is kept as it is.
    pub fn undo(&mut self, others: &mut [Meeting]) -> Result<Change, LiveError> {
        self.writable()?;
        self.step(others, true)
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, others: &mut [Meeting]) -> Result<Change, LiveError> {
        self.writable()?;
        self.step(others, false)
    }

    /// One step back or forward: one entry, or the entries of one edit of two meetings.
    fn step(&mut self, others: &mut [Meeting], undo: bool) -> Result<Change, LiveError> {
        let mut this = false;
        let mut other: Option<String> = None;
        let mut first = true;
        loop {
            let peeked = if undo {
                self.history.peek_undo()
            } else {
                self.history.peek_redo()
            };
            let Some((target, joined)) = peeked.map(|e| (e.target.clone(), e.joined)) else {
                if first {
                    return Err(Self::nothing(undo));
                }
                break;
            };
            let pushed_joined = !first;
            let take = |history: &mut History, now: Meeting| {
                if undo {
                    history.undo(now, pushed_joined)
                } else {
                    history.redo(now, pushed_joined)
                }
            };
            match target {
                Target::This => {
                    let now = self.meeting.clone();
                    let Some(entry) = take(&mut self.history, now) else {
                        return Err(Self::nothing(undo));
                    };
                    let mut restored = entry.meeting;
                    keep_time_spent(&self.meeting, &mut restored);
                    self.meeting = restored;
                    self.current = self.current.min(self.meeting.items.len().saturating_sub(1));
                    this = true;
                }
                Target::Other(id) => {
                    let slot = others
                        .iter_mut()
                        .find(|m| m.id == id)
                        .ok_or_else(|| LiveError::NoSuchMeeting { id: id.clone() })?;
                    let Some(entry) = take(&mut self.history, slot.clone()) else {
                        return Err(Self::nothing(undo));
                    };
                    *slot = entry.meeting;
                    other = Some(id);
                }
            }
            first = false;
            if !joined {
                break;
            }
        }
        Ok(match (this, other) {
            (true, Some(id)) => Change::Also(id),
            (false, Some(id)) => Change::Other(id),
            _ => Change::This,
        })
    }

    fn nothing(undo: bool) -> LiveError {
        if undo {
            LiveError::NothingToUndo
        } else {
            LiveError::NothingToRedo
        }
    }
}

/// Copies the time spent on each item of `now` into `restored` (same agenda).
fn keep_time_spent(now: &Meeting, restored: &mut Meeting) {
    restored.roll_call_seconds = now.roll_call_seconds;
    for (restored, now) in restored.items.iter_mut().zip(&now.items) {
        if restored.kind == now.kind && restored.case == now.case {
            restored.spent_seconds = now.spent_seconds;
        }
    }
}
