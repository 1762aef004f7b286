//! Loading on every core: how the files of a data root are shared between threads
//! ([`Share`]) and the one parallel map the loader uses ([`par_map`]).

use std::sync::atomic::{AtomicUsize, Ordering};

/// How work is shared between the cores: no thread is started for fewer than
/// `min_per_thread` items a thread; a thread takes `chunk` items at a time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Share {
    min_per_thread: usize,
    chunk: usize,
}

/// Files of one département: below 64 files a thread, starting threads costs more.
pub(super) const FILES: Share = Share {
    min_per_thread: 64,
    chunk: 4,
};
/// Whole départements, one at a time.
pub(super) const DEPARTEMENTS: Share = Share {
    min_per_thread: 2,
    chunk: 1,
};
/// Everything on the calling thread.
pub(super) const ONE_THREAD: Share = Share {
    min_per_thread: usize::MAX,
    chunk: 1,
};
/// From this many départements, they are shared between the cores whole.
pub(super) const MANY_DEPARTEMENTS: usize = 8;

/// `f` of every item, in the order of `items`, computed on every available core.
///
/// The calling thread works too, so that the work is done even if no thread can be
/// started; a panic in a worker is carried on to the caller.
pub(super) fn par_map<T: Sync, R: Send>(
    items: &[T],
    share: Share,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let threads = cores.min(items.len() / share.min_per_thread).max(1);
    let chunk = share.chunk.max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let start = next.fetch_add(chunk, Ordering::Relaxed);
            let Some(taken) = items.get(start..(start + chunk).min(items.len())) else {
                return done;
            };
            if taken.is_empty() {
                return done;
            }
            done.push((start, taken.iter().map(&f).collect()));
        }
    };
    let mut parts: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut parts = work();
        for helper in helpers {
            match helper.join() {
                Ok(done) => parts.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        parts
    });
    parts.sort_unstable_by_key(|(start, _)| *start);
    parts.into_iter().flat_map(|(_, done)| done).collect()
}

#[cfg(test)]
mod parallel_tests {
    use super::{DEPARTEMENTS, FILES, par_map};

    #[test]
    fn results_keep_the_order_of_the_items_on_any_number_of_threads() {
        for n in [0, 1, 63, 64, 200, 1001] {
            let items: Vec<usize> = (0..n).collect();
            let out = par_map(&items, FILES, |i| i * 3);
            assert_eq!(out, items.iter().map(|i| i * 3).collect::<Vec<_>>(), "{n}");
            let out = par_map(&items, DEPARTEMENTS, |i| i * 3);
            assert_eq!(out, items.iter().map(|i| i * 3).collect::<Vec<_>>(), "{n}");
        }
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<usize> = (0..500).collect();
        let caught = std::panic::catch_unwind(|| {
            par_map(&items, FILES, |&i| {
                assert!(i != 499, "item {i}");
                i
            })
        });
        assert!(caught.is_err());
    }
}
