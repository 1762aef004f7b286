//! The lists the key map makes for the user: the `?` help of a screen and the `:` command
//! palette, both filtered by what is typed (fuzzy, case and accents aside).

use super::action::Action;
use super::fuzzy;
use super::keymap::{Context, Keymap, action_label_in};
use crate::i18n::Lang;

/// One action of the palette: its keys as shown (`Entrée`, `↑ k`) and its name in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    pub keys: String,
    pub label: String,
}

/// One line of the help: a section title, or the keys of an action and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Title(String),
    Entry { keys: String, label: String },
}

impl Keymap {
    /// The actions in effect on `screen` with their keys: the screen's, then the global
    /// ones (a global key the screen rebinds is not in effect there), each action once.
    fn in_effect(&self, screen: Context, lang: Lang) -> Vec<(Context, Command)> {
        let mut out: Vec<(Context, Command)> = Vec::new();
        for context in [screen, Context::Global] {
            if context == Context::Global && !screen.is_screen() {
                break;
            }
            for (action, keys) in self.help_entries(context) {
                let keys: Vec<String> = keys
                    .iter()
                    .filter(|k| {
                        context != Context::Global || self.resolve(screen, **k) == Some(action)
                    })
                    .map(|k| k.label(lang))
                    .collect();
                if keys.is_empty() || out.iter().any(|(_, c)| c.action == action) {
                    continue;
                }
                out.push((
                    context,
                    Command {
                        action,
                        keys: keys.join(" "),
                        label: action_label_in(screen, action, lang).to_string(),
                    },
                ));
            }
        }
        out
    }

    /// The command palette of `screen`: every action in effect there, those matching
    /// `query` (fuzzy) best first, else in the order of the help. The palette itself is
    /// left out.
    pub fn commands(&self, screen: Context, lang: Lang, query: &str) -> Vec<Command> {
        let mut scored: Vec<(u32, Command)> = self
            .in_effect(screen, lang)
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| c.action != Action::Palette)
            .filter_map(|c| {
                let text = format!("{} {} {}", c.label, c.keys, c.action.name());
                fuzzy::score(query, &text).map(|s| (s, c))
            })
            .collect();
        // Stable: equal scores keep the order of the help.
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        scored.into_iter().map(|(_, c)| c).collect()
    }

    /// The `?` help of `screen`: its keys, then the global ones, under their titles; with a
    /// query, the entries matching it (a title is kept when an entry under it is).
    pub fn help_lines(&self, screen: Context, lang: Lang, query: &str) -> Vec<HelpLine> {
        let mut out = Vec::new();
        let mut section: Option<Context> = None;
        for (context, c) in self.in_effect(screen, lang) {
            let text = format!("{} {} {}", c.label, c.keys, c.action.name());
            if fuzzy::score(query, &text).is_none() {
                continue;
            }
            if section != Some(context) {
                section = Some(context);
                out.push(HelpLine::Title(context.title(lang).to_string()));
            }
            out.push(HelpLine::Entry {
                keys: c.keys,
                label: c.label,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::KeyOverride;

    #[test]
    fn the_palette_lists_the_screen_then_the_global_actions_and_filters_them() {
        let map = Keymap::defaults();
        let all = map.commands(Context::Agenda, Lang::Fr, "");
        assert_eq!(all[0].action, Action::AddTopic);
        assert!(
            all.iter()
                .any(|c| c.action == Action::Help && c.keys == "? F1")
        );
        assert!(!all.iter().any(|c| c.action == Action::Palette));
        let found = map.commands(Context::Agenda, Lang::Fr, "convq");
        assert_eq!(found[0].action, Action::Convene);
        assert_eq!(found[0].keys, "v");
        let accents = map.commands(Context::Seance, Lang::Fr, "presences");
        assert_eq!(accents[0].action, Action::Attendance);
        assert!(map.commands(Context::Agenda, Lang::Fr, "zzzz").is_empty());
    }

    #[test]
    fn the_help_is_filtered_the_same_way_and_follows_a_rebinding() {
        let mut map = Keymap::defaults();
        let lines = map.help_lines(Context::Seance, Lang::Fr, "présen");
        assert_eq!(lines[0], HelpLine::Title("Séance".to_string()));
        assert_eq!(
            lines[1],
            HelpLine::Entry {
                keys: "p".to_string(),
                label: "présences".to_string()
            }
        );
        map.merge(
            &[KeyOverride {
                context: "seance".into(),
                key: "F9".into(),
                action: "attendance".into(),
            }],
            Lang::Fr,
        )
        .unwrap();
        let lines = map.help_lines(Context::Seance, Lang::Fr, "présences");
        assert!(
            lines.contains(&HelpLine::Entry {
                keys: "p F9".to_string(),
                label: "présences".to_string()
            }),
            "{lines:?}"
        );
    }
}
