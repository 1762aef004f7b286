//! The meetings of a body; a new meeting.

use super::*;

pub(super) fn meetings(app: &mut App, action: Action) -> Vec<Effect> {
    let count = app.body_meetings().len();
    match action {
        Action::CycleBody | Action::NextPane => {
            let n = app.data.department.bodies.len().max(1);
            app.meetings.body = (app.meetings.body + 1) % n;
            app.meetings.selected = 0;
        }
        Action::PrevPane => {
            let n = app.data.department.bodies.len().max(1);
            app.meetings.body = (app.meetings.body + n - 1) % n;
            app.meetings.selected = 0;
        }
        Action::Open => {
            if let Some(id) = selected_meeting_id(app) {
                open_agenda(app, &id, 0);
            }
        }
        Action::Search => app.meetings.searching = true,
        Action::Export => {
            if let Some(id) = selected_meeting_id(app) {
                open_export_menu(app, &id);
            }
        }
        Action::New => {
            let Some(body) = app.data.department.bodies.get(app.meetings.body) else {
                let text = T::NoBody.get(app.lang);
                app.error(text);
                return Vec::new();
            };
            let last = app
                .data
                .meetings_of(&body.id)
                .filter(|m| m.status != MeetingStatus::Cancelled)
                .map(|m| m.date)
                .max();
            let proposed = last
                .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(body.every_days))))
                .filter(|d| *d >= app.today)
                .unwrap_or(app.today);
            let body = body.id.clone();
            app.overlays.push(Overlay::Prompt(Prompt {
                kind: PromptKind::NewMeetingDate { body },
                input: LineInput::new(&strings::date(proposed, app.lang)),
                error: None,
            }));
        }
        other => app.meetings.selected = moved(app.meetings.selected, count, other, app.page),
    }
    Vec::new()
}

/// A key while searching the meetings (`/`): typed text filters the list as you type,
/// `Entrée` keeps the search, `Échap` clears it.
pub(super) fn meetings_search_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let m = &mut app.meetings;
    match text_action(key, action) {
        Some(Action::Cancel) => {
            m.search = LineInput::default();
            m.searching = false;
        }
        Some(Action::Accept) => m.searching = false,
        Some(action @ (Action::Up | Action::Down)) => {
            let count = app.body_meetings().len();
            app.meetings.selected = moved(app.meetings.selected, count, action, 1);
        }
        _ => {
            edit_line(&mut m.search, key);
            m.selected = 0;
        }
    }
    Vec::new()
}

pub(super) fn selected_meeting_id(app: &App) -> Option<String> {
    match app.screen {
        Screen::Meetings => app
            .body_meetings()
            .get(app.meetings.selected)
            .map(|m| m.id.clone()),
        _ => app.agenda.meeting.clone(),
    }
}
