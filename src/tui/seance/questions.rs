//! The séance's questions and sentences that need the meeting: starting it (the date and
//! time recorded) and its body's quorum.

use super::Lang;
use crate::domain::{Meeting, Member};
use chrono::NaiveTime;

/// The question asked before a séance starts: the date and time that will be recorded and,
/// for a meeting dated another day, that holding it today moves it.
pub fn ask_start(
    date: chrono::NaiveDate,
    today: chrono::NaiveDate,
    clock: Option<NaiveTime>,
    lang: Lang,
) -> String {
    use crate::i18n::export::{long_date, time_of_day};
    // Never broken over two lines (« 14 h 32 »).
    let at = clock.map(|t| time_of_day(lang, t).replace(' ', "\u{a0}"));
    match (lang, date == today, at) {
        (Lang::Fr, true, Some(at)) => format!(
            "Ouvrir la séance ? Elle sera enregistrée le {} à {at} ; la réunion passera au statut « tenue ».",
            long_date(lang, today)
        ),
        (Lang::Fr, true, None) => format!(
            "Ouvrir la séance ? Elle sera enregistrée le {} ; la réunion passera au statut « tenue ».",
            long_date(lang, today)
        ),
        (Lang::Fr, false, at) => format!(
            "Cette réunion est datée du {}, pas d'aujourd'hui. La tenir aujourd'hui la déplace au {}{} (la date prévue reste notée dans la réunion).",
            long_date(lang, date),
            long_date(lang, today),
            at.map(|at| format!(", séance enregistrée à {at}"))
                .unwrap_or_default()
        ),
        (Lang::En, true, at) => format!(
            "Start the meeting? It is recorded on {}{}; the meeting becomes “held”.",
            long_date(lang, today),
            at.map(|at| format!(" at {at}")).unwrap_or_default()
        ),
        (Lang::En, false, at) => format!(
            "This meeting is dated {}, not today. Holding it today moves it to {}{} (the planned date stays noted in the meeting).",
            long_date(lang, date),
            long_date(lang, today),
            at.map(|at| format!(", recorded at {at}"))
                .unwrap_or_default()
        ),
    }
}

/// The first answer to [`ask_start`].
pub fn answer_start(moves: bool, lang: Lang) -> &'static str {
    match moves {
        false => lang.pick("Ouvrir la séance", "Start the meeting"),
        true => lang.pick("La tenir aujourd'hui", "Hold it today"),
    }
}

/// The quorum of the séance's meeting under its body's rule, if the body states one.
pub fn seance_quorum(
    meeting: &Meeting,
    department: &crate::domain::Department,
) -> Option<crate::domain::live::QuorumState> {
    let rule = department.body(&meeting.body)?.quorum.as_ref()?;
    Some(crate::domain::live::quorum_state(
        meeting,
        rule,
        &department.members,
    ))
}

/// What the quorum misses: the organisations required and absent, the organisations short.
pub fn quorum_missing(
    q: &crate::domain::live::QuorumState,
    members: &[Member],
    lang: Lang,
) -> String {
    let mut parts = Vec::new();
    if !q.missing.is_empty() {
        let names: Vec<String> = q
            .missing
            .iter()
            .map(|id| {
                let org = members
                    .iter()
                    .find(|m| &m.id == id)
                    .map_or(id.as_str(), |m| m.organisation.as_str());
                crate::text::visible(org).into_owned()
            })
            .collect();
        parts.push(match lang {
            Lang::Fr => format!("manque {}", names.join(", ")),
            Lang::En => format!("missing {}", names.join(", ")),
        });
    }
    if q.organisations_short() > 0 {
        parts.push(match lang {
            Lang::Fr => format!(
                "{} organisme{} sur {}",
                q.organisations,
                if q.organisations > 1 { "s" } else { "" },
                q.min_organisations
            ),
            Lang::En => format!(
                "{} organisation{} of {}",
                q.organisations,
                if q.organisations == 1 { "" } else { "s" },
                q.min_organisations
            ),
        });
    }
    parts.join(lang.pick(" ; ", "; "))
}
