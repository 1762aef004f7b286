//! The user's config file: `config.yaml` in the config folder of `cellule`
//! (`~/.config/cellule/` on Linux), all keys optional.
//!
//! ```yaml
//! data_dir: /srv/partage/cellule   # the data root when neither --data nor $CELLULE_DATA is given
//! lang: fr                         # fr | en
//! theme: default                   # default | high-contrast | mono
//! hide_names: false               # true: persons' full names hidden on screen (projector); F2 toggles
//! group_access: write              # new files for the folder's group: write (0660) | read (0640) | none (0600)
//! watch: auto                      # auto | poll | off: files changed by someone else while open
//! keys:                            # per context, key: action (see docs/keys.md)
//!   global: { Q: quit, q: none }
//! ```

use crate::i18n::{Lang, Msg, quote};
use crate::store::yaml::{self, Node, Seg, Target};
use std::path::{Path, PathBuf};

/// The settings read from the config file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub data_dir: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub theme: Option<String>,
    /// Persons' full names hidden on screen from the start (a projector).
    pub hide_names: bool,
    /// The group's access to new files (`None`: from the folder, setgid or not).
    pub group_access: Option<crate::store::temp::GroupAccess>,
    /// The user's key bindings, in the order written (checked by the interface's key map).
    pub keys: Vec<KeyBinding>,
    /// How files changed by someone else are noticed: `auto`, `poll` or `off` (checked).
    pub watch: Option<String>,
}

/// One key binding of the config file: in `context`, `key` does `action` (`none` unbinds it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub context: String,
    pub key: String,
    pub action: String,
}

/// A problem in the config file, already worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub line: usize,
    pub column: usize,
    pub fr: String,
    pub en: String,
}

impl ConfigProblem {
    /// `path:line:column: message`.
    pub fn render(&self, path: &Path, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}",
            crate::text::visible(&path.display().to_string()),
            self.line,
            self.column,
            lang.pick(&self.fr, &self.en)
        )
    }
}

/// Where the config file is looked for.
pub fn config_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CELLULE_CONFIG_DIR") {
        return Some(PathBuf::from(dir).join("config.yaml"));
    }
    directories::ProjectDirs::from("fr", "", "cellule").map(|d| d.config_dir().join("config.yaml"))
}

/// Reads the config file at `path`; a missing file is an empty config.
pub fn load(path: &Path) -> Result<Config, ConfigProblem> {
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return Err(problem(1, 1, "fichier non UTF-8", "file is not UTF-8")),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(problem(
                1,
                1,
                &format!("lecture impossible : {e}"),
                &format!("cannot read: {e}"),
            ));
        }
    };
    parse(&text)
}

/// Reads the text of a config file.
pub fn parse(text: &str) -> Result<Config, ConfigProblem> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let value = yaml::read(text).map_err(|e| {
        let msg = match e.failure {
            yaml::ParseFailure::Syntax { detail } => Msg::Syntax { detail },
            yaml::ParseFailure::DuplicateKey { key } => Msg::DuplicateKey { key },
            yaml::ParseFailure::TooDeep => Msg::TooDeep,
            yaml::ParseFailure::AliasBomb => Msg::AliasBomb,
        };
        problem(
            e.line.unwrap_or(1),
            e.column.unwrap_or(1),
            &msg.text(Lang::Fr),
            &msg.text(Lang::En),
        )
    })?;
    let at = |path: &[Seg], target: Target, fr: String, en: String| {
        let (line, column) = yaml::locate(text, path, target).unwrap_or((1, 1));
        ConfigProblem {
            line,
            column,
            fr,
            en,
        }
    };
    let key = |k: &str| Seg::Key(k.to_string());
    let Node::Map(map) = value else {
        return Err(problem(
            1,
            1,
            "le fichier doit contenir des clés « clé: valeur »",
            "the file must hold \"key: value\" entries",
        ));
    };
    let mut config = Config::default();
    for (k, v) in &map {
        let name = yaml::key_text(k).unwrap_or_default();
        match (name.as_str(), v) {
            ("data_dir", Node::Str(s)) => config.data_dir = Some(expand_home(s)),
            ("lang", Node::Str(s)) => match Lang::parse(s) {
                Some(lang) => config.lang = Some(lang),
                None => {
                    return Err(at(
                        &[key("lang")],
                        Target::Value,
                        format!("langue {} inconnue (fr ou en)", quote(Lang::Fr, s)),
                        format!("unknown language {} (fr or en)", quote(Lang::En, s)),
                    ));
                }
            },
            ("theme", Node::Str(s)) => config.theme = Some(s.to_string()),
            ("watch", Node::Str(s)) if matches!(s.as_ref(), "auto" | "poll" | "off") => {
                config.watch = Some(s.to_string());
            }
            ("watch", _) => {
                return Err(at(
                    &[key("watch")],
                    Target::Value,
                    "« watch » doit être auto, poll ou off".into(),
                    "\"watch\" must be auto, poll or off".into(),
                ));
            }
            ("hide_names", Node::Bool(b)) => config.hide_names = *b,
            ("group_access", Node::Str(s)) => {
                use crate::store::temp::GroupAccess;
                config.group_access = Some(match s.trim() {
                    "write" | "écriture" | "ecriture" => GroupAccess::Write,
                    "read" | "lecture" => GroupAccess::Read,
                    "none" | "aucun" | "aucune" => GroupAccess::None,
                    _ => {
                        return Err(at(
                            &[key("group_access")],
                            Target::Value,
                            format!(
                                "accès du groupe {} inconnu (écriture, lecture ou aucun)",
                                quote(Lang::Fr, s)
                            ),
                            format!(
                                "unknown group access {} (write, read or none)",
                                quote(Lang::En, s)
                            ),
                        ));
                    }
                });
            }
            ("keys", Node::Map(contexts)) => {
                for (context, keys) in contexts {
                    let context = yaml::key_text(context).unwrap_or_default();
                    let Node::Map(keys) = keys else {
                        return Err(at(
                            &[key("keys"), key(&context)],
                            Target::Value,
                            "attendu : « touche: action » (exemple : Q: quit)".into(),
                            "expected: \"key: action\" (example: Q: quit)".into(),
                        ));
                    };
                    for (pressed, action) in keys {
                        let pressed = yaml::key_text(pressed).unwrap_or_default();
                        let Node::Str(action) = action else {
                            return Err(at(
                                &[key("keys"), key(&context), key(&pressed)],
                                Target::Value,
                                "attendu : le nom d'une action, ou none pour retirer la touche"
                                    .into(),
                                "expected: the name of an action, or none to unbind the key".into(),
                            ));
                        };
                        config.keys.push(KeyBinding {
                            context: context.clone(),
                            key: pressed,
                            action: action.to_string(),
                        });
                    }
                }
            }
            ("hide_names", _) => {
                return Err(at(
                    &[key(&name)],
                    Target::Value,
                    "« hide_names » doit être true ou false".into(),
                    "\"hide_names\" must be true or false".into(),
                ));
            }
            ("data_dir" | "lang" | "theme" | "group_access", _) => {
                return Err(at(
                    &[key(&name)],
                    Target::Value,
                    format!("{} doit être un texte", quote(Lang::Fr, &name)),
                    format!("{} must be a text", quote(Lang::En, &name)),
                ));
            }
            ("keys", _) => {
                return Err(at(
                    &[key("keys")],
                    Target::Value,
                    "attendu : des écrans".into(),
                    "expected: screens".into(),
                ));
            }
            _ => {
                return Err(at(
                    &[key(&name)],
                    Target::Key,
                    format!(
                        "clé inconnue {} (clés permises : data_dir, lang, theme, hide_names, group_access, watch, keys)",
                        quote(Lang::Fr, &name)
                    ),
                    format!(
                        "unknown key {} (allowed keys: data_dir, lang, theme, hide_names, group_access, watch, keys)",
                        quote(Lang::En, &name)
                    ),
                ));
            }
        }
    }
    Ok(config)
}

fn problem(line: usize, column: usize, fr: &str, en: &str) -> ConfigProblem {
    ConfigProblem {
        line,
        column,
        fr: fr.to_string(),
        en: en.to_string(),
    }
}

/// `~/x` → the home folder joined with `x`.
fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    PathBuf::from(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let c = parse(
            "data_dir: /srv/x\nlang: en\ntheme: mono\nkeys:\n  global:\n    Q: quit\n    q: none\n",
        )
        .unwrap();
        assert_eq!(c.data_dir, Some(PathBuf::from("/srv/x")));
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.theme.as_deref(), Some("mono"));
        let b = |k: &str, a: &str| KeyBinding {
            context: "global".into(),
            key: k.into(),
            action: a.into(),
        };
        assert_eq!(c.keys, vec![b("Q", "quit"), b("q", "none")]);
    }

    #[test]
    fn an_empty_file_is_an_empty_config() {
        assert_eq!(parse("\n"), Ok(Config::default()));
    }

    #[test]
    fn problems_have_positions() {
        let p = parse("lang: fr\ndata_dri: /x\n").unwrap_err();
        assert_eq!((p.line, p.column), (2, 1));
        assert!(p.fr.contains("data_dri"));
        let p = parse("lang: de\n").unwrap_err();
        assert_eq!((p.line, p.column), (1, 7));
        let p = parse("a: [\n").unwrap_err();
        assert!(p.en.starts_with("invalid YAML"));
    }
}
