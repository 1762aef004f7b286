#![no_main]
//! The YAML readers on any text: neither panics; the quick reader, whenever it answers,
//! gives the full reader's tree (it never accepts what the full reader refuses); every
//! key read at the root of a mapping can be located again.

use cellule::store::yaml::{self, Node, Seg, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let full = yaml::read_full(src);
    if let Some(quick) = yaml::parse_quick(src) {
        match &full {
            // Compared through Debug so that a NaN equals itself.
            Ok(tree) => assert_eq!(format!("{quick:?}"), format!("{tree:?}"), "differs on {src:?}"),
            Err(e) => panic!("quick reader read {quick:?} where the full reader refused ({e:?}): {src:?}"),
        }
    }
    if let Ok(Node::Map(entries)) = full {
        for (key, _) in entries.iter().take(8) {
            if let Node::Str(k) = key {
                let path = [Seg::Key(k.to_string())];
                assert!(
                    yaml::locate(src, &path, Target::Key).is_some(),
                    "key {k:?} not located in {src:?}"
                );
            }
        }
    }
});
