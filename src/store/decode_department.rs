//! `department.yaml` → [`Department`].

use super::fields::{At, Obj};
use super::node::{Node, key_text};
use super::problem::Sink;
use crate::domain::{Body, Department, Member, Quorum};
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
    let items = o.need_list("members", sink);
    let members = distinct_texts(
        &o,
        "members",
        items,
        true,
        sink,
        member(directory, "members"),
    );
    let items = o.list("decisions", sink);
    let decisions = distinct_texts(&o, "decisions", items, true, sink, |t| {
        crate::domain::Decision::parse(t).ok_or_else(|| Msg::BadEnum {
            key: "decisions".into(),
            value: t.to_string(),
            allowed: crate::domain::Decision::CHOICES,
        })
    });
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
    let items = o.list("required", sink);
    let required = distinct_texts(
        &o,
        "required",
        items,
        false,
        sink,
        member(directory, "required"),
    );
    let min_organisations = o.number32("min_organisations", 0, sink).unwrap_or(0);
    Some(Quorum {
        required,
        min_organisations,
    })
}

/// Reads a member id of the list at `key`: one of the directory's.
fn member<'d>(
    directory: &'d HashSet<String>,
    key: &'static str,
) -> impl Fn(&str) -> Result<String, Msg> + 'd {
    move |id| match directory.contains(id) {
        true => Ok(id.to_string()),
        false => Err(Msg::UnknownMember {
            key: key.into(),
            id: id.to_string(),
        }),
    }
}

/// The items of a list of texts (`items`, the list at `key` of `o`), each read by `read`
/// (its problem reported at the item), each value kept once; a repeated one is reported
/// when `report_repeats`, else left out silently.
fn distinct_texts<T: PartialEq>(
    o: &Obj,
    key: &str,
    items: &[Node],
    report_repeats: bool,
    sink: &mut Sink,
    read: impl Fn(&str) -> Result<T, Msg>,
) -> Vec<T> {
    let at = o.under(key);
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let entry = at.index(i);
        let Some(text) = super::fields::scalar_text(item) else {
            sink.at_value(
                entry.path(),
                Msg::WrongType {
                    key: key.into(),
                    expected: crate::i18n::Expected::Text,
                },
            );
            continue;
        };
        match read(&text) {
            Err(msg) => sink.at_value(entry.path(), msg),
            Ok(value) if !out.contains(&value) => out.push(value),
            Ok(_) if report_repeats => sink.at_value(
                entry.path(),
                Msg::DuplicateEntry {
                    key: key.into(),
                    value: text.into_owned(),
                },
            ),
            Ok(_) => {}
        }
    }
    out
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
    let src = super::source::read_text(&root.join(&rel), &rel, false)
        .map(|(s, _)| s)
        .unwrap_or_default();
    super::problem::resolve(&rel, &src, pending)
}
