-- Pumping defense: who each send went to, at the prefix and country level,
-- and whether its verification was approved.
ALTER TABLE sms_sends ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE sms_sends ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE sms_sends ADD COLUMN verified BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX sms_sends_prefix_sent_at ON sms_sends (prefix, sent_at);
CREATE INDEX sms_sends_country_sent_at ON sms_sends (country, sent_at);

-- Sends blocked (or, in monitor mode, flagged) by the pumping breaker.
CREATE TABLE send_blocks (
    scope      TEXT PRIMARY KEY,        -- 'prefix:+447700' or 'country:GB'
    rule       TEXT NOT NULL,
    sends      BIGINT NOT NULL,
    verified   BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

-- The global SMS budget, one counter per clock hour, shared by all instances.
CREATE TABLE sms_budget (
    hour TIMESTAMPTZ PRIMARY KEY,
    sent INTEGER NOT NULL
);
