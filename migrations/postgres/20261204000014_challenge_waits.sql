-- The wait that stands in for the proof-of-work check in a browser without
-- JavaScript (issue 25): the waited sends a client address made in its
-- current window (`used`, until `window_ends`), so each address gets only
-- BOT_CHALLENGE_WAIT_PER_HOUR of them across every instance. `address` is
-- a keyed hash of the address (IPv4, or IPv6 /64), never the address.
-- A pass's nonce, once used, goes to challenges_spent like a challenge's.
CREATE TABLE challenge_waits (
    address TEXT PRIMARY KEY,
    window_ends TIMESTAMPTZ NOT NULL,
    used INTEGER NOT NULL
);
CREATE INDEX challenge_waits_window_ends ON challenge_waits (window_ends);
