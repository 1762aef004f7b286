//! Unit tests of the decoding rules: each file on its own, messages with positions.

use super::decode_case::decode_case;
use super::decode_department::decode_department;
use super::decode_meeting::decode_meeting;
use super::problem::{MAX_PROBLEMS_PER_FILE, Sink};
use super::yaml;
use crate::domain::*;
use crate::i18n::{Lang, Msg};

/// Decodes `src` and renders its problems as `line:column: message` (French).
fn run<T>(src: &str, decode: fn(&yaml::Node, &mut Sink) -> Option<T>) -> (Option<T>, Vec<String>) {
    let value = yaml::read(src).expect("test YAML parses");
    let mut sink = Sink::default();
    let decoded = decode(&value, &mut sink);
    let lines = sink
        .into_problems("f", src)
        .into_iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.msg.text(Lang::Fr)))
        .collect();
    (decoded, lines)
}

const CASE: &str = "id: c1\nbody: cpraf\nkind: person\nlabel: A.B.\nreported_on: 2026-03-02\nsource: cnapr\nstatus: followed\n";

const MEETING: &str = "id: m1\nbody: cpraf\ndate: 2026-11-30\nstart: \"14:30\"\nchair: dircab\nstatus: draft\nattendance: []\nitems: []\n";

const DEPT: &str = "code: \"49\"\nname: Maine-et-Loire\nmembers:\n  - id: dircab\n    name: J. K.\n    organisation: Préfecture\nbodies:\n  cpraf:\n    name: Cellule\n    chair: dircab\n    every_days: 30\n    members: [dircab]\n";

#[test]
fn a_minimal_case_decodes_with_defaults() {
    let (c, problems) = run(CASE, decode_case);
    assert_eq!(problems, Vec::<String>::new());
    let c = c.unwrap();
    assert_eq!(c.justice, Justice::None);
    assert!(!c.returnee_minor);
    assert!(c.measures.is_empty());
    assert_eq!(c.status, CaseStatus::Followed);
}

#[test]
fn french_labels_are_read_in_case_and_meeting_files() {
    let src = "id: c1\nbody: cpraf\nkind: personne\nlabel: A.B.\nreported_on: 2026-03-02\nsource: éducation nationale\nstatus: clos\nreferent:\n  structure: PJJ\n  type: service de l'État\njustice: milieu ouvert\nschooling: instruction en famille\nmeasures:\n  - type: santé mentale\n    from: 2026-03-10\nclosed_on: 2026-06-01\nclosure_reason: désengagement\n";
    let (c, problems) = run(src, decode_case);
    assert_eq!(problems, Vec::<String>::new());
    let c = c.unwrap();
    assert_eq!(c.kind, CaseKind::Person);
    assert_eq!(c.status, CaseStatus::Closed);
    assert_eq!(c.source, Source::Education);
    assert_eq!(c.referent.map(|r| r.kind), Some(ReferentType::StateService));
    assert_eq!(c.justice, Justice::OpenEnvironment);
    assert_eq!(c.schooling, Some(Schooling::Home));
    assert_eq!(c.measures[0].kind, MeasureType::MentalHealth);
    assert_eq!(c.closure_reason, Some(ClosureReason::Disengagement));
    let src = MEETING.replace("status: draft", "status: brouillon").replace(
        "items: []\n",
        "items:\n  - kind: situation\n    case: c1\n    decision: fin du suivi\n    closure_reason: départ\n",
    );
    let (m, problems) = run(&src, decode_meeting);
    assert_eq!(problems, Vec::<String>::new());
    let m = m.unwrap();
    assert_eq!(m.status, MeetingStatus::Draft);
    assert_eq!(m.items[0].decision, Some(Decision::Close));
}

#[test]
fn numbers_and_texts_are_read_by_their_text() {
    // A label YAML reads as a number, a quoted year, a quoted boolean, an empty note.
    let src = CASE.replace("label: A.B.", "label: 12")
        + "birth_year: \"2009\"\nreturnee_minor: \"true\"\nnotes:\n";
    let (c, problems) = run(&src, decode_case);
    assert!(problems.is_empty(), "{problems:?}");
    let c = c.unwrap();
    assert_eq!(c.label, "12");
    assert_eq!(c.birth_year, Some(2009));
    assert!(c.returnee_minor);
    assert_eq!(c.notes, None);
}

#[test]
fn yes_and_no_are_not_booleans() {
    let (_, problems) = run(&(CASE.to_string() + "returnee_minor: yes\n"), decode_case);
    assert_eq!(
        problems,
        ["8:17: « returnee_minor » doit être true ou false"]
    );
}

#[test]
fn nested_unknown_keys_are_reported_with_a_suggestion() {
    let src = CASE.to_string()
        + "referent:\n  structure: Horizons\n  typ: association\nmeasures:\n  - type: other\n    from: 2026-04-01\n    fpid: true\n";
    let (_, problems) = run(&src, decode_case);
    assert_eq!(
        problems,
        [
            "10:3: clé inconnue « typ » (vouliez-vous dire « type » ?)",
            "8:1: clé obligatoire absente : « type »",
            "14:5: clé inconnue « fpid » (vouliez-vous dire « fipd » ?)",
        ]
    );
}

#[test]
fn an_empty_required_value_is_pointed_at_its_key() {
    let src = CASE.replace("label: A.B.", "label:");
    let (c, problems) = run(&src, decode_case);
    assert!(c.is_none());
    assert_eq!(problems, ["4:1: « label » est vide"]);
}

#[test]
fn a_closed_case_decodes_with_its_closure() {
    let src = CASE.replace("status: followed", "status: closed")
        + "closed_on: 2026-10-02\nclosure_reason: moved\n";
    let (c, problems) = run(&src, decode_case);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.unwrap().closure_reason, Some(ClosureReason::Moved));
}

#[test]
fn a_birth_year_after_the_signalement_is_refused() {
    let (_, problems) = run(&(CASE.to_string() + "birth_year: 2027\n"), decode_case);
    assert_eq!(problems, ["8:13: année de naissance 2027 improbable"]);
    let (_, problems) = run(&(CASE.to_string() + "birth_year: 1850\n"), decode_case);
    assert_eq!(problems, ["8:13: année de naissance 1850 improbable"]);
    let (_, problems) = run(&(CASE.to_string() + "birth_year: 2026\n"), decode_case);
    assert!(problems.is_empty());
}

#[test]
fn a_file_that_is_not_a_mapping_is_refused() {
    let (c, problems) = run("- a\n- b\n", decode_case);
    assert!(c.is_none());
    assert_eq!(
        problems,
        ["1:1: « case » doit être des clés « clé: valeur »"]
    );
}

#[test]
fn a_minimal_meeting_decodes() {
    let (m, problems) = run(MEETING, decode_meeting);
    assert!(problems.is_empty(), "{problems:?}");
    let m = m.unwrap();
    assert_eq!(m.start, chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    assert!(m.items.is_empty());
}

#[test]
fn an_unquoted_time_is_accepted() {
    let (m, problems) = run(&MEETING.replace("\"14:30\"", "9:05"), decode_meeting);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(m.map(|m| m.start), chrono::NaiveTime::from_hms_opt(9, 5, 0));
}

#[test]
fn attendance_and_items_are_required() {
    let src = MEETING
        .replace("attendance: []\n", "")
        .replace("items: []\n", "");
    let (_, problems) = run(&src, decode_meeting);
    assert_eq!(
        problems,
        [
            "1:1: clé obligatoire absente : « attendance »",
            "1:1: clé obligatoire absente : « items »",
        ]
    );
}

#[test]
fn item_fields_follow_their_kind() {
    let src = MEETING.replace(
        "items: []\n",
        "items:\n  - kind: actions\n    decision: continue\n    next_review: 2027-01-01\n  - kind: case\n    case: ../x\n    closure_reason: moved\n  - kind: speech\n",
    );
    let (m, problems) = run(&src, decode_meeting);
    assert!(
        m.is_none(),
        "an item that fails leaves the meeting undecoded"
    );
    assert_eq!(
        problems,
        [
            "10:5: « decision » n'est pas permis pour un point de type « actions »",
            "11:5: « next_review » n'est pas permis pour un point de type « actions »",
            "13:11: « case » : identifiant « ../x » invalide (1 à 64 caractères parmi A-Z, a-z, 0-9, _ et -, sans - au début)",
            "14:5: closure_reason n'est permis qu'avec la décision close",
            "15:11: valeur « speech » non permise pour « kind » ; valeurs permises : « sujet » ou « topic », « situation » ou « case », « actions »",
        ]
    );
}

#[test]
fn guests_follow_the_rules_of_attendance() {
    let src = MEETING.to_string()
        + "guests:\n  - name: Jeanne Morel\n    organisation: Miviludes\n    status: represented\n";
    let (_, problems) = run(&src, decode_meeting);
    assert_eq!(
        problems,
        ["12:13: status represented exige by (par qui le membre est représenté)"]
    );
}

#[test]
fn next_meeting_comes_after_the_meeting() {
    let (_, problems) = run(
        &(MEETING.to_string() + "next_meeting: 2026-11-01\n"),
        decode_meeting,
    );
    assert_eq!(
        problems,
        ["9:15: « next_meeting » (2026-11-01) est antérieur à « date » (2026-11-30)"]
    );
}

#[test]
fn negative_or_text_timeboxes_are_refused() {
    let src = MEETING.replace(
        "items: []\n",
        "items:\n  - kind: topic\n    title: T\n    minutes: -5\n  - kind: topic\n    title: U\n    minutes: dix\n",
    );
    let (_, problems) = run(&src, decode_meeting);
    assert_eq!(
        problems,
        [
            "11:14: « minutes » doit être un nombre entier positif",
            "14:14: « minutes » doit être un nombre entier positif",
        ]
    );
}

#[test]
fn a_minimal_department_decodes() {
    let (d, problems) = run(DEPT, decode_department);
    assert!(problems.is_empty(), "{problems:?}");
    let d = d.unwrap();
    assert_eq!(d.bodies.len(), 1);
    assert_eq!(d.timezone, None);
    assert_eq!(d.time_zone(), chrono_tz::Europe::Paris);
}

#[test]
fn an_unquoted_code_is_read_as_its_text() {
    let (d, problems) = run(&DEPT.replace("\"49\"", "49"), decode_department);
    assert!(problems.is_empty());
    assert_eq!(d.unwrap().code, "49");
}

#[test]
fn department_rules() {
    let src = DEPT
        .replace("every_days: 30", "every_days: 0")
        .replace("members: [dircab]", "members: [dircab, dircab, parquet]")
        + "  Bad Body:\n    name: X\n    chair: dircab\n    every_days: 1\n    members: []\n";
    let (_, problems) = run(&src, decode_department);
    assert_eq!(
        problems,
        [
            "11:17: « every_days » doit être un nombre entier positif",
            "12:23: « members » : « dircab » figure deux fois",
            "12:31: « members » : membre « parquet » absent de l'annuaire (members de department.yaml)",
            "13:3: « bodies » : identifiant « Bad Body » invalide (1 à 32 caractères parmi a-z, 0-9 et -)",
        ]
    );
}

#[test]
fn a_body_states_its_quorum_with_members_of_the_directory() {
    let src = DEPT.to_string() + "    quorum: {required: [dircab], min_organisations: 3}\n";
    let (d, problems) = run(&src, decode_department);
    assert!(problems.is_empty(), "{problems:?}");
    let quorum = d.unwrap().bodies[0].quorum.clone().unwrap();
    assert_eq!(quorum.required, vec!["dircab".to_string()]);
    assert_eq!(quorum.min_organisations, 3);
    let src =
        DEPT.to_string() + "    quorum:\n      required: [parquet]\n      min_organisations: -1\n";
    let (_, problems) = run(&src, decode_department);
    assert_eq!(
        problems,
        [
            "14:18: « required » : membre « parquet » absent de l'annuaire (members de department.yaml)",
            "15:26: « min_organisations » doit être un nombre entier positif",
        ]
    );
}

#[test]
fn a_body_lists_each_decision_once_and_each_required_member_once() {
    let src = DEPT.to_string()
        + "    decisions: [continue, close, continue, nope, [x]]\n    quorum: {required: [dircab, dircab]}\n";
    let (d, problems) = run(&src, decode_department);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems[0],
        "13:34: « decisions » : « continue » figure deux fois"
    );
    assert!(
        problems[1].starts_with("13:44: valeur « nope » non permise pour « decisions »"),
        "{problems:?}"
    );
    assert!(
        problems[2].starts_with("13:50: « decisions »"),
        "{problems:?}"
    );
    assert!(d.is_some());
    let src = DEPT.to_string()
        + "    decisions: [continue, close]\n    quorum: {required: [dircab, dircab]}\n";
    let (d, problems) = run(&src, decode_department);
    assert!(problems.is_empty(), "{problems:?}");
    let body = &d.unwrap().bodies[0];
    assert_eq!(body.decisions, vec![Decision::Continue, Decision::Close]);
    assert_eq!(
        body.quorum.as_ref().unwrap().required,
        vec!["dircab".to_string()]
    );
}

#[test]
fn thousands_of_unknown_keys_give_the_first_ones_whole_and_a_count_of_the_others() {
    let keys: String = (0..8000)
        .map(|n| format!("cle_inconnue_{n}: x\n"))
        .collect();
    // A typo among the recorded ones still gets its suggestion.
    let src = format!("{CASE}labell: x\n{keys}");
    let (node, marks) = yaml::read_marked(&src).expect("test YAML parses");
    let mut sink = Sink::default();
    assert!(decode_case(&node, &mut sink).is_some());
    assert_eq!(sink.pending.len(), MAX_PROBLEMS_PER_FILE);
    assert_eq!(sink.omitted, 8001 - MAX_PROBLEMS_PER_FILE);
    sink.place(&src, &node, &marks);
    let problems = sink.into_problems("49/cases/c1.yaml", &src);
    assert_eq!(problems.len(), MAX_PROBLEMS_PER_FILE + 1);
    assert_eq!(
        problems[0].render(Lang::Fr),
        "49/cases/c1.yaml:8:1: clé inconnue « labell » (vouliez-vous dire « label » ?)"
    );
    for (n, p) in problems[1..MAX_PROBLEMS_PER_FILE].iter().enumerate() {
        assert_eq!((p.line, p.column), (9 + n, 1), "{p:?}");
        assert_eq!(
            p.msg,
            Msg::UnknownKey {
                key: format!("cle_inconnue_{n}"),
                suggestion: None
            }
        );
    }
    let rest = &problems[MAX_PROBLEMS_PER_FILE];
    assert_eq!(rest.msg, Msg::MoreInFile { more: 7951 });
    assert_eq!(rest.weight(), 7951);
    assert_eq!(
        rest.render(Lang::Fr),
        "49/cases/c1.yaml: … et 7951 autres problèmes dans ce fichier, non affichés"
    );
}
