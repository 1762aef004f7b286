//! `<dept>/fipd/<year>.yaml` → [`Programme`], the `fipd:` of a care measure, and the
//! positions of the fund's findings for `cellule validate`.

use super::fields::{At, Obj, scalar_text};
use super::load::{LoadedDept, list_yaml, parse_marked, read_text};
use super::node::Node;
use super::problem::{Pending, Problem, Sink, resolve};
use super::yaml::{Seg, Target};
use crate::domain::fipd::{
    CapReading, Category, Evaluation, Finding, FundAction, FundRules, FundStatus, Indicator,
    Programme, Structure, StructureType, Theme, Where,
};
use crate::i18n::{Expected, Msg};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

const KEYS: &[&str] = &["allocation", "rules", "actions"];
const RULE_KEYS: &[&str] = &[
    "training_cap",
    "training_share",
    "cap_reading",
    "primary_rate",
];
const ACTION_KEYS: &[&str] = &[
    "id",
    "title",
    "structure",
    "category",
    "requested",
    "granted",
    "cost",
    "themes",
    "code",
    "prison",
    "referent",
    "status",
    "decided",
    "evaluation",
    "notes",
];
const STRUCTURE_KEYS: &[&str] = &["name", "type"];
const EVALUATION_KEYS: &[&str] = &["indicators", "text"];
const INDICATOR_KEYS: &[&str] = &["label", "target", "result"];

/// The folder of the programmes in a département folder.
pub const FOLDER: &str = "fipd";

/// Reads `fipd:` of a care measure: `true`/`false`, or the id of the action that
/// finances it (which means `true`).
pub(crate) fn measure_financing(o: &Obj, sink: &mut Sink) -> (bool, Option<String>) {
    match o.get("fipd") {
        None => (false, None),
        Some(Node::Str(s)) if !matches!(s.trim(), "true" | "false") => {
            match o.short_id("fipd", sink) {
                Some(id) => (true, Some(id)),
                None => (false, None),
            }
        }
        Some(_) => (o.boolean("fipd", sink).unwrap_or(false), None),
    }
}

/// Decodes a programme (its year is the file's name, set by the loader).
pub fn decode_programme(root: &Node, sink: &mut Sink) -> Option<Programme> {
    let o = Obj::open(root, At::Root, "programme", KEYS, sink)?;
    let allocation = o.required("allocation", sink, |o, s| o.number("allocation", 0, s));
    let rules = match o.get("rules") {
        Some(v) => decode_rules(v, &o, sink),
        None => Some(FundRules::default()),
    };
    let at = o.under("actions");
    let mut seen = HashSet::new();
    let mut actions = Some(Vec::new());
    for (i, v) in o.need_list("actions", sink).iter().enumerate() {
        let item = at.index(i);
        match decode_action(v, item, sink) {
            Some(a) => {
                if !seen.insert(a.id.clone()) {
                    let msg = Msg::DuplicateEntry {
                        key: "actions".into(),
                        value: a.id.clone(),
                    };
                    sink.at_value(item.key("id").path(), msg);
                }
                if let Some(list) = actions.as_mut() {
                    list.push(a);
                }
            }
            None => actions = None,
        }
    }
    Some(Programme {
        year: 0,
        allocation: allocation?,
        rules: rules?,
        actions: actions?,
    })
}

fn decode_rules(v: &Node, parent: &Obj, sink: &mut Sink) -> Option<FundRules> {
    let o = Obj::open(v, parent.under("rules"), "rules", RULE_KEYS, sink)?;
    let d = FundRules::default();
    let reading = o.choice("cap_reading", CapReading::parse, CapReading::CHOICES, sink);
    let share = o.number("training_share", 0, sink);
    let rate = o.number("primary_rate", 0, sink);
    for (key, value) in [("training_share", share), ("primary_rate", rate)] {
        if value.is_some_and(|v| v > 100) {
            sink.at_value(
                o.at(key),
                Msg::WrongType {
                    key: key.into(),
                    expected: Expected::PositiveInteger,
                },
            );
        }
    }
    Some(FundRules {
        training_cap: o.number("training_cap", 0, sink).unwrap_or(d.training_cap),
        training_share: share.unwrap_or(d.training_share).min(100),
        cap_reading: reading.unwrap_or(d.cap_reading),
        primary_rate: rate.unwrap_or(d.primary_rate).min(100),
    })
}

fn decode_action(v: &Node, at: At, sink: &mut Sink) -> Option<FundAction> {
    let o = Obj::open(v, at, "actions", ACTION_KEYS, sink)?;
    let id = o.need_short_id("id", sink);
    let title = o.need_text("title", sink);
    let structure = match o.get("structure") {
        Some(v) => decode_structure(v, &o, sink),
        None => {
            o.need_text("structure", sink);
            None
        }
    };
    let category = o.need_choice("category", Category::parse, Category::CHOICES, sink);
    let amount = |key: &str, sink: &mut Sink| o.required(key, sink, |o, s| o.number(key, 0, s));
    let requested = amount("requested", sink);
    let granted = o.number("granted", 0, sink);
    let cost = amount("cost", sink);
    let themes_at = o.under("themes");
    let mut themes = Vec::new();
    for (j, t) in o.list("themes", sink).iter().enumerate() {
        let text = scalar_text(t).unwrap_or_default();
        match Theme::parse(&text) {
            Some(theme) => themes.push(theme),
            None => sink.at_value(
                themes_at.index(j).path(),
                Msg::BadEnum {
                    key: "themes".into(),
                    value: text.into_owned(),
                    allowed: Theme::CHOICES,
                },
            ),
        }
    }
    let code = o.text("code", sink);
    let prison = o.boolean("prison", sink).unwrap_or(false);
    let referent = o.boolean("referent", sink).unwrap_or(false);
    let status = o.need_choice("status", FundStatus::parse, FundStatus::CHOICES, sink);
    let decided = o.date("decided", sink);
    let evaluation = o
        .get("evaluation")
        .and_then(|v| decode_evaluation(v, &o, sink));
    let notes = o.text("notes", sink);
    Some(FundAction {
        id: id?,
        title: title?,
        structure: structure?,
        category: category?,
        requested: requested?,
        granted,
        cost: cost?,
        themes,
        code,
        prison,
        referent,
        status: status?,
        decided,
        evaluation,
        notes,
    })
}

fn decode_structure(v: &Node, parent: &Obj, sink: &mut Sink) -> Option<Structure> {
    let o = Obj::open(
        v,
        parent.under("structure"),
        "structure",
        STRUCTURE_KEYS,
        sink,
    )?;
    let name = o.need_text("name", sink);
    let kind = o.need_choice("type", StructureType::parse, StructureType::CHOICES, sink);
    Some(Structure {
        name: name?,
        kind: kind?,
    })
}

fn decode_evaluation(v: &Node, parent: &Obj, sink: &mut Sink) -> Option<Evaluation> {
    let o = Obj::open(
        v,
        parent.under("evaluation"),
        "evaluation",
        EVALUATION_KEYS,
        sink,
    )?;
    let at = o.under("indicators");
    let mut indicators = Vec::new();
    for (i, v) in o.list("indicators", sink).iter().enumerate() {
        let Some(io) = Obj::open(v, at.index(i), "indicators", INDICATOR_KEYS, sink) else {
            continue;
        };
        let label = io.need_text("label", sink);
        let target = io.number("target", 0, sink);
        let result = io.number("result", 0, sink);
        if let Some(label) = label {
            indicators.push(Indicator {
                label,
                target,
                result,
            });
        }
    }
    Some(Evaluation {
        indicators,
        text: o.text("text", sink),
    })
}

/// The year a programme file is named for (`2026.yaml`).
pub fn year_of(stem: &str) -> Option<i32> {
    (stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()))
        .then(|| stem.parse::<i32>().ok())
        .flatten()
        .filter(|y| (2000..=2100).contains(y))
}

/// Reads the programmes of every loaded département (`<code>/fipd/<year>.yaml`): a
/// valid one goes into its data, a file with problems is listed and left out.
pub(super) fn load_programmes(root: &Path, depts: &mut [LoadedDept], problems: &mut Vec<Problem>) {
    for dept in depts.iter_mut() {
        for listed in list_yaml(root, &dept.folder, FOLDER, problems) {
            let Some(year) = year_of(&listed.stem) else {
                let name = format!("{}.yaml", listed.stem);
                problems.push(Problem::whole(listed.rel, Msg::ProgrammeName { name }));
                continue;
            };
            let (src, stamp) = match read_text(&root.join(&listed.rel), &listed.rel, listed.regular)
            {
                Ok(read) => read,
                Err(p) => {
                    problems.push(*p);
                    continue;
                }
            };
            dept.stamps.insert(listed.rel.clone(), stamp);
            let (node, marks) = match parse_marked(&src, &listed.rel) {
                Ok(read) => read,
                Err(p) => {
                    problems.push(*p);
                    continue;
                }
            };
            let mut sink = Sink::default();
            let programme = decode_programme(&node, &mut sink);
            sink.place(&src, &node, &marks);
            if !sink.is_empty() {
                problems.extend(sink.into_problems(&listed.rel, &src));
                continue;
            }
            if let Some(mut p) = programme {
                p.year = year;
                dept.data.programmes.push(p);
            }
        }
        dept.data.programmes.sort_by_key(|p| p.year);
    }
}

/// The file (relative to the data root) and the YAML path a finding points at.
pub fn finding_place(folder: &str, f: &Finding) -> (String, Vec<Seg>) {
    let key = f.key().unwrap_or("id");
    let k = |s: &str| Seg::Key(s.to_string());
    match &f.at {
        Where::Allocation { year } => (programme_rel(folder, *year), vec![k("allocation")]),
        Where::Action { year, index, .. } => (
            programme_rel(folder, *year),
            vec![k("actions"), Seg::Index(*index), k(key)],
        ),
        Where::Case { case, measure } => {
            let rel = format!("{folder}/cases/{case}.yaml");
            match measure {
                Some(i) => (rel, vec![k("measures"), Seg::Index(*i), k(key)]),
                None => (rel, vec![k(key)]),
            }
        }
    }
}

/// The programme file of a year, relative to the data root.
pub fn programme_rel(folder: &str, year: i32) -> String {
    format!("{folder}/{FOLDER}/{year}.yaml")
}

/// The findings of a département as `path:line:column` problems, each file read once
/// to find the lines (a file that cannot be read gives line 1).
pub fn locate_findings(root: &Path, folder: &str, findings: &[Finding]) -> Vec<Problem> {
    let mut by_file: BTreeMap<String, Vec<Pending>> = BTreeMap::new();
    for f in findings {
        let (rel, path) = finding_place(folder, f);
        by_file.entry(rel).or_default().push(Pending {
            path,
            target: Target::Value,
            msg: Msg::Fund(f.clone()),
            at: None,
        });
    }
    let mut out = Vec::new();
    for (rel, pending) in by_file {
        let src = read_text(&root.join(&rel), &rel, false)
            .map(|(s, _)| s)
            .unwrap_or_default();
        out.extend(resolve(&rel, &src, pending));
    }
    out
}
