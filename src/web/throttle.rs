//! Events counted per client in a window, in this instance's memory: after
//! `most` in `window` a client is held until the window ends (the operator
//! page refuses its logins after failed ones; the proof-of-work challenge
//! asks a client network for one after its texts, or for more work after
//! failed solutions). Bounded: at most `max_clients` clients are
//! remembered. When the table is full (after dropping what expired, at
//! most once a second), what happens to a client it cannot remember is the
//! caller's choice ([`Full`]).
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

/// What a full table does with a client it does not remember.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    /// Holds it (texts: flooding the table from many addresses buys no way
    /// around the limit; the price is a check for new clients meanwhile).
    Holds,
    /// Neither holds nor remembers it (failed solutions: flooding must not
    /// raise everyone's challenges).
    Forgets,
    /// Makes room: forgets the half of the clients not held that counted
    /// the fewest events (the oldest first among equals), and remembers the
    /// new one; when every client remembered is held, forgets the new one.
    /// A client is never held because the table is full, and a held one
    /// stays held (logins: flooding the table cannot lock anyone out).
    Evicts,
}

#[derive(Debug)]
pub struct CountWindow<K> {
    table: Mutex<Table<K>>,
    most: u32,
    window: Duration,
    max_clients: usize,
    full: Full,
}

impl<K: Hash + Eq + Clone> CountWindow<K> {
    pub fn new(most: u32, window: Duration, max_clients: usize, full: Full) -> Self {
        Self {
            table: Mutex::new(Table {
                counts: HashMap::new(),
                swept: None,
            }),
            most,
            window,
            max_clients,
            full,
        }
    }

    /// How many clients are remembered now.
    pub fn len(&self) -> usize {
        self.lock().counts.len()
    }

    /// Whether no client is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
        if self.full == Full::Holds && !self.room(table, now) {
            return Some(self.window.as_secs());
        }
        None
    }

    /// Forgets the half of the clients not held with the fewest events
    /// (the oldest first among equals); whether that made room.
    fn evict(&self, table: &mut Table<K>) -> bool {
        let mut unheld: Vec<(u32, Instant, K)> = table
            .counts
            .iter()
            .filter(|(_, (count, _))| *count < self.most)
            .map(|(client, (count, since))| (*count, *since, client.clone()))
            .collect();
        let forget = unheld.len().div_ceil(2);
        if forget == 0 {
            return false;
        }
        unheld.select_nth_unstable_by(forget - 1, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, _, client) in unheld.into_iter().take(forget) {
            table.counts.remove(&client);
        }
        true
    }

    /// Seconds until `client` is no longer held, when it is held now.
    pub fn wait(&self, client: &K, now: Instant) -> Option<u64> {
        self.held_in(&mut self.lock(), client, now)
    }

    /// Counts an event of `client`: its count in the window now, 0 when
    /// it cannot be remembered.
    fn count_in(&self, table: &mut Table<K>, client: K, now: Instant) -> u32 {
        let remembered = table.counts.contains_key(&client)
            || self.room(table, now)
            || (self.full == Full::Evicts && self.evict(table));
        if !remembered {
            return 0;
        }
        let entry = table.counts.entry(client).or_insert((0, now));
        if entry.1 + self.window <= now {
            *entry = (0, now);
        }
        entry.0 += 1;
        entry.0
    }

    /// Counts an event of `client`; its count in the window now (0: the
    /// table could not remember it).
    pub fn count(&self, client: K, now: Instant) -> u32 {
        self.count_in(&mut self.lock(), client, now)
    }

    /// Whether `client` was held, then counts this event: one step, so
    /// concurrent events cannot all slip under the limit.
    pub fn hit(&self, client: K, now: Instant) -> bool {
        self.hit_count(client, now).0
    }

    /// [`hit`](Self::hit), and the client's count in the window after it
    /// (0: the table could not remember it).
    pub fn hit_count(&self, client: K, now: Instant) -> (bool, u32) {
        let mut table = self.lock();
        let held = self.held_in(&mut table, &client, now).is_some();
        let count = self.count_in(&mut table, client, now);
        (held, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_held_after_its_count_until_the_window_ends() {
        let w = CountWindow::new(3, Duration::from_secs(60), 2, Full::Holds);
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
        let lenient = CountWindow::new(3, Duration::from_secs(60), 1, Full::Forgets);
        lenient.count("b", t);
        assert_eq!(lenient.wait(&"d", t), None);
    }

    #[test]
    fn hit_is_held_from_the_event_after_the_most() {
        let w = CountWindow::new(2, Duration::from_secs(60), 10, Full::Holds);
        let t = Instant::now();
        assert!(!w.hit("a", t));
        assert!(!w.hit("a", t));
        assert!(w.hit("a", t), "the third in the window");
    }

    #[test]
    fn a_full_evicting_table_holds_no_newcomer_and_keeps_the_held() {
        let w = CountWindow::new(3, Duration::from_secs(60), 4, Full::Evicts);
        let t = Instant::now();
        for _ in 0..3 {
            w.count("held", t);
        }
        for client in ["a", "b", "c"] {
            w.count(client, t);
        }
        assert_eq!(w.len(), 4);
        // Many newcomers: never held, never past the bound, and the held
        // client stays held.
        for i in 0..1000 {
            let client: &'static str = Box::leak(format!("new-{i}").into_boxed_str());
            assert_eq!(w.wait(&client, t), None);
            assert_eq!(w.count(client, t), 1);
            assert!(w.len() <= 4);
        }
        assert!(w.wait(&"held", t).is_some());
        // Only held clients: a newcomer is forgotten, not held.
        let all_held = CountWindow::new(1, Duration::from_secs(60), 2, Full::Evicts);
        all_held.count("x", t);
        all_held.count("y", t);
        assert_eq!(all_held.count("z", t), 0);
        assert_eq!(all_held.wait(&"z", t), None);
        assert!(all_held.wait(&"x", t).is_some());
    }
}
