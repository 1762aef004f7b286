//! One key with its modifiers: read from the config file (English or French names), from a
//! terminal event, and named for the screen (`Entrée`, `Échap`, `Maj-Tab`, `↑`, `Suppr`).

use crate::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// One key with its modifiers (`Shift` is folded into the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// The names of the keys that are not characters: (code, config name, French, English).
/// The config file accepts the first three; the screen shows the French or English one.
const NAMED: &[(KeyCode, &str, &str, &str)] = &[
    (KeyCode::Enter, "Enter", "Entrée", "Enter"),
    (KeyCode::Esc, "Esc", "Échap", "Esc"),
    (KeyCode::Tab, "Tab", "Tab", "Tab"),
    (KeyCode::BackTab, "Shift-Tab", "Maj-Tab", "Shift-Tab"),
    (
        KeyCode::Backspace,
        "Backspace",
        "Retour-arrière",
        "Backspace",
    ),
    (KeyCode::Delete, "Delete", "Suppr", "Delete"),
    (KeyCode::Up, "Up", "↑", "↑"),
    (KeyCode::Down, "Down", "↓", "↓"),
    (KeyCode::Left, "Left", "←", "←"),
    (KeyCode::Right, "Right", "→", "→"),
    (KeyCode::Home, "Home", "Début", "Home"),
    (KeyCode::End, "End", "Fin", "End"),
    (KeyCode::PageUp, "PageUp", "PgPréc", "PageUp"),
    (KeyCode::PageDown, "PageDown", "PgSuiv", "PageDown"),
    (KeyCode::Char(' '), "Space", "Espace", "Space"),
];

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

    /// A character typed as text (no `Ctrl`, no `Alt`): what a text field takes.
    pub fn typed_char(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// Reads `q`, `J`, `Enter`, `Ctrl-r`, `Shift-Tab`, `F1`, `Space`, and the French names
    /// shown on screen (`Entrée`, `Échap`, `Maj-Tab`, `↑`, `Suppr`, `Ctrl-r`...).
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
        if let Some((code, ..)) = NAMED
            .iter()
            .find(|(_, config, fr, _)| rest == *config || rest == *fr)
        {
            key.code = *code;
            return Some(key);
        }
        key.code = match rest {
            "BackTab" => KeyCode::BackTab,
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

    /// The name shown on screen and in docs/keys.md: `Entrée`, `Échap`, `Maj-Tab`, `↑`...
    pub fn label(&self, lang: Lang) -> String {
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        match NAMED.iter().find(|(code, ..)| *code == self.code) {
            Some((_, _, fr, en)) => out.push_str(lang.pick(fr, en)),
            None => match self.code {
                KeyCode::Char(c) => out.push(c),
                KeyCode::F(n) => out.push_str(&format!("F{n}")),
                _ => out.push('?'),
            },
        }
        out
    }
}

/// The name of the key in the config file (`Enter`, `Shift-Tab`, `Ctrl-r`).
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match NAMED.iter().find(|(code, ..)| *code == self.code) {
            Some((_, config, ..)) => f.write_str(config),
            None => match self.code {
                KeyCode::Char(c) => write!(f, "{c}"),
                KeyCode::F(n) => write!(f, "F{n}"),
                _ => f.write_str("?"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn french_names_are_shown_and_read() {
        for (config, fr) in [
            ("Enter", "Entrée"),
            ("Esc", "Échap"),
            ("Shift-Tab", "Maj-Tab"),
            ("Up", "↑"),
            ("Down", "↓"),
            ("Delete", "Suppr"),
            ("Ctrl-r", "Ctrl-r"),
            ("Space", "Espace"),
        ] {
            let key = Key::parse(config).unwrap();
            assert_eq!(key.label(Lang::Fr), fr);
            assert_eq!(Key::parse(fr), Some(key), "{fr}");
        }
        assert_eq!(Key::parse("Enter").unwrap().label(Lang::En), "Enter");
    }

    #[test]
    fn terminal_events_map_to_keys() {
        let shift_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shift_j), Key::char('J'));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&ctrl_r), Key::ctrl('r'));
        let back = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&back), Key::code(KeyCode::BackTab));
        assert_eq!(Key::from_event(&ctrl_r).typed_char(), None);
        assert_eq!(Key::from_event(&shift_j).typed_char(), Some('J'));
    }
}
