//! The live meeting (séance): pure edits of a [`Meeting`] while it is held.
//!
//! Every edit is a function of the meeting and the user's input, with no clock and no I/O:
//! it returns whether something changed (so the caller writes the file only then) or why it
//! was refused ([`LiveError`], rendered by `i18n::live`). A closed meeting refuses every edit.
//!
//! [`Seance`] puts the edits together with the current item, the timers and an undo/redo
//! history covering every edit, including `done_on` marks written into earlier meetings.

pub mod actions;
pub mod attendance;
pub mod carry;
pub mod decisions;
mod edits;
pub mod error;
pub mod followup;
pub mod history;
pub mod numbering;
pub mod others;
pub mod owned;
pub mod quorum;
pub mod reorder;
pub mod seance;
pub mod timers;

pub use actions::ActionInput;
pub use attendance::{AttendanceCounts, NewGuest, attendance_counts};
pub use decisions::{default_next_review, undecided_cases};
pub use error::{Change, LiveError};
pub use history::{Field, History, Target};
pub use others::Others;
pub use owned::Owned;
pub use quorum::{QuorumState, quorum_state};
pub use seance::{Live, Progress, Seance};
pub use timers::{Timer, item_timer, meeting_timer};

#[cfg(test)]
mod tests;

use super::{Item, Meeting, MeetingStatus};

/// Refuses edits of a closed meeting.
pub fn ensure_editable(meeting: &Meeting) -> Result<(), LiveError> {
    if meeting.status == MeetingStatus::Closed {
        Err(LiveError::Closed)
    } else {
        Ok(())
    }
}

/// Text as kept in the file: trimmed, `None` when nothing is left.
pub fn clean_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Sets an optional field, saying whether it changed.
fn set_if_changed<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// The item at `index`.
fn item_mut(meeting: &mut Meeting, index: usize) -> Result<&mut Item, LiveError> {
    meeting
        .items
        .get_mut(index)
        .ok_or(LiveError::NoSuchItem { index })
}
