//! Building a meeting and its agenda: a new meeting for a body, the suggested items.

use super::case::Case;
use super::current::Histories;
use super::dataset::DeptData;
use super::enums::*;
use super::ids::next_meeting_id;
use super::meeting::{Attendance, Item, Meeting};
use super::rules::{due_for_review, last_held_before, open_actions};
use chrono::{NaiveDate, NaiveTime};

/// The timebox given to a case item added by the app, in minutes.
pub const DEFAULT_CASE_MINUTES: u32 = 10;
/// The timebox given to the review of open actions, in minutes.
pub const DEFAULT_ACTIONS_MINUTES: u32 = 10;
/// The length a meeting is planned for when nothing else says so, in minutes.
pub const DEFAULT_MEETING_MINUTES: u32 = 120;
/// The start time of a new meeting.
pub fn default_start() -> NaiveTime {
    NaiveTime::from_hms_opt(14, 30, 0).unwrap_or(NaiveTime::MIN)
}

/// A new draft meeting of `body` on `date`: a free id, the body's chair, its members invited.
///
/// `None` when the body does not exist.
pub fn new_meeting(
    data: &DeptData,
    body: &str,
    date: NaiveDate,
    start: NaiveTime,
) -> Option<Meeting> {
    let body = data.department.body(body)?;
    let id = next_meeting_id(date, &body.id, data.meetings.iter().map(|m| m.id.as_str()));
    Some(Meeting {
        id,
        body: body.id.clone(),
        date,
        start,
        place: None,
        chair: body.chair.clone(),
        status: MeetingStatus::Draft,
        attendance: body
            .members
            .iter()
            .map(|member| Attendance {
                member: member.clone(),
                status: AttendanceStatus::Invited,
                by: None,
                for_information: false,
            })
            .collect(),
        guests: Vec::new(),
        items: Vec::new(),
        difficulties: None,
        next_meeting: None,
        details: Default::default(),
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
    })
}

/// The open cases of `body` that are new since its last held meeting before `date`:
/// reported after that meeting (or never decided on when the body never met), and
/// reported on or before `date`. Oldest report first.
pub fn new_cases<'a>(data: &'a DeptData, body: &str, date: NaiveDate) -> Vec<&'a Case> {
    let last = last_held_before(&data.meetings, body, date);
    let histories = Histories::new(&data.meetings);
    let mut out: Vec<&Case> = data
        .cases
        .iter()
        .filter(|c| c.body == body)
        .filter(|c| c.reported_on <= date)
        .filter(|c| histories.current(c).is_open())
        .filter(|c| match last {
            Some(last) => c.reported_on > last,
            None => histories.of(&c.id).is_empty(),
        })
        .collect();
    out.sort_by(|a, b| (a.reported_on, &a.id).cmp(&(b.reported_on, &b.id)));
    out
}

/// The items that `suggest` would add to `meeting`, none already on its agenda:
/// the review of open actions (when some are open), the cases due for review by the
/// meeting's date (soonest first), then the cases new since the last held meeting.
pub fn suggest(data: &DeptData, meeting: &Meeting, actions_title: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let others: Vec<Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.id != meeting.id)
        .cloned()
        .collect();
    if !meeting.has_actions_review()
        && !open_actions(&others, &meeting.body, Some(meeting.date)).is_empty()
    {
        out.push(Item::actions_review(
            actions_title,
            Some(DEFAULT_ACTIONS_MINUTES),
        ));
    }
    let mut seen: Vec<String> = Vec::new();
    let due = due_for_review(&data.cases, &others, &meeting.body, meeting.date)
        .into_iter()
        .map(|(c, _)| c);
    let fresh = new_cases(data, &meeting.body, meeting.date);
    for case in due.chain(fresh) {
        if meeting.has_case(&case.id) || seen.contains(&case.id) {
            continue;
        }
        seen.push(case.id.clone());
        out.push(Item::case(case.id.clone(), Some(DEFAULT_CASE_MINUTES)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::*;

    fn data() -> DeptData {
        paris(vec![body("cpraf", 30, &["dircab", "parquet"])])
    }

    #[test]
    fn new_meeting_invites_the_members_with_a_free_id() {
        let mut d = data();
        d.meetings.push(meeting(
            "2026-12-01-cpraf",
            "cpraf",
            "2026-12-01",
            MeetingStatus::Draft,
        ));
        let m = new_meeting(&d, "cpraf", day("2026-12-01"), default_start()).unwrap();
        assert_eq!(m.id, "2026-12-01-cpraf-2");
        assert_eq!(m.chair, "dircab");
        assert_eq!(m.status, MeetingStatus::Draft);
        let invited: Vec<(&str, AttendanceStatus)> = m
            .attendance
            .iter()
            .map(|a| (a.member.as_str(), a.status))
            .collect();
        assert_eq!(
            invited,
            vec![
                ("dircab", AttendanceStatus::Invited),
                ("parquet", AttendanceStatus::Invited)
            ]
        );
        assert!(new_meeting(&d, "nobody", day("2026-12-01"), default_start()).is_none());
    }

    /// A body that met on 2026-11-01 and left an action open; cases due, new, old and closed.
    fn scenario() -> (DeptData, Meeting) {
        let mut d = data();
        let mut held = meeting("m-nov", "cpraf", "2026-11-01", MeetingStatus::Held);
        let mut item = decided("c-due", Decision::Continue, Some("2026-11-28"));
        item.actions
            .push(action("appeler", Some("2026-11-20"), None));
        held.items.push(item);
        held.items
            .push(decided("c-later", Decision::Continue, Some("2027-02-01")));
        d.meetings.push(held);
        let mut overdue = case("c-overdue", "cpraf");
        overdue.next_review = Some(day("2026-10-01"));
        let mut fresh = case("c-new", "cpraf");
        fresh.status = CaseStatus::Reported;
        fresh.reported_on = day("2026-11-10");
        let mut after = case("c-after", "cpraf");
        after.reported_on = day("2026-12-05");
        let mut fresh_closed = case("c-new-closed", "cpraf");
        fresh_closed.reported_on = day("2026-11-12");
        fresh_closed.status = CaseStatus::Closed;
        let mut other_body = case("c-other", "gtrdo");
        other_body.next_review = Some(day("2026-10-01"));
        d.cases = vec![
            case("c-due", "cpraf"),
            case("c-later", "cpraf"),
            overdue,
            fresh,
            after,
            fresh_closed,
            other_body,
        ];
        let m = new_meeting(&d, "cpraf", day("2026-11-30"), default_start()).unwrap();
        d.meetings.push(m.clone());
        (d, m)
    }

    fn shape(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i.kind {
                ItemKind::Case => i.case.clone().unwrap_or_default(),
                _ => format!("{}:{}", i.kind, i.title.clone().unwrap_or_default()),
            })
            .collect()
    }

    #[test]
    fn suggest_puts_actions_then_due_then_new_cases() {
        let (d, m) = scenario();
        let items = suggest(&d, &m, "Suivi des actions");
        assert_eq!(
            shape(&items),
            vec!["actions:Suivi des actions", "c-overdue", "c-due", "c-new"]
        );
        assert!(items.iter().all(|i| i.minutes.is_some()));
    }

    #[test]
    fn suggest_adds_nothing_twice() {
        let (d, mut m) = scenario();
        m.items.push(Item::case("c-due", Some(5)));
        m.items.push(Item::actions_review("Actions", None));
        let items = suggest(&d, &m, "Suivi des actions");
        assert_eq!(shape(&items), vec!["c-overdue", "c-new"]);
        m.items.extend(items);
        assert!(
            suggest(&d, &m, "x").is_empty(),
            "a second suggest adds nothing"
        );
    }

    #[test]
    fn a_new_case_that_is_also_due_comes_once() {
        let (mut d, m) = scenario();
        if let Some(c) = d.cases.iter_mut().find(|c| c.id == "c-new") {
            c.next_review = Some(day("2026-11-29"));
        }
        let items = suggest(&d, &m, "A");
        assert_eq!(
            shape(&items),
            vec!["actions:A", "c-overdue", "c-due", "c-new"]
        );
    }

    #[test]
    fn without_open_actions_there_is_no_actions_item() {
        let (mut d, m) = scenario();
        for meeting in &mut d.meetings {
            for item in &mut meeting.items {
                for a in &mut item.actions {
                    a.done_on = Some(day("2026-11-21"));
                }
            }
        }
        let items = suggest(&d, &m, "A");
        assert_eq!(shape(&items), vec!["c-overdue", "c-due", "c-new"]);
    }

    #[test]
    fn when_the_body_never_met_new_cases_are_those_never_decided() {
        let mut d = data();
        let mut a = case("a", "cpraf");
        a.reported_on = day("2026-02-01");
        d.cases.push(a);
        d.cases.push(case("b", "cpraf"));
        let found: Vec<&str> = new_cases(&d, "cpraf", day("2026-11-30"))
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(found, vec!["b", "a"]);
    }
}
