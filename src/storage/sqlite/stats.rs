//! The operator page's counters and the pumping breaker's blocks, in
//! SQLite.
use async_trait::async_trait;
use time::OffsetDateTime;

use super::{BLOCK_COLUMNS, BlockRow, SqliteStore, block, from_ms, ms};
use crate::{
    domain::{Block, StatKind},
    storage::{StatRow, StatsStore, StoreError, stat_kind},
};

#[async_trait]
impl StatsStore for SqliteStore {
    async fn bump_stat(
        &self,
        hour: OffsetDateTime,
        country: &str,
        kind: StatKind,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        Self::count(&mut tx, hour, country, kind).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn stats_since(&self, since: OffsetDateTime) -> Result<Vec<StatRow>, StoreError> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT hour, country, kind, count FROM stats_hourly WHERE hour >= ?1 ORDER BY hour",
        )
        .bind(ms(since))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(hour, country, kind, count)| {
                Ok(StatRow {
                    hour: from_ms(hour)?,
                    country,
                    kind: stat_kind(&kind)?,
                    count,
                })
            })
            .collect()
    }

    async fn blocks_in_force(&self, now: OffsetDateTime) -> Result<Vec<Block>, StoreError> {
        let rows: Vec<BlockRow> = sqlx::query_as(&format!(
            "SELECT {BLOCK_COLUMNS} FROM send_blocks WHERE expires_at > ?1 ORDER BY expires_at DESC"
        ))
        .bind(ms(now))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(block).collect()
    }
}
