//! `cellule export minutes|agenda` and `cellule report monthly`: write (or print) an export,
//! optionally commit it in the data folder's git repository.

use super::args::{
    AgendaArgs, ExportCommand, FormatArg, LevelArg, MinutesArgs, MonthlyArgs, ReportCommand,
};
use super::{Context, Exit, Failure, root};
use crate::export::{self, Level, ReportFormat};
use crate::i18n::Lang;
use crate::i18n::cli::{CliMsg, shown};
use crate::store::{
    CommitError, CommitOutcome, Expect, Loaded, LoadedDept, folder_in_root, git_commit,
    write_atomic,
};
use std::path::{Path, PathBuf};

pub fn run_export(ctx: &Context, command: &ExportCommand) -> Result<(), Failure> {
    match command {
        ExportCommand::Minutes(args) => minutes(ctx, args),
        ExportCommand::Agenda(args) => agenda(ctx, args),
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

fn minutes(ctx: &Context, args: &MinutesArgs) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    check_meeting(ctx, &loaded, dept, &args.meeting)?;
    let level = level(args.level);
    let text = export::minutes(&dept.data, &args.meeting, level, ctx.lang)
        .map_err(|e| export_failure(ctx, &e))?;
    let rel = Path::new(dept.data.code()).join(export::minutes_path(&args.meeting, level));
    let message = export::commit_message_minutes(&dept.data, &args.meeting, level)
        .map_err(|e| export_failure(ctx, &e))?;
    deliver(
        ctx,
        &data_root,
        &rel,
        &text,
        args.stdout,
        args.commit.then_some(message),
    )
}

fn agenda(ctx: &Context, args: &AgendaArgs) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    check_meeting(ctx, &loaded, dept, &args.meeting)?;
    let text =
        export::agenda(&dept.data, &args.meeting, ctx.lang).map_err(|e| export_failure(ctx, &e))?;
    let rel = Path::new(dept.data.code()).join(export::agenda_path(&args.meeting));
    let message = export::commit_message_agenda(&dept.data, &args.meeting)
        .map_err(|e| export_failure(ctx, &e))?;
    deliver(
        ctx,
        &data_root,
        &rel,
        &text,
        args.stdout,
        args.commit.then_some(message),
    )
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
    let format = match args.format {
        FormatArg::Md => ReportFormat::Markdown,
        FormatArg::Csv => ReportFormat::Csv,
    };
    let text = export::monthly_report(&dept.data, month, &args.body, format, ctx.lang)
        .map_err(|e| export_failure(ctx, &e))?;
    let rel = Path::new(dept.data.code()).join(export::report_path(month, &args.body, format));
    let message = export::commit_message_report(&dept.data, month, &args.body, format);
    deliver(
        ctx,
        &data_root,
        &rel,
        &text,
        args.stdout,
        args.commit.then_some(message),
    )
}

/// `cellule export programme`: `reports/fipd-<year>.<md|csv>`.
fn programme(ctx: &Context, args: &super::args::ProgrammeArgs) -> Result<(), Failure> {
    let (data_root, loaded) = load(ctx)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    let data = &dept.data;
    let found = match args.year {
        Some(year) => data.programme(year),
        None => data.programmes.last(),
    };
    let Some(p) = found else {
        let year = args.year.map(|y| y.to_string()).unwrap_or_default();
        return Err(Failure {
            exit: Exit::Usage,
            lines: vec![
                ctx.lang
                    .pick(
                        &format!("aucun programme FIPD {year} dans {}/fipd/", data.code()),
                        &format!("no FIPD programme {year} in {}/fipd/", data.code()),
                    )
                    .replace("  ", " "),
            ],
        });
    };
    use super::args::ProgrammeFormat;
    let (text, ext) = match args.format {
        ProgrammeFormat::Md => (
            export::fipd::programme_markdown(p, &data.department.name, ctx.lang),
            "md",
        ),
        ProgrammeFormat::Csv => (export::fipd::programme_csv(p, ctx.lang), "csv"),
        ProgrammeFormat::Xlsx => {
            let rel = Path::new(data.code()).join(format!("reports/fipd-{}.xlsx", p.year));
            let path = data_root.join(&rel);
            let fail = |detail: String| {
                Failure::new(
                    Exit::Io,
                    ctx.lang,
                    CliMsg::CannotWrite {
                        path: shown(&path),
                        detail,
                    },
                )
            };
            let bytes = export::fipd::programme_xlsx(p, ctx.lang).map_err(fail)?;
            let folder =
                crate::store::folder_in_root(&data_root, &Path::new(data.code()).join("reports"))
                    .map_err(|e| fail(e.text(ctx.lang)))?;
            let path = folder.join(format!("fipd-{}.xlsx", p.year));
            crate::store::write_atomic(&path, &bytes, crate::store::Expect::Any)
                .map_err(|e| fail(e.text(ctx.lang)))?;
            println!("{}", shown(&path));
            return Ok(());
        }
    };
    let rel = Path::new(data.code()).join(format!("reports/fipd-{}.{ext}", p.year));
    deliver(ctx, &data_root, &rel, &text, args.stdout, None)
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
    let code = dept.data.code();
    let mut files = vec![format!("{code}/meetings/{id}.yaml")];
    if let Some(meeting) = dept.data.meeting(id) {
        files.extend(
            meeting
                .items
                .iter()
                .filter_map(|i| i.case.as_deref())
                .map(|c| format!("{code}/cases/{c}.yaml")),
        );
    }
    let own: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| files.contains(&p.file) && !p.msg.is_notice())
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
                code: code.to_string(),
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

fn export_failure(ctx: &Context, e: &export::ExportError) -> Failure {
    Failure {
        exit: Exit::Usage,
        lines: vec![e.text(ctx.lang)],
    }
}

/// Prints the text, or writes it atomically under the data root (and commits it when asked).
fn deliver(
    ctx: &Context,
    data_root: &Path,
    rel: &Path,
    text: &str,
    stdout: bool,
    commit: Option<String>,
) -> Result<(), Failure> {
    let lang = ctx.lang;
    if stdout {
        print!("{text}");
        return Ok(());
    }
    let path = data_root.join(rel);
    let io = |p: &Path, detail: String| {
        Failure::new(
            Exit::Io,
            lang,
            CliMsg::CannotWrite {
                path: shown(p),
                detail,
            },
        )
    };
    // Created inside the data root only: a `minutes` link leading elsewhere is refused.
    if let Some(parent) = rel.parent() {
        folder_in_root(data_root, parent).map_err(|e| io(&path, e.text(lang)))?;
    }
    write_atomic(&path, text.as_bytes(), Expect::Any).map_err(|e| io(&path, e.text(lang)))?;
    println!("{}", CliMsg::Written { path: shown(&path) }.text(lang));
    if let Some(message) = commit {
        let outcome =
            git_commit(data_root, &path, &message).map_err(|e| commit_failure(lang, &e))?;
        if outcome == CommitOutcome::Committed {
            println!("{}", CliMsg::Committed { path: shown(&path) }.text(lang));
        }
    }
    Ok(())
}

/// Outside a work tree is a usage error (2); git missing or failing is an input/output failure (3).
fn commit_failure(lang: Lang, e: &CommitError) -> Failure {
    let exit = match e {
        CommitError::NotAWorkTree { .. } => Exit::Usage,
        CommitError::GitMissing { .. } | CommitError::Failed { .. } => Exit::Io,
    };
    Failure {
        exit,
        lines: vec![e.text(lang)],
    }
}
