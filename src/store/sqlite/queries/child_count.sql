SELECT count(*) FROM children
