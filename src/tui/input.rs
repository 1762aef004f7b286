//! A one-line text field: the search, the prompts, the picker's query.

use crate::tui::key::Key;
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

/// A line of text being typed, with the cursor as a char index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The display width of the text before the cursor, to place the terminal cursor.
    pub fn cursor_width(&self) -> usize {
        let before: String = self.text.chars().take(self.cursor).collect();
        before.width()
    }

    fn byte_at(&self, index: usize) -> usize {
        self.text
            .char_indices()
            .nth(index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Types a character (control characters are refused: they never enter the data).
    pub fn insert(&mut self, c: char) {
        if crate::text::is_hazard(c) {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Starts a new line (a text of several lines: the only control character let in).
    pub fn line_break(&mut self) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, '\n');
        self.cursor += 1;
    }

    /// Inserts pasted text at the cursor in one go: line breaks and tabs become spaces,
    /// other control characters are refused.
    pub fn insert_str(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !crate::text::is_hazard(*c))
            .collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }
}

/// Applies a key to a text field. Returns `false` when the key is not for text.
pub fn edit_line(input: &mut LineInput, key: Key) -> bool {
    if key.ctrl && !key.alt {
        // The usual line-editing keys of a shell: Ctrl-u clears, Ctrl-a / Ctrl-e go to the ends.
        match key.code {
            KeyCode::Char('u') => *input = LineInput::new(""),
            KeyCode::Char('a') => input.home(),
            KeyCode::Char('e') => input.end(),
            _ => return false,
        }
        return true;
    }
    if key.alt {
        return false;
    }
    match key.code {
        KeyCode::Char(c) => input.insert(c),
        KeyCode::Backspace => input.backspace(),
        KeyCode::Delete => input.delete(),
        KeyCode::Left => input.left(),
        KeyCode::Right => input.right(),
        KeyCode::Home => input.home(),
        KeyCode::End => input.end(),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_editing_with_wide_characters() {
        let mut input = LineInput::new("é日");
        assert_eq!(input.cursor_width(), 3);
        input.left();
        input.insert('x');
        assert_eq!(input.text(), "éx日");
        assert_eq!(input.cursor_width(), 2);
        input.backspace();
        input.backspace();
        assert_eq!(input.text(), "日");
        input.backspace();
        assert_eq!(input.text(), "日");
        input.delete();
        assert_eq!(input.text(), "");
        input.insert('\u{1b}');
        input.insert('\u{202E}');
        assert_eq!(input.text(), "", "control characters are refused");
        input.insert_str("a\u{1b}[2Jb\r\nc");
        assert_eq!(input.text(), "a[2Jb  c");
        input.left();
        input.insert_str("é日");
        assert_eq!(input.text(), "a[2Jb  é日c");
        assert_eq!(input.cursor_width(), 10);
    }
}
