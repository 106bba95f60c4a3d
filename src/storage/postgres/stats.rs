//! The operator page's counters and the pumping breaker's blocks, in
//! PostgreSQL.
use async_trait::async_trait;
use time::OffsetDateTime;

use super::{BLOCK_COLUMNS, BlockRow, PgStore, SHARD, block};
use crate::{
    domain::{Block, StatKind},
    storage::{StatRow, StatsStore, StoreError, stat_kind},
};

#[async_trait]
impl StatsStore for PgStore {
    async fn bump_stat(
        &self,
        hour: OffsetDateTime,
        country: &str,
        kind: StatKind,
    ) -> Result<(), StoreError> {
        sqlx::query(&format!(
            "INSERT INTO stats_hourly (hour, country, kind, shard, count) VALUES ($1, $2, $3, {SHARD}, 1)
             ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1",
        ))
        .bind(hour)
        .bind(country)
        .bind(kind.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn stats_since(&self, since: OffsetDateTime) -> Result<Vec<StatRow>, StoreError> {
        let rows: Vec<(OffsetDateTime, String, String, i64)> = sqlx::query_as(
            "SELECT hour, country, kind, sum(count)::BIGINT FROM stats_hourly WHERE hour >= $1
             GROUP BY hour, country, kind ORDER BY hour",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(hour, country, kind, count)| {
                Ok(StatRow {
                    hour,
                    country,
                    kind: stat_kind(&kind)?,
                    count,
                })
            })
            .collect()
    }

    async fn blocks_in_force(&self, now: OffsetDateTime) -> Result<Vec<Block>, StoreError> {
        let rows: Vec<BlockRow> = sqlx::query_as(&format!(
            "SELECT {BLOCK_COLUMNS} FROM send_blocks WHERE expires_at > $1 ORDER BY expires_at DESC",
        ))
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(block).collect()
    }
}
