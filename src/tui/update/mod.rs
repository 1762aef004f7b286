//! `update`: the only place the state changes. It returns effects (save, export, editor,
//! quit) as data; the runtime carries them out, so all of this is tested without a terminal.

use super::action::Action;
use super::app::*;
use super::export::{ExportRequest, MinutesLevel, ReportFormat, previous_month, shift_month};
use super::input::LineInput;
use super::keymap::Key;
use super::strings::{self, T};
use crate::domain::agenda::{DEFAULT_CASE_MINUTES, default_start, new_meeting, suggest};
use crate::domain::{AlertTarget, Case, Item, Meeting, MeetingStatus};
use ratatui::crossterm::event::KeyCode;

mod agenda;
mod dashboard;
mod export;
mod history;
mod meetings;
pub mod programme;
mod seance;
mod seance_attendance;
mod seance_edit;
mod situations;

use agenda::{agenda, picker_key, prompt_key};
use dashboard::{dashboard, open_agenda};
pub use dashboard::{follow, show_case};
use export::{export_menu_key, open_export_menu, preview_key, report_form_key};
use history::{change_meeting, redo, undo};
use meetings::{meetings, selected_meeting_id};
pub use seance::{
    leave_seance, meeting_reloaded, open_seance, save_conflict, seance_earlier, seance_flush,
    seance_locked, seance_tick, take_over_question,
};
use situations::{form_key, search_key, situations};

/// Work for the runtime: everything that touches files, the terminal or other programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this meeting's file (atomically), creating it if needed.
    SaveMeeting(Meeting),
    /// Remove a meeting file that this session created (undo of its creation).
    DeleteMeeting(String),
    /// Write a new case file.
    CreateCase(Case),
    /// Open the case's file in `$VISUAL`/`$EDITOR`, then validate it.
    EditCase(String),
    /// Put back the case file as it was before the editor (its edit was invalid).
    DiscardCaseEdit(String),
    /// Ask the exporters for the text of an export, to preview it.
    PreviewExport(ExportRequest),
    /// Write an export (and commit it in the data folder's git repository when asked).
    Export {
        request: ExportRequest,
        commit: bool,
    },
    /// Take the lock of a meeting for its séance (answer: `seance_locked`).
    LockMeeting(String),
    /// Take over a stale lock the user agreed to take (answer: `seance_locked`).
    TakeOverLock(String, crate::store::lock::LockInfo),
    /// Release the lock of a meeting whose séance was left.
    ReleaseMeeting(String),
    /// Read a meeting file again: the user chose the version on disk (answer: `meeting_reloaded`).
    ReloadMeeting(String),
    /// Write a meeting over a file changed on disk: the user chose to keep theirs.
    OverwriteMeeting(Meeting),
    /// Write the FIPD programme of its year (the file edited with the fewest changes).
    SaveProgramme(crate::domain::fipd::Programme),
    /// Leave the interface (everything is saved already).
    Quit,
}

/// Handles one key: text fields and pickers first, then the key map.
pub fn handle_key(app: &mut App, key: Key) -> Vec<Effect> {
    if key == Key::ctrl('c') {
        return update(app, Action::ForceQuit);
    }
    match app.overlays.last() {
        Some(Overlay::Prompt(_)) => return prompt_key(app, key),
        Some(Overlay::Picker(_)) => return picker_key(app, key),
        Some(Overlay::CaseForm(_)) => return form_key(app, key),
        Some(Overlay::ExportMenu { .. }) => return export_menu_key(app, key),
        Some(Overlay::ReportForm(_)) => return report_form_key(app, key),
        Some(Overlay::Preview { .. }) => return preview_key(app, key),
        Some(Overlay::EditFailed { id, .. }) => {
            let id = id.clone();
            return match key.code {
                KeyCode::Char('e') | KeyCode::Enter => {
                    app.overlays.pop();
                    vec![Effect::EditCase(id)]
                }
                KeyCode::Char('d') | KeyCode::Esc => {
                    app.overlays.pop();
                    vec![Effect::DiscardCaseEdit(id)]
                }
                _ => Vec::new(),
            };
        }
        _ => {}
    }
    if app.screen == Screen::Seance
        && app.overlays.is_empty()
        && let Some(effects) = seance::seance_key(app, key)
    {
        return effects;
    }
    if app.screen == Screen::Programme
        && app.overlays.is_empty()
        && let Some(effects) = programme::programme_key(app, key)
    {
        return effects;
    }
    if app.screen == Screen::Situations && app.situations.searching && app.overlays.is_empty() {
        return search_key(app, key);
    }
    match app.keymap.resolve(app.context(), key) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// A mouse click on a list row selects it.
pub fn click(app: &mut App, hit: super::screens::Hit) {
    use super::screens::Hit;
    match hit {
        Hit::Alert(i) => {
            app.dashboard.focus = DashPane::Alerts;
            app.dashboard.alert = i;
        }
        Hit::NextMeeting(i) => {
            app.dashboard.focus = DashPane::Meetings;
            app.dashboard.meeting = i;
        }
        Hit::Row(i) => match app.screen {
            Screen::Situations => {
                app.situations.selected = i;
                app.situations.detail_focus = false;
                app.situations.detail_scroll = 0;
            }
            Screen::Meetings => app.meetings.selected = i,
            Screen::Agenda => app.agenda.selected = i,
            Screen::Programme => app.programme.selected = i,
            Screen::Dashboard | Screen::Seance => {}
        },
    }
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = update_screen(app, action);
    // Leaving the séance screen (or the program) writes what was typed and releases the lock.
    if app.seance.is_some() && (app.screen != Screen::Seance || !app.running) {
        let mut left = leave_seance(app);
        left.append(&mut effects);
        effects = left;
    }
    effects
}

fn update_screen(app: &mut App, action: Action) -> Vec<Effect> {
    if action != Action::Help {
        // A new action replaces the last message, except when it writes one itself.
        app.message = None;
    }
    match action {
        Action::ForceQuit => {
            app.running = false;
            return vec![Effect::Quit];
        }
        Action::Undo | Action::Redo
            if app.screen == Screen::Seance && app.seance.is_some() && app.overlays.is_empty() =>
        {
            return seance::seance_history(app, action == Action::Undo);
        }
        Action::ToggleNames => {
            app.hide_names = !app.hide_names;
            let note = if app.hide_names {
                T::NamesHidden
            } else {
                T::NamesShown
            };
            app.info(note.get(app.lang));
            return Vec::new();
        }
        Action::Undo | Action::Redo
            if app.screen == Screen::Programme && app.overlays.is_empty() =>
        {
            return programme::history(app, action == Action::Undo);
        }
        Action::Undo => return undo(app),
        Action::Redo => return redo(app),
        _ => {}
    }
    match app.overlays.last_mut() {
        Some(Overlay::Help { scroll }) => {
            let rows =
                super::screens::help::help_lines(&app.keymap, app.screen.context(), app.lang)
                    .len()
                    .saturating_sub(1);
            match action {
                Action::Back | Action::Help | Action::Quit => {
                    app.overlays.pop();
                }
                Action::Down => *scroll = scroll.saturating_add(1).min(rows),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll = scroll.saturating_add(app.page).min(rows),
                Action::PageUp => *scroll = scroll.saturating_sub(app.page),
                Action::First => *scroll = 0,
                Action::Last => *scroll = rows,
                _ => {}
            }
            return Vec::new();
        }
        Some(Overlay::Problems { selected }) => {
            let len = app.problems.len();
            match action {
                Action::Back | Action::Quit | Action::Problems => {
                    app.overlays.pop();
                }
                Action::Help => app.overlays.push(Overlay::Help { scroll: 0 }),
                other => *selected = moved(*selected, len, other, app.page),
            }
            return Vec::new();
        }
        _ => {}
    }
    match action {
        Action::Help => {
            app.overlays.push(Overlay::Help { scroll: 0 });
            Vec::new()
        }
        Action::Quit | Action::Back => match app.screen.back() {
            Some(screen) => {
                app.screen = screen;
                Vec::new()
            }
            None if action == Action::Quit => {
                app.running = false;
                vec![Effect::Quit]
            }
            None => Vec::new(),
        },
        Action::Programme => {
            // This year's programme, or else the latest there is.
            let this_year = chrono::Datelike::year(&app.today);
            let year = match app.data.programme(this_year) {
                Some(_) => this_year,
                None => app.data.programmes.last().map_or(this_year, |p| p.year),
            };
            programme::open(app, year);
            Vec::new()
        }
        Action::Screen1 => go(app, Screen::Dashboard),
        Action::Screen2 => go(app, Screen::Situations),
        Action::Screen3 => go(app, Screen::Meetings),
        Action::Screen4 => go(app, Screen::Agenda),
        Action::Screen5 => match (&app.seance, app.agenda.meeting.clone()) {
            (None, Some(id)) => open_seance(app, &id),
            _ => go(app, Screen::Seance),
        },
        Action::StartSeance => match selected_meeting_id(app) {
            Some(id) => open_seance(app, &id),
            None => go(app, Screen::Seance),
        },
        _ => match app.screen {
            Screen::Dashboard => dashboard(app, action),
            Screen::Situations => situations(app, action),
            Screen::Meetings => meetings(app, action),
            Screen::Agenda => agenda(app, action),
            Screen::Seance => seance::seance(app, action),
            Screen::Programme => programme::programme(app, action),
        },
    }
}

fn go(app: &mut App, screen: Screen) -> Vec<Effect> {
    app.screen = screen;
    Vec::new()
}

/// A list selection moved by a movement action (other actions leave it).
fn moved(selected: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let next = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => selected.saturating_add(1),
        Action::First => 0,
        Action::Last => last,
        Action::PageUp => selected.saturating_sub(page.max(1)),
        Action::PageDown => selected.saturating_add(page.max(1)),
        _ => selected,
    };
    next.min(last)
}

/// Applies a key to a text field. Returns `false` when the key is not for text.
pub(super) fn edit_line(input: &mut LineInput, key: Key) -> bool {
    if key.ctrl && !key.alt {
        // The usual line-editing keys of a shell: Ctrl-u clears, Ctrl-a / Ctrl-e go to the ends.
        match key.code {
            KeyCode::Char('u') => *input = LineInput::new(""),
            KeyCode::Char('a') => input.home(),
            KeyCode::Char('e') => input.end(),
            _ => return false,
        }
        return true;
    }
    if key.alt {
        return false;
    }
    match key.code {
        KeyCode::Char(c) => input.insert(c),
        KeyCode::Backspace => input.backspace(),
        KeyCode::Delete => input.delete(),
        KeyCode::Left => input.left(),
        KeyCode::Right => input.right(),
        KeyCode::Home => input.home(),
        KeyCode::End => input.end(),
        _ => return false,
    }
    true
}

pub(super) fn cycle<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    all.get(next).copied().unwrap_or(current)
}
