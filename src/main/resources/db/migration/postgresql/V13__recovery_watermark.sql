-- Recovery nudges come from the database, not from a queue in memory: a shift that ended (early,
-- at ended_at, or as planned, at ends_at) and has not been looked at for a recovery nudge yet is
-- found again after a crash, by any instance. Shifts over before this version are taken as looked
-- at; the watches still running get their nudge when they end.
ALTER TABLE shift ADD COLUMN recovery_checked_at BIGINT;
UPDATE shift SET recovery_checked_at = COALESCE(ended_at, ends_at)
  WHERE COALESCE(ended_at, ends_at) <= (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT;
CREATE INDEX shift_recovery_due ON shift (started_at) WHERE recovery_checked_at IS NULL;
