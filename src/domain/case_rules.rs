//! The rules of one case file that the decoder checks and the case form applies before
//! writing: a birth year in range, dates in order, the closure with its date and
//! reason. One copy, so that the form refuses a value with the sentence `validate`
//! gives (the store and the interface turn a [`CaseFault`] into the same message).

use super::{Case, CaseStatus};
use chrono::{Datelike, NaiveDate};

/// Earliest birth year accepted.
pub const MIN_BIRTH_YEAR: i64 = 1900;

/// What a rule refuses, with the file keys it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseFault {
    /// Before 1900 or after the year of the signalement.
    YearOutOfRange { value: i64 },
    /// Status closed without `closed_on`.
    ClosedNeedsDate,
    /// Status closed without `closure_reason`.
    ClosedNeedsReason,
    /// `key` (`value`) is before `other_key` (`other`).
    DateBefore {
        key: &'static str,
        value: NaiveDate,
        other_key: &'static str,
        other: NaiveDate,
    },
}

/// A birth year after the signalement, or too far back, is a typo.
pub fn birth_year_fault(year: i64, reported_on: Option<NaiveDate>) -> Option<CaseFault> {
    let latest = reported_on.map_or(2100, |d| i64::from(d.year()));
    (!(MIN_BIRTH_YEAR..=latest).contains(&year))
        .then_some(CaseFault::YearOutOfRange { value: year })
}

/// `value` must not be before `other`.
pub fn order_fault(
    key: &'static str,
    value: NaiveDate,
    other_key: &'static str,
    other: NaiveDate,
) -> Option<CaseFault> {
    (value < other).then_some(CaseFault::DateBefore {
        key,
        value,
        other_key,
        other,
    })
}

/// Where a fault is: the file key of the case, or of its measure `Some(i)`.
pub type FaultAt = (&'static str, Option<usize>);

/// Every fault of a case, each with the key it is reported at.
pub fn case_faults(c: &Case) -> Vec<(FaultAt, CaseFault)> {
    let mut out = Vec::new();
    if let Some(f) = c
        .birth_year
        .and_then(|y| birth_year_fault(i64::from(y), Some(c.reported_on)))
    {
        out.push((("birth_year", None), f));
    }
    if c.status == CaseStatus::Closed {
        if c.closed_on.is_none() {
            out.push((("closed_on", None), CaseFault::ClosedNeedsDate));
        }
        if c.closure_reason.is_none() {
            out.push((("closure_reason", None), CaseFault::ClosedNeedsReason));
        }
    }
    if let Some(f) = c
        .closed_on
        .and_then(|d| order_fault("closed_on", d, "reported_on", c.reported_on))
    {
        out.push((("closed_on", None), f));
    }
    for (i, m) in c.measures.iter().enumerate() {
        if let Some(f) = m.to.and_then(|to| order_fault("to", to, "from", m.from)) {
            out.push((("to", Some(i)), f));
        }
    }
    out
}

/// Whether the case is a person under 18 on `day` (schooling and the returnee flag
/// apply to them only); a person without a birth year may be one.
pub fn may_be_minor(c: &Case, day: NaiveDate) -> bool {
    c.kind == super::CaseKind::Person && c.birth_year.is_none_or(|y| super::is_minor(y, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;
    use crate::domain::{CaseKind, Source};

    #[test]
    fn the_rules_name_the_key_of_each_fault() {
        let mut c = Case::reported(
            "c",
            "b",
            CaseKind::Person,
            "A.",
            Source::Cnapr,
            day("2026-03-02"),
        );
        assert!(case_faults(&c).is_empty());
        c.birth_year = Some(2027);
        c.status = CaseStatus::Closed;
        c.closed_on = Some(day("2026-01-01"));
        let faults = case_faults(&c);
        assert_eq!(
            faults[0],
            (
                ("birth_year", None),
                CaseFault::YearOutOfRange { value: 2027 }
            )
        );
        assert_eq!(
            faults[1],
            (("closure_reason", None), CaseFault::ClosedNeedsReason)
        );
        assert!(matches!(
            faults[2],
            (("closed_on", None), CaseFault::DateBefore { .. })
        ));
        assert_eq!(
            birth_year_fault(1899, None),
            Some(CaseFault::YearOutOfRange { value: 1899 })
        );
        assert_eq!(birth_year_fault(2009, Some(day("2026-03-02"))), None);
    }
}
