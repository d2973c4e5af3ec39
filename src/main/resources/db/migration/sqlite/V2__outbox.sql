-- Messages the bot decided to send, written in the same transaction as the decision.
-- A sender drains due rows; sent rows keep Slack's ts so a later button click can update them.
CREATE TABLE outbox (
  id              INTEGER      PRIMARY KEY,
  team_id         VARCHAR(32)  NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  method          VARCHAR(32)  NOT NULL,
  channel_id      VARCHAR(32)  NOT NULL,
  target_ts       VARCHAR(32),
  text            TEXT         NOT NULL,
  blocks_json     TEXT,
  ref             VARCHAR(64),
  created_at      BIGINT       NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  claimed_until   BIGINT,
  attempts        INTEGER      NOT NULL DEFAULT 0,
  sent_at         BIGINT,
  sent_channel    VARCHAR(32),
  sent_ts         VARCHAR(32),
  failed_at       BIGINT,
  last_error      VARCHAR(200)
);
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
CREATE INDEX outbox_ref ON outbox (ref);
