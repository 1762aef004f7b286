//! The minutes (compte rendu) of a meeting, at a redaction level.
//!
//! Layout: the marking, the title with the body's full name, the département, the date
//! written out with the local start time, the place, the chair and the level; attendance
//! by organisation with guests and counts; the numbered agenda; the relevé de décisions item
//! by item; the table of the actions decided; the next meeting.

use super::ExportError;
use super::doc::{Cell, Document};
use super::parts::{by_organisation, header, identity_cells, is_draft, label, person_line};
use super::redact::{ActionView, Attendee, CaseView, ItemView, MeetingView, Redacted, ShowsCases};
use crate::domain::{AttendanceStatus, ItemKind};
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// The minutes of `meeting_id` as level `L` shows them.
pub fn render<L: ShowsCases>(
    view: Redacted<'_, L>,
    meeting_id: &str,
    lang: Lang,
) -> Result<Document, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let draft = is_draft(meeting.status());
    let mut doc = header(lang, Label::Minutes, &meeting, view.marking(), draft);
    doc.field(label(lang, Label::Chair), person_line(&meeting.chair()));
    doc.field(
        label(lang, Label::Level),
        words::level(lang, L::LEVEL.as_str()),
    );
    doc.para(words::approval_state(lang, &meeting.approval()));
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
    doc.list(titles, true);

    doc.heading(2, Label::Decisions.text(lang));
    for (index, item) in items.iter().enumerate() {
        doc.heading(
            3,
            format!("{}. {}", index + 1, item_title(lang, item, true)),
        );
        match item.kind() {
            ItemKind::Case => case_item(&mut doc, lang, item, index + 1),
            ItemKind::Topic => {
                if let Some(a) = item.approval() {
                    doc.field(label(lang, Label::Decision), words::approval(lang, a));
                }
                notes(&mut doc, lang, item.notes());
            }
            ItemKind::Actions => {
                notes(&mut doc, lang, item.notes());
                open_actions(&mut doc, lang, &meeting);
            }
        }
    }

    let postponed = meeting.postponed();
    if !postponed.is_empty() {
        doc.heading(2, Label::Postponed.text(lang));
        doc.list(
            postponed
                .iter()
                .map(|item| item_title(lang, item, true))
                .collect(),
            false,
        );
    }

    doc.heading(2, Label::ActionsDecided.text(lang));
    let decided: Vec<ActionView<'_, L>> = items.iter().flat_map(|i| i.actions()).collect();
    if decided.is_empty() {
        doc.para(Label::NoActionDecided.text(lang));
    } else {
        let rows: Vec<Vec<Cell>> = decided
            .iter()
            .map(|a| {
                vec![
                    a.text().into(),
                    a.owner().organisation().into(),
                    a.due()
                        .map(|d| words::short_date(lang, d))
                        .unwrap_or_default()
                        .into(),
                    action_case(a).into(),
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
            rows,
        );
    }

    if L::LEVEL == super::Level::Internal
        && let Some(text) = meeting.difficulties().filter(|t| !t.trim().is_empty())
    {
        doc.heading(2, Label::Difficulties.text(lang));
        doc.para(text);
    }
    if let Some(next) = meeting.next_meeting() {
        doc.field(
            label(lang, Label::NextMeeting),
            words::long_date(lang, next),
        );
    }
    signatures(&mut doc, lang, &meeting, draft);
    Ok(doc)
}

/// « Rédigé par … — Validé par … le … »: the secretary is the author of the minutes; the chair
/// validates them when the meeting is closed.
fn signatures<L: ShowsCases>(
    doc: &mut Document,
    lang: Lang,
    meeting: &MeetingView<'_, L>,
    draft: bool,
) {
    let chair = person_line(&meeting.chair());
    let text = if draft {
        words::signed_draft(lang, &chair)
    } else {
        words::signed(lang, &chair, meeting.date())
    };
    doc.para(text);
}

/// The title of an item: its title, or `Situation <label>` (with the id when `with_id`).
pub(super) fn item_title<L: ShowsCases>(
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
                    case.label(),
                    case.id()
                ),
                Some(case) => format!("{} {}", Label::Case.text(lang), case.label()),
                None if with_id => format!("{} ({})", Label::UnknownCase.text(lang), id),
                None => Label::UnknownCase.text(lang).to_string(),
            }
        }
        ItemKind::Topic => item.title().unwrap_or("").to_string(),
        ItemKind::Actions => item
            .title()
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| Label::ReviewOfActions.text(lang).to_string()),
    }
}

fn attendance<L: ShowsCases>(doc: &mut Document, lang: Lang, meeting: &MeetingView<'_, L>) {
    let members = by_organisation(meeting.attendance());
    let guests = by_organisation(meeting.guests());
    let header = [
        Label::Organisation.text(lang),
        Label::Name.text(lang),
        Label::Title.text(lang),
        Label::Status.text(lang),
    ];
    doc.heading(2, Label::Attendance.text(lang));
    doc.table(&header, attendance_rows(lang, &members));
    if !guests.is_empty() {
        doc.heading(3, Label::Guests.text(lang));
        doc.table(&header, attendance_rows(lang, &guests));
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
    doc.table(&head, vec![row.into_iter().map(Cell::from).collect()]);
    if let Some(reached) = meeting.quorum_reached() {
        let word = if reached {
            Label::QuorumReached
        } else {
            Label::QuorumNotReached
        };
        doc.field(label(lang, Label::Quorum), word.text(lang));
    }
}

fn attendance_rows<L: ShowsCases>(lang: Lang, people: &[Attendee<'_, L>]) -> Vec<Vec<Cell>> {
    people
        .iter()
        .map(|a| {
            let mut cells = identity_cells(a);
            let status = match (a.status, a.by()) {
                (AttendanceStatus::Represented, Some(by)) => words::represented_by(lang, by),
                (s, _) => words::attendance(lang, s).to_string(),
            };
            cells.push(status.into());
            cells
        })
        .collect()
}

fn notes(doc: &mut Document, lang: Lang, text: Option<&str>) {
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        doc.field(label(lang, Label::Notes), text);
    }
}

fn case_item<L: ShowsCases>(doc: &mut Document, lang: Lang, item: &ItemView<'_, L>, number: usize) {
    if let Some(case) = item.case() {
        identity(doc, lang, &case);
    }
    notes(doc, lang, item.notes());
    match item.decision() {
        Some(decision) => {
            doc.field(
                label(lang, Label::Decision),
                words::decision(lang, decision),
            );
            if let Some(n) = item.decision_number() {
                doc.field(label(lang, Label::DecisionNumber), n);
            }
            if decision.closes()
                && let Some(reason) = item.closure_reason()
            {
                doc.field(
                    label(lang, Label::ClosureReason),
                    words::closure_reason(lang, reason),
                );
            }
        }
        None => doc.field(label(lang, Label::Decision), Label::NoDecision.text(lang)),
    }
    if let Some(r) = item.new_referent() {
        let mut line = format!(
            "{} ({})",
            r.structure().trim(),
            words::referent_type(lang, r.kind())
        );
        if let Some(person) = r.person().filter(|p| !p.trim().is_empty()) {
            line.push_str(&format!(", {}", person.trim()));
        }
        doc.field(label(lang, Label::NewReferent), line);
    }
    if let Some(m) = item.oriented_to() {
        let mut line = words::measure_type(lang, m.kind).to_string();
        if let Some(p) = m.provider.as_deref().filter(|p| !p.trim().is_empty()) {
            line.push_str(&format!(" ({})", p.trim()));
        }
        doc.field(label(lang, Label::OrientedTo), line);
    }
    if let Some(text) = item.decision_text().filter(|t| !t.trim().is_empty()) {
        doc.field(label(lang, Label::DecisionText), text);
    }
    if let Some(review) = item.next_review() {
        doc.field(
            label(lang, Label::NextReview),
            words::long_date(lang, review),
        );
    }
    let actions = item.actions();
    if !actions.is_empty() {
        let rows: Vec<Vec<Cell>> = actions
            .iter()
            .map(|a| {
                vec![
                    a.text().into(),
                    person_line(&a.owner()).into(),
                    a.due()
                        .map(|d| words::short_date(lang, d))
                        .unwrap_or_default()
                        .into(),
                ]
            })
            .collect();
        // Numbered, so that no two headings of the minutes are the same.
        doc.heading(4, words::actions_of_item(lang, number));
        doc.table(
            &[
                Label::Action.text(lang),
                Label::Owner.text(lang),
                Label::Due.text(lang),
            ],
            rows,
        );
    }
}

/// What the level shows of a case's identity, and its référent.
fn identity<L: ShowsCases>(doc: &mut Document, lang: Lang, case: &CaseView<'_, L>) {
    let mut who = Vec::new();
    if let Some(name) = case.name() {
        who.push(name.trim().to_string());
    }
    if let Some(year) = case.birth_year() {
        who.push(format!(
            "{} {year}",
            Label::BornIn.text(lang).to_lowercase()
        ));
    }
    if !who.is_empty() {
        who.insert(0, words::case_kind(lang, case.kind()).to_string());
        doc.field(label(lang, Label::CaseName), who.join(", "));
    }
    if let Some(r) = case.referent() {
        let mut line = format!(
            "{} ({})",
            r.structure().trim(),
            words::referent_type(lang, r.kind())
        );
        if let Some(person) = r.person().filter(|p| !p.trim().is_empty()) {
            line.push_str(&format!(", {}", person.trim()));
        }
        doc.field(label(lang, Label::Referent), line);
    }
    if let Some(text) = case.notes().filter(|t| !t.trim().is_empty()) {
        doc.field(label(lang, Label::CaseNotes), text);
    }
}

/// The case column of an action: `label (id)`, or the id of an unknown case.
pub(super) fn action_case<L: ShowsCases>(a: &ActionView<'_, L>) -> String {
    match (a.case(), a.case_id()) {
        (Some(case), _) => format!("{} ({})", case.label(), case.id()),
        (None, Some(id)) => id.to_string(),
        (None, None) => String::new(),
    }
}

fn open_actions<L: ShowsCases>(doc: &mut Document, lang: Lang, meeting: &MeetingView<'_, L>) {
    let on = meeting.date();
    let open = meeting.earlier_open_actions();
    doc.heading(4, Label::OpenActions.text(lang));
    if open.is_empty() {
        doc.para(Label::NoOpenAction.text(lang));
        return;
    }
    let rows: Vec<Vec<Cell>> = open
        .iter()
        .map(|a| {
            let state = if a.done_on() == Some(on) {
                Label::DoneToday.text(lang).into()
            } else if a.due().is_some_and(|due| due < on) {
                Cell::strong(Label::Overdue.text(lang))
            } else {
                Label::InProgress.text(lang).into()
            };
            vec![
                a.text().into(),
                a.owner().organisation().into(),
                action_case(a).into(),
                words::short_date(lang, a.decided_on()).into(),
                words::days(lang, (on - a.decided_on()).num_days()).into(),
                a.due()
                    .map(|d| words::short_date(lang, d))
                    .unwrap_or_default()
                    .into(),
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
        rows,
    );
}
