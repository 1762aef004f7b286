//! A case's *current* state: its file plus the decisions of held or closed meetings.
//!
//! format.md, "How a case's current state is read": meetings are taken latest last;
//! `next_review` is the latest decision's when it is later than the file's; the case
//! is closed when the latest decision closes it (`close`, `dismiss`); a decision with
//! `follow: true` (or `take_charge`) puts a reported or assessed case under follow-up;
//! the latest `change_referent`'s `referent:` is the référent; each `orient`'s
//! `measure:` is a care measure from the meeting's day.

use super::case::{Case, Measure, Referent};
use super::enums::*;
use super::meeting::{Item, Meeting};
use chrono::NaiveDate;
use std::collections::HashMap;

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
    /// The référent de parcours: the latest `change_referent`'s, else the file's.
    pub referent: Option<Referent>,
    /// The care measures added by orientations (`measure:` of `orient`), oldest first;
    /// the file's own are in the case.
    pub added_measures: Vec<Measure>,
}

impl CurrentCase {
    /// Still followed in some way (not closed).
    pub fn is_open(&self) -> bool {
        self.status != CaseStatus::Closed
    }

    /// Every care measure of the case: the file's, then those the orientations added.
    pub fn measures<'c>(&'c self, case: &'c Case) -> impl Iterator<Item = &'c Measure> + 'c {
        case.measures.iter().chain(self.added_measures.iter())
    }

    /// The case as it stands: its file with this state applied (status, référent,
    /// measures, next review, closure), for what reads a [`Case`] (exports, the fund's
    /// checks).
    pub fn applied_to(&self, case: &Case) -> Case {
        let mut out = case.clone();
        out.status = self.status;
        out.next_review = self.next_review;
        out.closed_on = self.closed_on;
        out.closure_reason = self.closure_reason;
        out.referent.clone_from(&self.referent);
        out.measures.extend(self.added_measures.iter().cloned());
        out
    }

    /// Open and due for review on or before `day`.
    pub fn due_by(&self, day: NaiveDate) -> bool {
        self.is_open() && self.next_review.is_some_and(|r| r <= day)
    }
}

/// Every decision taken on `case_id` in held or closed meetings, oldest first.
///
/// The order depends only on the meetings' dates, start times and ids, never on
/// the order in which they were given. For many cases at once, build [`Histories`].
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
    sort_chronologically(&mut entries);
    entries
}

/// Oldest meeting first; a stable sort, so one meeting's items keep their order.
fn sort_chronologically(entries: &mut [CaseHistoryEntry<'_>]) {
    entries.sort_by(|a, b| {
        a.meeting
            .chronological_key()
            .cmp(&b.meeting.chronological_key())
    });
}

/// The decision histories of every case, read from the meetings in one pass.
///
/// `decision_history` scans every meeting for one case; deriving the state of all the
/// cases of a département that way costs cases × items. This index costs one pass over
/// the items, and gives each case the same history as `decision_history`.
#[derive(Debug, Default)]
pub struct Histories<'a> {
    by_case: HashMap<&'a str, Vec<CaseHistoryEntry<'a>>>,
}

impl<'a> Histories<'a> {
    /// The histories over every meeting of `meetings`.
    pub fn new(meetings: &'a [Meeting]) -> Histories<'a> {
        Histories::of_meetings(meetings)
    }

    /// The histories over the given meetings only (the held or closed ones among them).
    pub fn of_meetings(meetings: impl IntoIterator<Item = &'a Meeting>) -> Histories<'a> {
        let mut by_case: HashMap<&'a str, Vec<CaseHistoryEntry<'a>>> = HashMap::new();
        for meeting in meetings.into_iter().filter(|m| m.status.is_held()) {
            for item in &meeting.items {
                if let (Some(id), Some(decision)) = (&item.case, item.decision) {
                    by_case
                        .entry(id.as_str())
                        .or_default()
                        .push(CaseHistoryEntry {
                            meeting,
                            item,
                            decision,
                        });
                }
            }
        }
        for entries in by_case.values_mut() {
            sort_chronologically(entries);
        }
        Histories { by_case }
    }

    /// The decisions taken on `case_id`, oldest first (as [`decision_history`]).
    pub fn of(&self, case_id: &str) -> &[CaseHistoryEntry<'a>] {
        self.by_case.get(case_id).map_or(&[], Vec::as_slice)
    }

    /// The current state of `case` (as [`current_state`]).
    pub fn current(&self, case: &Case) -> CurrentCase {
        apply(case, self.of(&case.id))
    }
}

/// The current state of a case given all meetings of its département.
pub fn current_state(case: &Case, meetings: &[Meeting]) -> CurrentCase {
    apply(case, &decision_history(&case.id, meetings))
}

/// The current states of `cases`, in their order, given all meetings of their département.
pub fn current_states(cases: &[Case], meetings: &[Meeting]) -> Vec<CurrentCase> {
    let histories = Histories::new(meetings);
    cases.iter().map(|c| histories.current(c)).collect()
}

/// The file's state with the decisions of `history` applied, oldest first.
fn apply(case: &Case, history: &[CaseHistoryEntry<'_>]) -> CurrentCase {
    let mut current = CurrentCase {
        status: case.status,
        next_review: case.next_review,
        closed_on: case.closed_on,
        closure_reason: case.closure_reason,
        last_decision: None,
        referent: case.referent.clone(),
        added_measures: Vec::new(),
    };
    // The status the case returns to when a closure is followed by another decision.
    let mut open_status = case.status;
    for entry in history {
        let item = entry.item;
        if entry.decision.closes() {
            if case.status != CaseStatus::Closed {
                current.status = CaseStatus::Closed;
                current.closed_on = Some(entry.meeting.date);
                current.closure_reason = item.closure_reason.or(Some(ClosureReason::Other));
            }
            continue;
        }
        if (item.follow || entry.decision.follows())
            && matches!(open_status, CaseStatus::Reported | CaseStatus::Assessed)
        {
            open_status = CaseStatus::Followed;
        }
        if case.status != CaseStatus::Closed {
            current.status = open_status;
            current.closed_on = None;
            current.closure_reason = None;
        }
        if entry.decision == Decision::ChangeReferent
            && let Some(r) = &item.referent
        {
            current.referent = Some(r.clone());
        }
        if entry.decision == Decision::Orient
            && let Some(m) = &item.measure
        {
            current.added_measures.push(Measure {
                kind: m.kind,
                provider: m.provider.clone(),
                from: entry.meeting.date,
                to: None,
                fipd: false,
                fipd_action: None,
                fipd_justification: None,
                support_group: false,
            });
        }
    }
    let Some(last) = history.last() else {
        return current;
    };
    current.last_decision = Some((last.decision, last.meeting.date));
    if let Some(review) = last.item.next_review
        && current.next_review.is_none_or(|file| review > file)
    {
        current.next_review = Some(review);
    }
    if current.status == CaseStatus::Closed && case.status != CaseStatus::Closed {
        current.next_review = None;
    }
    current
}
