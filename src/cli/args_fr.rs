//! The command line in French, and clap's messages made harmless.
//!
//! The parser is the one of `args.rs`; in French, every help text, heading and usage
//! error is French. In both languages, what clap prints (it quotes the values given on the
//! command line) goes through [`visible`](crate::text::visible), the filter of file text:
//! a crafted `--level` cannot set the terminal's title or clipboard.

use super::args::Cli;
use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

/// The language asked on the command line (`--lang en`, `--lang=en`), else `fallback`.
pub fn lang_of_args(args: &[String], fallback: Lang) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().cloned(),
            None => None,
        };
        match value.as_deref() {
            Some("en") => return Lang::En,
            Some("fr") => return Lang::Fr,
            _ => {}
        }
    }
    fallback
}

/// French help texts, by argument or subcommand name.
const FR: &[(&str, &str)] = &[
    (
        "data",
        "Le dossier de données (sinon $CELLULE_DATA, sinon data_dir du fichier de configuration).",
    ),
    (
        "dept",
        "Le code du département (01..95, 2A, 2B, 971..988) ; facultatif quand le dossier n'en contient qu'un.",
    ),
    ("lang", "Langue des messages et des exports."),
    (
        "demo",
        "Copier les données de démonstration dans un nouveau dossier et ouvrir l'interface dessus.",
    ),
    (
        "init",
        "Créer le dossier d'un département avec un department.yaml de départ.",
    ),
    (
        "validate",
        "Vérifier chaque fichier et afficher chaque problème sous la forme chemin:ligne:colonne: message.",
    ),
    (
        "export",
        "Exporter le compte rendu, l'ordre du jour, un extrait d'une réunion, ou le programme FIPD.",
    ),
    ("report", "Calculer un rapport."),
    ("minutes", "Le compte rendu d'une réunion."),
    (
        "agenda",
        "L'ordre du jour d'une réunion, pour la convocation.",
    ),
    (
        "monthly",
        "Le rapport mensuel d'une instance pour le ministère.",
    ),
    (
        "meeting",
        "L'identifiant de la réunion (par exemple 2026-11-30-cpraf).",
    ),
    ("level", "Ce que le compte rendu peut montrer."),
    ("stdout", "Afficher au lieu d'écrire le fichier."),
    (
        "ics",
        "Écrire aussi l'invitation d'agenda (agendas/<id>.ics, iCalendar) pour Outlook et Thunderbird.",
    ),
    (
        "commit",
        "Enregistrer le fichier écrit dans le dépôt git du dossier de données.",
    ),
    ("month", "Le mois, AAAA-MM."),
    ("body", "L'instance."),
    ("format", "Le format du fichier."),
    (
        "programme",
        "Le programme FIPD d'une année, pour le SG-CIPDR (Markdown, Word, OpenDocument, CSV, Excel).",
    ),
    (
        "excerpt",
        "Pour un référent de parcours, les décisions et actions d'une réunion sur ses situations.",
    ),
    (
        "actions",
        "Les actions décidées à une réunion, pilote par pilote.",
    ),
    (
        "referent",
        "La structure référente, telle qu'écrite dans les fiches.",
    ),
    (
        "year",
        "L'année (par défaut : le programme le plus récent).",
    ),
    (
        "results",
        "« Résultats obtenus » : un texte écrit dans les résultats du rapport (aucun nom de personne).",
    ),
    ("diffusion", "Les destinataires du rapport."),
];

const TEMPLATE_FR: &str = "{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// The headings of the French help (clap adds the colon: the space is the French one before it).
const OPTIONS_FR: &str = "Options ";
const ARGUMENTS_FR: &str = "Arguments ";
const COMMANDS_FR: &str = "Commandes ";

/// A value as the French help names it.
fn value_fr(value: &str) -> &str {
    match value {
        "internal" => "internal (interne)",
        "partners" => "partners (partenaires)",
        "fr" => "fr (français)",
        "en" => "en (anglais)",
        "md" => "md (Markdown)",
        "docx" => "docx (Word)",
        "odt" => "odt (OpenDocument)",
        "csv" => "csv (Excel français : « ; », UTF-8 avec BOM)",
        "xlsx" => "xlsx (Excel)",
        "restreinte" => "restreinte (tous les effectifs)",
        "large" => "large (les effectifs de 1 à 4 écrits « < 5 »)",
        other => other,
    }
}

/// The name of a value in the usage and the help, in French.
fn value_name_fr(name: &str) -> Option<&'static str> {
    Some(match name {
        "DIR" => "DOSSIER",
        "LANG" => "LANGUE",
        "YYYY-MM" => "AAAA-MM",
        "YYYY" => "AAAA",
        "LEVEL" => "NIVEAU",
        "TEXT" => "TEXTE",
        _ => return None,
    })
}

/// One argument in French: its help (when known), its allowed values and its default
/// written in French in the help text, not by clap's English « possible values » and
/// « default ».
fn french_arg(arg: Arg, help: Option<&str>) -> Arg {
    let mut text = help
        .map(str::to_string)
        .or_else(|| arg.get_help().map(|h| h.to_string()))
        .unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| value_fr(v.get_name()).to_string())
        .collect();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !values.is_empty() {
        text.push_str(&format!(" Valeurs : {}.", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() {
        text.push_str(&format!(" Par défaut : {}.", defaults.join(", ")));
    }
    let heading = if arg.is_positional() {
        ARGUMENTS_FR
    } else {
        OPTIONS_FR
    };
    let name = arg
        .get_value_names()
        .and_then(|n| n.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    let arg = arg.help(text).help_heading(heading);
    let arg = match value_name_fr(&name) {
        Some(fr) if takes_value => arg.value_name(fr),
        _ => arg,
    };
    if takes_value {
        arg.hide_possible_values(true).hide_default_value(true)
    } else {
        arg
    }
}

/// The place of the help option, last in every list.
const LAST: usize = 1000;

/// One command (and its subcommands) in French.
fn french(cmd: Command, top: bool) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd
        .help_template(TEMPLATE_FR)
        .next_help_heading(OPTIONS_FR)
        .subcommand_help_heading(COMMANDS_FR)
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Afficher cette aide.")
                .display_order(LAST)
                .global(true),
        );
    if top {
        cmd = cmd
            .about("Préparer, conduire et rédiger les réunions de la cellule de suivi (CPRAF) et du GTRDO.")
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("Afficher la version.")
                    .display_order(LAST + 1),
            );
    } else if let Some((_, fr)) = FR.iter().find(|(n, _)| *n == name) {
        cmd = cmd.about(*fr);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for (i, id) in ids.into_iter().enumerate() {
        if id == "help" || id == "version" {
            continue;
        }
        let fr = FR.iter().find(|(n, _)| *n == id).map(|(_, fr)| *fr);
        // The command's own options first, then those of every command, then the help.
        let order = if top { LAST - 100 + i } else { i };
        cmd = cmd.mut_arg(id, |a| french_arg(a, fr).display_order(order));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |s| french(s, false));
    }
    cmd
}

/// The parser in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::Fr => french(cmd, true),
        Lang::En => cmd,
    }
}

/// Parses `args` (the program's name first) with the parser in `lang`.
pub fn parse(args: &[String], lang: Lang) -> Result<Cli, clap::Error> {
    let matches = command(lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

fn context(err: &clap::Error, kind: ContextKind) -> String {
    match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// What to print for a parse error (help and version included), filtered like file text.
pub fn render(err: &clap::Error, lang: Lang) -> String {
    let text = match (lang, err.kind()) {
        (Lang::Fr, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) | (Lang::En, _) => {
            err.render().to_string()
        }
        (Lang::Fr, kind) => {
            let arg = context(err, ContextKind::InvalidArg);
            let value = context(err, ContextKind::InvalidValue);
            let valid = context(err, ContextKind::ValidValue);
            let suggested = context(err, ContextKind::SuggestedArg)
                + &context(err, ContextKind::SuggestedSubcommand);
            let mut line = match kind {
                ErrorKind::InvalidValue => format!(
                    "erreur : valeur « {value} » non permise pour {arg} ; valeurs permises : {valid}"
                ),
                ErrorKind::UnknownArgument => format!("erreur : option inconnue « {arg} »"),
                ErrorKind::InvalidSubcommand => format!(
                    "erreur : commande inconnue « {} »",
                    context(err, ContextKind::InvalidSubcommand)
                ),
                ErrorKind::MissingRequiredArgument => {
                    format!("erreur : il manque l'option obligatoire {arg}")
                }
                ErrorKind::ArgumentConflict => format!(
                    "erreur : {arg} ne peut pas être donné avec {}",
                    context(err, ContextKind::PriorArg)
                ),
                ErrorKind::MissingSubcommand
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    "erreur : une commande est attendue (cellule --help les liste)".to_string()
                }
                ErrorKind::NoEquals | ErrorKind::InvalidUtf8 | ErrorKind::ValueValidation => {
                    format!("erreur : valeur incorrecte pour {arg}")
                }
                ErrorKind::TooManyValues
                | ErrorKind::WrongNumberOfValues
                | ErrorKind::TooFewValues => {
                    format!("erreur : nombre de valeurs incorrect pour {arg}")
                }
                _ => "erreur : ligne de commande incorrecte".to_string(),
            };
            if !suggested.is_empty() {
                line.push_str(&format!(" (vouliez-vous dire « {suggested} » ?)"));
            }
            format!("{line}\n\nPour en savoir plus : cellule --help\n")
        }
    };
    // Line breaks are the help's own; anything else that could act on the terminal is
    // shown harmlessly.
    crate::text::visible_multiline(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        std::iter::once("cellule")
            .chain(a.iter().copied())
            .map(String::from)
            .collect()
    }

    #[test]
    fn french_level_names_are_accepted() {
        for (name, level) in [
            ("interne", super::super::args::LevelArg::Internal),
            ("partenaires", super::super::args::LevelArg::Partners),
            ("public", super::super::args::LevelArg::Public),
            ("internal", super::super::args::LevelArg::Internal),
        ] {
            let cli = parse(
                &args(&["export", "minutes", "--meeting", "m", "--level", name]),
                Lang::Fr,
            )
            .unwrap();
            let Some(super::super::args::Command::Export(
                super::super::args::ExportCommand::Minutes(m),
            )) = cli.command
            else {
                panic!("{name}");
            };
            assert_eq!(m.level, level, "{name}");
        }
    }

    #[test]
    fn errors_are_french_and_harmless() {
        let crafted = "\u{1b}]52;c;eA==\u{7}\u{1b}]0;titre\u{7}";
        for lang in [Lang::Fr, Lang::En] {
            let err = parse(
                &args(&["export", "minutes", "--meeting", "m", "--level", crafted]),
                lang,
            )
            .unwrap_err();
            let text = render(&err, lang);
            assert!(
                !text.chars().any(|c| c != '\n' && crate::text::is_hazard(c)),
                "{text:?}"
            );
            if lang == Lang::Fr {
                assert!(text.starts_with("erreur : valeur « ␛]52;c;eA==␇"), "{text}");
                assert!(text.contains("valeurs permises"), "{text}");
            }
        }
        let err = parse(&args(&["validate", "--nope"]), Lang::Fr).unwrap_err();
        assert!(render(&err, Lang::Fr).contains("option inconnue « --nope »"));
        let err = parse(&args(&["frobnicate"]), Lang::Fr).unwrap_err();
        assert!(render(&err, Lang::Fr).contains("commande inconnue « frobnicate »"));
    }

    #[test]
    fn the_help_keeps_its_lines() {
        for a in [&["--help"][..], &["export", "--help"], &["demo", "--help"]] {
            let err = parse(&args(a), Lang::Fr).unwrap_err();
            let text = render(&err, Lang::Fr);
            assert!(text.lines().count() > 5, "{text}");
            assert!(!text.contains('␊'), "{text}");
            assert!(
                text.contains("\nUsage: cellule") || text.contains("\nUtilisation"),
                "{text}"
            );
        }
    }

    #[test]
    fn the_help_of_every_subcommand_is_french() {
        for path in [
            vec!["--help"],
            vec!["validate", "--help"],
            vec!["export", "--help"],
            vec!["export", "minutes", "--help"],
            vec!["export", "agenda", "--help"],
            vec!["report", "monthly", "--help"],
            vec!["init", "--help"],
            vec!["demo", "--help"],
        ] {
            let err = parse(&args(&path), Lang::Fr).unwrap_err();
            let text = render(&err, Lang::Fr);
            assert!(text.contains("Afficher cette aide."), "{path:?}: {text}");
            assert!(!text.contains("Print help"), "{path:?}: {text}");
            assert!(!text.contains("The data root"), "{path:?}: {text}");
        }
        let err = parse(&args(&["export", "minutes", "--help"]), Lang::Fr).unwrap_err();
        let text = render(&err, Lang::Fr);
        assert!(
            text.contains("Ce que le compte rendu peut montrer"),
            "{text}"
        );
        let err = parse(&args(&["--help"]), Lang::En).unwrap_err();
        assert!(render(&err, Lang::En).contains("Print help"));
    }
}
