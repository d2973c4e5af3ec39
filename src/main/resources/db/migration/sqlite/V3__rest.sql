-- Rest nudges: each person's choices, and every nudge with the button chosen (never the text).
-- Local dates are ISO strings (YYYY-MM-DD); instants are epoch milliseconds.
CREATE TABLE rest_prefs (
  team_id         VARCHAR(32) NOT NULL,
  user_id         VARCHAR(32) NOT NULL,
  enabled         SMALLINT    NOT NULL DEFAULT 1,
  quiet_from      VARCHAR(5),
  quiet_to        VARCHAR(5),
  daily_limit_min INTEGER,
  snoozed_until   BIGINT,
  paused_until    VARCHAR(10),
  done_on         VARCHAR(10),
  break_at        BIGINT,
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE nudge (
  id            INTEGER     PRIMARY KEY,
  team_id       VARCHAR(32) NOT NULL,
  user_id       VARCHAR(32) NOT NULL,
  kind          VARCHAR(16) NOT NULL,
  decided_at    BIGINT      NOT NULL,
  local_date    VARCHAR(10) NOT NULL,
  zone          VARCHAR(64) NOT NULL,
  observed_min  INTEGER     NOT NULL DEFAULT 0,
  days          INTEGER     NOT NULL DEFAULT 0,
  channel_id    VARCHAR(32),
  captain_id    VARCHAR(32),
  earlier_today INTEGER     NOT NULL DEFAULT 0,
  answer        VARCHAR(16),
  answered_at   BIGINT
);
CREATE INDEX nudge_by_user ON nudge (team_id, user_id, decided_at);
CREATE INDEX nudge_by_time ON nudge (team_id, decided_at);

-- The periodic check asks who was active lately, and the late-night rule which channels.
CREATE INDEX activity_by_time ON activity (occurred_at);
CREATE INDEX activity_by_user ON activity (team_id, user_id, occurred_at);
