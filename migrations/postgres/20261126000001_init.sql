-- Verifications: one row per code sent to a number (replaced on restart).
CREATE TABLE verifications (
    id            UUID PRIMARY KEY,
    phone         TEXT NOT NULL,               -- E.164
    code_hash     BYTEA NOT NULL,              -- HMAC-SHA256(SECRET_KEY, id || code)
    status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'expired', 'canceled', 'max_attempts_reached')),
    attempts_left INTEGER NOT NULL CHECK (attempts_left >= 0),
    locale        TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    last_sent_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
-- At most one pending verification per number.
CREATE UNIQUE INDEX verifications_one_pending ON verifications (phone) WHERE status = 'pending';
CREATE INDEX verifications_expires_at ON verifications (expires_at);

-- Every SMS sent (or tried), for cooldowns and quotas across instances.
CREATE TABLE sms_sends (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone           TEXT NOT NULL,
    verification_id UUID NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL,
    delivered       BOOLEAN NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL       -- kept until then for the limits
);
CREATE INDEX sms_sends_phone_sent_at ON sms_sends (phone, sent_at);
CREATE INDEX sms_sends_verification ON sms_sends (verification_id);
CREATE INDEX sms_sends_expires_at ON sms_sends (expires_at);
