//! Opening the interface: the data root and département of the flags, the options of the
//! config file; the interface works on the files through a [`Workspace`].

use super::{Context, Exit, Failure, root};
use crate::i18n::cli::CliMsg;
use crate::store::LoadedDept;
use crate::tui::{self, KeyOverride, Options};
use crate::workspace::{WatchMode, Workspace};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

/// Loads the data of the flags and runs the interface until the user quits.
pub fn open(ctx: &Context, data_root: &Path) -> Result<(), Failure> {
    let lang = ctx.lang;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let loaded = root::load(ctx, data_root)?;
    let dept = match root::pick_dept(ctx, &loaded) {
        Ok(dept) => dept,
        Err(failure) if terminal && loaded.depts.len() > 1 => {
            ask_dept(ctx, &loaded.depts).ok_or(failure)?
        }
        Err(failure) => return Err(failure),
    };
    if !terminal {
        return Err(Failure::new(Exit::Usage, lang, CliMsg::NoTerminal));
    }
    // Temporary files a crash left (full copies of what was being written) go first; the
    // notices of those removed are not shown.
    let workspace = Workspace::new(data_root, dept);
    let cleaned = workspace.clean_leftovers();
    let (notices, problems): (Vec<_>, Vec<_>) = loaded
        .problems
        .iter()
        .filter(|p| {
            !matches!(p.msg, crate::i18n::Msg::LeftoverTemp { .. })
                || data_root.join(&p.file).exists()
        })
        .partition(|p| matches!(p.msg, crate::i18n::Msg::DecisionNotForBody { .. }));
    let problems: Vec<String> = problems.iter().map(|p| p.render(lang)).collect();
    let notices: Vec<String> = notices.iter().map(|p| p.render(lang)).collect();
    let options = Options {
        lang,
        high_contrast: ctx.config.theme.as_deref() == Some("high-contrast"),
        keys: ctx
            .config
            .keys
            .iter()
            .map(|b| KeyOverride {
                context: b.context.clone(),
                key: b.key.clone(),
                action: b.action.clone(),
            })
            .collect(),
        hide_names: ctx.config.hide_names,
        // A fixed day for demonstrations and tests (`CELLULE_TODAY=2026-12-14`): the day the
        // séance records. Anything else than a date is ignored.
        today: std::env::var("CELLULE_TODAY")
            .ok()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()),
    };
    let no_color = match ctx.config.theme.as_deref() {
        Some("mono") => Some(std::ffi::OsString::from("1")),
        _ => std::env::var_os("NO_COLOR"),
    };
    let mut workspace = workspace;
    let watch = ctx.config.watch.as_deref().and_then(WatchMode::parse);
    workspace.watch(watch.unwrap_or_default());
    let mut app = tui::prepare(dept.data.clone(), problems, &options, no_color.as_deref())
        .map_err(|e| Failure {
            exit: Exit::Usage,
            lines: vec![e.to_string()],
        })?;
    app.notices = notices
        .iter()
        .map(|p| crate::text::visible(p).into_owned())
        .collect();
    if cleaned > 0 {
        app.info(tui::unsaved::cleaned_temp(cleaned, lang));
    }
    tui::run_app(app, &mut workspace).map_err(|e| Failure {
        exit: Exit::Io,
        lines: vec![e.to_string()],
    })
}

/// Several départements and no `--dept`: asks which one, on the terminal.
fn ask_dept<'a>(ctx: &Context, depts: &'a [LoadedDept]) -> Option<&'a LoadedDept> {
    let lang = ctx.lang;
    println!(
        "{}",
        lang.pick(
            "Plusieurs départements dans ce dossier de données :",
            "Several départements in this data folder:"
        )
    );
    for (i, d) in depts.iter().enumerate() {
        println!(
            "  {}) {} {}",
            i + 1,
            d.data.code(),
            crate::text::visible(&d.data.department.name)
        );
    }
    let stdin = std::io::stdin();
    loop {
        print!(
            "{}",
            lang.pick(
                "Numéro ou code (Entrée seule : abandon) : ",
                "Number or code (Enter alone: cancel): "
            )
        );
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        if stdin.lock().read_line(&mut line).ok()? == 0 {
            return None;
        }
        let answer = line.trim();
        if answer.is_empty() {
            return None;
        }
        let code = root::normalise_code(answer);
        let by_number = answer
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=depts.len()).contains(n))
            .map(|n| &depts[n - 1]);
        if let Some(dept) = depts.iter().find(|d| d.data.code() == code).or(by_number) {
            return Some(dept);
        }
    }
}
