-- The current definition of `pv_grant`, and its only home: `PgStore::migrate`
-- applies it after the numbered migrations when its version (in
-- `storage/postgres/mod.rs`, `FUNCTIONS`) is newer than the one the
-- database has (`pv_functions`), so an older instance never puts an older
-- text back. Change a function here and raise its version (a test holds
-- each text to its version). A change of its arguments or result columns
-- also needs a numbered migration that drops the old one, and a new name if
-- instances of the old version still call it.
--
-- A grant of the hour's global budget to one instance: at most p_grant_max
-- sends and 1/p_grant_divisor of what is left, at least one; NULL when the
-- budget is spent. `sent` counts every unit granted to any instance.
CREATE OR REPLACE FUNCTION pv_grant(p_hour TIMESTAMPTZ, p_budget INTEGER, p_first_grant INTEGER,
                         p_grant_max INTEGER, p_grant_divisor INTEGER) RETURNS INTEGER
LANGUAGE sql VOLATILE AS $$
    INSERT INTO sms_budget AS b (hour, sent, granted) VALUES (p_hour, p_first_grant, p_first_grant)
    ON CONFLICT (hour) DO UPDATE
       SET sent = b.sent + GREATEST(1, LEAST(p_grant_max, (p_budget - b.sent) / p_grant_divisor)),
           granted = GREATEST(1, LEAST(p_grant_max, (p_budget - b.sent) / p_grant_divisor))
     WHERE b.sent < p_budget
    RETURNING b.granted
$$;
