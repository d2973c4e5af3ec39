-- Who set up a rotation, and when the person who set up a rotation or a weekly summary was told
-- that one of its messages could not be delivered: they are told once per plan, and setting the
-- plan up again starts afresh. Rotations set up before this migration have no known setter.
ALTER TABLE rotation ADD COLUMN set_up_by VARCHAR(32);
ALTER TABLE rotation ADD COLUMN problem_told_at BIGINT;
ALTER TABLE summary_schedule ADD COLUMN problem_told_at BIGINT;
