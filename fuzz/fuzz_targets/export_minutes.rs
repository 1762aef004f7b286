#![no_main]
//! Minutes (three levels), agenda and monthly report (Markdown, CSV) of a département
//! whose texts come from the fuzzer: no panic, no control character in any output,
//! no protected text at the partners and public levels, and user text creates no
//! Markdown structure (same headings, tables, links and HTML as with plain texts).

use cellule::export::{self, Level, ReportFormat};
use cellule::i18n::Lang;
use cellule::text::is_hazard;
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};

mod dataset;

const MEETING: &str = "2026-03-10-cpraf";

fn no_hazard(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || c == '\r' || !is_hazard(c),
            "{what}: {c:?} in {text:?}"
        );
    }
}

/// Headings, tables, table cells, links, images and HTML of a Markdown text.
fn structure(markdown: &str) -> Vec<String> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(format!("heading {level:?}")),
            Event::Start(Tag::Table(_)) => Some("table".into()),
            Event::Start(Tag::TableRow) => Some("row".into()),
            Event::Start(Tag::TableCell) => Some("cell".into()),
            Event::Start(Tag::Link { .. }) => Some("link".into()),
            Event::Start(Tag::Image { .. }) => Some("image".into()),
            Event::Start(Tag::List(_)) => Some("list".into()),
            Event::Start(Tag::BlockQuote(_)) => Some("quote".into()),
            Event::Start(Tag::CodeBlock(_)) => Some("code".into()),
            Event::Html(_) | Event::InlineHtml(_) => Some("html".into()),
            _ => None,
        })
        .collect()
}

struct Outputs {
    minutes: Vec<(Level, String)>,
    agenda: String,
    report_md: String,
    report_csv: String,
}

fn outputs(data: &cellule::domain::DeptData) -> Outputs {
    let minutes = Level::ALL
        .iter()
        .map(|&level| {
            (
                level,
                export::minutes(data, MEETING, level, Lang::Fr).expect("minutes"),
            )
        })
        .collect();
    Outputs {
        minutes,
        agenda: export::agenda(data, MEETING, Lang::Fr).expect("agenda"),
        report_md: export::monthly_report(
            data,
            (2026, 3),
            "cpraf",
            ReportFormat::Markdown,
            Lang::Fr,
        )
        .expect("report"),
        report_csv: export::monthly_report(data, (2026, 3), "cpraf", ReportFormat::Csv, Lang::Fr)
            .expect("report"),
    }
}

/// The fields of each CSV record (RFC 4180), or `None` when the text is not valid CSV.
fn csv_records(text: &str) -> Option<Vec<usize>> {
    let mut counts = Vec::new();
    let mut fields = 1;
    let mut quoted = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                    if !matches!(chars.peek(), Some(',') | Some('\r') | None) {
                        return None;
                    }
                }
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => return None,
            ',' => {
                fields += 1;
                at_field_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return None;
                }
                counts.push(fields);
                fields = 1;
                at_field_start = true;
            }
            '\n' => return None,
            _ => at_field_start = false,
        }
    }
    if quoted || !at_field_start || fields != 1 {
        return None; // unterminated quote or a last record without CRLF
    }
    Some(counts)
}

fuzz_target!(|data: &[u8]| {
    let texts = dataset::texts(data);
    let Some(fuzzed) = dataset::build(&texts) else {
        return;
    };
    let plain_texts: Vec<String> = (0..dataset::TEXTS).map(|_| "texte".to_string()).collect();
    let plain = dataset::build(&plain_texts).expect("the plain dataset decodes");
    let got = outputs(&fuzzed);
    let base = outputs(&plain);

    for ((level, text), (_, base_text)) in got.minutes.iter().zip(&base.minutes) {
        no_hazard(level.as_str(), text);
        let mut secrets: Vec<&str> = Vec::new();
        if *level != Level::Internal {
            secrets.extend(dataset::PARTNERS_SECRETS);
        }
        if *level == Level::Public {
            secrets.extend(dataset::PUBLIC_SECRETS);
        }
        for s in secrets {
            assert!(!text.contains(s), "{s} leaked at {level}:\n{text}");
        }
        assert_eq!(
            structure(text),
            structure(base_text),
            "structure at {level}:\n{text}"
        );
    }
    for (what, text, base_text) in [
        ("agenda", &got.agenda, &base.agenda),
        ("report", &got.report_md, &base.report_md),
    ] {
        no_hazard(what, text);
        for s in dataset::PARTNERS_SECRETS
            .iter()
            .chain(dataset::PUBLIC_SECRETS)
        {
            // The agenda names persons (convocation) but never a case's identity or notes.
            if what == "agenda" && s.contains("PERSON") {
                continue;
            }
            assert!(!text.contains(s), "{s} leaked in {what}:\n{text}");
        }
        assert_eq!(
            structure(text),
            structure(base_text),
            "structure of {what}:\n{text}"
        );
    }
    no_hazard("csv", &got.report_csv);
    for s in dataset::PARTNERS_SECRETS
        .iter()
        .chain(dataset::PUBLIC_SECRETS)
    {
        assert!(!got.report_csv.contains(s), "{s} leaked in the CSV report");
    }
    let records = csv_records(&got.report_csv).expect("valid CSV");
    assert!(
        records.iter().all(|&n| n == 3),
        "not 3 fields per record:\n{}",
        got.report_csv
    );
    assert_eq!(
        records,
        csv_records(&base.report_csv).expect("valid CSV"),
        "CSV records differ:\n{}\n---\n{}",
        got.report_csv,
        base.report_csv
    );
});
