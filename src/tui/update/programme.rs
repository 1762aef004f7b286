//! The FIPD programme screen: the actions, their form, saving at once, undo.

use super::*;
use crate::domain::fipd::{Category, FundAction, Programme};
use crate::tui::form::Outcome;
use crate::tui::programme::{action_form, apply_form};

/// Opens the programme of `year`.
pub fn open(app: &mut App, year: i32) {
    if app.programme.year != year {
        app.programme.selected = 0;
    }
    app.programme.year = year;
    app.programme.form = None;
    app.screen = Screen::Programme;
}

fn current(app: &App) -> Option<&Programme> {
    app.data.programme(app.programme.year)
}

/// A key while the form is open (every key is the form's).
pub fn programme_key(app: &mut App, key: Key) -> Option<Vec<Effect>> {
    let (index, form) = app.programme.form.as_mut()?;
    let index = *index;
    match form.key(&app.keymap, key) {
        Outcome::Editing | Outcome::Confirmed(_) => Some(Vec::new()),
        Outcome::Cancelled => {
            app.programme.form = None;
            Some(Vec::new())
        }
        Outcome::Submitted => {
            let form = app.programme.form.take().map(|(_, f)| f)?;
            let year = app.programme.year;
            let mut p = current(app)
                .cloned()
                .unwrap_or_else(|| Programme::empty(year));
            match index {
                Some(i) => {
                    let a = p.actions.get(i)?.clone();
                    p.actions[i] = apply_form(&form, &a);
                }
                None => {
                    let blank = FundAction::requested(p.free_id(), "", Category::MentalHealth);
                    p.actions.push(apply_form(&form, &blank));
                    // The new action is shown: the search is let go.
                    app.programme.search = LineInput::default();
                    app.programme.selected = p.actions.len() - 1;
                }
            }
            Some(change(app, p))
        }
    }
}

/// Replaces the programme of its year, keeps the former one to undo, saves at once.
fn change(app: &mut App, p: Programme) -> Vec<Effect> {
    let before = current(app).cloned();
    if before.as_ref() == Some(&p) {
        return Vec::new();
    }
    put(app, p.year, Some(p.clone()));
    app.programme.undo.push(before);
    app.programme.redo.clear();
    vec![Effect::SaveProgramme(p)]
}

fn put(app: &mut App, year: i32, p: Option<Programme>) {
    app.data.programmes.retain(|q| q.year != year);
    if let Some(p) = p {
        app.data.programmes.push(p);
        app.data.programmes.sort_by_key(|q| q.year);
    }
    let len = app.programme_rows().len();
    app.programme.selected = app.programme.selected.min(len.saturating_sub(1));
    app.refresh();
}

/// Undo (or redo) on the programme screen: the programme as it was, saved again.
pub fn history(app: &mut App, undo: bool) -> Vec<Effect> {
    let year = app.programme.year;
    let taken = if undo {
        app.programme.undo.pop()
    } else {
        app.programme.redo.pop()
    };
    let Some(target) = taken else {
        let t = if undo {
            T::NothingToUndo
        } else {
            T::NothingToRedo
        };
        app.info(t.get(app.lang));
        return Vec::new();
    };
    let now = current(app).cloned();
    if undo {
        app.programme.redo.push(now);
    } else {
        app.programme.undo.push(now);
    }
    let t = if undo { T::Undone } else { T::Redone };
    app.info(t.get(app.lang));
    // A programme that did not exist comes back empty (its file stays).
    let p = target.unwrap_or_else(|| Programme::empty(year));
    put(app, year, Some(p.clone()));
    vec![Effect::SaveProgramme(p)]
}

/// The actions of the programme screen.
pub fn programme(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = app.programme_rows();
    let len = rows.len();
    // The place in the programme of the row chosen.
    let chosen = rows.get(app.programme.selected).copied();
    match action {
        Action::Search => {
            app.programme.searching = true;
            Vec::new()
        }
        Action::Open => {
            if let Some(i) = chosen
                && let Some(a) = current(app).and_then(|p| p.actions.get(i))
            {
                let form = action_form(a, app.lang, app.today);
                app.programme.form = Some((Some(i), form));
            }
            Vec::new()
        }
        Action::New => {
            let year = app.programme.year;
            let id =
                current(app).map_or_else(|| Programme::empty(year).free_id(), Programme::free_id);
            let a = FundAction::requested(id, "", Category::MentalHealth);
            app.programme.form = Some((None, action_form(&a, app.lang, app.today)));
            Vec::new()
        }
        Action::Export => {
            if current(app).is_some() {
                let year = app.programme.year;
                super::export::open_programme_export(app, year);
            }
            Vec::new()
        }
        Action::Delete => {
            let Some(mut p) = current(app).cloned() else {
                return Vec::new();
            };
            let Some(i) = chosen.filter(|i| *i < p.actions.len()) else {
                return Vec::new();
            };
            p.actions.remove(i);
            change(app, p)
        }
        other => {
            app.programme.selected = moved(app.programme.selected, len, other, app.page);
            Vec::new()
        }
    }
}

/// A key while searching the programme (`/`): typed text filters the actions as you type,
/// `Entrée` keeps the search, `Échap` clears it.
pub(super) fn programme_search_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let count = app.programme_rows().len();
    let p = &mut app.programme;
    match text_action(key, action) {
        Some(Action::Cancel) => {
            p.search = LineInput::default();
            p.searching = false;
        }
        Some(Action::Accept) => p.searching = false,
        Some(action @ (Action::Up | Action::Down)) => {
            p.selected = moved(p.selected, count, action, 1);
        }
        _ => {
            edit_line(&mut p.search, key);
            p.selected = 0;
        }
    }
    Vec::new()
}
