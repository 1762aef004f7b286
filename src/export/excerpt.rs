//! Excerpts of the minutes at the partners level: for one référent de parcours, the decisions
//! and actions on its cases only; and the actions decided at a meeting, owner by owner.

use super::ExportError;
use super::doc::{Cell, Document};
use super::minutes::item_title;
use super::parts::{header, is_draft, label, person_line};
use super::redact::{ActionView, Partners, Redacted};
use crate::domain::ItemKind;
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};

/// The same structure, ignoring case and surrounding blanks.
fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The decisions and actions of `meeting_id` on the cases followed by `referent`.
pub fn for_referent(
    view: Redacted<'_, Partners>,
    meeting_id: &str,
    referent: &str,
    lang: Lang,
) -> Result<Document, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let draft = is_draft(meeting.status());
    let mut doc = header(lang, Label::Excerpt, &meeting, view.marking(), draft);
    doc.field(label(lang, Label::Referent), referent.trim());
    let mut any = false;
    for (index, item) in meeting.items().iter().enumerate() {
        let Some(case) = item.case().filter(|_| item.kind() == ItemKind::Case) else {
            continue;
        };
        if !case
            .referent()
            .is_some_and(|r| same(r.structure(), referent))
        {
            continue;
        }
        any = true;
        doc.heading(
            2,
            format!("{}. {}", index + 1, item_title(lang, item, true)),
        );
        let decision = item
            .decision()
            .map(|d| words::decision(lang, d))
            .unwrap_or(Label::NoDecision.text(lang));
        doc.field(label(lang, Label::Decision), decision);
        if let Some(text) = item.decision_text().filter(|t| !t.trim().is_empty()) {
            doc.field(label(lang, Label::DecisionText), text);
        }
        if let Some(review) = item.next_review() {
            doc.field(
                label(lang, Label::NextReview),
                words::long_date(lang, review),
            );
        }
        let actions = item.actions();
        if !actions.is_empty() {
            doc.heading(3, words::actions_of_item(lang, index + 1));
            doc.table(
                &[
                    Label::Action.text(lang),
                    Label::Owner.text(lang),
                    Label::Due.text(lang),
                ],
                actions
                    .iter()
                    .map(|a| {
                        vec![
                            a.text().into(),
                            person_line(&a.owner()).into(),
                            due(lang, a),
                        ]
                    })
                    .collect(),
            );
        }
    }
    if !any {
        doc.para(Label::NoCaseOfReferent.text(lang));
    }
    Ok(doc)
}

/// The actions decided at `meeting_id`, grouped by the owner's organisation (in order of first
/// appearance), each with its case and due date.
pub fn actions_by_owner(
    view: Redacted<'_, Partners>,
    meeting_id: &str,
    lang: Lang,
) -> Result<Document, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let draft = is_draft(meeting.status());
    let mut doc = header(lang, Label::ActionsByOwner, &meeting, view.marking(), draft);
    let actions: Vec<ActionView<'_, Partners>> =
        meeting.items().iter().flat_map(|i| i.actions()).collect();
    if actions.is_empty() {
        doc.para(Label::NoActionDecided.text(lang));
        return Ok(doc);
    }
    let mut orgs: Vec<&str> = Vec::new();
    for a in &actions {
        let org = a.owner().organisation();
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    for org in orgs {
        let title = if org.trim().is_empty() {
            Label::Owner.text(lang)
        } else {
            org.trim()
        };
        doc.heading(2, title);
        let rows: Vec<Vec<Cell>> = actions
            .iter()
            .filter(|a| a.owner().organisation() == org)
            .map(|a| {
                vec![
                    a.text().into(),
                    person_line(&a.owner()).into(),
                    super::minutes::action_case(a).into(),
                    due(lang, a),
                ]
            })
            .collect();
        doc.table(
            &[
                Label::Action.text(lang),
                Label::Owner.text(lang),
                Label::Case.text(lang),
                Label::Due.text(lang),
            ],
            rows,
        );
    }
    Ok(doc)
}

fn due(lang: Lang, a: &ActionView<'_, Partners>) -> Cell {
    a.due()
        .map(|d| words::short_date(lang, d))
        .unwrap_or_default()
        .into()
}
