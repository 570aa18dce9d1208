-- Claims today's run of a once-a-day job: a row back only for the first caller of the day.
INSERT INTO daily_jobs (job, last_day) VALUES (?1, ?2)
ON CONFLICT (job) DO UPDATE SET last_day = excluded.last_day WHERE daily_jobs.last_day < excluded.last_day
RETURNING job
