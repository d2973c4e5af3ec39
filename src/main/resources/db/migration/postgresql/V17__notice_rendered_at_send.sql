-- PostgreSQL twin of db/migration/sqlite/V17__notice_rendered_at_send.sql: a row may hold what was
-- decided (notice_json, rendered by the sender when it sends) instead of text written at once.
ALTER TABLE outbox ADD COLUMN notice_json TEXT;
ALTER TABLE outbox ALTER COLUMN text DROP NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_text_or_notice
  CHECK (text IS NOT NULL OR notice_json IS NOT NULL);
