-- A late text still works: a resend keeps the previous code's hash and
-- expiry beside the new one (see the PostgreSQL migration).
ALTER TABLE verifications ADD COLUMN prev_code_hash BLOB;
ALTER TABLE verifications ADD COLUMN prev_expires_at INTEGER;
-- The number a host app supplied to its flow (shown by its last digits).
ALTER TABLE flows ADD COLUMN phone_hint TEXT;
