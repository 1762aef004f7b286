//! Every sentence of the interface, in French (default) and English.

use super::action::Action;
use crate::domain::{
    CaseKind, CaseStatus, Decision, ItemKind, MeasureType, MeetingStatus, ReferentType,
};
use crate::i18n::Lang;
use chrono::NaiveDate;

macro_rules! texts {
    ($($name:ident => $fr:literal, $en:literal;)*) => {
        /// A fixed sentence of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($name),* }

        impl T {
            /// Every sentence, for tests of the catalogue.
            pub const ALL: &'static [T] = &[$(T::$name),*];

            /// The sentence in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(T::$name => lang.pick($fr, $en)),* }
            }
        }
    };
}

texts! {
    ScreenDashboard => "Tableau de bord", "Dashboard";
    ScreenSituations => "Situations", "Cases";
    ScreenMeetings => "Réunions", "Meetings";
    ScreenAgenda => "Ordre du jour", "Agenda";
    ScreenSeance => "Séance", "Meeting";
    ScreenProgramme => "Programme FIPD", "FIPD programme";
    HelpForm => "Formulaire", "Form";
    TooSmall => "Terminal trop petit", "Terminal too small";
    NextMeetings => "Prochaines réunions", "Next meetings";
    NoNextMeeting => "Aucune réunion prévue", "No meeting planned";
    Alerts => "Alertes", "Alerts";
    NoAlert => "Rien à signaler", "Nothing to report";
    Department => "Département", "Département";
    ColId => "N°", "Id";
    ColLabel => "Libellé", "Label";
    ColKind => "Type", "Kind";
    ColStatus => "Statut", "Status";
    ColReferent => "Référent", "Référent";
    ColNextReview => "Examen", "Review";
    ColLastDecision => "Dernière décision", "Last decision";
    ColDate => "Date", "Date";
    ColTime => "Heure", "Time";
    ColItems => "Points", "Items";
    ColPlanned => "Durée", "Length";
    ColTimebox => "Min", "Min";
    ColItem => "Point", "Item";
    AllBodies => "toutes instances", "all bodies";
    AllStatuses => "tous statuts", "all statuses";
    OpenStatuses => "en cours", "open";
    AllKinds => "tous types", "all kinds";
    DueOnly => "à revoir", "due";
    SortBy => "tri", "sort";
    SortId => "numéro", "id";
    SortReview => "examen", "review";
    SortLabel => "libellé", "label";
    SortStatus => "statut", "status";
    Search => "Recherche", "Search";
    NoCase => "Aucune situation ne correspond", "No case matches";
    Detail => "Détail", "Detail";
    Name => "Nom", "Name";
    ReportedOn => "Signalé le", "Reported on";
    FamilyContacted => "Famille contactée", "Family contacted";
    NotYet => "pas encore", "not yet";
    Measures => "Prises en charge", "Care measures";
    NoMeasure => "aucune", "none";
    History => "Décisions", "Decisions";
    NoDecision => "aucune décision", "no decision yet";
    NoReferentShort => "aucun", "none";
    NoMeeting => "Aucune réunion", "No meeting";
    Body => "Instance", "Body";
    NoMeetingSelected => "Aucune réunion choisie : ouvrez-en une depuis Réunions ({screen3})", "No meeting chosen: open one from Meetings ({screen3})";
    EmptyAgenda => "Ordre du jour vide : {add_topic} ajoute un sujet, {add_case} une situation, {suggest} propose", "Empty agenda: {add_topic} adds a topic, {add_case} a case, {suggest} suggests";
    Planned => "Prévu", "Planned";
    Of => "sur", "of";
    Invitees => "Invités", "Invitees";
    ActionsItem => "Suivi des actions", "Open actions review";
    UnknownCase => "situation inconnue", "unknown case";
    PromptTopic => "Sujet — lu par : interne, partenaires, public", "Topic — read by: internal, partners, public";
    PromptTimebox => "Durée du point (minutes, vide pour aucune)", "Item length (minutes, empty for none)";
    PromptDate => "Date de la réunion (JJ/MM/AAAA)", "Meeting date (YYYY-MM-DD)";
    PickCase => "Ajouter une situation", "Add a case";
    NoPick => "Aucune situation à ajouter", "No case to add";
    Problems => "Problèmes de chargement", "Loading problems"; Notices => "remarques", "notices";
    NoProblem => "Aucun problème", "No problem";
    Help => "Aide", "Help";
    HelpGlobal => "Partout", "Everywhere";
    ReadOnlyMeeting => "Réunion tenue : son ordre du jour ne se modifie plus ici", "Meeting held: its agenda is no longer edited here";
    NothingToUndo => "Rien à annuler", "Nothing to undo";
    NothingToRedo => "Rien à rétablir", "Nothing to redo";
    NamesHidden => "Noms masqués à l'écran ({toggle_names} pour les afficher)", "Names hidden on screen ({toggle_names} to show them)";
    NamesShown => "Noms affichés", "Names shown";
    NameHidden => "masqué", "hidden";
    Undone => "Annulé", "Undone";
    Redone => "Rétabli", "Redone";
    Saved => "Enregistré", "Saved";
    NothingSuggested => "Rien à proposer : l'ordre du jour contient déjà tout", "Nothing to suggest: the agenda already has everything";
    BadDate => "Date invalide", "Invalid date";
    BadMinutes => "Nombre de minutes invalide (0 à 600)", "Invalid number of minutes (0 to 600)";
    EmptyText => "Le texte est vide", "The text is empty";
    NoBody => "Aucune instance n'est définie dans department.yaml", "No body is defined in department.yaml";
    NoEditor => "La modification dans l'éditeur n'est pas disponible ici", "Editing in the editor is not available here";
    NoChange => "Aucune modification", "No change";
    CaseChanged => "La fiche a été modifiée par ailleurs pendant votre saisie : rien n'a été écrit, elle est relue telle qu'elle est sur le disque", "The case file was changed elsewhere meanwhile: nothing was written, it is read again as it is on disk";
    EditConflict => "Le fichier a été modifié par quelqu'un d'autre pendant votre modification : rien n'a été écrit. Votre version est gardée : la reprendre l'enregistrera à la place de la leur, l'abandonner garde la leur.", "The file was changed by someone else during your edit: nothing was written. Your version is kept: editing it again saves it over theirs, discarding it keeps theirs.";
    Never => "jamais", "never";
    ExportTitle => "Exporter", "Export";
    ExportAgenda => "Ordre du jour (convocation)", "Agenda (convocation)";
    ExportCalendar => "Invitation d'agenda (.ics, Outlook et Thunderbird)", "Calendar invitation (.ics, Outlook and Thunderbird)";
    MinutesInternal => "Compte rendu — interne (noms, notes)", "Minutes — internal (names, notes)";
    MinutesPartners => "Compte rendu — partenaires (libellés)", "Minutes — partners (labels)";
    MinutesPublic => "Compte rendu — public (chiffres seulement)", "Minutes — public (figures only)";
    ExportActions => "Actions décidées, par pilote", "Actions decided, by owner";
    ExportExcerpt => "Extrait pour", "Excerpt for";
    ExportProgramme => "Programme FIPD", "FIPD programme";
    NameFixByHand => "Ce nom n'est pas celui d'une situation : corrigez le texte dans la séance ou l'ordre du jour, puis exportez à nouveau.", "This is not a case's name: correct the text in the séance or the agenda, then export again.";
    ExportNoMinutes => "Le compte rendu se fait une fois la réunion tenue.", "The minutes are made once the meeting is held.";
    Preview => "Aperçu", "Preview";
    ReportTitle => "Rapport mensuel", "Monthly report";
    FieldMonth => "Mois", "Month";
    FieldFormat => "Format", "Format";
    FieldResults => "Résultats", "Results";
    NewCase => "Nouvelle situation", "New case";
    FieldBody => "Instance", "Body";
    FieldKind => "Type", "Kind";
    FieldLabel => "Libellé", "Label";
    FieldReportedOn => "Signalé le", "Reported on";
    FieldSource => "Source", "Source";
    CaseCreated => "Situation créée", "Case created";
    CaseCreatedHidden => "Situation créée ; les filtres la masquent (b, s, t, r ou / pour les changer)", "Case created; the filters hide it (b, s, t, r or / to change them)";
    SavedHidden => "Enregistré ; les filtres masquent désormais cette situation", "Saved; the filters now hide this case";
    EditInvalid => "Le fichier modifié n'est pas valide", "The edited file is not valid";
    EditDiscarded => "Modification abandonnée : le fichier reste tel qu'il était", "Change discarded: the file stays as it was";
    Minutes => "min", "min";
    CtxPalette => "Commandes", "Commands";
    CtxTextEntry => "Saisie d'une ligne", "One-line field";
    CtxPicker => "Liste filtrée", "Filtered list";
    CtxForm => "Formulaire", "Form";
    CtxChoice => "Liste de choix", "Choice list";
    CtxConfirm => "Question oui/non", "Yes/no question";
    CtxDialog => "Question qui peut perdre du travail", "Question that can lose work";
    CtxAttendance => "Présences", "Attendance";
    CtxText => "Texte de la séance", "Séance text";
    CtxInvitees => "Invités de la réunion", "Meeting invitees";
    PromptCancel => "Motif de l'annulation", "Reason for the cancellation";
    CancelledMeeting => "Réunion annulée : elle reste dans l'historique", "Meeting cancelled: it stays in the history";
    CancelledReadOnly => "Réunion annulée : elle ne se modifie plus (u pour revenir en arrière)", "Meeting cancelled: it is no longer edited (u to go back)";
    OnlyDraftDeleted => "Seul un brouillon se supprime ; une réunion convoquée s'annule", "Only a draft can be deleted; a convened meeting is cancelled";
    DraftDeleted => "Brouillon supprimé (u pour le rétablir)", "Draft deleted (u to bring it back)";
    DetailsSaved => "Réunion enregistrée", "Meeting saved";
    PickMember => "Ajouter un membre de l'annuaire", "Add a directory member";
    NoMember => "Aucun membre ne correspond (tous sont peut-être déjà invités)", "No member matches (all may be invited already)";
    NewGuest => "Invité extérieur", "Outside guest";
    ForInformationMark => "pour information", "for information";
    NoInvitee => "Aucun invité", "No invitee";
    AskDeleteDraft => "Supprimer ce brouillon de réunion ? Son fichier est retiré ; {undo} le rétablit pendant cette session. ({yes} oui, {no} non)", "Delete this draft meeting? Its file is removed; {undo} brings it back during this session. ({yes} yes, {no} no)";
    PlaceUnset => "lieu à préciser", "place to be set";
    NoKey => "(aucune touche)", "(no key)";
    PairChoose => "choisir", "choose";
    PairScroll => "défiler", "scroll";
    PairField => "champ", "field";
    PairChoice => "choix", "choice";
    LabelClose => "fermer", "close";
    LabelEnd => "terminer", "end";
    LabelPreview => "aperçu", "preview";
    LabelCreate => "créer", "create";
    LabelAdd => "ajouter", "add";
    PaletteFilter => "Saisir pour filtrer", "Type to filter";
    NoCommand => "Aucune commande ne correspond", "No command matches";
    HelpFilter => "Filtre", "Filter";
    TypingSaved => "Saisie enregistrée au fil de la frappe", "Saved as you type";
    NewLine => "va à la ligne", "starts a new line";
    EditAgain => "Modifier à nouveau", "Edit again";
    EditDiscard => "Abandonner la modification (le fichier reste tel qu'il était)", "Discard the change (the file stays as it was)";
}

/// The short name of an action, for the bottom line and the help.
pub fn action_label(action: Action, lang: Lang) -> &'static str {
    use Action::*;
    let (fr, en) = match action {
        Quit => ("quitter", "quit"),
        ForceQuit => ("quitter aussitôt", "quit at once"),
        Back => ("retour", "back"),
        Help => ("aide", "help"),
        NextPane => ("volet suivant", "next pane"),
        PrevPane => ("volet précédent", "previous pane"),
        Up => ("monter", "up"),
        Down => ("descendre", "down"),
        First => ("premier", "first"),
        Last => ("dernier", "last"),
        PageUp => ("page précédente", "page up"),
        PageDown => ("page suivante", "page down"),
        Open => ("ouvrir", "open"),
        Search => ("rechercher", "search"),
        Screen1 => ("tableau de bord", "dashboard"),
        Screen2 => ("situations", "cases"),
        Screen3 => ("réunions", "meetings"),
        Screen4 => ("ordre du jour", "agenda"),
        Screen5 => ("séance", "meeting"),
        Undo => ("annuler", "undo"),
        Redo => ("rétablir", "redo"),
        New => ("créer", "new"),
        Edit => ("modifier", "edit"),
        EditInEditor => (
            "modifier le fichier dans l'éditeur",
            "edit the file in the editor",
        ),
        NewLine => ("nouvelle ligne", "new line"),
        RemoveItem => ("retirer l'élément", "remove the item"),
        Problems => ("problèmes", "problems"),
        CycleBody => ("instance", "body"),
        CycleStatus => ("statut", "status"),
        CycleKind => ("type", "kind"),
        ToggleDue => ("à revoir", "due"),
        CycleSort => ("tri", "sort"),
        AddTopic => ("sujet", "topic"),
        AddCase => ("situation", "case"),
        Suggest => ("proposer", "suggest"),
        MoveUp => ("remonter", "move up"),
        MoveDown => ("redescendre", "move down"),
        Delete => ("supprimer", "delete"),
        Timebox => ("durée", "timebox"),
        Convene => ("convoquer", "convene"),
        Export => ("exporter", "export"),
        MonthlyReport => ("rapport mensuel", "monthly report"),
        StartSeance => ("séance", "run meeting"),
        NextItem => ("point suivant", "next item"),
        PrevItem => ("point précédent", "previous item"),
        Attendance => ("présences", "attendance"),
        AddAction => ("action", "action"),
        CloseMeeting => ("clore", "close"),
        ResumeSeance => ("reprendre/rouvrir", "resume/reopen"),
        Pause => ("suspendre", "suspend"),
        Postpone => (
            "reporter à la prochaine séance",
            "postpone to the next meeting",
        ),
        ChooseItemDown => ("choisir le point suivant", "choose the item below"),
        ChooseItemUp => ("choisir le point précédent", "choose the item above"),
        ToggleNames => ("masquer/afficher les noms", "hide/show names"),
        Palette => ("commandes", "commands"),
        Accept => ("valider", "accept"),
        Cancel => ("annuler", "cancel"),
        NextField => ("champ suivant", "next field"),
        PrevField => ("champ précédent", "previous field"),
        ChoicePrev => ("choix précédent", "previous choice"),
        ChoiceNext => ("choix suivant", "next choice"),
        Yes => ("oui", "yes"),
        No => ("non", "no"),
        Present => ("présent", "present"),
        Excused => ("excusé", "excused"),
        Absent => ("absent", "absent"),
        NoAnswer => ("sans réponse", "no answer"),
        Represented => ("représenté", "represented"),
        AddGuest => ("invité extérieur", "guest"),
        AddMember => ("membre de l'annuaire", "directory member"),
        RemoveGuest => ("retirer l'invité", "remove guest"),
        Write => ("écrire", "write"),
        WriteCommit => ("écrire et valider dans git", "write and commit in git"),
        Programme => ("programme FIPD", "FIPD programme"),
        CancelMeeting => ("annuler la réunion", "cancel the meeting"),
        DeleteMeeting => ("supprimer le brouillon", "delete the draft"),
        ForInformation => ("pour information", "for information"),
        RemoveInvitee => ("retirer", "remove"),
    };
    lang.pick(fr, en)
}

pub fn case_status(s: CaseStatus, lang: Lang) -> &'static str {
    let (fr, en) = match s {
        CaseStatus::Reported => ("signalé", "reported"),
        CaseStatus::Assessed => ("évalué", "assessed"),
        CaseStatus::Followed => ("suivi", "followed"),
        CaseStatus::Closed => ("clos", "closed"),
    };
    lang.pick(fr, en)
}

pub fn case_kind(k: CaseKind, lang: Lang) -> &'static str {
    let (fr, en) = match k {
        CaseKind::Person => ("personne", "person"),
        CaseKind::Family => ("famille", "family"),
        CaseKind::Organisation => ("structure", "organisation"),
    };
    lang.pick(fr, en)
}

pub fn meeting_status(s: MeetingStatus, lang: Lang) -> &'static str {
    let (fr, en) = match s {
        MeetingStatus::Draft => ("brouillon", "draft"),
        MeetingStatus::Convened => ("convoquée", "convened"),
        MeetingStatus::Held => ("tenue", "held"),
        MeetingStatus::Closed => ("clôturée", "closed"),
        MeetingStatus::Cancelled => ("annulée", "cancelled"),
    };
    lang.pick(fr, en)
}

/// A decision in words: the catalogue's one label (`i18n::export::decision`), the same in
/// the minutes and the monthly report.
pub fn decision(d: Decision, lang: Lang) -> &'static str {
    crate::i18n::export::decision(lang, d)
}

pub fn measure(m: MeasureType, lang: Lang) -> &'static str {
    let (fr, en) = match m {
        MeasureType::MentalHealth => ("santé mentale", "mental health"),
        MeasureType::Education => ("éducation", "education"),
        MeasureType::Insertion => ("insertion", "insertion"),
        MeasureType::ParentingSupport => ("soutien à la parentalité", "parenting support"),
        MeasureType::MobileTeam => ("équipe mobile", "mobile team"),
        MeasureType::Other => ("autre", "other"),
    };
    lang.pick(fr, en)
}

pub fn referent_type(r: ReferentType, lang: Lang) -> &'static str {
    let (fr, en) = match r {
        ReferentType::Association => ("association", "association"),
        ReferentType::StateService => ("service de l'État", "State service"),
        ReferentType::LocalAuthority => ("collectivité", "local authority"),
    };
    lang.pick(fr, en)
}

pub fn item_kind(k: ItemKind, lang: Lang) -> &'static str {
    let (fr, en) = match k {
        ItemKind::Topic => ("sujet", "topic"),
        ItemKind::Case => ("situation", "case"),
        ItemKind::Actions => ("actions", "actions"),
    };
    lang.pick(fr, en)
}

/// A date as people of the language write it.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// Reads a date typed by the user, as the live mode does (`15/01/2027`, `2027-01-15`,
/// `+6w`, `+2m`, `demain`...), relative to `today`; blank or unreadable gives `None`.
pub fn parse_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    crate::domain::dates::parse_date(text, today).ok().flatten()
}

/// The message after an export.
pub fn written(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Écrit : {}", crate::text::visible(path)),
        Lang::En => format!("Written: {}", crate::text::visible(path)),
    }
}

/// The message when an export failed.
pub fn export_failed(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Échec de l'export : {}", crate::text::visible(reason)),
        Lang::En => format!("Export failed: {}", crate::text::visible(reason)),
    }
}

/// The fix offered for a name found in a free text.
pub fn name_fix_offer(key: &str, name: &str, label: &str, lang: Lang) -> String {
    let (name, label) = (crate::text::visible(name), crate::text::visible(label));
    match lang {
        Lang::Fr => format!(
            "{key} : remplacer « {name} » par le libellé « {label} » dans le fichier de la réunion (u l'annule), puis l'aperçu reprend. Échap : ne rien changer."
        ),
        Lang::En => format!(
            "{key}: replace « {name} » by the label « {label} » in the meeting file (u undoes it), then the preview goes on. Esc: change nothing."
        ),
    }
}

/// What an export is, in a menu (its format apart).
pub fn export_label(
    request: &super::export::ExportRequest,
    data: &crate::domain::DeptData,
    lang: Lang,
) -> String {
    use super::export::{ExportRequest, MinutesLevel};
    match request {
        ExportRequest::Agenda { .. } => T::ExportAgenda.get(lang).to_string(),
        ExportRequest::Calendar { .. } => T::ExportCalendar.get(lang).to_string(),
        ExportRequest::Minutes { level, .. } => match level {
            MinutesLevel::Internal => T::MinutesInternal,
            MinutesLevel::Partners => T::MinutesPartners,
            MinutesLevel::Public => T::MinutesPublic,
        }
        .get(lang)
        .to_string(),
        ExportRequest::Excerpt { referent, .. } => format!(
            "{} {}",
            T::ExportExcerpt.get(lang),
            crate::text::visible(referent)
        ),
        ExportRequest::Actions { .. } => T::ExportActions.get(lang).to_string(),
        ExportRequest::Monthly { month, body, .. } => {
            let body = data.department.body_short(body);
            format!(
                "{} {} — {}",
                T::ReportTitle.get(lang),
                month_name(*month, lang),
                crate::text::visible(&body),
            )
        }
        ExportRequest::Programme { year, .. } => {
            format!("{} {year}", T::ExportProgramme.get(lang))
        }
    }
}

/// What an export is and its format, in a title: `Compte rendu — partenaires (libellés) (docx)`.
pub fn export_title(
    request: &super::export::ExportRequest,
    data: &crate::domain::DeptData,
    lang: Lang,
) -> String {
    format!(
        "{} ({})",
        export_label(request, data, lang),
        request.format().extension()
    )
}

/// `novembre 2026`, `November 2026`.
pub fn month_name(month: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    crate::i18n::export::long_month(lang, month.year(), month.month())
}

/// The message when saving failed.
/// Files changed on disk by someone else, read again and shown.
pub fn changed_elsewhere(rels: &[String], lang: Lang) -> String {
    match (rels, lang) {
        ([one], Lang::Fr) => format!(
            "Modifié ailleurs, relu\u{a0}: {}",
            crate::text::visible(one)
        ),
        ([one], Lang::En) => format!(
            "Changed elsewhere, read again: {}",
            crate::text::visible(one)
        ),
        (many, Lang::Fr) => format!("{} fichiers modifiés ailleurs, relus", many.len()),
        (many, Lang::En) => format!("{} files changed elsewhere, read again", many.len()),
    }
}

/// A problem's file read again after the user edited it.
pub fn rechecked(rel: &str, left: usize, lang: Lang) -> String {
    let rel = crate::text::visible(rel);
    match (left, lang) {
        (0, Lang::Fr) => format!("Relu et validé\u{a0}: {rel}, plus aucun problème"),
        (0, Lang::En) => format!("Read again and checked: {rel}, no problem left"),
        (1, Lang::Fr) => format!("Relu et validé\u{a0}: {rel}, 1 problème reste"),
        (1, Lang::En) => format!("Read again and checked: {rel}, 1 problem left"),
        (n, Lang::Fr) => format!("Relu et validé\u{a0}: {rel}, {n} problèmes restent"),
        (n, Lang::En) => format!("Read again and checked: {rel}, {n} problems left"),
    }
}

/// A file changed on disk by someone else that now has problems.
pub fn changed_invalid(rel: &str, lang: Lang) -> String {
    let rel = crate::text::visible(rel);
    match lang {
        Lang::Fr => format!(
            "Modifié ailleurs, mais invalide\u{a0}: {rel} (l'écran garde la version précédente\u{202f}; voir les problèmes)"
        ),
        Lang::En => format!(
            "Changed elsewhere, but invalid: {rel} (the screen keeps the previous version; see the problems)"
        ),
    }
}

/// A department or programme file changed on disk by someone else.
pub fn changed_other(rel: &str, lang: Lang) -> String {
    let rel = crate::text::visible(rel);
    match lang {
        Lang::Fr => {
            format!("Modifié ailleurs\u{a0}: {rel}, relu à la prochaine ouverture de cellule")
        }
        Lang::En => format!("Changed elsewhere: {rel}, read again the next time cellule opens"),
    }
}

pub fn save_failed(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Échec de l'enregistrement : {}",
            crate::text::visible(reason)
        ),
        Lang::En => format!("Saving failed: {}", crate::text::visible(reason)),
    }
}

/// The notice shown when the terminal is smaller than the interface needs.
pub fn too_small(width: u16, height: u16, min_w: u16, min_h: u16, lang: Lang) -> String {
    format!(
        "{} ({width}×{height}, min {min_w}×{min_h})",
        T::TooSmall.get(lang)
    )
}

pub fn source(s: crate::domain::Source, lang: Lang) -> &'static str {
    use crate::domain::Source::*;
    let (fr, en) = match s {
        Cnapr => ("CNAPR", "CNAPR"),
        Ems => ("état-major de sécurité", "security staff"),
        Ged => ("GED", "GED"),
        Education => ("éducation nationale", "education"),
        Health => ("santé", "health"),
        Justice => ("justice", "justice"),
        LocalAuthority => ("collectivité", "local authority"),
        Association => ("association", "association"),
        Other => ("autre", "other"),
    };
    lang.pick(fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_exists_in_both_languages() {
        for t in T::ALL {
            assert!(!t.get(Lang::Fr).is_empty(), "{t:?}");
            assert!(!t.get(Lang::En).is_empty(), "{t:?}");
        }
        for a in Action::ALL {
            assert!(!action_label(*a, Lang::Fr).is_empty());
            assert!(!action_label(*a, Lang::En).is_empty());
        }
    }

    #[test]
    fn enter_in_the_seance_edits_the_field_and_is_named_so() {
        use crate::tui::keymap::{Context, Key, Keymap};
        let enter = Key::parse("Enter").unwrap();
        let keys = Keymap::defaults();
        assert_eq!(keys.resolve(Context::Seance, enter), Some(Action::Edit));
        assert_eq!(action_label(Action::Edit, Lang::Fr), "modifier");
        assert_eq!(keys.resolve(Context::Meetings, enter), Some(Action::Open));
    }

    #[test]
    fn dates_are_written_and_read_in_both_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(date(d, Lang::Fr), "30/11/2026");
        assert_eq!(date(d, Lang::En), "2026-11-30");
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(parse_date("30/11/2026", today), Some(d));
        assert_eq!(parse_date(" 2026-11-30 ", today), Some(d));
        assert_eq!(parse_date("+5d", today), Some(d));
        assert_eq!(parse_date("31/02/2026", today), None);
        assert_eq!(parse_date("", today), None);
    }
}
