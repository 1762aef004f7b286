//! Dates as people type them in forms, and as fields show them.
//!
//! A typed date is read relative to a reference day (usually the meeting's date):
//! `15/01/2027`, `15/1/27`, `15.01.2027`, `2027-01-15`, `15/01` (the next 15 January on or
//! after the reference), offsets `+6w` / `+6s` (weeks, *semaines*), `+2m` (months),
//! `+10d` / `+10j` (days, *jours*), `+1y` / `+1a` (years, *ans*), also with a minus sign or
//! the word spelt out (`+6 semaines`), and `aujourd'hui` / `today`, `demain` / `tomorrow`.
//! An empty text means "no date". Month and year offsets stop at the end of a shorter
//! month: 31 January + 1 month is 28 (or 29) February.
//!
//! Nothing here panics, whatever the text.

use chrono::{Datelike, Days, Months, NaiveDate};

/// The earliest year a typed date may have.
pub const MIN_YEAR: i32 = 1900;
/// The latest year a typed date may have.
pub const MAX_YEAR: i32 = 2999;

/// Why a typed date was refused. Rendered by the message catalogue (`i18n::dates`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a shape of date this module reads.
    Unrecognised,
    /// The month is not 1 to 12.
    NoSuchMonth { month: u32 },
    /// The day does not exist in that month (31/02, 31/04, 29/02 of a common year, day 0).
    NoSuchDay { day: u32, month: u32, year: i32 },
    /// The year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange { year: i64 },
    /// An offset so large that the date would leave [`MIN_YEAR`]..=[`MAX_YEAR`].
    TooFar,
}

/// The unit of a relative offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

/// Reads a typed date relative to `reference`. Empty (or blank) text gives `Ok(None)`.
pub fn parse_date(text: &str, reference: NaiveDate) -> Result<Option<NaiveDate>, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_lowercase().replace('’', "'");
    let day = match lower.as_str() {
        "aujourd'hui" | "aujourdhui" | "auj" | "today" => reference,
        "demain" | "tomorrow" => offset(reference, 1, Unit::Days, false)?,
        _ => {
            if let Some(rest) = lower.strip_prefix('+') {
                relative(reference, rest, false)?
            } else if let Some(rest) = lower.strip_prefix('-') {
                relative(reference, rest, true)?
            } else if lower.starts_with(|c: char| c.is_ascii_digit()) && ends_with_unit(&lower) {
                relative(reference, &lower, false)?
            } else {
                absolute(&lower, reference)?
            }
        }
    };
    check_year(i64::from(day.year()))?;
    Ok(Some(day))
}

/// The short form shown in fields and accepted back by [`parse_date`]: `15/01/2027`.
pub fn format_short(day: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", day.day(), day.month(), day.year())
}

/// Like [`format_short`], empty for no date.
pub fn format_short_opt(day: Option<NaiveDate>) -> String {
    day.map(format_short).unwrap_or_default()
}

fn ends_with_unit(text: &str) -> bool {
    text.ends_with(|c: char| c.is_alphabetic())
}

fn check_year(year: i64) -> Result<(), DateError> {
    if (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year) {
        Ok(())
    } else {
        Err(DateError::YearOutOfRange { year })
    }
}

/// `6w`, `6 semaines`, `10j`... after the sign.
fn relative(reference: NaiveDate, text: &str, minus: bool) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, word) = text.split_at(digits_end);
    if digits.is_empty() {
        return Err(DateError::Unrecognised);
    }
    let unit = unit(word.trim()).ok_or(DateError::Unrecognised)?;
    // More digits than a u64 holds is an offset far beyond any allowed year.
    let amount: u64 = digits.parse().map_err(|_| DateError::TooFar)?;
    offset(reference, amount, unit, minus)
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "d" | "j" | "jour" | "jours" | "day" | "days" => Unit::Days,
        "w" | "s" | "sem" | "semaine" | "semaines" | "week" | "weeks" => Unit::Weeks,
        "m" | "mois" | "month" | "months" => Unit::Months,
        "y" | "a" | "an" | "ans" | "année" | "années" | "annee" | "annees" | "year" | "years" => {
            Unit::Years
        }
        _ => return None,
    })
}

fn offset(
    reference: NaiveDate,
    amount: u64,
    unit: Unit,
    minus: bool,
) -> Result<NaiveDate, DateError> {
    let result = match unit {
        Unit::Days | Unit::Weeks => {
            let days = match unit {
                Unit::Weeks => amount.checked_mul(7).ok_or(DateError::TooFar)?,
                _ => amount,
            };
            let days = Days::new(days);
            if minus {
                reference.checked_sub_days(days)
            } else {
                reference.checked_add_days(days)
            }
        }
        Unit::Months | Unit::Years => {
            let months = match unit {
                Unit::Years => amount.checked_mul(12).ok_or(DateError::TooFar)?,
                _ => amount,
            };
            let months = Months::new(u32::try_from(months).map_err(|_| DateError::TooFar)?);
            if minus {
                reference.checked_sub_months(months)
            } else {
                reference.checked_add_months(months)
            }
        }
    };
    let day = result.ok_or(DateError::TooFar)?;
    check_year(i64::from(day.year())).map_err(|_| DateError::TooFar)?;
    Ok(day)
}

/// `15/01/2027`, `15/1/27`, `15.01.2027`, `15-01-2027`, `2027-01-15`, `15/01`.
fn absolute(text: &str, reference: NaiveDate) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateError::Unrecognised);
    }
    // Day, month and year numbers too long for u64 are still numbers: refuse them by range.
    let number = |p: &str| -> u64 { p.parse::<u64>().unwrap_or(u64::MAX) };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => build(number(d), number(m), i64_of(number(y))),
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && (y.len() == 2 || y.len() >= 4) => {
            let year = if y.len() == 2 {
                2000 + i64_of(number(y))
            } else {
                i64_of(number(y))
            };
            build(number(d), number(m), year)
        }
        [d, m] if d.len() <= 2 && m.len() <= 2 => {
            let (day, month) = (number(d), number(m));
            let this_year = i64::from(reference.year());
            let candidate = build(day, month, this_year);
            match candidate {
                Ok(date) if date >= reference => Ok(date),
                // Passed this year (or 29/02 of a common year): the next one.
                Ok(_) | Err(DateError::NoSuchDay { .. }) => {
                    let next = build(day, month, this_year + 1);
                    match (candidate, next) {
                        (Err(e), Err(_)) => Err(e),
                        (_, next) => next,
                    }
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(DateError::Unrecognised),
    }
}

fn i64_of(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn build(day: u64, month: u64, year: i64) -> Result<NaiveDate, DateError> {
    let month32 = u32::try_from(month).unwrap_or(u32::MAX);
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth { month: month32 });
    }
    check_year(year)?;
    let year32 = i32::try_from(year).map_err(|_| DateError::YearOutOfRange { year })?;
    let day32 = u32::try_from(day).unwrap_or(u32::MAX);
    NaiveDate::from_ymd_opt(year32, month32, day32).ok_or(DateError::NoSuchDay {
        day: day32,
        month: month32,
        year: year32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn p(text: &str) -> Result<Option<NaiveDate>, DateError> {
        parse_date(text, d(2026, 11, 30))
    }

    #[test]
    fn absolute_forms() {
        for text in [
            "15/01/2027",
            "15/1/2027",
            "2027-01-15",
            "15.01.2027",
            "15-01-2027",
            "15/01/27",
            " 15 / 01 / 2027 ",
        ] {
            assert_eq!(p(text), Ok(Some(d(2027, 1, 15))), "{text}");
        }
    }

    #[test]
    fn day_and_month_only_means_the_next_one() {
        assert_eq!(p("15/01"), Ok(Some(d(2027, 1, 15))));
        assert_eq!(p("30/11"), Ok(Some(d(2026, 11, 30))));
        assert_eq!(p("01/12"), Ok(Some(d(2026, 12, 1))));
        // 29 February: the next leap year is not next year, so the date is refused.
        assert_eq!(
            p("29/02"),
            Err(DateError::NoSuchDay {
                day: 29,
                month: 2,
                year: 2026
            })
        );
        assert_eq!(parse_date("29/02", d(2027, 3, 1)), Ok(Some(d(2028, 2, 29))));
    }

    #[test]
    fn empty_means_no_date() {
        assert_eq!(p(""), Ok(None));
        assert_eq!(p("   "), Ok(None));
    }

    #[test]
    fn offsets() {
        assert_eq!(p("+6w"), Ok(Some(d(2027, 1, 11))));
        assert_eq!(p("+6s"), Ok(Some(d(2027, 1, 11))));
        assert_eq!(p("+6 semaines"), Ok(Some(d(2027, 1, 11))));
        assert_eq!(p("+6W"), Ok(Some(d(2027, 1, 11))));
        assert_eq!(p("+10d"), Ok(Some(d(2026, 12, 10))));
        assert_eq!(p("+10j"), Ok(Some(d(2026, 12, 10))));
        assert_eq!(p("10j"), Ok(Some(d(2026, 12, 10))));
        assert_eq!(p("+2m"), Ok(Some(d(2027, 1, 30))));
        assert_eq!(p("+1y"), Ok(Some(d(2027, 11, 30))));
        assert_eq!(p("+1a"), Ok(Some(d(2027, 11, 30))));
        assert_eq!(p("-1j"), Ok(Some(d(2026, 11, 29))));
        assert_eq!(p("+0d"), Ok(Some(d(2026, 11, 30))));
    }

    #[test]
    fn months_stop_at_the_end_of_a_shorter_month() {
        assert_eq!(parse_date("+1m", d(2027, 1, 31)), Ok(Some(d(2027, 2, 28))));
        assert_eq!(parse_date("+1m", d(2028, 1, 31)), Ok(Some(d(2028, 2, 29))));
        assert_eq!(parse_date("+1y", d(2028, 2, 29)), Ok(Some(d(2029, 2, 28))));
        assert_eq!(parse_date("+3m", d(2026, 11, 30)), Ok(Some(d(2027, 2, 28))));
    }

    #[test]
    fn words() {
        assert_eq!(p("aujourd'hui"), Ok(Some(d(2026, 11, 30))));
        assert_eq!(p("Aujourd’hui"), Ok(Some(d(2026, 11, 30))));
        assert_eq!(p("today"), Ok(Some(d(2026, 11, 30))));
        assert_eq!(p("demain"), Ok(Some(d(2026, 12, 1))));
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        assert_eq!(
            p("31/02/2027"),
            Err(DateError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2027
            })
        );
        assert_eq!(
            p("29/02/2027"),
            Err(DateError::NoSuchDay {
                day: 29,
                month: 2,
                year: 2027
            })
        );
        assert_eq!(p("29/02/2028"), Ok(Some(d(2028, 2, 29))));
        assert_eq!(
            p("00/01/2027"),
            Err(DateError::NoSuchDay {
                day: 0,
                month: 1,
                year: 2027
            })
        );
        assert_eq!(p("2027-13-01"), Err(DateError::NoSuchMonth { month: 13 }));
        assert_eq!(p("15/00/2027"), Err(DateError::NoSuchMonth { month: 0 }));
        assert_eq!(
            p("15/01/3027"),
            Err(DateError::YearOutOfRange { year: 3027 })
        );
        assert_eq!(p("15/01/0027"), Err(DateError::YearOutOfRange { year: 27 }));
    }

    #[test]
    fn nonsense_is_unrecognised() {
        for text in [
            "demain matin",
            "15/01/2027/3",
            "abc",
            "+",
            "+w",
            "+6x",
            "15//2027",
            "15/01/202",
            "1/2/3",
            "2027-01",
            "++6w",
            "+6w6",
            "٣/٣/٢٠٢٧",
        ] {
            assert_eq!(p(text), Err(DateError::Unrecognised), "{text}");
        }
    }

    #[test]
    fn huge_numbers_never_panic() {
        for text in [
            "+99999999999w",
            "+99999999999999999999999999w",
            "+4294967296m",
            "+999999999y",
            "-99999999999d",
            "+18446744073709551615d",
            "+3074457345618258603w",
        ] {
            assert_eq!(p(text), Err(DateError::TooFar), "{text}");
        }
        assert_eq!(p("+2000y"), Err(DateError::TooFar));
        assert_eq!(
            p("99/01/2027"),
            Err(DateError::NoSuchDay {
                day: 99,
                month: 1,
                year: 2027
            })
        );
        assert_eq!(p("15/99/2027"), Err(DateError::NoSuchMonth { month: 99 }));
        assert_eq!(
            p("2027-99999999999999999999-01"),
            Err(DateError::NoSuchMonth { month: u32::MAX })
        );
        assert_eq!(
            p("99999999999999999999/01/2027"),
            Err(DateError::Unrecognised)
        );
        assert!(matches!(
            p("15/01/99999999999999999999999"),
            Err(DateError::YearOutOfRange { .. })
        ));
    }

    #[test]
    fn no_text_makes_it_panic() {
        // Every text of up to four characters over an alphabet of what dates are made of,
        // from several reference days (including the ends of the allowed range).
        let alphabet: Vec<char> = "0129+-/.wmjy sé'".chars().collect();
        let references = [
            d(2026, 11, 30),
            d(MIN_YEAR, 1, 1),
            d(MAX_YEAR, 12, 31),
            d(2028, 2, 29),
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        assert!(texts.len() > 50_000);
        let mut accepted = 0;
        for text in &texts {
            for reference in references {
                if let Ok(Some(day)) = parse_date(text, reference) {
                    accepted += 1;
                    assert!((MIN_YEAR..=MAX_YEAR).contains(&day.year()), "{text:?}");
                }
            }
        }
        assert!(accepted > 1000);
    }

    #[test]
    fn short_form_reads_back() {
        let day = d(2027, 1, 5);
        assert_eq!(format_short(day), "05/01/2027");
        assert_eq!(p(&format_short(day)), Ok(Some(day)));
        assert_eq!(format_short_opt(None), "");
    }
}
