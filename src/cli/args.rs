//! The command line, as `cli.md` fixes it: names, flags and their defaults.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Préparer, conduire et rédiger les réunions de la cellule de suivi (CPRAF) et du GTRDO.
#[derive(Debug, Parser)]
#[command(name = "cellule", version, about, propagate_version = true)]
pub struct Cli {
    /// The data root (else $CELLULE_DATA, else `data_dir` in the config file).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// The département code (01..95, 2A, 2B, 971..988); optional when the data root holds one.
    #[arg(long, global = true, value_name = "CODE")]
    pub dept: Option<String>,
    /// Language of messages and exports.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Copy the bundled demo data into a fresh folder and open the interface on it.
    Demo,
    /// Create a département folder with a starter department.yaml.
    Init,
    /// Check every file and print each problem as path:line:column: message.
    Validate,
    /// Export the minutes or the agenda of a meeting.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Compute a report.
    #[command(subcommand)]
    Report(ReportCommand),
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The minutes (compte rendu) of a meeting.
    Minutes(MinutesArgs),
    /// The agenda (ordre du jour) of a meeting, for the convocation.
    Agenda(ConvocationArgs),
    /// For one référent de parcours, the decisions and actions of a meeting on its cases.
    Excerpt(ExcerptArgs),
    /// The actions decided at a meeting, owner by owner.
    Actions(AgendaArgs),
    /// The FIPD programme of a year, for the SG-CIPDR (Markdown, Word, OpenDocument, CSV, Excel).
    Programme(ProgrammeArgs),
}

#[derive(Debug, Args)]
pub struct ExcerptArgs {
    /// The meeting id (e.g. 2026-11-30-cpraf).
    #[arg(long, value_name = "ID")]
    pub meeting: String,
    /// The référent structure, as written in the case files.
    #[arg(long, value_name = "STRUCTURE")]
    pub referent: String,
    /// Markdown, Word or OpenDocument.
    #[arg(long, value_enum, default_value_t = DocFormatArg::Md)]
    pub format: DocFormatArg,
    /// Print instead of writing the file.
    #[arg(long)]
    pub stdout: bool,
    /// Commit the written file in the data folder's git repository.
    #[arg(long, conflicts_with = "stdout")]
    pub commit: bool,
}

#[derive(Debug, Args)]
pub struct ProgrammeArgs {
    /// The year (default: the latest programme).
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Markdown, CSV (French Excel: `;`, UTF-8 with BOM), Excel, Word or OpenDocument.
    #[arg(long, value_enum, default_value_t = FormatArg::Md)]
    pub format: FormatArg,
    /// Print instead of writing the file.
    #[arg(long)]
    pub stdout: bool,
    /// Commit the written file in the data folder's git repository.
    #[arg(long, conflicts_with = "stdout")]
    pub commit: bool,
}

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// The meeting id (e.g. 2026-11-30-cpraf).
    #[arg(long, value_name = "ID")]
    pub meeting: String,
    /// What the minutes may show.
    #[arg(long, value_enum, default_value_t = LevelArg::Partners)]
    pub level: LevelArg,
    /// Markdown, Word or OpenDocument.
    #[arg(long, value_enum, default_value_t = DocFormatArg::Md)]
    pub format: DocFormatArg,
    /// Print instead of writing the file.
    #[arg(long)]
    pub stdout: bool,
    /// Commit the written file in the data folder's git repository.
    #[arg(long, conflicts_with = "stdout")]
    pub commit: bool,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The meeting id (e.g. 2026-11-30-cpraf).
    #[arg(long, value_name = "ID")]
    pub meeting: String,
    /// Markdown, Word or OpenDocument.
    #[arg(long, value_enum, default_value_t = DocFormatArg::Md)]
    pub format: DocFormatArg,
    /// Print instead of writing the file.
    #[arg(long)]
    pub stdout: bool,
    /// Commit the written file in the data folder's git repository.
    #[arg(long, conflicts_with = "stdout")]
    pub commit: bool,
}

/// The agenda's arguments, and its calendar file.
#[derive(Debug, Args)]
pub struct ConvocationArgs {
    #[command(flatten)]
    pub agenda: AgendaArgs,
    /// Also write the calendar invitation (agendas/<id>.ics, iCalendar) for Outlook and Thunderbird.
    #[arg(long)]
    pub ics: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The ministry's monthly report of a body.
    Monthly(MonthlyArgs),
}

#[derive(Debug, Args)]
pub struct MonthlyArgs {
    /// The month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: String,
    /// The body.
    #[arg(long, value_name = "ID", default_value = "cpraf")]
    pub body: String,
    /// Markdown, CSV (French Excel), Excel, Word or OpenDocument.
    #[arg(long, value_enum, default_value_t = FormatArg::Md)]
    pub format: FormatArg,
    /// Who receives it: restreinte (every count), or large (counts from 1 to 4 shown as « < 5 »).
    #[arg(long, value_enum, default_value_t = DiffusionArg::Restreinte)]
    pub diffusion: DiffusionArg,
    /// « Résultats obtenus »: a text written in the report's results (no name of a person).
    #[arg(long, value_name = "TEXT", alias = "resultats")]
    pub results: Option<String>,
    /// Print instead of writing the file.
    #[arg(long)]
    pub stdout: bool,
    /// Commit the written file in the data folder's git repository.
    #[arg(long, conflicts_with = "stdout")]
    pub commit: bool,
}

/// The French names are accepted too (`interne`, `partenaires`; `public` is both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    #[value(alias = "interne")]
    Internal,
    #[value(alias = "partenaires")]
    Partners,
    Public,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Md,
    Csv,
    Xlsx,
    Docx,
    Odt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffusionArg {
    Restreinte,
    Large,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormatArg {
    Md,
    Docx,
    Odt,
}
