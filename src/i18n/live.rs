//! Messages of the live meeting: why an edit was refused, and who holds the meeting.

use super::{Lang, quote};
use crate::domain::dates::format_short;
use crate::domain::live::LiveError;
use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// When a lock was taken, in local time: `14 h 02` today, else `le 24/11/2026 à 23 h 29`
/// (`14:02`, `24/11/2026 at 23:29`).
fn since(lang: Lang, since: NaiveDateTime, today: NaiveDate) -> String {
    let (h, m) = (since.hour(), since.minute());
    let time = match lang {
        Lang::Fr => format!("{h} h {m:02}"),
        Lang::En => format!("{h:02}:{m:02}"),
    };
    if since.date() == today {
        time
    } else {
        let day = format_short(since.date());
        match lang {
            Lang::Fr => format!("le {day} à {time}"),
            Lang::En => format!("{day} at {time}"),
        }
    }
}

/// Said when the meeting opens read-only because someone else edits it. `since_local` is
/// the lock's time in the département's time zone.
pub fn lock_held(
    lang: Lang,
    user: &str,
    host: &str,
    since_local: NaiveDateTime,
    today: NaiveDate,
) -> String {
    let (user, host) = (quote(lang, user), quote(lang, host));
    let when = since(lang, since_local, today);
    match lang {
        Lang::Fr => format!(
            "lecture seule : {user} modifie cette réunion sur le poste {host} depuis {when}"
        ),
        Lang::En => {
            format!("read-only: {user} has been editing this meeting on {host} since {when}")
        }
    }
}

/// Asked before taking over a lock left behind (its session ended, or it is over 12 hours old).
pub fn lock_stale(
    lang: Lang,
    user: &str,
    host: &str,
    since_local: NaiveDateTime,
    today: NaiveDate,
) -> String {
    let (user, host) = (quote(lang, user), quote(lang, host));
    let when = since(lang, since_local, today);
    match lang {
        Lang::Fr => format!(
            "cette réunion a été ouverte par {user} sur le poste {host} ({when}) et cette session ne semble plus active : reprendre la main ?"
        ),
        Lang::En => format!(
            "this meeting was opened by {user} on {host} ({when}) and that session no longer seems active: take over?"
        ),
    }
}

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
            LiveError::NotClosed => lang
                .pick(
                    "seule une réunion close peut être rouverte",
                    "only a closed meeting can be reopened",
                )
                .into(),
            LiveError::CaseOnAgenda { case } => match lang {
                Lang::Fr => format!(
                    "la situation {} est déjà à l'ordre du jour",
                    crate::text::visible(case)
                ),
                Lang::En => format!(
                    "case {} is on the agenda already",
                    crate::text::visible(case)
                ),
            },
            LiveError::Consulting => lang
                .pick(
                    "réunion ouverte en consultation : reprenez la séance pour la modifier",
                    "meeting opened to be read: resume the meeting to change it",
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
            LiveError::NotAnApproval => lang
                .pick(
                    "ce point n'est pas l'approbation d'un compte rendu",
                    "this item is not the approval of minutes",
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
                    "la fin du suivi demande un motif (désengagement, absence d'adhésion, prise en charge judiciaire, départ vers un autre département, autre motif)",
                    "a closure needs a reason (disengagement, no adherence, judicial, moved, other)",
                )
                .into(),
            LiveError::WrongDecision => lang
                .pick(
                    "cette précision ne va pas avec la décision choisie",
                    "this detail does not go with the decision chosen",
                )
                .into(),
            LiveError::StructureRequired => lang
                .pick(
                    "la structure du référent est à renseigner",
                    "the référent's structure is required",
                )
                .into(),
            LiveError::DoesNotFit(m) => super::followup::misfit(*m, lang),
            LiveError::NotAClosure => lang
                .pick(
                    "un motif de fin du suivi ne s'applique qu'aux décisions « fin du suivi » et « classement sans suite »",
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
            LiveError::ItemTaken => lang
                .pick(
                    "ce point a déjà été abordé : il garde sa place",
                    "this item was taken up already: it keeps its place",
                )
                .into(),
            LiveError::ItemDiscussed => lang
                .pick(
                    "ce point a déjà sa décision, ses notes ou ses actions : il garde sa place",
                    "this item has its decision, notes or actions already: it keeps its place",
                )
                .into(),
            LiveError::NotANextMeeting { id } => match lang {
                Lang::Fr => format!(
                    "la réunion {} n'est pas une réunion suivante de la même instance",
                    q(id)
                ),
                Lang::En => format!("the meeting {} is not a later meeting of the same body", q(id)),
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
            LiveError::NotClosed,
            LiveError::CaseOnAgenda {
                case: "49-2026-001".into(),
            },
            LiveError::Consulting,
            LiveError::NoSuchItem { index: 2 },
            LiveError::NotACase,
            LiveError::NotAnApproval,
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
            LiveError::WrongDecision,
            LiveError::StructureRequired,
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
            LiveError::ItemTaken,
            LiveError::ItemDiscussed,
            LiveError::NotANextMeeting {
                id: "2026-12-20-gtrdo".into(),
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
    fn lock_sentences_name_the_holder() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let at = |d: u32, h: u32, m: u32| {
            NaiveDate::from_ymd_opt(2026, 11, d)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        assert_eq!(
            lock_held(Lang::Fr, "alice", "poste-12", at(30, 14, 2), today),
            "lecture seule : « alice » modifie cette réunion sur le poste « poste-12 » depuis 14 h 02"
        );
        assert_eq!(
            lock_held(Lang::En, "alice", "poste-12", at(29, 9, 5), today),
            "read-only: \"alice\" has been editing this meeting on \"poste-12\" since 29/11/2026 at 09:05"
        );
        assert_eq!(
            lock_stale(Lang::Fr, "alice", "poste-12", at(29, 23, 29), today),
            "cette réunion a été ouverte par « alice » sur le poste « poste-12 » (le 29/11/2026 à 23 h 29) et cette session ne semble plus active : reprendre la main ?"
        );
        assert!(!lock_stale(Lang::En, "a\u{1b}[2J", "h", at(30, 1, 0), today).contains('\u{1b}'));
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
