//! New data folders: a département's folder with a starter `department.yaml`
//! (`cellule init`), and the bundled fictional demo copied out (`cellule demo`).

use super::{IoOp, WorkError};
use crate::demo::DEMO_FILES;
use crate::domain::departements::DeptInfo;
use crate::domain::starter;
use crate::store::{Expect, create_private_dir, write_atomic};
use std::path::{Path, PathBuf};

/// Creates `<data>/<code>/` with `cases/`, `meetings/` and a starter `department.yaml`;
/// returns the folder. The caller checked that it does not exist yet.
pub fn init_department(data: &Path, info: &DeptInfo) -> Result<PathBuf, WorkError> {
    let folder = data.join(info.code);
    for sub in ["cases", "meetings", crate::store::decode_fipd::FOLDER] {
        let dir = folder.join(sub);
        create_private_dir(&dir).map_err(|e| WorkError::io(&dir, IoOp::Write, &e))?;
    }
    let file = folder.join("department.yaml");
    write_atomic(&file, starter(info).as_bytes(), Expect::New)?;
    // An empty FIPD programme for the current year, to be filled in.
    let year = chrono::Datelike::year(&chrono::Utc::now().with_timezone(&info.tz).date_naive());
    let programme = crate::domain::fipd::Programme::empty(year);
    let file = folder
        .join(crate::store::decode_fipd::FOLDER)
        .join(format!("{year}.yaml"));
    let text = crate::store::encode_fipd::programme_yaml(&programme);
    write_atomic(&file, text.as_bytes(), Expect::New)?;
    Ok(folder)
}

/// Writes every demo file under `dest`.
pub fn copy_demo(dest: &Path) -> Result<(), WorkError> {
    for (rel, content) in DEMO_FILES {
        let path = dest.join(rel);
        if let Some(parent) = path.parent() {
            create_private_dir(parent).map_err(|e| WorkError::io(parent, IoOp::Write, &e))?;
        }
        write_atomic(&path, content.as_bytes(), Expect::New)?;
    }
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
