-- pgbench: exactly the statements phone-verify issues for one API create on
-- PostgreSQL (pumping guard off as in the app run: no block/stat reads), with
-- the same parameters. The app adds the HTTP, JSON, HMAC and SMS outbox work.
\set n random(1000000, 9999999)
\set id random(1, 9000000000000000000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('+1415' || :n, 0));
SELECT max(sent_at) FILTER (WHERE delivered AND sent_at > now() - interval '0 s'), count(*) FILTER (WHERE sent_at > now() - interval '1 hour'), min(sent_at) FILTER (WHERE sent_at > now() - interval '1 hour') FROM sms_sends WHERE phone = '+1415' || :n AND sent_at > LEAST(now() - interval '0 s', now() - interval '1 hour');
INSERT INTO sms_budget (hour, sent) VALUES (date_trunc('hour', now()), 1) ON CONFLICT (hour) DO UPDATE SET sent = sms_budget.sent + 1 WHERE sms_budget.sent < 10000000 RETURNING sent;
UPDATE verifications SET status = 'canceled', updated_at = now() WHERE phone = '+1415' || :n AND status = 'pending' RETURNING attempts_left;
INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at) VALUES (gen_random_uuid(), '+1415' || :n, '\x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20', 'pending', 5, 'en', now(), now(), now(), now() + interval '5 minutes') RETURNING id, phone, code_hash, status, attempts_left, locale, created_at, last_sent_at, expires_at;
INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country) VALUES ('+1415' || :n, gen_random_uuid(), now(), TRUE, now() + interval '1 hour', '+1415', 'US');
COMMIT;
INSERT INTO stats_hourly (hour, country, kind, count) VALUES (date_trunc('hour', now()), 'US', 'sent', 1) ON CONFLICT (hour, country, kind) DO UPDATE SET count = stats_hourly.count + 1;
