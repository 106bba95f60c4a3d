-- Two rows every send used to update, which made all sends across all
-- instances queue behind one row lock held until each commit was flushed.

-- The operator page's counters are split into shards (the writer's backend
-- pid modulo 64, so two open transactions rarely touch the same row); the
-- page sums them.
ALTER TABLE stats_hourly ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE stats_hourly DROP CONSTRAINT stats_hourly_pkey;
ALTER TABLE stats_hourly ADD PRIMARY KEY (hour, country, kind, shard);

-- The global budget is reserved by instances in small grants (see
-- PgStore::take_budget): `sent` counts units granted to instances, and
-- `granted` the size of the last grant.
ALTER TABLE sms_budget ADD COLUMN granted INTEGER NOT NULL DEFAULT 1;
