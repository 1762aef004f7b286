//! What a closed meeting leaves for the next one (the 4Minitz rule): the items not
//! discussed go onto the body's next draft, and its review of open actions is there.

use crate::domain::agenda::{default_start, new_meeting};
use crate::domain::{DeptData, Item, ItemKind, Meeting, MeetingStatus};

/// The next meeting of `of`'s body that takes what `of` leaves: its first draft dated on
/// or after `of` (`false`), else a new draft (`true`) on the date `of` set for its next
/// meeting, or the body's usual interval after it. `None` when the body is unknown.
pub fn next_draft(data: &DeptData, of: &Meeting) -> Option<(Meeting, bool)> {
    let next = data
        .meetings
        .iter()
        .filter(|m| {
            m.body == of.body
                && m.id != of.id
                && m.status == MeetingStatus::Draft
                && m.date >= of.date
        })
        .min_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    if let Some(next) = next {
        return Some((next.clone(), false));
    }
    let every = data.department.body(&of.body)?.every_days;
    let date = of.next_meeting.unwrap_or_else(|| {
        of.date
            .checked_add_days(chrono::Days::new(u64::from(every)))
            .unwrap_or(of.date)
    });
    new_meeting(data, &of.body, date, default_start()).map(|m| (m, true))
}

/// The items of `closed` not discussed: a case without a decision, a topic without notes,
/// minutes whose approval was adjourned or not decided.
pub fn not_discussed(closed: &Meeting) -> Vec<Item> {
    closed
        .items
        .iter()
        .filter_map(|i| match i.kind {
            ItemKind::Case if i.decision.is_none() => {
                i.case.as_deref().map(|c| Item::case(c, i.minutes))
            }
            // Minutes not approved (adjourned, or not decided) come back to be approved.
            ItemKind::Topic if i.approves.is_some() => match (&i.approves, i.approval) {
                (Some(id), a) if !a.is_some_and(|a| a.approves()) => Some(Item::approval_of(
                    i.title.clone().unwrap_or_default(),
                    id.clone(),
                )),
                _ => None,
            },
            ItemKind::Topic if i.notes.is_none() => {
                i.title.as_deref().map(|t| Item::topic(t, i.minutes))
            }
            _ => None,
        })
        .collect()
}

/// Puts `items` onto `next` (a case or a topic already there is not added twice) and,
/// when `actions_review` names one, the review of open actions if `next` has none.
/// Returns how many items were added.
pub fn carry_into(next: &mut Meeting, items: Vec<Item>, actions_review: Option<Item>) -> usize {
    let mut added = 0;
    for item in items {
        let there = match item.kind {
            ItemKind::Case => item.case.as_deref().is_some_and(|c| next.has_case(c)),
            _ => next
                .items
                .iter()
                .any(|i| i.kind == item.kind && i.title == item.title),
        };
        if !there {
            // Before the review of actions, which stays last.
            let at = next
                .items
                .iter()
                .position(|i| i.kind == ItemKind::Actions)
                .unwrap_or(next.items.len());
            next.items.insert(at, item);
            added += 1;
        }
    }
    if let Some(review) = actions_review
        && !next.has_actions_review()
    {
        next.items.push(review);
        added += 1;
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{decided, meeting};
    use crate::domain::{Decision, MeetingStatus};

    #[test]
    fn what_was_not_discussed_goes_onto_the_next_draft_once() {
        let mut closed = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Closed,
        );
        let mut approved = Item::topic("Approbation", Some(5));
        approved.notes = Some("Approuvé.".into());
        closed.items = vec![
            approved,
            decided("49-2026-001", Decision::Continue, Some("2027-01-15")),
            Item::case("49-2026-002", Some(10)),
            Item::topic("Bilan FIPD", Some(10)),
            Item::actions_review("Suivi des actions", None),
        ];
        let carried = not_discussed(&closed);
        assert_eq!(carried.len(), 2);
        let mut next = meeting(
            "2026-12-28-cpraf",
            "cpraf",
            "2026-12-28",
            MeetingStatus::Draft,
        );
        next.items = vec![Item::case("49-2026-002", Some(10))];
        let review = Item::actions_review("Suivi des actions", None);
        assert_eq!(
            carry_into(&mut next, carried.clone(), Some(review.clone())),
            2
        );
        assert_eq!(next.items.len(), 3);
        assert_eq!(next.items[1].title.as_deref(), Some("Bilan FIPD"));
        assert_eq!(next.items[2].kind, ItemKind::Actions);
        // Again: nothing twice.
        assert_eq!(carry_into(&mut next, carried, Some(review)), 0);
    }

    #[test]
    fn the_next_draft_is_the_first_one_after_else_a_new_one() {
        use crate::domain::testing::{body, day, paris};
        let mut data = paris(vec![body("cpraf", 28, &["dircab"])]);
        let held = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Held,
        );
        data.meetings.push(held.clone());
        // None yet: a new draft four weeks later, with the body's members.
        let (new, created) = next_draft(&data, &held).expect("a draft");
        assert!(created);
        assert_eq!(new.date, day("2026-12-28"));
        assert_eq!(new.status, MeetingStatus::Draft);
        assert_eq!(new.attendance.len(), 1);
        // The date set for the next meeting wins.
        let mut set = held.clone();
        set.next_meeting = Some(day("2026-12-21"));
        assert_eq!(
            next_draft(&data, &set).map(|(m, _)| m.date),
            Some(day("2026-12-21"))
        );
        // The earliest draft after it, another body's left alone.
        for (id, b, d) in [
            ("2027-01-25-cpraf", "cpraf", "2027-01-25"),
            ("2026-12-14-cpraf", "cpraf", "2026-12-14"),
            ("2026-12-07-gtrdo", "gtrdo", "2026-12-07"),
        ] {
            data.meetings.push(meeting(id, b, d, MeetingStatus::Draft));
        }
        let (found, created) = next_draft(&data, &held).expect("a draft");
        assert!(!created);
        assert_eq!(found.id, "2026-12-14-cpraf");
    }

    #[test]
    fn minutes_not_approved_come_back_to_be_approved() {
        use crate::domain::Approval;
        let mut closed = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Closed,
        );
        let mut adjourned = Item::approval_of("Approbation du 26/10", "2026-10-26-cpraf");
        adjourned.approval = Some(Approval::Adjourned);
        adjourned.notes = Some("Ajourné : corrections à faire.".into());
        let mut approved = Item::approval_of("Approbation du 12/10", "2026-10-12-cpraf");
        approved.approval = Some(Approval::Approved);
        closed.items = vec![adjourned, approved];
        let carried = not_discussed(&closed);
        assert_eq!(carried.len(), 1);
        assert_eq!(carried[0].approves.as_deref(), Some("2026-10-26-cpraf"));
        assert_eq!(carried[0].approval, None);
        assert_eq!(carried[0].title.as_deref(), Some("Approbation du 26/10"));
    }
}
