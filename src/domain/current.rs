//! A case's *current* state: its file plus the decisions of held or closed meetings.
//!
//! format.md, "How a case's current state is read": meetings are taken latest last;
//! `next_review` is the latest decision's when it is later than the file's; the case
//! is closed when the latest decision is `close`.

use super::case::Case;
use super::enums::*;
use super::meeting::{Item, Meeting};
use chrono::NaiveDate;

/// One decision taken on a case, with its meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseHistoryEntry<'a> {
    pub meeting: &'a Meeting,
    pub item: &'a Item,
    pub decision: Decision,
}

/// The state of a case once the meetings' decisions are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentCase {
    pub status: CaseStatus,
    pub next_review: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub closure_reason: Option<ClosureReason>,
    /// The latest decision and the date of its meeting.
    pub last_decision: Option<(Decision, NaiveDate)>,
}

impl CurrentCase {
    /// Still followed in some way (not closed).
    pub fn is_open(&self) -> bool {
        self.status != CaseStatus::Closed
    }

    /// Open and due for review on or before `day`.
    pub fn due_by(&self, day: NaiveDate) -> bool {
        self.is_open() && self.next_review.is_some_and(|r| r <= day)
    }
}

/// Every decision taken on `case_id` in held or closed meetings, oldest first.
///
/// The order depends only on the meetings' dates, start times and ids, never on
/// the order in which they were given.
pub fn decision_history<'a>(case_id: &str, meetings: &'a [Meeting]) -> Vec<CaseHistoryEntry<'a>> {
    let mut entries: Vec<CaseHistoryEntry<'a>> = meetings
        .iter()
        .filter(|m| m.status.is_held())
        .flat_map(|meeting| {
            meeting
                .items
                .iter()
                .filter_map(move |item| match (&item.case, item.decision) {
                    (Some(id), Some(decision)) if id == case_id => Some(CaseHistoryEntry {
                        meeting,
                        item,
                        decision,
                    }),
                    _ => None,
                })
        })
        .collect();
    entries.sort_by(|a, b| {
        a.meeting
            .chronological_key()
            .cmp(&b.meeting.chronological_key())
    });
    entries
}

/// The current state of a case given all meetings of its département.
pub fn current_state(case: &Case, meetings: &[Meeting]) -> CurrentCase {
    let history = decision_history(&case.id, meetings);
    let mut current = CurrentCase {
        status: case.status,
        next_review: case.next_review,
        closed_on: case.closed_on,
        closure_reason: case.closure_reason,
        last_decision: None,
    };
    let Some(last) = history.last() else {
        return current;
    };
    current.last_decision = Some((last.decision, last.meeting.date));
    if let Some(review) = last.item.next_review
        && current.next_review.is_none_or(|file| review > file)
    {
        current.next_review = Some(review);
    }
    if last.decision == Decision::Close && case.status != CaseStatus::Closed {
        current.status = CaseStatus::Closed;
        current.closed_on = Some(last.meeting.date);
        current.closure_reason = last.item.closure_reason.or(Some(ClosureReason::Other));
    }
    current
}
