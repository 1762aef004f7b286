//! A séance that holds its meeting, for a whole meeting run at once outside the interface
//! (the domain's tests, a tool): the same edits as [`Live`], the meeting kept here. The
//! interface keeps the meeting in its loaded data instead and applies the séance to it.

use super::actions::ActionInput;
use super::attendance::NewGuest;
use super::others::Others;
use super::{Change, Live, LiveError, Progress, Seance};
use crate::domain::meeting::Orientation;
use crate::domain::{AttendanceStatus, ClosureReason, Decision, Item, Meeting, Referent};
use chrono::{NaiveDate, NaiveTime};

/// A séance and its meeting, together.
#[derive(Debug, Clone)]
pub struct Owned {
    seance: Seance,
    meeting: Meeting,
}

/// The edits, each that of [`Live`] on the meeting held here.
macro_rules! edits {
    ($($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        impl Owned {
            $(
                $(#[$doc])*
                pub fn $name(&mut self, $($arg: $ty),*) -> $ret {
                    self.live().$name($($arg),*)
                }
            )*
        }
    };
}

edits! {
    fn start(today: NaiveDate, now: Option<NaiveTime>) -> Result<Change, LiveError>;
    fn reopen(today: NaiveDate) -> Result<Change, LiveError>;
    fn tick(seconds: u64) -> Change;
    fn set_attendance(member: &str, status: AttendanceStatus, by: Option<&str>) -> Result<Change, LiveError>;
    fn add_member(member: &str, status: AttendanceStatus, by: Option<&str>) -> Result<Change, LiveError>;
    fn add_guest(guest: NewGuest<'_>) -> Result<Change, LiveError>;
    fn edit_guest(index: usize, guest: NewGuest<'_>) -> Result<Change, LiveError>;
    fn set_guest_status(index: usize, status: AttendanceStatus, by: Option<&str>) -> Result<Change, LiveError>;
    fn remove_guest(index: usize) -> Result<Change, LiveError>;
    fn add_item(item: Item) -> Result<Change, LiveError>;
    fn move_item(index: usize, up: bool) -> Result<Option<usize>, LiveError>;
    fn set_decision(item: usize, decision: Option<Decision>, closure_reason: Option<ClosureReason>) -> Result<Change, LiveError>;
    fn set_closure_reason(item: usize, reason: ClosureReason) -> Result<Change, LiveError>;
    fn set_next_review(item: usize, review: Option<NaiveDate>) -> Result<Change, LiveError>;
    fn set_decision_text(item: usize, text: &str) -> Result<Change, LiveError>;
    fn set_notes(item: usize, text: &str) -> Result<Change, LiveError>;
    fn set_difficulties(text: &str) -> Result<Change, LiveError>;
    fn set_next_meeting(day: Option<NaiveDate>) -> Result<Change, LiveError>;
    fn add_action(item: usize, input: ActionInput<'_>) -> Result<Change, LiveError>;
    fn edit_action(item: usize, action: usize, input: ActionInput<'_>) -> Result<Change, LiveError>;
    fn delete_action(item: usize, action: usize) -> Result<Change, LiveError>;
    fn set_action_done(item: usize, action: usize, done_on: Option<NaiveDate>) -> Result<Change, LiveError>;
    fn set_follow(item: usize, follow: bool) -> Result<Change, LiveError>;
    fn set_referent(item: usize, referent: Option<Referent>) -> Result<Change, LiveError>;
    fn set_measure(item: usize, measure: Option<Orientation>) -> Result<Change, LiveError>;
    fn set_approval(item: usize, approval: Option<crate::domain::Approval>) -> Result<Change, LiveError>;
}

impl Owned {
    /// Opens the séance of `meeting` (see [`Seance::new`]).
    pub fn new(meeting: Meeting, review_every_days: u32) -> Self {
        Owned {
            seance: Seance::new(&meeting, review_every_days),
            meeting,
        }
    }

    /// The séance applied to the meeting held here.
    pub fn live(&mut self) -> Live<'_> {
        self.seance.on(&mut self.meeting)
    }

    /// The meeting as it stands.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// Gives the meeting back.
    pub fn into_meeting(self) -> Meeting {
        self.meeting
    }

    /// The séance without its meeting.
    pub fn seance(&mut self) -> &mut Seance {
        &mut self.seance
    }

    pub fn set_read_only(&mut self, read_only: bool) {
        self.seance.set_read_only(read_only);
    }

    pub fn is_read_only(&self) -> bool {
        self.seance.is_read_only()
    }

    pub fn set_consulting(&mut self, consulting: bool) {
        self.seance.set_consulting(consulting);
    }

    pub fn is_consulting(&self) -> bool {
        self.seance.is_consulting()
    }

    pub fn is_closed(&self) -> bool {
        self.seance.is_closed(&self.meeting)
    }

    pub fn is_editable(&self) -> bool {
        self.seance.is_editable(&self.meeting)
    }

    /// Replaces the meeting with the one read again from disk (see [`Seance::reload`]).
    pub fn reload(&mut self, meeting: Meeting) {
        self.meeting = meeting;
        self.seance.reload(&self.meeting);
    }

    pub fn current(&self) -> usize {
        self.seance.current()
    }

    pub fn current_item(&self) -> Option<&Item> {
        self.seance.current_item(&self.meeting)
    }

    pub fn next_item(&mut self) -> bool {
        self.seance.next_item(&self.meeting)
    }

    pub fn previous_item(&mut self) -> bool {
        self.seance.previous_item(&self.meeting)
    }

    pub fn go_to(&mut self, index: usize) -> bool {
        self.seance.go_to(&self.meeting, index)
    }

    pub fn progress(&self, index: usize) -> Progress {
        self.seance.progress(&self.meeting, index)
    }

    pub fn in_roll_call(&self) -> bool {
        self.seance.in_roll_call()
    }

    pub fn leave_roll_call(&mut self) {
        self.seance.leave_roll_call();
    }

    pub fn is_paused(&self) -> bool {
        self.seance.is_paused()
    }

    pub fn toggle_pause(&mut self) -> bool {
        self.seance.toggle_pause()
    }

    pub fn set_departement(&mut self, code: &str) {
        self.seance.set_departement(code);
    }

    pub fn default_next_review(&self) -> Option<NaiveDate> {
        self.seance.default_next_review(&self.meeting)
    }

    pub fn seal(&mut self) {
        self.seance.seal();
    }

    pub fn can_undo(&self) -> bool {
        self.seance.can_undo(&self.meeting)
    }

    pub fn can_redo(&self) -> bool {
        self.seance.can_redo(&self.meeting)
    }

    pub fn ensure_open(&self, index: usize) -> Result<(), LiveError> {
        self.seance.ensure_open(&self.meeting, index)
    }

    /// Closes the meeting, its decisions numbered over `others` (see [`Live::close`]).
    pub fn close(&mut self, others: &[Meeting]) -> Result<Change, LiveError> {
        self.live().close(others)
    }

    /// See [`Live::set_earlier_action_done`]; `others` are the département's meetings.
    pub fn set_earlier_action_done(
        &mut self,
        others: &mut [Meeting],
        meeting_id: &str,
        item: usize,
        action: usize,
        done_on: Option<NaiveDate>,
    ) -> Result<Change, LiveError> {
        let mut others = Others::all(others);
        self.live()
            .set_earlier_action_done(&mut others, meeting_id, item, action, done_on)
    }

    /// Postpones item `index` to `next` (see [`Live::postpone`]).
    pub fn postpone(&mut self, index: usize, next: &mut Meeting) -> Result<Change, LiveError> {
        let id = next.id.clone();
        let mut others = Others::all(std::slice::from_mut(next));
        self.live().postpone(index, &mut others, &id)
    }

    /// See [`Live::undo`]; `others` are the département's meetings.
    pub fn undo(&mut self, others: &mut [Meeting]) -> Result<Change, LiveError> {
        self.live().undo(&mut Others::all(others))
    }

    /// See [`Live::redo`].
    pub fn redo(&mut self, others: &mut [Meeting]) -> Result<Change, LiveError> {
        self.live().redo(&mut Others::all(others))
    }
}
