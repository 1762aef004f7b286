//! Decisions on cases, and the texts of items and of the meeting.

use super::{LiveError, clean_text, ensure_editable, item_mut, set_if_changed};
use crate::domain::{Approval, ClosureReason, Decision, Item, ItemKind, Meeting};
use chrono::{Days, NaiveDate};

/// The case item at `index`.
fn case_item_mut(meeting: &mut Meeting, index: usize) -> Result<&mut Item, LiveError> {
    let item = item_mut(meeting, index)?;
    if item.kind == ItemKind::Case {
        Ok(item)
    } else {
        Err(LiveError::NotACase)
    }
}

/// The next review proposed by default: the meeting's date plus the body's interval
/// (`Body::review_interval_days`). `None` only past the end of the calendar.
pub fn default_next_review(meeting: &Meeting, review_every_days: u32) -> Option<NaiveDate> {
    meeting
        .date
        .checked_add_days(Days::new(u64::from(review_every_days)))
}

/// The next review proposed by default in the département `code`: as
/// [`default_next_review`], moved to the next working day (no Saturday, Sunday or public
/// holiday of the département, `domain::holidays`).
pub fn default_review_in(
    meeting: &Meeting,
    review_every_days: u32,
    code: Option<&str>,
) -> Option<NaiveDate> {
    let day = default_next_review(meeting, review_every_days)?;
    Some(match code {
        Some(code) => crate::domain::holidays::next_working_day(code, day),
        None => day,
    })
}

/// The indexes of the case items still without a decision (to warn before closing).
pub fn undecided_cases(meeting: &Meeting) -> Vec<usize> {
    meeting
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == ItemKind::Case && i.decision.is_none())
        .map(|(n, _)| n)
        .collect()
}

/// Sets (or clears, with `None`) what the meeting decided on the minutes that item
/// `index` approves (« approuvé », « approuvé avec modifications », « ajourné »).
pub fn set_approval(
    meeting: &mut Meeting,
    index: usize,
    approval: Option<Approval>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let item = item_mut(meeting, index)?;
    if item.approves.is_none() {
        return Err(LiveError::NotAnApproval);
    }
    Ok(set_if_changed(&mut item.approval, approval))
}

impl super::Live<'_> {
    /// See [`set_approval`].
    pub fn set_approval(
        &mut self,
        item: usize,
        approval: Option<Approval>,
    ) -> Result<super::Change, LiveError> {
        self.edit(None, |m| set_approval(m, item, approval))
    }
}

/// Sets (or clears, with `None`) the decision on a case item.
///
/// - `close` and `dismiss` require `closure_reason` and clear the next review;
/// - any other decision clears the closure reason and, when no next review is set yet,
///   proposes the default one ([`default_next_review`]);
/// - no decision clears the next review and the closure reason too.
pub fn set_decision(
    meeting: &mut Meeting,
    index: usize,
    decision: Option<Decision>,
    closure_reason: Option<ClosureReason>,
    review_every_days: u32,
) -> Result<bool, LiveError> {
    set_decision_in(
        meeting,
        index,
        decision,
        closure_reason,
        review_every_days,
        None,
    )
}

/// [`set_decision`] in the département `code`: the default next review is a working day
/// there ([`default_review_in`]).
pub fn set_decision_in(
    meeting: &mut Meeting,
    index: usize,
    decision: Option<Decision>,
    closure_reason: Option<ClosureReason>,
    review_every_days: u32,
    code: Option<&str>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let default_review = default_review_in(meeting, review_every_days, code);
    let item = case_item_mut(meeting, index)?;
    let (reason, review) = match decision {
        Some(d) if d.closes() => (
            Some(closure_reason.ok_or(LiveError::ClosureReasonRequired)?),
            None,
        ),
        Some(_) => (None, item.next_review.or(default_review)),
        None => (None, None),
    };
    let mut changed = set_if_changed(&mut item.decision, decision);
    changed |= set_if_changed(&mut item.closure_reason, reason);
    changed |= set_if_changed(&mut item.next_review, review);
    changed |= keep_fitting(item);
    Ok(changed)
}

/// Changes the reason of a closure.
pub fn set_closure_reason(
    meeting: &mut Meeting,
    index: usize,
    reason: ClosureReason,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let item = case_item_mut(meeting, index)?;
    if !item.decision.is_some_and(Decision::closes) {
        return Err(LiveError::NotAClosure);
    }
    Ok(set_if_changed(&mut item.closure_reason, Some(reason)))
}

/// Sets (or clears) the next review of a case item: after the meeting, never on a closure.
pub fn set_next_review(
    meeting: &mut Meeting,
    index: usize,
    review: Option<NaiveDate>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let meeting_date = meeting.date;
    let item = case_item_mut(meeting, index)?;
    if let Some(day) = review {
        if item.decision.is_some_and(Decision::closes) {
            return Err(LiveError::NoReviewAfterClosure);
        }
        if day <= meeting_date {
            return Err(LiveError::ReviewNotAfterMeeting { meeting_date });
        }
    }
    Ok(set_if_changed(&mut item.next_review, review))
}

/// Sets the text of the decision on a case item (blank clears it).
pub fn set_decision_text(
    meeting: &mut Meeting,
    index: usize,
    text: &str,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let item = case_item_mut(meeting, index)?;
    Ok(set_if_changed(&mut item.decision_text, clean_text(text)))
}

/// Sets the notes of any item: what was said (blank clears them).
pub fn set_notes(meeting: &mut Meeting, index: usize, text: &str) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let item = item_mut(meeting, index)?;
    Ok(set_if_changed(&mut item.notes, clean_text(text)))
}

/// Sets the difficulties met (they feed the monthly report; blank clears them).
pub fn set_difficulties(meeting: &mut Meeting, text: &str) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    Ok(set_if_changed(&mut meeting.difficulties, clean_text(text)))
}

/// Sets (or clears) the date of the next meeting, which must come after this one.
pub fn set_next_meeting(meeting: &mut Meeting, day: Option<NaiveDate>) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    if let Some(day) = day
        && day <= meeting.date
    {
        return Err(LiveError::NextMeetingNotAfterMeeting {
            meeting_date: meeting.date,
        });
    }
    Ok(set_if_changed(&mut meeting.next_meeting, day))
}

/// What a new decision keeps of the follow-up fields: a référent only with
/// `change_referent`, a measure only with `orient`, an inscription only when it does not
/// close. Called by [`set_decision`].
fn keep_fitting(item: &mut Item) -> bool {
    let d = item.decision;
    let mut changed = false;
    if d != Some(Decision::ChangeReferent) {
        changed |= set_if_changed(&mut item.referent, None);
    }
    if d != Some(Decision::Orient) {
        changed |= set_if_changed(&mut item.measure, None);
    }
    if d.is_none_or(|d| d.closes()) {
        changed |= set_if_changed(&mut item.follow, false);
    }
    changed
}
