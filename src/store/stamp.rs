//! The stamp of a file: the SHA-256 of its bytes, taken when it was read or written, so
//! that a write never overwrites a change made elsewhere (`write.rs`) and the app knows its
//! own writes from a colleague's (the watcher).

use sha2::{Digest, Sha256};

/// The SHA-256 of a file's bytes, taken when it was read or written.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct Stamp([u8; 32]);

impl Stamp {
    /// The stamp of these bytes.
    pub fn of(bytes: &[u8]) -> Stamp {
        Stamp(Sha256::digest(bytes).into())
    }

    /// The stamp as 64 hexadecimal digits (kept in a rescue copy).
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The stamp of [`Self::to_hex`]'s text, if it is one.
    pub fn from_hex(text: &str) -> Option<Stamp> {
        let text = text.trim();
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Stamp(out))
    }
}
