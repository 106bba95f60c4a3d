-- No plain numbers in the logs kept only to count (issue 27): the send log
-- and the wrong-code log key a number by HMAC-SHA256(SECRET_KEY, number)
-- (`domain::NumberKey`), and each verification carries its number's key.
-- The rows already kept get their keys from the app right after this
-- migration (`Store::key_numbers`); until then their number stays in
-- `unkeyed_phone`, which that step empties. SQLite cannot drop a NOT NULL,
-- so both logs are built again.
DROP TRIGGER verification_approved;

ALTER TABLE verifications ADD COLUMN phone_key BLOB;
CREATE INDEX verifications_unkeyed ON verifications (id) WHERE phone_key IS NULL;

CREATE TABLE sms_sends_keyed (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    phone_key       BLOB,
    unkeyed_phone   TEXT,
    verification_id TEXT NOT NULL,
    sent_at         INTEGER NOT NULL,
    delivered       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    prefix          TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    verified        INTEGER NOT NULL DEFAULT 0,
    network         TEXT
) STRICT;
INSERT INTO sms_sends_keyed (id, unkeyed_phone, verification_id, sent_at, delivered, expires_at, prefix,
                             country, verified, network)
SELECT id, phone, verification_id, sent_at, delivered, expires_at, prefix, country, verified, network
  FROM sms_sends;
DROP TABLE sms_sends;
ALTER TABLE sms_sends_keyed RENAME TO sms_sends;
CREATE INDEX sms_sends_key_sent_at ON sms_sends (phone_key, sent_at);
CREATE INDEX sms_sends_verification ON sms_sends (verification_id);
CREATE INDEX sms_sends_expires_at ON sms_sends (expires_at);
CREATE INDEX sms_sends_prefix_sent_at ON sms_sends (prefix, sent_at);
CREATE INDEX sms_sends_country_sent_at ON sms_sends (country, sent_at);
CREATE INDEX sms_sends_unkeyed ON sms_sends (unkeyed_phone) WHERE unkeyed_phone IS NOT NULL;

CREATE TABLE guesses_keyed (
    phone_key     BLOB,
    unkeyed_phone TEXT,
    at            INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
) STRICT;
INSERT INTO guesses_keyed (unkeyed_phone, at, expires_at) SELECT phone, at, expires_at FROM guesses;
DROP TABLE guesses;
ALTER TABLE guesses_keyed RENAME TO guesses;
CREATE INDEX guesses_key_at ON guesses (phone_key, at);
CREATE INDEX guesses_expires_at ON guesses (expires_at);
CREATE INDEX guesses_unkeyed ON guesses (unkeyed_phone) WHERE unkeyed_phone IS NOT NULL;

-- As before (20261128000007), with the number's key for its wrong codes.
CREATE TRIGGER verification_approved AFTER UPDATE OF status ON verifications
WHEN NEW.status = 'approved' AND OLD.status = 'pending'
BEGIN
    UPDATE sms_sends SET verified = 1 WHERE verification_id = NEW.id;
    DELETE FROM guesses WHERE phone_key = NEW.phone_key;
    INSERT INTO stats_hourly (hour, country, kind, count)
    VALUES (NEW.updated_at - NEW.updated_at % 3600000, NEW.country, 'approved', 1)
    ON CONFLICT (hour, country, kind) DO UPDATE SET count = count + 1;
END;
