//! The figures of the monthly report that the note of 19/02/2015 and the FIPD annex ask
//! besides the counts: how soon the families of new situations were contacted, the
//! référents de parcours designated, the families in a « groupe de parole », the open
//! situations by stage (signalées / en évaluation apart from suivies), and the composition's
//! chair and link with the procureur.
//!
//! Definitions:
//! - **contact** is counted over the new situations of the month that concern a person or a
//!   family (an organisation has no family): contacted **within 15 days** of the report
//!   (`family_contacted_on` − `reported_on` ≤ 15 days), **later**, or **not yet** (no date, or a
//!   date after the last day counted);
//! - **référents** are counted over the situations open on the last day, by the type of their
//!   référent's structure, and those without one;
//! - a **groupe de parole** counts the open situations with a `parenting_support` measure
//!   marked `support_group` active during the month;
//! - **stages**: the open situations whose state on the last day is `reported` or `assessed`
//!   (« signalées / en évaluation »), apart from those `followed` (« suivies »);
//! - the **chair** is given by function and organisation (never a person's name); the **link
//!   with the procureur** is the organisations of the body's members that are a parquet.

use super::case::{Case, Measure, Referent};
use super::dataset::DeptData;
use super::department::Body;
use super::enums::{CaseKind, CaseStatus, MeasureType, ReferentType};
use chrono::NaiveDate;

/// Days within which a family is « contacted soon » (the note of 19/02/2015).
pub const CONTACT_DAYS: i64 = 15;

/// When the families of the new situations were contacted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Contact {
    pub within: u32,
    pub later: u32,
    pub not_yet: u32,
}

impl Contact {
    pub fn total(&self) -> u32 {
        self.within + self.later + self.not_yet
    }

    /// Counts one new situation, as known on `last`.
    pub fn add(&mut self, case: &Case, last: NaiveDate) {
        if case.kind == CaseKind::Organisation {
            return;
        }
        match case.family_contacted_on.filter(|d| *d <= last) {
            Some(d) if (d - case.reported_on).num_days() <= CONTACT_DAYS => self.within += 1,
            Some(_) => self.later += 1,
            None => self.not_yet += 1,
        }
    }
}

/// The open situations by the type of their référent de parcours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Referents {
    pub association: u32,
    pub state_service: u32,
    pub local_authority: u32,
    pub none: u32,
}

impl Referents {
    pub fn with(&self) -> u32 {
        self.association + self.state_service + self.local_authority
    }

    pub fn total(&self) -> u32 {
        self.with() + self.none
    }

    /// One open situation, with its référent as it stands (the latest change of référent).
    pub fn add(&mut self, referent: Option<&Referent>) {
        match referent.map(|r| r.kind) {
            Some(ReferentType::Association) => self.association += 1,
            Some(ReferentType::StateService) => self.state_service += 1,
            Some(ReferentType::LocalAuthority) => self.local_authority += 1,
            None => self.none += 1,
        }
    }
}

/// The open situations by stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stages {
    /// « Signalées / en évaluation » (`reported`, `assessed`).
    pub pending: u32,
    /// « Suivies » (`followed`).
    pub followed: u32,
}

impl Stages {
    pub fn total(&self) -> u32 {
        self.pending + self.followed
    }

    pub fn add(&mut self, status: CaseStatus) {
        match status {
            CaseStatus::Reported | CaseStatus::Assessed => self.pending += 1,
            CaseStatus::Followed => self.followed += 1,
            CaseStatus::Closed => {}
        }
    }
}

/// The situation has a « groupe de parole » measure active between `first` and `last`.
pub fn in_support_group<'m>(
    mut measures: impl Iterator<Item = &'m Measure>,
    first: NaiveDate,
    last: NaiveDate,
) -> bool {
    measures.any(|m| {
        m.kind == MeasureType::ParentingSupport
            && m.support_group
            && m.from <= last
            && m.to.is_none_or(|to| to >= first)
    })
}

/// Who chairs the body: the chair's function and organisation (`Directeur de cabinet,
/// Préfecture de Maine-et-Loire`), or its organisation alone; never a name.
pub fn chair_of(data: &DeptData, body: &Body) -> Option<String> {
    let m = data.department.member(&body.chair)?;
    let title = m.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    Some(match title {
        Some(t) => format!("{t}, {}", m.organisation.trim()),
        None => m.organisation.trim().to_string(),
    })
}

/// The organisations of the body's members that are the parquet (the procureur de la
/// République's office), once each.
pub fn prosecutor_links(data: &DeptData, body: &Body) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in body
        .members
        .iter()
        .filter_map(|id| data.department.member(id))
    {
        let org = m.organisation.trim();
        let folded = fold(org);
        if (folded.contains("parquet") || folded.contains("procureur"))
            && !out.iter().any(|o| o == org)
        {
            out.push(org.to_string());
        }
    }
    out
}

fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{case, day};
    use crate::domain::{Measure, Referent};

    #[test]
    fn a_family_contacted_on_the_fifteenth_day_is_within() {
        let last = day("2026-11-30");
        let mut c = case("49-2026-001", "cpraf");
        c.reported_on = day("2026-11-01");
        let mut contact = Contact::default();
        c.family_contacted_on = Some(day("2026-11-16"));
        contact.add(&c, last);
        c.family_contacted_on = Some(day("2026-11-17"));
        contact.add(&c, last);
        c.family_contacted_on = None;
        contact.add(&c, last);
        // Contacted after the last day counted: not yet, as of that day.
        c.family_contacted_on = Some(day("2026-12-02"));
        contact.add(&c, last);
        assert_eq!(
            contact,
            Contact {
                within: 1,
                later: 1,
                not_yet: 2
            }
        );
        c.kind = CaseKind::Organisation;
        contact.add(&c, last);
        assert_eq!(contact.total(), 4, "an organisation has no family");
    }

    #[test]
    fn referents_are_counted_by_type_and_their_absence() {
        let mut r = Referents::default();
        let mut c = case("49-2026-001", "cpraf");
        r.add(c.referent.as_ref());
        for kind in [
            ReferentType::Association,
            ReferentType::Association,
            ReferentType::LocalAuthority,
        ] {
            c.referent = Some(Referent {
                structure: "S".into(),
                kind,
                person: None,
            });
            r.add(c.referent.as_ref());
        }
        assert_eq!(
            (r.association, r.state_service, r.local_authority),
            (2, 0, 1)
        );
        assert_eq!((r.with(), r.none, r.total()), (3, 1, 4));
    }

    #[test]
    fn stages_put_reported_and_assessed_apart_from_followed() {
        let mut s = Stages::default();
        for status in [
            CaseStatus::Reported,
            CaseStatus::Assessed,
            CaseStatus::Followed,
            CaseStatus::Closed,
        ] {
            s.add(status);
        }
        assert_eq!((s.pending, s.followed, s.total()), (2, 1, 3));
    }

    #[test]
    fn a_support_group_is_a_parenting_measure_that_says_so_active_in_the_month() {
        let mut c = case("49-2026-001", "cpraf");
        let mut m = Measure {
            kind: MeasureType::ParentingSupport,
            provider: None,
            from: day("2026-10-01"),
            to: Some(day("2026-10-31")),
            fipd: false,
            fipd_action: None,
            fipd_justification: None,
            support_group: true,
        };
        c.measures = vec![m.clone()];
        let (first, last) = (day("2026-11-01"), day("2026-11-30"));
        assert!(
            !in_support_group(c.measures.iter(), first, last),
            "ended before the month"
        );
        m.to = Some(first);
        c.measures = vec![m.clone()];
        assert!(in_support_group(c.measures.iter(), first, last));
        m.support_group = false;
        c.measures = vec![m.clone()];
        assert!(!in_support_group(c.measures.iter(), first, last));
        m.support_group = true;
        m.kind = MeasureType::Education;
        c.measures = vec![m];
        assert!(!in_support_group(c.measures.iter(), first, last));
    }
}
