//! The shared compute worker's queue, as a plain type: which caller's request is in flight, which
//! wait, and who an answer is for. The worker answers one request at a time and in order, so the
//! answer always belongs to the request in flight. No browser types: tested natively.

use std::collections::VecDeque;

/// One hook instance that sends requests (the bands, the map, the exports).
pub type Caller = u32;

/// What to do with a caller's requests sent while the worker is busy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Keep only the newest: an older waiting request of the same caller is dropped (dragging a
    /// slider never builds a queue).
    Newest,
    /// Keep every request and answer them in order (each export click is a file).
    Every,
}

/// The queue (see the module doc). `T` is the request as it will be posted.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue<T> {
    in_flight: Option<Caller>,
    waiting: VecDeque<(Caller, T)>,
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Self { in_flight: None, waiting: VecDeque::new() }
    }
}

impl<T> Queue<T> {
    /// A request from `caller`. Returns it back when the worker is free and it should be posted
    /// now; otherwise it waits.
    pub fn submit(&mut self, caller: Caller, pending: Pending, request: T) -> Option<T> {
        if self.in_flight.is_none() {
            self.in_flight = Some(caller);
            return Some(request);
        }
        if pending == Pending::Newest {
            self.waiting.retain(|(c, _)| *c != caller);
        }
        self.waiting.push_back((caller, request));
        None
    }

    /// The request in flight was answered: who it was for, and the next request to post, if any.
    pub fn answered(&mut self) -> (Option<Caller>, Option<T>) {
        let answered = self.in_flight.take();
        let next = self.waiting.pop_front().map(|(caller, request)| {
            self.in_flight = Some(caller);
            request
        });
        (answered, next)
    }

    /// Posting the request in flight failed, or the worker died: every caller with a request in
    /// flight or waiting, in order, each to be told once. The queue is empty afterwards (requests
    /// sent after a failed one would be answered out of step with it).
    pub fn failed(&mut self) -> Vec<Caller> {
        let mut callers: Vec<Caller> = self.in_flight.take().into_iter().collect();
        for (caller, _) in self.waiting.drain(..) {
            if !callers.contains(&caller) {
                callers.push(caller);
            }
        }
        callers
    }

    /// Forget a caller that is gone (its component unmounted): its waiting requests are dropped;
    /// one in flight is still answered, to nobody.
    pub fn forget(&mut self, caller: Caller) {
        self.waiting.retain(|(c, _)| *c != caller);
    }

    /// Whether `caller` has a request in flight or waiting.
    pub fn busy(&self, caller: Caller) -> bool {
        self.in_flight == Some(caller) || self.waiting.iter().any(|(c, _)| *c == caller)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BANDS: Caller = 1;
    const MAP: Caller = 2;
    const FILES: Caller = 3;

    #[test]
    fn a_free_worker_takes_the_request_at_once() {
        let mut q = Queue::default();
        assert_eq!(q.submit(BANDS, Pending::Newest, "a"), Some("a"));
        assert!(q.busy(BANDS) && !q.busy(MAP));
        assert_eq!(q.answered(), (Some(BANDS), None));
        assert!(!q.busy(BANDS));
    }

    #[test]
    fn newest_keeps_one_waiting_request_per_caller_and_every_keeps_all() {
        let mut q = Queue::default();
        assert_eq!(q.submit(BANDS, Pending::Newest, "b1"), Some("b1"));
        assert_eq!(q.submit(BANDS, Pending::Newest, "b2"), None);
        assert_eq!(q.submit(MAP, Pending::Newest, "m1"), None);
        assert_eq!(q.submit(BANDS, Pending::Newest, "b3"), None, "b2 is dropped, m1 keeps its place");
        assert_eq!(q.submit(FILES, Pending::Every, "f1"), None);
        assert_eq!(q.submit(FILES, Pending::Every, "f2"), None);
        let mut order = vec![];
        loop {
            let (answered, next) = q.answered();
            order.push(answered);
            match next {
                Some(n) => order.push(Some(match n {
                    "m1" => MAP,
                    "b3" => BANDS,
                    _ => FILES,
                })),
                None => break,
            }
        }
        // Answers go to whoever was in flight: b1, then m1, b3, f1, f2 in that order.
        assert_eq!(
            order.iter().step_by(2).copied().collect::<Vec<_>>(),
            vec![Some(BANDS), Some(MAP), Some(BANDS), Some(FILES), Some(FILES)]
        );
        assert!(!q.busy(FILES));
    }

    #[test]
    fn a_failure_tells_every_caller_once_and_empties_the_queue() {
        let mut q = Queue::default();
        q.submit(MAP, Pending::Newest, 1);
        q.submit(FILES, Pending::Every, 2);
        q.submit(FILES, Pending::Every, 3);
        q.submit(BANDS, Pending::Newest, 4);
        assert_eq!(q.failed(), vec![MAP, FILES, BANDS]);
        assert_eq!(q, Queue::default());
        assert_eq!(q.submit(BANDS, Pending::Newest, 5), Some(5), "a fresh start after a failure");
    }

    #[test]
    fn a_caller_that_is_gone_loses_its_waiting_requests() {
        let mut q = Queue::default();
        q.submit(MAP, Pending::Newest, "m");
        q.submit(BANDS, Pending::Newest, "b");
        q.submit(FILES, Pending::Every, "f");
        q.forget(BANDS);
        assert_eq!(q.answered(), (Some(MAP), Some("f")));
        assert_eq!(q.answered(), (Some(FILES), None));
    }
}
