//! What the preview serves now, shared between the build loop and the connections: the folder of
//! the last good build and the error of the last build, if it failed. The build loop publishes;
//! connections read, and event streams wait for the next change.

use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// A moment of the preview, as one connection sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The folder of the last good build: always a whole site.
    pub site: PathBuf,
    /// Counts good builds; a page carries the generation it was served from.
    pub generation: u64,
    /// Why the last build failed, when it did; the last good site is still served.
    pub error: Option<String>,
    /// Counts every change (a good build or a failed one).
    pub version: u64,
    pub stopping: bool,
}

/// The shared state and a signal for those who wait on it.
#[derive(Debug)]
pub struct Live {
    state: Mutex<Snapshot>,
    changed: Condvar,
}

impl Live {
    pub fn new(site: PathBuf) -> Self {
        Self {
            state: Mutex::new(Snapshot {
                site,
                generation: 1,
                error: None,
                version: 1,
                stopping: false,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        // a connection thread that panicked cannot leave the snapshot half-changed: every change
        // is made in one statement block below, so the poisoned value is still whole
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn snapshot(&self) -> Snapshot {
        self.lock().clone()
    }

    /// The site in `site` is up to date: open pages reload.
    pub fn publish(&self, site: PathBuf) {
        let mut s = self.lock();
        s.site = site;
        s.generation += 1;
        s.version += 1;
        s.error = None;
        self.changed.notify_all();
    }

    /// The last build failed: the last good site stays, the error is shown over it.
    pub fn fail(&self, error: String) {
        let mut s = self.lock();
        s.error = Some(error);
        s.version += 1;
        self.changed.notify_all();
    }

    pub fn stop(&self) {
        self.lock().stopping = true;
        self.changed.notify_all();
    }

    /// Waits until the version differs from `seen`, the preview stops, or `timeout` passes.
    pub fn wait_change(&self, seen: u64, timeout: Duration) -> Snapshot {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.version == seen && !s.stopping)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        guard.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_waiting_stream_wakes_on_publish_and_failure() {
        let live = Arc::new(Live::new("a".into()));
        let seen = live.snapshot().version;
        let other = Arc::clone(&live);
        let waiter = std::thread::spawn(move || other.wait_change(seen, Duration::from_secs(30)));
        live.fail("broken".into());
        let woke = waiter.join().unwrap();
        assert_eq!(woke.error.as_deref(), Some("broken"));
        assert_eq!(woke.generation, 1);
        live.publish("b".into());
        let now = live.snapshot();
        assert_eq!((now.generation, now.error), (2, None));
        assert_eq!(now.site, PathBuf::from("b"));
    }
}
