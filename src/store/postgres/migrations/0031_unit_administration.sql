-- Units administered in the product (issue 23): an external id that import files and identity
-- management key on, how to reach the unit, and the days it is active. A unit is never deleted,
-- only closed (active_to set): history and the audit log keep pointing at it.
ALTER TABLE units ADD COLUMN external_id TEXT;
ALTER TABLE units ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN active_from TEXT;
ALTER TABLE units ADD COLUMN active_to TEXT;
CREATE UNIQUE INDEX units_by_external_id ON units (organisation_id, external_id) WHERE external_id IS NOT NULL;

-- Every server keeps units by id (store/sql/unit_cache.hpp); a change to any unit raises the
-- generation in the same transaction, so a copy kept under an older generation is never used.
-- Triggers, not the repository: an import or a data migration cannot forget it.
CREATE TABLE unit_generation (
    only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
    generation BIGINT NOT NULL
);
INSERT INTO unit_generation (only_row, generation) VALUES (1, 1);
CREATE FUNCTION raise_unit_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE unit_generation SET generation = generation + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER units_changed AFTER INSERT OR UPDATE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION raise_unit_generation();

-- Each organisation keys its own staff by the id its HR system or identity management gives them
-- (import files, SCIM): two municipalities may both have an employee 1234.
CREATE TABLE staff_external_ids (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    external_id     TEXT NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (organisation_id, external_id)
);
CREATE UNIQUE INDEX staff_external_ids_one_per_user ON staff_external_ids (organisation_id, user_id);
