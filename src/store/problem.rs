//! A problem found in the data, with where it is.

use super::yaml::{self, Marks, Node, Seg, Target, YamlPath};
use super::yaml_marks::Found;
use crate::i18n::{Lang, Msg};
use std::borrow::Cow;
use std::collections::HashSet;

/// One problem: `path:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the data root, with `/` separators.
    pub file: String,
    /// 1-based line (1 for problems about a whole file).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    pub msg: Msg,
}

impl Problem {
    /// A problem about a whole file or folder.
    pub fn whole(file: impl Into<String>, msg: Msg) -> Self {
        Problem {
            file: file.into(),
            line: 1,
            column: 1,
            msg,
        }
    }

    /// The line printed for users and scripts. Nothing in it can act on a terminal:
    /// the file name and the whole message (the parser's own words included) go
    /// through [`visible`](crate::text::visible).
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}",
            crate::text::visible(&self.file),
            self.line,
            self.column,
            crate::text::visible(&self.msg.text(lang))
        )
    }
}

/// A problem found while decoding, whose position is still to be looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub path: YamlPath,
    pub target: Target,
    pub msg: Msg,
    /// Its position, once found (by [`Sink::place`], from the reading's own marks).
    pub at: Option<(usize, usize)>,
}

/// Collects the problems of one file while it is decoded.
#[derive(Debug, Default)]
pub struct Sink {
    pub pending: Vec<Pending>,
}

impl Sink {
    pub fn at_key<'p>(&mut self, path: impl Into<Cow<'p, [Seg]>>, msg: Msg) {
        self.pending.push(Pending {
            path: path.into().into_owned(),
            target: Target::Key,
            msg,
            at: None,
        });
    }

    pub fn at_value<'p>(&mut self, path: impl Into<Cow<'p, [Seg]>>, msg: Msg) {
        self.pending.push(Pending {
            path: path.into().into_owned(),
            target: Target::Value,
            msg,
            at: None,
        });
    }

    /// Gives the problems found so far their positions from the marks of the reading
    /// (`src` read into `tree`), while the tree is there: no second pass over the text.
    /// Those the marks cannot place (an empty value, a tree the full reader read) are
    /// left to [`resolve`].
    pub fn place(&mut self, src: &str, tree: &Node, marks: &Marks) {
        if self.pending.iter().all(|p| p.at.is_some()) {
            return;
        }
        let Some(mut located) = marks.located(src, tree) else {
            return;
        };
        for p in self.pending.iter_mut().filter(|p| p.at.is_none()) {
            // The nearest place of its chain that is in the tree; (1, 1) when none is.
            p.at = match located.find(&p.path, p.target) {
                Found::At(line, column) => Some((line, column)),
                Found::Unmarked => None,
                Found::Absent => Some((1, 1)),
            };
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }
}

/// A problem's place, then its parents' (as values), nearest first.
fn chain(p: &Pending) -> impl Iterator<Item = (YamlPath, Target)> + '_ {
    let first = std::iter::once((p.path.clone(), p.target));
    let parents = (1..p.path.len())
        .rev()
        .map(|n| (p.path[..n].to_vec(), Target::Value));
    first.chain(parents)
}

/// Gives each pending problem of `file` its position in `src`.
///
/// A path that is not in the document (a missing key) falls back to its nearest
/// parent that is. The problems placed already (by [`Sink::place`]) keep their place; the
/// others' positions are found in one pass over the document, however many there are.
pub fn resolve(file: &str, src: &str, pending: Vec<Pending>) -> Vec<Problem> {
    let wanted: HashSet<(YamlPath, Target)> = pending
        .iter()
        .filter(|p| p.at.is_none())
        .flat_map(chain)
        .collect();
    let found = if wanted.is_empty() {
        Default::default()
    } else {
        yaml::locate_all(src, &wanted)
    };
    pending
        .into_iter()
        .map(|p| {
            let (line, column) = p.at.unwrap_or_else(|| {
                chain(&p)
                    .find_map(|place| found.get(&place).copied())
                    .unwrap_or((1, 1))
            });
            Problem {
                file: file.to_string(),
                line,
                column,
                msg: p.msg,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_problem_never_holds_a_terminal_control() {
        let p = Problem::whole(
            "49/cases/\u{1b}[2J.yaml",
            Msg::Syntax {
                detail: "found character \u{1b}]52;c;eA==\u{7} \u{202e} \u{9b}".into(),
            },
        );
        for lang in [Lang::Fr, Lang::En] {
            let line = p.render(lang);
            assert!(!line.chars().any(crate::text::is_hazard), "{line:?}");
            // The parser's own words are shown in English only (French says it in French).
            if lang == Lang::En {
                assert!(line.contains("␛]52;c;eA==␇"), "{line}");
            }
        }
    }
}
