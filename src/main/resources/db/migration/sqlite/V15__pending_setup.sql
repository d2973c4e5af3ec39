-- A setup that would replace a channel's rotation waits here until its author clicks Replace. The
-- button carries only the id, so a long roster cannot outgrow a button's value; the click claims
-- the row once (used_at), and rows older than a response_url's life are deleted.
CREATE TABLE pending_setup (
  id            VARCHAR(32) PRIMARY KEY,
  team_id       VARCHAR(32) NOT NULL,
  channel_id    VARCHAR(32) NOT NULL,
  user_id       VARCHAR(32) NOT NULL,
  roster        TEXT        NOT NULL,
  cadence_hours INTEGER     NOT NULL,
  cadence_days  INTEGER     NOT NULL,
  handoff_at    VARCHAR(8)  NOT NULL,
  zone          VARCHAR(64) NOT NULL,
  replaces      BIGINT      NOT NULL,
  created_at    BIGINT      NOT NULL,
  used_at       BIGINT
);
CREATE INDEX pending_setup_created ON pending_setup (created_at);
CREATE INDEX pending_setup_person ON pending_setup (team_id, user_id);
