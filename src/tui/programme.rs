//! The state of the FIPD programme screen, and the form of one action.

use super::form::{Field, Form};
use crate::domain::fipd::{Category, FundAction, FundStatus, Programme, StructureType};
use crate::i18n::{Lang, fipd as words};
use chrono::NaiveDate;

/// The programme screen: which year, which action, the form open, the edits to undo.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgrammeState {
    pub year: i32,
    /// A place among the rows shown (those the search keeps).
    pub selected: usize,
    /// `/`: the actions kept are those whose title, structure, category or status hold
    /// what is typed.
    pub searching: bool,
    pub search: super::input::LineInput,
    /// The form open, with the index of the action it edits (`None`: a new one).
    pub form: Option<(Option<usize>, Form)>,
    /// The programme before each edit (`None`: there was no file), most recent last.
    pub undo: Vec<Option<Programme>>,
    pub redo: Vec<Option<Programme>>,
}

/// The form of an action.
pub fn action_form(a: &FundAction, lang: Lang, today: NaiveDate) -> Form {
    let t = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    let categories = Category::ALL
        .iter()
        .map(|c| (c.as_str(), words::category(*c, lang).to_string()))
        .collect();
    let kinds = StructureType::ALL
        .iter()
        .map(|k| (k.as_str(), words::structure_type(*k, lang).to_string()))
        .collect();
    let statuses = FundStatus::ALL
        .iter()
        .map(|s| (s.as_str(), words::status(*s, lang).to_string()))
        .collect();
    let title = format!("{} {}", t("Action", "Action"), a.id);
    Form::new(
        title,
        vec![
            Field::text("title", t("Intitulé", "Title"), &a.title, true),
            Field::choice(
                "category",
                t("Catégorie", "Category"),
                categories,
                a.category.as_str(),
            ),
            Field::text(
                "structure",
                t("Structure", "Structure"),
                &a.structure.name,
                true,
            ),
            Field::choice(
                "kind",
                t("Type de structure", "Structure type"),
                kinds,
                a.structure.kind.as_str(),
            ),
            Field::amount(
                "requested",
                t("Demandé (€)", "Requested (€)"),
                Some(a.requested),
                true,
            ),
            Field::amount("granted", t("Accordé (€)", "Granted (€)"), a.granted, false),
            Field::amount(
                "cost",
                t("Coût total (€)", "Total cost (€)"),
                Some(a.cost),
                true,
            ),
            Field::choice("status", t("Statut", "Status"), statuses, a.status.as_str()),
            Field::date("decided", t("Décidée le", "Decided on"), a.decided),
            Field::text(
                "code",
                t("Code analytique", "Analytic code"),
                a.code.as_deref().unwrap_or(""),
                false,
            ),
            Field::multi_line(
                "notes",
                t("Notes", "Notes"),
                a.notes.as_deref().unwrap_or(""),
            ),
        ],
        today,
    )
}

/// The action as the form says (the fields it does not show kept from `a`).
pub fn apply_form(form: &Form, a: &FundAction) -> FundAction {
    let mut out = a.clone();
    if let Some(title) = form.text("title") {
        out.title = title;
    }
    if let Some(c) = form.choice("category").and_then(Category::parse) {
        out.category = c;
    }
    if let Some(name) = form.text("structure") {
        out.structure.name = name;
    }
    if let Some(k) = form.choice("kind").and_then(StructureType::parse) {
        out.structure.kind = k;
    }
    out.requested = form.amount("requested").unwrap_or(a.requested);
    out.granted = form.amount("granted");
    out.cost = form.amount("cost").unwrap_or(a.cost);
    if let Some(s) = form.choice("status").and_then(FundStatus::parse) {
        out.status = s;
    }
    out.decided = form.date("decided");
    out.code = form.text("code");
    out.notes = form.text("notes");
    out
}

/// The sentence of a programme file changed by someone else meanwhile.
pub struct Changed;

impl Changed {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(
            "le fichier du programme a été modifié par ailleurs : rien n'est écrit, rouvrez cellule pour voir sa version",
            "the programme file was changed elsewhere: nothing is written, open cellule again to see its version",
        )
    }
}

/// See [`Changed`].
pub const CHANGED: Changed = Changed;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::input::LineInput;

    #[test]
    fn the_decision_date_is_a_field_of_the_form() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let mut a = FundAction::requested("a", "Action", Category::Parenting);
        a.decided = NaiveDate::from_ymd_opt(2026, 3, 10);
        let mut form = action_form(&a, Lang::Fr, today);
        let field = form.fields.iter().position(|f| f.key == "decided");
        let Some(i) = field else {
            panic!("a date field");
        };
        assert_eq!(form.fields[i].shown(), "10/03/2026");
        assert_eq!(apply_form(&form, &a).decided, a.decided);
        form.fields[i].input = LineInput::new("12/05/2026");
        assert_eq!(
            apply_form(&form, &a).decided,
            NaiveDate::from_ymd_opt(2026, 5, 12)
        );
        form.fields[i].input = LineInput::new("");
        assert_eq!(apply_form(&form, &a).decided, None);
    }
}
