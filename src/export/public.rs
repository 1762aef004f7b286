//! The public minutes: aggregates only.
//!
//! Built on the public view, which offers no case, no item, no decision on a case, no free text
//! of an item and no name of a person (see [`super::redact`]): body, date, place, the
//! organisations by attendance, the topics' titles, and counts.

use super::ExportError;
use super::doc::{Cell, Document};
use super::parts::{header, is_draft, label};
use super::redact::{MeetingView, Public, Redacted};
use crate::domain::AttendanceStatus;
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// The public minutes of `meeting_id`; `marking` is the public marking.
pub fn render(
    view: Redacted<'_, Public>,
    meeting_id: &str,
    lang: Lang,
) -> Result<Document, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let draft = is_draft(meeting.status());
    let mut doc = header(
        lang,
        Label::Minutes,
        &meeting,
        Label::PublicMarking.text(lang),
        draft,
    );
    doc.field(
        label(lang, Label::Level),
        words::level(lang, super::Level::Public.as_str()),
    );
    doc.para(words::approval_state(lang, &meeting.approval()));
    attendance(&mut doc, lang, &meeting);

    let summary = meeting.summary();
    doc.heading(2, Label::TopicsDiscussed.text(lang));
    if summary.topics.is_empty() {
        doc.para(Label::NoTopic.text(lang));
    } else {
        doc.list(summary.topics.iter().map(|t| t.to_string()).collect(), true);
    }

    doc.heading(2, Label::SituationsExamined.text(lang));
    let total: usize = summary.cases_by_kind.iter().map(|(_, n)| n).sum();
    let mut rows: Vec<Vec<Cell>> = summary
        .cases_by_kind
        .iter()
        .map(|(kind, n)| {
            let name = match kind {
                Some(kind) => words::case_kind_plural(lang, *kind).to_string(),
                None => Label::UnknownCase.text(lang).to_string(),
            };
            vec![name.into(), n.to_string().into()]
        })
        .collect();
    rows.push(vec![
        Label::Total.text(lang).into(),
        total.to_string().into(),
    ]);
    doc.table(&[Label::Kind.text(lang), Label::Count.text(lang)], rows);

    doc.heading(2, Label::DecisionsByKindMeeting.text(lang));
    if summary.decisions.is_empty() {
        doc.para(Label::NoDecisionTaken.text(lang));
    } else {
        let rows: Vec<Vec<Cell>> = summary
            .decisions
            .iter()
            .map(|(d, n)| vec![words::decision(lang, *d).into(), n.to_string().into()])
            .collect();
        doc.table(&[Label::Decision.text(lang), Label::Count.text(lang)], rows);
    }
    doc.field(
        label(lang, Label::ActionsDecidedCount),
        summary.actions.to_string(),
    );
    if let Some(next) = meeting.next_meeting() {
        doc.field(
            label(lang, Label::NextMeeting),
            words::long_date(lang, next),
        );
    }
    Ok(doc)
}

/// One row per attendance status: the number of people and the organisations, in order of
/// first appearance.
fn attendance(doc: &mut Document, lang: Lang, meeting: &MeetingView<'_, Public>) {
    let people: Vec<_> = meeting
        .attendance()
        .into_iter()
        .chain(meeting.guests())
        .collect();
    let mut rows = Vec::new();
    for status in [
        AttendanceStatus::Present,
        AttendanceStatus::Represented,
        AttendanceStatus::Excused,
        AttendanceStatus::Absent,
        AttendanceStatus::Invited,
    ] {
        let of_status: Vec<_> = people.iter().filter(|a| a.status == status).collect();
        if of_status.is_empty() {
            continue;
        }
        let mut orgs: Vec<&str> = Vec::new();
        for a in &of_status {
            let org = a.person.organisation().trim();
            if !org.is_empty() && !orgs.contains(&org) {
                orgs.push(org);
            }
        }
        rows.push(vec![
            Cell::from(words::attendance_plural(lang, status)),
            of_status.len().to_string().into(),
            orgs.join(", ").into(),
        ]);
    }
    doc.heading(2, Label::Attendance.text(lang));
    doc.table(
        &[
            Label::Status.text(lang),
            Label::Count.text(lang),
            Label::Organisations.text(lang),
        ],
        rows,
    );
}
