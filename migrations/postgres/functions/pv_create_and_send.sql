-- The current definition of `pv_create_and_send`, and its only home: `PgStore::migrate`
-- applies it after the numbered migrations when its version (in
-- `storage/postgres/mod.rs`, `FUNCTIONS`) is newer than the one the
-- database has (`pv_functions`), so an older instance never puts an older
-- text back. Change a function here and raise its version (a test holds
-- each text to its version). A change of its arguments or result columns
-- also needs a numbered migration that drops the old one, and a new name if
-- instances of the old version still call it.
--
-- A new verification with its send, in one round trip: pv_admit, then the
-- same tenant's pending verification of the number canceled (its attempts
-- carried over), the new one inserted, the send logged under the number's
-- key and the operator page's counter. Called as a single statement, it runs
-- in that statement's transaction, so the advisory lock is held until the
-- commit. Refused: attempts_left is NULL and `refusal` says why.
CREATE OR REPLACE FUNCTION pv_create_and_send(
    p_id UUID, p_phone TEXT, p_code_hash BYTEA, p_max_attempts INTEGER, p_locale TEXT,
    p_now TIMESTAMPTZ, p_expires_at TIMESTAMPTZ, p_tenant TEXT, p_client TEXT, p_network TEXT,
    p_record_until TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
    p_proof SMALLINT, p_challenge_percent INTEGER, p_events BOOLEAN, p_tags TEXT, p_phone_key BYTEA,
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
    SELECT * INTO a FROM pv_admit(p_phone, p_phone_key, p_now, p_cooldown_start, p_window_start, p_limit, p_guess_budget,
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
                               updated_at, last_sent_at, expires_at, tenant, client, tags, phone_key)
    VALUES (p_id, p_phone, p_country, p_code_hash, 'pending', attempts, p_locale, p_now, p_now, p_now,
            p_expires_at, p_tenant, p_client, p_tags, p_phone_key);
    IF p_events THEN
        INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
        VALUES ('verification.started', p_id, p_phone, p_country, p_client, p_tenant, 'pending', p_now);
    END IF;
    INSERT INTO sms_sends (phone_key, verification_id, sent_at, delivered, expires_at, prefix, country, network)
    VALUES (p_phone_key, p_id, p_now, TRUE, p_record_until, p_prefix, p_country, p_network);
    -- The operator page's counter, on this connection's shard (PgStore's SHARD).
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
    attempts_left := attempts;
END
$$;
