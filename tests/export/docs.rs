//! The examples of `docs/exports.md` are the real outputs of the hand-built data.

use crate::support::export as export_support;

use cellule::export::{self, Level, ReportFormat};
use cellule::i18n::Lang;

/// The fenced block that follows `<!-- example: NAME -->`.
fn example<'a>(doc: &'a str, name: &str) -> &'a str {
    let marker = format!("<!-- example: {name} -->\n");
    let start = doc
        .find(&marker)
        .unwrap_or_else(|| panic!("no example {name}"))
        + marker.len();
    let rest = &doc[start..];
    let body = rest.find('\n').map(|i| &rest[i + 1..]).unwrap();
    let end = body.find("\n````\n").unwrap();
    &body[..=end]
}

#[test]
fn the_documented_examples_are_current() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/exports.md")).unwrap();
    let data = export_support::data();
    let expected = [
        (
            "minutes partners fr",
            export::minutes(&data, "2026-11-30-cpraf", Level::Partners, Lang::Fr).unwrap(),
        ),
        (
            "agenda fr",
            export::agenda(&data, "2026-12-28-cpraf", Lang::Fr).unwrap(),
        ),
        (
            "report md fr",
            export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Markdown, Lang::Fr)
                .unwrap(),
        ),
        (
            "report csv",
            export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Csv, Lang::Fr)
                .unwrap()
                .trim_start_matches('\u{feff}')
                .replace("\r\n", "\n"),
        ),
    ];
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/exports.md");
        let mut text = doc.clone();
        for (name, output) in &expected {
            let old = example(&text, name).to_string();
            let at = text.find(&format!("<!-- example: {name} -->\n")).unwrap();
            let from = at + text[at..].find(&old).unwrap();
            text.replace_range(from..from + old.len(), output);
        }
        std::fs::write(path, text).unwrap();
        return;
    }
    for (name, output) in expected {
        assert_eq!(
            example(&doc, name),
            output,
            "docs/exports.md: the example {name} is out of date"
        );
    }
}

#[test]
fn the_documented_excerpts_are_current() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/exports.md")).unwrap();
    let data = export_support::data();
    let internal = export::minutes(&data, "2026-11-30-cpraf", Level::Internal, Lang::Fr).unwrap();
    let public = export::minutes(&data, "2026-11-30-cpraf", Level::Public, Lang::Fr).unwrap();
    let section = doc
        .split("### The same case")
        .nth(1)
        .and_then(|s| s.split("## The agenda").next())
        .unwrap();
    let blocks: Vec<&str> = section.split("```markdown\n").skip(1).collect();
    assert_eq!(blocks.len(), 2);
    let excerpt = |block: &str| block.split("\n```").next().unwrap().to_string();
    assert!(
        internal.contains(&excerpt(blocks[0])),
        "internal excerpt out of date"
    );
    for line in excerpt(blocks[1]).lines().filter(|l| !l.is_empty()) {
        assert!(public.contains(line), "public excerpt out of date: {line}");
    }
}
