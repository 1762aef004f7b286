//! End to end on the real binary, in a pseudo-terminal: a whole demo meeting run from the
//! keyboard (minutes compared with a golden file), nothing lost after `kill -9`, and a second
//! instance on the same meeting opening read-only.

#![cfg(unix)]

use crate::support as common;

use cellule::domain::{AttendanceStatus, ClosureReason, Decision, Meeting, MeetingStatus};
use common::pty::Pty;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const MEETING: &str = "2026-12-14-cpraf";

struct Folders {
    config: TempDir,
    holder: TempDir,
}

impl Folders {
    fn new() -> Folders {
        Folders {
            config: TempDir::new().unwrap(),
            holder: TempDir::new().unwrap(),
        }
    }

    fn root(&self) -> PathBuf {
        self.holder.path().join("donnees")
    }

    /// `cellule demo --data <root>` (first run) or `cellule --data <root>`, run directly
    /// (no shell between: a signal reaches the program itself), as user `user`.
    fn spawn(&self, demo: bool, user: &str, cols: u16, rows: u16) -> Pty {
        self.spawn_with(demo, user, cols, rows, &[])
    }

    /// The same, the interface taking `today` as the day (`CELLULE_TODAY`).
    fn spawn_on(&self, demo: bool, user: &str, cols: u16, rows: u16, today: Option<&str>) -> Pty {
        self.spawn_with(
            demo,
            user,
            cols,
            rows,
            &[("CELLULE_TODAY", today.unwrap_or(""))],
        )
    }

    /// [`Self::spawn`] with more environment (a fault to inject, a state folder, the day).
    fn spawn_with(
        &self,
        demo: bool,
        user: &str,
        cols: u16,
        rows: u16,
        more: &[(&str, &str)],
    ) -> Pty {
        let bin = Path::new(env!("CARGO_BIN_EXE_cellule"));
        let root = self.root().display().to_string();
        let mut args = Vec::new();
        if demo {
            args.push("demo");
        }
        args.extend(["--data", root.as_str()]);
        let config = self.config.path().display().to_string();
        let state = self.holder.path().join("state").display().to_string();
        let mut env = vec![
            ("CELLULE_CONFIG_DIR", config.as_str()),
            ("CELLULE_STATE_DIR", state.as_str()),
            ("LANG", "C.UTF-8"),
            ("USER", user),
        ];
        env.extend_from_slice(more);
        let mut pty = Pty::spawn(bin, &args, &env, cols, rows);
        pty.wait_for("Alertes");
        pty
    }

    /// The rescue copies kept in the state folder (all data roots).
    fn rescue_copies(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let rescue = self.holder.path().join("state/rescue");
        for dir in std::fs::read_dir(rescue).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                found.push(file.path());
            }
        }
        found
    }

    /// The text of the demo meeting's file.
    fn meeting_text(&self) -> String {
        std::fs::read_to_string(self.root().join("49/meetings/2026-12-14-cpraf.yaml"))
            .unwrap_or_default()
    }

    fn meeting(&self, id: &str) -> Meeting {
        let loaded = cellule::store::load_root(&self.root()).unwrap();
        loaded.depts[0].data.meeting(id).cloned().unwrap()
    }
}

/// Opens the séance of the demo's next meeting (the newest of the CPRAF, dated 14/12/2026)
/// and holds it today: the question says it is dated another day, « Annuler » is chosen in
/// advance, `↑` then `Entrée` hold it today. The séance is then at its roll call.
fn start_seance(pty: &mut Pty) {
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    pty.wait_for("La tenir aujourd'hui");
    pty.send("\x1b[A\r");
    pty.wait_for("tenue");
    pty.wait_for("Appel des prés");
}

/// Today in the demo's time zone.
fn local_today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive()
}

/// Moves the selection of an open choice list down `n` times (`↓`: letters filter it),
/// then confirms.
fn choose(pty: &mut Pty, n: usize) {
    pty.send(&"\x1b[B".repeat(n));
    pty.send("\r");
}

fn decision_index(d: Decision) -> usize {
    Decision::CPRAF.iter().position(|x| *x == d).unwrap() + 1
}

fn reason_index(r: ClosureReason) -> usize {
    ClosureReason::ALL.iter().position(|x| *x == r).unwrap()
}

/// Types text in a field, then leaves it with Esc.
fn type_field(pty: &mut Pty, text: &str) {
    pty.send("\r");
    pty.type_slowly(text);
    pty.send("\x1b");
}

/// Replaces the text of a one-line date field and confirms it.
fn type_date(pty: &mut Pty, text: &str) {
    pty.send("\r");
    pty.send("\x15");
    pty.type_slowly(text);
    pty.send("\r");
}

#[test]
fn run_a_whole_demo_meeting_and_export_the_partners_minutes() {
    let started = local_now();
    let folders = Folders::new();
    // Held on its day: the question says the date recorded, and `Entrée` opens the séance.
    let mut pty = folders.spawn_on(true, "cdm", 120, 36, Some("2026-12-14"));
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    pty.wait_for("Elle sera enregistrée le lundi 14 décembre 2026");
    pty.send("\r");
    pty.wait_for("tenue");

    // Attendance: dircab and cm-prev present, parquet excused, ddsp-rt represented, ggd absent,
    // then a guest and a member of the directory who was not convened.
    pty.send("p");
    pty.wait_for("Présences");
    pty.send("p");
    pty.send("p");
    pty.send("e");
    pty.send("r");
    pty.type_slowly("Cdt Martin");
    pty.send("\r");
    pty.send("a");
    pty.send("+");
    pty.type_slowly("Jeanne Morel");
    pty.send("\t");
    pty.type_slowly("Miviludes");
    pty.send("\r");
    pty.wait_for("Miviludes");
    // The préfète, a member of the directory who was not convened, comes: picked from the
    // directory, present, and written at once.
    pty.send("m");
    pty.wait_for("Ajouter un membre de l'annuaire");
    pty.type_slowly("lemarchand");
    pty.wait_for("> lemarchand");
    pty.send("\r");
    pty.wait_until("the préfète written present", |_| {
        folders
            .meeting(MEETING)
            .attendance
            .iter()
            .any(|a| a.member == "prefete" && a.status == AttendanceStatus::Present)
    });
    pty.send("\x1b");

    // The approval of the minutes of 16/11: « approuvé », then a note.
    pty.wait_for("pas encore décidé");
    pty.send("\r");
    pty.wait_for("Approuvé avec modifications");
    choose(&mut pty, 1);
    pty.wait_until("the approval written", |_| {
        folders.meeting(MEETING).items[0].approval == Some(cellule::domain::Approval::Approved)
    });
    pty.send("j");
    type_field(
        &mut pty,
        "Compte rendu du 16 novembre approuvé sans observation.",
    );

    // 49-2025-005: continue, with a text, a typed review date and an action.
    pty.send("n");
    pty.wait_for("2/12");
    pty.send("\r");
    choose(&mut pty, decision_index(Decision::Continue));
    pty.send("j");
    type_field(&mut pty, "Poursuite du suivi éducatif.");
    pty.send("j");
    type_date(&mut pty, "15/02/2027");
    pty.send("a");
    pty.type_slowly("Organiser une rencontre avec la famille");
    pty.send("\t\t");
    pty.type_slowly("15/01/2027");
    pty.send("\r");
    pty.wait_for("Organiser une rencontre");

    // 49-2025-013: closed, the person moved.
    pty.send("n");
    pty.wait_for("3/12");
    pty.send("\r");
    choose(&mut pty, decision_index(Decision::Close));
    pty.wait_for("Motif de fin du suivi");
    choose(&mut pty, reason_index(ClosureReason::Moved));
    pty.send("j");
    type_field(
        &mut pty,
        "Déménagement hors du département, dossier transmis.",
    );

    // 49-2026-007: oriented, with an action due two months after the meeting.
    pty.send("n");
    pty.wait_for("4/12");
    pty.send("\r");
    choose(&mut pty, decision_index(Decision::Orient));
    // The orientation offers the care measure it orients to: mental health.
    pty.wait_for("Prise en charge vers laquelle orienter");
    choose(&mut pty, 1);
    // Then its provider, typed.
    pty.wait_for("Prestataire de la prise en charge");
    pty.type_slowly("CMP d'Angers");
    pty.send("\r");
    pty.wait_until("the measure written with its provider", |_| {
        folders.meeting(MEETING).items[3]
            .measure
            .as_ref()
            .and_then(|m| m.provider.as_deref())
            == Some("CMP d'Angers")
    });
    pty.send("a");
    pty.type_slowly("Orienter vers la consultation jeunes consommateurs");
    pty.send("\t\t");
    pty.type_slowly("+2m");
    pty.send("\r");
    pty.wait_for("Orienter vers");

    // The review of open actions, last item: the first one is done.
    for _ in 0..8 {
        pty.send("n");
    }
    pty.wait_for("12/12");
    pty.send("\r");
    pty.wait_for("[x]");

    // Close, then export the partners minutes.
    pty.send("c");
    pty.wait_for("Clore la réunion");
    pty.send("o");
    pty.wait_for("Compte rendu — partenaires");
    pty.send("\x1b[B\x1b[B\r");
    pty.wait_for("Aperçu");
    pty.send("w");
    pty.wait_for("2026-12-14-cpraf.partners.md");

    let m = folders.meeting(MEETING);
    assert_eq!(m.status, MeetingStatus::Closed);
    assert_eq!(
        m.attendance
            .iter()
            .find(|a| a.member == "ddsp-rt")
            .map(|a| (a.status, a.by.clone())),
        Some((AttendanceStatus::Represented, Some("Cdt Martin".into())))
    );
    assert_eq!(
        m.attendance.last().map(|a| (a.member.as_str(), a.status)),
        Some(("prefete", AttendanceStatus::Present))
    );
    let decided: Vec<_> = m.items.iter().filter_map(|i| i.decision).collect();
    assert_eq!(
        decided,
        vec![Decision::Continue, Decision::Close, Decision::Orient]
    );
    assert_eq!(
        m.items[3].measure.as_ref().map(|o| o.kind),
        Some(cellule::domain::MeasureType::MentalHealth)
    );

    let minutes = std::fs::read_to_string(
        folders
            .root()
            .join("49/minutes/2026-12-14-cpraf.partners.md"),
    )
    .unwrap();
    let golden = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/seance-2026-12-14-cpraf.partners.md"
    );
    // Starting the séance sets the meeting's start to the time it actually started: the
    // golden file holds `14 h 30` in its place.
    let start = m.start.format("%-H h %M").to_string();
    assert!(
        [started, local_now()].contains(&m.start) || (started < m.start && m.start < local_now()),
        "the start time {start} is when the séance started"
    );
    let minutes = minutes.replacen(&format!("2026, {start} (heure"), "2026, 14 h 30 (heure", 1);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(Path::new(golden).parent().unwrap()).unwrap();
        std::fs::write(golden, &minutes).unwrap();
    }
    let expected = std::fs::read_to_string(golden).expect("the golden minutes");
    assert_eq!(
        minutes, expected,
        "minutes differ from tests/golden (UPDATE_GOLDEN=1 to rewrite)"
    );

    // The earlier action, marked done in its own meeting's file.
    let loaded = cellule::store::load_root(&folders.root()).unwrap();
    let done_here = loaded.depts[0]
        .data
        .meetings
        .iter()
        .filter(|e| e.id != MEETING)
        .flat_map(|e| e.items.iter().flat_map(|i| i.actions.iter()))
        .filter(|a| a.done_on == Some(m.date))
        .count();
    assert_eq!(done_here, 1);

    pty.send("\x1b");
    pty.send("q");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(
        !folders
            .root()
            .join("49/meetings/2026-12-14-cpraf.yaml.lock")
            .exists(),
        "the lock is released on quitting"
    );
}

#[test]
fn after_kill_9_every_change_is_there_but_at_most_the_last_second_of_typing() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    start_seance(&mut pty);
    // Changes made before: attendance, a decision.
    pty.send("p");
    pty.wait_for("Présences");
    pty.send("p");
    pty.send("\x1b");
    pty.send("nn");
    pty.wait_for("2/12");
    pty.send("\r");
    choose(&mut pty, decision_index(Decision::Continue));
    // Then the decision text, typed without a pause for about three seconds, and kill -9.
    pty.send("j");
    pty.send("\r");
    pty.wait_for("Texte de la décision");
    let text = "Maintien du suivi, point avec la famille en janvier, bilan scolaire attendu.";
    let mut sent = Vec::new();
    for c in text.chars() {
        let mut buf = [0u8; 4];
        pty.send(c.encode_utf8(&mut buf));
        sent.push((c, Instant::now()));
    }
    let killed = Instant::now();
    pty.kill();

    let m = folders.meeting(MEETING);
    assert_eq!(m.status, MeetingStatus::Held);
    assert_eq!(m.attendance[0].status, AttendanceStatus::Present);
    assert_eq!(m.items[1].decision, Some(Decision::Continue));
    let saved = m.items[1].decision_text.clone().unwrap_or_default();
    assert!(text.starts_with(&saved), "{saved:?} is not what was typed");
    // Every key typed more than a second before the kill is on disk (a quarter of a second
    // allowed for the terminal and the scheduler of a loaded machine).
    let old_enough = sent
        .iter()
        .filter(|(_, at)| killed.duration_since(*at) > Duration::from_millis(1250))
        .count();
    let kept = saved.chars().count();
    assert!(
        kept + 1 >= old_enough,
        "only {kept} characters kept of the {old_enough} typed more than a second before the kill"
    );
    // The file is whole and reopens: the séance resumes where it stopped.
    let mut again = folders.spawn(false, "cdm", 120, 30);
    again.send("3");
    again.wait_for("Réunions (");
    again.send("m");
    again.wait_for("consultation");
    let screen = again.screen();
    assert!(
        !screen.contains("Ouvrir la séance"),
        "a held meeting is not started again:\n{screen}"
    );
    // Resumed deliberately, where it stopped.
    again.send("r");
    again.wait_for("Reprendre la séance ?");
    again.send("\r");
    again.wait_until("the séance resumed", |s| !s.contains("consultation"));
    assert!(again.screen().contains("2/12"), "{}", again.screen());
    again.send("\x03");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_second_instance_opens_the_meeting_read_only_and_names_the_holder() {
    let folders = Folders::new();
    let mut first = folders.spawn(true, "mdupont", 120, 30);
    start_seance(&mut first);
    assert!(
        folders
            .root()
            .join("49/meetings/2026-12-14-cpraf.yaml.lock")
            .exists()
    );
    let mut second = folders.spawn(false, "cdm", 120, 30);
    second.send("3");
    second.wait_for("Réunions (");
    second.send("m");
    // Held: opened to be read; resuming asks for the lock, which the first one holds.
    second.wait_for("consultation");
    second.send("r");
    second.wait_for("Reprendre la séance ?");
    second.send("\r");
    second.wait_for("lecture seule");
    let screen = second.screen();
    assert!(screen.contains("mdupont"), "the holder is named:\n{screen}");
    // Edits are refused there; nothing is written.
    let before = std::fs::read(folders.root().join("49/meetings/2026-12-14-cpraf.yaml")).unwrap();
    second.send("p");
    second.send("p");
    second.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    let after = std::fs::read(folders.root().join("49/meetings/2026-12-14-cpraf.yaml")).unwrap();
    assert_eq!(before, after);
    second.send("\x03");
    assert_eq!(second.wait_exit(), 0);
    // The holder's lock is still there after the second one left.
    assert!(
        folders
            .root()
            .join("49/meetings/2026-12-14-cpraf.yaml.lock")
            .exists()
    );
    first.send("\x03");
    assert_eq!(first.wait_exit(), 0);
    assert!(
        !folders
            .root()
            .join("49/meetings/2026-12-14-cpraf.yaml.lock")
            .exists()
    );
}

/// CPU time (user + system) of a process, in clock ticks, from `/proc/<pid>/stat`.
#[cfg(target_os = "linux")]
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name (which may hold spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn idle_cpu_is_near_zero_and_the_seance_redraws_once_a_second() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    let pid = pty.pid().unwrap();
    let measure = |pty: &mut Pty, seconds: u64| {
        let before = cpu_ticks(pid);
        let deadline = Instant::now() + Duration::from_secs(seconds);
        while Instant::now() < deadline {
            pty.pump(Duration::from_millis(100));
        }
        cpu_ticks(pid) - before
    };
    // The dashboard, idle: blocked on the terminal, nothing to do.
    let idle = measure(&mut pty, 3);
    // The séance of a held meeting: one wake-up and one frame a second for the clock.
    start_seance(&mut pty);
    let seance_screen = |s: &str| {
        s.lines()
            .find(|l| l.contains("tenue"))
            .unwrap_or_default()
            .to_string()
    };
    let first = seance_screen(&pty.screen());
    let running = measure(&mut pty, 3);
    let later = seance_screen(&pty.screen());
    eprintln!("CPU over 3 s (ticks of 10 ms): idle {idle}, séance running {running}");
    // 3 s is 300 ticks: a busy loop would use them all.
    assert!(idle <= 3, "idle used {idle} ticks in 3 s");
    assert!(running <= 30, "the séance used {running} ticks in 3 s");
    assert_ne!(
        first, later,
        "the clock and timers move while the séance runs"
    );
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_meeting_file_changed_on_disk_is_never_overwritten_silently() {
    let folders = Folders::new();
    // The refused save itself: without the watcher, the change is met only when saving.
    std::fs::write(folders.config.path().join("config.yaml"), "watch: off\n").unwrap();
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    start_seance(&mut pty);
    // Someone else changes the file meanwhile (a colleague, a synchronisation).
    let file = folders.root().join("49/meetings/2026-12-14-cpraf.yaml");
    let mut theirs = folders.meeting(MEETING);
    theirs.place = Some("Sous-préfecture de Saumur".into());
    cellule::store::save_meeting(&folders.root(), "49", &theirs, cellule::store::Expect::Any)
        .unwrap();
    let on_disk = std::fs::read(&file).unwrap();
    // A change here: refused, and the question asked.
    pty.send("p");
    pty.wait_for("Présences");
    pty.send("p");
    pty.wait_for("modifié par ailleurs");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        on_disk,
        "nothing written over theirs"
    );
    // Reload theirs: their change stays, ours is dropped; the séance goes on from there
    // (the panel's selection had moved on to the second person). No letter answers the
    // question: the first answer is chosen, `Entrée` gives it.
    pty.send("r");
    pty.send("\r");
    pty.wait_for("rechargée");
    pty.send("p");
    pty.wait_until("the next change on disk", |_| {
        folders.meeting(MEETING).attendance[1].status == AttendanceStatus::Present
    });
    let m = folders.meeting(MEETING);
    assert_eq!(
        m.attendance[0].status,
        AttendanceStatus::Invited,
        "ours was dropped"
    );
    assert_eq!(m.place.as_deref(), Some("Sous-préfecture de Saumur"));
    // Changed again elsewhere; this time keep mine: written over theirs, knowingly.
    let mut theirs = m.clone();
    theirs.place = Some("Visioconférence".into());
    cellule::store::save_meeting(&folders.root(), "49", &theirs, cellule::store::Expect::Any)
        .unwrap();
    pty.send("e");
    pty.wait_for("modifié par ailleurs");
    pty.send("k");
    pty.send("\x1b[B\r");
    pty.wait_for("Votre version a été enregistrée");
    let m = folders.meeting(MEETING);
    assert_eq!(m.place.as_deref(), Some("Sous-préfecture de Saumur"));
    assert_eq!(m.attendance[2].status, AttendanceStatus::Excused);
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_meeting_file_changed_on_disk_during_the_seance_is_asked_about_without_a_key() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    start_seance(&mut pty);
    // A colleague's version arrives while nobody types: the watcher notices it and the
    // séance asks which version to keep, as for a refused save.
    let file = folders.root().join("49/meetings/2026-12-14-cpraf.yaml");
    let mut theirs = folders.meeting(MEETING);
    theirs.place = Some("Sous-préfecture de Saumur".into());
    cellule::store::save_meeting(&folders.root(), "49", &theirs, cellule::store::Expect::Any)
        .unwrap();
    let on_disk = std::fs::read(&file).unwrap();
    pty.wait_for("modifié par ailleurs");
    assert_eq!(std::fs::read(&file).unwrap(), on_disk, "nothing written");
    // Reload theirs (the first answer): the séance goes on from their version.
    pty.send("\r");
    pty.wait_for("rechargée");
    pty.send("p");
    pty.wait_for("Présences");
    pty.send("p");
    pty.wait_until("the next change on disk", |_| {
        folders.meeting(MEETING).attendance[0].status == AttendanceStatus::Present
    });
    let m = folders.meeting(MEETING);
    assert_eq!(m.place.as_deref(), Some("Sous-préfecture de Saumur"));
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_lock_left_by_a_dead_session_is_taken_over_after_confirmation() {
    let folders = Folders::new();
    // The demo folder first, then a lock file left by a session that is gone.
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
    let meeting_file = folders.root().join("49/meetings/2026-12-14-cpraf.yaml");
    let left = cellule::store::lock::LockInfo {
        user: "ghislaine".into(),
        host: cellule::store::lock::current_host(),
        pid: 999_999_999,
        since: chrono::Utc::now() - chrono::TimeDelta::minutes(30),
    };
    std::fs::write(
        cellule::store::lock::lock_path(&meeting_file),
        left.to_text(),
    )
    .unwrap();
    let mut pty = folders.spawn(false, "cdm", 120, 30);
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    pty.wait_for("reprendre la main");
    assert!(pty.screen().contains("ghislaine"));
    pty.send("o\r");
    pty.wait_for("La tenir aujourd'hui");
    pty.send("\x1b[A\r");
    pty.wait_for("tenue");
    let lock = std::fs::read_to_string(cellule::store::lock::lock_path(&meeting_file)).unwrap();
    assert!(lock.contains("user: cdm"), "{lock}");
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
    assert!(!cellule::store::lock::lock_path(&meeting_file).exists());
}

#[test]
fn closing_the_terminal_mid_sentence_keeps_every_key_and_releases_the_lock() {
    for signal in ["HUP", "TERM"] {
        let folders = Folders::new();
        let mut pty = folders.spawn(true, "cdm", 120, 30);
        start_seance(&mut pty);
        pty.send("nn");
        pty.wait_for("2/12");
        pty.send("j");
        pty.send("\r");
        pty.wait_for("Saisie enregistrée");
        let text = "Suivi maintenu jusqu'en mars";
        pty.send(text);
        // Every key has reached the interface (it is on screen), not yet necessarily the file.
        pty.wait_for("jusqu'en mars");
        pty.signal(signal);
        let code = pty.wait_exit();
        assert_eq!(code, if signal == "HUP" { 129 } else { 143 });
        let m = folders.meeting(MEETING);
        assert_eq!(
            m.items[1].decision_text.as_deref(),
            Some(text),
            "SIG{signal}"
        );
        assert!(
            !folders
                .root()
                .join("49/meetings/2026-12-14-cpraf.yaml.lock")
                .exists(),
            "SIG{signal}: the lock is released"
        );
    }
}

#[test]
fn a_paste_of_20000_characters_arrives_whole_and_is_saved_like_typing() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    start_seance(&mut pty);
    pty.send("nn");
    pty.wait_for("2/12");
    pty.send("j");
    pty.send("\r");
    pty.wait_for("Saisie enregistrée");
    // 20,000 characters, accents and line breaks included, pasted at once (bracketed paste:
    // the terminal wraps them in ESC [200~ ... ESC [201~). Letters that are commands
    // elsewhere (x exports, q leaves) must stay text.
    let words = ["Suivi", "maintenu", "élève", "xq", "famille", "bilan"];
    let mut text = String::new();
    let mut n = 0;
    while text.chars().count() < 20_000 {
        text.push_str(words[n % words.len()]);
        text.push(if n % 40 == 39 { '\n' } else { ' ' });
        n += 1;
    }
    let text: String = text.chars().take(20_000).collect();
    pty.send(&format!("\x1b[200~{text}\x1b[201~"));
    // Shown and saved like typing, without another key.
    pty.wait_until("the whole paste in the meeting file", |_| {
        folders.meeting(MEETING).items[1].decision_text.as_deref() == Some(text.as_str())
    });
    assert!(
        pty.screen().contains("Texte de la décision"),
        "still editing"
    );
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_seance_opened_on_a_future_meeting_asks_and_cancel_or_hold_today_say_what_they_do() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 80, 24);
    let file = folders.root().join("49/meetings/2026-12-14-cpraf.yaml");
    let before = std::fs::read(&file).unwrap();
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    pty.wait_for("Cette réunion est datée du");
    pty.wait_for("La tenir aujourd'hui");
    // A stray letter does not answer; `Entrée` gives the answer chosen in advance: cancel.
    pty.send("o");
    pty.send("\r");
    pty.wait_for("Réunions (");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "cancel changes nothing"
    );
    // Hold it today: moved to today, the planned date noted.
    pty.send("m");
    pty.wait_for("La tenir aujourd'hui");
    pty.send("\x1b[A\r");
    pty.wait_for("tenue");
    pty.wait_until("held today in the file", |_| {
        folders.meeting(MEETING).status == MeetingStatus::Held
    });
    let m = folders.meeting(MEETING);
    assert_eq!(m.date, local_today());
    assert_eq!(
        m.details.rescheduled_from,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap())
    );
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn consulting_a_held_meeting_for_5_s_leaves_every_time_in_its_file_unchanged() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);
    pty.send("nn");
    pty.wait_for("2/12");
    pty.send("q");
    pty.wait_for("Réunions (");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let file = folders.root().join("49/meetings/2026-12-14-cpraf.yaml");
    let before = std::fs::read(&file).unwrap();
    let mut pty = folders.spawn(false, "cdm", 120, 36);
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    pty.wait_for("consultation");
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        pty.pump(Duration::from_millis(100));
    }
    pty.send("n");
    pty.send("q");
    pty.wait_for("Réunions (");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "nothing written while consulting"
    );
    assert!(
        !folders
            .root()
            .join("49/meetings/2026-12-14-cpraf.yaml.lock")
            .exists(),
        "consulting takes no lock"
    );
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn in_the_roll_call_r_moves_on_so_the_next_p_marks_the_next_person() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);
    pty.send("p");
    pty.wait_for("Présences");
    pty.send("r");
    pty.wait_for("Représenté par");
    pty.type_slowly("Cdt Martin");
    pty.send("\r");
    pty.send("p");
    pty.wait_until("the second person present", |_| {
        folders.meeting(MEETING).attendance[1].status == AttendanceStatus::Present
    });
    let m = folders.meeting(MEETING);
    assert_eq!(
        (m.attendance[0].status, m.attendance[0].by.as_deref()),
        (AttendanceStatus::Represented, Some("Cdt Martin"))
    );
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_pause_stops_every_timer_until_resumed() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);
    pty.send("nn");
    pty.wait_for("2/12");
    pty.send("s");
    pty.wait_for("SÉANCE SUSPENDUE");
    let spent = |f: &Folders| {
        let m = f.meeting(MEETING);
        (
            m.roll_call_seconds,
            m.items.iter().map(|i| i.spent_seconds).collect::<Vec<_>>(),
        )
    };
    // Suspending wrote the time counted so far; nothing is counted while suspended.
    let before = spent(&folders);
    let shown = pty.screen();
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        pty.pump(Duration::from_millis(100));
    }
    assert!(pty.screen().contains("SÉANCE SUSPENDUE"));
    pty.send("s");
    pty.wait_for("Reprise de la séance");
    // Resuming writes what was counted while suspended: nothing.
    let after = spent(&folders);
    assert_eq!(before, after, "no time counted while suspended:\n{shown}");
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn the_quorum_shows_not_reached_then_reached_as_the_roll_call_goes() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 160, 40);
    start_seance(&mut pty);
    // The CPRAF's quorum: the parquet, and four organisations.
    pty.wait_for("quorum non atteint (manque Parquet");
    pty.send("p");
    pty.wait_for("Présences");
    // The préfecture twice (one organisation), the parquet represented, DDSP and gendarmerie.
    pty.send("pp");
    pty.send("r");
    pty.wait_for("Représenté par");
    pty.type_slowly("Substitut Roux");
    pty.send("\r");
    pty.wait_for("2 organismes sur 4");
    pty.send("p");
    pty.wait_for("3 organismes sur 4");
    pty.send("p");
    pty.wait_for("quorum atteint");
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn an_urgent_case_is_added_during_the_seance_and_taken_next() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);
    pty.send("nn");
    pty.wait_for("2/12");
    let planned = folders.meeting(MEETING).items.len();
    pty.send("C");
    pty.wait_for("> ");
    pty.send("\r");
    pty.wait_for("Point ajouté à l'ordre du jour");
    pty.wait_until("the case written after the current item", |_| {
        folders.meeting(MEETING).items.len() == planned + 1
    });
    let m = folders.meeting(MEETING);
    let added = m.items[2].case.clone().expect("a case item");
    assert!(
        m.items
            .iter()
            .filter(|i| i.case.as_deref() == Some(&added))
            .count()
            == 1,
        "once on the agenda"
    );
    pty.send("n");
    pty.wait_for("3/13");
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

/// The time now in the demo's time zone, to the minute.
fn local_now() -> chrono::NaiveTime {
    use chrono::Timelike;
    let now = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Paris)
        .time();
    now.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap()
}

/// The dashboard's group of alerts « Sans référent de parcours », if shown.
fn no_referent_alert(screen: &str) -> bool {
    screen.contains("Sans référent de parcours")
}

#[test]
fn a_change_of_referent_in_a_seance_clears_the_dashboard_alert() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 100, 30);
    pty.wait_for("Sans référent de parcours (1)");
    start_seance(&mut pty);
    // 49-2026-007 (L.V.), the followed case without a référent, is the fourth item.
    // The roll call first, then items 1 to 4.
    pty.send("nnnn");
    pty.wait_for("Point en cours 4/12");
    pty.wait_for("Référent : aucun");
    pty.send("\r");
    choose(&mut pty, decision_index(Decision::ChangeReferent));
    pty.wait_for("Nouveau référent de parcours");
    pty.type_slowly("Maison des adolescents");
    pty.send("\t");
    pty.send("\x1b[C");
    pty.send("\t");
    pty.type_slowly("Mme P.");
    pty.send("\r");
    pty.wait_until("the référent written in the meeting", |_| {
        folders.meeting(MEETING).items[3]
            .referent
            .as_ref()
            .is_some_and(|r| {
                r.structure == "Maison des adolescents" && r.person.as_deref() == Some("Mme P.")
            })
    });
    pty.wait_for("Référent : Maison des adolescents");
    // The dashboard no longer lists the alert.
    pty.send("1");
    pty.wait_for("Alertes");
    pty.wait_until("the alert cleared", |screen| {
        screen.contains("Alertes") && !no_referent_alert(screen)
    });
    // And a fresh start reads the same from the files.
    pty.send("q");
    pty.wait_exit();
    let mut again = folders.spawn(false, "cdm", 100, 30);
    again.wait_for("Examens");
    assert!(!no_referent_alert(&again.screen()), "{}", again.screen());
}

#[test]
fn a_closure_in_a_seance_takes_the_case_off_the_next_draft() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 100, 30);
    pty.send("q");
    pty.wait_exit();
    // A later draft of the CPRAF holding the same cases.
    let mut next = folders.meeting(MEETING);
    next.id = "2027-01-11-cpraf".into();
    next.date = chrono::NaiveDate::from_ymd_opt(2027, 1, 11).unwrap();
    next.status = MeetingStatus::Draft;
    let path = folders.root().join("49/meetings/2027-01-11-cpraf.yaml");
    std::fs::write(&path, cellule::store::meeting_to_yaml(&next)).unwrap();
    assert!(next.has_case("49-2025-005"));

    // Held on its day (14 December), so that its date stays.
    let mut pty = folders.spawn_on(false, "cdm", 100, 30, Some("2026-12-14"));
    pty.send("3");
    pty.wait_for("Réunions (");
    // The newest meeting comes first: the one of 14 December is the second.
    pty.send("j");
    pty.send("m");
    pty.wait_for("Elle sera enregistrée le lundi 14 décembre 2026");
    pty.send("\r");
    pty.wait_for("tenue");
    pty.wait_for("14/12/2026");
    // 49-2025-005: fin du suivi, the person moved (the roll call, then item 1, then 2).
    pty.send("nn");
    pty.wait_for("Point en cours 2/12");
    pty.send("\r");
    choose(&mut pty, decision_index(Decision::Close));
    pty.wait_for("Motif de fin du suivi");
    choose(&mut pty, reason_index(ClosureReason::Moved));
    pty.wait_for("Fin du suivi");
    pty.send("c");
    pty.wait_for("Clore la réunion");
    pty.send("o");
    pty.wait_until("the case taken off the next draft", |_| {
        !folders.meeting("2027-01-11-cpraf").has_case("49-2025-005")
    });
    let later = folders.meeting("2027-01-11-cpraf");
    assert!(later.has_case("49-2025-013"), "the other cases stay");
    assert_eq!(later.status, MeetingStatus::Draft);
    pty.wait_for("retirée");
    let held = folders.meeting(MEETING);
    assert_eq!(held.status, MeetingStatus::Closed);
    assert_eq!(held.items[1].closure_reason, Some(ClosureReason::Moved));
}

/// A tmpfs mounted on `path` (root on Linux), unmounted when dropped; `None` where the
/// system does not allow it.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(path: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(path).ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(path.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Fills the file system of `dir` with one file; removing it gives the room back.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap();
    let block = vec![b'x'; 4096];
    while f.write_all(&block).is_ok() {}
    let _ = f.sync_all();
    path
}

/// Types `text` in the decision text of the séance's second item.
fn type_decision_text(pty: &mut Pty, text: &str) {
    // The roll call first, then items 1 and 2.
    pty.send("nn");
    pty.wait_for("Point en cours 2/12");
    pty.send("j");
    pty.send("\r");
    pty.wait_for("Saisie enregistrée");
    pty.send(text);
    pty.wait_for(&text[text.len() - 8..]);
}

/// A save that fails (a really full disk where a tmpfs can be mounted, else a fault
/// injected with ENOSPC): the marker and its reason stay on screen, the text is kept in a
/// rescue copy; once the room is back, it is written without a key and the marker goes.
#[test]
fn a_failed_save_is_marked_then_written_without_a_key_once_the_disk_has_room() {
    let folders = Folders::new();
    let tmpfs = Tmpfs::mount(&folders.root(), "3m");
    let fault = folders.holder.path().join("fault");
    let fault_env = fault.display().to_string();
    if tmpfs.is_none() {
        println!("note: cannot mount a tmpfs here (not root?): the full disk is injected (ENOSPC)");
    }
    let mut pty = folders.spawn_with(true, "cdm", 120, 30, &[("CELLULE_FAULT_FILE", &fault_env)]);
    start_seance(&mut pty);
    let filler = match &tmpfs {
        Some(_) => Some(fill(&folders.root())),
        None => {
            std::fs::write(&fault, "28").unwrap();
            None
        }
    };
    let text = "Texte tapé pendant que le disque est plein";
    type_decision_text(&mut pty, text);
    pty.wait_for("non enregistré");
    pty.wait_for("plus de place sur le disque");
    assert!(pty.screen().contains("nouvel essai"), "{}", pty.screen());
    assert!(!folders.meeting_text().contains(text));
    pty.wait_until("a rescue copy with the text", |_| {
        folders.rescue_copies().iter().any(|c| {
            std::fs::read_to_string(c)
                .unwrap_or_default()
                .contains(text)
        })
    });
    // The cause goes; no key is pressed.
    match filler {
        Some(path) => std::fs::remove_file(path).unwrap(),
        None => std::fs::remove_file(&fault).unwrap(),
    }
    pty.wait_until("the text written by a retry", |_| {
        folders.meeting_text().contains(text)
    });
    pty.wait_until("the marker gone", |screen| {
        !screen.contains("non enregistré")
    });
    assert!(
        folders.rescue_copies().is_empty(),
        "{:?}",
        folders.rescue_copies()
    );
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

/// Leaving the séance with a save not done asks (try again, a copy to a file, leave);
/// quitting asks again; the rescue copy stays and the next start offers to restore it,
/// which writes it through the hash-checked save.
#[test]
fn leaving_with_unsaved_text_asks_and_the_next_start_restores_it() {
    let folders = Folders::new();
    let fault = folders.holder.path().join("fault");
    let fault_env = fault.display().to_string();
    let env = [("CELLULE_FAULT_FILE", fault_env.as_str())];
    let mut pty = folders.spawn_with(true, "cdm", 120, 30, &env);
    start_seance(&mut pty);
    std::fs::write(&fault, "30").unwrap();
    let text = "Texte tapé sur un partage en lecture seule";
    type_decision_text(&mut pty, text);
    pty.wait_for("lecture seule");
    pty.wait_for("non enregistré");
    // Leave the field, then the séance: asked.
    pty.send("\x1b");
    pty.send("\x1b");
    pty.wait_for("Quitter la séance ?");
    assert!(pty.screen().contains("Réessayer maintenant"));
    // A copy to a file the user names.
    let copy = folders.holder.path().join("copie.yaml");
    pty.send("\x1b[B");
    pty.send("\r");
    pty.wait_for("Chemin du fichier");
    pty.send(&copy.display().to_string());
    pty.send("\r");
    pty.wait_for("Copie écrite");
    assert!(std::fs::read_to_string(&copy).unwrap().contains(text));
    // Leave the séance: the copy stays, the marker too.
    pty.wait_for("Quitter la séance ?");
    pty.send("\r");
    pty.wait_until("the séance left", |s| !s.contains("Quitter la séance ?"));
    assert!(pty.screen().contains("non enregistré"));
    pty.send("1");
    pty.wait_for("Alertes");
    pty.send("q");
    pty.wait_for("Quitter cellule ?");
    pty.send("\x1b[B\x1b[B");
    pty.send("\r");
    assert_eq!(pty.wait_exit(), 0);
    assert!(!folders.meeting_text().contains(text));
    let copies = folders.rescue_copies();
    assert_eq!(copies.len(), 1, "{copies:?}");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copies[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The share is writable again; the next start asks.
    std::fs::remove_file(&fault).unwrap();
    let mut pty = folders.spawn(false, "cdm", 120, 30);
    pty.wait_for("Copie de secours");
    assert!(
        pty.screen().contains("2026-12-14-cpraf.yaml"),
        "{}",
        pty.screen()
    );
    pty.send("\r");
    pty.wait_for("Copie de secours restaurée");
    assert!(folders.meeting_text().contains(text));
    assert!(folders.rescue_copies().is_empty());
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

/// Ctrl-c, SIGTERM and SIGHUP with a save not done: the program ends, the rescue copy
/// stays with the text.
#[test]
fn a_signal_or_ctrl_c_with_a_save_not_done_keeps_the_rescue_copy() {
    for how in ["ctrl-c", "TERM", "HUP"] {
        let folders = Folders::new();
        let fault = folders.holder.path().join("fault");
        let fault_env = fault.display().to_string();
        let env = [("CELLULE_FAULT_FILE", fault_env.as_str())];
        let mut pty = folders.spawn_with(true, "cdm", 120, 30, &env);
        start_seance(&mut pty);
        std::fs::write(&fault, "13").unwrap();
        let text = "Texte tapé sans permission";
        type_decision_text(&mut pty, text);
        pty.wait_for("permission refusée");
        match how {
            "ctrl-c" => pty.send("\x03"),
            signal => pty.signal(signal),
        }
        let code = pty.wait_exit();
        assert!([0, 129, 143].contains(&code), "{how}: {code}");
        let copies = folders.rescue_copies();
        assert_eq!(copies.len(), 1, "{how}: {copies:?}");
        assert!(
            std::fs::read_to_string(&copies[0]).unwrap().contains(text),
            "{how}"
        );
        assert!(!folders.meeting_text().contains(text), "{how}");
    }
}

/// A slow disk (each write takes 2.5 s, injected): keys typed while a save is under way
/// are on screen at once; the save is done off the event loop, then the text is whole.
#[test]
fn keys_are_shown_at_once_while_a_slow_save_is_under_way() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
    let mut pty = folders.spawn_with(false, "cdm", 120, 30, &[("CELLULE_FAULT_DELAY_MS", "2500")]);
    start_seance(&mut pty);
    // The roll call first, then items 1 and 2.
    pty.send("nn");
    pty.wait_for("Point en cours 2/12");
    pty.send("j");
    pty.send("\r");
    pty.wait_for("Saisie enregistrée");
    pty.send("Premier");
    pty.wait_for("Premier");
    // The pause: its save starts and takes 2.5 s. Keys typed meanwhile show at once.
    std::thread::sleep(Duration::from_millis(900));
    let typed = Instant::now();
    pty.send(" second");
    pty.wait_for("Premier second");
    let shown = typed.elapsed();
    assert!(
        shown < Duration::from_millis(1200),
        "keys shown after {shown:?} while the disk was busy"
    );
    pty.wait_until("the whole text saved", |_| {
        folders.meeting(MEETING).items[1].decision_text.as_deref() == Some("Premier second")
    });
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

/// Temporary files a crash left (named, where the system has no unnamed ones) are removed
/// when the interface starts, with a notice; one changed a moment ago (another instance may
/// be writing it) stays.
#[test]
fn temporary_files_left_by_a_crash_are_removed_at_the_next_start() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 30);
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
    let minutes = folders.root().join("49/minutes");
    std::fs::create_dir_all(&minutes).unwrap();
    let old = [
        minutes.join(".cellule-tmp-a1b2c3"),
        folders.root().join("49/meetings/.cellule-tmp-d4e5f6"),
    ];
    for path in &old {
        let f = std::fs::File::create(path).unwrap();
        std::io::Write::write_all(&mut &f, b"notes internes").unwrap();
        f.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }
    let fresh = minutes.join(".cellule-tmp-g7h8i9");
    std::fs::write(&fresh, b"en cours").unwrap();
    let mut pty = folders.spawn(false, "cdm", 120, 30);
    pty.wait_for("2 fichiers temporaires laissés par un arrêt brutal ont été supprimés");
    for path in &old {
        assert!(!path.exists(), "{path:?}");
    }
    assert!(fresh.exists());
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

/// The body's draft meetings other than the demo's, read from the files.
fn other_cpraf_drafts(folders: &Folders) -> Vec<Meeting> {
    let loaded = cellule::store::load_root(&folders.root()).unwrap();
    loaded.depts[0]
        .data
        .meetings
        .iter()
        .filter(|m| m.body == "cpraf" && m.id != MEETING && m.status == MeetingStatus::Draft)
        .cloned()
        .collect()
}

#[test]
fn an_item_postponed_in_the_seance_goes_onto_a_new_draft_and_survives_kill_9() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);
    assert!(
        other_cpraf_drafts(&folders).is_empty(),
        "no later draft in the demo"
    );
    pty.send("nn");
    pty.wait_for("2/12");
    let planned = folders.meeting(MEETING);
    let case = planned.items[1].case.clone().expect("a case item");
    pty.send("R");
    pty.wait_for("créée en préparation");
    pty.wait_until("the item recorded as postponed", |_| {
        folders.meeting(MEETING).postponed.len() == 1
    });
    pty.wait_until("the new draft written", |_| {
        other_cpraf_drafts(&folders).len() == 1
    });
    // kill -9 right away: both files are on disk.
    pty.kill();
    let held = folders.meeting(MEETING);
    assert_eq!(held.items.len(), planned.items.len() - 1);
    assert!(!held.has_case(&case), "taken off this agenda");
    assert_eq!(held.postponed[0].item.case.as_deref(), Some(case.as_str()));
    let next = other_cpraf_drafts(&folders).remove(0);
    assert_eq!(held.postponed[0].to, next.id);
    assert!(next.has_case(&case), "put onto the next draft");
    assert!(next.date > held.date);

    // Reopened: `u` brings it back, in both files.
    let mut again = folders.spawn(false, "cdm", 120, 36);
    again.send("3");
    again.wait_for("Réunions (");
    again.send("j");
    again.send("m");
    again.wait_for("consultation");
    again.send("r");
    again.wait_for("Reprendre la séance ?");
    again.send("\r");
    // The lock left by the killed session is taken over.
    again.wait_for("reprendre la main");
    again.send("\r");
    again.wait_until("the séance resumed", |s| {
        !s.contains("consultation") && !s.contains("reprendre la main")
    });
    // A second item postponed goes onto the same draft, then undone.
    again.send("R");
    again.wait_for("Point reporté à la réunion du");
    again.wait_until("the second item on the same draft", |_| {
        let drafts = other_cpraf_drafts(&folders);
        drafts.len() == 1 && drafts[0].items.len() == next.items.len() + 1
    });
    again.send("u");
    again.wait_until("undone in both files", |_| {
        folders.meeting(MEETING).postponed.len() == 1
            && other_cpraf_drafts(&folders)[0].items.len() == next.items.len()
    });
    again.send("\x03");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn an_item_to_come_moves_up_and_one_taken_up_keeps_its_place() {
    let folders = Folders::new();
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);
    pty.send("nn");
    pty.wait_for("2/12");
    let planned = folders.meeting(MEETING);
    // `>` chooses the third item, `K` moves it up: it is the one taken now.
    pty.send(">");
    pty.send("K");
    pty.wait_until("the third item moved up in the file", |_| {
        folders.meeting(MEETING).items[1].case == planned.items[2].case
    });
    let m = folders.meeting(MEETING);
    assert_eq!(m.items[2].case, planned.items[1].case);
    assert_eq!(m.items.len(), planned.items.len());
    // Up again: the first item was taken up, it keeps its place and says so.
    pty.send("K");
    pty.wait_for("garde sa place");
    assert_eq!(folders.meeting(MEETING).items[0], m.items[0]);
    // `J` takes it back down; `u` undoes that.
    pty.send("J");
    pty.wait_until("moved back down", |_| {
        folders.meeting(MEETING).items[1].case == planned.items[1].case
    });
    pty.send("u");
    pty.wait_until("the move undone", |_| {
        folders.meeting(MEETING).items[1].case == planned.items[2].case
    });
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}
