//! Time spent per item and for the meeting, against the timeboxes.
//!
//! No clock here: the caller measures elapsed time and adds it.

use super::item_mut;
use super::{LiveError, ensure_editable};
use crate::domain::{Item, Meeting};

/// Time spent against a timebox, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Timer {
    pub spent_seconds: u64,
    /// `None` when no timebox was set.
    pub timebox_seconds: Option<u64>,
}

impl Timer {
    /// Seconds beyond the timebox (0 within it or without one).
    pub fn overrun_seconds(&self) -> u64 {
        self.timebox_seconds
            .map_or(0, |limit| self.spent_seconds.saturating_sub(limit))
    }

    /// Seconds left in the timebox (0 once over), `None` without one.
    pub fn remaining_seconds(&self) -> Option<u64> {
        self.timebox_seconds
            .map(|limit| limit.saturating_sub(self.spent_seconds))
    }

    /// Past the timebox.
    pub fn is_over(&self) -> bool {
        self.overrun_seconds() > 0
    }
}

/// The timer of one item.
pub fn item_timer(item: &Item) -> Timer {
    Timer {
        spent_seconds: item.spent_seconds.unwrap_or(0),
        timebox_seconds: item.minutes.map(|m| u64::from(m) * 60),
    }
}

/// The timer of the whole meeting: the time spent on the roll call and all items against the sum of the
/// timeboxes (`None` when no item has one).
pub fn meeting_timer(meeting: &Meeting) -> Timer {
    let items = meeting.items.iter().fold(0u64, |sum, i| {
        sum.saturating_add(i.spent_seconds.unwrap_or(0))
    });
    let spent_seconds = items.saturating_add(meeting.roll_call_seconds.unwrap_or(0));
    let has_timebox = meeting.items.iter().any(|i| i.minutes.is_some());
    let planned_seconds = meeting
        .items
        .iter()
        .filter_map(|i| i.minutes)
        .fold(0u64, |sum, m| sum.saturating_add(u64::from(m) * 60));
    Timer {
        spent_seconds,
        timebox_seconds: has_timebox.then_some(planned_seconds),
    }
}

/// Adds `seconds` to the time spent on an item. Adding nothing changes nothing.
pub fn add_spent(meeting: &mut Meeting, index: usize, seconds: u64) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let item = item_mut(meeting, index)?;
    if seconds == 0 {
        return Ok(false);
    }
    let spent = item.spent_seconds.unwrap_or(0).saturating_add(seconds);
    item.spent_seconds = Some(spent);
    Ok(true)
}
