//! `meetings/<id>.yaml` → [`Meeting`].

use super::decode_case::before;
use super::fields::{At, Obj};
use super::node::Node;
use super::problem::Sink;
use crate::domain::meeting::Orientation;
use crate::domain::{
    Action, Approval, Attendance, AttendanceStatus, ClosureReason, Decision, Details, Guest, Item,
    ItemKind, MeasureType, Meeting, MeetingStatus, Postponed,
};
use crate::i18n::Msg;
use chrono::NaiveDate;
use std::collections::HashSet;

pub(crate) const KEYS: &[&str] = &[
    "id",
    "body",
    "date",
    "start",
    "end",
    "place",
    "chair",
    "secretary",
    "reference",
    "status",
    "cancel_reason",
    "rescheduled_from",
    "attendance",
    "guests",
    "items",
    "difficulties",
    "next_meeting",
    "reopened",
    "roll_call_seconds",
    "postponed",
];
const POSTPONED_KEYS: &[&str] = &["kind", "title", "case", "minutes", "to"];
const REOPENED_KEYS: &[&str] = &["on"];
const ATTENDANCE_KEYS: &[&str] = &["member", "status", "by", "for_information"];
const GUEST_KEYS: &[&str] = &[
    "name",
    "title",
    "organisation",
    "email",
    "status",
    "by",
    "for_information",
];
const ITEM_KEYS: &[&str] = &[
    "kind",
    "title",
    "case",
    "minutes",
    "notes",
    "decision",
    "decision_text",
    "next_review",
    "closure_reason",
    "follow",
    "referent",
    "measure",
    "actions",
    "spent_seconds",
    "number",
    "approves",
    "approval",
];
const MEASURE_KEYS: &[&str] = &["type", "provider"];
const ACTION_KEYS: &[&str] = &["text", "owner", "due", "done_on"];
/// Keys that only a topic approving earlier minutes may carry.
const APPROVAL_ONLY: &[&str] = &["approves", "approval"];
/// Keys that only an item of kind `case` may carry.
const CASE_ONLY: &[&str] = &[
    "case",
    "decision",
    "decision_text",
    "next_review",
    "closure_reason",
    "follow",
    "referent",
    "measure",
    "number",
];

/// Decodes a meeting, checking what can be checked inside the file: shapes, enum values,
/// dates and times, `by` with `represented`, attendance entries unique, the fields of
/// each item kind, and the rules of the decision `close`.
pub fn decode_meeting(root: &Node, sink: &mut Sink) -> Option<Meeting> {
    let o = Obj::open(root, At::Root, "meeting", KEYS, sink)?;
    let id = o.need_file_id("id", sink);
    let body = o.need_short_id("body", sink);
    let date = o.need_date("date", sink);
    let start = o.need_time("start", sink);
    let end = o.time("end", sink);
    let place = o.text("place", sink);
    let chair = o.need_short_id("chair", sink);
    let secretary = o.short_id("secretary", sink);
    let reference = o.text("reference", sink);
    let status = o.need_choice("status", MeetingStatus::parse, MeetingStatus::CHOICES, sink);
    let cancel_reason = o.text("cancel_reason", sink);
    let rescheduled_from = o.date("rescheduled_from", sink);
    if let (Some(end), Some(start)) = (end, start)
        && end <= start
    {
        sink.at_value(
            o.at("end"),
            Msg::EndNotAfterStart {
                end: end.format("%H:%M").to_string(),
                start: start.format("%H:%M").to_string(),
            },
        );
    }
    if cancel_reason.is_some() && status.is_some_and(|s| s != MeetingStatus::Cancelled) {
        sink.at_key(o.at("cancel_reason"), Msg::ReasonWithoutCancel);
    }

    // Every list keeps one entry per element (`None` when it failed), so that
    // indices stay those of the file for the checks across files.
    let mut attendance: Vec<Option<Attendance>> = Vec::new();
    let mut invited = HashSet::new();
    let att = o.under("attendance");
    for (i, v) in o.need_list("attendance", sink).iter().enumerate() {
        let entry = att.index(i);
        let a = decode_attendance(v, entry, sink);
        if let Some(a) = &a
            && !invited.insert(a.member.clone())
        {
            sink.at_value(
                entry.key("member").path(),
                Msg::DuplicateEntry {
                    key: "attendance".into(),
                    value: a.member.clone(),
                },
            );
        }
        attendance.push(a);
    }

    let guests: Option<Vec<Guest>> = o.each("guests", sink, decode_guest);

    let items: Option<Vec<Item>> = o.need_each("items", sink, decode_item);

    let difficulties = o.text("difficulties", sink);
    let next_meeting = o.date("next_meeting", sink);
    if let (Some(next), Some(date)) = (next_meeting, date)
        && next < date
    {
        sink.at_value(
            o.at("next_meeting"),
            before("next_meeting", next, "date", date),
        );
    }

    let reopened: Option<Vec<NaiveDate>> = o.each("reopened", sink, |v, at, sink| {
        Obj::open(v, at, "reopened", REOPENED_KEYS, sink)?.need_date("on", sink)
    });
    let roll_call_seconds = o.number("roll_call_seconds", 0, sink);
    let postponed: Option<Vec<Postponed>> = o.each("postponed", sink, decode_postponed);

    Some(Meeting {
        id: id?,
        body: body?,
        date: date?,
        start: start?,
        place,
        chair: chair?,
        status: status?,
        attendance: attendance.into_iter().collect::<Option<Vec<_>>>()?,
        guests: guests?,
        items: items?,
        difficulties,
        next_meeting,
        details: Details {
            end,
            secretary,
            reference,
            cancel_reason,
            rescheduled_from,
        },
        reopened: reopened?,
        roll_call_seconds,
        postponed: postponed?,
    })
}

/// An item postponed to another meeting: what it was (a case by its id, a topic by its
/// title, its timebox) and the id of the meeting it went to.
fn decode_postponed(v: &Node, at: At, sink: &mut Sink) -> Option<Postponed> {
    let o = Obj::open(v, at, "postponed", POSTPONED_KEYS, sink)?;
    let kind = o.need_choice("kind", ItemKind::parse, ItemKind::CHOICES, sink);
    let title = o.text("title", sink);
    let case = o.text("case", sink);
    let minutes = o.number32("minutes", 0, sink);
    let to = o.need_file_id("to", sink);
    let kind = kind?;
    if !kind_keys(&o, kind, case.as_deref(), sink) {
        return None;
    }
    let item = match kind {
        ItemKind::Case => Item::case(case?, minutes),
        ItemKind::Topic => Item::topic(title?, minutes),
        ItemKind::Actions => {
            let mut item = Item::actions_review(title.unwrap_or_default(), minutes);
            if item.title.as_deref() == Some("") {
                item.title = None;
            }
            item
        }
    };
    Some(Postponed { item, to: to? })
}

/// The keys an item of `kind` needs (a topic its title, a case its case, a well-formed id),
/// each missing one a problem of the item; `false` when one is missing. Agenda items and
/// postponed items alike.
fn kind_keys(o: &Obj, kind: ItemKind, case: Option<&str>, sink: &mut Sink) -> bool {
    let needed = match kind {
        ItemKind::Topic => Some("title"),
        ItemKind::Case => Some("case"),
        ItemKind::Actions => None,
    };
    if let Some(key) = needed
        && !o.has(key)
    {
        sink.at_value(
            o.path(),
            Msg::NeedsKey {
                key: key.into(),
                kind: kind.as_str().to_string(),
            },
        );
        return false;
    }
    if let Some(case) = case
        && kind == ItemKind::Case
        && !crate::domain::ids::is_file_id(case)
    {
        sink.at_value(
            o.at("case"),
            Msg::BadFileId {
                key: "case".into(),
                value: case.to_string(),
            },
        );
        return false;
    }
    true
}

/// The `status` of an invitee or a guest and who represents them: `by` goes with
/// `represented`, and only with it.
fn status_and_by(o: &Obj, sink: &mut Sink) -> (Option<AttendanceStatus>, Option<String>) {
    let status = o.need_choice(
        "status",
        AttendanceStatus::parse,
        AttendanceStatus::CHOICES,
        sink,
    );
    let by = o.text("by", sink);
    check_by(o, status, by.is_some(), sink);
    (status, by)
}

fn check_by(o: &Obj, status: Option<AttendanceStatus>, has_by: bool, sink: &mut Sink) {
    match status {
        Some(AttendanceStatus::Represented) if !has_by => {
            sink.at_value(o.at("status"), Msg::RepresentedNeedsBy);
        }
        Some(s) if s != AttendanceStatus::Represented && has_by => {
            sink.at_key(
                o.at("by"),
                Msg::ByWithoutRepresented {
                    status: s.as_str().to_string(),
                },
            );
        }
        _ => {}
    }
}

fn decode_attendance(v: &Node, at: At, sink: &mut Sink) -> Option<Attendance> {
    let o = Obj::open(v, at, "attendance", ATTENDANCE_KEYS, sink)?;
    let member = o.need_short_id("member", sink);
    let (status, by) = status_and_by(&o, sink);
    let for_information = o.boolean("for_information", sink).unwrap_or(false);
    Some(Attendance {
        member: member?,
        status: status?,
        by,
        for_information,
    })
}

fn decode_guest(v: &Node, at: At, sink: &mut Sink) -> Option<Guest> {
    let o = Obj::open(v, at, "guests", GUEST_KEYS, sink)?;
    let name = o.need_text("name", sink);
    let title = o.text("title", sink);
    let organisation = o.need_text("organisation", sink);
    let email = o.text("email", sink);
    let (status, by) = status_and_by(&o, sink);
    let for_information = o.boolean("for_information", sink).unwrap_or(false);
    Some(Guest {
        name: name?,
        title,
        organisation: organisation?,
        email,
        status: status?,
        by,
        for_information,
    })
}

fn decode_item(v: &Node, at: At, sink: &mut Sink) -> Option<Item> {
    let o = Obj::open(v, at, "items", ITEM_KEYS, sink)?;
    let kind = o.need_choice("kind", ItemKind::parse, ItemKind::CHOICES, sink);
    let title = o.text("title", sink);
    let case = o.text("case", sink);
    let minutes = o.number32("minutes", 0, sink);
    let notes = o.text("notes", sink);
    let decision = o.choice("decision", Decision::parse, Decision::CHOICES, sink);
    let decision_text = o.text("decision_text", sink);
    let next_review = o.date("next_review", sink);
    let closure_reason = o.choice(
        "closure_reason",
        ClosureReason::parse,
        ClosureReason::CHOICES,
        sink,
    );
    let follow = o.boolean("follow", sink).unwrap_or(false);
    let referent = o
        .get("referent")
        .and_then(|v| super::decode_case::decode_referent(v, &o, sink));
    let measure = o.get("measure").and_then(|v| {
        let m = Obj::open(v, o.under("measure"), "measure", MEASURE_KEYS, sink)?;
        let kind = m.need_choice("type", MeasureType::parse, MeasureType::CHOICES, sink);
        let provider = m.text("provider", sink);
        Some(Orientation {
            kind: kind?,
            provider,
        })
    });
    let actions: Option<Vec<Action>> = o.each("actions", sink, decode_action);
    let spent_seconds = o.number("spent_seconds", 0, sink);
    let number = o.text("number", sink);
    let approves = o.text("approves", sink);
    let approval = o.choice("approval", Approval::parse, Approval::CHOICES, sink);

    let kind = kind?;
    let kind_name = kind.as_str().to_string();
    kind_keys(&o, kind, case.as_deref(), sink);
    let forbidden: &[&[&str]] = match kind {
        ItemKind::Case => &[&["title"], APPROVAL_ONLY],
        ItemKind::Topic => &[CASE_ONLY],
        ItemKind::Actions => &[CASE_ONLY, APPROVAL_ONLY],
    };
    for key in forbidden.iter().copied().flatten() {
        if o.has(key) {
            sink.at_key(
                o.at(key),
                Msg::NotForKind {
                    key: key.to_string(),
                    kind: kind_name.clone(),
                },
            );
        }
    }
    if kind == ItemKind::Topic && o.has("approval") && !o.has("approves") {
        sink.at_key(o.at("approval"), Msg::ApprovalWithoutMinutes);
    }
    if let Some(id) = &approves
        && kind == ItemKind::Topic
        && !crate::domain::ids::is_file_id(id)
    {
        sink.at_value(
            o.at("approves"),
            Msg::BadFileId {
                key: "approves".into(),
                value: id.clone(),
            },
        );
    }
    if kind == ItemKind::Case {
        let only_with =
            |key: &str, decisions: (&'static str, &'static str), fits: bool, sink: &mut Sink| {
                if o.has(key) && !fits {
                    sink.at_key(
                        o.at(key),
                        Msg::OnlyWithDecision {
                            key: key.to_string(),
                            decisions,
                        },
                    );
                }
            };
        only_with(
            "referent",
            ("la décision change_referent", "decision change_referent"),
            decision == Some(Decision::ChangeReferent),
            sink,
        );
        only_with(
            "measure",
            ("la décision orient", "decision orient"),
            decision == Some(Decision::Orient),
            sink,
        );
        only_with(
            "follow",
            (
                "une décision autre que close et dismiss",
                "a decision other than close and dismiss",
            ),
            decision.is_some_and(|d| !d.closes()),
            sink,
        );
        if decision.is_some_and(Decision::closes) {
            if !o.has("closure_reason") {
                sink.at_value(o.at("decision"), Msg::CloseNeedsReason);
            }
            if o.has("next_review") {
                sink.at_key(o.at("next_review"), Msg::CloseForbidsReview);
            }
        } else if o.has("closure_reason") {
            sink.at_key(o.at("closure_reason"), Msg::ReasonWithoutClose);
        }
    }

    Some(Item {
        kind,
        title,
        case,
        minutes,
        notes,
        decision,
        decision_text,
        next_review,
        closure_reason,
        follow,
        referent,
        measure,
        actions: actions?,
        spent_seconds,
        number,
        approves,
        approval,
    })
}

fn decode_action(v: &Node, at: At, sink: &mut Sink) -> Option<Action> {
    let o = Obj::open(v, at, "actions", ACTION_KEYS, sink)?;
    let text = o.need_text("text", sink);
    let owner = o.need_short_id("owner", sink);
    let due = o.date("due", sink);
    let done_on = o.date("done_on", sink);
    Some(Action {
        text: text?,
        owner: owner?,
        due,
        done_on,
    })
}
