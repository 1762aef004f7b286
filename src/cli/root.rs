//! Where the data is: the data root of `--data`, `$CELLULE_DATA` or the config file,
//! and the département of `--dept` (or the only one there).

use super::{Context, Exit, Failure};
use crate::i18n::cli::{CliMsg, shown};
use crate::store::{self, Loaded, LoadedDept};
use std::path::PathBuf;

/// The data root, checked to be a folder.
pub fn data_root(ctx: &Context) -> Result<PathBuf, Failure> {
    let lang = ctx.lang;
    let root = ctx
        .cli
        .data
        .clone()
        .or_else(|| {
            std::env::var_os("CELLULE_DATA")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| ctx.config.data_dir.clone())
        .ok_or_else(|| {
            let config = crate::config::config_path().map(|p| shown(&p));
            Failure::new(Exit::Usage, lang, CliMsg::NoDataRoot { config })
        })?;
    match std::fs::metadata(&root) {
        Ok(meta) if meta.is_dir() => Ok(root),
        Ok(_) => Err(Failure::new(
            Exit::Usage,
            lang,
            CliMsg::DataRootNotFolder { path: shown(&root) },
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Failure::new(
            Exit::Usage,
            lang,
            CliMsg::DataRootMissing { path: shown(&root) },
        )),
        Err(e) => Err(Failure::new(
            Exit::Io,
            lang,
            CliMsg::CannotRead {
                path: shown(&root),
                detail: e.to_string(),
            },
        )),
    }
}

/// The département code of `--dept`, checked against the official table.
pub fn dept_flag(ctx: &Context) -> Result<Option<String>, Failure> {
    match ctx.cli.dept.as_deref() {
        None => Ok(None),
        Some(code) => {
            let code = normalise_code(code);
            if crate::domain::departements::by_code(&code).is_none() {
                return Err(Failure::new(
                    Exit::Usage,
                    ctx.lang,
                    CliMsg::UnknownDeptCode { code },
                ));
            }
            Ok(Some(code))
        }
    }
}

/// `2a` → `2A`, `1` → `01`: the spellings people type for a code.
pub fn normalise_code(code: &str) -> String {
    let code = code.trim().to_ascii_uppercase();
    if code.len() == 1 && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code
    }
}

/// Loads the data root (only the département of `--dept` when given).
pub fn load(ctx: &Context, root: &std::path::Path) -> Result<Loaded, Failure> {
    let code = dept_flag(ctx)?;
    if let Some(code) = &code
        && !root.join(code).is_dir()
    {
        let present = present_codes(root);
        return Err(Failure::new(
            Exit::Usage,
            ctx.lang,
            CliMsg::DeptNotInRoot {
                code: code.clone(),
                present,
            },
        ));
    }
    store::load_root_dept(root, code.as_deref()).map_err(|e| {
        Failure::new(
            Exit::Io,
            ctx.lang,
            CliMsg::CannotRead {
                path: shown(root),
                detail: e.to_string(),
            },
        )
    })
}

/// The département folders of a data root, by name.
fn present_codes(root: &std::path::Path) -> Vec<String> {
    let mut codes: Vec<String> = std::fs::read_dir(root)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|name| crate::domain::departements::by_code(name).is_some())
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    codes
}

/// The one département the command works on: `--dept`, or the only one loaded.
pub fn pick_dept<'a>(ctx: &Context, loaded: &'a Loaded) -> Result<&'a LoadedDept, Failure> {
    let lang = ctx.lang;
    match dept_flag(ctx)? {
        Some(code) => loaded
            .depts
            .iter()
            .find(|d| d.data.code() == code)
            .ok_or_else(|| {
                let present = loaded
                    .depts
                    .iter()
                    .map(|d| d.data.code().to_string())
                    .collect();
                Failure::new(Exit::Data, lang, CliMsg::DeptNotInRoot { code, present })
            }),
        None => match loaded.depts.as_slice() {
            [one] => Ok(one),
            [] => Err(Failure::new(Exit::Data, lang, CliMsg::NoDeptInRoot)),
            many => {
                let present = many.iter().map(|d| d.data.code().to_string()).collect();
                Err(Failure::new(
                    Exit::Usage,
                    lang,
                    CliMsg::SeveralDepts { present },
                ))
            }
        },
    }
}
