-- PostgreSQL twin of db/migration/sqlite/V5__summary_and_privacy.sql: same version, same tables.
-- Weekly summaries, who is in a channel (from activity, kept per day), sharing and zone choices,
-- and files the outbox uploads (the summary chart).

ALTER TABLE outbox ADD COLUMN file_name VARCHAR(100);
ALTER TABLE outbox ADD COLUMN file_title VARCHAR(200);
ALTER TABLE outbox ADD COLUMN file_bytes BYTEA;
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(64);

CREATE TABLE channel_member (
  team_id      VARCHAR(32) NOT NULL,
  channel_id   VARCHAR(32) NOT NULL,
  user_id      VARCHAR(32) NOT NULL,
  last_seen_at BIGINT      NOT NULL,
  PRIMARY KEY (team_id, channel_id, user_id)
);

CREATE TABLE summary_schedule (
  team_id     VARCHAR(32) NOT NULL,
  channel_id  VARCHAR(32) NOT NULL,
  day_of_week SMALLINT    NOT NULL,
  at_time     VARCHAR(5)  NOT NULL,
  zone        VARCHAR(64) NOT NULL,
  created_by  VARCHAR(32) NOT NULL,
  created_at  BIGINT      NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

CREATE TABLE summary_post (
  team_id    VARCHAR(32) NOT NULL,
  channel_id VARCHAR(32) NOT NULL,
  week       VARCHAR(8)  NOT NULL,
  posted_at  BIGINT      NOT NULL,
  PRIMARY KEY (team_id, channel_id, week)
);

ALTER TABLE person ADD COLUMN share_name SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN zone_override VARCHAR(64);
