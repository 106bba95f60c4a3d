-- A verification keeps its number's country (see the PostgreSQL migration).
ALTER TABLE verifications ADD COLUMN country TEXT NOT NULL DEFAULT '';
