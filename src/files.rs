//! Files a user names (exports, imports, folders): Carnet is a guest on shared servers, often
//! run as a privileged user, so it only ever replaces, chmods or creates what it made.
//!
//! - Writing a file: a device or FIFO (`/dev/null`, `/dev/stdout`) is written straight into,
//!   never replaced; a symlink is followed and its target replaced atomically; a folder is
//!   refused; anything else goes through a private temporary file and a rename.
//! - Reading a file from data: regular files only, opened without following a symlink or
//!   waiting on a FIFO, and with a size bound.
//! - Folders Carnet creates are 0700 and files 0600, whatever the umask.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Writes `bytes` to the file the user named, by the rules above.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_private_with(path, &mut |out| out.write_all(bytes))
}

/// The same, with the content streamed by `write` (an export that never sits whole in
/// memory).
pub fn write_private_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io::Error::from(io::ErrorKind::IsADirectory)),
        // A device, FIFO or socket: write into it as a shell redirection would.
        Ok(meta) if !meta.is_file() => OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| write(&mut f)),
        _ => {
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            // A dangling link fails here with "not found", which is what it is.
            let target = match is_link {
                true => std::fs::canonicalize(path)?,
                false => path.to_path_buf(),
            };
            replace_with(&target, &mut |file| {
                let mut buffered = io::BufWriter::new(file);
                write(&mut buffered)?;
                buffered.flush()
            })
        }
    }
}

/// Writes a whole file through a private temporary beside it and a rename, so a crash never
/// leaves half a file behind. `path` must not be a symlink (the caller resolved it).
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, &mut |file| file.write_all(bytes))
}

/// The same, with the content streamed by `write` (a backup that never sits in memory).
pub fn replace_with(
    path: &Path,
    write: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let (tmp, mut file) = create_temp(dir, &name)?;
    let result = write(&mut file)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A new private file `.NAME.PID.N.tmp` in `dir`; never opens one that exists (nor a link).
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match create_private_file(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Creates a new file, 0600 whatever the umask; fails if anything (a link too) is there.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    // The umask may have taken bits off the mode above; this is our own new file.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

/// Appends `bytes` to a file Carnet keeps (a log), creating it 0600; a link or anything but
/// a regular file there is refused, never followed.
pub fn append_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::from(io::ErrorKind::InvalidInput));
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Creates `dir` and its missing parents, each new one 0700 whatever the umask. Folders that
/// already exist are left as they are.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    if std::fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir_all(parent)?;
    }
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        // Ours: exactly 0700, whatever the umask took off.
        Ok(()) => set_mode(dir, 0o700),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// Gives a file or folder Carnet made exactly `mode`, through a handle opened without
/// following a link; links, and anything else than files and folders, are left alone.
pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    let handle = match open_no_follow(path) {
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Ok(()),
        other => other?,
    };
    let meta = handle.metadata()?;
    if (meta.is_file() || meta.is_dir()) && meta.permissions().mode() & 0o777 != mode {
        handle.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// Opens for reading without following a final symlink and without waiting on a FIFO.
fn open_no_follow(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

/// Why a file from data was not read.
#[derive(Debug)]
pub enum ReadRefused {
    /// A symlink, FIFO, device or socket: only regular files are read.
    NotRegular,
    /// Larger than the bound (in bytes).
    TooLarge(u64),
    NotUtf8,
    Io(io::Error),
}

/// Reads a regular file as UTF-8 text, refusing links, FIFOs, devices and files over `limit`
/// bytes. The check is made on the opened file, so nothing can be swapped in between.
pub fn read_regular(path: &Path, limit: u64) -> Result<String, ReadRefused> {
    String::from_utf8(read_regular_bytes(path, limit)?).map_err(|_| ReadRefused::NotUtf8)
}

/// The same, as bytes.
pub fn read_regular_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadRefused> {
    let file = match open_no_follow(path) {
        Ok(f) => f,
        // O_NOFOLLOW on a link fails with ELOOP.
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(ReadRefused::NotRegular),
        Err(e) => return Err(ReadRefused::Io(e)),
    };
    let meta = file.metadata().map_err(ReadRefused::Io)?;
    if !meta.is_file() {
        return Err(ReadRefused::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadRefused::TooLarge(limit));
    }
    let mut bytes = Vec::new();
    // The file may grow while it is read: never take more than the bound.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadRefused::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefused::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mode(path: &Path) -> u32 {
        std::fs::symlink_metadata(path)
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn a_symlink_is_followed_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.csv");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.csv");
        symlink(&target, &link).unwrap();
        write_private(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(mode(&target), 0o600);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file left behind");
    }

    /// A FIFO stands for every non-regular file (`/dev/null`, `/dev/stdout`): testing on the
    /// machine's real devices would damage them if this ever regressed.
    #[test]
    fn a_fifo_is_written_into_and_a_folder_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let reader = {
                let fifo = fifo.clone();
                std::thread::spawn(move || std::fs::read(&fifo).unwrap())
            };
            write_private(&fifo, b"a,b\n").unwrap();
            assert_eq!(reader.join().unwrap(), b"a,b\n");
            use std::os::unix::fs::FileTypeExt;
            let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
            assert!(kind.is_fifo(), "the FIFO is still a FIFO");
        }
        let err = write_private(dir.path(), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }

    #[test]
    fn new_folders_are_private_whatever_exists_above() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("mine");
        std::fs::create_dir(&outside).unwrap();
        std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o755)).unwrap();
        let deep = outside.join("a/b");
        create_private_dir_all(&deep).unwrap();
        assert_eq!(mode(&outside.join("a")), 0o700);
        assert_eq!(mode(&deep), 0o700);
        assert_eq!(
            mode(&outside),
            0o755,
            "a folder Carnet did not make keeps its mode"
        );
    }

    #[test]
    fn only_regular_files_within_the_bound_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "bonjour").unwrap();
        assert_eq!(read_regular(&file, 100).unwrap(), "bonjour");
        assert!(matches!(
            read_regular(&file, 3),
            Err(ReadRefused::TooLarge(3))
        ));
        let link = dir.path().join("l.md");
        symlink(&file, &link).unwrap();
        assert!(matches!(
            read_regular(&link, 100),
            Err(ReadRefused::NotRegular)
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(ReadRefused::NotRegular)
        ));
        let fifo = dir.path().join("f.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_regular(&fifo, 100),
                Err(ReadRefused::NotRegular)
            ));
        }
    }
}
