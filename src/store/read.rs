//! Every read of a data file: opened without following a link and without blocking
//! (`O_NOFOLLOW | O_NONBLOCK` on Unix), checked on the open handle to be a regular file
//! under the size limit, then read. A FIFO planted in place of a meeting file cannot
//! freeze the app in `open`, a link to `/dev/zero` cannot exhaust its memory.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Files larger than this are not read (the format's files are a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A link, a folder, a pipe, a device: anything but a regular file.
    NotRegular,
    /// Larger than the limit.
    TooLarge { bytes: u64, limit: u64 },
    /// The system refused.
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Opens `path` for reading: never through a link, never waiting on a pipe or device.
pub fn open_no_follow(path: &Path) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    match options.open(path) {
        Ok(file) => Ok(file),
        // A link at the last step of the path (ELOOP on Linux, EMLINK on some BSDs).
        #[cfg(unix)]
        Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::EMLINK)) => {
            Err(ReadError::NotRegular)
        }
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => Err(ReadError::NotRegular),
        Err(e) => Err(ReadError::Io(e)),
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
///
/// The size the file had when opened is what is read: a file growing meanwhile is read
/// as it was, and the end is known without one more system call.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_no_follow(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(meta.len()).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn only_regular_files_under_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "id: a\n").unwrap();
        assert_eq!(read_file(&file, 100).unwrap(), b"id: a\n");
        assert!(matches!(
            read_file(&file, 3),
            Err(ReadError::TooLarge { bytes: 6, limit: 3 })
        ));
        let link = dir.path().join("zero.yaml");
        symlink("/dev/zero", &link).unwrap();
        assert!(matches!(read_file(&link, 100), Err(ReadError::NotRegular)));
        let to_file = dir.path().join("link.yaml");
        symlink(&file, &to_file).unwrap();
        assert!(matches!(
            read_file(&to_file, 100),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(
            read_file(dir.path(), 100),
            Err(ReadError::NotRegular)
        ));
        let missing = read_file(&dir.path().join("nope.yaml"), 100);
        assert!(matches!(missing, Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound));
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("m.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Without O_NONBLOCK this open would wait for ever for a writer.
        assert!(matches!(read_file(&fifo, 100), Err(ReadError::NotRegular)));
    }
}
