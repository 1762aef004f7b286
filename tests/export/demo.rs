//! The exports of the bundled demo (fixtures/demo/49): golden files of every meeting's minutes
//! at each level, of the agendas and of the monthly reports, in French and English; and no
//! protected string of the demo at a level that forbids it.

use cellule::domain::{DeptData, ItemKind};
use cellule::export::{self, Level, ReportFormat};
use cellule::i18n::Lang;
use chrono::Datelike;
use std::collections::BTreeSet;
use std::path::Path;

fn demo() -> DeptData {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let loaded = cellule::store::load_root(&root).expect("the demo loads");
    assert!(!loaded.has_errors(), "the demo has problems");
    loaded.dept("49").expect("département 49").data.clone()
}

#[test]
fn demo_minutes_golden() {
    let data = demo();
    assert!(!data.meetings.is_empty());
    for meeting in &data.meetings {
        for lang in [Lang::Fr, Lang::En] {
            for level in Level::ALL {
                let text = export::minutes(&data, &meeting.id, *level, lang).unwrap();
                insta::assert_snapshot!(
                    format!("minutes_{}_{}_{}", meeting.id, level.as_str(), lang.code()),
                    text
                );
            }
        }
    }
}

#[test]
fn demo_agendas_golden() {
    let data = demo();
    for meeting in &data.meetings {
        for lang in [Lang::Fr, Lang::En] {
            let text = export::agenda(&data, &meeting.id, lang).unwrap();
            insta::assert_snapshot!(format!("agenda_{}_{}", meeting.id, lang.code()), text);
        }
    }
}

#[test]
fn demo_reports_golden() {
    let data = demo();
    // One report per body and month in which it met.
    let months: BTreeSet<(String, i32, u32)> = data
        .meetings
        .iter()
        .map(|m| (m.body.clone(), m.date.year(), m.date.month()))
        .collect();
    assert!(!months.is_empty());
    for (body, year, month) in &months {
        for lang in [Lang::Fr, Lang::En] {
            let md =
                export::monthly_report(&data, (*year, *month), body, ReportFormat::Markdown, lang)
                    .unwrap();
            insta::assert_snapshot!(
                format!("report_{year:04}-{month:02}_{body}_{}", lang.code()),
                md
            );
        }
        let csv = export::monthly_report(&data, (*year, *month), body, ReportFormat::Csv, Lang::Fr)
            .unwrap();
        insta::assert_snapshot!(format!("report_{year:04}-{month:02}_{body}_csv"), csv);
    }
}

#[test]
fn the_demo_leaks_nothing() {
    let data = demo();
    for meeting in &data.meetings {
        // What partners must not see: the identity and notes of the cases on the agenda
        // (and of those whose actions are reviewed), and what was said about them.
        let mut identity: Vec<String> = Vec::new();
        for case in &data.cases {
            identity.extend(case.name.clone());
            identity.extend(case.notes.iter().flat_map(|n| note_lines(n)));
        }
        for item in meeting.items.iter().filter(|i| i.kind == ItemKind::Case) {
            identity.extend(item.notes.iter().flat_map(|n| note_lines(n)));
        }
        // What the public must not see: the name of every person.
        let mut people: Vec<String> = data
            .department
            .members
            .iter()
            .map(|m| m.name.clone())
            .collect();
        people.extend(meeting.guests.iter().map(|g| g.name.clone()));
        people.extend(meeting.attendance.iter().filter_map(|a| a.by.clone()));
        people.extend(meeting.guests.iter().filter_map(|g| g.by.clone()));
        people.extend(
            data.cases
                .iter()
                .filter_map(|c| c.referent.as_ref().and_then(|r| r.person.clone())),
        );
        for lang in [Lang::Fr, Lang::En] {
            let internal = export::minutes(&data, &meeting.id, Level::Internal, lang).unwrap();
            let partners = export::minutes(&data, &meeting.id, Level::Partners, lang).unwrap();
            let public = export::minutes(&data, &meeting.id, Level::Public, lang).unwrap();
            for secret in &identity {
                assert!(
                    !partners.contains(secret.as_str()),
                    "{}: {secret:?} at partners",
                    meeting.id
                );
                assert!(
                    !public.contains(secret.as_str()),
                    "{}: {secret:?} at public",
                    meeting.id
                );
            }
            for person in &people {
                assert!(
                    !public.contains(person.as_str()),
                    "{}: {person:?} at public",
                    meeting.id
                );
            }
            // The chair's name is shown where it may be, and not at public.
            let chair = &data.department.member(&meeting.chair).unwrap().name;
            assert!(internal.contains(chair.as_str()) && partners.contains(chair.as_str()));
            assert!(!public.contains(chair.as_str()));
            // Birth years appear at internal only (the identity line is absent elsewhere).
            let born = lang.pick("année de naissance", "birth year");
            let has_year = meeting
                .items
                .iter()
                .filter_map(|i| i.case.as_deref())
                .filter_map(|id| data.case(id))
                .any(|c| c.birth_year.is_some());
            assert_eq!(internal.contains(born), has_year, "{}", meeting.id);
            assert!(!partners.contains(born) && !public.contains(born));
            for case in meeting
                .items
                .iter()
                .filter_map(|i| i.case.as_deref())
                .filter_map(|id| data.case(id))
            {
                let label = cellule::export::markdown::inline(&case.label);
                assert!(partners.contains(&label), "{}: {label}", meeting.id);
                // Public means aggregates: no label, no id.
                assert!(!public.contains(&label), "{}: {label}", meeting.id);
                assert!(
                    !public.contains(case.id.as_str()),
                    "{}: {}",
                    meeting.id,
                    case.id
                );
            }
        }
    }
}

/// The lines of a note worth searching for (long enough not to occur by chance).
fn note_lines(note: &str) -> Vec<String> {
    note.lines()
        .map(str::trim)
        .filter(|l| l.chars().count() >= 12)
        .map(cellule::export::markdown::inline)
        .collect()
}
