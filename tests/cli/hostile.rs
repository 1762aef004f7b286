//! Hostile files, each run through `cellule validate` as a script would run it.
//!
//! Every case asserts the outcome users see (exit code, `path:line:column: message`),
//! that the rest of the data still loads, that nothing panics or hangs (each run has a
//! timeout), and that no byte printed can act on a terminal (no ESC, C0/C1 control,
//! bidirectional or zero-width character). Small files are kept in `tests/hostile/`;
//! large ones are generated here.

use crate::support::data;
use assert_cmd::Command;
use cellule::store::load_root;
use cellule::text::is_hazard;
use data::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// No single run may take longer than this (debug build, shared machine).
const TIMEOUT: Duration = Duration::from_secs(20);

const DEMO_CASES: usize = 40;
const DEMO_MEETINGS: usize = 8;
const NEW_CASE: &str = "49/cases/49-2026-099.yaml";
const NEW_MEETING: &str = "49/meetings/2026-12-28-cpraf.yaml";

fn corpus(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/hostile")
            .join(name),
    )
    .unwrap()
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    /// The problem lines (`path:line:column: message`) printed on stderr.
    fn problems(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("49/") || l.starts_with("44/"))
            .collect()
    }
}

/// `cellule validate --data root` with a clean environment and a timeout.
fn validate(root: &Path) -> Run {
    validate_args(root, &[])
}

/// The same, in English.
fn validate_en(root: &Path) -> Run {
    validate_args(root, &["--lang", "en"])
}

fn validate_args(root: &Path, args: &[&str]) -> Run {
    let config = TempDir::new().unwrap();
    let start = Instant::now();
    let out = Command::cargo_bin("cellule")
        .unwrap()
        .env_remove("CELLULE_DATA")
        .env("CELLULE_CONFIG_DIR", config.path())
        .env("NO_COLOR", "1")
        .arg("validate")
        .arg("--data")
        .arg(root)
        .args(args)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    assert_harmless(&out.stdout);
    assert_harmless(&out.stderr);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains("panicked") && !stdout.contains("panicked"),
        "panic: {stderr}"
    );
    assert!(
        out.status.code().is_some(),
        "killed (timeout or signal) after {elapsed:?}: {stderr}"
    );
    Run {
        code: out.status.code(),
        stdout,
        stderr,
        elapsed,
    }
}

/// The bytes printed are UTF-8 and hold no character that could act on a terminal,
/// line breaks aside.
fn assert_harmless(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("output is UTF-8");
    assert!(!bytes.contains(&0x1b), "raw ESC in output: {text:?}");
    for c in text.chars() {
        assert!(c == '\n' || !is_hazard(c), "{c:?} in output: {text:?}");
    }
}

/// Exactly one problem, in `rel`, at `line:column`, whose message contains `words`.
fn assert_one_problem(run: &Run, rel: &str, line: usize, column: usize, words: &str) {
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let problems = run.problems();
    assert_eq!(problems.len(), 1, "{}", run.stderr);
    let expected = format!("{rel}:{line}:{column}: ");
    assert!(problems[0].starts_with(&expected), "{}", problems[0]);
    assert!(problems[0].contains(words), "{}", problems[0]);
}

/// Problems only in `rel`, and at least one.
fn assert_problems_only_in(run: &Run, rel: &str) -> Vec<String> {
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let problems = run.problems();
    assert!(!problems.is_empty(), "{}", run.stderr);
    for p in &problems {
        assert!(p.starts_with(&format!("{rel}:")), "{p}");
    }
    problems.into_iter().map(String::from).collect()
}

/// The département 49 still loads with every demo case and meeting.
fn assert_rest_intact(root: &Path) {
    let loaded = load_root(root).unwrap();
    let dept = loaded.dept("49").expect("49 still loads");
    let demo_root = demo_root();
    let demo = load_root(demo_root.path()).unwrap();
    let demo = &demo.dept("49").unwrap().data;
    for case in &demo.cases {
        assert!(dept.data.cases.contains(case), "{} lost", case.id);
    }
    for meeting in &demo.meetings {
        assert!(dept.data.meetings.contains(meeting), "{} lost", meeting.id);
    }
    assert!(dept.data.cases.len() >= DEMO_CASES);
    assert!(dept.data.meetings.len() >= DEMO_MEETINGS);
}

fn put(root: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(rel);
    fs::write(&path, bytes).unwrap();
    path
}

/// A valid case file `49-2026-099` with `extra` lines appended.
fn case_with(extra: &str) -> String {
    format!(
        "id: 49-2026-099\nbody: cpraf\nkind: person\nlabel: X.Y.\n\
         reported_on: 2026-10-01\nsource: cnapr\nstatus: reported\n{extra}"
    )
}

#[test]
fn the_demo_is_clean_to_start_with() {
    let root = demo_root();
    let run = validate(root.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("aucun problème"), "{}", run.stdout);
    assert_rest_intact(root.path());
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let root = demo_root();
    put(root.path(), NEW_CASE, &corpus("alias-bomb.yaml"));
    let run = validate(root.path());
    // At the alias that goes over the limit, not at 1:1.
    assert_one_problem(&run, NEW_CASE, 8, 36, "trop de renvois");
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
    assert_rest_intact(root.path());
}

#[test]
fn ten_thousand_deep_nesting_is_refused() {
    let root = demo_root();
    // Flow style, block style and mappings, each 10,000 levels deep.
    let flow = format!(
        "id: 49-2026-099\nnotes: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let block = format!("id: 49-2026-099\nnotes:\n{}x\n", "- ".repeat(10_000));
    let mapping = format!(
        "id: 49-2026-099\nnotes: {}1{}\n",
        "{a: ".repeat(10_000),
        "}".repeat(10_000)
    );
    for text in [flow, block, mapping] {
        put(root.path(), NEW_CASE, text.as_bytes());
        let run = validate(root.path());
        let problems = assert_problems_only_in(&run, NEW_CASE);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("imbrication trop profonde")
                || problems[0].contains("YAML invalide"),
            "{problems:?}"
        );
        assert_rest_intact(root.path());
    }
}

#[test]
fn a_two_mebibyte_file_is_not_read() {
    let root = demo_root();
    let mut text = case_with("notes: |\n");
    while text.len() < 2 * 1024 * 1024 {
        text.push_str("  Une ligne de notes fictives, répétée pour grossir le fichier.\n");
    }
    put(root.path(), NEW_CASE, text.as_bytes());
    let run = validate(root.path());
    assert_one_problem(
        &run,
        NEW_CASE,
        1,
        1,
        "fichier trop volumineux (2048 Kio, limite 1024 Kio)",
    );
    assert_rest_intact(root.path());
}

#[test]
fn binary_and_invalid_utf8_files_are_named_not_printed() {
    let root = demo_root();
    // Every byte value, NUL and ESC included, then a lone continuation byte.
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    binary.extend_from_slice(b"\x1b[2J\x80");
    let mut latin1 = case_with("notes: ").into_bytes();
    latin1.extend_from_slice(b"caf\xe9 cr\xe8me \x1b]52;c;eA==\x07\n");
    for bytes in [binary, latin1] {
        put(root.path(), NEW_CASE, &bytes);
        let run = validate(root.path());
        assert_one_problem(&run, NEW_CASE, 1, 1, "n'est pas du texte UTF-8");
        assert_rest_intact(root.path());
    }
}

#[test]
fn a_utf8_file_holding_nul_and_escape_bytes_gives_a_harmless_syntax_error() {
    let root = demo_root();
    put(root.path(), NEW_CASE, &corpus("raw-controls.yaml"));
    let run = validate(root.path());
    let problems = assert_problems_only_in(&run, NEW_CASE);
    assert!(problems[0].contains("YAML invalide"), "{problems:?}");
    // The parser's words are shown, but the escape in them is made visible.
    put(
        root.path(),
        NEW_CASE,
        case_with("notes: avant\u{0}\u{1b}[2Japrès\n").as_bytes(),
    );
    let run = validate(root.path());
    assert_problems_only_in(&run, NEW_CASE);
    assert_rest_intact(root.path());
}

#[test]
fn a_byte_order_mark_is_accepted_everywhere() {
    let root = demo_root();
    let mut files = vec![root.path().join("49/department.yaml")];
    for sub in ["cases", "meetings"] {
        for entry in fs::read_dir(root.path().join("49").join(sub)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    for file in files {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(fs::read(&file).unwrap());
        fs::write(&file, bytes).unwrap();
    }
    let run = validate(root.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_rest_intact(root.path());
}

#[test]
fn crlf_line_endings_load_like_lf() {
    let root = demo_root();
    let mut files = vec![root.path().join("49/department.yaml")];
    for sub in ["cases", "meetings"] {
        for entry in fs::read_dir(root.path().join("49").join(sub)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        fs::write(file, text.replace('\n', "\r\n")).unwrap();
    }
    let crlf = load_root(root.path()).unwrap();
    let lf_root = demo_root();
    let lf = load_root(lf_root.path()).unwrap();
    // Same data, notes included (a CRLF block text reads as LF).
    assert_eq!(crlf.dept("49").unwrap().data, lf.dept("49").unwrap().data);
    let run = validate(root.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // A problem in a CRLF file is still at the right line and column.
    put(
        root.path(),
        NEW_CASE,
        case_with("justice: sometimes\n")
            .replace('\n', "\r\n")
            .as_bytes(),
    );
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 8, 10, "sometimes");
}

#[test]
fn tab_indentation_is_a_clear_error_and_tabs_in_values_are_fine() {
    let root = demo_root();
    put(root.path(), NEW_CASE, &corpus("tabs.yaml"));
    let run = validate(root.path());
    let problems = assert_problems_only_in(&run, NEW_CASE);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("{NEW_CASE}:10:")),
        "{problems:?}"
    );
    assert!(problems[0].contains("tabulation"), "{problems:?}");
    assert_rest_intact(root.path());

    put(root.path(), NEW_CASE, &corpus("tabs-in-values.yaml"));
    let run = validate(root.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let loaded = load_root(root.path()).unwrap();
    let case = loaded
        .dept("49")
        .unwrap()
        .data
        .cases
        .iter()
        .find(|c| c.id == "49-2026-099")
        .cloned()
        .unwrap();
    assert_eq!(case.label, "T.\tB.");
}

#[test]
fn a_duplicate_key_is_pointed_at() {
    let root = demo_root();
    put(root.path(), NEW_CASE, &corpus("duplicate-key.yaml"));
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 9, 1, "la clé « label » apparaît deux fois");
    assert_rest_intact(root.path());
}

#[test]
fn hundred_thousand_character_lines() {
    let root = demo_root();
    // A long text loads.
    let long = "é".repeat(100_000);
    put(
        root.path(),
        NEW_CASE,
        case_with(&format!("notes: {long}\n")).as_bytes(),
    );
    let run = validate(root.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let loaded = load_root(root.path()).unwrap();
    assert_eq!(loaded.dept("49").unwrap().data.cases.len(), DEMO_CASES + 1);
    // A key longer than YAML allows (1024 characters): a syntax error at its end.
    let key = "k".repeat(100_000);
    put(
        root.path(),
        NEW_CASE,
        case_with(&format!("{key}: 1\n")).as_bytes(),
    );
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 8, 100_001, "YAML invalide");
    // A long bad value: reported at its place, and the message stays readable.
    let value = "v".repeat(100_000);
    put(
        root.path(),
        NEW_CASE,
        case_with(&format!("justice: {value}\n")).as_bytes(),
    );
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 8, 10, "justice");
    let line = run.problems()[0].chars().count();
    assert!(line < 1_000, "message of {line} characters");
    assert_rest_intact(root.path());
}

#[test]
fn a_ten_thousand_item_agenda_loads_in_bounded_time() {
    let root = demo_root();
    let mut text = String::from(
        "id: 2026-12-28-cpraf\nbody: cpraf\ndate: 2026-12-28\nstart: \"14:30\"\nchair: dircab\n\
         status: draft\nattendance:\n  - member: dircab\n    status: invited\nitems:\n",
    );
    for n in 0..10_000 {
        text.push_str(&format!(
            "  - kind: topic\n    title: Point {n} de l'ordre du jour\n    minutes: 1\n"
        ));
    }
    assert!(text.len() < 1024 * 1024);
    put(root.path(), NEW_MEETING, text.as_bytes());
    let run = validate(root.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
    let loaded = load_root(root.path()).unwrap();
    let dept = loaded.dept("49").unwrap();
    let m = dept
        .data
        .meetings
        .iter()
        .find(|m| m.id == "2026-12-28-cpraf")
        .unwrap();
    assert_eq!(m.items.len(), 10_000);

    // The same agenda with one bad item at the end: found at its line.
    text.push_str("  - kind: nothing\n    title: Dernier\n");
    put(root.path(), NEW_MEETING, text.as_bytes());
    let run = validate(root.path());
    assert_one_problem(&run, NEW_MEETING, 30_011, 11, "nothing");
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
    assert_rest_intact(root.path());
}

#[test]
fn ids_that_are_not_file_names_are_refused() {
    let root = demo_root();
    put(root.path(), NEW_CASE, &corpus("path-id.yaml"));
    let run = validate(root.path());
    let problems = assert_problems_only_in(&run, NEW_CASE);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{NEW_CASE}:2:5: "))),
        "{problems:?}"
    );
    fs::remove_file(root.path().join(NEW_CASE)).unwrap();
    assert_rest_intact(root.path());

    // File names with a space, a leading dash, dots: named in the message, not loaded.
    for (stem, id) in [
        ("49 2026 099", "49 2026 099"),
        ("-49-2026-099", "-49-2026-099"),
        ("dots", ".."),
        ("49-2026-099..", "49-2026-099.."),
    ] {
        let rel = format!("49/cases/{stem}.yaml");
        put(
            root.path(),
            &rel,
            case_with("").replace("49-2026-099", id).as_bytes(),
        );
        let run = validate(root.path());
        let problems = assert_problems_only_in(&run, &rel);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("{rel}:1:5: "))),
            "{problems:?}"
        );
        assert_rest_intact(root.path());
        fs::remove_file(root.path().join(&rel)).unwrap();
    }

    // A meeting whose agenda names a case by a path.
    let meeting =
        fs::read_to_string(root.path().join("49/meetings/2026-12-14-cpraf.yaml")).unwrap();
    let bad = meeting.replacen("case: 49-", "case: ../49-", 1);
    assert_ne!(bad, meeting);
    put(
        root.path(),
        "49/meetings/2026-12-14-cpraf.yaml",
        bad.as_bytes(),
    );
    let run = validate(root.path());
    assert_problems_only_in(&run, "49/meetings/2026-12-14-cpraf.yaml");
}

#[test]
fn escapes_controls_bidi_and_zero_width_are_shown_harmlessly() {
    let root = demo_root();
    put(root.path(), NEW_CASE, &corpus("escapes.yaml"));
    let run = validate(root.path());
    let problems = assert_problems_only_in(&run, NEW_CASE);
    // kind, source, status, two unknown keys, justice: each reported, each made visible.
    assert!(problems.len() >= 6, "{problems:?}");
    let all = problems.join("\n");
    for shown in [
        "␛[2J",
        "␛]8;;",
        "⟨U+202E⟩",
        "⟨U+200B⟩",
        "⟨U+009B⟩",
        "␇",
        "␀",
        "⟨U+2066⟩",
    ] {
        assert!(all.contains(shown), "{shown} missing in {all}");
    }
    assert_rest_intact(root.path());
}

#[test]
fn hostile_file_and_folder_names_are_shown_harmlessly() {
    let root = demo_root();
    for name in [
        "\u{1b}[2J\u{1b}]52;c;eA==\u{7}.yaml",
        "x\u{202e}lmth.yaml",
        "a\u{200b}b\u{9b}.yml",
        "notes\u{1b}]8;;https:example.invalid\u{7}.txt",
    ] {
        put(
            root.path(),
            &format!("49/cases/{name}"),
            case_with("").as_bytes(),
        );
    }
    fs::create_dir(root.path().join("\u{1b}[31mrouge")).unwrap();
    fs::create_dir(root.path().join("49/meetings/\u{1b}[2J")).unwrap();
    let run = validate(root.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("␛[31mrouge"), "{}", run.stderr);
    assert!(run.stderr.contains("⟨U+202E⟩"), "{}", run.stderr);
}

#[test]
fn a_second_departement_with_a_hostile_department_file_leaves_the_first_intact() {
    let root = demo_root();
    fs::create_dir_all(root.path().join("44/cases")).unwrap();
    for (name, bytes) in [
        ("alias-bomb", corpus("alias-bomb.yaml")),
        ("escapes", corpus("escapes.yaml")),
        ("binary", vec![0u8, 0x1b, 0xff, 0xfe, 0x9b]),
    ] {
        put(root.path(), "44/department.yaml", &bytes);
        let run = validate(root.path());
        let problems = assert_problems_only_in(&run, "44/department.yaml");
        assert!(problems.len() >= 2, "{name}: {problems:?}");
        assert_rest_intact(root.path());
    }
}

#[test]
fn validate_runs_on_every_committed_hostile_file_at_every_place() {
    // Each corpus file as a department, a case and a meeting file: no panic, no hang,
    // harmless output (checked in `validate`), the other files intact.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 7);
    for name in names {
        let bytes = fs::read(dir.join(&name)).unwrap();
        for rel in [NEW_CASE, NEW_MEETING] {
            let root = demo_root();
            put(root.path(), rel, &bytes);
            let run = validate(root.path());
            if run.code == Some(1) {
                assert_problems_only_in(&run, rel);
            }
            assert_rest_intact(root.path());
        }
    }
}

#[test]
fn a_case_file_that_is_a_link_a_pipe_or_a_device_is_never_opened() {
    // Every read opens without following a link and without blocking (docs/security.md):
    // a link to `/dev/zero` cannot exhaust the memory, a FIFO cannot freeze the reader.
    let root = demo_root();
    let outside = TempDir::new().unwrap();
    let target = outside.path().join("elsewhere.yaml");
    fs::write(&target, case_with("")).unwrap();
    std::os::unix::fs::symlink(&target, root.path().join(NEW_CASE)).unwrap();
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 1, 1, "ce n'est pas un fichier ordinaire");
    fs::remove_file(root.path().join(NEW_CASE)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.path().join(NEW_CASE)).unwrap();
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 1, 1, "ce n'est pas un fichier ordinaire");
    fs::remove_file(root.path().join(NEW_CASE)).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(root.path().join(NEW_CASE))
        .status();
    if made.is_ok_and(|s| s.success()) {
        let run = validate(root.path());
        assert_one_problem(&run, NEW_CASE, 1, 1, "ce n'est pas un fichier ordinaire");
    } else {
        eprintln!("skipped the FIFO: mkfifo is not available");
    }
    assert_rest_intact(root.path());
}

#[test]
fn a_hostile_config_file_gives_a_harmless_message() {
    let root = demo_root();
    for config_text in [
        String::from_utf8(corpus("alias-bomb.yaml")).unwrap(),
        format!("data_dir: {}\n", "[".repeat(10_000)),
        "lang: \"\\e]52;c;eA==\\a\\u202E\"\n".to_string(),
        "\u{1b}[2J: 1\n".to_string(),
    ] {
        let config = TempDir::new().unwrap();
        fs::write(config.path().join("config.yaml"), &config_text).unwrap();
        let out = Command::cargo_bin("cellule")
            .unwrap()
            .env_remove("CELLULE_DATA")
            .env("CELLULE_CONFIG_DIR", config.path())
            .arg("validate")
            .arg("--data")
            .arg(root.path())
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        assert_harmless(&out.stdout);
        assert_harmless(&out.stderr);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("config.yaml:"), "{stderr}");
    }
}

#[test]
fn positions_after_a_pasted_line_separator_match_the_editor() {
    // Text pasted from the web may hold U+2028 (line separator), U+2029 or NEL, which the
    // YAML library counts as line ends and editors do not.
    let root = demo_root();
    put(
        root.path(),
        NEW_CASE,
        case_with("notes: \"copié\u{2028}du web\u{2029}et\u{85}ailleurs\"\njustice: bad\n")
            .as_bytes(),
    );
    let run = validate(root.path());
    assert_one_problem(&run, NEW_CASE, 9, 10, "bad");
    put(
        root.path(),
        NEW_CASE,
        case_with("# copié\u{2028}du web\njustice: [bad\n").as_bytes(),
    );
    let run = validate(root.path());
    // For the reader, as for the editor, the separator does not end the comment: the
    // unclosed `[` of line 9 is found at the end of the file.
    assert_one_problem(&run, NEW_CASE, 10, 1, "YAML invalide");
}

/// The four files that once took time growing with the square of their problems.
/// `benches/compare.sh` times them against clean files of the same size.
mod quadratic {
    /// 4,000 agenda items of an unknown kind in one meeting (about 130 KB).
    pub fn bad_items() -> String {
        let mut s = String::from(
            "id: 2027-01-11-cpraf\nbody: cpraf\ndate: 2027-01-11\nstart: \"14:30\"\nchair: dircab\nstatus: draft\nattendance: []\nitems:\n",
        );
        for n in 0..4_000 {
            s.push_str(&format!("  - kind: nope\n    title: Point {n}\n"));
        }
        s
    }

    /// 8,000 unknown keys in one case file.
    pub fn unknown_keys() -> String {
        let mut s = super::case_with("");
        for n in 0..8_000 {
            s.push_str(&format!("cle_inconnue_{n}: x\n"));
        }
        s
    }

    /// 200,000 `[`.
    pub fn brackets() -> String {
        "[".repeat(200_000)
    }

    /// 100,000 `{a: `.
    pub fn braces() -> String {
        "{a: ".repeat(100_000)
    }
}

#[test]
fn thousands_of_problems_in_one_file_are_capped_and_counted() {
    let root = demo_root();
    let meeting = "49/meetings/2027-01-11-cpraf.yaml";
    put(root.path(), meeting, quadratic::bad_items().as_bytes());
    let run = validate(root.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let problems: Vec<&str> = run
        .problems()
        .into_iter()
        .filter(|l| l.starts_with(&format!("{meeting}:")))
        .collect();
    assert_eq!(problems.len(), 50, "{}", run.stderr);
    // Each at its own item, found in one pass.
    assert!(
        problems[0].starts_with(&format!("{meeting}:9:11: ")),
        "{}",
        problems[0]
    );
    assert!(
        problems[49].starts_with(&format!("{meeting}:107:11: ")),
        "{}",
        problems[49]
    );
    assert!(
        run.stderr.contains(&format!(
            "{meeting} : 3950 autres problèmes dans ce fichier, non affichés"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("4000 problèmes trouvés"),
        "{}",
        run.stderr
    );

    fs::remove_file(root.path().join(meeting)).unwrap();
    put(root.path(), NEW_CASE, quadratic::unknown_keys().as_bytes());
    let run = validate(root.path());
    let problems: Vec<&str> = run
        .problems()
        .into_iter()
        .filter(|l| l.starts_with(&format!("{NEW_CASE}:")))
        .collect();
    assert_eq!(problems.len(), 50, "{}", run.stderr);
    assert!(
        problems[0].starts_with(&format!("{NEW_CASE}:8:1: ")),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains("cle_inconnue_0"), "{}", problems[0]);
    assert!(
        run.stderr.contains("7950 autres problèmes"),
        "{}",
        run.stderr
    );
    let run = validate_en(root.path());
    assert!(
        run.stderr.contains("7950 more problems in this file"),
        "{}",
        run.stderr
    );
}

#[test]
fn nesting_deeper_than_64_levels_is_refused_with_its_own_message() {
    let root = demo_root();
    for text in [quadratic::brackets(), quadratic::braces()] {
        put(root.path(), NEW_CASE, text.as_bytes());
        let run = validate(root.path());
        let problems = run.problems();
        assert_eq!(problems.len(), 1, "{}", run.stderr);
        assert!(
            problems[0].contains("imbrication trop profonde (plus de 64 niveaux)"),
            "{}",
            problems[0]
        );
        assert!(!problems[0].contains(":1:1:"), "{}", problems[0]);
    }
    let nested = |depth: usize| format!("{}x{}\n", "[".repeat(depth), "]".repeat(depth));
    put(root.path(), NEW_CASE, nested(65).as_bytes());
    let run = validate(root.path());
    let problems = run.problems();
    assert!(
        problems[0].starts_with(&format!("{NEW_CASE}:1:65: ")),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].contains("imbrication trop profonde"),
        "{}",
        problems[0]
    );
    // 64 levels read (and the file is then refused for its content, not its depth).
    put(root.path(), NEW_CASE, nested(64).as_bytes());
    let run = validate(root.path());
    assert!(!run.stderr.contains("imbrication"), "{}", run.stderr);
}

/// Every committed fuzz seed, replayed: the reader never panics, the quick reader agrees
/// with the full reader whenever it answers, and a data root holding the seed as a case,
/// a meeting or a directory validates without panic, its other files intact.
#[test]
fn every_committed_fuzz_seed_is_replayed() {
    use cellule::store::yaml;
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut seeds = Vec::new();
    for target in fs::read_dir(&corpus).unwrap().flatten() {
        for seed in fs::read_dir(target.path()).unwrap().flatten() {
            seeds.push((
                target.file_name().to_string_lossy().into_owned(),
                seed.path(),
            ));
        }
    }
    seeds.sort();
    assert!(seeds.len() >= 140, "{} seeds", seeds.len());
    let mut as_files = 0;
    for (target, path) in &seeds {
        let bytes = fs::read(path).unwrap();
        let Ok(src) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let full = yaml::read_full(src);
        if let Some(quick) = yaml::parse_quick(src) {
            match &full {
                Ok(tree) => assert_eq!(
                    format!("{quick:?}"),
                    format!("{tree:?}"),
                    "{}: the quick reader differs",
                    path.display()
                ),
                Err(e) => panic!(
                    "{}: quick reader read where the full reader refused ({e:?})",
                    path.display()
                ),
            }
        }
        let _ = yaml::read(src);
        // The loader on the seeds of the loading targets (the decoders behind them).
        if target.starts_with("load_") {
            let rel = match target.as_str() {
                "load_meeting" => NEW_MEETING,
                _ => NEW_CASE,
            };
            let root = demo_root();
            put(root.path(), rel, &bytes);
            let loaded = load_root(root.path()).unwrap();
            assert!(loaded.dept("49").is_some(), "{}", path.display());
            as_files += 1;
        }
    }
    assert!(as_files > 0);
}

#[test]
fn silent_inconsistencies_each_get_a_message() {
    let root = demo_root();
    let r = root.path();
    // A meeting whose id does not match its date, with a case twice on its agenda.
    let text = fs::read_to_string(r.join("49/meetings/2026-12-14-cpraf.yaml")).unwrap();
    let moved = text
        .replacen("id: 2026-12-14-cpraf", "id: 2026-12-28-cpraf", 1)
        .replacen("date: 2026-12-14", "date: 2026-12-21", 1);
    put(r, NEW_MEETING, moved.as_bytes());
    // Two case ids that differ only by case.
    put(
        r,
        "49/cases/49-2026-0AB.yaml",
        case_with("")
            .replace("49-2026-099", "49-2026-0AB")
            .as_bytes(),
    );
    put(
        r,
        "49/cases/49-2026-0ab.yaml",
        case_with("")
            .replace("49-2026-099", "49-2026-0ab")
            .as_bytes(),
    );
    // A folder named like a YAML file, a stray file at the data root.
    fs::create_dir(r.join("49/cases/49-2026-050.yaml")).unwrap();
    put(r, "49-2026-001.yaml", b"x: 1\n");
    let run = validate(r);
    let all = run.stderr.clone();
    assert!(
        all.contains(&format!(
            "{NEW_MEETING}:2:5: l'identifiant « 2026-12-28-cpraf » ne correspond pas à la date"
        )),
        "{all}"
    );
    assert!(all.contains("49/cases/49-2026-0ab.yaml:1:5: l'identifiant « 49-2026-0ab » ne diffère de « 49-2026-0AB » que par les majuscules"), "{all}");
    assert!(
        all.contains("49/cases/49-2026-050.yaml:1:1: « 49-2026-050.yaml » est un dossier"),
        "{all}"
    );
    assert!(
        all.contains("49-2026-001.yaml:1:1: fichier « 49-2026-001.yaml » à la racine"),
        "{all}"
    );
    // The same case twice in one meeting.
    let mut twice = text.clone();
    let item = "  - kind: case\n    case: 49-2025-001\n";
    if twice.contains("items:\n") {
        twice = twice.replacen("items:\n", &format!("items:\n{item}{item}"), 1);
    }
    put(
        r,
        NEW_MEETING,
        twice.replacen("2026-12-14", "2026-12-28", 2).as_bytes(),
    );
    let run = validate(r);
    assert!(
        run.stderr.contains("figure deux fois à l'ordre du jour"),
        "{}",
        run.stderr
    );
}
