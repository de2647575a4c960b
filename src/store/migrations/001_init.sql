-- The original reports, kept so every record can be rebuilt after an extractor upgrade:
-- `text` is the report as lines (what provenance line numbers point into); `content`
-- keeps the original bytes of formats whose text is not the original (html, docx, pdf).
CREATE TABLE documents (
  id serial PRIMARY KEY,
  path text NOT NULL UNIQUE,
  source text NOT NULL,
  format text NOT NULL,
  text text NOT NULL,
  content bytea,
  sha256 text NOT NULL,
  extractor_version text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_sha ON documents (sha256);

-- One meeting per document; `record` is the extracted record (contract + provenance).
CREATE TABLE meetings (
  id serial PRIMARY KEY,
  document_id int NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
  source text NOT NULL,
  group_name text,
  group_acronym text,
  number int,
  start text,
  start_at timestamptz,
  next_meeting text,
  members_only boolean NOT NULL DEFAULT false,
  record json NOT NULL
);
CREATE INDEX meetings_group ON meetings (group_name, start_at);
CREATE INDEX meetings_start ON meetings (start_at);

-- Searchable units: every discussion section, and agenda items no section discusses.
-- tsv: title (weight A), agenda item (B), body (D); head: title and agenda item only, a
-- small index that finds title matches without reading body matches. The body text is
-- not copied: snippets are cut from the document's lines [line, end_line].
CREATE TABLE sections (
  id serial PRIMARY KEY,
  meeting_id int NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  ord int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('section', 'agenda')),
  title text NOT NULL,
  agenda_title text,
  agenda_index int,
  speakers text[] NOT NULL DEFAULT '{}',
  line int,
  end_line int,
  document_id int NOT NULL,
  start_at timestamptz,
  head tsvector NOT NULL,
  tsv tsvector NOT NULL
);
CREATE INDEX sections_meeting ON sections (meeting_id, ord);
CREATE INDEX sections_tsv ON sections USING gin (tsv);
CREATE INDEX sections_head ON sections USING gin (head);
CREATE INDEX sections_recent ON sections (start_at DESC NULLS LAST, id DESC);

-- Who said what: the statement's text is read back from the document's lines.
CREATE TABLE statements (
  meeting_id int NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  section_ord int NOT NULL,
  speaker text NOT NULL,
  line int NOT NULL,
  end_line int NOT NULL
);
CREATE INDEX statements_meeting ON statements (meeting_id);
CREATE INDEX statements_speaker ON statements (speaker);

-- The participant list as written, one row per entry (duplicates kept).
CREATE TABLE attendance (
  meeting_id int NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  ord int NOT NULL,
  name text NOT NULL,
  nick text,
  affiliation text,
  roles text[] NOT NULL DEFAULT '{}',
  line int,
  PRIMARY KEY (meeting_id, ord)
);
CREATE INDEX attendance_name ON attendance (name);

CREATE TABLE organisations (
  name text PRIMARY KEY,
  stakeholder_group text
);

-- People across meetings, rebuilt from the spellings and the manual decisions.
CREATE TABLE people (
  id text PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE aliases (
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  alias text NOT NULL,
  key text NOT NULL,
  evidence text NOT NULL,
  confidence real NOT NULL,
  PRIMARY KEY (person_id, alias)
);
CREATE INDEX aliases_key ON aliases (key);
CREATE TABLE person_meetings (
  person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  source text NOT NULL,
  PRIMARY KEY (person_id, source)
);
CREATE INDEX person_meetings_source ON person_meetings (source);
-- Merges and splits made by hand: kept apart from everything derived, so they survive
-- re-ingest and re-extraction.
CREATE TABLE person_decisions (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('merge', 'split')),
  a text NOT NULL,
  b text NOT NULL,
  made_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE actions (
  meeting_id int NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  ord int NOT NULL,
  text text NOT NULL,
  owner text,
  due text,
  line int,
  PRIMARY KEY (meeting_id, ord)
);

CREATE TABLE links (
  meeting_id int NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  ord int NOT NULL,
  url text NOT NULL,
  text text,
  line int,
  PRIMARY KEY (meeting_id, ord)
);

CREATE TABLE findings (
  meeting_id int NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  ord int NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  subject text,
  line int,
  PRIMARY KEY (meeting_id, ord)
);
