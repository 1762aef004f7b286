//! A small fictional département whose texts come from the fuzzer.
//!
//! Each `"@N"` placeholder of the templates becomes the N-th text cut from the input.
//! Protected texts carry a marker (`QSECRET…`) so that a leak is found by substring
//! search whatever the exporter does to the text around it; the letter `Q` is removed
//! from the fuzzer's texts so that no other text can hold a marker.

use cellule::domain::{Case, DeptData, Meeting};
use cellule::store::problem::Sink;
use cellule::store::yaml::{self, Node};
use cellule::store::{decode_case, decode_department, decode_meeting};

/// Markers of what partners may not read (case identity and notes).
pub const PARTNERS_SECRETS: &[&str] = &["QSECRETCASENAME", "QSECRETCASENOTES", "QSECRETITEMNOTES"];
/// Markers of what the public may not read either (names of persons).
pub const PUBLIC_SECRETS: &[&str] = &["QSECRETPERSON"];

const DEPARTMENT: &str = r#"
code: "49"
name: "@0"
authority: "@1"
marking: "@2"
members:
  - id: chair
    name: "QSECRETPERSON @3"
    title: "@4"
    organisation: "@5"
  - id: other
    name: "QSECRETPERSON @6"
    organisation: "@7"
bodies:
  cpraf:
    name: "@8"
    chair: chair
    every_days: 30
    members: [chair, other]
"#;

const CASE_1: &str = r#"
id: 49-2026-001
body: cpraf
kind: person
label: "@9"
name: "QSECRETCASENAME @10"
birth_year: 2010
reported_on: 2026-01-05
source: cnapr
status: followed
referent:
  structure: "@11"
  type: association
  person: "QSECRETPERSON @12"
measures:
  - type: education
    provider: "@13"
    from: 2026-02-01
    fipd: true
notes: "QSECRETCASENOTES @14"
"#;

const CASE_2: &str = r#"
id: 49-2026-002
body: cpraf
kind: family
label: "@15"
name: "QSECRETCASENAME @16"
reported_on: 2026-02-10
source: education
status: assessed
notes: "QSECRETCASENOTES @17"
"#;

const MEETING: &str = r#"
id: 2026-03-10-cpraf
body: cpraf
date: 2026-03-10
start: "14:30"
place: "@18"
chair: chair
status: held
attendance:
  - member: chair
    status: present
  - member: other
    status: represented
    by: "QSECRETPERSON @19"
guests:
  - name: "QSECRETPERSON @20"
    organisation: "@21"
    status: present
items:
  - kind: topic
    title: "@22"
    minutes: 5
    notes: "@23"
  - kind: case
    case: 49-2026-001
    minutes: 10
    notes: "QSECRETITEMNOTES @24"
    decision: continue
    decision_text: "@25"
    next_review: 2026-05-10
    actions:
      - text: "@26"
        owner: other
        due: 2026-04-01
  - kind: case
    case: 49-2026-002
    notes: "QSECRETITEMNOTES @27"
    decision: close
    closure_reason: moved
  - kind: actions
    title: "@28"
difficulties: "@29"
"#;

/// How many texts the templates take.
pub const TEXTS: usize = 30;

/// Cuts the input into [`TEXTS`] texts (separated by NUL bytes; invalid UTF-8 replaced).
pub fn texts(data: &[u8]) -> Vec<String> {
    let mut parts: Vec<String> = data
        .split(|b| *b == 0)
        .map(|p| String::from_utf8_lossy(p).replace(['Q', 'q'], ""))
        .collect();
    parts.resize(TEXTS, String::new());
    parts
}

fn fill(value: &mut Node, texts: &[String]) {
    match value {
        Node::Str(s) => {
            if let Some(n) = s.rfind('@').and_then(|i| s[i + 1..].parse::<usize>().ok()) {
                let at = s.rfind('@').unwrap_or(0);
                // Each text ends with its number, so that no two are equal (two equal
                // organisations would count once and change the report's shape).
                let text = texts.get(n).map_or("", String::as_str);
                *s = format!("{}{text} t{n}", &s[..at]).into();
            }
        }
        Node::Seq(items) => items.iter_mut().for_each(|v| fill(v, texts)),
        Node::Map(map) => map.iter_mut().for_each(|(_, v)| fill(v, texts)),
        _ => {}
    }
}

fn decoded<T>(
    template: &str,
    texts: &[String],
    decode: fn(&Node, &mut Sink) -> Option<T>,
) -> Option<T> {
    let mut value = yaml::read(template).ok()?;
    fill(&mut value, texts);
    let mut sink = Sink::default();
    let out = decode(&value, &mut sink);
    if sink.is_empty() { out } else { None }
}

/// The département built from `texts`, or `None` when the decoder refuses a text
/// (an empty one, say): such data would never reach an exporter.
pub fn build(texts: &[String]) -> Option<DeptData> {
    let department = decoded(DEPARTMENT, texts, decode_department)?;
    let cases: Vec<Case> = vec![
        decoded(CASE_1, texts, decode_case)?,
        decoded(CASE_2, texts, decode_case)?,
    ];
    let meetings: Vec<Meeting> = vec![decoded(MEETING, texts, decode_meeting)?];
    Some(DeptData {
        department,
        cases,
        meetings,
    })
}
