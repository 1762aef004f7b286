//! Domain values → YAML text, in the key order and shape of the format documentation.
//!
//! Optional fields are left out when empty (and `false`/`none` defaults with them);
//! the text written loads back equal.

use super::yaml::{self, Mapping, Value};
use crate::domain::{Action, Attendance, Case, Guest, Item, Measure, Meeting};
use chrono::{NaiveDate, NaiveTime};

/// Builds a mapping key by key, skipping absent optional values.
struct Map(Mapping);

impl Map {
    fn new() -> Self {
        Map(Mapping::new())
    }
    fn put(&mut self, key: &str, value: Value) -> &mut Self {
        self.0.insert(Value::String(key.to_string()), value);
        self
    }
    fn text(&mut self, key: &str, value: &str) -> &mut Self {
        self.put(key, Value::String(value.to_string()))
    }
    fn opt_text(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            self.text(key, v);
        }
        self
    }
    fn date(&mut self, key: &str, value: NaiveDate) -> &mut Self {
        self.text(key, &value.format("%Y-%m-%d").to_string())
    }
    fn opt_date(&mut self, key: &str, value: Option<NaiveDate>) -> &mut Self {
        if let Some(v) = value {
            self.date(key, v);
        }
        self
    }
    fn opt_num(&mut self, key: &str, value: Option<u64>) -> &mut Self {
        if let Some(v) = value {
            self.put(key, Value::Number(v.into()));
        }
        self
    }
    fn flag(&mut self, key: &str, value: bool) -> &mut Self {
        if value {
            self.put(key, Value::Bool(true));
        }
        self
    }
    fn list(&mut self, key: &str, values: Vec<Value>) -> &mut Self {
        self.put(key, Value::Sequence(values))
    }
    fn opt_list(&mut self, key: &str, values: Vec<Value>) -> &mut Self {
        if !values.is_empty() {
            self.list(key, values);
        }
        self
    }
    fn done(&mut self) -> Value {
        Value::Mapping(std::mem::take(&mut self.0))
    }
}

fn time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn attendance(a: &Attendance) -> Value {
    Map::new()
        .text("member", &a.member)
        .text("status", a.status.as_str())
        .opt_text("by", a.by.as_deref())
        .flag("for_information", a.for_information)
        .done()
}

fn guest(g: &Guest) -> Value {
    Map::new()
        .text("name", &g.name)
        .opt_text("title", g.title.as_deref())
        .text("organisation", &g.organisation)
        .opt_text("email", g.email.as_deref())
        .text("status", g.status.as_str())
        .opt_text("by", g.by.as_deref())
        .flag("for_information", g.for_information)
        .done()
}

fn action(a: &Action) -> Value {
    Map::new()
        .text("text", &a.text)
        .text("owner", &a.owner)
        .opt_date("due", a.due)
        .opt_date("done_on", a.done_on)
        .done()
}

fn referent(r: &crate::domain::Referent) -> Value {
    Map::new()
        .text("structure", &r.structure)
        .text("type", r.kind.as_str())
        .opt_text("person", r.person.as_deref())
        .done()
}

fn item(i: &Item) -> Value {
    let mut map = Map::new();
    map.text("kind", i.kind.as_str())
        .opt_text("title", i.title.as_deref())
        .opt_text("case", i.case.as_deref())
        .opt_num("minutes", i.minutes.map(u64::from))
        .opt_text("notes", i.notes.as_deref())
        .opt_text("approves", i.approves.as_deref())
        .opt_text("approval", i.approval.map(|a| a.as_str()))
        .opt_text("decision", i.decision.map(|d| d.as_str()))
        .opt_text("decision_text", i.decision_text.as_deref())
        .opt_date("next_review", i.next_review)
        .opt_text("closure_reason", i.closure_reason.map(|r| r.as_str()));
    if i.follow {
        map.put("follow", Value::Bool(true));
    }
    if let Some(r) = &i.referent {
        map.put("referent", referent(r));
    }
    if let Some(m) = &i.measure {
        let measure = Map::new()
            .text("type", m.kind.as_str())
            .opt_text("provider", m.provider.as_deref())
            .done();
        map.put("measure", measure);
    }
    map.opt_list("actions", i.actions.iter().map(action).collect())
        .opt_num("spent_seconds", i.spent_seconds)
        .opt_text("number", i.number.as_deref())
        .done()
}

fn postponed(p: &crate::domain::Postponed) -> Value {
    Map::new()
        .text("kind", p.item.kind.as_str())
        .opt_text("title", p.item.title.as_deref())
        .opt_text("case", p.item.case.as_deref())
        .opt_num("minutes", p.item.minutes.map(u64::from))
        .text("to", &p.to)
        .done()
}

/// The meeting as a YAML tree, keys in the order of the format.
pub fn meeting_value(m: &Meeting) -> Value {
    Map::new()
        .text("id", &m.id)
        .text("body", &m.body)
        .date("date", m.date)
        .text("start", &time(m.start))
        .opt_text("end", m.details.end.map(time).as_deref())
        .opt_text("place", m.place.as_deref())
        .text("chair", &m.chair)
        .opt_text("secretary", m.details.secretary.as_deref())
        .opt_text("reference", m.details.reference.as_deref())
        .text("status", m.status.as_str())
        .opt_text("cancel_reason", m.details.cancel_reason.as_deref())
        .opt_date("rescheduled_from", m.details.rescheduled_from)
        .list("attendance", m.attendance.iter().map(attendance).collect())
        .opt_list("guests", m.guests.iter().map(guest).collect())
        .list("items", m.items.iter().map(item).collect())
        .opt_text("difficulties", m.difficulties.as_deref())
        .opt_date("next_meeting", m.next_meeting)
        .opt_list(
            "reopened",
            m.reopened
                .iter()
                .map(|d| Map::new().date("on", *d).done())
                .collect(),
        )
        .opt_num("roll_call_seconds", m.roll_call_seconds)
        .opt_list("postponed", m.postponed.iter().map(postponed).collect())
        .done()
}

/// The text of a meeting file, as the app writes it.
///
/// The text is read back before it is returned; should it not give the same meeting
/// (a text the block writer does not render faithfully), the YAML library's own
/// writer is used instead: less pretty, always exact.
pub fn meeting_to_yaml(m: &Meeting) -> String {
    let value = meeting_value(m);
    let text = yaml::to_block_string(&value);
    if reads_back(&text, m, super::decode_meeting) {
        return text;
    }
    yaml::to_string(&value).unwrap_or(text)
}

fn reads_back<T: PartialEq>(
    text: &str,
    original: &T,
    decode: fn(&yaml::Node, &mut super::problem::Sink) -> Option<T>,
) -> bool {
    let Ok(value) = yaml::read(text) else {
        return false;
    };
    let mut sink = super::problem::Sink::default();
    decode(&value, &mut sink).as_ref() == Some(original) && sink.is_empty()
}

fn measure(me: &Measure) -> Value {
    let mut map = Map::new();
    map.text("type", me.kind.as_str())
        .opt_text("provider", me.provider.as_deref())
        .date("from", me.from)
        .opt_date("to", me.to);
    match &me.fipd_action {
        Some(action) => {
            map.text("fipd", action);
        }
        None if me.fipd => {
            map.put("fipd", Value::Bool(true));
        }
        None => {}
    }
    map.opt_text("fipd_justification", me.fipd_justification.as_deref());
    if me.support_group {
        map.put("support_group", Value::Bool(true));
    }
    map.done()
}

/// The case as a YAML tree, keys in the order of the format.
pub fn case_value(c: &Case) -> Value {
    let mut map = Map::new();
    map.text("id", &c.id)
        .text("body", &c.body)
        .text("kind", c.kind.as_str())
        .text("label", &c.label)
        .opt_text("name", c.name.as_deref())
        .opt_num(
            "birth_year",
            c.birth_year.and_then(|y| u64::try_from(y).ok()),
        )
        .date("reported_on", c.reported_on)
        .text("source", c.source.as_str())
        .text("status", c.status.as_str());
    if let Some(r) = &c.referent {
        map.put("referent", referent(r));
    }
    map.opt_date("family_contacted_on", c.family_contacted_on);
    if c.justice != crate::domain::Justice::None {
        map.text("justice", c.justice.as_str());
    }
    map.opt_text("schooling", c.schooling.map(|s| s.as_str()));
    if c.returnee_minor {
        map.put("returnee_minor", Value::Bool(true));
    }
    map.opt_list("measures", c.measures.iter().map(measure).collect())
        .opt_date("next_review", c.next_review)
        .opt_date("closed_on", c.closed_on)
        .opt_text("closure_reason", c.closure_reason.map(|r| r.as_str()))
        .opt_text("notes", c.notes.as_deref())
        .done()
}

/// The text of a NEW case file. The app never rewrites an existing case file: people
/// keep them, with comments the app would lose.
pub fn new_case_yaml(c: &Case) -> String {
    let value = case_value(c);
    let text = yaml::to_block_string(&value);
    if reads_back(&text, c, super::decode_case) {
        return text;
    }
    yaml::to_string(&value).unwrap_or(text)
}
