//! Events counted per client in a window, in this instance's memory: after
//! `most` in `window` a client is held until the window ends (the operator
//! page refuses its logins after failed ones; the proof-of-work challenge
//! asks a client network for one after its texts, or for more work after
//! failed solutions). Bounded: at most `max_clients` clients are
//! remembered. When the table is full (after dropping what expired, at
//! most once a second), what happens to a client it cannot remember is the
//! caller's choice (`full_holds`): held (logins, texts: flooding the table
//! from many addresses buys no way around the limit) or not (failed
//! solutions: flooding must not raise everyone's challenges).
use std::{
    collections::HashMap,
    hash::Hash,
    sync::{Mutex, MutexGuard, PoisonError},
    time::{Duration, Instant},
};

#[derive(Debug)]
struct Table<K> {
    counts: HashMap<K, (u32, Instant)>,
    swept: Option<Instant>,
}

#[derive(Debug)]
pub struct CountWindow<K> {
    table: Mutex<Table<K>>,
    most: u32,
    window: Duration,
    max_clients: usize,
    full_holds: bool,
}

impl<K: Hash + Eq> CountWindow<K> {
    pub fn new(most: u32, window: Duration, max_clients: usize, full_holds: bool) -> Self {
        Self {
            table: Mutex::new(Table {
                counts: HashMap::new(),
                swept: None,
            }),
            most,
            window,
            max_clients,
            full_holds,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Table<K>> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the table has room for one more client (dropping what
    /// expired first, at most once a second).
    fn room(&self, table: &mut Table<K>, now: Instant) -> bool {
        if table.counts.len() < self.max_clients {
            return true;
        }
        if table
            .swept
            .is_none_or(|at| now.saturating_duration_since(at) >= Duration::from_secs(1))
        {
            let window = self.window;
            table.counts.retain(|_, (_, since)| *since + window > now);
            table.swept = Some(now);
        }
        table.counts.len() < self.max_clients
    }

    fn held_in(&self, table: &mut Table<K>, client: &K, now: Instant) -> Option<u64> {
        if let Some(&(count, since)) = table.counts.get(client) {
            let ends = since + self.window;
            if ends <= now {
                table.counts.remove(client);
                return None;
            }
            return (count >= self.most).then(|| (ends - now).as_secs().max(1));
        }
        if !self.room(table, now) && self.full_holds {
            return Some(self.window.as_secs());
        }
        None
    }

    /// Seconds until `client` is no longer held, when it is held now.
    pub fn wait(&self, client: &K, now: Instant) -> Option<u64> {
        self.held_in(&mut self.lock(), client, now)
    }

    fn count_in(&self, table: &mut Table<K>, client: K, now: Instant) {
        if !table.counts.contains_key(&client) && !self.room(table, now) {
            return;
        }
        let entry = table.counts.entry(client).or_insert((0, now));
        if entry.1 + self.window <= now {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    /// Counts an event of `client`.
    pub fn count(&self, client: K, now: Instant) {
        self.count_in(&mut self.lock(), client, now);
    }

    /// Whether `client` was held, then counts this event: one step, so
    /// concurrent events cannot all slip under the limit.
    pub fn hit(&self, client: K, now: Instant) -> bool {
        let mut table = self.lock();
        let held = self.held_in(&mut table, &client, now).is_some();
        self.count_in(&mut table, client, now);
        held
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_held_after_its_count_until_the_window_ends() {
        let w = CountWindow::new(3, Duration::from_secs(60), 2, true);
        let t = Instant::now();
        for _ in 0..2 {
            w.count("a", t);
        }
        assert_eq!(w.wait(&"a", t), None);
        w.count("a", t);
        assert_eq!(w.wait(&"a", t + Duration::from_secs(10)), Some(50));
        assert_eq!(w.wait(&"a", t + Duration::from_secs(60)), None);
        // A full table holds every new client, or none, as asked.
        w.count("b", t);
        w.count("c", t);
        assert_eq!(w.wait(&"d", t), Some(60));
        assert_eq!(w.wait(&"d", t + Duration::from_secs(61)), None);
        let lenient = CountWindow::new(3, Duration::from_secs(60), 1, false);
        lenient.count("b", t);
        assert_eq!(lenient.wait(&"d", t), None);
    }

    #[test]
    fn hit_is_held_from_the_event_after_the_most() {
        let w = CountWindow::new(2, Duration::from_secs(60), 10, true);
        let t = Instant::now();
        assert!(!w.hit("a", t));
        assert!(!w.hit("a", t));
        assert!(w.hit("a", t), "the third in the window");
    }
}
