//! `update`: the only place the state changes. It returns effects (save, export, editor,
//! quit) as data; the runtime carries them out, so all of this is tested without a terminal.

use super::action::Action;
use super::app::*;
use super::export::{ExportRequest, MinutesLevel, ReportFormat, previous_month, shift_month};
use super::input::LineInput;
use super::keymap::Key;
use super::strings::{self, T};
use crate::domain::agenda::{DEFAULT_CASE_MINUTES, default_start, new_meeting, suggest};
use crate::domain::{AlertTarget, Case, Item, Meeting, MeetingStatus};
use ratatui::crossterm::event::KeyCode;

/// Work for the runtime: everything that touches files, the terminal or other programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this meeting's file (atomically), creating it if needed.
    SaveMeeting(Meeting),
    /// Remove a meeting file that this session created (undo of its creation).
    DeleteMeeting(String),
    /// Write a new case file.
    CreateCase(Case),
    /// Open the case's file in `$VISUAL`/`$EDITOR`, then validate it.
    EditCase(String),
    /// Put back the case file as it was before the editor (its edit was invalid).
    DiscardCaseEdit(String),
    /// Ask the exporters for the text of an export, to preview it.
    PreviewExport(ExportRequest),
    /// Write an export (and commit it in the data folder's git repository when asked).
    Export {
        request: ExportRequest,
        commit: bool,
    },
    /// Leave the interface (everything is saved already).
    Quit,
}

/// Handles one key: text fields and pickers first, then the key map.
pub fn handle_key(app: &mut App, key: Key) -> Vec<Effect> {
    if key == Key::ctrl('c') {
        return update(app, Action::ForceQuit);
    }
    match app.overlays.last() {
        Some(Overlay::Prompt(_)) => return prompt_key(app, key),
        Some(Overlay::Picker(_)) => return picker_key(app, key),
        Some(Overlay::CaseForm(_)) => return form_key(app, key),
        Some(Overlay::ExportMenu { .. }) => return export_menu_key(app, key),
        Some(Overlay::ReportForm(_)) => return report_form_key(app, key),
        Some(Overlay::Preview { .. }) => return preview_key(app, key),
        Some(Overlay::EditFailed { id, .. }) => {
            let id = id.clone();
            return match key.code {
                KeyCode::Char('e') | KeyCode::Enter => {
                    app.overlays.pop();
                    vec![Effect::EditCase(id)]
                }
                KeyCode::Char('d') | KeyCode::Esc => {
                    app.overlays.pop();
                    vec![Effect::DiscardCaseEdit(id)]
                }
                _ => Vec::new(),
            };
        }
        _ => {}
    }
    if app.screen == Screen::Situations && app.situations.searching && app.overlays.is_empty() {
        return search_key(app, key);
    }
    match app.keymap.resolve(app.context(), key) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// A mouse click on a list row selects it.
pub fn click(app: &mut App, hit: super::screens::Hit) {
    use super::screens::Hit;
    match hit {
        Hit::Alert(i) => {
            app.dashboard.focus = DashPane::Alerts;
            app.dashboard.alert = i;
        }
        Hit::NextMeeting(i) => {
            app.dashboard.focus = DashPane::Meetings;
            app.dashboard.meeting = i;
        }
        Hit::Row(i) => match app.screen {
            Screen::Situations => {
                app.situations.selected = i;
                app.situations.detail_focus = false;
                app.situations.detail_scroll = 0;
            }
            Screen::Meetings => app.meetings.selected = i,
            Screen::Agenda => app.agenda.selected = i,
            Screen::Dashboard | Screen::Seance => {}
        },
    }
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if action != Action::Help {
        // A new action replaces the last message, except when it writes one itself.
        app.message = None;
    }
    match action {
        Action::ForceQuit => {
            app.running = false;
            return vec![Effect::Quit];
        }
        Action::Undo => return undo(app),
        Action::Redo => return redo(app),
        _ => {}
    }
    match app.overlays.last_mut() {
        Some(Overlay::Help { scroll }) => {
            let rows =
                super::screens::help::help_lines(&app.keymap, app.screen.context(), app.lang)
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
            let len = app.problems.len();
            match action {
                Action::Back | Action::Quit | Action::Problems => {
                    app.overlays.pop();
                }
                Action::Help => app.overlays.push(Overlay::Help { scroll: 0 }),
                other => *selected = moved(*selected, len, other, app.page),
            }
            return Vec::new();
        }
        _ => {}
    }
    match action {
        Action::Help => {
            app.overlays.push(Overlay::Help { scroll: 0 });
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
        Action::Screen1 => go(app, Screen::Dashboard),
        Action::Screen2 => go(app, Screen::Situations),
        Action::Screen3 => go(app, Screen::Meetings),
        Action::Screen4 => go(app, Screen::Agenda),
        Action::Screen5 => go(app, Screen::Seance),
        Action::StartSeance => {
            if let Some(id) = selected_meeting_id(app) {
                app.agenda.meeting = Some(id);
            }
            go(app, Screen::Seance)
        }
        _ => match app.screen {
            Screen::Dashboard => dashboard(app, action),
            Screen::Situations => situations(app, action),
            Screen::Meetings => meetings(app, action),
            Screen::Agenda => agenda(app, action),
            Screen::Seance => Vec::new(),
        },
    }
}

fn go(app: &mut App, screen: Screen) -> Vec<Effect> {
    app.screen = screen;
    Vec::new()
}

/// A list selection moved by a movement action (other actions leave it).
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

fn dashboard(app: &mut App, action: Action) -> Vec<Effect> {
    let d = &mut app.dashboard;
    match action {
        Action::NextPane | Action::PrevPane => {
            d.focus = match d.focus {
                DashPane::Alerts => DashPane::Meetings,
                DashPane::Meetings => DashPane::Alerts,
            };
        }
        Action::Problems => app.overlays.push(Overlay::Problems { selected: 0 }),
        Action::MonthlyReport => {
            if app.data.department.bodies.is_empty() {
                let text = T::NoBody.get(app.lang);
                app.error(text);
            } else {
                app.overlays.push(Overlay::ReportForm(ReportForm {
                    field: 0,
                    month: previous_month(app.today),
                    body: 0,
                    format: ReportFormat::Markdown,
                }));
            }
        }
        Action::Open => match app.dashboard.focus {
            DashPane::Alerts => {
                if let Some(alert) = app.alerts().get(app.dashboard.alert) {
                    let target = alert.target();
                    follow(app, &target);
                }
            }
            DashPane::Meetings => {
                let id = app
                    .upcoming_meetings()
                    .get(app.dashboard.meeting)
                    .map(|m| m.id.clone());
                if let Some(id) = id {
                    open_agenda(app, &id, 0);
                }
            }
        },
        other => {
            let alerts = app.alerts().len();
            let meetings = app.upcoming_meetings().len();
            let d = &mut app.dashboard;
            match d.focus {
                DashPane::Alerts => d.alert = moved(d.alert, alerts, other, app.page),
                DashPane::Meetings => d.meeting = moved(d.meeting, meetings, other, app.page),
            }
        }
    }
    Vec::new()
}

/// Goes to what an alert is about.
pub fn follow(app: &mut App, target: &AlertTarget) {
    match target {
        AlertTarget::Problems => app.overlays.push(Overlay::Problems { selected: 0 }),
        AlertTarget::Case(id) => show_case(app, id),
        AlertTarget::Meeting { id, item } => open_agenda(app, id, *item),
        AlertTarget::Body(body) => {
            if let Some(i) = app
                .data
                .department
                .bodies
                .iter()
                .position(|b| &b.id == body)
            {
                app.meetings.body = i;
                app.meetings.selected = 0;
            }
            app.screen = Screen::Meetings;
        }
    }
}

/// Shows a case in the list, clearing the filters that would hide it.
pub fn show_case(app: &mut App, id: &str) {
    app.screen = Screen::Situations;
    let s = &mut app.situations;
    s.searching = false;
    let find = |app: &App| {
        app.visible_cases()
            .iter()
            .position(|&i| app.data.cases[i].id == id)
    };
    if let Some(pos) = find(app) {
        app.situations.selected = pos;
        return;
    }
    let s = &mut app.situations;
    s.body = None;
    s.status = StatusFilter::All;
    s.kind = None;
    s.due_only = false;
    s.search = LineInput::default();
    app.situations.selected = find(app).unwrap_or(0);
}

fn open_agenda(app: &mut App, id: &str, item: usize) {
    if let Some(m) = app.data.meeting(id) {
        if let Some(i) = app
            .data
            .department
            .bodies
            .iter()
            .position(|b| b.id == m.body)
        {
            app.meetings.body = i;
        }
        app.agenda.selected = item.min(m.items.len().saturating_sub(1));
        app.agenda.meeting = Some(id.to_string());
        app.screen = Screen::Agenda;
    }
}

fn situations(app: &mut App, action: Action) -> Vec<Effect> {
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

fn search_key(app: &mut App, key: Key) -> Vec<Effect> {
    let s = &mut app.situations;
    match key.code {
        KeyCode::Esc => {
            s.search = LineInput::default();
            s.searching = false;
        }
        KeyCode::Enter => s.searching = false,
        KeyCode::Up | KeyCode::Down => {
            let action = if key.code == KeyCode::Up {
                Action::Up
            } else {
                Action::Down
            };
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

/// Applies a key to a text field. Returns `false` when the key is not for text.
fn edit_line(input: &mut LineInput, key: Key) -> bool {
    if key.ctrl || key.alt {
        return false;
    }
    match key.code {
        KeyCode::Char(c) => input.insert(c),
        KeyCode::Backspace => input.backspace(),
        KeyCode::Delete => input.delete(),
        KeyCode::Left => input.left(),
        KeyCode::Right => input.right(),
        KeyCode::Home => input.home(),
        KeyCode::End => input.end(),
        _ => return false,
    }
    true
}

fn meetings(app: &mut App, action: Action) -> Vec<Effect> {
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
            let last = app.data.meetings_of(&body.id).map(|m| m.date).max();
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

fn selected_meeting_id(app: &App) -> Option<String> {
    match app.screen {
        Screen::Meetings => app
            .body_meetings()
            .get(app.meetings.selected)
            .map(|m| m.id.clone()),
        _ => app.agenda.meeting.clone(),
    }
}

fn agenda(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(meeting) = app.agenda_meeting().cloned() else {
        return Vec::new();
    };
    let len = meeting.items.len();
    let sel = app.agenda.selected.min(len.saturating_sub(1));
    let editing = matches!(
        action,
        Action::AddTopic
            | Action::AddCase
            | Action::Suggest
            | Action::MoveUp
            | Action::MoveDown
            | Action::Delete
            | Action::Timebox
            | Action::Convene
    );
    if editing && meeting.status.is_held() {
        let text = T::ReadOnlyMeeting.get(app.lang);
        app.error(text);
        return Vec::new();
    }
    match action {
        Action::AddTopic => {
            app.overlays.push(Overlay::Prompt(Prompt {
                kind: PromptKind::Topic,
                input: LineInput::default(),
                error: None,
            }));
            Vec::new()
        }
        Action::Timebox if len > 0 => {
            let current = meeting.items[sel].minutes.map(|m| m.to_string());
            app.overlays.push(Overlay::Prompt(Prompt {
                kind: PromptKind::Timebox,
                input: LineInput::new(current.as_deref().unwrap_or("")),
                error: None,
            }));
            Vec::new()
        }
        Action::AddCase => {
            app.overlays.push(Overlay::Picker(Picker::default()));
            Vec::new()
        }
        Action::Suggest => {
            let title = T::ActionsItem.get(app.lang);
            let items = suggest(&app.data, &meeting, title);
            if items.is_empty() {
                let text = T::NothingSuggested.get(app.lang);
                app.info(text);
                return Vec::new();
            }
            let count = items.len();
            let mut after = meeting.clone();
            after.items.extend(items);
            let effects = change_meeting(app, Some(meeting), after);
            app.info(strings::added_items(count, app.lang));
            effects
        }
        Action::MoveUp | Action::MoveDown if len > 1 => {
            let to = if action == Action::MoveUp {
                sel.checked_sub(1)
            } else {
                Some(sel + 1).filter(|&t| t < len)
            };
            let Some(to) = to else {
                return Vec::new();
            };
            let mut after = meeting.clone();
            after.items.swap(sel, to);
            app.agenda.selected = to;
            change_meeting(app, Some(meeting), after)
        }
        Action::Delete if len > 0 => {
            let mut after = meeting.clone();
            after.items.remove(sel);
            app.agenda.selected = sel.min(after.items.len().saturating_sub(1));
            change_meeting(app, Some(meeting), after)
        }
        Action::Convene => {
            let mut after = meeting.clone();
            after.status = match meeting.status {
                MeetingStatus::Draft => MeetingStatus::Convened,
                _ => MeetingStatus::Draft,
            };
            change_meeting(app, Some(meeting), after)
        }
        Action::Export => {
            open_export_menu(app, &meeting.id);
            Vec::new()
        }
        other => {
            app.agenda.selected = moved(sel, len, other, app.page);
            Vec::new()
        }
    }
}

/// Records an edit of a meeting (undoable), applies it and saves it at once.
fn change_meeting(app: &mut App, before: Option<Meeting>, after: Meeting) -> Vec<Effect> {
    if before.as_ref() == Some(&after) {
        return Vec::new();
    }
    put_meeting(app, &after.id.clone(), Some(after.clone()));
    app.undo.push(Edit {
        before,
        after: Some(after.clone()),
    });
    app.redo.clear();
    vec![Effect::SaveMeeting(after)]
}

/// Replaces (or adds, or removes) a meeting in the data, keeping the chronological order.
fn put_meeting(app: &mut App, id: &str, meeting: Option<Meeting>) {
    app.data.meetings.retain(|m| m.id != id);
    if let Some(m) = meeting {
        app.data.meetings.push(m);
        app.data
            .meetings
            .sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    }
    app.refresh();
}

fn restore(app: &mut App, target: Option<Meeting>, other: &Option<Meeting>) -> Vec<Effect> {
    let id = target
        .as_ref()
        .or(other.as_ref())
        .map(|m| m.id.clone())
        .unwrap_or_default();
    put_meeting(app, &id, target.clone());
    if let Some(m) = &target {
        let len = m.items.len();
        app.agenda.selected = app.agenda.selected.min(len.saturating_sub(1));
    }
    match target {
        Some(m) => vec![Effect::SaveMeeting(m)],
        None => {
            if app.agenda.meeting.as_deref() == Some(id.as_str()) {
                app.agenda.meeting = None;
            }
            vec![Effect::DeleteMeeting(id)]
        }
    }
}

fn undo(app: &mut App) -> Vec<Effect> {
    let Some(edit) = app.undo.pop() else {
        let text = T::NothingToUndo.get(app.lang);
        app.info(text);
        return Vec::new();
    };
    let effects = restore(app, edit.before.clone(), &edit.after);
    app.redo.push(edit);
    let text = T::Undone.get(app.lang);
    app.info(text);
    effects
}

fn redo(app: &mut App) -> Vec<Effect> {
    let Some(edit) = app.redo.pop() else {
        let text = T::NothingToRedo.get(app.lang);
        app.info(text);
        return Vec::new();
    };
    let effects = restore(app, edit.after.clone(), &edit.before);
    app.undo.push(edit);
    let text = T::Redone.get(app.lang);
    app.info(text);
    effects
}

fn prompt_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Overlay::Prompt(prompt)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
            Vec::new()
        }
        KeyCode::Enter => {
            let prompt = prompt.clone();
            match accept_prompt(app, &prompt) {
                Ok(effects) => {
                    // The prompt is the top layer until accepted.
                    if matches!(app.overlays.last(), Some(Overlay::Prompt(p)) if p.kind == prompt.kind)
                    {
                        app.overlays.pop();
                    }
                    effects
                }
                Err(error) => {
                    if let Some(Overlay::Prompt(p)) = app.overlays.last_mut() {
                        p.error = Some(error);
                    }
                    Vec::new()
                }
            }
        }
        _ => {
            if edit_line(&mut prompt.input, key) {
                prompt.error = None;
            }
            Vec::new()
        }
    }
}

fn accept_prompt(app: &mut App, prompt: &Prompt) -> Result<Vec<Effect>, String> {
    let text = prompt.input.text().trim();
    let lang = app.lang;
    match &prompt.kind {
        PromptKind::Topic => {
            if text.is_empty() {
                return Err(T::EmptyText.get(lang).to_string());
            }
            let Some(meeting) = app.agenda_meeting().cloned() else {
                return Ok(Vec::new());
            };
            let mut after = meeting.clone();
            let at = (app.agenda.selected + 1).min(after.items.len());
            after.items.insert(at, Item::topic(text, None));
            app.agenda.selected = at;
            Ok(change_meeting(app, Some(meeting), after))
        }
        PromptKind::Timebox => {
            let minutes = if text.is_empty() {
                None
            } else {
                match text.parse::<u32>() {
                    Ok(m) if m <= 600 => Some(m),
                    _ => return Err(T::BadMinutes.get(lang).to_string()),
                }
            };
            let Some(meeting) = app.agenda_meeting().cloned() else {
                return Ok(Vec::new());
            };
            let mut after = meeting.clone();
            if let Some(item) = after.items.get_mut(app.agenda.selected) {
                item.minutes = minutes;
            }
            Ok(change_meeting(app, Some(meeting), after))
        }
        PromptKind::NewMeetingDate { body } => {
            let date = strings::parse_date(text).ok_or_else(|| T::BadDate.get(lang).to_string())?;
            let Some(mut meeting) = new_meeting(&app.data, body, date, default_start()) else {
                return Err(T::NoBody.get(lang).to_string());
            };
            meeting.items = suggest(&app.data, &meeting, T::ActionsItem.get(lang));
            let id = meeting.id.clone();
            let effects = change_meeting(app, None, meeting);
            app.overlays.pop();
            open_agenda(app, &id, 0);
            Ok(effects)
        }
    }
}

fn picker_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Overlay::Picker(picker)) = app.overlays.last() else {
        return Vec::new();
    };
    let query = picker.query.text().to_string();
    let selected = picker.selected;
    let count = app.picker_matches(&query).len();
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
            Vec::new()
        }
        KeyCode::Up | KeyCode::Down => {
            let action = if key.code == KeyCode::Up {
                Action::Up
            } else {
                Action::Down
            };
            if let Some(Overlay::Picker(p)) = app.overlays.last_mut() {
                p.selected = moved(selected, count, action, 1);
            }
            Vec::new()
        }
        KeyCode::Enter => {
            let chosen = app
                .picker_matches(&query)
                .get(selected)
                .map(|c| c.id.clone());
            app.overlays.pop();
            let (Some(id), Some(meeting)) = (chosen, app.agenda_meeting().cloned()) else {
                return Vec::new();
            };
            let mut after = meeting.clone();
            let at = (app.agenda.selected + 1).min(after.items.len());
            after
                .items
                .insert(at, Item::case(id, Some(DEFAULT_CASE_MINUTES)));
            app.agenda.selected = at;
            change_meeting(app, Some(meeting), after)
        }
        _ => {
            if let Some(Overlay::Picker(p)) = app.overlays.last_mut()
                && edit_line(&mut p.query, key)
            {
                p.selected = 0;
            }
            Vec::new()
        }
    }
}

fn cycle<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    all.get(next).copied().unwrap_or(current)
}

fn form_key(app: &mut App, key: Key) -> Vec<Effect> {
    let bodies = app.data.department.bodies.len().max(1);
    let Some(Overlay::CaseForm(form)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let last = FormField::ALL.len() - 1;
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
            return Vec::new();
        }
        KeyCode::Tab | KeyCode::Down => form.field = (form.field + 1).min(last),
        KeyCode::BackTab | KeyCode::Up => form.field = form.field.saturating_sub(1),
        KeyCode::Enter => {
            let form = form.clone();
            return match new_case(app, &form) {
                Ok(case) => {
                    app.overlays.pop();
                    vec![Effect::CreateCase(case)]
                }
                Err(e) => {
                    if let Some(Overlay::CaseForm(f)) = app.overlays.last_mut() {
                        f.error = Some(e);
                    }
                    Vec::new()
                }
            };
        }
        code => {
            let forward = !matches!(code, KeyCode::Left);
            let choice = matches!(code, KeyCode::Left | KeyCode::Right | KeyCode::Char(' '));
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
fn new_case(app: &App, form: &CaseForm) -> Result<Case, String> {
    use chrono::Datelike;
    let lang = app.lang;
    let label = form.label.text().trim();
    if label.is_empty() {
        return Err(T::EmptyText.get(lang).to_string());
    }
    let reported_on = strings::parse_date(form.reported_on.text())
        .ok_or_else(|| T::BadDate.get(lang).to_string())?;
    let body = app
        .data
        .department
        .bodies
        .get(form.body)
        .ok_or_else(|| T::NoBody.get(lang).to_string())?;
    let id = crate::domain::ids::next_case_id(
        app.data.code(),
        reported_on.year(),
        app.data.cases.iter().map(|c| c.id.as_str()),
    );
    Ok(Case {
        id,
        body: body.id.clone(),
        kind: form.kind,
        label: label.to_string(),
        name: None,
        birth_year: None,
        reported_on,
        source: form.source,
        status: crate::domain::CaseStatus::Reported,
        referent: None,
        family_contacted_on: None,
        justice: crate::domain::Justice::None,
        schooling: None,
        returnee_minor: false,
        measures: Vec::new(),
        next_review: None,
        closed_on: None,
        closure_reason: None,
        notes: None,
    })
}

fn open_export_menu(app: &mut App, meeting: &str) {
    let mut requests = vec![ExportRequest::Agenda {
        meeting: meeting.to_string(),
    }];
    requests.extend(
        MinutesLevel::ALL
            .iter()
            .map(|level| ExportRequest::Minutes {
                meeting: meeting.to_string(),
                level: *level,
            }),
    );
    app.overlays.push(Overlay::ExportMenu {
        requests,
        selected: 0,
    });
}

fn export_menu_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Overlay::ExportMenu { requests, selected }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
        }
        KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            *selected = (*selected + 1).min(requests.len().saturating_sub(1));
        }
        KeyCode::Enter => {
            let request = requests.get(*selected).cloned();
            app.overlays.pop();
            return request.map(Effect::PreviewExport).into_iter().collect();
        }
        _ => {}
    }
    Vec::new()
}

fn report_form_key(app: &mut App, key: Key) -> Vec<Effect> {
    let bodies: Vec<String> = app
        .data
        .department
        .bodies
        .iter()
        .map(|b| b.id.clone())
        .collect();
    let Some(Overlay::ReportForm(form)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let n = bodies.len().max(1);
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
        }
        KeyCode::Up | KeyCode::BackTab => form.field = form.field.saturating_sub(1),
        KeyCode::Down | KeyCode::Tab => form.field = (form.field + 1).min(2),
        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
            let forward = key.code != KeyCode::Left;
            match form.field {
                0 => form.month = shift_month(form.month, forward),
                1 => {
                    form.body = if forward {
                        (form.body + 1) % n
                    } else {
                        (form.body + n - 1) % n
                    };
                }
                _ => {
                    form.format = match form.format {
                        ReportFormat::Markdown => ReportFormat::Csv,
                        ReportFormat::Csv => ReportFormat::Markdown,
                    };
                }
            }
        }
        KeyCode::Enter => {
            let Some(body) = bodies.get(form.body).cloned() else {
                return Vec::new();
            };
            let request = ExportRequest::Monthly {
                month: form.month,
                body,
                format: form.format,
            };
            app.overlays.pop();
            return vec![Effect::PreviewExport(request)];
        }
        _ => {}
    }
    Vec::new()
}

fn preview_key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.page;
    let Some(Overlay::Preview {
        request,
        text,
        scroll,
    }) = app.overlays.last_mut()
    else {
        return Vec::new();
    };
    let last = text.lines().count().saturating_sub(1);
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => {
            app.overlays.pop();
        }
        KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *scroll = (*scroll + 1).min(last),
        KeyCode::PageUp => *scroll = scroll.saturating_sub(page),
        KeyCode::PageDown => *scroll = (*scroll + page).min(last),
        KeyCode::Home => *scroll = 0,
        KeyCode::Char('w') => {
            return vec![Effect::Export {
                request: request.clone(),
                commit: false,
            }];
        }
        KeyCode::Char('g') => {
            return vec![Effect::Export {
                request: request.clone(),
                commit: true,
            }];
        }
        _ => {}
    }
    Vec::new()
}
