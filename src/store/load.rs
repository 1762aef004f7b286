//! Loading a data root: every département folder, each file on its own.
//!
//! One bad file never stops the others: the result holds the valid data and the
//! list of problems. A file with any problem is left out of the data, so that the
//! app never rewrites a file it misread. Positions are looked up only for the files
//! that have problems.
//!
//! The files of a département are read, parsed and decoded on every available core;
//! the checks across files then run in order, so the result does not depend on the
//! number of cores (see `docs/performance.md`).

use super::decode_case::decode_case;
use super::decode_department::decode_department;
use super::decode_fipd::{FOLDER, decode_programme, year_of};
use super::decode_meeting::decode_meeting;
use super::node::Node;
use super::parallel::{DEPARTEMENTS, FILES, MANY_DEPARTEMENTS, ONE_THREAD, Share, par_map};
use super::problem::{Problem, Sink};
use super::source::{Listed, leftover, list_yaml, parse_marked, read_text};
use super::stamp::Stamp;
use super::validate::{Doc, check_cases, check_department, check_meetings};
use crate::domain::{Case, Department, DeptData, Meeting, departements};
use crate::i18n::{Lang, Msg};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Files larger than this are refused without being read whole.
pub use super::read::MAX_FILE_BYTES;

/// What a data root holds.
#[derive(Debug)]
pub struct Loaded {
    /// The data root as given.
    pub root: PathBuf,
    /// The départements whose `department.yaml` is valid, in the order of the code table.
    pub depts: Vec<LoadedDept>,
    /// Every problem found, sorted by file, line and column; a file with more than
    /// [`MAX_PROBLEMS_PER_FILE`](super::MAX_PROBLEMS_PER_FILE) has its first ones, then
    /// one [`Msg::MoreInFile`] counting the others.
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
                if name.starts_with('.') {
                    continue;
                }
                if !entry.path().is_dir() {
                    // A data file beside the département folders is read by nobody: said
                    // (a README or the like is left alone).
                    if name.ends_with(".yaml") || name.ends_with(".yml") {
                        problems.push(Problem::whole(name.clone(), Msg::StrayFile { name }));
                    }
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
    // Listing is cheap and done in order. Reading, parsing and decoding each file is
    // the cost: the files of a département are shared between the cores; the checks
    // across its files follow, in order. One département at a time, so that only its
    // texts are held at once.
    let plans: Vec<DeptPlan> = folders
        .into_iter()
        .map(|folder| plan_dept(root, folder, &mut problems))
        .collect();
    // Many départements: each core loads whole départements, with no waiting between
    // them. Few: the files of each are shared between the cores.
    let results: Vec<(Option<LoadedDept>, Vec<Problem>)> = if plans.len() >= MANY_DEPARTEMENTS {
        par_map(&plans, DEPARTEMENTS, |plan| {
            load_plan(root, plan, ONE_THREAD)
        })
    } else {
        plans
            .iter()
            .map(|plan| load_plan(root, plan, FILES))
            .collect()
    };
    let mut depts = Vec::new();
    for (dept, found) in results {
        problems.extend(found);
        depts.extend(dept);
    }
    load_programmes(root, &mut depts, &mut problems);
    // A file's count of the problems not recorded comes after its recorded ones.
    let key = |p: &Problem| (matches!(p.msg, Msg::MoreInFile { .. }), p.line, p.column);
    problems.sort_by(|a, b| (&a.file, key(a)).cmp(&(&b.file, key(b))));
    Ok(Loaded {
        root: root.to_path_buf(),
        depts,
        problems,
    })
}

/// One file read, parsed and decoded: its stamp when its bytes could be read, and
/// either the problem that kept it from being parsed or the decoded document (with
/// its own problems in its sink).
struct FileRead<T> {
    stamp: Option<Stamp>,
    doc: Result<Doc<T>, Box<Problem>>,
}

/// Reads, parses and decodes one file.
fn read_doc<T>(root: &Path, job: &Job, decode: fn(&Node, &mut Sink) -> Option<T>) -> FileRead<T> {
    let (src, stamp) = match read_text(&root.join(&job.rel), &job.rel, job.regular) {
        Ok(read) => read,
        Err(p) => {
            return FileRead {
                stamp: None,
                doc: Err(p),
            };
        }
    };
    let decoded = parse_marked(&src, &job.rel).map(|(node, marks)| {
        let mut sink = Sink::default();
        let value = decode(&node, &mut sink);
        // The problems get their positions now, from the marks of this one reading.
        sink.place(&src, &node, &marks);
        (value, sink)
    });
    let doc = decoded.map(|(value, sink)| Doc {
        rel: job.rel.clone(),
        stem: job.stem.clone(),
        src,
        value,
        sink,
    });
    FileRead {
        stamp: Some(stamp),
        doc,
    }
}

/// What is to be read in one département folder.
struct DeptPlan {
    folder: String,
    /// `department.yaml` is there.
    dept_file: bool,
    /// The `.yaml` files of `cases/` and `meetings/`, sorted.
    cases: Vec<Listed>,
    meetings: Vec<Listed>,
}

impl DeptPlan {
    /// The files to read, in the order [`settle_dept`] takes them.
    fn jobs(&self) -> Vec<Job> {
        // `department.yaml` was only looked for by name: it is looked at before it is
        // opened.
        let dept = self.dept_file.then(|| Job {
            kind: JobKind::Department,
            rel: format!("{}/department.yaml", self.folder),
            stem: "department".to_string(),
            regular: false,
        });
        let job = |kind: JobKind| {
            move |l: &Listed| Job {
                kind,
                rel: l.rel.clone(),
                stem: l.stem.clone(),
                regular: l.regular,
            }
        };
        // The meetings, the largest files, first: the cores then end together.
        let meetings = self.meetings.iter().map(job(JobKind::Meeting));
        let cases = self.cases.iter().map(job(JobKind::Case));
        dept.into_iter().chain(meetings).chain(cases).collect()
    }
}

#[derive(Clone, Copy)]
enum JobKind {
    Department,
    Case,
    Meeting,
}

/// One file to read.
struct Job {
    kind: JobKind,
    rel: String,
    stem: String,
    /// The folder's listing gave it as a regular file (not a link).
    regular: bool,
}

/// One file read, of any kind.
enum Parsed {
    Department(FileRead<Department>),
    Case(FileRead<Case>),
    Meeting(FileRead<Meeting>),
}

fn parse_job(root: &Path, job: &Job) -> Parsed {
    match job.kind {
        JobKind::Department => Parsed::Department(read_doc(root, job, decode_department)),
        JobKind::Case => Parsed::Case(read_doc(root, job, decode_case)),
        JobKind::Meeting => Parsed::Meeting(read_doc(root, job, decode_meeting)),
    }
}

/// Reads one département folder and checks its files against each other.
fn load_plan(root: &Path, plan: &DeptPlan, share: Share) -> (Option<LoadedDept>, Vec<Problem>) {
    let jobs = plan.jobs();
    let mut parsed = par_map(&jobs, share, |job| parse_job(root, job)).into_iter();
    let mut problems = Vec::new();
    let dept = settle_dept(plan, &mut parsed, &mut problems);
    (dept, problems)
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

/// Moves the problems of a document to `problems`; its value if it has none.
pub(super) fn settle<T>(doc: Doc<T>, problems: &mut Vec<Problem>) -> Option<T> {
    if doc.sink.is_empty() {
        return doc.value;
    }
    problems.extend(doc.sink.into_problems(&doc.rel, &doc.src));
    None
}

/// Lists what is to be read in one département folder, reporting what is not.
fn plan_dept(root: &Path, folder: String, problems: &mut Vec<Problem>) -> DeptPlan {
    let dept_file = root.join(&folder).join("department.yaml").exists();
    if !dept_file {
        problems.push(Problem::whole(folder.as_str(), Msg::NoDepartmentFile));
    }
    let cases = list_yaml(root, &folder, "cases", problems);
    let meetings = list_yaml(root, &folder, "meetings", problems);
    // Temporary files a crash left where the app writes exports and the directory.
    for sub in ["", "minutes", "agendas", "reports"] {
        let dir = root.join(&folder).join(sub);
        for path in super::temp::leftovers(&dir) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let rel = match sub {
                "" => format!("{folder}/{}", name.unwrap_or_default()),
                _ => format!("{folder}/{sub}/{}", name.unwrap_or_default()),
            };
            problems.push(leftover(root, rel));
        }
    }
    DeptPlan {
        folder,
        dept_file,
        cases,
        meetings,
    }
}

/// Takes the next read of the expected kind (the reads come in the order of the plans).
fn next_read<T>(
    parsed: &mut impl Iterator<Item = Parsed>,
    pick: fn(Parsed) -> Option<FileRead<T>>,
) -> Option<FileRead<T>> {
    parsed.next().and_then(pick)
}

/// Checks the files of one département against each other and keeps what is valid.
fn settle_dept(
    plan: &DeptPlan,
    parsed: &mut impl Iterator<Item = Parsed>,
    problems: &mut Vec<Problem>,
) -> Option<LoadedDept> {
    let folder = plan.folder.as_str();
    let mut stamps = BTreeMap::new();
    let mut keep = |rel: &str, stamp: Option<Stamp>| {
        if let Some(stamp) = stamp {
            stamps.insert(rel.to_string(), stamp);
        }
    };
    let dept_rel = format!("{folder}/department.yaml");
    let dept_doc = if plan.dept_file {
        let read = next_read(parsed, |p| match p {
            Parsed::Department(r) => Some(r),
            _ => None,
        })?;
        keep(&dept_rel, read.stamp);
        match read.doc {
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
        None
    };
    let dept = dept_doc
        .as_ref()
        .filter(|d| d.is_clean())
        .and_then(|d| d.value.as_ref());

    let mut meeting_reads = Vec::with_capacity(plan.meetings.len());
    for _ in &plan.meetings {
        meeting_reads.push(next_read(parsed, |p| match p {
            Parsed::Meeting(r) => Some(r),
            _ => None,
        })?);
    }

    let mut case_docs: Vec<Doc<Case>> = Vec::with_capacity(plan.cases.len());
    // Cases whose file exists, valid or not: a meeting naming a case whose file has
    // problems still loads (the case file's own problems are listed).
    let present: HashSet<&str> = plan.cases.iter().map(|l| l.stem.as_str()).collect();
    for Listed { rel, .. } in &plan.cases {
        let read = next_read(parsed, |p| match p {
            Parsed::Case(r) => Some(r),
            _ => None,
        })?;
        keep(rel, read.stamp);
        match read.doc {
            Ok(doc) => case_docs.push(doc),
            Err(p) => problems.push(*p),
        }
    }
    check_cases(&mut case_docs, dept);

    let mut meeting_docs: Vec<Doc<Meeting>> = Vec::with_capacity(plan.meetings.len());
    for (Listed { rel, .. }, read) in plan.meetings.iter().zip(meeting_reads) {
        keep(rel, read.stamp);
        match read.doc {
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
        check_meetings(&mut meeting_docs, dept, &valid, &present, &[]);
    }
    problems.extend(super::validate::decision_notices(&meeting_docs, dept));

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
        folder: plan.folder.clone(),
        data: DeptData {
            department,
            cases,
            meetings,
            programmes: Vec::new(),
        },
        stamps,
    })
}
