SELECT id, child_id, purpose, categories, valid_from, valid_to, form, documented_by, child_assessed_mature,
       maturity_note, recorded_by, recorded_at, withdrawn_at, withdrawn_by, withdrawn_on_word_of, refused
FROM consents WHERE id = ?1
