//! The Markdown is valid CommonMark with GFM tables, and user text cannot break it.
//!
//! Each output is parsed with pulldown-cmark (tables on); the structure found (headings,
//! tables and their columns, list items) must be the one the exporter meant, whatever the
//! user wrote in names, titles, notes or decisions.

use crate::support::export as export_support;

use cellule::domain::*;
use cellule::export::{self, Level, ReportFormat};
use cellule::i18n::Lang;
use cellule::text::{is_hazard, visible};
use export_support::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What a parsed document is made of.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    headings: Vec<(u8, String)>,
    /// For each table: the header's width, then the width of every body row.
    tables: Vec<(usize, Vec<usize>)>,
    list_items: usize,
    code_blocks: usize,
    quotes: usize,
    links: usize,
    html: Vec<String>,
    /// All text, paragraph by paragraph (cells separated by ` ¦ `).
    text: String,
}

fn shape(markdown: &str) -> Shape {
    let mut s = Shape::default();
    let mut heading: Option<(u8, String)> = None;
    let mut in_head = false;
    let mut row_cells = 0;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let n = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                heading = Some((n, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    s.headings.push(h);
                }
            }
            Event::Start(Tag::Table(_)) => s.tables.push((0, Vec::new())),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row_cells = 0;
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some(t) = s.tables.last_mut() {
                    t.0 = row_cells;
                }
            }
            Event::Start(Tag::TableRow) => row_cells = 0,
            Event::End(TagEnd::TableRow) if !in_head => {
                if let Some(t) = s.tables.last_mut() {
                    t.1.push(row_cells);
                }
            }
            Event::Start(Tag::TableCell) => {
                row_cells += 1;
                s.text.push_str(" ¦ ");
            }
            Event::Start(Tag::Item) => s.list_items += 1,
            Event::Start(Tag::CodeBlock(_)) => s.code_blocks += 1,
            Event::Code(_) => s.code_blocks += 1,
            Event::Start(Tag::BlockQuote(_)) => s.quotes += 1,
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => s.links += 1,
            Event::Html(h) | Event::InlineHtml(h) => s.html.push(h.to_string()),
            Event::Text(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                s.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => s.text.push('\n'),
            Event::End(TagEnd::Paragraph) => s.text.push('\n'),
            _ => {}
        }
    }
    s
}

/// Hostile pieces of text, each of which would break naive Markdown.
const HOSTILE: &[&str] = &[
    "| pipe | in | cell |",
    "# not a heading #",
    "*star* _under_ **bold** __strong__",
    "<script>alert(1)</script>",
    "<!-- comment -->",
    "`code` ```fence",
    "- list item",
    "+ plus item",
    "1. ordered item",
    "2) ordered item",
    "> quote",
    "[link](http://example.invalid)",
    "![image](x.png)",
    "&amp; &lt; &#65;",
    "---",
    "===",
    "    indented code",
    "~~strike~~ ~~~",
    "trailing backslash \\",
    "esc\u{1b}[31mred\u{202E}bidi\u{7}bell\u{200B}zw",
    "<http://example.invalid>",
    "name_with_underscores",
    "[^1] footnote",
    "\\*not emphasised\\*",
];

fn hostile(i: usize) -> String {
    HOSTILE[i % HOSTILE.len()].to_string()
}

/// The hand-built data with every piece of user text replaced by hostile text.
fn hostile_data() -> DeptData {
    let mut data = data();
    let mut n = 0;
    let mut next = || {
        n += 1;
        hostile(n)
    };
    data.department.name = next();
    data.department.marking = Some(next());
    data.department.authority = Some(next());
    // Organisations stay shared the way they were (two members of the Préfecture), and
    // distinct otherwise, so that the report's list keeps its length.
    let mut orgs: Vec<String> = Vec::new();
    for m in &mut data.department.members {
        m.name = next();
        m.title = Some(next());
        let index = match orgs.iter().position(|o| *o == m.organisation) {
            Some(i) => i,
            None => {
                orgs.push(m.organisation.clone());
                orgs.len() - 1
            }
        };
        m.organisation = format!("{} {index}", hostile(100 + index));
    }
    for b in &mut data.department.bodies {
        b.name = next();
    }
    for c in &mut data.cases {
        c.label = next();
        c.name = Some(next());
        c.notes = Some(format!("{}\n{}\n\n{}", next(), next(), next()));
        if let Some(r) = &mut c.referent {
            r.structure = next();
            r.person = Some(next());
        }
    }
    for m in &mut data.meetings {
        m.place = Some(next());
        for a in &mut m.attendance {
            if a.by.is_some() {
                a.by = Some(next());
            }
        }
        for g in &mut m.guests {
            g.name = next();
            g.title = Some(next());
            g.organisation = next();
        }
        for item in &mut m.items {
            if item.title.is_some() {
                item.title = Some(next());
            }
            item.notes = Some(format!("{}\n{}", next(), next()));
            if item.decision.is_some() {
                item.decision_text = Some(next());
            }
            for a in &mut item.actions {
                a.text = next();
            }
        }
        m.difficulties = Some(format!("{}\n{}", next(), next()));
    }
    data
}

fn outputs(data: &DeptData) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in [Lang::Fr, Lang::En] {
        for level in Level::ALL {
            out.push((
                format!("minutes {} {}", level.as_str(), lang.code()),
                export::minutes(data, "2026-11-30-cpraf", *level, lang).unwrap(),
            ));
        }
        out.push((
            format!("agenda {}", lang.code()),
            export::agenda(data, "2026-12-28-cpraf", lang).unwrap(),
        ));
        out.push((
            format!("report {}", lang.code()),
            export::monthly_report(data, (2026, 11), "cpraf", ReportFormat::Markdown, lang)
                .unwrap(),
        ));
    }
    out
}

#[test]
fn hostile_text_keeps_the_structure() {
    let plain = outputs(&data());
    let hostile = outputs(&hostile_data());
    for ((name, plain), (_, hostile)) in plain.iter().zip(&hostile) {
        let expected = shape(plain);
        let got = shape(hostile);
        assert!(
            got.html.is_empty(),
            "{name}: HTML {:?}\n{hostile}",
            got.html
        );
        assert_eq!(got.code_blocks, 0, "{name}: code\n{hostile}");
        assert_eq!(got.quotes, expected.quotes, "{name}: quote\n{hostile}");
        assert_eq!(got.links, 0, "{name}: link\n{hostile}");
        assert_eq!(
            got.headings.iter().map(|h| h.0).collect::<Vec<_>>(),
            expected.headings.iter().map(|h| h.0).collect::<Vec<_>>(),
            "{name}: headings\n{hostile}"
        );
        assert_eq!(got.tables, expected.tables, "{name}: tables\n{hostile}");
        assert_eq!(
            got.list_items, expected.list_items,
            "{name}: lists\n{hostile}"
        );
        assert!(
            !hostile.chars().any(|c| is_hazard(c) && c != '\n'),
            "{name}: a control character reached the file"
        );
    }
}

#[test]
fn hostile_text_reads_back_as_written() {
    // At the internal level every hostile string is shown somewhere: each must read back
    // literally (hazards made visible, outer blanks trimmed).
    let data = hostile_data();
    let text =
        shape(&export::minutes(&data, "2026-11-30-cpraf", Level::Internal, Lang::Fr).unwrap()).text;
    for h in HOSTILE {
        let expected = visible(h.trim()).into_owned();
        assert!(
            text.contains(&expected),
            "{h:?} reads back as something else:\n{text}"
        );
    }
}

#[test]
fn every_table_row_has_the_header_width() {
    for (name, text) in outputs(&data()) {
        let s = shape(&text);
        assert!(s.html.is_empty(), "{name}");
        for (width, rows) in &s.tables {
            assert!(*width > 0, "{name}");
            for r in rows {
                assert_eq!(r, width, "{name}: a row of {r} cells under {width} columns");
            }
        }
    }
}

#[test]
fn the_minutes_have_the_expected_outline() {
    let data = data();
    let text = export::minutes(&data, "2026-11-30-cpraf", Level::Partners, Lang::Fr).unwrap();
    let s = shape(&text);
    let outline: Vec<(u8, &str)> = s.headings.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        outline,
        vec![
            (
                1,
                "Compte rendu (PROJET) — Cellule de prévention de la radicalisation et d'accompagnement des familles"
            ),
            (2, "Participants"),
            (3, "Invités extérieurs"),
            (3, "Décompte"),
            (2, "Ordre du jour"),
            (2, "Relevé de décisions"),
            (3, "1. Approbation du compte rendu du 26 octobre"),
            (3, "2. Situation A.B. (49-2026-001)"),
            (4, "Actions décidées (point 2)"),
            (3, "3. Situation D.E. (49-2026-003)"),
            (3, "4. Situation Famille C. (49-2026-002)"),
            (3, "5. Situation G.H. (49-2026-004)"),
            (3, "6. Suivi des actions"),
            (4, "Actions en cours des réunions précédentes"),
            (2, "Actions décidées"),
        ]
    );
    // Attendance (7 members, 4 columns), guests, counts, item 2's actions, open actions, decided.
    assert_eq!(
        s.tables,
        vec![
            (4, vec![4; 7]),
            (4, vec![4]),
            (4, vec![4]),
            (3, vec![3]),
            (7, vec![7; 3]),
            (4, vec![4]),
        ]
    );
    assert_eq!(s.list_items, 6, "the numbered agenda");
    assert!(text.starts_with("# Compte rendu (PROJET)"));
    assert!(text.contains("\n> **PROJET — Diffusion restreinte**\n"));
    assert!(s.text.contains("lundi 30 novembre 2026, 14 h 30"));
    assert!(s.text.contains("représenté par Mme Roux, substitute"));
    assert!(s.text.contains("en retard"));
}

#[test]
fn the_report_has_the_expected_outline() {
    let data = data();
    let text = export::monthly_report(&data, (2026, 11), "cpraf", ReportFormat::Markdown, Lang::Fr)
        .unwrap();
    let s = shape(&text);
    let h2: Vec<&str> = s
        .headings
        .iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        [
            "Composition",
            "Périodicité",
            "Situations",
            "Modalités de prise en charge",
            "Résultats",
            "Difficultés"
        ]
    );
    // Meetings, situations (7 rows x 4), stages (2 + total), contact (3 + total), référents
    // (with, 3 types, without, total), modalities (6 types + any), closures (5), decisions (the CPRAF's 10).
    assert_eq!(
        s.tables,
        vec![
            (2, vec![2]),
            (4, vec![4; 7]),
            (2, vec![2; 3]),
            (2, vec![2; 4]),
            (2, vec![2; 6]),
            (3, vec![3; 7]),
            (2, vec![2; 5]),
            (2, vec![2; 10]),
        ]
    );
}
