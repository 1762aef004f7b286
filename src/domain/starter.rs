//! The directory and the two bodies a new département starts with (domain.md, "Who sits
//! at the table"): `cellule init` writes them with names to fill in, and the synthetic
//! data of the benchmarks gives them invented names.

use super::departements::DeptInfo;

/// One seat of the starter directory, its title and organisation worded for the
/// département.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    pub id: &'static str,
    pub title: String,
    pub organisation: String,
}

/// The usual members of the two bodies: id, title, organisation (`{representative}` and
/// `{authority}` stand for the State's representative and their administration).
const SEATS: &[(&str, &str, &str)] = &[
    ("prefet", "{representative}", "{authority}"),
    (
        "dircab",
        "Directeur ou directrice de cabinet",
        "{authority}",
    ),
    (
        "cm-prev",
        "Chargé(e) de mission prévention de la radicalisation et dérives sectaires",
        "{authority}",
    ),
    ("parquet", "Procureur de la République", "Parquet"),
    (
        "ddsp-rt",
        "Chef du service départemental du renseignement territorial",
        "Police nationale — SDRT",
    ),
    ("ggd", "Commandant du groupement", "Gendarmerie nationale"),
    (
        "dsden",
        "Référent radicalisation",
        "Éducation nationale — DSDEN",
    ),
    ("ars", "Délégué(e) départemental(e)", "ARS"),
    (
        "pjj",
        "Directeur territorial",
        "Protection judiciaire de la jeunesse",
    ),
    ("spip", "Directeur fonctionnel", "SPIP"),
    (
        "cd-ase",
        "Responsable de la CRIP",
        "Conseil départemental — ASE",
    ),
    ("caf", "Directeur", "CAF"),
    ("mission-locale", "Directeur", "Mission locale"),
    ("france-travail", "Directeur territorial", "France Travail"),
    ("mda", "Responsable", "Maison des adolescents"),
    ("miviludes", "Conseiller", "Miviludes"),
];

/// The members of the CPRAF, then of the GTRDO, by id.
pub const CPRAF_MEMBERS: &[&str] = &[
    "prefet",
    "dircab",
    "cm-prev",
    "parquet",
    "ddsp-rt",
    "ggd",
    "dsden",
    "ars",
    "pjj",
    "spip",
    "cd-ase",
    "caf",
    "mission-locale",
    "france-travail",
    "mda",
];
pub const GTRDO_MEMBERS: &[&str] = &[
    "prefet",
    "dircab",
    "cm-prev",
    "parquet",
    "ddsp-rt",
    "ggd",
    "dsden",
    "ars",
    "caf",
    "miviludes",
];

/// What `cellule init` writes where a name is to be given: never to reach a convocation.
pub const PLACEHOLDER: &str = "À renseigner";

/// The places of a département still holding [`PLACEHOLDER`]: (member index or `None`
/// for the département itself, key).
pub fn placeholders(dept: &super::Department) -> Vec<(Option<usize>, &'static str)> {
    let is = |t: &str| t.trim() == PLACEHOLDER;
    let mut out = Vec::new();
    if dept.authority.as_deref().is_some_and(is) {
        out.push((None, "authority"));
    }
    for (i, m) in dept.members.iter().enumerate() {
        if is(&m.name) {
            out.push((Some(i), "name"));
        }
        if m.title.as_deref().is_some_and(is) {
            out.push((Some(i), "title"));
        }
        if is(&m.organisation) {
            out.push((Some(i), "organisation"));
        }
    }
    out
}

/// The title of the State's representative and the name of their administration
/// (a préfet and a préfecture, or a haut-commissaire overseas).
pub fn representative(info: &DeptInfo) -> (&'static str, String) {
    match info.representative {
        "haut-commissaire" => (
            "Haut-commissaire de la République",
            format!("Haut-commissariat de la République {}", info.of_name()),
        ),
        _ => ("Préfet", format!("Préfecture {}", info.of_name())),
    }
}

/// The starter directory of a département, in the order of the file.
pub fn seats(info: &DeptInfo) -> Vec<Seat> {
    let (representative, authority) = representative(info);
    SEATS
        .iter()
        .map(|(id, title, organisation)| Seat {
            id,
            title: title.replace("{representative}", representative),
            organisation: organisation.replace("{authority}", &authority),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_member_has_a_seat_and_the_representative_is_named() {
        let info = &super::super::departements::all()[0];
        let seats = seats(info);
        for id in CPRAF_MEMBERS.iter().chain(GTRDO_MEMBERS) {
            assert!(seats.iter().any(|s| s.id == *id), "{id}");
        }
        let prefet = seats
            .iter()
            .find(|s| s.id == "prefet")
            .map(|s| s.title.as_str());
        assert_eq!(prefet, Some("Préfet"));
        assert!(seats.iter().all(|s| !s.organisation.contains('{')));
    }
}
