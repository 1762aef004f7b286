//! The agenda screen's meeting details: the form of its logistics (`e`), the invitees pane
//! (`Tab`) with its member picker and guest form, cancelling a meeting and deleting a
//! draft. Every change is one undoable edit, saved at once.

use super::*;
use crate::tui::form::Outcome;
use crate::tui::meeting_form::{
    MemberPicker, apply_details, apply_guest, details_form, guest_form, invite, invitee_count,
    member_matches, remove, toggle_information,
};

/// A meeting that is no longer edited from the agenda: held, closed or cancelled.
fn frozen(app: &mut App, m: &Meeting) -> bool {
    let text = match m.status {
        MeetingStatus::Held | MeetingStatus::Closed => T::ReadOnlyMeeting,
        MeetingStatus::Cancelled => T::CancelledReadOnly,
        MeetingStatus::Draft | MeetingStatus::Convened => return false,
    };
    app.error(text.get(app.lang));
    true
}

/// The agenda's own actions on the meeting's details.
pub(super) fn details_action(
    app: &mut App,
    meeting: &Meeting,
    action: Action,
) -> Option<Vec<Effect>> {
    match action {
        Action::Edit => {
            if !frozen(app, meeting) {
                let form = details_form(meeting, &app.data.department, app.lang, app.today);
                app.agenda.details.form = Some(form);
            }
        }
        Action::NextPane | Action::PrevPane => {
            app.agenda.details.invitees = Some(0);
        }
        Action::CancelMeeting => {
            if !frozen(app, meeting) {
                app.overlays.push(Overlay::Prompt(Prompt {
                    kind: PromptKind::CancelReason,
                    input: LineInput::default(),
                    error: None,
                }));
            }
        }
        Action::DeleteMeeting => {
            if meeting.status == MeetingStatus::Draft {
                app.agenda.details.confirm_delete = true;
            } else {
                app.error(T::OnlyDraftDeleted.get(app.lang));
            }
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// The reason of a cancellation typed: the meeting is cancelled, kept in the history.
pub(super) fn cancel_meeting(app: &mut App, reason: &str) -> Vec<Effect> {
    let Some(meeting) = app.agenda_meeting().cloned() else {
        return Vec::new();
    };
    let mut after = meeting.clone();
    after.cancel(reason);
    let effects = change_meeting(app, Some(meeting), after);
    app.info(T::CancelledMeeting.get(app.lang));
    effects
}

/// A key while something of the details is open; `None` when nothing is.
pub(super) fn details_key(app: &mut App, key: Key, action: Option<Action>) -> Option<Vec<Effect>> {
    let meeting = app.agenda_meeting().cloned()?;
    app.agenda.details.context()?;
    if action != Some(Action::Help) {
        // A key replaces the last message, as on the screens.
        app.message = None;
    }
    let panel = &mut app.agenda.details;
    if panel.confirm_delete {
        return Some(confirm_key(app, meeting, action));
    }
    if let Some(form) = panel.form.as_mut() {
        return Some(match form.key(&app.keymap, key) {
            Outcome::Editing | Outcome::Confirmed(_) => Vec::new(),
            Outcome::Cancelled => {
                app.agenda.details.form = None;
                Vec::new()
            }
            Outcome::Submitted => submit_details(app, meeting),
        });
    }
    if let Some(form) = panel.guest.as_mut() {
        return Some(match form.key(&app.keymap, key) {
            Outcome::Editing | Outcome::Confirmed(_) => Vec::new(),
            Outcome::Cancelled => {
                app.agenda.details.guest = None;
                Vec::new()
            }
            Outcome::Submitted => submit_guest(app, meeting),
        });
    }
    if panel.member.is_some() {
        return Some(member_key(app, meeting, key, action));
    }
    let row = panel.invitees?;
    Some(invitees_key(app, meeting, row, action))
}

fn submit_details(app: &mut App, meeting: Meeting) -> Vec<Effect> {
    let Some(form) = app.agenda.details.form.as_mut() else {
        return Vec::new();
    };
    match apply_details(form, &meeting, &app.data.department, app.lang) {
        Ok(after) => {
            app.agenda.details.form = None;
            let effects = change_meeting(app, Some(meeting), after);
            if !effects.is_empty() {
                app.info(T::DetailsSaved.get(app.lang));
            }
            effects
        }
        Err(refused) => {
            form.focus = refused.field;
            app.error(refused.text);
            Vec::new()
        }
    }
}

fn submit_guest(app: &mut App, meeting: Meeting) -> Vec<Effect> {
    let Some(form) = app.agenda.details.guest.as_mut() else {
        return Vec::new();
    };
    match apply_guest(form, app.lang) {
        Ok(guest) => {
            app.agenda.details.guest = None;
            let mut after = meeting.clone();
            after.guests.push(guest);
            app.agenda.details.invitees = Some(invitee_count(&after).saturating_sub(1));
            change_meeting(app, Some(meeting), after)
        }
        Err(refused) => {
            form.focus = refused.field;
            app.error(refused.text);
            Vec::new()
        }
    }
}

fn confirm_key(app: &mut App, meeting: Meeting, action: Option<Action>) -> Vec<Effect> {
    match action {
        Some(Action::Yes) => {
            app.agenda.details.confirm_delete = false;
            let id = meeting.id.clone();
            super::history::put_meeting(app, &id, None);
            app.undo.push(Edit {
                before: Some(meeting),
                after: None,
            });
            app.redo.clear();
            app.agenda.meeting = None;
            app.screen = Screen::Meetings;
            app.info(T::DraftDeleted.get(app.lang));
            vec![Effect::DeleteMeeting(id)]
        }
        Some(Action::No | Action::Cancel | Action::Back) => {
            app.agenda.details.confirm_delete = false;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn member_key(app: &mut App, meeting: Meeting, key: Key, action: Option<Action>) -> Vec<Effect> {
    let Some(picker) = app.agenda.details.member.as_ref() else {
        return Vec::new();
    };
    let query = picker.query.text().to_string();
    let selected = picker.selected;
    let matches: Vec<String> = member_matches(&app.data.department, &meeting, &query)
        .iter()
        .map(|m| m.id.clone())
        .collect();
    match text_action(key, action) {
        Some(Action::Cancel) => app.agenda.details.member = None,
        Some(
            a @ (Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last),
        ) => {
            if let Some(p) = app.agenda.details.member.as_mut() {
                p.selected = moved(selected, matches.len(), a, app.page);
            }
        }
        Some(Action::Accept) => {
            app.agenda.details.member = None;
            let Some(id) = matches.get(selected) else {
                return Vec::new();
            };
            let mut after = meeting.clone();
            invite(&mut after, id);
            app.agenda.details.invitees = Some(after.attendance.len().saturating_sub(1));
            return change_meeting(app, Some(meeting), after);
        }
        _ => {
            if let Some(p) = app.agenda.details.member.as_mut()
                && edit_line(&mut p.query, key)
            {
                p.selected = 0;
            }
        }
    }
    Vec::new()
}

fn invitees_key(
    app: &mut App,
    meeting: Meeting,
    row: usize,
    action: Option<Action>,
) -> Vec<Effect> {
    let count = invitee_count(&meeting);
    let Some(action) = action else {
        return Vec::new();
    };
    let edits = matches!(
        action,
        Action::AddMember | Action::AddGuest | Action::RemoveInvitee | Action::ForInformation
    );
    if edits && frozen(app, &meeting) {
        return Vec::new();
    }
    let panel = &mut app.agenda.details;
    match action {
        Action::Back | Action::Quit | Action::NextPane | Action::PrevPane => {
            panel.invitees = None;
        }
        Action::AddMember => panel.member = Some(MemberPicker::default()),
        Action::AddGuest => panel.guest = Some(guest_form(app.lang, app.today)),
        Action::RemoveInvitee if row < count => {
            let mut after = meeting.clone();
            remove(&mut after, row);
            panel.invitees = Some(row.min(invitee_count(&after).saturating_sub(1)));
            return change_meeting(app, Some(meeting), after);
        }
        Action::ForInformation if row < count => {
            let mut after = meeting.clone();
            toggle_information(&mut after, row);
            return change_meeting(app, Some(meeting), after);
        }
        // Undo, redo, help, the palette and the screens keep their global meaning.
        Action::Undo | Action::Redo | Action::Help | Action::Palette | Action::ForceQuit => {
            return update(app, action);
        }
        a @ (Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::First
        | Action::Last) => {
            panel.invitees = Some(moved(row, count, a, app.page));
        }
        _ => {}
    }
    Vec::new()
}
