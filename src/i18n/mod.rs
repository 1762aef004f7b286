//! The message catalogue: every sentence the product prints, in French (default) and English.
//!
//! Problems found in files are [`Msg`] values rendered here; the commands' own
//! sentences are in [`cli`].

mod case_rules;
pub mod cli;
pub mod dates;
pub mod export;
pub mod fipd;
pub mod followup;
pub mod live;
mod problem_text;
pub mod problems;
pub mod system;

pub use problems::{Expected, Msg};

/// The language of everything shown or exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Reads `fr` or `en` (as on the command line and in the config file).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the sentence of this language.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// `fr` or `en`.
    pub fn code(self) -> &'static str {
        self.pick("fr", "en")
    }
}

/// `n` and its noun in agreement: French takes the singular for 0 and 1 (« 0 problème »,
/// « 1 situation », « 2 situations »), English for 1 only. `fr` and `en` give the singular
/// and the plural.
pub fn count(lang: Lang, n: usize, fr: (&str, &str), en: (&str, &str)) -> String {
    let word = match lang {
        Lang::Fr if n <= 1 => fr.0,
        Lang::Fr => fr.1,
        Lang::En if n == 1 => en.0,
        Lang::En => en.1,
    };
    format!("{n} {word}")
}

/// Joins values as `a, b, c`, each in French or English quotes.
pub fn quoted_list(lang: Lang, values: &[&str]) -> String {
    values
        .iter()
        .map(|v| quote(lang, v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The values of a closed list for a message: the French label then the file spelling
/// (« personne » ou « person »), once when they are the same.
pub fn choice_list(lang: Lang, values: &[(&str, &str)]) -> String {
    let or = lang.pick("ou", "or");
    values
        .iter()
        .map(|(file, label)| {
            if crate::domain::enums::fold(file) == crate::domain::enums::fold(label) {
                quote(lang, file)
            } else {
                format!("{} {or} {}", quote(lang, label), quote(lang, file))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The longest value quoted in a message, in characters.
pub const MAX_QUOTED: usize = 120;

/// Quotes a value (cut to [`MAX_QUOTED`] characters): « value » in French, `value` in English.
pub fn quote(lang: Lang, value: &str) -> String {
    let clipped = crate::text::clip(value, MAX_QUOTED);
    let shown = crate::text::visible(&clipped);
    match lang {
        Lang::Fr => format!("« {shown} »"),
        Lang::En => format!("\"{shown}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        let fr = ("problème trouvé", "problèmes trouvés");
        let en = ("problem found", "problems found");
        assert_eq!(count(Lang::Fr, 0, fr, en), "0 problème trouvé");
        assert_eq!(count(Lang::Fr, 1, fr, en), "1 problème trouvé");
        assert_eq!(count(Lang::Fr, 2, fr, en), "2 problèmes trouvés");
        assert_eq!(count(Lang::En, 0, fr, en), "0 problems found");
        assert_eq!(count(Lang::En, 1, fr, en), "1 problem found");
    }
}
