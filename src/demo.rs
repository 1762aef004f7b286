//! The bundled demo département (fictional data), embedded in the binary.

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));
