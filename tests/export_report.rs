//! The monthly report: golden files in Markdown and CSV, CSV shape, determinism.

mod export_support;

use cellule::export::{self, ExportError, Level, ReportFormat};
use cellule::i18n::Lang;
use export_support::data;

#[test]
fn report_golden() {
    let data = data();
    for lang in [Lang::Fr, Lang::En] {
        let md = export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Markdown, lang)
            .unwrap();
        insta::assert_snapshot!(format!("report_md_{}", lang.code()), md);
    }
    let csv =
        export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Csv, Lang::Fr).unwrap();
    insta::assert_snapshot!("report_csv", csv);
    let gtrdo =
        export::monthly_report(&data, (2026, 11), "gtrdo", ReportFormat::Markdown, Lang::Fr)
            .unwrap();
    insta::assert_snapshot!("report_md_gtrdo_fr", gtrdo);
}

/// A strict RFC 4180 reader: records end with CRLF, quoted fields may hold commas, quotes
/// (doubled) and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(
                    field.is_empty() && !was_quoted,
                    "a quote inside an unquoted field"
                );
                quoted = true;
                was_quoted = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                was_quoted = false;
            }
            '\n' => panic!("a bare LF ends a record"),
            c => {
                assert!(!was_quoted, "text after a closing quote");
                field.push(c);
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record lacks its CRLF"
    );
    records
}

#[test]
fn csv_has_one_row_per_figure_with_three_fields() {
    let mut data = data();
    // Difficulties with commas, quotes and a line break must survive the round trip.
    data.meetings[2].difficulties = Some("Délais, \"longs\"\net =1+1".into());
    let csv =
        export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Csv, Lang::Fr).unwrap();
    let records = parse_csv(&csv);
    assert_eq!(records[0], ["section", "indicator", "value"]);
    let mut keys = std::collections::BTreeSet::new();
    for r in &records[1..] {
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(
            keys.insert((r[0].clone(), r[1].clone())),
            "duplicate row {r:?}"
        );
    }
    let value = |section: &str, indicator: &str| -> String {
        records
            .iter()
            .find(|r| r[0] == section && r[1] == indicator)
            .map(|r| r[2].clone())
            .unwrap_or_else(|| panic!("no row {section},{indicator}"))
    };
    assert_eq!(value("report", "month"), "2026-11");
    assert_eq!(value("situations", "followed_persons_minors"), "1");
    assert_eq!(value("situations", "followed_total"), "3");
    assert_eq!(value("situations", "closed_persons_adults"), "1");
    assert_eq!(value("results", "closed_disengagement"), "1");
    assert_eq!(value("results", "decision_child_protection"), "1");
    assert_eq!(value("care", "mental_health_fipd"), "1");
    assert_eq!(
        value("difficulties", "2026-11-30-cpraf"),
        "Délais, \"longs\"\net =1+1"
    );
}

#[test]
fn csv_rows_are_stable_across_months_and_languages() {
    let data = data();
    let keys = |month: (i32, u32)| -> Vec<(String, String)> {
        parse_csv(
            &export::monthly_report(&data, month, "cpraf", ReportFormat::Csv, Lang::En).unwrap(),
        )
        .into_iter()
        .filter(|r| r[0] != "periodicity" && r[0] != "difficulties")
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
    };
    // The same figures, in the same order, whatever the month.
    assert_eq!(keys((2026, 11)), keys((2026, 7)));
    assert_eq!(
        export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Csv, Lang::Fr).unwrap(),
        export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Csv, Lang::En).unwrap(),
        "the CSV's keys do not depend on the language"
    );
}

#[test]
fn the_same_data_gives_the_same_bytes_whatever_its_order() {
    let data = data();
    let mut shuffled = data.clone();
    shuffled.cases.reverse();
    shuffled.meetings.reverse();
    shuffled.meetings.rotate_left(1);
    for lang in [Lang::Fr, Lang::En] {
        for level in Level::ALL {
            assert_eq!(
                export::minutes(&data, "2026-11-30-cpraf", *level, lang),
                export::minutes(&shuffled, "2026-11-30-cpraf", *level, lang)
            );
        }
        assert_eq!(
            export::agenda(&data, "2026-12-28-cpraf", lang),
            export::agenda(&shuffled, "2026-12-28-cpraf", lang)
        );
        for format in [ReportFormat::Markdown, ReportFormat::Csv] {
            assert_eq!(
                export::monthly_report(&data, (2026, 11), "cpraf", format, lang),
                export::monthly_report(&shuffled, (2026, 11), "cpraf", format, lang)
            );
        }
    }
}

#[test]
fn errors_are_clear() {
    let data = data();
    let err = export::minutes(&data, "2099-01-01-cpraf", Level::Partners, Lang::Fr).unwrap_err();
    assert_eq!(
        err,
        ExportError::UnknownMeeting {
            id: "2099-01-01-cpraf".into()
        }
    );
    assert_eq!(
        err.text(Lang::Fr),
        "aucune réunion « 2099-01-01-cpraf » dans ce département"
    );
    assert!(export::agenda(&data, "nope", Lang::En).is_err());
    let err = export::monthly_report(&data, (2026, 13), "cpraf", ReportFormat::Csv, Lang::En)
        .unwrap_err();
    assert_eq!(
        err.text(Lang::En),
        "2026-13 is not a month (expected YYYY-MM)"
    );
    let err =
        export::monthly_report(&data, (2026, 11), "xyz", ReportFormat::Csv, Lang::Fr).unwrap_err();
    assert_eq!(err, ExportError::UnknownBody { id: "xyz".into() });
}
