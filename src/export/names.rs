//! Known names never leave in free text.
//!
//! Before the minutes (or the agenda) go out at the partners or public level, every free text
//! that the level prints — decision texts, notes of topics, action texts, guests' functions, the
//! place, topic titles, and at the public level the organisations — is searched for every name
//! the data knows: the names of the cases, of the members and of the meeting's guests, and at
//! the public level the cases' labels and the names of the structures followed. The search
//! ignores case and accents and matches whole words only. The first hit refuses the export.

use super::Level;
use crate::domain::{CaseKind, DeptData, ItemKind, Meeting};
use crate::i18n::{Lang, quote};
use std::collections::HashMap;

/// A step of the path of a value in the meeting file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// A name found in a free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// The meeting's id (its file is `meetings/<id>.yaml`).
    pub meeting: String,
    /// Where the text is in the meeting file.
    pub path: Vec<Step>,
    /// The name as the data writes it.
    pub name: String,
    /// The text as written, for the interface to mark it.
    pub text: String,
    /// The byte range of the name in `text`.
    pub range: std::ops::Range<usize>,
    /// The label of the case whose name it is, to replace it with.
    pub case_label: Option<String>,
}

impl NameHit {
    /// `le texte … contient le nom « … »`.
    pub fn text(&self, lang: Lang) -> String {
        let field = self
            .path
            .iter()
            .map(|s| match s {
                Step::Key(k) => k.to_string(),
                Step::Index(i) => format!("[{i}]"),
            })
            .collect::<Vec<_>>()
            .join(".")
            .replace(".[", "[");
        match lang {
            Lang::Fr => format!(
                "le texte {field} contient le nom {}",
                quote(lang, &self.name)
            ),
            Lang::En => format!(
                "the text {field} contains the name {}",
                quote(lang, &self.name)
            ),
        }
    }

    /// The text with the name replaced by the case's label, when it is a case's name.
    pub fn replaced(&self) -> Option<String> {
        let label = self.case_label.as_ref()?;
        let mut out = self.text.clone();
        out.replace_range(self.range.clone(), label);
        Some(out)
    }
}

/// Writes the text of `hit` with the name replaced by the case's label into `meeting`, at the
/// hit's path; `false` when there is no label or the path leads nowhere (nothing is changed).
pub fn apply_fix(meeting: &mut Meeting, hit: &NameHit) -> bool {
    use Step::{Index, Key};
    let Some(fixed) = hit.replaced() else {
        return false;
    };
    let slot: Option<&mut String> = match hit.path.as_slice() {
        [Key("place")] => meeting.place.as_mut(),
        [Key("guests"), Index(g), Key("title")] => {
            meeting.guests.get_mut(*g).and_then(|x| x.title.as_mut())
        }
        [Key("guests"), Index(g), Key("organisation")] => {
            meeting.guests.get_mut(*g).map(|x| &mut x.organisation)
        }
        [Key("items"), Index(i), Key("title")] => {
            meeting.items.get_mut(*i).and_then(|x| x.title.as_mut())
        }
        [Key("items"), Index(i), Key("notes")] => {
            meeting.items.get_mut(*i).and_then(|x| x.notes.as_mut())
        }
        [Key("items"), Index(i), Key("decision_text")] => meeting
            .items
            .get_mut(*i)
            .and_then(|x| x.decision_text.as_mut()),
        [
            Key("items"),
            Index(i),
            Key("actions"),
            Index(a),
            Key("text"),
        ] => meeting
            .items
            .get_mut(*i)
            .and_then(|x| x.actions.get_mut(*a))
            .map(|x| &mut x.text),
        _ => None,
    };
    match slot {
        Some(text) if *text == hit.text => {
            *text = fixed;
            true
        }
        _ => false,
    }
}

/// A letter folded for comparison: lower case, without accent.
pub fn fold_char(c: char) -> char {
    fold(c)
}

fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        c => c,
    }
}

/// The words of `text`, folded, each with its byte range.
fn words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if current.is_empty() {
                start = i;
            }
            current.push(fold(c));
        } else if !current.is_empty() {
            out.push((std::mem::take(&mut current), start..i));
        }
    }
    if !current.is_empty() {
        out.push((current, start..text.len()));
    }
    out
}

/// A name to look for.
struct Name {
    written: String,
    words: Vec<String>,
    case_label: Option<String>,
}

/// The names, indexed by their first word.
struct Names {
    by_first: HashMap<String, Vec<Name>>,
}

impl Names {
    fn new() -> Self {
        Names {
            by_first: HashMap::new(),
        }
    }

    fn add(&mut self, written: &str, case_label: Option<&str>) {
        let words: Vec<String> = words(written).into_iter().map(|(w, _)| w).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        self.by_first.entry(first).or_default().push(Name {
            written: written.trim().to_string(),
            words,
            case_label: case_label.map(str::to_string),
        });
    }

    /// The first name found in `text`: (name, byte range, case label).
    fn find(&self, text: &str) -> Option<(&Name, std::ops::Range<usize>)> {
        let ws = words(text);
        for (i, (w, range)) in ws.iter().enumerate() {
            let Some(candidates) = self.by_first.get(w) else {
                continue;
            };
            for name in candidates {
                let n = name.words.len();
                if i + n <= ws.len() && ws[i..i + n].iter().map(|(w, _)| w).eq(name.words.iter()) {
                    return Some((name, range.start..ws[i + n - 1].1.end));
                }
            }
        }
        None
    }
}

/// The free texts of `meeting` that `level` prints, with their paths.
fn texts(meeting: &Meeting, level: Level) -> Vec<(Vec<Step>, &str)> {
    use Step::{Index, Key};
    let mut out: Vec<(Vec<Step>, &str)> = Vec::new();
    if let Some(place) = meeting.place.as_deref() {
        out.push((vec![Key("place")], place));
    }
    for (g, guest) in meeting.guests.iter().enumerate() {
        if let Some(title) = guest.title.as_deref() {
            out.push((vec![Key("guests"), Index(g), Key("title")], title));
        }
        if level == Level::Public {
            out.push((
                vec![Key("guests"), Index(g), Key("organisation")],
                &guest.organisation,
            ));
        }
    }
    for (i, item) in meeting.items.iter().enumerate() {
        let at = |key| vec![Key("items"), Index(i), Key(key)];
        if item.kind == ItemKind::Topic
            && let Some(title) = item.title.as_deref()
        {
            out.push((at("title"), title));
        }
        if level == Level::Public {
            continue;
        }
        if item.kind != ItemKind::Case
            && let Some(notes) = item.notes.as_deref()
        {
            out.push((at("notes"), notes));
        }
        if let Some(text) = item.decision_text.as_deref() {
            out.push((at("decision_text"), text));
        }
        for (a, action) in item.actions.iter().enumerate() {
            out.push((
                vec![
                    Key("items"),
                    Index(i),
                    Key("actions"),
                    Index(a),
                    Key("text"),
                ],
                &action.text,
            ));
        }
    }
    out
}

/// The first known name (a case's or a member's) found in `text`, a free text that goes out
/// outside the meetings (the monthly report's « résultats obtenus »).
pub fn name_in(data: &DeptData, text: &str) -> Option<String> {
    let mut names = Names::new();
    for case in &data.cases {
        if let Some(name) = case.name.as_deref() {
            names.add(name, Some(&case.label));
        }
    }
    for member in &data.department.members {
        names.add(&member.name, None);
    }
    names.find(text).map(|(name, _)| name.written.clone())
}

/// The first known name found in a free text of the minutes of `meeting_id` at `level`.
/// Nothing is checked at the internal level, which may name everyone.
pub fn check(data: &DeptData, meeting_id: &str, level: Level) -> Option<NameHit> {
    if level == Level::Internal {
        return None;
    }
    let meeting = data.meeting(meeting_id)?;
    let mut names = Names::new();
    for case in &data.cases {
        if let Some(name) = case.name.as_deref() {
            names.add(name, Some(&case.label));
        }
        if level == Level::Public {
            names.add(&case.label, None);
            if case.kind == CaseKind::Organisation
                && let Some(name) = case.name.as_deref()
            {
                names.add(name, None);
            }
        }
    }
    for member in &data.department.members {
        names.add(&member.name, None);
    }
    for guest in &meeting.guests {
        names.add(&guest.name, None);
    }
    for (path, text) in texts(meeting, level) {
        if let Some((name, range)) = names.find(text) {
            return Some(NameHit {
                meeting: meeting.id.clone(),
                path,
                name: name.written.clone(),
                text: text.to_string(),
                range,
                case_label: name.case_label.clone(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_replaces_the_name_by_the_label_at_its_place_only() {
        use crate::domain::testing::{case, meeting};
        use crate::domain::{Item, MeetingStatus};
        let mut c = case("75-2026-001", "cpraf");
        c.name = Some("Léa Dupré".into());
        c.label = "L. D.".into();
        let mut data = crate::domain::testing::paris(Vec::new());
        let mut m = meeting("m", "cpraf", "2026-11-30", MeetingStatus::Held);
        let mut item = Item::case("75-2026-001", None);
        item.decision_text = Some("Vu avec LEA DUPRE, la famille.".into());
        m.items = vec![item];
        data.cases = vec![c];
        data.meetings = vec![m.clone()];
        let Some(hit) = check(&data, "m", Level::Partners) else {
            panic!("the name is found");
        };
        assert!(apply_fix(&mut m, &hit));
        assert_eq!(
            m.items[0].decision_text.as_deref(),
            Some("Vu avec L. D., la famille.")
        );
        // Applied once: the text is no longer the one found.
        assert!(!apply_fix(&mut m, &hit));
        data.meetings = vec![m];
        assert_eq!(check(&data, "m", Level::Partners), None);
    }

    #[test]
    fn names_are_found_as_whole_words_without_case_or_accents() {
        let mut names = Names::new();
        names.add("Léa Dupré", Some("L. D."));
        let (name, range) = names.find("Vu avec LEA DUPRE, la famille").unwrap();
        assert_eq!(name.written, "Léa Dupré");
        assert_eq!(&"Vu avec LEA DUPRE, la famille"[range], "LEA DUPRE");
        assert!(names.find("Vu avec Léa Duprés").is_none());
        assert!(names.find("Léa seule").is_none());
    }
}
