//! Sentences of the command line.

use super::{Lang, quote};
use std::path::Path;

/// A sentence the commands print (errors and results).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliMsg {
    /// No data root given anywhere.
    NoDataRoot {
        config: Option<String>,
    },
    DataRootMissing {
        path: String,
    },
    DataRootNotFolder {
        path: String,
    },
    UnknownDeptCode {
        code: String,
    },
    DeptNotInRoot {
        code: String,
        present: Vec<String>,
    },
    SeveralDepts {
        present: Vec<String>,
    },
    NoDeptInRoot,
    DeptFolderExists {
        path: String,
    },
    InitDone {
        path: String,
        code: String,
        name: String,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
    CannotRead {
        path: String,
        detail: String,
    },
    DestinationNotEmpty {
        path: String,
    },
    DemoCopied {
        path: String,
    },
    Loaded {
        code: String,
        name: String,
        cases: usize,
        meetings: usize,
        problems: usize,
        /// Notices: shown, not counted as problems (a stray file, a decision outside
        /// its body's list).
        notices: usize,
    },
    OpenWith {
        path: String,
    },
    ValidateOk {
        files: usize,
    },
    ValidateProblems {
        count: usize,
    },
    /// The problems of one file not printed, past the first ones.
    MoreProblemsInFile {
        file: String,
        more: usize,
    },
    /// A data folder other users of the machine can reach.
    OpenToOthers {
        path: String,
        mode: u32,
    },
    ConfigProblem {
        line: String,
    },
    UnknownMeeting {
        id: String,
        code: String,
    },
    UnknownBody {
        id: String,
        code: String,
    },
    BadMonth {
        value: String,
    },
    MeetingHasProblems {
        id: String,
    },
    Written {
        path: String,
    },
    Committed {
        path: String,
    },
    NoTerminal,
    Interrupted,
}

fn list(values: &[String]) -> String {
    if values.is_empty() {
        "—".to_string()
    } else {
        values.join(", ")
    }
}

impl CliMsg {
    /// The sentence in the language asked for.
    pub fn text(&self, lang: Lang) -> String {
        let q = |v: &str| quote(lang, v);
        match self {
            CliMsg::NoDataRoot { config } => {
                let config = config.clone().unwrap_or_else(|| lang.pick("(introuvable)", "(not found)").to_string());
                match lang {
                    Lang::Fr => format!(
                        "aucun dossier de données : indiquez --data DOSSIER, ou la variable d'environnement CELLULE_DATA, ou data_dir dans le fichier de configuration {config} ; pour essayer sur des données fictives : cellule demo"
                    ),
                    Lang::En => format!(
                        "no data folder: give --data DIR, or the environment variable CELLULE_DATA, or data_dir in the config file {config}; to try it on fictional data: cellule demo"
                    ),
                }
            }
            CliMsg::DataRootMissing { path } => match lang {
                Lang::Fr => format!("{path}: dossier de données introuvable"),
                Lang::En => format!("{path}: data folder not found"),
            },
            CliMsg::DataRootNotFolder { path } => match lang {
                Lang::Fr => format!("{path}: ce n'est pas un dossier"),
                Lang::En => format!("{path}: not a folder"),
            },
            CliMsg::UnknownDeptCode { code } => match lang {
                Lang::Fr => format!("code de département inconnu {} (01…95, 2A, 2B, 971…988)", q(code)),
                Lang::En => format!("unknown département code {} (01…95, 2A, 2B, 971…988)", q(code)),
            },
            CliMsg::DeptNotInRoot { code, present } => match lang {
                Lang::Fr => format!("département {} absent du dossier de données (présents : {})", q(code), list(present)),
                Lang::En => format!("département {} is not in the data folder (present: {})", q(code), list(present)),
            },
            CliMsg::SeveralDepts { present } => match lang {
                Lang::Fr => format!("plusieurs départements dans le dossier de données ({}) : choisissez avec --dept", list(present)),
                Lang::En => format!("several départements in the data folder ({}): choose one with --dept", list(present)),
            },
            CliMsg::NoDeptInRoot => lang
                .pick(
                    "aucun département valide dans le dossier de données (créez-en un avec cellule init --data DOSSIER --dept CODE)",
                    "no valid département in the data folder (create one with cellule init --data DIR --dept CODE)",
                )
                .to_string(),
            CliMsg::DeptFolderExists { path } => match lang {
                Lang::Fr => format!("{path}: le dossier existe déjà ; rien n'a été modifié"),
                Lang::En => format!("{path}: the folder already exists; nothing was changed"),
            },
            CliMsg::InitDone { path, code, name } => match lang {
                Lang::Fr => format!(
                    "{path}: département {code} ({name}) créé ; complétez l'annuaire (members) dans department.yaml puis lancez cellule validate"
                ),
                Lang::En => format!(
                    "{path}: département {code} ({name}) created; fill in the directory (members) in department.yaml, then run cellule validate"
                ),
            },
            CliMsg::CannotWrite { path, detail } => match lang {
                Lang::Fr => format!(
                    "{path}: écriture impossible : {}",
                    super::problems::french_os(detail)
                ),
                Lang::En => format!("{path}: cannot write: {detail}"),
            },
            CliMsg::CannotRead { path, detail } => match lang {
                Lang::Fr => format!(
                    "{path}: lecture impossible : {}",
                    super::problems::french_os(detail)
                ),
                Lang::En => format!("{path}: cannot read: {detail}"),
            },
            CliMsg::DestinationNotEmpty { path } => match lang {
                Lang::Fr => format!("{path}: le dossier n'est pas vide ; choisissez un dossier neuf"),
                Lang::En => format!("{path}: the folder is not empty; choose a new folder"),
            },
            CliMsg::DemoCopied { path } => match lang {
                Lang::Fr => format!("Données de démonstration (fictives) copiées dans {path}"),
                Lang::En => format!("Demo data (fictional) copied into {path}"),
            },
            CliMsg::Loaded { code, name, cases, meetings, problems, notices } => {
                let mut text = match lang {
                    Lang::Fr => format!(
                        "{code} {name} : {}, {}, {}",
                        super::count(lang, *cases, ("situation", "situations"), ("", "")),
                        super::count(lang, *meetings, ("réunion", "réunions"), ("", "")),
                        super::count(lang, *problems, ("problème", "problèmes"), ("", "")),
                    ),
                    Lang::En => format!(
                        "{code} {name}: {}, {}, {}",
                        super::count(lang, *cases, ("", ""), ("case", "cases")),
                        super::count(lang, *meetings, ("", ""), ("meeting", "meetings")),
                        super::count(lang, *problems, ("", ""), ("problem", "problems")),
                    ),
                };
                if *notices > 0 {
                    text.push_str(", ");
                    text.push_str(&super::count(
                        lang,
                        *notices,
                        ("remarque", "remarques"),
                        ("notice", "notices"),
                    ));
                }
                text
            }
            CliMsg::OpenWith { path } => match lang {
                Lang::Fr => format!("Pour l'ouvrir : cellule --data {path}"),
                Lang::En => format!("To open it: cellule --data {path}"),
            },
            CliMsg::ValidateOk { files } => match lang {
                Lang::Fr => format!(
                    "{} : aucun problème",
                    super::count(lang, *files, ("fichier vérifié", "fichiers vérifiés"), ("", ""))
                ),
                Lang::En => format!(
                    "{}: no problem",
                    super::count(lang, *files, ("", ""), ("file checked", "files checked"))
                ),
            },
            CliMsg::ValidateProblems { count } => super::count(
                lang,
                *count,
                ("problème trouvé", "problèmes trouvés"),
                ("problem found", "problems found"),
            ),
            CliMsg::MoreProblemsInFile { file, more } => match lang {
                Lang::Fr if *more == 1 => format!(
                    "{file} : 1 autre problème dans ce fichier, non affiché (corrigez les premiers, puis relancez cellule validate)"
                ),
                Lang::Fr => format!(
                    "{file} : {more} autres problèmes dans ce fichier, non affichés (corrigez les premiers, puis relancez cellule validate)"
                ),
                Lang::En if *more == 1 => format!(
                    "{file}: 1 more problem in this file, not shown (fix the first ones, then run cellule validate again)"
                ),
                Lang::En => format!(
                    "{file}: {more} more problems in this file, not shown (fix the first ones, then run cellule validate again)"
                ),
            },
            CliMsg::OpenToOthers { path, mode } => match lang {
                Lang::Fr => format!(
                    "attention : {path} est accessible aux autres utilisateurs de cette machine (droits {mode:o}) ; ces données sont confidentielles : chmod o-rwx {path}"
                ),
                Lang::En => format!(
                    "warning: {path} can be reached by the other users of this machine (mode {mode:o}); this data is confidential: chmod o-rwx {path}"
                ),
            },
            CliMsg::ConfigProblem { line } => line.clone(),
            CliMsg::UnknownMeeting { id, code } => match lang {
                Lang::Fr => format!("réunion {} introuvable dans le département {code} (ou son fichier a des problèmes : cellule validate)", q(id)),
                Lang::En => format!("meeting {} not found in département {code} (or its file has problems: cellule validate)", q(id)),
            },
            CliMsg::UnknownBody { id, code } => match lang {
                Lang::Fr => format!("instance {} inconnue dans le département {code}", q(id)),
                Lang::En => format!("unknown body {} in département {code}", q(id)),
            },
            CliMsg::BadMonth { value } => match lang {
                Lang::Fr => format!("mois {} invalide : attendu AAAA-MM (2026-11)", q(value)),
                Lang::En => format!("invalid month {}: expected YYYY-MM (2026-11)", q(value)),
            },
            CliMsg::MeetingHasProblems { id } => match lang {
                Lang::Fr => format!("la réunion {} ne peut être exportée : ses fichiers ont des problèmes (voir ci-dessus)", q(id)),
                Lang::En => format!("meeting {} cannot be exported: its files have problems (see above)", q(id)),
            },
            CliMsg::Written { path } => path.clone(),
            CliMsg::Committed { path } => match lang {
                Lang::Fr => format!("{path}: enregistré dans git"),
                Lang::En => format!("{path}: committed to git"),
            },
            CliMsg::NoTerminal => lang
                .pick(
                    "l'interface demande un terminal (entrée et sortie standard) ; les sous-commandes fonctionnent sans",
                    "the interface needs a terminal (standard input and output); the subcommands work without one",
                )
                .to_string(),
            CliMsg::Interrupted => lang.pick("interrompu", "interrupted").to_string(),
        }
    }
}

/// A path as shown in messages (control characters made visible).
pub fn shown(path: &Path) -> String {
    crate::text::visible(&path.display().to_string()).into_owned()
}
