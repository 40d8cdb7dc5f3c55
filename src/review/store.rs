//! The review file on disk: where it lives, reading it (a file that cannot be read is set aside,
//! never overwritten), and saving it so nothing shown as saved is ever lost.
//!
//! Saving takes an advisory lock on the directory (held for the few milliseconds of one save,
//! so two tarikh processes on one article take turns), re-reads the file, merges what the other
//! process saved since we last looked (three-way, by key: our changes win on the same review),
//! writes a temporary file in the same directory, fsyncs it, renames it over the old one and
//! fsyncs the directory. A crash at any point leaves either the old file or the new one.

use super::{ReviewFile, VERSION, merge};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The review file beside an article: `ARTICLE.tarikh.json` (the full file name kept, so
/// `a.txt` and `a.md` do not share reviews).
pub fn path_for(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(".tarikh.json");
    article.with_file_name(name)
}

/// Where to save instead when the review file's directory cannot be written: the same name in
/// the home directory (the temporary directory when there is no home).
pub fn fallback_path(review: &Path) -> PathBuf {
    let name = review
        .file_name()
        .map_or_else(|| "article.tarikh.json".into(), |n| n.to_os_string());
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .filter(|h| h.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    home.join(name)
}

/// What reading a review file found.
#[derive(Debug)]
pub enum Loaded {
    /// No file yet: start empty.
    Missing,
    /// The file and its contents.
    Read(ReviewFile),
    /// The file could not be parsed; it was moved to `backup` and reviewing starts fresh.
    SetAside {
        /// Where the unreadable file now is.
        backup: PathBuf,
        /// What was wrong with it.
        error: String,
    },
}

/// Parses review file bytes; an error says what is wrong (bad JSON, a newer format).
pub fn parse(bytes: &[u8]) -> Result<ReviewFile, String> {
    let file: ReviewFile = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if file.tarikh_review > VERSION {
        return Err(format!(
            "written by a newer tarikh (format {}, this one reads {VERSION})",
            file.tarikh_review
        ));
    }
    Ok(file)
}

/// Moves an unreadable file to the first free `NAME.bak`, `NAME.bak.2`, … without ever
/// replacing an existing backup, and returns where it went.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    for n in 1..1000 {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(if n == 1 {
            ".bak".to_string()
        } else {
            format!(".bak.{n}")
        });
        let backup = path.with_file_name(name);
        // A hard link never replaces an existing name, so no backup is clobbered even if two
        // processes race here; then the unreadable name is freed.
        match fs::hard_link(path, &backup) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(backup);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => {
                // No hard links here (some file systems): copy to a new name, then remove.
                let mut out = match OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&backup)
                {
                    Ok(f) => f,
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                };
                out.write_all(&fs::read(path)?)?;
                out.sync_all()?;
                fs::remove_file(path)?;
                return Ok(backup);
            }
        }
    }
    Err(io::Error::other("too many backups already"))
}

/// Reads the review file at `path`. An unreadable one is set aside (see [`set_aside`]) when
/// `set_aside_bad` (the viewer, which will write there), else reported as an error; when even
/// setting aside fails the error is returned, and the caller must not write to `path`.
pub fn load(path: &Path, set_aside_bad: bool) -> io::Result<Loaded> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        // No directory there either: nothing to protect, and saving will say what is wrong.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Loaded::Missing);
        }
        Err(e) => return Err(e),
    };
    match parse(&bytes) {
        Ok(file) => Ok(Loaded::Read(file)),
        Err(error) if !set_aside_bad => Err(io::Error::new(io::ErrorKind::InvalidData, error)),
        Err(error) => {
            let backup = set_aside(path)?;
            Ok(Loaded::SetAside { backup, error })
        }
    }
}

/// What a save did besides writing.
#[derive(Debug, Default)]
pub struct Saved {
    /// The file as written (our reviews merged with another process's); the new base.
    pub file: ReviewFile,
    /// How many reviews came from another tarikh's save.
    pub merged: usize,
    /// An unreadable file found on disk was set aside here before writing.
    pub set_aside: Option<PathBuf>,
}

/// How long a save waits for another tarikh's save to finish.
const LOCK_WAIT: Duration = Duration::from_secs(3);

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Holds the directory's advisory lock until dropped.
struct DirLock(File);

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

fn lock_dir(dir: &Path) -> io::Result<DirLock> {
    let f = File::open(dir)?;
    let start = Instant::now();
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(DirLock(f)),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another tarikh holds the review file's lock",
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// Saves `ours` to `path`: lock, merge in what another process saved since `base`, write
/// atomically, fsync file and directory. On error nothing on disk has changed.
pub fn save(path: &Path, base: &ReviewFile, ours: &ReviewFile) -> io::Result<Saved> {
    let dir = dir_of(path);
    let _lock = lock_dir(&dir)?;
    let mut saved = Saved::default();
    let theirs = match fs::read(path) {
        Ok(bytes) => match parse(&bytes) {
            Ok(f) => f,
            Err(_) => {
                saved.set_aside = Some(set_aside(path)?);
                base.clone()
            }
        },
        // A vanished file is not a request to drop reviews: treat it as unchanged.
        Err(e) if e.kind() == io::ErrorKind::NotFound => base.clone(),
        Err(e) => return Err(e),
    };
    let (file, merged) = merge(base, ours, &theirs);
    saved.merged = merged;
    let mut json = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
    json.push(b'\n');
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(&json)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    File::open(&dir)?.sync_all()?;
    saved.file = file;
    Ok(saved)
}

/// A short, user-facing reason for an I/O error while saving.
pub fn describe(e: &io::Error) -> String {
    use io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => "the disk is full".into(),
        K::ReadOnlyFilesystem => "the file system is read-only".into(),
        K::PermissionDenied => "permission denied".into(),
        K::NotADirectory => "a part of the path is not a directory".into(),
        K::NotFound => "the directory does not exist".into(),
        K::WouldBlock => "another tarikh is saving this review file".into(),
        _ => e.to_string(),
    }
}
