-- Editor tokens for the web app and API: only a SHA-256 hash of each token is kept.
CREATE TABLE tokens (
  id serial PRIMARY KEY,
  name text NOT NULL,
  hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Status changes of actions, with who and when. Keyed by the meeting's source and the
-- action's text, so they survive re-ingest and re-extraction; the latest one counts.
CREATE TABLE action_events (
  id serial PRIMARY KEY,
  source text NOT NULL,
  action_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_events_key ON action_events (source, action_key, id);
