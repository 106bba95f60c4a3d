-- Webhooks (issue 18): a transactional outbox. Each state change a webhook
-- reports writes its event in the same transaction (when webhooks are
-- configured: p_events); the delivery workers turn events into one
-- delivery per endpoint and send them, at least once.
ALTER TABLE verifications ADD COLUMN client TEXT;
-- The expiry a `verification.expired` event was written for (a resend sets
-- a new expiry, which is reported again when it passes).
ALTER TABLE verifications ADD COLUMN expiry_reported TIMESTAMPTZ;

CREATE TABLE webhook_events (
    id BIGSERIAL PRIMARY KEY,
    type TEXT NOT NULL,
    verification_id UUID,
    phone TEXT,
    country TEXT NOT NULL DEFAULT '',
    client TEXT,
    api_key TEXT,
    status TEXT,
    detail TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_deliveries (
    id BIGSERIAL PRIMARY KEY,
    msg_id TEXT NOT NULL UNIQUE,
    endpoint TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint, status, created_at);
CREATE INDEX webhook_deliveries_updated ON webhook_deliveries (updated_at) WHERE status <> 'pending';
CREATE INDEX webhook_deliveries_pending_age ON webhook_deliveries (created_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_failed ON webhook_deliveries (updated_at) WHERE status = 'failed';

DROP FUNCTION pv_create_and_send(UUID, TEXT, BYTEA, INTEGER, TEXT, TIMESTAMPTZ, TIMESTAMPTZ, TEXT, TEXT,
    TIMESTAMPTZ, TIMESTAMPTZ, TIMESTAMPTZ, INTEGER, INTEGER, TEXT, TEXT, TIMESTAMPTZ, BOOLEAN, INTEGER,
    INTEGER, INTEGER, INTEGER, SMALLINT, TIMESTAMPTZ, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, TIMESTAMPTZ,
    SMALLINT, INTEGER);
DROP FUNCTION pv_resend_and_send(UUID, BYTEA, TIMESTAMPTZ, TIMESTAMPTZ, TEXT, TIMESTAMPTZ,
    TIMESTAMPTZ, TIMESTAMPTZ, INTEGER, INTEGER, TEXT, TEXT, TIMESTAMPTZ, BOOLEAN, INTEGER, INTEGER,
    INTEGER, INTEGER, SMALLINT, TIMESTAMPTZ, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, TIMESTAMPTZ,
    SMALLINT, INTEGER);
DROP FUNCTION pv_admit(TEXT, TIMESTAMPTZ, TIMESTAMPTZ, TIMESTAMPTZ, INTEGER, INTEGER, TEXT, TEXT,
    TIMESTAMPTZ, BOOLEAN, INTEGER, INTEGER, INTEGER, INTEGER, SMALLINT, TIMESTAMPTZ, INTEGER, INTEGER,
    INTEGER, INTEGER, INTEGER, TIMESTAMPTZ, SMALLINT, INTEGER);

CREATE FUNCTION pv_admit(
    p_phone TEXT, p_now TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
    p_proof SMALLINT, p_challenge_percent INTEGER, p_events BOOLEAN,
    OUT refusal TEXT, OUT retry_at TIMESTAMPTZ, OUT carried INTEGER, OUT guessed INTEGER,
    OUT granted INTEGER, OUT block_scope TEXT, OUT block_rule TEXT, OUT block_sends BIGINT,
    OUT block_verified BIGINT, OUT block_networks BIGINT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    oldest_guess TIMESTAMPTZ;
    last_delivered TIMESTAMPTZ;
    sends BIGINT;
    oldest TIMESTAMPTZ;
    in_force TIMESTAMPTZ;
    total BIGINT;
    confirmed BIGINT;
    nets BIGINT;
    recorded INTEGER;
    spent INTEGER;
    flagged_since TIMESTAMPTZ;
    since_flag BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_phone, 0));
    SELECT v.attempts_left INTO carried FROM verifications v
     WHERE v.phone = p_phone AND v.status = 'pending' FOR UPDATE;

    SELECT count(*), min(g.at) INTO guessed, oldest_guess FROM guesses g
     WHERE g.phone = p_phone AND g.at > p_window_start;
    IF guessed >= p_guess_budget THEN
        refusal := 'guesses';
        retry_at := oldest_guess + (p_now - p_window_start);
        RETURN;
    END IF;

    SELECT max(s.sent_at) FILTER (WHERE s.delivered AND s.sent_at > p_cooldown_start),
           count(*) FILTER (WHERE s.sent_at > p_window_start),
           min(s.sent_at) FILTER (WHERE s.sent_at > p_window_start)
      INTO last_delivered, sends, oldest
      FROM sms_sends s
     WHERE s.phone = p_phone AND s.sent_at > LEAST(p_cooldown_start, p_window_start);
    IF sends >= p_limit THEN
        refusal := 'quota';
        retry_at := oldest + (p_now - p_window_start);
        RETURN;
    END IF;
    IF last_delivered IS NOT NULL THEN
        refusal := 'cooldown';
        retry_at := last_delivered + (p_now - p_cooldown_start);
        RETURN;
    END IF;

    -- The pumping breaker (p_guard: 0 off, 1 flag only, 2 refuse).
    IF p_guard > 0 THEN
        PERFORM pg_advisory_xact_lock(hashtextextended('pumping:' || p_prefix, 0));
        SELECT max(b.expires_at), min(b.created_at) INTO in_force, flagged_since FROM send_blocks b
         WHERE b.scope IN ('prefix:' || p_prefix, 'country:' || p_country) AND b.expires_at > p_now;
        IF in_force IS NOT NULL THEN
            IF p_guard = 2 THEN
                refusal := 'pumping';
                retry_at := in_force;
                RETURN;
            ELSIF p_guard = 3 THEN
                -- Even with proofs, a flagged prefix takes at most
                -- p_prefix_min more texts until the flag ends; until then
                -- each needs a raised challenge.
                SELECT count(*) INTO since_flag FROM sms_sends s
                 WHERE s.prefix = p_prefix AND s.sent_at > flagged_since;
                IF since_flag >= p_prefix_min THEN
                    refusal := 'pumping';
                    retry_at := in_force;
                    RETURN;
                ELSIF p_proof < 2 THEN
                    refusal := 'challenge_pumping';
                    retry_at := p_now;
                    RETURN;
                END IF;
            END IF;
        ELSE
            SELECT count(*), count(*) FILTER (WHERE s.verified) INTO total, confirmed
              FROM sms_sends s WHERE s.prefix = p_prefix AND s.sent_at > p_pump_since;
            IF total - confirmed >= p_prefix_min AND (total - confirmed) * 100 >= p_percent * total THEN
                SELECT count(*) INTO nets FROM (
                    SELECT DISTINCT COALESCE(s.network, 'send:' || s.id) FROM sms_sends s
                     WHERE s.prefix = p_prefix AND s.sent_at > p_pump_since AND NOT s.verified
                     LIMIT p_prefix_networks) n;
                IF nets >= p_prefix_networks THEN
                    block_scope := 'prefix:' || p_prefix;
                    block_rule := 'prefix_unverified';
                END IF;
            END IF;
            IF block_scope IS NULL THEN
                SELECT count(*), count(*) FILTER (WHERE s.verified) INTO total, confirmed
                  FROM sms_sends s WHERE s.country = p_country AND s.sent_at > p_pump_since;
                IF total - confirmed >= p_country_min AND (total - confirmed) * 100 >= p_percent * total THEN
                    SELECT count(*) INTO nets FROM (
                        SELECT DISTINCT COALESCE(s.network, 'send:' || s.id) FROM sms_sends s
                         WHERE s.country = p_country AND s.sent_at > p_pump_since AND NOT s.verified
                         LIMIT p_country_networks) n;
                    IF nets >= p_country_networks THEN
                        block_scope := 'country:' || p_country;
                        block_rule := 'country_unverified';
                    END IF;
                END IF;
            END IF;
            IF block_scope IS NOT NULL THEN
                INSERT INTO send_blocks AS b (scope, rule, sends, verified, networks, created_at, expires_at)
                VALUES (block_scope, block_rule, total, confirmed, nets, p_now, p_block_until)
                ON CONFLICT (scope) DO UPDATE
                   SET rule = EXCLUDED.rule, sends = EXCLUDED.sends, verified = EXCLUDED.verified,
                       networks = EXCLUDED.networks, created_at = EXCLUDED.created_at,
                       expires_at = EXCLUDED.expires_at
                 WHERE b.expires_at <= p_now;
                GET DIAGNOSTICS recorded = ROW_COUNT;
                IF recorded = 1 THEN
                    block_sends := total;
                    block_verified := confirmed;
                    block_networks := nets;
                    IF p_events THEN
                        INSERT INTO webhook_events (type, country, detail, occurred_at)
                        VALUES ('pumping.flagged', p_country,
                                jsonb_build_object('scope', block_scope, 'rule', block_rule, 'sends', total,
                                                   'verified', confirmed, 'networks', nets,
                                                   'until', to_char(p_block_until AT TIME ZONE 'UTC',
                                                                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
                                p_now);
                    END IF;
                ELSE
                    block_scope := NULL;
                    block_rule := NULL;
                END IF;
                IF p_guard = 2 THEN
                    refusal := 'pumping';
                    retry_at := p_block_until;
                    RETURN;
                ELSIF p_guard = 3 AND p_proof < 2 THEN
                    refusal := 'challenge_pumping';
                    retry_at := p_now;
                    RETURN;
                END IF;
            END IF;
        END IF;
    END IF;

    -- Adaptive challenge: past this share of the hour's budget (as granted
    -- to the instances), a send needs a solved challenge.
    IF p_challenge_percent > 0 AND p_proof < 1 THEN
        SELECT b.sent INTO spent FROM sms_budget b WHERE b.hour = p_hour;
        -- (Once the budget is gone and a grant is needed, the refusal is
        -- the budget's: no check would help.)
        IF COALESCE(spent, 0)::BIGINT * 100 >= p_challenge_percent::BIGINT * p_budget
           AND NOT (p_need_grant AND COALESCE(spent, 0) >= p_budget) THEN
            refusal := 'challenge_budget';
            retry_at := p_now;
            RETURN;
        END IF;
    END IF;

    granted := 0;
    IF p_need_grant THEN
        granted := pv_grant(p_hour, p_budget, p_first_grant, p_grant_max, p_grant_divisor);
        IF granted IS NULL THEN
            refusal := 'budget';
            retry_at := p_hour + interval '1 hour';
            RETURN;
        END IF;
    END IF;
END
$$;

CREATE FUNCTION pv_create_and_send(
    p_id UUID, p_phone TEXT, p_code_hash BYTEA, p_max_attempts INTEGER, p_locale TEXT,
    p_now TIMESTAMPTZ, p_expires_at TIMESTAMPTZ, p_tenant TEXT, p_client TEXT, p_network TEXT,
    p_record_until TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
    p_proof SMALLINT, p_challenge_percent INTEGER, p_events BOOLEAN,
    OUT refusal TEXT, OUT retry_at TIMESTAMPTZ, OUT granted INTEGER, OUT attempts_left INTEGER,
    OUT block_scope TEXT, OUT block_rule TEXT, OUT block_sends BIGINT, OUT block_verified BIGINT,
    OUT block_networks BIGINT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    a RECORD;
    attempts INTEGER;
    replaced RECORD;
BEGIN
    SELECT * INTO a FROM pv_admit(p_phone, p_now, p_cooldown_start, p_window_start, p_limit, p_guess_budget,
        p_prefix, p_country, p_hour, p_need_grant, p_budget, p_first_grant, p_grant_max, p_grant_divisor,
        p_guard, p_pump_since, p_prefix_min, p_country_min, p_percent, p_prefix_networks, p_country_networks,
        p_block_until, p_proof, p_challenge_percent, p_events);
    refusal := a.refusal;
    retry_at := a.retry_at;
    granted := a.granted;
    block_scope := a.block_scope;
    block_rule := a.block_rule;
    block_sends := a.block_sends;
    block_verified := a.block_verified;
    block_networks := a.block_networks;
    IF refusal IS NOT NULL THEN
        RETURN;
    END IF;
    UPDATE verifications v SET status = 'canceled', updated_at = p_now
     WHERE v.phone = p_phone AND v.status = 'pending'
    RETURNING v.id, v.phone, v.country, v.client, v.tenant INTO replaced;
    IF p_events AND replaced.id IS NOT NULL THEN
        INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
        VALUES ('verification.canceled', replaced.id, replaced.phone, replaced.country, replaced.client,
                replaced.tenant, 'canceled', p_now);
    END IF;
    attempts := LEAST(p_max_attempts, p_guess_budget - a.guessed, COALESCE(a.carried, p_max_attempts));
    INSERT INTO verifications (id, phone, country, code_hash, status, attempts_left, locale, created_at,
                               updated_at, last_sent_at, expires_at, tenant, client)
    VALUES (p_id, p_phone, p_country, p_code_hash, 'pending', attempts, p_locale, p_now, p_now, p_now,
            p_expires_at, p_tenant, p_client);
    IF p_events THEN
        INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
        VALUES ('verification.started', p_id, p_phone, p_country, p_client, p_tenant, 'pending', p_now);
    END IF;
    INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country, network)
    VALUES (p_phone, p_id, p_now, TRUE, p_record_until, p_prefix, p_country, p_network);
    -- The operator page's counter, on this connection's shard (PgStore's SHARD).
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
    attempts_left := attempts;
END
$$;

CREATE FUNCTION pv_resend_and_send(
    p_id UUID, p_code_hash BYTEA, p_expires_at TIMESTAMPTZ, p_now TIMESTAMPTZ,
    p_network TEXT, p_record_until TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
    p_proof SMALLINT, p_challenge_percent INTEGER, p_events BOOLEAN,
    OUT refusal TEXT, OUT retry_at TIMESTAMPTZ, OUT granted INTEGER,
    OUT block_scope TEXT, OUT block_rule TEXT, OUT block_sends BIGINT, OUT block_verified BIGINT,
    OUT block_networks BIGINT,
    OUT phone TEXT, OUT attempts_left INTEGER, OUT locale TEXT, OUT created_at TIMESTAMPTZ, OUT tenant TEXT,
    OUT prev_code_hash BYTEA, OUT prev_expires_at TIMESTAMPTZ)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    a RECORD;
BEGIN
    SELECT v.phone INTO phone FROM verifications v WHERE v.id = p_id AND v.status = 'pending';
    IF phone IS NULL THEN
        refusal := 'not_pending';
        RETURN;
    END IF;
    SELECT * INTO a FROM pv_admit(phone, p_now, p_cooldown_start, p_window_start, p_limit, p_guess_budget,
        p_prefix, p_country, p_hour, p_need_grant, p_budget, p_first_grant, p_grant_max, p_grant_divisor,
        p_guard, p_pump_since, p_prefix_min, p_country_min, p_percent, p_prefix_networks, p_country_networks,
        p_block_until, p_proof, p_challenge_percent, p_events);
    refusal := a.refusal;
    retry_at := a.retry_at;
    granted := a.granted;
    block_scope := a.block_scope;
    block_rule := a.block_rule;
    block_sends := a.block_sends;
    block_verified := a.block_verified;
    block_networks := a.block_networks;
    IF refusal IS NOT NULL THEN
        RETURN;
    END IF;
    UPDATE verifications v
       SET prev_code_hash = v.code_hash, prev_expires_at = v.expires_at,
           code_hash = p_code_hash, expires_at = p_expires_at, last_sent_at = p_now, updated_at = p_now
     WHERE v.id = p_id AND v.status = 'pending'
    RETURNING v.attempts_left, v.locale, v.created_at, v.tenant, v.prev_code_hash, v.prev_expires_at
         INTO attempts_left, locale, created_at, tenant, prev_code_hash, prev_expires_at;
    IF NOT FOUND THEN
        -- Ended while this call waited for the number's lock; the grant is lost.
        refusal := 'not_pending';
        RETURN;
    END IF;
    INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country, network)
    VALUES (phone, p_id, p_now, TRUE, p_record_until, p_prefix, p_country, p_network);
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
END
$$;
