//! The file-system work off the event loop: one worker thread owns the `Persist` port and
//! does the jobs in the order they were sent (so saves of a file stay in order, and a
//! conflict is answered before the next save of it is looked at); each outcome comes
//! back on a channel, read by the event loop between two drawings. While a job is out,
//! the loop wakes every frame to read its outcome: keys and drawing never wait for a
//! disk, a network share or a planted pipe.

use super::effects::{Done, Job, perform};
use crate::workspace::Persist;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How often the loop looks for outcomes while a job is out: about a frame.
pub const FRAME: Duration = Duration::from_millis(16);

/// The event loop's end of the worker.
pub(super) struct Worker {
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// Jobs sent whose outcome has not been read.
    pub in_flight: usize,
    /// The worker is gone (it panicked): nothing more can be written.
    pub dead: bool,
}

/// Starts the worker on `scope`, over `persist`.
pub(super) fn start<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    persist: &'env mut (dyn Persist + Send),
) -> Worker {
    let (jobs, inbox) = channel::<Job>();
    let (outbox, done) = channel();
    scope.spawn(move || {
        for job in inbox {
            if outbox.send(perform(persist, job)).is_err() {
                break;
            }
        }
    });
    Worker {
        jobs: Some(jobs),
        done,
        in_flight: 0,
        dead: false,
    }
}

impl Worker {
    pub fn send(&mut self, job: Job) {
        let sent = match &self.jobs {
            Some(jobs) => jobs.send(job).is_ok(),
            None => false,
        };
        if sent {
            self.in_flight += 1;
        } else {
            self.dead = true;
        }
    }

    /// An outcome already there.
    pub fn try_next(&mut self) -> Option<Done> {
        if self.in_flight == 0 {
            return None;
        }
        match self.done.try_recv() {
            Ok(done) => {
                self.in_flight -= 1;
                Some(done)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.dead = true;
                None
            }
        }
    }

    /// The next outcome, waiting until `deadline` at most.
    pub fn next_until(&mut self, deadline: Instant) -> Option<Done> {
        if self.in_flight == 0 {
            return None;
        }
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.done.recv_timeout(wait) {
            Ok(done) => {
                self.in_flight -= 1;
                Some(done)
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                self.dead = true;
                None
            }
        }
    }

    /// No more jobs: the worker ends once the last is done.
    pub fn close(&mut self) {
        self.jobs = None;
    }
}
