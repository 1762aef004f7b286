//! Hostile texts in every text field, through every export at every level: the output
//! never holds an escape sequence, a C0/C1 control (line ends aside), a bidirectional
//! override or a zero-width character; Markdown structure and HTML cannot be injected;
//! no CSV field can run as a spreadsheet formula. Checked on the exporters' functions
//! and on `cellule export ... --stdout` over files written by the store.

use crate::support::data;
use assert_cmd::Command;
use cellule::domain::DeptData;
use cellule::export::{self, Level, ReportFormat};
use cellule::i18n::Lang;
use cellule::store::{Expect, load_root, new_case_yaml, save_meeting};
use cellule::text::is_hazard;
use data::*;
use std::fs;
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

/// A text that tries everything; `n` tells the fields apart.
fn hostile(n: usize) -> String {
    format!(
        "h{n} \u{1b}[2J\u{1b}]52;c;eA==\u{7} \u{1b}]8;;http://example.invalid\u{1b}\\lien\u{1b}]8;;\u{1b}\\ \
         \u{9b}31m \u{202e}rtl \u{200b}zw \u{0}\u{7f}\u{85}\r\n=cmd|' /C calc'!A0\n# titre\n| a | b |\n\
         <script>x</script>\n- liste\n```\n"
    )
}

/// The demo data with a hostile text in every text field.
fn hostile_data() -> DeptData {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let mut data = load_root(&demo).unwrap().dept("49").unwrap().data.clone();
    let mut n = 0;
    let mut h = || {
        n += 1;
        hostile(n)
    };
    let d = &mut data.department;
    d.name = h();
    d.authority = Some(h());
    d.marking = Some(h());
    for m in &mut d.members {
        m.name = h();
        m.title = Some(h());
        m.organisation = h();
    }
    for b in &mut d.bodies {
        b.name = h();
    }
    for c in &mut data.cases {
        c.label = h();
        c.name = Some(h());
        c.notes = Some(h());
        if let Some(r) = &mut c.referent {
            r.structure = h();
            r.person = Some(h());
        }
        for m in &mut c.measures {
            m.provider = Some(h());
        }
    }
    for m in &mut data.meetings {
        m.place = Some(h());
        m.difficulties = Some(h());
        for a in &mut m.attendance {
            if a.by.is_some() {
                a.by = Some(h());
            }
        }
        for g in &mut m.guests {
            g.name = h();
            g.title = Some(h());
            g.organisation = h();
        }
        for i in &mut m.items {
            if i.title.is_some() {
                i.title = Some(h());
            }
            i.notes = Some(h());
            if i.decision.is_some() {
                i.decision_text = Some(h());
            }
            for a in &mut i.actions {
                a.text = h();
            }
        }
    }
    data
}

fn assert_harmless(what: &str, text: &str, csv: bool) {
    // The CSV opens with a byte order mark, for Excel to read it as UTF-8.
    let text = if csv {
        text.strip_prefix('\u{feff}').unwrap_or(text)
    } else {
        text
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (csv && c == '\r' && chars.peek() == Some(&'\n')) {
            continue;
        }
        assert!(!is_hazard(c), "{what}: {c:?} in\n{text}");
    }
    if !csv {
        assert!(!text.contains("<script>"), "{what}: HTML in\n{text}");
    }
}

/// Every field of a CSV text (RFC 4180).
fn csv_fields(text: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => fields.last_mut().unwrap().push(c),
            (false, '"') => quoted = true,
            (false, ',') | (false, '\n') => fields.push(String::new()),
            (false, '\r') => {}
            (false, c) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

fn assert_no_formula(what: &str, csv: &str) {
    for field in csv_fields(csv) {
        let formula = field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err();
        assert!(!formula, "{what}: formula field {field:?}");
    }
}

#[test]
fn every_export_at_every_level_neutralises_hostile_text() {
    let data = hostile_data();
    let mut exported = 0;
    for meeting in &data.meetings {
        for &level in Level::ALL {
            let text = export::minutes(&data, &meeting.id, level, Lang::Fr).unwrap();
            assert_harmless(&format!("{} {level}", meeting.id), &text, false);
            exported += 1;
        }
        for lang in [Lang::Fr, Lang::En] {
            let text = export::agenda(&data, &meeting.id, lang).unwrap();
            assert_harmless(&format!("agenda {}", meeting.id), &text, false);
        }
    }
    for body in ["cpraf", "gtrdo"] {
        for month in 1..=12 {
            let md = export::monthly_report(
                &data,
                (2026, month),
                body,
                ReportFormat::Markdown,
                Lang::Fr,
            )
            .unwrap();
            assert_harmless(&format!("report {body} {month}"), &md, false);
            let csv =
                export::monthly_report(&data, (2026, month), body, ReportFormat::Csv, Lang::Fr)
                    .unwrap();
            assert_harmless(&format!("csv {body} {month}"), &csv, true);
            assert_no_formula(&format!("csv {body} {month}"), &csv);
        }
    }
    assert_eq!(exported, data.meetings.len() * 3);
    // The hostile text did reach the exports, made visible: the checks above saw it.
    let internal = export::minutes(&data, &data.meetings[0].id, Level::Internal, Lang::Fr).unwrap();
    assert!(internal.contains("␛\\]52;c;eA==␇"), "{internal}");
    assert!(internal.contains("⟨U+202E⟩"), "{internal}");
}

#[test]
fn the_command_line_exports_of_hostile_files_are_harmless() {
    let data = hostile_data();
    let root = TempDir::new().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"),
        root.path(),
    );
    // The cases and meetings with hostile texts, written by the store.
    for case in &data.cases {
        fs::write(
            root.path().join(format!("49/cases/{}.yaml", case.id)),
            new_case_yaml(case),
        )
        .unwrap();
    }
    for meeting in &data.meetings {
        save_meeting(root.path(), "49", meeting, Expect::Any).unwrap();
    }
    let loaded = load_root(root.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let config = TempDir::new().unwrap();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("cellule")
            .unwrap()
            .env_remove("CELLULE_DATA")
            .env("CELLULE_CONFIG_DIR", config.path())
            .args(args)
            .arg("--data")
            .arg(root.path())
            .arg("--stdout")
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    for meeting in ["2026-11-16-cpraf", "2026-03-10-gtrdo"] {
        for level in Level::NAMES {
            let text = run(&[
                "export",
                "minutes",
                "--dept",
                "49",
                "--meeting",
                meeting,
                "--level",
                level,
            ]);
            assert_harmless(&format!("{meeting} {level}"), &text, false);
        }
        let text = run(&["export", "agenda", "--dept", "49", "--meeting", meeting]);
        assert_harmless(meeting, &text, false);
    }
    for format in ["md", "csv"] {
        let text = run(&[
            "report", "monthly", "--dept", "49", "--month", "2026-11", "--format", format,
        ]);
        assert_harmless(format, &text, format == "csv");
        if format == "csv" {
            assert_no_formula("csv", &text);
        }
    }
}
