DELETE FROM sso_requests WHERE state_hash = ?1
RETURNING provider, nonce, code_verifier, browser_hash, created_at
