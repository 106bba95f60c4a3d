-- Tenants, not keys, and any text works (see the PostgreSQL migration):
-- one pending verification per number per tenant; `older_codes` packs the
-- replaced codes (32-byte HMAC, then the expiry in milliseconds as a
-- big-endian 8-byte integer); Twilio's `Tags` as sent.
ALTER TABLE verifications ADD COLUMN older_codes BLOB;
ALTER TABLE verifications ADD COLUMN tags TEXT;
UPDATE verifications
   SET older_codes = unhex(hex(prev_code_hash) || printf('%016X', prev_expires_at))
 WHERE prev_code_hash IS NOT NULL AND prev_expires_at IS NOT NULL;
ALTER TABLE verifications DROP COLUMN prev_code_hash;
ALTER TABLE verifications DROP COLUMN prev_expires_at;

DROP INDEX verifications_one_pending;
CREATE UNIQUE INDEX verifications_one_pending ON verifications (phone, COALESCE(tenant, ''))
    WHERE status = 'pending';
-- Verifications whose attempts are used up, by number: a Twilio check by
-- number answers them with 60202. Only such rows are in it.
CREATE INDEX verifications_used_up ON verifications (phone) WHERE status = 'max_attempts_reached';
