//! The séance's card of a case: what the table needs to know before deciding —
//! signalement (date, source), status, family contact (« pas encore » in the warning
//! colour for a new case), age or minor, justice and schooling when they apply, référent,
//! measures, the fund's flags, last decisions, open actions. The case is read as it
//! stands (`current::CurrentCase`: the decisions of held meetings applied).

use super::seance::{first_line, member_name};
use super::{fit, shown};
use crate::domain::{CaseKind, CaseStatus, Item, Justice, Meeting, decision_history};
use crate::tui::app::App;
use crate::tui::followup_words::{self as words, W};
use crate::tui::seance::*;
use crate::tui::strings;
use chrono::Datelike;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `label : value` on one line, cut to `width`.
fn row(
    label: &str,
    value: String,
    head: Style,
    value_style: Style,
    width: usize,
    lang: crate::i18n::Lang,
) -> Line<'static> {
    let label = format!("{label}{}", colon(lang));
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
    Line::from(vec![
        Span::styled(label, head),
        Span::styled(fit(&value, room), value_style),
    ])
}

/// The card's lines for the case of `item` (nothing for another item).
pub(super) fn card_lines(
    app: &App,
    meeting: &Meeting,
    item: &Item,
    width: usize,
    compact: bool,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    let Some(id) = item.case.as_deref() else {
        return lines;
    };
    let Some(index) = app.data.cases.iter().position(|c| c.id == id) else {
        return lines;
    };
    let case = &app.data.cases[index];
    let Some(cur) = app.current(index) else {
        return lines;
    };
    let head = app.theme.header;
    let base = app.theme.base;
    let row =
        |label: &str, value: String, style: Style| row(label, value, head, style, width, lang);

    lines.push(row(
        W::Reported.get(lang),
        format!(
            "{} · {}",
            strings::date(case.reported_on, lang),
            strings::source(case.source, lang)
        ),
        base,
    ));
    lines.push(row(
        W::Status.get(lang),
        strings::case_status(cur.status, lang).to_string(),
        base,
    ));
    if case.kind != CaseKind::Organisation {
        let new = matches!(case.status, CaseStatus::Reported | CaseStatus::Assessed);
        let (value, style) = match case.family_contacted_on {
            Some(d) => (strings::date(d, lang), base),
            None if new => (W::NotYet.get(lang).to_string(), app.theme.warning),
            None => ("—".to_string(), app.theme.muted),
        };
        lines.push(row(W::Family.get(lang), value, style));
    }
    if case.kind == CaseKind::Person {
        let mut age = case.birth_year.map_or("—".to_string(), |y| {
            let years = meeting.date.year() - y;
            if case.is_minor_on(meeting.date) {
                format!("{years} {}, {}", W::Years.get(lang), W::Minor.get(lang))
            } else {
                format!("{years} {}", W::Years.get(lang))
            }
        });
        if case.returnee_minor {
            age.push_str(&format!(" · {}", W::Returnee.get(lang)));
        }
        lines.push(row(W::Age.get(lang), age, base));
        if case.justice != Justice::None {
            lines.push(row(
                W::Justice.get(lang),
                words::justice(case.justice, lang).to_string(),
                base,
            ));
        }
        if let Some(s) = case
            .schooling
            .filter(|_| case.is_minor_on(meeting.date) || case.birth_year.is_none())
        {
            lines.push(row(
                W::Schooling.get(lang),
                words::schooling(s, lang).to_string(),
                base,
            ));
        }
    }
    let referent = cur.referent.as_ref().map_or_else(
        || W::NoReferent.get(lang).to_string(),
        |r| {
            let mut s = shown(&r.structure);
            if let Some(p) = &r.person {
                s.push_str(&format!(" ({})", shown(p)));
            }
            s
        },
    );
    let referent_style = if cur.referent.is_none() {
        app.theme.warning
    } else {
        base
    };
    lines.push(row(S::Referent.get(lang), referent, referent_style));
    let measures: Vec<String> = cur
        .measures(case)
        .filter(|m| m.active_on(meeting.date))
        .map(|m| {
            let mut s = strings::measure(m.kind, lang).to_string();
            if let Some(p) = &m.provider {
                s.push_str(&format!(" ({})", shown(p)));
            }
            s
        })
        .collect();
    let measures = if measures.is_empty() {
        "—".to_string()
    } else {
        measures.join(", ")
    };
    lines.push(row(S::Measures.get(lang), measures, base));
    // The special publics of the PNPR and the fund's rules on this case.
    let flags = crate::domain::fipd::publics::case_flags(case, &app.data.programmes, meeting.date);
    for f in flags {
        let text = format!("⚑ {}", crate::i18n::fipd::finding(&f, lang));
        lines.push(Line::styled(fit(&text, width), app.theme.warning));
    }
    let history: Vec<_> = decision_history(id, &app.data.meetings)
        .into_iter()
        .filter(|e| e.meeting.id != meeting.id)
        .collect();
    let shown_count = if compact { 2 } else { 5 };
    lines.push(Line::styled(
        format!("{}{}", S::LastDecisions.get(lang), colon(lang).trim_end()),
        head,
    ));
    if history.is_empty() {
        lines.push(Line::styled("  —", app.theme.muted));
    }
    for e in history.iter().rev().take(shown_count) {
        let text = format!(
            "  {} {}{}",
            strings::date(e.meeting.date, lang),
            strings::decision(e.decision, lang),
            e.item
                .decision_text
                .as_deref()
                .map(|t| format!(" — {}", first_line(Some(t))))
                .unwrap_or_default()
        );
        lines.push(Line::raw(fit(&text, width)));
    }
    let open: Vec<String> = app
        .data
        .meetings
        .iter()
        .filter(|m| m.id != meeting.id && m.status.is_held() && m.date < meeting.date)
        .flat_map(|m| {
            m.items
                .iter()
                .filter(|i| i.case.as_deref() == Some(id))
                .flat_map(|i| i.actions.iter().filter(|a| a.is_open()))
                .map(|a| format!("  {} — {}", shown(&a.text), member_name(app, &a.owner)))
        })
        .collect();
    lines.push(Line::styled(
        format!("{}{}", S::OpenActions.get(lang), colon(lang).trim_end()),
        head,
    ));
    if open.is_empty() {
        lines.push(Line::styled("  —", app.theme.muted));
    }
    for a in open.iter().take(shown_count) {
        lines.push(Line::raw(fit(a, width)));
    }
    lines
}
