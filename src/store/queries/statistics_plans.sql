SELECT p.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, '') AS municipality,
       p.id, p.created_at, p.state,
       (SELECT COUNT(*) FROM plan_participants pp WHERE pp.plan_id = p.id) AS participants,
       (SELECT COUNT(*) FROM plan_actions pa WHERE pa.plan_id = p.id) AS actions,
       CASE WHEN p.child_view <> '' THEN 1 ELSE 0 END AS child_view_recorded,
       p.support_areas, holder.kind AS holder_kind, c.registered_at AS signal_registered_at,
       (SELECT MIN(pc.changed_at) FROM plan_changes pc JOIN plan_change_fields f ON f.change_id = pc.id
        WHERE pc.plan_id = p.id AND f.field IN ('state', 'plan.state') AND f.after IN ('agreed', 'active')) AS agreed_at,
       (SELECT MIN(pc.changed_at) FROM plan_changes pc JOIN plan_change_fields f ON f.change_id = pc.id
        WHERE pc.plan_id = p.id AND f.field IN ('state', 'plan.state') AND f.after = 'closed') AS closed_at,
       (SELECT MIN(m.held_on) FROM plan_meetings m WHERE m.plan_id = p.id) AS first_meeting_on
FROM plans p
JOIN children ch ON ch.id = p.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
LEFT JOIN coordination_holders h ON h.child_id = p.child_id
LEFT JOIN units holder ON holder.id = h.unit_id
LEFT JOIN concerns c ON c.id = p.concern_id
WHERE p.created_at >= ?1 AND p.created_at < ?2
ORDER BY p.id
