//! The monthly report rendered as Markdown (for reading) or CSV (one row per figure).
//!
//! The figures come from [`crate::domain::report::MonthlyReport`]; nothing is computed here,
//! and nothing but the report is read (it holds no name of a person).
//! The CSV's `section` and `indicator` columns are fixed keys, the same in every language, so
//! that a spreadsheet can rely on them.

use super::csv;
use super::markdown::{Doc, block, inline};
use crate::domain::report::{MonthlyReport, Split};
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// Reads one figure of a [`Split`].
type SplitFigure = fn(&Split) -> u32;

/// The report as Markdown.
pub fn markdown(r: &MonthlyReport, lang: Lang) -> String {
    let colon = words::colon(lang);
    let mut doc = Doc::new();
    doc.para(format!("**{}**", inline(&r.marking)));
    doc.heading(
        1,
        &format!(
            "{} — {}",
            Label::MonthlyReport.text(lang),
            inline(&r.body_name)
        ),
    );
    let mut dept_line = format!("{} ({})", inline(&r.dept_name), inline(&r.dept_code));
    if let Some(authority) = r.authority.as_deref().filter(|a| !a.trim().is_empty()) {
        dept_line.push_str(&format!(" — {}", inline(authority)));
    }
    doc.field(Label::Departement.text(lang), colon, &dept_line);
    doc.field(
        Label::Month.text(lang),
        colon,
        &words::long_month(lang, r.year, r.month),
    );

    doc.heading(2, Label::Composition.text(lang));
    doc.field(
        Label::Members.text(lang),
        colon,
        &r.member_count.to_string(),
    );
    doc.heading(3, Label::Organisations.text(lang));
    let orgs: Vec<String> = r.organisations.iter().map(|o| inline(o)).collect();
    doc.list(&orgs, false);

    doc.heading(2, Label::Periodicity.text(lang));
    doc.field(
        Label::ExpectedInterval.text(lang),
        colon,
        &words::days(lang, i64::from(r.every_days)),
    );
    doc.field(
        Label::MeetingsHeld.text(lang),
        colon,
        &r.meetings.len().to_string(),
    );
    if r.meetings.is_empty() {
        doc.para(Label::NoMeeting.text(lang));
    } else {
        let rows: Vec<Vec<String>> = r
            .meetings
            .iter()
            .map(|m| {
                vec![
                    words::long_date(lang, m.date),
                    m.days_since_previous
                        .map(|d| words::days(lang, d))
                        .unwrap_or_else(|| Label::NoPrevious.text(lang).to_string()),
                ]
            })
            .collect();
        doc.table(
            &[Label::Date.text(lang), Label::DaysSincePrevious.text(lang)],
            &rows,
        );
    }
    if let (Some(last), Some(days)) = (r.last_meeting, r.days_since_last_meeting) {
        doc.field(
            Label::LastMeeting.text(lang),
            colon,
            &words::long_date(lang, last),
        );
        doc.field(
            Label::DaysSinceLast.text(lang),
            colon,
            &words::days(lang, days),
        );
    }

    doc.heading(2, Label::Situations.text(lang));
    let split_rows: [(Label, SplitFigure); 7] = [
        (Label::Minors, |s| s.minors),
        (Label::Adults, |s| s.adults),
        (Label::AgeUnknown, |s| s.age_unknown),
        (Label::Persons, |s| s.persons()),
        (Label::Families, |s| s.families),
        (Label::OrganisationsCases, |s| s.organisations),
        (Label::Total, |s| s.total()),
    ];
    let rows: Vec<Vec<String>> = split_rows
        .iter()
        .map(|(label, get)| {
            vec![
                label.text(lang).to_string(),
                get(&r.followed).to_string(),
                get(&r.new).to_string(),
                get(&r.closed).to_string(),
            ]
        })
        .collect();
    doc.table(
        &[
            Label::Indicator.text(lang),
            Label::FollowedAtEnd.text(lang),
            Label::NewInMonth.text(lang),
            Label::ClosedInMonth.text(lang),
        ],
        &rows,
    );

    doc.heading(2, Label::CareModalities.text(lang));
    let mut rows: Vec<Vec<String>> = r
        .modalities
        .iter()
        .map(|m| {
            vec![
                words::measure_type(lang, m.kind).to_string(),
                m.cases.to_string(),
                m.fipd.to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        Label::AnyMeasure.text(lang).to_string(),
        r.with_measure.to_string(),
        r.with_fipd.to_string(),
    ]);
    doc.table(
        &[
            Label::MeasureType.text(lang),
            Label::Cases.text(lang),
            Label::OfWhichFipd.text(lang),
        ],
        &rows,
    );
    if let Some(t) = &r.fipd {
        doc.para(crate::i18n::fipd::engaged(t, r.year, lang));
    }

    doc.heading(2, Label::Results.text(lang));
    doc.heading(3, Label::ClosuresByReason.text(lang));
    let rows: Vec<Vec<String>> = r
        .closures
        .iter()
        .map(|(reason, n)| {
            vec![
                capitalise(words::closure_reason(lang, *reason)),
                n.to_string(),
            ]
        })
        .collect();
    doc.table(
        &[Label::ClosureReason.text(lang), Label::Count.text(lang)],
        &rows,
    );
    doc.heading(3, Label::DecisionsByKind.text(lang));
    let rows: Vec<Vec<String>> = r
        .decisions
        .iter()
        .map(|(d, n)| vec![words::decision(lang, *d).to_string(), n.to_string()])
        .collect();
    doc.table(
        &[Label::Decision.text(lang), Label::Count.text(lang)],
        &rows,
    );

    doc.heading(2, Label::Difficulties.text(lang));
    if r.difficulties.is_empty() {
        doc.para(Label::NoDifficulty.text(lang));
    }
    for d in &r.difficulties {
        doc.heading(3, &words::long_date(lang, d.date));
        doc.para(block(&d.text));
    }
    doc.finish()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The report as CSV: a header `section,indicator,value`, then one row per figure.
pub fn csv(r: &MonthlyReport) -> String {
    let mut rows: Vec<(&str, String, String)> = Vec::new();
    let mut add = |section: &'static str, indicator: String, value: String| {
        rows.push((section, indicator, value));
    };
    add("report", "departement".into(), r.dept_code.clone());
    add("report", "body".into(), r.body_id.clone());
    add("report", "body_name".into(), r.body_name.clone());
    add("report", "month".into(), r.month_text());
    add("composition", "members".into(), r.member_count.to_string());
    add(
        "composition",
        "organisations".into(),
        r.organisations.len().to_string(),
    );
    for (i, org) in r.organisations.iter().enumerate() {
        add(
            "composition",
            format!("organisation_{}", i + 1),
            org.clone(),
        );
    }
    add(
        "periodicity",
        "expected_interval_days".into(),
        r.every_days.to_string(),
    );
    add(
        "periodicity",
        "meetings_held".into(),
        r.meetings.len().to_string(),
    );
    for (i, m) in r.meetings.iter().enumerate() {
        add(
            "periodicity",
            format!("meeting_{}_date", i + 1),
            m.date.to_string(),
        );
        add(
            "periodicity",
            format!("meeting_{}_days_since_previous", i + 1),
            m.days_since_previous
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
    }
    add(
        "periodicity",
        "last_meeting".into(),
        r.last_meeting.map(|d| d.to_string()).unwrap_or_default(),
    );
    add(
        "periodicity",
        "days_since_last_meeting".into(),
        r.days_since_last_meeting
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    for (prefix, split) in [
        ("followed", &r.followed),
        ("new", &r.new),
        ("closed", &r.closed),
    ] {
        for (key, value) in [
            ("persons_minors", split.minors),
            ("persons_adults", split.adults),
            ("persons_age_unknown", split.age_unknown),
            ("persons", split.persons()),
            ("families", split.families),
            ("organisations", split.organisations),
            ("total", split.total()),
        ] {
            add("situations", format!("{prefix}_{key}"), value.to_string());
        }
    }
    for m in &r.modalities {
        add(
            "care",
            format!("{}_cases", m.kind.as_str()),
            m.cases.to_string(),
        );
        add(
            "care",
            format!("{}_fipd", m.kind.as_str()),
            m.fipd.to_string(),
        );
    }
    add(
        "care",
        "any_measure_cases".into(),
        r.with_measure.to_string(),
    );
    add("care", "any_measure_fipd".into(), r.with_fipd.to_string());
    if let Some(t) = &r.fipd {
        add("care", "fipd_allocation".into(), t.allocation.to_string());
        add("care", "fipd_planned".into(), t.planned.to_string());
        add("care", "fipd_engaged".into(), t.engaged.to_string());
        add("care", "fipd_paid".into(), t.paid.to_string());
    }
    for (reason, n) in &r.closures {
        add(
            "results",
            format!("closed_{}", reason.as_str()),
            n.to_string(),
        );
    }
    for (decision, n) in &r.decisions {
        add(
            "results",
            format!("decision_{}", decision.as_str()),
            n.to_string(),
        );
    }
    for d in &r.difficulties {
        add("difficulties", d.meeting_id.clone(), d.text.clone());
    }
    let mut out = csv::record(&["section", "indicator", "value"]);
    for (section, indicator, value) in &rows {
        out.push_str(&csv::record(&[section, indicator, value]));
    }
    out
}
