CREATE TABLE stats_hourly (
    hour    INTEGER NOT NULL,
    country TEXT NOT NULL,
    kind    TEXT NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (hour, country, kind)
) STRICT;
