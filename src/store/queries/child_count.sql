SELECT count(*) AS count FROM children
