//! `update`: the only place the state changes. It returns effects (save, export, editor,
//! quit) as data; the runtime carries them out, so all of this is tested without a terminal.

use super::action::Action;
use super::app::*;
use super::export::{ExportRequest, MinutesLevel, ReportFormat, previous_month, shift_month};
use super::input::LineInput;
use super::keymap::{Context, Key};
use super::strings::{self, T};
use crate::domain::agenda::{DEFAULT_CASE_MINUTES, default_start, new_meeting, suggest};
use crate::domain::{AlertTarget, Case, Item, Meeting, MeetingStatus};
use ratatui::crossterm::event::KeyCode;

mod agenda;
mod agenda_details;
mod case_form;
mod dashboard;
mod export;
mod history;
mod meetings;
mod mouse;
pub mod programme;
#[path = "../seance/update.rs"]
mod seance;
#[path = "../seance/update_agenda.rs"]
mod seance_agenda;
#[path = "../seance/update_attendance.rs"]
mod seance_attendance;
#[path = "../seance/update_editing.rs"]
mod seance_edit;
#[path = "../seance/update_followup.rs"]
mod seance_followup;
mod situations;
mod unsaved;

pub(super) use crate::tui::input::edit_line;
use agenda::{agenda, picker_key, prompt_key};
pub use case_form::{case_not_saved, case_saved};
use dashboard::{dashboard, open_agenda};
pub use dashboard::{follow, show_case};
use export::{export_menu_key, open_export_menu, preview_key, report_form_key};
use history::{change_meeting, redo, undo};
use meetings::{meetings, selected_meeting_id};
pub use mouse::mouse;
pub use seance::{
    leave_seance, meeting_reloaded, open_seance, resume_seance, save_conflict, seance_flush,
    seance_locked, seance_tick,
};
use situations::{search_key, situations};
pub use unsaved::{copy_written, rescued_found, restored, wrote};

/// Work for the runtime: everything that touches files, the terminal or other programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this meeting's file (atomically), creating it if needed.
    SaveMeeting(Meeting),
    /// Remove a meeting file that this session created (undo of its creation).
    DeleteMeeting(String),
    /// Write a new case file.
    CreateCase(Case),
    /// Write an edit of a case (its file keeps every line but those of the changed
    /// values; refused when changed on disk meanwhile).
    SaveCase(Case),
    /// Open the case's file in `$VISUAL`/`$EDITOR`, then validate it.
    EditCase(String),
    /// Put back the case file as it was before the editor (its edit was invalid).
    DiscardCaseEdit(String),
    /// Open a file of the data folder (`rel`, under the data root) in the editor at a
    /// line (a problem of the problems list), then validate it again.
    EditFile { rel: String, line: usize },
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
    /// Leave the interface (what could not be written is in its rescue copy).
    Quit,
    /// Try the writes that failed again, now.
    RetryUnsaved,
    /// Write what could not be written to a file the user named.
    WriteCopy(std::path::PathBuf),
    /// Write a rescue copy of an earlier session back (answer: `restored`).
    Restore {
        rescued: crate::workspace::Rescued,
        overwrite: bool,
    },
    /// Give up a rescue copy of an earlier session.
    DiscardRescue(crate::workspace::Rescued),
}

/// Handles one key. Every key goes through the key map, in the context of what has the
/// keys now (an overlay, a question, a panel, a field, else the screen); in a text field a
/// character typed is text, and the keys the map does not bind there edit the line.
pub fn handle_key(app: &mut App, key: Key) -> Vec<Effect> {
    let context = app.context();
    let action = app.keymap.resolve(context, key);
    if action == Some(Action::ForceQuit) && !(takes_text(context) && key.typed_char().is_some()) {
        return update(app, Action::ForceQuit);
    }
    // The help of a form, a list or a question: its own keys (`F1`).
    if action == Some(Action::Help)
        && !context.is_screen()
        && !matches!(context, Context::Help | Context::Palette)
        && text_action(key, action).is_some()
    {
        app.overlays.push(Overlay::help(context));
        return Vec::new();
    }
    if app.unsaved.question.is_some() {
        return unsaved::question_key(app, key, action);
    }
    match app.overlays.last() {
        Some(Overlay::Help { .. }) => return help_key(app, key, action),
        Some(Overlay::Palette { .. }) => return palette_key(app, key, action),
        Some(Overlay::Prompt(_)) => return prompt_key(app, key, action),
        Some(Overlay::Picker(_)) => return picker_key(app, key, action),
        Some(Overlay::CaseForm(_)) => return case_form::case_form_key(app, key),
        Some(Overlay::ExportMenu { .. }) => return export_menu_key(app, key, action),
        Some(Overlay::ReportForm(_)) => return report_form_key(app, key, action),
        Some(Overlay::Preview { .. }) => return preview_key(app, action),
        Some(Overlay::EditFailed { .. }) => return edit_failed_key(app, action),
        _ => {}
    }
    if app.screen == Screen::Seance
        && app.overlays.is_empty()
        && let Some(effects) = seance::seance_key(app, key, action)
    {
        return effects;
    }
    if app.screen == Screen::Programme
        && app.overlays.is_empty()
        && let Some(effects) = programme::programme_key(app, key)
    {
        return effects;
    }
    if app.screen == Screen::Agenda
        && app.overlays.is_empty()
        && let Some(effects) = agenda_details::details_key(app, key, action)
    {
        return effects;
    }
    if app.screen == Screen::Situations && app.situations.searching && app.overlays.is_empty() {
        return search_key(app, key, action);
    }
    if app.screen == Screen::Meetings && app.meetings.searching && app.overlays.is_empty() {
        return meetings::meetings_search_key(app, key, action);
    }
    if app.screen == Screen::Programme && app.programme.searching && app.overlays.is_empty() {
        return programme::programme_search_key(app, key, action);
    }
    match action {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// Pasted text (bracketed paste): one edit of the field being typed in, as if typed, the
/// line breaks kept in a text of several lines. Elsewhere it is ignored: pasted letters
/// never become commands.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    if app.overlays.is_empty() && app.screen == Screen::Seance && app.context() == Context::Text {
        return seance_edit::paste_text(app, text);
    }
    let searching = app.context() == Context::TextEntry
        && app.overlays.is_empty()
        && app.screen == Screen::Situations;
    if let Some(input) = focused_line(app) {
        input.insert_str(text);
        if searching {
            app.situations.selected = 0;
        }
    }
    Vec::new()
}

/// The one-line field being typed in, if any.
fn focused_line(app: &mut App) -> Option<&mut LineInput> {
    match app.overlays.last_mut() {
        Some(Overlay::Help { query, .. } | Overlay::Palette { query, .. }) => return Some(query),
        Some(Overlay::Prompt(p)) => return Some(&mut p.input),
        Some(Overlay::Picker(p)) => return Some(&mut p.query),
        Some(_) => return None,
        None => {}
    }
    if app.screen == Screen::Situations && app.situations.searching {
        return Some(&mut app.situations.search);
    }
    if app.screen == Screen::Meetings && app.meetings.searching {
        return Some(&mut app.meetings.search);
    }
    if app.screen == Screen::Programme && app.programme.searching {
        return Some(&mut app.programme.search);
    }
    if app.screen != Screen::Seance {
        return None;
    }
    let st = app.seance.as_deref_mut()?;
    if st.ask.is_some() {
        return None;
    }
    if let Some(panel) = st.attendance.as_mut() {
        if let Some(picker) = panel.member.as_mut() {
            return Some(&mut picker.query);
        }
        if let Some(form) = panel.guest.as_mut() {
            return Some(if form.field == 0 {
                &mut form.name
            } else {
                &mut form.organisation
            });
        }
        return panel.by.as_mut();
    }
    match st.editing.as_mut()? {
        super::seance::Editing::Date { input, .. } => Some(input),
        super::seance::Editing::Action(form) => match form.field {
            0 => Some(&mut form.text),
            2 => Some(&mut form.due),
            _ => None,
        },
        _ => None,
    }
}

/// The contexts with a text field, where a character typed is text.
fn takes_text(context: Context) -> bool {
    matches!(
        context,
        Context::Help
            | Context::Palette
            | Context::TextEntry
            | Context::Picker
            | Context::Form
            | Context::Text
    )
}

/// The action of a key in a state with a text field: `None` for a character typed (it is
/// text), else the action of the map.
pub(super) fn text_action(key: Key, action: Option<Action>) -> Option<Action> {
    if key.typed_char().is_some() {
        None
    } else {
        action
    }
}

/// The action of a key over a filter (help, palette): letters, digits and spaces filter;
/// another character does its action when the map binds it (`?` closes the help).
fn filter_action(key: Key, action: Option<Action>) -> Option<Action> {
    match key.typed_char() {
        Some(c) if c.is_alphanumeric() || c == ' ' || action.is_none() => None,
        _ => action,
    }
}

fn help_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    match filter_action(key, action) {
        Some(action) => update(app, action),
        None => {
            if let Some(Overlay::Help { scroll, query, .. }) = app.overlays.last_mut()
                && edit_line(query, key)
            {
                *scroll = 0;
            }
            Vec::new()
        }
    }
}

fn palette_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let commands = app.palette_commands(palette_query(app));
    let Some(Overlay::Palette { query, selected }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match filter_action(key, action) {
        Some(Action::Cancel) => {
            app.overlays.pop();
        }
        Some(Action::Accept) => {
            let chosen = commands.get(*selected).map(|c| c.action);
            app.overlays.pop();
            if let Some(action) = chosen {
                return update(app, action);
            }
        }
        Some(other) => *selected = moved(*selected, commands.len(), other, app.page),
        None => {
            if edit_line(query, key) {
                *selected = 0;
            }
        }
    }
    Vec::new()
}

/// What is typed in the palette.
fn palette_query(app: &App) -> &str {
    match app.overlays.last() {
        Some(Overlay::Palette { query, .. }) => query.text(),
        _ => "",
    }
}

/// An invalid edit of a case: edit again or discard, chosen with the arrows and `Entrée`;
/// `Échap` closes the question and keeps the copy (the next edit takes it up again).
fn edit_failed_key(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    let Some(Overlay::EditFailed { id, choice, .. }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let id = id.clone();
    match action {
        Some(Action::Up) => *choice = 0,
        Some(Action::Down) => *choice = 1,
        Some(Action::Accept) => {
            let discard = *choice == 1;
            app.overlays.pop();
            return vec![if discard {
                Effect::DiscardCaseEdit(id)
            } else {
                Effect::EditCase(id)
            }];
        }
        Some(Action::Cancel) => {
            app.overlays.pop();
        }
        _ => {}
    }
    Vec::new()
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if unsaved::ask_before_leaving(app, action) {
        return Vec::new();
    }
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
            let note = app
                .keymap
                .fill(app.screen.context(), note.get(app.lang), app.lang);
            app.info(note);
            return Vec::new();
        }
        Action::Undo | Action::Redo
            if app.screen == Screen::Programme && app.overlays.is_empty() =>
        {
            return programme::history(app, action == Action::Undo);
        }
        Action::Undo | Action::Redo
            if app.screen == Screen::Situations
                && app.overlays.is_empty()
                && !(if action == Action::Undo {
                    app.case_undo.is_empty()
                } else {
                    app.case_redo.is_empty()
                }) =>
        {
            return case_form::case_history(app, action == Action::Undo);
        }
        Action::Undo => return undo(app),
        Action::Redo => return redo(app),
        _ => {}
    }
    match app.overlays.last_mut() {
        Some(Overlay::Help {
            scroll,
            query,
            context,
        }) => {
            let rows = app
                .keymap
                .help_lines(*context, app.lang, query.text())
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
            let len = app.problems.len() + app.notices.len();
            match action {
                Action::Back | Action::Quit | Action::Problems => {
                    app.overlays.pop();
                }
                Action::Help => app.overlays.push(Overlay::help(app.screen.context())),
                Action::Open => {
                    let at = app
                        .problems
                        .iter()
                        .chain(&app.notices)
                        .nth(*selected)
                        .and_then(|p| problem_at(p));
                    if let Some((rel, line)) = at {
                        return vec![Effect::EditFile { rel, line }];
                    }
                }
                other => *selected = moved(*selected, len, other, app.page),
            }
            return Vec::new();
        }
        _ => {}
    }
    match action {
        Action::Help => {
            app.overlays.push(Overlay::help(app.screen.context()));
            Vec::new()
        }
        Action::Palette => {
            app.overlays.push(Overlay::Palette {
                query: LineInput::default(),
                selected: 0,
            });
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
/// The file and line of a problem line (`path:line:column: message`), as rendered by the
/// store; `None` for a line without a position.
pub fn problem_at(problem: &str) -> Option<(String, usize)> {
    let (head, _) = problem.split_once(": ")?;
    let mut parts = head.rsplitn(3, ':');
    let _column: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let rel = parts.next().filter(|r| !r.is_empty())?;
    Some((rel.to_string(), line))
}

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

/// What a key does in a list to choose from that filters as you type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Chosen {
    Cancel,
    /// The row chosen, as a place in the whole list (`None`: nothing is kept).
    Accept(Option<usize>),
    /// An action of the list's own (the export menu's format).
    Other(Action),
    /// Moved, typed, or nothing.
    Stay,
}

/// A key in a list filtered as you type (the decisions, the closure reasons, the measures,
/// the export menu): a character typed goes to the filter, the arrows, `Home`/`End` and the
/// pages move among the rows it keeps (`selected` is a place among them).
pub(super) fn filtered_key(
    query: &mut LineInput,
    selected: &mut usize,
    labels: &[String],
    key: Key,
    action: Option<Action>,
    page: usize,
) -> Chosen {
    let kept = crate::tui::fuzzy::keep(query.text(), labels);
    match text_action(key, action) {
        Some(Action::Cancel) => Chosen::Cancel,
        Some(Action::Accept) => Chosen::Accept(kept.get(*selected).copied()),
        Some(
            a @ (Action::Up
            | Action::Down
            | Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown),
        ) => {
            *selected = moved(*selected, kept.len(), a, page);
            Chosen::Stay
        }
        Some(other) => Chosen::Other(other),
        None => {
            if edit_line(query, key) {
                *selected = 0;
            }
            Chosen::Stay
        }
    }
}
