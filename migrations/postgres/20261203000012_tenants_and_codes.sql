-- Tenants, not keys (issue 22): a start replaces only a pending
-- verification of the same tenant (the pages are one tenant of their own,
-- NULL); the per-number limits stay shared by every tenant.
-- Any text works: every code texted for a verification stays good until its
-- own expiry. `older_codes` packs the replaced codes, 40 bytes each: the
-- 32-byte HMAC, then the expiry in milliseconds since the epoch as a
-- big-endian int8 (`domain::OlderCodes` reads the same layout). A code
-- sent again (a test number's fixed code) is not kept twice.
-- Twilio's `Tags` are kept as sent (a JSON object).
ALTER TABLE verifications ADD COLUMN older_codes BYTEA;
ALTER TABLE verifications ADD COLUMN tags TEXT;
UPDATE verifications
   SET older_codes = prev_code_hash || int8send(floor(extract(epoch FROM prev_expires_at) * 1000)::bigint)
 WHERE prev_code_hash IS NOT NULL AND prev_expires_at IS NOT NULL;

DROP INDEX verifications_one_pending;
CREATE UNIQUE INDEX verifications_one_pending ON verifications (phone, COALESCE(tenant, ''))
    WHERE status = 'pending';
-- Verifications whose attempts are used up, by number: a Twilio check by
-- number answers them with 60202. Only such rows are in it.
CREATE INDEX verifications_used_up ON verifications (phone) WHERE status = 'max_attempts_reached';

-- The entries of `p_codes` still good at `p_now`.
CREATE FUNCTION pv_live_codes(p_codes BYTEA, p_now TIMESTAMPTZ) RETURNS BYTEA
LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(string_agg(substr(p_codes, i, 40), ''::bytea ORDER BY i), ''::bytea)
      FROM generate_series(1, COALESCE(length(p_codes), 0), 40) AS i
     WHERE ('x' || encode(substr(p_codes, i + 32, 8), 'hex'))::bit(64)::bigint
           > floor(extract(epoch FROM p_now) * 1000)::bigint
$$;

DROP FUNCTION pv_create_and_send;
DROP FUNCTION pv_resend_and_send;

CREATE FUNCTION pv_create_and_send(
    p_id UUID, p_phone TEXT, p_code_hash BYTEA, p_max_attempts INTEGER, p_locale TEXT,
    p_now TIMESTAMPTZ, p_expires_at TIMESTAMPTZ, p_tenant TEXT, p_client TEXT, p_network TEXT,
    p_record_until TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
    p_proof SMALLINT, p_challenge_percent INTEGER, p_events BOOLEAN, p_tags TEXT,
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
     WHERE v.phone = p_phone AND v.status = 'pending' AND v.tenant IS NOT DISTINCT FROM p_tenant
    RETURNING v.id, v.phone, v.country, v.client, v.tenant, v.attempts_left INTO replaced;
    IF p_events AND replaced.id IS NOT NULL THEN
        INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
        VALUES ('verification.canceled', replaced.id, replaced.phone, replaced.country, replaced.client,
                replaced.tenant, 'canceled', p_now);
    END IF;
    attempts := LEAST(p_max_attempts, p_guess_budget - a.guessed, COALESCE(replaced.attempts_left, p_max_attempts));
    INSERT INTO verifications (id, phone, country, code_hash, status, attempts_left, locale, created_at,
                               updated_at, last_sent_at, expires_at, tenant, client, tags)
    VALUES (p_id, p_phone, p_country, p_code_hash, 'pending', attempts, p_locale, p_now, p_now, p_now,
            p_expires_at, p_tenant, p_client, p_tags);
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
    OUT older_codes BYTEA, OUT tags TEXT)
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
       SET older_codes = CASE WHEN v.code_hash = p_code_hash THEN pv_live_codes(v.older_codes, p_now)
                              ELSE pv_live_codes(v.older_codes, p_now) || v.code_hash
                                   || int8send(floor(extract(epoch FROM v.expires_at) * 1000)::bigint) END,
           code_hash = p_code_hash, expires_at = p_expires_at, last_sent_at = p_now, updated_at = p_now
     WHERE v.id = p_id AND v.status = 'pending'
    RETURNING v.attempts_left, v.locale, v.created_at, v.tenant, v.older_codes, v.tags
         INTO attempts_left, locale, created_at, tenant, older_codes, tags;
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

ALTER TABLE verifications DROP COLUMN prev_code_hash;
ALTER TABLE verifications DROP COLUMN prev_expires_at;
