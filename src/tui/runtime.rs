//! The runtime: terminal set-up and restore, the event loop, and the effects.
//!
//! The terminal is restored on every way out: normal exit, error (a guard's `Drop`),
//! panic (a hook installed before the terminal is touched) and `Ctrl-c` (a key in raw mode).

use super::action::Action;
use super::app::{App, Screen};
use super::keymap::{Key, KeyOverride};
use super::screens;
use super::strings::{self, T};
use super::update::{Effect, click, handle_key, paste, update};
use crate::domain::DeptData;
use crate::i18n::Lang;
use crate::workspace::{CaseEdit, Persist, WorkError};
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
    mut persist: Box<dyn Persist>,
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
    persist: &mut dyn Persist,
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

/// Runs a prepared [`App`] (key map merged, theme chosen) until the user quits.
pub fn run_app(mut app: App, persist: &mut dyn Persist) -> Result<(), TuiError> {
    install_panic_hook();
    install_signal_handler();
    let mut guard = TerminalGuard::enter()?;
    let mut session = Session {
        guard: &mut guard,
        persist,
    };
    let result = event_loop(&mut app, &mut session);
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
    persist: &'a mut dyn Persist,
}

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

/// Puts the terminal back as the shell expects it. Only the first call after a set-up
/// acts: leaving the alternate screen twice would move the cursor back over what was
/// printed in between (a panic message, for instance).
pub fn restore_terminal() {
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

/// How long typing must pause before typed text is written.
const TYPING_PAUSE: Duration = Duration::from_millis(600);
/// The longest typed text waits to be written while typing goes on without a pause.
const TYPING_MAX_WAIT: Duration = Duration::from_millis(900);
/// How often the time counted by the séance's timers is written when nothing else is.
const TIMER_SAVE_EVERY: Duration = Duration::from_secs(10);

/// The clocks of the event loop: when the timers last counted, when a key came.
struct Clocks {
    /// The instant up to which time was counted on the séance's current item.
    counted: Option<Instant>,
    last_key: Instant,
    /// Since when the séance holds typed text not written yet.
    typed_since: Option<Instant>,
    last_timer_save: Instant,
}

impl Clocks {
    /// How long to wait for an event: until the next whole second while the séance of a
    /// held meeting is shown, until typed text is due to be written, else forever (`None`).
    fn timeout(&mut self, app: &App, now: Instant) -> Option<Duration> {
        // The help or an export menu over the séance does not stop the clock.
        let ticking =
            app.screen == Screen::Seance && app.seance.as_ref().is_some_and(|s| s.ticking());
        let mut wait: Option<Duration> = None;
        if ticking {
            let counted = *self.counted.get_or_insert(now);
            let next = counted + Duration::from_secs(1);
            wait = Some(next.saturating_duration_since(now));
        } else {
            self.counted = None;
        }
        if let Some(st) = app.seance.as_ref().filter(|st| st.typed) {
            let since = *self.typed_since.get_or_insert(now);
            let paused = self.last_key + TYPING_PAUSE;
            // A refused save asks its question only once typing pauses (no max wait).
            let due = if st.conflict.is_some() {
                paused
            } else {
                paused.min(since + TYPING_MAX_WAIT)
            }
            .saturating_duration_since(now);
            wait = Some(wait.map_or(due, |w| w.min(due)));
        } else {
            self.typed_since = None;
        }
        wait
    }

    /// Counts the whole seconds elapsed on the séance and writes what is due.
    fn after(&mut self, app: &mut App, now: Instant) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(counted) = self.counted {
            let seconds = now.saturating_duration_since(counted).as_secs();
            if seconds > 0 {
                self.counted = Some(counted + Duration::from_secs(seconds));
                super::update::seance_tick(app, seconds);
            }
        }
        if let Some(st) = app.seance.as_mut() {
            let tz = app.data.department.time_zone();
            st.clock = Some(chrono::Utc::now().with_timezone(&tz).time());
            if st.typed && self.typed_since.is_none() {
                self.typed_since = Some(now);
            }
            // Written when typing pauses, and at the latest `TYPING_MAX_WAIT` after the
            // first key not yet written, even while typing goes on.
            // A refused save (`conflict`) waits for a pause: its question never comes up in
            // the middle of typing.
            let typed_due = st.typed
                && (now.saturating_duration_since(self.last_key) >= TYPING_PAUSE
                    || (st.conflict.is_none()
                        && self.typed_since.is_some_and(|since| {
                            now.saturating_duration_since(since) >= TYPING_MAX_WAIT
                        })));
            let timer_due =
                st.timed && now.saturating_duration_since(self.last_timer_save) >= TIMER_SAVE_EVERY;
            if typed_due || (timer_due && !st.typed) {
                self.last_timer_save = now;
                self.typed_since = None;
                effects = super::update::seance_flush(app);
            }
        }
        effects
    }
}

fn event_loop(app: &mut App, session: &mut Session<'_>) -> Result<(), TuiError> {
    let result = run_events(app, session);
    // Whatever way the loop ended (quit, or the terminal gone), nothing typed is left
    // behind and the lock is released.
    let effects = super::update::leave_seance(app);
    apply_effects(app, session.persist, effects);
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
    let mut area = ratatui::layout::Rect::default();
    // Woken only to look at the files and none changed: nothing to draw again.
    let mut redraw = true;
    while app.running {
        let Some(terminal) = session.guard.terminal.as_mut() else {
            break;
        };
        if redraw {
            area = terminal.draw(|f| screens::render(app, f))?.area;
            app.page = usize::from(area.height.saturating_sub(8)).max(1);
        }
        // Blocks until the next event, or until the next second of the séance's timers,
        // or until typed text is due to be written: never a busy loop.
        let timed = clocks.timeout(app, Instant::now());
        // Files changed by someone else are looked for every second while watched.
        let timeout = super::watch::wait(timed, session.persist.watching());
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
        redraw = first.is_some() || timed.is_some();
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
                Event::Mouse(mouse) => match mouse.kind {
                    MouseEventKind::ScrollDown => update(app, Action::Down),
                    MouseEventKind::ScrollUp => update(app, Action::Up),
                    MouseEventKind::Down(MouseButton::Left) => {
                        if let Some(hit) = screens::hit(app, area, mouse.column, mouse.row) {
                            click(app, hit);
                        }
                        Vec::new()
                    }
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            carry_out(app, session, effects)?;
            next = if app.running && event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
        redraw |= super::watch::look(app, session.persist);
        let mut effects = Vec::new();
        effects.extend(clocks.after(app, Instant::now()));
        carry_out(app, session, effects)?;
        if STOP.load(Ordering::SeqCst) != 0 {
            break;
        }
    }
    Ok(())
}

/// Carries out the effects that need only the store (all but the editor's), in order, and
/// returns the others. Public so that the séance's round trips (lock, conflict, reload) are
/// tested without a terminal.
pub fn apply_effects(
    app: &mut App,
    persist: &mut dyn Persist,
    effects: Vec<Effect>,
) -> Vec<Effect> {
    let lang = app.lang;
    let mut rest = Vec::new();
    for effect in effects {
        match effect {
            Effect::SaveMeeting(m) => match persist.save_meeting_checked(&m) {
                Ok(()) => {}
                Err(e) if e.is_conflict() => super::update::save_conflict(app, &m.id),
                Err(e) => app.error(strings::save_failed(&e.text(lang), lang)),
            },
            Effect::SaveProgramme(p) => match persist.save_programme(&p) {
                Ok(()) => {}
                Err(e) if e.is_conflict() => app.error(strings::save_failed(
                    crate::tui::programme::CHANGED.get(lang),
                    lang,
                )),
                Err(e) => app.error(strings::save_failed(&e.text(lang), lang)),
            },
            Effect::OverwriteMeeting(m) => match persist.overwrite_meeting(&m) {
                Ok(()) => app.info(super::seance::S::Kept.get(lang)),
                Err(e) => app.error(strings::save_failed(&e.text(lang), lang)),
            },
            Effect::ReloadMeeting(id) => match persist.reload_meeting(&id, &app.data) {
                Ok(m) => super::update::meeting_reloaded(app, m),
                Err(e) => app.error(strings::save_failed(&e.text(lang), lang)),
            },
            Effect::LockMeeting(id) => {
                let outcome = persist.lock_meeting(&id);
                super::update::seance_locked(app, outcome);
            }
            Effect::TakeOverLock(id, seen) => {
                let outcome = persist.take_over_lock(&id, &seen);
                super::update::seance_locked(app, outcome);
            }
            Effect::ReleaseMeeting(id) => persist.release_meeting(&id),
            Effect::DeleteMeeting(id) => {
                if let Err(e) = persist.delete_meeting(&id) {
                    app.error(strings::save_failed(&e.text(lang), lang));
                }
            }
            Effect::CreateCase(case) => match persist.create_case(&case) {
                Ok(()) => {
                    if app.case_edited(case) {
                        app.info(T::CaseCreated.get(lang));
                    } else {
                        app.info(T::CaseCreatedHidden.get(lang));
                    }
                }
                Err(e) => app.error(strings::save_failed(&e.text(lang), lang)),
            },
            Effect::Export { request, commit } => {
                match persist.export(&request, &app.data, lang, commit) {
                    Ok(path) => app.export_written(&path.display().to_string()),
                    Err(e) => app.error(strings::export_failed(&e.text(lang), lang)),
                }
            }
            Effect::Quit => app.running = false,
            other
            @ (Effect::EditCase(_) | Effect::DiscardCaseEdit(_) | Effect::EditFile { .. }) => {
                rest.push(other)
            }
        }
    }
    rest
}

fn carry_out(
    app: &mut App,
    session: &mut Session<'_>,
    effects: Vec<Effect>,
) -> Result<(), TuiError> {
    let lang = app.lang;
    for effect in apply_effects(app, session.persist, effects) {
        match effect {
            Effect::EditCase(id) => edit_case(app, session, &id)?,
            Effect::EditFile { rel, line } => {
                let Some(path) = session.persist.data_file(&rel) else {
                    continue;
                };
                let editor = super::editor::Editor::from_env();
                session.guard.leave();
                let status = editor.open_at(&path, line, lang);
                *session.guard = TerminalGuard::enter()?;
                match status {
                    Ok(()) => super::watch::rechecked(app, session.persist, &rel),
                    Err(e) => app.error(format!("{}: {e}", crate::text::visible(&editor.program))),
                }
            }
            Effect::DiscardCaseEdit(id) => match session.persist.discard_case_edit(&id) {
                Ok(()) => app.info(T::EditDiscarded.get(lang)),
                Err(e) => app.error(strings::save_failed(&e.text(lang), lang)),
            },
            _ => {}
        }
    }
    Ok(())
}

/// Opens the case file in the user's editor, the terminal handed over meanwhile, then
/// reads it back. An invalid file is shown with the choice to edit again or discard.
fn edit_case(app: &mut App, session: &mut Session<'_>, id: &str) -> Result<(), TuiError> {
    let path = match session.persist.begin_case_edit(id) {
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
    match session.persist.finish_case_edit(id) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{day, meeting};
    use crate::domain::{Body, Department, DeptData, Item, MeetingStatus};
    use crate::workspace::LockOutcome;

    fn app(status: MeetingStatus) -> App {
        let mut m = meeting("2026-11-30-cpraf", "cpraf", "2026-11-30", status);
        m.items = vec![Item::topic("Ouverture", Some(5))];
        let department = Department {
            code: "49".into(),
            name: "Maine-et-Loire".into(),
            authority: None,
            timezone: None,
            marking: None,
            members: Vec::new(),
            bodies: vec![Body {
                id: "cpraf".into(),
                name: "CPRAF".into(),
                short: None,
                chair: "dircab".into(),
                every_days: 28,
                review_every_days: None,
                members: Vec::new(),
            }],
        };
        let data = DeptData {
            department,
            cases: Vec::new(),
            meetings: vec![m],
            programmes: Vec::new(),
        };
        App::new(data, Vec::new(), Lang::Fr, day("2026-11-30"))
    }

    fn clocks(now: Instant) -> Clocks {
        Clocks {
            counted: None,
            last_key: now,
            typed_since: None,
            last_timer_save: now,
        }
    }

    fn open(app: &mut App) {
        let effects = super::super::update::open_seance(app, "2026-11-30-cpraf");
        assert!(effects.contains(&Effect::LockMeeting("2026-11-30-cpraf".into())));
        super::super::update::seance_locked(app, Ok(LockOutcome::Acquired));
    }

    #[test]
    fn the_loop_blocks_unless_a_held_seance_is_shown() {
        let now = Instant::now();
        let mut app = app(MeetingStatus::Held);
        let mut c = clocks(now);
        assert_eq!(c.timeout(&app, now), None, "dashboard: blocking read");
        open(&mut app);
        let wait = c.timeout(&app, now).expect("a held séance wakes up");
        assert!(wait <= Duration::from_secs(1));
        // Two and a half seconds later: two whole seconds counted, the rest kept.
        let effects = c.after(&mut app, now + Duration::from_millis(2500));
        assert!(
            effects.is_empty(),
            "time alone is written every few seconds"
        );
        let spent = |app: &App| app.seance.as_ref().unwrap().meeting().items[0].spent_seconds;
        assert_eq!(spent(&app), Some(2));
        assert_eq!(
            c.timeout(&app, now + Duration::from_millis(2500)),
            Some(Duration::from_millis(500))
        );
        // Written once the interval has passed.
        let effects = c.after(
            &mut app,
            now + TIMER_SAVE_EVERY + Duration::from_millis(100),
        );
        assert!(
            matches!(&effects[..], [Effect::SaveMeeting(m)] if m.items[0].spent_seconds.is_some())
        );
        // Another screen: blocking again.
        app.screen = Screen::Meetings;
        assert_eq!(c.timeout(&app, now), None);
    }

    #[test]
    fn a_convened_or_closed_meeting_does_not_tick() {
        for status in [MeetingStatus::Convened, MeetingStatus::Closed] {
            let now = Instant::now();
            let mut app = app(status);
            let _ = super::super::update::open_seance(&mut app, "2026-11-30-cpraf");
            super::super::update::seance_locked(&mut app, Ok(LockOutcome::Acquired));
            assert_eq!(clocks(now).timeout(&app, now), None, "{status:?}");
        }
    }

    #[test]
    fn typed_text_is_written_after_a_pause_or_at_the_latest_after_the_max_wait() {
        let t0 = Instant::now();
        let mut app = app(MeetingStatus::Convened);
        open(&mut app);
        let mut c = clocks(t0);
        // A pause: written 0.6 s after the last key.
        app.seance.as_mut().unwrap().typed = true;
        c.last_key = t0;
        assert!(c.after(&mut app, t0).is_empty());
        assert!(c.timeout(&app, t0).is_some_and(|w| w <= TYPING_PAUSE));
        assert!(
            c.after(&mut app, t0 + Duration::from_millis(300))
                .is_empty()
        );
        let effects = c.after(&mut app, t0 + TYPING_PAUSE);
        assert!(matches!(&effects[..], [Effect::SaveMeeting(_)]));
        assert!(!app.seance.as_ref().unwrap().typed);
        // Typing without a pause: written anyway after the max wait.
        let t1 = t0 + Duration::from_secs(5);
        app.seance.as_mut().unwrap().typed = true;
        let mut written = None;
        for n in 0..20u64 {
            let at = t1 + Duration::from_millis(100 * n);
            c.last_key = at;
            let _ = c.timeout(&app, at);
            if !c.after(&mut app, at).is_empty() {
                written = Some(n);
                break;
            }
        }
        assert_eq!(
            written,
            Some(9),
            "written 0.9 s after the first key not written"
        );
    }

    #[test]
    fn a_refused_save_asks_only_once_typing_pauses() {
        use crate::tui::seance::Ask;
        let t0 = Instant::now();
        let mut app = app(MeetingStatus::Held);
        open(&mut app);
        let id = "2026-11-30-cpraf".to_string();
        {
            let st = app.seance.as_mut().unwrap();
            st.ask = None;
            st.editing = Some(crate::tui::seance::Editing::Date {
                field: crate::tui::seance::Field::NextMeeting,
                input: crate::tui::input::LineInput::default(),
                error: None,
            });
        }
        super::super::update::save_conflict(&mut app, &id);
        let mut c = clocks(t0);
        // Two seconds of typing without a pause: no question, nothing written.
        for n in 0..20u64 {
            let at = t0 + Duration::from_millis(100 * n);
            c.last_key = at;
            let _ = c.timeout(&app, at);
            assert!(c.after(&mut app, at).is_empty());
            assert_eq!(app.seance.as_ref().unwrap().ask, None, "at {n}");
        }
        // The pause: the question comes up, nothing is written.
        let at = t0 + Duration::from_millis(1900) + TYPING_PAUSE;
        assert!(c.after(&mut app, at).is_empty());
        assert_eq!(app.seance.as_ref().unwrap().ask, Some(Ask::Conflict { id }));
    }
}
