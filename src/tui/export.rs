//! What can be exported from the interface ([`ExportRequest`], made by the workspace's
//! exporters) and the months the report form moves through.

use chrono::{Datelike, NaiveDate};

pub use crate::export::{Level as MinutesLevel, ReportFormat};
pub use crate::workspace::ExportRequest;

/// The month before the one of `day`, as its first day.
pub fn previous_month(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first
        .checked_sub_months(chrono::Months::new(1))
        .unwrap_or(first)
}

/// The month after (or before, when `forward` is false) `month`.
pub fn shift_month(month: NaiveDate, forward: bool) -> NaiveDate {
    let months = chrono::Months::new(1);
    let shifted = if forward {
        month.checked_add_months(months)
    } else {
        month.checked_sub_months(months)
    };
    shifted.unwrap_or(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_move_across_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(previous_month(d(2026, 1, 31)), d(2025, 12, 1));
        assert_eq!(previous_month(d(2026, 11, 25)), d(2026, 10, 1));
        assert_eq!(shift_month(d(2026, 12, 1), true), d(2027, 1, 1));
        assert_eq!(shift_month(d(2026, 1, 1), false), d(2025, 12, 1));
    }
}
