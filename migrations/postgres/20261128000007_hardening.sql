-- Hardening (issue 13): every limit of a send decided in one atomic step.
--
-- * Wrong guesses are budgeted per number across verifications: each wrong
--   check leaves a row in `guesses` (same statement as the check), and a
--   start is refused once the number's window holds the budget.
-- * The pumping breaker counts and decides under a per-prefix lock, in the
--   transaction that records the send, and needs several client networks.
-- * An embedded flow can carry an OpenID-style nonce into its token.
-- * API keys are tenants: a verification remembers which key created it.
CREATE TABLE guesses (
    phone      TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX guesses_phone_at ON guesses (phone, at);
CREATE INDEX guesses_expires_at ON guesses (expires_at);

ALTER TABLE sms_sends ADD COLUMN network TEXT;          -- client network (/24, /48); NULL for the API
ALTER TABLE send_blocks ADD COLUMN networks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE flows ADD COLUMN nonce TEXT;
ALTER TABLE verifications ADD COLUMN tenant TEXT;       -- the API key's name; NULL for the pages

DROP FUNCTION pv_create_and_send(UUID, TEXT, BYTEA, INTEGER, TEXT, TIMESTAMPTZ, TIMESTAMPTZ,
    TIMESTAMPTZ, TIMESTAMPTZ, INTEGER, TIMESTAMPTZ, TEXT, TEXT, TIMESTAMPTZ, BOOLEAN, INTEGER,
    INTEGER, INTEGER, INTEGER);

-- The admission of one send to p_phone, for a new verification and for a
-- resend alike: the number's lock, its pending verification locked (so no
-- check on it runs until the commit), the wrong-guess budget, the quota and
-- cooldown, the pumping breaker and a grant of the global budget. Each
-- query takes a fresh snapshot (VOLATILE, READ COMMITTED), so it sees what
-- the previous holders of these locks committed.
--
-- `refusal` is NULL when the send may go ahead; otherwise one of guesses,
-- quota, cooldown, pumping, budget, with `retry_at`. `block_*` describe a
-- pumping block (or flag) this call recorded, to be announced once.
CREATE FUNCTION pv_admit(
    p_phone TEXT, p_now TIMESTAMPTZ,
    p_cooldown_start TIMESTAMPTZ, p_window_start TIMESTAMPTZ, p_limit INTEGER, p_guess_budget INTEGER,
    p_prefix TEXT, p_country TEXT, p_hour TIMESTAMPTZ,
    p_need_grant BOOLEAN, p_budget INTEGER, p_first_grant INTEGER, p_grant_max INTEGER, p_grant_divisor INTEGER,
    p_guard SMALLINT, p_pump_since TIMESTAMPTZ, p_prefix_min INTEGER, p_country_min INTEGER,
    p_percent INTEGER, p_prefix_networks INTEGER, p_country_networks INTEGER, p_block_until TIMESTAMPTZ,
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
        SELECT max(b.expires_at) INTO in_force FROM send_blocks b
         WHERE b.scope IN ('prefix:' || p_prefix, 'country:' || p_country) AND b.expires_at > p_now;
        IF in_force IS NOT NULL THEN
            IF p_guard = 2 THEN
                refusal := 'pumping';
                retry_at := in_force;
                RETURN;
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
                ELSE
                    block_scope := NULL;
                    block_rule := NULL;
                END IF;
                IF p_guard = 2 THEN
                    refusal := 'pumping';
                    retry_at := p_block_until;
                    RETURN;
                END IF;
            END IF;
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

-- A new verification with its send, in one round trip: the admission
-- above, then the number's pending verification canceled (its attempts
-- carry over), the new one inserted with what is left of the number's
-- wrong-guess budget, and the send recorded with its client network.
CREATE FUNCTION pv_create_and_send(
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
    INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at,
                               last_sent_at, expires_at, tenant)
    VALUES (p_id, p_phone, p_code_hash, 'pending', attempts, p_locale, p_now, p_now, p_now, p_expires_at, p_tenant);
    INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country, network)
    VALUES (p_phone, p_id, p_now, TRUE, p_record_until, p_prefix, p_country, p_network);
    -- The operator page's counter, on this connection's shard (PgStore's SHARD).
    INSERT INTO stats_hourly (hour, country, kind, shard, count)
    VALUES (p_hour, p_country, 'sent', pg_backend_pid() % 64, 1)
    ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1;
    attempts_left := attempts;
END
$$;

-- A new code for a pending verification, with its send, in one round trip:
-- the same admission, then the new code hash and expiry (attempts stay) and
-- the send recorded. `refusal` is 'not_pending' when the verification is
-- no longer pending.
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
    OUT phone TEXT, OUT attempts_left INTEGER, OUT locale TEXT, OUT created_at TIMESTAMPTZ, OUT tenant TEXT)
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
       SET code_hash = p_code_hash, expires_at = p_expires_at, last_sent_at = p_now, updated_at = p_now
     WHERE v.id = p_id AND v.status = 'pending'
    RETURNING v.attempts_left, v.locale, v.created_at, v.tenant INTO attempts_left, locale, created_at, tenant;
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
