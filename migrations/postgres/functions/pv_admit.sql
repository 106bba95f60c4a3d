-- The current definition of `pv_admit`, and its only home: `PgStore::migrate`
-- applies it after the numbered migrations when its version (in
-- `storage/postgres/mod.rs`, `FUNCTIONS`) is newer than the one the
-- database has (`pv_functions`), so an older instance never puts an older
-- text back. Change a function here and raise its version (a test holds
-- each text to its version). A change of its arguments or result columns
-- also needs a numbered migration that drops the old one, and a new name if
-- instances of the old version still call it.
--
-- The admission of a send to one number, under the number's advisory lock:
-- the wrong-code budget, the quota and cooldown (the send log, keyed by
-- p_phone_key = HMAC(SECRET_KEY, number), `domain::NumberKey`), the pumping
-- breaker, the adaptive challenge and a grant of the global budget.
-- Refused: `refusal` says why and `retry_at` when. Called by
-- pv_create_and_send and pv_resend_and_send in their statement's transaction.
CREATE OR REPLACE FUNCTION pv_admit(
    p_phone TEXT, p_phone_key BYTEA, p_now TIMESTAMPTZ,
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
    IF p_phone_key IS NULL THEN
        -- Without its key no log would count the send: refuse loudly.
        RAISE EXCEPTION 'pv_admit: the number has no key (run the app once to key old rows)';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(p_phone, 0));
    SELECT v.attempts_left INTO carried FROM verifications v
     WHERE v.phone = p_phone AND v.status = 'pending' FOR UPDATE;

    SELECT count(*), min(g.at) INTO guessed, oldest_guess FROM guesses g
     WHERE g.phone_key = p_phone_key AND g.at > p_window_start;
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
     WHERE s.phone_key = p_phone_key AND s.sent_at > LEAST(p_cooldown_start, p_window_start);
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

    -- The pumping breaker (p_guard: 0 off, 1 flag only, 2 refuse, 3 ask a
    -- flagged prefix or country for a raised challenge).
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
