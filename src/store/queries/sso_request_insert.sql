INSERT INTO sso_requests (state_hash, provider, nonce, code_verifier, browser_hash, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
