-- Web logins: the cookie carries a random session id, never the editor's token. Only a
-- hash of the id is kept; a session ends at logout, at expiry, or with its token.
CREATE TABLE sessions (
  hash text PRIMARY KEY,
  token_id int NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
