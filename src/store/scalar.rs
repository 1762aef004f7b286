//! What a plain scalar means, by the YAML core schema as the format uses it: null,
//! booleans, integers (decimal, `0x`, `0o`, `0b`), floats (`.inf`, `.nan` included), else
//! text. Shared by the reader (which resolves what it reads) and the emitter (which
//! quotes a text that would read back as something else): neither needs the other.

use std::fmt;

/// A number read from a document: the tree's own type, no library's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    UInt(u64),
    /// A negative integer.
    Int(i64),
    Float(f64),
}

impl Number {
    pub fn is_u64(&self) -> bool {
        matches!(self, Number::UInt(_))
    }

    pub fn is_i64(&self) -> bool {
        match self {
            Number::Int(_) => true,
            Number::UInt(n) => i64::try_from(*n).is_ok(),
            Number::Float(_) => false,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Number::UInt(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Number::Int(n) => Some(*n),
            Number::UInt(n) => i64::try_from(*n).ok(),
            Number::Float(_) => None,
        }
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number::UInt(n)
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Self {
        match u64::try_from(n) {
            Ok(n) => Number::UInt(n),
            Err(_) => Number::Int(n),
        }
    }
}

impl From<f64> for Number {
    fn from(f: f64) -> Self {
        Number::Float(f)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::UInt(n) => write!(f, "{n}"),
            Number::Int(n) => write!(f, "{n}"),
            Number::Float(x) if x.is_nan() => f.write_str(".nan"),
            Number::Float(x) if x.is_infinite() => {
                f.write_str(if *x > 0.0 { ".inf" } else { "-.inf" })
            }
            Number::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// What a plain scalar is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plain {
    Null,
    Bool(bool),
    Number(Number),
    Text,
}

/// The meaning of the plain scalar `s`.
pub fn resolve(s: &str) -> Plain {
    // Compared byte by byte: this runs for every key and plain value.
    match s.as_bytes() {
        [] | b"~" | b"null" | b"Null" | b"NULL" => return Plain::Null,
        b"true" | b"True" | b"TRUE" => return Plain::Bool(true),
        b"false" | b"False" | b"FALSE" => return Plain::Bool(false),
        _ => {}
    }
    if !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
        || never_a_number(s)
    {
        return Plain::Text;
    }
    match s {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Plain::Number(Number::Float(f64::INFINITY));
        }
        "-.inf" | "-.Inf" | "-.INF" => return Plain::Number(Number::Float(f64::NEG_INFINITY)),
        ".nan" | ".NaN" | ".NAN" => return Plain::Number(Number::Float(f64::NAN)),
        _ => {}
    }
    if let Some(n) = unsigned(s) {
        return Plain::Number(Number::UInt(n));
    }
    if let Some(n) = negative(s) {
        return Plain::Number(n.into());
    }
    if leading_zero_digits(s)
        || s.bytes()
            .any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E')
    {
        return Plain::Text;
    }
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    if !(s.starts_with('+') && unsigned.starts_with(['+', '-']))
        && unsigned.bytes().any(|b| b.is_ascii_digit())
        && let Ok(f) = unsigned.parse::<f64>()
        && f.is_finite()
    {
        return Plain::Number(Number::Float(f));
    }
    Plain::Text
}

/// Texts that no rule reads as a number, told at a glance (dates, times, ids): a
/// character that no number holds, or a `-` that is neither the sign nor an exponent's.
pub(super) fn never_a_number(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'-' => i > 0 && !matches!(bytes[i - 1], b'e' | b'E'),
        b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'+' | b'.' | b'_' => false,
        _ => true,
    })
}

/// Leading zeros followed by digits only: a text, not a number (`0049`).
pub(super) fn leading_zero_digits(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn radix_body(s: &str) -> Option<(&str, u32)> {
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return Some((rest, radix));
        }
    }
    None
}

fn digits_of(s: &str, radix: u32) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_digit(radix))
}

/// A non-negative integer: decimal (no leading zero), `0x`, `0o` or `0b`.
fn unsigned(s: &str) -> Option<u64> {
    let s = s.strip_prefix('+').unwrap_or(s);
    if let Some((rest, radix)) = radix_body(s) {
        return digits_of(rest, radix)
            .then(|| u64::from_str_radix(rest, radix).ok())
            .flatten();
    }
    if !digits_of(s, 10) || leading_zero_digits(s) {
        return None;
    }
    s.parse().ok()
}

/// A negative integer.
fn negative(s: &str) -> Option<i64> {
    let body = s.strip_prefix('-')?;
    if let Some((rest, radix)) = radix_body(body) {
        return digits_of(rest, radix)
            .then(|| i64::from_str_radix(&format!("-{rest}"), radix).ok())
            .flatten();
    }
    if !digits_of(body, 10) || leading_zero_digits(s) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        assert_eq!(resolve(""), Plain::Null);
        assert_eq!(resolve("~"), Plain::Null);
        assert_eq!(resolve("True"), Plain::Bool(true));
        assert_eq!(resolve("yes"), Plain::Text);
        assert_eq!(resolve("2009"), Plain::Number(Number::UInt(2009)));
        assert_eq!(resolve("-3"), Plain::Number(Number::Int(-3)));
        assert_eq!(resolve("0x1F"), Plain::Number(Number::UInt(31)));
        assert_eq!(resolve("0049"), Plain::Text);
        assert_eq!(resolve("1.5"), Plain::Number(Number::Float(1.5)));
        assert_eq!(resolve("1e3"), Plain::Number(Number::Float(1000.0)));
        assert_eq!(
            resolve("-.inf"),
            Plain::Number(Number::Float(f64::NEG_INFINITY))
        );
        assert_eq!(resolve("inf"), Plain::Text);
        assert_eq!(resolve("2026-03-02"), Plain::Text);
        assert_eq!(resolve("14:30"), Plain::Text);
        assert_eq!(resolve("49-2026-001"), Plain::Text);
        assert_eq!(resolve("1.2.3"), Plain::Text);
        assert_eq!(resolve("."), Plain::Text);
        assert_eq!(resolve("+"), Plain::Text);
        assert!(matches!(
            resolve("99999999999999999999"),
            Plain::Number(Number::Float(_))
        ));
        assert_eq!(Number::Float(1.0).to_string(), "1.0");
        assert_eq!(Number::from(-2i64).to_string(), "-2");
    }
}
