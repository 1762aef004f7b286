//! Pieces shared by the minutes and the agenda: the header and the attendance tables.

use super::markdown::{Doc, inline};
use super::redact::{Attendee, MeetingView, Person, Redaction};
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// `Name, Title (Organisation)`, each part escaped; parts that are missing are left out.
pub fn person_line<L: Redaction>(person: &Person<'_, L>) -> String {
    let mut out = inline(person.name());
    if let Some(title) = person.title().filter(|t| !t.trim().is_empty()) {
        out.push_str(", ");
        out.push_str(&inline(title));
    }
    if !person.organisation().trim().is_empty() {
        out.push_str(&format!(" ({})", inline(person.organisation())));
    }
    out
}

/// The marking, the title and the fields common to minutes and agenda.
pub fn header<L: Redaction>(doc: &mut Doc, lang: Lang, title: Label, meeting: &MeetingView<'_, L>) {
    let dept = meeting.dept();
    let colon = words::colon(lang);
    doc.para(format!("**{}**", inline(dept.marking())));
    doc.heading(
        1,
        &format!(
            "{} — {}",
            title.text(lang),
            inline(dept.body_name(meeting.body()))
        ),
    );
    let mut dept_line = format!(
        "{} ({})",
        inline(dept.dept_name()),
        inline(dept.dept_code())
    );
    if let Some(authority) = dept.authority().filter(|a| !a.trim().is_empty()) {
        dept_line.push_str(&format!(" — {}", inline(authority)));
    }
    doc.field(Label::Departement.text(lang), colon, &dept_line);
    doc.field(
        Label::Date.text(lang),
        colon,
        &format!(
            "{}, {} ({}, {})",
            words::long_date(lang, meeting.date()),
            words::time_of_day(lang, meeting.start()),
            Label::LocalTime.text(lang),
            dept.time_zone().name()
        ),
    );
    if let Some(place) = meeting.place().filter(|p| !p.trim().is_empty()) {
        doc.field(Label::Place.text(lang), colon, &inline(place));
    }
    doc.field(
        Label::Chair.text(lang),
        colon,
        &person_line(&meeting.chair()),
    );
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
pub fn identity_cells<L: Redaction>(a: &Attendee<'_, L>) -> Vec<String> {
    vec![
        inline(a.person.organisation()),
        inline(a.person.name()),
        inline(a.person.title().unwrap_or("")),
    ]
}
