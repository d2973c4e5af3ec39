-- Recovery nudges come from the database, not from a queue in memory: a shift that ended and has
-- not been looked at for a recovery nudge yet is found again after a crash, by any instance. Shifts
-- that ended before this version are taken as looked at.
ALTER TABLE shift ADD COLUMN recovery_checked_at BIGINT;
UPDATE shift SET recovery_checked_at = ended_at WHERE ended_at IS NOT NULL;
CREATE INDEX shift_recovery_due ON shift (recovery_checked_at, ended_at);
