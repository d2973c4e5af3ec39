-- The captain rotation: its definition and state, the roster and the line of who is up next,
-- shifts pinned by swaps and covers, the shifts that happened, and handoff notes.
-- Instants are epoch milliseconds; a rotation's first handoff is a local date-time in its zone.

-- AUTOINCREMENT: a replaced rotation's id is never reused, so a stale Replace click is recognised.
CREATE TABLE rotation (
  id            INTEGER     PRIMARY KEY AUTOINCREMENT,
  team_id       VARCHAR(32) NOT NULL,
  channel_id    VARCHAR(32) NOT NULL,
  cadence_hours INTEGER     NOT NULL,
  cadence_days  INTEGER     NOT NULL,
  first_handoff VARCHAR(32) NOT NULL,
  zone          VARCHAR(64) NOT NULL,
  next_seq      INTEGER     NOT NULL,
  reminded_seq  INTEGER     NOT NULL,
  last_captain  VARCHAR(32),
  paused        SMALLINT    NOT NULL,
  version       BIGINT      NOT NULL,
  UNIQUE (team_id, channel_id)
);

CREATE TABLE rotation_member (
  team_id     VARCHAR(32) NOT NULL,
  rotation_id INTEGER     NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
  user_id     VARCHAR(32) NOT NULL,
  roster_pos  INTEGER     NOT NULL,
  line_pos    INTEGER     NOT NULL,
  PRIMARY KEY (rotation_id, user_id)
);

CREATE TABLE shift_pin (
  team_id     VARCHAR(32) NOT NULL,
  rotation_id INTEGER     NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
  seq         INTEGER     NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  reason      VARCHAR(24) NOT NULL,
  PRIMARY KEY (rotation_id, seq)
);

-- Kept after a rotation is replaced, as history; duty time itself is in work_session.
CREATE TABLE shift (
  id              INTEGER     PRIMARY KEY,
  team_id         VARCHAR(32) NOT NULL,
  channel_id      VARCHAR(32) NOT NULL,
  rotation_id     INTEGER     NOT NULL,
  seq             INTEGER     NOT NULL,
  planned_user    VARCHAR(32) NOT NULL,
  captain_user    VARCHAR(32) NOT NULL,
  reason          VARCHAR(24) NOT NULL,
  due_at          BIGINT      NOT NULL,
  started_at      BIGINT      NOT NULL,
  ends_at         BIGINT      NOT NULL,
  ended_at        BIGINT,
  announced_at    BIGINT,
  duty_session_id INTEGER,
  UNIQUE (rotation_id, seq, started_at)
);
CREATE INDEX shift_by_time ON shift (rotation_id, started_at);

-- Written on purpose for the next captain; deleted a while after it was handed over.
CREATE TABLE handoff_note (
  id             INTEGER       PRIMARY KEY,
  team_id        VARCHAR(32)   NOT NULL,
  channel_id     VARCHAR(32)   NOT NULL,
  author_id      VARCHAR(32)   NOT NULL,
  text           VARCHAR(1000) NOT NULL,
  written_at     BIGINT        NOT NULL,
  handed_over_at BIGINT,
  handed_to      VARCHAR(32)
);
CREATE INDEX handoff_note_open ON handoff_note (team_id, channel_id, handed_over_at);
