//! The key map: one table `(context, key) -> action`, defaults embedded, the user's
//! bindings merged over them. The bottom line, the `?` help and `docs/keys.md` are
//! generated from it.

use super::action::Action;
use super::strings::{T, action_label};
use crate::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::fmt;

/// Where a binding applies. `Global` applies on every screen unless the screen binds the key.
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
    Form,
    Help,
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
        Context::Form,
        Context::Help,
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
            Context::Form => "form",
            Context::Help => "help",
        }
    }

    pub fn parse(name: &str) -> Option<Context> {
        Context::ALL.iter().copied().find(|c| c.name() == name)
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
            Context::Form => T::HelpForm.get(lang),
            Context::Help => T::Help.get(lang),
        }
    }
}

/// One key with its modifiers (`Shift` is folded into the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn char(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
            alt: false,
        }
    }

    pub fn code(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The key of a terminal event.
    pub fn from_event(event: &KeyEvent) -> Key {
        let code = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Reads `q`, `J`, `Enter`, `Ctrl-r`, `Shift-Tab`, `F1`, `Space`...
    pub fn parse(text: &str) -> Option<Key> {
        let mut key = Key::code(KeyCode::Null);
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Alt-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        key.code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" | "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Delete" => KeyCode::Delete,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Space" => KeyCode::Char(' '),
            f if f.starts_with('F') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
            c => {
                let mut chars = c.chars();
                let first = chars.next()?;
                if chars.next().is_some() || first.is_control() || first == ' ' {
                    return None;
                }
                KeyCode::Char(if key.ctrl {
                    first.to_ascii_lowercase()
                } else {
                    first
                })
            }
        };
        Some(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// One entry of the key map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// Shown on the bottom line of its screen.
    pub on_bar: bool,
}

/// A binding as written in the config file: `{ context: agenda, key: "J", action: move_down }`.
/// `action: none` removes the binding of that key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct KeyOverride {
    pub context: String,
    pub key: String,
    pub action: String,
}

/// The default bindings: `context key action [bar]`, one a line.
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

    /// Reads a table of `context key action [bar]` lines (`#` starts a comment).
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
            let parsed = match words.as_slice() {
                [c, k, a] | [c, k, a, "bar"] => Context::parse(c)
                    .zip(Key::parse(k))
                    .zip(Action::parse(a))
                    .map(|((context, key), action)| Binding {
                        context,
                        key,
                        action,
                        on_bar: words.len() == 4,
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
            let on_bar = next
                .iter()
                .any(|b| b.context == context && Some(b.action) == action && b.on_bar);
            next.retain(|b| !(b.context == context && b.key == key));
            if let Some(action) = action {
                next.push(Binding {
                    context,
                    key,
                    action,
                    on_bar,
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
        find(context).or_else(|| {
            // A form types letters: only its own keys apply there.
            if matches!(context, Context::Help | Context::Form) {
                None
            } else {
                find(Context::Global)
            }
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

    /// What the bottom line shows on a screen: the screen's marked actions, then the global ones.
    pub fn bar(&self, context: Context) -> Vec<(Key, Action)> {
        let mut out: Vec<(Key, Action)> = Vec::new();
        for ctx in [context, Context::Global] {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == ctx && b.on_bar)
            {
                let shadowed =
                    ctx == Context::Global && self.resolve(context, b.key) != Some(b.action);
                if !shadowed && !out.iter().any(|(_, a)| *a == b.action) {
                    out.push((b.key, b.action));
                }
            }
        }
        out
    }

    /// The key map as a Markdown document (docs/keys.md).
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = String::new();
        out.push_str(lang.pick("# Touches de `cellule`\n", "# Keys of `cellule`\n"));
        out.push_str(lang.pick(
            "\nCe document est produit à partir de la table des touches par défaut \
             (`src/tui/keys.default`). Chaque touche peut être changée dans le fichier \
             de configuration.\n",
            "\nThis document is generated from the default key table \
             (`src/tui/keys.default`). Every key can be changed in the config file.\n",
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
                let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
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

fn unknown(lang: Lang, what: &str, value: &str, names: &[&str]) -> String {
    let shown = crate::text::visible(value);
    let near = names
        .iter()
        .map(|n| (strsim::levenshtein(n, value), *n))
        .filter(|(d, _)| *d <= 3)
        .min();
    let (what_fr, what_en) = match what {
        "context" => ("écran", "context"),
        "key" => ("touche", "key"),
        _ => ("action", "action"),
    };
    match (lang, near) {
        (Lang::Fr, Some((_, n))) => {
            format!("{what_fr} inconnu(e) « {shown} » ; vouliez-vous dire « {n} » ?")
        }
        (Lang::Fr, None) => format!("{what_fr} inconnu(e) « {shown} »"),
        (Lang::En, Some((_, n))) => format!("unknown {what_en} \"{shown}\"; did you mean \"{n}\"?"),
        (Lang::En, None) => format!("unknown {what_en} \"{shown}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_reads_without_error() {
        let map = Keymap::parse(DEFAULT_KEYS).unwrap();
        assert_eq!(map, Keymap::defaults());
        assert!(map.bindings().len() > 30);
    }

    #[test]
    fn keys_read_and_print_back() {
        for text in [
            "q",
            "J",
            "?",
            "/",
            "Enter",
            "Esc",
            "Ctrl-r",
            "Shift-Tab",
            "F1",
            "Space",
            "Alt-x",
        ] {
            let key = Key::parse(text).unwrap();
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(Key::parse("Ctrl-R"), Key::parse("Ctrl-r"));
        assert_eq!(Key::parse("ab"), None);
        assert_eq!(Key::parse(""), None);
        assert_eq!(Key::parse("Ctrl-"), None);
    }

    #[test]
    fn terminal_events_map_to_keys() {
        let shift_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shift_j), Key::char('J'));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&ctrl_r), Key::ctrl('r'));
        let back = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&back), Key::code(KeyCode::BackTab));
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
            map.resolve(Context::Help, Key::char('j')),
            Some(Action::Down)
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
                .contains(&(Key::ctrl('j'), Action::MoveDown))
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
            let bar: Vec<Action> = map.bar(ctx).into_iter().map(|(_, a)| a).collect();
            assert!(bar.contains(&Action::Help), "{ctx:?}");
            assert!(
                bar.contains(&Action::Quit) || bar.contains(&Action::Back),
                "{ctx:?}"
            );
        }
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
            assert!(doc.contains(&format!("`{}`", b.key)), "{} missing", b.key);
        }
    }
}
