//! Zip packages (Word, OpenDocument) with fixed timestamps and a fixed order, so that the same
//! data gives the same bytes.

use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The options of every entry: a fixed date (1980-01-01, the first zip date), fixed
/// permissions; `stored` leaves the entry uncompressed (OpenDocument's `mimetype`).
fn options(stored: bool) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(if stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        })
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644)
}

/// A package being written.
pub struct Package {
    zip: ZipWriter<Cursor<Vec<u8>>>,
}

impl Package {
    pub fn new() -> Self {
        Package {
            zip: ZipWriter::new(Cursor::new(Vec::new())),
        }
    }

    /// Adds one entry.
    pub fn add(&mut self, name: &str, bytes: &[u8], stored: bool) -> Result<(), String> {
        self.zip
            .start_file(name, options(stored))
            .map_err(|e| e.to_string())?;
        self.zip.write_all(bytes).map_err(|e| e.to_string())
    }

    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.zip
            .finish()
            .map(Cursor::into_inner)
            .map_err(|e| e.to_string())
    }
}

/// The same package written again with fixed timestamps, entries in the same order.
pub fn repack(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Package::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().map_err(|e| e.to_string())?.to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).map_err(|e| e.to_string())?;
        out.add(&name, &content, false)?;
    }
    out.finish()
}
