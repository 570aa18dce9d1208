SELECT f.secret, f.confirmed_at, f.last_step,
       (SELECT COUNT(*) FROM recovery_codes c WHERE c.user_id = f.user_id AND c.used_at IS NULL) AS codes_left
FROM second_factors f WHERE f.user_id = ?1
