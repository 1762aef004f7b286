//! Builders for tests of the domain.

use super::*;
use chrono::{NaiveDate, NaiveTime};

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

pub fn case(id: &str, body: &str) -> Case {
    Case {
        status: CaseStatus::Followed,
        ..Case::reported(
            id,
            body,
            CaseKind::Person,
            format!("L-{id}"),
            Source::Cnapr,
            day("2026-01-10"),
        )
    }
}

pub fn meeting(id: &str, body: &str, date: &str, status: MeetingStatus) -> Meeting {
    Meeting {
        id: id.to_string(),
        body: body.to_string(),
        date: day(date),
        start: NaiveTime::from_hms_opt(14, 30, 0).unwrap_or_default(),
        place: None,
        chair: "dircab".to_string(),
        status,
        attendance: Vec::new(),
        guests: Vec::new(),
        items: Vec::new(),
        difficulties: None,
        next_meeting: None,
        details: Default::default(),
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
    }
}

pub fn decided(case_id: &str, decision: Decision, next_review: Option<&str>) -> Item {
    let mut item = Item::case(case_id, Some(10));
    item.decision = Some(decision);
    item.next_review = next_review.map(day);
    if decision.closes() {
        item.closure_reason = Some(ClosureReason::Disengagement);
    }
    item
}

pub fn action(text: &str, due: Option<&str>, done: Option<&str>) -> Action {
    Action {
        text: text.to_string(),
        owner: "dircab".to_string(),
        due: due.map(day),
        done_on: done.map(day),
    }
}

/// A body chaired by `dircab`, meeting every `every_days`.
pub fn body(id: &str, every_days: u32, members: &[&str]) -> Body {
    Body {
        id: id.to_string(),
        name: id.to_uppercase(),
        short: None,
        chair: "dircab".to_string(),
        every_days,
        quorum: None,
        review_every_days: None,
        members: members.iter().map(|m| m.to_string()).collect(),
        decisions: Vec::new(),
    }
}

/// Paris, with these bodies, no member in the directory, no case and no meeting.
pub fn paris(bodies: Vec<Body>) -> DeptData {
    DeptData {
        department: Department {
            code: "75".to_string(),
            name: "Paris".to_string(),
            authority: None,
            timezone: None,
            marking: None,
            members: Vec::new(),
            bodies,
        },
        cases: Vec::new(),
        meetings: Vec::new(),
        programmes: Vec::new(),
    }
}
