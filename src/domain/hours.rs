//! Time as the records keep it: the clock hour that buckets budgets and
//! counters, and the UTC timestamp that events and webhooks carry.
use time::OffsetDateTime;

/// The start of `t`'s clock hour (UTC): the bucket of the budget and of the
/// operator page's counters.
pub fn clock_hour(t: OffsetDateTime) -> OffsetDateTime {
    let ts = t.unix_timestamp();
    OffsetDateTime::from_unix_timestamp(ts - ts.rem_euclid(3600)).unwrap_or(t)
}

/// RFC 3339 with milliseconds, in UTC: `2026-11-29T10:00:00.000Z`.
pub fn timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_with_milliseconds() {
        let t = time::macros::datetime!(2026-11-29 10:00:01.234567 +01:00);
        assert_eq!(timestamp(t), "2026-11-29T09:00:01.234Z");
    }

    #[test]
    fn a_clock_hour_starts_on_the_hour_in_utc() {
        let t = time::macros::datetime!(2026-11-29 10:59:59.999 +01:00);
        assert_eq!(clock_hour(t), time::macros::datetime!(2026-11-29 09:00 UTC));
        let on = time::macros::datetime!(2026-11-29 09:00 UTC);
        assert_eq!(clock_hour(on), on);
    }
}
