//! Undo and redo: the states of the meetings before each edit.
//!
//! Each entry keeps a whole meeting as it was (meetings are small); typing in one text
//! field makes a single entry until the field is left ([`History::seal`]) or another
//! edit comes.

use crate::domain::Meeting;

/// The most entries kept; the oldest go first.
pub const HISTORY_LIMIT: usize = 500;

/// Which meeting an entry restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The meeting of the séance.
    This,
    /// An earlier meeting, by id.
    Other(String),
}

/// A text field being typed in: successive edits of the same field make one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Notes(usize),
    DecisionText(usize),
    Difficulties,
}

/// One state to go back (or forward) to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub target: Target,
    pub meeting: Meeting,
    /// Undone and redone together with the entry below it (one edit of two meetings).
    pub joined: bool,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// The field whose typing is grouped into the last undo entry.
    open: Option<Field>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        History::default()
    }

    /// Records the state `before` an edit of `target`. An edit of the field still being
    /// typed in adds no entry. Any new edit forgets what could be redone.
    pub fn record(&mut self, target: Target, before: Meeting, field: Option<Field>) {
        self.redo.clear();
        if field.is_some()
            && field == self.open
            && self.undo.last().is_some_and(|e| e.target == target)
        {
            return;
        }
        self.open = field;
        self.push(target, before, false);
    }

    /// Records the state `before` an edit of `target` that goes with the edit recorded just
    /// before it: one undo step restores both meetings.
    pub fn record_joined(&mut self, target: Target, before: Meeting) {
        self.redo.clear();
        self.open = None;
        self.push(target, before, true);
    }

    fn push(&mut self, target: Target, meeting: Meeting, joined: bool) {
        self.undo.push(Entry {
            target,
            meeting,
            joined,
        });
        if self.undo.len() > HISTORY_LIMIT {
            let extra = self.undo.len() - HISTORY_LIMIT;
            self.undo.drain(..extra);
        }
    }

    /// Ends the grouping of typed text: the next edit makes a new entry.
    pub fn seal(&mut self) {
        self.open = None;
    }

    /// Something can be undone.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Something can be redone.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The entry to undo, without taking it.
    pub fn peek_undo(&self) -> Option<&Entry> {
        self.undo.last()
    }

    /// The entry to redo, without taking it.
    pub fn peek_redo(&self) -> Option<&Entry> {
        self.redo.last()
    }

    /// Takes the entry to undo; `now` is the state it replaces, kept for redo (`joined`
    /// with the entry pushed there before it: the second and later entries of one step).
    pub fn undo(&mut self, now: Meeting, joined: bool) -> Option<Entry> {
        self.open = None;
        let entry = self.undo.pop()?;
        self.redo.push(Entry {
            target: entry.target.clone(),
            meeting: now,
            joined,
        });
        Some(entry)
    }

    /// Takes the entry to redo; `now` is the state it replaces, kept for undo (`joined` as
    /// for [`Self::undo`]).
    pub fn redo(&mut self, now: Meeting, joined: bool) -> Option<Entry> {
        self.open = None;
        let entry = self.redo.pop()?;
        self.undo.push(Entry {
            target: entry.target.clone(),
            meeting: now,
            joined,
        });
        Some(entry)
    }

    /// Forgets everything (after a reload from disk).
    pub fn clear(&mut self) {
        *self = History::default();
    }
}
