//! The faults of the case file's rules (`domain/case_rules.rs`) as the messages of the
//! catalogue: the decoder and the case form give the same sentence.

use super::Msg;

impl From<crate::domain::case_rules::CaseFault> for Msg {
    fn from(f: crate::domain::case_rules::CaseFault) -> Msg {
        use crate::domain::case_rules::CaseFault;
        match f {
            CaseFault::YearOutOfRange { value } => Msg::YearOutOfRange { value },
            CaseFault::ClosedNeedsDate => Msg::ClosedNeedsDate,
            CaseFault::ClosedNeedsReason => Msg::ClosedNeedsReason,
            CaseFault::DateBefore {
                key,
                value,
                other_key,
                other,
            } => Msg::DateBefore {
                key: key.to_string(),
                value: value.to_string(),
                other_key: other_key.to_string(),
                other: other.to_string(),
            },
        }
    }
}
