//! What an agenda item of a meeting shows at a level that shows cases.

use super::*;

impl<'a, L: ShowsCases> ItemView<'a, L> {
    pub fn kind(&self) -> ItemKind {
        self.item.kind
    }

    pub fn title(&self) -> Option<&'a str> {
        self.item.title.as_deref()
    }

    /// The timebox in minutes.
    pub fn minutes(&self) -> Option<u32> {
        self.item.minutes
    }

    /// The case id of a case item.
    pub fn case_id(&self) -> Option<&'a str> {
        self.item.case.as_deref()
    }

    /// The case of a case item, when it exists.
    pub fn case(&self) -> Option<CaseView<'a, L>> {
        self.item.case.as_deref().and_then(|id| self.dept.case(id))
    }

    /// What was said: for a case item, internal level only.
    pub fn notes(&self) -> Option<&'a str> {
        match self.item.kind {
            ItemKind::Case if !shows_identity::<L>() => None,
            _ => self.item.notes.as_deref(),
        }
    }

    pub fn decision(&self) -> Option<Decision> {
        self.item.decision
    }

    /// What was decided on the minutes this topic approves.
    pub fn approval(&self) -> Option<crate::domain::Approval> {
        self.item.approval
    }

    pub fn decision_text(&self) -> Option<&'a str> {
        self.item.decision_text.as_deref()
    }

    /// The new référent of a « changement de référent ».
    pub fn new_referent(&self) -> Option<Referent<'a, L>> {
        self.item.referent.as_ref().map(|r| Referent {
            structure: &r.structure,
            kind: r.kind,
            person: r.person.as_deref(),
            level: PhantomData,
        })
    }

    /// The care measure an « orientation » adds.
    pub fn oriented_to(&self) -> Option<&'a crate::domain::meeting::Orientation> {
        self.item.measure.as_ref()
    }

    /// The decision's number, once its meeting was closed (`CPRAF-2026-D017`).
    pub fn decision_number(&self) -> Option<&'a str> {
        self.item.number.as_deref()
    }

    pub fn next_review(&self) -> Option<NaiveDate> {
        self.item.next_review
    }

    pub fn closure_reason(&self) -> Option<ClosureReason> {
        self.item.closure_reason
    }

    /// The actions decided on this item.
    pub fn actions(&self) -> Vec<ActionView<'a, L>> {
        self.item
            .actions
            .iter()
            .map(|a| ActionView::new(self.dept, a, self.item, self.decided_on))
            .collect()
    }
}
