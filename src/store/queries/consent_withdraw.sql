UPDATE consents SET withdrawn_at = ?2, withdrawn_by = ?3, withdrawn_on_word_of = ?4
WHERE id = ?1 AND withdrawn_at IS NULL
