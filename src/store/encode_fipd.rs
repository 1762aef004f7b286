//! [`Programme`] → `fipd/<year>.yaml`, and the edit of a programme file with the
//! smallest change of its text: the lines of what did not change stay as they were
//! (comments included); a changed amount or status changes its own line; a new action
//! is added at the end of the list, a removed one takes its lines away. Whatever the
//! edit, the text is decoded again and must give the programme asked for, or else the
//! whole file is written anew in the shape of the format.

use super::decode_fipd::decode_programme;
use super::problem::Sink;
use super::yaml::{self, Mapping, Seg, Target, Value};
use crate::domain::fipd::{FundAction, FundRules, Programme};

const HEADER: &str = "# Programme FIPD (prévention de la radicalisation) : voir docs/fipd.md.\n";

fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

fn n(v: u64) -> Value {
    Value::Number(v.into())
}

fn put(m: &mut Mapping, key: &str, v: Value) {
    m.insert(s(key), v);
}

/// An action as a YAML mapping, keys in the order of the format.
pub fn action_value(a: &FundAction) -> Value {
    let mut m = Mapping::new();
    put(&mut m, "id", s(&a.id));
    put(&mut m, "title", s(&a.title));
    let mut st = Mapping::new();
    put(&mut st, "name", s(&a.structure.name));
    put(&mut st, "type", s(a.structure.kind.as_str()));
    put(&mut m, "structure", Value::Mapping(st));
    put(&mut m, "category", s(a.category.as_str()));
    if !a.themes.is_empty() {
        let themes = a.themes.iter().map(|t| s(t.as_str())).collect();
        put(&mut m, "themes", Value::Sequence(themes));
    }
    if let Some(code) = &a.code {
        put(&mut m, "code", s(code));
    }
    if a.prison {
        put(&mut m, "prison", Value::Bool(true));
    }
    if a.referent {
        put(&mut m, "referent", Value::Bool(true));
    }
    put(&mut m, "requested", n(a.requested));
    if let Some(g) = a.granted {
        put(&mut m, "granted", n(g));
    }
    put(&mut m, "cost", n(a.cost));
    put(&mut m, "status", s(a.status.as_str()));
    if let Some(d) = a.decided {
        put(&mut m, "decided", s(&d.format("%Y-%m-%d").to_string()));
    }
    if let Some(e) = &a.evaluation {
        let mut em = Mapping::new();
        if !e.indicators.is_empty() {
            let list = e
                .indicators
                .iter()
                .map(|i| {
                    let mut im = Mapping::new();
                    put(&mut im, "label", s(&i.label));
                    if let Some(t) = i.target {
                        put(&mut im, "target", n(t));
                    }
                    if let Some(r) = i.result {
                        put(&mut im, "result", n(r));
                    }
                    Value::Mapping(im)
                })
                .collect();
            put(&mut em, "indicators", Value::Sequence(list));
        }
        if let Some(t) = &e.text {
            put(&mut em, "text", s(t));
        }
        put(&mut m, "evaluation", Value::Mapping(em));
    }
    if let Some(notes) = &a.notes {
        put(&mut m, "notes", s(notes));
    }
    Value::Mapping(m)
}

/// The whole file of a programme.
pub fn programme_yaml(p: &Programme) -> String {
    let mut m = Mapping::new();
    put(&mut m, "allocation", n(p.allocation));
    if p.rules != FundRules::default() {
        let mut r = Mapping::new();
        put(&mut r, "training_cap", n(p.rules.training_cap));
        put(&mut r, "training_share", n(p.rules.training_share));
        put(&mut r, "cap_reading", s(p.rules.cap_reading.as_str()));
        put(&mut r, "primary_rate", n(p.rules.primary_rate));
        put(&mut m, "rules", Value::Mapping(r));
    }
    let actions = p.actions.iter().map(action_value).collect();
    put(&mut m, "actions", Value::Sequence(actions));
    format!("{HEADER}{}", yaml::to_block_string(&Value::Mapping(m)))
}

/// The block of one action, its dash at column `dash` (0-based).
fn action_block(a: &FundAction, dash: usize) -> String {
    let mut m = Mapping::new();
    put(&mut m, "a", Value::Sequence(vec![action_value(a)]));
    let text = yaml::to_block_string(&Value::Mapping(m));
    let body = text.strip_prefix("a:\n").unwrap_or(&text);
    let pad = " ".repeat(dash);
    body.lines()
        .map(|l| {
            let l = l.strip_prefix("  ").unwrap_or(l);
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}

/// The programme the text holds, if it decodes without a problem.
pub fn decode(src: &str, year: i32) -> Option<Programme> {
    let node = yaml::read(src).ok()?;
    let mut sink = Sink::default();
    let mut p = decode_programme(&node, &mut sink)?;
    if !sink.is_empty() {
        return None;
    }
    p.year = year;
    Some(p)
}

use super::edit::{indent, is_filler};

/// The text of a programme file after the edit `new`, changing as few lines of `src`
/// as it can.
pub fn edit_programme(src: &str, new: &Programme) -> String {
    minimal(src, new)
        .filter(|text| decode(text, new.year).as_ref() == Some(new))
        .unwrap_or_else(|| programme_yaml(new))
}

fn minimal(src: &str, new: &Programme) -> Option<String> {
    let old = decode(src, new.year)?;
    if old.rules != new.rules {
        return None;
    }
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    // The allocation's line.
    if old.allocation != new.allocation {
        let (line, _) = yaml::locate(src, &[Seg::Key("allocation".into())], Target::Key)?;
        let l = out.get_mut(line - 1)?;
        *l = replace_value(l, "allocation", &new.allocation.to_string())?;
    }
    if old.actions.is_empty() {
        if new.actions.is_empty() {
            return Some(out.concat());
        }
        let (line, _) = yaml::locate(src, &[Seg::Key("actions".into())], Target::Key)?;
        let l = out.get_mut(line - 1)?;
        if l.trim() != "actions: []" {
            return None;
        }
        let blocks: String = new.actions.iter().map(|a| action_block(a, 2)).collect();
        *l = format!("actions:\n{blocks}");
        return Some(out.concat());
    }
    // The lines of each action: from its dash to the next one's (less the comments
    // just above the next one, which belong to it).
    let mut starts = Vec::new();
    for i in 0..old.actions.len() {
        let path = [Seg::Key("actions".into()), Seg::Index(i)];
        let (line, col) = yaml::locate(src, &path, Target::Value)?;
        starts.push((line - 1, col.checked_sub(3)?));
    }
    let dash = starts[0].1;
    if starts
        .iter()
        .any(|(l, c)| *c != dash || !lines[*l][dash..].starts_with("- "))
    {
        return None;
    }
    let mut spans = Vec::new();
    for (k, (start, _)) in starts.iter().enumerate() {
        let mut end = match starts.get(k + 1) {
            Some((next, _)) => *next,
            None => {
                let mut e = start + 1;
                while e < lines.len() && (is_filler(lines[e]) || indent(lines[e]) > dash) {
                    e += 1;
                }
                e
            }
        };
        while end > start + 1 && is_filler(lines[end - 1]) {
            end -= 1;
        }
        spans.push((*start, end));
    }
    let first = spans[0].0;
    let last = spans[spans.len() - 1].1;
    let mut body = String::new();
    for a in &new.actions {
        match old.actions.iter().position(|o| o.id == a.id) {
            Some(k) => {
                let (from, to) = spans[k];
                // The comments just above an action are its own.
                let lead = if k == 0 { from } else { spans[k - 1].1 };
                body.push_str(&out[lead..from].concat());
                let block = out[from..to].concat();
                if &old.actions[k] == a {
                    body.push_str(&block);
                } else {
                    body.push_str(&edit_block(&block, &old.actions[k], a, dash));
                }
            }
            None => body.push_str(&action_block(a, dash)),
        }
    }
    Some(format!(
        "{}{body}{}",
        out[..first].concat(),
        out[last..].concat()
    ))
}

/// `key: old` → `key: new` on one line, keeping a comment after a plain value.
fn replace_value(line: &str, key: &str, value: &str) -> Option<String> {
    let at = line.find(&format!("{key}:"))?;
    let head = &line[..at + key.len() + 1];
    let rest = line[at + key.len() + 1..].trim_end_matches(['\n', '\r']);
    let comment = match rest.find(" #") {
        Some(i) if !rest.trim_start().starts_with(['"', '\'']) => {
            let ws = rest[..=i].len() - rest[..=i].trim_end().len();
            &rest[i + 1 - ws..]
        }
        _ => "",
    };
    Some(format!("{head} {value}{comment}\n"))
}

/// One action's lines after its edit: the values that changed on their own lines
/// (`edit.rs`, the block read as a list of one action), else the whole block anew.
fn edit_block(block: &str, old: &FundAction, new: &FundAction, dash: usize) -> String {
    let (was, now) = (
        Value::Sequence(vec![action_value(old)]),
        Value::Sequence(vec![action_value(new)]),
    );
    super::edit::edit(block, &was, &now).unwrap_or_else(|| action_block(new, dash))
}

/// Writes the programme of `p.year` in `<root>/<dept>/fipd/`, editing the file as it is
/// with the fewest changed lines; with `Expect::Unchanged` it refuses a file changed on
/// disk since it was read. Gives the stamp of the bytes written.
pub fn save_programme(
    root: &std::path::Path,
    dept: &str,
    p: &Programme,
    expect: super::Expect,
) -> Result<super::Stamp, super::WriteError> {
    if crate::domain::departements::by_code(dept).is_none() {
        return Err(super::WriteError::UnknownDepartment {
            code: dept.to_string(),
        });
    }
    let rel = std::path::Path::new(dept).join(super::decode_fipd::FOLDER);
    let folder = super::folder_in_root(root, &rel)?;
    let path = folder.join(format!("{}.yaml", p.year));
    let text = match std::fs::read_to_string(&path) {
        Ok(old) => {
            let old = old.strip_prefix('\u{feff}').unwrap_or(&old);
            // A file that does not load (its problems are listed) is never written over.
            if decode(old, p.year).is_none() {
                return Err(super::WriteError::Changed { path });
            }
            edit_programme(old, p)
        }
        Err(_) => programme_yaml(p),
    };
    super::write_atomic(&path, text.as_bytes(), expect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fipd::{Category, FundStatus};

    const SRC: &str = "# Programme 2026\nallocation: 40000   # notifiée le 3 mars\nactions:\n  - id: psy-ars\n    title: \"Consultations\"\n    structure: {name: \"Association Horizons\", type: association}\n    category: mental_health\n    requested: 12000\n    granted: 12000   # arbitrage\n    cost: 12000\n    status: granted\n  # la suivante est en attente\n  - id: form\n    title: Formation\n    structure:\n      name: ADFI\n      type: association\n    category: training\n    requested: 2000\n    cost: 2000\n    status: requested\n# fin\n";

    fn old() -> Programme {
        decode(SRC, 2026).expect("decodes")
    }

    fn changed_lines(a: &str, b: &str) -> Vec<(String, String)> {
        a.lines()
            .zip(b.lines())
            .filter(|(x, y)| x != y)
            .map(|(x, y)| (x.to_string(), y.to_string()))
            .collect()
    }

    #[test]
    fn an_amount_changes_its_own_line_only() {
        let mut p = old();
        p.actions[0].granted = Some(11000);
        let text = edit_programme(SRC, &p);
        assert_eq!(text.lines().count(), SRC.lines().count());
        assert_eq!(
            changed_lines(SRC, &text),
            [(
                "    granted: 12000   # arbitrage".to_string(),
                "    granted: 11000   # arbitrage".to_string()
            )]
        );
        p.allocation = 45000;
        let text = edit_programme(SRC, &p);
        assert!(text.contains("allocation: 45000   # notifiée le 3 mars\n"));
    }

    #[test]
    fn a_status_granted_adds_its_line_at_its_place_in_the_block() {
        let mut p = old();
        p.actions[1].status = FundStatus::Granted;
        p.actions[1].granted = Some(1500);
        let text = edit_programme(SRC, &p);
        assert_eq!(decode(&text, 2026), Some(p));
        assert_eq!(text.lines().count(), SRC.lines().count() + 1);
        assert!(
            text.ends_with(
                "    requested: 2000\n    granted: 1500\n    cost: 2000\n    status: granted\n# fin\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn adding_and_removing_actions_keeps_the_other_lines() {
        let mut p = old();
        let mut a = FundAction::requested("groupes", "Groupes de parole", Category::Parenting);
        a.structure.name = "Parents en chemin".into();
        a.requested = 3000;
        a.cost = 4000;
        p.actions.push(a);
        let text = edit_programme(SRC, &p);
        assert_eq!(decode(&text, 2026), Some(p.clone()));
        assert!(
            text.starts_with(&SRC[..SRC.len() - "# fin\n".len()]),
            "{text}"
        );
        p.actions.remove(0);
        let text = edit_programme(SRC, &p);
        assert_eq!(decode(&text, 2026), Some(p));
        assert!(!text.contains("psy-ars"));
        assert!(
            text.contains("actions:\n  # la suivante est en attente\n  - id: form\n"),
            "{text}"
        );
    }

    #[test]
    fn a_decision_date_adds_its_line_and_reads_back() {
        let mut p = old();
        p.actions[0].decided = chrono::NaiveDate::from_ymd_opt(2026, 3, 12);
        let text = edit_programme(SRC, &p);
        assert_eq!(decode(&text, 2026), Some(p));
        assert_eq!(text.lines().count(), SRC.lines().count() + 1);
        assert!(
            text.contains("    status: granted\n    decided: "),
            "{text}"
        );
    }

    #[test]
    fn an_empty_programme_gets_its_first_action() {
        let empty = programme_yaml(&Programme::empty(2027));
        assert_eq!(decode(&empty, 2027), Some(Programme::empty(2027)));
        let mut p = Programme::empty(2027);
        let mut a = FundAction::requested("a", "Action", Category::Training);
        a.structure.name = "ADFI".into();
        p.actions.push(a);
        let text = edit_programme(&empty, &p);
        assert!(text.starts_with(HEADER));
        assert_eq!(decode(&text, 2027), Some(p));
    }

    #[test]
    fn a_text_that_cannot_be_edited_in_place_is_written_anew() {
        let mut p = old();
        p.actions[0].title = "Consultations: psychologues".into();
        let text = edit_programme("allocation: 40000\nactions: [{id: x}]\n", &p);
        assert_eq!(decode(&text, 2026), Some(p));
    }
}
