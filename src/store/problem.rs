//! A problem found in the data, with where it is.

use super::yaml::{self, Marks, Node, Seg, Target, YamlPath};
use super::yaml_marks::Found;
use crate::i18n::{Lang, Msg};
use std::borrow::Cow;
use std::collections::HashSet;

/// At most this many problems are recorded for one file (and printed by `validate`);
/// past them, the file's sink only counts (see [`Sink`]).
pub const MAX_PROBLEMS_PER_FILE: usize = 50;

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
        if let Msg::MoreInFile { .. } = self.msg {
            // A count has no place in the file (`file: …`, so that a list of these lines
            // still finds the file's own by its `file:`).
            return format!(
                "{}: {}",
                crate::text::visible(&self.file),
                self.msg.text(lang)
            );
        }
        format!(
            "{}:{}:{}: {}",
            crate::text::visible(&self.file),
            self.line,
            self.column,
            crate::text::visible(&self.msg.text(lang))
        )
    }

    /// How many problems this one stands for: the count of those not recorded, for
    /// [`Msg::MoreInFile`]; 1 for any other.
    pub fn weight(&self) -> usize {
        match self.msg {
            Msg::MoreInFile { more } => more,
            _ => 1,
        }
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

/// Collects the problems of one file while it is decoded (and checked against the other
/// files). The first [`MAX_PROBLEMS_PER_FILE`] are recorded whole; past them the sink
/// only counts (`omitted`): the callers that can find many problems ask [`Sink::full`]
/// before building a path, a message or a suggestion, and no position is looked for.
#[derive(Debug, Default)]
pub struct Sink {
    pub pending: Vec<Pending>,
    /// The problems found past the first [`MAX_PROBLEMS_PER_FILE`], only counted.
    pub omitted: usize,
}

impl Sink {
    /// [`MAX_PROBLEMS_PER_FILE`] problems are recorded: a further one is only counted.
    pub fn full(&self) -> bool {
        self.pending.len() >= MAX_PROBLEMS_PER_FILE
    }

    /// Counts one more problem past the recorded ones (for a caller that asked
    /// [`Sink::full`] and built nothing).
    pub fn count_omitted(&mut self) {
        self.omitted += 1;
    }

    pub fn at_key<'p>(&mut self, path: impl Into<Cow<'p, [Seg]>>, msg: Msg) {
        if self.full() {
            self.omitted += 1;
            return;
        }
        self.pending.push(Pending {
            path: path.into().into_owned(),
            target: Target::Key,
            msg,
            at: None,
        });
    }

    pub fn at_value<'p>(&mut self, path: impl Into<Cow<'p, [Seg]>>, msg: Msg) {
        if self.full() {
            self.omitted += 1;
            return;
        }
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
        self.pending.is_empty() && self.omitted == 0
    }

    /// The problems of `file` (its text `src`), positioned, then the count of the others
    /// when some were only counted.
    pub fn into_problems(self, file: &str, src: &str) -> Vec<Problem> {
        let mut out = resolve(file, src, self.pending);
        if self.omitted > 0 {
            out.push(Problem::whole(file, Msg::MoreInFile { more: self.omitted }));
        }
        out
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
