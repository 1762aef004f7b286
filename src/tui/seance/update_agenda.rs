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
