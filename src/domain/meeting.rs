//! A meeting: agenda, attendance, decisions and actions.

use super::case::Referent;
use super::enums::*;
use chrono::{NaiveDate, NaiveTime};

/// The timebox of the approval item, in minutes.
pub const APPROVAL_MINUTES: u32 = 5;

/// How one invited member attended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    pub member: String,
    pub status: AttendanceStatus,
    /// Who represented the member (with `Represented`).
    pub by: Option<String>,
    /// Invited « pour information »: receives the minutes, not expected.
    pub for_information: bool,
}

/// Someone outside the directory who attended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guest {
    pub name: String,
    pub title: Option<String>,
    pub organisation: String,
    /// Where the convocation is sent (optional).
    pub email: Option<String>,
    pub status: AttendanceStatus,
    pub by: Option<String>,
    /// Invited « pour information »: receives the minutes, not expected.
    pub for_information: bool,
}

/// An action decided at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub text: String,
    /// A member id.
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

impl Action {
    /// Still to be done.
    pub fn is_open(&self) -> bool {
        self.done_on.is_none()
    }

    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// The care measure an orientation adds to the case (`measure:` of a decision
/// `orient`); it starts on the meeting's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orientation {
    pub kind: MeasureType,
    pub provider: Option<String>,
}

/// One item of the agenda.
///
/// The fields that a kind does not use stay empty; validation reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    pub title: Option<String>,
    /// The case id (kind `case`).
    pub case: Option<String>,
    /// The timebox, in minutes.
    pub minutes: Option<u32>,
    pub notes: Option<String>,
    pub decision: Option<Decision>,
    pub decision_text: Option<String>,
    pub next_review: Option<NaiveDate>,
    pub closure_reason: Option<ClosureReason>,
    /// « Inscription au suivi »: the decision puts the case under follow-up (`follow: true`).
    pub follow: bool,
    /// The new référent de parcours (decision `change_referent`).
    pub referent: Option<Referent>,
    /// The care measure oriented to (decision `orient`).
    pub measure: Option<Orientation>,
    pub actions: Vec<Action>,
    pub spent_seconds: Option<u64>,
    /// The decision's number (`CPRAF-2026-D017`), given when its meeting is closed and
    /// kept for ever after (see `live::numbering`).
    pub number: Option<String>,
    /// The earlier meeting whose minutes this topic approves (« Approbation du compte
    /// rendu »): its id, a held meeting of the same body.
    pub approves: Option<String>,
    /// What was decided on those minutes (with `approves`).
    pub approval: Option<Approval>,
}

impl Item {
    fn empty(kind: ItemKind) -> Self {
        Item {
            kind,
            title: None,
            case: None,
            minutes: None,
            notes: None,
            decision: None,
            decision_text: None,
            next_review: None,
            closure_reason: None,
            follow: false,
            referent: None,
            measure: None,
            actions: Vec::new(),
            spent_seconds: None,
            number: None,
            approves: None,
            approval: None,
        }
    }

    /// A free topic.
    pub fn topic(title: impl Into<String>, minutes: Option<u32>) -> Self {
        Item {
            title: Some(title.into()),
            minutes,
            ..Item::empty(ItemKind::Topic)
        }
    }

    /// The approval of the minutes of `meeting` (an earlier meeting's id), titled `title`.
    pub fn approval_of(title: impl Into<String>, meeting: impl Into<String>) -> Self {
        Item {
            title: Some(title.into()),
            minutes: Some(APPROVAL_MINUTES),
            approves: Some(meeting.into()),
            ..Item::empty(ItemKind::Topic)
        }
    }

    /// A case to review.
    pub fn case(case_id: impl Into<String>, minutes: Option<u32>) -> Self {
        Item {
            case: Some(case_id.into()),
            minutes,
            ..Item::empty(ItemKind::Case)
        }
    }

    /// The review of the actions still open from earlier meetings.
    pub fn actions_review(title: impl Into<String>, minutes: Option<u32>) -> Self {
        Item {
            title: Some(title.into()),
            minutes,
            ..Item::empty(ItemKind::Actions)
        }
    }

    /// The item as it goes onto another meeting's agenda (carried over or postponed): what
    /// it is and its timebox, nothing of what was said.
    pub fn fresh(&self) -> Item {
        Item {
            title: self.title.clone(),
            case: self.case.clone(),
            minutes: self.minutes,
            ..Item::empty(self.kind)
        }
    }
}

/// An item taken off a meeting's agenda during its séance and put onto the next meeting of
/// its body (« reporté à la prochaine séance »).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postponed {
    /// The item as it was planned (kind, case or title, timebox).
    pub item: Item,
    /// The id of the meeting it went to.
    pub to: String,
}

/// A meeting as kept in `meetings/<id>.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: String,
    pub body: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub place: Option<String>,
    pub chair: String,
    pub status: MeetingStatus,
    pub attendance: Vec<Attendance>,
    pub guests: Vec<Guest>,
    pub items: Vec<Item>,
    pub difficulties: Option<String>,
    pub next_meeting: Option<NaiveDate>,
    /// The logistics beyond date, time and place (all optional).
    pub details: Details,
    /// The days the meeting was reopened after being closed, oldest first.
    pub reopened: Vec<NaiveDate>,
    /// The time spent before the first item (the roll call), in seconds.
    pub roll_call_seconds: Option<u64>,
    /// The items postponed to the next meeting during the séance, in the order postponed.
    pub postponed: Vec<Postponed>,
}

/// What a convocation says beyond date, time and place, and what became of the date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    /// The planned end (local time).
    pub end: Option<NaiveTime>,
    /// The member who writes the minutes (rédacteur).
    pub secretary: Option<String>,
    /// The body's own reference for the meeting (its numbering, a mail's reference).
    pub reference: Option<String>,
    /// Why the meeting was cancelled (status `cancelled`).
    pub cancel_reason: Option<String>,
    /// The date the meeting was first set for, when it was moved: the id keeps that date.
    pub rescheduled_from: Option<NaiveDate>,
}

impl Meeting {
    /// The planned length: the sum of the timeboxes, in minutes.
    pub fn planned_minutes(&self) -> u32 {
        self.items
            .iter()
            .filter_map(|i| i.minutes)
            .fold(0u32, u32::saturating_add)
    }

    /// The agenda contains this case.
    pub fn has_case(&self, case_id: &str) -> bool {
        self.items
            .iter()
            .any(|i| i.case.as_deref() == Some(case_id))
    }

    /// The agenda contains the review of open actions.
    pub fn has_actions_review(&self) -> bool {
        self.items.iter().any(|i| i.kind == ItemKind::Actions)
    }

    /// The planned end: the one written, else the start plus the timeboxes (none when
    /// there are none).
    pub fn planned_end(&self) -> Option<NaiveTime> {
        self.details.end.or_else(|| {
            let minutes = self.planned_minutes();
            (minutes > 0).then(|| {
                self.start
                    .overflowing_add_signed(chrono::TimeDelta::minutes(i64::from(minutes)))
                    .0
            })
        })
    }

    /// The date the id was made from: the first date of a moved meeting, else its date.
    pub fn id_date(&self) -> NaiveDate {
        self.details.rescheduled_from.unwrap_or(self.date)
    }

    /// Moves the meeting to `date`, keeping its id (and so every reference to it): the first
    /// date is recorded once, and forgotten when the meeting comes back to it.
    pub fn reschedule(&mut self, date: NaiveDate) {
        if date == self.date {
            return;
        }
        let first = self.id_date();
        self.date = date;
        self.details.rescheduled_from = (first != date).then_some(first);
    }

    /// Cancels the meeting for `reason`; it stays in the history.
    pub fn cancel(&mut self, reason: &str) {
        self.status = MeetingStatus::Cancelled;
        let reason = reason.trim();
        self.details.cancel_reason = (!reason.is_empty()).then(|| reason.to_string());
    }

    /// Those expected at the meeting: invitees not kept « pour information ».
    pub fn expected(&self) -> impl Iterator<Item = &Attendance> {
        self.attendance.iter().filter(|a| !a.for_information)
    }

    /// Sort key that orders meetings in time, then by id.
    pub fn chronological_key(&self) -> (NaiveDate, NaiveTime, &str) {
        (self.date, self.start, self.id.as_str())
    }
}
