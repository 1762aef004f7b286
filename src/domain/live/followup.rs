//! What a decision carries into the case, recorded on the decision itself: the
//! « inscription au suivi » (`follow`), the new référent (`referent`, with
//! `change_referent`), the care measure oriented to (`measure`, with `orient`).
//!
//! The case's current state reads them (`current::Histories`): the case file is not
//! rewritten from the séance (docs/format.md, "What a decision carries into the case").

use super::seance::Live;
use super::{Change, LiveError, clean_text, set_if_changed};
use crate::domain::meeting::Orientation;
use crate::domain::{Decision, Item, ItemKind, Meeting, Referent};

fn decided_item(meeting: &mut Meeting, index: usize) -> Result<&mut Item, LiveError> {
    let item = super::item_mut(meeting, index)?;
    if item.kind != ItemKind::Case {
        return Err(LiveError::NotACase);
    }
    Ok(item)
}

/// Sets the « inscription au suivi » of the decision on item `index` (not on a closure).
pub fn set_follow(meeting: &mut Meeting, index: usize, follow: bool) -> Result<bool, LiveError> {
    super::ensure_editable(meeting)?;
    let item = decided_item(meeting, index)?;
    if follow && item.decision.is_none_or(|d| d.closes()) {
        return Err(LiveError::WrongDecision);
    }
    Ok(set_if_changed(&mut item.follow, follow))
}

/// Sets (or clears) the new référent of a decision `change_referent`; its texts are
/// trimmed and the structure is required.
pub fn set_referent(
    meeting: &mut Meeting,
    index: usize,
    referent: Option<Referent>,
) -> Result<bool, LiveError> {
    super::ensure_editable(meeting)?;
    let item = decided_item(meeting, index)?;
    if referent.is_some() && item.decision != Some(Decision::ChangeReferent) {
        return Err(LiveError::WrongDecision);
    }
    let referent = match referent {
        Some(r) => Some(Referent {
            structure: clean_text(&r.structure).ok_or(LiveError::StructureRequired)?,
            kind: r.kind,
            person: r.person.as_deref().and_then(clean_text),
        }),
        None => None,
    };
    Ok(set_if_changed(&mut item.referent, referent))
}

/// Sets (or clears) the care measure of a decision `orient`.
pub fn set_measure(
    meeting: &mut Meeting,
    index: usize,
    measure: Option<Orientation>,
) -> Result<bool, LiveError> {
    super::ensure_editable(meeting)?;
    let item = decided_item(meeting, index)?;
    if measure.is_some() && item.decision != Some(Decision::Orient) {
        return Err(LiveError::WrongDecision);
    }
    let measure = measure.map(|m| Orientation {
        kind: m.kind,
        provider: m.provider.as_deref().and_then(clean_text),
    });
    Ok(set_if_changed(&mut item.measure, measure))
}

impl Live<'_> {
    /// See [`set_follow`].
    pub fn set_follow(&mut self, item: usize, follow: bool) -> Result<Change, LiveError> {
        self.edit(None, |m| set_follow(m, item, follow))
    }

    /// See [`set_referent`].
    pub fn set_referent(
        &mut self,
        item: usize,
        referent: Option<Referent>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| set_referent(m, item, referent))
    }

    /// See [`set_measure`].
    pub fn set_measure(
        &mut self,
        item: usize,
        measure: Option<Orientation>,
    ) -> Result<Change, LiveError> {
        self.edit(None, |m| set_measure(m, item, measure))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{case, day, meeting};
    use crate::domain::{CaseStatus, Histories, MeasureType, MeetingStatus, ReferentType};

    fn held_with(decision: Decision) -> Meeting {
        let mut m = meeting("m1", "cpraf", "2026-11-16", MeetingStatus::Held);
        let mut item = Item::case("c1", Some(10));
        item.decision = Some(decision);
        m.items.push(item);
        m
    }

    fn referent(s: &str) -> Referent {
        Referent {
            structure: s.into(),
            kind: ReferentType::Association,
            person: Some(" M. X ".into()),
        }
    }

    #[test]
    fn a_change_of_referent_becomes_the_case_referent() {
        let mut m = held_with(Decision::ChangeReferent);
        assert_eq!(
            set_referent(&mut m, 0, Some(referent(" Horizons "))),
            Ok(true)
        );
        let item = &m.items[0];
        let r = item
            .referent
            .as_ref()
            .map(|r| (r.structure.as_str(), r.person.as_deref()));
        assert_eq!(r, Some(("Horizons", Some("M. X"))));
        let mut c = case("c1", "cpraf");
        c.referent = None;
        let meetings = [m];
        let cur = Histories::new(&meetings).current(&c);
        assert_eq!(cur.referent.map(|r| r.structure), Some("Horizons".into()));
    }

    #[test]
    fn details_go_only_with_their_decision() {
        let mut m = held_with(Decision::Continue);
        assert_eq!(
            set_referent(&mut m, 0, Some(referent("Horizons"))),
            Err(LiveError::WrongDecision)
        );
        let orientation = Orientation {
            kind: MeasureType::MentalHealth,
            provider: None,
        };
        assert_eq!(
            set_measure(&mut m, 0, Some(orientation.clone())),
            Err(LiveError::WrongDecision)
        );
        assert_eq!(set_follow(&mut m, 0, true), Ok(true));
        let mut blank = referent(" ");
        blank.person = None;
        let mut cr = held_with(Decision::ChangeReferent);
        assert_eq!(
            set_referent(&mut cr, 0, Some(blank)),
            Err(LiveError::StructureRequired)
        );
        let mut closed = held_with(Decision::Close);
        assert_eq!(
            set_follow(&mut closed, 0, true),
            Err(LiveError::WrongDecision)
        );
        // Another decision drops what does not go with it.
        let mut o = held_with(Decision::Orient);
        assert_eq!(set_measure(&mut o, 0, Some(orientation)), Ok(true));
        assert_eq!(set_follow(&mut o, 0, true), Ok(true));
        assert_eq!(
            super::super::decisions::set_decision(
                &mut o,
                0,
                Some(Decision::Close),
                Some(crate::domain::ClosureReason::Moved),
                60
            ),
            Ok(true)
        );
        assert!(o.items[0].measure.is_none() && !o.items[0].follow);
    }

    #[test]
    fn an_inscription_and_an_orientation_carry_into_the_current_state() {
        let mut m = held_with(Decision::Orient);
        m.items[0].follow = true;
        m.items[0].measure = Some(Orientation {
            kind: MeasureType::MentalHealth,
            provider: Some("CMP".into()),
        });
        let mut c = case("c1", "cpraf");
        c.status = CaseStatus::Reported;
        c.measures.clear();
        let meetings = [m];
        let cur = Histories::new(&meetings).current(&c);
        assert_eq!(cur.status, CaseStatus::Followed);
        assert_eq!(cur.added_measures.len(), 1);
        assert_eq!(cur.added_measures[0].from, day("2026-11-16"));
        let applied = cur.applied_to(&c);
        assert_eq!(applied.status, CaseStatus::Followed);
        assert_eq!(applied.measures.len(), 1);
        assert_eq!(cur.measures(&c).count(), 1);
    }

    #[test]
    fn the_proposed_review_is_a_working_day_of_the_departement() {
        // 2026-10-19 + 60 days = Friday 18 December 2026; + 62 = Sunday 20 December, the
        // abolition day in La Réunion: Monday 21.
        let mut m = held_with(Decision::Continue);
        m.date = day("2026-10-19");
        m.items[0].decision = None;
        let mut s = super::super::Owned::new(m, 62);
        assert_eq!(s.default_next_review(), Some(day("2026-12-20")));
        s.set_departement("974");
        assert_eq!(s.default_next_review(), Some(day("2026-12-21")));
        assert!(s.set_decision(0, Some(Decision::Continue), None).is_ok());
        assert_eq!(s.meeting().items[0].next_review, Some(day("2026-12-21")));
        s.set_departement("49");
        assert_eq!(s.default_next_review(), Some(day("2026-12-21")));
    }

    #[test]
    fn take_charge_follows_and_a_later_closure_closes() {
        let mut c = case("c1", "cpraf");
        c.status = CaseStatus::Assessed;
        let m1 = held_with(Decision::TakeCharge);
        let mut m2 = meeting("m2", "cpraf", "2026-12-14", MeetingStatus::Held);
        let mut item = Item::case("c1", None);
        item.decision = Some(Decision::Dismiss);
        item.closure_reason = Some(crate::domain::ClosureReason::Other);
        m2.items.push(item);
        let first = [m1.clone()];
        assert_eq!(
            Histories::new(&first).current(&c).status,
            CaseStatus::Followed
        );
        let both = [m1, m2];
        let cur = Histories::new(&both).current(&c);
        assert_eq!(cur.status, CaseStatus::Closed);
        assert_eq!(cur.closed_on, Some(day("2026-12-14")));
    }
}
