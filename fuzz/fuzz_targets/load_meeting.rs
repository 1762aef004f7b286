#![no_main]
//! Any bytes as a meeting file: no panic, positions inside the text, harmless messages;
//! and a meeting that decodes cleanly is written back to a text that loads as the same meeting.

use cellule::store::problem::Sink;
use cellule::store::{decode_meeting, meeting_to_yaml, yaml};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(meeting) = common::check(data, decode_meeting) else {
        return;
    };
    let text = meeting_to_yaml(&meeting);
    let value = yaml::read(&text).expect("the written meeting parses");
    let mut sink = Sink::default();
    let again = decode_meeting(&value, &mut sink);
    assert!(sink.is_empty(), "written meeting has problems: {text}");
    assert_eq!(
        again.as_ref(),
        Some(&meeting),
        "round trip changed the meeting:\n{text}"
    );
});
