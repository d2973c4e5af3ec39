-- The hour log: raw activity (ids and instants only, never text), the work sessions
-- inferred from it, manual sessions still open, and what we know about each person.
-- Instants are epoch milliseconds in BIGINT so the same SQL runs on PostgreSQL.

CREATE TABLE activity (
  event_id    VARCHAR(64) NOT NULL PRIMARY KEY,
  team_id     VARCHAR(32) NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  channel_id  VARCHAR(32) NOT NULL,
  occurred_at BIGINT      NOT NULL,
  kind        SMALLINT    NOT NULL
);

CREATE TABLE work_session (
  id          INTEGER     PRIMARY KEY,
  team_id     VARCHAR(32) NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  started_at  BIGINT      NOT NULL,
  last_at     BIGINT      NOT NULL,
  source      SMALLINT    NOT NULL
);
CREATE INDEX work_session_by_user ON work_session (team_id, user_id, last_at);

CREATE TABLE manual_session (
  team_id     VARCHAR(32) NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  started_at  BIGINT      NOT NULL,
  note        VARCHAR(200),
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE person (
  team_id     VARCHAR(32) NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  zone        VARCHAR(64),
  zone_seen_at BIGINT,
  PRIMARY KEY (team_id, user_id)
);
