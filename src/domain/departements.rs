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

#[cfg(test)]
mod tests {
    use super::*;

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
