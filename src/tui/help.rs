//! The `?` help's lines, from the key map in effect: for the current screen, then
//! everywhere. Drawn by `screens::help`; scrolled by `update` (which knows their number).

use super::keymap::{Context, Keymap};
use super::strings::action_label;
use crate::i18n::Lang;

/// The lines of the help for a screen: its own keys, then the global ones.
pub fn help_lines(keymap: &Keymap, screen: Context, lang: Lang) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for context in [screen, Context::Global] {
        let entries = keymap.help_entries(context);
        if entries.is_empty() {
            continue;
        }
        out.push((context.title(lang).to_string(), String::new(), true));
        for (action, keys) in entries {
            // A global key the screen rebinds is not in effect there.
            let keys: Vec<String> = keys
                .iter()
                .filter(|k| {
                    context != Context::Global || keymap.resolve(screen, **k) == Some(action)
                })
                .map(|k| k.to_string())
                .collect();
            if !keys.is_empty() {
                out.push((
                    keys.join(" "),
                    action_label(action, lang).to_string(),
                    false,
                ));
            }
        }
    }
    out
}
