//! Messages about problems found in the data files.

use super::{Lang, quote, quoted_list};

/// The kind of value a key expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Integer,
    PositiveInteger,
    Year,
    Boolean,
    Date,
    Time,
    List,
    Mapping,
}

impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Expected::Text => lang.pick("un texte", "a text"),
            Expected::Integer => lang.pick("un nombre entier", "a whole number"),
            Expected::PositiveInteger => {
                lang.pick("un nombre entier positif", "a positive whole number")
            }
            Expected::Year => lang.pick(
                "une année sur quatre chiffres (2009)",
                "a four-digit year (2009)",
            ),
            Expected::Boolean => lang.pick("true ou false", "true or false"),
            Expected::Date => lang.pick("une date AAAA-MM-JJ", "a date YYYY-MM-DD"),
            Expected::Time => lang.pick(
                "une heure HH:MM entre guillemets (\"14:30\")",
                "a time HH:MM in quotes (\"14:30\")",
            ),
            Expected::List => lang.pick(
                "une liste (lignes commençant par « - »)",
                "a list (lines starting with \"- \")",
            ),
            Expected::Mapping => lang.pick("des clés « clé: valeur »", "\"key: value\" entries"),
        }
    }
}

/// A problem found in a file. Rendered with [`Msg::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// The file is larger than the limit.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file cannot be read.
    CannotRead {
        detail: String,
    },
    /// The file is empty.
    Empty,
    /// YAML syntax error, with the parser's own words.
    Syntax {
        detail: String,
    },
    /// The same key twice in one block.
    DuplicateKey {
        key: String,
    },
    /// Nesting deeper than the parser accepts.
    TooDeep,
    /// Aliases that expand too much (an "alias bomb").
    AliasBomb,
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    MissingKey {
        key: String,
    },
    EmptyValue {
        key: String,
    },
    WrongType {
        key: String,
        expected: Expected,
    },
    BadEnum {
        key: String,
        value: String,
        allowed: &'static [&'static str],
    },
    BadDate {
        key: String,
        value: String,
    },
    ImpossibleDate {
        key: String,
        value: String,
    },
    BadTime {
        key: String,
        value: String,
    },
    BadTimezone {
        value: String,
    },
    BadShortId {
        key: String,
        value: String,
    },
    BadFileId {
        key: String,
        value: String,
    },
    YearOutOfRange {
        value: i64,
    },
    UnknownFolder {
        name: String,
    },
    NoDepartmentFile,
    NotYaml {
        name: String,
    },
    CodeMismatch {
        code: String,
        folder: String,
    },
    IdMismatch {
        id: String,
        stem: String,
    },
    DuplicateId {
        id: String,
        other: String,
    },
    DuplicateEntry {
        key: String,
        value: String,
    },
    UnknownMember {
        key: String,
        id: String,
    },
    UnknownBody {
        id: String,
    },
    UnknownCase {
        id: String,
    },
    CaseOfOtherBody {
        id: String,
        case_body: String,
        body: String,
    },
    ClosedNeedsDate,
    ClosedNeedsReason,
    NotClosedButDate {
        status: String,
    },
    NotClosedButReason {
        status: String,
    },
    RepresentedNeedsBy,
    DateBefore {
        key: String,
        value: String,
        other_key: String,
        other: String,
    },
    CloseNeedsReason,
    CloseForbidsReview,
    ReasonWithoutClose,
    NotForKind {
        key: String,
        kind: String,
    },
    NeedsKey {
        key: String,
        kind: String,
    },
    UnknownDepartment {
        code: String,
    },
    /// `by` on an attendance whose status is not `represented`.
    ByWithoutRepresented {
        status: String,
    },
    /// A `.yml` file, which is not read (the app writes `.yaml`).
    RenameYml {
        name: String,
    },
    /// The département is left out because its `department.yaml` is invalid.
    DeptNotLoaded {
        code: String,
    },
    /// Not a regular file (a folder, a device...).
    NotRegularFile,
    /// The data root does not exist or is not a folder.
    NotAFolder,
    /// Writing refused: the file changed since it was read.
    WriteChanged,
    /// Writing refused: the file already exists.
    WriteExists,
    /// Writing refused: the path leads outside the data folder.
    WriteOutsideRoot,
    /// Writing failed.
    WriteFailed {
        detail: String,
    },
    /// A file of `fipd/` not named for a year.
    ProgrammeName {
        name: String,
    },
    /// A rule of the FIPD annex (see `domain::fipd`).
    Fund(crate::domain::fipd::Finding),
}

impl Msg {
    /// A file skipped on purpose rather than data in error (a stray non-YAML file):
    /// worth showing, not worth failing `validate` for.
    pub fn is_notice(&self) -> bool {
        matches!(self, Msg::NotYaml { .. })
    }

    /// The message in the language asked for.
    pub fn text(&self, lang: Lang) -> String {
        let q = |v: &str| quote(lang, v);
        match self {
            Msg::TooLarge { bytes, limit } => match lang {
                Lang::Fr => format!(
                    "fichier trop volumineux ({} Kio, limite {} Kio) : non lu",
                    bytes / 1024,
                    limit / 1024
                ),
                Lang::En => format!(
                    "file too large ({} KiB, limit {} KiB): not read",
                    bytes / 1024,
                    limit / 1024
                ),
            },
            Msg::NotUtf8 => lang
                .pick(
                    "ce fichier n'est pas du texte UTF-8 (enregistrez-le en UTF-8)",
                    "this file is not UTF-8 text (save it as UTF-8)",
                )
                .into(),
            Msg::CannotRead { detail } => match lang {
                Lang::Fr => format!("lecture impossible : {detail}"),
                Lang::En => format!("cannot read: {detail}"),
            },
            Msg::Empty => lang.pick("fichier vide", "empty file").into(),
            Msg::Syntax { detail } => match lang {
                Lang::Fr => format!("YAML invalide : {}", french_syntax(detail)),
                Lang::En => format!("invalid YAML: {detail}"),
            },
            Msg::DuplicateKey { key } => match lang {
                Lang::Fr => format!("la clé {} apparaît deux fois", q(key)),
                Lang::En => format!("the key {} appears twice", q(key)),
            },
            Msg::TooDeep => lang
                .pick(
                    "imbrication trop profonde : fichier refusé",
                    "nesting too deep: file refused",
                )
                .into(),
            Msg::AliasBomb => lang
                .pick(
                    "trop de renvois (alias YAML) : fichier refusé",
                    "too many YAML aliases expanded: file refused",
                )
                .into(),
            Msg::UnknownKey { key, suggestion } => match (lang, suggestion) {
                (Lang::Fr, Some(s)) => {
                    format!("clé inconnue {} (vouliez-vous dire {} ?)", q(key), q(s))
                }
                (Lang::Fr, None) => format!("clé inconnue {}", q(key)),
                (Lang::En, Some(s)) => format!("unknown key {} (did you mean {}?)", q(key), q(s)),
                (Lang::En, None) => format!("unknown key {}", q(key)),
            },
            Msg::MissingKey { key } => match lang {
                Lang::Fr => format!("clé obligatoire absente : {}", q(key)),
                Lang::En => format!("missing required key {}", q(key)),
            },
            Msg::EmptyValue { key } => match lang {
                Lang::Fr => format!("{} est vide", q(key)),
                Lang::En => format!("{} is empty", q(key)),
            },
            Msg::WrongType { key, expected } => match lang {
                Lang::Fr => format!("{} doit être {}", q(key), expected.text(lang)),
                Lang::En => format!("{} must be {}", q(key), expected.text(lang)),
            },
            Msg::BadEnum {
                key,
                value,
                allowed,
            } => match lang {
                Lang::Fr => format!(
                    "valeur {} non permise pour {} ; valeurs permises : {}",
                    q(value),
                    q(key),
                    quoted_list(lang, allowed)
                ),
                Lang::En => format!(
                    "value {} not allowed for {}; allowed values: {}",
                    q(value),
                    q(key),
                    quoted_list(lang, allowed)
                ),
            },
            Msg::BadDate { key, value } => match lang {
                Lang::Fr => format!("{} : {} n'est pas une date AAAA-MM-JJ", q(key), q(value)),
                Lang::En => format!("{}: {} is not a date YYYY-MM-DD", q(key), q(value)),
            },
            Msg::ImpossibleDate { key, value } => match lang {
                Lang::Fr => format!("{} : la date {} n'existe pas", q(key), q(value)),
                Lang::En => format!("{}: the date {} does not exist", q(key), q(value)),
            },
            Msg::BadTime { key, value } => match lang {
                Lang::Fr => format!("{} : {} n'est pas une heure HH:MM", q(key), q(value)),
                Lang::En => format!("{}: {} is not a time HH:MM", q(key), q(value)),
            },
            Msg::BadTimezone { value } => match lang {
                Lang::Fr => format!(
                    "fuseau horaire inconnu {} (exemple : Europe/Paris)",
                    q(value)
                ),
                Lang::En => format!("unknown time zone {} (example: Europe/Paris)", q(value)),
            },
            Msg::BadShortId { key, value } => match lang {
                Lang::Fr => format!(
                    "{} : identifiant {} invalide (1 à 32 caractères parmi a-z, 0-9 et -)",
                    q(key),
                    q(value)
                ),
                Lang::En => format!(
                    "{}: invalid id {} (1 to 32 characters among a-z, 0-9 and -)",
                    q(key),
                    q(value)
                ),
            },
            Msg::BadFileId { key, value } => match lang {
                Lang::Fr => format!(
                    "{} : identifiant {} invalide (1 à 64 caractères parmi A-Z, a-z, 0-9, _ et -, sans - au début)",
                    q(key),
                    q(value)
                ),
                Lang::En => format!(
                    "{}: invalid id {} (1 to 64 characters among A-Z, a-z, 0-9, _ and -, not starting with -)",
                    q(key),
                    q(value)
                ),
            },
            Msg::YearOutOfRange { value } => match lang {
                Lang::Fr => format!("année de naissance {value} improbable"),
                Lang::En => format!("unlikely birth year {value}"),
            },
            Msg::UnknownFolder { name } => match lang {
                Lang::Fr => format!(
                    "dossier {} ignoré : ce n'est pas un code de département connu (01…95, 2A, 2B, 971…988)",
                    q(name)
                ),
                Lang::En => format!(
                    "folder {} skipped: not a known département code (01…95, 2A, 2B, 971…988)",
                    q(name)
                ),
            },
            Msg::NoDepartmentFile => lang
                .pick(
                    "department.yaml manquant dans ce dossier",
                    "department.yaml is missing in this folder",
                )
                .into(),
            Msg::NotYaml { name } => match lang {
                Lang::Fr => format!(
                    "fichier {} ignoré : seuls les fichiers .yaml sont lus",
                    q(name)
                ),
                Lang::En => format!("file {} skipped: only .yaml files are read", q(name)),
            },
            Msg::CodeMismatch { code, folder } => match lang {
                Lang::Fr => format!(
                    "code {} différent du nom du dossier {} (écrivez code: \"{folder}\")",
                    q(code),
                    q(folder)
                ),
                Lang::En => format!(
                    "code {} differs from the folder name {} (write code: \"{folder}\")",
                    q(code),
                    q(folder)
                ),
            },
            Msg::IdMismatch { id, stem } => match lang {
                Lang::Fr => format!(
                    "id {} différent du nom du fichier {} (ils doivent être égaux)",
                    q(id),
                    q(stem)
                ),
                Lang::En => format!(
                    "id {} differs from the file name {} (they must be equal)",
                    q(id),
                    q(stem)
                ),
            },
            Msg::DuplicateId { id, other } => match lang {
                Lang::Fr => format!("id {} déjà utilisé par {other}", q(id)),
                Lang::En => format!("id {} already used by {other}", q(id)),
            },
            Msg::DuplicateEntry { key, value } => match lang {
                Lang::Fr => format!("{} : {} figure deux fois", q(key), q(value)),
                Lang::En => format!("{}: {} appears twice", q(key), q(value)),
            },
            Msg::UnknownMember { key, id } => match lang {
                Lang::Fr => format!(
                    "{} : membre {} absent de l'annuaire (members de department.yaml)",
                    q(key),
                    q(id)
                ),
                Lang::En => format!(
                    "{}: member {} is not in the directory (members of department.yaml)",
                    q(key),
                    q(id)
                ),
            },
            Msg::UnknownBody { id } => match lang {
                Lang::Fr => format!("instance {} inconnue (bodies de department.yaml)", q(id)),
                Lang::En => format!("unknown body {} (bodies of department.yaml)", q(id)),
            },
            Msg::UnknownCase { id } => match lang {
                Lang::Fr => format!(
                    "situation {} inconnue (aucun fichier cases/{id}.yaml valide)",
                    q(id)
                ),
                Lang::En => format!("unknown case {} (no valid file cases/{id}.yaml)", q(id)),
            },
            Msg::CaseOfOtherBody {
                id,
                case_body,
                body,
            } => match lang {
                Lang::Fr => format!(
                    "la situation {} relève de {}, pas de {}",
                    q(id),
                    q(case_body),
                    q(body)
                ),
                Lang::En => format!(
                    "case {} belongs to {}, not {}",
                    q(id),
                    q(case_body),
                    q(body)
                ),
            },
            Msg::ClosedNeedsDate => lang
                .pick(
                    "status closed exige closed_on (date de clôture)",
                    "status closed requires closed_on (closure date)",
                )
                .into(),
            Msg::ClosedNeedsReason => lang
                .pick(
                    "status closed exige closure_reason (motif de clôture)",
                    "status closed requires closure_reason",
                )
                .into(),
            Msg::NotClosedButDate { status } => match lang {
                Lang::Fr => format!(
                    "closed_on n'est permis qu'avec status closed (ici {})",
                    q(status)
                ),
                Lang::En => format!(
                    "closed_on is only allowed with status closed (here {})",
                    q(status)
                ),
            },
            Msg::NotClosedButReason { status } => match lang {
                Lang::Fr => format!(
                    "closure_reason n'est permis qu'avec status closed (ici {})",
                    q(status)
                ),
                Lang::En => format!(
                    "closure_reason is only allowed with status closed (here {})",
                    q(status)
                ),
            },
            Msg::RepresentedNeedsBy => lang
                .pick(
                    "status represented exige by (par qui le membre est représenté)",
                    "status represented requires by (who represents the member)",
                )
                .into(),
            Msg::DateBefore {
                key,
                value,
                other_key,
                other,
            } => match lang {
                Lang::Fr => format!(
                    "{} ({value}) est antérieur à {} ({other})",
                    q(key),
                    q(other_key)
                ),
                Lang::En => format!("{} ({value}) is before {} ({other})", q(key), q(other_key)),
            },
            Msg::CloseNeedsReason => lang
                .pick(
                    "la décision close exige closure_reason (motif de clôture)",
                    "decision close requires closure_reason",
                )
                .into(),
            Msg::CloseForbidsReview => lang
                .pick(
                    "next_review n'a pas de sens avec la décision close",
                    "next_review is not allowed with decision close",
                )
                .into(),
            Msg::ReasonWithoutClose => lang
                .pick(
                    "closure_reason n'est permis qu'avec la décision close",
                    "closure_reason is only allowed with decision close",
                )
                .into(),
            Msg::NotForKind { key, kind } => match lang {
                Lang::Fr => format!(
                    "{} n'est pas permis pour un point de type {}",
                    q(key),
                    q(kind)
                ),
                Lang::En => format!("{} is not allowed on an item of kind {}", q(key), q(kind)),
            },
            Msg::NeedsKey { key, kind } => match lang {
                Lang::Fr => format!("un point de type {} exige {}", q(kind), q(key)),
                Lang::En => format!("an item of kind {} requires {}", q(kind), q(key)),
            },
            Msg::UnknownDepartment { code } => match lang {
                Lang::Fr => format!("département {} absent de ce dossier de données", q(code)),
                Lang::En => format!("département {} is not in this data folder", q(code)),
            },
            Msg::ByWithoutRepresented { status } => match lang {
                Lang::Fr => format!(
                    "by n'est permis qu'avec status represented (ici {})",
                    q(status)
                ),
                Lang::En => format!(
                    "by is only allowed with status represented (here {})",
                    q(status)
                ),
            },
            Msg::RenameYml { name } => {
                let renamed = format!("{}.yaml", name.strip_suffix(".yml").unwrap_or(name));
                match lang {
                    Lang::Fr => format!(
                        "fichier {} ignoré : renommez-le {}",
                        q(name),
                        q(&renamed)
                    ),
                    Lang::En => format!("file {} skipped: rename it {}", q(name), q(&renamed)),
                }
            }
            Msg::DeptNotLoaded { code } => match lang {
                Lang::Fr => format!(
                    "département {} non chargé tant que ce fichier n'est pas corrigé",
                    q(code)
                ),
                Lang::En => format!("département {} not loaded until this file is fixed", q(code)),
            },
            Msg::NotRegularFile => lang
                .pick("ce n'est pas un fichier ordinaire : non lu", "not a regular file: not read")
                .into(),
            Msg::NotAFolder => lang
                .pick(
                    "dossier de données introuvable (ou ce n'est pas un dossier)",
                    "data folder not found (or not a folder)",
                )
                .into(),
            Msg::WriteChanged => lang
                .pick(
                    "fichier modifié par ailleurs depuis sa lecture : rien n'a été écrit (rechargez)",
                    "file changed elsewhere since it was read: nothing written (reload)",
                )
                .into(),
            Msg::WriteExists => lang
                .pick(
                    "ce fichier existe déjà : rien n'a été écrit",
                    "this file already exists: nothing written",
                )
                .into(),
            Msg::WriteOutsideRoot => lang
                .pick(
                    "ce chemin sort du dossier de données (lien symbolique ?) : rien n'a été écrit",
                    "this path leads outside the data folder (symbolic link?): nothing written",
                )
                .into(),
            Msg::WriteFailed { detail } => match lang {
                Lang::Fr => format!("écriture impossible : {detail}"),
                Lang::En => format!("cannot write: {detail}"),
            },
            Msg::ProgrammeName { name } => match lang {
                Lang::Fr => format!("programme FIPD {} : le nom doit être l'année (2026.yaml)", q(name)),
                Lang::En => format!("FIPD programme {}: its name must be the year (2026.yaml)", q(name)),
            },
            Msg::Fund(f) => super::fipd::finding(f, lang),
        }
    }
}

/// The YAML parser speaks English; the commonest of its sentences get a French explanation.
fn french_syntax(detail: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "did not find expected key",
            "clé attendue introuvable (vérifiez l'indentation)",
        ),
        (
            "mapping values are not allowed in this context",
            "« : » inattendu (une valeur qui contient « : » doit être entre guillemets)",
        ),
        (
            "found character that cannot start any token",
            "caractère qui ne peut pas commencer une valeur (une tabulation ? utilisez des espaces)",
        ),
        (
            "did not find expected '-' indicator",
            "« - » attendu (vérifiez l'indentation de la liste)",
        ),
        ("could not find expected ':'", "« : » attendu après la clé"),
        (
            "found unexpected end of stream",
            "fin de fichier inattendue (guillemet ou crochet non fermé ?)",
        ),
        ("found undefined alias", "alias non défini"),
        (
            "did not find expected node content",
            "valeur attendue introuvable",
        ),
        (
            "found unknown escape character",
            "séquence d'échappement inconnue entre guillemets",
        ),
        (
            "control characters are not allowed",
            "caractères de contrôle interdits",
        ),
        ("invalid leading UTF-8 octet", "octet UTF-8 invalide"),
    ];
    for (en, fr) in KNOWN {
        if detail.contains(en) {
            return format!("{fr} [{detail}]");
        }
    }
    detail.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_exist_in_both_languages() {
        let m = Msg::UnknownKey {
            key: "next_reveiw".into(),
            suggestion: Some("next_review".into()),
        };
        assert_eq!(
            m.text(Lang::Fr),
            "clé inconnue « next_reveiw » (vouliez-vous dire « next_review » ?)"
        );
        assert_eq!(
            m.text(Lang::En),
            "unknown key \"next_reveiw\" (did you mean \"next_review\"?)"
        );
    }

    #[test]
    fn enum_messages_list_the_allowed_values() {
        let m = Msg::BadEnum {
            key: "kind".into(),
            value: "group".into(),
            allowed: &["person", "family"],
        };
        assert!(m.text(Lang::Fr).ends_with("« person », « family »"));
    }

    #[test]
    fn user_values_in_messages_are_made_harmless() {
        let m = Msg::UnknownKey {
            key: "a\u{1b}[2J".into(),
            suggestion: None,
        };
        assert!(!m.text(Lang::Fr).contains('\u{1b}'));
    }
}
