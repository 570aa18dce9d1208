SELECT h.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, '') AS municipality,
       h.requested_at, h.answered_at, h.state, h.kind, fu.kind AS from_kind, tu.kind AS to_kind,
       CASE WHEN h.concern_id IS NULL THEN 0 ELSE 1 END AS after_decision,
       CASE WHEN h.state <> 'accepted' OR h.kind <> 'coordination' THEN ''
            -- Accepting without a consent covering the new holder closes the plan for the former one
            -- in the same transaction, at the same instant.
            WHEN EXISTS (SELECT 1 FROM plans p
                         JOIN plan_changes pc ON pc.plan_id = p.id
                         JOIN plan_change_fields f ON f.change_id = pc.id
                         WHERE p.child_id = h.child_id AND p.close_reason = 'handed_over_without_consent'
                           AND f.field IN ('state', 'plan.state') AND f.after = 'closed' AND pc.changed_at = h.answered_at)
                 THEN 'stayed'
            WHEN EXISTS (SELECT 1 FROM plans p
                         WHERE p.child_id = h.child_id AND p.created_at <= h.answered_at
                           AND NOT EXISTS (SELECT 1 FROM plan_changes pc
                                           JOIN plan_change_fields f ON f.change_id = pc.id
                                           WHERE pc.plan_id = p.id AND f.field IN ('state', 'plan.state') AND f.after = 'closed'
                                             AND pc.changed_at <= h.answered_at))
                 THEN 'followed'
            ELSE '' END AS plan_outcome
FROM handovers h
JOIN children ch ON ch.id = h.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
JOIN units fu ON fu.id = h.from_unit_id
JOIN units tu ON tu.id = h.to_unit_id
WHERE h.requested_at >= ?1 AND h.requested_at < ?2
ORDER BY h.id
