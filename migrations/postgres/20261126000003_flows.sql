-- Embedded (client) flows: their state travels in the page as an
-- unguessable id, so they work without a (third-party) cookie.
CREATE TABLE flows (
    id              TEXT PRIMARY KEY,
    client_id       TEXT NOT NULL,
    return_to       TEXT NOT NULL,
    state           TEXT,
    embed           BOOLEAN NOT NULL,
    lang            TEXT NOT NULL,
    csrf            TEXT NOT NULL,
    verification_id UUID,
    verified_phone  TEXT,
    token           TEXT,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX flows_expires_at ON flows (expires_at);
