//! The monthly report: golden files in Markdown and CSV, CSV shape, determinism.

use crate::support::export as export_support;

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
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark, for Excel to read UTF-8");
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
            ';' => {
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
fn csv_has_one_row_per_indicator_with_the_figures_in_columns() {
    let mut data = data();
    // Difficulties with semicolons, quotes and a line break must survive the round trip.
    data.meetings[2].difficulties = Some("Délais; \"longs\"\net =1+1".into());
    let csv =
        export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Csv, Lang::Fr).unwrap();
    let records = parse_csv(&csv);
    assert_eq!(
        records[0],
        ["Rubrique", "Indicateur", "Mois", "Instance", "Valeur"]
    );
    for r in &records[1..] {
        assert_eq!(r.len(), 5, "{r:?}");
        assert_eq!(r[2], "novembre 2026");
    }
    let value = |section: &str, indicator: &str| -> String {
        records
            .iter()
            .find(|r| r[0] == section && r[1] == indicator)
            .map(|r| r[4].clone())
            .unwrap_or_else(|| panic!("no row {section};{indicator}"))
    };
    assert_eq!(
        value(
            "Situations",
            "Ouvertes à la fin du mois — Personnes mineures"
        ),
        "1"
    );
    assert_eq!(
        value("Situations", "Ouvertes à la fin du mois — Total"),
        "3"
    );
    assert_eq!(
        value(
            "Situations",
            "Sorties du suivi dans le mois — Personnes majeures"
        ),
        "1"
    );
    assert_eq!(value("Sorties du suivi par motif", "Désengagement"), "1");
    assert_eq!(
        value(
            "Décisions prises dans le mois",
            "Information préoccupante à la CRIP"
        ),
        "1"
    );
    assert_eq!(
        value(
            "Modalités de prise en charge",
            "Soins psychologiques ou psychiatriques — dont financées par le FIPD"
        ),
        "1"
    );
    assert_eq!(
        value("Difficultés", "30/11/2026"),
        "Délais; \"longs\"\net =1+1"
    );
}

#[test]
fn csv_rows_are_stable_across_months_and_the_labels_follow_the_language() {
    let data = data();
    let keys = |month: (i32, u32), lang: Lang| -> Vec<(String, String)> {
        parse_csv(&export::monthly_report(&data, month, "cpraf", ReportFormat::Csv, lang).unwrap())
            .into_iter()
            .filter(|r| r[0] != "Periodicity" && r[0] != "Difficulties")
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect()
    };
    // The same indicators, in the same order, whatever the month.
    assert_eq!(keys((2026, 11), Lang::En), keys((2026, 7), Lang::En));
    assert_eq!(keys((2026, 11), Lang::En)[1].1, "Members");
    assert_eq!(keys((2026, 11), Lang::Fr)[1].1, "Membres");
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

#[test]
fn a_month_in_progress_is_counted_to_today_never_to_its_end() {
    let data = data();
    let request = |today: Option<&str>, format| export::Request::Report {
        month: (2026, 11),
        body: "cpraf".into(),
        format,
        today: today.map(export_support::day),
        large: false,
        results: None,
    };
    let text = |today, format| {
        String::from_utf8(
            export::produce(&data, &request(today, format), Lang::Fr)
                .unwrap()
                .bytes,
        )
        .unwrap()
    };
    let md = text(Some("2026-11-15"), ReportFormat::Markdown);
    assert!(md.contains("**Mois :** novembre 2026, au 15/11/2026 (mois en cours)"));
    assert!(
        md.contains("| Indicateur | Ouvertes au 15/11/2026 |"),
        "{md}"
    );
    assert!(!md.contains("fin du mois"), "{md}");
    // The meeting of 30 November is not held yet on the 15th.
    assert!(md.contains("**Réunions tenues dans le mois :** 0"), "{md}");
    let csv = text(Some("2026-11-15"), ReportFormat::Csv);
    assert!(csv.contains("Ouvertes au 15/11/2026 — Total") && !csv.contains("fin du mois"));
    // A month over (or no today) is the whole month.
    let done = text(Some("2026-12-01"), ReportFormat::Markdown);
    assert_eq!(done, text(None, ReportFormat::Markdown));
    assert!(done.contains("Ouvertes à la fin du mois"));
}

#[test]
fn large_diffusion_hides_small_counts_and_what_would_recompute_them() {
    use cellule::export::report::{SMALL, suppress};
    // Primary: 1 to 4 hidden, 0 and 5+ shown; secondary: the smallest other part is hidden
    // too, so that 12 - 7 cannot give the hidden 3.
    let (parts, total) = suppress(&[3, 7, 0, 9], 19, &[], true);
    assert_eq!(parts, [None, None, Some(0), Some(9)]);
    assert_eq!(total, Some(19));
    // No other part to hide: the total goes.
    let (parts, total) = suppress(&[2, 0, 0], 2, &[], true);
    assert_eq!((parts, total), (vec![None, Some(0), Some(0)], None));
    let (parts, total) = suppress(&[6, 0], 6, &[], true);
    assert_eq!((parts, total), (vec![Some(6), Some(0)], Some(6)));
    // Restricted diffusion shows everything.
    assert_eq!(
        suppress(&[3, 7], 10, &[], false),
        (vec![Some(3), Some(7)], Some(10))
    );

    // In the report: the situations table of the test data has small cells.
    let data = data();
    let report = |large| {
        String::from_utf8(
            export::produce(
                &data,
                &export::Request::Report {
                    month: (2026, 11),
                    body: "cpraf".into(),
                    format: ReportFormat::Markdown,
                    today: None,
                    large,
                    results: None,
                },
                Lang::Fr,
            )
            .unwrap()
            .bytes,
        )
        .unwrap()
    };
    let restricted = report(false);
    let large = report(true);
    assert!(!restricted.contains(SMALL));
    assert!(
        large.contains(&format!("| Personnes mineures | {SMALL} |")),
        "{large}"
    );
    // No row of the situations table keeps a count from 1 to 4.
    let table = large
        .split("## Situations\n")
        .nth(1)
        .and_then(|t| t.split("\n## ").next())
        .unwrap();
    for cell in table.split('|').map(str::trim) {
        assert!(!matches!(cell, "1" | "2" | "3" | "4"), "{table}");
    }
}

#[test]
fn the_new_indicators_are_in_every_format_and_the_results_refuse_a_name() {
    let data = data();
    let request = |format, results: Option<&str>| export::Request::Report {
        month: (2026, 11),
        body: "cpraf".into(),
        format,
        today: None,
        large: false,
        results: results.map(str::to_string),
    };
    let results = Some("Deux jeunes en formation qualifiante.");
    let md = String::from_utf8(
        export::produce(&data, &request(ReportFormat::Markdown, results), Lang::Fr)
            .unwrap()
            .bytes,
    )
    .unwrap();
    for needle in [
        "**Lien avec le procureur de la République :**",
        "### Situations ouvertes par étape",
        "| Signalées / en évaluation |",
        "### Contact des familles (situations nouvelles)",
        "| Contactées dans les 15 jours |",
        "### Référents de parcours (situations ouvertes)",
        "| Sans référent de parcours |",
        "**Familles en groupe de parole :**",
        "**Résultats obtenus :** Deux jeunes en formation qualifiante.",
    ] {
        assert!(md.contains(needle), "{needle}\n{md}");
    }
    let csv = String::from_utf8(
        export::produce(&data, &request(ReportFormat::Csv, results), Lang::Fr)
            .unwrap()
            .bytes,
    )
    .unwrap();
    for needle in [
        "Composition;Lien avec le procureur de la République;novembre 2026;cpraf;",
        "Situations;Situations ouvertes par étape — Signalées / en évaluation;novembre 2026;cpraf;",
        "Situations;Contact des familles (situations nouvelles) — Pas encore contactées;novembre 2026;cpraf;",
        "Situations;Référents de parcours (situations ouvertes) — Avec un référent de parcours — association;novembre 2026;cpraf;",
        "Modalités de prise en charge;Familles en groupe de parole;novembre 2026;cpraf;0\r\n",
        "Résultats;Résultats obtenus;novembre 2026;cpraf;Deux jeunes en formation qualifiante.\r\n",
    ] {
        assert!(csv.contains(needle), "{needle}\n{csv}");
    }
    // The workbook and the documents hold them too.
    for (format, part) in [
        (ReportFormat::Xlsx, "xl/sharedStrings.xml"),
        (ReportFormat::Docx, "word/document.xml"),
        (ReportFormat::Odt, "content.xml"),
    ] {
        let bytes = export::produce(&data, &request(format, results), Lang::Fr)
            .unwrap()
            .bytes;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut xml).unwrap();
        assert!(xml.contains("Signalées / en évaluation"), "{format:?}");
        assert!(
            xml.contains("Deux jeunes en formation qualifiante."),
            "{format:?}"
        );
    }
    // A case's name typed in the results: refused, and said so.
    let err = export::produce(
        &data,
        &request(
            ReportFormat::Markdown,
            Some("Adam BERNARD a repris ses études."),
        ),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(
        err.text(Lang::Fr),
        "le texte « résultats obtenus » contient le nom « Adam Bernard »"
    );
}
