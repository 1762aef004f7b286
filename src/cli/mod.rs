//! The commands of `cli.md`: argument parsing is in [`args`], each command in its own file.
//!
//! Every command returns `Result<(), Failure>`; a failure carries its exit code
//! (1 data problems, 2 wrong usage, 3 input/output) and its lines for stderr.

pub mod args;
pub mod args_fr;
mod demo;
mod export;
mod init;
pub mod interface;
mod root;
mod validate;
mod validate_fipd;

use crate::i18n::Lang;
use crate::i18n::cli::{CliMsg, shown};
use crate::workspace::WorkError;
use args::{Cli, Command, LangArg};
use std::process::ExitCode;

/// The exit codes of cli.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The data has problems.
    Data = 1,
    /// Wrong usage: unknown flag, département, meeting, bad date.
    Usage = 2,
    /// Cannot read or write.
    Io = 3,
}

/// A command that did not succeed: its exit code and the lines to print on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub exit: Exit,
    pub lines: Vec<String>,
}

impl Failure {
    pub fn new(exit: Exit, lang: Lang, msg: CliMsg) -> Self {
        Failure {
            exit,
            lines: vec![msg.text(lang)],
        }
    }

    /// A file or folder of the workspace could not be written (exit 3).
    pub fn cannot_write(lang: Lang, e: &WorkError) -> Self {
        let msg = match e {
            WorkError::Io { path, detail, .. } => CliMsg::CannotWrite {
                path: shown(path),
                detail: detail.clone(),
            },
            other => CliMsg::CannotWrite {
                path: other.path().map(shown).unwrap_or_default(),
                detail: other.text(lang),
            },
        };
        Failure::new(Exit::Io, lang, msg)
    }
}

/// What every command needs: the language and the parsed flags.
pub struct Context {
    pub lang: Lang,
    pub cli: Cli,
    pub config: crate::config::Config,
}

/// Parses the process arguments, runs the command and gives the exit code.
pub fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let arg_lang = args_fr::lang_of_args(&argv, Lang::Fr);
    let cli = match args_fr::parse(&argv, arg_lang) {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version on stdout (exit 0), usage errors on stderr (exit 2), in the
            // language asked and filtered like file text.
            let text = args_fr::render(&err, arg_lang);
            if err.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(if err.use_stderr() {
                Exit::Usage as u8
            } else {
                0
            });
        }
    };
    let config_path = crate::config::config_path();
    let (config, config_problem) = match config_path.as_deref().map(crate::config::load) {
        Some(Ok(config)) => (config, None),
        Some(Err(problem)) => (crate::config::Config::default(), Some(problem)),
        None => (crate::config::Config::default(), None),
    };
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => config.lang.unwrap_or_default(),
    };
    if let (Some(problem), Some(path)) = (config_problem, config_path.as_deref()) {
        eprintln!("{}", problem.render(path, lang));
        return ExitCode::from(Exit::Usage as u8);
    }
    crate::store::temp::set_group_access(config.group_access);
    let ctx = Context { lang, cli, config };
    match run(&ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for line in &failure.lines {
                eprintln!("{line}");
            }
            ExitCode::from(failure.exit as u8)
        }
    }
}

fn run(ctx: &Context) -> Result<(), Failure> {
    match &ctx.cli.command {
        None => open_interface(ctx),
        Some(Command::Demo) => demo::run(ctx),
        Some(Command::Init) => init::run(ctx),
        Some(Command::Validate) => validate::run(ctx),
        Some(Command::Export(command)) => export::run_export(ctx, command),
        Some(Command::Report(command)) => export::run_report(ctx, command),
    }
}

/// Opens the interface on the data root of the flags.
fn open_interface(ctx: &Context) -> Result<(), Failure> {
    let root = root::data_root(ctx)?;
    interface::open(ctx, &root)
}
