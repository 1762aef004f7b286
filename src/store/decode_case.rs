//! `cases/<id>.yaml` → [`Case`].

use super::fields::{At, Obj};
use super::node::Node;
use super::problem::Sink;
use crate::domain::case_rules as rules;
use crate::domain::{
    Case, CaseKind, CaseStatus, ClosureReason, Justice, Measure, MeasureType, Referent,
    ReferentType, Schooling, Source,
};
use crate::i18n::Msg;
use chrono::NaiveDate;

pub(crate) const KEYS: &[&str] = &[
    "id",
    "body",
    "kind",
    "label",
    "name",
    "birth_year",
    "reported_on",
    "source",
    "status",
    "referent",
    "family_contacted_on",
    "justice",
    "schooling",
    "returnee_minor",
    "measures",
    "next_review",
    "closed_on",
    "closure_reason",
    "notes",
];
pub(crate) const REFERENT_KEYS: &[&str] = &["structure", "type", "person"];
const MEASURE_KEYS: &[&str] = &[
    "type",
    "provider",
    "from",
    "to",
    "fipd",
    "fipd_justification",
    "support_group",
];

/// Decodes a case, checking what can be checked inside the file: shapes, enum values,
/// dates, the closure fields against the status and dates in order.
pub fn decode_case(root: &Node, sink: &mut Sink) -> Option<Case> {
    let o = Obj::open(root, At::Root, "case", KEYS, sink)?;
    let id = o.need_file_id("id", sink);
    let body = o.need_short_id("body", sink);
    let kind = o.need_choice("kind", CaseKind::parse, CaseKind::CHOICES, sink);
    let label = o.need_text("label", sink);
    let name = o.text("name", sink);
    let birth_year = o.year("birth_year", sink);
    let reported_on = o.need_date("reported_on", sink);
    let source = o.need_choice("source", Source::parse, Source::CHOICES, sink);
    let status = o.need_choice("status", CaseStatus::parse, CaseStatus::CHOICES, sink);
    let referent = o.get("referent").and_then(|v| decode_referent(v, &o, sink));
    let family_contacted_on = o.date("family_contacted_on", sink);
    let justice = o.choice("justice", Justice::parse, Justice::CHOICES, sink);
    let schooling = o.choice("schooling", Schooling::parse, Schooling::CHOICES, sink);
    let returnee_minor = o.boolean("returnee_minor", sink);
    let measures: Option<Vec<Measure>> = o.each("measures", sink, decode_measure);
    let next_review = o.date("next_review", sink);
    let closed_on = o.date("closed_on", sink);
    let closure_reason = o.choice(
        "closure_reason",
        ClosureReason::parse,
        ClosureReason::CHOICES,
        sink,
    );
    let notes = o.text("notes", sink);

    // A birth year after the signalement, or too far back, is a typo.
    if let Some(fault) = birth_year.and_then(|y| rules::birth_year_fault(y, reported_on)) {
        sink.at_value(o.at("birth_year"), fault.into());
    }

    // Closure fields go with status closed, and only with it.
    if let Some(status) = status {
        if status == CaseStatus::Closed {
            if !o.has("closed_on") {
                sink.at_value(o.at("status"), Msg::ClosedNeedsDate);
            }
            if !o.has("closure_reason") {
                sink.at_value(o.at("status"), Msg::ClosedNeedsReason);
            }
        } else {
            let status = status.as_str().to_string();
            if o.has("closed_on") {
                sink.at_key(
                    o.at("closed_on"),
                    Msg::NotClosedButDate {
                        status: status.clone(),
                    },
                );
            }
            if o.has("closure_reason") {
                sink.at_key(o.at("closure_reason"), Msg::NotClosedButReason { status });
            }
        }
    }
    if let (Some(closed), Some(reported)) = (closed_on, reported_on)
        && let Some(fault) = rules::order_fault("closed_on", closed, "reported_on", reported)
    {
        sink.at_value(o.at("closed_on"), fault.into());
    }

    Some(Case {
        id: id?,
        body: body?,
        kind: kind?,
        label: label?,
        name,
        birth_year: birth_year.and_then(|y| i32::try_from(y).ok()),
        reported_on: reported_on?,
        source: source?,
        status: status?,
        referent,
        family_contacted_on,
        justice: justice.unwrap_or(Justice::None),
        schooling,
        returnee_minor: returnee_minor.unwrap_or(false),
        measures: measures?,
        next_review,
        closed_on,
        closure_reason,
        notes,
    })
}

/// The message for a date earlier than the one it must follow.
pub(crate) fn before(key: &str, value: NaiveDate, other_key: &str, other: NaiveDate) -> Msg {
    Msg::DateBefore {
        key: key.to_string(),
        value: value.to_string(),
        other_key: other_key.to_string(),
        other: other.to_string(),
    }
}

pub(crate) fn decode_referent(v: &Node, parent: &Obj, sink: &mut Sink) -> Option<Referent> {
    let o = Obj::open(v, parent.under("referent"), "referent", REFERENT_KEYS, sink)?;
    let structure = o.need_text("structure", sink);
    let kind = o.need_choice("type", ReferentType::parse, ReferentType::CHOICES, sink);
    let person = o.text("person", sink);
    Some(Referent {
        structure: structure?,
        kind: kind?,
        person,
    })
}

fn decode_measure(v: &Node, at: At, sink: &mut Sink) -> Option<Measure> {
    let o = Obj::open(v, at, "measures", MEASURE_KEYS, sink)?;
    let kind = o.need_choice("type", MeasureType::parse, MeasureType::CHOICES, sink);
    let provider = o.text("provider", sink);
    let from = o.need_date("from", sink);
    let to = o.date("to", sink);
    let (fipd, fipd_action) = super::decode_fipd::measure_financing(&o, sink);
    let fipd_justification = o.text("fipd_justification", sink);
    let support_group = o.boolean("support_group", sink).unwrap_or(false);
    if let (Some(from), Some(to)) = (from, to)
        && let Some(fault) = rules::order_fault("to", to, "from", from)
    {
        sink.at_value(o.at("to"), fault.into());
    }
    Some(Measure {
        kind: kind?,
        provider,
        from: from?,
        to,
        fipd,
        fipd_action,
        fipd_justification,
        support_group,
    })
}
