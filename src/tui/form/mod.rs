//! A form of fields, reusable by every screen that edits a record: texts, amounts in
//! euros, choices among French labels, dates (`JJ/MM/AAAA` or `+2s`, `+3m` as the
//! séance reads them), multi-line texts (wrapped when drawn), sub-lists (fields of the
//! item `item` of a list, and a line to add one) and action lines. Its keys are the key
//! map's `form` context; any other key edits the field in focus.
//!
//! Filled at once ([`Form::new`]): `Entrée` submits every field. Field by field
//! ([`Form::per_field`]): `Entrée` on a field, or leaving a field whose value changed,
//! confirms that field alone ([`Outcome::Confirmed`]), for a record saved at each
//! confirmed field.

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
    /// One of `options` (value in files, label shown); Left/Right or Space change it,
    /// letters filter the labels (the first that holds what is typed is chosen).
    Choice {
        options: Vec<(String, String)>,
        selected: usize,
    },
    /// A date; blank is none.
    Date,
    /// A text of several lines (the key map's `new_line`, Alt-Entrée, starts a new line).
    MultiLine,
    /// A line that does something when confirmed (add an item to a list).
    Button,
}

/// One field: its label, its kind, what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub label: String,
    pub kind: Kind,
    pub input: LineInput,
    /// The item of a sub-list the field belongs to (`None`: the record itself).
    pub item: Option<usize>,
    /// What the field showed when the form was built (to tell a changed field).
    initial: String,
}

impl Field {
    pub fn text(key: &'static str, label: String, value: &str, required: bool) -> Field {
        Field {
            key,
            label,
            kind: Kind::Text { required },
            input: LineInput::new(value),
            item: None,
            initial: value.to_string(),
        }
    }

    pub fn amount(key: &'static str, label: String, value: Option<u64>, required: bool) -> Field {
        let shown = value.map(|v| v.to_string()).unwrap_or_default();
        Field {
            key,
            label,
            kind: Kind::Amount { required },
            input: LineInput::new(&shown),
            item: None,
            initial: shown,
        }
    }

    pub fn choice(
        key: &'static str,
        label: String,
        options: Vec<(&'static str, String)>,
        value: &str,
    ) -> Field {
        let options = options
            .into_iter()
            .map(|(v, l)| (v.to_string(), l))
            .collect();
        Field::choice_of(key, label, options, value)
    }

    /// A choice among values known only at run time (the bodies of the département).
    pub fn choice_of(
        key: &'static str,
        label: String,
        options: Vec<(String, String)>,
        value: &str,
    ) -> Field {
        let selected = options.iter().position(|(v, _)| v == value).unwrap_or(0);
        let initial = options
            .get(selected)
            .map(|(v, _)| v.to_string())
            .unwrap_or_default();
        Field {
            key,
            label,
            kind: Kind::Choice { options, selected },
            input: LineInput::new(""),
            item: None,
            initial,
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
            item: None,
            initial: shown,
        }
    }

    pub fn multi_line(key: &'static str, label: String, value: &str) -> Field {
        Field {
            key,
            label,
            kind: Kind::MultiLine,
            input: LineInput::new(value),
            item: None,
            initial: value.to_string(),
        }
    }

    /// A line that does something when confirmed.
    pub fn button(key: &'static str, label: String) -> Field {
        Field {
            key,
            label,
            kind: Kind::Button,
            input: LineInput::new(""),
            item: None,
            initial: String::new(),
        }
    }

    /// The field as one of the item `item` of a sub-list.
    pub fn of_item(mut self, item: usize) -> Field {
        self.item = Some(item);
        self
    }

    /// Its value (a choice's file spelling, else what is typed).
    fn value(&self) -> String {
        match &self.kind {
            Kind::Choice { options, selected } => options
                .get(*selected)
                .map(|(v, _)| v.to_string())
                .unwrap_or_default(),
            _ => self.input.text().to_string(),
        }
    }

    /// Whether the value differs from the one the form was built with.
    pub fn changed(&self) -> bool {
        self.value() != self.initial
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    Required,
    NotAnAmount,
    NotADate,
    /// Refused by a rule of the record: the sentence `validate` would give.
    Rule(String),
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
    /// Field by field: this field (its index) was confirmed with a readable value.
    Confirmed(usize),
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
    /// Confirmed field by field rather than submitted at once.
    pub per_field: bool,
    /// A line said under the fields (what a confirmed field did, what is awaited).
    pub note: Option<String>,
}

impl Form {
    pub fn new(title: String, fields: Vec<Field>, today: NaiveDate) -> Form {
        Form {
            title,
            fields,
            focus: 0,
            fault: None,
            today,
            per_field: false,
            note: None,
        }
    }

    /// A form confirmed field by field.
    pub fn per_field(title: String, fields: Vec<Field>, today: NaiveDate) -> Form {
        Form {
            per_field: true,
            ..Form::new(title, fields, today)
        }
    }

    /// The field in focus.
    /// Some field is a list to choose from (`←`/`→` do something in this form).
    pub fn has_choices(&self) -> bool {
        self.fields
            .iter()
            .any(|f| matches!(f.kind, Kind::Choice { .. }))
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Puts the focus on the field `key` of item `item` (else the nearest index).
    pub fn focus_on(&mut self, key: &str, item: Option<usize>, index: usize) {
        self.focus = self
            .fields
            .iter()
            .position(|f| f.key == key && f.item == item)
            .unwrap_or(index.min(self.fields.len().saturating_sub(1)));
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The fault of one field, if its value cannot be read.
    fn fault_of(&self, f: &Field) -> Option<Fault> {
        let text = f.input.text().trim();
        match &f.kind {
            Kind::Text { required: true } if text.is_empty() => Some(Fault::Required),
            Kind::Amount { required } if text.is_empty() => required.then_some(Fault::Required),
            Kind::Amount { .. } if parse_amount(text).is_none() => Some(Fault::NotAnAmount),
            Kind::Date if !text.is_empty() => crate::domain::dates::parse_date(text, self.today)
                .ok()
                .flatten()
                .is_none()
                .then_some(Fault::NotADate),
            _ => None,
        }
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
    pub fn choice(&self, key: &str) -> Option<&str> {
        self.choice_at(self.fields.iter().position(|f| f.key == key)?)
    }

    /// The value (file spelling) chosen in the choice field of index `i`.
    pub fn choice_at(&self, i: usize) -> Option<&str> {
        match &self.fields.get(i)?.kind {
            Kind::Choice { options, selected } => options.get(*selected).map(|(v, _)| v.as_str()),
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
        self.fields
            .iter()
            .enumerate()
            .find_map(|(i, f)| self.fault_of(f).map(|fault| (i, fault)))
    }

    /// Field by field: confirms the field in focus if it changed (or always, `force`).
    fn confirm(&mut self, force: bool) -> Option<Outcome> {
        let i = self.focus;
        let f = self.fields.get(i)?;
        if !force && !f.changed() {
            return None;
        }
        match self.fault_of(f) {
            Some(fault) => {
                self.fault = Some((i, fault));
                Some(Outcome::Editing)
            }
            None => {
                self.fault = None;
                Some(Outcome::Confirmed(i))
            }
        }
    }

    /// Applies a key: the form's own (from the key map's `form` context), else an edit
    /// of the field in focus.
    pub fn key(&mut self, keymap: &Keymap, key: Key) -> Outcome {
        let last = self.fields.len().saturating_sub(1);
        let action = keymap.resolve(Context::Form, key);
        match action {
            Some(Action::NextField | Action::PrevField) if self.per_field => {
                let from = self.focus;
                if let Some(outcome) = self.confirm(false) {
                    if outcome == Outcome::Editing {
                        return outcome;
                    }
                    // Confirmed: the caller saves it; the focus goes on.
                    self.focus = match action {
                        Some(Action::NextField) => (from + 1).min(last),
                        _ => from.saturating_sub(1),
                    };
                    return Outcome::Confirmed(from);
                }
                self.focus = match action {
                    Some(Action::NextField) => (from + 1).min(last),
                    _ => from.saturating_sub(1),
                };
            }
            Some(Action::NextField) => self.focus = (self.focus + 1).min(last),
            Some(Action::PrevField) => self.focus = self.focus.saturating_sub(1),
            Some(Action::Back | Action::Cancel) => return Outcome::Cancelled,
            Some(Action::Accept) if self.per_field => {
                let outcome = self.confirm(true).unwrap_or(Outcome::Editing);
                if matches!(outcome, Outcome::Confirmed(_)) {
                    // Confirmed: the caller saves it; the focus goes to the next field.
                    self.focus = (self.focus + 1).min(last);
                }
                return outcome;
            }
            Some(Action::NewLine)
                if self
                    .fields
                    .get(self.focus)
                    .is_some_and(|f| f.kind == Kind::MultiLine) =>
            {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    f.input.line_break();
                }
            }
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
            let filtering = !field.input.text().is_empty();
            match key.code {
                KeyCode::Char(' ') if filtering => field.input.insert(' '),
                KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                KeyCode::Left => *selected = (*selected + n - 1) % n,
                KeyCode::Backspace => field.input.backspace(),
                KeyCode::Char(c) if !c.is_control() => field.input.insert(c),
                _ => {}
            }
            if matches!(key.code, KeyCode::Char(_) | KeyCode::Backspace) {
                let typed = crate::domain::enums::fold(field.input.text());
                if let Some(i) = options
                    .iter()
                    .position(|(_, l)| crate::domain::enums::fold(l).contains(&typed))
                {
                    *selected = i;
                }
            } else {
                field.input = LineInput::default();
            }
            return;
        }
        if field.kind == Kind::Button {
            return;
        }
        super::input::edit_line(&mut field.input, key);
        if self.fault.as_ref().is_some_and(|(i, _)| *i == self.focus) {
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

#[cfg(test)]
mod line_tests {
    use super::*;

    #[test]
    fn alt_enter_starts_a_new_line_in_a_text_of_several_lines() {
        let keys = Keymap::defaults();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let mut f = Form::per_field(
            "T".into(),
            vec![Field::multi_line("notes", "Notes".into(), "a")],
            today,
        );
        let alt_enter = Key::parse("Alt-Enter").unwrap_or(Key::code(KeyCode::Null));
        assert_eq!(f.key(&keys, alt_enter), Outcome::Editing);
        f.key(&keys, Key::char('b'));
        assert_eq!(f.fields[0].input.text(), "a\nb");
        assert_eq!(
            f.key(&keys, Key::code(KeyCode::Enter)),
            Outcome::Confirmed(0)
        );
    }
}
