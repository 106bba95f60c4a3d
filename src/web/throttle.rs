//! Events counted per client in a window: after `most` in `window` a client
//! is held until the window ends (the operator page refuses its logins
//! after failed ones; the proof-of-work challenge asks a client network for
//! one after its texts, or for more work after failed solutions). Bounded:
//! at most `max_clients` clients are remembered; past that (after dropping
//! what expired) every new client is held too, so flooding the table from
//! many addresses cannot buy a way around it.
use std::{
    collections::HashMap,
    hash::Hash,
    sync::{Mutex, MutexGuard, PoisonError},
    time::{Duration, Instant},
};

#[derive(Debug)]
pub struct CountWindow<K> {
    counts: Mutex<HashMap<K, (u32, Instant)>>,
    most: u32,
    window: Duration,
    max_clients: usize,
}

impl<K: Hash + Eq> CountWindow<K> {
    pub fn new(most: u32, window: Duration, max_clients: usize) -> Self {
        Self {
            counts: Mutex::default(),
            most,
            window,
            max_clients,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<K, (u32, Instant)>> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Seconds until `client` is no longer held, when it is held now.
    pub fn wait(&self, client: &K, now: Instant) -> Option<u64> {
        let mut failures = self.lock();
        if let Some(&(count, since)) = failures.get(client) {
            let ends = since + self.window;
            if ends <= now {
                failures.remove(client);
                return None;
            }
            return (count >= self.most).then(|| (ends - now).as_secs().max(1));
        }
        if failures.len() >= self.max_clients {
            failures.retain(|_, (_, since)| *since + self.window > now);
            if failures.len() >= self.max_clients {
                return Some(self.window.as_secs());
            }
        }
        None
    }

    /// Counts an event of `client`.
    pub fn count(&self, client: K, now: Instant) {
        let mut failures = self.lock();
        if failures.len() >= self.max_clients && !failures.contains_key(&client) {
            // Held anyway (see `wait`); nothing more to remember.
            return;
        }
        let entry = failures.entry(client).or_insert((0, now));
        if entry.1 + self.window <= now {
            *entry = (0, now);
        }
        entry.0 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_held_after_its_count_until_the_window_ends() {
        let w = CountWindow::new(3, Duration::from_secs(60), 2);
        let t = Instant::now();
        for _ in 0..2 {
            w.count("a", t);
        }
        assert_eq!(w.wait(&"a", t), None);
        w.count("a", t);
        assert_eq!(w.wait(&"a", t + Duration::from_secs(10)), Some(50));
        assert_eq!(w.wait(&"a", t + Duration::from_secs(60)), None);
        // A full table holds every new client.
        w.count("b", t);
        w.count("c", t);
        assert_eq!(w.wait(&"d", t), Some(60));
        assert_eq!(w.wait(&"d", t + Duration::from_secs(61)), None);
    }
}
