SELECT id, child_id, noticed_on, description, guardians_informed, noticing_user_id, noticing_unit_id, holder_unit_id,
       status, registered_at, report_date, report_unit_id, child_name_given
FROM concerns WHERE id = ?1
