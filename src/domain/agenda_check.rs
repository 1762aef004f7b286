//! Agendas that stay current: once a séance is closed, the drafts and convened agendas of
//! the body's later meetings are checked against what it decided, and `suggest` says
//! what it left out and why.

use super::current::Histories;
use super::dataset::DeptData;
use super::enums::*;
use super::meeting::{Item, Meeting};
use chrono::NaiveDate;

/// A case of a later agenda that the closed séance changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaterAgenda {
    /// Closed in the séance: taken off the later agenda.
    Closed {
        meeting: String,
        date: NaiveDate,
        case: String,
    },
    /// Just reviewed, and its next review falls after the later meeting: flagged (the
    /// agenda screen shows it; `d` takes it off).
    ReviewLater {
        meeting: String,
        date: NaiveDate,
        case: String,
        next_review: NaiveDate,
    },
}

/// The drafts and convened meetings of `held`'s body after it, whose agenda holds a case
/// `held` closed (to take off) or reviewed with a next review after that meeting (to
/// flag). Meetings in their order in `data`.
pub fn later_agendas(data: &DeptData, held: &Meeting) -> Vec<LaterAgenda> {
    let histories = Histories::new(&data.meetings);
    let mut out = Vec::new();
    let decided: Vec<(&str, Decision)> = held
        .items
        .iter()
        .filter_map(|i| Some((i.case.as_deref()?, i.decision?)))
        .collect();
    for later in data.meetings.iter().filter(|m| {
        m.body == held.body
            && m.id != held.id
            && matches!(m.status, MeetingStatus::Draft | MeetingStatus::Convened)
            && m.chronological_key() > held.chronological_key()
    }) {
        for (case_id, decision) in &decided {
            if !later.has_case(case_id) {
                continue;
            }
            let Some(case) = data.case(case_id) else {
                continue;
            };
            let current = histories.current(case);
            if decision.closes() || !current.is_open() {
                out.push(LaterAgenda::Closed {
                    meeting: later.id.clone(),
                    date: later.date,
                    case: case_id.to_string(),
                });
            } else if let Some(next) = current.next_review.filter(|d| *d > later.date) {
                out.push(LaterAgenda::ReviewLater {
                    meeting: later.id.clone(),
                    date: later.date,
                    case: case_id.to_string(),
                    next_review: next,
                });
            }
        }
    }
    out
}

/// Takes `case` off the agenda of `meeting`; `true` when it was there.
pub fn take_off(meeting: &mut Meeting, case: &str) -> bool {
    let before = meeting.items.len();
    meeting.items.retain(|i| i.case.as_deref() != Some(case));
    meeting.items.len() != before
}

/// The case items of a draft or convened `meeting` whose case was reviewed at a held
/// meeting before it and comes back only after it: (item index, next review).
pub fn premature_items(data: &DeptData, meeting: &Meeting) -> Vec<(usize, NaiveDate)> {
    if meeting.status.is_held() {
        return Vec::new();
    }
    let earlier = data
        .meetings
        .iter()
        .filter(|m| m.chronological_key() < meeting.chronological_key());
    let histories = Histories::of_meetings(earlier);
    meeting
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, item)| {
            let case = data.case(item.case.as_deref()?)?;
            if histories.of(&case.id).is_empty() {
                return None;
            }
            let current = histories.current(case);
            let next = current
                .next_review
                .filter(|d| current.is_open() && *d > meeting.date)?;
            Some((n, next))
        })
        .collect()
}

/// Why `suggest` left a case of the body out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Already on the agenda.
    OnAgenda,
    /// Its next review falls after the meeting.
    NotDue(NaiveDate),
    /// Open, neither new nor with a next review.
    NoReviewDate,
}

/// The open cases of the meeting's body that `suggested` does not hold, with why.
pub fn left_out(data: &DeptData, meeting: &Meeting, suggested: &[Item]) -> Vec<(String, LeftOut)> {
    let others = data.meetings.iter().filter(|m| m.id != meeting.id);
    let histories = Histories::of_meetings(others);
    let mut out = Vec::new();
    for case in data.cases.iter().filter(|c| c.body == meeting.body) {
        let current = histories.current(case);
        if !current.is_open()
            || suggested
                .iter()
                .any(|i| i.case.as_deref() == Some(&case.id))
        {
            continue;
        }
        let why = if meeting.has_case(&case.id) {
            LeftOut::OnAgenda
        } else {
            match current.next_review {
                Some(d) if d > meeting.date => LeftOut::NotDue(d),
                Some(_) => continue,
                None => LeftOut::NoReviewDate,
            }
        };
        out.push((case.id.clone(), why));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::*;

    fn data() -> DeptData {
        let mut d = paris(vec![body("cpraf", 30, &["dircab"])]);
        d.cases.push(case("c-closed", "cpraf"));
        d.cases.push(case("c-later", "cpraf"));
        d.cases.push(case("c-soon", "cpraf"));
        let mut held = meeting("m1", "cpraf", "2026-11-16", MeetingStatus::Closed);
        held.items.push(decided("c-closed", Decision::Close, None));
        held.items
            .push(decided("c-later", Decision::Continue, Some("2027-02-01")));
        held.items
            .push(decided("c-soon", Decision::Continue, Some("2026-12-01")));
        let mut next = meeting("m2", "cpraf", "2026-12-14", MeetingStatus::Draft);
        for id in ["c-closed", "c-later", "c-soon"] {
            next.items.push(Item::case(id, Some(10)));
        }
        d.meetings = vec![held, next];
        d
    }

    #[test]
    fn a_closed_seance_takes_its_closures_off_and_flags_later_reviews() {
        let d = data();
        let found = later_agendas(&d, &d.meetings[0]);
        assert_eq!(
            found,
            vec![
                LaterAgenda::Closed {
                    meeting: "m2".into(),
                    date: day("2026-12-14"),
                    case: "c-closed".into()
                },
                LaterAgenda::ReviewLater {
                    meeting: "m2".into(),
                    date: day("2026-12-14"),
                    case: "c-later".into(),
                    next_review: day("2027-02-01")
                },
            ]
        );
        let mut next = d.meetings[1].clone();
        assert!(take_off(&mut next, "c-closed"));
        assert!(!take_off(&mut next, "c-closed"));
        assert_eq!(next.items.len(), 2);
        assert_eq!(
            premature_items(&d, &d.meetings[1]),
            vec![(1, day("2027-02-01"))]
        );
        // A held meeting is never flagged.
        assert!(premature_items(&d, &d.meetings[0]).is_empty());
    }

    #[test]
    fn suggest_says_what_it_left_out() {
        let mut d = data();
        d.meetings[1].items.clear();
        d.cases.push(case("c-none", "cpraf"));
        let mut listed = d.meetings[1].clone();
        listed.items.push(Item::case("c-soon", None));
        let out = left_out(&d, &listed, &[]);
        assert_eq!(
            out,
            vec![
                ("c-later".to_string(), LeftOut::NotDue(day("2027-02-01"))),
                ("c-soon".to_string(), LeftOut::OnAgenda),
                ("c-none".to_string(), LeftOut::NoReviewDate),
            ]
        );
    }
}
