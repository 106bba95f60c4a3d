//! The storage contract, written once against `&dyn Store` and run on both
//! backends.
use std::sync::Arc;

use phone_verify::{
    domain::{
        Answer, ChallengeLevel, ChallengeWhy, CheckRecord, CodeHasher, NewVerification,
        PumpingAction, PumpingLimits, SendLimits, SendRefusal, StatKind, Status,
    },
    storage::{
        self, AppFlow, Retention, Store,
        idempotency::{Claimed, KeptAnswer, KeyClaim},
        webhooks::{NewDelivery, OutboxEvent, Redeliver, Settle},
    },
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    both_backends,
    helpers::{Backend, fresh_db},
};

both_backends!(
    create_and_get_round_trip,
    create_replaces_the_pending_verification,
    cooldown_and_quota,
    replace_code_only_while_pending,
    record_check_is_conditional,
    cancel_only_while_pending,
    failed_send_lifts_the_cooldown_but_counts,
    purge_deletes_only_what_expired,
    migrations_are_idempotent,
    global_budget_is_exact_across_instances,
    wrong_guesses_are_budgeted_per_number,
    a_number_is_free_again_when_a_start_would_be_admitted,
    pumping_rule_needs_several_networks,
    pumping_threshold_is_exact_across_instances,
    flows_keep_their_nonce_and_move_to_a_new_id,
    a_flagged_prefix_asks_for_a_raised_challenge,
    past_the_budget_share_a_send_needs_a_challenge,
    a_challenge_is_spent_once_across_instances,
    an_address_waits_at_most_so_often_across_instances,
    state_changes_write_their_events_in_the_same_step,
    deliveries_are_claimed_once_retried_and_redelivered,
    test_traffic_cannot_crowd_out_real_events,
    an_expiry_is_kept_until_it_is_reported,
    an_idempotency_key_is_claimed_once_answered_and_purged,
);

struct Ctx {
    store: Arc<dyn Store>,
    now: OffsetDateTime,
    db: crate::helpers::TestDb,
}

async fn ctx(backend: Backend) -> Ctx {
    let db = fresh_db(backend).await;
    let (store, _) = storage::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(
        store.backend(),
        if backend == Backend::Sqlite {
            "sqlite"
        } else {
            "postgres"
        }
    );
    // Milliseconds only: what both backends keep exactly.
    let now =
        OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap() + Duration::milliseconds(123);
    Ctx { store, now, db }
}

/// The server key of these tests' stores.
static HASHER: std::sync::LazyLock<CodeHasher> =
    std::sync::LazyLock::new(|| CodeHasher::new(&[9; 32]));

fn new(phone: &str, now: OffsetDateTime) -> NewVerification {
    NewVerification {
        id: Uuid::new_v4(),
        phone: phone.into(),
        phone_key: HASHER.number_key(phone),
        code_hash: vec![7; 32],
        locale: "es".into(),
        max_attempts: 5,
        expires_at: now + Duration::minutes(5),
        tenant: None,
        client: None,
        country: if phone.starts_with("+34") { "ES" } else { "US" }.into(),
        tags: None,
    }
}

/// What a check records: a wrong guess counts for an hour.
fn wrong(now: OffsetDateTime) -> CheckRecord {
    CheckRecord {
        guess_until: now + Duration::hours(1),
        guess_budget: 100,
        guess_since: now - Duration::hours(1),
        hour: limits(now).hour,
    }
}

fn limits(now: OffsetDateTime) -> SendLimits {
    SendLimits {
        cooldown: Duration::seconds(30),
        limit: 3,
        window: Duration::hours(1),
        record_until: now + Duration::hours(1),
        global_limit: 1000,
        hour: OffsetDateTime::from_unix_timestamp(
            now.unix_timestamp() - now.unix_timestamp().rem_euclid(3600),
        )
        .unwrap(),
        prefix: "+1415".into(),
        country: "US".into(),
        guess_budget: 5,
        network: None,
        pumping: None,
        proof: None,
        challenge_budget_percent: 0,
    }
}

async fn create_and_get_round_trip(backend: Backend) {
    let c = ctx(backend).await;
    c.store.ping().await.unwrap();
    let n = new("+14155552671", c.now);
    let v = c
        .store
        .create(&n, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(v.id, n.id);
    assert_eq!(v.phone, "+14155552671");
    assert_eq!(v.code_hash, vec![7; 32]);
    assert_eq!(v.status, Status::Pending);
    assert_eq!(v.attempts_left, 5);
    assert_eq!(v.locale, "es");
    assert_eq!(v.created_at, c.now);
    assert_eq!(v.last_sent_at, c.now);
    assert_eq!(v.expires_at, n.expires_at);
    assert_eq!(c.store.get(n.id).await.unwrap(), Some(v.clone()));
    assert_eq!(c.store.get(Uuid::new_v4()).await.unwrap(), None);
    assert_eq!(v.status_at(c.now + Duration::minutes(5)), Status::Expired);
    assert_eq!(v.status_at(c.now + Duration::minutes(4)), Status::Pending);
}

async fn create_replaces_the_pending_verification(backend: Backend) {
    let c = ctx(backend).await;
    let first = new("+14155552671", c.now);
    c.store
        .create(&first, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    c.store
        .record_check(
            first.id,
            &first.code_hash,
            Answer::Wrong,
            c.now,
            &wrong(c.now),
        )
        .await
        .unwrap()
        .unwrap();
    let later = c.now + Duration::minutes(1);
    let second = new("+14155552671", later);
    let v = c
        .store
        .create(&second, Some(&limits(later)), later)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(v.attempts_left, 4, "attempts left carry over");
    assert_eq!(
        c.store.get(first.id).await.unwrap().unwrap().status,
        Status::Canceled
    );
    // Another number is independent.
    let other = new("+34612345678", later);
    assert_eq!(
        c.store
            .create(&other, Some(&limits(later)), later)
            .await
            .unwrap()
            .result
            .unwrap()
            .attempts_left,
        5
    );
}

async fn cooldown_and_quota(backend: Backend) {
    let c = ctx(backend).await;
    let phone = "+14155552671";
    c.store
        .create(&new(phone, c.now), Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    let t = c.now + Duration::seconds(10);
    let refused = c
        .store
        .create(&new(phone, t), Some(&limits(t)), t)
        .await
        .unwrap()
        .result;
    assert_eq!(
        refused,
        Err(SendRefusal::Cooldown {
            retry_after: Duration::seconds(20)
        })
    );
    let t2 = c.now + Duration::seconds(30);
    let v = c
        .store
        .create(&new(phone, t2), Some(&limits(t2)), t2)
        .await
        .unwrap()
        .result
        .unwrap();
    let t3 = c.now + Duration::seconds(60);
    c.store
        .replace_code(
            v.id,
            &[1; 32],
            t3 + Duration::minutes(5),
            Some(&limits(t3)),
            t3,
        )
        .await
        .unwrap()
        .unwrap()
        .result
        .unwrap();
    let t4 = c.now + Duration::seconds(120);
    let refused = c
        .store
        .create(&new(phone, t4), Some(&limits(t4)), t4)
        .await
        .unwrap()
        .result;
    assert_eq!(
        refused,
        Err(SendRefusal::Quota {
            retry_after: Duration::hours(1) - Duration::seconds(120)
        })
    );
    // Once the first send leaves the window there is room again.
    let t5 = c.now + Duration::hours(1) + Duration::milliseconds(1);
    assert!(
        c.store
            .create(&new(phone, t5), Some(&limits(t5)), t5)
            .await
            .unwrap()
            .result
            .is_ok()
    );
}

async fn replace_code_only_while_pending(backend: Backend) {
    let c = ctx(backend).await;
    let n = new("+14155552671", c.now);
    c.store
        .create(&n, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    let t = c.now + Duration::seconds(31);
    let v = c
        .store
        .replace_code(
            n.id,
            &[9; 32],
            t + Duration::minutes(5),
            Some(&limits(t)),
            t,
        )
        .await
        .unwrap()
        .unwrap()
        .result
        .unwrap();
    assert_eq!(v.code_hash, vec![9; 32]);
    assert_eq!(v.last_sent_at, t);
    assert_eq!(v.expires_at, t + Duration::minutes(5));
    assert_eq!(v.attempts_left, 5);
    c.store.cancel(n.id, t).await.unwrap().unwrap();
    let t2 = t + Duration::seconds(31);
    assert!(
        c.store
            .replace_code(n.id, &[1; 32], t2, Some(&limits(t2)), t2)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        c.store
            .replace_code(Uuid::new_v4(), &[1; 32], t2, Some(&limits(t2)), t2)
            .await
            .unwrap()
            .is_none()
    );
}

async fn record_check_is_conditional(backend: Backend) {
    let c = ctx(backend).await;
    let mut n = new("+14155552671", c.now);
    n.max_attempts = 2;
    c.store
        .create(&n, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    // A stale hash (the code was replaced meanwhile) changes nothing.
    assert_eq!(
        c.store
            .record_check(n.id, &[0; 32], Answer::Wrong, c.now, &wrong(c.now))
            .await
            .unwrap(),
        None
    );
    let v = c
        .store
        .record_check(n.id, &n.code_hash, Answer::Wrong, c.now, &wrong(c.now))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((v.status, v.attempts_left), (Status::Pending, 1));
    let v = c
        .store
        .record_check(n.id, &n.code_hash, Answer::Wrong, c.now, &wrong(c.now))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((v.status, v.attempts_left), (Status::MaxAttemptsReached, 0));
    assert_eq!(
        c.store
            .record_check(n.id, &n.code_hash, Answer::Current, c.now, &wrong(c.now))
            .await
            .unwrap(),
        None
    );

    let ok = new("+14155552672", c.now);
    c.store
        .create(&ok, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    // Past the expiry nothing is recorded, right or wrong.
    let late = ok.expires_at;
    assert_eq!(
        c.store
            .record_check(ok.id, &ok.code_hash, Answer::Current, late, &wrong(late))
            .await
            .unwrap(),
        None
    );
    let hour = limits(c.now).hour;
    let approving = wrong(c.now);
    let v = c
        .store
        .record_check(ok.id, &ok.code_hash, Answer::Current, c.now, &approving)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((v.status, v.attempts_left), (Status::Approved, 5));
    assert_eq!(
        c.store
            .record_check(ok.id, &ok.code_hash, Answer::Current, c.now, &approving)
            .await
            .unwrap(),
        None,
        "approves once"
    );
    let approved: Vec<_> = c
        .store
        .stats_since(hour)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == StatKind::Approved)
        .map(|r| (r.hour, r.country, r.count))
        .collect();
    assert_eq!(
        approved,
        [(hour, "US".to_string(), 1)],
        "the approval is counted once, with it"
    );
}

async fn cancel_only_while_pending(backend: Backend) {
    let c = ctx(backend).await;
    let n = new("+14155552671", c.now);
    c.store
        .create(&n, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(
        c.store.cancel(n.id, c.now).await.unwrap().unwrap().status,
        Status::Canceled
    );
    assert_eq!(c.store.cancel(n.id, c.now).await.unwrap(), None);
    assert_eq!(c.store.cancel(Uuid::new_v4(), c.now).await.unwrap(), None);
}

async fn failed_send_lifts_the_cooldown_but_counts(backend: Backend) {
    let c = ctx(backend).await;
    let phone = "+14155552671";
    let n = new(phone, c.now);
    c.store
        .create(&n, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    c.store.send_failed(n.id, c.now).await.unwrap();
    assert_eq!(
        c.store.get(n.id).await.unwrap().unwrap().status,
        Status::Canceled
    );
    // No cooldown after a send that never arrived…
    let t = c.now + Duration::seconds(1);
    c.store
        .create(&new(phone, t), Some(&limits(t)), t)
        .await
        .unwrap()
        .result
        .unwrap();
    let t2 = c.now + Duration::seconds(40);
    c.store
        .create(&new(phone, t2), Some(&limits(t2)), t2)
        .await
        .unwrap()
        .result
        .unwrap();
    // The operator page counts the texts that went out: two of three.
    let sent: i64 = c
        .store
        .stats_since(c.now - Duration::hours(1))
        .await
        .unwrap()
        .iter()
        .filter(|r| r.kind == StatKind::Sent)
        .map(|r| r.count)
        .sum();
    assert_eq!(sent, 2);
    // …but it counts toward the quota: three sends in the window.
    let t3 = c.now + Duration::seconds(80);
    assert!(matches!(
        c.store
            .create(&new(phone, t3), Some(&limits(t3)), t3)
            .await
            .unwrap()
            .result,
        Err(SendRefusal::Quota { .. })
    ));
}

async fn purge_deletes_only_what_expired(backend: Backend) {
    let c = ctx(backend).await;
    let old = new("+14155552671", c.now);
    c.store
        .create(&old, Some(&limits(c.now)), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    let later = c.now + Duration::minutes(30);
    let fresh = new("+34612345678", later);
    c.store
        .create(&fresh, Some(&limits(later)), later)
        .await
        .unwrap()
        .result
        .unwrap();
    let purged = c.store.purge(&Retention::at(later)).await.unwrap();
    assert_eq!(purged.verifications, 1);
    assert_eq!(purged.sends, 0, "send records are kept for their window");
    assert_eq!(c.store.get(old.id).await.unwrap(), None);
    assert!(c.store.get(fresh.id).await.unwrap().is_some());
    let purged = c
        .store
        .purge(&Retention::at(c.now + Duration::minutes(61)))
        .await
        .unwrap();
    assert_eq!(purged.sends, 1);
}

async fn migrations_are_idempotent(backend: Backend) {
    let c = ctx(backend).await;
    c.store.migrate().await.unwrap();
    c.store.migrate().await.unwrap();
}

/// Two instances on one database share the hourly budget: under concurrent
/// load neither lets more through than the limit, and once both refuse, the
/// sends add up to exactly the limit (a reservation one instance holds is
/// spent by that instance, not lost while it runs).
async fn global_budget_is_exact_across_instances(backend: Backend) {
    let c = ctx(backend).await;
    let (other, _) = storage::connect(&c.db.url).await.unwrap();
    let stores = [c.store.clone(), other];
    let mut budget = limits(c.now);
    budget.global_limit = 150;
    let budget = Arc::new(budget);

    let mut tasks = Vec::new();
    for i in 0..200 {
        let (store, budget, now) = (stores[i % 2].clone(), budget.clone(), c.now);
        tasks.push(tokio::spawn(async move {
            let n = new(&format!("+1415555{i:04}"), now);
            store.create(&n, Some(&budget), now).await.unwrap().result
        }));
    }
    let mut sent = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => sent += 1,
            Err(SendRefusal::Budget { .. }) => {}
            Err(other) => panic!("unexpected refusal {other:?}"),
        }
    }
    assert!(sent <= 150, "{sent} sends passed a budget of 150");

    let mut i = 200;
    for store in &stores {
        loop {
            i += 1;
            let n = new(&format!("+1415555{i:04}"), c.now);
            match store.create(&n, Some(&budget), c.now).await.unwrap().result {
                Ok(_) => sent += 1,
                Err(SendRefusal::Budget { .. }) => break,
                Err(other) => panic!("unexpected refusal {other:?}"),
            }
        }
    }
    assert_eq!(sent, 150, "every unit of the budget is spent, none twice");
}

/// Wrong codes count against the number across its verifications: a new
/// verification gets what is left, and once none is left a start is refused
/// until the oldest wrong code leaves the window. An approval clears them.
async fn wrong_guesses_are_budgeted_per_number(backend: Backend) {
    let c = ctx(backend).await;
    let phone = "+14155552671";
    let mut l = limits(c.now);
    l.limit = 100;
    l.cooldown = Duration::ZERO;
    let first = new(phone, c.now);
    c.store
        .create(&first, Some(&l), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    for _ in 0..3 {
        c.store
            .record_check(
                first.id,
                &first.code_hash,
                Answer::Wrong,
                c.now,
                &wrong(c.now),
            )
            .await
            .unwrap()
            .unwrap();
    }
    c.store.cancel(first.id, c.now).await.unwrap().unwrap();
    let t = c.now + Duration::minutes(1);
    let second = new(phone, t);
    let v = c
        .store
        .create(&second, Some(&l), t)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(
        v.attempts_left, 2,
        "a cancel and a new start buy no guesses"
    );
    for left in [1, 0] {
        let after = c
            .store
            .record_check(second.id, &second.code_hash, Answer::Wrong, t, &wrong(t))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(after.attempts_left, left);
    }
    let t2 = c.now + Duration::minutes(2);
    let refused = c
        .store
        .create(&new(phone, t2), Some(&l), t2)
        .await
        .unwrap()
        .result;
    assert_eq!(
        refused,
        Err(SendRefusal::Guesses {
            retry_after: Duration::hours(1) - Duration::minutes(2)
        }),
        "the budget is spent until the first wrong code leaves the window"
    );
    let t3 = c.now + Duration::hours(1) + Duration::milliseconds(1);
    let v = c
        .store
        .create(&new(phone, t3), Some(&l), t3)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(v.attempts_left, 3, "three wrong codes left the window");

    // A right code clears the number's wrong codes.
    let other = "+34612345678";
    let n = new(other, c.now);
    c.store
        .create(&n, Some(&l), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    c.store
        .record_check(n.id, &n.code_hash, Answer::Wrong, c.now, &wrong(c.now))
        .await
        .unwrap()
        .unwrap();
    c.store
        .record_check(n.id, &n.code_hash, Answer::Current, c.now, &wrong(c.now))
        .await
        .unwrap()
        .unwrap();
    let again = c
        .store
        .create(&new(other, t), Some(&l), t)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(again.attempts_left, 5);
}

/// `number_free_at` (the lock-out page's "try again in N minutes") agrees
/// with what a start's admission decides: refused until then for spent
/// wrong codes or texts, admitted from then on.
async fn a_number_is_free_again_when_a_start_would_be_admitted(backend: Backend) {
    let c = ctx(backend).await;
    let hour = Duration::hours(1);
    let free_at = |phone: &'static str, budget: u32, texts: u32, at: OffsetDateTime| {
        let store = c.store.clone();
        async move {
            store
                .number_free_at(&HASHER.number_key(phone), hour, budget, texts, at)
                .await
                .unwrap()
        }
    };
    let mut l = limits(c.now);
    l.limit = 100;
    l.cooldown = Duration::ZERO;

    // Wrong codes: five spend the budget of five, the first at `now`.
    let phone = "+14155552671";
    assert_eq!(free_at(phone, 5, 100, c.now).await, None, "nothing yet");
    let n = new(phone, c.now);
    c.store
        .create(&n, Some(&l), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    for i in 0..5 {
        let t = c.now + Duration::seconds(i);
        c.store
            .record_check(n.id, &n.code_hash, Answer::Wrong, t, &wrong(t))
            .await
            .unwrap()
            .unwrap();
        let want = (i == 4).then_some(c.now + hour);
        assert_eq!(
            free_at(phone, 5, 100, t).await,
            want,
            "after {} wrong",
            i + 1
        );
    }
    assert_eq!(free_at(phone, 6, 100, c.now).await, None, "a larger budget");
    let t = c.now + Duration::minutes(2);
    let refused = c
        .store
        .create(&new(phone, t), Some(&l), t)
        .await
        .unwrap()
        .result;
    assert_eq!(
        refused,
        Err(SendRefusal::Guesses {
            retry_after: c.now + hour - t
        })
    );
    assert_eq!(free_at(phone, 5, 100, t).await, Some(c.now + hour));
    let later = c.now + hour + Duration::milliseconds(1);
    assert_eq!(free_at(phone, 5, 100, later).await, None);
    c.store
        .create(&new(phone, later), Some(&l), later)
        .await
        .unwrap()
        .result
        .unwrap();

    // Texts: the quota of three, the first sent at `now`; the later of the
    // two limits decides.
    let other = "+34612345678";
    let mut q = limits(c.now);
    q.cooldown = Duration::ZERO;
    for i in 0..3 {
        let t = c.now + Duration::minutes(i);
        assert_eq!(free_at(other, 5, 3, t).await, None, "{i} texts");
        c.store
            .create(&new(other, t), Some(&q), t)
            .await
            .unwrap()
            .result
            .unwrap();
    }
    let t = c.now + Duration::minutes(5);
    assert_eq!(free_at(other, 5, 3, t).await, Some(c.now + hour));
    assert_eq!(
        c.store
            .create(&new(other, t), Some(&q), t)
            .await
            .unwrap()
            .result,
        Err(SendRefusal::Quota {
            retry_after: c.now + hour - t
        })
    );
}

fn pumping(now: OffsetDateTime, action: PumpingAction) -> PumpingLimits {
    PumpingLimits {
        action,
        since: now - Duration::hours(1),
        prefix_min_sends: 10,
        country_min_sends: 1000,
        max_unverified_percent: 80,
        prefix_min_networks: 5,
        country_min_networks: 10,
        block_until: now + Duration::hours(1),
    }
}

/// One client network cannot trip the breaker however many texts it asks
/// for; the rule fires once the unverified texts come from enough networks,
/// and the block is recorded (to be announced) once.
async fn pumping_rule_needs_several_networks(backend: Backend) {
    let c = ctx(backend).await;
    let mut l = limits(c.now);
    l.pumping = Some(pumping(c.now, PumpingAction::Refuse));
    l.network = Some("198.51.100.0/24".into());
    for i in 0..30 {
        let admitted = c
            .store
            .create(&new(&format!("+1415555{i:04}"), c.now), Some(&l), c.now)
            .await
            .unwrap();
        assert!(admitted.result.is_ok(), "one network, send {i}");
        assert!(admitted.new_block.is_none());
    }
    let mut fired = None;
    for n in 1..=5 {
        l.network = Some(format!("203.0.{n}.0/24"));
        let admitted = c
            .store
            .create(&new(&format!("+1415666{n:04}"), c.now), Some(&l), c.now)
            .await
            .unwrap();
        if let Err(refusal) = admitted.result {
            assert!(matches!(refusal, SendRefusal::Pumping { .. }));
            fired = Some((n, admitted.new_block.expect("the block is announced")));
            break;
        }
    }
    let (n, block) = fired.expect("the rule fires with enough networks");
    assert_eq!(n, 5, "refused once five networks had unverified texts");
    assert_eq!(block.scope, "prefix:+1415");
    assert_eq!(block.rule, phone_verify::domain::PumpingRule::Prefix);
    assert_eq!((block.sends, block.verified, block.networks), (34, 0, 5));
    // Later sends are refused by the block in force, not announced again.
    l.network = Some("192.0.2.0/24".into());
    let again = c
        .store
        .create(&new("+14155559999", c.now), Some(&l), c.now)
        .await
        .unwrap();
    assert!(matches!(again.result, Err(SendRefusal::Pumping { .. })));
    assert!(again.new_block.is_none());
    assert_eq!(c.store.blocks_in_force(c.now).await.unwrap().len(), 1);

    // Flagging only (monitor, challenge): recorded, nothing refused.
    let c = ctx(backend).await;
    let mut l = limits(c.now);
    l.pumping = Some(pumping(c.now, PumpingAction::Flag));
    let mut announced = 0;
    for i in 0..20 {
        l.network = Some(format!("203.0.{i}.0/24"));
        let admitted = c
            .store
            .create(&new(&format!("+1415555{i:04}"), c.now), Some(&l), c.now)
            .await
            .unwrap();
        assert!(admitted.result.is_ok());
        announced += usize::from(admitted.new_block.is_some());
    }
    assert_eq!(announced, 1);
}

/// The breaker's count and the send's record are one step: 30 concurrent
/// sends to one prefix through two instances let exactly the threshold
/// through.
async fn pumping_threshold_is_exact_across_instances(backend: Backend) {
    let c = ctx(backend).await;
    let (other, _) = storage::connect(&c.db.url).await.unwrap();
    let stores = [c.store.clone(), other];
    let mut tasks = Vec::new();
    for i in 0..30 {
        let (store, now) = (stores[i % 2].clone(), c.now);
        tasks.push(tokio::spawn(async move {
            let mut l = limits(now);
            l.pumping = Some(pumping(now, PumpingAction::Refuse));
            l.network = Some(format!("203.0.{i}.0/24"));
            let n = new(&format!("+1415555{i:04}"), now);
            store.create(&n, Some(&l), now).await.unwrap().result
        }));
    }
    let (mut sent, mut refused) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => sent += 1,
            Err(SendRefusal::Pumping { .. }) => refused += 1,
            Err(other) => panic!("unexpected refusal {other:?}"),
        }
    }
    assert_eq!((sent, refused), (10, 20), "exactly the threshold");
}

/// A flow keeps its nonce; saving it under a new id retires the old id.
async fn flows_keep_their_nonce_and_move_to_a_new_id(backend: Backend) {
    let c = ctx(backend).await;
    let mut flow = AppFlow {
        id: "a".repeat(64),
        client_id: "acme".into(),
        return_to: "https://acme.example/cb".into(),
        state: Some("s".into()),
        embed: true,
        lang: "en".into(),
        csrf: "c".repeat(64),
        verification_id: None,
        phone: None,
        token: None,
        nonce: Some("n-0S6_WzA2Mj".into()),
        phone_hint: None,
        expires_at: c.now + Duration::minutes(30),
    };
    c.store.save_flow(&flow, None).await.unwrap();
    let read = c.store.get_flow(&flow.id, c.now).await.unwrap().unwrap();
    assert_eq!(read.nonce.as_deref(), Some("n-0S6_WzA2Mj"));
    let old = std::mem::replace(&mut flow.id, "b".repeat(64));
    flow.token = Some("t".into());
    c.store.save_flow(&flow, Some(&old)).await.unwrap();
    assert!(c.store.get_flow(&old, c.now).await.unwrap().is_none());
    let moved = c.store.get_flow(&flow.id, c.now).await.unwrap().unwrap();
    assert_eq!(moved.token.as_deref(), Some("t"));
}

/// With the breaker's challenge action, a flagged prefix is asked for a
/// raised challenge (the flag still recorded and announced once); a send
/// with a raised proof goes through, a base one does not.
async fn a_flagged_prefix_asks_for_a_raised_challenge(backend: Backend) {
    let c = ctx(backend).await;
    let mut l = limits(c.now);
    l.pumping = Some(pumping(c.now, PumpingAction::Challenge));
    let mut asked = None;
    for i in 0..20 {
        l.network = Some(format!("203.0.{i}.0/24"));
        let admitted = c
            .store
            .create(&new(&format!("+1415555{i:04}"), c.now), Some(&l), c.now)
            .await
            .unwrap();
        if let Err(refusal) = admitted.result {
            asked = Some((i, refusal, admitted.new_block.is_some()));
            break;
        }
    }
    let (i, refusal, announced) = asked.expect("the flagged prefix asks for a challenge");
    assert_eq!(i, 10, "after ten unverified texts from ten networks");
    assert_eq!(
        refusal,
        SendRefusal::Challenge {
            level: ChallengeLevel::Raised,
            why: ChallengeWhy::Pumping
        }
    );
    assert!(announced, "the flag is recorded and announced");
    let phone = "+14155550777";
    l.proof = Some(ChallengeLevel::Base);
    let base = c
        .store
        .create(&new(phone, c.now), Some(&l), c.now)
        .await
        .unwrap();
    assert!(matches!(base.result, Err(SendRefusal::Challenge { .. })));
    assert!(base.new_block.is_none(), "announced once");
    // With raised proofs, at most PUMPING_MIN_SENDS (here 10) more texts
    // reach the flagged prefix; then it is refused until the flag ends.
    l.proof = Some(ChallengeLevel::Raised);
    let later = c.now + Duration::seconds(1);
    let mut through = 0;
    let refusal = loop {
        let to = format!("+1415777{through:04}");
        match c
            .store
            .create(&new(&to, later), Some(&l), later)
            .await
            .unwrap()
            .result
        {
            Ok(_) => through += 1,
            Err(refusal) => break refusal,
        }
        assert!(through <= 10, "capped");
    };
    assert_eq!(through, 10);
    assert!(
        matches!(refusal, SendRefusal::Pumping { .. }),
        "{refusal:?}"
    );
    // Another prefix is not asked.
    l.proof = None;
    l.prefix = "+1212".into();
    let other = c
        .store
        .create(&new("+12125550100", later), Some(&l), later)
        .await
        .unwrap();
    assert!(other.result.is_ok());
}

/// Past `challenge_budget_percent` of the hour's budget, a send without a
/// proof is asked for a base challenge; one with a proof goes through.
async fn past_the_budget_share_a_send_needs_a_challenge(backend: Backend) {
    let c = ctx(backend).await;
    let mut l = limits(c.now);
    l.global_limit = 4;
    l.challenge_budget_percent = 50;
    for i in 0..2 {
        let admitted = c
            .store
            .create(&new(&format!("+1415555{i:04}"), c.now), Some(&l), c.now)
            .await
            .unwrap();
        assert!(admitted.result.is_ok(), "send {i} is under half the budget");
    }
    let third = c
        .store
        .create(&new("+14155550002", c.now), Some(&l), c.now)
        .await
        .unwrap();
    assert_eq!(
        third.result.unwrap_err(),
        SendRefusal::Challenge {
            level: ChallengeLevel::Base,
            why: ChallengeWhy::Budget
        }
    );
    l.proof = Some(ChallengeLevel::Base);
    let proved = c
        .store
        .create(&new("+14155550002", c.now), Some(&l), c.now)
        .await
        .unwrap();
    assert!(proved.result.is_ok());
    // The share is of the hour: the next hour starts free.
    let next = c.now + Duration::hours(1);
    let mut l = limits(next);
    l.global_limit = 4;
    l.challenge_budget_percent = 50;
    let fresh = c
        .store
        .create(&new("+14155550003", next), Some(&l), next)
        .await
        .unwrap();
    assert!(fresh.result.is_ok());
}

/// A challenge's nonce is spent once, whichever instance sees it first,
/// and forgotten once the challenge has expired.
async fn a_challenge_is_spent_once_across_instances(backend: Backend) {
    let c = ctx(backend).await;
    let (other, _) = storage::connect(&c.db.url).await.unwrap();
    let expires = c.now + Duration::minutes(5);
    let mut tasks = Vec::new();
    for store in [c.store.clone(), other.clone()]
        .into_iter()
        .cycle()
        .take(10)
    {
        tasks.push(tokio::spawn(async move {
            store.spend_challenge("nonce-1", expires).await.unwrap()
        }));
    }
    let mut first = 0;
    for t in tasks {
        first += usize::from(t.await.unwrap());
    }
    assert_eq!(first, 1, "one use of ten, over two instances");
    assert!(other.spend_challenge("nonce-2", expires).await.unwrap());
    // Kept ten minutes past its expiry (instances' clocks may differ).
    c.store
        .purge(&Retention::at(expires + Duration::minutes(9)))
        .await
        .unwrap();
    assert!(!c.store.spend_challenge("nonce-1", expires).await.unwrap());
    c.store
        .purge(&Retention::at(expires + Duration::minutes(11)))
        .await
        .unwrap();
    assert!(
        c.store.spend_challenge("nonce-1", expires).await.unwrap(),
        "purged after that"
    );
}

/// An address's waited sends (the check without JavaScript): at most
/// `most` in its window, however many instances race for them; the window
/// starts with the address's first and ends an hour later; another
/// address is counted apart; a row goes when its window has ended.
async fn an_address_waits_at_most_so_often_across_instances(backend: Backend) {
    let c = ctx(backend).await;
    let (other, _) = storage::connect(&c.db.url).await.unwrap();
    let hour = Duration::hours(1);
    let now = c.now;
    let mut tasks = Vec::new();
    for store in [c.store.clone(), other.clone()]
        .into_iter()
        .cycle()
        .take(10)
    {
        tasks.push(tokio::spawn(async move {
            store.take_wait("address-a", 3, hour, now).await.unwrap()
        }));
    }
    let mut refused = Vec::new();
    let mut counted = 0;
    for t in tasks {
        match t.await.unwrap() {
            None => counted += 1,
            Some(until) => refused.push(until),
        }
    }
    assert_eq!(counted, 3, "three of ten, over two instances");
    assert_eq!(refused.len(), 7);
    assert!(
        refused.iter().all(|until| *until == now + hour),
        "{refused:?}"
    );
    // Later in the window: still refused, until the same end.
    let later = now + Duration::minutes(59);
    assert_eq!(
        other.take_wait("address-a", 3, hour, later).await.unwrap(),
        Some(now + hour)
    );
    assert_eq!(
        other.take_wait("address-b", 3, hour, later).await.unwrap(),
        None,
        "another address is counted apart"
    );
    // The window over: a new one, from this send.
    let next = now + hour;
    for _ in 0..3 {
        assert_eq!(
            c.store.take_wait("address-a", 3, hour, next).await.unwrap(),
            None
        );
    }
    assert_eq!(
        c.store.take_wait("address-a", 3, hour, next).await.unwrap(),
        Some(next + hour)
    );
    // Purged once their windows end: b's (from `later`) goes, a's stays.
    c.store
        .purge(&Retention::at(later + hour + Duration::seconds(1)))
        .await
        .unwrap();
    let left = sqlx_count(&c.db.url, "SELECT count(*) FROM challenge_waits").await;
    assert_eq!(left, 1);
}

/// `SELECT count(*) …` on the test database.
async fn sqlx_count(url: &str, sql: &str) -> i64 {
    use sqlx::Connection as _;
    if url.starts_with("postgres") {
        let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
    } else {
        let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
    }
}

/// Every event's kind and verification, after fanning them out (which
/// empties the outbox).
async fn drain_events(store: &dyn Store, now: OffsetDateTime) -> Vec<(String, Option<Uuid>)> {
    let seen = std::sync::Mutex::new(Vec::new());
    let plan = |e: &OutboxEvent| {
        seen.lock().unwrap().push((
            e.kind.clone(),
            e.verification_id,
            e.status.clone(),
            e.detail.clone(),
        ));
        Vec::new()
    };
    store.fan_out(&plan, now, 1000).await.unwrap();
    assert_eq!(
        store.fan_out(&plan, now, 1000).await.unwrap().events,
        0,
        "the outbox is empty"
    );
    seen.into_inner()
        .unwrap()
        .into_iter()
        .map(|(kind, id, status, _)| {
            if kind.starts_with("verification.") && kind != "verification.started" {
                assert_eq!(
                    Some(kind.trim_start_matches("verification.")),
                    status.as_deref(),
                    "an event's status is the verification's"
                );
            }
            (kind, id)
        })
        .collect()
}

/// The outbox: each state change a webhook reports writes its event with
/// it (and nothing is written while events are off).
async fn state_changes_write_their_events_in_the_same_step(backend: Backend) {
    let c = ctx(backend).await;
    let l = limits(c.now);
    let quiet = new("+14155550001", c.now);
    c.store.create(&quiet, Some(&l), c.now).await.unwrap();
    assert!(
        drain_events(&*c.store, c.now).await.is_empty(),
        "events are off"
    );

    c.store.set_events(true);
    let mut first = new("+14155552671", c.now);
    first.client = Some("acme".into());
    c.store
        .create(&first, Some(&l), c.now)
        .await
        .unwrap()
        .result
        .unwrap();
    let second = new("+14155552671", c.now);
    c.store
        .create(&second, Some(&l), c.now + Duration::minutes(1))
        .await
        .unwrap()
        .result
        .unwrap();
    let check = wrong(c.now);
    c.store
        .record_check(second.id, &second.code_hash, Answer::Current, c.now, &check)
        .await
        .unwrap()
        .unwrap();
    let third = new("+14155552672", c.now);
    c.store.create(&third, None, c.now).await.unwrap();
    c.store.cancel(third.id, c.now).await.unwrap().unwrap();
    let fourth = new("+14155552673", c.now);
    c.store.create(&fourth, Some(&l), c.now).await.unwrap();
    c.store.send_failed(fourth.id, c.now).await.unwrap();
    let mut fifth = new("+14155552674", c.now);
    fifth.max_attempts = 1;
    c.store.create(&fifth, Some(&l), c.now).await.unwrap();
    c.store
        .record_check(fifth.id, &fifth.code_hash, Answer::Wrong, c.now, &check)
        .await
        .unwrap()
        .unwrap();
    // A refused send writes nothing.
    let refused = c
        .store
        .create(&new("+14155552671", c.now), Some(&l), c.now)
        .await
        .unwrap();
    assert!(refused.result.is_err());
    let events = drain_events(&*c.store, c.now).await;
    let expected = [
        ("verification.started", first.id),
        ("verification.canceled", first.id),
        ("verification.started", second.id),
        ("verification.approved", second.id),
        ("verification.started", third.id),
        ("verification.canceled", third.id),
        ("verification.started", fourth.id),
        ("sms.failed", fourth.id),
        ("verification.started", fifth.id),
        ("verification.max_attempts_reached", fifth.id),
    ];
    assert_eq!(
        events,
        expected.map(|(k, id)| (k.to_owned(), Some(id))).to_vec(),
        "in order, each once"
    );
    // (The client travels with the event.)
    c.store
        .create(
            &{
                let mut n = new("+14155553000", c.now);
                n.client = Some("acme".into());
                n
            },
            Some(&l),
            c.now,
        )
        .await
        .unwrap();
    let seen = std::sync::Mutex::new(Vec::new());
    let plan = |e: &OutboxEvent| {
        seen.lock().unwrap().push(e.client.clone());
        Vec::new()
    };
    c.store.fan_out(&plan, c.now, 10).await.unwrap();
    assert_eq!(seen.into_inner().unwrap(), vec![Some("acme".to_owned())]);

    // Expiry is reported once per expiry, and again after a resend's new one.
    let later = c.now + Duration::minutes(6);
    assert!(c.store.report_expired(later, 100).await.unwrap() >= 1);
    assert_eq!(c.store.report_expired(later, 100).await.unwrap(), 0, "once");
    let expired = drain_events(&*c.store, later).await;
    assert!(
        expired.contains(&("verification.expired".into(), Some(quiet.id))),
        "{expired:?}"
    );
    let resent_until = later + Duration::minutes(5);
    c.store
        .replace_code(quiet.id, &[9; 32], resent_until, None, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.store.report_expired(later, 100).await.unwrap(), 0);
    assert_eq!(
        c.store.report_expired(resent_until, 100).await.unwrap(),
        1,
        "the new expiry"
    );
    drain_events(&*c.store, resent_until).await;

    // A pumping flag is an event with its figures.
    let mut l = limits(c.now);
    l.pumping = Some(pumping(c.now, PumpingAction::Flag));
    for i in 0..20 {
        l.network = Some(format!("203.0.{i}.0/24"));
        c.store
            .create(&new(&format!("+1415777{i:04}"), c.now), Some(&l), c.now)
            .await
            .unwrap();
    }
    let seen = std::sync::Mutex::new(Vec::new());
    let plan = |e: &OutboxEvent| {
        if e.kind == "pumping.flagged" {
            seen.lock()
                .unwrap()
                .push((e.country.clone(), e.detail.clone().unwrap()));
        }
        Vec::new()
    };
    c.store.fan_out(&plan, c.now, 1000).await.unwrap();
    let flagged = seen.into_inner().unwrap();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    let detail: serde_json::Value = serde_json::from_str(&flagged[0].1).unwrap();
    assert_eq!(flagged[0].0, "US");
    assert_eq!(detail["scope"], "prefix:+1415");
    assert_eq!(detail["rule"], "prefix_unverified");
    assert!(detail["until"].as_str().unwrap().ends_with('Z'));
}

/// Deliveries: each claimed by one worker of two instances, retried when
/// due, given up, sent again on request.
async fn deliveries_are_claimed_once_retried_and_redelivered(backend: Backend) {
    let c = ctx(backend).await;
    c.store.set_events(true);
    let (other, _) = storage::connect(&c.db.url).await.unwrap();
    let known = vec!["http://127.0.0.1:9/hook".to_owned()];
    assert!(
        c.store
            .claim_deliveries(c.now, &["https://other.example/".to_owned()], 100)
            .await
            .unwrap()
            .is_empty(),
        "only deliveries to endpoints this instance knows"
    );
    for i in 0..10 {
        c.store
            .create(&new(&format!("+1415555{i:04}"), c.now), None, c.now)
            .await
            .unwrap();
    }
    let plan = |e: &OutboxEvent| {
        vec![NewDelivery {
            msg_id: format!("msg_{}", Uuid::new_v4().simple()),
            endpoint: "http://127.0.0.1:9/hook".into(),
            event_type: e.kind.clone(),
            payload: format!("{{\"id\":\"{}\"}}", e.verification_id.unwrap()),
            test: false,
        }]
    };
    let (a, b) = tokio::join!(
        c.store.fan_out(&plan, c.now, 1000),
        other.fan_out(&plan, c.now, 1000)
    );
    assert_eq!(
        a.unwrap().events + b.unwrap().events,
        10,
        "each event fanned out once"
    );
    let (a, b) = tokio::join!(
        c.store.claim_deliveries(c.now, &known, 100),
        other.claim_deliveries(c.now, &known, 100)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len() + b.len(), 10, "each delivery claimed once");
    let mut ids: Vec<i64> = a.iter().chain(&b).map(|d| d.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 10);
    assert!(a.iter().chain(&b).all(|d| d.attempts == 1));
    assert!(
        c.store
            .claim_deliveries(c.now + Duration::seconds(59), &known, 100)
            .await
            .unwrap()
            .is_empty(),
        "a claim is left to its worker"
    );
    let stats = c.store.queue_stats().await.unwrap();
    assert_eq!((stats.pending, stats.failed), (10, 0));
    assert_eq!(stats.oldest, Some(c.now));

    let all: Vec<_> = a.into_iter().chain(b).collect();
    let (done, rest) = all.split_at(4);
    for d in done {
        c.store
            .settle_delivery(d.id, d.attempts, &Settle::Delivered, c.now)
            .await
            .unwrap();
    }
    let retry_at = c.now + Duration::seconds(5);
    for d in rest {
        let retry = Settle::Retry {
            at: retry_at,
            error: "HTTP 500".into(),
        };
        c.store
            .settle_delivery(d.id, d.attempts, &retry, c.now)
            .await
            .unwrap();
    }
    assert!(
        c.store
            .claim_deliveries(c.now + Duration::seconds(4), &known, 100)
            .await
            .unwrap()
            .is_empty()
    );
    let again = other.claim_deliveries(retry_at, &known, 100).await.unwrap();
    assert_eq!(again.len(), 6, "the failed ones, when due");
    assert!(again.iter().all(|d| d.attempts == 2));
    for d in &again {
        let failed = Settle::Failed {
            error: "HTTP 503".into(),
        };
        c.store
            .settle_delivery(d.id, d.attempts, &failed, retry_at)
            .await
            .unwrap();
    }
    // A late settle of a delivery already given up changes nothing.
    c.store
        .settle_delivery(again[0].id, again[0].attempts, &Settle::Delivered, retry_at)
        .await
        .unwrap();
    let failed = c.store.failed_deliveries(100).await.unwrap();
    assert_eq!(failed.len(), 6);
    assert!(
        failed
            .iter()
            .all(|f| f.last_error.as_deref() == Some("HTTP 503") && f.attempts == 2)
    );
    let stats = c.store.queue_stats().await.unwrap();
    assert_eq!((stats.pending, stats.failed), (0, 6));

    assert_eq!(
        c.store
            .redeliver(Redeliver::One(failed[0].id), retry_at)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        c.store
            .redeliver(Redeliver::One(failed[0].id), retry_at)
            .await
            .unwrap(),
        0,
        "only a failed one"
    );
    assert_eq!(
        c.store
            .redeliver(Redeliver::AllFailed, retry_at)
            .await
            .unwrap(),
        5
    );
    let resent = c
        .store
        .claim_deliveries(retry_at, &known, 100)
        .await
        .unwrap();
    assert_eq!(resent.len(), 6);
    assert!(
        resent.iter().all(|d| d.attempts == 1),
        "from the first attempt"
    );

    // Delivered rows go after a day; failed ones after a week.
    for d in &resent {
        c.store
            .settle_delivery(
                d.id,
                d.attempts,
                &Settle::Failed { error: "x".into() },
                retry_at,
            )
            .await
            .unwrap();
    }
    c.store
        .purge(&Retention::at(retry_at + Duration::hours(25)))
        .await
        .unwrap();
    assert_eq!(c.store.failed_deliveries(100).await.unwrap().len(), 6);
    c.store
        .purge(&Retention::at(retry_at + Duration::days(8)))
        .await
        .unwrap();
    assert!(c.store.failed_deliveries(100).await.unwrap().is_empty());

    // A claim whose worker died is taken again after its lease.
    c.store
        .create(&new("+14155558888", c.now), None, c.now)
        .await
        .unwrap();
    c.store.fan_out(&plan, c.now, 10).await.unwrap();
    let claimed = c.store.claim_deliveries(c.now, &known, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let taken_again = other
        .claim_deliveries(c.now + Duration::seconds(61), &known, 10)
        .await
        .unwrap();
    assert_eq!(taken_again.len(), 1);
    assert_eq!(
        (taken_again[0].id, taken_again[0].attempts),
        (claimed[0].id, 2)
    );
    // The first worker's late word changes nothing: the attempt is the
    // second's now.
    let late = Settle::Failed {
        error: "late".into(),
    };
    c.store
        .settle_delivery(claimed[0].id, claimed[0].attempts, &late, c.now)
        .await
        .unwrap();
    assert!(c.store.failed_deliveries(100).await.unwrap().is_empty());
    c.store
        .settle_delivery(taken_again[0].id, 2, &Settle::Delivered, c.now)
        .await
        .unwrap();
    assert_eq!(c.store.queue_stats().await.unwrap().pending, 0);
}

/// Test numbers' deliveries stop at 1,000 waiting for an endpoint (dropped
/// and counted, not written); a real verification's are never dropped.
async fn test_traffic_cannot_crowd_out_real_events(backend: Backend) {
    let c = ctx(backend).await;
    c.store.set_events(true);
    for phone in ["+14155552671", "+14155552672"] {
        c.store
            .create(&new(phone, c.now), None, c.now)
            .await
            .unwrap();
    }
    let cap = storage::webhooks::TEST_QUEUE_CAP as usize;
    // The first event is a test number's: one more than the cap; the
    // second a real one's, past the cap.
    let plan = |e: &OutboxEvent| {
        let test = e.phone.as_deref() == Some("+14155552671");
        let n = if test { cap + 1 } else { 3 };
        (0..n)
            .map(|i| NewDelivery {
                msg_id: format!("msg_{test}_{i}"),
                endpoint: "https://dead.example/hook".into(),
                event_type: "verification.started".into(),
                payload: "{}".into(),
                test,
            })
            .collect()
    };
    let fanned = c.store.fan_out(&plan, c.now, 10).await.unwrap();
    assert_eq!((fanned.events, fanned.dropped), (2, 1));
    let stats = c.store.queue_stats().await.unwrap();
    assert_eq!((stats.pending, stats.failed), (cap as i64 + 3, 0));
}

/// With webhooks on, the purge keeps a pending verification whose expiry
/// has not been reported yet.
async fn an_expiry_is_kept_until_it_is_reported(backend: Backend) {
    let c = ctx(backend).await;
    c.store.set_events(true);
    let v = new("+14155552671", c.now);
    c.store.create(&v, None, c.now).await.unwrap();
    let late = c.now + Duration::minutes(30);
    c.store.purge(&Retention::at(late)).await.unwrap();
    assert!(
        c.store.get(v.id).await.unwrap().is_some(),
        "not reported yet"
    );
    assert_eq!(c.store.report_expired(late, 10).await.unwrap(), 1);
    c.store.purge(&Retention::at(late)).await.unwrap();
    assert!(
        c.store.get(v.id).await.unwrap().is_none(),
        "reported, then purged"
    );
}

/// An idempotency key: one claim of many racing (over two instances), the
/// kept answer for the same request, 422's case for another, a stale claim
/// taken over, and the key free again after its 24 hours.
async fn an_idempotency_key_is_claimed_once_answered_and_purged(backend: Backend) {
    let c = ctx(backend).await;
    let (other, _) = storage::connect(&c.db.url).await.unwrap();
    let now = c.now;
    let claim =
        |tenant: &'static str, key: &'static str, hash: &'static [u8], at: OffsetDateTime| {
            KeyClaim {
                tenant,
                key,
                request_hash: hash,
                claim: Uuid::new_v4(),
                now: at,
                expires_at: at + Duration::hours(24),
                stale_before: at - Duration::minutes(5),
            }
        };
    static HASH: [u8; 32] = [1u8; 32];
    static OTHER_HASH: [u8; 32] = [2u8; 32];
    let mut tasks = Vec::new();
    let mut claims = Vec::new();
    for store in [c.store.clone(), other.clone()]
        .into_iter()
        .cycle()
        .take(10)
    {
        let k = claim("acme", "k1", &HASH, now);
        claims.push(k.claim);
        tasks.push(tokio::spawn(async move {
            (k.claim, store.claim_key(&k).await.unwrap())
        }));
    }
    let mut winner = None;
    for t in tasks {
        match t.await.unwrap() {
            (id, Claimed::Yours) => {
                assert!(winner.is_none(), "one claim of ten");
                winner = Some(id);
            }
            (_, found) => assert_eq!(found, Claimed::InFlight),
        }
    }
    let winner = winner.expect("one claim took the key");
    // Another request with the key, in flight or answered: OtherRequest.
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k1", &OTHER_HASH, now))
            .await
            .unwrap(),
        Claimed::OtherRequest
    );
    // Only the winner's claim finishes it.
    let answer = KeptAnswer {
        status: 201,
        body: r#"{"id":"x"}"#.into(),
    };
    let loser = *claims.iter().find(|id| **id != winner).unwrap();
    c.store
        .finish_key("acme", "k1", loser, &answer)
        .await
        .unwrap();
    c.store.release_key("acme", "k1", loser).await.unwrap();
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k1", &HASH, now))
            .await
            .unwrap(),
        Claimed::InFlight
    );
    other
        .finish_key("acme", "k1", winner, &answer)
        .await
        .unwrap();
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k1", &HASH, now))
            .await
            .unwrap(),
        Claimed::Answered(answer.clone())
    );
    // Another tenant's key of the same name is its own.
    assert_eq!(
        c.store
            .claim_key(&claim("other", "k1", &OTHER_HASH, now))
            .await
            .unwrap(),
        Claimed::Yours
    );
    // A released key runs again.
    let k2 = claim("acme", "k2", &HASH, now);
    assert_eq!(c.store.claim_key(&k2).await.unwrap(), Claimed::Yours);
    c.store.release_key("acme", "k2", k2.claim).await.unwrap();
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k2", &HASH, now))
            .await
            .unwrap(),
        Claimed::Yours
    );
    // A claim that never answered is taken over by the same request after
    // its lease, never by another.
    let later = now + Duration::minutes(6);
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k2", &OTHER_HASH, later))
            .await
            .unwrap(),
        Claimed::OtherRequest
    );
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k2", &HASH, later))
            .await
            .unwrap(),
        Claimed::Yours
    );
    // Past its 24 hours the key is free (before the purge), and the purge
    // takes it.
    let day = now + Duration::hours(24);
    assert_eq!(
        c.store
            .claim_key(&claim("acme", "k1", &OTHER_HASH, day))
            .await
            .unwrap(),
        Claimed::Yours
    );
    c.store
        .purge(&Retention::at(
            day + Duration::hours(24) + Duration::seconds(1),
        ))
        .await
        .unwrap();
    for tenant in ["acme", "other"] {
        for key in ["k1", "k2"] {
            assert_eq!(
                c.store
                    .claim_key(&claim(tenant, key, &OTHER_HASH, day))
                    .await
                    .unwrap(),
                Claimed::Yours,
                "{tenant} {key} purged"
            );
        }
    }
}
