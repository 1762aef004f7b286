//! Meeting edits: applied, saved at once, undone and redone.

use super::*;

/// Records an edit of a meeting (undoable), applies it and saves it at once.
pub(super) fn change_meeting(
    app: &mut App,
    before: Option<Meeting>,
    after: Meeting,
) -> Vec<Effect> {
    if before.as_ref() == Some(&after) {
        return Vec::new();
    }
    put_meeting(app, &after.id.clone(), Some(after.clone()));
    app.undo.push(Edit {
        before,
        after: Some(after.clone()),
    });
    app.redo.clear();
    vec![Effect::SaveMeeting(after)]
}

/// Replaces (or adds, or removes) a meeting in the data, keeping the chronological order.
pub(super) fn put_meeting(app: &mut App, id: &str, meeting: Option<Meeting>) {
    app.data.meetings.retain(|m| m.id != id);
    if let Some(m) = meeting {
        app.data.meetings.push(m);
        app.data
            .meetings
            .sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    }
    app.refresh();
}

pub(super) fn restore(
    app: &mut App,
    target: Option<Meeting>,
    other: &Option<Meeting>,
) -> Vec<Effect> {
    let id = target
        .as_ref()
        .or(other.as_ref())
        .map(|m| m.id.clone())
        .unwrap_or_default();
    put_meeting(app, &id, target.clone());
    if let Some(m) = &target {
        let len = m.items.len();
        app.agenda.selected = app.agenda.selected.min(len.saturating_sub(1));
    }
    match target {
        Some(m) => vec![Effect::SaveMeeting(m)],
        None => {
            if app.agenda.meeting.as_deref() == Some(id.as_str()) {
                app.agenda.meeting = None;
            }
            vec![Effect::DeleteMeeting(id)]
        }
    }
}

pub(super) fn undo(app: &mut App) -> Vec<Effect> {
    let Some(edit) = app.undo.pop() else {
        let text = T::NothingToUndo.get(app.lang);
        app.info(text);
        return Vec::new();
    };
    let effects = restore(app, edit.before.clone(), &edit.after);
    app.redo.push(edit);
    let text = T::Undone.get(app.lang);
    app.info(text);
    effects
}

pub(super) fn redo(app: &mut App) -> Vec<Effect> {
    let Some(edit) = app.redo.pop() else {
        let text = T::NothingToRedo.get(app.lang);
        app.info(text);
        return Vec::new();
    };
    let effects = restore(app, edit.after.clone(), &edit.before);
    app.undo.push(edit);
    let text = T::Redone.get(app.lang);
    app.info(text);
    effects
}
