//! The runtime: terminal set-up and restore, the event loop, and the effects.
//!
//! The terminal is restored on every way out: normal exit, error (a guard's `Drop`),
//! panic (a hook installed before the terminal is touched) and `Ctrl-c` (a key in raw mode).

use super::app::App;
use super::keymap::Key;
use super::screens;
use super::strings::{self, T};
use super::update::{Effect, handle_key};
use crate::domain::{Case, DeptData, Meeting};
use crate::i18n::Lang;
use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::prelude::CrosstermBackend;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::Once;

/// What the interface needs from the store. Meetings are written at once on every change.
pub trait Persist {
    /// Writes a meeting's file atomically (creating it if new).
    fn save_meeting(&mut self, meeting: &Meeting) -> Result<(), String>;
    /// Removes the file of a meeting created in this session (undo of the creation).
    fn delete_meeting(&mut self, id: &str) -> Result<(), String>;
    /// Writes a new case file.
    fn create_case(&mut self, case: &Case) -> Result<(), String> {
        Err(format!("cannot create {}", case.id))
    }
    /// Exports the agenda of a meeting; returns the written path.
    fn export_agenda(&mut self, meeting: &Meeting, data: &DeptData) -> Result<PathBuf, String> {
        let _ = data;
        Err(format!("cannot export {}", meeting.id))
    }
    /// The file of a case, for `$EDITOR` (`None`: editing is not offered).
    fn case_path(&self, id: &str) -> Option<PathBuf> {
        let _ = id;
        None
    }
    /// Reads a case file back after editing: the case, or the problems (rendered lines).
    fn check_case(&mut self, id: &str) -> Result<Case, Vec<String>> {
        Err(vec![format!("cannot read {id}")])
    }
}

/// Why the interface could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// The terminal could not be set up or drawn to (not a terminal, closed...).
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}

/// Opens the interface over loaded data, until the user quits.
///
/// `problems` are the rendered lines of the files that failed to load. Today is the
/// date in the département's time zone.
pub fn run(
    data: DeptData,
    problems: Vec<String>,
    lang: Lang,
    mut persist: Box<dyn Persist>,
) -> Result<(), TuiError> {
    let tz = data.department.time_zone();
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let mut app = App::new(data, problems, lang, today);
    app.theme = super::Theme::new(super::ThemeKind::from_env(
        false,
        std::env::var_os("NO_COLOR").as_deref(),
    ));
    run_app(app, persist.as_mut())
}

/// Runs a prepared [`App`] (key map merged, theme chosen) until the user quits.
pub fn run_app(mut app: App, persist: &mut dyn Persist) -> Result<(), TuiError> {
    install_panic_hook();
    let mut guard = TerminalGuard::enter()?;
    let result = event_loop(&mut app, &mut guard, persist);
    guard.leave();
    result
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in raw mode on the alternate screen; restored when dropped.
struct TerminalGuard {
    terminal: Option<Term>,
}

impl TerminalGuard {
    fn enter() -> Result<TerminalGuard, TuiError> {
        let mut guard = TerminalGuard { terminal: None };
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen)?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        terminal.clear()?;
        guard.terminal = Some(terminal);
        Ok(guard)
    }

    fn leave(&mut self) {
        if self.terminal.take().is_some() {
            restore_terminal();
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        self.leave();
    }
}

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, cursor::Show);
}

/// A panic restores the terminal first, then prints as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
    });
}

fn event_loop(
    app: &mut App,
    guard: &mut TerminalGuard,
    persist: &mut dyn Persist,
) -> Result<(), TuiError> {
    while app.running {
        let Some(terminal) = guard.terminal.as_mut() else {
            break;
        };
        let frame = terminal.draw(|f| screens::render(app, f))?;
        app.page = usize::from(frame.area.height.saturating_sub(8)).max(1);
        // Blocks until the next event: no busy loop.
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let effects = handle_key(app, Key::from_event(&key));
                carry_out(app, guard, persist, effects)?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn carry_out(
    app: &mut App,
    guard: &mut TerminalGuard,
    persist: &mut dyn Persist,
    effects: Vec<Effect>,
) -> Result<(), TuiError> {
    for effect in effects {
        match effect {
            Effect::SaveMeeting(m) => {
                if let Err(e) = persist.save_meeting(&m) {
                    app.error(strings::save_failed(&e, app.lang));
                }
            }
            Effect::DeleteMeeting(id) => {
                if let Err(e) = persist.delete_meeting(&id) {
                    app.error(strings::save_failed(&e, app.lang));
                }
            }
            Effect::CreateCase(case) => match persist.create_case(&case) {
                Ok(()) => {
                    app.data.cases.push(case);
                    app.data.cases.sort_by(|a, b| a.id.cmp(&b.id));
                    app.refresh();
                    let text = T::Saved.get(app.lang);
                    app.info(text);
                }
                Err(e) => app.error(strings::save_failed(&e, app.lang)),
            },
            Effect::ExportAgenda(id) => {
                let Some(meeting) = app.data.meeting(&id).cloned() else {
                    continue;
                };
                match persist.export_agenda(&meeting, &app.data) {
                    Ok(path) => app.info(strings::written(&path.display().to_string(), app.lang)),
                    Err(e) => app.error(strings::save_failed(&e, app.lang)),
                }
            }
            Effect::EditCase(id) => edit_case(app, guard, persist, &id)?,
            Effect::Quit => app.running = false,
        }
    }
    Ok(())
}

/// Opens the case file in the user's editor, the terminal handed over meanwhile, then
/// reads it back. An invalid file is reported; the user edits again with `e`.
fn edit_case(
    app: &mut App,
    guard: &mut TerminalGuard,
    persist: &mut dyn Persist,
    id: &str,
) -> Result<(), TuiError> {
    let Some(path) = persist.case_path(id) else {
        let text = T::NoEditor.get(app.lang);
        app.info(text);
        return Ok(());
    };
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi").to_string();
    let args: Vec<String> = words.map(str::to_string).collect();
    guard.leave();
    let status = std::process::Command::new(&program)
        .args(&args)
        .arg(&path)
        .status();
    *guard = TerminalGuard::enter()?;
    if let Err(e) = status {
        app.error(format!("{program}: {e}"));
        return Ok(());
    }
    match persist.check_case(id) {
        Ok(case) => {
            if let Some(slot) = app.data.cases.iter_mut().find(|c| c.id == id) {
                *slot = case;
            }
            app.refresh();
            let text = T::Saved.get(app.lang);
            app.info(text);
        }
        Err(problems) => {
            let first = problems.first().cloned().unwrap_or_default();
            app.error(crate::text::visible(&first).into_owned());
            app.problems.extend(problems);
            app.refresh();
        }
    }
    Ok(())
}
