//! The words and sentences of the exports (minutes, agenda, monthly report), French and English.

use super::Lang;
use crate::domain::{
    AttendanceStatus, CaseKind, ClosureReason, Decision, MeasureType, ReferentType,
};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

macro_rules! labels {
    ($($variant:ident => $fr:literal, $en:literal;)+) => {
        /// A fixed label of the exports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label { $($variant),+ }

        impl Label {
            /// The label in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match self { $(Label::$variant => lang.pick($fr, $en)),+ }
            }
        }
    };
}

labels! {
    Minutes => "Compte rendu", "Minutes";
    Agenda => "Ordre du jour", "Agenda";
    Convocation => "Convocation", "Notice of meeting";
    MonthlyReport => "Rapport mensuel", "Monthly report";
    Departement => "Département", "Département";
    Date => "Date", "Date";
    Time => "Heure", "Time";
    LocalTime => "heure locale", "local time";
    Place => "Lieu", "Place";
    Chair => "Présidence", "Chair";
    Level => "Niveau de diffusion", "Distribution level";
    Attendance => "Participants", "Attendance";
    Guests => "Invités extérieurs", "Guests";
    Invitees => "Personnes convoquées", "Invitees";
    Organisation => "Organisation", "Organisation";
    Name => "Nom", "Name";
    Title => "Fonction", "Title";
    Status => "Présence", "Status";
    Counts => "Décompte", "Counts";
    Present => "présents", "present";
    Excused => "excusés", "excused";
    Absent => "absents", "absent";
    Represented => "représentés", "represented";
    NotRecorded => "non renseignés", "not recorded";
    AgendaItems => "Ordre du jour", "Agenda";
    Decisions => "Relevé de décisions", "Record of decisions";
    Notes => "Échanges", "Discussion";
    Case => "Situation", "Case";
    CaseName => "Identité", "Identity";
    BornIn => "Année de naissance", "Birth year";
    CaseNotes => "Notes du dossier", "Case notes";
    Referent => "Référent de parcours", "Référent de parcours";
    Decision => "Décision", "Decision";
    DecisionNumber => "N° de décision", "Decision number";
    Quorum => "Quorum", "Quorum";
    QuorumReached => "atteint", "reached";
    QuorumNotReached => "non atteint", "not reached";
    DecisionText => "Détail", "Details";
    NoDecision => "pas de décision enregistrée", "no decision recorded";
    NextReview => "Prochain examen", "Next review";
    NewReferent => "Nouveau référent de parcours", "New référent de parcours";
    OrientedTo => "Prise en charge", "Care measure";
    ClosureReason => "Motif de fin du suivi", "Reason for closure";
    Actions => "Actions", "Actions";
    ActionsDecided => "Actions décidées", "Actions decided";
    OpenActions => "Actions en cours des réunions précédentes", "Open actions of earlier meetings";
    NoOpenAction => "Aucune action en cours.", "No open action.";
    NoActionDecided => "Aucune action décidée.", "No action decided.";
    Postponed => "Points reportés à la prochaine séance", "Items postponed to the next meeting";
    Action => "Action", "Action";
    Owner => "Pilote", "Owner";
    Due => "Échéance", "Due";
    DecidedOn => "Décidée le", "Decided on";
    Age => "Ancienneté", "Age";
    State => "État", "State";
    Overdue => "en retard", "overdue";
    InProgress => "en cours", "open";
    DoneToday => "réalisée ce jour", "done on the day";
    NextMeeting => "Prochaine réunion", "Next meeting";
    UnknownCase => "situation inconnue", "unknown case";
    ReviewOfActions => "Suivi des actions", "Review of actions";
    PlannedTotal => "Durée prévue", "Planned total";
    PlannedEnd => "Fin prévue", "Planned end";
    Secretary => "Rédacteur", "Secretary";
    Reference => "Référence", "Reference";
    Cancelled => "Réunion annulée", "Meeting cancelled";
    ForInformation => "Pour information", "For information";
    Section => "Rubrique", "Section";
    Composition => "Composition", "Composition";
    Members => "Membres", "Members";
    Organisations => "Organisations représentées", "Organisations represented";
    Periodicity => "Périodicité", "Periodicity";
    ExpectedInterval => "Intervalle prévu entre deux réunions", "Expected interval between meetings";
    MeetingsHeld => "Réunions tenues dans le mois", "Meetings held in the month";
    NoMeeting => "Aucune réunion tenue dans le mois.", "No meeting held in the month.";
    DaysSincePrevious => "Jours depuis la réunion précédente", "Days since the previous meeting";
    NoPrevious => "— (aucune réunion antérieure)", "— (no earlier meeting)";
    LastMeeting => "Dernière réunion tenue", "Last meeting held";
    DaysSinceLast => "Jours écoulés à la fin du mois", "Days elapsed at the end of the month";
    Situations => "Situations", "Situations";
    Indicator => "Indicateur", "Indicator";
    Count => "Nombre", "Number";
    FollowedAtEnd => "Ouvertes à la fin du mois", "Open at the end of the month";
    NewInMonth => "Nouvelles dans le mois", "New in the month";
    ClosedInMonth => "Sorties du suivi dans le mois", "Closed in the month";
    Minors => "Personnes mineures", "Persons, minors";
    Adults => "Personnes majeures", "Persons, adults";
    AgeUnknown => "Personnes, âge non renseigné", "Persons, age unknown";
    Persons => "Personnes, total", "Persons, total";
    Families => "Familles", "Families";
    OrganisationsCases => "Structures (groupes, praticiens, établissements)", "Organisations (groups, practitioners, establishments)";
    Total => "Total", "Total";
    CareModalities => "Modalités de prise en charge", "Care modalities";
    MeasureType => "Prise en charge", "Care measure";
    Cases => "Situations", "Cases";
    OfWhichFipd => "dont financées par le FIPD", "of which FIPD-financed";
    AnyMeasure => "Au moins une prise en charge active", "At least one active measure";
    ProsecutorLink => "Lien avec le procureur de la République", "Link with the public prosecutor";
    ProsecutorMember => "Parquet membre de l'instance", "Prosecutor's office among the members";
    NoProsecutorMember => "aucun membre du parquet dans l'instance", "no member from the prosecutor's office";
    ReportsToProsecutor => "Signalements au procureur dans le mois", "Reports to the prosecutor in the month";
    FamilyContact => "Contact des familles (situations nouvelles)", "Families contacted (new situations)";
    ContactWithin => "Contactées dans les 15 jours", "Contacted within 15 days";
    ContactLater => "Contactées au-delà de 15 jours", "Contacted after 15 days";
    ContactNotYet => "Pas encore contactées", "Not yet contacted";
    ReferentsOpen => "Référents de parcours (situations ouvertes)", "Référents de parcours (open situations)";
    WithReferent => "Avec un référent de parcours", "With a référent de parcours";
    WithoutReferent => "Sans référent de parcours", "Without a référent de parcours";
    SupportGroups => "Familles en groupe de parole", "Families in a support group";
    Stages => "Situations ouvertes par étape", "Open situations by stage";
    StagePending => "Signalées / en évaluation", "Reported / being assessed";
    StageFollowed => "Suivies", "Followed";
    ResultsObtained => "Résultats obtenus", "Results obtained";
    FipdAllocation => "enveloppe (€)", "allocation (€)";
    FipdEngaged => "accordé (€)", "granted (€)";
    FipdPaid => "dont versé (€)", "of which paid (€)";
    FipdPlanned => "programmé (€)", "programmed (€)";
    FipdShare => "part de l'enveloppe accordée (%)", "share of the allocation granted (%)";
    Results => "Résultats", "Results";
    ClosuresByReason => "Sorties du suivi par motif", "Closures by reason";
    DecisionsByKind => "Décisions prises dans le mois", "Decisions taken in the month";
    Difficulties => "Difficultés", "Difficulties";
    NoDifficulty => "Aucune difficulté signalée.", "No difficulty reported.";
    Month => "Mois", "Month";
    Body => "Instance", "Body";
    Days => "jours", "days";
    Minute => "min", "min";
    Draft => "PROJET", "DRAFT";
    Excerpt => "Extrait du compte rendu", "Excerpt of the minutes";
    ActionsByOwner => "Actions décidées, par pilote", "Actions decided, by owner";
    NoCaseOfReferent => "Aucune situation de ce référent à l'ordre du jour.", "No case of this référent on the agenda.";
    Value => "Valeur", "Value";
    Page => "Page", "Page";
    PublicMarking => "Version publique", "Public version";
    TopicsDiscussed => "Sujets abordés", "Topics discussed";
    NoTopic => "Aucun sujet général.", "No general topic.";
    SituationsExamined => "Situations examinées", "Situations examined";
    Kind => "Nature", "Kind";
    DecisionsByKindMeeting => "Décisions prises", "Decisions taken";
    NoDecisionTaken => "Aucune décision prise.", "No decision taken.";
    ActionsDecidedCount => "Nombre d'actions décidées", "Number of actions decided";
}

/// A date written out: `lundi 30 novembre 2026`, `Monday 30 November 2026`.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let day = date.day();
    match lang {
        Lang::Fr => {
            let n = if day == 1 {
                "1er".to_string()
            } else {
                day.to_string()
            };
            format!(
                "{} {} {} {}",
                weekday(lang, date.weekday()),
                n,
                month_name(lang, date.month()),
                date.year()
            )
        }
        Lang::En => format!(
            "{} {} {} {}",
            weekday(lang, date.weekday()),
            day,
            month_name(lang, date.month()),
            date.year()
        ),
    }
}

/// A date in a table: `15/12/2026` in French, `2026-12-15` in English.
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// What follows a label: ` :` in French, `:` in English.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick(" :", ":")
}

/// A month written out: `novembre 2026`, `November 2026`.
pub fn long_month(lang: Lang, year: i32, month: u32) -> String {
    format!("{} {}", month_name(lang, month), year)
}

/// A time of day: `14 h 30` in French, `14:30` in English.
pub fn time_of_day(lang: Lang, time: NaiveTime) -> String {
    match lang {
        Lang::Fr => format!("{} h {:02}", time.hour(), time.minute()),
        Lang::En => format!("{:02}:{:02}", time.hour(), time.minute()),
    }
}

/// A length of time in minutes: `45 min`, `1 h 25`, `2 h` (French); `1 h 25 min` (English).
pub fn duration(lang: Lang, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m, lang) {
        (0, m, _) => format!("{m} min"),
        (h, 0, _) => format!("{h} h"),
        (h, m, Lang::Fr) => format!("{h} h {m:02}"),
        (h, m, Lang::En) => format!("{h} h {m:02} min"),
    }
}

/// A number of days: `12 jours`, `1 jour`, `0 jour` (French singular below 2), `0 days`.
pub fn days(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Fr if n.abs() <= 1 => format!("{n} jour"),
        Lang::Fr => format!("{n} jours"),
        Lang::En if n.abs() == 1 => format!("{n} day"),
        Lang::En => format!("{n} days"),
    }
}

fn weekday(lang: Lang, day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => lang.pick("lundi", "Monday"),
        Weekday::Tue => lang.pick("mardi", "Tuesday"),
        Weekday::Wed => lang.pick("mercredi", "Wednesday"),
        Weekday::Thu => lang.pick("jeudi", "Thursday"),
        Weekday::Fri => lang.pick("vendredi", "Friday"),
        Weekday::Sat => lang.pick("samedi", "Saturday"),
        Weekday::Sun => lang.pick("dimanche", "Sunday"),
    }
}

/// The name of `month` (1 to 12): `novembre`, `November`.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let index = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Fr => FR[index],
        Lang::En => EN[index],
    }
}

/// A decision in words: the one label of each decision, for the interface (`tui::strings::
/// decision`), the minutes and the monthly report alike.
pub fn decision(lang: Lang, d: Decision) -> &'static str {
    match d {
        Decision::Continue => lang.pick("Poursuite du suivi", "Follow-up continued"),
        Decision::Orient => lang.pick(
            "Orientation vers un service ou une prise en charge",
            "Orientation towards a service or a care measure",
        ),
        Decision::ChangeReferent => lang.pick("Changement de référent", "Change of référent"),
        Decision::ReportToProsecutor => lang.pick(
            "Signalement au procureur de la République",
            "Report to the public prosecutor",
        ),
        Decision::ChildProtection => lang.pick(
            "Information préoccupante à la CRIP",
            "Child-protection referral to the CRIP",
        ),
        Decision::BackToGed => lang.pick("Renvoi au GED", "Sent back to the GED"),
        Decision::Close => lang.pick("Fin du suivi", "Follow-up closed"),
        Decision::TakeCharge => lang.pick(
            "Prise en charge par la cellule",
            "Taken in charge by the cell",
        ),
        Decision::FurtherAssessment => lang.pick("Évaluation complémentaire", "Further assessment"),
        Decision::Dismiss => lang.pick("Classement sans suite", "Dismissed, no further action"),
        Decision::KeepWatch => lang.pick("Poursuite de la vigilance", "Vigilance continued"),
        Decision::Inspection => lang.pick("Contrôle ou inspection", "Check or inspection"),
        Decision::ReferToMiviludes => {
            lang.pick("Saisine de la Miviludes", "Referral to the Miviludes")
        }
        Decision::InformProfessionalOrder => lang.pick(
            "Information de l'ordre professionnel",
            "Professional order informed",
        ),
        Decision::ReportToArsDgccrf => lang.pick(
            "Signalement à l'ARS ou à la DGCCRF",
            "Report to the ARS or the DGCCRF",
        ),
    }
}

/// A closure reason in words.
pub fn closure_reason(lang: Lang, r: ClosureReason) -> &'static str {
    match r {
        ClosureReason::Disengagement => lang.pick("désengagement", "disengagement"),
        ClosureReason::NoAdherence => lang.pick("absence d'adhésion", "no adherence"),
        ClosureReason::Judicial => lang.pick("prise en charge judiciaire", "handed to justice"),
        ClosureReason::Moved => lang.pick(
            "départ vers un autre département",
            "moved to another département",
        ),
        ClosureReason::Other => lang.pick("autre motif", "other reason"),
    }
}

/// A care measure type in words.
pub fn measure_type(lang: Lang, m: MeasureType) -> &'static str {
    match m {
        MeasureType::MentalHealth => lang.pick(
            "Soins psychologiques ou psychiatriques",
            "Mental-health care",
        ),
        MeasureType::Education => lang.pick("Actions éducatives", "Educational actions"),
        MeasureType::Insertion => lang.pick(
            "Insertion sociale et professionnelle",
            "Social and professional insertion",
        ),
        MeasureType::ParentingSupport => lang.pick("Soutien à la parentalité", "Parenting support"),
        MeasureType::MobileTeam => {
            lang.pick("Équipe mobile d'intervention", "Mobile intervention team")
        }
        MeasureType::Other => lang.pick("Autres prises en charge", "Other care"),
    }
}

/// What a case is about, in words.
pub fn case_kind(lang: Lang, k: CaseKind) -> &'static str {
    match k {
        CaseKind::Person => lang.pick("personne", "person"),
        CaseKind::Family => lang.pick("famille", "family"),
        CaseKind::Organisation => lang.pick("structure", "organisation"),
    }
}

/// The kind of référent structure, in words.
pub fn referent_type(lang: Lang, r: ReferentType) -> &'static str {
    match r {
        ReferentType::Association => lang.pick("association", "association"),
        ReferentType::StateService => lang.pick("service de l'État", "State service"),
        ReferentType::LocalAuthority => lang.pick("collectivité territoriale", "local authority"),
    }
}

/// An attendance status in words (`represented` without its `by`).
pub fn attendance(lang: Lang, s: AttendanceStatus) -> &'static str {
    match s {
        AttendanceStatus::Invited => lang.pick("convoqué", "invited"),
        AttendanceStatus::Present => lang.pick("présent", "present"),
        AttendanceStatus::Excused => lang.pick("excusé", "excused"),
        AttendanceStatus::Absent => lang.pick("absent", "absent"),
        AttendanceStatus::Represented => lang.pick("représenté", "represented"),
    }
}

/// `représenté par X` / `represented by X`.
pub fn represented_by(lang: Lang, by: &str) -> String {
    match lang {
        Lang::Fr => format!("représenté par {by}"),
        Lang::En => format!("represented by {by}"),
    }
}

/// The level of a minutes export in words.
pub fn level(lang: Lang, level: &str) -> &'static str {
    match level {
        "internal" => lang.pick("interne (complet)", "internal (complete)"),
        "public" => lang.pick(
            "public (données agrégées uniquement)",
            "public (aggregates only)",
        ),
        _ => lang.pick(
            "partenaires (situations sous leur libellé)",
            "partners (cases by their label)",
        ),
    }
}

/// What a case is about, in the plural, for a count: `Personnes`, `Familles`, `Structures`.
pub fn case_kind_plural(lang: Lang, k: CaseKind) -> &'static str {
    match k {
        CaseKind::Person => lang.pick("Personnes", "Persons"),
        CaseKind::Family => lang.pick("Familles", "Families"),
        CaseKind::Organisation => lang.pick("Structures", "Organisations"),
    }
}

/// An attendance status in the plural, for a count of people.
pub fn attendance_plural(lang: Lang, s: AttendanceStatus) -> &'static str {
    match s {
        AttendanceStatus::Invited => lang.pick("Non renseignés", "Not recorded"),
        AttendanceStatus::Present => lang.pick("Présents", "Present"),
        AttendanceStatus::Excused => lang.pick("Excusés", "Excused"),
        AttendanceStatus::Absent => lang.pick("Absents", "Absent"),
        AttendanceStatus::Represented => lang.pick("Représentés", "Represented"),
    }
}

/// `au 01/12/2026 (mois en cours)`: the day a report of the month in progress counts to.
pub fn as_of_in_progress(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("au {} (mois en cours)", short_date(lang, day)),
        Lang::En => format!("as of {} (month in progress)", short_date(lang, day)),
    }
}

/// `Ouvertes au 01/12/2026`.
pub fn followed_as_of(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("Ouvertes au {}", short_date(lang, day)),
        Lang::En => format!("Open as of {}", short_date(lang, day)),
    }
}

/// `Jours écoulés au 01/12/2026`.
pub fn days_elapsed_as_of(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("Jours écoulés au {}", short_date(lang, day)),
        Lang::En => format!("Days elapsed as of {}", short_date(lang, day)),
    }
}

/// The heading of the actions decided on item `n`: `Actions décidées (point 3)`.
pub fn actions_of_item(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Actions décidées (point {n})"),
        Lang::En => format!("Actions decided (item {n})"),
    }
}

/// The closing line of final minutes: written by the body's secretariat, validated by the chair.
pub fn signed(lang: Lang, chair: &str, on: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!(
            "Rédigé par le secrétariat de l'instance — Validé par {chair} le {}",
            long_date(lang, on)
        ),
        Lang::En => format!(
            "Written by the body's secretariat — Approved by {chair} on {}",
            long_date(lang, on)
        ),
    }
}

/// The title of the agenda's first item: « Approbation du compte rendu de la séance du
/// 16/11/2026 ».
pub fn approval_title(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!(
            "Approbation du compte rendu de la séance du {}",
            short_date(lang, date)
        ),
        Lang::En => format!(
            "Approval of the minutes of the meeting of {}",
            short_date(lang, date)
        ),
    }
}

/// What a séance decided on earlier minutes (`approval:`), as the minutes say it.
pub fn approval(lang: Lang, a: crate::domain::Approval) -> &'static str {
    use crate::domain::Approval as A;
    match a {
        A::Approved => lang.pick("Approuvé", "Approved"),
        A::ApprovedWithChanges => lang.pick("Approuvé avec modifications", "Approved with changes"),
        A::Adjourned => lang.pick("Ajourné", "Adjourned"),
    }
}

/// Whether and when minutes were approved: « Compte rendu approuvé en séance du
/// 14/12/2026 » (the approving meeting's reference after it, when it has one), « … approuvé
/// avec modifications en séance du … », « Compte rendu non encore approuvé » (« …,
/// approbation ajournée le … »).
pub fn approval_state(lang: Lang, state: &crate::domain::approval::ApprovalState<'_>) -> String {
    use crate::domain::approval::ApprovalState as S;
    match (state, lang) {
        (
            S::Approved {
                on,
                reference,
                with_changes,
            },
            _,
        ) => {
            let date = short_date(lang, *on);
            let reference = reference.map(|r| format!(" ({r})")).unwrap_or_default();
            match (lang, with_changes) {
                (Lang::Fr, false) => {
                    format!("Compte rendu approuvé en séance du {date}{reference}")
                }
                (Lang::Fr, true) => format!(
                    "Compte rendu approuvé avec modifications en séance du {date}{reference}"
                ),
                (Lang::En, false) => {
                    format!("Minutes approved at the meeting of {date}{reference}")
                }
                (Lang::En, true) => {
                    format!("Minutes approved with changes at the meeting of {date}{reference}")
                }
            }
        }
        (S::NotYet { adjourned_on: None }, _) => lang
            .pick(
                "Compte rendu non encore approuvé",
                "Minutes not yet approved",
            )
            .to_string(),
        (
            S::NotYet {
                adjourned_on: Some(d),
            },
            Lang::Fr,
        ) => format!(
            "Compte rendu non encore approuvé (approbation ajournée le {})",
            short_date(lang, *d)
        ),
        (
            S::NotYet {
                adjourned_on: Some(d),
            },
            Lang::En,
        ) => format!(
            "Minutes not yet approved (approval adjourned on {})",
            short_date(lang, *d)
        ),
    }
}

/// The closing line of draft minutes.
pub fn signed_draft(lang: Lang, chair: &str) -> String {
    match lang {
        Lang::Fr => format!("Rédigé par le secrétariat de l'instance — À valider par {chair}"),
        Lang::En => format!("Written by the body's secretariat — To be approved by {chair}"),
    }
}

/// The local time of a time zone in words: `heure de Paris`, `heure de La Réunion`;
/// `Paris time` in English. A zone outside the French ones keeps its IANA name.
pub fn time_zone(lang: Lang, tz: chrono_tz::Tz) -> String {
    let place = match tz.name() {
        "Europe/Paris" => Some(("de Paris", "Paris")),
        "Indian/Reunion" => Some(("de La Réunion", "Réunion")),
        "Indian/Mayotte" => Some(("de Mayotte", "Mayotte")),
        "America/Guadeloupe" => Some(("de la Guadeloupe", "Guadeloupe")),
        "America/Martinique" => Some(("de la Martinique", "Martinique")),
        "America/Cayenne" => Some(("de la Guyane", "French Guiana")),
        "America/Miquelon" => Some(("de Saint-Pierre-et-Miquelon", "Saint-Pierre-et-Miquelon")),
        "America/St_Barthelemy" => Some(("de Saint-Barthélemy", "Saint-Barthélemy")),
        "America/Marigot" => Some(("de Saint-Martin", "Saint-Martin")),
        "Pacific/Noumea" => Some(("de la Nouvelle-Calédonie", "New Caledonia")),
        "Pacific/Tahiti" => Some(("de Tahiti", "Tahiti")),
        "Pacific/Wallis" => Some(("de Wallis-et-Futuna", "Wallis and Futuna")),
        _ => None,
    };
    match (place, lang) {
        (Some((fr, _)), Lang::Fr) => format!("heure {fr}"),
        (Some((_, en)), Lang::En) => format!("{en} time"),
        (None, Lang::Fr) => format!("heure locale, {}", tz.name()),
        (None, Lang::En) => format!("local time, {}", tz.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(
            long_date(Lang::Fr, d("2026-11-30")),
            "lundi 30 novembre 2026"
        );
        assert_eq!(
            long_date(Lang::Fr, d("2026-12-01")),
            "mardi 1er décembre 2026"
        );
        assert_eq!(
            long_date(Lang::En, d("2026-11-30")),
            "Monday 30 November 2026"
        );
        assert_eq!(long_month(Lang::Fr, 2026, 8), "août 2026");
    }

    #[test]
    fn time_zones_are_named_in_french() {
        assert_eq!(
            time_zone(Lang::Fr, chrono_tz::Indian::Reunion),
            "heure de La Réunion"
        );
        assert_eq!(
            time_zone(Lang::Fr, chrono_tz::Europe::Paris),
            "heure de Paris"
        );
        assert_eq!(time_zone(Lang::En, chrono_tz::Europe::Paris), "Paris time");
        assert_eq!(
            time_zone(Lang::Fr, chrono_tz::Asia::Tokyo),
            "heure locale, Asia/Tokyo"
        );
    }

    #[test]
    fn times_and_durations() {
        let t = NaiveTime::from_hms_opt(9, 5, 0).unwrap();
        assert_eq!(time_of_day(Lang::Fr, t), "9 h 05");
        assert_eq!(time_of_day(Lang::En, t), "09:05");
        assert_eq!(duration(Lang::Fr, 45), "45 min");
        assert_eq!(duration(Lang::Fr, 85), "1 h 25");
        assert_eq!(duration(Lang::En, 85), "1 h 25 min");
        assert_eq!(duration(Lang::Fr, 120), "2 h");
        assert_eq!(days(Lang::Fr, 1), "1 jour");
        assert_eq!(days(Lang::En, 14), "14 days");
        assert_eq!(days(Lang::Fr, 0), "0 jour");
        assert_eq!(days(Lang::En, 0), "0 days");
    }
}
