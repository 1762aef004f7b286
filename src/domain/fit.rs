//! Whether a decision fits the body and the case it is taken on.
//!
//! A body offers its own list of decisions (`Body::decision_list`). Some decisions make
//! no sense for some cases: they are refused (a child-protection referral for a
//! structure) or asked for confirmation (the same for an adult), with the reason.

use super::case::{Case, Referent};
use super::department::Body;
use super::enums::{CaseKind, CaseStatus, Decision, ReferentType};
use chrono::NaiveDate;

/// Why a decision does not fit (its sentence: `i18n::followup::misfit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// « Information préoccupante » on a structure: no child to protect.
    ChildProtectionForStructure,
    /// « Information préoccupante » on a person who is of age on the meeting's day.
    ChildProtectionForAdult,
    /// A decision about a structure (inspection, ordre professionnel, ARS/DGCCRF) on a
    /// person or a family.
    StructureDecisionForPerson,
    /// « Retour au GED » (the GED assesses people) on a structure.
    GedForStructure,
    /// The decision is not in the body's list.
    NotForBody,
}

/// What to do with a decision chosen for a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Fits,
    /// Taken only once confirmed.
    Confirm(Misfit),
    /// Never taken.
    Refused(Misfit),
}

/// Whether `decision` fits `case` in `body` at a meeting on `on`.
pub fn fit(decision: Decision, case: &Case, body: Option<&Body>, on: NaiveDate) -> Fit {
    use Decision as D;
    match (decision, case.kind) {
        (D::ChildProtection, CaseKind::Organisation) => {
            return Fit::Refused(Misfit::ChildProtectionForStructure);
        }
        (D::ChildProtection, CaseKind::Person)
            if case.birth_year.is_some() && !case.is_minor_on(on) =>
        {
            return Fit::Confirm(Misfit::ChildProtectionForAdult);
        }
        (D::Inspection | D::InformProfessionalOrder | D::ReportToArsDgccrf, k)
            if k != CaseKind::Organisation =>
        {
            return Fit::Confirm(Misfit::StructureDecisionForPerson);
        }
        (D::BackToGed, CaseKind::Organisation) => return Fit::Confirm(Misfit::GedForStructure),
        _ => {}
    }
    if body.is_some_and(|b| !b.decision_list().contains(&decision)) {
        return Fit::Confirm(Misfit::NotForBody);
    }
    Fit::Fits
}

/// A first decision on a case not yet followed offers « inscription au suivi »: the case
/// is `reported` or `assessed` before this meeting, and the decision neither closes it
/// nor follows it by itself (`take_charge`).
pub fn offers_follow(status_before: CaseStatus, decision: Decision) -> bool {
    matches!(status_before, CaseStatus::Reported | CaseStatus::Assessed)
        && !decision.closes()
        && !decision.follows()
}

/// The structures already known as référents in the data (the cases' files and the
/// meetings' changes of référent), each once, sorted by name (case aside).
pub fn known_structures<'a>(
    referents: impl IntoIterator<Item = &'a Referent>,
) -> Vec<(String, ReferentType)> {
    let mut out: Vec<(String, ReferentType)> = Vec::new();
    for r in referents {
        let name = r.structure.trim();
        if !name.is_empty() && !out.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            out.push((name.to_string(), r.kind));
        }
    }
    out.sort_by_key(|(n, _)| n.to_lowercase());
    out
}

/// The providers of care measures already known in the data (the cases' measures and the
/// meetings' orientations), each once (case aside), sorted by name.
pub fn known_providers<'a>(providers: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in providers {
        let name = p.trim();
        if !name.is_empty() && !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            out.push(name.to_string());
        }
    }
    out.sort_by_key(|n| n.to_lowercase());
    out
}

/// The providers known in `data`: every case's measures, every meeting's orientations.
pub fn providers_in(data: &super::DeptData) -> Vec<String> {
    let cases = data
        .cases
        .iter()
        .flat_map(|c| c.measures.iter().filter_map(|m| m.provider.as_deref()));
    let meetings = data.meetings.iter().flat_map(|m| {
        m.items
            .iter()
            .filter_map(|i| i.measure.as_ref().and_then(|o| o.provider.as_deref()))
    });
    known_providers(cases.chain(meetings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{body, day};

    #[test]
    fn known_providers_are_listed_once_sorted_case_aside() {
        let got = known_providers([
            "CMP d'Angers",
            " cmp d'angers ",
            "",
            "Association Horizons",
            "  ",
            "Éducateurs PJJ",
        ]);
        assert_eq!(
            got,
            ["Association Horizons", "CMP d'Angers", "Éducateurs PJJ"]
        );
    }

    fn person(birth_year: Option<i32>) -> Case {
        let mut c = Case::reported(
            "c1",
            "cpraf",
            CaseKind::Person,
            "A.",
            crate::domain::Source::Education,
            day("2026-01-05"),
        );
        c.birth_year = birth_year;
        c
    }

    #[test]
    fn child_protection_is_refused_for_a_structure_and_confirmed_for_an_adult() {
        let on = day("2026-11-16");
        let mut org = person(None);
        org.kind = CaseKind::Organisation;
        assert_eq!(
            fit(Decision::ChildProtection, &org, None, on),
            Fit::Refused(Misfit::ChildProtectionForStructure)
        );
        assert_eq!(
            fit(Decision::ChildProtection, &person(Some(1990)), None, on),
            Fit::Confirm(Misfit::ChildProtectionForAdult)
        );
        assert_eq!(
            fit(Decision::ChildProtection, &person(Some(2012)), None, on),
            Fit::Fits
        );
        let mut family = person(None);
        family.kind = CaseKind::Family;
        assert_eq!(fit(Decision::ChildProtection, &family, None, on), Fit::Fits);
    }

    #[test]
    fn a_decision_outside_the_body_list_asks_for_confirmation() {
        let on = day("2026-11-16");
        let cpraf = body("cpraf", 30, &["dircab"]);
        let gtrdo = body("gtrdo", 90, &["dircab"]);
        let c = person(Some(2010));
        assert_eq!(fit(Decision::TakeCharge, &c, Some(&cpraf), on), Fit::Fits);
        assert_eq!(
            fit(Decision::ReferToMiviludes, &c, Some(&cpraf), on),
            Fit::Confirm(Misfit::NotForBody)
        );
        assert_eq!(
            fit(Decision::ReferToMiviludes, &c, Some(&gtrdo), on),
            Fit::Fits
        );
        assert_eq!(
            fit(Decision::Inspection, &c, Some(&gtrdo), on),
            Fit::Confirm(Misfit::StructureDecisionForPerson)
        );
        let mut own = cpraf.clone();
        own.decisions = vec![Decision::Continue, Decision::Close];
        assert_eq!(own.decision_list(), &[Decision::Continue, Decision::Close]);
        assert_eq!(
            fit(Decision::Orient, &c, Some(&own), on),
            Fit::Confirm(Misfit::NotForBody)
        );
    }

    #[test]
    fn the_default_lists_of_the_bodies() {
        let cpraf = body("cpraf", 30, &["dircab"]);
        let gtrdo = body("gtrdo", 90, &["dircab"]);
        for d in [
            Decision::TakeCharge,
            Decision::FurtherAssessment,
            Decision::Dismiss,
        ] {
            assert!(cpraf.decision_list().contains(&d));
        }
        assert_eq!(gtrdo.decision_list().len(), 7);
        assert!(
            gtrdo
                .decision_list()
                .contains(&Decision::ReportToProsecutor)
        );
        assert!(!gtrdo.decision_list().contains(&Decision::ChildProtection));
    }

    #[test]
    fn only_a_first_decision_on_a_new_case_offers_follow() {
        assert!(offers_follow(CaseStatus::Reported, Decision::Orient));
        assert!(offers_follow(CaseStatus::Assessed, Decision::Continue));
        assert!(!offers_follow(CaseStatus::Followed, Decision::Orient));
        assert!(!offers_follow(CaseStatus::Reported, Decision::Close));
        assert!(!offers_follow(CaseStatus::Reported, Decision::TakeCharge));
    }

    #[test]
    fn known_structures_are_listed_once_sorted() {
        let r = |s: &str| Referent {
            structure: s.into(),
            kind: ReferentType::Association,
            person: None,
        };
        let list = [r("Horizons"), r("ASE"), r("horizons"), r(" ")];
        let names: Vec<String> = known_structures(list.iter())
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, vec!["ASE".to_string(), "Horizons".to_string()]);
    }
}
