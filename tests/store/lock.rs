//! The lock of a meeting being edited: two instances, stale locks, take-over.

use cellule::store::lock::{
    LockInfo, LockState, acquire, acquire_as, current_host, lock_path, take_over, take_over_as,
};
use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use std::fs;
use std::path::PathBuf;

/// Now, to the second (as lock files keep it).
fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

fn meeting_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("2026-11-30-cpraf.yaml");
    fs::write(&path, "id: 2026-11-30-cpraf\n").unwrap();
    path
}

fn forge(path: &std::path::Path, info: &LockInfo) {
    fs::write(lock_path(path), info.to_text()).unwrap();
}

#[test]
fn the_second_instance_is_told_who_holds_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    let LockState::Acquired(first) = acquire(&file).unwrap() else {
        panic!("the first instance gets the lock");
    };
    let on_disk = fs::read_to_string(lock_path(&file)).unwrap();
    assert_eq!(LockInfo::parse(&on_disk).as_ref(), Some(first.info()));
    assert_eq!(first.info().pid, std::process::id());
    assert_eq!(first.info().host, current_host());
    assert_eq!(first.path(), lock_path(&file));
    match acquire(&file).unwrap() {
        LockState::HeldBy(holder) => assert_eq!(&holder, first.info()),
        other => panic!("expected HeldBy, got {other:?}"),
    }
    // Still held: the second look changed nothing.
    assert!(first.still_ours());
    assert_eq!(fs::read_to_string(lock_path(&file)).unwrap(), on_disk);
    drop(first);
    assert!(
        !lock_path(&file).exists(),
        "the lock file goes with its guard"
    );
    let LockState::Acquired(second) = acquire(&file).unwrap() else {
        panic!("free again after the first ended");
    };
    second.release().unwrap();
    assert!(!lock_path(&file).exists());
}

#[test]
fn a_lock_left_by_a_dead_process_on_this_host_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    let left = LockInfo {
        user: "alice".into(),
        host: current_host(),
        pid: u32::MAX,
        since: now() - TimeDelta::minutes(5),
    };
    forge(&file, &left);
    let seen = match acquire(&file).unwrap() {
        LockState::Stale(info) => info,
        other => panic!("expected Stale, got {other:?}"),
    };
    assert_eq!(seen.user, "alice");
    // Nothing is taken without confirmation.
    assert_eq!(
        LockInfo::parse(&fs::read_to_string(lock_path(&file)).unwrap()),
        Some(left.clone())
    );
    let LockState::Acquired(mine) = take_over(&file, &seen).unwrap() else {
        panic!("take-over after confirmation");
    };
    assert_eq!(mine.info().pid, std::process::id());
    let on_disk = LockInfo::parse(&fs::read_to_string(lock_path(&file)).unwrap()).unwrap();
    assert_eq!(&on_disk, mine.info());
    assert!(matches!(acquire(&file).unwrap(), LockState::HeldBy(_)));
    drop(mine);
    assert!(!lock_path(&file).exists());
}

#[test]
fn a_lock_from_another_host_is_respected_until_it_is_twelve_hours_old() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    let mut other = LockInfo {
        user: "bob".into(),
        host: "another-host.example.invalid".into(),
        pid: u32::MAX,
        since: now() - TimeDelta::hours(11),
    };
    forge(&file, &other);
    match acquire(&file).unwrap() {
        LockState::HeldBy(info) => assert_eq!(info, other),
        state => panic!("expected HeldBy, got {state:?}"),
    }
    // Taking over a lock that is not stale does nothing.
    assert!(matches!(
        take_over(&file, &other).unwrap(),
        LockState::HeldBy(_)
    ));
    assert_eq!(
        LockInfo::parse(&fs::read_to_string(lock_path(&file)).unwrap()),
        Some(other.clone())
    );
    other.since = now() - TimeDelta::hours(13);
    forge(&file, &other);
    let LockState::Stale(seen) = acquire(&file).unwrap() else {
        panic!("older than twelve hours: stale");
    };
    assert!(matches!(
        take_over(&file, &seen).unwrap(),
        LockState::Acquired(_)
    ));
}

#[test]
fn a_take_over_of_a_lock_that_changed_hands_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    let old = LockInfo {
        user: "bob".into(),
        host: "another-host.example.invalid".into(),
        pid: 7,
        since: now() - TimeDelta::hours(20),
    };
    forge(&file, &old);
    let LockState::Stale(seen) = acquire(&file).unwrap() else {
        panic!("stale");
    };
    // Meanwhile someone else took it.
    let newer = LockInfo {
        user: "carol".into(),
        since: now() - TimeDelta::hours(14),
        ..old
    };
    forge(&file, &newer);
    match take_over(&file, &seen).unwrap() {
        LockState::Stale(info) => assert_eq!(info, newer, "shown again, not taken"),
        state => panic!("expected Stale, got {state:?}"),
    }
    assert_eq!(
        LockInfo::parse(&fs::read_to_string(lock_path(&file)).unwrap()),
        Some(newer)
    );
}

#[test]
fn a_session_left_open_overnight_can_be_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    let yesterday = now() - TimeDelta::hours(13);
    let sleeper = LockInfo::here(yesterday);
    let LockState::Acquired(old) = acquire_as(&file, sleeper, yesterday, |_| true).unwrap() else {
        panic!("the first session gets the lock");
    };
    let LockState::Stale(seen) = acquire(&file).unwrap() else {
        panic!("still held, but for more than twelve hours");
    };
    assert_eq!(&seen, old.info());
    let LockState::Acquired(new) = take_over(&file, &seen).unwrap() else {
        panic!("taken over");
    };
    assert!(!old.still_ours());
    assert!(new.still_ours());
    // The old session ending leaves the new lock alone.
    drop(old);
    assert!(lock_path(&file).exists());
    assert!(new.still_ours());
    match acquire(&file).unwrap() {
        LockState::HeldBy(info) => assert_eq!(&info, new.info()),
        state => panic!("expected HeldBy, got {state:?}"),
    }
    drop(new);
    assert!(!lock_path(&file).exists());
}

#[test]
fn an_empty_or_garbled_lock_file_nobody_holds_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    for text in ["", "garbage\n\u{0}\u{1b}[2J", "user: x\n"] {
        fs::write(lock_path(&file), text).unwrap();
        let LockState::Acquired(lock) = acquire(&file).unwrap() else {
            panic!("{text:?}: taken");
        };
        assert!(lock.still_ours());
    }
}

#[test]
fn a_missing_folder_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("missing").join("2026-11-30-cpraf.yaml");
    assert!(acquire(&file).is_err());
    let now = Utc::now();
    let seen = LockInfo::here(now);
    assert!(take_over_as(&file, &seen, LockInfo::here(now), now, |_| true).is_err());
}

#[test]
fn an_ending_session_never_removes_a_lock_file_that_replaced_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_file(&dir);
    let LockState::Acquired(old) = acquire(&file).unwrap() else {
        panic!("acquired");
    };
    // Another instance has just replaced the file and not yet written its name in it.
    fs::remove_file(lock_path(&file)).unwrap();
    fs::write(lock_path(&file), "").unwrap();
    assert!(!old.still_ours());
    old.release().unwrap();
    assert!(lock_path(&file).exists());
}
