//! The agenda changed during the séance: an urgent case (the agenda's case picker) or a
//! topic (« questions diverses »), added after the current item and taken next.

use super::*;
use crate::domain::Item;
use seance::{applied, editable};

/// `C` / `A` in the séance: the case picker, or the prompt of a topic's title.
pub(super) fn add_to_agenda(app: &mut App, case: bool) -> Vec<Effect> {
    let Some(st) = app.seance.as_ref() else {
        return Vec::new();
    };
    if let Err(e) = editable(st) {
        app.error(e.text(app.lang));
        return Vec::new();
    }
    if case {
        app.overlays.push(Overlay::Picker(Picker::default()));
    } else {
        app.overlays.push(Overlay::Prompt(Prompt {
            kind: PromptKind::Topic,
            input: LineInput::new(app.lang.pick("Questions diverses", "Other business")),
            error: None,
        }));
    }
    Vec::new()
}

/// The séance takes the item chosen in the picker or typed in the prompt (`true`), when
/// it is the screen shown.
pub(super) fn seance_takes(app: &App) -> bool {
    app.screen == Screen::Seance && app.seance.is_some()
}

/// Adds `item` to the séance's agenda, after the current item.
pub(super) fn add_item(app: &mut App, item: Item) -> Vec<Effect> {
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    st.live.seal();
    let r = st.live.add_item(item);
    let added = r.as_ref().is_ok_and(|c| c.is_changed());
    let effects = applied(app, r);
    if added {
        let text = app.lang.pick(
            "Point ajouté à l'ordre du jour, après le point en cours.",
            "Item added to the agenda, after the current one.",
        );
        app.info(text);
    }
    effects
}

/// Once the meeting is closed: what was not discussed, and the review of the open actions,
/// go onto the body's next draft (created when there is none), said in a message.
pub(super) fn carry_over(app: &mut App) -> Vec<Effect> {
    use crate::domain::agenda::{DEFAULT_ACTIONS_MINUTES, default_start, new_meeting};
    use crate::domain::live::carry::{carry_into, not_discussed};
    let Some(closed) = app.seance.as_ref().map(|st| st.meeting().clone()) else {
        return Vec::new();
    };
    let items = not_discussed(&closed);
    let next = app
        .data
        .meetings
        .iter()
        .filter(|m| {
            m.body == closed.body
                && m.id != closed.id
                && m.status == crate::domain::MeetingStatus::Draft
                && m.date >= closed.date
        })
        .min_by(|a, b| a.chronological_key().cmp(&b.chronological_key()))
        .cloned();
    let mut next = match next {
        Some(next) => next,
        None => {
            let every = app
                .data
                .department
                .body(&closed.body)
                .map_or(28, |b| b.every_days);
            let date = closed.next_meeting.unwrap_or_else(|| {
                closed
                    .date
                    .checked_add_days(chrono::Days::new(u64::from(every)))
                    .unwrap_or(closed.date)
            });
            match new_meeting(&app.data, &closed.body, date, default_start()) {
                Some(m) => m,
                None => return Vec::new(),
            }
        }
    };
    let open = crate::tui::seance::earlier_actions(&app.data.meetings, &next)
        .iter()
        .filter(|a| a.done_on.is_none())
        .count();
    let review = (open > 0).then(|| {
        Item::actions_review(
            crate::tui::strings::T::ActionsItem.get(app.lang),
            Some(DEFAULT_ACTIONS_MINUTES),
        )
    });
    // The approval of the minutes of the meeting just closed opens the next agenda.
    let lang = app.lang;
    let approval =
        crate::domain::approval::add_approval(&mut next, std::slice::from_ref(&closed), |d| {
            crate::i18n::export::approval_title(lang, d)
        });
    let carried = items.len();
    if carry_into(&mut next, items, review) == 0
        && !approval
        && app.data.meeting(&next.id).is_some()
    {
        return Vec::new();
    }
    let text = carried_note(carried, open, next.date, app.lang);
    match app.data.meetings.iter_mut().find(|m| m.id == next.id) {
        Some(slot) => *slot = next.clone(),
        None => app.data.meetings.push(next.clone()),
    }
    app.refresh();
    app.info(text);
    vec![Effect::SaveMeeting(next)]
}

/// « Reportés à la réunion du 28/12/2026 : 2 points non traités, 6 actions ouvertes. »
fn carried_note(
    items: usize,
    actions: usize,
    date: chrono::NaiveDate,
    lang: crate::i18n::Lang,
) -> String {
    let day = crate::tui::strings::date(date, lang);
    let s = |n: usize| if n > 1 { "s" } else { "" };
    match lang {
        crate::i18n::Lang::Fr => format!(
            "Reportés à la réunion du {day} : {items} point{} non traité{}, {actions} action{} ouverte{}.",
            s(items),
            s(items),
            s(actions),
            s(actions)
        ),
        crate::i18n::Lang::En => format!(
            "Carried to the meeting of {day}: {items} item(s) not discussed, {actions} open action(s)."
        ),
    }
}
