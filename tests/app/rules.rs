//! The rules under concurrency, through the real store: exactly one
//! approval, never more attempts spent than there were.
use phone_verify::clock::Clock as _;
use std::sync::Arc;

use phone_verify::{
    domain::PhoneNumber,
    domain::Status,
    verification::{CheckOutcome, VerifyError},
};

use crate::{
    both_backends,
    helpers::{Backend, spawn_app_with},
};

both_backends!(
    fifty_concurrent_right_answers_approve_once,
    fifty_concurrent_wrong_answers_spend_only_what_is_left,
    every_texted_code_racing_approves_once,
    check_of_unknown_and_canceled_verifications,
);

const US: &str = "+14155552671";

async fn fifty_concurrent_right_answers_approve_once(backend: Backend) {
    let app = spawn_app_with(backend, &[("OTP_MAX_ATTEMPTS", "20")]).await;
    let phone = PhoneNumber::parse(US, None).unwrap();
    let v = app
        .state
        .verifier
        .start(&phone, "en", &Default::default())
        .await
        .unwrap();
    let code = app.last_code(US).await;
    let verifier = app.state.verifier.clone();
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let verifier = Arc::clone(&verifier);
            let code = code.clone();
            tokio::spawn(async move { verifier.check(v.id, &code, None).await })
        })
        .collect();
    let mut approved = 0;
    for task in tasks {
        match task.await.unwrap().unwrap() {
            CheckOutcome::Approved(_) => approved += 1,
            CheckOutcome::NotPending(Status::Approved) => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(approved, 1);
    assert_eq!(app.outbox_len().await, 1, "one text for the whole race");
    let after = app.state.verifier.get(v.id, None).await.unwrap();
    assert_eq!(after.status, Status::Approved);
    assert_eq!(after.attempts_left, 20, "right answers spend no attempts");
}

/// Every text works: after four resends (the shipped quota of five texts)
/// all five codes are live, and fifty concurrent checks, ten with each,
/// still approve exactly once.
async fn every_texted_code_racing_approves_once(backend: Backend) {
    let app = spawn_app_with(backend, &[("OTP_MAX_ATTEMPTS", "20")]).await;
    let phone = PhoneNumber::parse(US, None).unwrap();
    let v = app
        .state
        .verifier
        .start(&phone, "en", &Default::default())
        .await
        .unwrap();
    let mut codes = vec![app.last_code(US).await];
    for _ in 0..4 {
        app.clock.advance(time::Duration::seconds(31));
        app.state
            .verifier
            .resend(v.id, &Default::default())
            .await
            .unwrap();
        codes.push(app.last_code(US).await);
    }
    let live = app.state.verifier.get(v.id, None).await.unwrap();
    assert_eq!(
        live.live_hashes(app.clock.now()).len(),
        5,
        "five texts, five live codes"
    );
    let verifier = app.state.verifier.clone();
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let verifier = Arc::clone(&verifier);
            let code = codes[i % 5].clone();
            tokio::spawn(async move { verifier.check(v.id, &code, None).await })
        })
        .collect();
    let mut approved = 0;
    for task in tasks {
        match task.await.unwrap().unwrap() {
            CheckOutcome::Approved(_) => approved += 1,
            CheckOutcome::NotPending(Status::Approved) => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(approved, 1);
    let after = app.state.verifier.get(v.id, None).await.unwrap();
    assert_eq!(after.status, Status::Approved);
    assert_eq!(after.attempts_left, 20, "right answers spend no attempts");
}

async fn fifty_concurrent_wrong_answers_spend_only_what_is_left(backend: Backend) {
    let app = spawn_app_with(backend, &[("OTP_MAX_ATTEMPTS", "7")]).await;
    let phone = PhoneNumber::parse(US, None).unwrap();
    let v = app
        .state
        .verifier
        .start(&phone, "en", &Default::default())
        .await
        .unwrap();
    let code = app.last_code(US).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    // Two attempts are spent before the race: five are left.
    for _ in 0..2 {
        assert!(matches!(
            app.state.verifier.check(v.id, wrong, None).await.unwrap(),
            CheckOutcome::Incorrect(_)
        ));
    }
    let verifier = app.state.verifier.clone();
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let verifier = Arc::clone(&verifier);
            tokio::spawn(async move { verifier.check(v.id, wrong, None).await })
        })
        .collect();
    let (mut spent, mut refused) = (0, 0);
    let mut seen_left = Vec::new();
    for task in tasks {
        match task.await.unwrap().unwrap() {
            CheckOutcome::Incorrect(after) => {
                spent += 1;
                seen_left.push(after.attempts_left);
            }
            CheckOutcome::NotPending(Status::MaxAttemptsReached) => refused += 1,
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(spent, 5, "exactly the attempts that were left");
    assert_eq!(app.outbox_len().await, 1, "guessing sends nothing");
    assert_eq!(refused, 45);
    seen_left.sort_unstable();
    assert_eq!(seen_left, vec![0, 1, 2, 3, 4], "each attempt spent once");
    let after = app.state.verifier.get(v.id, None).await.unwrap();
    assert_eq!(after.status, Status::MaxAttemptsReached);
    assert_eq!(after.attempts_left, 0);
    // The right code is refused too now.
    assert_eq!(
        app.state.verifier.check(v.id, &code, None).await.unwrap(),
        CheckOutcome::NotPending(Status::MaxAttemptsReached)
    );
}

async fn check_of_unknown_and_canceled_verifications(backend: Backend) {
    let app = spawn_app_with(backend, &[]).await;
    let unknown = app
        .state
        .verifier
        .check(uuid::Uuid::new_v4(), "123456", None)
        .await;
    assert!(matches!(unknown, Err(VerifyError::NotFound)), "{unknown:?}");
    let phone = PhoneNumber::parse(US, None).unwrap();
    let v = app
        .state
        .verifier
        .start(&phone, "en", &Default::default())
        .await
        .unwrap();
    let code = app.last_code(US).await;
    let canceled = app.state.verifier.cancel(v.id, None).await.unwrap();
    assert_eq!(canceled.status, Status::Canceled);
    assert!(matches!(
        app.state.verifier.cancel(v.id, None).await,
        Err(VerifyError::NotPending(Status::Canceled))
    ));
    assert_eq!(
        app.state.verifier.check(v.id, &code, None).await.unwrap(),
        CheckOutcome::NotPending(Status::Canceled)
    );
    assert!(matches!(
        app.state.verifier.resend(v.id, &Default::default()).await,
        Err(VerifyError::NotPending(Status::Canceled))
    ));
}
