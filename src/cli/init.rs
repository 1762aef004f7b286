//! `cellule init --data DIR --dept CODE`: a new département folder with a starter `department.yaml`.

use super::{Context, Exit, Failure, root};
use crate::domain::departements::{self, DeptInfo};
use crate::domain::starter;
use crate::i18n::cli::{CliMsg, shown};
use crate::store::create_private_dir;
use crate::store::{Expect, write_atomic};

pub fn run(ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let Some(data) = ctx.cli.data.clone() else {
        return Err(Failure::new(
            Exit::Usage,
            lang,
            CliMsg::NoDataRoot { config: None },
        ));
    };
    let Some(code) = root::dept_flag(ctx)? else {
        return Err(Failure::new(
            Exit::Usage,
            lang,
            CliMsg::UnknownDeptCode {
                code: String::new(),
            },
        ));
    };
    let Some(info) = departements::by_code(&code) else {
        return Err(Failure::new(
            Exit::Usage,
            lang,
            CliMsg::UnknownDeptCode { code },
        ));
    };
    let folder = data.join(&code);
    if folder.exists() {
        return Err(Failure::new(
            Exit::Usage,
            lang,
            CliMsg::DeptFolderExists {
                path: shown(&folder),
            },
        ));
    }
    let io = |path: &std::path::Path, e: &dyn std::fmt::Display| {
        Failure::new(
            Exit::Io,
            lang,
            CliMsg::CannotWrite {
                path: shown(path),
                detail: e.to_string(),
            },
        )
    };
    for sub in ["cases", "meetings", crate::store::decode_fipd::FOLDER] {
        create_private_dir(&folder.join(sub)).map_err(|e| io(&folder.join(sub), &e))?;
    }
    let file = folder.join("department.yaml");
    write_atomic(&file, starter(info).as_bytes(), Expect::New)
        .map_err(|e| io(&file, &e.text(lang)))?;
    // An empty FIPD programme for the current year, to be filled in.
    let year = chrono::Datelike::year(&chrono::Utc::now().with_timezone(&info.tz).date_naive());
    let programme = crate::domain::fipd::Programme::empty(year);
    let file = folder
        .join(crate::store::decode_fipd::FOLDER)
        .join(format!("{year}.yaml"));
    let text = crate::store::encode_fipd::programme_yaml(&programme);
    write_atomic(&file, text.as_bytes(), Expect::New).map_err(|e| io(&file, &e.text(lang)))?;
    println!(
        "{}",
        CliMsg::InitDone {
            path: shown(&folder),
            code: code.clone(),
            name: info.name.to_string()
        }
        .text(lang)
    );
    Ok(())
}

/// The starter `department.yaml` of a code: it validates as it is.
pub fn starter(info: &DeptInfo) -> String {
    let (_, authority) = starter::representative(info);
    let mut out = String::new();
    out.push_str(&format!(
        "# Département créé par « cellule init ». Remplacez « À renseigner » par les noms,\n\
         # ajoutez ou retirez des membres, puis lancez « cellule validate ».\n\
         code: \"{code}\"\nname: {name}\nauthority: {authority}\ntimezone: {tz}\nmarking: Diffusion restreinte\nmembers:\n",
        code = info.code,
        name = yaml_text(info.name),
        authority = yaml_text(&authority),
        tz = info.tz.name(),
    ));
    for seat in starter::seats(info) {
        out.push_str(&format!(
            "  - id: {}\n    name: À renseigner\n    title: {}\n    organisation: {}\n",
            seat.id,
            yaml_text(&seat.title),
            yaml_text(&seat.organisation)
        ));
    }
    out.push_str(&format!(
        "bodies:\n  cpraf:\n    name: Cellule de prévention de la radicalisation et d'accompagnement des familles\n    chair: dircab\n    every_days: 30\n    review_every_days: 60\n    members: [{}]\n",
        starter::CPRAF_MEMBERS.join(", ")
    ));
    out.push_str(&format!(
        "  gtrdo:\n    name: Groupe de travail restreint à dimension opérationnelle — dérives sectaires\n    chair: prefet\n    every_days: 365\n    members: [{}]\n",
        starter::GTRDO_MEMBERS.join(", ")
    ));
    out
}

/// A plain text as a YAML scalar: quoted when it could be read as something else.
fn yaml_text(text: &str) -> String {
    let risky = text.contains(": ")
        || text.contains(" #")
        || text.starts_with(|c: char| "!&*?|>'\"%@`{[,-#".contains(c));
    if risky {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        text.to_string()
    }
}
