-- A unit's open plans (start page, plans_of_unit.sql) are found through three indexes, not by
-- scanning every open plan of the country: the collaboration-responsible unit's is this one.
CREATE INDEX plans_by_collaboration_unit ON plans (collaboration_unit_id) WHERE state <> 'closed';
