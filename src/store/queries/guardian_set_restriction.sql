UPDATE guardians SET access_restricted = ?2, restriction_reason = ?3 WHERE id = ?1
