-- PostgreSQL twin of db/migration/sqlite/V7__activity_by_person.sql: same version, same tables.
-- Activity stored in the order it is read: by person and time. Every query on raw activity asks
-- for one person's recent instants or channels, so keying the table itself that way serves them
-- all without a secondary index; the old table carried three (event id, time, person) that
-- together took more room than the rows. This keeps the file under 100 bytes per event.
--
-- A retry of an event carries the same person, instant and event id, so the primary key still
-- keeps it once; the store also refuses an event id the person already has within the hour.
-- Who was active lately is read from work_session instead (an activity session's last_at is
-- its latest activity), hence the index on last_at.
--
-- The SQLite twin of this file declares the table WITHOUT ROWID (clustered by its key); here the
-- primary key index serves the same queries.
CREATE TABLE activity_by_person (
  team_id     VARCHAR(32) NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  occurred_at BIGINT      NOT NULL,
  event_id    VARCHAR(64) NOT NULL,
  channel_id  VARCHAR(32) NOT NULL,
  kind        SMALLINT    NOT NULL,
  PRIMARY KEY (team_id, user_id, occurred_at, event_id)
);

INSERT INTO activity_by_person (team_id, user_id, occurred_at, event_id, channel_id, kind)
  SELECT team_id, user_id, occurred_at, event_id, channel_id, kind FROM activity
  ORDER BY team_id, user_id, occurred_at, event_id;

DROP TABLE activity;
ALTER TABLE activity_by_person RENAME TO activity;

CREATE INDEX work_session_by_time ON work_session (last_at);
