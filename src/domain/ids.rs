//! Identifiers: their shapes and how the app makes new ones.

use chrono::NaiveDate;

/// Member and body ids: `[a-z0-9-]{1,32}`.
pub fn is_short_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Case and meeting ids: `[A-Za-z0-9_-]{1,64}`, not starting with `-` (it would read as a flag).
pub fn is_file_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The next case id `<dept>-<year>-<seq>` (three digits at least) given the ids in use.
pub fn next_case_id<'a>(
    dept: &str,
    year: i32,
    existing: impl IntoIterator<Item = &'a str>,
) -> String {
    let prefix = format!("{dept}-{year}-");
    let last = existing
        .into_iter()
        .filter_map(|id| id.strip_prefix(&prefix))
        .filter_map(|seq| seq.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", last + 1)
}

/// A free meeting id `<date>-<body>`, with `-2`, `-3`... for a further meeting that day.
pub fn next_meeting_id<'a>(
    date: NaiveDate,
    body: &str,
    existing: impl IntoIterator<Item = &'a str>,
) -> String {
    let base = format!("{}-{body}", date.format("%Y-%m-%d"));
    let taken: Vec<&str> = existing.into_iter().collect();
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_short_id("cd-ase"));
        assert!(is_short_id("a"));
        assert!(!is_short_id(""));
        assert!(!is_short_id("CD"));
        assert!(!is_short_id(&"a".repeat(33)));
        assert!(is_file_id("75-2026-014"));
        assert!(is_file_id("2026-11-30-cpraf"));
        assert!(!is_file_id("../x"));
        assert!(!is_file_id("a b"));
        assert!(!is_file_id("a/b"));
        assert!(!is_file_id("-rf"));
        assert!(!is_file_id(&"a".repeat(65)));
    }

    #[test]
    fn next_case_id_follows_the_highest_sequence_of_the_year() {
        let ids = ["75-2026-001", "75-2026-014", "75-2025-099", "other"];
        assert_eq!(next_case_id("75", 2026, ids), "75-2026-015");
        assert_eq!(next_case_id("75", 2027, ids), "75-2027-001");
        assert_eq!(next_case_id("2A", 2026, []), "2A-2026-001");
        assert_eq!(next_case_id("75", 2026, ["75-2026-999"]), "75-2026-1000");
    }

    #[test]
    fn next_meeting_id_adds_a_suffix_on_the_same_day() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        assert_eq!(next_meeting_id(d, "cpraf", []), "2026-11-30-cpraf");
        assert_eq!(
            next_meeting_id(d, "cpraf", ["2026-11-30-cpraf"]),
            "2026-11-30-cpraf-2"
        );
        assert_eq!(
            next_meeting_id(d, "cpraf", ["2026-11-30-cpraf", "2026-11-30-cpraf-2"]),
            "2026-11-30-cpraf-3"
        );
    }
}
