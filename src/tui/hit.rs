//! What a mouse click points at: found by the drawing (`screens::hit`, with the geometry
//! it draws with), acted on by `update::click`, so that neither imports the other.

/// What a mouse click at a cell points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An alert of the dashboard.
    Alert(usize),
    /// A meeting of the dashboard's next meetings.
    NextMeeting(usize),
    /// A row of the screen's list (cases, meetings or agenda items).
    Row(usize),
}
