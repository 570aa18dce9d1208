-- What must be handed over before a unit can close, counted.
SELECT (SELECT count(*) FROM coordination_holders WHERE unit_id = ?1) AS children_held,
       (SELECT count(*) FROM handovers WHERE state = 'pending' AND (from_unit_id = ?1 OR to_unit_id = ?1))
           AS pending_handovers,
       (SELECT count(*) FROM plans WHERE state <> 'closed' AND (collaboration_unit_id = ?1 OR kept_by_unit_id = ?1))
           AS open_plans,
       (SELECT count(*) FROM concerns WHERE holder_unit_id = ?1 AND status = 'received') AS open_signals,
       (SELECT count(*) FROM user_roles WHERE unit_id = ?1) AS staff_roles
