//! Actions decided at the meeting, and actions of earlier meetings reported done.

use super::item_mut;
use super::{LiveError, clean_text, ensure_editable, set_if_changed};
use crate::domain::{Action, Item, ItemKind, Meeting};
use chrono::NaiveDate;

/// An action as typed in the form: text, owner (a member id, from the picker), due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionInput<'a> {
    pub text: &'a str,
    pub owner: &'a str,
    pub due: Option<NaiveDate>,
}

impl ActionInput<'_> {
    /// Checks the input and gives the text and owner as kept in the file.
    fn checked(&self, meeting_date: NaiveDate) -> Result<(String, String), LiveError> {
        let text = clean_text(self.text).ok_or(LiveError::ActionTextRequired)?;
        let owner = clean_text(self.owner).ok_or(LiveError::OwnerRequired)?;
        if self.due.is_some_and(|due| due < meeting_date) {
            return Err(LiveError::DueBeforeMeeting { meeting_date });
        }
        Ok((text, owner))
    }
}

/// The item at `index`, if it may hold actions (a topic or a case).
fn action_item_mut(meeting: &mut Meeting, index: usize) -> Result<&mut Item, LiveError> {
    let item = item_mut(meeting, index)?;
    if item.kind == ItemKind::Actions {
        Err(LiveError::NoActionsHere)
    } else {
        Ok(item)
    }
}

fn action_mut(item: &mut Item, index: usize) -> Result<&mut Action, LiveError> {
    item.actions
        .get_mut(index)
        .ok_or(LiveError::NoSuchAction { index })
}

/// Adds an action to a topic or case item; it comes last.
pub fn add_action(
    meeting: &mut Meeting,
    item: usize,
    input: ActionInput<'_>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let (text, owner) = input.checked(meeting.date)?;
    action_item_mut(meeting, item)?.actions.push(Action {
        text,
        owner,
        due: input.due,
        done_on: None,
    });
    Ok(true)
}

/// Changes the text, owner and due date of an action (its `done_on` stays).
pub fn edit_action(
    meeting: &mut Meeting,
    item: usize,
    action: usize,
    input: ActionInput<'_>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let (text, owner) = input.checked(meeting.date)?;
    let action = action_mut(action_item_mut(meeting, item)?, action)?;
    let mut changed = set_if_changed(&mut action.text, text);
    changed |= set_if_changed(&mut action.owner, owner);
    changed |= set_if_changed(&mut action.due, input.due);
    Ok(changed)
}

/// Deletes an action.
pub fn delete_action(meeting: &mut Meeting, item: usize, action: usize) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let item = action_item_mut(meeting, item)?;
    if action >= item.actions.len() {
        return Err(LiveError::NoSuchAction { index: action });
    }
    item.actions.remove(action);
    Ok(true)
}

/// Marks done on `done_on` (or reopens, with `None`) an action of `meeting`, leaving the
/// closed check to the caller. Never before the meeting that decided it.
fn mark_done(
    meeting: &mut Meeting,
    item: usize,
    action: usize,
    done_on: Option<NaiveDate>,
) -> Result<bool, LiveError> {
    let meeting_date = meeting.date;
    if done_on.is_some_and(|day| day < meeting_date) {
        return Err(LiveError::DoneBeforeDecided { meeting_date });
    }
    let action = action_mut(item_mut(meeting, item)?, action)?;
    Ok(set_if_changed(&mut action.done_on, done_on))
}

/// Marks an action of this meeting done (or reopens it).
pub fn set_action_done(
    meeting: &mut Meeting,
    item: usize,
    action: usize,
    done_on: Option<NaiveDate>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    mark_done(meeting, item, action, done_on)
}

/// Marks done (or reopens) an action of an `earlier` meeting, during the review of open
/// actions of `current`. The earlier meeting may be closed: `done_on` is the one thing
/// written into a closed meeting. `current` must not be closed, and `earlier` must come
/// before it. The caller writes `earlier`'s file when this returns `Ok(true)`.
pub fn set_earlier_action_done(
    current: &Meeting,
    earlier: &mut Meeting,
    item: usize,
    action: usize,
    done_on: Option<NaiveDate>,
) -> Result<bool, LiveError> {
    ensure_editable(current)?;
    if earlier.id == current.id || earlier.chronological_key() >= current.chronological_key() {
        return Err(LiveError::NotEarlier {
            id: earlier.id.clone(),
        });
    }
    mark_done(earlier, item, action, done_on)
}
