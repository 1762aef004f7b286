//! The séance: the meeting being held, its current item, its timers and its history; its
//! edits are in `edits.rs`.

use super::LiveError;
use super::decisions;
use super::history::History;
use super::others::Others;
use super::reorder;
use crate::domain::{Item, Meeting, MeetingStatus};
use chrono::NaiveDate;

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

/// The séance of a meeting: its current item, its timers' state and its history. It does
/// not hold the meeting: the meeting stays where it lives (the interface's loaded data, or
/// [`super::Owned`]) and every edit goes through [`Live`], the séance applied to it.
#[derive(Debug, Clone)]
pub struct Seance {
    /// The id of the meeting being run.
    pub(super) id: String,
    pub(super) review_every_days: u32,
    pub(super) current: usize,
    pub(super) read_only: bool,
    pub(super) history: History,
    /// The département's code, for the working days of proposed dates (`None`: every day
    /// but none moved).
    pub(super) departement: Option<String>,
    /// Opened to be read (a held or closed meeting): nothing counts, nothing is changed,
    /// until the user resumes the séance.
    pub(super) consulting: bool,
    /// Suspended (suspension de séance): no timer counts until resumed.
    pub(super) paused: bool,
    /// Before the first item: the time counted is the roll call's.
    pub(super) roll_call: bool,
}

/// The séance applied to its meeting, borrowed where it lives: every edit goes through
/// here, so that it can be undone.
///
/// Edits return [`Change`]: the caller writes the meeting named there, and nothing when
/// `Unchanged`. A refused edit changes nothing and says why ([`LiveError`]).
#[derive(Debug)]
pub struct Live<'a> {
    pub(super) seance: &'a mut Seance,
    pub(super) meeting: &'a mut Meeting,
}

impl Seance {
    /// Opens the séance of `meeting`; `review_every_days` is the body's
    /// (`Body::review_interval_days`). The current item is the last one with time spent
    /// (where an interrupted séance stopped), else the first; while no item has time spent,
    /// the séance is at its roll call (see [`Self::in_roll_call`]).
    pub fn new(meeting: &Meeting, review_every_days: u32) -> Self {
        let last = meeting
            .items
            .iter()
            .rposition(|i| i.spent_seconds.is_some_and(|s| s > 0));
        Seance {
            id: meeting.id.clone(),
            review_every_days,
            current: last.unwrap_or(0),
            roll_call: last.is_none() && !meeting.items.is_empty(),
            read_only: false,
            consulting: false,
            history: History::new(),
            departement: None,
            paused: false,
        }
    }

    /// The id of the meeting being run.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The séance applied to `meeting` (its own: the caller found it by [`Self::id`]).
    pub fn on<'a>(&'a mut self, meeting: &'a mut Meeting) -> Live<'a> {
        debug_assert_eq!(meeting.id, self.id);
        Live {
            seance: self,
            meeting,
        }
    }

    /// Runs `edit` on the séance applied to its meeting found among `meetings` (the
    /// département's), with the other meetings; refused when its meeting is not there.
    pub fn apply<T>(
        &mut self,
        meetings: &mut [Meeting],
        edit: impl FnOnce(&mut Live<'_>, &mut Others<'_>) -> Result<T, LiveError>,
    ) -> Result<T, LiveError> {
        let id = self.id.clone();
        let (mut live, mut others) = self
            .among(meetings)
            .ok_or(LiveError::NoSuchMeeting { id })?;
        edit(&mut live, &mut others)
    }

    /// The séance applied to its meeting found among `meetings` (the département's), and
    /// the other meetings, for the edits that reach an earlier meeting. `None` when its
    /// meeting is not there.
    pub fn among<'a>(&'a mut self, meetings: &'a mut [Meeting]) -> Option<(Live<'a>, Others<'a>)> {
        let at = meetings.iter().position(|m| m.id == self.id)?;
        let (before, rest) = meetings.split_at_mut(at);
        let (meeting, after) = rest.split_first_mut()?;
        Some((
            Live {
                seance: self,
                meeting,
            },
            Others::around(before, after),
        ))
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
    pub fn is_closed(&self, meeting: &Meeting) -> bool {
        meeting.status == MeetingStatus::Closed
    }

    /// Edits are accepted (neither closed nor read-only).
    pub fn is_editable(&self, meeting: &Meeting) -> bool {
        !self.read_only && !self.consulting && !self.is_closed(meeting)
    }

    /// Its meeting was read again from disk (changed by someone else). The history is
    /// forgotten: undoing must never bring back a state over theirs.
    pub fn reload(&mut self, meeting: &Meeting) {
        self.history.clear();
        self.current = self.current.min(meeting.items.len().saturating_sub(1));
    }

    // ---- navigation ----

    /// The index of the current item (0 when the agenda is empty).
    pub fn current(&self) -> usize {
        self.current
    }

    /// The current item of `meeting`, if the agenda has any.
    pub fn current_item<'m>(&self, meeting: &'m Meeting) -> Option<&'m Item> {
        meeting.items.get(self.current)
    }

    /// Goes to the next item (from the roll call, the first); `false` on the last one.
    pub fn next_item(&mut self, meeting: &Meeting) -> bool {
        if self.roll_call {
            self.history.seal();
            self.roll_call = false;
            return true;
        }
        self.go_to(meeting, self.current.saturating_add(1))
    }

    /// Goes to the previous item; `false` on the first one.
    pub fn previous_item(&mut self, meeting: &Meeting) -> bool {
        match self.current.checked_sub(1) {
            Some(index) => self.go_to(meeting, index),
            None => false,
        }
    }

    /// Goes to item `index`; `false` when there is no such item or it is already current.
    pub fn go_to(&mut self, meeting: &Meeting, index: usize) -> bool {
        self.history.seal();
        let len = meeting.items.len();
        if index < len && self.roll_call {
            self.roll_call = false;
            self.current = index;
            true
        } else if index < len && index != self.current {
            self.current = index;
            true
        } else {
            false
        }
    }

    /// Where item `index` of `meeting` stands.
    pub fn progress(&self, meeting: &Meeting, index: usize) -> Progress {
        let Some(item) = meeting.items.get(index) else {
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

    /// The next review a decision on `meeting` proposes by default: a working day of the
    /// département once it is known ([`Self::set_departement`]).
    pub fn default_next_review(&self, meeting: &Meeting) -> Option<NaiveDate> {
        decisions::default_review_in(meeting, self.review_every_days, self.departement.as_deref())
    }

    /// The département whose working days the proposed dates fall on.
    pub fn set_departement(&mut self, code: &str) {
        self.departement = Some(code.to_string());
    }

    /// Ends the grouping of typed text (the user left the field).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Something can be undone now.
    pub fn can_undo(&self, meeting: &Meeting) -> bool {
        self.is_editable(meeting) && self.history.can_undo()
    }

    /// Something can be redone now.
    pub fn can_redo(&self, meeting: &Meeting) -> bool {
        self.is_editable(meeting) && self.history.can_redo()
    }

    /// Where the séance stands, for the moves of the agenda.
    pub(super) fn position(&self) -> reorder::Position {
        reorder::Position {
            current: self.current,
            roll_call: self.roll_call,
        }
    }

    /// Item `index` of `meeting` is not taken yet: it may move or be postponed (see
    /// [`reorder::ensure_open`]).
    pub fn ensure_open(&self, meeting: &Meeting, index: usize) -> Result<(), LiveError> {
        reorder::ensure_open(meeting, index, self.position())
    }
}
