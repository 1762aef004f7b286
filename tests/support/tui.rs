//! A fictional département built in code, and helpers to drive the interface with keys.
#![allow(dead_code)]

use cellule::domain::*;
use cellule::i18n::Lang;
use cellule::tui::screens::render;
use cellule::tui::{App, Effect, Key, handle_key};
use chrono::{NaiveDate, NaiveTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub const TODAY: &str = "2026-11-25";

fn member(id: &str, name: &str, title: &str, org: &str) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        title: Some(title.into()),
        organisation: org.into(),
        email: Some(format!("{id}@example.invalid")),
    }
}

fn case(id: &str, body: &str, kind: CaseKind, label: &str, status: CaseStatus) -> Case {
    Case {
        status,
        family_contacted_on: Some(day("2026-02-12")),
        ..Case::reported(id, body, kind, label, Source::Cnapr, day("2026-02-10"))
    }
}

fn referent(structure: &str, kind: ReferentType) -> Option<Referent> {
    Some(Referent {
        structure: structure.into(),
        kind,
        person: None,
    })
}

fn meeting(id: &str, body: &str, date: &str, status: MeetingStatus, members: &[&str]) -> Meeting {
    Meeting {
        id: id.into(),
        body: body.into(),
        date: day(date),
        start: NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
        place: Some("Préfecture, salle Rabelais".into()),
        chair: "dircab".into(),
        status,
        attendance: members
            .iter()
            .map(|m| Attendance {
                member: m.to_string(),
                status: if status.is_held() {
                    AttendanceStatus::Present
                } else {
                    AttendanceStatus::Invited
                },
                by: None,
                for_information: false,
            })
            .collect(),
        guests: Vec::new(),
        items: Vec::new(),
        difficulties: None,
        next_meeting: None,
        details: Default::default(),
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
    }
}

/// The fictional Maine-et-Loire of the tests: two bodies, seven cases, four meetings.
pub fn fixture() -> DeptData {
    let cpraf_members = ["dircab", "parquet", "cd-ase", "dasen", "ars"];
    let department = Department {
        code: "49".into(),
        name: "Maine-et-Loire".into(),
        authority: None,
        timezone: None,
        marking: None,
        members: vec![
            member(
                "dircab",
                "Claire Fontaine",
                "Directrice de cabinet",
                "Préfecture",
            ),
            member("parquet", "Marc Lenoir", "Substitut", "Parquet d'Angers"),
            member(
                "cd-ase",
                "Nadia Roux",
                "Cheffe de service",
                "Conseil départemental, ASE",
            ),
            member("dasen", "Paul Girard", "Conseiller", "DSDEN"),
            member(
                "ars",
                "Inès Morel",
                "Médecin",
                "ARS, délégation départementale",
            ),
        ],
        bodies: vec![
            Body {
                id: "cpraf".into(),
                name: "Cellule de suivi (CPRAF)".into(),
                short: None,
                chair: "dircab".into(),
                every_days: 30,
                quorum: None,
                review_every_days: Some(60),
                members: cpraf_members.iter().map(|s| s.to_string()).collect(),
                decisions: Vec::new(),
            },
            Body {
                id: "gtrdo".into(),
                name: "GTRDO".into(),
                short: None,
                chair: "dircab".into(),
                every_days: 365,
                quorum: None,
                review_every_days: None,
                members: vec!["dircab".into(), "ars".into(), "dasen".into()],
                decisions: Vec::new(),
            },
        ],
    };

    let mut c1 = case(
        "49-2026-001",
        "cpraf",
        CaseKind::Person,
        "A.B.",
        CaseStatus::Followed,
    );
    c1.name = Some("Adam Bernard".into());
    c1.birth_year = Some(2009);
    c1.referent = referent("Association Horizon", ReferentType::Association);
    c1.measures = vec![Measure {
        kind: MeasureType::MentalHealth,
        provider: Some("CMP d'Angers".into()),
        from: day("2026-04-01"),
        to: None,
        fipd: true,
        fipd_action: None,
        fipd_justification: None,
        support_group: false,
    }];
    c1.notes = Some("La famille adhère au suivi.\nRendez-vous mensuels.".into());
    let mut c2 = case(
        "49-2026-002",
        "cpraf",
        CaseKind::Family,
        "Famille C.",
        CaseStatus::Followed,
    );
    c2.referent = referent("PJJ de Maine-et-Loire", ReferentType::StateService);
    c2.measures = vec![Measure {
        kind: MeasureType::ParentingSupport,
        provider: Some("Groupe de parole".into()),
        from: day("2026-05-01"),
        to: Some(day("2026-10-31")),
        fipd: false,
        fipd_action: None,
        fipd_justification: None,
        support_group: false,
    }];
    let mut c3 = case(
        "49-2026-003",
        "cpraf",
        CaseKind::Person,
        "D.É.",
        CaseStatus::Reported,
    );
    c3.reported_on = day("2026-11-02");
    c3.family_contacted_on = None;
    let mut c4 = case(
        "49-2026-004",
        "cpraf",
        CaseKind::Person,
        "李 W. 🎉",
        CaseStatus::Followed,
    );
    c4.next_review = Some(day("2027-01-15"));
    let mut c5 = case(
        "49-2026-005",
        "cpraf",
        CaseKind::Person,
        "E.\u{1b}[31mF.",
        CaseStatus::Assessed,
    );
    c5.reported_on = day("2026-11-15");
    let mut c6 = case(
        "49-2026-006",
        "cpraf",
        CaseKind::Person,
        "G.H.",
        CaseStatus::Closed,
    );
    c6.closed_on = Some(day("2026-06-30"));
    c6.closure_reason = Some(ClosureReason::Moved);
    let mut c7 = case(
        "49-2026-007",
        "gtrdo",
        CaseKind::Organisation,
        "Cabinet « Énergie vitale »",
        CaseStatus::Followed,
    );
    c7.referent = referent("ARS", ReferentType::StateService);
    c7.next_review = Some(day("2027-03-01"));

    let mut october = meeting(
        "2026-10-28-cpraf",
        "cpraf",
        "2026-10-28",
        MeetingStatus::Held,
        &cpraf_members,
    );
    october.items.push(Item::topic(
        "Approbation du compte rendu du 30 septembre",
        Some(5),
    ));
    let mut i1 = Item::case("49-2026-001", Some(10));
    i1.decision = Some(Decision::Continue);
    i1.decision_text = Some("Maintien du suivi psychologique.".into());
    i1.next_review = Some(day("2026-11-20"));
    i1.actions.push(cellule::domain::Action {
        text: "Proposer un rendez-vous à la famille".into(),
        owner: "cd-ase".into(),
        due: Some(day("2026-11-15")),
        done_on: None,
    });
    october.items.push(i1);
    let mut i2 = Item::case("49-2026-002", Some(10));
    i2.decision = Some(Decision::Orient);
    i2.decision_text = Some("Orientation vers un groupe de parole.".into());
    i2.next_review = Some(day("2026-12-03"));
    october.items.push(i2);

    let mut september = meeting(
        "2026-09-30-cpraf",
        "cpraf",
        "2026-09-30",
        MeetingStatus::Closed,
        &cpraf_members,
    );
    let mut i0 = Item::case("49-2026-001", Some(10));
    i0.decision = Some(Decision::ChangeReferent);
    i0.next_review = Some(day("2026-10-28"));
    september.items.push(i0);

    let mut december = meeting(
        "2026-12-02-cpraf",
        "cpraf",
        "2026-12-02",
        MeetingStatus::Draft,
        &cpraf_members,
    );
    december.items.push(Item::topic(
        "Approbation du compte rendu du 28 octobre",
        Some(5),
    ));

    let gtrdo = meeting(
        "2025-10-01-gtrdo",
        "gtrdo",
        "2025-10-01",
        MeetingStatus::Closed,
        &["dircab", "ars", "dasen"],
    );

    DeptData {
        department,
        cases: vec![c1, c2, c3, c4, c5, c6, c7],
        meetings: vec![gtrdo, september, october, december],
        programmes: Vec::new(),
    }
}

pub fn problems() -> Vec<String> {
    vec![
        "cases/49-2026-008.yaml:4:1: clé inconnue « next_reveiw » ; vouliez-vous dire « next_review » ?".into(),
    ]
}

pub fn app(lang: Lang) -> App {
    App::new(fixture(), problems(), lang, day(TODAY))
}

/// Presses keys written as text: each character is a key, `<Name>` a named key
/// (`<Enter>`, `<Esc>`, `<Ctrl-r>`, `<Tab>`...). Returns every effect.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let key = if c == '<' && rest.contains('>') && rest.len() > 1 {
            let end = rest.find('>').unwrap();
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            Key::parse(name).unwrap_or_else(|| panic!("unknown key <{name}>"))
        } else {
            rest = &rest[c.len_utf8()..];
            Key::char(c)
        };
        effects.extend(handle_key(app, key));
    }
    effects
}

/// The screen as text.
pub fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    terminal.backend().to_string()
}

/// The screen as plain lines (no quotes, wide characters counted once), for the guide.
pub fn plain(app: &App, width: u16, height: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen as plain lines and what the mouse can point at on it (the zones the drawing
/// recorded), as the runtime keeps them between two drawings.
pub fn drawn(app: &App, width: u16, height: u16) -> (String, cellule::tui::hit::HitMap) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut hits = Default::default();
    terminal
        .draw(|f| hits = cellule::tui::screens::render_hits(app, f))
        .unwrap();
    (plain(app, width, height), hits)
}

/// The day the demo is shown on in the tests and the guide (`CELLULE_TODAY=2026-12-14`): the
/// day of the CPRAF meeting that follows the demo's last one.
pub const DEMO_TODAY: &str = "2026-12-14";

/// The bundled demo (`fixtures/demo/`, what `cellule demo` copies and opens), loaded.
pub fn demo_data() -> DeptData {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let loaded = cellule::store::load_root(&root).expect("the demo loads");
    assert!(!loaded.has_errors(), "the demo has problems");
    loaded.dept("49").expect("département 49").data.clone()
}

/// The interface on the demo as `cellule demo` opens it (default keys, no problem) on
/// [`DEMO_TODAY`].
pub fn demo_app(lang: Lang) -> App {
    let options = cellule::tui::Options {
        lang,
        today: Some(day(DEMO_TODAY)),
        ..Default::default()
    };
    cellule::tui::prepare(demo_data(), Vec::new(), &options, None).unwrap()
}
