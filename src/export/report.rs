//! The monthly report as a document (Markdown, Word, OpenDocument) or as a table of
//! indicators (CSV for French Excel, `.xlsx`).
//!
//! The figures come from [`crate::domain::report::MonthlyReport`]; nothing is computed here,
//! and nothing but the report is read (it holds no name of a person).

use super::csv;
use super::doc::{Cell, Document};
use super::parts::label;
use crate::domain::report::{MonthlyReport, Split};
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// Reads one figure of a [`Split`].
type SplitFigure = fn(&Split) -> u32;

/// The rows of the situations table: label and figure.
const SPLIT_ROWS: [(Label, SplitFigure); 7] = [
    (Label::Minors, |s| s.minors),
    (Label::Adults, |s| s.adults),
    (Label::AgeUnknown, |s| s.age_unknown),
    (Label::Persons, |s| s.persons()),
    (Label::Families, |s| s.families),
    (Label::OrganisationsCases, |s| s.organisations),
    (Label::Total, |s| s.total()),
];

/// The report as a document.
pub fn document(r: &MonthlyReport, lang: Lang, large: bool) -> Document {
    let mut doc = Document {
        marking: r.marking.clone(),
        letterhead: r
            .authority
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .map(|a| a.trim().to_string()),
        title: format!("{} — {}", Label::MonthlyReport.text(lang), r.body_name),
        page_word: Label::Page.text(lang).to_string(),
        lang_code: lang.code().to_string(),
        blocks: Vec::new(),
    };
    doc.field(
        label(lang, Label::Departement),
        format!("{} ({})", r.dept_name, r.dept_code),
    );
    doc.field(label(lang, Label::Month), month_line(r, lang));

    doc.heading(2, Label::Composition.text(lang));
    doc.field(label(lang, Label::Members), r.member_count.to_string());
    if let Some(chair) = &r.chair {
        doc.field(label(lang, Label::Chair), chair.clone());
    }
    doc.field(label(lang, Label::ProsecutorLink), prosecutor_text(r, lang));
    doc.heading(3, Label::Organisations.text(lang));
    doc.list(r.organisations.clone(), false);

    doc.heading(2, Label::Periodicity.text(lang));
    doc.field(
        label(lang, Label::ExpectedInterval),
        words::days(lang, i64::from(r.every_days)),
    );
    doc.field(
        label(lang, Label::MeetingsHeld),
        r.meetings.len().to_string(),
    );
    if r.meetings.is_empty() {
        doc.para(Label::NoMeeting.text(lang));
    } else {
        let rows: Vec<Vec<Cell>> = r
            .meetings
            .iter()
            .map(|m| {
                vec![
                    words::long_date(lang, m.date).into(),
                    m.days_since_previous
                        .map(|d| words::days(lang, d))
                        .unwrap_or_else(|| Label::NoPrevious.text(lang).to_string())
                        .into(),
                ]
            })
            .collect();
        doc.table(
            &[Label::Date.text(lang), Label::DaysSincePrevious.text(lang)],
            rows,
        );
    }
    if let (Some(last), Some(days)) = (r.last_meeting, r.days_since_last_meeting) {
        doc.field(
            label(lang, Label::LastMeeting),
            words::long_date(lang, last),
        );
        doc.field(
            format!("{}{}", days_since_label(r, lang), words::colon(lang)),
            words::days(lang, days),
        );
    }

    doc.heading(2, Label::Situations.text(lang));
    let figures = [
        split_figures(&r.followed, large),
        split_figures(&r.new, large),
        split_figures(&r.closed, large),
    ];
    let rows: Vec<Vec<Cell>> = SPLIT_ROWS
        .iter()
        .enumerate()
        .map(|(i, (label, _))| {
            vec![
                label.text(lang).into(),
                shown(figures[0][i]).into(),
                shown(figures[1][i]).into(),
                shown(figures[2][i]).into(),
            ]
        })
        .collect();
    doc.table(
        &[
            Label::Indicator.text(lang),
            &followed_label(r, lang),
            Label::NewInMonth.text(lang),
            Label::ClosedInMonth.text(lang),
        ],
        rows,
    );

    doc.heading(3, Label::Stages.text(lang));
    let (stages, stages_total) = suppress(
        &[r.stages.pending, r.stages.followed],
        r.stages.total(),
        &[],
        large,
    );
    doc.table(
        &[Label::Indicator.text(lang), Label::Count.text(lang)],
        vec![
            vec![
                Label::StagePending.text(lang).into(),
                shown(stages[0]).into(),
            ],
            vec![
                Label::StageFollowed.text(lang).into(),
                shown(stages[1]).into(),
            ],
            vec![Label::Total.text(lang).into(), shown(stages_total).into()],
        ],
    );
    doc.heading(3, Label::FamilyContact.text(lang));
    doc.table(
        &[Label::Indicator.text(lang), Label::Count.text(lang)],
        contact_rows(r, lang, large)
            .into_iter()
            .map(|(l, v)| vec![l.into(), shown(v).into()])
            .collect(),
    );
    doc.heading(3, Label::ReferentsOpen.text(lang));
    doc.table(
        &[Label::Indicator.text(lang), Label::Count.text(lang)],
        referent_rows(r, lang, large)
            .into_iter()
            .map(|(l, v)| vec![l.into(), shown(v).into()])
            .collect(),
    );

    doc.heading(2, Label::CareModalities.text(lang));
    let mut rows: Vec<Vec<Cell>> = r
        .modalities
        .iter()
        .map(|m| {
            vec![
                words::measure_type(lang, m.kind).into(),
                shown(count(m.cases, large)).into(),
                shown(count(m.fipd, large)).into(),
            ]
        })
        .collect();
    rows.push(vec![
        Label::AnyMeasure.text(lang).into(),
        shown(count(r.with_measure, large)).into(),
        shown(count(r.with_fipd, large)).into(),
    ]);
    doc.table(
        &[
            Label::MeasureType.text(lang),
            Label::Cases.text(lang),
            Label::OfWhichFipd.text(lang),
        ],
        rows,
    );
    doc.field(
        label(lang, Label::SupportGroups),
        shown(count(r.support_groups, large)),
    );
    if let Some(t) = &r.fipd {
        doc.para(crate::i18n::fipd::engaged(t, r.year, r.last_day, lang));
    }

    doc.heading(2, Label::Results.text(lang));
    if let Some(text) = r.results.as_deref().filter(|t| !t.trim().is_empty()) {
        doc.field(label(lang, Label::ResultsObtained), text.trim());
    }
    doc.heading(3, Label::ClosuresByReason.text(lang));
    let rows: Vec<Vec<Cell>> = r
        .closures
        .iter()
        .map(|(reason, n)| {
            vec![
                capitalise(words::closure_reason(lang, *reason)).into(),
                shown(count(*n, large)).into(),
            ]
        })
        .collect();
    doc.table(
        &[Label::ClosureReason.text(lang), Label::Count.text(lang)],
        rows,
    );
    doc.heading(3, Label::DecisionsByKind.text(lang));
    let rows: Vec<Vec<Cell>> = r
        .decisions
        .iter()
        .map(|(d, n)| {
            vec![
                words::decision(lang, *d).into(),
                shown(count(*n, large)).into(),
            ]
        })
        .collect();
    doc.table(&[Label::Decision.text(lang), Label::Count.text(lang)], rows);

    doc.heading(2, Label::Difficulties.text(lang));
    if r.difficulties.is_empty() {
        doc.para(Label::NoDifficulty.text(lang));
    }
    // One field per meeting (two meetings on one day must not give two equal headings).
    for d in &r.difficulties {
        doc.field(
            format!("{}{}", words::long_date(lang, d.date), words::colon(lang)),
            d.text.clone(),
        );
    }
    doc
}

/// The link with the procureur: the parquet's organisations among the members, or that there
/// is none; with the month's reports to the procureur.
fn prosecutor_text(r: &MonthlyReport, lang: Lang) -> String {
    let members = if r.prosecutor.is_empty() {
        Label::NoProsecutorMember.text(lang).to_string()
    } else {
        format!(
            "{}{} {}",
            Label::ProsecutorMember.text(lang),
            words::colon(lang),
            r.prosecutor.join(", ")
        )
    };
    let reports = r
        .decisions
        .iter()
        .find(|(d, _)| *d == crate::domain::Decision::ReportToProsecutor)
        .map_or(0, |(_, n)| *n);
    format!(
        "{members} ; {}{} {}",
        Label::ReportsToProsecutor.text(lang).to_lowercase(),
        words::colon(lang),
        reports
    )
}

/// The rows on the families contacted, after suppression.
fn contact_rows(r: &MonthlyReport, lang: Lang, large: bool) -> Vec<(String, Option<u32>)> {
    let c = &r.contact;
    let (parts, total) = suppress(&[c.within, c.later, c.not_yet], c.total(), &[], large);
    vec![
        (Label::ContactWithin.text(lang).into(), parts[0]),
        (Label::ContactLater.text(lang).into(), parts[1]),
        (Label::ContactNotYet.text(lang).into(), parts[2]),
        (Label::Total.text(lang).into(), total),
    ]
}

/// The rows on the référents de parcours, after suppression.
fn referent_rows(r: &MonthlyReport, lang: Lang, large: bool) -> Vec<(String, Option<u32>)> {
    let f = &r.referents;
    let (kinds, with) = suppress(
        &[f.association, f.state_service, f.local_authority],
        f.with(),
        &[],
        large,
    );
    let (split, total) = suppress(&[f.with(), f.none], f.total(), &[with.is_none()], large);
    let with = split[0].and(with);
    let kind = |k| {
        format!(
            "{} — {}",
            Label::WithReferent.text(lang),
            words::referent_type(lang, k)
        )
    };
    use crate::domain::ReferentType as R;
    vec![
        (Label::WithReferent.text(lang).into(), with),
        (kind(R::Association), kinds[0]),
        (kind(R::StateService), kinds[1]),
        (kind(R::LocalAuthority), kinds[2]),
        (Label::WithoutReferent.text(lang).into(), split[1]),
        (Label::Total.text(lang).into(), total),
    ]
}

/// What replaces a small count at `--diffusion large`.
pub const SMALL: &str = "< 5";

/// A count as shown: at large diffusion, a count from 1 to 4 becomes « < 5 ».
fn count(n: u32, large: bool) -> Option<u32> {
    (!(large && (1..=4).contains(&n))).then_some(n)
}

/// Primary and secondary suppression of parts and their total: a part or a total from 1 to 4 is
/// hidden; when one part only is hidden while the total is shown, the smallest other part that
/// is not zero is hidden too (else the total), so that the hidden one cannot be recomputed.
/// `preset` marks parts already hidden by another table.
pub fn suppress(
    parts: &[u32],
    total: u32,
    preset: &[bool],
    large: bool,
) -> (Vec<Option<u32>>, Option<u32>) {
    let mut shown: Vec<Option<u32>> = parts
        .iter()
        .zip(preset.iter().chain(std::iter::repeat(&false)))
        .map(|(n, hidden)| if *hidden { None } else { count(*n, large) })
        .collect();
    let mut total_shown = count(total, large);
    if large && total_shown.is_some() && shown.iter().filter(|v| v.is_none()).count() == 1 {
        let other = shown
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some_and(|n| n > 0))
            .min_by_key(|(_, v)| v.unwrap_or(u32::MAX))
            .map(|(i, _)| i);
        match other {
            Some(i) => shown[i] = None,
            None => total_shown = None,
        }
    }
    (shown, total_shown)
}

/// The seven figures of a split (as [`SPLIT_ROWS`]) after suppression.
fn split_figures(split: &Split, large: bool) -> [Option<u32>; 7] {
    let (persons_parts, persons) = suppress(
        &[split.minors, split.adults, split.age_unknown],
        split.persons(),
        &[],
        large,
    );
    let (kinds, total) = suppress(
        &[split.persons(), split.families, split.organisations],
        split.total(),
        &[persons.is_none()],
        large,
    );
    // Hiding the persons' total hides what its parts would give away too.
    let persons = kinds[0].and(persons);
    [
        persons_parts[0],
        persons_parts[1],
        persons_parts[2],
        persons,
        kinds[1],
        kinds[2],
        total,
    ]
}

fn shown(v: Option<u32>) -> String {
    v.map(|n| n.to_string())
        .unwrap_or_else(|| SMALL.to_string())
}

/// The month written out; for the month in progress, with the day it is counted to:
/// `décembre 2026, au 01/12/2026 (mois en cours)`.
fn month_line(r: &MonthlyReport, lang: Lang) -> String {
    let month = words::long_month(lang, r.year, r.month);
    if r.in_progress {
        format!("{month}, {}", words::as_of_in_progress(lang, r.last_day))
    } else {
        month
    }
}

/// « Ouvertes à la fin du mois », or « Ouvertes au JJ/MM/AAAA » for the month in progress.
fn followed_label(r: &MonthlyReport, lang: Lang) -> String {
    if r.in_progress {
        words::followed_as_of(lang, r.last_day)
    } else {
        Label::FollowedAtEnd.text(lang).to_string()
    }
}

/// « Jours écoulés à la fin du mois », or « Jours écoulés au JJ/MM/AAAA ».
fn days_since_label(r: &MonthlyReport, lang: Lang) -> String {
    if r.in_progress {
        words::days_elapsed_as_of(lang, r.last_day)
    } else {
        Label::DaysSinceLast.text(lang).to_string()
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A figure of the table of indicators: a number, or a text (an organisation, a date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(i64),
    Text(String),
}

/// One row of the table of indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub section: String,
    pub label: String,
    pub value: Value,
}

/// The column titles of the table: section, indicator, month, body, value.
pub fn indicator_header(lang: Lang) -> [&'static str; 5] {
    [
        Label::Section.text(lang),
        Label::Indicator.text(lang),
        Label::Month.text(lang),
        Label::Body.text(lang),
        Label::Value.text(lang),
    ]
}

/// The report as one row per indicator, with the labels of `lang`.
pub fn indicators(r: &MonthlyReport, lang: Lang, large: bool) -> Vec<Indicator> {
    let mut rows = Vec::new();
    let mut add = |section: Label, label: String, value: Value| {
        rows.push(Indicator {
            section: section.text(lang).to_string(),
            label,
            value,
        });
    };
    let n = |v: u32| Value::Number(i64::from(v));
    let c = |v: Option<u32>| match v {
        Some(v) => Value::Number(i64::from(v)),
        None => Value::Text(SMALL.to_string()),
    };
    add(
        Label::Composition,
        Label::Members.text(lang).into(),
        n(r.member_count),
    );
    for org in &r.organisations {
        add(
            Label::Composition,
            Label::Organisation.text(lang).into(),
            Value::Text(org.clone()),
        );
    }
    if let Some(chair) = &r.chair {
        add(
            Label::Composition,
            Label::Chair.text(lang).into(),
            Value::Text(chair.clone()),
        );
    }
    add(
        Label::Composition,
        Label::ProsecutorLink.text(lang).into(),
        Value::Text(prosecutor_text(r, lang)),
    );
    add(
        Label::Periodicity,
        Label::ExpectedInterval.text(lang).into(),
        n(r.every_days),
    );
    add(
        Label::Periodicity,
        Label::MeetingsHeld.text(lang).into(),
        Value::Number(r.meetings.len() as i64),
    );
    if let Some(last) = r.last_meeting {
        add(
            Label::Periodicity,
            Label::LastMeeting.text(lang).into(),
            Value::Text(words::short_date(lang, last)),
        );
    }
    if let Some(days) = r.days_since_last_meeting {
        add(
            Label::Periodicity,
            days_since_label(r, lang),
            Value::Number(days),
        );
    }
    for (column, split) in [
        (followed_label(r, lang), &r.followed),
        (Label::NewInMonth.text(lang).to_string(), &r.new),
        (Label::ClosedInMonth.text(lang).to_string(), &r.closed),
    ] {
        let figures = split_figures(split, large);
        for (i, (label, _)) in SPLIT_ROWS.iter().enumerate() {
            add(
                Label::Situations,
                format!("{column} — {}", label.text(lang)),
                c(figures[i]),
            );
        }
    }
    let (stages, stages_total) = suppress(
        &[r.stages.pending, r.stages.followed],
        r.stages.total(),
        &[],
        large,
    );
    for (l, v) in [
        (Label::StagePending, stages[0]),
        (Label::StageFollowed, stages[1]),
        (Label::Total, stages_total),
    ] {
        add(
            Label::Situations,
            format!("{} — {}", Label::Stages.text(lang), l.text(lang)),
            c(v),
        );
    }
    for (l, v) in contact_rows(r, lang, large) {
        add(
            Label::Situations,
            format!("{} — {l}", Label::FamilyContact.text(lang)),
            c(v),
        );
    }
    for (l, v) in referent_rows(r, lang, large) {
        add(
            Label::Situations,
            format!("{} — {l}", Label::ReferentsOpen.text(lang)),
            c(v),
        );
    }
    for m in &r.modalities {
        let kind = words::measure_type(lang, m.kind);
        add(
            Label::CareModalities,
            kind.to_string(),
            c(count(m.cases, large)),
        );
        add(
            Label::CareModalities,
            format!("{kind} — {}", Label::OfWhichFipd.text(lang)),
            c(count(m.fipd, large)),
        );
    }
    add(
        Label::CareModalities,
        Label::AnyMeasure.text(lang).into(),
        c(count(r.with_measure, large)),
    );
    add(
        Label::CareModalities,
        format!(
            "{} — {}",
            Label::AnyMeasure.text(lang),
            Label::OfWhichFipd.text(lang)
        ),
        c(count(r.with_fipd, large)),
    );
    add(
        Label::CareModalities,
        Label::SupportGroups.text(lang).into(),
        c(count(r.support_groups, large)),
    );
    if let Some(t) = &r.fipd {
        // Euros, not persons: never suppressed.
        let programme = format!(
            "{} {}, {} {}",
            lang.pick("Programme FIPD", "FIPD programme"),
            r.year,
            lang.pick("au", "as of"),
            words::short_date(lang, r.last_day)
        );
        for (label, value) in [
            (Label::FipdAllocation, t.allocation),
            (Label::FipdEngaged, t.engaged),
            (Label::FipdPaid, t.paid),
            (Label::FipdPlanned, t.planned),
            (
                Label::FipdShare,
                crate::domain::fipd::percent(t.engaged, t.allocation),
            ),
        ] {
            add(
                Label::CareModalities,
                format!("{programme} — {}", label.text(lang)),
                Value::Number(i64::try_from(value).unwrap_or(i64::MAX)),
            );
        }
    }
    for (reason, n_reason) in &r.closures {
        add(
            Label::ClosuresByReason,
            capitalise(words::closure_reason(lang, *reason)),
            c(count(*n_reason, large)),
        );
    }
    for (decision, n_decided) in &r.decisions {
        add(
            Label::DecisionsByKind,
            words::decision(lang, *decision).into(),
            c(count(*n_decided, large)),
        );
    }
    if let Some(text) = r.results.as_deref().filter(|t| !t.trim().is_empty()) {
        add(
            Label::Results,
            Label::ResultsObtained.text(lang).into(),
            Value::Text(text.trim().to_string()),
        );
    }
    for d in &r.difficulties {
        add(
            Label::Difficulties,
            words::short_date(lang, d.date),
            Value::Text(d.text.clone()),
        );
    }
    rows
}

/// The table of indicators as CSV for a French spreadsheet: UTF-8 with a byte order mark,
/// `;` between fields, CRLF line ends.
pub fn csv(r: &MonthlyReport, lang: Lang, large: bool) -> String {
    let month = words::long_month(lang, r.year, r.month);
    let mut out = String::from("\u{feff}");
    out.push_str(&csv::record(&indicator_header(lang)));
    for row in indicators(r, lang, large) {
        let value = match &row.value {
            Value::Number(v) => v.to_string(),
            Value::Text(t) => t.clone(),
        };
        out.push_str(&csv::record(&[
            &row.section,
            &row.label,
            &month,
            &r.body_id,
            &value,
        ]));
    }
    out
}
