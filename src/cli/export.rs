//! `cellule export minutes|agenda` and `cellule report monthly`: write (or print) an export,
//! optionally commit it in the data folder's git repository.

use super::args::{
    ConvocationArgs, DiffusionArg, DocFormatArg, ExportCommand, FormatArg, LevelArg, MinutesArgs,
    MonthlyArgs, ReportCommand,
};
use super::{Context, Exit, Failure, root};
use crate::export::{self, Format, Level};
use crate::i18n::Lang;
use crate::i18n::cli::{CliMsg, shown};
use crate::store::yaml::{Seg, Target};
use crate::store::{CommitError, Loaded, LoadedDept};
use crate::workspace::{WorkError, exports};
use std::path::{Path, PathBuf};

pub fn run_export(ctx: &Context, command: &ExportCommand) -> Result<(), Failure> {
    match command {
        ExportCommand::Minutes(args) => minutes(ctx, args),
        ExportCommand::Agenda(args) => agenda(ctx, args),
        ExportCommand::Excerpt(args) => {
            let request = export::Request::Excerpt {
                meeting: args.meeting.clone(),
                referent: args.referent.clone(),
                format: doc_format(args.format),
            };
            meeting_export(ctx, &args.meeting, &request, args.stdout, args.commit)
        }
        ExportCommand::Actions(args) => {
            let request = export::Request::Actions {
                meeting: args.meeting.clone(),
                format: doc_format(args.format),
            };
            meeting_export(ctx, &args.meeting, &request, args.stdout, args.commit)
        }
        ExportCommand::Programme(args) => programme(ctx, args),
    }
}

pub fn run_report(ctx: &Context, command: &ReportCommand) -> Result<(), Failure> {
    match command {
        ReportCommand::Monthly(args) => monthly(ctx, args),
    }
}

fn level(arg: LevelArg) -> Level {
    match arg {
        LevelArg::Internal => Level::Internal,
        LevelArg::Partners => Level::Partners,
        LevelArg::Public => Level::Public,
    }
}

fn doc_format(arg: DocFormatArg) -> Format {
    match arg {
        DocFormatArg::Md => Format::Markdown,
        DocFormatArg::Docx => Format::Docx,
        DocFormatArg::Odt => Format::Odt,
    }
}

fn minutes(ctx: &Context, args: &MinutesArgs) -> Result<(), Failure> {
    let request = export::Request::Minutes {
        meeting: args.meeting.clone(),
        level: level(args.level),
        format: doc_format(args.format),
    };
    meeting_export(ctx, &args.meeting, &request, args.stdout, args.commit)
}

/// The agenda, and with `--ics` its calendar file beside it (printed after it with `--stdout`).
fn agenda(ctx: &Context, convocation: &ConvocationArgs) -> Result<(), Failure> {
    let args = &convocation.agenda;
    let request = export::Request::Agenda {
        meeting: args.meeting.clone(),
        format: doc_format(args.format),
    };
    meeting_export(ctx, &args.meeting, &request, args.stdout, args.commit)?;
    if convocation.ics {
        let request = export::Request::Calendar {
            meeting: args.meeting.clone(),
        };
        meeting_export(ctx, &args.meeting, &request, args.stdout, args.commit)?;
    }
    Ok(())
}

fn meeting_export(
    ctx: &Context,
    meeting: &str,
    request: &export::Request,
    stdout: bool,
    commit: bool,
) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    check_meeting(ctx, &loaded, dept, meeting)?;
    deliver(ctx, &data_root, dept, request, stdout, commit)
}

fn monthly(ctx: &Context, args: &MonthlyArgs) -> Result<(), Failure> {
    let month = parse_month(&args.month).ok_or_else(|| {
        Failure::new(
            Exit::Usage,
            ctx.lang,
            CliMsg::BadMonth {
                value: args.month.clone(),
            },
        )
    })?;
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    if dept.data.department.body(&args.body).is_none() {
        return Err(Failure::new(
            Exit::Usage,
            ctx.lang,
            CliMsg::UnknownBody {
                id: args.body.clone(),
                code: dept.data.code().to_string(),
            },
        ));
    }
    let format = format_of(args.format);
    let request = export::Request::Report {
        month,
        body: args.body.clone(),
        format,
        today: Some(chrono::Local::now().date_naive()),
        large: args.diffusion == DiffusionArg::Large,
        results: args.results.clone(),
    };
    deliver(ctx, &data_root, dept, &request, args.stdout, args.commit)
}

/// `cellule export programme`: `reports/fipd-<year>.<md|docx|odt|csv|xlsx>`.
fn programme(ctx: &Context, args: &super::args::ProgrammeArgs) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    let request = export::Request::Programme {
        year: args.year,
        format: format_of(args.format),
    };
    deliver(ctx, &data_root, dept, &request, args.stdout, args.commit)
}

fn format_of(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Md => Format::Markdown,
        FormatArg::Csv => Format::Csv,
        FormatArg::Xlsx => Format::Xlsx,
        FormatArg::Docx => Format::Docx,
        FormatArg::Odt => Format::Odt,
    }
}

/// `YYYY-MM` → (year, month).
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

fn load(ctx: &Context) -> Result<(PathBuf, Loaded), Failure> {
    let data_root = root::data_root(ctx)?;
    let loaded = root::load(ctx, &data_root)?;
    Ok((data_root, loaded))
}

/// The meeting is loaded and so are its cases; else exit 2 when the meeting does not exist,
/// 1 when its file or the file of one of its cases has problems.
fn check_meeting(
    ctx: &Context,
    loaded: &Loaded,
    dept: &LoadedDept,
    id: &str,
) -> Result<(), Failure> {
    let own: Vec<String> = exports::meeting_problems(loaded, dept, id)
        .map(|p| p.render(ctx.lang))
        .collect();
    if own.is_empty() {
        if dept.data.meeting(id).is_some() {
            return Ok(());
        }
        return Err(Failure::new(
            Exit::Usage,
            ctx.lang,
            CliMsg::UnknownMeeting {
                id: id.to_string(),
                code: dept.data.code().to_string(),
            },
        ));
    }
    let mut lines = own;
    lines.push(CliMsg::MeetingHasProblems { id: id.to_string() }.text(ctx.lang));
    Err(Failure {
        exit: Exit::Data,
        lines,
    })
}

/// A name found in a free text is a problem of the data (exit 1), told at its place in the
/// meeting file; any other refusal is a usage error (2).
fn export_failure(ctx: &Context, data_root: &Path, code: &str, e: &export::ExportError) -> Failure {
    let export::ExportError::NameInText(hit) = e else {
        return Failure {
            exit: Exit::Usage,
            lines: vec![e.text(ctx.lang)],
        };
    };
    let file = data_root
        .join(code)
        .join("meetings")
        .join(format!("{}.yaml", hit.meeting));
    let path: Vec<Seg> = hit
        .path
        .iter()
        .map(|s| match s {
            export::names::Step::Key(k) => Seg::Key(k.to_string()),
            export::names::Step::Index(i) => Seg::Index(*i),
        })
        .collect();
    let (line, column) = std::fs::read_to_string(&file)
        .ok()
        .and_then(|src| crate::store::yaml::locate(&src, &path, Target::Value))
        .unwrap_or((1, 1));
    Failure {
        exit: Exit::Data,
        lines: vec![format!(
            "{}:{line}:{column}: {}",
            shown(&file),
            e.text(ctx.lang)
        )],
    }
}

/// Prints the export, or writes it atomically under the data root (and commits it when
/// asked), through the workspace.
fn deliver(
    ctx: &Context,
    data_root: &Path,
    dept: &LoadedDept,
    request: &export::Request,
    stdout: bool,
    commit: bool,
) -> Result<(), Failure> {
    let lang = ctx.lang;
    let code = dept.data.code();
    let file = exports::render(request, &dept.data, lang)
        .map_err(|e| export_failure(ctx, data_root, code, &e))?;
    if stdout {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        return out
            .write_all(&file.bytes)
            .and_then(|()| out.flush())
            .map_err(|e| {
                Failure::new(
                    Exit::Io,
                    lang,
                    CliMsg::CannotWrite {
                        path: "stdout".to_string(),
                        detail: e.to_string(),
                    },
                )
            });
    }
    let path = exports::write(data_root, code, &file).map_err(|e| {
        let path = data_root.join(code).join(&file.rel);
        Failure::new(
            Exit::Io,
            lang,
            CliMsg::CannotWrite {
                path: shown(&path),
                detail: e.text(lang),
            },
        )
    })?;
    println!("{}", CliMsg::Written { path: shown(&path) }.text(lang));
    if commit
        && exports::commit(data_root, &path, &file.message).map_err(|e| commit_failure(lang, &e))?
    {
        println!("{}", CliMsg::Committed { path: shown(&path) }.text(lang));
    }
    Ok(())
}

/// Outside a work tree is a usage error (2); git missing or failing is an input/output failure (3).
fn commit_failure(lang: Lang, e: &WorkError) -> Failure {
    let exit = match e {
        WorkError::Commit(
            CommitError::NotAWorkTree { .. } | CommitError::DubiousOwnership { .. },
        ) => Exit::Usage,
        _ => Exit::Io,
    };
    Failure {
        exit,
        lines: vec![e.text(lang)],
    }
}
