//! The agenda builder, its prompts and its case picker.

use super::*;

pub(super) fn agenda(app: &mut App, action: Action) -> Vec<Effect> {
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
    if editing && meeting.status == MeetingStatus::Cancelled {
        let text = T::CancelledReadOnly.get(app.lang);
        app.error(text);
        return Vec::new();
    }
    if let Some(effects) = super::agenda_details::details_action(app, &meeting, action) {
        return effects;
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
            let left = crate::domain::agenda_check::left_out(&app.data, &meeting, &items);
            let why = crate::tui::followup_words::left_out_notice(&left, app.lang);
            let with_why = |text: String| match &why {
                Some(why) => format!("{text}. {why}"),
                None => text,
            };
            if items.is_empty() {
                let text = with_why(T::NothingSuggested.get(app.lang).to_string());
                app.info(text);
                return Vec::new();
            }
            let count = items.len();
            let mut after = meeting.clone();
            after.items.extend(items);
            let effects = change_meeting(app, Some(meeting), after);
            app.info(with_why(added_items(count, app.lang)));
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

pub(super) fn prompt_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let Some(Overlay::Prompt(prompt)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match text_action(key, action) {
        Some(Action::Cancel) => {
            app.overlays.pop();
            Vec::new()
        }
        Some(Action::Accept) => {
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
                    let lang = app.lang;
                    if let Some(Overlay::Prompt(p)) = app.overlays.last_mut() {
                        p.error = Some(error.get(lang).to_string());
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

/// Why it cannot be accepted: the sentence shown under the prompt.
pub(super) fn accept_prompt(app: &mut App, prompt: &Prompt) -> Result<Vec<Effect>, T> {
    let text = prompt.input.text().trim();
    match &prompt.kind {
        PromptKind::Topic => {
            if text.is_empty() {
                return Err(T::EmptyText);
            }
            if seance_agenda::seance_takes(app) {
                return Ok(seance_agenda::add_item(app, Item::topic(text, None)));
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
                    _ => return Err(T::BadMinutes),
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
        PromptKind::CancelReason => {
            app.overlays.pop();
            Ok(super::agenda_details::cancel_meeting(app, text))
        }
        PromptKind::NewMeetingDate { body } => {
            let date = strings::parse_date(text, app.today).ok_or(T::BadDate)?;
            let Some(mut meeting) = new_meeting(&app.data, body, date, default_start()) else {
                return Err(T::NoBody);
            };
            meeting.items = suggest(&app.data, &meeting, T::ActionsItem.get(app.lang));
            let lang = app.lang;
            crate::domain::approval::add_approval(&mut meeting, &app.data.meetings, |d| {
                crate::i18n::export::approval_title(lang, d)
            });
            let id = meeting.id.clone();
            let effects = change_meeting(app, None, meeting);
            app.overlays.pop();
            open_agenda(app, &id, 0);
            Ok(effects)
        }
    }
}

pub(super) fn picker_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let Some(Overlay::Picker(picker)) = app.overlays.last() else {
        return Vec::new();
    };
    let query = picker.query.text().to_string();
    let selected = picker.selected;
    let count = app.picker_matches(&query).len();
    match text_action(key, action) {
        Some(Action::Cancel) => {
            app.overlays.pop();
            Vec::new()
        }
        Some(
            action @ (Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last),
        ) => {
            if let Some(Overlay::Picker(p)) = app.overlays.last_mut() {
                p.selected = moved(selected, count, action, app.page);
            }
            Vec::new()
        }
        Some(Action::Accept) => {
            let chosen = app
                .picker_matches(&query)
                .get(selected)
                .map(|c| c.id.clone());
            app.overlays.pop();
            if seance_agenda::seance_takes(app) {
                // An urgent case during the séance: taken next.
                return match chosen {
                    Some(id) => {
                        seance_agenda::add_item(app, Item::case(id, Some(DEFAULT_CASE_MINUTES)))
                    }
                    None => Vec::new(),
                };
            }
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

/// `3 points ajoutés à l'ordre du jour`.
fn added_items(count: usize, lang: crate::i18n::Lang) -> String {
    let added = ("item added", "items added");
    let n = crate::i18n::count(lang, count, ("point ajouté", "points ajoutés"), added);
    format!("{n} {}", lang.pick("à l'ordre du jour", "to the agenda"))
}
