//! The case list: filters, search, the new-case form.

use super::*;

pub(super) fn situations(app: &mut App, action: Action) -> Vec<Effect> {
    let count = app.visible_cases().len();
    let page = app.page;
    let s = &mut app.situations;
    match action {
        Action::Search => {
            s.searching = true;
            s.detail_focus = false;
        }
        Action::NextPane | Action::PrevPane => {
            s.detail_focus = !s.detail_focus;
            s.detail_scroll = 0;
        }
        Action::Open => {
            s.detail_focus = !s.detail_focus;
            s.detail_scroll = 0;
        }
        Action::CycleBody => {
            let bodies: Vec<String> = app
                .data
                .department
                .bodies
                .iter()
                .map(|b| b.id.clone())
                .collect();
            s.body = match &s.body {
                None => bodies.first().cloned(),
                Some(b) => bodies
                    .iter()
                    .position(|x| x == b)
                    .and_then(|i| bodies.get(i + 1))
                    .cloned(),
            };
            s.selected = 0;
        }
        Action::CycleStatus => {
            s.status = s.status.next();
            s.selected = 0;
        }
        Action::CycleKind => {
            use crate::domain::CaseKind;
            s.kind = match s.kind {
                None => Some(CaseKind::Person),
                Some(CaseKind::Person) => Some(CaseKind::Family),
                Some(CaseKind::Family) => Some(CaseKind::Organisation),
                Some(CaseKind::Organisation) => None,
            };
            s.selected = 0;
        }
        Action::ToggleDue => {
            s.due_only = !s.due_only;
            s.selected = 0;
        }
        Action::CycleSort => {
            s.sort = s.sort.next();
            s.selected = 0;
        }
        Action::Edit => {
            if let Some(i) = app.selected_case() {
                return vec![Effect::EditCase(app.data.cases[i].id.clone())];
            }
        }
        Action::New => {
            let body = s
                .body
                .as_ref()
                .and_then(|b| app.data.department.bodies.iter().position(|x| &x.id == b))
                .unwrap_or(0);
            if app.data.department.bodies.is_empty() {
                let text = T::NoBody.get(app.lang);
                app.error(text);
                return Vec::new();
            }
            let form = CaseForm {
                field: 2,
                body,
                kind: crate::domain::CaseKind::Person,
                label: LineInput::default(),
                reported_on: LineInput::new(&strings::date(app.today, app.lang)),
                source: crate::domain::Source::Cnapr,
                error: None,
            };
            app.overlays.push(Overlay::CaseForm(form));
        }
        other if s.detail_focus => {
            s.detail_scroll = match other {
                Action::Down => s.detail_scroll.saturating_add(1),
                Action::Up => s.detail_scroll.saturating_sub(1),
                Action::PageDown => s.detail_scroll.saturating_add(page),
                Action::PageUp => s.detail_scroll.saturating_sub(page),
                Action::First => 0,
                _ => s.detail_scroll,
            };
        }
        other => {
            let before = s.selected;
            s.selected = moved(s.selected, count, other, page);
            if s.selected != before {
                s.detail_scroll = 0;
            }
        }
    }
    Vec::new()
}

pub(super) fn search_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let s = &mut app.situations;
    match text_action(key, action) {
        Some(Action::Cancel) => {
            s.search = LineInput::default();
            s.searching = false;
        }
        Some(Action::Accept) => s.searching = false,
        Some(action @ (Action::Up | Action::Down)) => {
            let count = app.visible_cases().len();
            let s = &mut app.situations;
            s.selected = moved(s.selected, count, action, 1);
            return Vec::new();
        }
        _ => {
            edit_line(&mut s.search, key);
            s.selected = 0;
        }
    }
    Vec::new()
}

pub(super) fn form_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let bodies = app.data.department.bodies.len().max(1);
    let Some(Overlay::CaseForm(form)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let last = FormField::ALL.len() - 1;
    let on_text = matches!(form.current(), FormField::Label | FormField::ReportedOn);
    let action = if on_text {
        text_action(key, action)
    } else {
        action
    };
    match action {
        Some(Action::Cancel) => {
            app.overlays.pop();
            return Vec::new();
        }
        Some(Action::NextField) => form.field = (form.field + 1).min(last),
        Some(Action::PrevField) => form.field = form.field.saturating_sub(1),
        Some(Action::Accept) => {
            let form = form.clone();
            return match new_case(app, &form) {
                Ok(case) => {
                    app.overlays.pop();
                    vec![Effect::CreateCase(case)]
                }
                Err(e) => {
                    let lang = app.lang;
                    if let Some(Overlay::CaseForm(f)) = app.overlays.last_mut() {
                        f.error = Some(e.get(lang).to_string());
                    }
                    Vec::new()
                }
            };
        }
        action => {
            let forward = action != Some(Action::ChoicePrev);
            let choice = matches!(action, Some(Action::ChoicePrev | Action::ChoiceNext));
            match form.current() {
                FormField::Body if choice => {
                    form.body = if forward {
                        (form.body + 1) % bodies
                    } else {
                        (form.body + bodies - 1) % bodies
                    };
                }
                FormField::Kind if choice => {
                    form.kind = cycle(crate::domain::CaseKind::ALL, form.kind, forward);
                }
                FormField::Source if choice => {
                    form.source = cycle(crate::domain::Source::ALL, form.source, forward);
                }
                FormField::Label => {
                    edit_line(&mut form.label, key);
                }
                FormField::ReportedOn => {
                    edit_line(&mut form.reported_on, key);
                }
                _ => {}
            }
        }
    }
    if let Some(Overlay::CaseForm(f)) = app.overlays.last_mut() {
        f.error = None;
    }
    Vec::new()
}

/// The case the form describes, with the next free id of its year.
/// Why it cannot be made: the sentence shown under the form.
pub(super) fn new_case(app: &App, form: &CaseForm) -> Result<Case, T> {
    use chrono::Datelike;
    let label = form.label.text().trim();
    if label.is_empty() {
        return Err(T::EmptyText);
    }
    let reported_on = strings::parse_date(form.reported_on.text(), app.today).ok_or(T::BadDate)?;
    let body = app.data.department.bodies.get(form.body).ok_or(T::NoBody)?;
    let id = crate::domain::ids::next_case_id(
        app.data.code(),
        reported_on.year(),
        app.data.cases.iter().map(|c| c.id.as_str()),
    );
    Ok(Case::reported(
        id,
        body.id.as_str(),
        form.kind,
        label,
        form.source,
        reported_on,
    ))
}
