//! The approval of the previous minutes: a new meeting's agenda opens on the approval of
//! the minutes of the body's previous held meeting (an item `approves:` that meeting); the
//! séance records what was decided on them (`approval:`); those minutes then say whether
//! and when they were approved.

use super::enums::Approval;
use super::meeting::{Item, Meeting};
use chrono::NaiveDate;

pub use super::meeting::APPROVAL_MINUTES;

/// The latest held (or closed) meeting of `body` before `date`, other than `except`.
pub fn previous_held<'a>(
    meetings: &'a [Meeting],
    body: &str,
    date: NaiveDate,
    except: &str,
) -> Option<&'a Meeting> {
    meetings
        .iter()
        .filter(|m| m.body == body && m.status.is_held() && m.date < date && m.id != except)
        .max_by(|a, b| a.chronological_key().cmp(&b.chronological_key()))
}

/// Puts the approval of the previous held meeting's minutes first on `meeting`'s agenda,
/// titled by `title` from that meeting's date; nothing when the body never met before or
/// the agenda already approves those minutes. Says whether it was added.
pub fn add_approval(
    meeting: &mut Meeting,
    meetings: &[Meeting],
    title: impl FnOnce(NaiveDate) -> String,
) -> bool {
    let Some(previous) = previous_held(meetings, &meeting.body, meeting.date, &meeting.id) else {
        return false;
    };
    if meeting
        .items
        .iter()
        .any(|i| i.approves.as_deref() == Some(previous.id.as_str()))
    {
        return false;
    }
    meeting
        .items
        .insert(0, Item::approval_of(title(previous.date), &previous.id));
    true
}

/// Where the minutes of a meeting stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesApproval<'a> {
    /// Approved (`with_changes`: « avec modifications ») at the meeting `at`.
    Approved { at: &'a Meeting, with_changes: bool },
    /// Not approved yet; `adjourned` names the latest meeting that adjourned it.
    NotYet { adjourned: Option<&'a Meeting> },
}

/// Whether and when the minutes of a meeting were approved: dates and the approving
/// meeting's reference only (no name, no text), so every level may show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalState<'a> {
    /// Approved at the séance of `on` (`reference`: that meeting's own reference).
    Approved {
        on: NaiveDate,
        reference: Option<&'a str>,
        with_changes: bool,
    },
    /// Not approved yet; `adjourned_on`: the latest séance that adjourned it.
    NotYet { adjourned_on: Option<NaiveDate> },
}

/// Where the minutes of the meeting `id` stand: the first held meeting (in time) whose
/// approval item approves them, else not yet (with the latest adjournment).
pub fn minutes_approval<'a>(meetings: &'a [Meeting], id: &str) -> MinutesApproval<'a> {
    let mut held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.status.is_held() && m.id != id)
        .collect();
    held.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    let mut adjourned = None;
    for m in held {
        let decided = m
            .items
            .iter()
            .filter(|i| i.approves.as_deref() == Some(id))
            .find_map(|i| i.approval);
        match decided {
            Some(a) if a.approves() => {
                return MinutesApproval::Approved {
                    at: m,
                    with_changes: a == Approval::ApprovedWithChanges,
                };
            }
            Some(_) => adjourned = Some(m),
            None => {}
        }
    }
    MinutesApproval::NotYet { adjourned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingStatus;
    use crate::domain::testing::{day, meeting};

    fn title(d: NaiveDate) -> String {
        format!(
            "Approbation du compte rendu de la séance du {}",
            d.format("%d/%m/%Y")
        )
    }

    fn meetings() -> Vec<Meeting> {
        vec![
            meeting(
                "2026-09-14-cpraf",
                "cpraf",
                "2026-09-14",
                MeetingStatus::Closed,
            ),
            meeting(
                "2026-10-12-cpraf",
                "cpraf",
                "2026-10-12",
                MeetingStatus::Held,
            ),
            meeting(
                "2026-10-20-gtrdo",
                "gtrdo",
                "2026-10-20",
                MeetingStatus::Held,
            ),
            meeting(
                "2026-10-26-cpraf",
                "cpraf",
                "2026-10-26",
                MeetingStatus::Cancelled,
            ),
        ]
    }

    #[test]
    fn a_new_agenda_opens_on_the_previous_held_meeting_of_its_body() {
        let all = meetings();
        let mut next = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Draft,
        );
        next.items.push(Item::case("49-2026-001", Some(10)));
        assert!(add_approval(&mut next, &all, title));
        let first = &next.items[0];
        // The cancelled meeting and the other body's are passed over.
        assert_eq!(first.approves.as_deref(), Some("2026-10-12-cpraf"));
        assert_eq!(
            first.title.as_deref(),
            Some("Approbation du compte rendu de la séance du 12/10/2026")
        );
        assert_eq!(first.approval, None);
        assert_eq!(first.minutes, Some(APPROVAL_MINUTES));
        assert_eq!(next.items.len(), 2);
        // Once only.
        assert!(!add_approval(&mut next, &all, title));
        assert_eq!(next.items.len(), 2);
    }

    #[test]
    fn a_body_that_never_met_has_no_minutes_to_approve() {
        let all = meetings();
        let mut first = meeting(
            "2026-09-01-cpraf",
            "cpraf",
            "2026-09-01",
            MeetingStatus::Draft,
        );
        assert!(!add_approval(&mut first, &all, title));
        assert!(first.items.is_empty());
        let mut other = meeting("2026-10-01-ged", "ged", "2026-10-01", MeetingStatus::Draft);
        assert!(!add_approval(&mut other, &all, title));
    }

    #[test]
    fn the_minutes_say_whether_and_when_they_were_approved() {
        let mut all = meetings();
        let id = "2026-09-14-cpraf";
        assert_eq!(
            minutes_approval(&all, id),
            MinutesApproval::NotYet { adjourned: None }
        );
        // Adjourned at the meeting of 12/10.
        let mut item = Item::approval_of("Approbation", id);
        item.approval = Some(Approval::Adjourned);
        all[1].items.push(item);
        assert_eq!(
            minutes_approval(&all, id),
            MinutesApproval::NotYet {
                adjourned: Some(&all[1])
            }
        );
        // A draft that approves counts for nothing yet.
        let mut draft = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Draft,
        );
        let mut item = Item::approval_of("Approbation", id);
        item.approval = Some(Approval::ApprovedWithChanges);
        draft.items.push(item);
        all.push(draft);
        assert!(matches!(
            minutes_approval(&all, id),
            MinutesApproval::NotYet { .. }
        ));
        // Held: approved, with changes, on that day.
        all[4].status = MeetingStatus::Held;
        match minutes_approval(&all, id) {
            MinutesApproval::Approved { at, with_changes } => {
                assert_eq!(at.date, day("2026-11-30"));
                assert!(with_changes);
            }
            other => panic!("{other:?}"),
        }
    }
}
