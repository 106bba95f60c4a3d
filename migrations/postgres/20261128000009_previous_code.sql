-- A late text still works (issue 15): a resend keeps the previous code's
-- hash and expiry beside the new one, and a check may match either (at most
-- the two latest codes; attempts shared; one approval).
ALTER TABLE verifications ADD COLUMN prev_code_hash BYTEA;
ALTER TABLE verifications ADD COLUMN prev_expires_at TIMESTAMPTZ;
-- The number a host app supplied to its flow (shown by its last digits).
ALTER TABLE flows ADD COLUMN phone_hint TEXT;

-- A new code for a pending verification: as before, and the code it
-- replaces keeps working until its own expiry.
DROP FUNCTION pv_resend_and_send(UUID, BYTEA, TIMESTAMPTZ, TIMESTAMPTZ, TEXT, TIMESTAMPTZ,
    TIMESTAMPTZ, TIMESTAMPTZ, INTEGER, INTEGER, TEXT, TEXT, TIMESTAMPTZ, BOOLEAN, INTEGER, INTEGER,
    INTEGER, INTEGER, SMALLINT, TIMESTAMPTZ, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, TIMESTAMPTZ);
CREATE FUNCTION pv_resend_and_send(
    p_id UUID, p_code_hash BYTEA, p_expires_at TIMESTAMPTZ, p_now TIMESTAMPTZ,
    p_network TEXT, p_record_until TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
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
