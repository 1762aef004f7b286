//! The case form on the case list: `e` the selected case, `n` a new one. Each confirmed
//! field is saved at once (`Effect::SaveCase`, or `Effect::CreateCase` for the first
//! valid field of a new case); `u` and `Ctrl-r` on the list undo and redo these edits
//! (an undo is itself a saved edit).

use super::*;
use crate::tui::case_form::{CaseFormState, Confirmed, confirm, remove_measure};
use crate::tui::form::{Fault, Outcome};

fn bodies(app: &App) -> Vec<(String, String)> {
    app.data
        .department
        .bodies
        .iter()
        .map(|b| (b.id.clone(), b.short_name()))
        .collect()
}

/// Opens the form of the selected case.
pub(super) fn open_case_form(app: &mut App) {
    let Some(i) = app.selected_case() else {
        return;
    };
    let case = app.data.cases[i].clone();
    let state = CaseFormState::new(case, true, &bodies(app), app.lang, app.today);
    app.overlays.push(Overlay::CaseForm(Box::new(state)));
}

/// Opens the form of a new case: reported today, by the CNAPR, to the body of the
/// filter (else the first), with the next free id of the year.
pub(super) fn open_new_case_form(app: &mut App) {
    use chrono::Datelike;
    let body = app
        .situations
        .body
        .clone()
        .or_else(|| app.data.department.bodies.first().map(|b| b.id.clone()));
    let Some(body) = body else {
        let text = T::NoBody.get(app.lang);
        app.error(text);
        return;
    };
    let id = crate::domain::ids::next_case_id(
        app.data.code(),
        app.today.year(),
        app.data.cases.iter().map(|c| c.id.as_str()),
    );
    let case = Case::reported(
        id,
        body,
        crate::domain::CaseKind::Person,
        "",
        crate::domain::Source::Cnapr,
        app.today,
    );
    let state = CaseFormState::new(case, false, &bodies(app), app.lang, app.today);
    app.overlays.push(Overlay::CaseForm(Box::new(state)));
}

/// A key while the case form is open (every key is the form's).
pub(super) fn case_form_key(app: &mut App, key: Key) -> Vec<Effect> {
    let lang = app.lang;
    let bodies = bodies(app);
    let remove = app.keymap.resolve(Context::Form, key) == Some(Action::RemoveItem);
    let Some(Overlay::CaseForm(st)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let before_focus = st.form.focus;
    let outcome = if remove {
        match st.form.focused().and_then(|f| f.item) {
            Some(i) => {
                let verdict = remove_measure(&st.draft, i, lang);
                return settle(app, verdict, before_focus, 0, &bodies);
            }
            None => Outcome::Editing,
        }
    } else {
        st.form.key(&app.keymap, key)
    };
    match outcome {
        Outcome::Editing | Outcome::Submitted => Vec::new(),
        Outcome::Cancelled => {
            app.overlays.pop();
            Vec::new()
        }
        Outcome::Confirmed(i) => {
            let verdict = confirm(&st.form, i, &st.draft, lang);
            if let Confirmed::Refused(fault) = &verdict {
                st.form.fault = Some((i, fault.clone()));
                st.form.focus = i;
                return Vec::new();
            }
            let focus = if st
                .form
                .fields
                .get(i)
                .is_some_and(|f| f.key == "add_measure")
            {
                usize::MAX
            } else {
                i
            };
            let step = (st.form.focus as isize - i as isize).clamp(-1, 1);
            settle(app, verdict, focus, step, &bodies)
        }
    }
}

/// Applies what a confirmed field gives: the case written (or created), or kept
/// waiting, and the form built again from it.
fn settle(
    app: &mut App,
    verdict: Confirmed,
    focus: usize,
    step: isize,
    bodies: &[(String, String)],
) -> Vec<Effect> {
    let lang = app.lang;
    let Some(Overlay::CaseForm(st)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    match verdict {
        Confirmed::Refused(fault) => {
            st.form.fault = Some((st.form.focus, fault));
            return effects;
        }
        Confirmed::Pending(c) => {
            let note = if c.label.trim().is_empty() {
                lang.pick(
                    "Saisissez le libellé : la situation est créée avec lui.",
                    "Type the label: the case is created with it.",
                )
            } else {
                lang.pick(
                    "Indiquez la date et le motif de fin du suivi : la fin du suivi sera enregistrée avec eux.",
                    "Give the closing date and reason: the closure is saved with them.",
                )
            };
            st.draft = c;
            st.form.fault = None;
            st.form.note = Some(note.to_string());
        }
        Confirmed::Write(c) => {
            st.form.fault = None;
            st.form.note = None;
            if c != st.saved || !st.exists {
                if st.exists {
                    effects.push(Effect::SaveCase(c.clone()));
                    let before = std::mem::replace(&mut st.saved, c.clone());
                    app.case_redo.clear();
                    app.case_undo.push((before, c.clone()));
                } else if !c.label.trim().is_empty() {
                    effects.push(Effect::CreateCase(c.clone()));
                    st.exists = true;
                    st.saved = c.clone();
                }
            }
            let Some(Overlay::CaseForm(st)) = app.overlays.last_mut() else {
                return effects;
            };
            st.draft = c;
        }
    }
    let Some(Overlay::CaseForm(st)) = app.overlays.last_mut() else {
        return effects;
    };
    let index = if focus == usize::MAX {
        // A new measure: the focus on its type.
        st.rebuild(bodies, lang, 0, 0);
        let n = st.draft.measures.len().saturating_sub(1);
        st.form.focus_on("m_type", Some(n), 0);
        return effects;
    } else {
        focus
    };
    st.rebuild(bodies, lang, index, step);
    if let Some(c) = effects.iter().find_map(|e| match e {
        Effect::SaveCase(c) => Some(c.clone()),
        _ => None,
    }) {
        app.case_edited(c);
    }
    effects
}

/// Undo (or redo) of a case edit of the form: the case as it was, saved again.
pub(super) fn case_history(app: &mut App, undo: bool) -> Vec<Effect> {
    let taken = if undo {
        app.case_undo.pop()
    } else {
        app.case_redo.pop()
    };
    let Some((before, after)) = taken else {
        return Vec::new();
    };
    let target = if undo { before.clone() } else { after.clone() };
    if undo {
        app.case_redo.push((before, after));
    } else {
        app.case_undo.push((before, after));
    }
    let t = if undo { T::Undone } else { T::Redone };
    app.case_edited(target.clone());
    app.info(t.get(app.lang));
    vec![Effect::SaveCase(target)]
}

/// After a case was written and read back: every screen shows it; an open form on it
/// takes it as its last saved state.
pub fn case_saved(app: &mut App, case: Case) {
    app.case_edited(case.clone());
    if let Some(Overlay::CaseForm(st)) = app.overlays.last_mut()
        && st.saved.id == case.id
    {
        st.saved = case;
    }
}

/// A case could not be written (changed on disk by someone else, or refused): the
/// case as it is on disk comes back everywhere, the form shows why.
pub fn case_not_saved(app: &mut App, reason: String, on_disk: Option<Case>) {
    let lang = app.lang;
    let bodies = bodies(app);
    if let Some(c) = &on_disk {
        app.case_edited(c.clone());
    }
    app.case_undo.clear();
    app.case_redo.clear();
    match app.overlays.last_mut() {
        Some(Overlay::CaseForm(st)) => {
            if let Some(c) = on_disk
                && c.id == st.saved.id
            {
                st.saved = c.clone();
                st.draft = c;
            }
            let focus = st.form.focus;
            st.rebuild(&bodies, lang, focus, 0);
            st.form.fault = Some((focus, Fault::Rule(reason)));
        }
        _ => app.error(reason),
    }
}
