-- The current definition of `pv_live_codes`, and its only home: `PgStore::migrate`
-- applies it after the numbered migrations when its version (in
-- `storage/postgres/mod.rs`, `FUNCTIONS`) is newer than the one the
-- database has (`pv_functions`), so an older instance never puts an older
-- text back. Change a function here and raise its version (a test holds
-- each text to its version). A change of its arguments or result columns
-- also needs a numbered migration that drops the old one, and a new name if
-- instances of the old version still call it.
--
-- The entries of `p_codes` (`older_codes`: 32-byte HMAC, then the expiry in
-- ms since the epoch as a big-endian int8; `domain::OlderCodes`) still good
-- at `p_now`.
CREATE OR REPLACE FUNCTION pv_live_codes(p_codes BYTEA, p_now TIMESTAMPTZ) RETURNS BYTEA
LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(string_agg(substr(p_codes, i, 40), ''::bytea ORDER BY i), ''::bytea)
      FROM generate_series(1, COALESCE(length(p_codes), 0), 40) AS i
     WHERE ('x' || encode(substr(p_codes, i + 32, 8), 'hex'))::bit(64)::bigint
           > floor(extract(epoch FROM p_now) * 1000)::bigint
$$;
