//! The séance's form: `Enter` on a field, then the keys while it is edited (text, date,
//! choice lists, the action form).

use super::*;
use crate::domain::ClosureReason;
use crate::domain::dates::parse_date;
use crate::domain::live::{ActionInput, Change};
use crate::tui::seance::*;
use ratatui_textarea::{Input as TaInput, Key as TaKey, TextArea};
use seance::{applied, editable};

fn text_area(text: Option<&str>) -> Box<TextArea<'static>> {
    let lines: Vec<String> = text.unwrap_or("").split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    // The whole sentence stays visible: wrapped over lines, never scrolled sideways.
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(area)
}

/// The ids of the directory, in its order (copied: the séance is changed meanwhile).
/// The text of `field` (a decision's text, an item's notes, the séance's difficulties) set
/// to `text` in the séance's meeting.
fn set_text(
    live: &mut crate::domain::live::Seance,
    meetings: &mut [crate::domain::Meeting],
    field: Field,
    index: usize,
    text: &str,
) -> Result<Change, crate::domain::live::LiveError> {
    live.apply(meetings, |l, _| match field {
        Field::DecisionText => l.set_decision_text(index, text),
        Field::Notes => l.set_notes(index, text),
        _ => l.set_difficulties(text),
    })
}

fn member_ids(app: &App) -> Vec<String> {
    app.data
        .department
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect()
}

/// `Enter` on the field in focus.
pub(super) fn start_editing(app: &mut App) -> Vec<Effect> {
    let earlier = app.seance_earlier();
    let lang = app.lang;
    let members = member_ids(app);
    let decisions = seance_followup::body_decisions(app);
    // A proposed date falls on a working day of the département.
    let next_meeting_default = |m: &Meeting, app: &App| {
        let every = app
            .data
            .department
            .body(&m.body)
            .map_or(28, |b| b.every_days);
        m.date
            .checked_add_days(chrono::Days::new(u64::from(every)))
            .map(|d| crate::domain::holidays::next_working_day(app.data.code(), d))
    };
    let default_next = app
        .seance_meeting()
        .and_then(|m| next_meeting_default(m, app));
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(m) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    let Some(field) = st.focused(m, earlier.len()) else {
        return Vec::new();
    };
    if let Err(e) = editable(st, &app.data.meetings) {
        app.error(e.text(lang));
        return Vec::new();
    }
    if !matches!(field, Field::Difficulties | Field::NextMeeting) {
        // Working on the item itself: the roll call is over.
        st.live.leave_roll_call();
    }
    let index = st.live.current();
    let Some(meeting) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    let item = meeting.items.get(index);
    let editing = match field {
        Field::Decision => {
            let current = item.and_then(|i| i.decision);
            let selected = Editing::decision_choices(&decisions, current)
                .iter()
                .position(|c| *c == current)
                .unwrap_or(0);
            Editing::DecisionKind {
                selected,
                query: LineInput::default(),
            }
        }
        Field::Approval => {
            let current = item.and_then(|i| i.approval);
            let selected = current
                .and_then(|a| crate::domain::Approval::ALL.iter().position(|x| *x == a))
                .map_or(0, |p| p + 1);
            Editing::Approval {
                selected,
                query: LineInput::default(),
            }
        }
        Field::DecisionText => Editing::Text {
            field,
            area: text_area(item.and_then(|i| i.decision_text.as_deref())),
        },
        Field::NextReview => {
            let day = item
                .and_then(|i| i.next_review)
                .or_else(|| st.live.default_next_review(meeting));
            Editing::Date {
                field,
                input: LineInput::new(&day.map(|d| strings::date(d, lang)).unwrap_or_default()),
                error: None,
            }
        }
        Field::ClosureReason => {
            let selected = item
                .and_then(|i| i.closure_reason)
                .and_then(|r| ClosureReason::ALL.iter().position(|x| *x == r))
                .unwrap_or(0);
            Editing::ClosureReason {
                selected,
                decide: None,
                query: LineInput::default(),
            }
        }
        Field::Notes => Editing::Text {
            field,
            area: text_area(item.and_then(|i| i.notes.as_deref())),
        },
        Field::Action(a) => {
            let Some(action) = item.and_then(|i| i.actions.get(a)) else {
                return Vec::new();
            };
            Editing::Action(ActionForm {
                action: Some(a),
                field: 0,
                text: LineInput::new(&action.text),
                owner: members.iter().position(|m| *m == action.owner).unwrap_or(0),
                owner_query: LineInput::default(),
                due: LineInput::new(
                    &action
                        .due
                        .map(|d| strings::date(d, lang))
                        .unwrap_or_default(),
                ),
                error: None,
            })
        }
        Field::NewAction => Editing::Action(ActionForm {
            action: None,
            field: 0,
            text: LineInput::default(),
            owner: members
                .iter()
                .position(|m| *m == meeting.chair)
                .unwrap_or(0),
            owner_query: LineInput::default(),
            due: LineInput::default(),
            error: None,
        }),
        Field::Earlier(row) => {
            let Some(e) = earlier.get(row) else {
                return Vec::new();
            };
            let done_on = if e.done_on.is_none() {
                Some(meeting.date)
            } else {
                None
            };
            let r = st.live.apply(&mut app.data.meetings, |l, others| {
                l.set_earlier_action_done(others, &e.meeting, e.item, e.action, done_on)
            });
            return applied(app, r);
        }
        Field::Difficulties => Editing::Text {
            field,
            area: text_area(meeting.difficulties.as_deref()),
        },
        Field::NextMeeting => {
            let day = meeting.next_meeting.or(default_next);
            Editing::Date {
                field,
                input: LineInput::new(&day.map(|d| strings::date(d, lang)).unwrap_or_default()),
                error: None,
            }
        }
    };
    st.editing = Some(editing);
    Vec::new()
}

/// A key of ours as the text area reads it (`None`: not for the text).
fn ta_input(key: Key) -> Option<TaInput> {
    let k = match key.code {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        _ => return None,
    };
    if let TaKey::Char(c) = k
        && !key.ctrl
        && !key.alt
        && crate::text::is_hazard(c)
    {
        return None;
    }
    Some(TaInput {
        key: k,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}

pub(super) fn editing_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let lang = app.lang;
    let members = member_ids(app);
    // What the pilote's field searches: name and organisation.
    let member_texts: Vec<String> = (app.data.department.members.iter())
        .map(|m| format!("{} {}", m.name, m.organisation))
        .collect();
    let decisions = seance_followup::body_decisions(app);
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    if matches!(
        st.editing,
        Some(
            Editing::Followup(_)
                | Editing::Referent(_)
                | Editing::Measure { .. }
                | Editing::Approval { .. }
                | Editing::Provider(_)
        )
    ) {
        return seance_followup::followup_key(app, key, action);
    }
    let Some(mut editing) = st.editing.take() else {
        return Vec::new();
    };
    let index = st.live.current();
    let Some(meeting_date) = st.meeting_in(&app.data.meetings).map(|m| m.date) else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    let mut keep = true;
    let page = app.page;
    let action = match &editing {
        // A character typed is text, in a text or on a text field of the action form.
        Editing::Text { .. } | Editing::Date { .. } => text_action(key, action),
        Editing::Action(form) if form.field != 1 => text_action(key, action),
        _ => action,
    };
    match &mut editing {
        Editing::Text { field, area } => {
            if action == Some(Action::Back) {
                keep = false;
                st.live.seal();
                effects = seance_flush(app);
            } else if let Some(input) = ta_input(key)
                && area.input(input)
            {
                let text = area.lines().join("\n");
                let r = set_text(&mut st.live, &mut app.data.meetings, *field, index, &text);
                match r {
                    Ok(Change::Unchanged) => {}
                    Ok(_) => st.typed = true,
                    Err(e) => {
                        keep = false;
                        app.error(e.text(lang));
                    }
                }
            }
        }
        Editing::Date {
            field,
            input,
            error,
        } => match action {
            Some(Action::Cancel) => keep = false,
            Some(Action::Accept) => match parse_date(input.text(), meeting_date) {
                Ok(day) => {
                    let r = if *field == Field::NextMeeting {
                        st.live
                            .apply(&mut app.data.meetings, |l, _| l.set_next_meeting(day))
                    } else {
                        st.live
                            .apply(&mut app.data.meetings, |l, _| l.set_next_review(index, day))
                    };
                    match r {
                        Ok(change) => {
                            keep = false;
                            effects = applied(app, Ok(change));
                        }
                        Err(e) => *error = Some(e.text(lang)),
                    }
                }
                Err(_) => *error = Some(bad_date(input.text(), lang)),
            },
            _ => {
                if edit_line(input, key) {
                    *error = None;
                }
            }
        },
        Editing::DecisionKind { selected, query } => {
            let current = st
                .meeting_in(&app.data.meetings)
                .and_then(|m| m.items.get(index))
                .and_then(|i| i.decision);
            let choices = Editing::decision_choices(&decisions, current);
            let labels = Editing::decision_labels(&choices, lang);
            match filtered_key(query, selected, &labels, key, action, page) {
                Chosen::Cancel => keep = false,
                Chosen::Accept(None) => {}
                Chosen::Accept(Some(chosen)) => {
                    let choice = choices.get(chosen).copied().flatten();
                    let taken = current;
                    if taken.is_some() && taken != choice {
                        // A decision taken already is replaced only once confirmed.
                        keep = false;
                        st.ask = Some(Ask::ChangeDecision { choice });
                    } else {
                        let (next, fx) = seance_followup::choose(app, choice, false);
                        effects = fx;
                        match next {
                            Some(next) => editing = next,
                            None => keep = false,
                        }
                    }
                }
                Chosen::Other(_) | Chosen::Stay => {}
            }
        }
        Editing::ClosureReason {
            selected,
            decide,
            query,
        } => match filtered_key(
            query,
            selected,
            &Editing::reason_labels(lang),
            key,
            action,
            page,
        ) {
            Chosen::Cancel => keep = false,
            Chosen::Accept(None) => {}
            Chosen::Accept(Some(chosen)) => {
                keep = false;
                let reason = ClosureReason::ALL.get(chosen).copied();
                let r = match (reason, *decide) {
                    (Some(reason), Some(decision)) => {
                        st.live.apply(&mut app.data.meetings, |l, _| {
                            l.set_decision(index, Some(decision), Some(reason))
                        })
                    }
                    (Some(reason), None) => st.live.apply(&mut app.data.meetings, |l, _| {
                        l.set_closure_reason(index, reason)
                    }),
                    (None, _) => Ok(Change::Unchanged),
                };
                effects = applied(app, r);
            }
            Chosen::Other(_) | Chosen::Stay => {}
        },
        Editing::Action(form) => match action {
            Some(Action::Cancel) => keep = false,
            Some(Action::NextField) => form.field = (form.field + 1) % 3,
            Some(Action::PrevField) => form.field = (form.field + 2) % 3,
            Some(Action::ChoicePrev) if form.field == 1 => {
                form.owner_query = LineInput::default();
                form.owner = (form.owner + members.len().max(1) - 1) % members.len().max(1)
            }
            Some(Action::ChoiceNext) if form.field == 1 => {
                form.owner_query = LineInput::default();
                form.owner = (form.owner + 1) % members.len().max(1)
            }
            Some(Action::Accept) => match parse_date(form.due.text(), meeting_date) {
                Err(_) => form.error = Some(bad_date(form.due.text(), lang)),
                Ok(due) => {
                    let owner = members.get(form.owner).cloned().unwrap_or_default();
                    let input = ActionInput {
                        text: form.text.text(),
                        owner: &owner,
                        due,
                    };
                    let r = match form.action {
                        Some(a) => st.live.apply(&mut app.data.meetings, |l, _| {
                            l.edit_action(index, a, input)
                        }),
                        None => st
                            .live
                            .apply(&mut app.data.meetings, |l, _| l.add_action(index, input)),
                    };
                    match r {
                        Ok(change) => {
                            keep = false;
                            effects = applied(app, Ok(change));
                        }
                        Err(e) => form.error = Some(e.text(lang)),
                    }
                }
            },
            _ if form.field == 1 => {
                // Letters typed choose the member they fit best, as in the other lists.
                if edit_line(&mut form.owner_query, key) {
                    let query = form.owner_query.text();
                    let best = (member_texts.iter().enumerate())
                        .filter_map(|(i, t)| crate::tui::fuzzy::score(query, t).map(|s| (s, i)))
                        .max_by_key(|(s, i)| (*s, std::cmp::Reverse(*i)));
                    if let Some((_, i)) = best {
                        form.owner = i;
                    }
                }
            }
            _ => {
                let input = match form.field {
                    0 => Some(&mut form.text),
                    2 => Some(&mut form.due),
                    _ => None,
                };
                if input.is_some_and(|input| edit_line(input, key)) {
                    form.error = None;
                }
            }
        },
        // Handled by `update_followup` before the editing is taken.
        Editing::Followup(_)
        | Editing::Referent(_)
        | Editing::Measure { .. }
        | Editing::Approval { .. }
        | Editing::Provider(_) => {}
    }
    if keep && let Some(st) = app.seance.as_mut() {
        st.editing = Some(editing);
    }
    effects
}

/// Pasted text in a text of several lines: inserted at the cursor in one go (line breaks
/// kept, other control characters refused), one edit of the meeting, written like typing.
pub(super) fn paste_text(app: &mut App, text: &str) -> Vec<Effect> {
    let lang = app.lang;
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let index = st.live.current();
    let Some(Editing::Text { field, area }) = st.editing.as_mut() else {
        return Vec::new();
    };
    let clean: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' => '\n',
            '\t' => ' ',
            c => c,
        })
        .filter(|c| *c == '\n' || !crate::text::is_hazard(*c))
        .collect();
    if !area.insert_str(&clean) {
        return Vec::new();
    }
    let text = area.lines().join("\n");
    let r = set_text(&mut st.live, &mut app.data.meetings, *field, index, &text);
    match r {
        Ok(Change::Unchanged) => {}
        Ok(_) => st.typed = true,
        Err(e) => {
            st.editing = None;
            app.error(e.text(lang));
        }
    }
    Vec::new()
}
