-- Hardening (issue 13): the wrong-guess budget per number, client networks
-- for the pumping breaker, an embedded flow's nonce, API key tenants.
CREATE TABLE guesses (
    phone      TEXT NOT NULL,
    at         INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX guesses_phone_at ON guesses (phone, at);
CREATE INDEX guesses_expires_at ON guesses (expires_at);

ALTER TABLE sms_sends ADD COLUMN network TEXT;
ALTER TABLE send_blocks ADD COLUMN networks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE flows ADD COLUMN nonce TEXT;
ALTER TABLE verifications ADD COLUMN tenant TEXT;
