-- A session may hold more than one live refresh token: two tabs that refreshed with one token at
-- once (within the grace window) each got a new one of their own, and both go on refreshing. So
-- every refresh token a session gave out is a row here, live until spent; a spent one presented
-- after the grace window ends the session. Hashes only, as before. A session's absolute lifetime
-- is counted from sessions.created_at with the configured length (not stored per session, so a
-- shorter setting applies to existing sessions too).
CREATE TABLE refresh_tokens (
    token_hash text        PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id),
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz
);
INSERT INTO refresh_tokens (token_hash, session_id, expires_at)
SELECT refresh_token_hash, id, refresh_expires_at FROM sessions;
INSERT INTO refresh_tokens (token_hash, session_id, expires_at, spent_at)
SELECT token_hash, session_id, spent_at, spent_at FROM spent_refresh_tokens;
DROP TABLE spent_refresh_tokens;
ALTER TABLE sessions DROP COLUMN refresh_token_hash, DROP COLUMN refresh_expires_at;
