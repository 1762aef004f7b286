#![no_main]
//! The quick YAML reader against the library: whenever the quick reader answers, the
//! library reads the same value (it never accepts what the library refuses, never reads
//! a text differently); neither panics.

use cellule::store::yaml::{Node, parse, parse_quick};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let quick = parse_quick(src);
    let full = parse(src);
    if let Some(value) = quick {
        match full {
            // Compared through Debug so that a NaN equals itself.
            Ok(v) => assert_eq!(
                format!("{value:?}"),
                format!("{:?}", Node::from_value(&v)),
                "differs on {src:?}"
            ),
            Err(e) => {
                panic!("quick reader read {value:?} where the library refused ({e:?}): {src:?}")
            }
        }
    }
});
