-- Webhooks (issue 18): a transactional outbox (see the PostgreSQL
-- migration). Times are milliseconds since the epoch.
ALTER TABLE verifications ADD COLUMN client TEXT;
ALTER TABLE verifications ADD COLUMN expiry_reported INTEGER;

CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    verification_id TEXT,
    phone TEXT,
    country TEXT NOT NULL DEFAULT '',
    client TEXT,
    api_key TEXT,
    status TEXT,
    detail TEXT,
    occurred_at INTEGER NOT NULL
) STRICT;

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    msg_id TEXT NOT NULL UNIQUE,
    endpoint TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint, status, created_at);
CREATE INDEX webhook_deliveries_updated ON webhook_deliveries (updated_at) WHERE status <> 'pending';
CREATE INDEX webhook_deliveries_pending_age ON webhook_deliveries (created_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_failed ON webhook_deliveries (updated_at) WHERE status = 'failed';
