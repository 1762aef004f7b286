//! The case list: filters, search, the case form (`case_form.rs`) and `$EDITOR`.

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
            super::case_form::open_case_form(app);
        }
        Action::EditInEditor => {
            if let Some(i) = app.selected_case() {
                return vec![Effect::EditCase(app.data.cases[i].id.clone())];
            }
        }
        Action::New => super::case_form::open_new_case_form(app),
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
