//! Unsaved work: what a write's outcome changes, the question before leaving with writes
//! not done, and the question about the rescue copies of an earlier session.

use super::*;
use crate::tui::seance::S;
use crate::tui::unsaved::{Question, U, Write};
use crate::workspace::{Rescued, Restored, WorkError};
use std::path::PathBuf;

impl Effect {
    /// The write this effect is, if it is one (what a retry tries again).
    pub fn write(&self) -> Option<Write> {
        Some(match self {
            Effect::SaveMeeting(m) => Write::Meeting {
                meeting: m.clone(),
                overwrite: false,
            },
            Effect::OverwriteMeeting(m) => Write::Meeting {
                meeting: m.clone(),
                overwrite: true,
            },
            Effect::SaveProgramme(p) => Write::Programme(p.clone()),
            Effect::CreateCase(c) => Write::Case(c.clone()),
            Effect::SaveCase(c) => Write::CaseEdit(c.clone()),
            Effect::Export { request, commit } => Write::Export {
                request: request.clone(),
                commit: *commit,
            },
            _ => return None,
        })
    }
}

impl From<Write> for Effect {
    fn from(write: Write) -> Effect {
        match write {
            Write::Meeting {
                meeting,
                overwrite: false,
            } => Effect::SaveMeeting(meeting),
            Write::Meeting { meeting, .. } => Effect::OverwriteMeeting(meeting),
            Write::Programme(p) => Effect::SaveProgramme(p),
            Write::Case(c) => Effect::CreateCase(c),
            Write::CaseEdit(c) => Effect::SaveCase(c),
            Write::Export { request, commit } => Effect::Export { request, commit },
        }
    }
}

/// The runtime's answer to a write: `Ok` with the path of an export; `rescued`: a rescue
/// copy of a failed write is kept.
pub fn wrote(
    app: &mut App,
    write: Write,
    result: Result<Option<PathBuf>, WorkError>,
    rescued: bool,
) {
    let lang = app.lang;
    let key = write.key();
    match result {
        Ok(path) => {
            let was_pending = app.unsaved.is_pending(&key);
            app.unsaved.saved(&key);
            match write {
                Write::Meeting {
                    overwrite: true, ..
                } => app.info(S::Kept.get(lang)),
                Write::Case(case) => {
                    if app.case_edited(case) {
                        app.info(T::CaseCreated.get(lang));
                    } else {
                        app.info(T::CaseCreatedHidden.get(lang));
                    }
                }
                Write::Export { .. } => {
                    let path = path.unwrap_or_default();
                    app.export_written(&path.display().to_string());
                }
                _ if was_pending => app.info(U::Saved.get(lang)),
                _ => {}
            }
        }
        Err(e) => {
            let text = e.text(lang);
            let conflict = e.is_conflict();
            app.unsaved.failed(write.clone(), e, rescued);
            match write {
                Write::Meeting {
                    meeting,
                    overwrite: false,
                } if conflict => save_conflict(app, &meeting.id),
                Write::Programme(_) if conflict => app.error(strings::save_failed(
                    crate::tui::programme::CHANGED.get(lang),
                    lang,
                )),
                Write::Export { .. } => app.error(strings::export_failed(&text, lang)),
                _ => app.error(strings::save_failed(&text, lang)),
            }
        }
    }
}

/// Before leaving the séance or quitting with writes not done: the question, instead.
pub(super) fn ask_before_leaving(app: &mut App, action: Action) -> bool {
    if app.unsaved.pending.is_empty()
        || !app.overlays.is_empty()
        || !matches!(action, Action::Quit | Action::Back)
    {
        return false;
    }
    let quit = match app.screen.back() {
        None if action == Action::Quit => true,
        Some(_) if app.screen == Screen::Seance => {
            let Some(st) = app.seance.as_ref() else {
                return false;
            };
            let key = crate::workspace::WriteKey::Meeting(st.live.id().to_string());
            if !app.unsaved.is_pending(&key) {
                return false;
            }
            false
        }
        _ => return false,
    };
    app.unsaved.question = Some(Question::Leave { quit, choice: 0 });
    true
}

/// The keys of a question about unsaved work.
pub(super) fn question_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let Some(question) = app.unsaved.question.clone() else {
        return Vec::new();
    };
    match question {
        Question::Leave { quit, choice } => match action {
            Some(Action::Up) => set_choice(app, choice.saturating_sub(1)),
            Some(Action::Down) => set_choice(app, (choice + 1).min(2)),
            Some(Action::Accept) => match choice {
                0 => {
                    app.unsaved.question = None;
                    vec![Effect::RetryUnsaved]
                }
                1 => {
                    app.unsaved.question = Some(Question::CopyTo {
                        quit,
                        input: LineInput::default(),
                        error: None,
                    });
                    Vec::new()
                }
                _ => {
                    app.unsaved.question = None;
                    leave(app, quit)
                }
            },
            _ => Vec::new(),
        },
        Question::CopyTo { quit, .. } => match text_action(key, action) {
            Some(Action::Cancel) => {
                app.unsaved.question = Some(Question::Leave { quit, choice: 1 });
                Vec::new()
            }
            Some(Action::Accept) => {
                let Some(Question::CopyTo { input, error, .. }) = app.unsaved.question.as_mut()
                else {
                    return Vec::new();
                };
                let text = input.text().trim().to_string();
                if text.is_empty() {
                    *error = Some(U::CopyHint.get(app.lang).to_string());
                    return Vec::new();
                }
                app.unsaved.question = Some(Question::Leave { quit, choice: 2 });
                vec![Effect::WriteCopy(expand_home(&text))]
            }
            _ => {
                if let Some(Question::CopyTo { input, error, .. }) = app.unsaved.question.as_mut()
                    && edit_line(input, key)
                {
                    *error = None;
                }
                Vec::new()
            }
        },
        Question::Rescued { choice, conflict } => match action {
            Some(Action::Up) => set_choice(app, choice.saturating_sub(1)),
            Some(Action::Down) => set_choice(app, (choice + 1).min(2)),
            Some(Action::Accept) => {
                if app.unsaved.rescued.is_empty() {
                    app.unsaved.question = None;
                    return Vec::new();
                }
                let first = app.unsaved.rescued.remove(0);
                next_rescued(app);
                match choice {
                    0 => vec![Effect::Restore {
                        rescued: first,
                        overwrite: conflict,
                    }],
                    1 => vec![Effect::DiscardRescue(first)],
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        },
    }
}

fn set_choice(app: &mut App, to: usize) -> Vec<Effect> {
    if let Some(Question::Leave { choice, .. } | Question::Rescued { choice, .. }) =
        app.unsaved.question.as_mut()
    {
        *choice = to;
    }
    Vec::new()
}

/// Leaves as asked, the writes not done left to their rescue copies.
fn leave(app: &mut App, quit: bool) -> Vec<Effect> {
    if quit {
        app.running = false;
        let mut effects = leave_seance(app);
        effects.push(Effect::Quit);
        effects
    } else {
        app.screen = app.screen.back().unwrap_or(Screen::Meetings);
        leave_seance(app)
    }
}

/// `~/x` as the user's home folder's `x`.
fn expand_home(text: &str) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(text)
}

/// The question about the next rescue copy, if any is left.
fn next_rescued(app: &mut App) {
    app.unsaved.question = (!app.unsaved.rescued.is_empty()).then_some(Question::Rescued {
        choice: 0,
        conflict: false,
    });
}

/// The rescue copies an earlier session left: asked about one after the other.
pub fn rescued_found(app: &mut App, found: Vec<Rescued>) {
    if found.is_empty() {
        return;
    }
    app.unsaved.rescued = found;
    if app.unsaved.question.is_none() {
        next_rescued(app);
    }
}

/// The runtime's answer to [`Effect::Restore`].
pub fn restored(app: &mut App, rescued: Rescued, result: Result<Restored, WorkError>) {
    let lang = app.lang;
    match result {
        Ok(Restored::Meeting(m)) => {
            match app.data.meetings.iter_mut().find(|x| x.id == m.id) {
                Some(slot) => *slot = m,
                None => app.data.meetings.push(m),
            }
            app.refresh();
            app.info(U::Restored.get(lang));
        }
        Ok(Restored::Case(case)) => {
            app.case_edited(case);
            app.info(U::Restored.get(lang));
        }
        Ok(Restored::Programme(p)) => {
            match app.data.programmes.iter_mut().find(|x| x.year == p.year) {
                Some(slot) => *slot = p,
                None => app.data.programmes.push(p),
            }
            app.refresh();
            app.info(U::Restored.get(lang));
        }
        Ok(Restored::Export(path)) => app.export_written(&path.display().to_string()),
        Err(e) if e.is_conflict() => {
            // Asked again, saying that the file changed since.
            app.unsaved.rescued.insert(0, rescued);
            app.unsaved.question = Some(Question::Rescued {
                choice: 0,
                conflict: true,
            });
        }
        Err(e) => app.error(format!("{} : {}", U::RestoreFailed.get(lang), e.text(lang))),
    }
}

/// The runtime's answer to [`Effect::WriteCopy`].
pub fn copy_written(app: &mut App, path: &std::path::Path, result: Result<(), WorkError>) {
    let lang = app.lang;
    match result {
        Ok(()) => app.info(format!(
            "{} : {}",
            U::CopyWritten.get(lang),
            crate::text::visible(&path.display().to_string())
        )),
        Err(e) => app.error(format!("{} : {}", U::CopyFailed.get(lang), e.text(lang))),
    }
}
