//! Dates in words, and why a typed date was refused.

use super::Lang;
use crate::domain::dates::{DateError, MAX_YEAR, MIN_YEAR};
use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of the weekday (`vendredi`, `Friday`).
pub fn weekday_name(lang: Lang, day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => lang.pick("lundi", "Monday"),
        Weekday::Tue => lang.pick("mardi", "Tuesday"),
        Weekday::Wed => lang.pick("mercredi", "Wednesday"),
        Weekday::Thu => lang.pick("jeudi", "Thursday"),
        Weekday::Fri => lang.pick("vendredi", "Friday"),
        Weekday::Sat => lang.pick("samedi", "Saturday"),
        Weekday::Sun => lang.pick("dimanche", "Sunday"),
    }
}

/// The name of a month, 1 to 12 (`janvier`, `January`); empty outside.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let names = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
    };
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("")
}

/// A date in words: `vendredi 15 janvier 2027` (`vendredi 1er janvier 2027`) or
/// `Friday 15 January 2027`.
pub fn long_date(lang: Lang, day: NaiveDate) -> String {
    let number = match (lang, day.day()) {
        (Lang::Fr, 1) => "1er".to_string(),
        (_, n) => n.to_string(),
    };
    format!(
        "{} {} {} {}",
        weekday_name(lang, day.weekday()),
        number,
        month_name(lang, day.month()),
        day.year()
    )
}

impl DateError {
    /// Why the typed date was refused, with what is accepted.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            DateError::Unrecognised => lang
                .pick(
                    "date non reconnue : tapez par exemple 15/01/2027, 2027-01-15, +6s (semaines), +2m (mois) ou +10j (jours)",
                    "date not recognised: type for example 15/01/2027, 2027-01-15, +6w (weeks), +2m (months) or +10d (days)",
                )
                .into(),
            DateError::NoSuchMonth { month } => match lang {
                Lang::Fr => format!("il n'y a pas de mois {month} : le mois va de 1 à 12"),
                Lang::En => format!("there is no month {month}: months go from 1 to 12"),
            },
            DateError::NoSuchDay { day, month, year } => {
                let name = month_name(lang, *month);
                match lang {
                    Lang::Fr => format!("le {day} {name} {year} n'existe pas"),
                    Lang::En => format!("{day} {name} {year} does not exist"),
                }
            }
            DateError::YearOutOfRange { year } => match lang {
                Lang::Fr => format!("année {year} hors limites (de {MIN_YEAR} à {MAX_YEAR})"),
                Lang::En => format!("year {year} out of range ({MIN_YEAR} to {MAX_YEAR})"),
            },
            DateError::TooFar => match lang {
                Lang::Fr => format!("décalage trop grand : la date sortirait des années {MIN_YEAR} à {MAX_YEAR}"),
                Lang::En => format!("offset too large: the date would fall outside {MIN_YEAR} to {MAX_YEAR}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn long_dates() {
        assert_eq!(
            long_date(Lang::Fr, d(2027, 1, 15)),
            "vendredi 15 janvier 2027"
        );
        assert_eq!(
            long_date(Lang::En, d(2027, 1, 15)),
            "Friday 15 January 2027"
        );
        assert_eq!(
            long_date(Lang::Fr, d(2027, 1, 1)),
            "vendredi 1er janvier 2027"
        );
        assert_eq!(long_date(Lang::En, d(2027, 1, 1)), "Friday 1 January 2027");
        assert_eq!(long_date(Lang::Fr, d(2026, 8, 3)), "lundi 3 août 2026");
        assert_eq!(
            long_date(Lang::Fr, d(2026, 11, 29)),
            "dimanche 29 novembre 2026"
        );
    }

    #[test]
    fn month_names_outside_the_year_are_empty() {
        assert_eq!(month_name(Lang::Fr, 0), "");
        assert_eq!(month_name(Lang::Fr, 13), "");
        assert_eq!(month_name(Lang::En, 12), "December");
    }

    #[test]
    fn refusals_say_why() {
        let e = DateError::NoSuchDay {
            day: 31,
            month: 2,
            year: 2027,
        };
        assert_eq!(e.text(Lang::Fr), "le 31 février 2027 n'existe pas");
        assert_eq!(e.text(Lang::En), "31 February 2027 does not exist");
        assert!(DateError::Unrecognised.text(Lang::Fr).contains("+6s"));
        assert!(DateError::Unrecognised.text(Lang::En).contains("+6w"));
        assert!(DateError::TooFar.text(Lang::Fr).contains("2999"));
        assert_eq!(
            DateError::NoSuchMonth { month: 13 }.text(Lang::Fr),
            "il n'y a pas de mois 13 : le mois va de 1 à 12"
        );
    }
}
