//! What each screen draws, at 80×24 and 140×40, in French and English.

use crate::support::tui as tui_support;

use cellule::i18n::Lang;
use tui_support::*;

/// Each screen as reached by keys from the dashboard.
const SCREENS: &[(&str, &str)] = &[
    ("dashboard", ""),
    ("situations", "2"),
    ("situations_search", "2/bern"),
    ("meetings", "3"),
    ("agenda", "3<Enter>s"),
    ("agenda_picker", "3<Enter>c"),
    ("agenda_details", "3<Enter>e"),
    ("agenda_invitees", "3<Enter><Tab>jdm"),
    ("agenda_invitees_pane", "3<Enter><Tab>ji"),
    ("new_meeting", "3n"),
    ("help_agenda", "3<Enter>?"),
    ("problems", "p"),
    ("seance", "5"),
    ("new_case", "2nA.B.C."),
    ("export_menu", "3jx<Down>"),
    ("monthly_report", "r"),
];

fn check(lang: Lang, width: u16, height: u16) {
    for (name, keys) in SCREENS {
        let mut app = app(lang);
        press(&mut app, keys);
        let text = draw(&app, width, height);
        insta::assert_snapshot!(format!("{name}_{}_{width}x{height}", lang.code()), text);
    }
}

#[test]
fn screens_fr_80x24() {
    check(Lang::Fr, 80, 24);
}

#[test]
fn screens_en_80x24() {
    check(Lang::En, 80, 24);
}

#[test]
fn screens_fr_140x40() {
    check(Lang::Fr, 140, 40);
}

#[test]
fn screens_en_140x40() {
    check(Lang::En, 140, 40);
}

#[test]
fn too_small() {
    let app = app(Lang::Fr);
    insta::assert_snapshot!("too_small_fr_40x10", draw(&app, 40, 10));
}

#[test]
fn invalid_edit() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        press(&mut app, "2");
        app.edit_failed(
            "49-2026-001",
            vec!["cases/49-2026-001.yaml:12:3: date impossible « 2026-02-30 »".into()],
        );
        insta::assert_snapshot!(
            format!("invalid_edit_{}_80x24", lang.code()),
            draw(&app, 80, 24)
        );
    }
}

#[test]
fn export_preview() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = app(lang);
        press(&mut app, "3jxj<Enter>");
        app.show_preview(
            cellule::tui::ExportRequest::Minutes {
                meeting: "2026-10-28-cpraf".into(),
                level: cellule::tui::MinutesLevel::Internal,
                format: cellule::export::Format::Markdown,
            },
            "Diffusion restreinte\n\n# Compte rendu — Cellule de suivi (CPRAF), 28 octobre 2026\n\n## 1. Approbation\n\u{1b}[31mtexte\n",
        );
        insta::assert_snapshot!(
            format!("export_preview_{}_80x24", lang.code()),
            draw(&app, 80, 24)
        );
    }
}
