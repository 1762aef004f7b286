//! The dashboard's alerts in words: a group with its count, one alert with its subject.

use super::strings::date;
use crate::i18n::Lang;

/// The heading of a group of dashboard alerts, with its count.
pub fn alert_group(kind: crate::domain::AlertKind, count: usize, lang: Lang) -> String {
    use crate::domain::AlertKind::*;
    let label = match (kind, lang) {
        (LoadProblems, Lang::Fr) => "Problèmes dans les fichiers",
        (LoadProblems, Lang::En) => "Problems in the files",
        (BodyNotMet, Lang::Fr) => "Instances à réunir",
        (BodyNotMet, Lang::En) => "Bodies due to meet",
        (ReviewOverdue, Lang::Fr) => "Examens en retard",
        (ReviewOverdue, Lang::En) => "Overdue reviews",
        (ActionOverdue, Lang::Fr) => "Actions en retard",
        (ActionOverdue, Lang::En) => "Overdue actions",
        (NoFamilyContact, Lang::Fr) => "Familles non contactées",
        (NoFamilyContact, Lang::En) => "Families not contacted",
        (NoReferent, Lang::Fr) => "Sans référent de parcours",
        (NoReferent, Lang::En) => "Without référent de parcours",
        (ReviewDue, Lang::Fr) => "Examens à venir",
        (ReviewDue, Lang::En) => "Reviews coming up",
        (Fund, Lang::Fr) => "Programme FIPD et publics particuliers",
        (Fund, Lang::En) => "FIPD programme and special publics",
    };
    format!("{label} ({count})")
}

/// The sentence of a dashboard alert; `open_key` is the key that follows it (« Entrée »).
pub fn alert(
    alert: &crate::domain::Alert,
    data: &crate::domain::DeptData,
    lang: Lang,
    open_key: &str,
) -> String {
    use crate::domain::Alert::*;
    let label = |id: &str| {
        data.case(id)
            .map(|c| format!("{} ({})", c.label, c.id))
            .unwrap_or_else(|| id.to_string())
    };
    let text = match (alert, lang) {
        (Fund(f), _) => {
            let text = crate::i18n::fipd::finding(f, lang);
            match f.case() {
                Some(id) => format!("{}{} {text}", label(id), lang.pick(" :", ":")),
                None => text,
            }
        }
        (LoadProblems { count }, _) => {
            let n = crate::i18n::count(lang, *count, ("problème", "problèmes"), PROBLEMS);
            match lang {
                Lang::Fr => format!("{n} dans les fichiers : {open_key} pour la liste"),
                Lang::En => format!("{n} in the files: {open_key} for the list"),
            }
        }
        (ReviewOverdue { case, due }, Lang::Fr) => {
            format!(
                "Examen en retard depuis le {} : {}",
                date(*due, lang),
                label(case)
            )
        }
        (ReviewOverdue { case, due }, Lang::En) => {
            format!("Review overdue since {}: {}", date(*due, lang), label(case))
        }
        (ReviewDue { case, due }, Lang::Fr) => {
            format!("Examen prévu le {} : {}", date(*due, lang), label(case))
        }
        (ReviewDue { case, due }, Lang::En) => {
            format!("Review due {}: {}", date(*due, lang), label(case))
        }
        (
            ActionOverdue {
                text, owner, due, ..
            },
            Lang::Fr,
        ) => {
            let owner = member_name(data, owner);
            format!("Action en retard ({}, {owner}) : {text}", date(*due, lang))
        }
        (
            ActionOverdue {
                text, owner, due, ..
            },
            Lang::En,
        ) => {
            let owner = member_name(data, owner);
            format!("Action overdue ({}, {owner}): {text}", date(*due, lang))
        }
        (
            BodyNotMet {
                body,
                last_held,
                every_days,
            },
            _,
        ) => {
            let name = data.department.body_short(body);
            match (last_held, lang) {
                (Some(d), Lang::Fr) => format!(
                    "{name} : dernière réunion le {}, plus de {every_days} jours",
                    date(*d, lang)
                ),
                (Some(d), Lang::En) => format!(
                    "{name}: last met {}, more than {every_days} days ago",
                    date(*d, lang)
                ),
                (None, Lang::Fr) => format!("{name} : aucune réunion tenue"),
                (None, Lang::En) => format!("{name}: never met"),
            }
        }
        (NoFamilyContact { case, reported_on }, Lang::Fr) => format!(
            "Famille non contactée, signalé le {} : {}",
            date(*reported_on, lang),
            label(case)
        ),
        (NoFamilyContact { case, reported_on }, Lang::En) => format!(
            "Family not contacted, reported {}: {}",
            date(*reported_on, lang),
            label(case)
        ),
        (NoReferent { case }, Lang::Fr) => format!("Sans référent de parcours : {}", label(case)),
        (NoReferent { case }, Lang::En) => format!("No référent de parcours: {}", label(case)),
    };
    crate::text::visible(&text).into_owned()
}

/// A member's name and organisation, or the id when the directory does not know it.
fn member_name(data: &crate::domain::DeptData, id: &str) -> String {
    let m = data.department.member(id);
    m.map_or_else(
        || id.to_string(),
        |m| format!("{} ({})", m.name, m.organisation),
    )
}

const PROBLEMS: (&str, &str) = ("problem", "problems");
