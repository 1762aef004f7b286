//! The sentences of what a decision carries into the case: why a decision does not fit
//! the case or the body (`domain::fit`).

use super::Lang;
use crate::domain::fit::Misfit;

/// Why a decision does not fit, in one sentence.
pub fn misfit(m: Misfit, lang: Lang) -> String {
    match m {
        Misfit::ChildProtectionForStructure => lang.pick(
            "une information préoccupante concerne un enfant : pas une structure",
            "a child-protection referral is about a child, not a structure",
        ),
        Misfit::ChildProtectionForAdult => lang.pick(
            "la personne est majeure : une information préoccupante concerne un mineur",
            "the person is of age: a child-protection referral is about a minor",
        ),
        Misfit::StructureDecisionForPerson => lang.pick(
            "cette décision vise d'ordinaire une structure, non une personne ou une famille",
            "this decision usually concerns a structure, not a person or a family",
        ),
        Misfit::GedForStructure => lang.pick(
            "le GED évalue des personnes : la situation est une structure",
            "the GED assesses people: this case is a structure",
        ),
        Misfit::NotForBody => lang.pick(
            "cette décision n'est pas dans la liste de l'instance",
            "this decision is not in the body's list",
        ),
    }
    .to_string()
}
