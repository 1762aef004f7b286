//! A hand-built département for the export tests: the Maine-et-Loire's CPRAF in
//! autumn 2026, with every kind of item, attendance and decision.
#![allow(dead_code)]

use cellule::domain::*;
use chrono::{NaiveDate, NaiveTime};

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

pub fn member(id: &str, name: &str, title: Option<&str>, organisation: &str) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        title: title.map(Into::into),
        organisation: organisation.into(),
        email: Some(format!("{id}@example.invalid")),
    }
}

pub fn case(id: &str, kind: CaseKind, label: &str, reported_on: &str) -> Case {
    Case {
        status: CaseStatus::Followed,
        ..Case::reported(id, "cpraf", kind, label, Source::Cnapr, day(reported_on))
    }
}

pub fn measure(kind: MeasureType, from: &str, to: Option<&str>, fipd: bool) -> Measure {
    Measure {
        kind,
        provider: Some("CMP Angers".into()),
        from: day(from),
        to: to.map(day),
        fipd,
        fipd_action: None,
        fipd_justification: None,
        support_group: false,
    }
}

pub fn meeting(id: &str, body: &str, date: &str, status: MeetingStatus) -> Meeting {
    Meeting {
        id: id.into(),
        body: body.into(),
        date: day(date),
        start: time("14:30"),
        place: Some("Préfecture, salle Bonaparte".into()),
        chair: "dircab".into(),
        status,
        attendance: Vec::new(),
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

pub fn present(member: &str) -> Attendance {
    Attendance {
        member: member.into(),
        status: AttendanceStatus::Present,
        by: None,
        for_information: false,
    }
}

pub fn attending(member: &str, status: AttendanceStatus, by: Option<&str>) -> Attendance {
    Attendance {
        member: member.into(),
        status,
        by: by.map(Into::into),
        for_information: false,
    }
}

pub fn action(text: &str, owner: &str, due: Option<&str>, done: Option<&str>) -> Action {
    Action {
        text: text.into(),
        owner: owner.into(),
        due: due.map(day),
        done_on: done.map(day),
    }
}

pub fn decided(case: &str, decision: Decision, next_review: Option<&str>) -> Item {
    let mut item = Item::case(case, Some(10));
    item.decision = Some(decision);
    item.next_review = next_review.map(day);
    item
}

/// The département 49 with its CPRAF and GTRDO.
pub fn department() -> Department {
    Department {
        code: "49".into(),
        name: "Maine-et-Loire".into(),
        authority: None,
        timezone: None,
        marking: None,
        members: vec![
            member(
                "dircab",
                "Claire Martin",
                Some("Directrice de cabinet"),
                "Préfecture",
            ),
            member(
                "cm",
                "Hugo Lambert",
                Some("Chargé de mission"),
                "Préfecture",
            ),
            member(
                "parquet",
                "Paul Henri",
                Some("Procureur de la République"),
                "Parquet d'Angers",
            ),
            member("ddsp", "Sophie Garnier", Some("Cheffe du SDRT"), "DDSP"),
            member(
                "dsden",
                "Marc Petit",
                Some("Référent radicalisation"),
                "DSDEN",
            ),
            member(
                "cd-ase",
                "Nadia Benali",
                Some("Responsable CRIP"),
                "Conseil départemental",
            ),
            member("ars", "Luc Moreau", None, "ARS"),
        ],
        bodies: vec![
            Body {
                id: "cpraf".into(),
                name: "Cellule de prévention de la radicalisation et d'accompagnement des familles"
                    .into(),
                short: None,
                chair: "dircab".into(),
                every_days: 30,
                quorum: None,
                review_every_days: Some(60),
                members: vec![
                    "dircab".into(),
                    "cm".into(),
                    "parquet".into(),
                    "ddsp".into(),
                    "dsden".into(),
                    "cd-ase".into(),
                    "ars".into(),
                ],
                decisions: Vec::new(),
            },
            Body {
                id: "gtrdo".into(),
                name: "Groupe de travail restreint à dimension opérationnelle — dérives sectaires"
                    .into(),
                short: None,
                chair: "dircab".into(),
                every_days: 365,
                quorum: None,
                review_every_days: None,
                members: vec!["dircab".into(), "parquet".into(), "ars".into()],
                decisions: Vec::new(),
            },
        ],
    }
}

/// The cases.
pub fn cases() -> Vec<Case> {
    let mut ab = case("49-2026-001", CaseKind::Person, "A.B.", "2026-03-02");
    ab.name = Some("Adam Bernard".into());
    ab.birth_year = Some(2010);
    ab.referent = Some(Referent {
        structure: "Association Horizons".into(),
        kind: ReferentType::Association,
        person: Some("M. Leroy".into()),
    });
    ab.measures = vec![
        measure(MeasureType::MentalHealth, "2026-04-01", None, true),
        measure(
            MeasureType::Education,
            "2026-05-01",
            Some("2026-11-10"),
            false,
        ),
    ];
    ab.notes = Some("Suivi scolaire fragile.\nPère peu disponible.".into());

    let mut fc = case("49-2026-002", CaseKind::Family, "Famille C.", "2026-05-20");
    fc.name = Some("Famille Carpentier".into());
    fc.referent = Some(Referent {
        structure: "Conseil départemental".into(),
        kind: ReferentType::LocalAuthority,
        person: Some("Mme Faure".into()),
    });
    fc.measures = vec![measure(
        MeasureType::ParentingSupport,
        "2026-06-01",
        None,
        true,
    )];

    let mut de = case("49-2026-003", CaseKind::Person, "D.E.", "2026-01-15");
    de.name = Some("Denis Etienne".into());
    de.birth_year = Some(1995);
    de.measures = vec![measure(MeasureType::Insertion, "2026-02-01", None, false)];

    let mut gh = case("49-2026-004", CaseKind::Person, "G.H.", "2026-11-05");
    gh.status = CaseStatus::Reported;
    gh.name = Some("Gaëlle Hamon".into());

    let mut old = case("49-2025-010", CaseKind::Person, "K.L.", "2025-09-01");
    old.birth_year = Some(2001);
    old.status = CaseStatus::Closed;
    old.closed_on = Some(day("2026-10-15"));
    old.closure_reason = Some(ClosureReason::Moved);

    let mut org = case(
        "49-2026-005",
        CaseKind::Organisation,
        "Cabinet V.",
        "2026-02-10",
    );
    org.body = "gtrdo".into();
    org.name = Some("Cabinet Vitalis".into());

    vec![old, ab, fc, de, gh, org]
}

/// The meetings.
pub fn meetings() -> Vec<Meeting> {
    let mut october = meeting(
        "2026-10-26-cpraf",
        "cpraf",
        "2026-10-26",
        MeetingStatus::Closed,
    );
    october.attendance = vec![present("dircab"), present("parquet"), present("cd-ase")];
    let mut i1 = decided("49-2026-001", Decision::Continue, Some("2026-11-30"));
    i1.actions = vec![
        action(
            "Proposer un rendez-vous à la famille",
            "cd-ase",
            Some("2026-11-15"),
            None,
        ),
        action(
            "Vérifier l'assiduité scolaire",
            "dsden",
            Some("2026-12-15"),
            None,
        ),
    ];
    let mut i2 = decided("49-2026-002", Decision::Orient, Some("2026-11-30"));
    i2.actions = vec![
        action(
            "Inscrire la famille au groupe de parole",
            "cd-ase",
            Some("2026-11-20"),
            Some("2026-11-18"),
        ),
        action(
            "Transmettre le bilan du CMP",
            "ars",
            Some("2026-11-25"),
            Some("2026-11-30"),
        ),
    ];
    october.items = vec![Item::topic("Tour de table", Some(10)), i1, i2];
    october.next_meeting = Some(day("2026-11-30"));

    let mut november = meeting(
        "2026-11-30-cpraf",
        "cpraf",
        "2026-11-30",
        MeetingStatus::Held,
    );
    november.attendance = vec![
        present("dircab"),
        present("cm"),
        attending(
            "parquet",
            AttendanceStatus::Represented,
            Some("Mme Roux, substitute"),
        ),
        present("ddsp"),
        attending("dsden", AttendanceStatus::Excused, None),
        present("cd-ase"),
        attending("ars", AttendanceStatus::Absent, None),
    ];
    november.guests = vec![Guest {
        name: "Jeanne Morel".into(),
        title: Some("Conseillère".into()),
        organisation: "Équipe mobile d'intervention".into(),
        status: AttendanceStatus::Present,
        by: None,
        email: None,
        for_information: false,
    }];
    let mut approval = Item::topic("Approbation du compte rendu du 26 octobre", Some(5));
    approval.notes = Some("Approuvé sans observation.".into());
    let mut ab = decided("49-2026-001", Decision::Continue, Some("2027-01-25"));
    ab.notes = Some("La famille adhère au suivi ; Adam Bernard reprend les cours.".into());
    ab.decision_text =
        Some("Maintien du suivi, orientation vers une consultation psychologique.".into());
    ab.actions = vec![action(
        "Organiser la consultation",
        "ars",
        Some("2026-12-15"),
        None,
    )];
    let mut de = decided("49-2026-003", Decision::Close, None);
    de.closure_reason = Some(ClosureReason::Disengagement);
    de.notes = Some("Denis Etienne a trouvé un emploi.".into());
    let mut fc = decided("49-2026-002", Decision::ChildProtection, Some("2026-12-28"));
    fc.decision_text = Some("Information préoccupante transmise à la CRIP.".into());
    let gh = Item::case("49-2026-004", Some(10));
    november.items = vec![
        approval,
        ab,
        de,
        fc,
        gh,
        Item::actions_review("Suivi des actions", Some(15)),
    ];
    november.difficulties = Some(
        "Délais de rendez-vous en CMP.\nPas de place en groupe de parole avant février.".into(),
    );
    november.next_meeting = Some(day("2026-12-28"));

    let mut december = meeting(
        "2026-12-28-cpraf",
        "cpraf",
        "2026-12-28",
        MeetingStatus::Convened,
    );
    december.items = vec![
        Item::topic("Approbation du compte rendu du 30 novembre", Some(5)),
        Item::case("49-2026-002", Some(15)),
        Item::case("49-2026-001", Some(10)),
        Item::actions_review("Suivi des actions", Some(10)),
    ];

    let mut gtrdo = meeting(
        "2026-11-12-gtrdo",
        "gtrdo",
        "2026-11-12",
        MeetingStatus::Held,
    );
    gtrdo.start = time("10:00");
    gtrdo.attendance = vec![present("dircab"), present("parquet"), present("ars")];
    gtrdo.items = vec![decided(
        "49-2026-005",
        Decision::Continue,
        Some("2027-05-12"),
    )];

    vec![october, gtrdo, november, december]
}

/// The whole département.
pub fn data() -> DeptData {
    DeptData {
        department: department(),
        cases: cases(),
        meetings: meetings(),
        programmes: Vec::new(),
    }
}
