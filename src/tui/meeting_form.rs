//! The meeting's details on the agenda screen: the form of its logistics (date, times,
//! place, chair, secretary, reference), the invitees pane with its member picker and its
//! guest form, the question before deleting a draft. Pure state and reading of the forms;
//! the keys are in `update/agenda_details.rs`, the drawing in `screens/agenda_details.rs`.

use super::form::{Field, Form, Kind};
use super::fuzzy;
use super::input::LineInput;
use super::keymap::Context;
use crate::domain::{Attendance, AttendanceStatus, Department, Guest, Meeting, Member};
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveTime, TimeDelta};

/// What the details of the agenda screen have open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Panel {
    /// The form of the meeting's logistics.
    pub form: Option<Form>,
    /// The invitees pane has the keys, with the row selected.
    pub invitees: Option<usize>,
    /// The directory filtered by what is typed, to add a member.
    pub member: Option<MemberPicker>,
    /// The form of an outside guest.
    pub guest: Option<Form>,
    /// « Supprimer ce brouillon ? » is asked.
    pub confirm_delete: bool,
}

impl Panel {
    /// The key-map context of what is open, if anything.
    pub fn context(&self) -> Option<Context> {
        if self.confirm_delete {
            Some(Context::Confirm)
        } else if self.form.is_some() || self.guest.is_some() {
            Some(Context::Form)
        } else if self.member.is_some() {
            Some(Context::Picker)
        } else if self.invitees.is_some() {
            Some(Context::Invitees)
        } else {
            None
        }
    }
}

/// The member picker: what is typed, the match selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberPicker {
    pub query: LineInput,
    pub selected: usize,
}

/// One row of the invitees pane: the members invited, then the guests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invitee<'a> {
    Member(&'a Attendance),
    Guest(&'a Guest),
}

impl Invitee<'_> {
    pub fn for_information(&self) -> bool {
        match self {
            Invitee::Member(a) => a.for_information,
            Invitee::Guest(g) => g.for_information,
        }
    }
}

/// The rows of the invitees pane.
pub fn invitees(m: &Meeting) -> Vec<Invitee<'_>> {
    m.attendance
        .iter()
        .map(Invitee::Member)
        .chain(m.guests.iter().map(Invitee::Guest))
        .collect()
}

/// The number of rows of the invitees pane.
pub fn invitee_count(m: &Meeting) -> usize {
    m.attendance.len() + m.guests.len()
}

/// The members of the directory not yet invited whose name, organisation or title match
/// `query`, best first.
pub fn member_matches<'d>(dept: &'d Department, m: &Meeting, query: &str) -> Vec<&'d Member> {
    let mut scored: Vec<(u32, &Member)> = dept
        .members
        .iter()
        .filter(|member| !m.attendance.iter().any(|a| a.member == member.id))
        .filter_map(|member| {
            let score = [
                Some(member.name.as_str()),
                Some(member.organisation.as_str()),
                member.title.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter_map(|text| fuzzy::score(query, text))
            .max()?;
            Some((score, member))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    scored.into_iter().map(|(_, member)| member).collect()
}

/// A member invited from the picker.
pub fn invite(m: &mut Meeting, member: &str) {
    if !m.attendance.iter().any(|a| a.member == member) {
        m.attendance.push(Attendance {
            member: member.to_string(),
            status: AttendanceStatus::Invited,
            by: None,
            for_information: false,
        });
    }
}

/// Removes the invitee of row `row`.
pub fn remove(m: &mut Meeting, row: usize) {
    let members = m.attendance.len();
    if row < members {
        m.attendance.remove(row);
    } else if row - members < m.guests.len() {
        m.guests.remove(row - members);
    }
}

/// Turns « pour information » on or off for the invitee of row `row`.
pub fn toggle_information(m: &mut Meeting, row: usize) {
    let members = m.attendance.len();
    if let Some(a) = m.attendance.get_mut(row) {
        a.for_information = !a.for_information;
    } else if let Some(g) = m.guests.get_mut(row.saturating_sub(members)) {
        g.for_information = !g.for_information;
    }
}

fn t(lang: Lang, fr: &str, en: &str) -> String {
    lang.pick(fr, en).to_string()
}

/// The members offered as chair or secretary: the body's members first, then the rest of
/// the directory.
fn people(dept: &Department, m: &Meeting) -> Vec<(String, String)> {
    let body = dept.body(&m.body);
    let mut ids: Vec<&str> = body
        .map(|b| b.members.iter().map(String::as_str).collect())
        .unwrap_or_default();
    for member in &dept.members {
        if !ids.contains(&member.id.as_str()) {
            ids.push(&member.id);
        }
    }
    for id in [Some(m.chair.as_str()), m.details.secretary.as_deref()]
        .into_iter()
        .flatten()
    {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let label = match dept.member(id) {
                Some(p) => format!("{} ({})", p.name, p.organisation),
                None => id.to_string(),
            };
            (id.to_string(), crate::text::visible(&label).into_owned())
        })
        .collect()
}

/// A choice field over runtime values: the form's values are `&'static str`, so the
/// choice is read back by its index into `people`.
fn person_choice(key: &'static str, label: String, people: &[(String, String)], id: &str) -> Field {
    let mut field = Field::choice(
        key,
        label,
        people.iter().map(|(_, l)| ("", l.clone())).collect(),
        "",
    );
    if let Kind::Choice { selected, .. } = &mut field.kind {
        *selected = people.iter().position(|(p, _)| p == id).unwrap_or(0);
    }
    field
}

fn chosen(form: &Form, key: &str) -> Option<usize> {
    form.fields
        .iter()
        .find(|f| f.key == key)
        .and_then(|f| match &f.kind {
            Kind::Choice { selected, .. } => Some(*selected),
            _ => None,
        })
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The form of the meeting's logistics.
pub fn details_form(m: &Meeting, dept: &Department, lang: Lang, today: NaiveDate) -> Form {
    let people = people(dept, m);
    let mut secretaries = vec![(String::new(), t(lang, "— aucun —", "— none —"))];
    secretaries.extend(people.iter().cloned());
    let title = format!(
        "{} {}",
        t(lang, "Réunion", "Meeting"),
        crate::text::visible(&m.id)
    );
    Form::new(
        title,
        vec![
            Field::date("date", t(lang, "Date", "Date"), Some(m.date)),
            Field::text("start", t(lang, "Début", "Start"), &hhmm(m.start), true),
            Field::text(
                "end",
                t(lang, "Fin prévue ou durée", "Planned end or length"),
                &m.details.end.map(hhmm).unwrap_or_default(),
                false,
            ),
            Field::text(
                "place",
                t(lang, "Lieu", "Place"),
                m.place.as_deref().unwrap_or(""),
                false,
            ),
            person_choice("chair", t(lang, "Présidence", "Chair"), &people, &m.chair),
            person_choice(
                "secretary",
                t(lang, "Rédacteur", "Secretary"),
                &secretaries,
                m.details.secretary.as_deref().unwrap_or(""),
            ),
            Field::text(
                "reference",
                t(lang, "Référence", "Reference"),
                m.details.reference.as_deref().unwrap_or(""),
                false,
            ),
        ],
        today,
    )
}

/// Why the form cannot be applied: the field to go back to and the sentence to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub field: usize,
    pub text: &'static str,
}

/// The meeting as the form says, or why not.
pub fn apply_details(
    form: &Form,
    m: &Meeting,
    dept: &Department,
    lang: Lang,
) -> Result<Meeting, Refused> {
    let index = |key: &str| form.fields.iter().position(|f| f.key == key).unwrap_or(0);
    let mut out = m.clone();
    let date = form.date("date").ok_or(Refused {
        field: index("date"),
        text: lang.pick(
            "date attendue (JJ/MM/AAAA, +2s, +3m)",
            "a date is expected (DD/MM/YYYY, +2w, +3m)",
        ),
    })?;
    let start = form
        .text("start")
        .as_deref()
        .and_then(parse_time)
        .ok_or(Refused {
            field: index("start"),
            text: lang.pick(
                "heure attendue (14:30, 14h30)",
                "a time is expected (14:30)",
            ),
        })?;
    let end = parse_end(form.text("end").as_deref().unwrap_or(""), start).ok_or(Refused {
        field: index("end"),
        text: lang.pick(
            "heure de fin après le début (16:30) ou durée (2h, 1h30, 90 min)",
            "an end after the start (16:30) or a length (2h, 1h30, 90 min)",
        ),
    })?;
    out.reschedule(date);
    out.start = start;
    out.details.end = end;
    out.place = form.text("place");
    out.details.reference = form.text("reference");
    let people = people(dept, m);
    if let Some((id, _)) = chosen(form, "chair").and_then(|i| people.get(i)) {
        out.chair = id.clone();
    }
    out.details.secretary = chosen(form, "secretary")
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| people.get(i))
        .map(|(id, _)| id.clone());
    Ok(out)
}

/// Reads `14:30`, `14h30`, `14 h 30`, `14h`, `9:05`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.to_lowercase();
    let (h, m) = t.split_once([':', 'h']).unwrap_or((t.as_str(), ""));
    if h.is_empty() || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !m.bytes().all(|b| b.is_ascii_digit()) || m.len() > 2 {
        return None;
    }
    let hour: u32 = h.parse().ok()?;
    let minute: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// The planned end: blank is none; a time after `start`, or a length (`2h`, `1h30`,
/// `90 min`, `90`) counted from `start`, ending the same day. `None` when unreadable.
pub fn parse_end(text: &str, start: NaiveTime) -> Option<Option<NaiveTime>> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if t.is_empty() {
        return Some(None);
    }
    let minutes = if let Some(n) = t.strip_suffix("min").or_else(|| t.strip_suffix("mn")) {
        n.parse::<i64>().ok()
    } else if t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse::<i64>().ok()
    } else if t.contains(':') {
        None
    } else if let Some((h, m)) = t.split_once('h')
        && t.len() <= 5
        && (m.is_empty() || m.len() == 2)
        && h.len() == 1
    {
        // « 2h », « 1h30 »: a length (one digit of hours); « 16h30 » is a time.
        let m = if m.is_empty() {
            Some(0)
        } else {
            m.parse::<i64>().ok()
        };
        h.parse::<i64>().ok().zip(m).map(|(h, m)| h * 60 + m)
    } else {
        None
    };
    let end = match minutes {
        Some(n) if n > 0 => {
            let (end, wrapped) = start.overflowing_add_signed(TimeDelta::minutes(n));
            (wrapped == 0).then_some(end)?
        }
        Some(_) => return None,
        None => parse_time(&t)?,
    };
    (end > start).then_some(Some(end))
}

/// The form of an outside guest: name, function, organisation, e-mail.
pub fn guest_form(lang: Lang, today: NaiveDate) -> Form {
    Form::new(
        t(lang, "Invité extérieur", "Outside guest"),
        vec![
            Field::text("name", t(lang, "Nom", "Name"), "", true),
            Field::text("title", t(lang, "Fonction", "Function"), "", false),
            Field::text(
                "organisation",
                t(lang, "Organisme", "Organisation"),
                "",
                true,
            ),
            Field::text("email", t(lang, "Courriel", "E-mail"), "", false),
        ],
        today,
    )
}

/// The guest the form describes, or why not (an e-mail without `@`).
pub fn apply_guest(form: &Form, lang: Lang) -> Result<Guest, Refused> {
    let email = form.text("email");
    if let Some(e) = &email
        && (!e.contains('@') || e.contains(char::is_whitespace))
    {
        return Err(Refused {
            field: 3,
            text: lang.pick(
                "adresse de courriel attendue (prenom.nom@exemple.fr)",
                "an e-mail address is expected (first.last@example.org)",
            ),
        });
    }
    Ok(Guest {
        name: form.text("name").unwrap_or_default(),
        title: form.text("title"),
        organisation: form.text("organisation").unwrap_or_default(),
        email,
        status: AttendanceStatus::Invited,
        by: None,
        for_information: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn times_and_lengths_are_read_as_people_write_them() {
        assert_eq!(parse_time("14:30"), Some(at(14, 30)));
        assert_eq!(parse_time("14h30"), Some(at(14, 30)));
        assert_eq!(parse_time("9 h 05"), Some(at(9, 5)));
        assert_eq!(parse_time("14h"), Some(at(14, 0)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("midi"), None);
        let start = at(14, 30);
        assert_eq!(parse_end("", start), Some(None));
        assert_eq!(parse_end("16:30", start), Some(Some(at(16, 30))));
        assert_eq!(parse_end("16h30", start), Some(Some(at(16, 30))));
        assert_eq!(parse_end("2h", start), Some(Some(at(16, 30))));
        assert_eq!(parse_end("1h30", start), Some(Some(at(16, 0))));
        assert_eq!(parse_end("90 min", start), Some(Some(at(16, 0))));
        assert_eq!(parse_end("90", start), Some(Some(at(16, 0))));
        // Before the start, past midnight, nothing: refused.
        assert_eq!(parse_end("14:00", start), None);
        assert_eq!(parse_end("600", start), None);
        assert_eq!(parse_end("0", start), None);
        assert_eq!(parse_end("bientôt", start), None);
    }
}
