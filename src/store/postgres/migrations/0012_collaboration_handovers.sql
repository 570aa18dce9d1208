-- Handovers of collaboration responsibility (samverkansansvar) for the child's plan go through the
-- same request → accept/decline as coordination responsibility.
ALTER TABLE handovers ADD COLUMN kind TEXT NOT NULL DEFAULT 'coordination'
    CHECK (kind IN ('coordination', 'collaboration'));
