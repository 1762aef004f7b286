//! Loading a data root: every département folder, each file on its own.
//!
//! One bad file never stops the others: the result holds the valid data and the
//! list of problems. A file with any problem is left out of the data, so that the
//! app never rewrites a file it misread. Positions are looked up only for the files
//! that have problems.

use super::decode_case::decode_case;
use super::decode_department::decode_department;
use super::decode_meeting::decode_meeting;
use super::problem::{Problem, Sink, resolve};
use super::validate::{Doc, check_cases, check_department, check_meetings};
use super::write::Stamp;
use super::yaml::{self, ParseFailure, Value};
use crate::domain::{Case, DeptData, Meeting, departements};
use crate::i18n::{Lang, Msg};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Files larger than this are refused without being read whole.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// What a data root holds.
#[derive(Debug)]
pub struct Loaded {
    /// The data root as given.
    pub root: PathBuf,
    /// The départements whose `department.yaml` is valid, in the order of the code table.
    pub depts: Vec<LoadedDept>,
    /// Every problem found, sorted by file, line and column.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Some problem is an error, not a mere notice (see [`Msg::is_notice`]).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| !p.msg.is_notice())
    }

    /// The département with this code, if it loaded.
    pub fn dept(&self, code: &str) -> Option<&LoadedDept> {
        self.depts.iter().find(|d| d.folder == code)
    }
}

/// One département as loaded.
#[derive(Debug)]
pub struct LoadedDept {
    /// The folder name (equal to the code).
    pub folder: String,
    /// The valid data: cases sorted by id, meetings chronologically.
    pub data: DeptData,
    /// The stamp of the bytes read of every file read, by path relative to the data
    /// root (`"49/meetings/2026-11-30-cpraf.yaml"`): give it to
    /// [`write_atomic`](super::write_atomic) to refuse overwriting a change made meanwhile.
    pub stamps: BTreeMap<String, Stamp>,
}

/// Why a data root could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The root does not exist or is not a folder.
    #[error("{}: not a folder", .path.display())]
    NotAFolder { path: PathBuf },
    /// The root cannot be listed.
    #[error("{}: {detail}", .path.display())]
    Io {
        path: PathBuf,
        kind: io::ErrorKind,
        detail: String,
    },
    /// `--dept` names a code that is unknown or has no folder in the root.
    #[error("unknown département {code}")]
    UnknownDepartment { code: String },
}

impl StoreError {
    /// One line for users.
    pub fn text(&self, lang: Lang) -> String {
        let shown = |p: &Path| crate::text::visible(&p.to_string_lossy()).into_owned();
        match self {
            StoreError::NotAFolder { path } => {
                format!("{}: {}", shown(path), Msg::NotAFolder.text(lang))
            }
            StoreError::Io { path, detail, .. } => format!(
                "{}: {}",
                shown(path),
                Msg::CannotRead {
                    detail: detail.clone()
                }
                .text(lang)
            ),
            StoreError::UnknownDepartment { code } => {
                Msg::UnknownDepartment { code: code.clone() }.text(lang)
            }
        }
    }
}

/// Loads every département folder of `root`.
///
/// `Err` only when the root itself cannot be read; every problem inside is in
/// [`Loaded::problems`].
pub fn load_root(root: &Path) -> Result<Loaded, StoreError> {
    load_root_dept(root, None)
}

/// Loads the département folder `code` of `root`, or all of them when `code` is `None`.
///
/// A code that is not known, or has no folder in the root, is
/// [`StoreError::UnknownDepartment`].
pub fn load_root_dept(root: &Path, code: Option<&str>) -> Result<Loaded, StoreError> {
    let meta = fs::metadata(root).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => StoreError::NotAFolder {
            path: root.to_path_buf(),
        },
        kind => StoreError::Io {
            path: root.to_path_buf(),
            kind,
            detail: e.to_string(),
        },
    })?;
    if !meta.is_dir() {
        return Err(StoreError::NotAFolder {
            path: root.to_path_buf(),
        });
    }
    let mut problems = Vec::new();
    let folders: Vec<String> = match code {
        Some(code) => {
            if departements::by_code(code).is_none() || !root.join(code).is_dir() {
                return Err(StoreError::UnknownDepartment {
                    code: code.to_string(),
                });
            }
            vec![code.to_string()]
        }
        None => {
            let entries = fs::read_dir(root).map_err(|e| StoreError::Io {
                path: root.to_path_buf(),
                kind: e.kind(),
                detail: e.to_string(),
            })?;
            let mut folders = Vec::new();
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || !entry.path().is_dir() {
                    continue;
                }
                if departements::by_code(&name).is_some() {
                    folders.push(name);
                } else {
                    problems.push(Problem::whole(name.clone(), Msg::UnknownFolder { name }));
                }
            }
            let rank = |c: &str| departements::all().iter().position(|d| d.code == c);
            folders.sort_by_key(|c| rank(c));
            folders
        }
    };
    let mut depts = Vec::new();
    for folder in folders {
        if let Some(d) = load_dept(root, &folder, &mut problems) {
            depts.push(d);
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok(Loaded {
        root: root.to_path_buf(),
        depts,
        problems,
    })
}

/// The text of one file, or the problem that kept it from being read.
fn read_text(path: &Path, rel: &str) -> Result<(String, Stamp), Box<Problem>> {
    let whole = |msg| Box::new(Problem::whole(rel, msg));
    let cannot = |e: io::Error| {
        whole(Msg::CannotRead {
            detail: e.to_string(),
        })
    };
    let meta = fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(whole(Msg::NotRegularFile));
    }
    let too_large = |bytes| {
        whole(Msg::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        })
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let stamp = Stamp::of(&bytes);
    let mut text = String::from_utf8(bytes).map_err(|_| whole(Msg::NotUtf8))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok((text, stamp))
}

/// Reads, parses and decodes one file. `Err` holds the problems of a file that could
/// not be parsed; `Ok` a decoded document (with its own problems in its sink).
fn read_doc<T>(
    root: &Path,
    rel: String,
    stem: String,
    stamps: &mut BTreeMap<String, Stamp>,
    decode: fn(&Value, &mut Sink) -> Option<T>,
) -> Result<Doc<T>, Box<Problem>> {
    let (src, stamp) = read_text(&root.join(&rel), &rel)?;
    stamps.insert(rel.clone(), stamp);
    let value = parse_text(&src, &rel)?;
    let mut sink = Sink::default();
    let value = decode(&value, &mut sink);
    Ok(Doc {
        rel,
        stem,
        src,
        value,
        sink,
    })
}

fn parse_text(src: &str, rel: &str) -> Result<Value, Box<Problem>> {
    if src.trim().is_empty() {
        return Err(Box::new(Problem::whole(rel, Msg::Empty)));
    }
    match yaml::parse(src) {
        Ok(Value::Null) => Err(Box::new(Problem::whole(rel, Msg::Empty))),
        Ok(v) => Ok(v),
        Err(e) => {
            let msg = match e.failure {
                ParseFailure::Syntax { detail } => Msg::Syntax { detail },
                ParseFailure::DuplicateKey { key } => Msg::DuplicateKey { key },
                ParseFailure::TooDeep => Msg::TooDeep,
                ParseFailure::AliasBomb => Msg::AliasBomb,
            };
            Err(Box::new(Problem {
                file: rel.to_string(),
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
                msg,
            }))
        }
    }
}

/// The `.yaml` files of `<folder>/<sub>/`, as (relative path, stem), sorted; other
/// files are reported (hidden files and folders are skipped silently).
fn list_yaml(
    root: &Path,
    folder: &str,
    sub: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(String, String)> {
    let dir = root.join(folder).join(sub);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(Problem::whole(
                format!("{folder}/{sub}"),
                Msg::CannotRead {
                    detail: e.to_string(),
                },
            ));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{folder}/{sub}/{name}");
        // Hidden files (temporary files of atomic writes among them) and the locks of
        // meetings being edited are the app's own, not the users' files.
        if name.starts_with('.') || super::lock::is_lock_file(&name) || entry.path().is_dir() {
            continue;
        }
        if let Some(stem) = name.strip_suffix(".yaml") {
            found.push((rel, stem.to_string()));
        } else if name.ends_with(".yml") {
            problems.push(Problem::whole(rel, Msg::RenameYml { name }));
        } else {
            problems.push(Problem::whole(rel, Msg::NotYaml { name }));
        }
    }
    found.sort();
    found
}

/// Moves the problems of a document to `problems`; its value if it has none.
fn settle<T>(doc: Doc<T>, problems: &mut Vec<Problem>) -> Option<T> {
    if doc.sink.is_empty() {
        return doc.value;
    }
    problems.extend(resolve(&doc.rel, &doc.src, doc.sink.pending));
    None
}

fn load_dept(root: &Path, folder: &str, problems: &mut Vec<Problem>) -> Option<LoadedDept> {
    let mut stamps = BTreeMap::new();
    let dept_rel = format!("{folder}/department.yaml");
    let dept_doc = if root.join(&dept_rel).exists() {
        match read_doc(
            root,
            dept_rel.clone(),
            "department".into(),
            &mut stamps,
            decode_department,
        ) {
            Ok(mut doc) => {
                check_department(&mut doc, folder);
                Some(doc)
            }
            Err(p) => {
                problems.push(*p);
                problems.push(Problem::whole(
                    dept_rel.clone(),
                    Msg::DeptNotLoaded {
                        code: folder.to_string(),
                    },
                ));
                None
            }
        }
    } else {
        problems.push(Problem::whole(folder, Msg::NoDepartmentFile));
        None
    };
    let dept = dept_doc
        .as_ref()
        .filter(|d| d.is_clean())
        .and_then(|d| d.value.as_ref());

    let mut case_docs: Vec<Doc<Case>> = Vec::new();
    let case_files = list_yaml(root, folder, "cases", problems);
    // Cases whose file exists, valid or not: a meeting naming a case whose file has
    // problems still loads (the case file's own problems are listed).
    let present: HashSet<String> = case_files.iter().map(|(_, stem)| stem.clone()).collect();
    for (rel, stem) in case_files {
        match read_doc(root, rel, stem, &mut stamps, decode_case) {
            Ok(doc) => case_docs.push(doc),
            Err(p) => problems.push(*p),
        }
    }
    check_cases(&mut case_docs, dept);

    let mut meeting_docs: Vec<Doc<Meeting>> = Vec::new();
    for (rel, stem) in list_yaml(root, folder, "meetings", problems) {
        match read_doc(root, rel, stem, &mut stamps, decode_meeting) {
            Ok(doc) => meeting_docs.push(doc),
            Err(p) => problems.push(*p),
        }
    }
    {
        let valid: HashMap<&str, &Case> = case_docs
            .iter()
            .filter(|d| d.is_clean())
            .filter_map(|d| d.value.as_ref())
            .map(|c| (c.id.as_str(), c))
            .collect();
        check_meetings(&mut meeting_docs, dept, &valid, &present);
    }

    let mut cases: Vec<Case> = case_docs
        .into_iter()
        .filter_map(|d| settle(d, problems))
        .collect();
    let mut meetings: Vec<Meeting> = meeting_docs
        .into_iter()
        .filter_map(|d| settle(d, problems))
        .collect();
    let department = match dept_doc {
        Some(doc) => {
            let rel = doc.rel.clone();
            let d = settle(doc, problems);
            if d.is_none() {
                problems.push(Problem::whole(
                    rel,
                    Msg::DeptNotLoaded {
                        code: folder.to_string(),
                    },
                ));
            }
            d
        }
        None => None,
    }?;
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    meetings.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    Some(LoadedDept {
        folder: folder.to_string(),
        data: DeptData {
            department,
            cases,
            meetings,
        },
        stamps,
    })
}
