//! A form of fields, reusable by every screen that edits a record: texts, amounts in
//! euros, choices among French labels, dates (`JJ/MM/AAAA` or `+2s`, `+3m` as the
//! séance reads them) and multi-line texts. Its keys are the key map's `form` context;
//! any other key edits the field in focus.

pub mod draw;

use super::action::Action;
use super::input::LineInput;
use super::keymap::{Context, Key, Keymap};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Text {
        required: bool,
    },
    /// A whole number of euros (spaces allowed: `12 000`).
    Amount {
        required: bool,
    },
    /// One of `options` (value in files, label shown); Left/Right or Space change it.
    Choice {
        options: Vec<(&'static str, String)>,
        selected: usize,
    },
    /// A date; blank is none.
    Date,
    /// A text of several lines (Ctrl-j starts a new line).
    MultiLine,
}

/// One field: its label, its kind, what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub label: String,
    pub kind: Kind,
    pub input: LineInput,
}

impl Field {
    pub fn text(key: &'static str, label: String, value: &str, required: bool) -> Field {
        Field {
            key,
            label,
            kind: Kind::Text { required },
            input: LineInput::new(value),
        }
    }

    pub fn amount(key: &'static str, label: String, value: Option<u64>, required: bool) -> Field {
        let shown = value.map(|v| v.to_string()).unwrap_or_default();
        Field {
            key,
            label,
            kind: Kind::Amount { required },
            input: LineInput::new(&shown),
        }
    }

    pub fn choice(
        key: &'static str,
        label: String,
        options: Vec<(&'static str, String)>,
        value: &str,
    ) -> Field {
        let selected = options.iter().position(|(v, _)| *v == value).unwrap_or(0);
        Field {
            key,
            label,
            kind: Kind::Choice { options, selected },
            input: LineInput::new(""),
        }
    }

    pub fn date(key: &'static str, label: String, value: Option<NaiveDate>) -> Field {
        let shown = value
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default();
        Field {
            key,
            label,
            kind: Kind::Date,
            input: LineInput::new(&shown),
        }
    }

    pub fn multi_line(key: &'static str, label: String, value: &str) -> Field {
        Field {
            key,
            label,
            kind: Kind::MultiLine,
            input: LineInput::new(value),
        }
    }

    /// What the field shows (the label of a choice, else what is typed).
    pub fn shown(&self) -> &str {
        match &self.kind {
            Kind::Choice { options, selected } => {
                options.get(*selected).map_or("", |(_, l)| l.as_str())
            }
            _ => self.input.text(),
        }
    }
}

/// Why a field's value is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Required,
    NotAnAmount,
    NotADate,
}

/// What a key did to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The form goes on.
    Editing,
    /// Every field is valid: the caller reads the values.
    Submitted,
    /// Given up.
    Cancelled,
}

/// A form being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The first refused field, after a submit.
    pub fault: Option<(usize, Fault)>,
    pub today: NaiveDate,
}

impl Form {
    pub fn new(title: String, fields: Vec<Field>, today: NaiveDate) -> Form {
        Form {
            title,
            fields,
            focus: 0,
            fault: None,
            today,
        }
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The text of a field, trimmed; `None` when blank.
    pub fn text(&self, key: &str) -> Option<String> {
        let t = self.field(key)?.input.text().trim().to_string();
        (!t.is_empty()).then_some(t)
    }

    /// The amount of a field (`None` when blank or unreadable).
    pub fn amount(&self, key: &str) -> Option<u64> {
        parse_amount(self.field(key)?.input.text())
    }

    /// The value (file spelling) chosen in a choice field.
    pub fn choice(&self, key: &str) -> Option<&'static str> {
        match &self.field(key)?.kind {
            Kind::Choice { options, selected } => options.get(*selected).map(|(v, _)| *v),
            _ => None,
        }
    }

    /// The date of a date field.
    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        crate::domain::dates::parse_date(self.field(key)?.input.text(), self.today)
            .ok()
            .flatten()
    }

    /// The first field whose value is refused.
    pub fn check(&self) -> Option<(usize, Fault)> {
        self.fields.iter().enumerate().find_map(|(i, f)| {
            let text = f.input.text().trim();
            let fault = match &f.kind {
                Kind::Text { required: true } if text.is_empty() => Some(Fault::Required),
                Kind::Amount { required } if text.is_empty() => required.then_some(Fault::Required),
                Kind::Amount { .. } if parse_amount(text).is_none() => Some(Fault::NotAnAmount),
                Kind::Date if !text.is_empty() => {
                    crate::domain::dates::parse_date(text, self.today)
                        .ok()
                        .flatten()
                        .is_none()
                        .then_some(Fault::NotADate)
                }
                _ => None,
            };
            fault.map(|fault| (i, fault))
        })
    }

    /// Applies a key: the form's own (from the key map's `form` context), else an edit
    /// of the field in focus.
    pub fn key(&mut self, keymap: &Keymap, key: Key) -> Outcome {
        let last = self.fields.len().saturating_sub(1);
        match keymap.resolve(Context::Form, key) {
            Some(Action::NextField) => self.focus = (self.focus + 1).min(last),
            Some(Action::PrevField) => self.focus = self.focus.saturating_sub(1),
            Some(Action::Back | Action::Cancel) => return Outcome::Cancelled,
            Some(Action::Accept) => {
                self.fault = self.check();
                match self.fault {
                    None => return Outcome::Submitted,
                    Some((i, _)) => self.focus = i,
                }
            }
            _ => self.edit(key),
        }
        Outcome::Editing
    }

    fn edit(&mut self, key: Key) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if let Kind::Choice { options, selected } = &mut field.kind {
            let n = options.len().max(1);
            match key.code {
                KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                KeyCode::Left => *selected = (*selected + n - 1) % n,
                _ => {}
            }
            return;
        }
        if field.kind == Kind::MultiLine && key == Key::ctrl('j') {
            field.input.insert('\n');
            return;
        }
        super::update::edit_line(&mut field.input, key);
        if self.fault.is_some_and(|(i, _)| i == self.focus) {
            self.fault = None;
        }
    }
}

/// Reads `12000`, `12 000`, `12 000 €`.
pub fn parse_amount(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        Form::new(
            "T".into(),
            vec![
                Field::text("title", "Intitulé".into(), "", true),
                Field::amount("granted", "Accordé".into(), Some(12), false),
                Field::choice(
                    "status",
                    "Statut".into(),
                    vec![
                        ("requested", "demandée".into()),
                        ("granted", "accordée".into()),
                    ],
                    "granted",
                ),
                Field::date("due", "Échéance".into(), None),
            ],
            today,
        )
    }

    fn typed(f: &mut Form, keys: &Keymap, text: &str) {
        for c in text.chars() {
            f.key(keys, Key::char(c));
        }
    }

    #[test]
    fn a_form_is_filled_field_by_field_and_refuses_what_cannot_be_read() {
        let keys = Keymap::defaults();
        let mut f = form();
        // A required field left blank stops the submit there.
        assert_eq!(f.key(&keys, Key::code(KeyCode::Enter)), Outcome::Editing);
        assert_eq!(f.fault, Some((0, Fault::Required)));
        typed(&mut f, &keys, "Groupes de parole");
        f.key(&keys, Key::code(KeyCode::Tab));
        f.key(&keys, Key::ctrl('u'));
        typed(&mut f, &keys, "12 5x0");
        assert_eq!(f.key(&keys, Key::code(KeyCode::Enter)), Outcome::Editing);
        assert_eq!(f.fault, Some((1, Fault::NotAnAmount)));
        f.key(&keys, Key::code(KeyCode::Left));
        f.key(&keys, Key::code(KeyCode::Backspace));
        f.key(&keys, Key::code(KeyCode::Down));
        f.key(&keys, Key::code(KeyCode::Right));
        f.key(&keys, Key::code(KeyCode::Tab));
        typed(&mut f, &keys, "+2s");
        assert_eq!(f.key(&keys, Key::code(KeyCode::Enter)), Outcome::Submitted);
        assert_eq!(f.text("title").as_deref(), Some("Groupes de parole"));
        assert_eq!(f.amount("granted"), Some(1250));
        assert_eq!(f.choice("status"), Some("requested"));
        assert_eq!(f.date("due"), NaiveDate::from_ymd_opt(2026, 12, 9));
        assert_eq!(f.key(&keys, Key::code(KeyCode::Esc)), Outcome::Cancelled);
    }

    #[test]
    fn amounts_accept_the_spaces_of_french_numbers() {
        assert_eq!(parse_amount("12 000 €"), Some(12_000));
        assert_eq!(parse_amount("4\u{a0}000"), Some(4_000));
        assert_eq!(parse_amount("-3"), None);
        assert_eq!(parse_amount(""), None);
    }
}
