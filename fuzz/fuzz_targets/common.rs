//! What every loader target checks: parsing and decoding any bytes never panics, each
//! problem gets a position inside the text, and every rendered message is harmless.

use cellule::i18n::Lang;
use cellule::store::problem::{Problem, Sink, resolve};
use cellule::store::yaml::{self, Node};
use cellule::text::is_hazard;

/// Runs `decode` on `data` as the loader does (UTF-8, BOM dropped, parse, decode,
/// positions of the problems) and returns the decoded value when the file is clean.
pub fn check<T>(data: &[u8], decode: fn(&Node, &mut Sink) -> Option<T>) -> Option<T> {
    let text = std::str::from_utf8(data).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lines as the YAML library counts them: LF, CRLF, a lone CR, and also NEL (U+0085),
    // the line and paragraph separators (U+2028, U+2029) each end one.
    let lines = text.matches('\n').count() + text.matches('\r').count()
        - text.matches("\r\n").count()
        + text.matches(['\u{85}', '\u{2028}', '\u{2029}']).count()
        + 2;
    let problems = match yaml::read(text) {
        Err(e) => {
            if let Some(line) = e.line {
                assert!(
                    line >= 1 && line <= lines,
                    "parse error line {line} of {lines}"
                );
            }
            return None;
        }
        Ok(value) => {
            let mut sink = Sink::default();
            let decoded = decode(&value, &mut sink);
            if sink.is_empty() {
                return decoded;
            }
            resolve("49/x.yaml", text, sink.pending)
        }
    };
    for p in &problems {
        assert!(
            p.line >= 1 && p.line <= lines,
            "problem line {} of {lines}",
            p.line
        );
        assert!(p.column >= 1);
        shown_harmless(p);
    }
    None
}

fn shown_harmless(p: &Problem) {
    for lang in [Lang::Fr, Lang::En] {
        let line = p.render(lang);
        assert!(!line.chars().any(is_hazard), "hazard in message {line:?}");
    }
}
