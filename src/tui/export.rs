//! What can be exported from the interface, as data: the runtime asks the store's
//! exporters for a preview, then for the file.

use chrono::{Datelike, NaiveDate};

/// Who the minutes are for: how much they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MinutesLevel {
    Internal,
    Partners,
    Public,
}

impl MinutesLevel {
    pub const ALL: &'static [MinutesLevel] = &[
        MinutesLevel::Internal,
        MinutesLevel::Partners,
        MinutesLevel::Public,
    ];

    /// The spelling of the command line and of file names.
    pub fn as_str(self) -> &'static str {
        match self {
            MinutesLevel::Internal => "internal",
            MinutesLevel::Partners => "partners",
            MinutesLevel::Public => "public",
        }
    }
}

/// The format of the monthly report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Markdown,
    Csv,
}

impl ReportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Csv => "csv",
        }
    }
}

/// One export.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExportRequest {
    /// The agenda of a meeting, for the convocation.
    Agenda { meeting: String },
    /// The minutes of a meeting at a level.
    Minutes {
        meeting: String,
        level: MinutesLevel,
    },
    /// The monthly report of a body; `month` is the first day of the month.
    Monthly {
        month: NaiveDate,
        body: String,
        format: ReportFormat,
    },
}

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
