//! A situation followed by a body.

use super::enums::*;
use chrono::NaiveDate;

/// The référent de parcours of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referent {
    pub structure: String,
    pub kind: ReferentType,
    pub person: Option<String>,
}

/// A care measure (prise en charge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub kind: MeasureType,
    pub provider: Option<String>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    /// Financed by the FIPD (`fipd: true`, or `fipd: <action-id>`).
    pub fipd: bool,
    /// The action of the programme that finances it (`fipd: <action-id>`).
    pub fipd_action: Option<String>,
    /// Why the fund finances it although the person is in milieu ouvert.
    pub fipd_justification: Option<String>,
    /// A parenting-support measure that is (or includes) a « groupe de parole » for the family.
    pub support_group: bool,
}

impl Measure {
    /// A measure is active on a day when it has started and not ended before it.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| to >= day)
    }
}

/// A case as kept in `cases/<id>.yaml`: the human-kept record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: String,
    pub body: String,
    pub kind: CaseKind,
    pub label: String,
    pub name: Option<String>,
    pub birth_year: Option<i32>,
    pub reported_on: NaiveDate,
    pub source: Source,
    pub status: CaseStatus,
    pub referent: Option<Referent>,
    pub family_contacted_on: Option<NaiveDate>,
    pub justice: Justice,
    pub schooling: Option<Schooling>,
    pub returnee_minor: bool,
    pub measures: Vec<Measure>,
    pub next_review: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub closure_reason: Option<ClosureReason>,
    pub notes: Option<String>,
}

impl Case {
    /// A case just reported: status `reported`, no justice procedure, and nothing else
    /// known yet (the new-case form; the tests and the generator start from it too).
    pub fn reported(
        id: impl Into<String>,
        body: impl Into<String>,
        kind: CaseKind,
        label: impl Into<String>,
        source: Source,
        reported_on: NaiveDate,
    ) -> Case {
        Case {
            id: id.into(),
            body: body.into(),
            kind,
            label: label.into(),
            name: None,
            birth_year: None,
            reported_on,
            source,
            status: CaseStatus::Reported,
            referent: None,
            family_contacted_on: None,
            justice: Justice::None,
            schooling: None,
            returnee_minor: false,
            measures: Vec::new(),
            next_review: None,
            closed_on: None,
            closure_reason: None,
            notes: None,
        }
    }
}
