//! The mouse, with the zones the last drawing recorded ([`HitMap`]): a click on a tab opens
//! its screen, a click on a row selects it (a click on the row already selected does what
//! `Entrée` does there), a click on a pane gives it the keys, the wheel moves the selection
//! of the list under the pointer. Everything stays reachable with the keys.

use super::{Effect, handle_key, update};
use crate::tui::action::Action;
use crate::tui::app::{App, DashPane, Overlay, Screen};
use crate::tui::hit::{Hit, HitMap, List, Pane, Pointer};
use crate::tui::keymap::Key;
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
                Some(list) if list != List::SeanceItems => {
                    if let Some((current, len, _)) = selection(app, list) {
                        let next = if down {
                            current.saturating_add(1).min(len.saturating_sub(1))
                        } else {
                            current.saturating_sub(1)
                        };
                        select(app, list, next);
                    }
                    Vec::new()
                }
                _ => update(app, if down { Action::Down } else { Action::Up }),
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
    let again =
        selection(app, list).is_some_and(|(current, _, focused)| focused && current == index);
    if list == List::SeanceItems {
        return super::seance::go_to_item(app, index);
    }
    if again {
        return handle_key(app, Key::code(KeyCode::Enter));
    }
    select(app, list, index);
    Vec::new()
}

/// The row selected in a list, its length, and whether the list has the keys.
fn selection(app: &App, list: List) -> Option<(usize, usize, bool)> {
    let d = &app.dashboard;
    Some(match list {
        List::Alerts => (d.alert, app.alert_rows().len(), d.focus == DashPane::Alerts),
        List::NextMeetings => (
            d.meeting,
            app.upcoming_meetings().len(),
            d.focus == DashPane::Meetings,
        ),
        List::Cases => (
            app.situations.selected,
            app.visible_cases().len(),
            !app.situations.detail_focus,
        ),
        List::Meetings => (app.meetings.selected, app.body_meetings().len(), true),
        List::AgendaItems => (
            app.agenda.selected,
            app.agenda_meeting().map_or(0, |m| m.items.len()),
            app.agenda.details.invitees.is_none(),
        ),
        List::Invitees => {
            let len = app
                .agenda_meeting()
                .map_or(0, crate::tui::meeting_form::invitee_count);
            let row = app.agenda.details.invitees;
            (row.unwrap_or(0), len, row.is_some())
        }
        List::SeanceItems => {
            let st = app.seance.as_deref()?;
            (st.live.current(), st.meeting().items.len(), true)
        }
        List::SeanceFields => {
            let earlier = app.seance_earlier().len();
            let st = app.seance.as_deref()?;
            (st.field, st.fields(earlier).len(), true)
        }
        List::Attendance => {
            let st = app.seance.as_deref()?;
            let meeting = st.meeting();
            let len = meeting.attendance.len() + meeting.guests.len();
            (st.attendance.as_ref()?.selected, len, true)
        }
        List::Programme => (
            app.programme.selected,
            app.data
                .programme(app.programme.year)
                .map_or(0, |p| p.actions.len()),
            true,
        ),
        List::Overlay => match app.overlays.last() {
            Some(Overlay::Picker(p)) => {
                (p.selected, app.picker_matches(p.query.text()).len(), true)
            }
            Some(Overlay::Palette { query, selected }) => {
                let len = app
                    .keymap
                    .commands(app.screen.context(), app.lang, query.text())
                    .len();
                (*selected, len, true)
            }
            Some(Overlay::Problems { selected }) => (*selected, app.problems.len(), true),
            Some(Overlay::ExportMenu {
                requests, selected, ..
            }) => (*selected, requests.len(), true),
            Some(_) => return None,
            None => {
                let picker = app.agenda.details.member.as_ref()?;
                let meeting = app.agenda_meeting()?;
                let len = crate::tui::meeting_form::member_matches(
                    &app.data.department,
                    meeting,
                    picker.query.text(),
                )
                .len();
                (picker.selected, len, true)
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
                if let Some(picker) = app.agenda.details.member.as_mut() {
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
