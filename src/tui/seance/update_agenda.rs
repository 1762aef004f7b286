//! The agenda changed during the séance: an urgent case (the agenda's case picker) or a
//! topic (« questions diverses »), added after the current item and taken next; an item not
//! taken yet moved, or postponed to the body's next meeting; what closing carries over.

use super::*;
use crate::domain::Item;
use crate::domain::live::Change;
use seance::{applied, editable_or_say};

/// `C` / `A` in the séance: the case picker, or the prompt of a topic's title.
pub(super) fn add_to_agenda(app: &mut App, case: bool) -> Vec<Effect> {
    if !editable_or_say(app) {
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
    // The agenda shifts: the item chosen to move is the current one again.
    st.chosen = None;
    let r = st
        .live
        .apply(&mut app.data.meetings, |l, _| l.add_item(item));
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

/// `>` / `<`: chooses the agenda item below or above the one chosen (at first, the
/// current item), to move or postpone it.
pub(super) fn choose(app: &mut App, up: bool) {
    let Some(st) = app.seance.as_mut() else {
        return;
    };
    let len = st
        .meeting_in(&app.data.meetings)
        .map_or(0, |m| m.items.len());
    let at = st.chosen_item();
    let to = if up {
        at.saturating_sub(1)
    } else {
        at.saturating_add(1).min(len.saturating_sub(1))
    };
    st.chosen = Some(to);
}

/// `K` / `J`: moves the chosen item (the current one when none is chosen) one place up or
/// down among the items not taken yet; it stays chosen. The séance stays at its place, so
/// an item moved up to it is the one taken now.
pub(super) fn move_chosen(app: &mut App, up: bool) -> Vec<Effect> {
    if !editable_or_say(app) {
        return Vec::new();
    }
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let index = st.chosen_item();
    st.live.seal();
    match st
        .live
        .apply(&mut app.data.meetings, |l, _| l.move_item(index, up))
    {
        Ok(Some(to)) => {
            let current = st.live.current();
            if index == current || to == current {
                st.field = 0;
            }
            st.chosen = Some(to);
            applied(app, Ok(Change::This))
        }
        Ok(None) => {
            let text = if up {
                app.lang.pick(
                    "Ce point est déjà le premier de l'ordre du jour.",
                    "This item is first on the agenda already.",
                )
            } else {
                app.lang.pick(
                    "Ce point est déjà le dernier de l'ordre du jour.",
                    "This item is last on the agenda already.",
                )
            };
            app.info(text);
            Vec::new()
        }
        Err(e) => applied(app, Err(e)),
    }
}

/// `R`: postpones the chosen item (the current one when none is chosen) to the body's next
/// draft meeting, created when there is none; this meeting records it (« reporté à la
/// prochaine séance »). Both files are written; `u` undoes both.
pub(super) fn postpone_chosen(app: &mut App) -> Vec<Effect> {
    use crate::domain::live::carry::next_draft;
    if !editable_or_say(app) {
        return Vec::new();
    }
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let index = st.chosen_item();
    let Some(m) = st.meeting_in(&app.data.meetings) else {
        return Vec::new();
    };
    if let Err(e) = st.live.ensure_open(m, index) {
        app.error(e.text(app.lang));
        return Vec::new();
    }
    let Some((next, created)) = next_draft(&app.data, m) else {
        return Vec::new();
    };
    let (next_id, next_date) = (next.id.clone(), next.date);
    if created {
        app.data.meetings.push(next);
    }
    st.live.seal();
    let r = st.live.apply(&mut app.data.meetings, |l, others| {
        l.postpone(index, others, &next_id)
    });
    st.chosen = None;
    if r.is_err() && created {
        app.data.meetings.retain(|m| m.id != next_id);
    }
    if r.is_ok() {
        st.field = 0;
    }
    let done = r.is_ok();
    let effects = applied(app, r);
    if done {
        let day = crate::tui::strings::date(next_date, app.lang);
        let text = match (app.lang, created) {
            (crate::i18n::Lang::Fr, false) => {
                format!("Point reporté à la réunion du {day}, en préparation.")
            }
            (crate::i18n::Lang::Fr, true) => {
                format!("Point reporté à la réunion du {day}, créée en préparation.")
            }
            (crate::i18n::Lang::En, false) => {
                format!("Item postponed to the draft meeting of {day}.")
            }
            (crate::i18n::Lang::En, true) => {
                format!("Item postponed to the meeting of {day}, created as a draft.")
            }
        };
        app.info(text);
    }
    effects
}

/// Once the meeting is closed: what was not discussed, and the review of the open actions,
/// go onto the body's next draft (created when there is none), said in a message.
pub(super) fn carry_over(app: &mut App) -> Vec<Effect> {
    use crate::domain::agenda::DEFAULT_ACTIONS_MINUTES;
    use crate::domain::live::carry::{carry_into, next_draft, not_discussed};
    let Some(closed) = app.seance_meeting().cloned() else {
        return Vec::new();
    };
    let items = not_discussed(&closed);
    let Some((mut next, _)) = next_draft(&app.data, &closed) else {
        return Vec::new();
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
