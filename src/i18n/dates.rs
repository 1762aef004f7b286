//! Why a typed date was refused.
//!
//! Dates written out in words (`lundi 30 novembre 2026`) are `i18n::export::long_date`.

use super::Lang;
use crate::domain::dates::{DateError, MAX_YEAR, MIN_YEAR};

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
            DateError::NoSuchDay { day, month, year } => match lang {
                Lang::Fr => format!("le {day:02}/{month:02}/{year} n'existe pas"),
                Lang::En => format!("{day:02}/{month:02}/{year} does not exist (day/month/year)"),
            },
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

    #[test]
    fn refusals_say_why() {
        let e = DateError::NoSuchDay {
            day: 31,
            month: 2,
            year: 2027,
        };
        assert_eq!(e.text(Lang::Fr), "le 31/02/2027 n'existe pas");
        assert_eq!(
            e.text(Lang::En),
            "31/02/2027 does not exist (day/month/year)"
        );
        assert!(DateError::Unrecognised.text(Lang::Fr).contains("+6s"));
        assert!(DateError::Unrecognised.text(Lang::En).contains("+6w"));
        assert!(DateError::TooFar.text(Lang::Fr).contains("2999"));
        assert_eq!(
            DateError::YearOutOfRange { year: 3027 }.text(Lang::Fr),
            "année 3027 hors limites (de 1900 à 2999)"
        );
        assert_eq!(
            DateError::NoSuchMonth { month: 13 }.text(Lang::Fr),
            "il n'y a pas de mois 13 : le mois va de 1 à 12"
        );
    }
}
