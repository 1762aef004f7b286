//! The closed lists of the programme file, with their French aliases.
//!
//! Each value is written in files by its English spelling (`as_str`); `parse` also
//! reads a French alias (`sante_mentale`, `accordée`...), whatever its case, accents,
//! spaces or hyphens.

macro_rules! fund_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order of the format documentation.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The spelling of each value in files.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The spelling used in files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads a spelling or a French alias.
            pub fn parse(text: &str) -> Option<Self> {
                let folded = fold(text);
                match folded.as_str() { $($text $(| $alias)* => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

/// Lower case, no accents, `_` for spaces, hyphens and apostrophes.
fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '-' | '\'' | '’' => '_',
            c => c,
        })
        .collect()
}

fund_enum!(
    /// What an action finances (the categories of the annex).
    Category {
        MentalHealth => "mental_health" | "sante_mentale",
        EducationInsertion => "education_insertion" | "insertion",
        Parenting => "parenting" | "parentalite" | "soutien_a_la_parentalite",
        Training => "training" | "formation",
        TeamSupport => "team_support" | "soutien_aux_equipes" | "appui_aux_equipes",
        PrimaryPrevention => "primary_prevention" | "prevention_primaire",
        OpenEnvironment => "open_environment" | "milieu_ouvert",
        CityContract => "city_contract" | "contrat_de_ville",
    }
);
fund_enum!(
    /// The kind of structure that carries an action.
    StructureType {
        Association => "association",
        StateService => "state_service" | "service_de_l_etat" | "service_etat",
        LocalAuthority => "local_authority" | "collectivite" | "collectivite_territoriale",
    }
);
fund_enum!(
    /// Where a request stands.
    FundStatus {
        Requested => "requested" | "demandee" | "demande",
        Granted => "granted" | "accordee" | "accorde",
        Refused => "refused" | "refusee" | "refuse",
        Paid => "paid" | "versee" | "verse" | "payee",
    }
);
fund_enum!(
    /// The themes of primary prevention the annex allows, and `other`.
    Theme {
        Internet => "internet" | "usage_raisonne_d_internet" | "usage_raisonne_internet",
        CyberIndoctrination => "cyber_indoctrination" | "cyber_endoctrinement",
        RadicalisationAwareness => "radicalisation_awareness" | "sensibilisation_a_la_radicalisation",
        CriticalThinking => "critical_thinking" | "esprit_critique",
        CounterSpeech => "counter_speech" | "contre_discours",
        Other => "other" | "autre",
    }
);
fund_enum!(
    /// How « 4 000 € ou au plus 20 % » combine: the lower or the higher of the two.
    CapReading { Lower => "lower" | "le_plus_bas", Higher => "higher" | "le_plus_haut" }
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
