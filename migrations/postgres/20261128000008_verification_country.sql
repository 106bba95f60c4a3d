-- Tidy (issue 14): a verification keeps its number's country (ISO code, or
-- +calling code for numbers of no country), so nothing re-parses the stored
-- number only to find it.
ALTER TABLE verifications ADD COLUMN country TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION pv_create_and_send(
    p_id UUID, p_phone TEXT, p_code_hash BYTEA, p_max_attempts INTEGER, p_locale TEXT,
    p_now TIMESTAMPTZ, p_expires_at TIMESTAMPTZ, p_tenant TEXT, p_network TEXT, p_record_until TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
    OUT refusal TEXT, OUT retry_at TIMESTAMPTZ, OUT granted INTEGER, OUT attempts_left INTEGER,
    OUT block_scope TEXT, OUT block_rule TEXT, OUT block_sends BIGINT, OUT block_verified BIGINT,
    OUT block_networks BIGINT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    a RECORD;
    attempts INTEGER;
BEGIN
    SELECT * INTO a FROM pv_admit(p_phone, p_now, p_cooldown_start, p_window_start, p_limit, p_guess_budget,
        p_prefix, p_country, p_hour, p_need_grant, p_budget, p_first_grant, p_grant_max, p_grant_divisor,
        p_guard, p_pump_since, p_prefix_min, p_country_min, p_percent, p_prefix_networks, p_country_networks,
        p_block_until);
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
     WHERE v.phone = p_phone AND v.status = 'pending';
    attempts := LEAST(p_max_attempts, p_guess_budget - a.guessed, COALESCE(a.carried, p_max_attempts));
    INSERT INTO verifications (id, phone, country, code_hash, status, attempts_left, locale, created_at,
                               updated_at, last_sent_at, expires_at, tenant)
    VALUES (p_id, p_phone, p_country, p_code_hash, 'pending', attempts, p_locale, p_now, p_now, p_now,
            p_expires_at, p_tenant);
    INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country, network)
    VALUES (p_phone, p_id, p_now, TRUE, p_record_until, p_prefix, p_country, p_network);
    -- The operator page's counter, on this connection's shard (PgStore's SHARD).
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
    attempts_left := attempts;
END
$$;

