//! Rules the screens and exports rest on: minors, open actions, reviews due.

use super::case::Case;
use super::current::{CurrentCase, Histories};
use super::enums::*;
use super::meeting::{Action, Meeting};
use chrono::{Datelike, NaiveDate};

/// Age of majority.
pub const MAJORITY: i32 = 18;

/// A person born in `birth_year` is a minor on `day` (reckoned by year, as format.md says).
pub fn is_minor(birth_year: i32, day: NaiveDate) -> bool {
    day.year() - birth_year < MAJORITY
}

impl Case {
    /// A person case whose birth year makes them a minor on `day`.
    pub fn is_minor_on(&self, day: NaiveDate) -> bool {
        self.kind == CaseKind::Person && self.birth_year.is_some_and(|y| is_minor(y, day))
    }
}

/// An action still open, with where it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAction<'a> {
    pub meeting: &'a Meeting,
    /// Index of the item in the meeting's agenda.
    pub item_index: usize,
    /// Index of the action in the item.
    pub action_index: usize,
    pub action: &'a Action,
    /// The case the action belongs to, if any.
    pub case: Option<&'a str>,
}

impl OpenAction<'_> {
    /// Days since the meeting that decided it.
    pub fn age_days(&self, today: NaiveDate) -> i64 {
        (today - self.meeting.date).num_days()
    }
}

/// The actions still open that held or closed meetings of `body` decided before `before`
/// (exclusive; `None` for all), oldest meeting first.
pub fn open_actions<'a>(
    meetings: &'a [Meeting],
    body: &str,
    before: Option<NaiveDate>,
) -> Vec<OpenAction<'a>> {
    let mut held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.body == body && m.status.is_held() && before.is_none_or(|b| m.date < b))
        .collect();
    held.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    held.into_iter()
        .flat_map(|meeting| {
            meeting
                .items
                .iter()
                .enumerate()
                .flat_map(move |(item_index, item)| {
                    item.actions
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.is_open())
                        .map(move |(action_index, action)| OpenAction {
                            meeting,
                            item_index,
                            action_index,
                            action,
                            case: item.case.as_deref(),
                        })
                })
        })
        .collect()
}

/// The open cases of `body` due for review on or before `day`, soonest first.
pub fn due_for_review<'a>(
    cases: &'a [Case],
    meetings: &[Meeting],
    body: &str,
    day: NaiveDate,
) -> Vec<(&'a Case, CurrentCase)> {
    let histories = Histories::new(meetings);
    let mut due: Vec<(&Case, CurrentCase)> = cases
        .iter()
        .filter(|c| c.body == body)
        .map(|c| (c, histories.current(c)))
        .filter(|(_, cur)| cur.due_by(day))
        .collect();
    due.sort_by(|a, b| (a.1.next_review, &a.0.id).cmp(&(b.1.next_review, &b.0.id)));
    due
}

/// The date of the latest held or closed meeting of `body` strictly before `day`.
pub fn last_held_before(meetings: &[Meeting], body: &str, day: NaiveDate) -> Option<NaiveDate> {
    meetings
        .iter()
        .filter(|m| m.body == body && m.status.is_held() && m.date < day)
        .map(|m| m.date)
        .max()
}

/// The date of the latest held or closed meeting of `body`.
pub fn last_held(meetings: &[Meeting], body: &str) -> Option<NaiveDate> {
    meetings
        .iter()
        .filter(|m| m.body == body && m.status.is_held())
        .map(|m| m.date)
        .max()
}
