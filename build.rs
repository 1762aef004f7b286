//! Embeds the demo data (`fixtures/demo/`) into the binary for `cellule demo`.

use std::path::{Path, PathBuf};

fn main() {
    let demo = Path::new("fixtures/demo");
    println!("cargo:rerun-if-changed=fixtures/demo");
    let mut files = Vec::new();
    collect(demo, &mut files);
    files.sort();
    let mut out = String::from(
        "/// The demo files: (path relative to the data root, content).\npub const DEMO_FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let rel = file.strip_prefix(demo).unwrap_or(file);
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel == "README.md" {
            continue;
        }
        let abs = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        out.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            abs.to_string_lossy()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("demo_files.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
