//! The séance's words for what a decision carries into the case (the questions that
//! follow a decision) and for the case card.

use crate::domain::{Justice, Schooling};
use crate::i18n::Lang;

/// A word or sentence of the follow-up questions and of the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    AskFollow,
    TakeAnyway,
    NewReferent,
    Structure,
    Type,
    Person,
    KnownStructures,
    OrientTo,
    NoMeasure,
    ApprovalOf,
    Provider,
    KnownProviders,
    ProviderOf,
    NoApproval,
    Reported,
    Status,
    Family,
    NotYet,
    Age,
    Minor,
    Justice,
    Schooling,
    NoReferent,
    Followed,
    Years,
    Returnee,
}

impl W {
    pub fn get(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            W::AskFollow => (
                "Première décision : inscrire la situation au suivi (statut « suivi ») ? ({yes}/{no})",
                "First decision: put the case under follow-up (status “followed”)? ({yes}/{no})",
            ),
            W::TakeAnyway => (
                "Prendre la décision quand même ? ({yes}/{no})",
                "Take the decision anyway? ({yes}/{no})",
            ),
            W::NewReferent => ("Nouveau référent de parcours", "New référent de parcours"),
            W::Structure => ("Structure", "Structure"),
            W::Type => ("Type", "Type"),
            W::Person => ("Personne", "Person"),
            W::KnownStructures => ("structures connues", "known structures"),
            W::OrientTo => (
                "Prise en charge vers laquelle orienter",
                "Care measure oriented to",
            ),
            W::NoMeasure => ("aucune (ne rien ajouter)", "none (add nothing)"),
            W::ApprovalOf => ("Approbation du compte rendu", "Approval of the minutes"),
            W::NoApproval => ("pas encore décidé", "not decided yet"),
            W::Provider => ("Prestataire", "Provider"),
            W::KnownProviders => ("prestataires connus", "known providers"),
            W::ProviderOf => (
                "Prestataire de la prise en charge (vide si inconnu)",
                "Provider of the care measure (empty if unknown)",
            ),
            W::Reported => ("Signalé le", "Reported on"),
            W::Status => ("Statut", "Status"),
            W::Family => ("Famille contactée", "Family contacted"),
            W::NotYet => ("pas encore", "not yet"),
            W::Age => ("Âge", "Age"),
            W::Minor => ("mineur", "minor"),
            W::Justice => ("Justice", "Justice"),
            W::Schooling => ("Scolarité", "Schooling"),
            W::NoReferent => ("aucun", "none"),
            W::Followed => ("inscrite au suivi", "under follow-up"),
            W::Years => ("ans", "years old"),
            W::Returnee => (
                "mineur de retour de zone",
                "minor returned from a conflict zone",
            ),
        };
        lang.pick(fr, en)
    }
}

/// A justice supervision in words.
pub fn justice(j: Justice, lang: Lang) -> &'static str {
    let (fr, en) = match j {
        Justice::None => ("aucune", "none"),
        Justice::OpenEnvironment => ("milieu ouvert", "open environment"),
        Justice::Custody => ("détention", "custody"),
    };
    lang.pick(fr, en)
}

/// A schooling in words.
pub fn schooling(s: Schooling, lang: Lang) -> &'static str {
    let (fr, en) = match s {
        Schooling::None => ("non scolarisé", "not schooled"),
        Schooling::Public => ("établissement public", "public school"),
        Schooling::PrivateUnderContract => ("privé sous contrat", "private, under contract"),
        Schooling::PrivateNoContract => ("privé hors contrat", "private, no contract"),
        Schooling::Home => ("instruction en famille", "home schooling"),
    };
    lang.pick(fr, en)
}

/// The notice after a séance is closed: the cases taken off later agendas, and those
/// flagged there (next review after that meeting). `None` when there is neither.
pub fn later_agendas_notice(
    taken: &[(String, chrono::NaiveDate)],
    flagged: &[(String, chrono::NaiveDate)],
    lang: Lang,
) -> Option<String> {
    let date = |d: &chrono::NaiveDate| crate::tui::strings::date(*d, lang);
    let mut parts = Vec::new();
    if !taken.is_empty() {
        let list: Vec<String> = taken
            .iter()
            .map(|(c, d)| format!("{} ({})", crate::text::visible(c), date(d)))
            .collect();
        parts.push(match lang {
            Lang::Fr if list.len() == 1 => format!(
                "Situation close retirée de l'ordre du jour suivant : {}",
                list.join(", ")
            ),
            Lang::Fr => format!(
                "Situations closes retirées de l'ordre du jour suivant : {}",
                list.join(", ")
            ),
            Lang::En => format!(
                "Closed case(s) taken off the next agenda: {}",
                list.join(", ")
            ),
        });
    }
    if !flagged.is_empty() {
        let list: Vec<String> = flagged
            .iter()
            .map(|(c, d)| format!("{} ({})", crate::text::visible(c), date(d)))
            .collect();
        parts.push(match lang {
            Lang::Fr => format!(
                "prochain examen après la réunion suivante, à retirer de son ordre du jour ? {}",
                list.join(", ")
            ),
            Lang::En => format!(
                "next review after the next meeting, take off its agenda? {}",
                list.join(", ")
            ),
        });
    }
    (!parts.is_empty()).then(|| parts.join(" ; "))
}

/// The flag of an agenda item whose case comes back only after the meeting.
pub fn review_later_flag(next: chrono::NaiveDate, lang: Lang) -> String {
    let d = crate::tui::strings::date(next, lang);
    match lang {
        Lang::Fr => format!("⚑ examen prévu le {d}"),
        Lang::En => format!("⚑ review due {d}"),
    }
}

/// What `suggest` left out, and why (counts, the soonest date): `None` when nothing.
pub fn left_out_notice(
    left: &[(String, crate::domain::agenda_check::LeftOut)],
    lang: Lang,
) -> Option<String> {
    use crate::domain::agenda_check::LeftOut;
    let on_agenda = left.iter().filter(|(_, w)| *w == LeftOut::OnAgenda).count();
    let not_due: Vec<chrono::NaiveDate> = left
        .iter()
        .filter_map(|(_, w)| match w {
            LeftOut::NotDue(d) => Some(*d),
            _ => None,
        })
        .collect();
    let no_date = left
        .iter()
        .filter(|(_, w)| *w == LeftOut::NoReviewDate)
        .count();
    let mut parts = Vec::new();
    if on_agenda > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{on_agenda} déjà à l'ordre du jour"),
            Lang::En => format!("{on_agenda} already on the agenda"),
        });
    }
    if let Some(first) = not_due.iter().min() {
        let d = crate::tui::strings::date(*first, lang);
        parts.push(match lang {
            Lang::Fr => format!(
                "{} dont l'examen est prévu après la réunion (le plus proche : {d})",
                not_due.len()
            ),
            Lang::En => format!(
                "{} reviewed only after the meeting (soonest: {d})",
                not_due.len()
            ),
        });
    }
    if no_date > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{no_date} sans date d'examen"),
            Lang::En => format!("{no_date} with no review date"),
        });
    }
    (!parts.is_empty()).then(|| match lang {
        Lang::Fr => format!("Laissées de côté : {}", parts.join(", ")),
        Lang::En => format!("Left out: {}", parts.join(", ")),
    })
}
