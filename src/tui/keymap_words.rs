//! The key map put into words: the bottom line of each screen, the hints in sentences and
//! `docs/keys.md`, all built from the table in effect ([`Keymap`]), so that a key the user
//! rebinds is the key every one of them names.

use super::action::Action;
use super::keymap::{Context, Key, Keymap, action_label_in};
use super::strings::{T, action_label};
use crate::i18n::Lang;

impl Keymap {
    /// What the bottom line shows on a screen: the screen's marked actions, then the global
    /// ones, by priority (table order within one priority), each action once.
    pub fn bar(&self, context: Context) -> Vec<(Key, Action, u8)> {
        let mut out: Vec<(Key, Action, u8)> = Vec::new();
        let contexts: &[Context] = if context.is_screen() {
            &[context, Context::Global]
        } else {
            &[context]
        };
        for ctx in contexts {
            for b in self.bindings().iter().filter(|b| b.context == *ctx) {
                let Some(priority) = b.priority else {
                    continue;
                };
                let shadowed =
                    *ctx == Context::Global && self.resolve(context, b.key) != Some(b.action);
                if !shadowed && !out.iter().any(|(_, a, _)| *a == b.action) {
                    out.push((b.key, b.action, priority));
                }
            }
        }
        out.sort_by_key(|(_, _, p)| *p);
        out
    }

    /// The bottom line of `context` as items `(keys, label, priority)`, by priority: the
    /// two halves of a pair (`↑`/`↓`, `←`/`→`, `Tab`/`Maj-Tab`) make one item.
    pub fn bar_items(&self, context: Context, lang: Lang) -> Vec<(String, String, u8)> {
        self.bar_items_without(context, lang, &[])
    }

    /// The bottom line of `context` without the actions that do nothing in the state shown
    /// (`←`/`→` in a form with no list to choose from): no hint promises a key in vain.
    pub fn bar_items_without(
        &self,
        context: Context,
        lang: Lang,
        without: &[Action],
    ) -> Vec<(String, String, u8)> {
        const PAIRS: &[(Action, Action, T)] = &[
            (Action::Up, Action::Down, T::PairChoose),
            (Action::ChoicePrev, Action::ChoiceNext, T::PairChoice),
            (Action::NextField, Action::PrevField, T::PairField),
        ];
        let mut entries = self.bar(context);
        entries.retain(|(_, a, _)| !without.contains(a));
        let mut out: Vec<(String, String, u8)> = Vec::new();
        let mut done: Vec<Action> = Vec::new();
        for (key, action, priority) in &entries {
            if done.contains(action) {
                continue;
            }
            let pair = PAIRS.iter().find(|(a, b, _)| a == action || b == action);
            let other = pair.and_then(|(a, b, label)| {
                let other = if a == action { *b } else { *a };
                entries
                    .iter()
                    .find(|(_, x, _)| *x == other)
                    .map(|(k, x, p)| (*k, *x, *p, *label))
            });
            match other {
                Some((other_key, other_action, other_priority, label)) => {
                    done.push(other_action);
                    let (first, second) = if pair.is_some_and(|(a, ..)| a == action) {
                        (*key, other_key)
                    } else {
                        (other_key, *key)
                    };
                    let label = match (context, label) {
                        (Context::Help | Context::Preview, T::PairChoose) => T::PairScroll,
                        _ => label,
                    };
                    out.push((
                        format!("{}/{}", first.label(lang), second.label(lang)),
                        label.get(lang).to_string(),
                        (*priority).min(other_priority),
                    ));
                }
                None => out.push((
                    key.label(lang),
                    action_label_in(context, *action, lang).to_string(),
                    *priority,
                )),
            }
            done.push(*action);
        }
        out.sort_by_key(|(_, _, p)| *p);
        out
    }

    /// The keys of a modal state on one line, from the map: `↑/↓ choisir · Entrée valider
    /// · Échap annuler` (the way out last). A text of the séance begins with how it is saved.
    pub fn hint_line(&self, context: Context, lang: Lang) -> String {
        self.hint_line_without(context, lang, &[])
    }

    /// [`Self::hint_line`] without `without` (see [`Self::bar_items_without`]).
    pub fn hint_line_without(&self, context: Context, lang: Lang, without: &[Action]) -> String {
        let closing: Vec<String> = [Action::Back, Action::Cancel]
            .iter()
            .flat_map(|a| self.keys_of(context, *a))
            .map(|k| k.label(lang))
            .collect();
        let mut items: Vec<(bool, String)> = self
            .bar_items_without(context, lang, without)
            .into_iter()
            .map(|(keys, label, _)| (closing.contains(&keys), format!("{keys} {label}")))
            .collect();
        items.sort_by_key(|(last, _)| *last);
        let mut parts: Vec<String> = Vec::new();
        if context == Context::Text {
            parts.push(T::TypingSaved.get(lang).to_string());
        }
        parts.extend(items.into_iter().map(|(_, item)| item));
        parts.join(" · ")
    }

    /// How a text of the séance is saved, and `Entrée` starting a new line (when the map
    /// leaves `Entrée` to the text).
    pub fn typing_note(&self, lang: Lang) -> String {
        let enter = Key::code(ratatui::crossterm::event::KeyCode::Enter);
        if self.resolve(Context::Text, enter).is_none() {
            format!(
                "{} · {} {}",
                T::TypingSaved.get(lang),
                enter.label(lang),
                T::NewLine.get(lang)
            )
        } else {
            T::TypingSaved.get(lang).to_string()
        }
    }

    /// The first key of `action` in `context` as shown on screen, or « (aucune touche) ».
    pub fn key_label(&self, context: Context, action: Action, lang: Lang) -> String {
        match self.keys_of(context, action).first() {
            Some(key) => key.label(lang),
            None => T::NoKey.get(lang).to_string(),
        }
    }

    /// A sentence of the catalogue with its keys filled in from the map: `{open}` becomes the
    /// key of the action `open` in `context` (« Entrée » by default).
    pub fn fill(&self, context: Context, text: &str, lang: Lang) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            match after
                .find('}')
                .and_then(|end| Action::parse(&after[..end]).map(|a| (end, a)))
            {
                Some((end, action)) => {
                    out.push_str(&self.key_label(context, action, lang));
                    rest = &after[end + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The key map as a Markdown document (docs/keys.md).
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = String::new();
        out.push_str(lang.pick("# Touches de `cellule`\n", "# Keys of `cellule`\n"));
        out.push_str(lang.pick(
            "\nCe document est produit à partir de la table des touches par défaut \
             (`src/tui/keys.default`). Chaque touche peut être changée dans le fichier \
             de configuration, rubrique `keys:`, par écran ou par état (formulaire, liste, \
             question…) : par exemple `keys: { seance: { F5: attendance, p: none } }`. \
             Les noms de touches sont ceux de l'écran (`Entrée`, `Échap`, `Maj-Tab`, `↑`, \
             `Suppr`…) ou leurs noms anglais (`Enter`, `Esc`, `Shift-Tab`, `Up`, `Delete`…). \
             La ligne du bas, l'aide `?`, la palette de commandes `:` et les phrases qui \
             citent une touche suivent la table en vigueur.\n\n\
             Dans un champ de texte, un caractère frappé est du texte ; les touches \
             d'édition de la ligne y restent fixes : `←` `→` `Début` `Fin` \
             `Retour-arrière` `Suppr`, `Ctrl-u` (tout effacer), `Ctrl-a` / `Ctrl-e` \
             (début / fin). Une question qui peut faire perdre du travail (`dialog`) ne \
             prend aucune lettre : on choisit la réponse avec les flèches, on la donne \
             avec `Entrée`.\n\n\
             La souris est facultative (tout se fait au clavier) : un clic sur un onglet \
             de la ligne du haut ouvre son écran ; un clic sur une ligne d'une liste la \
             choisit, un second clic sur la ligne déjà choisie fait comme `Entrée` ; un \
             clic sur un volet lui donne les touches (le détail d'une situation, les \
             invités, un champ du point en cours de la séance) ; la molette fait défiler \
             la liste sous le pointeur. Quand une fenêtre est ouverte par-dessus l'écran \
             (palette, liste de choix, question), seuls ses éléments répondent au clic.\n",
            "\nThis document is generated from the default key table \
             (`src/tui/keys.default`). Every key can be changed in the config file, under \
             `keys:`, per screen or state (form, list, question...). Key names are the \
             ones shown on screen or their English names. In a text field a character \
             typed is text; the line-editing keys are fixed there. A question that can \
             lose work (`dialog`) takes no letter. The mouse is optional: a click on a \
             tab opens its screen, on a row selects it (a second click acts as Enter), on a \
             pane gives it the keys; the wheel scrolls the list under the pointer.\n",
        ));
        for context in Context::ALL {
            let entries = self.help_entries(*context);
            if entries.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "\n## {} (`{}`)\n\n",
                context.title(lang),
                context.name()
            ));
            out.push_str(lang.pick(
                "| Touches | Action | Nom |\n|---|---|---|\n",
                "| Keys | Action | Name |\n|---|---|---|\n",
            ));
            for (action, keys) in entries {
                let keys: Vec<String> = keys
                    .iter()
                    .map(|k| format!("`{}`", k.label(lang)))
                    .collect();
                out.push_str(&format!(
                    "| {} | {} | `{}` |\n",
                    keys.join(" "),
                    action_label(action, lang),
                    action.name()
                ));
            }
        }
        out
    }
}
