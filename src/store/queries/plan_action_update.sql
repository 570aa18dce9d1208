UPDATE plan_actions
SET what = ?3, unit_id = ?4, responsible = ?5, start_on = ?6, frequency = ?7, due_on = ?8, status = ?9,
    progress_note = ?10, proposed_due = ?11
WHERE id = ?2 AND plan_id = ?1 AND removed_at IS NULL
