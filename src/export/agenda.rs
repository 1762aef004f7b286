//! The agenda (ordre du jour) sent with the convocation.
//!
//! Built on the partners' view: invitees by name, title and organisation, cases by label only.

use super::ExportError;
use super::doc::{Cell, Document};
use super::minutes::item_title;
use super::parts::{by_organisation, header, identity_cells, label};
use super::redact::{Attendee, Partners, Redacted};
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
    doc.field(
        label(lang, Label::Chair),
        super::parts::person_line(&meeting.chair()),
    );

    // The invited members (the body's default list when none is recorded yet), then the guests.
    let mut invitees: Vec<Attendee<'_, Partners>> = meeting.attendance();
    if invitees.is_empty() {
        invitees = view
            .body_members(meeting.body())
            .into_iter()
            .map(Attendee::invited)
            .collect();
    }
    invitees.extend(meeting.guests());
    doc.heading(2, Label::Invitees.text(lang));
    let rows: Vec<Vec<Cell>> = by_organisation(invitees)
        .iter()
        .map(identity_cells)
        .collect();
    doc.table(
        &[
            Label::Organisation.text(lang),
            Label::Name.text(lang),
            Label::Title.text(lang),
        ],
        rows,
    );

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
