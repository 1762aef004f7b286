//! The FIPD programme for the SG-CIPDR: actions by category, totals, the shares of
//! training and primary prevention, the checks of the annex and their results; as
//! a [`Document`] (Markdown, Word, OpenDocument), and as CSV for a French Excel (`;`,
//! UTF-8 with BOM, CRLF) or an Excel workbook.

use super::doc::{Cell, Document};
use crate::domain::Department;
use crate::domain::fipd::{Category, Finding, FundAction, Programme, check_programme, percent};
use crate::i18n::Lang;
use crate::i18n::export::Label;
use crate::i18n::fipd::{self as words, euros};
use crate::text::visible_multiline;

/// A rule of the annex: its name in French and English, and which findings are its.
type Rule = (&'static str, &'static str, fn(&Finding) -> bool);

/// The rules checked, in the order of docs/fipd.md, each with its findings.
fn results(p: &Programme, lang: Lang) -> Vec<(String, Vec<Finding>)> {
    let found = check_programme(p);
    let rules: [Rule; 6] = [
        ("Enveloppe", "Allocation", |f| {
            matches!(
                f.kind,
                crate::domain::fipd::FindingKind::OverAllocation { .. }
            )
        }),
        (
            "Formation et appui aux équipes",
            "Training and team support",
            |f| {
                matches!(
                    f.kind,
                    crate::domain::fipd::FindingKind::TrainingOverCap { .. }
                )
            },
        ),
        ("Prévention primaire", "Primary prevention", |f| {
            matches!(
                f.kind,
                crate::domain::fipd::FindingKind::PrimaryOverRate { .. }
                    | crate::domain::fipd::FindingKind::PrimaryOutsideThemes
            )
        }),
        ("Milieu fermé", "Prison", |f| {
            matches!(f.kind, crate::domain::fipd::FindingKind::InPrison)
        }),
        ("Contrats de ville", "City contracts", |f| {
            matches!(
                f.kind,
                crate::domain::fipd::FindingKind::CityContractNoCode { .. }
            )
        }),
        ("Référents de parcours", "Référents de parcours", |f| {
            matches!(
                f.kind,
                crate::domain::fipd::FindingKind::ReferentNotAssociation { .. }
            )
        }),
    ];
    rules
        .iter()
        .map(|(fr, en, is)| {
            let mine = found.iter().filter(|f| is(f)).cloned().collect();
            (lang.pick(fr, en).to_string(), mine)
        })
        .collect()
}

fn share(p: &Programme, c: &[Category]) -> u64 {
    let t = p.totals();
    let part = t
        .by_category
        .iter()
        .filter(|(k, _)| c.contains(k))
        .map(|(_, s)| s)
        .sum();
    percent(part, t.planned)
}

/// The programme as a document (Markdown, Word, OpenDocument): the département's marking
/// and letterhead, the allocation and the totals, the actions by category, the shares of
/// training and primary prevention, the checks of the annex and their results.
pub fn programme_document(p: &Programme, dept: &Department, lang: Lang) -> Document {
    let t = p.totals();
    let mut doc = Document {
        marking: dept.marking().to_string(),
        letterhead: dept
            .authority
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string),
        title: format!(
            "{} {} — {}",
            lang.pick("Programme FIPD", "FIPD programme"),
            p.year,
            dept.name
        ),
        page_word: Label::Page.text(lang).to_string(),
        lang_code: lang.code().to_string(),
        blocks: Vec::new(),
    };
    doc.para(lang.pick(
        "Fonds interministériel de prévention de la délinquance — prévention de la radicalisation.",
        "Interministerial fund for the prevention of delinquency — prevention of radicalisation.",
    ));
    doc.field(
        field_label(lang, "Enveloppe", "Allocation"),
        euros(p.allocation, lang),
    );
    doc.field(
        field_label(lang, "Programmé", "Programmed"),
        euros(t.planned, lang),
    );
    doc.field(
        field_label(lang, "Accordé", "Granted"),
        format!(
            "{} ({} % {})",
            euros(t.engaged, lang),
            percent(t.engaged, p.allocation),
            lang.pick("de l'enveloppe", "of the allocation")
        ),
    );
    doc.field(field_label(lang, "Versé", "Paid"), euros(t.paid, lang));
    let header = [
        lang.pick("Action", "Action"),
        lang.pick("Structure", "Structure"),
        lang.pick("Demandé", "Requested"),
        lang.pick("Accordé", "Granted"),
        lang.pick("Coût", "Cost"),
        lang.pick("Statut", "Status"),
    ];
    for (c, sum) in &t.by_category {
        let actions: Vec<_> = p.actions.iter().filter(|a| a.category == *c).collect();
        if actions.is_empty() {
            continue;
        }
        doc.heading(
            2,
            format!("{} — {}", words::category(*c, lang), euros(*sum, lang)),
        );
        let rows: Vec<Vec<Cell>> = actions
            .iter()
            .map(|a| {
                vec![
                    a.title.as_str().into(),
                    format!(
                        "{} ({})",
                        a.structure.name,
                        words::structure_type(a.structure.kind, lang)
                    )
                    .into(),
                    euros(a.requested, lang).into(),
                    a.granted.map(|g| euros(g, lang)).unwrap_or_default().into(),
                    euros(a.cost, lang).into(),
                    status_text(a, lang).into(),
                ]
            })
            .collect();
        doc.table(&header, rows);
    }
    doc.heading(2, lang.pick("Parts", "Shares"));
    doc.list(
        vec![
            format!(
                "{} {} % ({} / {})",
                lang.pick(
                    "Formation et appui aux équipes :",
                    "Training and team support:"
                ),
                share(p, &[Category::Training, Category::TeamSupport]),
                euros(t.training, lang),
                euros(t.training_limit, lang)
            ),
            format!(
                "{} {} %",
                lang.pick("Prévention primaire :", "Primary prevention:"),
                share(p, &[Category::PrimaryPrevention])
            ),
        ],
        false,
    );
    doc.heading(2, lang.pick("Contrôles de l'annexe", "Checks of the annex"));
    let rows: Vec<Vec<Cell>> = results(p, lang)
        .into_iter()
        .map(|(rule, found)| {
            if found.is_empty() {
                vec![rule.into(), lang.pick("respecté", "met").into()]
            } else {
                let texts: Vec<String> = found.iter().map(|f| words::finding(f, lang)).collect();
                vec![rule.into(), Cell::strong(texts.join(" ; "))]
            }
        })
        .collect();
    doc.table(
        &[lang.pick("Règle", "Rule"), lang.pick("Résultat", "Result")],
        rows,
    );
    doc
}

/// `Enveloppe :`, `Allocation:`.
fn field_label(lang: Lang, fr: &str, en: &str) -> String {
    format!("{}{}", lang.pick(fr, en), crate::i18n::export::colon(lang))
}

/// The status of an action, with the day of the decision when known:
/// « accordée (décision du 10/03/2026) ».
fn status_text(a: &FundAction, lang: Lang) -> String {
    let status = words::status(a.status, lang);
    match a.decided {
        Some(d) => format!(
            "{status} ({} {})",
            lang.pick("décision du", "decided on"),
            crate::i18n::export::short_date(lang, d)
        ),
        None => status.to_string(),
    }
}

/// One CSV field for a French Excel: `;` separated, quoted when needed, formulas defused.
fn field(text: &str) -> String {
    let safe = visible_multiline(text).replace('\r', "");
    let safe = if safe.starts_with(['=', '+', '-', '@']) && safe.parse::<f64>().is_err() {
        format!("'{safe}")
    } else {
        safe
    };
    if safe.contains([';', '"', '\n']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

fn record(out: &mut Vec<Vec<String>>, fields: &[String]) {
    out.push(fields.to_vec());
}

/// The programme as CSV for a French Excel: UTF-8 with BOM, `;`, CRLF, plain amounts.
pub fn programme_csv(p: &Programme, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    for row in programme_rows(p, lang) {
        let line: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The programme as an Excel workbook (one sheet, the rows of the CSV; amounts as numbers).
pub fn programme_xlsx(p: &Programme, lang: Lang) -> Result<Vec<u8>, String> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    sheet.set_name(format!("FIPD {}", p.year)).map_err(e)?;
    for (r, row) in programme_rows(p, lang).iter().enumerate() {
        let r = u32::try_from(r).map_err(|x| x.to_string())?;
        for (c, value) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|x| x.to_string())?;
            let shown = visible_multiline(value);
            match shown.parse::<u64>() {
                Ok(n) => sheet.write_number(r, c, n as f64).map_err(e)?,
                // A text cell is never read as a formula.
                Err(_) => sheet.write_string(r, c, shown.as_ref()).map_err(e)?,
            };
        }
    }
    book.save_to_buffer().map_err(e)
}

/// The rows of the CSV and of the workbook: a header, the actions, the totals, the checks.
fn programme_rows(p: &Programme, lang: Lang) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let head = [
        lang.pick("section", "section"),
        lang.pick("catégorie", "category"),
        "id",
        lang.pick("action", "action"),
        lang.pick("structure", "structure"),
        lang.pick("type de structure", "structure type"),
        lang.pick("demandé", "requested"),
        lang.pick("accordé", "granted"),
        lang.pick("coût", "cost"),
        lang.pick("statut", "status"),
        lang.pick("code analytique", "analytic code"),
        lang.pick("décidée le", "decided on"),
    ];
    record(&mut out, &head.map(str::to_string));
    for a in &p.actions {
        record(
            &mut out,
            &[
                lang.pick("action", "action").into(),
                words::category(a.category, lang).into(),
                a.id.clone(),
                a.title.clone(),
                a.structure.name.clone(),
                words::structure_type(a.structure.kind, lang).into(),
                a.requested.to_string(),
                a.granted.map(|g| g.to_string()).unwrap_or_default(),
                a.cost.to_string(),
                words::status(a.status, lang).into(),
                a.code.clone().unwrap_or_default(),
                a.decided
                    .map(|d| crate::i18n::export::short_date(lang, d))
                    .unwrap_or_default(),
            ],
        );
    }
    let t = p.totals();
    let total = lang.pick("total", "total").to_string();
    for (c, sum) in &t.by_category {
        let mut row = vec![total.clone(), words::category(*c, lang).into()];
        row.extend(std::iter::repeat_n(String::new(), 5));
        row.push(sum.to_string());
        record(&mut out, &row);
    }
    for (label, value) in [
        (lang.pick("enveloppe", "allocation"), p.allocation),
        (lang.pick("programmé", "programmed"), t.planned),
        (lang.pick("accordé", "granted"), t.engaged),
        (lang.pick("versé", "paid"), t.paid),
        (
            lang.pick(
                "part formation et équipes (%)",
                "training and teams share (%)",
            ),
            share(p, &[Category::Training, Category::TeamSupport]),
        ),
        (
            lang.pick(
                "part prévention primaire (%)",
                "primary prevention share (%)",
            ),
            share(p, &[Category::PrimaryPrevention]),
        ),
    ] {
        record(
            &mut out,
            &[
                total.clone(),
                label.into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                value.to_string(),
            ],
        );
    }
    for (rule, found) in results(p, lang) {
        let check = lang.pick("contrôle", "check").to_string();
        if found.is_empty() {
            record(
                &mut out,
                &[
                    check.clone(),
                    rule.clone(),
                    String::new(),
                    lang.pick("respecté", "met").into(),
                ],
            );
        }
        for f in found {
            let id = match &f.at {
                crate::domain::fipd::Where::Action { id, .. } => id.clone(),
                _ => String::new(),
            };
            record(
                &mut out,
                &[check.clone(), rule.clone(), id, words::finding(&f, lang)],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fipd::{FundAction, FundStatus};

    fn programme() -> Programme {
        let mut p = Programme::empty(2026);
        p.allocation = 10_000;
        let mut a = FundAction::requested("psy", "Consultations; ARS", Category::MentalHealth);
        a.structure.name = "=Horizons".into();
        a.requested = 8_000;
        a.granted = Some(8_000);
        a.cost = 8_000;
        a.status = FundStatus::Granted;
        a.decided = chrono::NaiveDate::from_ymd_opt(2026, 3, 10);
        let mut f = FundAction::requested("form", "Formation", Category::Training);
        f.structure.name = "ADFI".into();
        f.requested = 2_500;
        f.cost = 2_500;
        p.actions = vec![a, f];
        p
    }

    #[test]
    fn the_csv_is_for_a_french_excel() {
        let csv = programme_csv(&programme(), Lang::Fr);
        assert!(csv.starts_with("\u{feff}section;catégorie;id;"));
        assert!(csv.ends_with("\r\n"));
        assert!(!csv.replace("\r\n", "").contains('\n'), "{csv:?}");
        assert!(
            csv.contains(
                ";psy;\"Consultations; ARS\";'=Horizons;association;8000;8000;8000;accordée;;10/03/2026\r\n"
            ),
            "{csv}"
        );
        // 2 500 € of 10 500 € is over 20 % (2 100 €): the check and its action.
        assert!(
            csv.contains("contrôle;Formation et appui aux équipes;form;"),
            "{csv}"
        );
        assert!(csv.contains("contrôle;Enveloppe;;respecté\r\n"), "{csv}");
    }

    #[test]
    fn the_workbook_is_a_zip_of_office_xml() {
        let bytes = programme_xlsx(&programme(), Lang::Fr).unwrap();
        assert!(bytes.starts_with(b"PK"));
        assert!(bytes.len() > 1000);
    }

    #[test]
    fn the_markdown_has_categories_shares_and_checks() {
        let dept = crate::domain::testing::paris(Vec::new()).department;
        let doc = programme_document(&programme(), &dept, Lang::Fr);
        let md = super::super::markdown::write(&doc);
        assert!(md.contains("# Programme FIPD 2026 — Paris"), "{md}");
        assert!(md.contains("## Santé mentale — 8\u{a0}000\u{a0}€"), "{md}");
        assert!(md.contains("Formation et appui aux équipes : 23 %"), "{md}");
        assert!(md.contains("| Enveloppe | respecté |"), "{md}");
        assert!(md.contains("accordée (décision du 10/03/2026)"), "{md}");
        assert!(md.contains("plafond 2\u{a0}100\u{a0}€"), "{md}");
    }
}
