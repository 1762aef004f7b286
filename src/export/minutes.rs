//! The minutes (compte rendu) of a meeting, at a redaction level.
//!
//! Layout: the marking, the title with the body's full name, the département, the date
//! written out with the local start time, the place, the chair and the level; attendance
//! by organisation with guests and counts; the numbered agenda; the relevé de décisions item
//! by item; the table of the actions decided; the next meeting.

use super::ExportError;
use super::markdown::{Doc, block, inline};
use super::parts::{by_organisation, header, identity_cells, person_line};
use super::redact::{ActionView, Attendee, CaseView, ItemView, MeetingView, Redacted, Redaction};
use crate::domain::{AttendanceStatus, Decision, ItemKind};
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// The minutes of `meeting_id` as level `L` shows them.
pub fn render<L: Redaction>(
    view: Redacted<'_, L>,
    meeting_id: &str,
    lang: Lang,
) -> Result<String, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let mut doc = Doc::new();
    let colon = words::colon(lang);
    header(&mut doc, lang, Label::Minutes, &meeting);
    doc.field(
        Label::Level.text(lang),
        colon,
        words::level(lang, L::LEVEL.as_str()),
    );
    attendance(&mut doc, lang, &meeting);
    let items = meeting.items();
    doc.heading(2, Label::AgendaItems.text(lang));
    let titles: Vec<String> = items
        .iter()
        .map(|item| {
            let mut line = item_title(lang, item, true);
            if let Some(m) = item.minutes() {
                line.push_str(&format!(" ({})", words::duration(lang, m)));
            }
            line
        })
        .collect();
    doc.list(&titles, true);

    doc.heading(2, Label::Decisions.text(lang));
    for (index, item) in items.iter().enumerate() {
        doc.heading(
            3,
            &format!("{}. {}", index + 1, item_title(lang, item, true)),
        );
        match item.kind() {
            ItemKind::Case => case_item(&mut doc, lang, item),
            ItemKind::Topic => notes(&mut doc, lang, item.notes()),
            ItemKind::Actions => {
                notes(&mut doc, lang, item.notes());
                open_actions(&mut doc, lang, &meeting);
            }
        }
    }

    doc.heading(2, Label::ActionsDecided.text(lang));
    let decided: Vec<ActionView<'_, L>> = items.iter().flat_map(|i| i.actions()).collect();
    if decided.is_empty() {
        doc.para(Label::NoActionDecided.text(lang));
    } else {
        let rows: Vec<Vec<String>> = decided
            .iter()
            .map(|a| {
                vec![
                    inline(a.text()),
                    inline(a.owner().organisation()),
                    a.due()
                        .map(|d| words::short_date(lang, d))
                        .unwrap_or_default(),
                    action_case(a),
                ]
            })
            .collect();
        doc.table(
            &[
                Label::Action.text(lang),
                Label::Owner.text(lang),
                Label::Due.text(lang),
                Label::Case.text(lang),
            ],
            &rows,
        );
    }

    if let Some(next) = meeting.next_meeting() {
        doc.field(
            Label::NextMeeting.text(lang),
            colon,
            &words::long_date(lang, next),
        );
    }
    Ok(doc.finish())
}

/// The title of an item: its title, or `Situation <label>` (with the id when `with_id`).
pub(super) fn item_title<L: Redaction>(
    lang: Lang,
    item: &ItemView<'_, L>,
    with_id: bool,
) -> String {
    match item.kind() {
        ItemKind::Case => {
            let id = item.case_id().unwrap_or("");
            match item.case() {
                Some(case) if with_id => format!(
                    "{} {} ({})",
                    Label::Case.text(lang),
                    inline(case.label()),
                    inline(case.id())
                ),
                Some(case) => format!("{} {}", Label::Case.text(lang), inline(case.label())),
                None if with_id => format!("{} ({})", Label::UnknownCase.text(lang), inline(id)),
                None => Label::UnknownCase.text(lang).to_string(),
            }
        }
        ItemKind::Topic => inline(item.title().unwrap_or("")),
        ItemKind::Actions => item
            .title()
            .filter(|t| !t.trim().is_empty())
            .map(inline)
            .unwrap_or_else(|| Label::ReviewOfActions.text(lang).to_string()),
    }
}

fn attendance<L: Redaction>(doc: &mut Doc, lang: Lang, meeting: &MeetingView<'_, L>) {
    let members = by_organisation(meeting.attendance());
    let guests = by_organisation(meeting.guests());
    let header = [
        Label::Organisation.text(lang),
        Label::Name.text(lang),
        Label::Title.text(lang),
        Label::Status.text(lang),
    ];
    doc.heading(2, Label::Attendance.text(lang));
    doc.table(&header, &attendance_rows(lang, &members));
    if !guests.is_empty() {
        doc.heading(3, Label::Guests.text(lang));
        doc.table(&header, &attendance_rows(lang, &guests));
    }
    let all: Vec<&Attendee<'_, L>> = members.iter().chain(guests.iter()).collect();
    let count = |s: AttendanceStatus| all.iter().filter(|a| a.status == s).count().to_string();
    let mut head = vec![
        Label::Present.text(lang),
        Label::Excused.text(lang),
        Label::Absent.text(lang),
        Label::Represented.text(lang),
    ];
    let mut row = vec![
        count(AttendanceStatus::Present),
        count(AttendanceStatus::Excused),
        count(AttendanceStatus::Absent),
        count(AttendanceStatus::Represented),
    ];
    if all.iter().any(|a| a.status == AttendanceStatus::Invited) {
        head.push(Label::NotRecorded.text(lang));
        row.push(count(AttendanceStatus::Invited));
    }
    doc.heading(3, Label::Counts.text(lang));
    doc.table(&head, &[row]);
}

fn attendance_rows<L: Redaction>(lang: Lang, people: &[Attendee<'_, L>]) -> Vec<Vec<String>> {
    people
        .iter()
        .map(|a| {
            let mut cells = identity_cells(a);
            let status = match (a.status, a.by()) {
                (AttendanceStatus::Represented, Some(by)) => {
                    words::represented_by(lang, &inline(by))
                }
                (s, _) => words::attendance(lang, s).to_string(),
            };
            cells.push(status);
            cells
        })
        .collect()
}

fn notes(doc: &mut Doc, lang: Lang, text: Option<&str>) {
    if let Some(text) = text.map(block).filter(|t| !t.is_empty()) {
        doc.field(Label::Notes.text(lang), words::colon(lang), &text);
    }
}

fn case_item<L: Redaction>(doc: &mut Doc, lang: Lang, item: &ItemView<'_, L>) {
    let colon = words::colon(lang);
    if let Some(case) = item.case() {
        identity(doc, lang, &case);
    }
    notes(doc, lang, item.notes());
    match item.decision() {
        Some(decision) => {
            doc.field(
                Label::Decision.text(lang),
                colon,
                words::decision(lang, decision),
            );
            if decision == Decision::Close
                && let Some(reason) = item.closure_reason()
            {
                doc.field(
                    Label::ClosureReason.text(lang),
                    colon,
                    words::closure_reason(lang, reason),
                );
            }
        }
        None => doc.field(
            Label::Decision.text(lang),
            colon,
            Label::NoDecision.text(lang),
        ),
    }
    if let Some(text) = item.decision_text().map(block).filter(|t| !t.is_empty()) {
        doc.field(Label::DecisionText.text(lang), colon, &text);
    }
    if let Some(review) = item.next_review() {
        doc.field(
            Label::NextReview.text(lang),
            colon,
            &words::long_date(lang, review),
        );
    }
    let actions = item.actions();
    if !actions.is_empty() {
        let rows: Vec<Vec<String>> = actions
            .iter()
            .map(|a| {
                vec![
                    inline(a.text()),
                    person_line(&a.owner()),
                    a.due()
                        .map(|d| words::short_date(lang, d))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        doc.heading(4, Label::Actions.text(lang));
        doc.table(
            &[
                Label::Action.text(lang),
                Label::Owner.text(lang),
                Label::Due.text(lang),
            ],
            &rows,
        );
    }
}

/// What the level shows of a case's identity, and its référent.
fn identity<L: Redaction>(doc: &mut Doc, lang: Lang, case: &CaseView<'_, L>) {
    let colon = words::colon(lang);
    let mut who = Vec::new();
    if let Some(name) = case.name() {
        who.push(inline(name));
    }
    if let Some(year) = case.birth_year() {
        who.push(format!(
            "{} {year}",
            Label::BornIn.text(lang).to_lowercase()
        ));
    }
    if !who.is_empty() {
        who.insert(0, words::case_kind(lang, case.kind()).to_string());
        doc.field(Label::CaseName.text(lang), colon, &who.join(", "));
    }
    if let Some(r) = case.referent() {
        let mut line = format!(
            "{} ({})",
            inline(r.structure()),
            words::referent_type(lang, r.kind())
        );
        if let Some(person) = r.person().filter(|p| !p.trim().is_empty()) {
            line.push_str(&format!(", {}", inline(person)));
        }
        doc.field(Label::Referent.text(lang), colon, &line);
    }
    if let Some(text) = case.notes().map(block).filter(|t| !t.is_empty()) {
        doc.field(Label::CaseNotes.text(lang), colon, &text);
    }
}

/// The case column of an action: `label (id)`, or the id of an unknown case.
fn action_case<L: Redaction>(a: &ActionView<'_, L>) -> String {
    match (a.case(), a.case_id()) {
        (Some(case), _) => format!("{} ({})", inline(case.label()), inline(case.id())),
        (None, Some(id)) => inline(id),
        (None, None) => String::new(),
    }
}

fn open_actions<L: Redaction>(doc: &mut Doc, lang: Lang, meeting: &MeetingView<'_, L>) {
    let on = meeting.date();
    let open = meeting.earlier_open_actions();
    doc.heading(4, Label::OpenActions.text(lang));
    if open.is_empty() {
        doc.para(Label::NoOpenAction.text(lang));
        return;
    }
    let rows: Vec<Vec<String>> = open
        .iter()
        .map(|a| {
            let state = if a.done_on() == Some(on) {
                Label::DoneToday.text(lang).to_string()
            } else if a.due().is_some_and(|due| due < on) {
                format!("**{}**", Label::Overdue.text(lang))
            } else {
                Label::InProgress.text(lang).to_string()
            };
            vec![
                inline(a.text()),
                inline(a.owner().organisation()),
                action_case(a),
                words::short_date(lang, a.decided_on()),
                words::days(lang, (on - a.decided_on()).num_days()),
                a.due()
                    .map(|d| words::short_date(lang, d))
                    .unwrap_or_default(),
                state,
            ]
        })
        .collect();
    doc.table(
        &[
            Label::Action.text(lang),
            Label::Owner.text(lang),
            Label::Case.text(lang),
            Label::DecidedOn.text(lang),
            Label::Age.text(lang),
            Label::Due.text(lang),
            Label::State.text(lang),
        ],
        &rows,
    );
}
