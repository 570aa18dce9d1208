-- Organisations of a fifth kind (issue 23): other authorities — Försäkringskassan, Migrationsverket,
-- Kriminalvården and the like.
ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE organisations
    ADD CONSTRAINT organisations_kind_check
    CHECK (kind IN ('municipality', 'region', 'police', 'association', 'other_authority'));
