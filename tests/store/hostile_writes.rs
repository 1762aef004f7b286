//! Hostile places to write: symbolic links out of the data root, read-only files and
//! folders, a full disk. A write either happens completely inside the data root or not
//! at all, with a clear message, and the file on disk stays as it was.

use crate::support::data;
use assert_cmd::Command;
use cellule::domain::Meeting;
use cellule::i18n::Lang;
use cellule::store::{Expect, Stamp, WriteError, load_root, save_meeting, write_atomic};
use data::*;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tempfile::TempDir;

const MEETING: &str = "2026-12-14-cpraf";
const MEETING_REL: &str = "49/meetings/2026-12-14-cpraf.yaml";

/// The demo meeting, edited in memory.
fn edited_meeting(root: &Path) -> Meeting {
    let loaded = load_root(root).unwrap();
    let mut m = loaded
        .dept("49")
        .unwrap()
        .data
        .meeting(MEETING)
        .unwrap()
        .clone();
    m.place = Some("Salle modifiée".into());
    m
}

fn is_root() -> bool {
    let out = std::process::Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

fn cellule() -> Command {
    let config = TempDir::new().unwrap();
    let mut cmd = Command::cargo_bin("cellule").unwrap();
    cmd.env_remove("CELLULE_DATA")
        .env("CELLULE_CONFIG_DIR", config.path())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(20));
    // The folder is removed when the test ends; the config is read at start only.
    std::mem::forget(config);
    cmd
}

/// Names in a folder, sorted (to see that no temporary file is left behind).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_meetings_folder_linked_out_of_the_root_is_never_written_through() {
    let root = demo_root();
    let outside = TempDir::new().unwrap();
    let meetings = root.path().join("49/meetings");
    copy_dir(&meetings, outside.path());
    fs::remove_dir_all(&meetings).unwrap();
    symlink(outside.path(), &meetings).unwrap();
    let before = names(outside.path());
    let original = fs::read(outside.path().join(format!("{MEETING}.yaml"))).unwrap();

    let m = edited_meeting(root.path());
    let err = save_meeting(root.path(), "49", &m, Expect::Any).unwrap_err();
    assert!(matches!(err, WriteError::OutsideRoot { .. }), "{err:?}");
    assert!(err.text(Lang::Fr).contains("sort du dossier de données"));
    assert_eq!(names(outside.path()), before);
    assert_eq!(
        fs::read(outside.path().join(format!("{MEETING}.yaml"))).unwrap(),
        original
    );
}

#[test]
fn a_meeting_file_linked_out_of_the_root_is_replaced_not_written_through() {
    let root = demo_root();
    let outside = TempDir::new().unwrap();
    let path = root.path().join(MEETING_REL);
    let target = outside.path().join("elsewhere.yaml");
    fs::copy(&path, &target).unwrap();
    let original = fs::read(&target).unwrap();
    let m = edited_meeting(root.path());
    fs::remove_file(&path).unwrap();
    symlink(&target, &path).unwrap();

    // A link is never read (opened without following links): a checked save is refused
    // with its own message, and nothing is written anywhere.
    let err = save_meeting(
        root.path(),
        "49",
        &m,
        Expect::Unchanged(Stamp::of(&original)),
    )
    .unwrap_err();
    assert!(matches!(err, WriteError::NotRegular { .. }), "{err:?}");
    assert_eq!(fs::read(&target).unwrap(), original);
    // Saved over whatever is there: the link becomes a file.
    save_meeting(root.path(), "49", &m, Expect::Any).unwrap();
    assert!(
        !fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(&target).unwrap(),
        original,
        "the target was written"
    );
    let loaded = load_root(root.path()).unwrap();
    assert_eq!(loaded.dept("49").unwrap().data.meeting(MEETING), Some(&m));

    // A link to a device (`/dev/full`, `/dev/null`) is replaced the same way.
    for device in ["/dev/full", "/dev/null"] {
        fs::remove_file(&path).unwrap();
        symlink(device, &path).unwrap();
        save_meeting(root.path(), "49", &m, Expect::Any).unwrap();
        assert!(fs::symlink_metadata(&path).unwrap().is_file());
        assert!(
            fs::symlink_metadata(device)
                .unwrap()
                .file_type()
                .is_char_device_like()
        );
    }

    // write_atomic on its own: same rule.
    let other = root.path().join("49/meetings/link.yaml");
    symlink(&target, &other).unwrap();
    write_atomic(&other, b"x: 1\n", Expect::Any).unwrap();
    assert_eq!(fs::read(&target).unwrap(), original);
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn ids_with_paths_are_refused_on_save() {
    let root = demo_root();
    let mut m = edited_meeting(root.path());
    for id in [
        "../../x",
        "a/b",
        "..",
        "-rf",
        "with space",
        "",
        "x\u{1b}[2J",
    ] {
        m.id = id.into();
        let err = save_meeting(root.path(), "49", &m, Expect::New).unwrap_err();
        assert!(matches!(err, WriteError::BadId { .. }), "{id:?}: {err:?}");
        assert!(!err.text(Lang::Fr).contains('\u{1b}'));
    }
    for dept in ["../49", "49/..", "", "00"] {
        let err =
            save_meeting(root.path(), dept, &edited_meeting(root.path()), Expect::Any).unwrap_err();
        assert!(
            matches!(err, WriteError::UnknownDepartment { .. }),
            "{dept:?}: {err:?}"
        );
    }
}

#[test]
fn exports_are_never_written_through_a_folder_linked_out_of_the_root() {
    let root = demo_root();
    let outside = TempDir::new().unwrap();
    for folder in ["minutes", "agendas", "reports"] {
        symlink(outside.path(), root.path().join("49").join(folder)).unwrap();
    }
    for args in [
        vec![
            "export",
            "minutes",
            "--dept",
            "49",
            "--meeting",
            "2026-11-16-cpraf",
        ],
        vec!["export", "agenda", "--dept", "49", "--meeting", MEETING],
        vec!["report", "monthly", "--dept", "49", "--month", "2026-11"],
    ] {
        let out = cellule()
            .args(&args)
            .arg("--data")
            .arg(root.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(stderr.contains("sort du dossier de données"), "{stderr}");
    }
    assert!(
        names(outside.path()).is_empty(),
        "{:?}",
        names(outside.path())
    );
}

/// Makes a file or folder unwritable for the duration of a test: permission bits for a
/// normal user; the immutable attribute for root (permission bits do not stop root).
/// `None` (with a note printed) when neither is possible here.
struct Frozen(PathBuf, bool);

impl Frozen {
    fn new(path: &Path) -> Option<Frozen> {
        if is_root() {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                eprintln!("note: running as root without chattr +i here: read-only part skipped");
                return None;
            }
            Some(Frozen(path.to_path_buf(), true))
        } else {
            use std::os::unix::fs::PermissionsExt;
            let mode = if path.is_dir() { 0o555 } else { 0o444 };
            fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
            Some(Frozen(path.to_path_buf(), false))
        }
    }
}

impl Drop for Frozen {
    fn drop(&mut self) {
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        } else {
            use std::os::unix::fs::PermissionsExt;
            let mode = if self.0.is_dir() { 0o755 } else { 0o644 };
            let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(mode));
        }
    }
}

#[test]
fn a_read_only_meeting_file_gives_a_clear_message_and_is_left_as_it_was() {
    let root = demo_root();
    let path = root.path().join(MEETING_REL);
    let original = fs::read(&path).unwrap();
    let m = edited_meeting(root.path());
    {
        let Some(_frozen) = Frozen::new(&path) else {
            return;
        };
        let err = save_meeting(
            root.path(),
            "49",
            &m,
            Expect::Unchanged(Stamp::of(&original)),
        )
        .unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }), "{err:?}");
        let text = err.text(Lang::Fr);
        assert!(text.contains("écriture impossible"), "{text}");
        assert!(text.contains("2026-12-14-cpraf.yaml"), "{text}");
        assert_eq!(fs::read(&path).unwrap(), original);
        // The edit is still there to be saved once the file is writable again.
        assert_eq!(m.place.as_deref(), Some("Salle modifiée"));
    }
    save_meeting(
        root.path(),
        "49",
        &m,
        Expect::Unchanged(Stamp::of(&original)),
    )
    .unwrap();
    assert_ne!(fs::read(&path).unwrap(), original);
}

#[test]
fn a_read_only_meetings_folder_gives_a_clear_message() {
    let root = demo_root();
    let folder = root.path().join("49/meetings");
    let before = names(&folder);
    let m = edited_meeting(root.path());
    let Some(_frozen) = Frozen::new(&folder) else {
        return;
    };
    let err = save_meeting(root.path(), "49", &m, Expect::Any).unwrap_err();
    assert!(matches!(err, WriteError::Io { .. }), "{err:?}");
    assert!(
        err.text(Lang::En).contains("cannot write"),
        "{}",
        err.text(Lang::En)
    );
    assert_eq!(names(&folder), before);
}

#[test]
fn a_read_only_minutes_file_makes_export_fail_with_exit_3() {
    let root = demo_root();
    let minutes = root.path().join("49/minutes");
    fs::create_dir(&minutes).unwrap();
    let file = minutes.join("2026-11-16-cpraf.partners.md");
    fs::write(&file, "ancien compte rendu\n").unwrap();
    let Some(_frozen) = Frozen::new(&file) else {
        return;
    };
    let out = cellule()
        .args([
            "export",
            "minutes",
            "--dept",
            "49",
            "--meeting",
            "2026-11-16-cpraf",
            "--data",
        ])
        .arg(root.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("2026-11-16-cpraf.partners.md"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "ancien compte rendu\n");
}

/// A full disk, simulated by a file-size limit: the system refuses to let the process
/// write more than a few KiB (EFBIG), as it would refuse on a full disk (ENOSPC).
/// The old minutes stay whole and no temporary file is left behind.
#[test]
fn a_full_disk_while_exporting_leaves_the_old_file_whole() {
    let root = demo_root();
    let minutes = root.path().join("49/minutes");
    fs::create_dir(&minutes).unwrap();
    let file = minutes.join("2026-11-16-cpraf.internal.md");
    fs::write(&file, "ancien compte rendu\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("cellule");
    let config = TempDir::new().unwrap();
    // SIGXFSZ ignored (inherited through exec), so the write fails with EFBIG instead.
    let script = "trap '' XFSZ; ulimit -f 2; exec \"$0\" export minutes --dept 49 \
                  --meeting 2026-11-16-cpraf --level internal --data \"$1\"";
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(&bin)
        .arg(root.path())
        .env_remove("CELLULE_DATA")
        .env("CELLULE_CONFIG_DIR", config.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("écriture impossible"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "ancien compte rendu\n");
    assert_eq!(
        names(&minutes),
        vec!["2026-11-16-cpraf.internal.md".to_string()]
    );
}

/// A really full disk: a tiny tmpfs, where the system allows mounting one (root on Linux).
#[test]
fn a_full_tmpfs_refuses_the_save_and_keeps_the_meeting_file() {
    let mount = TempDir::new().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(mount.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("note: cannot mount a tmpfs here (not root?): full-disk part skipped");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mount.path().to_path_buf());
    let root = mount.path();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo/49");
    fs::create_dir_all(root.join("49/meetings")).unwrap();
    fs::copy(
        demo.join("department.yaml"),
        root.join("49/department.yaml"),
    )
    .unwrap();
    fs::create_dir_all(root.join("49/cases")).unwrap();
    // Alone in its folder: without the meeting whose minutes it approves.
    let meeting = fs::read_to_string(demo.join("meetings/2026-12-14-cpraf.yaml"))
        .unwrap()
        .replace("    approves: 2026-11-16-cpraf\n", "");
    // Only the cases this meeting names are needed for it to load.
    for entry in fs::read_dir(demo.join("cases")).unwrap() {
        let entry = entry.unwrap();
        let stem = entry
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if meeting.contains(&stem) {
            fs::copy(entry.path(), root.join("49/cases").join(entry.file_name())).unwrap();
        }
    }
    fs::write(root.join(MEETING_REL), &meeting).unwrap();
    let m = edited_meeting(root);
    // Fill the disk.
    let mut filler = fs::File::create(root.join("filler")).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    drop(filler);
    let err = save_meeting(root, "49", &m, Expect::Any).unwrap_err();
    assert!(matches!(err, WriteError::Io { .. }), "{err:?}");
    assert!(
        err.text(Lang::Fr).contains("écriture impossible"),
        "{}",
        err.text(Lang::Fr)
    );
    assert_eq!(fs::read_to_string(root.join(MEETING_REL)).unwrap(), meeting);
    assert_eq!(
        names(&root.join("49/meetings")),
        vec![format!("{MEETING}.yaml")]
    );
    // Room again: the same edit is saved.
    fs::remove_file(root.join("filler")).unwrap();
    save_meeting(root, "49", &m, Expect::Any).unwrap();
    assert_eq!(
        load_root(root)
            .unwrap()
            .dept("49")
            .unwrap()
            .data
            .meeting(MEETING),
        Some(&m)
    );
}

/// A lock file planted as a symbolic link (to a file of the user's, or to nowhere yet) is
/// refused: the target is neither truncated nor created.
#[test]
fn a_lock_file_that_is_a_symbolic_link_is_never_written_through() {
    use cellule::store::lock;
    let root = demo_root();
    let outside = TempDir::new().unwrap();
    let meeting = root.path().join(MEETING_REL);
    let victim = outside.path().join("precious.txt");
    fs::write(&victim, "précieux\n").unwrap();
    let lock_file = lock::lock_path(&meeting);
    symlink(&victim, &lock_file).unwrap();
    let err = lock::acquire(&meeting).expect_err("refused");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{err}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "précieux\n");
    // A dangling link: nothing is created at its target.
    fs::remove_file(&lock_file).unwrap();
    let nowhere = outside.path().join("created.txt");
    symlink(&nowhere, &lock_file).unwrap();
    assert!(lock::acquire(&meeting).is_err());
    assert!(!nowhere.exists());
    // A plain lock file works as before.
    fs::remove_file(&lock_file).unwrap();
    assert!(matches!(
        lock::acquire(&meeting).unwrap(),
        lock::LockState::Acquired(_)
    ));
}

/// The interface's exports and new cases follow the same rule as the command line.
#[test]
fn the_interface_never_writes_through_a_folder_linked_out_of_the_root() {
    use cellule::tui::{ExportRequest, MinutesLevel, Persist};
    use cellule::workspace::Workspace;
    let root = demo_root();
    let outside = TempDir::new().unwrap();
    symlink(outside.path(), root.path().join("49/minutes")).unwrap();
    let loaded = load_root(root.path()).unwrap();
    let dept = loaded.dept("49").unwrap();
    let mut persist = Workspace::new(root.path(), dept);
    let request = ExportRequest::Minutes {
        meeting: "2026-11-16-cpraf".into(),
        level: MinutesLevel::Internal,
        format: cellule::export::Format::Markdown,
    };
    let err = persist
        .export(&request, &dept.data, Lang::Fr, false)
        .unwrap_err()
        .text(Lang::Fr);
    assert!(err.contains("sort du dossier de données"), "{err}");
    assert!(names(outside.path()).is_empty());

    // `cases` linked out: a new case is not created there.
    let cases = root.path().join("49/cases");
    fs::rename(&cases, outside.path().join("cases")).unwrap();
    symlink(outside.path().join("cases"), &cases).unwrap();
    let before = names(&outside.path().join("cases"));
    let mut case = dept.data.cases[0].clone();
    case.id = "49-2026-099".into();
    let err = persist.create_case(&case).unwrap_err().text(Lang::Fr);
    assert!(err.contains("sort du dossier de données"), "{err}");
    assert_eq!(names(&outside.path().join("cases")), before);
}

#[test]
fn init_in_a_read_only_folder_gives_a_clear_message() {
    let parent = TempDir::new().unwrap();
    let Some(_frozen) = Frozen::new(parent.path()) else {
        return;
    };
    let out = cellule()
        .args(["init", "--dept", "49", "--data"])
        .arg(parent.path().join("donnees"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("donnees"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(names(parent.path()).is_empty());
}

/// The config file's `group_access` gives new files to the folder's group, in a folder
/// that is not setgid: `write` 0660, `read` 0640 (`lecture` in French), `none` 0600 even in a
/// setgid group folder; without the key a plain folder gives 0600. Never any access for
/// others.
#[test]
fn the_config_key_group_access_sets_the_mode_of_new_files() {
    use std::os::unix::fs::PermissionsExt;
    for (setting, setgid, expected) in [
        (None, false, 0o600),
        (Some("write"), false, 0o660),
        (Some("lecture"), false, 0o640),
        (Some("none"), true, 0o600),
        (None, true, 0o660),
    ] {
        let root = demo_root();
        let minutes = root.path().join("49/minutes");
        fs::create_dir(&minutes).unwrap();
        let folder_mode = if setgid { 0o2770 } else { 0o750 };
        fs::set_permissions(&minutes, fs::Permissions::from_mode(folder_mode)).unwrap();
        let config = TempDir::new().unwrap();
        if let Some(value) = setting {
            fs::write(
                config.path().join("config.yaml"),
                format!("group_access: {value}\n"),
            )
            .unwrap();
        }
        let out = cellule()
            .env("CELLULE_CONFIG_DIR", config.path())
            .args([
                "export",
                "minutes",
                "--meeting",
                "2026-11-16-cpraf",
                "--data",
            ])
            .arg(root.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{setting:?}: {stderr}");
        let file = minutes.join("2026-11-16-cpraf.partners.md");
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{setting:?} setgid {setgid}: {mode:o}");
    }
    // A wrong value is said with its place in the config file.
    let config = TempDir::new().unwrap();
    fs::write(config.path().join("config.yaml"), "group_access: tous\n").unwrap();
    let out = cellule()
        .env("CELLULE_CONFIG_DIR", config.path())
        .args(["validate", "--data"])
        .arg(demo_root().path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("config.yaml:1:15: accès du groupe « tous » inconnu"),
        "{stderr}"
    );
}

/// A case saved from the form: only its changed line is written; a colleague's change
/// made meanwhile, or an invalid value, writes nothing; never through a linked folder.
#[test]
fn a_case_saved_from_the_form_is_checked_before_it_is_written() {
    use cellule::tui::Persist;
    use cellule::workspace::{WorkError, Workspace};
    let root = demo_root();
    let loaded = load_root(root.path()).unwrap();
    let dept = loaded.dept("49").unwrap();
    let mut persist = Workspace::new(root.path(), dept);
    let file = root.path().join("49/cases/49-2025-002.yaml");
    let before = fs::read_to_string(&file).unwrap();
    let mut case = dept
        .data
        .cases
        .iter()
        .find(|c| c.id == "49-2025-002")
        .unwrap()
        .clone();
    case.label = "Cabinet H.".into();
    let saved = persist.save_case(&case).unwrap();
    assert_eq!(saved, case);
    let after = fs::read_to_string(&file).unwrap();
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [("label: Cabinet « Harmonie »", "label: Cabinet H.")]
    );
    assert_eq!(before.lines().count(), after.lines().count());
    // Invalid: refused with validate's sentence, nothing written.
    let mut bad = case.clone();
    bad.birth_year = Some(1800);
    let Err(WorkError::Invalid { problems, .. }) = persist.save_case(&bad) else {
        panic!("refused");
    };
    assert!(problems[0].msg.text(Lang::Fr).contains("1800"));
    assert_eq!(fs::read_to_string(&file).unwrap(), after);
    // A colleague's change meanwhile: a conflict, theirs kept.
    let theirs = after.replace("label: Cabinet H.", "label: Version du collègue");
    fs::write(&file, &theirs).unwrap();
    let mut mine = case.clone();
    mine.label = "Ma version".into();
    let err = persist.save_case(&mine).unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    assert_eq!(fs::read_to_string(&file).unwrap(), theirs);
    // Read again, it can be saved over.
    let reread = persist.reload_case("49-2025-002").unwrap();
    assert_eq!(reread.label, "Version du collègue");
    assert_eq!(persist.save_case(&mine).unwrap().label, "Ma version");
    // `cases` linked out of the root: nothing is written there.
    let outside = TempDir::new().unwrap();
    let cases = root.path().join("49/cases");
    fs::rename(&cases, outside.path().join("cases")).unwrap();
    symlink(outside.path().join("cases"), &cases).unwrap();
    let kept = fs::read_to_string(outside.path().join("cases/49-2025-002.yaml")).unwrap();
    assert!(persist.save_case(&case).is_err());
    assert_eq!(
        fs::read_to_string(outside.path().join("cases/49-2025-002.yaml")).unwrap(),
        kept
    );
}
