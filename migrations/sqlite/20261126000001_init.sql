-- Times are milliseconds since the Unix epoch (UTC); ids are hyphenated UUIDs.
CREATE TABLE verifications (
    id            TEXT PRIMARY KEY NOT NULL,
    phone         TEXT NOT NULL,
    code_hash     BLOB NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'expired', 'canceled', 'max_attempts_reached')),
    attempts_left INTEGER NOT NULL CHECK (attempts_left >= 0),
    locale        TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    last_sent_at  INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX verifications_one_pending ON verifications (phone) WHERE status = 'pending';
CREATE INDEX verifications_expires_at ON verifications (expires_at);

CREATE TABLE sms_sends (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    phone           TEXT NOT NULL,
    verification_id TEXT NOT NULL,
    sent_at         INTEGER NOT NULL,
    delivered       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX sms_sends_phone_sent_at ON sms_sends (phone, sent_at);
CREATE INDEX sms_sends_verification ON sms_sends (verification_id);
CREATE INDEX sms_sends_expires_at ON sms_sends (expires_at);
