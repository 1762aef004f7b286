//! Properties of the exports, on the demo data with names and dates drawn at random:
//! - redaction never leaks: no case identity or notes at the partners and public levels
//!   (nor in the agenda or the monthly report), no person's name at the public level —
//!   checked by substring search of every output;
//! - the monthly report's totals add up, in its figures and in its CSV.

use cellule::domain::report::monthly_report;
use cellule::domain::{CaseKind, DeptData, ItemKind, MeetingStatus};
use cellule::export::{self, Level, ReportFormat};
use cellule::i18n::Lang;
use cellule::store::load_root;
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::HashMap;
use std::path::Path;

fn demo() -> DeptData {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    load_root(&root).unwrap().dept("49").unwrap().data.clone()
}

/// The protected texts put into the data, by what may not see them.
#[derive(Default)]
struct Secrets {
    /// Case identity and notes: internal only.
    cases: Vec<String>,
    /// Names of persons: not at the public level.
    persons: Vec<String>,
}

/// The demo data with every protected text replaced by a word drawn at random
/// (twelve capitals: such a word appears in an export only if the data put it there),
/// surrounded by characters that Markdown escaping changes.
fn with_random_names(words: &[String]) -> (DeptData, Secrets) {
    let mut data = demo();
    let mut secrets = Secrets::default();
    let mut next = words.iter().cycle().enumerate();
    let mut draw = |into: &mut Vec<String>| {
        // A number of fixed width makes each drawn word unique.
        let (n, word) = next.next().unwrap();
        let word = format!("{word}{n:04}");
        into.push(word.clone());
        format!("*{word}* O'Neil-[{word}]")
    };
    for case in &mut data.cases {
        case.name = Some(draw(&mut secrets.cases));
        case.notes = Some(format!(
            "{}\n# {}",
            draw(&mut secrets.cases),
            draw(&mut secrets.cases)
        ));
        if let Some(r) = &mut case.referent {
            r.person = Some(draw(&mut secrets.persons));
        }
    }
    for member in &mut data.department.members {
        member.name = draw(&mut secrets.persons);
    }
    for meeting in &mut data.meetings {
        for a in &mut meeting.attendance {
            if a.by.is_some() {
                a.by = Some(draw(&mut secrets.persons));
            }
        }
        for g in &mut meeting.guests {
            g.name = draw(&mut secrets.persons);
            if g.by.is_some() {
                g.by = Some(draw(&mut secrets.persons));
            }
        }
        for item in &mut meeting.items {
            if item.kind == ItemKind::Case {
                item.notes = Some(draw(&mut secrets.cases));
            }
        }
    }
    (data, secrets)
}

fn leaks<'a>(text: &str, secrets: &'a [String]) -> Vec<&'a str> {
    secrets
        .iter()
        .filter(|s| text.contains(s.as_str()))
        .map(String::as_str)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn redaction_never_leaks(words in prop::collection::vec("[A-Z]{12}", 64)) {
        let (data, secrets) = with_random_names(&words);
        let mut internal = String::new();
        for meeting in &data.meetings {
            for &level in Level::ALL {
                let text = export::minutes(&data, &meeting.id, level, Lang::Fr).unwrap();
                match level {
                    Level::Internal => internal.push_str(&text),
                    Level::Partners => {
                        let found = leaks(&text, &secrets.cases);
                        prop_assert!(found.is_empty(), "{:?} in {} partners", found, meeting.id);
                    }
                    Level::Public => {
                        let mut found = leaks(&text, &secrets.cases);
                        found.extend(leaks(&text, &secrets.persons));
                        prop_assert!(found.is_empty(), "{:?} in {} public", found, meeting.id);
                    }
                }
            }
            let agenda = export::agenda(&data, &meeting.id, Lang::Fr).unwrap();
            let found = leaks(&agenda, &secrets.cases);
            prop_assert!(found.is_empty(), "{:?} in the agenda of {}", found, meeting.id);
        }
        for body in ["cpraf", "gtrdo"] {
            for month in 1..=12 {
                for format in [ReportFormat::Markdown, ReportFormat::Csv] {
                    let text =
                        export::monthly_report(&data, (2026, month), body, format, Lang::Fr).unwrap();
                    let mut found = leaks(&text, &secrets.cases);
                    found.extend(leaks(&text, &secrets.persons));
                    prop_assert!(found.is_empty(), "{:?} in the report {} {}", found, body, month);
                }
            }
        }
        // The internal minutes do show them: the search above can find a leak.
        prop_assert!(!leaks(&internal, &secrets.cases).is_empty());
        prop_assert!(!leaks(&internal, &secrets.persons).is_empty());
    }
}

/// The demo data with the cases' kinds, birth years and reporting dates, and the
/// meetings' statuses, drawn at random.
fn shuffled_data() -> impl Strategy<Value = DeptData> {
    let data = demo();
    let cases = data.cases.len();
    let meetings = data.meetings.len();
    (
        prop::collection::vec(
            (
                select(CaseKind::ALL.to_vec()),
                prop::option::of(1950i32..2020),
                0u64..540,
            ),
            cases,
        ),
        prop::collection::vec(select(MeetingStatus::ALL.to_vec()), meetings),
    )
        .prop_map(move |(case_draws, statuses)| {
            let mut data = data.clone();
            for (case, (kind, birth_year, offset)) in data.cases.iter_mut().zip(case_draws) {
                case.kind = kind;
                case.birth_year = if kind == CaseKind::Person {
                    birth_year
                } else {
                    None
                };
                let reported =
                    NaiveDate::from_ymd_opt(2025, 7, 1).unwrap() + chrono::Days::new(offset);
                // Keep the file coherent: reported before it was closed.
                if case.closed_on.is_none_or(|closed| reported <= closed) {
                    case.reported_on = reported;
                }
            }
            for (meeting, status) in data.meetings.iter_mut().zip(statuses) {
                meeting.status = status;
            }
            data
        })
}

/// `indicator -> value` of one section of the CSV report.
/// The numeric rows of one section of the French CSV: indicator → value (the last column).
fn csv_section(csv: &str, section: &str) -> HashMap<String, u32> {
    csv.trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            (fields.first()? == &section).then_some(())?;
            let indicator = fields.get(1)?.to_string();
            let value = fields.last()?.parse().ok()?;
            Some((indicator, value))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_monthly_report_totals_add_up(data in shuffled_data(), month in 1u32..=12, year in 2025i32..=2026) {
        let body = "cpraf";
        let r = monthly_report(&data, body, year, month).unwrap();
        let in_month = |d: NaiveDate| d.year() == year && d.month() == month;

        // Recounted from the data.
        let held: Vec<_> = data
            .meetings
            .iter()
            .filter(|m| m.body == body && m.status.is_held() && in_month(m.date))
            .collect();
        prop_assert_eq!(r.meetings.len(), held.len());
        let decisions = held
            .iter()
            .flat_map(|m| &m.items)
            .filter(|i| i.case.is_some() && i.decision.is_some())
            .count() as u32;
        prop_assert_eq!(r.decisions.iter().map(|(_, n)| n).sum::<u32>(), decisions);
        let new = data
            .cases
            .iter()
            .filter(|c| c.body == body && in_month(c.reported_on))
            .count() as u32;
        prop_assert_eq!(r.new.total(), new);

        // Parts and wholes.
        prop_assert_eq!(r.closures.iter().map(|(_, n)| n).sum::<u32>(), r.closed.total());
        prop_assert!(r.with_measure <= r.followed.total());
        prop_assert!(r.with_fipd <= r.with_measure);
        for m in &r.modalities {
            prop_assert!(m.cases <= r.with_measure && m.fipd <= m.cases && m.fipd <= r.with_fipd);
        }
        prop_assert!(r.modalities.iter().map(|m| m.cases).sum::<u32>() >= r.with_measure);

        // The CSV says the same, and its totals are the sums of its parts.
        let csv = export::monthly_report(&data, (year, month), body, ReportFormat::Csv, Lang::Fr).unwrap();
        let s = csv_section(&csv, "Situations");
        for (what, split) in [
            ("Ouvertes à la fin du mois", r.followed),
            ("Nouvelles dans le mois", r.new),
            ("Sorties du suivi dans le mois", r.closed),
        ] {
            let get = |k: &str| s.get(&format!("{what} — {k}")).copied();
            prop_assert_eq!(
                get("Personnes, total"),
                Some(get("Personnes mineures").unwrap() + get("Personnes majeures").unwrap() + get("Personnes, âge non renseigné").unwrap())
            );
            prop_assert_eq!(
                get("Total"),
                Some(get("Personnes, total").unwrap() + get("Familles").unwrap() + get("Structures (groupes, praticiens, établissements)").unwrap())
            );
            prop_assert_eq!(get("Total"), Some(split.total()));
        }
        let closed_by_reason: u32 = csv_section(&csv, "Sorties du suivi par motif").values().sum();
        prop_assert_eq!(closed_by_reason, r.closed.total());
        let decided: u32 = csv_section(&csv, "Décisions prises dans le mois").values().sum();
        prop_assert_eq!(decided, decisions);
    }
}
