-- A participant joins last. A unit that left the plan and comes back is a participant again, with
-- its new contact.
INSERT INTO plan_participants (plan_id, unit_id, position, contact_name, contact_phone)
VALUES (?1, ?2, (SELECT COALESCE(MAX(position), -1) + 1 FROM plan_participants WHERE plan_id = ?1), ?3, ?4)
ON CONFLICT (plan_id, unit_id) DO UPDATE
SET position = excluded.position, contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
    removed_at = NULL, removed_reason = ''
