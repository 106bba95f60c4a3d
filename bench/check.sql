-- pgbench: the statements of one right-code check (the read, then the one
-- conditional UPDATE that approves and marks the sends, then the hourly
-- counter), on a verification inserted first so each check has its own row.
\set n random(1, 1000000000000)
INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at) VALUES (md5(:n || '-' || :client_id)::uuid, '+1628' || :n, '\x01', 'pending', 5, 'en', now(), now(), now(), now() + interval '5 minutes') ON CONFLICT DO NOTHING;
SELECT id, phone, code_hash, status, attempts_left, locale, created_at, last_sent_at, expires_at FROM verifications WHERE id = md5(:n || '-' || :client_id)::uuid;
WITH checked AS (UPDATE verifications SET status = CASE WHEN TRUE THEN 'approved' WHEN attempts_left <= 1 THEN 'max_attempts_reached' ELSE 'pending' END, attempts_left = CASE WHEN TRUE THEN attempts_left ELSE attempts_left - 1 END, updated_at = now() WHERE id = md5(:n || '-' || :client_id)::uuid AND status = 'pending' AND expires_at > now() AND attempts_left > 0 AND code_hash = '\x01' RETURNING id, phone, code_hash, status, attempts_left, locale, created_at, last_sent_at, expires_at), marked AS (UPDATE sms_sends SET verified = TRUE WHERE verification_id = (SELECT id FROM checked WHERE status = 'approved')) SELECT * FROM checked;
INSERT INTO stats_hourly (hour, country, kind, shard, count) VALUES (date_trunc('hour', now()), 'US', 'approved', pg_backend_pid() % 64, 1) ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
