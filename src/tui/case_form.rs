//! The form of a case: every field of the case file with its French label, the ones
//! that do not apply left out (no schooling for an adult, no family contact for a
//! structure, the closure only when closed), built again from the case after each
//! confirmed field. Each confirmed field gives the case as it becomes, checked by the
//! domain's rules of the case file (`domain/case_rules.rs`, the sentences `validate`
//! gives); the update saves it at once.

use super::form::{Fault, Field, Form, Kind};
use crate::domain::case_rules::{self, CaseFault};
use crate::domain::{
    Case, CaseKind, CaseStatus, ClosureReason, Justice, Measure, MeasureType, Referent,
    ReferentType, Schooling, Source,
};
use crate::i18n::{Lang, Msg};
use chrono::NaiveDate;

/// The case form open over the case list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFormState {
    /// The case as last written (or, for a new case, as it will be created).
    pub saved: Case,
    /// The case with the confirmed fields not yet written (a closure awaiting its
    /// reason).
    pub draft: Case,
    /// Whether the file exists (a new case is created at its first valid field).
    pub exists: bool,
    pub form: Form,
}

/// What a confirmed field gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    /// The case to write.
    Write(Case),
    /// Kept in the form until the fields it needs are given (a closure's reason).
    Pending(Case),
    /// Refused: nothing is written.
    Refused(Fault),
}

fn t(lang: Lang, fr: &str, en: &str) -> String {
    lang.pick(fr, en).to_string()
}

/// The values of a closed list with the labels of the language (the French labels of
/// the list; in English, the file spellings in words).
fn list<E: Copy>(
    lang: Lang,
    all: &[E],
    file: fn(E) -> &'static str,
    label: fn(E) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| {
            let shown = match lang {
                Lang::Fr => label(*v).to_string(),
                Lang::En => file(*v).replace('_', " "),
            };
            (file(*v).to_string(), shown)
        })
        .collect()
}

fn with_none(lang: Lang, mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.insert(0, (String::new(), t(lang, "—", "—")));
    options
}

/// The fields of the case, as they apply to it.
pub fn case_fields(
    c: &Case,
    bodies: &[(String, String)],
    lang: Lang,
    today: NaiveDate,
) -> Vec<Field> {
    let mut f = Vec::new();
    let person = c.kind == CaseKind::Person;
    f.push(Field::text(
        "label",
        t(lang, "Libellé", "Label"),
        &c.label,
        true,
    ));
    f.push(Field::choice_of(
        "kind",
        t(lang, "Type", "Kind"),
        list(lang, CaseKind::ALL, CaseKind::as_str, CaseKind::label),
        c.kind.as_str(),
    ));
    f.push(Field::text(
        "name",
        t(lang, "Nom", "Name"),
        c.name.as_deref().unwrap_or(""),
        false,
    ));
    if person {
        let year = c.birth_year.map(|y| y.to_string()).unwrap_or_default();
        f.push(Field::text(
            "birth_year",
            t(lang, "Année de naissance", "Birth year"),
            &year,
            false,
        ));
    }
    f.push(Field::choice_of(
        "body",
        t(lang, "Instance", "Body"),
        bodies.to_vec(),
        &c.body,
    ));
    f.push(Field::choice_of(
        "source",
        t(lang, "Source", "Source"),
        list(lang, Source::ALL, Source::as_str, Source::label),
        c.source.as_str(),
    ));
    f.push(Field::date(
        "reported_on",
        t(lang, "Date de signalement", "Reported on"),
        Some(c.reported_on),
    ));
    f.push(Field::choice_of(
        "status",
        t(lang, "Statut", "Status"),
        list(lang, CaseStatus::ALL, CaseStatus::as_str, CaseStatus::label),
        c.status.as_str(),
    ));
    let r = c.referent.as_ref();
    f.push(Field::text(
        "referent_structure",
        t(lang, "Référent : structure", "Référent: structure"),
        r.map_or("", |r| r.structure.as_str()),
        false,
    ));
    if let Some(r) = r {
        f.push(Field::choice_of(
            "referent_type",
            t(lang, "Référent : type", "Référent: type"),
            list(
                lang,
                ReferentType::ALL,
                ReferentType::as_str,
                ReferentType::label,
            ),
            r.kind.as_str(),
        ));
        f.push(Field::text(
            "referent_person",
            t(lang, "Référent : personne", "Référent: person"),
            r.person.as_deref().unwrap_or(""),
            false,
        ));
    }
    if c.kind != CaseKind::Organisation {
        f.push(Field::date(
            "family_contacted_on",
            t(lang, "Famille contactée le", "Family contacted on"),
            c.family_contacted_on,
        ));
    }
    if person {
        f.push(Field::choice_of(
            "justice",
            t(lang, "Justice", "Justice"),
            list(lang, Justice::ALL, Justice::as_str, Justice::label),
            c.justice.as_str(),
        ));
    }
    if case_rules::may_be_minor(c, today) {
        f.push(Field::choice_of(
            "schooling",
            t(lang, "Scolarité", "Schooling"),
            with_none(
                lang,
                list(lang, Schooling::ALL, Schooling::as_str, Schooling::label),
            ),
            c.schooling.map_or("", |s| s.as_str()),
        ));
        f.push(Field::choice_of(
            "returnee_minor",
            t(lang, "Mineur de retour de zone", "Returnee minor"),
            vec![
                ("false".into(), t(lang, "non", "no")),
                ("true".into(), t(lang, "oui", "yes")),
            ],
            if c.returnee_minor { "true" } else { "false" },
        ));
    }
    for (i, m) in c.measures.iter().enumerate() {
        let n = i + 1;
        f.push(
            Field::choice_of(
                "m_type",
                format!("{} {n}", t(lang, "Prise en charge", "Care measure")),
                list(
                    lang,
                    MeasureType::ALL,
                    MeasureType::as_str,
                    MeasureType::label,
                ),
                m.kind.as_str(),
            )
            .of_item(i),
        );
        f.push(
            Field::text(
                "m_provider",
                t(lang, "prestataire", "provider"),
                m.provider.as_deref().unwrap_or(""),
                false,
            )
            .of_item(i),
        );
        f.push(Field::date("m_from", t(lang, "du", "from"), Some(m.from)).of_item(i));
        f.push(Field::date("m_to", t(lang, "au", "to"), m.to).of_item(i));
        let fipd = match (&m.fipd_action, m.fipd) {
            (Some(a), _) => a.clone(),
            (None, true) => t(lang, "oui", "yes"),
            (None, false) => String::new(),
        };
        f.push(
            Field::text(
                "m_fipd",
                t(lang, "FIPD (action)", "FIPD (action)"),
                &fipd,
                false,
            )
            .of_item(i),
        );
        if m.fipd {
            // A financing that has to be justified (milieu ouvert: residual, case by case).
            f.push(
                Field::text(
                    "m_justification",
                    t(lang, "justification FIPD", "FIPD justification"),
                    m.fipd_justification.as_deref().unwrap_or(""),
                    false,
                )
                .of_item(i),
            );
        }
        if m.kind == MeasureType::ParentingSupport {
            f.push(
                Field::choice_of(
                    "m_group",
                    t(lang, "groupe de parole", "support group"),
                    vec![
                        ("false".into(), t(lang, "non", "no")),
                        ("true".into(), t(lang, "oui", "yes")),
                    ],
                    if m.support_group { "true" } else { "false" },
                )
                .of_item(i),
            );
        }
    }
    f.push(Field::button(
        "add_measure",
        t(
            lang,
            "+ ajouter une prise en charge",
            "+ add a care measure",
        ),
    ));
    f.push(Field::date(
        "next_review",
        t(lang, "Prochain examen", "Next review"),
        c.next_review,
    ));
    if c.status == CaseStatus::Closed {
        f.push(Field::date(
            "closed_on",
            t(lang, "Fin de suivi le", "Closed on"),
            c.closed_on,
        ));
        f.push(Field::choice_of(
            "closure_reason",
            t(lang, "Motif de fin du suivi", "Closure reason"),
            with_none(
                lang,
                list(
                    lang,
                    ClosureReason::ALL,
                    ClosureReason::as_str,
                    ClosureReason::label,
                ),
            ),
            c.closure_reason.map_or("", |r| r.as_str()),
        ));
    }
    f.push(Field::multi_line(
        "notes",
        t(lang, "Notes", "Notes"),
        c.notes.as_deref().unwrap_or(""),
    ));
    f
}

/// The form of a case (`exists`: its file is written; else a new case).
pub fn case_form(
    c: &Case,
    exists: bool,
    bodies: &[(String, String)],
    lang: Lang,
    today: NaiveDate,
) -> Form {
    let title = if exists {
        format!("{} {}", t(lang, "Situation", "Case"), c.id)
    } else {
        t(lang, "Nouvelle situation", "New case")
    };
    let mut form = Form::per_field(title, case_fields(c, bodies, lang, today), today);
    form.note = Some(t(
        lang,
        "Chaque champ validé (Entrée, Tab) est enregistré aussitôt.",
        "Each confirmed field (Enter, Tab) is saved at once.",
    ));
    form
}

impl CaseFormState {
    pub fn new(
        c: Case,
        exists: bool,
        bodies: &[(String, String)],
        lang: Lang,
        today: NaiveDate,
    ) -> CaseFormState {
        CaseFormState {
            form: case_form(&c, exists, bodies, lang, today),
            saved: c.clone(),
            draft: c,
            exists,
        }
    }

    /// Builds the form again from the draft, the focus moved by `step` from the field
    /// that was at `index` (the same field when it is still offered; a field that just
    /// appeared after it, such as the référent's type, comes next).
    pub fn rebuild(&mut self, bodies: &[(String, String)], lang: Lang, index: usize, step: isize) {
        let (key, item) = self
            .form
            .fields
            .get(index)
            .map_or(("label", None), |f| (f.key, f.item));
        let fault = self.form.fault.take();
        let note = self.form.note.take();
        let today = self.form.today;
        self.form = case_form(&self.draft, self.exists, bodies, lang, today);
        self.form.focus_on(key, item, index);
        let last = self.form.fields.len().saturating_sub(1);
        self.form.focus = self.form.focus.saturating_add_signed(step).min(last);
        self.form.fault = fault;
        if note.is_some() {
            self.form.note = note;
        }
    }
}

fn rule(f: CaseFault, lang: Lang) -> Fault {
    Fault::Rule(Msg::from(f).text(lang))
}

/// The case once field `i` of the form is confirmed, from `draft`.
pub fn confirm(form: &Form, i: usize, draft: &Case, lang: Lang) -> Confirmed {
    let Some(field) = form.fields.get(i) else {
        return Confirmed::Refused(Fault::Required);
    };
    let mut c = draft.clone();
    let text = field.input.text().trim().to_string();
    let opt = (!text.is_empty()).then(|| text.clone());
    let date = form.fields.get(i).and_then(|f| {
        crate::domain::dates::parse_date(f.input.text(), form.today)
            .ok()
            .flatten()
    });
    let choice = form.choice_at(i).unwrap_or("").to_string();
    let item = field.item;
    match field.key {
        "label" => c.label = text,
        "name" => c.name = opt,
        "birth_year" => match text.as_str() {
            "" => c.birth_year = None,
            t => match t.parse::<i32>() {
                Ok(y) => c.birth_year = Some(y),
                Err(_) => {
                    return Confirmed::Refused(Fault::Rule(
                        Msg::WrongType {
                            key: "birth_year".into(),
                            expected: crate::i18n::problems::Expected::Integer,
                        }
                        .text(lang),
                    ));
                }
            },
        },
        "kind" => c.kind = CaseKind::parse(&choice).unwrap_or(c.kind),
        "body" => c.body = choice,
        "source" => c.source = Source::parse(&choice).unwrap_or(c.source),
        "reported_on" => match date {
            Some(d) => c.reported_on = d,
            None => return Confirmed::Refused(Fault::Required),
        },
        "status" => {
            let status = CaseStatus::parse(&choice).unwrap_or(c.status);
            if status == CaseStatus::Closed && c.status != CaseStatus::Closed {
                c.closed_on = c.closed_on.or(Some(form.today));
            }
            if status != CaseStatus::Closed {
                c.closed_on = None;
                c.closure_reason = None;
            }
            c.status = status;
        }
        "referent_structure" => match (opt, c.referent.as_mut()) {
            (None, _) => c.referent = None,
            (Some(s), Some(r)) => r.structure = s,
            (Some(s), None) => {
                c.referent = Some(Referent {
                    structure: s,
                    kind: ReferentType::Association,
                    person: None,
                });
            }
        },
        "referent_type" => {
            if let (Some(r), Some(k)) = (c.referent.as_mut(), ReferentType::parse(&choice)) {
                r.kind = k;
            }
        }
        "referent_person" => {
            if let Some(r) = c.referent.as_mut() {
                r.person = opt;
            }
        }
        "family_contacted_on" => c.family_contacted_on = date,
        "justice" => c.justice = Justice::parse(&choice).unwrap_or(c.justice),
        "schooling" => c.schooling = Schooling::parse(&choice),
        "returnee_minor" => c.returnee_minor = choice == "true",
        "next_review" => c.next_review = date,
        "closed_on" => c.closed_on = date,
        "closure_reason" => c.closure_reason = ClosureReason::parse(&choice),
        "notes" => {
            let notes = field.input.text().trim_end().to_string();
            c.notes = (!notes.trim().is_empty()).then_some(notes);
        }
        "add_measure" => c.measures.push(Measure {
            kind: MeasureType::ALL[0],
            provider: None,
            from: form.today,
            to: None,
            fipd: false,
            fipd_action: None,
            fipd_justification: None,
            support_group: false,
        }),
        key @ ("m_type" | "m_provider" | "m_from" | "m_to" | "m_fipd" | "m_justification"
        | "m_group") => {
            let Some(m) = item.and_then(|k| c.measures.get_mut(k)) else {
                return Confirmed::Refused(Fault::Required);
            };
            match key {
                "m_type" => m.kind = MeasureType::parse(&choice).unwrap_or(m.kind),
                "m_provider" => m.provider = opt,
                "m_from" => match date {
                    Some(d) => m.from = d,
                    None => return Confirmed::Refused(Fault::Required),
                },
                "m_to" => m.to = date,
                "m_justification" => m.fipd_justification = opt,
                "m_group" => m.support_group = choice == "true",
                _ => {
                    let yes = crate::domain::enums::fold(&text);
                    match text.as_str() {
                        "" => {
                            m.fipd = false;
                            m.fipd_action = None;
                        }
                        _ if yes == "oui" || yes == "yes" => {
                            m.fipd = true;
                            m.fipd_action = None;
                        }
                        action => {
                            m.fipd = true;
                            m.fipd_action = Some(action.to_string());
                        }
                    }
                }
            }
        }
        _ => {}
    }
    verdict(c, lang)
}

/// Removes the item `i` of the measures.
pub fn remove_measure(draft: &Case, i: usize, lang: Lang) -> Confirmed {
    let mut c = draft.clone();
    if i < c.measures.len() {
        c.measures.remove(i);
    }
    verdict(c, lang)
}

/// Checks the case by the rules of its file: written, kept until the closure is
/// complete, or refused with the first fault's sentence.
fn verdict(c: Case, lang: Lang) -> Confirmed {
    let faults = case_rules::case_faults(&c);
    let (pending, refused): (Vec<_>, Vec<_>) = faults
        .into_iter()
        .partition(|(_, f)| matches!(f, CaseFault::ClosedNeedsDate | CaseFault::ClosedNeedsReason));
    if let Some((_, f)) = refused.into_iter().next() {
        return Confirmed::Refused(rule(f, lang));
    }
    if pending.is_empty() && !c.label.trim().is_empty() {
        Confirmed::Write(c)
    } else {
        Confirmed::Pending(c)
    }
}

/// Whether the form's field in focus is a choice (its letters filter, not edit).
pub fn is_choice(form: &Form) -> bool {
    form.focused()
        .is_some_and(|f| matches!(f.kind, Kind::Choice { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    fn case() -> Case {
        let mut c = Case::reported(
            "49-2026-001",
            "cpraf",
            CaseKind::Person,
            "M. A.",
            Source::Cnapr,
            day("2026-03-02"),
        );
        c.birth_year = Some(1990);
        c
    }

    fn bodies() -> Vec<(String, String)> {
        vec![("cpraf".into(), "CPRAF".into())]
    }

    fn at(form: &Form, key: &str) -> usize {
        form.fields
            .iter()
            .position(|f| f.key == key)
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn a_parenting_measure_says_whether_it_is_a_support_group_and_a_financed_one_why() {
        let today = day("2026-11-30");
        let mut c = case();
        c.measures.push(Measure {
            kind: MeasureType::ParentingSupport,
            provider: Some("Parents en chemin".into()),
            from: day("2026-04-01"),
            to: None,
            fipd: false,
            fipd_action: None,
            fipd_justification: None,
            support_group: false,
        });
        let form = case_form(&c, true, &bodies(), Lang::Fr, today);
        assert!(
            at(&form, "m_justification") == usize::MAX,
            "not financed: no justification"
        );
        let mut form = form;
        let i = at(&form, "m_group");
        if let Kind::Choice { selected, .. } = &mut form.fields[i].kind {
            *selected = 1;
        }
        let Confirmed::Write(w) = confirm(&form, i, &c, Lang::Fr) else {
            panic!("written");
        };
        assert!(w.measures[0].support_group);
        // Financed: its justification is offered and kept.
        let mut f = w.clone();
        f.measures[0].fipd = true;
        let mut form = case_form(&f, true, &bodies(), Lang::Fr, today);
        let i = at(&form, "m_justification");
        form.fields[i].input =
            crate::tui::input::LineInput::new("Suivi en milieu ouvert, résiduel");
        let Confirmed::Write(w) = confirm(&form, i, &f, Lang::Fr) else {
            panic!("written");
        };
        assert_eq!(
            w.measures[0].fipd_justification.as_deref(),
            Some("Suivi en milieu ouvert, résiduel")
        );
        // Another kind of measure: no support group.
        let mut o = c.clone();
        o.measures[0].kind = MeasureType::Insertion;
        let form = case_form(&o, true, &bodies(), Lang::Fr, today);
        assert_eq!(at(&form, "m_group"), usize::MAX);
    }

    #[test]
    fn fields_that_do_not_apply_are_not_offered() {
        let today = day("2026-11-30");
        let form = case_form(&case(), true, &bodies(), Lang::Fr, today);
        let keys: Vec<&str> = form.fields.iter().map(|f| f.key).collect();
        assert!(keys.contains(&"family_contacted_on"));
        assert!(!keys.contains(&"schooling"), "an adult has no schooling");
        assert!(!keys.contains(&"closure_reason"));
        let mut c = case();
        c.birth_year = Some(2012);
        let form = case_form(&c, true, &bodies(), Lang::Fr, today);
        assert!(form.fields.iter().any(|f| f.key == "schooling"));
        c.kind = CaseKind::Organisation;
        let form = case_form(&c, true, &bodies(), Lang::Fr, today);
        assert!(
            !form
                .fields
                .iter()
                .any(|f| f.key == "family_contacted_on" || f.key == "birth_year")
        );
        c.status = CaseStatus::Closed;
        let form = case_form(&c, true, &bodies(), Lang::Fr, today);
        assert!(form.fields.iter().any(|f| f.key == "closure_reason"));
    }

    #[test]
    fn a_value_the_rules_refuse_gets_the_sentence_of_validate() {
        let today = day("2026-11-30");
        let c = case();
        let mut form = case_form(&c, true, &bodies(), Lang::Fr, today);
        let i = at(&form, "birth_year");
        form.fields[i].input = crate::tui::input::LineInput::new("2030");
        let Confirmed::Refused(Fault::Rule(text)) = confirm(&form, i, &c, Lang::Fr) else {
            panic!("refused");
        };
        assert_eq!(text, Msg::YearOutOfRange { value: 2030 }.text(Lang::Fr));
        form.fields[i].input = crate::tui::input::LineInput::new("2009");
        assert!(
            matches!(confirm(&form, i, &c, Lang::Fr), Confirmed::Write(w) if w.birth_year == Some(2009))
        );
    }

    #[test]
    fn a_closure_waits_for_its_reason() {
        let today = day("2026-11-30");
        let c = case();
        let mut form = case_form(&c, true, &bodies(), Lang::Fr, today);
        let i = at(&form, "status");
        if let Kind::Choice { selected, .. } = &mut form.fields[i].kind {
            *selected = 3;
        }
        let Confirmed::Pending(p) = confirm(&form, i, &c, Lang::Fr) else {
            panic!("pending");
        };
        assert_eq!(p.closed_on, Some(today));
        let mut form = case_form(&p, true, &bodies(), Lang::Fr, today);
        let i = at(&form, "closure_reason");
        if let Kind::Choice { selected, .. } = &mut form.fields[i].kind {
            *selected = 4;
        }
        let Confirmed::Write(w) = confirm(&form, i, &p, Lang::Fr) else {
            panic!("written");
        };
        assert_eq!(w.closure_reason, Some(ClosureReason::Moved));
    }
}
