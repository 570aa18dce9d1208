-- Organisations administered in the product (issue 23): a short stable code (the municipal code,
-- or the organisation number) used in import files and SCIM token files, and deactivation instead
-- of deletion, so history and the audit log keep pointing at the organisation.
ALTER TABLE organisations ADD COLUMN code TEXT;
ALTER TABLE organisations ADD COLUMN active SMALLINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
CREATE UNIQUE INDEX organisations_by_code ON organisations (code) WHERE code IS NOT NULL;
