//! `department.yaml` → [`Department`].

use super::fields::{Obj, index};
use super::node::{Node, key_text};
use super::problem::Sink;
use super::yaml::Seg;
use crate::domain::{Body, Department, Member};
use crate::i18n::Msg;
use std::collections::HashSet;

const KEYS: &[&str] = &[
    "code",
    "name",
    "authority",
    "timezone",
    "marking",
    "members",
    "bodies",
];
const MEMBER_KEYS: &[&str] = &["id", "name", "title", "organisation", "email"];
const BODY_KEYS: &[&str] = &[
    "name",
    "chair",
    "every_days",
    "review_every_days",
    "members",
];

/// Decodes a département, checking what can be checked inside the file: shapes,
/// member ids unique, chairs and body members in the directory.
pub fn decode_department(root: &Node, sink: &mut Sink) -> Option<Department> {
    let o = Obj::open(root, Vec::new(), "department.yaml", KEYS, sink)?;
    let code = o.need_text("code", sink);
    let name = o.need_text("name", sink);
    let authority = o.text("authority", sink);
    let timezone = o.text("timezone", sink).and_then(|tz| {
        let parsed = tz.trim().parse::<chrono_tz::Tz>().ok();
        if parsed.is_none() {
            sink.at_value(&o.at("timezone"), Msg::BadTimezone { value: tz });
        }
        parsed
    });
    let marking = o.text("marking", sink);

    let mut members = Vec::new();
    let mut seen = HashSet::new();
    let members_path = o.at("members");
    for (i, v) in o.need_list("members", sink).iter().enumerate() {
        let path = index(&members_path, i);
        let Some(m) = decode_member(v, path.clone(), sink) else {
            continue;
        };
        if !seen.insert(m.id.clone()) {
            let mut at = path;
            at.push(Seg::Key("id".into()));
            sink.at_value(
                &at,
                Msg::DuplicateEntry {
                    key: "members".into(),
                    value: m.id,
                },
            );
            continue;
        }
        members.push(m);
    }

    let mut bodies = Vec::new();
    if let Some(map) = o.required("bodies", sink, |o, s| o.mapping("bodies", s)) {
        for (key, v) in map {
            let id = key_text(key).unwrap_or_default();
            let mut path = o.at("bodies");
            if !crate::domain::ids::is_short_id(&id) {
                path.push(Seg::Key(id.clone()));
                sink.at_key(
                    &path,
                    Msg::BadShortId {
                        key: "bodies".into(),
                        value: id,
                    },
                );
                continue;
            }
            path.push(Seg::Key(id.clone()));
            if let Some(b) = decode_body(id, v, path, &seen, sink) {
                bodies.push(b);
            }
        }
    }

    Some(Department {
        code: code?,
        name: name?,
        authority,
        timezone,
        marking,
        members,
        bodies,
    })
}

fn decode_member(v: &Node, path: Vec<Seg>, sink: &mut Sink) -> Option<Member> {
    let o = Obj::open(v, path, "members", MEMBER_KEYS, sink)?;
    let id = o.need_short_id("id", sink);
    let name = o.need_text("name", sink);
    let title = o.text("title", sink);
    let organisation = o.need_text("organisation", sink);
    let email = o.text("email", sink);
    Some(Member {
        id: id?,
        name: name?,
        title,
        organisation: organisation?,
        email,
    })
}

fn decode_body(
    id: String,
    v: &Node,
    path: Vec<Seg>,
    directory: &HashSet<String>,
    sink: &mut Sink,
) -> Option<Body> {
    let o = Obj::open(v, path, &id, BODY_KEYS, sink)?;
    let name = o.need_text("name", sink);
    let chair = o.need_short_id("chair", sink);
    if let Some(chair) = &chair
        && !directory.contains(chair)
    {
        sink.at_value(
            &o.at("chair"),
            Msg::UnknownMember {
                key: "chair".into(),
                id: chair.clone(),
            },
        );
    }
    let every_days = o.required("every_days", sink, |o, s| o.number32("every_days", 1, s));
    let review_every_days = o.number32("review_every_days", 1, sink);
    let mut members = Vec::new();
    let members_path = o.at("members");
    for (i, m) in o.need_list("members", sink).iter().enumerate() {
        let at = index(&members_path, i);
        let Some(mid) = super::fields::scalar_text(m) else {
            sink.at_value(
                &at,
                Msg::WrongType {
                    key: "members".into(),
                    expected: crate::i18n::Expected::Text,
                },
            );
            continue;
        };
        if !directory.contains(&mid) {
            sink.at_value(
                &at,
                Msg::UnknownMember {
                    key: "members".into(),
                    id: mid,
                },
            );
        } else if members.contains(&mid) {
            sink.at_value(
                &at,
                Msg::DuplicateEntry {
                    key: "members".into(),
                    value: mid,
                },
            );
        } else {
            members.push(mid);
        }
    }
    Some(Body {
        id,
        name: name?,
        chair: chair?,
        every_days: every_days?,
        review_every_days,
        members,
    })
}
