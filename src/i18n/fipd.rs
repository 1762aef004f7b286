//! The words of the FIPD programme: its closed values, the findings of the fund's
//! rules and the special publics, amounts in euros.

use super::{Lang, quote};
use crate::domain::fipd::{
    Category, Finding, FindingKind, FundStatus, Severity, StructureType, Theme, Where,
};

/// Euros as people write them: `12 000 €` (French, no-break spaces) or `€12,000`.
pub fn euros(amount: u64, lang: Lang) -> String {
    let digits = amount.to_string();
    let sep = lang.pick("\u{a0}", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    match lang {
        Lang::Fr => format!("{out}\u{a0}€"),
        Lang::En => format!("€{out}"),
    }
}

pub fn category(c: Category, lang: Lang) -> &'static str {
    match c {
        Category::MentalHealth => lang.pick("Santé mentale", "Mental health"),
        Category::EducationInsertion => {
            lang.pick("Éducation et insertion", "Education and insertion")
        }
        Category::Parenting => lang.pick("Soutien à la parentalité", "Parenting support"),
        Category::Training => lang.pick("Formation des professionnels", "Training"),
        Category::TeamSupport => lang.pick("Appui aux équipes", "Team support"),
        Category::PrimaryPrevention => lang.pick("Prévention primaire", "Primary prevention"),
        Category::OpenEnvironment => lang.pick("Milieu ouvert", "Open environment"),
        Category::CityContract => lang.pick("Contrat de ville", "City contract"),
    }
}

pub fn status(s: FundStatus, lang: Lang) -> &'static str {
    match s {
        FundStatus::Requested => lang.pick("demandée", "requested"),
        FundStatus::Granted => lang.pick("accordée", "granted"),
        FundStatus::Refused => lang.pick("refusée", "refused"),
        FundStatus::Paid => lang.pick("versée", "paid"),
    }
}

pub fn structure_type(s: StructureType, lang: Lang) -> &'static str {
    match s {
        StructureType::Association => lang.pick("association", "association"),
        StructureType::StateService => lang.pick("service de l'État", "State service"),
        StructureType::LocalAuthority => lang.pick("collectivité territoriale", "local authority"),
    }
}

pub fn theme(t: Theme, lang: Lang) -> &'static str {
    match t {
        Theme::Internet => lang.pick("usage raisonné d'internet", "reasoned use of the internet"),
        Theme::CyberIndoctrination => lang.pick("cyber-endoctrinement", "cyber-indoctrination"),
        Theme::RadicalisationAwareness => lang.pick(
            "sensibilisation aux processus de radicalisation",
            "awareness of radicalisation processes",
        ),
        Theme::CriticalThinking => lang.pick("esprit critique", "critical thinking"),
        Theme::CounterSpeech => lang.pick("contre-discours", "counter-speech"),
        Theme::Other => lang.pick("autre", "other"),
    }
}

pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("erreur", "error"),
        Severity::Warning => lang.pick("à examiner", "to examine"),
        Severity::Notice => lang.pick("à justifier", "to justify"),
    }
}

/// The monthly report's sentence on the year's programme.
pub fn engaged(
    t: &crate::domain::fipd::Totals,
    year: i32,
    on: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let share = crate::domain::fipd::percent(t.engaged, t.allocation);
    let day = super::export::short_date(lang, on);
    match lang {
        Lang::Fr => format!(
            "Programme FIPD {year}, au {day} : {} accordés sur une enveloppe de {} ({share} %), dont {} versés ; {} programmés en tout.",
            euros(t.engaged, lang),
            euros(t.allocation, lang),
            euros(t.paid, lang),
            euros(t.planned, lang)
        ),
        Lang::En => format!(
            "FIPD programme {year}, as of {day}: {} granted of an allocation of {} ({share}%), of which {} paid; {} programmed in all.",
            euros(t.engaged, lang),
            euros(t.allocation, lang),
            euros(t.paid, lang),
            euros(t.planned, lang)
        ),
    }
}

/// The sentence of a finding, naming its action when it is about one.
pub fn finding(f: &Finding, lang: Lang) -> String {
    let text = finding_kind(&f.kind, lang);
    match &f.at {
        Where::Action { id, .. } => match lang {
            Lang::Fr => format!("FIPD, action {} — {text}", quote(lang, id)),
            Lang::En => format!("FIPD, action {} — {text}", quote(lang, id)),
        },
        Where::Allocation { .. } => {
            format!("FIPD, {} — {text}", lang.pick("enveloppe", "allocation"))
        }
        Where::Case { .. } => text,
    }
}

/// The sentence of a finding, without its place.
pub fn finding_kind(k: &FindingKind, lang: Lang) -> String {
    let e = |n: u64| euros(n, lang);
    match (k, lang) {
        (FindingKind::TrainingOverCap { total, limit }, Lang::Fr) => format!(
            "formation et appui aux équipes : {} au total, plafond {} (4 000 € ou au plus 20 % de la programmation)",
            e(*total),
            e(*limit)
        ),
        (FindingKind::TrainingOverCap { total, limit }, Lang::En) => format!(
            "training and team support: {} in all, cap {} (€4,000 or at most 20% of the programme)",
            e(*total),
            e(*limit)
        ),
        (FindingKind::PrimaryOverRate { amount, cost, rate }, Lang::Fr) => format!(
            "prévention primaire financée à {} pour un coût de {} : au plus {rate} % du coût",
            e(*amount),
            e(*cost)
        ),
        (FindingKind::PrimaryOverRate { amount, cost, rate }, Lang::En) => format!(
            "primary prevention financed {} for a cost of {}: at most {rate}% of the cost",
            e(*amount),
            e(*cost)
        ),
        (FindingKind::PrimaryOutsideThemes, _) => lang
            .pick(
                "prévention primaire hors des thèmes de l'annexe (internet, cyber-endoctrinement, processus de radicalisation, esprit critique, contre-discours) : non finançable",
                "primary prevention outside the annex's themes (internet, cyber-indoctrination, radicalisation processes, critical thinking, counter-speech): cannot be financed",
            )
            .into(),
        (FindingKind::InPrison, _) => lang
            .pick(
                "action en milieu fermé : relève du ministère de la Justice, non finançable",
                "action in prison: the Ministry of Justice's, cannot be financed",
            )
            .into(),
        (FindingKind::CityContractNoCode { code }, Lang::Fr) => match code {
            Some(c) => format!(
                "contrat de ville : code analytique {} au lieu de « 09-FI0000001 »",
                quote(lang, c)
            ),
            None => "contrat de ville sans son code analytique « 09-FI0000001 »".into(),
        },
        (FindingKind::CityContractNoCode { code }, Lang::En) => match code {
            Some(c) => format!(
                "city contract: analytic code {} instead of \"09-FI0000001\"",
                quote(lang, c)
            ),
            None => "city contract without its analytic code \"09-FI0000001\"".into(),
        },
        (FindingKind::ReferentNotAssociation { kind }, Lang::Fr) => format!(
            "référent de parcours financé alors que la structure est une {} : seul un référent associatif peut l'être",
            structure_type(*kind, lang)
        ),
        (FindingKind::ReferentNotAssociation { kind }, Lang::En) => format!(
            "référent de parcours financed although the structure is a {}: only an association can be",
            structure_type(*kind, lang)
        ),
        (
            FindingKind::OverAllocation {
                engaged,
                allocation,
            },
            Lang::Fr,
        ) => format!(
            "{} accordés pour une enveloppe de {} : {} de trop",
            e(*engaged),
            e(*allocation),
            e(engaged.saturating_sub(*allocation))
        ),
        (
            FindingKind::OverAllocation {
                engaged,
                allocation,
            },
            Lang::En,
        ) => format!(
            "{} granted for an allocation of {}: {} too much",
            e(*engaged),
            e(*allocation),
            e(engaged.saturating_sub(*allocation))
        ),
        (FindingKind::CustodyFinanced, _) => lang
            .pick(
                "personne détenue dont une prise en charge est financée par le FIPD : la prévention en milieu fermé relève du ministère de la Justice",
                "person in custody with a measure financed by the FIPD: prevention in prison belongs to the Ministry of Justice",
            )
            .into(),
        (FindingKind::OpenEnvironmentFinanced, _) => lang
            .pick(
                "personne sous main de justice en milieu ouvert financée par le FIPD : à titre résiduel, à justifier (« fipd_justification »)",
                "person under justice supervision in milieu ouvert financed by the FIPD: residual, to be justified (\"fipd_justification\")",
            )
            .into(),
        (FindingKind::UnknownAction { action }, Lang::Fr) => format!(
            "prise en charge financée par l'action {}, absente des programmes FIPD",
            quote(lang, action)
        ),
        (FindingKind::UnknownAction { action }, Lang::En) => format!(
            "measure financed by the action {}, which no FIPD programme holds",
            quote(lang, action)
        ),
        (FindingKind::RestrictedReview { home }, Lang::Fr) => format!(
            "mineur {} : à examiner en formation restreinte de la cellule (mesure 7 du PNPR)",
            if *home { "instruit en famille" } else { "scolarisé hors contrat" }
        ),
        (FindingKind::RestrictedReview { home }, Lang::En) => format!(
            "minor {}: to be examined by the cell in restricted formation (PNPR measure 7)",
            if *home { "schooled at home" } else { "in a school hors contrat" }
        ),
        (FindingKind::ReturneeWithoutDepartment, _) => lang
            .pick(
                "mineur de retour de zone sans suivi du conseil départemental (mesure 47 du PNPR)",
                "minor back from a zone of terrorist operations without a follow-up by the conseil départemental (PNPR measure 47)",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_are_grouped_by_thousands() {
        assert_eq!(euros(4000, Lang::Fr), "4\u{a0}000\u{a0}€");
        assert_eq!(euros(1_234_567, Lang::En), "€1,234,567");
        assert_eq!(euros(0, Lang::Fr), "0\u{a0}€");
        assert_eq!(euros(999, Lang::En), "€999");
    }
}
