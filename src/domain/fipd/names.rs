//! The closed lists of the programme file, with their French aliases.
//!
//! Each value is written in files by its English spelling (`as_str`); `parse` also
//! reads a French alias (`sante_mentale`, `accordée`...), whatever its case, accents,
//! spaces or hyphens. The macro is the one of the case and meeting files
//! (`domain/enums.rs`).

use crate::domain::enums::closed_list;

closed_list!(
    /// What an action finances (the categories of the annex).
    Category {
        MentalHealth => "mental_health" ("santé mentale") | "sante_mentale",
        EducationInsertion => "education_insertion" ("éducation et insertion") | "insertion",
        Parenting => "parenting" ("parentalité") | "parentalite" | "soutien_a_la_parentalite",
        Training => "training" ("formation") | "formation",
        TeamSupport => "team_support" ("soutien aux équipes") | "soutien_aux_equipes" | "appui_aux_equipes",
        PrimaryPrevention => "primary_prevention" ("prévention primaire") | "prevention_primaire",
        OpenEnvironment => "open_environment" ("milieu ouvert") | "milieu_ouvert",
        CityContract => "city_contract" ("contrat de ville") | "contrat_de_ville",
    }
);
closed_list!(
    /// The kind of structure that carries an action.
    StructureType {
        Association => "association" ("association"),
        StateService => "state_service" ("service de l'État") | "service_de_l_etat" | "service_etat",
        LocalAuthority => "local_authority" ("collectivité") | "collectivite" | "collectivite_territoriale",
    }
);
closed_list!(
    /// Where a request stands.
    FundStatus {
        Requested => "requested" ("demandée") | "demandee" | "demande",
        Granted => "granted" ("accordée") | "accordee" | "accorde",
        Refused => "refused" ("refusée") | "refusee" | "refuse",
        Paid => "paid" ("versée") | "versee" | "verse" | "payee",
    }
);
closed_list!(
    /// The themes of primary prevention the annex allows, and `other`.
    Theme {
        Internet => "internet" ("usage raisonné d'internet") | "usage_raisonne_d_internet" | "usage_raisonne_internet",
        CyberIndoctrination => "cyber_indoctrination" ("cyber-endoctrinement") | "cyber_endoctrinement",
        RadicalisationAwareness => "radicalisation_awareness" ("sensibilisation à la radicalisation") | "sensibilisation_a_la_radicalisation",
        CriticalThinking => "critical_thinking" ("esprit critique") | "esprit_critique",
        CounterSpeech => "counter_speech" ("contre-discours") | "contre_discours",
        Other => "other" ("autre") | "autre",
    }
);
closed_list!(
    /// How « 4 000 € ou au plus 20 % » combine: the lower or the higher of the two.
    CapReading { Lower => "lower" ("le plus bas") | "le_plus_bas", Higher => "higher" ("le plus haut") | "le_plus_haut" }
);

impl Category {
    /// Training and team support share one cap.
    pub fn is_training(self) -> bool {
        matches!(self, Category::Training | Category::TeamSupport)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_aliases_are_read_whatever_their_accents_and_case() {
        assert_eq!(
            Category::parse("Santé mentale"),
            Some(Category::MentalHealth)
        );
        assert_eq!(
            Category::parse("contrat-de-ville"),
            Some(Category::CityContract)
        );
        assert_eq!(FundStatus::parse("accordée"), Some(FundStatus::Granted));
        assert_eq!(FundStatus::parse("Versée"), Some(FundStatus::Paid));
        assert_eq!(
            StructureType::parse("collectivité"),
            Some(StructureType::LocalAuthority)
        );
        assert_eq!(
            Theme::parse("esprit critique"),
            Some(Theme::CriticalThinking)
        );
        assert_eq!(Category::parse("sport"), None);
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(*c));
        }
    }
}
