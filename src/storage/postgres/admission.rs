//! The global budget's grants to this instance, and what one send's
//! admission (`pv_admit`, through `pv_create_and_send` or
//! `pv_resend_and_send`) takes as parameters and answers.
use sqlx::{Postgres, postgres::PgArguments, query::QueryAs};
use time::OffsetDateTime;

use crate::domain::{Block, PumpingAction, PumpingRule, SendLimits, SendRefusal};

/// The largest grant of the global budget one instance reserves at a time.
pub(super) const GRANT_MAX: i32 = 500;
/// A grant is at most this fraction of what is left of the hour's budget, so
/// near the end of the budget grants shrink to one send and instances cannot
/// sit on much of it.
pub(super) const GRANT_DIVISOR: i32 = 64;

/// The first grant of an hour's budget of `limit` sends.
pub(super) fn first_grant(limit: i32) -> i32 {
    (limit / GRANT_DIVISOR).clamp(1, GRANT_MAX).min(limit)
}

/// The units of a grant beyond the send that took it (0 when no grant was
/// taken).
pub(super) fn spare(granted: i32) -> u32 {
    u32::try_from(granted - 1).unwrap_or(0)
}

/// This instance's unused reservation of the hour's global SMS budget.
///
/// The database counts every unit granted to any instance, so the sends of
/// all instances together never pass the limit. A reservation left unused
/// when the hour ends or the instance stops is lost (counted as sent): the
/// budget errs on the side of sending less.
#[derive(Debug, Default)]
pub(super) struct Lease {
    hour: Option<OffsetDateTime>,
    left: u32,
}

impl Lease {
    /// Takes one unit reserved for `hour`, if any is left.
    pub(super) fn take(&mut self, hour: OffsetDateTime) -> bool {
        if self.hour == Some(hour) && self.left > 0 {
            self.left -= 1;
            true
        } else {
            false
        }
    }

    /// Adds units granted for `hour`; a grant for a past hour is dropped.
    pub(super) fn credit(&mut self, hour: OffsetDateTime, units: u32) {
        match self.hour {
            Some(current) if current > hour => {}
            Some(current) if current == hour => self.left += units,
            _ => {
                self.hour = Some(hour);
                self.left = units;
            }
        }
    }
}

/// What `pv_admit` decided, as `pv_create_and_send` and
/// `pv_resend_and_send` pass it on: a refusal (with when to try again), the
/// size of the budget grant taken (0 when none was asked for), and a
/// pumping block this call recorded.
#[derive(sqlx::FromRow)]
pub(super) struct Admission {
    pub(super) refusal: Option<String>,
    retry_at: Option<OffsetDateTime>,
    pub(super) granted: Option<i32>,
    block_scope: Option<String>,
    block_rule: Option<String>,
    block_sends: Option<i64>,
    block_verified: Option<i64>,
    block_networks: Option<i64>,
}

impl Admission {
    pub(super) fn new_block(&self, limits: &SendLimits) -> Option<Block> {
        let (scope, rule, pumping) = (
            self.block_scope.clone()?,
            PumpingRule::parse(self.block_rule.as_deref()?)?,
            limits.pumping.as_ref()?,
        );
        Some(Block {
            scope,
            rule,
            sends: self.block_sends.unwrap_or_default(),
            verified: self.block_verified.unwrap_or_default(),
            networks: self.block_networks.unwrap_or_default(),
            expires_at: pumping.block_until,
        })
    }

    /// The refusal it names, if any.
    pub(super) fn refusal(&self, now: OffsetDateTime) -> Option<SendRefusal> {
        let name = self.refusal.as_deref()?;
        SendRefusal::named(name, self.retry_at.unwrap_or(now), now)
    }
}

/// The new verification's attempts, from `pv_create_and_send`.
#[derive(sqlx::FromRow)]
pub(super) struct Created {
    #[sqlx(flatten)]
    pub(super) admission: Admission,
    pub(super) attempts_left: Option<i32>,
}

/// The verification a resend changed, from `pv_resend_and_send`.
#[derive(sqlx::FromRow)]
pub(super) struct Resent {
    #[sqlx(flatten)]
    pub(super) admission: Admission,
    pub(super) phone: Option<String>,
    pub(super) attempts_left: Option<i32>,
    pub(super) locale: Option<String>,
    pub(super) created_at: Option<OffsetDateTime>,
    pub(super) tenant: Option<String>,
    pub(super) older_codes: Option<Vec<u8>>,
    pub(super) tags: Option<String>,
}

/// The admission's parameters after those of the call's own (from `$first`):
/// limits, budget grant, pumping breaker, challenge and whether events are
/// written, in `pv_admit`'s order.
pub(super) fn admission_args(first: usize) -> String {
    (first..first + 23)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds the admission's parameters (see [`admission_args`]).
pub(super) fn bind_admission<'q, O>(
    query: QueryAs<'q, Postgres, O, PgArguments>,
    limits: &'q SendLimits,
    now: OffsetDateTime,
    need_grant: bool,
    events: bool,
) -> QueryAs<'q, Postgres, O, PgArguments> {
    let int = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    let budget = int(limits.global_limit);
    let pumping = limits.pumping.as_ref();
    let guard: i16 = match pumping.map(|p| p.action) {
        None => 0,
        Some(PumpingAction::Flag) => 1,
        Some(PumpingAction::Refuse) => 2,
        Some(PumpingAction::Challenge) => 3,
    };
    let proof: i16 = limits.proof.map_or(0, |level| level as i16);
    query
        .bind(now - limits.cooldown)
        .bind(now - limits.window)
        .bind(int(limits.limit))
        .bind(int(limits.guess_budget))
        .bind(&limits.prefix)
        .bind(&limits.country)
        .bind(limits.hour)
        .bind(need_grant)
        .bind(budget)
        .bind(first_grant(budget))
        .bind(GRANT_MAX)
        .bind(GRANT_DIVISOR)
        .bind(guard)
        .bind(pumping.map_or(now, |p| p.since))
        .bind(pumping.map_or(0, |p| int(p.prefix_min_sends)))
        .bind(pumping.map_or(0, |p| int(p.country_min_sends)))
        .bind(pumping.map_or(0, |p| int(p.max_unverified_percent)))
        .bind(pumping.map_or(0, |p| int(p.prefix_min_networks)))
        .bind(pumping.map_or(0, |p| int(p.country_min_networks)))
        .bind(pumping.map_or(now, |p| p.block_until))
        .bind(proof)
        .bind(int(limits.challenge_budget_percent))
        .bind(events)
}

#[cfg(test)]
mod tests {
    use super::Lease;
    use time::{Duration, macros::datetime};

    #[test]
    fn a_lease_hands_out_its_units_for_its_hour_only() {
        let hour = datetime!(2026-11-26 16:00 UTC);
        let mut lease = Lease::default();
        assert!(!lease.take(hour), "an empty lease has nothing");
        lease.credit(hour, 2);
        assert!(lease.take(hour));
        assert!(lease.take(hour));
        assert!(!lease.take(hour), "two units, two sends");

        lease.credit(hour, 3);
        let next = hour + Duration::hours(1);
        assert!(!lease.take(next), "units do not carry into the next hour");
        lease.credit(next, 1);
        lease.credit(hour, 5);
        assert!(lease.take(next));
        assert!(!lease.take(next), "a late grant for a past hour is dropped");
        assert!(!lease.take(hour), "the past hour's units are gone");
    }
}
