//! The minutes and the agenda: golden files, structure, determinism.

mod export_support;

use cellule::export::{self, Level};
use cellule::i18n::Lang;
use export_support::data;

#[test]
fn minutes_golden() {
    let data = data();
    for lang in [Lang::Fr, Lang::En] {
        for level in Level::ALL {
            let text = export::minutes(&data, "2026-11-30-cpraf", *level, lang).unwrap();
            insta::assert_snapshot!(format!("minutes_{}_{}", level.as_str(), lang.code()), text);
        }
    }
}

#[test]
fn agenda_golden() {
    let data = data();
    for lang in [Lang::Fr, Lang::En] {
        let text = export::agenda(&data, "2026-12-28-cpraf", lang).unwrap();
        insta::assert_snapshot!(format!("agenda_{}", lang.code()), text);
    }
}
