-- No plain numbers in the logs kept only to count (issue 27): the send log
-- and the wrong-code log key a number by HMAC-SHA256(SECRET_KEY, number)
-- (`domain::NumberKey`), and each verification carries its number's key so
-- a check and a resend find the logs without the number. `forget` removes
-- the numbers; their keys still count toward the limits.
--
-- The rows already kept get their keys from the app, which alone knows
-- SECRET_KEY, right after this migration (`Store::key_numbers`): until then
-- their number stays in `unkeyed_phone`, which that step empties.
ALTER TABLE verifications ADD COLUMN phone_key BYTEA;
CREATE INDEX verifications_unkeyed ON verifications (id) WHERE phone_key IS NULL;

ALTER TABLE sms_sends RENAME COLUMN phone TO unkeyed_phone;
ALTER TABLE sms_sends ALTER COLUMN unkeyed_phone DROP NOT NULL;
ALTER TABLE sms_sends ADD COLUMN phone_key BYTEA;
DROP INDEX sms_sends_phone_sent_at;
CREATE INDEX sms_sends_key_sent_at ON sms_sends (phone_key, sent_at);
CREATE INDEX sms_sends_unkeyed ON sms_sends (unkeyed_phone) WHERE unkeyed_phone IS NOT NULL;

ALTER TABLE guesses RENAME COLUMN phone TO unkeyed_phone;
ALTER TABLE guesses ALTER COLUMN unkeyed_phone DROP NOT NULL;
ALTER TABLE guesses ADD COLUMN phone_key BYTEA;
DROP INDEX guesses_phone_at;
CREATE INDEX guesses_key_at ON guesses (phone_key, at);
CREATE INDEX guesses_unkeyed ON guesses (unkeyed_phone) WHERE unkeyed_phone IS NOT NULL;

-- From now on each function has one file in `functions/`, applied after the
-- numbered migrations when its version is newer than the one in force;
-- `pv_functions` remembers which version (and text) is in force. The
-- functions that read the old columns go now.
CREATE TABLE pv_functions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    sha256  BYTEA NOT NULL
);
DROP FUNCTION pv_create_and_send;
DROP FUNCTION pv_resend_and_send;
DROP FUNCTION pv_admit;
