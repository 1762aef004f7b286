#![no_main]
//! Any typed text as a date, relative to any reference day: no panic, a date within
//! the accepted years, and the short form of the date reads back as the same date.

use cellule::domain::dates::{MAX_YEAR, MIN_YEAR, format_short, parse_date};
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    // The first two bytes pick the reference day among 65,536 days from 1900.
    let days = u64::from(u16::from_le_bytes([data[0], data[1]]));
    let Some(reference) = NaiveDate::from_ymd_opt(1900, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
    else {
        return;
    };
    let text = String::from_utf8_lossy(&data[2..]);
    if let Ok(Some(day)) = parse_date(&text, reference) {
        assert!(
            (MIN_YEAR..=MAX_YEAR).contains(&day.year()),
            "{text:?} gave {day}"
        );
        let short = format_short(day);
        assert_eq!(
            parse_date(&short, reference),
            Ok(Some(day)),
            "{short} of {text:?}"
        );
    }
});
