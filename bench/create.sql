-- pgbench: exactly the statements phone-verify issues for one API create on
-- PostgreSQL (pumping guard off as in the app run: no block/stat reads), with
-- the same parameters. The app adds the HTTP, JSON, HMAC and SMS outbox work.
-- The global budget is reserved in grants of 500 sends (the bench's budget
-- is 10,000,000; see PgStore::take_budget), so one create in 500 takes a grant.
\set n random(1000000, 9999999)
\set grant random(1, 500)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('+1415' || :n, 0));
SELECT max(sent_at) FILTER (WHERE delivered AND sent_at > now() - interval '0 s'), count(*) FILTER (WHERE sent_at > now() - interval '1 hour'), min(sent_at) FILTER (WHERE sent_at > now() - interval '1 hour') FROM sms_sends WHERE phone = '+1415' || :n AND sent_at > LEAST(now() - interval '0 s', now() - interval '1 hour');
\if :grant = 1
INSERT INTO sms_budget AS b (hour, sent, granted) VALUES (date_trunc('hour', now()), 500, 500) ON CONFLICT (hour) DO UPDATE SET sent = b.sent + GREATEST(1, LEAST(500, (10000000 - b.sent) / 64)), granted = GREATEST(1, LEAST(500, (10000000 - b.sent) / 64)) WHERE b.sent < 10000000 RETURNING granted;
\endif
WITH carried AS (UPDATE verifications SET status = 'canceled', updated_at = now() WHERE phone = '+1415' || :n AND status = 'pending' RETURNING attempts_left), created AS (INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at) SELECT gen_random_uuid(), '+1415' || :n, '\x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20', 'pending', LEAST(5, COALESCE(min(attempts_left), 5)), 'en', now(), now(), now(), now() + interval '5 minutes' FROM carried RETURNING id, phone, code_hash, status, attempts_left, locale, created_at, last_sent_at, expires_at), sent AS (INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country) SELECT phone, id, now(), TRUE, now() + interval '1 hour', '+1415', 'US' FROM created), counted AS (INSERT INTO stats_hourly (hour, country, kind, shard, count) VALUES (date_trunc('hour', now()), 'US', 'sent', pg_backend_pid() % 64, 1) ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1) SELECT id, phone, code_hash, status, attempts_left, locale, created_at, last_sent_at, expires_at FROM created;
COMMIT;
