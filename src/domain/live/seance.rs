//! The séance: the meeting being held, its current item, its timers and its history.

use super::actions::{self, ActionInput};
use super::attendance::{self, NewGuest};
use super::decisions;
use super::history::{Field, History, Target};
use super::timers;
use super::{Change, LiveError, ensure_editable};
use crate::domain::{AttendanceStatus, ClosureReason, Decision, Item, Meeting, MeetingStatus};
use chrono::{NaiveDate, NaiveTime, Timelike};

/// Where an agenda item stands in the séance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Treated: before the current item, or with time spent or a decision.
    Done,
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
}

impl Seance {
    /// Opens the séance of `meeting`; `review_every_days` is the body's
    /// (`Body::review_interval_days`). The current item is the last one with time spent
    /// (where an interrupted séance stopped), else the first.
    pub fn new(meeting: Meeting, review_every_days: u32) -> Self {
        let current = meeting
            .items
            .iter()
            .rposition(|i| i.spent_seconds.is_some_and(|s| s > 0))
            .unwrap_or(0);
        Seance {
            meeting,
            review_every_days,
            current,
            read_only: false,
            history: History::new(),
            departement: None,
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

    /// Closed: read-only for good.
    pub fn is_closed(&self) -> bool {
        self.meeting.status == MeetingStatus::Closed
    }

    /// Edits are accepted (neither closed nor read-only).
    pub fn is_editable(&self) -> bool {
        !self.read_only && !self.is_closed()
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

    /// Goes to the next item; `false` on the last one.
    pub fn next_item(&mut self) -> bool {
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
        if index < self.meeting.items.len() && index != self.current {
            self.current = index;
            true
        } else {
            false
        }
    }

    /// Where item `index` stands.
    pub fn progress(&self, index: usize) -> Progress {
        let treated = self
            .meeting
            .items
            .get(index)
            .is_some_and(|i| i.spent_seconds.is_some_and(|s| s > 0) || i.decision.is_some());
        if index == self.current {
            Progress::Current
        } else if index < self.current || treated {
            Progress::Done
        } else {
            Progress::ToCome
        }
    }

    // ---- the edits, all recorded for undo ----

    fn writable(&self) -> Result<(), LiveError> {
        if self.read_only {
            return Err(LiveError::ReadOnly);
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

    /// Starts (or resumes) the meeting: `draft` or `convened` becomes `held`, and `start`
    /// becomes the time it actually started (`now`, to the minute, local time of the
    /// département) when the caller knows it. Resuming a held meeting changes nothing.
    /// The time actually taken is counted per item by [`Self::tick`].
    pub fn start(&mut self, now: Option<NaiveTime>) -> Result<Change, LiveError> {
        self.edit(None, |m| {
            if m.status.is_held() {
                return Ok(false);
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

    /// Closes the meeting (`held` → `closed`): read-only from now on, history included.
    /// The caller asks for confirmation first.
    pub fn close(&mut self) -> Result<Change, LiveError> {
        self.writable()?;
        if self.meeting.status != MeetingStatus::Held {
            return Err(LiveError::NotHeld);
        }
        self.meeting.status = MeetingStatus::Closed;
        self.history.clear();
        Ok(Change::This)
    }

    /// Counts `seconds` of elapsed time on the current item, while the meeting is held.
    /// Not an edit: time spent is a fact, neither undone nor redone.
    pub fn tick(&mut self, seconds: u64) -> Change {
        if self.read_only || self.meeting.status != MeetingStatus::Held {
            return Change::Unchanged;
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
        let target = self
            .history
            .peek_undo()
            .map(|e| e.target.clone())
            .ok_or(LiveError::NothingToUndo)?;
        self.step(others, target, true)
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, others: &mut [Meeting]) -> Result<Change, LiveError> {
        self.writable()?;
        let target = self
            .history
            .peek_redo()
            .map(|e| e.target.clone())
            .ok_or(LiveError::NothingToRedo)?;
        self.step(others, target, false)
    }

    fn step(
        &mut self,
        others: &mut [Meeting],
        target: Target,
        undo: bool,
    ) -> Result<Change, LiveError> {
        let take = |history: &mut History, now: Meeting| {
            if undo {
                history.undo(now)
            } else {
                history.redo(now)
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
                Ok(Change::This)
            }
            Target::Other(id) => {
                let other = others
                    .iter_mut()
                    .find(|m| m.id == id)
                    .ok_or_else(|| LiveError::NoSuchMeeting { id: id.clone() })?;
                let Some(entry) = take(&mut self.history, other.clone()) else {
                    return Err(Self::nothing(undo));
                };
                *other = entry.meeting;
                Ok(Change::Other(id))
            }
        }
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
    for (restored, now) in restored.items.iter_mut().zip(&now.items) {
        if restored.kind == now.kind && restored.case == now.case {
            restored.spent_seconds = now.spent_seconds;
        }
    }
}
