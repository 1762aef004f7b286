//! The special publics of the PNPR, on the dashboard and the séance card:
//! a minor schooled at home or hors contrat is to be examined by the cell in restricted
//! formation (mesure 7); a minor back from a zone of terrorist operations is followed
//! by the conseil départemental (mesure 47). The custody and milieu ouvert cases of
//! the fund are [`check_case`](super::check_case)'s.

use super::Programme;
use super::checks::{Finding, FindingKind, Where, check_case};
use crate::domain::{Case, CaseStatus, Schooling};
use chrono::NaiveDate;

/// The text names the conseil départemental or its child-welfare services.
pub fn is_departmental_council(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "conseil départemental",
        "conseil departemental",
        "aide sociale à l'enfance",
        "crip",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "ase" || w == "cd")
}

/// The case is followed by the conseil départemental: its référent, or a provider of
/// one of its measures, is the département's.
pub fn followed_by_department(case: &Case) -> bool {
    case.referent
        .as_ref()
        .is_some_and(|r| is_departmental_council(&r.structure))
        || case
            .measures
            .iter()
            .filter_map(|m| m.provider.as_deref())
            .any(is_departmental_council)
}

/// The special-public findings of one open case on `today`.
pub fn special_publics(case: &Case, today: NaiveDate) -> Vec<Finding> {
    if case.status == CaseStatus::Closed || !case.is_minor_on(today) {
        return Vec::new();
    }
    let at = || Where::Case {
        case: case.id.clone(),
        measure: None,
    };
    let mut out = Vec::new();
    match case.schooling {
        Some(Schooling::Home) => out.push(Finding {
            at: at(),
            kind: FindingKind::RestrictedReview { home: true },
        }),
        Some(Schooling::PrivateNoContract) => out.push(Finding {
            at: at(),
            kind: FindingKind::RestrictedReview { home: false },
        }),
        _ => {}
    }
    if case.returnee_minor && !followed_by_department(case) {
        out.push(Finding {
            at: at(),
            kind: FindingKind::ReturneeWithoutDepartment,
        });
    }
    out
}

/// What the séance card and the case screen show of one case: its special publics
/// and the fund's findings on its measures.
pub fn case_flags(case: &Case, programmes: &[Programme], today: NaiveDate) -> Vec<Finding> {
    let mut out = special_publics(case, today);
    out.extend(check_case(case, programmes, today));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Referent;
    use crate::domain::ReferentType;
    use crate::domain::testing::{case, day};

    fn minor() -> Case {
        let mut c = case("49-2026-001", "cpraf");
        c.birth_year = Some(2012);
        c
    }

    #[test]
    fn a_minor_schooled_at_home_or_hors_contrat_goes_to_the_restricted_formation() {
        let today = day("2026-11-25");
        let mut c = minor();
        assert_eq!(special_publics(&c, today), []);
        c.schooling = Some(Schooling::Home);
        assert_eq!(
            special_publics(&c, today)[0].kind,
            FindingKind::RestrictedReview { home: true }
        );
        c.schooling = Some(Schooling::PrivateNoContract);
        assert_eq!(
            special_publics(&c, today)[0].kind,
            FindingKind::RestrictedReview { home: false }
        );
        c.schooling = Some(Schooling::PrivateUnderContract);
        assert_eq!(special_publics(&c, today), []);
        // Of age on the day: no longer a minor's case.
        c.schooling = Some(Schooling::Home);
        c.birth_year = Some(2008);
        assert_eq!(special_publics(&c, today), []);
    }

    #[test]
    fn a_returnee_minor_needs_the_conseil_departemental() {
        let today = day("2026-11-25");
        let mut c = minor();
        c.returnee_minor = true;
        assert_eq!(
            special_publics(&c, today)[0].kind,
            FindingKind::ReturneeWithoutDepartment
        );
        c.referent = Some(Referent {
            structure: "Conseil départemental — Aide sociale à l'enfance".into(),
            kind: ReferentType::LocalAuthority,
            person: None,
        });
        assert_eq!(special_publics(&c, today), []);
        c.referent = Some(Referent {
            structure: "Mairie de Saumur".into(),
            kind: ReferentType::LocalAuthority,
            person: None,
        });
        assert_eq!(special_publics(&c, today).len(), 1);
        c.status = CaseStatus::Closed;
        assert_eq!(special_publics(&c, today), []);
    }

    #[test]
    fn the_council_is_recognised_by_its_words() {
        assert!(is_departmental_council("CD 49 — ASE"));
        assert!(is_departmental_council("CRIP de Maine-et-Loire"));
        assert!(!is_departmental_council("Case départ"));
        assert!(!is_departmental_council("Mairie"));
    }
}
