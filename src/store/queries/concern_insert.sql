INSERT INTO concerns (child_id, noticed_on, description, guardians_informed, noticing_user_id, noticing_unit_id,
                      holder_unit_id, status, registered_at, report_date, report_unit_id, wheel_version,
                      child_name_given)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, (SELECT max(version) FROM wheel_catalogue_versions), ?12)
RETURNING id
