//! One send's admission in SQLite, in the write transaction that records
//! it (as `pv_admit` does on PostgreSQL): the wrong-guess budget, the quota
//! and cooldown, the pumping breaker and the global budget.
use time::OffsetDateTime;

use super::{SqliteStore, WriteTx, from_ms, ms};
use crate::{
    domain::{
        Block, ChallengeLevel, ChallengeWhy, NumberKey, PumpingAction, PumpingLimits, PumpingRule,
        SendLimits, SendRefusal, SendStats,
    },
    storage::StoreError,
};

/// What a send's admission found (see [`SqliteStore::admit`]).
#[derive(Debug, Default)]
pub(super) struct Admission {
    pub(super) refusal: Option<SendRefusal>,
    pub(super) guessed: i64,
    pub(super) new_block: Option<Block>,
}

/// Wrong codes in the window and the oldest; the last delivered send in the
/// cooldown; sends in the window and the oldest.
type Figures = (i64, Option<i64>, Option<i64>, i64, Option<i64>);

impl SqliteStore {
    /// The admission of one send to `phone`: the wrong-guess budget, the
    /// quota and cooldown, the pumping breaker and the global budget, in
    /// the write transaction that records the send (as `pv_admit` does on
    /// PostgreSQL). Returns the refusal, if any, the attempts the number's
    /// pending verification has left and the guesses spent, and a pumping
    /// block this call recorded.
    pub(super) async fn admit(
        tx: &mut WriteTx,
        key: &NumberKey,
        limits: &SendLimits,
        now: OffsetDateTime,
        events: bool,
    ) -> Result<Admission, StoreError> {
        let mut admission = Admission::default();
        let window_start = ms(now - limits.window);
        let cooldown_start = ms(now - limits.cooldown);
        // The number's wrong codes and sends in their windows, in one statement.
        let (guessed, oldest_guess, last, count, oldest): Figures = sqlx::query_as(
            "SELECT (SELECT count(*) FROM guesses WHERE phone_key = ?1 AND at > ?3),
                    (SELECT min(at) FROM guesses WHERE phone_key = ?1 AND at > ?3),
                    max(sent_at) FILTER (WHERE delivered AND sent_at > ?2),
                    count(*) FILTER (WHERE sent_at > ?3),
                    min(sent_at) FILTER (WHERE sent_at > ?3)
             FROM sms_sends WHERE phone_key = ?1 AND sent_at > min(?2, ?3)",
        )
        .bind(key.as_bytes())
        .bind(cooldown_start)
        .bind(window_start)
        .fetch_one(&mut **tx)
        .await?;
        admission.guessed = guessed;
        let retry = |at: i64| -> Result<time::Duration, StoreError> {
            Ok((from_ms(at)? + limits.window - now).max(time::Duration::SECOND))
        };
        if guessed >= i64::from(limits.guess_budget) {
            admission.refusal = Some(SendRefusal::Guesses {
                retry_after: retry(oldest_guess.unwrap_or(ms(now)))?,
            });
            return Ok(admission);
        }
        if count >= i64::from(limits.limit) {
            admission.refusal = Some(SendRefusal::Quota {
                retry_after: retry(oldest.unwrap_or(ms(now)))?,
            });
            return Ok(admission);
        }
        if let Some(last) = last {
            admission.refusal = Some(SendRefusal::Cooldown {
                retry_after: (from_ms(last)? + limits.cooldown - now).max(time::Duration::SECOND),
            });
            return Ok(admission);
        }
        if let Some(pumping) = &limits.pumping {
            let (in_force, flagged_since): (Option<i64>, Option<i64>) = sqlx::query_as(
                "SELECT max(expires_at), min(created_at) FROM send_blocks
                 WHERE scope IN (?1, ?2) AND expires_at > ?3",
            )
            .bind(format!("prefix:{}", limits.prefix))
            .bind(format!("country:{}", limits.country))
            .bind(ms(now))
            .fetch_one(&mut **tx)
            .await?;
            let flagged_until = match in_force {
                Some(until) => Some(from_ms(until)?),
                None => {
                    let fired = Self::pumping_rules(tx, limits, pumping, now).await?;
                    let flagged = fired.as_ref().map(|_| pumping.block_until);
                    admission.new_block =
                        fired.and_then(|(block, recorded)| recorded.then_some(block));
                    if events && let Some(block) = &admission.new_block {
                        super::webhooks::pumping_flagged(tx, block, &limits.country, now).await?;
                    }
                    flagged
                }
            };
            if let Some(until) = flagged_until {
                admission.refusal = match pumping.action {
                    PumpingAction::Flag => None,
                    PumpingAction::Refuse => Some(SendRefusal::Pumping {
                        retry_after: (until - now).max(time::Duration::SECOND),
                    }),
                    // Even with proofs, a flag in force lets at most the
                    // prefix rule's minimum more texts reach the prefix;
                    // until then each needs a raised challenge.
                    PumpingAction::Challenge => {
                        let texts: i64 = match flagged_since {
                            Some(since) => sqlx::query_scalar(
                                "SELECT count(*) FROM sms_sends WHERE prefix = ?1 AND sent_at > ?2",
                            )
                            .bind(&limits.prefix)
                            .bind(since)
                            .fetch_one(&mut **tx)
                            .await?,
                            None => 0,
                        };
                        if texts >= i64::from(pumping.prefix_min_sends) {
                            Some(SendRefusal::Pumping {
                                retry_after: (until - now).max(time::Duration::SECOND),
                            })
                        } else if limits.proof < Some(ChallengeLevel::Raised) {
                            Some(SendRefusal::Challenge {
                                level: ChallengeLevel::Raised,
                                why: ChallengeWhy::Pumping,
                            })
                        } else {
                            None
                        }
                    }
                };
                if admission.refusal.is_some() {
                    return Ok(admission);
                }
            }
        }
        if limits.challenge_budget_percent > 0 && limits.proof.is_none() {
            let spent: Option<i64> =
                sqlx::query_scalar("SELECT sent FROM sms_budget WHERE hour = ?1")
                    .bind(ms(limits.hour))
                    .fetch_optional(&mut **tx)
                    .await?;
            let spent = spent.unwrap_or(0);
            let limit = i64::from(limits.global_limit);
            // Once the budget is gone the refusal is the budget's.
            if spent * 100 >= i64::from(limits.challenge_budget_percent) * limit && spent < limit {
                admission.refusal = Some(SendRefusal::Challenge {
                    level: ChallengeLevel::Base,
                    why: ChallengeWhy::Budget,
                });
                return Ok(admission);
            }
        }
        let taken: Option<i64> = sqlx::query_scalar(
            "INSERT INTO sms_budget (hour, sent) VALUES (?1, 1)
             ON CONFLICT (hour) DO UPDATE SET sent = sent + 1 WHERE sent < ?2
             RETURNING sent",
        )
        .bind(ms(limits.hour))
        .bind(i64::from(limits.global_limit))
        .fetch_optional(&mut **tx)
        .await?;
        if taken.is_none() {
            admission.refusal = Some(SendRefusal::Budget {
                retry_after: (limits.hour + time::Duration::HOUR - now).max(time::Duration::SECOND),
            });
        }
        Ok(admission)
    }

    /// The breaker's rules on the window's sends to the prefix, then the
    /// country: the block of the first that fires, and whether this call
    /// recorded it (it does unless one is in force already).
    async fn pumping_rules(
        tx: &mut WriteTx,
        limits: &SendLimits,
        pumping: &PumpingLimits,
        now: OffsetDateTime,
    ) -> Result<Option<(Block, bool)>, StoreError> {
        let since = ms(pumping.since);
        for (rule, value, min_sends, min_networks) in [
            (
                PumpingRule::Prefix,
                &limits.prefix,
                pumping.prefix_min_sends,
                pumping.prefix_min_networks,
            ),
            (
                PumpingRule::Country,
                &limits.country,
                pumping.country_min_sends,
                pumping.country_min_networks,
            ),
        ] {
            let column = rule.watches();
            let (sends, verified): (i64, i64) = sqlx::query_as(&format!(
                "SELECT count(*), count(*) FILTER (WHERE verified) FROM sms_sends
                 WHERE {column} = ?1 AND sent_at > ?2"
            ))
            .bind(value)
            .bind(since)
            .fetch_one(&mut **tx)
            .await?;
            let stats = SendStats { sends, verified };
            if !stats.mostly_unverified(min_sends, pumping.max_unverified_percent) {
                continue;
            }
            let networks: i64 = sqlx::query_scalar(&format!(
                "SELECT count(*) FROM (
                    SELECT DISTINCT coalesce(network, 'send:' || id) FROM sms_sends
                    WHERE {column} = ?1 AND sent_at > ?2 AND NOT verified LIMIT ?3)"
            ))
            .bind(value)
            .bind(since)
            .bind(i64::from(min_networks))
            .fetch_one(&mut **tx)
            .await?;
            if networks < i64::from(min_networks) {
                continue;
            }
            let block = Block {
                scope: rule.scope(value),
                rule,
                sends,
                verified,
                networks,
                expires_at: pumping.block_until,
            };
            let recorded = sqlx::query(
                "INSERT INTO send_blocks (scope, rule, sends, verified, networks, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (scope) DO UPDATE SET rule = ?2, sends = ?3, verified = ?4, networks = ?5,
                    created_at = ?6, expires_at = ?7
                 WHERE send_blocks.expires_at <= ?6",
            )
            .bind(&block.scope)
            .bind(block.rule.as_str())
            .bind(block.sends)
            .bind(block.verified)
            .bind(block.networks)
            .bind(ms(now))
            .bind(ms(block.expires_at))
            .execute(&mut **tx)
            .await?
            .rows_affected();
            return Ok(Some((block, recorded == 1)));
        }
        Ok(None)
    }
}
