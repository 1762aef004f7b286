//! The agenda (ordre du jour) sent with the convocation.
//!
//! Built on the partners' view: invitees by name, title and organisation, cases by label only.

use super::ExportError;
use super::doc::{Cell, Document};
use super::minutes::item_title;
use super::parts::{by_organisation, header, identity_cells, label};
use super::redact::{Attendee, MeetingView, Partners, Redacted};
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// The agenda of `meeting_id`.
pub fn render(
    view: Redacted<'_, Partners>,
    meeting_id: &str,
    lang: Lang,
) -> Result<Document, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let mut doc = header(lang, Label::Agenda, &meeting, view.marking(), false);
    if let Some(end) = meeting.end() {
        doc.field(
            label(lang, Label::PlannedEnd),
            words::time_of_day(lang, end),
        );
    }
    doc.field(
        label(lang, Label::Chair),
        super::parts::person_line(&meeting.chair()),
    );
    let details = meeting.details();
    if let Some(secretary) = details.secretary.as_deref() {
        doc.field(
            label(lang, Label::Secretary),
            super::parts::person_line(&view.member(secretary)),
        );
    }
    if let Some(reference) = details
        .reference
        .as_deref()
        .filter(|r| !r.trim().is_empty())
    {
        doc.field(label(lang, Label::Reference), reference.trim().to_string());
    }
    if meeting.status() == crate::domain::MeetingStatus::Cancelled {
        let reason = details.cancel_reason.as_deref().unwrap_or("");
        doc.field(label(lang, Label::Cancelled), reason.trim().to_string());
    }

    // The invited members (the body's default list when none is recorded yet), then the
    // guests, by organisation; those « pour information » apart.
    let invitees = invitees(&view, &meeting);
    let (informed, expected): (Vec<_>, Vec<_>) =
        invitees.into_iter().partition(|a| a.for_information);
    let headers = [
        Label::Organisation.text(lang),
        Label::Name.text(lang),
        Label::Title.text(lang),
    ];
    doc.heading(2, Label::Invitees.text(lang));
    let rows: Vec<Vec<Cell>> = by_organisation(expected)
        .iter()
        .map(identity_cells)
        .collect();
    doc.table(&headers, rows);
    if !informed.is_empty() {
        doc.heading(2, Label::ForInformation.text(lang));
        let rows: Vec<Vec<Cell>> = by_organisation(informed)
            .iter()
            .map(identity_cells)
            .collect();
        doc.table(&headers, rows);
    }

    doc.heading(2, Label::AgendaItems.text(lang));
    let items: Vec<String> = meeting
        .items()
        .iter()
        .map(|item| {
            let mut line = item_title(lang, item, false);
            if let Some(m) = item.minutes() {
                line.push_str(&format!(" — {}", words::duration(lang, m)));
            }
            line
        })
        .collect();
    doc.list(items, true);
    doc.field(
        label(lang, Label::PlannedTotal),
        words::duration(lang, meeting.planned_minutes()),
    );
    Ok(doc)
}

/// Everyone convened: the members recorded (the body's default list when none is recorded
/// yet), then the guests.
pub fn invitees<'a>(
    view: &Redacted<'a, Partners>,
    meeting: &MeetingView<'a, Partners>,
) -> Vec<Attendee<'a, Partners>> {
    let mut invitees: Vec<Attendee<'a, Partners>> = meeting.attendance();
    if invitees.is_empty() {
        invitees = view
            .body_members(meeting.body())
            .into_iter()
            .map(Attendee::invited)
            .collect();
    }
    invitees.extend(meeting.guests());
    invitees
}
