//! The sentences of the séance (its labels, its questions' words, durations), in French and
//! English.

use crate::i18n::Lang;

/// The sentences of the séance, in French and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S {
    Agenda,
    Current,
    Meeting,
    NoMeeting,
    EmptyAgenda,
    Decision,
    Approval,
    DecisionText,
    NextReview,
    ClosureReason,
    Notes,
    Actions,
    NewAction,
    EarlierActions,
    NoEarlierAction,
    Difficulties,
    NextMeeting,
    Referent,
    Measures,
    LastDecisions,
    OpenActions,
    None,
    Present,
    Attendance,
    AskResume,
    AskReopen,
    AnswerResume,
    AnswerReopen,
    AnswerConsult,
    AnswerCancel,
    Consulting,
    Paused,
    RollCall,
    AskConflict,
    AnswerTakeOver,
    AnswerReadOnly,
    AnswerReload,
    AnswerKeep,
    ChangedElsewhere,
    Closed,
    ReadOnly,
    Done,
    Owner,
    Due,
    Text,
    Name,
    Organisation,
    RepresentedBy,
    AddMember,
    NoMatchingMember,
    NoMatch,
    AllMembersListed,
    Reloaded,
    Kept,
    NotStarted,
    Timebox,
    Spent,
    Overrun,
    LockPending,
}

impl S {
    pub fn get(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            S::Agenda => ("Ordre du jour", "Agenda"),
            S::Current => ("Point en cours", "Current item"),
            S::Meeting => ("Séance", "Meeting"),
            S::NoMeeting => (
                "Aucune réunion choisie : choisissez-en une dans Réunions ({screen3}) puis « {start_seance} ».",
                "No meeting chosen: pick one in Meetings ({screen3}), then “{start_seance}”.",
            ),
            S::EmptyAgenda => ("L'ordre du jour est vide.", "The agenda is empty."),
            S::Decision => ("Décision", "Decision"),
            S::Approval => ("Compte rendu", "Minutes"),
            S::DecisionText => ("Texte de la décision", "Decision text"),
            S::NextReview => ("Prochain examen", "Next review"),
            S::ClosureReason => ("Motif de fin du suivi", "Closure reason"),
            S::Notes => ("Notes", "Notes"),
            S::Actions => ("Actions", "Actions"),
            S::NewAction => ("+ nouvelle action", "+ new action"),
            S::EarlierActions => (
                "Actions ouvertes des réunions précédentes",
                "Open actions of earlier meetings",
            ),
            S::NoEarlierAction => ("Aucune action ouverte.", "No open action."),
            S::Difficulties => ("Difficultés rencontrées", "Difficulties met"),
            S::NextMeeting => ("Prochaine réunion", "Next meeting"),
            S::Referent => ("Référent", "Référent"),
            S::Measures => ("Prises en charge", "Care measures"),
            S::LastDecisions => ("Dernières décisions", "Last decisions"),
            S::OpenActions => ("Actions ouvertes", "Open actions"),
            S::None => ("—", "—"),
            S::Present => ("présents", "present"),
            S::Attendance => ("Présences", "Attendance"),
            S::AskResume => (
                "Reprendre la séance ? Le temps sera de nouveau compté et la réunion pourra être modifiée.",
                "Resume the meeting? Time will be counted again and the meeting can be changed.",
            ),
            S::AskReopen => (
                "Cette réunion est close. La rouvrir ? La réouverture sera notée dans la réunion, datée d'aujourd'hui ; les numéros des décisions sont conservés.",
                "This meeting is closed. Reopen it? The reopening is noted in the meeting, dated today; the decisions keep their numbers.",
            ),
            S::AnswerResume => ("Reprendre la séance", "Resume the meeting"),
            S::AnswerReopen => ("Rouvrir la réunion", "Reopen the meeting"),
            S::AnswerConsult => ("Rester en consultation", "Keep reading only"),
            S::AnswerCancel => ("Annuler", "Cancel"),
            S::Consulting => ("consultation", "reading"),
            S::Paused => ("séance suspendue", "meeting suspended"),
            S::RollCall => ("Appel des présents", "Roll call"),
            S::AskConflict => (
                "Le fichier de la réunion a été modifié par ailleurs : rien n'a été écrit.",
                "The meeting file was changed elsewhere: nothing was written.",
            ),
            S::AnswerTakeOver => ("Reprendre la main", "Take over"),
            S::AnswerReadOnly => ("Ouvrir en lecture seule", "Open read-only"),
            S::AnswerReload => (
                "Recharger leur version (vos dernières saisies sont perdues)",
                "Reload theirs (your last changes are lost)",
            ),
            S::AnswerKeep => (
                "Garder la mienne (la leur est écrasée)",
                "Keep mine (theirs is overwritten)",
            ),
            S::ChangedElsewhere => (
                "Le fichier de la réunion a été modifié par ailleurs : rien n'a été écrasé. Quittez puis rouvrez cellule pour voir la version du disque.",
                "The meeting file was changed elsewhere: nothing was overwritten. Quit and open cellule again to see the version on disk.",
            ),
            S::Closed => (
                "Réunion close : lecture seule.",
                "Meeting closed: read-only.",
            ),
            S::ReadOnly => ("lecture seule", "read-only"),
            S::Done => ("fait", "done"),
            S::Owner => ("Pilote", "Owner"),
            S::Due => ("Échéance", "Due"),
            S::Text => ("Texte", "Text"),
            S::Name => ("Nom", "Name"),
            S::Organisation => ("Organisme", "Organisation"),
            S::RepresentedBy => ("Représenté par", "Represented by"),
            S::AddMember => (
                "Ajouter un membre de l'annuaire",
                "Add a member of the directory",
            ),
            S::NoMatchingMember => ("Aucun membre ne correspond.", "No member matches."),
            S::NoMatch => ("Rien ne correspond.", "Nothing matches."),
            S::AllMembersListed => (
                "Tous les membres de l'annuaire figurent déjà dans la liste.",
                "Every member of the directory is on the list already.",
            ),
            S::Reloaded => (
                "Version du disque rechargée.",
                "The version on disk was reloaded.",
            ),
            S::Kept => (
                "Votre version a été enregistrée.",
                "Your version was saved.",
            ),
            S::NotStarted => ("non commencée", "not started"),
            S::Timebox => ("prévu", "planned"),
            S::Spent => ("écoulé", "spent"),
            S::Overrun => ("dépassement", "overrun"),
            S::LockPending => ("ouverture…", "opening…"),
        };
        lang.pick(fr, en)
    }
}

/// What comes between a label and its value: ` : ` in French, `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick(" : ", ": ")
}

/// `mm:ss`, or `h:mm:ss` past an hour.
pub fn duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// The question asking whether to close, warning about undecided cases, an attendance
/// nobody marked and a quorum not reached (`quorum`: what is missing); `{yes}` and `{no}`
/// are filled with their keys.
pub fn ask_close(undecided: usize, nobody: bool, quorum: Option<&str>, lang: Lang) -> String {
    let mut out = match (lang, undecided) {
        (Lang::Fr, 0) => "Clore la réunion ? Le compte rendu sera figé.".to_string(),
        (Lang::Fr, 1) => "Clore la réunion ? 1 situation est restée sans décision.".into(),
        (Lang::Fr, n) => format!("Clore la réunion ? {n} situations sont restées sans décision."),
        (Lang::En, 0) => "Close the meeting? The minutes will be frozen.".into(),
        (Lang::En, 1) => "Close the meeting? 1 case has no decision.".into(),
        (Lang::En, n) => format!("Close the meeting? {n} cases have no decision."),
    };
    if nobody {
        out.push(' ');
        out.push_str(lang.pick(
            "Personne n'a été marqué présent, excusé, absent ou représenté.",
            "Nobody was marked present, excused, absent or represented.",
        ));
    }
    if let Some(missing) = quorum {
        out.push(' ');
        out.push_str(&match lang {
            Lang::Fr => format!("Quorum non atteint : {missing}."),
            Lang::En => format!("Quorum not reached: {missing}."),
        });
    }
    out.push_str(" ({yes}/{no})");
    out
}

/// The question asked before a decision already taken is replaced.
pub fn ask_change_decision(before: &str, after: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            format!("Remplacer la décision « {before} » par « {after} » ? ({{yes}}/{{no}})")
        }
        Lang::En => format!("Replace the decision “{before}” by “{after}”? ({{yes}}/{{no}})"),
    }
}

/// A date that could not be read.
pub fn bad_date(text: &str, lang: Lang) -> String {
    let text = crate::text::visible(text);
    match lang {
        Lang::Fr => {
            format!("date illisible « {text} » : écrire 15/01/2027, 2027-01-15, +6w ou +2m")
        }
        Lang::En => {
            format!("cannot read the date “{text}”: write 15/01/2027, 2027-01-15, +6w or +2m")
        }
    }
}
