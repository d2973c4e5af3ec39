-- A row may now hold what was decided (notice_json, a value the sender renders into text and
-- blocks when it sends) instead of text written at decision time, so text becomes optional.
-- SQLite cannot drop a NOT NULL in place: the table is rebuilt with the same rows and ids.
CREATE TABLE outbox_new (
  id              INTEGER      PRIMARY KEY,
  team_id         VARCHAR(32)  NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  method          VARCHAR(32)  NOT NULL,
  channel_id      VARCHAR(32)  NOT NULL,
  target_ts       VARCHAR(32),
  text            TEXT,
  blocks_json     TEXT,
  notice_json     TEXT,
  ref             VARCHAR(64),
  created_at      BIGINT       NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  claimed_until   BIGINT,
  attempts        INTEGER      NOT NULL DEFAULT 0,
  sent_at         BIGINT,
  sent_channel    VARCHAR(32),
  sent_ts         VARCHAR(32),
  failed_at       BIGINT,
  last_error      VARCHAR(200),
  file_name       VARCHAR(100),
  file_title      VARCHAR(200),
  file_bytes      BLOB,
  claimed_by      VARCHAR(64),
  CHECK (text IS NOT NULL OR notice_json IS NOT NULL)
);
INSERT INTO outbox_new (id, team_id, kind, method, channel_id, target_ts, text, blocks_json, ref,
    created_at, next_attempt_at, claimed_until, attempts, sent_at, sent_channel, sent_ts, failed_at,
    last_error, file_name, file_title, file_bytes, claimed_by)
  SELECT id, team_id, kind, method, channel_id, target_ts, text, blocks_json, ref, created_at,
    next_attempt_at, claimed_until, attempts, sent_at, sent_channel, sent_ts, failed_at, last_error,
    file_name, file_title, file_bytes, claimed_by
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
CREATE INDEX outbox_ref ON outbox (ref);
