//! Carnet's own lock file, taken before sled opens, so a second instance can say who holds
//! the store instead of failing on sled's opaque I/O error. The OS releases the lock when the
//! process dies, even when it is killed.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = "carnet.lock";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockOwner {
    pub pid: u32,
    pub user: String,
    pub host: String,
    /// When it took the lock (Unix seconds); unknown in a lock file of an older version.
    pub since: Option<i64>,
}

impl LockOwner {
    pub fn current() -> LockOwner {
        LockOwner {
            pid: std::process::id(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("LOGNAME"))
                .ok()
                .filter(|u| !u.is_empty())
                .or_else(user_from_uid)
                .unwrap_or_else(|| "?".into()),
            host: hostname(),
            since: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()
                .and_then(|d| i64::try_from(d.as_secs()).ok()),
        }
    }

    fn to_text(&self) -> String {
        let since = self.since.map_or(String::new(), |s| format!("since={s}\n"));
        format!(
            "pid={}\nuser={}\nhost={}\n{since}",
            self.pid, self.user, self.host
        )
    }

    fn parse(text: &str) -> LockOwner {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix('='))
                .unwrap_or("?")
                .trim()
                .to_string()
        };
        LockOwner {
            pid: field("pid").parse().unwrap_or(0),
            user: field("user"),
            host: field("host"),
            since: field("since").parse().ok(),
        }
    }
}

/// The login name of this process's uid, for sessions without USER (cron, bare `env -i`).
fn user_from_uid() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd
        .lines()
        .find_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            (fields.nth(1)? == uid).then(|| name.to_string())
        })
        .or(Some(format!("uid {uid}")))
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "?".into())
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("store already open by {} on {} (pid {})", .0.user, .0.host, .0.pid)]
    Held(LockOwner),
    #[error("cannot use lock file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Held for as long as the store is open.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

fn open_lock_file(dir: &Path) -> Result<(File, PathBuf), LockError> {
    let path = dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A link planted under this name is refused, never followed.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(&path).map_err(|source| LockError::Io {
        path: path.clone(),
        source,
    })?;
    Ok((file, path))
}

fn read_owner(file: &File) -> LockOwner {
    let mut buf = [0u8; 1024];
    let n = file.read_at(&mut buf, 0).unwrap_or(0);
    LockOwner::parse(&String::from_utf8_lossy(&buf[..n]))
}

/// Who holds the lock, once they have said so: the holder takes the lock first and writes
/// its name just after, so a reader can come in between (and find the file empty, or still
/// naming the previous holder, now gone). Asked again for up to a second.
fn settled_owner(file: &File) -> LockOwner {
    let here = hostname();
    let credible = |o: &LockOwner| {
        o.pid != 0
            && o.user != "?"
            // A pid on this machine must be a live process; another host's cannot be checked.
            && (o.host != here || Path::new(&format!("/proc/{}", o.pid)).exists())
    };
    let mut owner = read_owner(file);
    for _ in 0..50 {
        if credible(&owner) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        owner = read_owner(file);
    }
    owner
}

impl StoreLock {
    pub fn acquire(dir: &Path) -> Result<StoreLock, LockError> {
        let (file, path) = open_lock_file(dir)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(LockError::Held(settled_owner(&file))),
            Err(TryLockError::Error(source)) => return Err(LockError::Io { path, source }),
        }
        // Written over the previous holder's name, then cut to length: the file is never
        // empty for a reader once it exists. Failing to write it (a full disk) does not stop
        // the store from opening: the lock itself is what protects it.
        let text = LockOwner::current().to_text();
        if file.write_all_at(text.as_bytes(), 0).is_ok() {
            let _ = file.set_len(text.len() as u64);
            let _ = file.sync_all();
        }
        Ok(StoreLock { _file: file })
    }

    /// A second handle on the same lock: the store stays locked until both are dropped.
    pub fn try_clone(&self) -> std::io::Result<StoreLock> {
        Ok(StoreLock {
            _file: self._file.try_clone()?,
        })
    }

    /// Who holds the lock, without taking it for longer than the question lasts.
    pub fn holder(dir: &Path) -> Option<LockOwner> {
        if !dir.join(LOCK_FILE).exists() {
            return None;
        }
        let (file, _) = open_lock_file(dir).ok()?;
        match file.try_lock() {
            Ok(()) => None,
            Err(TryLockError::WouldBlock) => Some(settled_owner(&file)),
            Err(TryLockError::Error(_)) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_text_round_trips() {
        let o = LockOwner {
            pid: 42,
            user: "amina".into(),
            host: "srv".into(),
            since: Some(1_796_300_000),
        };
        assert_eq!(LockOwner::parse(&o.to_text()), o);
        // A lock file written before « since » existed still names its holder.
        let old = LockOwner::parse("pid=42\nuser=amina\nhost=srv\n");
        assert_eq!(old.since, None);
        assert_eq!(old.user, "amina");
    }
}
