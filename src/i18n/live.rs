//! Messages of the live meeting: why an edit was refused.

use super::{Lang, quote};
use crate::domain::dates::format_short;
use crate::domain::live::LiveError;

impl LiveError {
    /// Why the edit was refused, in the language asked for.
    pub fn text(&self, lang: Lang) -> String {
        let q = |v: &str| quote(lang, v);
        match self {
            LiveError::Closed => lang
                .pick(
                    "réunion close : le compte rendu est validé, plus rien ne peut être modifié",
                    "meeting closed: the minutes are approved, nothing can be changed any more",
                )
                .into(),
            LiveError::ReadOnly => lang
                .pick(
                    "ouverte en lecture seule : quelqu'un d'autre modifie cette réunion",
                    "opened read-only: someone else is editing this meeting",
                )
                .into(),
            LiveError::NotHeld => lang
                .pick(
                    "seule une réunion tenue peut être close : commencez d'abord la séance",
                    "only a held meeting can be closed: start the meeting first",
                )
                .into(),
            LiveError::NoSuchItem { index } => match lang {
                Lang::Fr => format!("pas de point n° {} à l'ordre du jour", index + 1),
                Lang::En => format!("no item {} on the agenda", index + 1),
            },
            LiveError::NotACase => lang
                .pick(
                    "ce point n'est pas une situation : pas de décision à prendre",
                    "this item is not a case: there is no decision to take",
                )
                .into(),
            LiveError::NoActionsHere => lang
                .pick(
                    "le suivi des actions ne reçoit pas d'actions nouvelles : ajoutez-les à un sujet ou une situation",
                    "the review of actions takes no new actions: add them to a topic or a case",
                )
                .into(),
            LiveError::NoSuchMember { member } => match lang {
                Lang::Fr => format!("{} ne figure pas parmi les invités", q(member)),
                Lang::En => format!("{} is not among the invitees", q(member)),
            },
            LiveError::AlreadyInvited { member } => match lang {
                Lang::Fr => format!("{} figure déjà parmi les invités", q(member)),
                Lang::En => format!("{} is already among the invitees", q(member)),
            },
            LiveError::MemberRequired => lang
                .pick("choisissez un membre", "choose a member")
                .into(),
            LiveError::NoSuchGuest { index } => match lang {
                Lang::Fr => format!("pas d'invité extérieur n° {}", index + 1),
                Lang::En => format!("no guest number {}", index + 1),
            },
            LiveError::NoSuchAction { index } => match lang {
                Lang::Fr => format!("pas d'action n° {} sur ce point", index + 1),
                Lang::En => format!("no action {} on this item", index + 1),
            },
            LiveError::RepresentativeRequired => lang
                .pick(
                    "représenté par qui ? Indiquez le nom du représentant",
                    "represented by whom? Give the representative's name",
                )
                .into(),
            LiveError::GuestNameRequired => lang
                .pick("indiquez le nom de l'invité", "give the guest's name")
                .into(),
            LiveError::GuestOrganisationRequired => lang
                .pick(
                    "indiquez l'organisme de l'invité",
                    "give the guest's organisation",
                )
                .into(),
            LiveError::ClosureReasonRequired => lang
                .pick(
                    "une clôture demande un motif (désengagement, absence d'adhésion, judiciarisation, déménagement, autre)",
                    "a closure needs a reason (disengagement, no adherence, judicial, moved, other)",
                )
                .into(),
            LiveError::NotAClosure => lang
                .pick(
                    "un motif de clôture ne s'applique qu'à la décision « clôture »",
                    "a closure reason applies only to the decision \"close\"",
                )
                .into(),
            LiveError::NoReviewAfterClosure => lang
                .pick(
                    "une situation close n'a pas de prochain examen",
                    "a closed case has no next review",
                )
                .into(),
            LiveError::ReviewNotAfterMeeting { meeting_date } => match lang {
                Lang::Fr => format!(
                    "le prochain examen doit être postérieur à la réunion ({})",
                    format_short(*meeting_date)
                ),
                Lang::En => format!(
                    "the next review must come after the meeting ({})",
                    format_short(*meeting_date)
                ),
            },
            LiveError::ActionTextRequired => lang
                .pick("décrivez l'action", "describe the action")
                .into(),
            LiveError::OwnerRequired => lang
                .pick(
                    "choisissez qui porte l'action",
                    "choose who owns the action",
                )
                .into(),
            LiveError::DueBeforeMeeting { meeting_date } => match lang {
                Lang::Fr => format!(
                    "l'échéance ne peut précéder la réunion ({})",
                    format_short(*meeting_date)
                ),
                Lang::En => format!(
                    "the due date cannot come before the meeting ({})",
                    format_short(*meeting_date)
                ),
            },
            LiveError::DoneBeforeDecided { meeting_date } => match lang {
                Lang::Fr => format!(
                    "une action ne peut être réalisée avant la réunion qui l'a décidée ({})",
                    format_short(*meeting_date)
                ),
                Lang::En => format!(
                    "an action cannot be done before the meeting that decided it ({})",
                    format_short(*meeting_date)
                ),
            },
            LiveError::NextMeetingNotAfterMeeting { meeting_date } => match lang {
                Lang::Fr => format!(
                    "la prochaine réunion doit être postérieure à celle-ci ({})",
                    format_short(*meeting_date)
                ),
                Lang::En => format!(
                    "the next meeting must come after this one ({})",
                    format_short(*meeting_date)
                ),
            },
            LiveError::NoSuchMeeting { id } => match lang {
                Lang::Fr => format!("réunion {} introuvable", q(id)),
                Lang::En => format!("meeting {} not found", q(id)),
            },
            LiveError::NotEarlier { id } => match lang {
                Lang::Fr => format!(
                    "la réunion {} n'est pas antérieure à celle-ci",
                    q(id)
                ),
                Lang::En => format!("the meeting {} is not earlier than this one", q(id)),
            },
            LiveError::NothingToUndo => lang.pick("rien à annuler", "nothing to undo").into(),
            LiveError::NothingToRedo => lang.pick("rien à rétablir", "nothing to redo").into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn every_refusal_has_a_sentence_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let all = [
            LiveError::Closed,
            LiveError::ReadOnly,
            LiveError::NotHeld,
            LiveError::NoSuchItem { index: 2 },
            LiveError::NotACase,
            LiveError::NoActionsHere,
            LiveError::NoSuchMember {
                member: "ars".into(),
            },
            LiveError::AlreadyInvited {
                member: "ars".into(),
            },
            LiveError::MemberRequired,
            LiveError::NoSuchGuest { index: 0 },
            LiveError::NoSuchAction { index: 0 },
            LiveError::RepresentativeRequired,
            LiveError::GuestNameRequired,
            LiveError::GuestOrganisationRequired,
            LiveError::ClosureReasonRequired,
            LiveError::NotAClosure,
            LiveError::NoReviewAfterClosure,
            LiveError::ReviewNotAfterMeeting { meeting_date: day },
            LiveError::ActionTextRequired,
            LiveError::OwnerRequired,
            LiveError::DueBeforeMeeting { meeting_date: day },
            LiveError::DoneBeforeDecided { meeting_date: day },
            LiveError::NextMeetingNotAfterMeeting { meeting_date: day },
            LiveError::NoSuchMeeting {
                id: "2026-10-28-cpraf".into(),
            },
            LiveError::NotEarlier {
                id: "2026-12-28-cpraf".into(),
            },
            LiveError::NothingToUndo,
            LiveError::NothingToRedo,
        ];
        for e in &all {
            let (fr, en) = (e.text(Lang::Fr), e.text(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty(), "{e:?}");
            assert_ne!(fr, en, "{e:?}");
        }
    }

    #[test]
    fn sentences_carry_their_details() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            LiveError::ReviewNotAfterMeeting { meeting_date: day }.text(Lang::Fr),
            "le prochain examen doit être postérieur à la réunion (30/11/2026)"
        );
        assert_eq!(
            LiveError::NoSuchMember {
                member: "ars".into()
            }
            .text(Lang::Fr),
            "« ars » ne figure pas parmi les invités"
        );
        assert_eq!(
            LiveError::NoSuchItem { index: 2 }.text(Lang::En),
            "no item 3 on the agenda"
        );
        // An id from a file is shown harmlessly.
        assert!(
            !LiveError::NoSuchMeeting {
                id: "x\u{1b}[2J".into()
            }
            .text(Lang::Fr)
            .contains('\u{1b}')
        );
    }
}
