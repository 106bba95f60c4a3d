-- The current definition of `pv_resend_and_send`, and its only home: `PgStore::migrate`
-- applies it after the numbered migrations when its version (in
-- `storage/postgres/mod.rs`, `FUNCTIONS`) is newer than the one the
-- database has (`pv_functions`), so an older instance never puts an older
-- text back. Change a function here and raise its version (a test holds
-- each text to its version). A change of its arguments or result columns
-- also needs a numbered migration that drops the old one, and a new name if
-- instances of the old version still call it.
--
-- A new code for a pending verification, with its send: pv_admit (with the
-- key stored on the verification), the replaced code kept in `older_codes`
-- until its own expiry, the send logged. `not_pending` when it ended.
CREATE OR REPLACE FUNCTION pv_resend_and_send(
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
    key BYTEA;
BEGIN
    SELECT v.phone, v.phone_key INTO phone, key FROM verifications v WHERE v.id = p_id AND v.status = 'pending';
    IF phone IS NULL THEN
        refusal := 'not_pending';
        RETURN;
    END IF;
    SELECT * INTO a FROM pv_admit(phone, key, p_now, p_cooldown_start, p_window_start, p_limit, p_guess_budget,
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
    INSERT INTO sms_sends (phone_key, verification_id, sent_at, delivered, expires_at, prefix, country, network)
    VALUES (key, p_id, p_now, TRUE, p_record_until, p_prefix, p_country, p_network);
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
END
$$;
