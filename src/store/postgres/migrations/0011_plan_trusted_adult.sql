-- The adult the child trusts most, in the child's own choice (story 13); weighed when choosing the holder.
ALTER TABLE plans ADD COLUMN trusted_adult TEXT NOT NULL DEFAULT '';
