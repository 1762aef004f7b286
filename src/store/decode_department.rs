//! `department.yaml` → [`Department`].

use super::fields::{At, Obj};
use super::node::{Node, key_text};
use super::problem::Sink;
use crate::domain::{Body, Department, Member, Quorum};
use crate::i18n::Msg;
use std::borrow::Cow;
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
    "short",
    "chair",
    "every_days",
    "review_every_days",
    "decisions",
    "members",
    "quorum",
];
const QUORUM_KEYS: &[&str] = &["required", "min_organisations"];

/// Decodes a département, checking what can be checked inside the file: shapes,
/// member ids unique, chairs and body members in the directory.
pub fn decode_department(root: &Node, sink: &mut Sink) -> Option<Department> {
    let o = Obj::open(root, At::Root, "department.yaml", KEYS, sink)?;
    let code = o.need_text("code", sink);
    let name = o.need_text("name", sink);
    let authority = o.text("authority", sink);
    let timezone = o.text("timezone", sink).and_then(|tz| {
        let parsed = tz.trim().parse::<chrono_tz::Tz>().ok();
        if parsed.is_none() {
            sink.at_value(o.at("timezone"), Msg::BadTimezone { value: tz });
        }
        parsed
    });
    let marking = o.text("marking", sink);

    let mut members = Vec::new();
    let mut seen = HashSet::new();
    let members_at = o.under("members");
    for (i, v) in o.need_list("members", sink).iter().enumerate() {
        let entry = members_at.index(i);
        let Some(m) = decode_member(v, entry, sink) else {
            continue;
        };
        if !seen.insert(m.id.clone()) {
            sink.at_value(
                entry.key("id").path(),
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
            let bodies_at = o.under("bodies");
            if !crate::domain::ids::is_short_id(&id) {
                sink.at_key(
                    bodies_at.key(&id).path(),
                    Msg::BadShortId {
                        key: "bodies".into(),
                        value: id,
                    },
                );
                continue;
            }
            if let Some(b) = decode_body(&id, v, bodies_at.key(&id), &seen, sink) {
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

fn decode_member(v: &Node, at: At, sink: &mut Sink) -> Option<Member> {
    let o = Obj::open(v, at, "members", MEMBER_KEYS, sink)?;
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
    id: &str,
    v: &Node,
    at: At,
    directory: &HashSet<String>,
    sink: &mut Sink,
) -> Option<Body> {
    let o = Obj::open(v, at, id, BODY_KEYS, sink)?;
    let name = o.need_text("name", sink);
    let short = o.text("short", sink);
    let chair = o.need_short_id("chair", sink);
    if let Some(chair) = &chair
        && !directory.contains(chair)
    {
        sink.at_value(
            o.at("chair"),
            Msg::UnknownMember {
                key: "chair".into(),
                id: chair.clone(),
            },
        );
    }
    let every_days = o.required("every_days", sink, |o, s| o.number32("every_days", 1, s));
    let review_every_days = o.number32("review_every_days", 1, sink);
    let mut members = Vec::new();
    let members_at = o.under("members");
    for (i, m) in o.need_list("members", sink).iter().enumerate() {
        let entry = members_at.index(i);
        let Some(mid) = super::fields::scalar_text(m).map(Cow::into_owned) else {
            sink.at_value(
                entry.path(),
                Msg::WrongType {
                    key: "members".into(),
                    expected: crate::i18n::Expected::Text,
                },
            );
            continue;
        };
        if !directory.contains(&mid) {
            sink.at_value(
                entry.path(),
                Msg::UnknownMember {
                    key: "members".into(),
                    id: mid,
                },
            );
        } else if members.contains(&mid) {
            sink.at_value(
                entry.path(),
                Msg::DuplicateEntry {
                    key: "members".into(),
                    value: mid,
                },
            );
        } else {
            members.push(mid);
        }
    }
    let mut decisions = Vec::new();
    let decisions_at = o.under("decisions");
    for (i, d) in o.list("decisions", sink).iter().enumerate() {
        let entry = decisions_at.index(i);
        let text = super::fields::scalar_text(d).map(Cow::into_owned);
        match text
            .as_deref()
            .map(|t| (t, crate::domain::Decision::parse(t)))
        {
            Some((_, Some(d))) if !decisions.contains(&d) => decisions.push(d),
            Some((t, Some(_))) => sink.at_value(
                entry.path(),
                Msg::DuplicateEntry {
                    key: "decisions".into(),
                    value: t.to_string(),
                },
            ),
            Some((t, None)) => sink.at_value(
                entry.path(),
                Msg::BadEnum {
                    key: "decisions".into(),
                    value: t.to_string(),
                    allowed: crate::domain::Decision::CHOICES,
                },
            ),
            None => sink.at_value(
                entry.path(),
                Msg::WrongType {
                    key: "decisions".into(),
                    expected: crate::i18n::Expected::Text,
                },
            ),
        }
    }
    let quorum = decode_quorum(&o, directory, sink);
    Some(Body {
        id: id.to_string(),
        name: name?,
        short,
        chair: chair?,
        every_days: every_days?,
        review_every_days,
        members,
        decisions,
        quorum,
    })
}

/// `quorum: {required: [parquet], min_organisations: 3}`: required members of the
/// directory, a minimum of organisations (0 when absent).
fn decode_quorum(body: &Obj, directory: &HashSet<String>, sink: &mut Sink) -> Option<Quorum> {
    body.get("quorum")?;
    let o = Obj::open(
        body.get("quorum")?,
        body.under("quorum"),
        "quorum",
        QUORUM_KEYS,
        sink,
    )?;
    let mut required = Vec::new();
    let at = o.under("required");
    for (i, m) in o.list("required", sink).iter().enumerate() {
        let entry = at.index(i);
        let Some(mid) = super::fields::scalar_text(m).map(Cow::into_owned) else {
            sink.at_value(
                entry.path(),
                Msg::WrongType {
                    key: "required".into(),
                    expected: crate::i18n::Expected::Text,
                },
            );
            continue;
        };
        if !directory.contains(&mid) {
            sink.at_value(
                entry.path(),
                Msg::UnknownMember {
                    key: "required".into(),
                    id: mid,
                },
            );
        } else if !required.contains(&mid) {
            required.push(mid);
        }
    }
    let min_organisations = o.number32("min_organisations", 0, sink).unwrap_or(0);
    Some(Quorum {
        required,
        min_organisations,
    })
}

/// The placeholders `cellule init` left in a département's file (« À renseigner »), as
/// `path:line:column` warnings (the file is read once; unreadable, they go on line 1).
pub fn locate_placeholders(
    root: &std::path::Path,
    folder: &str,
    dept: &Department,
) -> Vec<super::problem::Problem> {
    use super::yaml::Seg;
    let found = crate::domain::starter::placeholders(dept);
    if found.is_empty() {
        return Vec::new();
    }
    let rel = format!("{folder}/department.yaml");
    let pending = found
        .into_iter()
        .map(|(member, key)| {
            let path = match member {
                Some(i) => vec![
                    Seg::Key("members".into()),
                    Seg::Index(i),
                    Seg::Key(key.into()),
                ],
                None => vec![Seg::Key(key.into())],
            };
            super::problem::Pending {
                path,
                target: super::yaml::Target::Value,
                msg: Msg::Placeholder {
                    member: member
                        .and_then(|i| dept.members.get(i))
                        .map(|m| m.id.clone()),
                },
                at: None,
            }
        })
        .collect();
    let src = super::load::read_text(&root.join(&rel), &rel, false)
        .map(|(s, _)| s)
        .unwrap_or_default();
    super::problem::resolve(&rel, &src, pending)
}
