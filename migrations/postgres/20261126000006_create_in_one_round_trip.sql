-- A grant of the hour's global budget to one instance: at most p_grant_max
-- sends and 1/p_grant_divisor of what is left, at least one; NULL when the
-- budget is spent. `sent` counts every unit granted to any instance.
CREATE FUNCTION pv_grant(p_hour TIMESTAMPTZ, p_budget INTEGER, p_first_grant INTEGER,
                         p_grant_max INTEGER, p_grant_divisor INTEGER) RETURNS INTEGER
LANGUAGE sql VOLATILE AS $$
    INSERT INTO sms_budget AS b (hour, sent, granted) VALUES (p_hour, p_first_grant, p_first_grant)
    ON CONFLICT (hour) DO UPDATE
       SET sent = b.sent + GREATEST(1, LEAST(p_grant_max, (p_budget - b.sent) / p_grant_divisor)),
           granted = GREATEST(1, LEAST(p_grant_max, (p_budget - b.sent) / p_grant_divisor))
     WHERE b.sent < p_budget
    RETURNING b.granted
$$;

-- A new verification with its send, in one round trip: the number's lock,
-- the per-number gate, a grant of the global budget when the instance has
-- none left (see PgStore::take_budget), and the writes. Called as a single
-- statement, it runs in that statement's transaction, so the advisory lock
-- is held until the commit. It is VOLATILE: each query inside takes a fresh
-- snapshot, so the gate sees every send the lock's previous holder committed.
--
-- Refused: attempts_left is NULL and the gate's figures say why (the app
-- turns them into a cooldown or quota refusal, or else a budget one).
CREATE FUNCTION pv_create_and_send(
    p_id UUID, p_phone TEXT, p_code_hash BYTEA, p_max_attempts INTEGER, p_locale TEXT,
    p_now TIMESTAMPTZ, p_expires_at TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER,
    p_record_until TIMESTAMPTZ, p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER,
    p_grant_max INTEGER, p_grant_divisor INTEGER,
    OUT last_delivered TIMESTAMPTZ, OUT sends BIGINT, OUT oldest TIMESTAMPTZ,
    OUT granted INTEGER, OUT attempts_left INTEGER)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    carried INTEGER;
    attempts INTEGER;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_phone, 0));
    SELECT max(s.sent_at) FILTER (WHERE s.delivered AND s.sent_at > p_cooldown_start),
           count(*) FILTER (WHERE s.sent_at > p_window_start),
           min(s.sent_at) FILTER (WHERE s.sent_at > p_window_start)
      INTO last_delivered, sends, oldest
      FROM sms_sends s
     WHERE s.phone = p_phone AND s.sent_at > LEAST(p_cooldown_start, p_window_start);
    IF sends >= p_limit OR last_delivered IS NOT NULL THEN
        RETURN;
    END IF;

    granted := 0;
    IF p_need_grant THEN
        granted := pv_grant(p_hour, p_budget, p_first_grant, p_grant_max, p_grant_divisor);
        IF granted IS NULL THEN
            RETURN;
        END IF;
    END IF;

    UPDATE verifications v SET status = 'canceled', updated_at = p_now
     WHERE v.phone = p_phone AND v.status = 'pending'
    RETURNING v.attempts_left INTO carried;
    attempts := LEAST(p_max_attempts, COALESCE(carried, p_max_attempts));
    INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at)
    VALUES (p_id, p_phone, p_code_hash, 'pending', attempts, p_locale, p_now, p_now, p_now, p_expires_at);
    INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country)
    VALUES (p_phone, p_id, p_now, TRUE, p_record_until, p_prefix, p_country);
    -- The operator page's counter, on this connection's shard (PgStore's SHARD).
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
    attempts_left := attempts;
END
$$;
