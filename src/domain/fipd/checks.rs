//! The rules of the FIPD annex (« Prévention de la radicalisation »), checked on a
//! programme and on the cases' financed measures. Each rule is one function of
//! values; `docs/fipd.md` cites the annex for each.

use super::{CITY_CONTRACT_CODE, Category, FundAction, Programme, StructureType, Theme};
use crate::domain::{Case, CaseStatus, DeptData, Justice};
use chrono::NaiveDate;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The fund cannot finance this as it stands.
    Error,
    /// To look at: the annex asks for an examination.
    Warning,
    /// Allowed, residually: to be justified.
    Notice,
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Where {
    /// The allocation of the programme of `year`.
    Allocation { year: i32 },
    /// Action `index` (in file order) of the programme of `year`.
    Action { year: i32, index: usize, id: String },
    /// Measure `index` of a case (`None`: the case as a whole).
    Case {
        case: String,
        measure: Option<usize>,
    },
}

/// One rule broken, or one situation the annex asks to look at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// Training and team support together over their cap.
    TrainingOverCap { total: u64, limit: u64 },
    /// A primary-prevention action financed above the rate allowed of its cost.
    PrimaryOverRate { amount: u64, cost: u64, rate: u64 },
    /// A primary-prevention action outside the themes the annex lists.
    PrimaryOutsideThemes,
    /// An action in prison (milieu fermé): the Ministry of Justice's.
    InPrison,
    /// A city-contract action without the analytic code `09-FI0000001`.
    CityContractNoCode { code: Option<String> },
    /// An action financing a référent de parcours that is not an association.
    ReferentNotAssociation { kind: StructureType },
    /// Actions granted over the allocation.
    OverAllocation { engaged: u64, allocation: u64 },
    /// A case in custody whose measure is financed by the fund.
    CustodyFinanced,
    /// A case in milieu ouvert whose measure is financed by the fund, with no justification.
    OpenEnvironmentFinanced,
    /// A financed measure naming an action that no programme holds.
    UnknownAction { action: String },
    /// A minor schooled at home or in a school hors contrat (mesure 7 of the PNPR).
    RestrictedReview { home: bool },
    /// A minor back from a zone of terrorist operations, not followed by the conseil
    /// départemental (mesure 47 of the PNPR).
    ReturneeWithoutDepartment,
}

/// A finding: what and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    pub at: Where,
    pub kind: FindingKind,
}

impl Finding {
    fn new(at: Where, kind: FindingKind) -> Finding {
        Finding { at, kind }
    }

    pub fn severity(&self) -> Severity {
        match self.kind {
            FindingKind::OpenEnvironmentFinanced => Severity::Notice,
            FindingKind::RestrictedReview { .. } | FindingKind::ReturneeWithoutDepartment => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    /// The key of the action or measure the finding points at (for its line).
    pub fn key(&self) -> Option<&'static str> {
        Some(match self.kind {
            FindingKind::TrainingOverCap { .. } | FindingKind::PrimaryOverRate { .. } => "granted",
            FindingKind::PrimaryOutsideThemes => "themes",
            FindingKind::InPrison => "prison",
            FindingKind::CityContractNoCode { .. } => "code",
            FindingKind::ReferentNotAssociation { .. } => "structure",
            FindingKind::OverAllocation { .. } => "allocation",
            FindingKind::CustodyFinanced
            | FindingKind::OpenEnvironmentFinanced
            | FindingKind::UnknownAction { .. } => "fipd",
            FindingKind::RestrictedReview { .. } => "schooling",
            FindingKind::ReturneeWithoutDepartment => "returnee_minor",
        })
    }

    /// The case the finding is about, if any.
    pub fn case(&self) -> Option<&str> {
        match &self.at {
            Where::Case { case, .. } => Some(case),
            _ => None,
        }
    }
}

/// Training and team support together within their cap.
pub fn training_cap(p: &Programme) -> Option<Finding> {
    let totals = p.totals();
    if totals.training <= totals.training_limit {
        return None;
    }
    let (index, last) = p
        .actions
        .iter()
        .enumerate()
        .rfind(|(_, a)| a.category.is_training() && a.planned() > 0)?;
    Some(Finding::new(
        action_at(p, index, last),
        FindingKind::TrainingOverCap {
            total: totals.training,
            limit: totals.training_limit,
        },
    ))
}

/// Primary prevention: at most `primary_rate` % of the action's cost.
pub fn primary_rate(p: &Programme, a: &FundAction) -> Option<FindingKind> {
    let amount = a.planned();
    let rate = p.rules.primary_rate;
    let over = amount.saturating_mul(100) > a.cost.saturating_mul(rate);
    (a.category == Category::PrimaryPrevention && over).then_some(FindingKind::PrimaryOverRate {
        amount,
        cost: a.cost,
        rate,
    })
}

/// Primary prevention: only within the themes listed by the annex.
pub fn primary_themes(a: &FundAction) -> Option<FindingKind> {
    let outside = a.themes.is_empty() || a.themes.contains(&Theme::Other);
    (a.category == Category::PrimaryPrevention && outside)
        .then_some(FindingKind::PrimaryOutsideThemes)
}

/// Prevention in prison cannot be financed.
pub fn in_prison(a: &FundAction) -> Option<FindingKind> {
    a.prison.then_some(FindingKind::InPrison)
}

/// A city-contract action carries the analytic code `09-FI0000001`.
pub fn city_contract_code(a: &FundAction) -> Option<FindingKind> {
    let right = a.code.as_deref().map(str::trim) == Some(CITY_CONTRACT_CODE);
    (a.category == Category::CityContract && !right).then(|| FindingKind::CityContractNoCode {
        code: a.code.clone(),
    })
}

/// A référent de parcours is financed only when it is an association.
pub fn referent_association(a: &FundAction) -> Option<FindingKind> {
    (a.referent && a.structure.kind != StructureType::Association).then_some(
        FindingKind::ReferentNotAssociation {
            kind: a.structure.kind,
        },
    )
}

/// The actions granted stay within the allocation.
pub fn allocation(p: &Programme) -> Option<Finding> {
    let engaged = p.totals().engaged;
    (engaged > p.allocation).then(|| {
        Finding::new(
            Where::Allocation { year: p.year },
            FindingKind::OverAllocation {
                engaged,
                allocation: p.allocation,
            },
        )
    })
}

fn action_at(p: &Programme, index: usize, a: &FundAction) -> Where {
    Where::Action {
        year: p.year,
        index,
        id: a.id.clone(),
    }
}

/// Every finding of one programme, in the order of its actions.
pub fn check_programme(p: &Programme) -> Vec<Finding> {
    let mut out: Vec<Finding> = allocation(p).into_iter().collect();
    for (index, a) in p.actions.iter().enumerate() {
        let kinds = [
            primary_rate(p, a),
            primary_themes(a),
            in_prison(a),
            city_contract_code(a),
            referent_association(a),
        ];
        for kind in kinds.into_iter().flatten() {
            out.push(Finding::new(action_at(p, index, a), kind));
        }
    }
    out.extend(training_cap(p));
    out
}

/// The findings of one case's financed measures on `today`: custody, milieu ouvert,
/// an action no programme holds.
pub fn check_case(case: &Case, programmes: &[Programme], today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    let at = |i: usize| Where::Case {
        case: case.id.clone(),
        measure: Some(i),
    };
    for (i, m) in case.measures.iter().enumerate() {
        if let Some(action) = &m.fipd_action
            && !programmes.iter().any(|p| p.action(action).is_some())
        {
            let kind = FindingKind::UnknownAction {
                action: action.clone(),
            };
            out.push(Finding::new(at(i), kind));
        }
        if !m.fipd || !m.active_on(today) || case.status == CaseStatus::Closed {
            continue;
        }
        match case.justice {
            Justice::Custody => out.push(Finding::new(at(i), FindingKind::CustodyFinanced)),
            Justice::OpenEnvironment if m.fipd_justification.is_none() => {
                out.push(Finding::new(at(i), FindingKind::OpenEnvironmentFinanced));
            }
            Justice::OpenEnvironment | Justice::None => {}
        }
    }
    out
}

/// Every rule of the fund on a département's data: its programmes, then its cases.
pub fn check_dept(data: &DeptData, today: NaiveDate) -> Vec<Finding> {
    let mut out: Vec<Finding> = data.programmes.iter().flat_map(check_programme).collect();
    for case in &data.cases {
        out.extend(check_case(case, &data.programmes, today));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{CapReading, FundStatus};
    use super::*;
    use crate::domain::testing::{case, day};
    use crate::domain::{Measure, MeasureType};

    fn action(id: &str, category: Category, amount: u64, cost: u64) -> FundAction {
        let mut a = FundAction::requested(id, id, category);
        a.structure.name = "Association".into();
        a.requested = amount;
        a.granted = Some(amount);
        a.cost = cost;
        a.status = FundStatus::Granted;
        if category == Category::PrimaryPrevention {
            a.themes = vec![Theme::CriticalThinking];
        }
        if category == Category::CityContract {
            a.code = Some(CITY_CONTRACT_CODE.into());
        }
        a
    }

    fn programme(actions: Vec<FundAction>) -> Programme {
        Programme {
            allocation: 1_000_000,
            actions,
            ..Programme::empty(2026)
        }
    }

    fn kinds(p: &Programme) -> Vec<FindingKind> {
        check_programme(p).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn training_at_its_cap_passes_one_euro_over_does_not() {
        // 20 % of 40 000 € is 8 000 €: the lower reading caps at 4 000 €.
        let mut p = programme(vec![
            action("psy", Category::MentalHealth, 34_000, 34_000),
            action("form", Category::Training, 2_500, 2_500),
            action("equipe", Category::TeamSupport, 1_500, 1_500),
        ]);
        assert_eq!(kinds(&p), []);
        p.actions[2].granted = Some(1_501);
        let found = check_programme(&p);
        assert_eq!(
            found[0].kind,
            FindingKind::TrainingOverCap {
                total: 4_001,
                limit: 4_000
            }
        );
        assert!(matches!(&found[0].at, Where::Action { index: 2, .. }));
    }

    #[test]
    fn training_cap_as_a_share_of_a_small_programme() {
        // 10 000 € in all: 20 % is 2 000 €, under 4 000 €.
        let mut p = programme(vec![
            action("psy", Category::MentalHealth, 8_000, 8_000),
            action("form", Category::Training, 2_000, 2_000),
        ]);
        assert_eq!(kinds(&p), []);
        p.actions[0].granted = Some(7_999);
        p.actions[1].granted = Some(2_001);
        // 10 000 € still, 2 001 € of training: 1 € over 20 %.
        assert_eq!(
            kinds(&p),
            [FindingKind::TrainingOverCap {
                total: 2_001,
                limit: 2_000
            }]
        );
        // The other reading allows up to 4 000 €.
        p.rules.cap_reading = CapReading::Higher;
        assert_eq!(kinds(&p), []);
    }

    #[test]
    fn primary_prevention_at_twenty_percent_passes_one_euro_over_does_not() {
        let mut p = programme(vec![action(
            "ec",
            Category::PrimaryPrevention,
            2_000,
            10_000,
        )]);
        assert_eq!(kinds(&p), []);
        p.actions[0].granted = Some(2_001);
        assert_eq!(
            kinds(&p),
            [FindingKind::PrimaryOverRate {
                amount: 2_001,
                cost: 10_000,
                rate: 20
            }]
        );
    }

    #[test]
    fn primary_prevention_outside_the_themes() {
        let mut p = programme(vec![action("ec", Category::PrimaryPrevention, 100, 10_000)]);
        p.actions[0].themes = vec![Theme::Other];
        assert_eq!(kinds(&p), [FindingKind::PrimaryOutsideThemes]);
        p.actions[0].themes.clear();
        assert_eq!(kinds(&p), [FindingKind::PrimaryOutsideThemes]);
        p.actions[0].themes = vec![Theme::CounterSpeech];
        assert_eq!(kinds(&p), []);
    }

    #[test]
    fn an_action_in_prison() {
        let mut p = programme(vec![action(
            "detention",
            Category::EducationInsertion,
            100,
            100,
        )]);
        assert_eq!(kinds(&p), []);
        p.actions[0].prison = true;
        assert_eq!(kinds(&p), [FindingKind::InPrison]);
    }

    #[test]
    fn a_city_contract_needs_its_analytic_code() {
        let mut p = programme(vec![action("cv", Category::CityContract, 100, 100)]);
        assert_eq!(kinds(&p), []);
        p.actions[0].code = Some("09-FI0000002".into());
        assert_eq!(
            kinds(&p),
            [FindingKind::CityContractNoCode {
                code: Some("09-FI0000002".into())
            }]
        );
        p.actions[0].code = None;
        assert_eq!(kinds(&p), [FindingKind::CityContractNoCode { code: None }]);
    }

    #[test]
    fn a_financed_referent_is_an_association() {
        let mut p = programme(vec![action("ref", Category::EducationInsertion, 100, 100)]);
        p.actions[0].referent = true;
        assert_eq!(kinds(&p), []);
        p.actions[0].structure.kind = StructureType::LocalAuthority;
        assert_eq!(
            kinds(&p),
            [FindingKind::ReferentNotAssociation {
                kind: StructureType::LocalAuthority
            }]
        );
    }

    #[test]
    fn granted_at_the_allocation_passes_one_euro_over_does_not() {
        let mut p = programme(vec![
            action("a", Category::MentalHealth, 30_000, 30_000),
            action("b", Category::Parenting, 10_000, 10_000),
        ]);
        p.allocation = 40_000;
        assert_eq!(kinds(&p), []);
        p.actions[1].granted = Some(10_001);
        assert_eq!(
            kinds(&p),
            [FindingKind::OverAllocation {
                engaged: 40_001,
                allocation: 40_000
            }]
        );
        // A pending request does not count as granted.
        p.actions[1].status = FundStatus::Requested;
        assert_eq!(kinds(&p), []);
    }

    fn financed(action: Option<&str>) -> Measure {
        Measure {
            kind: MeasureType::Insertion,
            provider: None,
            from: day("2026-01-01"),
            to: None,
            fipd: true,
            fipd_action: action.map(str::to_string),
            fipd_justification: None,
            support_group: false,
        }
    }

    #[test]
    fn cases_financed_in_custody_in_milieu_ouvert_or_by_an_unknown_action() {
        let today = day("2026-11-25");
        let p = vec![programme(vec![action("psy", Category::MentalHealth, 1, 1)])];
        let mut c = case("49-2026-001", "cpraf");
        c.measures = vec![financed(Some("psy"))];
        assert_eq!(check_case(&c, &p, today), []);
        c.justice = Justice::Custody;
        let found = check_case(&c, &p, today);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, FindingKind::CustodyFinanced);
        assert_eq!(found[0].severity(), Severity::Error);
        c.justice = Justice::OpenEnvironment;
        let found = check_case(&c, &p, today);
        assert_eq!(found[0].kind, FindingKind::OpenEnvironmentFinanced);
        assert_eq!(found[0].severity(), Severity::Notice);
        c.measures[0].fipd_justification = Some("Seule offre d'insertion du secteur".into());
        assert_eq!(check_case(&c, &p, today), []);
        // A measure ended before today no longer counts.
        c.justice = Justice::Custody;
        c.measures[0].to = Some(day("2026-11-24"));
        assert_eq!(check_case(&c, &p, today), []);
        c.measures[0].fipd_action = Some("psi".into());
        assert_eq!(
            check_case(&c, &p, today)[0].kind,
            FindingKind::UnknownAction {
                action: "psi".into()
            }
        );
        // `fipd: true` names no action: nothing to look up.
        c.measures[0] = financed(None);
        c.justice = Justice::None;
        assert_eq!(check_case(&c, &p, today), []);
    }
}
