//! The key map: one table `(context, key) -> action`, defaults embedded, the user's
//! bindings merged over them. The bottom line, the `?` help and `docs/keys.md` are
//! generated from it.

use super::action::Action;
pub use super::key::Key;
use super::strings::{T, action_label};
use crate::i18n::Lang;
use serde::Deserialize;

/// Where a binding applies. `Global` applies on every screen unless the screen binds the key;
/// the modal states (a form, a list to choose from, a question...) have their own sections
/// and take from `global` only `force_quit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    Dashboard,
    Situations,
    Meetings,
    Agenda,
    Seance,
    Programme,
    Help,
    /// The command palette (`:`).
    Palette,
    /// A one-line field: a prompt of the agenda, the search, a date of the séance.
    TextEntry,
    /// A list filtered by typing: the case picker, the members of the directory.
    Picker,
    /// A form of several fields: new case, monthly report, action, guest.
    Form,
    /// A list to choose from: the decision, the closure reason, the export menu.
    Choice,
    /// The preview of an export.
    Preview,
    /// A yes/no question asked after a key of the user (start, close the meeting).
    Confirm,
    /// A question that can lose work (changed elsewhere, stale lock, invalid edit):
    /// answered only with deliberate keys, never with a letter typed in the flow.
    Dialog,
    /// The attendance panel of the séance.
    Attendance,
    /// A text of several lines in the séance (decision, notes, difficulties).
    Text,
    /// The invitees pane of the agenda screen.
    Invitees,
}

impl Context {
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Dashboard,
        Context::Situations,
        Context::Meetings,
        Context::Agenda,
        Context::Seance,
        Context::Programme,
        Context::Help,
        Context::Palette,
        Context::TextEntry,
        Context::Picker,
        Context::Form,
        Context::Choice,
        Context::Preview,
        Context::Confirm,
        Context::Dialog,
        Context::Attendance,
        Context::Text,
        Context::Invitees,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Dashboard => "dashboard",
            Context::Situations => "situations",
            Context::Meetings => "meetings",
            Context::Agenda => "agenda",
            Context::Seance => "seance",
            Context::Programme => "programme",
            Context::Help => "help",
            Context::Palette => "palette",
            Context::TextEntry => "text_entry",
            Context::Picker => "picker",
            Context::Form => "form",
            Context::Choice => "choice",
            Context::Preview => "preview",
            Context::Confirm => "confirm",
            Context::Dialog => "dialog",
            Context::Attendance => "attendance",
            Context::Text => "text",
            Context::Invitees => "invitees",
        }
    }

    pub fn parse(name: &str) -> Option<Context> {
        Context::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// A screen (its keys fall back to the global ones); the others are modal.
    pub fn is_screen(self) -> bool {
        matches!(
            self,
            Context::Dashboard
                | Context::Situations
                | Context::Meetings
                | Context::Agenda
                | Context::Seance
                | Context::Programme
        )
    }

    /// The title of the context in the help.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => T::HelpGlobal.get(lang),
            Context::Dashboard => T::ScreenDashboard.get(lang),
            Context::Situations => T::ScreenSituations.get(lang),
            Context::Meetings => T::ScreenMeetings.get(lang),
            Context::Agenda => T::ScreenAgenda.get(lang),
            Context::Seance => T::ScreenSeance.get(lang),
            Context::Programme => T::ScreenProgramme.get(lang),
            Context::Help => T::Help.get(lang),
            Context::Palette => T::CtxPalette.get(lang),
            Context::TextEntry => T::CtxTextEntry.get(lang),
            Context::Picker => T::CtxPicker.get(lang),
            Context::Form => T::CtxForm.get(lang),
            Context::Choice => T::CtxChoice.get(lang),
            Context::Preview => T::Preview.get(lang),
            Context::Confirm => T::CtxConfirm.get(lang),
            Context::Dialog => T::CtxDialog.get(lang),
            Context::Attendance => T::CtxAttendance.get(lang),
            Context::Text => T::CtxText.get(lang),
            Context::Invitees => T::CtxInvitees.get(lang),
        }
    }
}

/// The name of an action where it is used: `q` goes back outside the dashboard, `Échap`
/// closes a panel, ends a text.
pub fn action_label_in(context: Context, action: Action, lang: Lang) -> &'static str {
    match (context, action) {
        (Context::Dashboard | Context::Global, Action::Quit) => action_label(action, lang),
        (_, Action::Quit) => action_label(Action::Back, lang),
        (
            Context::Help | Context::Preview | Context::Attendance | Context::Invitees,
            Action::Back,
        ) => T::LabelClose.get(lang),
        (Context::Text, Action::Back) => T::LabelEnd.get(lang),
        _ => action_label(action, lang),
    }
}

/// One entry of the key map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// Shown on the bottom line of its screen, by priority: 1 for the screen's main actions
    /// (never left out at 80 columns), 2 for `q` and `?`, then 3, 4... (`None`: only in the
    /// help and the palette).
    pub priority: Option<u8>,
}

/// A binding as written in the config file: `{ context: agenda, key: "J", action: move_down }`.
/// `action: none` removes the binding of that key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct KeyOverride {
    pub context: String,
    pub key: String,
    pub action: String,
}

/// The default bindings: `context key action [priority]`, one a line.
pub const DEFAULT_KEYS: &str = include_str!("keys.default");

/// The key map in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Keymap {
    /// The embedded defaults.
    pub fn defaults() -> Keymap {
        match Keymap::parse(DEFAULT_KEYS) {
            Ok(map) => map,
            // The embedded table is checked by the tests; never fail at run time.
            Err(_) => Keymap {
                bindings: Vec::new(),
            },
        }
    }

    /// Reads a table of `context key action [priority]` lines (`#` starts a comment).
    /// A key bound twice in one context is an error.
    pub fn parse(text: &str) -> Result<Keymap, Vec<String>> {
        let mut bindings: Vec<Binding> = Vec::new();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let priority = match words.get(3) {
                None => Some(None),
                Some(p) => p.parse::<u8>().ok().filter(|p| *p > 0).map(Some),
            };
            let parsed = match words.as_slice() {
                [c, k, a] | [c, k, a, _] => Context::parse(c)
                    .zip(Key::parse(k))
                    .zip(Action::parse(a))
                    .zip(priority)
                    .map(|(((context, key), action), priority)| Binding {
                        context,
                        key,
                        action,
                        priority,
                    }),
                _ => None,
            };
            match parsed {
                Some(b)
                    if bindings
                        .iter()
                        .any(|o| o.context == b.context && o.key == b.key) =>
                {
                    errors.push(format!("line {}: {} bound twice", n + 1, b.key));
                }
                Some(b) => bindings.push(b),
                None => errors.push(format!("line {}: cannot read {line:?}", n + 1)),
            }
        }
        if errors.is_empty() {
            Ok(Keymap { bindings })
        } else {
            Err(errors)
        }
    }

    /// Merges the user's bindings over this map. A key given twice for one context, an
    /// unknown context, key or action is reported (in `lang`) and nothing is changed.
    pub fn merge(&mut self, overrides: &[KeyOverride], lang: Lang) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        let mut seen: Vec<(Context, Key)> = Vec::new();
        let mut next = self.bindings.clone();
        for o in overrides {
            let Some(context) = Context::parse(&o.context) else {
                let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                errors.push(unknown(lang, "context", &o.context, &names));
                continue;
            };
            let Some(key) = Key::parse(&o.key) else {
                errors.push(unknown(lang, "key", &o.key, &[]));
                continue;
            };
            if seen.contains(&(context, key)) {
                errors.push(match lang {
                    Lang::Fr => format!("touche {key} donnée deux fois pour {}", context.name()),
                    Lang::En => format!("key {key} given twice for {}", context.name()),
                });
                continue;
            }
            seen.push((context, key));
            let action = if o.action == "none" {
                None
            } else {
                match Action::parse(&o.action) {
                    Some(a) => Some(a),
                    None => {
                        let names: Vec<String> = Action::ALL.iter().map(|a| a.name()).collect();
                        let names: Vec<&str> = names.iter().map(String::as_str).collect();
                        errors.push(unknown(lang, "action", &o.action, &names));
                        continue;
                    }
                }
            };
            // The action keeps its place on the bottom line, even when its old key was
            // unbound first.
            let priority = self
                .bindings
                .iter()
                .chain(next.iter())
                .filter(|b| b.context == context && Some(b.action) == action)
                .filter_map(|b| b.priority)
                .min();
            next.retain(|b| !(b.context == context && b.key == key));
            if let Some(action) = action {
                next.push(Binding {
                    context,
                    key,
                    action,
                    priority,
                });
            }
        }
        if errors.is_empty() {
            self.bindings = next;
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The action of `key` on a screen: the screen's binding, else the global one.
    pub fn resolve(&self, context: Context, key: Key) -> Option<Action> {
        let find = |ctx: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == ctx && b.key == key)
                .map(|b| b.action)
        };
        find(context).or_else(|| match find(Context::Global) {
            Some(action) if context.is_screen() => Some(action),
            Some(Action::ForceQuit) => Some(Action::ForceQuit),
            _ => None,
        })
    }

    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys of `action` in `context` (or globally, when the context does not rebind them).
    pub fn keys_of(&self, context: Context, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|b| b.action == action)
            .filter(|b| {
                b.context == context
                    || (b.context == Context::Global
                        && context.is_screen()
                        && self.resolve(context, b.key) == Some(action))
            })
            .map(|b| b.key)
            .collect()
    }

    /// The actions of a context with their keys, in table order, each action once.
    pub fn help_entries(&self, context: Context) -> Vec<(Action, Vec<Key>)> {
        let mut out: Vec<(Action, Vec<Key>)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context) {
            match out.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, keys)) => keys.push(b.key),
                None => out.push((b.action, vec![b.key])),
            }
        }
        out
    }
}

fn unknown(lang: Lang, what: &str, value: &str, names: &[&str]) -> String {
    let shown = crate::text::visible(value);
    let near = names
        .iter()
        .map(|n| (strsim::levenshtein(n, value), *n))
        .filter(|(d, _)| *d <= 3)
        .min();
    let (what_fr, what_en) = match what {
        "context" => ("écran inconnu", "context"),
        "key" => ("touche inconnue", "key"),
        _ => ("action inconnue", "action"),
    };
    match (lang, near) {
        (Lang::Fr, Some((_, n))) => {
            format!("{what_fr} « {shown} » ; vouliez-vous dire « {n} » ?")
        }
        (Lang::Fr, None) => format!("{what_fr} « {shown} »"),
        (Lang::En, Some((_, n))) => format!("unknown {what_en} \"{shown}\"; did you mean \"{n}\"?"),
        (Lang::En, None) => format!("unknown {what_en} \"{shown}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyCode;

    #[test]
    fn the_embedded_table_reads_without_error() {
        let map = Keymap::parse(DEFAULT_KEYS).unwrap();
        assert_eq!(map, Keymap::defaults());
        assert!(map.bindings().len() > 30);
    }

    #[test]
    fn screen_bindings_win_over_global_ones() {
        let map = Keymap::defaults();
        assert_eq!(
            map.resolve(Context::Agenda, Key::char('J')),
            Some(Action::MoveDown)
        );
        assert_eq!(
            map.resolve(Context::Agenda, Key::char('j')),
            Some(Action::Down)
        );
        assert_eq!(
            map.resolve(Context::Dashboard, Key::char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            map.resolve(Context::Agenda, Key::ctrl('c')),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            map.resolve(Context::Help, Key::code(KeyCode::Down)),
            Some(Action::Down)
        );
        assert_eq!(
            map.resolve(Context::Help, Key::char('j')),
            None,
            "letters filter the help"
        );
        assert_eq!(
            map.resolve(Context::Help, Key::char('n')),
            None,
            "the help is modal"
        );
    }

    #[test]
    fn the_user_rebinds_and_unbinds_keys() {
        let mut map = Keymap::defaults();
        let o = |c: &str, k: &str, a: &str| KeyOverride {
            context: c.into(),
            key: k.into(),
            action: a.into(),
        };
        map.merge(
            &[o("agenda", "Ctrl-j", "move_down"), o("agenda", "J", "none")],
            Lang::Fr,
        )
        .unwrap();
        assert_eq!(
            map.resolve(Context::Agenda, Key::ctrl('j')),
            Some(Action::MoveDown)
        );
        assert_eq!(map.resolve(Context::Agenda, Key::char('J')), None);
        assert_eq!(
            map.keys_of(Context::Agenda, Action::MoveDown),
            vec![Key::ctrl('j')]
        );
        assert!(
            map.bar(Context::Agenda)
                .contains(&(Key::ctrl('j'), Action::MoveDown, 4))
        );
    }

    #[test]
    fn bad_overrides_are_reported_and_change_nothing() {
        let mut map = Keymap::defaults();
        let before = map.clone();
        let o = |c: &str, k: &str, a: &str| KeyOverride {
            context: c.into(),
            key: k.into(),
            action: a.into(),
        };
        let errors = map
            .merge(
                &[
                    o("agenda", "x", "move_dwn"),
                    o("agnda", "x", "quit"),
                    o("agenda", "xx", "quit"),
                    o("global", "z", "quit"),
                    o("global", "z", "help"),
                ],
                Lang::En,
            )
            .unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(
            errors[0].contains("did you mean \"move_down\""),
            "{}",
            errors[0]
        );
        assert!(errors[1].contains("\"agenda\""), "{}", errors[1]);
        assert!(errors[3].contains("twice"), "{}", errors[3]);
        assert_eq!(map, before);
    }

    #[test]
    fn a_key_bound_twice_in_the_table_is_rejected() {
        let errors = Keymap::parse("global q quit\nglobal q help\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(Keymap::parse("global q quat").is_err());
    }

    #[test]
    fn every_screen_shows_help_and_quit_on_its_bar() {
        let map = Keymap::defaults();
        for ctx in [
            Context::Dashboard,
            Context::Situations,
            Context::Meetings,
            Context::Agenda,
            Context::Seance,
        ] {
            let bar: Vec<Action> = map.bar(ctx).into_iter().map(|(_, a, _)| a).collect();
            assert!(bar.contains(&Action::Help), "{ctx:?}");
            assert!(
                bar.contains(&Action::Quit) || bar.contains(&Action::Back),
                "{ctx:?}"
            );
        }
    }

    #[test]
    fn modal_states_have_their_own_keys_and_only_force_quit_from_global() {
        let map = Keymap::defaults();
        assert_eq!(
            map.resolve(Context::Form, Key::parse("Enter").unwrap()),
            Some(Action::Accept)
        );
        assert_eq!(map.resolve(Context::Form, Key::char('q')), None);
        assert_eq!(map.resolve(Context::Dialog, Key::char('r')), None);
        assert_eq!(map.resolve(Context::Dialog, Key::char('k')), None);
        assert_eq!(
            map.resolve(Context::Dialog, Key::ctrl('c')),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            map.resolve(Context::Attendance, Key::char('p')),
            Some(Action::Present)
        );
        // A dialog that can lose work takes no letter at all.
        for b in map
            .bindings()
            .iter()
            .filter(|b| b.context == Context::Dialog)
        {
            assert!(
                !matches!(b.key.code, ratatui::crossterm::event::KeyCode::Char(_)) || b.key.ctrl,
                "{:?}",
                b.key
            );
        }
    }

    #[test]
    fn sentences_and_hints_take_their_keys_from_the_map() {
        let mut map = Keymap::defaults();
        let text = "Ordre du jour vide : {add_topic} ajoute un sujet, {nope} reste";
        assert_eq!(
            map.fill(Context::Agenda, text, Lang::Fr),
            "Ordre du jour vide : a ajoute un sujet, {nope} reste"
        );
        assert_eq!(
            map.hint_line(Context::Choice, Lang::Fr),
            "Entrée valider · ↑/↓ choisir · Échap annuler"
        );
        let o = |c: &str, k: &str, a: &str| KeyOverride {
            context: c.into(),
            key: k.into(),
            action: a.into(),
        };
        map.merge(
            &[
                o("agenda", "a", "none"),
                o("agenda", "F3", "add_topic"),
                o("choice", "Enter", "none"),
                o("choice", "Ctrl-o", "accept"),
            ],
            Lang::Fr,
        )
        .unwrap();
        assert!(
            map.fill(Context::Agenda, text, Lang::Fr)
                .contains("F3 ajoute")
        );
        let hint = map.hint_line(Context::Choice, Lang::Fr);
        assert!(
            hint.contains("Ctrl-o valider") && !hint.contains("Entrée"),
            "{hint}"
        );
    }

    #[test]
    fn keys_doc_is_generated_from_the_table() {
        let expected = Keymap::defaults().markdown(Lang::Fr);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let doc = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            doc, expected,
            "docs/keys.md is out of date: run UPDATE_DOCS=1 cargo test keys_doc"
        );
        for b in Keymap::defaults().bindings() {
            let shown = format!("`{}`", b.key.label(Lang::Fr));
            assert!(doc.contains(&shown), "{} missing", b.key);
        }
    }
}
