//! Pieces shared by the minutes and the agenda: the header and the attendance tables.

use super::doc::{Cell, Document};
use super::redact::{Attendee, MeetingView, Person, Redaction, ShowsCases};
use crate::domain::MeetingStatus;
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// `Name, Title (Organisation)`; parts that are missing are left out.
pub fn person_line<L: ShowsCases>(person: &Person<'_, L>) -> String {
    let mut out = person.name().trim().to_string();
    if let Some(title) = person.title().filter(|t| !t.trim().is_empty()) {
        out.push_str(", ");
        out.push_str(title.trim());
    }
    if !person.organisation().trim().is_empty() {
        out.push_str(&format!(" ({})", person.organisation().trim()));
    }
    out
}

/// A new document with the marking, the letterhead, the title and the fields common to
/// minutes and agenda (département, date with the local time, place). A minutes' title and
/// marking say « PROJET » while the meeting is not closed (`draft`).
pub fn header<L: Redaction>(
    lang: Lang,
    title: Label,
    meeting: &MeetingView<'_, L>,
    marking: &str,
    draft: bool,
) -> Document {
    let dept = meeting.dept();
    let draft_word = Label::Draft.text(lang);
    let (title, marking) = if draft {
        (
            format!("{} ({draft_word})", title.text(lang)),
            format!("{draft_word} — {marking}"),
        )
    } else {
        (title.text(lang).to_string(), marking.to_string())
    };
    let mut doc = Document {
        marking,
        letterhead: dept
            .authority()
            .filter(|a| !a.trim().is_empty())
            .map(|a| a.trim().to_string()),
        title: format!("{title} — {}", dept.body_name(meeting.body())),
        page_word: Label::Page.text(lang).to_string(),
        lang_code: lang.code().to_string(),
        blocks: Vec::new(),
    };
    doc.field(
        label(lang, Label::Departement),
        format!("{} ({})", dept.dept_name(), dept.dept_code()),
    );
    doc.field(
        label(lang, Label::Date),
        format!(
            "{}, {} ({})",
            words::long_date(lang, meeting.date()),
            words::time_of_day(lang, meeting.start()),
            words::time_zone(lang, dept.time_zone())
        ),
    );
    if let Some(place) = meeting.place().filter(|p| !p.trim().is_empty()) {
        doc.field(label(lang, Label::Place), place);
    }
    doc
}

/// The minutes are a draft until the meeting is closed.
pub fn is_draft(status: MeetingStatus) -> bool {
    status != MeetingStatus::Closed
}

/// `Label :` (with the colon of `lang`).
pub fn label(lang: Lang, label: Label) -> String {
    format!("{}{}", label.text(lang), words::colon(lang))
}

/// Attendees grouped by organisation: organisations in order of first appearance, people in
/// the order of the file within each.
pub fn by_organisation<'a, L: Redaction>(people: Vec<Attendee<'a, L>>) -> Vec<Attendee<'a, L>> {
    let mut orgs: Vec<&str> = Vec::new();
    for a in &people {
        if !orgs.contains(&a.person.organisation()) {
            orgs.push(a.person.organisation());
        }
    }
    let mut out = Vec::with_capacity(people.len());
    for org in orgs {
        out.extend(
            people
                .iter()
                .filter(|a| a.person.organisation() == org)
                .copied(),
        );
    }
    out
}

/// The row `Organisation | Name | Title` of an attendee.
pub fn identity_cells<L: ShowsCases>(a: &Attendee<'_, L>) -> Vec<Cell> {
    vec![
        a.person.organisation().into(),
        a.person.name().into(),
        a.person.title().unwrap_or("").into(),
    ]
}
