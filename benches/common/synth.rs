//! Synthetic data at any scale: départements, cases and meetings that validate clean.
//!
//! Shared by `examples/generate.rs` (the command), the benchmarks and the tests. Every
//! value comes from a small deterministic generator (splitmix64) seeded by the seed and
//! the département code, so that one seed always gives the same bytes, whatever the
//! number of threads. Cases and meetings are written with the store's own encoders
//! (`new_case_yaml`, `meeting_to_yaml`); `department.yaml` is written by hand.
//!
//! The data is fictional: names are drawn from short lists, e-mails end in
//! `@example.invalid`.

#![allow(dead_code)]

use cellule::domain::departements::{self, DeptInfo};
use cellule::domain::starter;
use cellule::domain::{
    Action, Attendance, AttendanceStatus, Case, CaseKind, CaseStatus, ClosureReason, Decision,
    Guest, Item, Justice, Measure, MeasureType, Meeting, MeetingStatus, Referent, ReferentType,
    Schooling, Source,
};
use cellule::store::{meeting_to_yaml, new_case_yaml};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// The first N codes of the official table (101 = every département).
    pub departments: usize,
    pub cases_per_dept: usize,
    /// Months of meetings, ending with the month of [`LAST_MONTH`].
    pub months: u32,
    pub seed: u64,
}

impl Profile {
    /// 101 départements, 500 cases each, 24 months of meetings.
    pub const NATIONAL: Profile = Profile {
        departments: 101,
        cases_per_dept: 500,
        months: 24,
        seed: 1,
    };

    /// One line that names the profile (written to `<out>/.generated`).
    pub fn describe(&self) -> String {
        format!(
            "departments={} cases-per-dept={} months={} seed={}",
            self.departments, self.cases_per_dept, self.months, self.seed
        )
    }
}

/// The day the data is "as of": cases are reported up to it.
pub const TODAY: (i32, u32, u32) = (2026, 11, 25);
/// The month of the last meeting (convened, after [`TODAY`]).
pub const LAST_MONTH: (i32, u32) = (2026, 12);

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub departments: usize,
    pub cases: usize,
    pub meetings: usize,
    pub files: usize,
    pub bytes: u64,
}

impl Summary {
    fn add(&mut self, other: &Summary) {
        self.departments += other.departments;
        self.cases += other.cases;
        self.meetings += other.meetings;
        self.files += other.files;
        self.bytes += other.bytes;
    }
}

/// Why a profile cannot be generated.
#[derive(Debug)]
pub enum GenError {
    TooManyDepartments { asked: usize, known: usize },
    NotEmpty(String),
    Io(String, io::Error),
}

impl std::fmt::Display for GenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenError::TooManyDepartments { asked, known } => {
                write!(f, "{asked} départements asked, {known} codes known")
            }
            GenError::NotEmpty(p) => write!(f, "{p}: the folder is not empty"),
            GenError::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

/// The codes of a profile: the first N of the official table.
pub fn codes(profile: &Profile) -> Result<&'static [DeptInfo], GenError> {
    let all = departements::all();
    all.get(..profile.departments)
        .ok_or(GenError::TooManyDepartments {
            asked: profile.departments,
            known: all.len(),
        })
}

/// Writes the profile into `out` (created; it must be empty if it exists), using
/// `threads` threads. Each département is written by one thread.
pub fn generate(out: &Path, profile: &Profile, threads: usize) -> Result<Summary, GenError> {
    let infos = codes(profile)?;
    let io_err = |p: &Path| {
        let p = p.display().to_string();
        move |e| GenError::Io(p, e)
    };
    // Closed to the other users of the machine, as the app makes its folders.
    cellule::store::create_private_dir(out).map_err(io_err(out))?;
    if fs::read_dir(out).map_err(io_err(out))?.next().is_some() {
        return Err(GenError::NotEmpty(out.display().to_string()));
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Summary, GenError>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut sum = Summary::default();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(info) = infos.get(i) else {
                            return Ok(sum);
                        };
                        sum.add(&write_dept(out, info, profile)?);
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(GenError::Io(
                        out.display().to_string(),
                        io::Error::other("a writer thread failed"),
                    ))
                })
            })
            .collect()
    });
    let mut total = Summary::default();
    for r in results {
        total.add(&r?);
    }
    let marker = out.join(".generated");
    fs::write(&marker, format!("{}\n", profile.describe())).map_err(io_err(&marker))?;
    Ok(total)
}

fn write_dept(out: &Path, info: &DeptInfo, profile: &Profile) -> Result<Summary, GenError> {
    let files = dept_files(info, profile);
    let mut sum = Summary {
        departments: 1,
        ..Summary::default()
    };
    for sub in ["cases", "meetings"] {
        let dir = out.join(info.code).join(sub);
        cellule::store::create_private_dir(&dir)
            .map_err(|e| GenError::Io(dir.display().to_string(), e))?;
    }
    for (rel, text) in &files {
        let path = out.join(rel);
        fs::write(&path, text).map_err(|e| GenError::Io(path.display().to_string(), e))?;
        sum.files += 1;
        sum.bytes += text.len() as u64;
        if rel.contains("/cases/") {
            sum.cases += 1;
        } else if rel.contains("/meetings/") {
            sum.meetings += 1;
        }
    }
    Ok(sum)
}

/// Every file of one département, as (path relative to the data root, text).
pub fn dept_files(info: &DeptInfo, profile: &Profile) -> Vec<(String, String)> {
    let data = dept_data(info, profile);
    let mut files = Vec::with_capacity(1 + data.cases.len() + data.meetings.len());
    files.push((format!("{}/department.yaml", info.code), data.department));
    for c in &data.cases {
        files.push((
            format!("{}/cases/{}.yaml", info.code, c.id),
            new_case_yaml(c),
        ));
    }
    for m in &data.meetings {
        files.push((
            format!("{}/meetings/{}.yaml", info.code, m.id),
            meeting_to_yaml(m),
        ));
    }
    files
}

/// One département's generated values: the text of its `department.yaml`, its cases
/// and its meetings.
pub struct DeptSynth {
    pub department: String,
    pub cases: Vec<Case>,
    pub meetings: Vec<Meeting>,
}

/// Generates one département's values.
pub fn dept_data(info: &DeptInfo, profile: &Profile) -> DeptSynth {
    let mut rng = Rng::new(profile.seed ^ fnv(info.code));
    let department = department_yaml(info, &mut rng);
    let cases = cases(info.code, profile.cases_per_dept, profile.months, &mut rng);
    let meetings = meetings(&cases, profile.months, &mut rng);
    DeptSynth {
        department,
        cases,
        meetings,
    }
}

// ---------------------------------------------------------------------------------
// The generator of numbers.

/// splitmix64: small, fast, and good enough for synthetic data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One of `items`, each weighted.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut n = self.below(total);
        for (item, w) in items {
            if n < *w {
                return *item;
            }
            n -= w;
        }
        items[items.len() - 1].0
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

// ---------------------------------------------------------------------------------
// Dates.

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn today() -> NaiveDate {
    ymd(TODAY.0, TODAY.1, TODAY.2)
}

fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(d)
    }
}

/// The first day of the month `back` months before [`LAST_MONTH`].
fn month_start(back: u32) -> NaiveDate {
    let index = LAST_MONTH.0 * 12 + LAST_MONTH.1 as i32 - 1 - back as i32;
    ymd(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// The first Tuesday, Wednesday or Thursday on or after `d`.
fn weekday_on_or_after(mut d: NaiveDate) -> NaiveDate {
    while !matches!(d.weekday(), Weekday::Tue | Weekday::Wed | Weekday::Thu) {
        d = plus(d, 1);
    }
    d
}

fn french_date(d: NaiveDate) -> String {
    let month = cellule::i18n::export::month_name(cellule::i18n::Lang::Fr, d.month());
    format!("{} {month} {}", d.day(), d.year())
}

// ---------------------------------------------------------------------------------
// Words.

const FIRST: &[&str] = &[
    "Adam", "Inès", "Lucas", "Léa", "Yanis", "Chloé", "Nathan", "Manon", "Rayan", "Camille",
    "Hugo", "Sarah", "Mehdi", "Emma", "Théo", "Jade", "Karim", "Lina", "Enzo", "Zoé", "Bilal",
    "Clara", "Noah", "Anaïs", "Samir", "Louise", "Tom", "Maëlys", "Ilyes", "Juliette",
];
const LAST: &[&str] = &[
    "Bernard",
    "Moreau",
    "Lefèvre",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
];
const ORGS: &[&str] = &[
    "Association Les Sources vives",
    "Groupe de développement personnel Harmonie",
    "Collectif Éveil intérieur",
    "Cercle des énergies nouvelles",
    "Communauté du Chemin clair",
    "Centre de bien-être Aurore",
];
const REFERENTS: &[(&str, ReferentType)] = &[
    ("Association Horizons", ReferentType::Association),
    ("Association Entr'aide jeunesse", ReferentType::Association),
    ("Maison des adolescents", ReferentType::Association),
    ("PJJ — UEMO", ReferentType::StateService),
    ("SPIP — antenne locale", ReferentType::StateService),
    ("Conseil départemental — ASE", ReferentType::LocalAuthority),
    ("CCAS de la ville-centre", ReferentType::LocalAuthority),
];
const PROVIDERS: &[(MeasureType, &str)] = &[
    (MeasureType::MentalHealth, "CMP infanto-juvénile"),
    (
        MeasureType::MentalHealth,
        "Consultation psychologique (FIPD)",
    ),
    (MeasureType::Education, "Programme éducatif PJJ"),
    (
        MeasureType::Insertion,
        "Mission locale — contrat d'engagement jeune",
    ),
    (MeasureType::Insertion, "Chantier éducatif d'été"),
    (
        MeasureType::ParentingSupport,
        "Groupe de parole des parents",
    ),
    (MeasureType::MobileTeam, "Équipe mobile d'intervention"),
    (MeasureType::Other, "Accompagnement sportif"),
];
const CASE_NOTES: &[&str] = &[
    "Signalement pour propos favorables à des actions violentes sur un réseau social.",
    "Rupture familiale récente ; la mère demande de l'aide.",
    "Fréquentations inquiétantes signalées par l'établissement scolaire.",
    "Isolement progressif et rejet des activités collectives.",
    "Adhésion à un groupe qui impose une rupture avec l'entourage.",
    "Situation stable ; le jeune reprend une formation.",
];
const ITEM_NOTES: &[&str] = &[
    "Le référent fait état d'une évolution favorable.",
    "La famille adhère au suivi ; rendez-vous réguliers.",
    "Absences répétées aux rendez-vous ; relance nécessaire.",
    "Le parquet indique qu'une enquête est en cours.",
    "Reprise de la scolarité confirmée par la DSDEN.",
    "Inquiétude persistante de l'entourage.",
];
const DECISION_TEXTS: &[(Decision, &str)] = &[
    (
        Decision::Continue,
        "Maintien du suivi dans les conditions actuelles.",
    ),
    (
        Decision::Orient,
        "Orientation vers une consultation psychologique.",
    ),
    (
        Decision::ChangeReferent,
        "Changement de référent de parcours.",
    ),
    (
        Decision::ReportToProsecutor,
        "Signalement au parquet (article 40).",
    ),
    (
        Decision::ChildProtection,
        "Information préoccupante transmise à la CRIP.",
    ),
    (Decision::BackToGed, "Retour au GED pour évaluation."),
    (Decision::Close, "Clôture du suivi."),
];
const ACTION_TEXTS: &[&str] = &[
    "Proposer un rendez-vous à la famille",
    "Transmettre le bilan du référent",
    "Vérifier la situation scolaire",
    "Organiser une visite à domicile",
    "Faire le point avec le parquet",
    "Mobiliser un financement FIPD",
];
const TOPICS: &[&str] = &[
    "Programmation FIPD — prises en charge",
    "Point sur les signalements du mois",
    "Retour de la formation des professionnels",
    "Bilan de l'action en milieu scolaire",
    "Calendrier des prochaines réunions",
];
const DIFFICULTIES: &[&str] = &[
    "Délais de rendez-vous en CMP.",
    "Peu de places en accueil de jour pour les adolescents.\nRotation des référents associatifs.",
    "Difficulté à joindre certaines familles.",
];

fn body_members(body: &str) -> &'static [&'static str] {
    if body == "cpraf" {
        starter::CPRAF_MEMBERS
    } else {
        starter::GTRDO_MEMBERS
    }
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn department_yaml(info: &DeptInfo, rng: &mut Rng) -> String {
    // The directory `cellule init` starts a département with, with invented names.
    let (_, authority) = starter::representative(info);
    let mut out = format!(
        "# Données fictives générées.\ncode: {}\nname: {}\nauthority: {}\ntimezone: {}\nmembers:\n",
        quoted(info.code),
        quoted(info.name),
        quoted(&authority),
        info.tz.name(),
    );
    for seat in starter::seats(info) {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        out.push_str(&format!(
            "  - id: {id}\n    name: {}\n    title: {}\n    organisation: {}\n    email: {id}-{}@example.invalid\n",
            quoted(&name),
            quoted(&seat.title),
            quoted(&seat.organisation),
            info.code.to_lowercase(),
            id = seat.id,
        ));
    }
    out.push_str(&format!(
        "bodies:\n  cpraf:\n    name: Cellule de prévention de la radicalisation et d'accompagnement des familles\n    chair: dircab\n    every_days: 30\n    review_every_days: 60\n    members: [{}]\n",
        starter::CPRAF_MEMBERS.join(", ")
    ));
    out.push_str(&format!(
        "  gtrdo:\n    name: Groupe de travail restreint à dimension opérationnelle — dérives sectaires\n    chair: prefet\n    every_days: 90\n    members: [{}]\n",
        starter::GTRDO_MEMBERS.join(", ")
    ));
    out
}

// ---------------------------------------------------------------------------------
// Cases.

fn initials(first: &str, last: &str) -> String {
    let f = first.chars().next().unwrap_or('X');
    let l = last.chars().next().unwrap_or('X');
    format!("{f}.{l}.")
}

fn cases(code: &str, count: usize, months: u32, rng: &mut Rng) -> Vec<Case> {
    let today = today();
    // Signalements arrive from a year before the first meeting up to today.
    let first = plus(month_start(months.saturating_sub(1)), -365);
    let span = (today - first).num_days();
    let mut reported: Vec<NaiveDate> = (0..count)
        .map(|_| plus(first, rng.range(0, span)))
        .collect();
    reported.sort();
    let mut seq_year = 0;
    let mut seq = 0;
    reported
        .into_iter()
        .map(|reported_on| {
            if reported_on.year() != seq_year {
                seq_year = reported_on.year();
                seq = 0;
            }
            seq += 1;
            let id = format!("{code}-{seq_year}-{seq:03}");
            one_case(id, reported_on, rng)
        })
        .collect()
}

fn one_case(id: String, reported_on: NaiveDate, rng: &mut Rng) -> Case {
    let today = today();
    let body = if rng.chance(85) { "cpraf" } else { "gtrdo" };
    let kind = if body == "cpraf" {
        rng.weighted(&[
            (CaseKind::Person, 75),
            (CaseKind::Family, 20),
            (CaseKind::Organisation, 5),
        ])
    } else {
        rng.weighted(&[
            (CaseKind::Person, 40),
            (CaseKind::Family, 25),
            (CaseKind::Organisation, 35),
        ])
    };
    let (first, last) = (*rng.pick(FIRST), *rng.pick(LAST));
    let (label, name) = match kind {
        CaseKind::Person => (
            initials(first, last),
            rng.chance(70).then(|| format!("{first} {last}")),
        ),
        CaseKind::Family => (
            format!("Famille {}.", last.chars().next().unwrap_or('X')),
            Some(format!("Famille {last}")),
        ),
        CaseKind::Organisation => {
            let org = *rng.pick(ORGS);
            let label: String = org
                .split(' ')
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            (format!("Groupe {label}"), Some(org.to_string()))
        }
    };
    let minor = kind == CaseKind::Person && rng.chance(55);
    let birth_year = (kind == CaseKind::Person).then(|| {
        let age = if minor {
            rng.range(12, 17)
        } else {
            rng.range(18, 55)
        };
        reported_on.year() - age as i32
    });
    let age_days = (today - reported_on).num_days();
    let mut status = if age_days < 30 {
        rng.weighted(&[(CaseStatus::Reported, 60), (CaseStatus::Assessed, 40)])
    } else {
        rng.weighted(&[
            (CaseStatus::Reported, 4),
            (CaseStatus::Assessed, 11),
            (CaseStatus::Followed, 55),
            (CaseStatus::Closed, 30),
        ])
    };
    let mut closed_on = None;
    if status == CaseStatus::Closed {
        let on = plus(reported_on, rng.range(45, 600));
        if on < today {
            closed_on = Some(on);
        } else {
            status = CaseStatus::Followed;
        }
    }
    let followed = matches!(status, CaseStatus::Followed | CaseStatus::Closed);
    let referent = (followed || (status == CaseStatus::Assessed && rng.chance(30))).then(|| {
        let (structure, kind) = *rng.pick(REFERENTS);
        Referent {
            structure: structure.to_string(),
            kind,
            person: rng
                .chance(60)
                .then(|| format!("{} {}", rng.pick(&["M.", "Mme"]), rng.pick(LAST))),
        }
    });
    let family_contacted_on = ((minor || kind == CaseKind::Family) && rng.chance(70))
        .then(|| plus(reported_on, rng.range(3, 20)).min(today));
    let justice = if kind == CaseKind::Person {
        rng.weighted(&[
            (Justice::None, 80),
            (Justice::OpenEnvironment, 15),
            (Justice::Custody, 5),
        ])
    } else {
        Justice::None
    };
    let schooling = minor.then(|| {
        rng.weighted(&[
            (Schooling::Public, 60),
            (Schooling::PrivateUnderContract, 15),
            (Schooling::PrivateNoContract, 5),
            (Schooling::Home, 8),
            (Schooling::None, 12),
        ])
    });
    let returnee_minor = minor && rng.chance(2);
    let mut measures = Vec::new();
    if followed && kind != CaseKind::Organisation {
        let end = closed_on.unwrap_or(today);
        for _ in 0..rng.range(1, 3) {
            let (kind, provider) = *rng.pick(PROVIDERS);
            let from = plus(reported_on, rng.range(10, 200)).min(end);
            let to = match closed_on {
                Some(closed) => Some(plus(from, rng.range(30, 365)).min(closed)),
                None => rng.chance(40).then(|| plus(from, rng.range(30, 365))),
            };
            measures.push(Measure {
                kind,
                provider: rng.chance(90).then(|| provider.to_string()),
                from,
                to,
                fipd: rng.chance(40),
                fipd_action: None,
                fipd_justification: None,
                support_group: false,
            });
        }
    }
    let next_review = match status {
        CaseStatus::Closed => None,
        CaseStatus::Reported => rng.chance(30).then(|| plus(today, rng.range(7, 45))),
        _ => Some(plus(today, rng.range(-20, 120))),
    };
    let closure_reason = closed_on.map(|_| {
        rng.weighted(&[
            (ClosureReason::Disengagement, 45),
            (ClosureReason::NoAdherence, 15),
            (ClosureReason::Judicial, 15),
            (ClosureReason::Moved, 15),
            (ClosureReason::Other, 10),
        ])
    });
    let notes = rng.chance(60).then(|| {
        let mut text = rng.pick(CASE_NOTES).to_string();
        if rng.chance(40) {
            text.push('\n');
            let more: &&str = rng.pick(CASE_NOTES);
            text.push_str(more);
            text.push('\n');
        }
        text
    });
    Case {
        id,
        body: body.to_string(),
        kind,
        label,
        name,
        birth_year,
        reported_on,
        source: *rng.pick(Source::ALL),
        status,
        referent,
        family_contacted_on,
        justice,
        schooling,
        returnee_minor,
        measures,
        next_review,
        closed_on,
        closure_reason,
        notes,
    }
}

// ---------------------------------------------------------------------------------
// Meetings.

/// The dates of one body's meetings: monthly for the CPRAF, quarterly for the GTRDO.
fn meeting_dates(body: &str, months: u32, rng: &mut Rng) -> Vec<NaiveDate> {
    (0..months)
        .rev()
        .filter(|back| body == "cpraf" || back % 3 == 0)
        .map(|back| {
            let from = if body == "cpraf" { 8 } else { 15 };
            weekday_on_or_after(plus(month_start(back), rng.range(from, from + 8) - 1))
        })
        .collect()
}

fn meetings(cases: &[Case], months: u32, rng: &mut Rng) -> Vec<Meeting> {
    let mut all = Vec::new();
    for body in ["cpraf", "gtrdo"] {
        let dates = meeting_dates(body, months, rng);
        let mut closed_by_meeting: HashSet<&str> = HashSet::new();
        for (n, &date) in dates.iter().enumerate() {
            let last = n + 1 == dates.len();
            let status = match (body, last, n + 2 == dates.len()) {
                ("cpraf", true, _) => MeetingStatus::Convened,
                ("gtrdo", true, _) => MeetingStatus::Draft,
                // One meeting cancelled: kept in the history, out of the periodicity.
                ("gtrdo", _, true) => MeetingStatus::Cancelled,
                (_, _, true) => MeetingStatus::Held,
                _ => MeetingStatus::Closed,
            };
            let previous = n.checked_sub(1).map(|p| dates[p]);
            let next = dates.get(n + 1).copied();
            all.push(one_meeting(
                body,
                date,
                status,
                previous,
                next,
                cases,
                &mut closed_by_meeting,
                rng,
            ));
        }
    }
    all
}

#[allow(clippy::too_many_arguments)]
fn one_meeting<'c>(
    body: &str,
    date: NaiveDate,
    status: MeetingStatus,
    previous: Option<NaiveDate>,
    next: Option<NaiveDate>,
    cases: &'c [Case],
    closed_by_meeting: &mut HashSet<&'c str>,
    rng: &mut Rng,
) -> Meeting {
    let held = status.is_held();
    let today = today();
    let members = body_members(body);
    let attendance = members
        .iter()
        .map(|m| {
            let status = if held {
                rng.weighted(&[
                    (AttendanceStatus::Present, 75),
                    (AttendanceStatus::Excused, 10),
                    (AttendanceStatus::Absent, 5),
                    (AttendanceStatus::Represented, 10),
                ])
            } else {
                AttendanceStatus::Invited
            };
            Attendance {
                member: m.to_string(),
                status,
                by: (status == AttendanceStatus::Represented)
                    .then(|| format!("{} {}, adjoint", rng.pick(&["M.", "Mme"]), rng.pick(LAST))),
                for_information: false,
            }
        })
        .collect();
    let guests = if rng.chance(20) {
        vec![Guest {
            name: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            title: Some("Référent laïcité".to_string()),
            organisation: "Rectorat".to_string(),
            status: if held {
                AttendanceStatus::Present
            } else {
                AttendanceStatus::Invited
            },
            by: None,
            email: None,
            for_information: false,
        }]
    } else {
        Vec::new()
    };

    let target = rng.range(15, 30) as usize;
    let mut items = Vec::new();
    if let Some(prev) = previous {
        let mut topic = Item::topic(
            format!("Approbation du compte rendu du {}", french_date(prev)),
            Some(5),
        );
        if held {
            topic.notes = Some("Approuvé sans observation.".to_string());
        }
        items.push(topic);
        items.push(Item::actions_review("Suivi des actions", Some(10)));
    }
    if rng.chance(50) {
        items.push(Item::topic(*rng.pick(TOPICS), Some(10)));
    }
    let mut eligible: Vec<&Case> = cases
        .iter()
        .filter(|c| c.body == body && plus(c.reported_on, 3) <= date)
        .filter(|c| c.closed_on.is_none_or(|on| on >= date))
        .filter(|c| !closed_by_meeting.contains(c.id.as_str()))
        .collect();
    // Cases closed soon after this meeting come first: the meeting decides it.
    let mut keyed: Vec<((bool, u64), &Case)> = eligible
        .drain(..)
        .map(|c| {
            let closing = c.closed_on.is_some_and(|on| on < plus(date, 40));
            ((!closing, rng.next_u64()), c)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    let room = target.saturating_sub(items.len());
    let mut chosen: Vec<&Case> = keyed.into_iter().take(room).map(|(_, c)| c).collect();
    chosen.sort_by(|a, b| a.id.cmp(&b.id));
    for case in chosen {
        let mut item = Item::case(case.id.clone(), Some(rng.range(1, 3) as u32 * 5));
        if held {
            let closing = case.closed_on.is_some_and(|on| on < plus(date, 40));
            let decision = if closing {
                Decision::Close
            } else {
                rng.weighted(&[
                    (Decision::Continue, 55),
                    (Decision::Orient, 15),
                    (Decision::ChangeReferent, 8),
                    (Decision::ReportToProsecutor, 5),
                    (Decision::ChildProtection, 7),
                    (Decision::BackToGed, 10),
                ])
            };
            item.decision = Some(decision);
            item.notes = rng.chance(80).then(|| rng.pick(ITEM_NOTES).to_string());
            item.decision_text = DECISION_TEXTS
                .iter()
                .find(|(d, _)| *d == decision)
                .map(|(_, t)| t.to_string())
                .filter(|_| rng.chance(70));
            if decision == Decision::Close {
                item.closure_reason = case.closure_reason.or(Some(ClosureReason::Other));
                closed_by_meeting.insert(case.id.as_str());
            } else {
                item.next_review = Some(plus(date, *rng.pick(&[30, 60, 90])));
            }
            if decision != Decision::Close && rng.chance(45) {
                for _ in 0..rng.range(1, 2) {
                    let due = plus(date, rng.range(14, 60));
                    let done_on = (due < today && rng.chance(70))
                        .then(|| plus(date, rng.range(5, (due - date).num_days() + 10)))
                        .filter(|d| *d <= today);
                    item.actions.push(Action {
                        text: rng.pick(ACTION_TEXTS).to_string(),
                        owner: rng.pick(members).to_string(),
                        due: Some(due),
                        done_on,
                    });
                }
            }
            item.spent_seconds = Some(rng.range(60, 1200) as u64);
        }
        items.push(item);
    }
    if held {
        for item in items.iter_mut().filter(|i| i.spent_seconds.is_none()) {
            item.spent_seconds = Some(rng.range(120, 900) as u64);
        }
    }
    let start = *rng.pick(&[(9, 30), (10, 0), (14, 0), (14, 30)]);
    Meeting {
        id: format!("{}-{body}", date.format("%Y-%m-%d")),
        body: body.to_string(),
        date,
        start: NaiveTime::from_hms_opt(start.0, start.1, 0).unwrap_or_default(),
        place: Some(format!("Préfecture, salle {}", rng.range(1, 4))),
        chair: if body == "cpraf" { "dircab" } else { "prefet" }.to_string(),
        status,
        attendance,
        guests,
        items,
        difficulties: (held && rng.chance(30)).then(|| rng.pick(DIFFICULTIES).to_string()),
        next_meeting: next,
        details: cellule::domain::Details {
            cancel_reason: (status == MeetingStatus::Cancelled)
                .then(|| "Préfet retenu par une crise".to_string()),
            ..Default::default()
        },
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
    }
}

/// One département's generated data as the loader would give it (cases sorted by id,
/// meetings in time order), without going through files.
pub fn dept_value(info: &DeptInfo, profile: &Profile) -> cellule::domain::DeptData {
    let synth = dept_data(info, profile);
    let value = cellule::store::yaml::read(&synth.department).expect("department.yaml parses");
    let mut sink = cellule::store::problem::Sink::default();
    let department = cellule::store::decode_department(&value, &mut sink)
        .filter(|_| sink.is_empty())
        .expect("department.yaml decodes");
    let mut cases = synth.cases;
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    let mut meetings = synth.meetings;
    meetings.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    cellule::domain::DeptData {
        department,
        cases,
        meetings,
        programmes: Vec::new(),
    }
}
