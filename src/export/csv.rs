//! CSV as a French spreadsheet reads it: `;`-separated (the comma is the decimal separator),
//! CRLF line ends, fields quoted as RFC 4180 says when they hold a `;`, a quote or a line
//! break (quotes doubled). Text is made safe first: hazards become visible,
//! and a field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` at the start of a
//! non-numeric field) is prefixed with `'`.

use crate::text::visible_multiline;

/// One field, quoted when needed.
pub fn field(text: &str) -> String {
    let safe = visible_multiline(text).replace("\r", "");
    let safe = if is_formula(&safe) {
        format!("'{safe}")
    } else {
        safe
    };
    if safe.contains([';', '"', '\n']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

fn is_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err()
}

/// One record, ending with CRLF.
pub fn record(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(";");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(record(&["a", "b c", "1"]), "a;b c;1\r\n");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("a,b"), "a,b");
        assert_eq!(field("dit \"non\""), "\"dit \"\"non\"\"\"");
        assert_eq!(field("l1\nl2"), "\"l1\nl2\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-3"), "-3");
        assert_eq!(field("a\u{1b}[2Jb"), "a␛[2Jb");
    }
}
