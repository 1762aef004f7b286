//! Editing a block-YAML file with the fewest changed lines, at the positions the reader
//! finds (`yaml::locate`): the lines of what did not change stay byte for byte
//! (comments, blank lines, key order, quoting, spacing, and the spelling of every value
//! left alone, a French alias included). A changed scalar changes its own line (its
//! comment kept); a key that was absent is inserted at its place in the order of the
//! format (after the nearest key that comes before it); a removed key takes its lines
//! away; a list of mappings gains its new items at its end. Used by the case files
//! (`encode_case.rs`) and the programme files (`encode_fipd.rs`).
//!
//! The caller gives the tree the text decodes to (`old`, in the file's canonical
//! shape) and the tree wanted (`new`, its mappings' keys in the order of the format);
//! [`edit`] answers `None` when the text is not in a shape it can edit line by line
//! (flow collections, a key sharing the line of a list's dash that would have to go).
//! The caller decodes the result again and keeps it only if it gives what was asked.

use super::yaml::{self, Mapping, Seg, Target, Value};

/// One change to carry out on the text, its place found again each time.
#[derive(Debug, Clone)]
enum Op {
    /// A key present in the text gets a new value.
    Set(Vec<Seg>, Value),
    /// A key absent from the mapping at the path, with the keys that come before it.
    Insert(Vec<Seg>, String, Value, Vec<String>),
    /// A key removed with its lines.
    Remove(Vec<Seg>),
    /// An item added after the item of that index of the list at the path.
    Append(Vec<Seg>, Value, usize),
    /// The item at the path removed with its lines.
    RemoveItem(Vec<Seg>),
}

/// The spaces before a line's text.
pub fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A blank line or a comment.
pub fn is_filler(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The text `src` after the change from `old` to `new`, or `None` when it cannot be
/// made line by line.
pub fn edit(src: &str, old: &Value, new: &Value) -> Option<String> {
    let mut ops = Vec::new();
    diff(&[], old, new, &mut ops)?;
    let mut text = src.to_string();
    for op in ops {
        text = apply(&text, &op)?;
    }
    Some(text)
}

fn key(k: &Value) -> Option<String> {
    match k {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn with(path: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(seg);
    p
}

fn diff(path: &[Seg], old: &Value, new: &Value, ops: &mut Vec<Op>) -> Option<()> {
    match (old, new) {
        (Value::Mapping(om), Value::Mapping(nm)) => diff_mapping(path, om, nm, ops),
        (Value::Sequence(ol), Value::Sequence(nl)) => diff_list(path, ol, nl, ops),
        _ if old == new => Some(()),
        _ => None,
    }
}

fn diff_mapping(path: &[Seg], om: &Mapping, nm: &Mapping, ops: &mut Vec<Op>) -> Option<()> {
    for (k, _) in om.iter() {
        if !nm.contains_key(k) {
            ops.push(Op::Remove(with(path, Seg::Key(key(k)?))));
        }
    }
    let order: Vec<String> = nm.iter().filter_map(|(k, _)| key(k)).collect();
    for (i, (k, nv)) in nm.iter().enumerate() {
        let name = key(k)?;
        let at = with(path, Seg::Key(name.clone()));
        match om.get(k) {
            Some(ov) if ov == nv => {}
            Some(ov @ Value::Mapping(_)) if matches!(nv, Value::Mapping(_)) => {
                diff(&at, ov, nv, ops)?;
            }
            Some(Value::Sequence(ol))
                if is_record_list(ol)
                    && matches!(nv, Value::Sequence(nl) if is_record_list(nl)) =>
            {
                diff(&at, &Value::Sequence(ol.clone()), nv, ops)?;
            }
            Some(_) => ops.push(Op::Set(at, nv.clone())),
            None => ops.push(Op::Insert(
                path.to_vec(),
                name,
                nv.clone(),
                order[..i].to_vec(),
            )),
        }
    }
    Some(())
}

/// A non-empty list of mappings: edited item by item.
fn is_record_list(l: &[Value]) -> bool {
    !l.is_empty() && l.iter().all(|v| matches!(v, Value::Mapping(_)))
}

fn diff_list(path: &[Seg], ol: &[Value], nl: &[Value], ops: &mut Vec<Op>) -> Option<()> {
    if !is_record_list(ol) || !is_record_list(nl) {
        return None;
    }
    for (i, (o, n)) in ol.iter().zip(nl).enumerate() {
        if o != n {
            diff(&with(path, Seg::Index(i)), o, n, ops)?;
        }
    }
    for (k, n) in nl.iter().enumerate().skip(ol.len()) {
        ops.push(Op::Append(path.to_vec(), n.clone(), k - 1));
    }
    for i in (nl.len()..ol.len()).rev() {
        ops.push(Op::RemoveItem(with(path, Seg::Index(i))));
    }
    Some(())
}

/// The byte index of the 1-based character column `col` of `line`.
fn byte_at(line: &str, col: usize) -> Option<usize> {
    if col == 0 {
        return None;
    }
    match line.char_indices().nth(col - 1) {
        Some((i, _)) => Some(i),
        None if line.chars().count() == col - 1 => Some(line.len()),
        None => None,
    }
}

/// The lines of the block that starts on line `start` (0-based) whose content is
/// indented more than `col`: up to the last such line (comments and blank lines after
/// it are not its own).
fn span(lines: &[&str], start: usize, col: usize) -> usize {
    let mut end = start + 1;
    while end < lines.len() && (is_filler(lines[end]) || indent(lines[end]) > col) {
        end += 1;
    }
    while end > start + 1 && is_filler(lines[end - 1]) {
        end -= 1;
    }
    end
}

/// The key at `path`: its line (0-based), its column (0-based, after spaces and a
/// list's dash only) and the end of its lines.
fn key_place(src: &str, lines: &[&str], path: &[Seg]) -> Option<(usize, usize, usize)> {
    let (line, col) = yaml::locate(src, path, Target::Key)?;
    let l = line.checked_sub(1)?;
    let text = lines.get(l)?;
    let c = byte_at(text, col)?;
    if !text[..c].chars().all(|ch| ch == ' ' || ch == '-') {
        return None;
    }
    Some((l, c, span(lines, l, c)))
}

/// The item at `path`: its line, its dash's column, the end of its lines.
fn item_place(src: &str, lines: &[&str], path: &[Seg]) -> Option<(usize, usize, usize)> {
    let (line, col) = yaml::locate(src, path, Target::Value)?;
    let l = line.checked_sub(1)?;
    let text = lines.get(l)?;
    let c = byte_at(text, col)?;
    let dash = text[..c].rfind('-')?;
    if !text[..dash].chars().all(|ch| ch == ' ') || !text[dash..].starts_with("- ") {
        return None;
    }
    Some((l, dash, span(lines, l, dash)))
}

/// `key: value` as block YAML, its first line after `first`, the others indented by
/// `pad` spaces.
fn block(k: &str, v: &Value, first: &str, pad: usize) -> String {
    let mut m = Mapping::new();
    m.insert(Value::String(k.to_string()), v.clone());
    indented(&yaml::to_block_string(&Value::Mapping(m)), first, pad)
}

fn indented(text: &str, first: &str, pad: usize) -> String {
    let spaces = " ".repeat(pad);
    text.lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{first}{l}\n"),
            _ if l.is_empty() => "\n".to_string(),
            _ => format!("{spaces}{l}\n"),
        })
        .collect()
}

/// One list item as block YAML, its dash at column `dash`.
fn item_block(v: &Value, dash: usize) -> String {
    let mut m = Mapping::new();
    m.insert(Value::String("a".into()), Value::Sequence(vec![v.clone()]));
    let text = yaml::to_block_string(&Value::Mapping(m));
    let body: String = text
        .lines()
        .skip(1)
        .map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l)))
        .collect();
    indented(&body, &" ".repeat(dash), dash)
}

/// Where a plain or quoted scalar written from `from` ends on its line, so that what
/// follows (spaces and a comment) is kept.
fn scalar_end(rest: &str) -> usize {
    let trimmed = rest.trim_end_matches(['\n', '\r']);
    let bytes = trimmed.as_bytes();
    let quoted_end = match bytes.first() {
        Some(b'"') => {
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return i + 1,
                    _ => i += 1,
                }
            }
            None
        }
        Some(b'\'') => {
            let mut i = 1;
            loop {
                match bytes.get(i) {
                    Some(b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 2,
                    Some(b'\'') => break Some(i + 1),
                    Some(_) => i += 1,
                    None => break None,
                }
            }
        }
        _ => None,
    };
    if let Some(end) = quoted_end {
        return end;
    }
    let end = trimmed.find(" #").unwrap_or(trimmed.len());
    trimmed[..end].trim_end().len()
}

/// A scalar value on one line, without its line end.
fn one_line(v: &Value) -> Option<String> {
    match v {
        Value::Mapping(_) | Value::Sequence(_) => None,
        Value::String(s) if s.contains('\n') => None,
        other => {
            let text = yaml::to_block_string(other);
            let text = text.trim_end_matches('\n');
            (!text.contains('\n')).then(|| text.to_string())
        }
    }
}

fn apply(src: &str, op: &Op) -> Option<String> {
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let splice = |from: usize, to: usize, with: &str| -> String {
        format!("{}{with}{}", lines[..from].concat(), lines[to..].concat())
    };
    match op {
        Op::Set(path, v) => {
            let (l, c, end) = key_place(src, &lines, path)?;
            let name = match path.last()? {
                Seg::Key(k) => k.clone(),
                Seg::Index(_) => return None,
            };
            if end == l + 1
                && let Some(value) = one_line(v)
                && let Some((vl, vc)) = yaml::locate(src, path, Target::Value)
                && vl == l + 1
            {
                // On its own line: the key and the spacing before the value, and the
                // comment after it, stay.
                let line = lines[l];
                let at = byte_at(line, vc)?;
                let end = at + scalar_end(&line[at..]);
                let tail = &line[end..];
                let tail = if tail.trim().is_empty() || tail.trim_start().starts_with('#') {
                    tail
                } else {
                    "\n"
                };
                let tail = if tail.ends_with('\n') {
                    tail.to_string()
                } else {
                    format!("{tail}\n")
                };
                return Some(splice(l, l + 1, &format!("{}{value}{tail}", &line[..at])));
            }
            let first = &lines[l][..c];
            Some(splice(l, end, &block(&name, v, first, c)))
        }
        Op::Insert(path, name, v, before) => {
            // Written but read as absent (`notes:`, `justice: none`): set in place.
            let at = with(path, Seg::Key(name.clone()));
            if key_place(src, &lines, &at).is_some() {
                return apply(src, &Op::Set(at, v.clone()));
            }
            for prev in before.iter().rev() {
                let at = with(path, Seg::Key(prev.clone()));
                if let Some((_, c, end)) = key_place(src, &lines, &at) {
                    let pad = " ".repeat(c);
                    return Some(splice(end, end, &block(name, v, &pad, c)));
                }
            }
            None
        }
        Op::Remove(path) => {
            let (l, c, end) = key_place(src, &lines, path)?;
            if lines[l][..c].contains('-') {
                return None;
            }
            Some(splice(l, end, ""))
        }
        Op::Append(path, v, after) => {
            let last = with(path, Seg::Index(*after));
            let (_, dash, end) = item_place(src, &lines, &last)?;
            Some(splice(end, end, &item_block(v, dash)))
        }
        Op::RemoveItem(path) => {
            let (l, _, end) = item_place(src, &lines, path)?;
            Some(splice(l, end, ""))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap_or(Value::Null)
    }

    #[test]
    fn a_scalar_changes_on_its_own_line_keeping_spacing_and_comment() {
        let src = "# head\na:    1   # note\nb: 'x'  # quoted\nc: z\n";
        let out = edit(src, &v("a: 1\nb: x\nc: z\n"), &v("a: 2\nb: y\nc: z\n"));
        assert_eq!(
            out.as_deref(),
            Some("# head\na:    2   # note\nb: y  # quoted\nc: z\n")
        );
    }

    #[test]
    fn absent_keys_are_inserted_in_order_and_removed_keys_go() {
        let src = "a: 1\n\n# c below\nc: 3\nd:\n  e: 1\n  f: 2\n";
        let out = edit(
            src,
            &v("a: 1\nc: 3\nd: {e: 1, f: 2}\n"),
            &v("a: 1\nb: 2\nc: 3\nd: {e: 1}\n"),
        );
        assert_eq!(
            out.as_deref(),
            Some("a: 1\nb: 2\n\n# c below\nc: 3\nd:\n  e: 1\n")
        );
    }

    #[test]
    fn list_items_are_edited_appended_and_removed() {
        let src = "l:\n  - t: a   # first\n    n: 1\n  - t: b\n# end\n";
        let old = v("l: [{t: a, n: 1}, {t: b}]\n");
        let out = edit(src, &old, &v("l: [{t: a, n: 2}, {t: b}, {t: c}]\n"));
        assert_eq!(
            out.as_deref(),
            Some("l:\n  - t: a   # first\n    n: 2\n  - t: b\n  - t: c\n# end\n")
        );
        let out = edit(src, &old, &v("l: [{t: a, n: 1}]\n"));
        assert_eq!(
            out.as_deref(),
            Some("l:\n  - t: a   # first\n    n: 1\n# end\n")
        );
    }

    #[test]
    fn a_flow_mapping_is_not_edited_line_by_line() {
        let src = "d: {e: 1, f: 2}\n";
        assert_eq!(edit(src, &v(src), &v("d: {e: 1, f: 3}\n")), None);
    }
}
