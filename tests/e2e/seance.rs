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
        let bin = Path::new(env!("CARGO_BIN_EXE_cellule"));
        let root = self.root().display().to_string();
        let mut args = Vec::new();
        if demo {
            args.push("demo");
        }
        args.extend(["--data", root.as_str()]);
        let config = self.config.path().display().to_string();
        let env = [
            ("CELLULE_CONFIG_DIR", config.as_str()),
            ("LANG", "C.UTF-8"),
            ("USER", user),
        ];
        let mut pty = Pty::spawn(bin, &args, &env, cols, rows);
        pty.wait_for("Alertes");
        pty
    }

    fn meeting(&self, id: &str) -> Meeting {
        let loaded = cellule::store::load_root(&self.root()).unwrap();
        loaded.depts[0].data.meeting(id).cloned().unwrap()
    }
}

/// Opens the séance of the demo's next meeting (the newest of the CPRAF) and starts it.
fn start_seance(pty: &mut Pty) {
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    pty.wait_for("Ouvrir la séance");
    pty.send("o");
    pty.wait_for("tenue");
}

/// Moves the selection of an open choice list down `n` times, then confirms.
fn choose(pty: &mut Pty, n: usize) {
    pty.send(&"j".repeat(n));
    pty.send("\r");
}

fn decision_index(d: Decision) -> usize {
    Decision::ALL.iter().position(|x| *x == d).unwrap() + 1
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
    let mut pty = folders.spawn(true, "cdm", 120, 36);
    start_seance(&mut pty);

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
    pty.send("j");
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

    // The approval of the minutes: a note.
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
    pty.wait_for("Motif de clôture");
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
    pty.send("jj\r");
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
    pty.send("n");
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
    again.wait_for("tenue");
    let screen = again.screen();
    assert!(
        !screen.contains("Ouvrir la séance"),
        "a held meeting is resumed:\n{screen}"
    );
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
    pty.wait_for("Ouvrir la séance");
    pty.send("o");
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
        pty.send("n");
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
    pty.send("n");
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
