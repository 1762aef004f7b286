//! What the mouse points at. The drawing records, as it draws, the zones it drew (a tab,
//! the visible rows of a list with the first row's index, a pane); `update::mouse` turns a
//! click or a turn of the wheel into actions with the zones of the last drawing. Neither
//! imports the other: the zones are data, here, below both.

use ratatui::layout::{Position, Rect};
use std::cell::RefCell;

/// A list the mouse can select a row of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// The dashboard's alerts and groups of alerts ([`crate::tui::app::App::alert_rows`]).
    Alerts,
    /// The dashboard's next meetings.
    NextMeetings,
    /// The cases of the Situations screen (index among the visible cases).
    Cases,
    /// The meetings of the Réunions screen.
    Meetings,
    /// The items of the agenda screen.
    AgendaItems,
    /// The invitees pane of the agenda screen.
    Invitees,
    /// The items of the séance's agenda.
    SeanceItems,
    /// The fields of the séance's current item.
    SeanceFields,
    /// A choice list of the séance (the decision, the closure reason, the care measure).
    SeanceChoice,
    /// The members of the séance's attendance panel.
    Attendance,
    /// The actions of the FIPD programme.
    Programme,
    /// The list of the overlay on top (a picker, the palette, the problems, the export menu).
    Overlay,
}

/// A pane the mouse can give the keys to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The case shown beside the Situations list.
    CaseDetail,
    /// The agenda's items on the agenda screen.
    AgendaItems,
    /// The invitees pane of the agenda screen.
    Invitees,
}

/// What a point of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The tab of a screen, by its index in `Screen::ALL`.
    Tab(usize),
    /// A row of a list, by its index in the whole list (scrolling counted).
    Row(List, usize),
    /// A pane.
    Pane(Pane),
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// The left button pressed.
    Click,
    /// The wheel turned towards the user (the list goes down).
    WheelDown,
    /// The wheel turned away from the user.
    WheelUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Tab(usize),
    /// The rows of a list: `first` is the index of the top row drawn, `len` the list's length.
    Rows {
        list: List,
        first: usize,
        len: usize,
    },
    /// One row of a list drawn over several lines, the list being `len` rows long.
    Row {
        list: List,
        index: usize,
        len: usize,
    },
    Pane(Pane),
}

/// The zones of one drawing, the last drawn on top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HitMap {
    zones: Vec<(Rect, Zone)>,
}

impl HitMap {
    /// What is at a cell: the zone drawn last that holds it.
    pub fn at(&self, x: u16, y: u16) -> Option<Hit> {
        let position = Position::new(x, y);
        self.zones
            .iter()
            .rev()
            .find(|(area, _)| area.contains(position))
            .and_then(|(area, zone)| match *zone {
                Zone::Tab(i) => Some(Hit::Tab(i)),
                Zone::Pane(p) => Some(Hit::Pane(p)),
                Zone::Row { list, index, .. } => Some(Hit::Row(list, index)),
                Zone::Rows { list, first, len } => {
                    let index = first + usize::from(y - area.y);
                    (index < len).then_some(Hit::Row(list, index))
                }
            })
    }

    /// The list under a cell and its length, for the wheel.
    pub fn list_at(&self, x: u16, y: u16) -> Option<(List, usize)> {
        let position = Position::new(x, y);
        self.zones
            .iter()
            .rev()
            .find(|(area, _)| area.contains(position))
            .and_then(|(_, zone)| match zone {
                Zone::Rows { list, len, .. } | Zone::Row { list, len, .. } => Some((*list, *len)),
                _ => None,
            })
    }

    /// Whether nothing can be clicked.
    pub fn is_empty(&self) -> bool {
        self.zones.is_empty()
    }
}

thread_local! {
    static RECORDING: RefCell<Option<HitMap>> = const { RefCell::new(None) };
}

/// Runs a drawing and gives the zones it recorded.
pub fn recorded(draw: impl FnOnce()) -> HitMap {
    RECORDING.with(|r| *r.borrow_mut() = Some(HitMap::default()));
    draw();
    RECORDING
        .with(|r| r.borrow_mut().take())
        .unwrap_or_default()
}

fn record(area: Rect, zone: Zone) {
    if area.is_empty() {
        return;
    }
    RECORDING.with(|r| {
        if let Some(map) = r.borrow_mut().as_mut() {
            map.zones.push((area, zone));
        }
    });
}

/// The drawing: a screen's tab.
pub fn tab(area: Rect, index: usize) {
    record(area, Zone::Tab(index));
}

/// The drawing: the rows of a list, one line each, from row `first` of `len`.
pub fn rows(area: Rect, list: List, first: usize, len: usize) {
    record(area, Zone::Rows { list, first, len });
}

/// The drawing: row `index` of a list of `len`, over the lines of `area`.
pub fn row(area: Rect, list: List, index: usize, len: usize) {
    record(area, Zone::Row { list, index, len });
}

/// The drawing: a pane.
pub fn pane(area: Rect, pane: Pane) {
    record(area, Zone::Pane(pane));
}

/// The drawing: an overlay is drawn; what was under it can no longer be clicked (a click
/// outside it does nothing).
pub fn overlay() {
    RECORDING.with(|r| {
        if let Some(map) = r.borrow_mut().as_mut() {
            map.zones.clear();
        }
    });
}
