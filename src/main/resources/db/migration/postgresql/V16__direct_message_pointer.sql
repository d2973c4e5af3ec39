-- The local day (YYYY-MM-DD) on which a person writing to the bot's Messages tab was last pointed
-- to the commands; one answer per person and day, so a "thanks" back gets no reply.
CREATE TABLE dm_pointer (
  team_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  answered_on TEXT NOT NULL,
  PRIMARY KEY (team_id, user_id)
);
