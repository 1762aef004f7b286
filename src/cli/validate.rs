//! `cellule validate`: check every file, print each problem, exit 1 when there is one.

use super::{Context, Exit, Failure, root};
use crate::i18n::Msg;
use crate::i18n::cli::CliMsg;
use crate::store::{Loaded, MAX_PROBLEMS_PER_FILE, Problem, exposure};
use std::collections::HashMap;

pub fn run(ctx: &Context) -> Result<(), Failure> {
    let data_root = root::data_root(ctx)?;
    let loaded = root::load(ctx, &data_root)?;
    warn_open_folders(ctx, &loaded);
    warn_placeholders(ctx, &loaded);
    if loaded.problems.is_empty() {
        let files: usize = loaded.depts.iter().map(|d| d.stamps.len()).sum();
        println!("{}", CliMsg::ValidateOk { files }.text(ctx.lang));
        super::validate_fipd::fund_lines(&loaded, ctx.lang)
            .iter()
            .for_each(|l| println!("{l}"));
        return Ok(());
    }
    let mut lines = capped_lines(&loaded.problems, ctx.lang);
    if !loaded.has_errors() {
        // Only notices (a stray file that is not read, a decision outside its body's
        // list): shown, but the data is sound.
        for line in lines {
            eprintln!("{line}");
        }
        let files: usize = loaded.depts.iter().map(|d| d.stamps.len()).sum();
        println!("{}", CliMsg::ValidateOk { files }.text(ctx.lang));
        super::validate_fipd::fund_lines(&loaded, ctx.lang)
            .iter()
            .for_each(|l| println!("{l}"));
        return Ok(());
    }
    // The fund's findings go to the standard output: the problems of the files stay alone
    // on the error output.
    super::validate_fipd::fund_lines(&loaded, ctx.lang)
        .iter()
        .for_each(|l| println!("{l}"));
    lines.push(
        CliMsg::ValidateProblems {
            count: loaded.problems.iter().map(Problem::weight).sum(),
        }
        .text(ctx.lang),
    );
    Err(Failure {
        exit: Exit::Data,
        lines,
    })
}

/// Warns (on the error output, without changing the exit code) about the département
/// folders that the other users of the machine can reach.
fn warn_open_folders(ctx: &Context, loaded: &Loaded) {
    let folders: Vec<&str> = loaded.depts.iter().map(|d| d.folder.as_str()).collect();
    for open in exposure::open_to_others(&loaded.root, &folders) {
        let msg = CliMsg::OpenToOthers {
            path: crate::text::visible(&open.path.display().to_string()).into_owned(),
            mode: open.mode,
        };
        eprintln!("{}", msg.text(ctx.lang));
    }
}

/// Warns (on the error output, without changing the exit code) about the « À renseigner »
/// that `cellule init` left: they would reach the convocations.
fn warn_placeholders(ctx: &Context, loaded: &Loaded) {
    for dept in &loaded.depts {
        let found =
            crate::store::locate_placeholders(&loaded.root, &dept.folder, &dept.data.department);
        for p in found {
            eprintln!("{}", p.render(ctx.lang));
        }
    }
}

/// The lines of `problems`, at most [`MAX_PROBLEMS_PER_FILE`] for each file, each file's
/// count of the others after its last line. The store records no more than that many of
/// a file's problems and counts the others ([`Msg::MoreInFile`]); the few found outside
/// its sink are capped here alike.
fn capped_lines(problems: &[Problem], lang: crate::i18n::Lang) -> Vec<String> {
    // The problems of a file mostly follow each other: each run is counted at once.
    let runs = || problems.chunk_by(|a, b| a.file == b.file);
    let mut per_file: HashMap<&str, (usize, usize)> = HashMap::new();
    for run in runs() {
        let (recorded, counted) = per_file.entry(run[0].file.as_str()).or_default();
        for p in run {
            match p.msg {
                Msg::MoreInFile { more } => *counted += more,
                _ => *recorded += 1,
            }
        }
    }
    let mut shown: HashMap<&str, usize> = HashMap::new();
    let mut lines = Vec::new();
    for run in runs() {
        let file = run[0].file.as_str();
        let (recorded, counted) = per_file[file];
        let n = shown.entry(file).or_default();
        for p in run
            .iter()
            .filter(|p| !matches!(p.msg, Msg::MoreInFile { .. }))
        {
            *n += 1;
            if *n <= MAX_PROBLEMS_PER_FILE {
                lines.push(p.render(lang));
            }
            let more = recorded.saturating_sub(MAX_PROBLEMS_PER_FILE) + counted;
            if *n == recorded && more > 0 {
                let msg = CliMsg::MoreProblemsInFile {
                    file: crate::text::visible(&p.file).into_owned(),
                    more,
                };
                lines.push(msg.text(lang));
            }
        }
    }
    lines
}
