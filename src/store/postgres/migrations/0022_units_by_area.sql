-- Choices of units about a child list the units serving the child's municipality (and the whole
-- county), not every unit of the country.
CREATE INDEX units_by_area ON units (area);
