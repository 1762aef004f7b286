#![no_main]
//! Any bytes as a `department` file: no panic, positions inside the text, harmless messages.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let _ = common::check(data, cellule::store::decode_department);
});
