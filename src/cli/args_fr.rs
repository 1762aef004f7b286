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
    (
        "level",
        "Ce que le compte rendu peut montrer : internal (interne), partners (partenaires) ou public.",
    ),
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
    (
        "format",
        "Le format : md (Markdown), docx (Word), odt (OpenDocument) ; csv et xlsx (Excel) pour le rapport mensuel et le programme FIPD.",
    ),
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
        "Les actions décidées à une réunion, porteur par porteur.",
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
    (
        "diffusion",
        "Les destinataires : restreinte (tous les effectifs) ou large (de 1 à 4, « < 5 »).",
    ),
];

const TEMPLATE_FR: &str = "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}";

/// One command (and its subcommands) in French.
fn french(cmd: Command, top: bool) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd
        .help_template(TEMPLATE_FR)
        .next_help_heading("Options")
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Afficher cette aide.")
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
                    .help("Afficher la version."),
            );
    } else if let Some((_, fr)) = FR.iter().find(|(n, _)| *n == name) {
        cmd = cmd.about(*fr);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some((_, fr)) = FR.iter().find(|(n, _)| *n == id) {
            cmd = cmd.mut_arg(id, |a| a.help(*fr));
        }
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
