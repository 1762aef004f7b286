//! The séance's edits of its meeting, each recorded for undo, and undo/redo.

use super::actions::{self, ActionInput};
use super::attendance::{self, NewGuest};
use super::decisions;
use super::history::{Field, History, Target};
use super::others::Others;
use super::reorder;
use super::seance::Live;
use super::timers;
use super::{Change, LiveError, ensure_editable};
use crate::domain::{AttendanceStatus, ClosureReason, Decision, Item, Meeting, MeetingStatus};
use chrono::{NaiveDate, NaiveTime, Timelike};

impl Live<'_> {
    /// The meeting as it stands.
    pub fn meeting(&self) -> &Meeting {
        self.meeting
    }

    // ---- the edits, all recorded for undo ----

    fn writable(&self) -> Result<(), LiveError> {
        if self.seance.read_only {
            return Err(LiveError::ReadOnly);
        }
        if self.seance.consulting && self.meeting.status != MeetingStatus::Closed {
            return Err(LiveError::Consulting);
        }
        ensure_editable(self.meeting)
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
        match apply(self.meeting) {
            Ok(true) => {
                self.seance.history.record(Target::This, before, field);
                Ok(Change::This)
            }
            Ok(false) => Ok(Change::Unchanged),
            Err(e) => {
                *self.meeting = before;
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
        if self.seance.read_only {
            return Err(LiveError::ReadOnly);
        }
        self.seance.consulting = false;
        if self.meeting.status != MeetingStatus::Closed {
            return Err(LiveError::NotClosed);
        }
        self.meeting.status = MeetingStatus::Held;
        self.meeting.reopened.push(today);
        self.seance.history.clear();
        Ok(Change::This)
    }

    /// Closes the meeting (`held` → `closed`): read-only from now on, history included.
    /// Each decision without a number gets the next one of its body and year, counted over
    /// `others` (the département's meetings). The caller asks for confirmation first.
    pub fn close<'m>(
        &mut self,
        others: impl IntoIterator<Item = &'m Meeting>,
    ) -> Result<Change, LiveError> {
        self.writable()?;
        if self.meeting.status != MeetingStatus::Held {
            return Err(LiveError::NotHeld);
        }
        super::numbering::number_decisions(self.meeting, others);
        self.meeting.status = MeetingStatus::Closed;
        self.seance.history.clear();
        Ok(Change::This)
    }

    /// Counts `seconds` of elapsed time on the current item, while the meeting is held.
    /// Not an edit: time spent is a fact, neither undone nor redone.
    pub fn tick(&mut self, seconds: u64) -> Change {
        if self.seance.read_only
            || self.seance.consulting
            || self.seance.paused
            || self.meeting.status != MeetingStatus::Held
        {
            return Change::Unchanged;
        }
        if self.seance.roll_call {
            if seconds == 0 {
                return Change::Unchanged;
            }
            let spent = self.meeting.roll_call_seconds.unwrap_or(0);
            self.meeting.roll_call_seconds = Some(spent.saturating_add(seconds));
            return Change::This;
        }
        match timers::add_spent(self.meeting, self.seance.current, seconds) {
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
        let at = if self.seance.roll_call || self.meeting.items.is_empty() {
            0
        } else {
            self.seance.current.saturating_add(1)
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

    /// Moves item `index` one place up or down among the items not taken yet (see
    /// [`reorder::move_item`]); the séance stays at the same place, so that an item moved
    /// up to the current place is the one taken now. Returns the item's new index (`None`:
    /// at the edge, nothing changed). Undone like any edit.
    pub fn move_item(&mut self, index: usize, up: bool) -> Result<Option<usize>, LiveError> {
        let at = self.seance.position();
        let mut to = None;
        self.edit(None, |m| {
            to = reorder::move_item(m, index, up, at)?;
            Ok(to.is_some())
        })
        .map(|_| to)
    }

    /// Postpones item `index` to `next_id`, a later meeting of the body among `others`
    /// (see [`reorder::postpone`]): one edit of both meetings, undone and redone as one.
    /// When it was the current item, the séance goes on with the item that takes its place.
    /// Returns [`Change::Also`] with `next_id`: the caller writes both files.
    pub fn postpone(
        &mut self,
        index: usize,
        others: &mut Others<'_>,
        next_id: &str,
    ) -> Result<Change, LiveError> {
        self.writable()?;
        let at = self.seance.position();
        let next = others
            .find_mut(next_id)
            .ok_or_else(|| LiveError::NoSuchMeeting {
                id: next_id.to_string(),
            })?;
        let before = self.meeting.clone();
        let before_next = next.clone();
        if let Err(e) = reorder::postpone(self.meeting, index, at, next) {
            *self.meeting = before;
            *next = before_next;
            return Err(e);
        }
        self.seance
            .history
            .record(Target::Other(next_id.to_string()), before_next, None);
        self.seance.history.record_joined(Target::This, before);
        self.seance.current = self
            .seance
            .current
            .min(self.meeting.items.len().saturating_sub(1));
        Ok(Change::Also(next_id.to_string()))
    }

    /// See [`decisions::set_decision`]; the default next review uses the body's interval.
    pub fn set_decision(
        &mut self,
        item: usize,
        decision: Option<Decision>,
        closure_reason: Option<ClosureReason>,
    ) -> Result<Change, LiveError> {
        let days = self.seance.review_every_days;
        let code = self.seance.departement.clone();
        self.edit(None, |m| {
            decisions::set_decision_in(m, item, decision, closure_reason, days, code.as_deref())
        })
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
        others: &mut Others<'_>,
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
            .find_mut(meeting_id)
            .ok_or_else(|| LiveError::NoSuchMeeting {
                id: meeting_id.to_string(),
            })?;
        let before = earlier.clone();
        match actions::set_earlier_action_done(self.meeting, earlier, item, action, done_on) {
            Ok(true) => {
                self.seance
                    .history
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

    /// Undoes the last edit. `others` are the département's meetings, for an edit of an
    /// earlier meeting. Time spent on items is kept as it is.
    pub fn undo(&mut self, others: &mut Others<'_>) -> Result<Change, LiveError> {
        self.writable()?;
        self.step(others, true)
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, others: &mut Others<'_>) -> Result<Change, LiveError> {
        self.writable()?;
        self.step(others, false)
    }

    /// One step back or forward: one entry, or the entries of one edit of two meetings.
    fn step(&mut self, others: &mut Others<'_>, undo: bool) -> Result<Change, LiveError> {
        let mut this = false;
        let mut other: Option<String> = None;
        let mut first = true;
        loop {
            let peeked = if undo {
                self.seance.history.peek_undo()
            } else {
                self.seance.history.peek_redo()
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
                    let Some(entry) = take(&mut self.seance.history, now) else {
                        return Err(Self::nothing(undo));
                    };
                    let mut restored = entry.meeting;
                    keep_time_spent(self.meeting, &mut restored);
                    *self.meeting = restored;
                    self.seance.current = self
                        .seance
                        .current
                        .min(self.meeting.items.len().saturating_sub(1));
                    this = true;
                }
                Target::Other(id) => {
                    let slot = others
                        .find_mut(&id)
                        .ok_or_else(|| LiveError::NoSuchMeeting { id: id.clone() })?;
                    let Some(entry) = take(&mut self.seance.history, slot.clone()) else {
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
