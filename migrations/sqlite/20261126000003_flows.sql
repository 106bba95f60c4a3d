CREATE TABLE flows (
    id              TEXT PRIMARY KEY NOT NULL,
    client_id       TEXT NOT NULL,
    return_to       TEXT NOT NULL,
    state           TEXT,
    embed           INTEGER NOT NULL,
    lang            TEXT NOT NULL,
    csrf            TEXT NOT NULL,
    verification_id TEXT,
    verified_phone  TEXT,
    token           TEXT,
    expires_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX flows_expires_at ON flows (expires_at);
