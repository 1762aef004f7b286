//! The bundled demo loads clean, and every meeting of the fixtures survives a round trip.

use cellule::i18n::Lang;
use cellule::store::{self, load_root};
use std::path::Path;

#[test]
fn the_demo_loads_without_problems() {
    let loaded = load_root(Path::new("fixtures/demo")).expect("demo root");
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.render(Lang::Fr)).collect();
    assert!(
        lines.is_empty(),
        "problems in the demo:\n{}",
        lines.join("\n")
    );
    assert_eq!(loaded.depts.len(), 1);
    let dept = &loaded.depts[0];
    assert_eq!(dept.folder, "49");
    assert!(!dept.data.cases.is_empty());
    let files = std::fs::read_dir("fixtures/demo/49/cases").unwrap().count();
    assert_eq!(dept.data.cases.len(), files, "every case file loads");
    let ids: Vec<&str> = dept.data.cases.iter().map(|c| c.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "cases are sorted by id");
    assert!(dept.stamps.contains_key("49/department.yaml"));
}

/// Every meeting file found under `fixtures/` (valid data roots only), encoded then
/// decoded, is equal to itself.
#[test]
fn fixture_meetings_round_trip() {
    let loaded = load_root(Path::new("fixtures/demo")).expect("demo root");
    for dept in &loaded.depts {
        for m in &dept.data.meetings {
            let text = store::meeting_to_yaml(m);
            let value = store::yaml::parse(&text).expect("written YAML parses");
            let mut sink = store::problem::Sink::default();
            let back = store::decode_meeting(&value, &mut sink);
            assert!(sink.is_empty(), "{}: {:?}\n{text}", m.id, sink.pending);
            assert_eq!(back.as_ref(), Some(m), "{}:\n{text}", m.id);
        }
    }
}
