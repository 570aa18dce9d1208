-- Barnets bästa-hjulet as versioned data, the coordination holder per child, and signals (oro).

-- The area (municipality) a unit serves, so routing can find "the BVC of the child's area".
-- Empty for units that serve the whole county.
ALTER TABLE units ADD COLUMN area TEXT NOT NULL DEFAULT '';
CREATE INDEX units_by_kind_and_area ON units (kind, area);
CREATE TABLE wheel_catalogue_versions (
    version    INTEGER PRIMARY KEY,
    note       TEXT NOT NULL
) STRICT;

CREATE TABLE wheel_areas (
    version        INTEGER NOT NULL REFERENCES wheel_catalogue_versions (version),
    code           TEXT NOT NULL,
    position       INTEGER NOT NULL,
    label_sv       TEXT NOT NULL,
    label_en       TEXT NOT NULL,
    child_label_sv TEXT NOT NULL,
    description_sv TEXT NOT NULL,
    shanarri       TEXT NOT NULL,
    bbic           TEXT NOT NULL,
    PRIMARY KEY (version, code)
) STRICT;

INSERT INTO wheel_catalogue_versions (version, note) VALUES (1, 'Seed: GIRFEC indicators as used in Kronoberg');
INSERT INTO wheel_areas VALUES
    (1, 'trygg', 1, 'Trygg', 'Safe', 'Jag känner mig trygg', 'Skyddad från vanvård, övergrepp och skada, hemma, i skolan och i samhället.', 'Safe', 'Säkerhet'),
    (1, 'ma_bra', 2, 'Må bra', 'Healthy', 'Jag mår bra', 'God fysisk och psykisk hälsa, tillgång till vård och stöd för hälsosamma val.', 'Healthy', 'Hälsa'),
    (1, 'utvecklas', 3, 'Utvecklas', 'Achieving', 'Jag lär mig och utvecklas', 'Stöd i lärande och utveckling hemma, i förskolan och skolan.', 'Achieving', 'Utbildning'),
    (1, 'omvardad', 4, 'Omvårdad', 'Nurtured', 'Någon tar hand om mig', 'En trygg plats att bo på och vuxna som tillgodoser grundläggande behov.', 'Nurtured', 'Grundläggande omsorg'),
    (1, 'aktiv', 5, 'Aktiv', 'Active', 'Jag kan leka och göra saker jag gillar', 'Möjlighet till lek, fritid, idrott och kultur.', 'Active', 'Stimulans'),
    (1, 'respekterad', 6, 'Respekterad', 'Respected', 'Vuxna lyssnar på mig', 'Blir lyssnad på och delaktig i beslut som rör en.', 'Respected', 'Identitet'),
    (1, 'ansvarstagande', 7, 'Ansvarstagande', 'Responsible', 'Jag tar ansvar', 'Stöd att ta ansvar i skolan, hemma och i samhället.', 'Responsible', 'Socialt uppträdande'),
    (1, 'delaktig', 8, 'Delaktig', 'Included', 'Jag är med', 'Får hjälp att övervinna sociala, ekonomiska och andra hinder för att vara med.', 'Included', 'Familj och sociala relationer');

CREATE TABLE coordination_holders (
    child_id INTEGER PRIMARY KEY REFERENCES children (id),
    unit_id  INTEGER NOT NULL REFERENCES units (id),
    since    INTEGER NOT NULL  -- unix milliseconds
) STRICT;

CREATE INDEX coordination_holders_by_unit ON coordination_holders (unit_id);

CREATE TABLE concerns (
    id                 INTEGER PRIMARY KEY,
    child_id           INTEGER NOT NULL REFERENCES children (id),
    noticed_on         TEXT NOT NULL,     -- YYYY-MM-DD
    description        TEXT NOT NULL,
    child_name_given   TEXT NOT NULL,     -- the name as the noticing user typed it
    guardians_informed INTEGER NOT NULL CHECK (guardians_informed IN (0, 1)),
    noticing_user_id   INTEGER NOT NULL REFERENCES users (id),
    noticing_unit_id   INTEGER NOT NULL REFERENCES units (id),
    holder_unit_id     INTEGER NOT NULL REFERENCES units (id),
    status             TEXT NOT NULL CHECK (status IN ('received', 'handled')),
    registered_at      INTEGER NOT NULL,  -- unix milliseconds
    report_date        TEXT,              -- orosanmälan: date, NULL when none recorded
    report_unit_id     INTEGER REFERENCES units (id),
    wheel_version      INTEGER NOT NULL REFERENCES wheel_catalogue_versions (version)
) STRICT;

CREATE INDEX concerns_inbox ON concerns (holder_unit_id, status, registered_at);
CREATE INDEX concerns_by_noticing_user ON concerns (noticing_user_id, registered_at);
CREATE INDEX concerns_by_child ON concerns (child_id);

CREATE TABLE concern_wheel_areas (
    concern_id INTEGER NOT NULL REFERENCES concerns (id),
    area_code  TEXT NOT NULL,
    PRIMARY KEY (concern_id, area_code)
) STRICT, WITHOUT ROWID;
