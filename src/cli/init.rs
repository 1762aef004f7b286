//! `cellule init --data DIR --dept CODE`: a new département folder with a starter `department.yaml`.

use super::{Context, Exit, Failure, root};
use crate::domain::departements;
use crate::i18n::cli::{CliMsg, shown};
use crate::workspace::setup::init_department;

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
    let folder = init_department(&data, info).map_err(|e| Failure::cannot_write(lang, &e))?;
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
