//! The runtime: terminal set-up and restore, the event loop, and the effects.
//!
//! The terminal is restored on every way out: normal exit, error (a guard's `Drop`),
//! panic (a hook installed before the terminal is touched) and `Ctrl-c` (a key in raw mode).
//! The work on the files is done by a worker thread (`worker.rs`), the effects split into
//! that work and its answer (`effects.rs`); the clocks of the loop are in `clocks.rs`.

mod clocks;
mod effects;
mod worker;

pub use effects::apply_effects;

use super::app::App;
use super::hit::{HitMap, Pointer};
use super::keymap::{Key, KeyOverride};
use super::screens;
use super::strings::{self, T};
use super::update::{Effect, handle_key, mouse, paste};
use crate::domain::DeptData;
use crate::i18n::Lang;
use crate::workspace::{CaseEdit, Persist, WorkError};
use clocks::{Clocks, Retry};
use effects::{Done, Job, Work, answer};
use ratatui::Terminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::prelude::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use worker::Worker;

/// Why the interface could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// The terminal could not be set up or drawn to (not a terminal, closed...).
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    /// The key bindings of the config file are wrong (one message a line, in the language).
    #[error("{}", .0.join("\n"))]
    Keys(Vec<String>),
}

/// How to open the interface, from the command line and the config file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    /// The high-contrast theme (`NO_COLOR` wins over it).
    pub high_contrast: bool,
    /// The user's key bindings, merged over the defaults.
    pub keys: Vec<KeyOverride>,
    /// Persons' full names hidden on screen from the start (a projector).
    pub hide_names: bool,
    /// The date the interface takes as today (default: today in the département's time zone).
    pub today: Option<chrono::NaiveDate>,
}

/// Opens the interface over loaded data, until the user quits.
///
/// `problems` are the rendered lines of the files that failed to load. Today is the
/// date in the département's time zone.
pub fn run(
    data: DeptData,
    problems: Vec<String>,
    lang: Lang,
    mut persist: Box<dyn Persist + Send>,
) -> Result<(), TuiError> {
    let options = Options {
        lang,
        ..Options::default()
    };
    run_with(data, problems, &options, persist.as_mut())
}

/// Like [`run`], with the options of the config file. Wrong key bindings are reported
/// before the terminal is touched.
pub fn run_with(
    data: DeptData,
    problems: Vec<String>,
    options: &Options,
    persist: &mut (dyn Persist + Send),
) -> Result<(), TuiError> {
    let app = prepare(
        data,
        problems,
        options,
        std::env::var_os("NO_COLOR").as_deref(),
    )?;
    run_app(app, persist)
}

/// The app as the options make it: key map merged, theme chosen, today set.
pub fn prepare(
    data: DeptData,
    problems: Vec<String>,
    options: &Options,
    no_color: Option<&std::ffi::OsStr>,
) -> Result<App, TuiError> {
    let today = options.today.unwrap_or_else(|| {
        let tz = data.department.time_zone();
        chrono::Utc::now().with_timezone(&tz).date_naive()
    });
    let mut app = App::new(data, problems, options.lang, today);
    app.hide_names = options.hide_names;
    app.keymap
        .merge(&options.keys, options.lang)
        .map_err(TuiError::Keys)?;
    app.theme = super::Theme::new(super::ThemeKind::from_env(options.high_contrast, no_color));
    Ok(app)
}

/// Runs a prepared [`App`] (key map merged, theme chosen) until the user quits. The store
/// is worked on by a thread of its own, so it must be [`Send`].
pub fn run_app(mut app: App, persist: &mut (dyn Persist + Send)) -> Result<(), TuiError> {
    install_panic_hook();
    install_signal_handler();
    let mut guard = TerminalGuard::enter()?;
    let watching = persist.watching();
    let result = std::thread::scope(|scope| {
        let mut session = Session {
            guard: &mut guard,
            worker: worker::start(scope, persist),
            watching,
        };
        let result = event_loop(&mut app, &mut session);
        session.worker.close();
        result
    });
    guard.leave();
    // Ended by a signal once what was pending was written: the signal's exit status.
    let signal = STOP.load(Ordering::SeqCst);
    if signal != 0 {
        std::process::exit(128 + signal);
    }
    result
}

/// The signal that asked the event loop to stop (0: none).
static STOP: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);
/// The event loop wakes up by itself within a second (a séance running, text not yet
/// written): a signal lets it write what is pending before the program ends.
static WAKING: AtomicBool = AtomicBool::new(false);
/// How long a signal waits for the event loop to write what is pending.
const STOP_GRACE: Duration = Duration::from_millis(1500);

/// What the runtime holds while it works.
struct Session<'a> {
    guard: &'a mut TerminalGuard,
    worker: Worker,
    /// Files changed by someone else are watched: looked for every second.
    watching: bool,
}

/// How long quitting waits for the writes under way (a signal: [`STOP_GRACE`]).
const DRAIN: Duration = Duration::from_secs(10);

type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in raw mode on the alternate screen; restored when dropped.
struct TerminalGuard {
    terminal: Option<Term>,
}

impl TerminalGuard {
    fn enter() -> Result<TerminalGuard, TuiError> {
        let setup = || -> io::Result<Term> {
            ACTIVE.store(true, Ordering::SeqCst);
            enable_raw_mode()?;
            execute!(
                io::stdout(),
                EnterAlternateScreen,
                EnableMouseCapture,
                EnableBracketedPaste,
                Clear(ClearType::All)
            )?;
            // Not `Terminal::clear`: it asks the terminal for the cursor position, which
            // some terminals never answer.
            Terminal::new(CrosstermBackend::new(io::stdout()))
        };
        match setup() {
            Ok(terminal) => Ok(TerminalGuard {
                terminal: Some(terminal),
            }),
            Err(e) => {
                // A half-done set-up is undone before the error is reported.
                restore_terminal();
                Err(e.into())
            }
        }
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

/// The terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Held while drawing and while restoring: once restored (a panic of the worker), the
/// loop draws no more over what is printed.
static DRAWING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Puts the terminal back as the shell expects it. Only the first call after a set-up
/// acts: leaving the alternate screen twice would move the cursor back over what was
/// printed in between (a panic message, for instance).
pub fn restore_terminal() {
    let _drawing = DRAWING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
    }
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

/// SIGTERM, SIGHUP (the terminal was closed), SIGINT and SIGQUIT restore the terminal
/// and end the program; every change is saved already, except, during a séance, typed
/// text of the last second and time counted: then the event loop, which wakes up within a
/// second, is given the time to write them and release the lock before the program ends.
fn install_signal_handler() {
    #[cfg(unix)]
    {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            // Without the handler the default action still ends the program.
            if let Ok(mut signals) =
                signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
            {
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        if WAKING.load(Ordering::SeqCst) {
                            STOP.store(signal, Ordering::SeqCst);
                            std::thread::sleep(STOP_GRACE);
                        }
                        restore_terminal();
                        std::process::exit(128 + signal);
                    }
                });
            }
        });
    }
}

fn event_loop(app: &mut App, session: &mut Session<'_>) -> Result<(), TuiError> {
    // The rescue copies of an earlier session are asked about first.
    let job = Job::with(app, Work::FindRescued, false);
    session.worker.send(job);
    let result = run_events(app, session);
    // Whatever way the loop ended (quit, or the terminal gone), nothing typed is left
    // behind and the lock is released; the writes under way are waited for (a failed one
    // keeps its rescue copy).
    let effects = super::update::leave_seance(app);
    let _ = carry_out(app, session, effects);
    let grace = if STOP.load(Ordering::SeqCst) != 0 {
        STOP_GRACE
    } else {
        DRAIN
    };
    let deadline = Instant::now() + grace;
    while session.worker.in_flight > 0 && !session.worker.dead && Instant::now() < deadline {
        if let Some(done) = session.worker.next_until(deadline) {
            answer_then(app, session, done);
        }
    }
    result
}

fn run_events(app: &mut App, session: &mut Session<'_>) -> Result<(), TuiError> {
    let start = Instant::now();
    let mut clocks = Clocks {
        counted: None,
        last_key: start,
        typed_since: None,
        last_timer_save: start,
    };
    let mut retry = Retry::default();
    let mut last_look = start;
    while app.running && !session.worker.dead {
        // The outcomes of the work done meanwhile, before drawing.
        while let Some(done) = session.worker.try_next() {
            answer_then(app, session, done);
        }
        retry.arm(app, Instant::now());
        let Some(terminal) = session.guard.terminal.as_mut() else {
            break;
        };
        let mut hits = HitMap::default();
        let area = {
            let _drawing = DRAWING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !ACTIVE.load(Ordering::SeqCst) {
                break;
            }
            terminal.draw(|f| hits = screens::render_hits(app, f))?.area
        };
        app.page = usize::from(area.height.saturating_sub(8)).max(1);
        // Blocks until the next event, or until the next second of the séance's timers,
        // or until typed text is due to be written, or a failed write is tried again, or
        // (a frame) while work on the files is under way: never a busy loop.
        let now = Instant::now();
        // Files changed by someone else are looked for every second while watched.
        let mut timeout = super::watch::wait(clocks.timeout(app, now), session.watching);
        for wait in [
            retry.timeout(now),
            (session.worker.in_flight > 0).then_some(worker::FRAME),
        ]
        .into_iter()
        .flatten()
        {
            timeout = Some(timeout.map_or(wait, |t| t.min(wait)));
        }
        WAKING.store(timeout.is_some(), Ordering::SeqCst);
        let first = match timeout {
            None => Some(event::read()?),
            Some(wait) => {
                if event::poll(wait)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
        };
        // Every event already there is handled before the next drawing (a paste, keys typed
        // faster than the screen is drawn): none waits for the next key.
        let mut next = first;
        while let Some(event) = next {
            let effects = match event {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    clocks.last_key = Instant::now();
                    handle_key(app, Key::from_event(&key))
                }
                Event::Paste(text) => {
                    clocks.last_key = Instant::now();
                    paste(app, &text)
                }
                Event::Mouse(event) => {
                    let pointer = match event.kind {
                        MouseEventKind::ScrollDown => Some(Pointer::WheelDown),
                        MouseEventKind::ScrollUp => Some(Pointer::WheelUp),
                        MouseEventKind::Down(MouseButton::Left) => Some(Pointer::Click),
                        _ => None,
                    };
                    match pointer {
                        Some(p) => mouse(app, &hits, p, event.column, event.row),
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            };
            carry_out(app, session, effects)?;
            next = if app.running && event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
        let now = Instant::now();
        let mut effects = clocks.after(app, now);
        if retry.due(now, session.worker.in_flight > 0) {
            effects.push(Effect::RetryUnsaved);
        }
        if session.watching && now.duration_since(last_look) >= super::watch::LOOK_EVERY {
            last_look = now;
            let job = Job::with(app, Work::Look, false);
            session.worker.send(job);
        }
        carry_out(app, session, effects)?;
        if STOP.load(Ordering::SeqCst) != 0 {
            break;
        }
    }
    Ok(())
}

/// Sends the effects to the worker, in order; quitting, a retry and the editor are the
/// loop's own.
fn carry_out(
    app: &mut App,
    session: &mut Session<'_>,
    effects: Vec<Effect>,
) -> Result<(), TuiError> {
    for effect in effects {
        match effect {
            Effect::Quit => app.running = false,
            Effect::RetryUnsaved => {
                for write in app.unsaved.to_retry() {
                    let job = Job::new(app, write.into());
                    session.worker.send(job);
                }
            }
            Effect::EditCase(id) => edit_case(app, session, &id)?,
            Effect::EditFile { rel, line } => edit_file(app, session, &rel, line)?,
            Effect::DiscardCaseEdit(id) => {
                let done = call(app, session, Work::Effect(Effect::DiscardCaseEdit(id)));
                answer_then(app, session, done);
            }
            other => {
                let job = Job::new(app, other);
                session.worker.send(job);
            }
        }
    }
    Ok(())
}

/// Does `work` and waits for its outcome (the outcomes of the work sent before it are
/// answered meanwhile, in order).
fn call(app: &mut App, session: &mut Session<'_>, work: Work) -> Done {
    let data = matches!(work, Work::Recheck(_));
    let job = Job::with(app, work, data);
    session.worker.send(job);
    loop {
        let Some(done) = session
            .worker
            .next_until(Instant::now() + Duration::from_secs(3600))
        else {
            if session.worker.dead {
                return Done::Nothing;
            }
            continue;
        };
        if session.worker.in_flight == 0 {
            return done;
        }
        answer_then(app, session, done);
    }
}

/// Answers the outcome of a job; the writes that follow from it (a reopening, once the
/// séance's lock is ours) go to the worker after the others.
fn answer_then(app: &mut App, session: &mut Session<'_>, done: Done) {
    // Changed files told of: only now is the data copied for the worker to check them.
    if matches!(done, Done::ChangesPending(true)) {
        let job = Job::with(app, Work::ReadChanges, true);
        session.worker.send(job);
        return;
    }
    for effect in answer(app, done) {
        let job = Job::new(app, effect);
        session.worker.send(job);
    }
}

/// Opens the file of a problem in the user's editor at its line, the terminal handed over
/// meanwhile, then reads that file again alone and validates it.
fn edit_file(
    app: &mut App,
    session: &mut Session<'_>,
    rel: &str,
    line: usize,
) -> Result<(), TuiError> {
    let Done::DataFile(Some(path)) = call(app, session, Work::DataFile(rel.to_string())) else {
        return Ok(());
    };
    let lang = app.lang;
    let editor = super::editor::Editor::from_env();
    session.guard.leave();
    let status = editor.open_at(&path, line, lang);
    *session.guard = TerminalGuard::enter()?;
    match status {
        Ok(()) => {
            if let Done::DiskChanges(changes) = call(app, session, Work::Recheck(rel.to_string())) {
                super::watch::rechecked(app, rel, changes);
            }
        }
        Err(e) => app.error(format!("{}: {e}", crate::text::visible(&editor.program))),
    }
    Ok(())
}

/// Opens the case file in the user's editor, the terminal handed over meanwhile, then
/// reads it back. An invalid file is shown with the choice to edit again or discard.
fn edit_case(app: &mut App, session: &mut Session<'_>, id: &str) -> Result<(), TuiError> {
    let begun = match call(app, session, Work::BeginEdit(id.to_string())) {
        Done::EditBegun(result) => result,
        _ => Err(WorkError::Unavailable),
    };
    let path = match begun {
        Ok(Some(path)) => path,
        Ok(None) => {
            app.info(T::NoEditor.get(app.lang));
            return Ok(());
        }
        Err(e) => {
            app.error(strings::save_failed(&e.text(app.lang), app.lang));
            return Ok(());
        }
    };
    let editor = super::editor::Editor::from_env();
    let program = editor.program.clone();
    session.guard.leave();
    eprintln!("{}", editor.how_to_leave(app.lang));
    let status = std::process::Command::new(&program)
        .args(editor.args_at(None))
        .arg(&path)
        .status();
    *session.guard = TerminalGuard::enter()?;
    if let Err(e) = status {
        app.error(format!("{}: {e}", crate::text::visible(&program)));
        return Ok(());
    }
    let lang = app.lang;
    let finished = match call(app, session, Work::FinishEdit(id.to_string())) {
        Done::EditFinished(result) => result,
        _ => Err(WorkError::Unavailable),
    };
    match finished {
        Ok(CaseEdit::Unchanged) => app.info(T::NoChange.get(lang)),
        Ok(CaseEdit::Saved(case)) => {
            if app.case_edited(*case) {
                app.info(T::Saved.get(lang));
            } else {
                app.info(T::SavedHidden.get(lang));
            }
        }
        Err(WorkError::Invalid { problems, .. }) if !problems.is_empty() => {
            app.edit_failed(id, problems.iter().map(|p| p.render(lang)).collect());
        }
        Err(WorkError::Changed { .. }) => {
            app.edit_failed(id, vec![T::EditConflict.get(lang).to_string()]);
        }
        Err(e) => app.edit_failed(id, vec![e.text(lang)]),
    }
    Ok(())
}
