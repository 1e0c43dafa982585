//! One build at a time per output folder. A build holds an advisory lock on a file beside the
//! output (the output itself is renamed by the swap, so it cannot hold one) from before it looks
//! at the folder until the new site is in place. The system releases the lock when the process
//! ends, however it ends, so a build that was killed never blocks the next one; the empty file
//! stays, because deleting it would let two builds lock two different files of one name.

use crate::fs::FsError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a build waits for the lock before it is refused. A lock held only for a moment (a
/// build just finishing, or a descriptor a child process inherited between fork and exec) should
/// not fail a build; a build that is really writing holds it far longer.
pub const PATIENCE: Duration = Duration::from_secs(2);

/// The lock of one output folder, released when dropped.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another build holds it.
    Busy,
    /// The lock file could not be created or locked.
    Io(FsError),
}

impl OutputLock {
    /// Takes the lock held through `file`, waiting at most `patience` for another holder.
    pub fn take(file: &Path, patience: Duration) -> Result<Self, LockError> {
        let io = |source| {
            LockError::Io(FsError {
                path: file.to_path_buf(),
                action: "lock",
                source,
            })
        };
        let handle = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(file)
            .map_err(io)?;
        let started = Instant::now();
        loop {
            match handle.try_lock() {
                Ok(()) => return Ok(Self { _file: handle }),
                Err(TryLockError::WouldBlock) if started.elapsed() >= patience => {
                    return Err(LockError::Busy);
                }
                Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(50)),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".output.niemyet-lock");
        let first = OutputLock::take(&file, Duration::ZERO).unwrap();
        assert!(matches!(
            OutputLock::take(&file, Duration::ZERO),
            Err(LockError::Busy)
        ));
        drop(first);
        assert!(OutputLock::take(&file, Duration::ZERO).is_ok());
        assert!(file.is_file(), "the lock file is kept");
    }

    #[test]
    fn a_lock_file_that_cannot_be_made_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("missing").join(".output.niemyet-lock");
        match OutputLock::take(&file, Duration::ZERO) {
            Err(LockError::Io(e)) => assert_eq!(e.path, file),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_lock_let_go_while_waiting_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".output.niemyet-lock");
        let first = OutputLock::take(&file, Duration::ZERO).unwrap();
        let waiter = std::thread::spawn({
            let file = file.clone();
            move || OutputLock::take(&file, Duration::from_secs(60)).is_ok()
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        assert!(waiter.join().unwrap());
    }
}
