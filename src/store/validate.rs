//! Checks across the files of one département: identity and references.
//!
//! Each file was decoded on its own (see the `decode_*` modules); here the decoded
//! values are checked against each other, and every problem is recorded in the
//! sink of the file it belongs to. A file with any problem is left out of the data.

use super::problem::Sink;
use super::yaml::Seg;
use crate::domain::{Case, Department, Meeting};
use crate::i18n::Msg;
use std::collections::{HashMap, HashSet};

/// One decoded file of a département, with the problems found in it so far.
#[derive(Debug)]
pub(crate) struct Doc<T> {
    /// Path relative to the data root, with `/`.
    pub rel: String,
    /// The file name without `.yaml`.
    pub stem: String,
    /// The text read (kept to give positions to problems).
    pub src: String,
    /// The decoded value; `None` when decoding could not build one.
    pub value: Option<T>,
    pub sink: Sink,
}

impl<T> Doc<T> {
    /// Decoded, and no problem so far.
    pub fn is_clean(&self) -> bool {
        self.value.is_some() && self.sink.is_empty()
    }
}

fn key(k: &str) -> Vec<Seg> {
    vec![Seg::Key(k.to_string())]
}

fn path(segs: &[Seg]) -> Vec<Seg> {
    segs.to_vec()
}

/// `code` must equal the folder name.
pub(crate) fn check_department(doc: &mut Doc<Department>, folder: &str) {
    if let Some(d) = &doc.value
        && d.code != folder
    {
        doc.sink.at_value(
            key("code"),
            Msg::CodeMismatch {
                code: d.code.clone(),
                folder: folder.to_string(),
            },
        );
    }
}

/// `id` equals the file stem. (Ids are then unique: two files of one folder cannot
/// share a name.)
fn check_identity<T>(docs: &mut [Doc<T>], id_of: fn(&T) -> &str) {
    // Ids that differ only by case collide on the shares of Windows and macOS.
    let mut folded: HashMap<String, String> = HashMap::new();
    for doc in docs.iter_mut() {
        let Some(id) = doc.value.as_ref().map(id_of) else {
            continue;
        };
        match folded.get(&id.to_lowercase()) {
            Some(other) if other != id => doc.sink.at_value(
                key("id"),
                Msg::IdsDifferByCase {
                    id: id.to_string(),
                    other: other.clone(),
                },
            ),
            Some(_) => {}
            None => {
                folded.insert(id.to_lowercase(), id.to_string());
            }
        }
        if id != doc.stem {
            let msg = Msg::IdMismatch {
                id: id.to_string(),
                stem: doc.stem.clone(),
            };
            doc.sink.at_value(key("id"), msg);
        }
    }
}

/// Identity of every case, and its body known to the département (when it loaded).
pub(crate) fn check_cases(docs: &mut [Doc<Case>], dept: Option<&Department>) {
    check_identity(docs, |c| &c.id);
    let Some(dept) = dept else { return };
    for doc in docs.iter_mut() {
        if let Some(c) = &doc.value
            && dept.body(&c.body).is_none()
        {
            doc.sink
                .at_value(key("body"), Msg::UnknownBody { id: c.body.clone() });
        }
    }
}

/// Identity of every meeting; its body, chair, attendance and action owners known to
/// the département (when it loaded); its cases valid and followed by its body.
pub(crate) fn check_meetings(
    docs: &mut [Doc<Meeting>],
    dept: Option<&Department>,
    cases: &HashMap<&str, &Case>,
    present: &HashSet<&str>,
    others: &[Meeting],
) {
    check_identity(docs, |m| &m.id);
    // What the approvals of minutes need of the meetings they name.
    // (`others`: the meetings already loaded, when one file is read again alone.)
    let minutes: HashMap<String, (String, crate::domain::MeetingStatus, chrono::NaiveDate)> =
        others
            .iter()
            .chain(docs.iter().filter_map(|d| d.value.as_ref()))
            .map(|m| (m.id.clone(), (m.body.clone(), m.status, m.date)))
            .collect();
    for doc in docs.iter_mut() {
        let Some(m) = &doc.value else { continue };
        let sink = &mut doc.sink;
        check_approvals(m, &minutes, sink);
        check_postponed(m, &minutes, cases, present, sink);
        if let Some(dept) = dept {
            check_members(m, dept, sink);
        }
        // A moved meeting keeps the id of its first date (`rescheduled_from`).
        if names_a_date(&m.id) && !meeting_id_fits(&m.id, &m.id_date().to_string(), &m.body) {
            sink.at_value(
                key("id"),
                Msg::MeetingIdMismatch {
                    id: m.id.clone(),
                    expected: format!("{}-{}", m.id_date(), m.body),
                },
            );
        }
        let body_known = dept.is_none_or(|d| d.body(&m.body).is_some());
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, item) in m.items.iter().enumerate() {
            let Some(case_id) = &item.case else { continue };
            if !seen.insert(case_id.as_str()) {
                sink.at_value(
                    path(&[
                        Seg::Key("items".into()),
                        Seg::Index(i),
                        Seg::Key("case".into()),
                    ]),
                    Msg::CaseTwiceInMeeting {
                        id: case_id.clone(),
                    },
                );
            }
            let at = || {
                path(&[
                    Seg::Key("items".into()),
                    Seg::Index(i),
                    Seg::Key("case".into()),
                ])
            };
            match cases.get(case_id.as_str()) {
                None if present.contains(case_id.as_str()) => {}
                None => sink.at_value(
                    at(),
                    Msg::UnknownCase {
                        id: case_id.clone(),
                    },
                ),
                Some(c) if body_known && c.body != m.body => sink.at_value(
                    at(),
                    Msg::CaseOfOtherBody {
                        id: case_id.clone(),
                        case_body: c.body.clone(),
                        body: m.body.clone(),
                    },
                ),
                // The case file and the meeting agree: no decision is taken on a case
                // after the day its file says it was closed.
                Some(c)
                    if m.status.is_held()
                        && item.decision.is_some()
                        && c.status == crate::domain::CaseStatus::Closed
                        && c.closed_on.is_some_and(|d| d < m.date) =>
                {
                    sink.at_value(
                        path(&[
                            Seg::Key("items".into()),
                            Seg::Index(i),
                            Seg::Key("decision".into()),
                        ]),
                        Msg::DecisionOnClosedCase {
                            id: case_id.clone(),
                            closed_on: c.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                        },
                    )
                }
                Some(_) => {}
            }
        }
    }
}

/// An item `approves:` a held meeting of the same body, before this one.
fn check_approvals(
    m: &Meeting,
    minutes: &HashMap<String, (String, crate::domain::MeetingStatus, chrono::NaiveDate)>,
    sink: &mut Sink,
) {
    use crate::i18n::problems::MinutesWhy;
    for (i, item) in m.items.iter().enumerate() {
        let Some(id) = item
            .approves
            .as_ref()
            .filter(|_| item.kind == crate::domain::ItemKind::Topic)
        else {
            continue;
        };
        let at = path(&[
            Seg::Key("items".into()),
            Seg::Index(i),
            Seg::Key("approves".into()),
        ]);
        let why = match minutes.get(id) {
            None => {
                sink.at_value(&at, Msg::UnknownMinutes { id: id.clone() });
                continue;
            }
            Some((body, _, _)) if *body != m.body => MinutesWhy::OtherBody,
            Some((_, _, date)) if id == &m.id || *date >= m.date => MinutesWhy::NotBefore,
            Some((_, status, _)) if !status.is_held() => MinutesWhy::NotHeld,
            Some(_) => continue,
        };
        sink.at_value(
            &at,
            Msg::MinutesNotApprovable {
                id: id.clone(),
                why,
            },
        );
    }
}

/// A `postponed:` entry went to another meeting of the same body, and its case exists.
fn check_postponed(
    m: &Meeting,
    minutes: &HashMap<String, (String, crate::domain::MeetingStatus, chrono::NaiveDate)>,
    cases: &HashMap<&str, &Case>,
    present: &HashSet<&str>,
    sink: &mut Sink,
) {
    for (i, p) in m.postponed.iter().enumerate() {
        let at = |k: &str| {
            path(&[
                Seg::Key("postponed".into()),
                Seg::Index(i),
                Seg::Key(k.into()),
            ])
        };
        let other = |its_body: &str| Msg::PostponedToOtherMeeting {
            id: p.to.clone(),
            its_body: its_body.to_string(),
            body: m.body.clone(),
        };
        match minutes.get(&p.to) {
            None => sink.at_value(at("to"), Msg::UnknownPostponedTo { id: p.to.clone() }),
            Some(_) if p.to == m.id => sink.at_value(at("to"), other("")),
            Some((body, _, _)) if *body != m.body => sink.at_value(at("to"), other(body)),
            Some(_) => {}
        }
        if let Some(case_id) = &p.item.case
            && !cases.contains_key(case_id.as_str())
            && !present.contains(case_id.as_str())
        {
            sink.at_value(
                at("case"),
                Msg::UnknownCase {
                    id: case_id.clone(),
                },
            );
        }
    }
}

/// The id begins with a date `YYYY-MM-DD-`, as the app names meetings (an id of another
/// shape, written by hand, is left alone).
fn names_a_date(id: &str) -> bool {
    id.get(..11)
        .is_some_and(|head| head.ends_with('-') && super::fields::parse_date(&head[..10]).is_ok())
}

/// A meeting id is `<date>-<body>`, or `<date>-<body>-<n>` for the n-th of that day.
fn meeting_id_fits(id: &str, date: &str, body: &str) -> bool {
    let Some(rest) = id
        .strip_prefix(date)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_prefix(body))
    else {
        return false;
    };
    rest.is_empty()
        || rest
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn check_members(m: &Meeting, dept: &Department, sink: &mut Sink) {
    if dept.body(&m.body).is_none() {
        sink.at_value(key("body"), Msg::UnknownBody { id: m.body.clone() });
    }
    let unknown = |key: &str, id: &str| Msg::UnknownMember {
        key: key.to_string(),
        id: id.to_string(),
    };
    if dept.member(&m.chair).is_none() {
        sink.at_value(key("chair"), unknown("chair", &m.chair));
    }
    if let Some(secretary) = &m.details.secretary
        && dept.member(secretary).is_none()
    {
        sink.at_value(key("secretary"), unknown("secretary", secretary));
    }
    for (i, a) in m.attendance.iter().enumerate() {
        if dept.member(&a.member).is_none() {
            let at = path(&[
                Seg::Key("attendance".into()),
                Seg::Index(i),
                Seg::Key("member".into()),
            ]);
            sink.at_value(at, unknown("member", &a.member));
        }
    }
    for (i, item) in m.items.iter().enumerate() {
        for (j, action) in item.actions.iter().enumerate() {
            if dept.member(&action.owner).is_none() {
                let at = path(&[
                    Seg::Key("items".into()),
                    Seg::Index(i),
                    Seg::Key("actions".into()),
                    Seg::Index(j),
                    Seg::Key("owner".into()),
                ]);
                sink.at_value(at, unknown("owner", &action.owner));
            }
        }
    }
}

/// The notices of the meetings that load: a decision outside its body's list
/// (`decisions:` of the body, else the body's defaults). The meeting still loads (a
/// body may take such a decision once confirmed in the séance); `validate` shows it
/// with its place and exits 0.
pub(crate) fn decision_notices(
    docs: &[Doc<Meeting>],
    dept: Option<&Department>,
) -> Vec<super::problem::Problem> {
    let Some(dept) = dept else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for doc in docs.iter().filter(|d| d.is_clean()) {
        let Some(m) = &doc.value else { continue };
        let Some(body) = dept.body(&m.body) else {
            continue;
        };
        let list = body.decision_list();
        let pending: Vec<super::problem::Pending> = m
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let d = item.decision.filter(|d| !list.contains(d))?;
                Some(super::problem::Pending {
                    path: path(&[
                        Seg::Key("items".into()),
                        Seg::Index(i),
                        Seg::Key("decision".into()),
                    ]),
                    target: super::yaml::Target::Value,
                    msg: Msg::DecisionNotForBody {
                        decision: d,
                        body: body.short_name(),
                    },
                    at: None,
                })
            })
            .collect();
        if !pending.is_empty() {
            out.extend(super::problem::resolve(&doc.rel, &doc.src, pending));
        }
    }
    out
}
