//! The agenda changed during the séance: an item not yet taken up changes place, or goes to
//! the body's next meeting (« reporté à la prochaine séance »), recorded in this meeting.

use super::LiveError;
use super::carry::carry_into;
use crate::domain::{ItemKind, Meeting, Postponed};

/// Where the séance stands: the current item, and whether the roll call is still on (then
/// no item is taken up yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub current: usize,
    pub roll_call: bool,
}

/// Item `index` is not taken yet: not before the current item (once the roll call is over),
/// with neither decision, notes nor actions. The current item itself counts as not taken
/// while nothing is recorded on it.
pub fn ensure_open(m: &Meeting, index: usize, at: Position) -> Result<(), LiveError> {
    let item = m.items.get(index).ok_or(LiveError::NoSuchItem { index })?;
    if item.decision.is_some() || item.notes.is_some() || !item.actions.is_empty() {
        return Err(LiveError::ItemDiscussed);
    }
    if !at.roll_call && index < at.current {
        return Err(LiveError::ItemTaken);
    }
    Ok(())
}

/// Moves item `index` one place up (`up`) or down, swapping it with its neighbour; both
/// must be open ([`ensure_open`]). Returns the item's new index, `None` at the edge of the
/// agenda (nothing changes).
pub fn move_item(
    m: &mut Meeting,
    index: usize,
    up: bool,
    at: Position,
) -> Result<Option<usize>, LiveError> {
    ensure_open(m, index, at)?;
    let to = if up {
        index.checked_sub(1)
    } else {
        Some(index.saturating_add(1)).filter(|&i| i < m.items.len())
    };
    let Some(to) = to else {
        return Ok(None);
    };
    ensure_open(m, to, at)?;
    m.items.swap(index, to);
    Ok(Some(to))
}

/// Takes item `index` (open, [`ensure_open`]) off the agenda of `m`, records it in
/// `m.postponed` with the id of `next`, and puts it onto `next`'s agenda (before its review
/// of open actions; not twice when it is there already). `next` must be a later meeting of
/// the same body.
pub fn postpone(
    m: &mut Meeting,
    index: usize,
    at: Position,
    next: &mut Meeting,
) -> Result<(), LiveError> {
    ensure_open(m, index, at)?;
    if next.id == m.id || next.body != m.body || next.date < m.date {
        return Err(LiveError::NotANextMeeting {
            id: next.id.clone(),
        });
    }
    let item = m.items.remove(index).fresh();
    if item.kind == ItemKind::Actions {
        carry_into(next, Vec::new(), Some(item.clone()));
    } else {
        carry_into(next, vec![item.clone()], None);
    }
    m.postponed.push(Postponed {
        item,
        to: next.id.clone(),
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{decided, meeting};
    use crate::domain::{Decision, Item, MeetingStatus};

    fn held() -> Meeting {
        let mut m = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Held,
        );
        m.items = vec![
            decided("49-2026-001", Decision::Continue, Some("2027-01-15")),
            Item::case("49-2026-002", Some(10)),
            Item::topic("Bilan FIPD", Some(15)),
            Item::case("49-2026-003", Some(10)),
            Item::actions_review("Suivi des actions", Some(10)),
        ];
        m
    }

    fn titles(m: &Meeting) -> Vec<String> {
        m.items
            .iter()
            .map(|i| i.case.clone().or(i.title.clone()).unwrap_or_default())
            .collect()
    }

    const ON_2: Position = Position {
        current: 1,
        roll_call: false,
    };

    #[test]
    fn an_item_to_come_moves_and_one_taken_does_not() {
        let mut m = held();
        // The third item goes up to the current place: it is taken next.
        assert_eq!(move_item(&mut m, 2, true, ON_2), Ok(Some(1)));
        assert_eq!(titles(&m)[1], "Bilan FIPD");
        assert_eq!(titles(&m)[2], "49-2026-002");
        // Down to the end, then nothing more.
        assert_eq!(move_item(&mut m, 3, false, ON_2), Ok(Some(4)));
        assert_eq!(move_item(&mut m, 4, false, ON_2), Ok(None));
        assert_eq!(titles(&m)[4], "49-2026-003");
        // The decided first item neither moves nor lets another go above it.
        assert_eq!(
            move_item(&mut m, 0, false, ON_2),
            Err(LiveError::ItemDiscussed)
        );
        assert_eq!(
            move_item(&mut m, 1, true, ON_2),
            Err(LiveError::ItemDiscussed)
        );
        // An item with notes is discussed too, wherever it is.
        m.items[3].notes = Some("Dit.".into());
        assert_eq!(
            move_item(&mut m, 3, true, ON_2),
            Err(LiveError::ItemDiscussed)
        );
    }

    #[test]
    fn an_item_before_the_current_one_was_taken_up() {
        let mut m = held();
        m.items[0].decision = None;
        let on_3 = Position {
            current: 2,
            roll_call: false,
        };
        assert_eq!(move_item(&mut m, 1, true, on_3), Err(LiveError::ItemTaken));
        assert_eq!(move_item(&mut m, 2, true, on_3), Err(LiveError::ItemTaken));
        // During the roll call nothing is taken up yet.
        let roll_call = Position {
            current: 0,
            roll_call: true,
        };
        assert_eq!(move_item(&mut m, 1, true, roll_call), Ok(Some(0)));
    }

    #[test]
    fn a_postponed_item_goes_onto_the_next_meeting_and_is_recorded() {
        let mut m = held();
        let mut next = meeting(
            "2026-12-28-cpraf",
            "cpraf",
            "2026-12-28",
            MeetingStatus::Draft,
        );
        next.items = vec![Item::actions_review("Suivi des actions", Some(10))];
        m.items[1].spent_seconds = Some(40);
        postpone(&mut m, 1, ON_2, &mut next).expect("postponed");
        assert_eq!(
            titles(&m),
            [
                "49-2026-001",
                "Bilan FIPD",
                "49-2026-003",
                "Suivi des actions"
            ]
        );
        assert_eq!(m.postponed.len(), 1);
        assert_eq!(m.postponed[0].to, "2026-12-28-cpraf");
        // Only what was planned goes: no time spent.
        assert_eq!(m.postponed[0].item, Item::case("49-2026-002", Some(10)));
        assert_eq!(titles(&next), ["49-2026-002", "Suivi des actions"]);
        // A decided item stays; another body's meeting is not the next one.
        assert_eq!(
            postpone(&mut m, 0, ON_2, &mut next),
            Err(LiveError::ItemDiscussed)
        );
        let mut other = meeting(
            "2026-12-20-gtrdo",
            "gtrdo",
            "2026-12-20",
            MeetingStatus::Draft,
        );
        assert!(matches!(
            postpone(&mut m, 1, ON_2, &mut other),
            Err(LiveError::NotANextMeeting { .. })
        ));
        // The review of actions goes as the next meeting's review, not twice.
        postpone(&mut m, 3, ON_2, &mut next).expect("postponed");
        assert_eq!(titles(&next), ["49-2026-002", "Suivi des actions"]);
    }

    #[test]
    fn one_undo_brings_a_postponed_item_back_from_the_next_meeting() {
        use crate::domain::live::{Change, Owned};
        let mut s = Owned::new(held(), 60);
        assert!(s.next_item() && s.next_item());
        assert_eq!(s.current(), 1);
        let next = meeting(
            "2026-12-28-cpraf",
            "cpraf",
            "2026-12-28",
            MeetingStatus::Draft,
        );
        let mut others = vec![next];
        let r = s.postpone(1, &mut others[0]);
        assert_eq!(r, Ok(Change::Also("2026-12-28-cpraf".into())));
        assert_eq!(titles(s.meeting())[1], "Bilan FIPD");
        assert_eq!(others[0].items.len(), 1);
        // The séance goes on with the item that took its place.
        assert_eq!(
            s.current_item().and_then(|i| i.title.as_deref()),
            Some("Bilan FIPD")
        );
        assert_eq!(
            s.undo(&mut others),
            Ok(Change::Also("2026-12-28-cpraf".into()))
        );
        assert_eq!(titles(s.meeting())[1], "49-2026-002");
        assert!(s.meeting().postponed.is_empty());
        assert!(others[0].items.is_empty());
        assert!(!s.can_undo());
        assert_eq!(
            s.redo(&mut others),
            Ok(Change::Also("2026-12-28-cpraf".into()))
        );
        assert_eq!(s.meeting().postponed.len(), 1);
        assert_eq!(others[0].items.len(), 1);
        // A move is one step of its own.
        assert_eq!(s.move_item(2, true), Ok(Some(1)));
        assert_eq!(s.undo(&mut others), Ok(Change::This));
        assert_eq!(others[0].items.len(), 1);
        assert_eq!(
            s.undo(&mut others),
            Ok(Change::Also("2026-12-28-cpraf".into()))
        );
        assert!(others[0].items.is_empty());
    }
}
