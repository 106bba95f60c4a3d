-- Retries made safe (issue 27): an `Idempotency-Key` (Twilio's door:
-- `I-Twilio-Idempotency-Token`) per tenant, kept 24 hours. The first
-- request claims the key ('in_flight', its `claim` token); its final answer
-- is kept ('done') and replayed to a repeat of the same request
-- (`request_hash`: SHA-256 of method, path and body). Purged at
-- `expires_at`.
CREATE TABLE idempotency_keys (
    tenant TEXT NOT NULL,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash BYTEA NOT NULL,
    claim UUID NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_flight', 'done')),
    response_status SMALLINT,
    response_body TEXT CHECK (octet_length(response_body) <= 65536),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, key)
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
