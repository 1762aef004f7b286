//! The attendance panel of the séance: one key per status, who represents, guests, and
//! members of the directory who were not invited.

use super::*;
use crate::domain::AttendanceStatus;
use crate::domain::live::NewGuest;
use crate::i18n::Lang;
use crate::tui::seance::*;
use seance::{applied, editable};

pub(super) fn attendance_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let lang = app.lang;
    let page = app.page;
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(mut panel) = st.attendance.take() else {
        return Vec::new();
    };
    let Some(m) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    let invitees = m.attendance.len();
    let rows = invitees + m.guests.len();
    let mut effects = Vec::new();
    let mut keep = true;
    let set = |st: &mut SeanceState,
               meetings: &mut [Meeting],
               row: usize,
               status: AttendanceStatus,
               by: Option<&str>| {
        st.live.apply(meetings, |l, _| {
            if row < invitees {
                let member = l
                    .meeting()
                    .attendance
                    .get(row)
                    .map(|a| a.member.clone())
                    .unwrap_or_default();
                l.set_attendance(&member, status, by)
            } else {
                l.set_guest_status(row - invitees, status, by)
            }
        })
    };
    if panel.member.is_some() {
        effects = member_key(app, &mut panel, key, action);
    } else if let Some(form) = panel.guest.as_mut() {
        match text_action(key, action) {
            Some(Action::Cancel) => panel.guest = None,
            Some(Action::NextField | Action::PrevField) => form.field = 1 - form.field.min(1),
            Some(Action::Accept) => {
                let r = st.live.apply(&mut app.data.meetings, |l, _| {
                    l.add_guest(NewGuest {
                        name: form.name.text(),
                        title: None,
                        organisation: form.organisation.text(),
                        status: AttendanceStatus::Present,
                        by: None,
                    })
                });
                match r {
                    Ok(change) => {
                        panel.guest = None;
                        panel.selected = rows;
                        effects = applied(app, Ok(change));
                    }
                    Err(e) => form.error = Some(e.text(lang)),
                }
            }
            _ => {
                let input = if form.field == 0 {
                    &mut form.name
                } else {
                    &mut form.organisation
                };
                if edit_line(input, key) {
                    form.error = None;
                }
            }
        }
    } else if let Some(by) = panel.by.as_mut() {
        match text_action(key, action) {
            Some(Action::Cancel) => panel.by = None,
            Some(Action::Accept) => {
                let text = by.text().to_string();
                match set(
                    st,
                    &mut app.data.meetings,
                    panel.selected,
                    AttendanceStatus::Represented,
                    Some(&text),
                ) {
                    Ok(change) => {
                        panel.by = None;
                        panel.error = None;
                        panel.last_by = Some(text.trim().to_string()).filter(|t| !t.is_empty());
                        // Like the other statuses: on to the next person.
                        panel.selected = (panel.selected + 1).min(rows.saturating_sub(1));
                        effects = applied(app, Ok(change));
                    }
                    Err(e) => panel.error = Some(e.text(lang)),
                }
            }
            _ => {
                edit_line(by, key);
            }
        }
    } else {
        panel.note = None;
        let status = match action {
            Some(Action::Present) => Some(AttendanceStatus::Present),
            Some(Action::Excused) => Some(AttendanceStatus::Excused),
            Some(Action::Absent) => Some(AttendanceStatus::Absent),
            Some(Action::NoAnswer) => Some(AttendanceStatus::Invited),
            _ => None,
        };
        match action {
            _ if status.is_some() && panel.selected < rows => {
                if let Some(status) = status {
                    let replaced = st
                        .meeting_in(&app.data.meetings)
                        .and_then(|m| represented_by(m, panel.selected))
                        .filter(|_| status != AttendanceStatus::Represented);
                    let r = set(st, &mut app.data.meetings, panel.selected, status, None);
                    if r.as_ref().is_ok_and(|c| c.is_changed())
                        && let Some(by) = replaced
                    {
                        panel.note = Some(replaced_note(status, &by, &app.keymap, lang));
                    }
                    panel.error = None;
                    effects = applied(app, r);
                    panel.selected = (panel.selected + 1).min(rows.saturating_sub(1));
                }
            }
            Some(Action::Represented) if panel.selected < rows => {
                // This person's representative, else the last one typed.
                let current = st
                    .meeting_in(&app.data.meetings)
                    .and_then(|m| represented_by(m, panel.selected))
                    .or_else(|| panel.last_by.clone());
                panel.by = Some(LineInput::new(current.as_deref().unwrap_or("")));
            }
            Some(Action::AddGuest) => panel.guest = Some(GuestForm::default()),
            Some(Action::AddMember) => open_member_picker(st, &app.data, &mut panel, lang),
            Some(Action::RemoveGuest) if panel.selected >= invitees && panel.selected < rows => {
                // A guest added by mistake (invitees stay: mark them absent or excused).
                let r = st.live.apply(&mut app.data.meetings, |l, _| {
                    l.remove_guest(panel.selected - invitees)
                });
                effects = applied(app, r);
                panel.selected = panel.selected.min(rows.saturating_sub(2));
            }
            Some(Action::Back | Action::Cancel) => keep = false,
            Some(action @ (Action::Undo | Action::Redo)) => {
                // Undone from the panel too: a status that replaced a representation
                // gives it back.
                st.attendance = Some(panel);
                return seance::seance_history(app, action == Action::Undo);
            }
            Some(other) => panel.selected = moved(panel.selected, rows, other, page),
            None => {}
        }
    }
    if keep && let Some(st) = app.seance.as_mut() {
        st.attendance = Some(panel);
    }
    effects
}

/// Who represents the person on row `row` (invitees, then guests), if represented.
fn represented_by(meeting: &crate::domain::Meeting, row: usize) -> Option<String> {
    let invitees = meeting.attendance.len();
    if row < invitees {
        meeting.attendance.get(row).and_then(|a| a.by.clone())
    } else {
        meeting
            .guests
            .get(row - invitees)
            .and_then(|g| g.by.clone())
    }
}

/// Said when a status key replaces « représenté par … »: what it replaced, and how to get
/// it back.
fn replaced_note(
    status: AttendanceStatus,
    by: &str,
    keymap: &crate::tui::keymap::Keymap,
    lang: Lang,
) -> String {
    let word = match status {
        AttendanceStatus::Present => lang.pick("présent", "present"),
        AttendanceStatus::Excused => lang.pick("excusé", "excused"),
        AttendanceStatus::Absent => lang.pick("absent", "absent"),
        AttendanceStatus::Represented => lang.pick("représenté", "represented"),
        AttendanceStatus::Invited => lang.pick("sans réponse", "no answer"),
    };
    let by = crate::text::visible(by);
    let text = match lang {
        Lang::Fr => format!(
            "« {word} » remplace « représenté par {by} » (« {{undo}} » pour revenir en arrière)."
        ),
        Lang::En => format!("“{word}” replaces “represented by {by}” (“{{undo}}” to go back)."),
    };
    keymap.fill(crate::tui::keymap::Context::Global, &text, lang)
}

/// `m`: the picker of the directory's members not listed yet; a notice when there is
/// none, the reason when the meeting cannot be changed.
fn open_member_picker(
    st: &SeanceState,
    data: &crate::domain::DeptData,
    panel: &mut AttendancePanel,
    lang: Lang,
) {
    let members = &data.department.members;
    if let Err(e) = editable(st, &data.meetings) {
        panel.error = Some(e.text(lang));
    } else if st
        .meeting_in(&data.meetings)
        .is_some_and(|m| uninvited_members(members, m, "").is_empty())
    {
        panel.note = Some(S::AllMembersListed.get(lang).to_string());
    } else {
        panel.error = None;
        panel.member = Some(MemberPicker::default());
    }
}

/// The keys of the member picker (`picker` in the key map): typing narrows the list, `↑`/`↓`
/// choose, `Entrée` adds the member as present (selected in the panel afterwards), `Échap`
/// closes.
fn member_key(
    app: &mut App,
    panel: &mut AttendancePanel,
    key: Key,
    action: Option<Action>,
) -> Vec<Effect> {
    let page = app.page;
    let (Some(st), Some(picker)) = (app.seance.as_mut(), panel.member.as_mut()) else {
        return Vec::new();
    };
    let Some(m) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    let row = m.attendance.len();
    let matches = uninvited_members(&app.data.department.members, m, picker.query.text());
    let last = matches.len().saturating_sub(1);
    match text_action(key, action) {
        Some(Action::Cancel) => panel.member = None,
        Some(
            action @ (Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last),
        ) => picker.selected = moved(picker.selected, matches.len(), action, page),
        Some(Action::Accept) => {
            let Some(id) = matches.get(picker.selected.min(last)).map(|m| m.id.clone()) else {
                return Vec::new();
            };
            panel.member = None;
            match st.live.apply(&mut app.data.meetings, |l, _| {
                l.add_member(&id, AttendanceStatus::Present, None)
            }) {
                Ok(change) => {
                    panel.selected = row;
                    panel.error = None;
                    return applied(app, Ok(change));
                }
                Err(e) => panel.error = Some(e.text(app.lang)),
            }
        }
        _ => {
            if edit_line(&mut picker.query, key) {
                picker.selected = 0;
            }
        }
    }
    Vec::new()
}
