//! Working days of a département: weekends and French public holidays, with Easter's
//! movable feasts, the two extra days of Alsace-Moselle (57, 67, 68) and the abolition of
//! slavery overseas (971, 972, 973, 974, 976). A proposed review date falls on a working day.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` (the Gregorian computus of Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The abolition-of-slavery day of an overseas département (month, day).
fn abolition(code: &str) -> Option<(u32, u32)> {
    match code {
        "971" => Some((5, 27)),
        "972" => Some((5, 22)),
        "973" => Some((6, 10)),
        "974" => Some((12, 20)),
        "976" => Some((4, 27)),
        _ => None,
    }
}

/// `day` is a public holiday in the département `code`.
pub fn is_holiday(code: &str, day: NaiveDate) -> bool {
    let (m, d) = (day.month(), day.day());
    let fixed = matches!(
        (m, d),
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25)
    );
    if fixed || abolition(code) == Some((m, d)) {
        return true;
    }
    let alsace_moselle = matches!(code, "57" | "67" | "68");
    if alsace_moselle && (m, d) == (12, 26) {
        return true;
    }
    let Some(easter) = easter(day.year()) else {
        return false;
    };
    let offset = (day - easter).num_days();
    // Easter Monday, Ascension, Whit Monday; Good Friday in Alsace-Moselle.
    matches!(offset, 1 | 39 | 50) || (alsace_moselle && offset == -2)
}

/// Neither a Saturday, a Sunday nor a public holiday of the département `code`.
pub fn is_working_day(code: &str, day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(code, day)
}

/// `day` when it is a working day of the département, else the next one.
pub fn next_working_day(code: &str, day: NaiveDate) -> NaiveDate {
    let mut d = day;
    // At most a few days pass: a long weekend, or Christmas and the 26th in Alsace.
    for _ in 0..14 {
        if is_working_day(code, d) {
            return d;
        }
        match d.checked_add_days(Days::new(1)) {
            Some(next) => d = next,
            None => return d,
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    #[test]
    fn easter_of_known_years() {
        assert_eq!(easter(2026), Some(day("2026-04-05")));
        assert_eq!(easter(2027), Some(day("2027-03-28")));
        assert_eq!(easter(2024), Some(day("2024-03-31")));
        assert_eq!(easter(2038), Some(day("2038-04-25")));
    }

    #[test]
    fn national_movable_and_local_holidays() {
        for d in [
            "2026-01-01",
            "2026-04-06",
            "2026-05-14",
            "2026-05-25",
            "2026-07-14",
            "2026-11-11",
        ] {
            assert!(is_holiday("49", day(d)), "{d}");
        }
        assert!(!is_holiday("49", day("2026-04-03")));
        assert!(is_holiday("67", day("2026-04-03")), "Good Friday in Alsace");
        assert!(is_holiday("57", day("2026-12-26")));
        assert!(!is_holiday("75", day("2026-12-26")));
        assert!(is_holiday("974", day("2026-12-20")));
        assert!(is_holiday("971", day("2026-05-27")));
        assert!(is_holiday("972", day("2026-05-22")));
        assert!(is_holiday("973", day("2026-06-10")));
        assert!(is_holiday("976", day("2026-04-27")));
        assert!(!is_holiday("49", day("2026-05-27")));
    }

    #[test]
    fn a_proposed_date_moves_to_the_next_working_day() {
        // Saturday → Monday.
        assert_eq!(next_working_day("49", day("2026-02-14")), day("2026-02-16"));
        // Friday 1 May 2026 → Monday 4 May.
        assert_eq!(next_working_day("49", day("2026-05-01")), day("2026-05-04"));
        // Christmas 2026 is a Friday: Monday 28 in Paris, and in Moselle too (26 is a Saturday).
        assert_eq!(next_working_day("75", day("2026-12-25")), day("2026-12-28"));
        // Christmas 2025, a Thursday: Friday 26 elsewhere, Monday 29 in Alsace-Moselle.
        assert_eq!(next_working_day("75", day("2025-12-25")), day("2025-12-26"));
        assert_eq!(next_working_day("68", day("2025-12-25")), day("2025-12-29"));
        // Sunday 20 December 2026 in La Réunion → Monday 21.
        assert_eq!(
            next_working_day("974", day("2026-12-20")),
            day("2026-12-21")
        );
        // A working day stays.
        assert_eq!(next_working_day("49", day("2026-12-15")), day("2026-12-15"));
    }
}
