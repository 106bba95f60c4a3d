-- Hourly counters for the operator page, shared by all instances.
CREATE TABLE stats_hourly (
    hour    TIMESTAMPTZ NOT NULL,
    country TEXT NOT NULL,
    kind    TEXT NOT NULL,         -- sent, approved, refused:<reason>, blocked
    count   BIGINT NOT NULL,
    PRIMARY KEY (hour, country, kind)
);
