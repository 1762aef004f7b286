//! `cellule export minutes|agenda` and `cellule report monthly`: write (or print) an export,
//! optionally commit it in the data folder's git repository.

use super::args::{
    AgendaArgs, ExportCommand, FormatArg, LevelArg, MinutesArgs, MonthlyArgs, ReportCommand,
};
use super::{Context, Exit, Failure, root};
use crate::export::{Level, ReportFormat};
use crate::i18n::Lang;
use crate::i18n::cli::{CliMsg, shown};
use crate::store::{CommitError, Loaded, LoadedDept};
use crate::workspace::{ExportRequest, WorkError, exports};
use std::path::{Path, PathBuf};

pub fn run_export(ctx: &Context, command: &ExportCommand) -> Result<(), Failure> {
    match command {
        ExportCommand::Minutes(args) => minutes(ctx, args),
        ExportCommand::Agenda(args) => agenda(ctx, args),
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

fn minutes(ctx: &Context, args: &MinutesArgs) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    check_meeting(ctx, &loaded, dept, &args.meeting)?;
    let request = ExportRequest::Minutes {
        meeting: args.meeting.clone(),
        level: level(args.level),
    };
    deliver(ctx, &data_root, dept, &request, args.stdout, args.commit)
}

fn agenda(ctx: &Context, args: &AgendaArgs) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    check_meeting(ctx, &loaded, dept, &args.meeting)?;
    let request = ExportRequest::Agenda {
        meeting: args.meeting.clone(),
    };
    deliver(ctx, &data_root, dept, &request, args.stdout, args.commit)
}

fn monthly(ctx: &Context, args: &MonthlyArgs) -> Result<(), Failure> {
    let month = parse_month(&args.month)
        .and_then(|(y, m)| chrono::NaiveDate::from_ymd_opt(y, m, 1))
        .ok_or_else(|| {
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
    let format = match args.format {
        FormatArg::Md => ReportFormat::Markdown,
        FormatArg::Csv => ReportFormat::Csv,
    };
    let request = ExportRequest::Monthly {
        month,
        body: args.body.clone(),
        format,
    };
    deliver(ctx, &data_root, dept, &request, args.stdout, args.commit)
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

/// Prints the export, or writes it atomically under the data root (and commits it when
/// asked), through the workspace.
fn deliver(
    ctx: &Context,
    data_root: &Path,
    dept: &LoadedDept,
    request: &ExportRequest,
    stdout: bool,
    commit: bool,
) -> Result<(), Failure> {
    let lang = ctx.lang;
    let file = exports::render(request, &dept.data, lang).map_err(|e| Failure {
        exit: Exit::Usage,
        lines: vec![e.text(lang)],
    })?;
    if stdout {
        print!("{}", file.text);
        return Ok(());
    }
    let code = dept.data.code();
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
