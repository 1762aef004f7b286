//! Text that came from files is shown, never interpreted.
//!
//! [`visible`] turns control characters, escape sequences, bidirectional overrides and
//! invisible characters into harmless visible marks, for the terminal and for messages.

use std::borrow::Cow;

/// Characters that must never reach a terminal or an export as they are.
pub fn is_hazard(c: char) -> bool {
    c.is_control() || is_format_hazard(c)
}

/// Invisible formatting characters that can disguise text: bidirectional controls,
/// zero-width characters, the byte order mark.
pub fn is_format_hazard(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{061C}' | '\u{180E}')
}

/// One line of text made safe to show: every hazard becomes a visible mark
/// (control pictures such as `␛` for C0 controls, `⟨U+202E⟩` for the others).
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`visible`], but keeps line breaks (and turns tabs into spaces), for multi-line notes.
pub fn visible_multiline(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hazard(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\r' => {}
            _ => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// At most `max` characters of `text`, with `…` in place of the rest: a value quoted in
/// a message stays readable even when the file holds a line of 100,000 characters.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = text
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..keep]))
        }
    }
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push(' '),
        '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\u{7F}' => out.push('␡'),
        c if is_hazard(c) => out.push_str(&format!("⟨U+{:04X}⟩", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(visible("Adèle 日本 🎉"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_controls_become_visible() {
        let shown = visible("a\u{1b}[2Jb\u{7}c\u{9b}d\u{202E}e\u{200B}f");
        assert_eq!(shown, "a␛[2Jb␇c⟨U+009B⟩d⟨U+202E⟩e⟨U+200B⟩f");
        assert!(!shown.chars().any(is_hazard));
    }

    #[test]
    fn clip_keeps_short_texts_and_cuts_long_ones_on_a_character() {
        assert!(matches!(clip("abc", 3), Cow::Borrowed("abc")));
        assert_eq!(clip("abcd", 3), "ab…");
        assert_eq!(clip(&"é".repeat(10), 4), "ééé…");
        assert_eq!(clip(&"é".repeat(10), 4).chars().count(), 4);
        assert_eq!(clip("", 0), "");
        assert_eq!(clip("a", 0), "…");
    }

    #[test]
    fn multiline_keeps_line_breaks_only() {
        assert_eq!(
            visible_multiline("a\r\nb\tc\u{1b}]52;c;x\u{7}"),
            "a\nb    c␛]52;c;x␇"
        );
        assert_eq!(visible("a\nb"), "a␊b");
    }
}
