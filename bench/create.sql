-- pgbench: exactly the statement phone-verify issues for one API create on
-- PostgreSQL (pumping guard off as in the app run; an API send, so no
-- challenge asked), with the same
-- parameters: one call of pv_create_and_send, in its own implicit
-- transaction (lock, pending row, wrong-code budget, gate, writes). The app adds the HTTP, JSON, HMAC and
-- SMS outbox work. No webhooks configured: no outbox event (p_events false). The global budget is reserved in grants of 500 sends (the
-- bench's budget is 10,000,000; see PgStore::take_budget), so one create in
-- 500 asks the function for a grant.
\set n random(1000000, 9999999)
\set grant random(1, 500)
SELECT * FROM pv_create_and_send(gen_random_uuid(), '+1415' || :n, '\x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20', 5, 'en', now(), now() + interval '5 minutes', 'key-bench', NULL, NULL, now() + interval '1 hour', now(), now() - interval '1 hour', 1000, 5, '+1415', 'US', date_trunc('hour', now()), :grant = 1, 10000000, 500, 500, 64, 0::smallint, now(), 0, 0, 0, 0, 0, now(), 0::smallint, 0, false);
