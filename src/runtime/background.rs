//! Work done beside the loop — the store's loading, the journal's searches — whose answers
//! come back to the app as messages between two keys. Input and drawing never wait for it.

use crate::app::Msg;
use crate::app::journal::SearchJob;
use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a job sends back, once: its messages, or an error that ends the session (a store
/// that cannot be read).
pub type Answer = io::Result<Vec<Msg>>;

pub struct Background {
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    ready: VecDeque<Answer>,
    /// Jobs started whose answer has not come yet.
    running: usize,
}

impl Default for Background {
    fn default() -> Self {
        let (tx, rx) = channel();
        Background {
            tx,
            rx,
            ready: VecDeque::new(),
            running: 0,
        }
    }
}

impl Background {
    /// Where a job just started sends its one answer.
    pub fn start(&mut self) -> Sender<Answer> {
        self.running += 1;
        self.tx.clone()
    }

    /// Whether a job is still running (the loop then looks for its answer often).
    pub fn busy(&self) -> bool {
        self.running > 0
    }

    /// Whether an answer waits.
    pub fn ready(&mut self) -> bool {
        while let Ok(answer) = self.rx.try_recv() {
            self.running = self.running.saturating_sub(1);
            self.ready.push_back(answer);
        }
        !self.ready.is_empty()
    }

    /// The answers come so far, in the order they came.
    pub fn answers(&mut self) -> io::Result<Vec<Msg>> {
        self.ready();
        let mut msgs = Vec::new();
        while let Some(answer) = self.ready.pop_front() {
            msgs.extend(answer?);
        }
        Ok(msgs)
    }
}

/// The journal's searches, one at a time on their own thread. When queries come faster
/// than answers, only the latest is run: the ones it replaces are answered with nothing.
pub struct Searcher {
    jobs: Option<Sender<(SearchJob, Sender<Answer>)>>,
}

impl Searcher {
    pub fn spawn() -> Searcher {
        let (tx, rx) = channel::<(SearchJob, Sender<Answer>)>();
        let spawned = std::thread::Builder::new()
            .name("carnet-search".into())
            .spawn(move || {
                let mut room = crate::search::Scored::default();
                while let Ok(mut next) = rx.recv() {
                    while let Ok(newer) = rx.try_recv() {
                        let _ = next.1.send(Ok(Vec::new()));
                        next = newer;
                    }
                    let (job, answer) = next;
                    let _ = answer.send(Ok(vec![job.run(&mut room)]));
                }
            });
        // Without the thread, searches run on the loop's, as they always could.
        Searcher {
            jobs: spawned.is_ok().then_some(tx),
        }
    }

    /// Runs `job`; its answer goes to `answer`.
    pub fn search(&self, job: SearchJob, answer: Sender<Answer>) {
        let unsent = match &self.jobs {
            Some(jobs) => jobs.send((job, answer)).err().map(|e| e.0),
            None => Some((job, answer)),
        };
        if let Some((job, answer)) = unsent {
            let _ = answer.send(Ok(vec![job.run(&mut Default::default())]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_come_back_in_order_and_the_count_follows() {
        let mut bg = Background::default();
        assert!(!bg.busy());
        let first = bg.start();
        let second = bg.start();
        assert!(bg.busy() && !bg.ready());
        first.send(Ok(vec![Msg::Recovered])).unwrap();
        assert!(bg.ready() && bg.busy());
        second.send(Ok(vec![Msg::Resize(1, 2)])).unwrap();
        assert_eq!(
            bg.answers().unwrap(),
            vec![Msg::Recovered, Msg::Resize(1, 2)]
        );
        assert!(!bg.busy() && !bg.ready());
        bg.start().send(Err(io::Error::other("gone"))).unwrap();
        assert!(bg.answers().is_err());
    }
}
