//! The mouse, with the zones the last drawing recorded ([`HitMap`]): a click on a tab opens
//! its screen, a click on a row selects it (a click on the row already selected does what
//! `Entrée` does there), a click on a pane gives it the keys, the wheel moves the selection
//! of the list under the pointer. Everything stays reachable with the keys.

use super::{Effect, handle_key, update};
use crate::tui::action::Action;
use crate::tui::app::{App, DashPane, Overlay, Screen};
use crate::tui::hit::{Hit, HitMap, List, Pane, Pointer};
use crate::tui::keymap::Key;
use crate::tui::seance::Editing;
use ratatui::crossterm::event::KeyCode;

/// What the mouse did at `(x, y)`, as the keys would do it.
pub fn mouse(app: &mut App, hits: &HitMap, pointer: Pointer, x: u16, y: u16) -> Vec<Effect> {
    match pointer {
        Pointer::Click => match hits.at(x, y) {
            Some(Hit::Tab(i)) => match SCREENS.get(i) {
                Some(action) => update(app, *action),
                None => Vec::new(),
            },
            Some(Hit::Row(list, index)) => click_row(app, list, index),
            Some(Hit::Pane(pane)) => {
                focus(app, pane);
                Vec::new()
            }
            None => Vec::new(),
        },
        Pointer::WheelDown | Pointer::WheelUp => {
            let down = pointer == Pointer::WheelDown;
            match hits.list_at(x, y) {
                // The séance's agenda is not scrolled by the wheel: it is the item discussed.
                Some((list, len)) if list != List::SeanceItems => {
                    if let Some((current, _)) = selection(app, list) {
                        let next = if down {
                            current.saturating_add(1).min(len.saturating_sub(1))
                        } else {
                            current.saturating_sub(1)
                        };
                        select(app, list, next);
                    }
                    Vec::new()
                }
                _ => {
                    // Over a pane (the case's detail): the pane scrolls.
                    if let Some(Hit::Pane(pane)) = hits.at(x, y) {
                        focus(app, pane);
                    }
                    update(app, if down { Action::Down } else { Action::Up })
                }
            }
        }
    }
}

/// The actions of the tabs, in the order of `Screen::ALL`.
const SCREENS: [Action; 5] = [
    Action::Screen1,
    Action::Screen2,
    Action::Screen3,
    Action::Screen4,
    Action::Screen5,
];

fn click_row(app: &mut App, list: List, index: usize) -> Vec<Effect> {
    let again = selection(app, list).is_some_and(|(current, focused)| focused && current == index);
    if list == List::SeanceItems {
        return super::seance::go_to_item(app, index);
    }
    if again {
        return handle_key(app, Key::code(KeyCode::Enter));
    }
    select(app, list, index);
    Vec::new()
}

/// The row selected in a list, and whether the list has the keys.
fn selection(app: &App, list: List) -> Option<(usize, bool)> {
    let d = &app.dashboard;
    let seance = app.seance.as_deref();
    Some(match list {
        List::Alerts => (d.alert, d.focus == DashPane::Alerts),
        List::NextMeetings => (d.meeting, d.focus == DashPane::Meetings),
        List::Cases => (app.situations.selected, !app.situations.detail_focus),
        List::Meetings => (app.meetings.selected, true),
        List::AgendaItems => (app.agenda.selected, app.agenda.details.invitees.is_none()),
        List::Invitees => {
            let row = app.agenda.details.invitees;
            (row.unwrap_or(0), row.is_some())
        }
        List::SeanceItems => (seance?.live.current(), true),
        List::SeanceFields => (seance?.field, true),
        List::SeanceChoice => match seance?.editing.as_ref()? {
            Editing::DecisionKind { selected, .. }
            | Editing::ClosureReason { selected, .. }
            | Editing::Measure { selected, .. }
            | Editing::Approval { selected, .. } => (*selected, true),
            _ => return None,
        },
        List::Attendance => (seance?.attendance.as_ref()?.selected, true),
        List::Programme => (app.programme.selected, true),
        List::Overlay => match app.overlays.last() {
            Some(
                Overlay::Picker(crate::tui::app::Picker { selected, .. })
                | Overlay::Palette { selected, .. }
                | Overlay::Problems { selected }
                | Overlay::ExportMenu { selected, .. },
            ) => (*selected, true),
            Some(_) => return None,
            None => {
                let in_seance = seance
                    .and_then(|st| st.attendance.as_ref())
                    .and_then(|p| p.member.as_ref());
                match (in_seance, app.agenda.details.member.as_ref()) {
                    (Some(picker), _) => (picker.selected, true),
                    (None, Some(picker)) => (picker.selected, true),
                    (None, None) => return None,
                }
            }
        },
    })
}

/// Selects row `index` of a list and gives the list the keys.
fn select(app: &mut App, list: List, index: usize) {
    match list {
        List::Alerts => {
            app.dashboard.focus = DashPane::Alerts;
            app.dashboard.alert = index;
        }
        List::NextMeetings => {
            app.dashboard.focus = DashPane::Meetings;
            app.dashboard.meeting = index;
        }
        List::Cases => {
            let s = &mut app.situations;
            if s.selected != index {
                s.detail_scroll = 0;
            }
            s.selected = index;
            s.detail_focus = false;
        }
        List::Meetings => app.meetings.selected = index,
        List::AgendaItems => {
            app.agenda.selected = index;
            app.agenda.details.invitees = None;
        }
        List::Invitees => app.agenda.details.invitees = Some(index),
        List::SeanceItems => {}
        List::SeanceFields => {
            if let Some(st) = app.seance.as_mut() {
                st.field = index;
            }
        }
        List::SeanceChoice => {
            if let Some(
                Editing::DecisionKind { selected, .. }
                | Editing::ClosureReason { selected, .. }
                | Editing::Measure { selected, .. }
                | Editing::Approval { selected, .. },
            ) = app.seance.as_mut().and_then(|st| st.editing.as_mut())
            {
                *selected = index;
            }
        }
        List::Attendance => {
            if let Some(panel) = app.seance.as_mut().and_then(|st| st.attendance.as_mut()) {
                panel.selected = index;
            }
        }
        List::Programme => app.programme.selected = index,
        List::Overlay => match app.overlays.last_mut() {
            Some(Overlay::Picker(p)) => p.selected = index,
            Some(
                Overlay::Palette { selected, .. }
                | Overlay::Problems { selected }
                | Overlay::ExportMenu { selected, .. },
            ) => *selected = index,
            Some(_) => {}
            None => {
                let in_seance = app
                    .seance
                    .as_mut()
                    .and_then(|st| st.attendance.as_mut())
                    .and_then(|p| p.member.as_mut());
                if let Some(picker) = in_seance {
                    picker.selected = index;
                } else if let Some(picker) = app.agenda.details.member.as_mut() {
                    picker.selected = index;
                }
            }
        },
    }
}

/// Gives a pane the keys.
fn focus(app: &mut App, pane: Pane) {
    match pane {
        Pane::CaseDetail if app.screen == Screen::Situations => {
            app.situations.detail_focus = true;
        }
        Pane::AgendaItems => app.agenda.details.invitees = None,
        Pane::Invitees => {
            let count = app
                .agenda_meeting()
                .map_or(0, crate::tui::meeting_form::invitee_count);
            if count > 0 && app.agenda.details.invitees.is_none() {
                app.agenda.details.invitees = Some(0);
            }
        }
        Pane::CaseDetail => {}
    }
}
