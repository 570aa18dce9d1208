SELECT DISTINCT area FROM units WHERE area <> ''
