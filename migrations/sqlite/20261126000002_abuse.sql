ALTER TABLE sms_sends ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE sms_sends ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE sms_sends ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sms_sends_prefix_sent_at ON sms_sends (prefix, sent_at);
CREATE INDEX sms_sends_country_sent_at ON sms_sends (country, sent_at);

CREATE TABLE send_blocks (
    scope      TEXT PRIMARY KEY NOT NULL,
    rule       TEXT NOT NULL,
    sends      INTEGER NOT NULL,
    verified   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sms_budget (
    hour INTEGER PRIMARY KEY NOT NULL,
    sent INTEGER NOT NULL
) STRICT;
