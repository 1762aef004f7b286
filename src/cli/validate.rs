//! `cellule validate`: check every file, print each problem, exit 1 when there is one.

use super::{Context, Exit, Failure, root};
use crate::i18n::cli::CliMsg;

pub fn run(ctx: &Context) -> Result<(), Failure> {
    let data_root = root::data_root(ctx)?;
    let loaded = root::load(ctx, &data_root)?;
    if loaded.problems.is_empty() {
        let files: usize = loaded.depts.iter().map(|d| d.stamps.len()).sum();
        println!("{}", CliMsg::ValidateOk { files }.text(ctx.lang));
        return Ok(());
    }
    let mut lines: Vec<String> = loaded.problems.iter().map(|p| p.render(ctx.lang)).collect();
    if !loaded.has_errors() {
        // Only notices (a stray file that is not read): shown, but the data is sound.
        for line in lines {
            eprintln!("{line}");
        }
        return Ok(());
    }
    lines.push(
        CliMsg::ValidateProblems {
            count: loaded.problems.len(),
        }
        .text(ctx.lang),
    );
    Err(Failure {
        exit: Exit::Data,
        lines,
    })
}
