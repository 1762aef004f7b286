//! The official table of département codes, names and time zones, built into the binary.

use chrono_tz::Tz;
use std::sync::OnceLock;

const TABLE: &str = include_str!("departements.tsv");

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct DeptInfo {
    pub code: &'static str,
    pub name: &'static str,
    /// `departement`, `com`, `tom` or `sui_generis`.
    pub kind: &'static str,
    pub tz: Tz,
    /// The State's representative: `prefet`, `haut-commissaire`, ...
    pub representative: &'static str,
}

/// Every known code, in the order of the official table.
pub fn all() -> &'static [DeptInfo] {
    static ROWS: OnceLock<Vec<DeptInfo>> = OnceLock::new();
    ROWS.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let code = cols.next()?;
                let name = cols.next()?;
                let kind = cols.next()?;
                let tz = cols.next()?.parse::<Tz>().ok()?;
                let representative = cols.next()?;
                Some(DeptInfo {
                    code,
                    name,
                    kind,
                    tz,
                    representative,
                })
            })
            .collect()
    })
}

/// The row of a code (`"01"`, `"2A"`, `"971"`...), exactly as written in the table.
pub fn by_code(code: &str) -> Option<&'static DeptInfo> {
    all().iter().find(|d| d.code == code)
}

/// The article a name takes after « de », by code (INSEE's kind of name): `l` (de l'),
/// `la` (de la), `le` (du), `les` (des); absent: « de », or « d' » before a vowel.
const ARTICLES: &[(&str, &str)] = &[
    ("01", "l"),
    ("02", "l"),
    ("03", "l"),
    ("04", "les"),
    ("05", "les"),
    ("06", "les"),
    ("07", "l"),
    ("08", "les"),
    ("09", "l"),
    ("10", "l"),
    ("11", "l"),
    ("12", "l"),
    ("13", "les"),
    ("14", "le"),
    ("15", "le"),
    ("16", "la"),
    ("17", "la"),
    ("18", "le"),
    ("19", "la"),
    ("2A", "la"),
    ("2B", "la"),
    ("21", "la"),
    ("22", "les"),
    ("23", "la"),
    ("24", "la"),
    ("25", "le"),
    ("26", "la"),
    ("27", "l"),
    ("29", "le"),
    ("30", "le"),
    ("31", "la"),
    ("32", "le"),
    ("33", "la"),
    ("34", "l"),
    ("36", "l"),
    ("38", "l"),
    ("39", "le"),
    ("40", "les"),
    ("42", "la"),
    ("43", "la"),
    ("44", "la"),
    ("45", "le"),
    ("46", "le"),
    ("48", "la"),
    ("50", "la"),
    ("51", "la"),
    ("52", "la"),
    ("53", "la"),
    ("55", "la"),
    ("56", "le"),
    ("57", "la"),
    ("58", "la"),
    ("59", "le"),
    ("60", "l"),
    ("61", "l"),
    ("62", "le"),
    ("63", "le"),
    ("64", "les"),
    ("65", "les"),
    ("66", "les"),
    ("67", "le"),
    ("68", "le"),
    ("69", "le"),
    ("70", "la"),
    ("72", "la"),
    ("73", "la"),
    ("74", "la"),
    ("76", "la"),
    ("78", "les"),
    ("79", "les"),
    ("80", "la"),
    ("81", "le"),
    ("83", "le"),
    ("85", "la"),
    ("86", "la"),
    ("87", "la"),
    ("88", "les"),
    ("89", "l"),
    ("90", "le"),
    ("91", "l"),
    ("92", "les"),
    ("93", "la"),
    ("94", "le"),
    ("95", "le"),
    ("971", "la"),
    ("972", "la"),
    ("973", "la"),
    ("984", "les"),
    ("987", "la"),
    ("988", "la"),
];

impl DeptInfo {
    /// The name after « de », in correct French: « de Maine-et-Loire », « de la Gironde »,
    /// « du Nord », « des Landes », « de l'Ain », « d'Indre-et-Loire », « de La Réunion ».
    pub fn of_name(&self) -> String {
        let article = ARTICLES
            .iter()
            .find(|(code, _)| *code == self.code)
            .map(|(_, a)| *a);
        let name = self.name;
        let lower_first = |n: &str| {
            let mut c = n.chars();
            c.next()
                .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        match article {
            Some("l") => format!("de l'{name}"),
            Some("la") => format!("de la {name}"),
            Some("le") => format!("du {name}"),
            // « Terres australes… » written without its capital after the article.
            Some("les") if self.code == "984" => format!("des {}", lower_first(name)),
            Some("les") => format!("des {name}"),
            _ if name.starts_with(['A', 'E', 'I', 'O', 'U', 'Y', 'É', 'È']) => {
                format!("d'{name}")
            }
            _ => format!("de {name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_after_de_are_correct_french() {
        let of = |code: &str| by_code(code).map(DeptInfo::of_name).unwrap_or_default();
        assert_eq!(of("974"), "de La Réunion");
        assert_eq!(of("49"), "de Maine-et-Loire");
        assert_eq!(of("33"), "de la Gironde");
        assert_eq!(of("59"), "du Nord");
        assert_eq!(of("40"), "des Landes");
        assert_eq!(of("01"), "de l'Ain");
        assert_eq!(of("37"), "d'Indre-et-Loire");
        assert_eq!(of("976"), "de Mayotte");
        assert_eq!(of("90"), "du Territoire de Belfort");
        assert_eq!(of("75"), "de Paris");
    }

    #[test]
    fn the_table_is_complete_and_every_zone_is_known() {
        let lines = TABLE
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(all().len(), lines, "a row failed to parse");
        assert!(all().len() >= 101 + 7);
    }

    #[test]
    fn codes_and_zones() {
        assert_eq!(by_code("2A").map(|d| d.name), Some("Corse-du-Sud"));
        assert_eq!(
            by_code("971").map(|d| d.tz),
            Some(chrono_tz::America::Guadeloupe)
        );
        assert_eq!(
            by_code("988").map(|d| d.tz),
            Some(chrono_tz::Pacific::Noumea)
        );
        assert_eq!(by_code("75").map(|d| d.tz), Some(chrono_tz::Europe::Paris));
        assert!(by_code("20").is_none());
        assert!(by_code("1").is_none());
        assert!(by_code("96").is_none());
    }
}
