-- The proof-of-work challenge (issue 16): a challenge's nonce, once used,
-- until the challenge expires (milliseconds since the epoch), so a payload
-- works once across every instance.
CREATE TABLE challenges_spent (
    nonce TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX challenges_spent_expires_at ON challenges_spent (expires_at);
