//! The words of every problem message ([`Msg`]), in French (default) and English: what a
//! user reads after `path:line:column:`. The kinds of problem are listed in
//! [`super::problems`]; adding one adds its sentence here.

use super::problems::{Expected, Msg, french_os, french_syntax};
use super::{Lang, choice_list, quote};

impl Expected {
    pub(super) fn text(self, lang: Lang) -> &'static str {
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

impl Msg {
    /// The message in the language asked for.
    pub fn text(&self, lang: Lang) -> String {
        let q = |v: &str| quote(lang, v);
        match self {
            Msg::EndNotAfterStart { end, start } => match lang {
                Lang::Fr => format!("la fin prévue ({end}) doit suivre le début ({start})"),
                Lang::En => format!("the planned end ({end}) must come after the start ({start})"),
            },
            Msg::ReasonWithoutCancel => lang
                .pick(
                    "cancel_reason n'est permis qu'avec le statut cancelled",
                    "cancel_reason is only allowed with status cancelled",
                )
                .into(),
            Msg::ApprovalWithoutMinutes => lang
                .pick(
                    "approval n'est permis qu'avec approves (la réunion dont le compte rendu est approuvé)",
                    "approval is only allowed with approves (the meeting whose minutes are approved)",
                )
                .into(),
            Msg::UnknownMinutes { id } => match lang {
                Lang::Fr => format!(
                    "réunion « {id} » inconnue (aucun fichier meetings/{id}.yaml valide) : \
                     approves nomme la réunion dont le compte rendu est approuvé"
                ),
                Lang::En => format!(
                    "unknown meeting “{id}” (no valid meetings/{id}.yaml file): approves names \
                     the meeting whose minutes are approved"
                ),
            },
            Msg::UnknownPostponedTo { id } => match lang {
                Lang::Fr => format!(
                    "réunion « {id} » inconnue (aucun fichier meetings/{id}.yaml valide) : to \
                     nomme la réunion où le point a été reporté"
                ),
                Lang::En => format!(
                    "unknown meeting “{id}” (no valid meetings/{id}.yaml file): to names the \
                     meeting the item was postponed to"
                ),
            },
            Msg::PostponedToOtherMeeting { id, its_body, body } => match (lang, its_body.is_empty()) {
                (Lang::Fr, true) => format!(
                    "« {id} » est cette réunion même : un point se reporte à une autre réunion \
                     de l'instance"
                ),
                (Lang::Fr, false) => format!(
                    "la réunion « {id} » relève de « {its_body} », pas de « {body} » : un point \
                     se reporte à une réunion de la même instance"
                ),
                (Lang::En, true) => format!(
                    "“{id}” is this very meeting: an item is postponed to another meeting of \
                     the body"
                ),
                (Lang::En, false) => format!(
                    "meeting “{id}” belongs to “{its_body}”, not “{body}”: an item is postponed \
                     to a meeting of the same body"
                ),
            },
            Msg::MinutesNotApprovable { id, why } => {
                use super::problems::MinutesWhy as W;
                match (lang, why) {
                    (Lang::Fr, W::OtherBody) => format!(
                        "la réunion « {id} » est d'une autre instance : seule l'instance qui l'a \
                         tenue en approuve le compte rendu"
                    ),
                    (Lang::Fr, W::NotHeld) => format!(
                        "la réunion « {id} » n'est pas tenue : son compte rendu ne peut pas \
                         encore être approuvé"
                    ),
                    (Lang::Fr, W::NotBefore) => format!(
                        "la réunion « {id} » n'est pas antérieure à celle-ci : son compte rendu \
                         ne peut pas y être approuvé"
                    ),
                    (Lang::En, W::OtherBody) => format!(
                        "meeting “{id}” is of another body: only the body that held it approves \
                         its minutes"
                    ),
                    (Lang::En, W::NotHeld) => format!(
                        "meeting “{id}” is not held: its minutes cannot be approved yet"
                    ),
                    (Lang::En, W::NotBefore) => format!(
                        "meeting “{id}” is not before this one: its minutes cannot be approved here"
                    ),
                }
            }
            Msg::DecisionNotForBody { decision, body } => match lang {
                Lang::Fr => format!(
                    "remarque : la décision « {} » ({}) n'est pas dans la liste des décisions \
                     de l'instance {body} (decisions: de department.yaml)",
                    super::export::decision(lang, *decision),
                    decision.as_str()
                ),
                Lang::En => format!(
                    "notice: the decision “{}” ({}) is not in the list of decisions of the \
                     body {body} (decisions: of department.yaml)",
                    super::export::decision(lang, *decision),
                    decision.as_str()
                ),
            },
            Msg::OnlyWithDecision { key, decisions } => match lang {
                Lang::Fr => format!("{key} n'est permis qu'avec {}", decisions.0),
                Lang::En => format!("{key} is only allowed with {}", decisions.1),
            },
            Msg::Placeholder { member } => match (lang, member) {
                (Lang::Fr, Some(m)) => format!(
                    "attention : « À renseigner » reste à remplacer (membre {m}) avant qu'il \
                     n'apparaisse dans une convocation"
                ),
                (Lang::Fr, None) => "attention : « À renseigner » reste à remplacer avant \
                     qu'il n'apparaisse dans une convocation"
                    .to_string(),
                (Lang::En, Some(m)) => format!(
                    "warning: “À renseigner” is still to be replaced (member {m}) before it \
                     reaches a convocation"
                ),
                (Lang::En, None) => "warning: “À renseigner” is still to be replaced before \
                     it reaches a convocation"
                    .to_string(),
            },
            Msg::DecisionOnClosedCase { id, closed_on } => match lang {
                Lang::Fr => format!(
                    "la situation {id} est close depuis le {closed_on} dans son fichier : \
                     une décision prise ensuite ne s'accorde pas avec lui \
                     (rouvrez-la dans son fichier, ou retirez la décision)"
                ),
                Lang::En => format!(
                    "case {id} is closed since {closed_on} in its file: a later decision \
                     does not agree with it (reopen it in its file, or remove the decision)"
                ),
            },
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
                Lang::Fr => format!("lecture impossible : {}", french_os(detail)),
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
                    "imbrication trop profonde (plus de 64 niveaux) : fichier refusé",
                    "nesting too deep (more than 64 levels): file refused",
                )
                .into(),
            Msg::MoreInFile { more } => match lang {
                Lang::Fr if *more == 1 => {
                    "… et 1 autre problème dans ce fichier, non affiché".into()
                }
                Lang::Fr => format!(
                    "… et {more} autres problèmes dans ce fichier, non affichés"
                ),
                Lang::En if *more == 1 => {
                    "… and 1 more problem in this file, not shown".into()
                }
                Lang::En => format!(
                    "… and {more} more problems in this file, not shown"
                ),
            },
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
                    choice_list(lang, allowed)
                ),
                Lang::En => format!(
                    "value {} not allowed for {}; allowed values: {}",
                    q(value),
                    q(key),
                    choice_list(lang, allowed)
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
            Msg::IdsDifferByCase { id, other } => match lang {
                Lang::Fr => format!(
                    "l'identifiant {} ne diffère de {} que par les majuscules : ils se confondent sur les partages Windows et macOS ; renommez l'un des deux",
                    q(id),
                    q(other)
                ),
                Lang::En => format!(
                    "the id {} differs from {} only by case: they collide on Windows and macOS shares; rename one",
                    q(id),
                    q(other)
                ),
            },
            Msg::MeetingIdMismatch { id, expected } => match lang {
                Lang::Fr => format!(
                    "l'identifiant {} ne correspond pas à la date et à l'instance de la réunion (attendu : {}, ou {} suivi de -2, -3… pour une deuxième réunion le même jour)",
                    q(id),
                    q(expected),
                    q(expected)
                ),
                Lang::En => format!(
                    "the id {} does not match the meeting's date and body (expected {}, or {} followed by -2, -3… for a second meeting on the same day)",
                    q(id),
                    q(expected),
                    q(expected)
                ),
            },
            Msg::CaseTwiceInMeeting { id } => match lang {
                Lang::Fr => format!(
                    "la situation {} figure deux fois à l'ordre du jour de cette réunion : gardez un seul point (ses décisions pourraient se contredire)",
                    q(id)
                ),
                Lang::En => format!(
                    "the case {} is twice on this meeting's agenda: keep one item (its decisions could contradict each other)",
                    q(id)
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
                    "status closed exige closed_on (date de fin du suivi)",
                    "status closed requires closed_on (closure date)",
                )
                .into(),
            Msg::ClosedNeedsReason => lang
                .pick(
                    "status closed exige closure_reason (motif de fin du suivi)",
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
                    "la décision close exige closure_reason (motif de fin du suivi)",
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
                Lang::Fr => format!("écriture impossible : {}", french_os(detail)),
                Lang::En => format!("cannot write: {detail}"),
            },
            Msg::WriteTooLarge { bytes, limit } => {
                // What to cut, rounded up to the kibibyte: at least 1.
                let cut = (bytes.saturating_sub(*limit)).div_ceil(1024).max(1);
                match lang {
                    Lang::Fr => format!(
                        "le fichier ferait {} Kio, plus que la limite de {} Kio au-delà de laquelle il ne serait plus relu : rien n'a été écrit ; raccourcissez le texte d'au moins {cut} Kio (des notes longues ?)",
                        bytes.div_ceil(1024),
                        limit / 1024
                    ),
                    Lang::En => format!(
                        "the file would be {} KiB, over the {} KiB limit beyond which it is not read back: nothing written; cut at least {cut} KiB of text (long notes?)",
                        bytes.div_ceil(1024),
                        limit / 1024
                    ),
                }
            }
            Msg::LeftoverTemp { command } => match lang {
                Lang::Fr => format!(
                    "fichier temporaire laissé par un arrêt brutal de l'application ; il peut contenir une copie de données confidentielles : supprimez-le avec {}",
                    q(command)
                ),
                Lang::En => format!(
                    "temporary file left by an abrupt stop of the app; it may hold a copy of confidential data: remove it with {}",
                    q(command)
                ),
            },
            Msg::StrayFile { name } => match lang {
                Lang::Fr => format!(
                    "fichier {} à la racine du dossier de données, hors de tout dossier de département : non lu",
                    q(name)
                ),
                Lang::En => format!(
                    "file {} at the data root, outside every département folder: not read",
                    q(name)
                ),
            },
            Msg::FolderNamedYaml { name } => match lang {
                Lang::Fr => format!(
                    "{} est un dossier, pas un fichier : non lu (renommez-le ou déplacez son contenu)",
                    q(name)
                ),
                Lang::En => format!(
                    "{} is a folder, not a file: not read (rename it or move its content)",
                    q(name)
                ),
            },
            Msg::WriteNotRegular => lang
                .pick(
                    "ce n'est plus un fichier ordinaire (un lien, un tube ?) : rien n'a été écrit",
                    "no longer a regular file (a link, a pipe?): nothing written",
                )
                .into(),
            Msg::ProgrammeName { name } => match lang {
                Lang::Fr => format!("programme FIPD {} : le nom doit être l'année (2026.yaml)", q(name)),
                Lang::En => format!("FIPD programme {}: its name must be the year (2026.yaml)", q(name)),
            },
            Msg::Fund(f) => super::fipd::finding(f, lang),
        }
    }
}
