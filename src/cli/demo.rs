//! `cellule demo`: copy the bundled (fictional) demo data into a fresh folder and open it.

use super::{Context, Exit, Failure, root};
use crate::i18n::cli::{CliMsg, shown};
use crate::store::{Loaded, LoadedDept};
use crate::workspace::setup::copy_demo;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let dest = destination(ctx)?;
    copy_demo(&dest).map_err(|e| Failure::cannot_write(lang, &e))?;
    println!("{}", CliMsg::DemoCopied { path: shown(&dest) }.text(lang));
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        super::interface::open(ctx, &dest)?;
        println!("{}", CliMsg::OpenWith { path: shown(&dest) }.text(lang));
        return Ok(());
    }
    // Without a terminal (a script, a test): say what was copied and how to open it.
    let loaded = root::load(ctx, &dest)?;
    let dept = root::pick_dept(ctx, &loaded)?;
    print_summary(ctx, &loaded, dept);
    println!("{}", CliMsg::OpenWith { path: shown(&dest) }.text(lang));
    Ok(())
}

/// `--data` when given (a new or empty folder), else a new folder in the temporary folder.
fn destination(ctx: &Context) -> Result<PathBuf, Failure> {
    let lang = ctx.lang;
    let io = |path: &Path, e: std::io::Error| {
        Failure::new(
            Exit::Io,
            lang,
            CliMsg::CannotWrite {
                path: shown(path),
                detail: e.to_string(),
            },
        )
    };
    match &ctx.cli.data {
        Some(dir) => {
            match std::fs::read_dir(dir) {
                Ok(mut entries) => {
                    if entries.next().is_some() {
                        return Err(Failure::new(
                            Exit::Usage,
                            lang,
                            CliMsg::DestinationNotEmpty { path: shown(dir) },
                        ));
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    crate::store::create_private_dir(dir).map_err(|e| io(dir, e))?
                }
                Err(e) => return Err(io(dir, e)),
            }
            Ok(dir.clone())
        }
        None => {
            let tmp = std::env::temp_dir();
            tempfile::Builder::new()
                .prefix("cellule-demo-")
                .tempdir_in(&tmp)
                .map(|d| d.keep())
                .map_err(|e| io(&tmp, e))
        }
    }
}

/// One line per département and the problems found, on standard output.
pub fn print_summary(ctx: &Context, loaded: &Loaded, dept: &LoadedDept) {
    let notices = loaded.problems.iter().filter(|p| p.msg.is_notice()).count();
    let all: usize = loaded
        .problems
        .iter()
        .map(crate::store::Problem::weight)
        .sum();
    let problems = all - notices;
    let data = &dept.data;
    println!(
        "{}",
        CliMsg::Loaded {
            code: data.code().to_string(),
            name: crate::text::visible(&data.department.name).into_owned(),
            cases: data.cases.len(),
            meetings: data.meetings.len(),
            problems,
            notices,
        }
        .text(ctx.lang)
    );
    for p in &loaded.problems {
        println!("{}", p.render(ctx.lang));
    }
}
