//! Word, OpenDocument, CSV and Excel: every exporter in every format, unzipped and read.
//!
//! - no protected string at partners, no name of a person and no case label at public, in any
//!   format (the text of every XML part of the packages is searched);
//! - the same data gives the same bytes;
//! - the marking is in the header and the footer of every page, with a page number; the
//!   tables are real tables; dates are in French.

use crate::support::export as export_support;

use cellule::domain::*;
use cellule::export::{self, Format, Level, Request};
use cellule::i18n::Lang;
use export_support::*;
use std::io::Read;

/// The XML parts of a zip package, by name.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut text = String::new();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            entry.read_to_string(&mut text).unwrap();
            out.push((name, text));
        }
    }
    out
}

/// The text of XML without its tags, entities decoded.
fn text_of_xml(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// What a reader of the file can read: the text, or the text of every XML part.
fn readable(bytes: &[u8], format: Format) -> String {
    if format.is_text() {
        return String::from_utf8(bytes.to_vec()).unwrap();
    }
    parts(bytes)
        .iter()
        .map(|(_, xml)| text_of_xml(xml))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A département whose every name and label is distinctive.
fn distinctive() -> DeptData {
    let mut data = data();
    for (i, m) in data.department.members.iter_mut().enumerate() {
        m.name = format!("Zyxwq-Member-{i}");
    }
    for (i, c) in data.cases.iter_mut().enumerate() {
        c.name = Some(format!("Zyxwq-Name-{i}"));
        c.label = format!("Zyxwq-Label-{i}");
        c.notes = Some(format!("Zyxwq-CaseNote-{i}"));
        if let Some(r) = c.referent.as_mut() {
            r.person = Some(format!("Zyxwq-Referent-{i}"));
        }
    }
    for m in &mut data.meetings {
        for (g, guest) in m.guests.iter_mut().enumerate() {
            guest.name = format!("Zyxwq-Guest-{g}");
        }
        for a in &mut m.attendance {
            if a.by.is_some() {
                a.by = Some("Zyxwq-By".into());
            }
        }
        for item in &mut m.items {
            if item.kind == ItemKind::Case {
                item.notes = Some("Zyxwq-ItemNote".into());
            }
        }
    }
    data
}

fn produce(data: &DeptData, request: &Request) -> Vec<u8> {
    export::produce(data, request, Lang::Fr)
        .unwrap_or_else(|e| panic!("{request:?}: {}", e.text(Lang::Fr)))
        .bytes
}

#[test]
fn no_protected_string_leaks_in_any_format() {
    let data = distinctive();
    for meeting in &data.meetings {
        for format in Format::DOCUMENTS {
            let level_text = |level| {
                let request = Request::Minutes {
                    meeting: meeting.id.clone(),
                    level,
                    format: *format,
                };
                readable(&produce(&data, &request), *format)
            };
            let internal = level_text(Level::Internal);
            let partners = level_text(Level::Partners);
            let public = level_text(Level::Public);
            let id = &meeting.id;
            // The search can find what it looks for.
            assert!(internal.contains("Zyxwq-Member-"), "{id} {format:?}");
            for secret in ["Zyxwq-Name", "Zyxwq-CaseNote", "Zyxwq-ItemNote"] {
                assert!(!partners.contains(secret), "{id} {format:?}: {secret}");
            }
            assert!(partners.contains("Zyxwq-Member-"), "{id} {format:?}");
            // Public: no name, no label, nothing distinctive at all.
            assert!(!public.contains("Zyxwq"), "{id} {format:?}:\n{public}");
            for case in &data.cases {
                assert!(!public.contains(case.id.as_str()), "{id} {format:?}");
            }
            // The agenda: labels, never the identity.
            let agenda = readable(
                &produce(
                    &data,
                    &Request::Agenda {
                        meeting: id.clone(),
                        format: *format,
                    },
                ),
                *format,
            );
            for secret in ["Zyxwq-Name", "Zyxwq-CaseNote", "Zyxwq-ItemNote"] {
                assert!(!agenda.contains(secret), "agenda {id} {format:?}: {secret}");
            }
        }
    }
    for format in Format::REPORT {
        for month in [(2026, 10), (2026, 11), (2026, 12)] {
            let request = Request::Report {
                month,
                body: "cpraf".into(),
                format: *format,
                today: None,
                large: false,
                results: None,
            };
            let text = readable(&produce(&data, &request), *format);
            assert!(
                !text.contains("Zyxwq"),
                "report {month:?} {format:?}:\n{text}"
            );
        }
    }
}

#[test]
fn the_same_data_gives_the_same_bytes_in_every_format() {
    let data = data();
    let mut requests = Vec::new();
    for format in Format::DOCUMENTS {
        for level in Level::ALL {
            requests.push(Request::Minutes {
                meeting: "2026-11-30-cpraf".into(),
                level: *level,
                format: *format,
            });
        }
        requests.push(Request::Agenda {
            meeting: "2026-12-28-cpraf".into(),
            format: *format,
        });
    }
    for format in Format::REPORT {
        requests.push(Request::Report {
            month: (2026, 11),
            body: "cpraf".into(),
            format: *format,
            today: None,
            large: false,
            results: None,
        });
    }
    for request in &requests {
        assert_eq!(
            produce(&data, request),
            produce(&data, request),
            "{request:?}"
        );
    }
    // Minutes are not made as a spreadsheet.
    assert!(matches!(
        export::produce(
            &data,
            &Request::Minutes {
                meeting: "2026-11-30-cpraf".into(),
                level: Level::Partners,
                format: Format::Csv
            },
            Lang::Fr
        ),
        Err(export::ExportError::FormatNotOffered { .. })
    ));
}

#[test]
fn word_has_the_marking_on_every_page_real_tables_and_french_dates() {
    let data = data();
    let bytes = produce(
        &data,
        &Request::Minutes {
            meeting: "2026-11-30-cpraf".into(),
            level: Level::Partners,
            format: Format::Docx,
        },
    );
    let parts = parts(&bytes);
    let part = |prefix: &str| -> String {
        parts
            .iter()
            .filter(|(n, _)| n.starts_with(prefix))
            .map(|(_, x)| x.clone())
            .collect()
    };
    let header = part("word/header");
    let footer = part("word/footer");
    let document = part("word/document.xml");
    assert!(text_of_xml(&header).contains("PROJET — Diffusion restreinte"));
    assert!(text_of_xml(&footer).contains("PROJET — Diffusion restreinte"));
    assert!(footer.contains("PAGE"), "a page-number field:\n{footer}");
    assert!(document.contains("<w:tbl>") || document.contains("<w:tbl "));
    assert!(document.contains("<w:headerReference") && document.contains("<w:footerReference"));
    assert!(text_of_xml(&document).contains("lundi 30 novembre 2026"));
    // No date of the day inside.
    assert!(!part("docProps/core.xml").contains("2026-"));
}

#[test]
fn opendocument_has_the_marking_on_every_page_real_tables_and_french_dates() {
    let data = data();
    let bytes = produce(
        &data,
        &Request::Minutes {
            meeting: "2026-11-30-cpraf".into(),
            level: Level::Partners,
            format: Format::Odt,
        },
    );
    // The mimetype first and stored, as OpenDocument requires.
    assert_eq!(&bytes[30..38], b"mimetype");
    assert!(bytes[38..90].starts_with(b"application/vnd.oasis.opendocument.text"));
    let parts = parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "META-INF/manifest.xml",
            "meta.xml",
            "styles.xml",
            "content.xml"
        ]
    );
    let styles = &parts[2].1;
    let content = &parts[3].1;
    let master = styles.split("<office:master-styles>").nth(1).unwrap();
    assert!(master.contains("<style:header>") && master.contains("<style:footer>"));
    assert_eq!(master.matches("PROJET — Diffusion restreinte").count(), 2);
    assert!(master.contains("<text:page-number"));
    assert!(content.contains("<table:table ") && content.contains("<table:table-header-rows>"));
    assert!(text_of_xml(content).contains("lundi 30 novembre 2026"));
    assert!(!parts[1].1.contains("meta:creation-date"));
}

#[test]
fn the_excel_workbook_holds_the_csv_table() {
    let data = data();
    let request = |format| Request::Report {
        month: (2026, 11),
        body: "cpraf".into(),
        format,
        today: None,
        large: false,
        results: None,
    };
    let csv = String::from_utf8(produce(&data, &request(Format::Csv))).unwrap();
    let book = parts(&produce(&data, &request(Format::Xlsx)));
    let strings: String = book
        .iter()
        .filter(|(n, _)| n == "xl/sharedStrings.xml")
        .map(|(_, x)| text_of_xml(x))
        .collect();
    let rows = csv.trim_start_matches('\u{feff}').split("\r\n").count() - 2;
    let sheet = &book
        .iter()
        .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
        .unwrap()
        .1;
    // The header and one row per indicator, as in the CSV.
    assert_eq!(sheet.matches("<row ").count(), rows + 1);
    for label in [
        "Rubrique",
        "Ouvertes à la fin du mois — Total",
        "novembre 2026",
    ] {
        assert!(strings.contains(label), "{label}");
    }
}

#[test]
fn an_excerpt_holds_the_cases_of_one_referent_only_and_the_actions_list_goes_by_owner() {
    let data = data();
    let text = |request: Request| {
        let produced = export::produce(&data, &request, Lang::Fr).unwrap();
        (String::from_utf8(produced.bytes).unwrap(), produced.path)
    };
    let (excerpt, path) = text(Request::Excerpt {
        meeting: "2026-11-30-cpraf".into(),
        referent: " association HORIZONS ".into(),
        format: Format::Markdown,
    });
    assert_eq!(
        path,
        std::path::PathBuf::from("minutes/2026-11-30-cpraf.extrait-association-horizons.md")
    );
    assert!(
        excerpt.contains("## 2. Situation A.B. (49-2026-001)"),
        "{excerpt}"
    );
    assert!(excerpt.contains("Organiser la consultation"));
    assert!(
        !excerpt.contains("Famille C."),
        "another référent's case:\n{excerpt}"
    );
    assert!(
        !excerpt.contains("Adam Bernard"),
        "the identity:\n{excerpt}"
    );
    let (other, _) = text(Request::Excerpt {
        meeting: "2026-11-30-cpraf".into(),
        referent: "Conseil départemental".into(),
        format: Format::Markdown,
    });
    assert!(other.contains("Famille C.") && !other.contains("A.B. (49-2026-001)"));

    let (actions, path) = text(Request::Actions {
        meeting: "2026-11-30-cpraf".into(),
        format: Format::Markdown,
    });
    assert_eq!(
        path,
        std::path::PathBuf::from("minutes/2026-11-30-cpraf.actions.md")
    );
    let ars = actions
        .split("\n## ARS\n")
        .nth(1)
        .expect("a section per owner");
    assert!(ars.contains(
        "| Organiser la consultation | Luc Moreau (ARS) | A.B. (49-2026-001) | 15/12/2026 |"
    ));
    // Word and OpenDocument too.
    for format in [Format::Docx, Format::Odt] {
        let bytes = export::produce(
            &data,
            &Request::Actions {
                meeting: "2026-11-30-cpraf".into(),
                format,
            },
            Lang::Fr,
        )
        .unwrap()
        .bytes;
        assert!(readable(&bytes, format).contains("Organiser la consultation"));
    }
}

/// The December meeting convened as a real one: end, secretary, reference, a guest by
/// e-mail kept for information.
fn convened() -> DeptData {
    let mut data = data();
    let m = data
        .meetings
        .iter_mut()
        .find(|m| m.id == "2026-12-28-cpraf")
        .unwrap();
    m.details.end = Some(time("16:30"));
    m.details.secretary = Some("cm".into());
    m.details.reference = Some("CPRAF/2026/12".into());
    m.place = Some("Préfecture, salle Bonaparte; 2e étage".into());
    m.attendance = vec![present("dircab"), present("parquet"), present("ddsp")];
    m.attendance[2].for_information = true;
    m.attendance[0].status = AttendanceStatus::Invited;
    m.guests = vec![Guest {
        name: "Jeanne Morel".into(),
        title: Some("Conseillère".into()),
        organisation: "Miviludes".into(),
        email: Some("jeanne.morel@example.invalid".into()),
        status: AttendanceStatus::Invited,
        by: None,
        for_information: false,
    }];
    data
}

fn calendar(data: &DeptData, id: &str) -> String {
    let request = Request::Calendar { meeting: id.into() };
    let made = export::produce(data, &request, Lang::Fr).unwrap();
    assert_eq!(
        made.path,
        std::path::PathBuf::from(format!("agendas/{id}.ics"))
    );
    String::from_utf8(made.bytes).unwrap()
}

fn prop<'a>(c: &'a icalendar::parser::Component<'a>, name: &str) -> Vec<String> {
    c.properties
        .iter()
        .filter(|p| p.name.as_str() == name)
        .map(|p| p.val.as_str().to_string())
        .collect()
}

#[test]
fn the_convocation_carries_time_place_chair_and_invitees_by_organisation() {
    let data = convened();
    let text = export::agenda(&data, "2026-12-28-cpraf", Lang::Fr).unwrap();
    for expected in [
        "28 décembre 2026, 14 h 30",
        "Préfecture, salle Bonaparte; 2e étage",
        "**Fin prévue :** 16 h 30",
        "**Présidence :** Claire Martin, Directrice de cabinet (Préfecture)",
        "**Rédacteur :** Hugo Lambert, Chargé de mission (Préfecture)",
        "**Référence :** CPRAF/2026/12",
        "| Miviludes | Jeanne Morel | Conseillère |",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
    // Those kept for information are apart, after the others.
    let info = text
        .find("## Pour information")
        .expect("a « pour information » part");
    assert!(text[info..].contains("| DDSP | Sophie Garnier |"), "{text}");
    assert!(!text[..info].contains("Sophie Garnier"), "{text}");
    for format in [Format::Docx, Format::Odt] {
        let request = Request::Agenda {
            meeting: "2026-12-28-cpraf".into(),
            format,
        };
        let bytes = export::produce(&data, &request, Lang::Fr).unwrap().bytes;
        let all: String = parts(&bytes).into_iter().map(|(_, t)| t).collect();
        for expected in [
            "16 h 30",
            "Hugo Lambert",
            "CPRAF/2026/12",
            "Jeanne Morel",
            "Pour information",
        ] {
            assert!(all.contains(expected), "{expected} missing in {format:?}");
        }
    }
}

#[test]
fn the_calendar_file_reads_back_with_its_time_zone_place_and_attendees() {
    let data = convened();
    let text = calendar(&data, "2026-12-28-cpraf");
    // Same data, same bytes; CRLF line ends; no line over 75 octets.
    assert_eq!(text, calendar(&data, "2026-12-28-cpraf"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }

    let unfolded = icalendar::parser::unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    assert_eq!(prop_of_calendar(&cal, "VERSION"), ["2.0"]);
    let tz = cal
        .components
        .iter()
        .find(|c| c.name.as_str() == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert_eq!(prop(tz, "TZID"), ["Europe/Paris"]);
    let kinds: Vec<&str> = tz.components.iter().map(|c| c.name.as_str()).collect();
    assert!(
        kinds.contains(&"DAYLIGHT") && kinds.contains(&"STANDARD"),
        "{kinds:?}"
    );
    let event = cal
        .components
        .iter()
        .find(|c| c.name.as_str() == "VEVENT")
        .expect("a VEVENT");
    assert_eq!(prop(event, "UID"), ["cellule-49-2026-12-28-cpraf"]);
    assert_eq!(prop(event, "DTSTAMP"), ["20261228T000000Z"]);
    assert_eq!(prop(event, "DTSTART"), ["20261228T143000"]);
    assert_eq!(prop(event, "DTEND"), ["20261228T163000"]);
    let start = event.find_prop("DTSTART").unwrap();
    assert_eq!(start.params[0].key.as_str(), "TZID");
    assert_eq!(
        start.params[0].val.as_ref().map(|v| v.as_str()),
        Some("Europe/Paris")
    );
    assert_eq!(prop(event, "STATUS"), ["CONFIRMED"]);
    // Escaped on the way out, read back as written.
    assert!(text.contains("LOCATION:Préfecture\\, salle Bonaparte\\; 2e étage\r\n"));
    assert_eq!(
        prop(event, "LOCATION"),
        ["Préfecture, salle Bonaparte; 2e étage"]
    );
    let description = prop(event, "DESCRIPTION").concat();
    assert!(
        description.contains("Situation Famille C."),
        "{description}"
    );
    assert!(description.contains("Situation A.B."), "{description}");
    assert_eq!(prop(event, "ORGANIZER"), ["mailto:dircab@example.invalid"]);
    let attendees: Vec<(String, String)> = event
        .properties
        .iter()
        .filter(|p| p.name.as_str() == "ATTENDEE")
        .map(|p| {
            let role = p
                .params
                .iter()
                .find(|q| q.key.as_str() == "ROLE")
                .and_then(|q| q.val.as_ref())
                .map(|v| v.as_str().to_string())
                .unwrap_or_default();
            (p.val.as_str().to_string(), role)
        })
        .collect();
    assert_eq!(
        attendees,
        [
            (
                "mailto:dircab@example.invalid".to_string(),
                "REQ-PARTICIPANT".to_string()
            ),
            (
                "mailto:parquet@example.invalid".into(),
                "REQ-PARTICIPANT".into()
            ),
            (
                "mailto:ddsp@example.invalid".into(),
                "NON-PARTICIPANT".into()
            ),
            (
                "mailto:jeanne.morel@example.invalid".into(),
                "REQ-PARTICIPANT".into()
            ),
        ]
    );
    // The typed reading agrees on the start.
    let typed: icalendar::Calendar = text.parse().unwrap();
    let ev = typed.components.iter().find_map(|c| c.as_event()).unwrap();
    use icalendar::{Component, EventLike};
    assert_eq!(
        ev.get_location(),
        Some("Préfecture, salle Bonaparte; 2e étage")
    );
    assert!(ev.get_start().is_some());
}

fn prop_of_calendar(cal: &icalendar::parser::Calendar<'_>, name: &str) -> Vec<String> {
    cal.properties
        .iter()
        .filter(|p| p.name.as_str() == name)
        .map(|p| p.val.as_str().to_string())
        .collect()
}

#[test]
fn no_case_name_or_note_leaks_into_the_calendar_file() {
    let data = convened();
    let text = calendar(&data, "2026-12-28-cpraf");
    let unfolded = text.replace("\r\n ", "").replace("\\,", ",");
    for case in &data.cases {
        if let Some(name) = &case.name {
            assert!(!unfolded.contains(name.as_str()), "the name {name} leaks");
        }
        if let Some(notes) = &case.notes {
            assert!(!unfolded.contains(notes.as_str()), "notes leak");
        }
        assert!(
            !unfolded.contains(case.id.as_str()),
            "the case id {} leaks",
            case.id
        );
    }
}

#[test]
fn an_overseas_calendar_has_its_one_offset_and_a_cancelled_one_says_so() {
    let mut data = convened();
    data.department.code = "971".into();
    let m = data
        .meetings
        .iter_mut()
        .find(|m| m.id == "2026-12-28-cpraf")
        .unwrap();
    m.reschedule(day("2026-12-30"));
    m.cancel("Préfète retenue");
    let text = calendar(&data, "2026-12-28-cpraf");
    assert!(text.contains("TZID:America/Guadeloupe\r\n"), "{text}");
    assert!(!text.contains("DAYLIGHT"));
    assert!(text.contains("TZOFFSETTO:-0400\r\n"));
    assert!(text.contains("DTSTART;TZID=America/Guadeloupe:20261230T143000\r\n"));
    // The stamp stays that of the first date; the sequence says it is a later version.
    assert!(text.contains("DTSTAMP:20261228T000000Z\r\n"));
    assert!(text.contains("SEQUENCE:2\r\n"));
    assert!(text.contains("STATUS:CANCELLED\r\n"));
}

/// The minutes of the meeting of 26/10 say, at every level and in every format, whether
/// and when the séance of 30/11 approved them.
#[test]
fn the_minutes_say_in_every_format_and_level_whether_they_were_approved() {
    let mut data = data();
    let text = |data: &DeptData, level: Level, format: Format| {
        let bytes = produce(
            data,
            &Request::Minutes {
                meeting: "2026-10-26-cpraf".into(),
                level,
                format,
            },
        );
        readable(&bytes, format)
    };
    let levels = [Level::Internal, Level::Partners, Level::Public];
    for level in levels {
        for format in Format::DOCUMENTS {
            let t = text(&data, level, *format);
            assert!(
                t.contains("Compte rendu non encore approuvé"),
                "{level:?} {format:?}:\n{t}"
            );
        }
    }
    let november = data
        .meetings
        .iter_mut()
        .find(|m| m.id == "2026-11-30-cpraf")
        .unwrap();
    assert!(november.status.is_held());
    november.items[0].approves = Some("2026-10-26-cpraf".into());
    november.items[0].approval = Some(Approval::ApprovedWithChanges);
    for level in levels {
        for format in Format::DOCUMENTS {
            let t = text(&data, level, *format);
            assert!(
                t.contains("Compte rendu approuvé avec modifications en séance du 30/11/2026"),
                "{level:?} {format:?}:\n{t}"
            );
            assert!(!t.contains("non encore approuvé"), "{level:?} {format:?}");
        }
    }
    // The approving minutes record the decision on the item (internal and partners).
    let bytes = produce(
        &data,
        &Request::Minutes {
            meeting: "2026-11-30-cpraf".into(),
            level: Level::Partners,
            format: Format::Markdown,
        },
    );
    assert!(
        String::from_utf8(bytes)
            .unwrap()
            .contains("**Décision :** Approuvé avec modifications")
    );
}

/// The columns of a table are fitted to their content in Word and OpenDocument: in the
/// programme, the « Action » column is wider than the amounts beside it, and the grid fills
/// the text's width.
#[test]
fn table_columns_are_as_wide_as_their_content_in_word_and_opendocument() {
    let loaded = cellule::store::load_root(std::path::Path::new("fixtures/demo")).unwrap();
    let data = &loaded.dept("49").unwrap().data;
    let request = |format| Request::Programme {
        year: Some(2026),
        format,
    };
    let docx = produce(data, &request(Format::Docx));
    let document: String = parts(&docx)
        .into_iter()
        .filter(|(n, _)| n == "word/document.xml")
        .map(|(_, x)| x)
        .collect();
    let grid = &document[document.find("<w:tblGrid>").unwrap()..];
    let grid = &grid[..grid.find("</w:tblGrid>").unwrap()];
    let widths: Vec<usize> = grid
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect();
    // Action, structure, requested, granted, cost, status.
    assert_eq!(widths.len(), 6, "{grid}");
    assert!(widths[0] > widths[2] && widths[0] > widths[4], "{widths:?}");
    let total: usize = widths.iter().sum();
    assert!((8400..=8504).contains(&total), "{widths:?}");
    let odt = produce(data, &request(Format::Odt));
    let content: String = parts(&odt)
        .into_iter()
        .filter(|(n, _)| n == "content.xml")
        .map(|(_, x)| x)
        .collect();
    assert!(content.contains(r#"<table:table-column table:style-name="Tableau1.C0"/>"#));
    assert!(content.contains(r#"style:name="Tableau1.C0" style:family="table-column""#));
}
